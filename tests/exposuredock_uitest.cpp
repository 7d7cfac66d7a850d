// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/exposuredock.h"
#include "demo/democase.h"
#include "inspectordock.h"
#include "itemmodels/propertiesmodel.h"
#include "itemmodels/exposurefiltermodel.h"
#include "itemmodels/exposuretablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/exposurenetwork.h"
#include "support/ownershipchain.h"
#include "timeline/timelinedock.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTextEdit>
#include <QElapsedTimer>
#include <QTimer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;
using Casegraph::Tests::GraphFixture;

/// The Exposure dock on real case files: Run on the worker, the verdicts and explanation a user
/// reads, filters, Inspector and chart requests, Ctrl+C, CSV, Cancel, "the case changed", the lists
/// menu, and the dock in the main window on the demo case (with a screenshot to look at).
class ExposureDockUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runShowsVerdictsAndExplanation();
    void filtersNarrowTheTable();
    void doubleClickAsksForTheInspector();
    void showOnChartCarriesTheChain();
    void ctrlCCopiesTheExplanation();
    void exportWritesTheShownRowsEscaped();
    void cancelLeavesTheDockIdle();
    void cancelWhileReadingTheCase();
    void caseChangeOffersRunAgain();
    void listsMenuOffersTheCaseLists();
    void mainWindowOnTheDemoCase();
    void largeCaseStallsOfTheGuiThread();

private:
    bool runAndWait();
    int proxyRowOf(const QString &id) const;
    std::unique_ptr<GraphFixture> m_fixture;
    std::unique_ptr<ExposureDock> m_dock;
};

void ExposureDockUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("exposure"));
}

void ExposureDockUiTest::init()
{
    m_fixture = std::make_unique<GraphFixture>();
    QVERIFY(m_fixture->isValid());
    Casegraph::Tests::buildExposureNetwork(*m_fixture);
    m_dock = std::make_unique<ExposureDock>();
    m_dock->resize(1100, 480);
    m_dock->setCase(&m_fixture->caseFile());
    m_dock->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dock.get()));
}

void ExposureDockUiTest::cleanup()
{
    m_dock.reset();
    m_fixture.reset();
}

bool ExposureDockUiTest::runAndWait()
{
    QSignalSpy ended(m_dock.get(), &ExposureDock::runEnded);
    QTest::mouseClick(m_dock->runButton(), Qt::LeftButton);
    return ended.wait(10000) && !m_dock->isRunning();
}

int ExposureDockUiTest::proxyRowOf(const QString &id) const
{
    const auto *proxy = m_dock->proxy();
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data(ItemDataRole::EntityIdRole).toString() == id) {
            return r;
        }
    }
    return -1;
}

void ExposureDockUiTest::runShowsVerdictsAndExplanation()
{
    QCOMPARE(m_dock->countsLabel()->text(), QStringLiteral("Not run yet."));
    QCOMPARE(m_dock->thresholdBox()->value(), 50.0);
    QVERIFY(!m_dock->cancelButton()->isEnabled());
    QVERIFY(runAndWait());
    // Idle again: Run on, Cancel off, no busy bar.
    QVERIFY(m_dock->runButton()->isEnabled());
    QVERIFY(!m_dock->cancelButton()->isEnabled());
    QVERIFY(!m_dock->busyBar()->isVisible());
    const QString counts = m_dock->countsLabel()->text();
    for (const char *part : {"Listed: 2", "Restricted: 2", "Undetermined: 1", "Not restricted: 2", "threshold 50%",
                             "all Sanctions"}) {
        QVERIFY2(counts.contains(QLatin1String(part)), qPrintable(counts));
    }
    QCOMPARE(m_dock->proxy()->rowCount(), 7);
    // The verdict as the user reads it, by row.
    const auto verdict = [&](const QString &id) {
        return m_dock->proxy()->index(proxyRowOf(id), ExposureTableModel::VerdictColumn).data().toString();
    };
    QCOMPARE(verdict(QStringLiteral("x")), QStringLiteral("Listed"));
    QCOMPARE(verdict(QStringLiteral("b")), QStringLiteral("Restricted"));
    QCOMPARE(verdict(QStringLiteral("u")), QStringLiteral("Undetermined"));
    QCOMPARE(verdict(QStringLiteral("p")), QStringLiteral("Not restricted"));
    QCOMPARE(proxyRowOf(QStringLiteral("r")), -1);
    // Sorted by verdict: the listed entities first; the first row is selected and explained.
    QCOMPARE(m_dock->proxy()->index(0, ExposureTableModel::VerdictColumn).data().toString(), QStringLiteral("Listed"));
    QVERIFY(m_dock->explanation().contains(QStringLiteral("— listed")));

    QVERIFY(m_dock->selectEntity(QStringLiteral("b")));
    // What the pane shows: one paragraph per step (indented by margins, so no leading spaces).
    const QStringList lines = m_dock->explanationView()->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("B Components [b] — restricted")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("50% held by A Holdings [a] (restricted) through ownership ab, 1 excerpt")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QStringLiteral("50% held by X Trading [x] (listed) through ownership xa, 2 excerpt")),
             qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).contains(QStringLiteral("listed by Sanction sx (OFAC; SDN)")), qPrintable(lines.at(3)));
    QVERIFY(m_dock->explanationView()->isReadOnly());
    QVERIFY(m_dock->showOnChartButton()->isEnabled());

    // FAQ 401: P is held 25% by listed Y; not restricted, and says so.
    QVERIFY(m_dock->selectEntity(QStringLiteral("p")));
    QVERIFY2(m_dock->explanation().startsWith(QStringLiteral("P Partners [p] — not restricted: restricted owners hold at most 25%")),
             qPrintable(m_dock->explanation()));
    QVERIFY(m_dock->selectEntity(QStringLiteral("u")));
    QVERIFY2(m_dock->explanation().contains(QStringLiteral("undetermined")), qPrintable(m_dock->explanation()));

    QVERIFY(m_dock->selectEntity(QStringLiteral("b")));
    const QString png = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("exposure-dock-network.png"));
    QVERIFY(m_dock->grab().save(png));
    qInfo("screenshot: %s", qPrintable(png));
}

void ExposureDockUiTest::filtersNarrowTheTable()
{
    QVERIFY(runAndWait());
    QComboBox *verdicts = m_dock->verdictFilter();
    verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("Restricted")));
    QCOMPARE(m_dock->proxy()->rowCount(), 2);
    verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("Undetermined")));
    QCOMPARE(m_dock->proxy()->rowCount(), 1);
    verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("All verdicts")));
    QTest::keyClicks(m_dock->textFilter(), QStringLiteral("hold"));
    QCOMPARE(m_dock->proxy()->rowCount(), 1);
    QCOMPARE(m_dock->proxy()->index(0, 0).data().toString(), QStringLiteral("A Holdings"));
    m_dock->textFilter()->clear();
    QCOMPARE(m_dock->proxy()->rowCount(), 7);
    // A click on a header sorts by it: the worst case, numerically.
    m_dock->view()->sortByColumn(ExposureTableModel::WorstColumn, Qt::DescendingOrder);
    QCOMPARE(m_dock->proxy()->index(0, ExposureTableModel::WorstColumn).data().toString(), QStringLiteral("60%"));
}

void ExposureDockUiTest::doubleClickAsksForTheInspector()
{
    QVERIFY(runAndWait());
    QSignalSpy activated(m_dock.get(), &ExposureDock::entityActivated);
    QTableView *view = m_dock->view();
    const QModelIndex index = m_dock->proxy()->index(proxyRowOf(QStringLiteral("b")), 0);
    const QPoint at = view->visualRect(index).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toLongLong(), m_fixture->caseFile().entities().rowIdOf(QStringLiteral("b")));
}

void ExposureDockUiTest::showOnChartCarriesTheChain()
{
    QVERIFY(runAndWait());
    QSignalSpy requested(m_dock.get(), &ExposureDock::showOnChartRequested);
    QVERIFY(m_dock->selectEntity(QStringLiteral("b")));
    QTest::mouseClick(m_dock->showOnChartButton(), Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
    const EntityStore &store = m_fixture->caseFile().entities();
    QCOMPARE(requested.first().at(0).value<QList<qint64>>(),
             (QList<qint64>{store.rowIdOf(QStringLiteral("b")), store.rowIdOf(QStringLiteral("a")),
                            store.rowIdOf(QStringLiteral("x"))}));
    QCOMPARE(requested.first().at(1).value<QList<qint64>>(),
             (QList<qint64>{store.rowIdOf(QStringLiteral("ab")), store.rowIdOf(QStringLiteral("xa"))}));
}

void ExposureDockUiTest::ctrlCCopiesTheExplanation()
{
    QVERIFY(runAndWait());
    QVERIFY(m_dock->selectEntity(QStringLiteral("a")));
    QApplication::clipboard()->clear();
    m_dock->view()->setFocus();
    QTest::keyClick(m_dock->view(), Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("A Holdings [a] — restricted")), qPrintable(copied));
    QCOMPARE(copied, m_dock->explanation());
}

void ExposureDockUiTest::exportWritesTheShownRowsEscaped()
{
    // An owner whose name a spreadsheet would run as a formula.
    m_fixture->node(QStringLiteral("evil"), QStringLiteral("Company"), QStringLiteral("=1+2 Holding"));
    m_fixture->ownership(QStringLiteral("xe"), QStringLiteral("x"), QStringLiteral("evil"), QStringLiteral("75%"));
    QVERIFY(runAndWait());
    QComboBox *verdicts = m_dock->verdictFilter();
    verdicts->setCurrentIndex(verdicts->findText(QStringLiteral("Restricted")));
    m_dock->view()->sortByColumn(ExposureTableModel::WorstColumn, Qt::DescendingOrder);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("exposure.csv"));
    QVERIFY(m_dock->exportCsv(path).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4); // header and the three restricted rows, in the shown order
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("'=1+2 Holding,evil,Company,Restricted,75,75,")), qPrintable(lines.at(1)));
    QVERIFY(lines.at(2).contains(QStringLiteral(",Restricted,50,50,")));
}

void ExposureDockUiTest::cancelLeavesTheDockIdle()
{
    QSignalSpy ended(m_dock.get(), &ExposureDock::runEnded);
    m_dock->run();
    QVERIFY(m_dock->isRunning());
    QVERIFY(m_dock->busyBar()->isVisible());
    QVERIFY(m_dock->cancelButton()->isEnabled());
    QVERIFY(!m_dock->runButton()->isEnabled());
    QTest::mouseClick(m_dock->cancelButton(), Qt::LeftButton);
    QVERIFY(!m_dock->isRunning());
    QVERIFY(!m_dock->busyBar()->isVisible());
    QVERIFY(m_dock->runButton()->isEnabled());
    QVERIFY(!m_dock->cancelButton()->isEnabled());
    QCOMPARE(m_dock->statusLabel()->text(), QStringLiteral("Cancelled."));
    QCOMPARE(ended.count(), 1);
    // Whatever the worker still finds is dropped: the table stays empty, nothing more is announced.
    QTest::qWait(1500);
    QCOMPARE(m_dock->model()->rowCount(), 0);
    QCOMPARE(ended.count(), 1);
    QCOMPARE(m_dock->countsLabel()->text(), QStringLiteral("Not run yet."));
    // And Run works afterwards.
    QVERIFY(runAndWait());
    QCOMPARE(m_dock->model()->rowCount(), 7);
}

void ExposureDockUiTest::cancelWhileReadingTheCase()
{
    // A case large enough that reading it into a graph takes a while: Cancel stops that reading
    // (the projection takes the run's cancel flag), and the dock says Cancelled.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chain.casegraph"));
    const int companies = 20000;
    QVERIFY(Casegraph::Tests::writeOwnershipChain(path, companies));
    CaseFile chain;
    QVERIFY(chain.open(path).ok());
    m_dock->setCase(&chain);
    QSignalSpy ended(m_dock.get(), &ExposureDock::runEnded);
    QTest::mouseClick(m_dock->runButton(), Qt::LeftButton);
    QCOMPARE(m_dock->statusLabel()->text(), QStringLiteral("Reading the case…"));
    QTest::mouseClick(m_dock->cancelButton(), Qt::LeftButton);
    QVERIFY(!m_dock->isRunning());
    QVERIFY(!m_dock->busyBar()->isVisible());
    QVERIFY(m_dock->runButton()->isEnabled());
    QCOMPARE(m_dock->statusLabel()->text(), QStringLiteral("Cancelled."));
    QCOMPARE(ended.count(), 1);
    // The interrupted reading reports nothing: no error, no rows.
    QTest::qWait(300);
    QCOMPARE(m_dock->statusLabel()->text(), QStringLiteral("Cancelled."));
    QCOMPARE(ended.count(), 1);
    QCOMPARE(m_dock->countsLabel()->text(), QStringLiteral("Not run yet."));
    // Run again reads the case in full: c0 is listed, and 60% stakes restrict every company below it.
    QVERIFY(runAndWait());
    QCOMPARE(m_dock->model()->count(ExposureVerdict::Listed), 1);
    QCOMPARE(m_dock->model()->count(ExposureVerdict::Restricted), companies - 1);
    m_dock->setCase(nullptr);
}

void ExposureDockUiTest::caseChangeOffersRunAgain()
{
    QVERIFY(runAndWait());
    QVERIFY(!m_dock->staleBanner()->isVisibleTo(m_dock.get()));
    // Y now holds another 25% of P: 50% in all, so P becomes restricted on the next run.
    m_fixture->ownership(QStringLiteral("yp2"), QStringLiteral("y"), QStringLiteral("p"), QStringLiteral("25%"));
    QVERIFY(m_dock->isStale());
    QVERIFY(m_dock->staleBanner()->isVisibleTo(m_dock.get()));
    const auto labels = m_dock->staleBanner()->findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    QVERIFY(labels.first()->text().startsWith(QStringLiteral("The case changed since this run")));
    auto *again = m_dock->staleBanner()->findChild<QPushButton *>();
    QVERIFY(again);
    QSignalSpy ended(m_dock.get(), &ExposureDock::runEnded);
    QTest::mouseClick(again, Qt::LeftButton);
    QVERIFY(ended.wait(10000));
    QVERIFY(!m_dock->staleBanner()->isVisibleTo(m_dock.get()));
    QCOMPARE(m_dock->proxy()->index(proxyRowOf(QStringLiteral("p")), ExposureTableModel::VerdictColumn).data().toString(),
             QStringLiteral("Restricted"));
}

void ExposureDockUiTest::listsMenuOffersTheCaseLists()
{
    // The lists are read on a worker when the case is set.
    QTRY_VERIFY_WITH_TIMEOUT(m_dock->listsButton()->menu()->actions().size() > 4, 5000);
    QCOMPARE(m_dock->listsButton()->text(), QStringLiteral("Lists: all Sanctions"));
    QStringList offered;
    QAction *entityList = nullptr;
    for (QAction *a : m_dock->listsButton()->menu()->actions()) {
        if (!a->text().isEmpty()) { // the sections' titles too
            offered << a->text();
        }
        if (a->text() == QLatin1String("Entity List")) {
            entityList = a;
        }
    }
    QCOMPARE(offered, (QStringList{QStringLiteral("Every Sanction in the case"), QStringLiteral("Authorities"),
                                   QStringLiteral("Bureau of Industry and Security"), QStringLiteral("OFAC"),
                                   QStringLiteral("Programs"), QStringLiteral("Entity List"), QStringLiteral("SDN")}));
    QVERIFY(entityList);
    entityList->trigger();
    QTRY_COMPARE(m_dock->listsButton()->text(), QStringLiteral("Lists: Entity List"));
    QCOMPARE(m_dock->sanctionFilter().programs, QStringList{QStringLiteral("Entity List")});
    // With only the Entity List counting, X is not listed and its chain is clear; Y still is.
    QVERIFY(runAndWait());
    QVERIFY2(m_dock->countsLabel()->text().contains(QStringLiteral("Listed: 1")), qPrintable(m_dock->countsLabel()->text()));
    QVERIFY(m_dock->countsLabel()->text().contains(QStringLiteral("lists Entity List")));
    QCOMPARE(proxyRowOf(QStringLiteral("x")), -1);
    QVERIFY(proxyRowOf(QStringLiteral("y")) >= 0);
    // The threshold and date settings reach the run too.
    m_dock->thresholdBox()->setValue(25);
    m_dock->asOfCheck()->setChecked(true);
    m_dock->asOfEdit()->setDate(QDate(2020, 1, 1));
    QVERIFY(runAndWait());
    QVERIFY2(m_dock->countsLabel()->text().contains(QStringLiteral("threshold 25%, as of 2020-01-01")),
             qPrintable(m_dock->countsLabel()->text()));
    QCOMPARE(m_dock->proxy()->index(proxyRowOf(QStringLiteral("p")), ExposureTableModel::VerdictColumn).data().toString(),
             QStringLiteral("Restricted"));
    QCOMPARE(QSettings().value(QStringLiteral("exposure/threshold")).toDouble(), 25.0);
    m_dock->thresholdBox()->setValue(50);
}

void ExposureDockUiTest::mainWindowOnTheDemoCase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.casegraph"));
    {
        CaseFile demo;
        QVERIFY(demo.create(path));
        QVERIFY(DemoCase::write(demo));
    }
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    window.resetLayout();
    QVERIFY(window.openCase(path).ok());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ExposureDock *dock = window.exposureDock();
    QVERIFY(dock);
    QVERIFY(!dock->isVisible());
    // Analysis → Ownership Exposure… shows it, at the bottom beside the Timeline.
    QAction *open = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() == QLatin1String("&Analysis")) {
            for (QAction *a : menu->menu()->actions()) {
                if (a->text() == QStringLiteral("Ownership &Exposure…")) {
                    open = a;
                }
            }
        }
    }
    QVERIFY(open);
    open->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    // With the Timeline shown too, the two are tabs of one area.
    window.timelineDock()->toggleViewAction()->trigger();
    QVERIFY(window.tabifiedDockWidgets(window.timelineDock()).contains(dock));
    open->trigger(); // raises the Exposure tab again

    QSignalSpy ended(dock, &ExposureDock::runEnded);
    QTest::mouseClick(dock->runButton(), Qt::LeftButton);
    QVERIFY(ended.wait(10000));
    // The demo's listed entities, each listed by its Sanction.
    QVERIFY2(dock->model()->count(ExposureVerdict::Listed) >= 15, qPrintable(dock->countsLabel()->text()));
    for (const char *key : {"megvii", "hikvision", "nuctech", "xinjiang-police", "nanjing-fiberhome"}) {
        const QString id = DemoCase::idForKey(QLatin1String(key));
        QVERIFY2(dock->selectEntity(id), key);
        QVERIFY2(dock->explanation().contains(QStringLiteral("listed by Sanction")), qPrintable(dock->explanation()));
    }
    QVERIFY(dock->selectEntity(DemoCase::idForKey(QStringLiteral("hikvision"))));
    // Double-click goes to the Inspector through MainWindow::showEntity.
    const QModelIndex index = dock->view()->currentIndex();
    const QPoint at = dock->view()->visualRect(index).center();
    QSignalSpy activated(dock, &ExposureDock::entityActivated);
    QTest::mouseClick(dock->view()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(dock->view()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(window.inspectorDock()->model()->entityRowId(), index.data(ItemDataRole::EntityRowIdRole).toLongLong());

    const QString png = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("exposure-dock-demo.png"));
    QVERIFY(window.grab().save(png));
    qInfo("screenshot: %s", qPrintable(png));
}

void ExposureDockUiTest::largeCaseStallsOfTheGuiThread()
{
    // A measurement: CASEGRAPH_EXPOSURE_CASE=FILE runs the dock on that case while a 10 ms timer
    // records the longest gap between its ticks (how long the GUI thread was busy at once).
    const QString path = qEnvironmentVariable("CASEGRAPH_EXPOSURE_CASE");
    if (path.isEmpty()) {
        QSKIP("set CASEGRAPH_EXPOSURE_CASE to a case file to measure");
    }
    CaseFile caseFile;
    QVERIFY(caseFile.open(path, CaseFile::OpenMode::ReadOnly).ok());
    m_dock->setCase(&caseFile);
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] {
        longest = std::max(longest, clock.elapsed() - last);
        last = clock.elapsed();
    });
    tick.start(10);
    QSignalSpy ended(m_dock.get(), &ExposureDock::runEnded);
    m_dock->run();
    QVERIFY(ended.wait(120000));
    const qint64 total = clock.elapsed();
    QTest::qWait(200);
    qInfo("run %lld ms, %d rows; longest GUI-thread stall %lld ms", total, m_dock->model()->rowCount(), longest);
    m_dock->setCase(nullptr);
}

QTEST_MAIN(ExposureDockUiTest)
#include "exposuredock_uitest.moc"

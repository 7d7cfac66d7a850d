// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/pathsdock.h"
#include "catalogues.h"
#include "chart/chartdata.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "entitypicker.h"
#include "inspectordock.h"
#include "mainwindow.h"
#include "recentfiles.h"

#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/graphfixture.h"
#include "support/ownershipchain.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QPushButton>
#include <QSpinBox>
#include <QClipboard>
#include <QDir>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
/// Companies in the chain case of the cancel test (twice as many entities).
constexpr int ChainCompanies = 20000;
} // namespace

/// The Paths dock on the demo case, driven as a user would: the menu actions, the pickers, Run,
/// the list and the hop table, Show on Chart and Undo, Cancel; its results are compared with what
/// `casegraph-cli paths` and `diversion` print for the same question.
class PathsDockUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void diversionFromThermoFisherMatchesTheCli();
    void findPathsMatchesTheCli();
    void prefillsFromTheChartSelection();
    void showOnChartAddsAndHighlightsInOneUndoableStep();
    void cancelLeavesTheDockIdle();
    void cancelWhileReadingTheCase();
    void explainsAnEntityWithoutRelationships();
    void saysWhenTheCapIsHit();
    void typeCountsArriveFromAWorker();

private:
    bool waitForRun(PathsDock *dock);
    qint64 rowOf(const QString &id) const { return m_window->caseFile()->entities().rowIdOf(id); }
    /// The path lines `casegraph-cli ARGS` prints (the part after "N. …: " for paths).
    QStringList cliPaths(const QStringList &args) const;

    QTemporaryDir m_dir;
    QString m_template;
    QString m_demo;
    RecentFiles *m_recent = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void PathsDockUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // As the window and the command line do: the English catalogue gives "1 hop", "2 excerpts".
    Casegraph::Translations::install(*qApp);
    m_template = m_dir.filePath(QStringLiteral("template.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_template).ok());
    QVERIFY(DemoCase::write(c).ok());
}

void PathsDockUiTest::init()
{
    // A fresh copy per test: Show on Chart and the edits change the case.
    m_demo = m_dir.filePath(QStringLiteral("demo-%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(m_demo);
    QVERIFY(QFile::copy(m_template, m_demo));
    m_recent = new RecentFiles;
    m_window = std::make_unique<MainWindow>(m_recent);
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_demo).ok());
    m_window->show();
    QVERIFY(m_window->waitUntilLoaded(5000));
}

void PathsDockUiTest::cleanup()
{
    m_window.reset();
    delete m_recent;
    m_recent = nullptr;
}

bool PathsDockUiTest::waitForRun(PathsDock *dock)
{
    if (!dock->isRunning()) {
        return true;
    }
    QSignalSpy ended(dock, &PathsDock::searchEnded);
    return ended.wait(8000) && !dock->isRunning();
}

QStringList PathsDockUiTest::cliPaths(const QStringList &args) const
{
    const auto r = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI), args);
    QStringList paths;
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.err));
        return paths;
    }
    const bool diversion = args.value(0) == QLatin1String("diversion");
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        if (diversion && line.startsWith(QLatin1String("   "))) {
            paths << line.trimmed();
        } else if (!diversion && !line.isEmpty() && line.at(0).isDigit()) {
            paths << line.mid(line.indexOf(QLatin1String("excerpt(s): ")) + 12);
        }
    }
    return paths;
}

void PathsDockUiTest::diversionFromThermoFisherMatchesTheCli()
{
    // The investigator looks at Thermo Fisher in the Inspector and asks where its sequencers end up.
    m_window->showEntity(rowOf(QStringLiteral("demo-thermo-fisher")));
    PathsDock *dock = m_window->pathsDock();
    QVERIFY(dock->isHidden());
    dock->diversionAction()->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(dock->mode(), PathsDock::Mode::Diversion);
    QVERIFY(dock->fromPicker()->selected());
    QCOMPARE(dock->fromPicker()->selected()->id, QStringLiteral("demo-thermo-fisher"));
    QVERIFY(!dock->toPicker()->isVisible());
    // Supply only is ticked, as DiversionQuery does by default.
    QStringList ticked;
    for (int i = 0; i < dock->typeList()->count(); ++i) {
        if (dock->typeList()->item(i)->checkState() == Qt::Checked) {
            ticked << dock->typeList()->item(i)->text();
        }
    }
    QCOMPARE(ticked.size(), 1);
    QVERIFY2(ticked.first().startsWith(QStringLiteral("Supply")), qPrintable(ticked.first()));

    QTest::mouseClick(dock->runButton(), Qt::LeftButton);
    QVERIFY(waitForRun(dock));
    QCOMPARE(dock->pathList()->count(), 2);
    QVERIFY2(dock->statusText().contains(QStringLiteral("Xinjiang police")), qPrintable(dock->statusText()));
    QVERIFY(dock->warningText().isEmpty());
    QCOMPARE(dock->pathList()->item(0)->text(),
             QStringLiteral("Xinjiang police (listed) · 1 hop · weakest hop 2 excerpts · Thermo Fisher Scientific → "
                            "Xinjiang police"));
    QVERIFY2(dock->pathList()->item(1)->text().contains(QStringLiteral("→ Unnamed Chinese resellers")),
             qPrintable(dock->pathList()->item(1)->text()));

    // The same paths as the CLI, in the same order; Ctrl+C copies the selected one.
    const QStringList cli = cliPaths({QStringLiteral("diversion"), m_demo, QStringLiteral("--from"),
                                      QStringLiteral("demo-thermo-fisher")});
    QCOMPARE(cli.size(), 2);
    for (int i = 0; i < cli.size(); ++i) {
        dock->pathList()->setCurrentRow(i);
        dock->pathList()->setFocus();
        QTest::keyClick(dock->pathList(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text().section(QLatin1Char('\n'), 0, 0), cli.at(i));
    }

    // The hops of the resale path: the manufacturer hop, then the resellers' sale to the police.
    QTableWidget *hops = dock->hopTable();
    QCOMPARE(hops->rowCount(), 2);
    QCOMPARE(hops->item(0, 0)->text(), QStringLiteral("Thermo Fisher Scientific"));
    QVERIFY2(hops->item(0, 1)->text().contains(QStringLiteral("manufacturer → supplier")), qPrintable(hops->item(0, 1)->text()));
    QVERIFY(hops->item(1, 0)->text().startsWith(QStringLiteral("Unnamed Chinese resellers")));
    QVERIFY2(hops->item(1, 1)->text().contains(QStringLiteral("2019-05 – open")), qPrintable(hops->item(1, 1)->text()));
    QCOMPARE(hops->item(1, 2)->text(), QStringLiteral("Xinjiang police"));
    QCOMPARE(hops->item(1, 3)->text(), QStringLiteral("along"));
    QCOMPARE(hops->item(1, 4)->text(), QStringLiteral("5 excerpts"));
    // Double-clicking an entity shows it in the Inspector.
    Q_EMIT hops->cellDoubleClicked(1, 2);
    QCOMPARE(m_window->inspectorDock()->entityRowId(), rowOf(QStringLiteral("demo-xinjiang-police")));

    QGuiApplication::processEvents();
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("paths-dock-diversion.png"));
}

void PathsDockUiTest::findPathsMatchesTheCli()
{
    PathsDock *dock = m_window->pathsDock();
    dock->findPathsAction()->trigger();
    QCOMPARE(dock->mode(), PathsDock::Mode::Paths);
    dock->setFrom(rowOf(QStringLiteral("demo-thermo-fisher")));
    dock->setTo(rowOf(QStringLiteral("demo-xinjiang-police")));
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    const QStringList cli = cliPaths({QStringLiteral("paths"), m_demo, QStringLiteral("--from"),
                                      QStringLiteral("demo-thermo-fisher"), QStringLiteral("--to"),
                                      QStringLiteral("demo-xinjiang-police")});
    QCOMPARE(cli.size(), 3);
    QCOMPARE(dock->pathList()->count(), cli.size());
    for (int i = 0; i < cli.size(); ++i) {
        QCOMPARE(dock->copyText(i).section(QLatin1Char('\n'), 0, 0), cli.at(i));
    }
    QVERIFY2(dock->statusText().startsWith(QStringLiteral("3 paths from Thermo Fisher Scientific to Xinjiang police")),
             qPrintable(dock->statusText()));

    // Either direction, at most 4 hops, to the Chinese government: the CLI's --undirected --max-hops 4.
    dock->setTo(rowOf(QStringLiteral("demo-chinese-government")));
    dock->eitherDirection()->setChecked(true);
    dock->maxHops()->setValue(4);
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    const QStringList undirected = cliPaths({QStringLiteral("paths"), m_demo, QStringLiteral("--from"),
                                             QStringLiteral("demo-thermo-fisher"), QStringLiteral("--to"),
                                             QStringLiteral("demo-chinese-government"), QStringLiteral("--undirected"),
                                             QStringLiteral("--max-hops"), QStringLiteral("4")});
    QVERIFY(!undirected.isEmpty());
    QCOMPARE(dock->pathList()->count(), undirected.size());
    for (int i = 0; i < undirected.size(); ++i) {
        QCOMPARE(dock->copyText(i).section(QLatin1Char('\n'), 0, 0), undirected.at(i));
    }
    QVERIFY(dock->pathList()->item(0)->text().contains(QStringLiteral(" ← ")));
    QGuiApplication::processEvents();
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("paths-dock-paths.png"));

    // An edit after the run: the dock says so and Run Again brings it up to date.
    QVERIFY(!dock->isStale());
    QVERIFY(m_window->editor()->createEntity(QStringLiteral("Company"), QStringLiteral("Newly Added Ltd")).ok());
    QVERIFY(dock->isStale());
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    QVERIFY(!dock->isStale());
}

void PathsDockUiTest::prefillsFromTheChartSelection()
{
    ChartPanel *panel = m_window->charts()->currentPanel();
    QVERIFY(panel);
    const qint64 a = rowOf(QStringLiteral("demo-thermo-fisher"));
    const qint64 b = rowOf(QStringLiteral("demo-xinjiang-police"));
    QVERIFY(panel->view()->data().indexOf(a) >= 0 && panel->view()->data().indexOf(b) >= 0);
    panel->view()->selectRowIds({a, b});
    QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    PathsDock *dock = m_window->pathsDock();
    QVERIFY(dock->isVisible());
    QCOMPARE(dock->mode(), PathsDock::Mode::Paths);
    QVERIFY(dock->fromPicker()->selected() && dock->toPicker()->selected());
    QCOMPARE(dock->fromPicker()->selected()->rowId, a);
    QCOMPARE(dock->toPicker()->selected()->rowId, b);
    // At the bottom, a tab beside the Timeline when both are shown.
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    QDockWidget *timeline = m_window->findChild<QDockWidget *>(QStringLiteral("TimelineDock"));
    QVERIFY(timeline);
    timeline->show();
    QVERIFY(m_window->tabifiedDockWidgets(dock).contains(timeline));
}

void PathsDockUiTest::showOnChartAddsAndHighlightsInOneUndoableStep()
{
    ChartWorkspace *charts = m_window->charts();
    ChartPanel *panel = charts->openChart(charts->createChart(QStringLiteral("Paths")));
    QVERIFY(panel);
    QVERIFY(m_window->waitUntilLoaded(5000));
    QCOMPARE(panel->view()->data().nodeCount(), 0);

    m_window->showEntity(rowOf(QStringLiteral("demo-thermo-fisher")));
    PathsDock *dock = m_window->pathsDock();
    dock->open(PathsDock::Mode::Diversion);
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    dock->pathList()->setCurrentRow(1); // through the unnamed resellers
    QUndoStack *stack = m_window->editor()->undoStack();
    const int steps = stack->count();
    QTest::mouseClick(dock->showOnChartButton(), Qt::LeftButton);
    QVERIFY(m_window->waitUntilLoaded(5000));
    QCOMPARE(stack->count(), steps + 1);

    const ChartData &d = panel->view()->data();
    QCOMPARE(d.nodeCount(), 3);
    const qint64 thermoResale = rowOf(QStringLiteral("demo-supply-thermo-resale"));
    const qint64 promegaResale = rowOf(QStringLiteral("demo-supply-promega-resale"));
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        QVERIFY(d.nodeFlags[size_t(i)] & NodeHighlighted);
    }
    // Exactly the path's two edges: the manufacturer hop and the resellers' sale of Thermo Fisher's
    // goods; not Thermo Fisher's direct sale nor the resale of Promega's kits between the same two.
    int highlighted = 0;
    bool promegaEdge = false;
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        const bool on = d.edgeFlags[size_t(e)] & EdgeHighlighted;
        promegaEdge = promegaEdge || d.edgeRelationship[size_t(e)] == promegaResale;
        if (on) {
            ++highlighted;
            QCOMPARE(d.edgeRelationship[size_t(e)], thermoResale);
        }
    }
    QCOMPARE(highlighted, 2);
    QVERIFY(promegaEdge);

    QGuiApplication::processEvents();
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("paths-dock-on-chart.png"));

    stack->undo();
    QVERIFY(m_window->waitUntilLoaded(5000));
    QCOMPARE(panel->view()->data().nodeCount(), 0);
}

void PathsDockUiTest::cancelLeavesTheDockIdle()
{
    PathsDock *dock = m_window->pathsDock();
    dock->open(PathsDock::Mode::Paths);
    dock->setFrom(rowOf(QStringLiteral("demo-thermo-fisher")));
    dock->setTo(rowOf(QStringLiteral("demo-xinjiang-police")));
    QVERIFY(dock->run());
    QVERIFY(dock->isRunning());
    QVERIFY(!dock->runButton()->isEnabled());
    QVERIFY(dock->cancelButton()->isEnabled());
    QTest::mouseClick(dock->cancelButton(), Qt::LeftButton);
    QVERIFY(!dock->isRunning());
    QVERIFY(dock->runButton()->isEnabled());
    QVERIFY(!dock->cancelButton()->isEnabled());
    QVERIFY2(dock->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(dock->statusText()));
    // The cancelled run never reports.
    QTest::qWait(300);
    QCOMPARE(dock->pathList()->count(), 0);
    QVERIFY(!dock->outcome());
}

void PathsDockUiTest::cancelWhileReadingTheCase()
{
    // A case large enough that reading it into a graph takes a while: Cancel stops that reading
    // (GraphProjection::fromCase takes the search's cancel flag), and the dock says Cancelled.
    const QString path = m_dir.filePath(QStringLiteral("chain.casegraph"));
    QVERIFY(Casegraph::Tests::writeOwnershipChain(path, ChainCompanies));
    QVERIFY(m_window->openCase(path).ok());
    PathsDock *dock = m_window->pathsDock();
    dock->open(PathsDock::Mode::Paths);
    dock->setFrom(rowOf(QStringLiteral("c0")));
    dock->setTo(rowOf(QStringLiteral("c1")));
    QSignalSpy ended(dock, &PathsDock::searchEnded);
    QVERIFY(dock->run());
    QCOMPARE(dock->statusText(), QStringLiteral("Reading the case…"));
    QTest::mouseClick(dock->cancelButton(), Qt::LeftButton);
    QVERIFY(!dock->isRunning());
    QVERIFY(dock->runButton()->isEnabled());
    QVERIFY2(dock->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(dock->statusText()));
    QCOMPARE(ended.count(), 1);
    // The interrupted reading reports nothing: no error, no result.
    QTest::qWait(300);
    QVERIFY2(dock->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(dock->statusText()));
    QCOMPARE(ended.count(), 1);
    QVERIFY(!dock->outcome());
    // Run again reads the case in full and finds the path.
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    QVERIFY2(dock->statusText().startsWith(QStringLiteral("1 path from Chain Company 0 to Chain Company 1")),
             qPrintable(dock->statusText()));
    QCOMPARE(dock->pathList()->count(), 1);
}

void PathsDockUiTest::explainsAnEntityWithoutRelationships()
{
    const auto lonely = m_window->editor()->createEntity(QStringLiteral("Company"), QStringLiteral("Lonely Trading Ltd"));
    QVERIFY(lonely.ok());
    PathsDock *dock = m_window->pathsDock();
    dock->open(PathsDock::Mode::Paths);
    dock->setFrom(*lonely);
    dock->setTo(rowOf(QStringLiteral("demo-xinjiang-police")));
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    QCOMPARE(dock->pathList()->count(), 0);
    QVERIFY2(dock->statusText().contains(QStringLiteral("“Lonely Trading Ltd” is not in any relationship")),
             qPrintable(dock->statusText()));
}

void PathsDockUiTest::saysWhenTheCapIsHit()
{
    // Eight companies that all own each other: about two thousand paths join two of them, more
    // than the 1,000 the dock lists. The red line says the list stopped there.
    Casegraph::Tests::GraphFixture f;
    QVERIFY(f.isValid());
    const int n = 8;
    for (int i = 0; i < n; ++i) {
        QVERIFY(f.node(QStringLiteral("k%1").arg(i)));
    }
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i != j) {
                QVERIFY(f.ownership(QStringLiteral("o%1-%2").arg(i).arg(j), QStringLiteral("k%1").arg(i),
                                    QStringLiteral("k%1").arg(j)));
            }
        }
    }
    QVERIFY(m_window->openCase(f.caseFile().path()).ok());
    PathsDock *dock = m_window->pathsDock();
    dock->open(PathsDock::Mode::Paths);
    dock->setFrom(f.caseFile().entities().rowIdOf(QStringLiteral("k0")));
    dock->setTo(f.caseFile().entities().rowIdOf(QStringLiteral("k7")));
    dock->maxHops()->setValue(10);
    QVERIFY(dock->run());
    QVERIFY(waitForRun(dock));
    QCOMPARE(dock->pathList()->count(), 1000);
    QVERIFY2(dock->warningText().startsWith(QStringLiteral("Stopped at the limit of 1000 paths: more paths exist.")),
             qPrintable(dock->warningText()));
    QVERIFY(dock->warningText().isEmpty() == false && dock->statusText().startsWith(QStringLiteral("1000 paths from k0")));
}


void PathsDockUiTest::typeCountsArriveFromAWorker()
{
    // Opening a case counted every entity by schema on the GUI thread for the Paths dock's
    // relationship types: a quarter of a second of frozen window on a million entities, at every
    // open. The counts now come from the From picker's summary, read on its worker.
    const auto typeTexts = [](PathsDock *dock) {
        QStringList texts;
        for (int i = 0; i < dock->typeList()->count(); ++i) {
            texts << dock->typeList()->item(i)->text();
        }
        return texts;
    };
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_recent);
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_demo).ok());
    PathsDock *dock = m_window->pathsDock();
    // Straight after the open, before any event ran: no counts yet, and the list says why.
    QStringList texts = typeTexts(dock);
    QVERIFY2(texts.contains(QStringLiteral("Counting relationship types…")), qPrintable(texts.join(u'|')));
    QVERIFY2(!texts.join(u'|').contains(QLatin1String("Ownership")), qPrintable(texts.join(u'|')));
    // Opening the dock meanwhile ticks the types, not the line that says they are being counted.
    dock->open(PathsDock::Mode::Paths);
    const QList<QListWidgetItem *> counting =
        dock->typeList()->findItems(QStringLiteral("Counting relationship types…"), Qt::MatchExactly);
    QCOMPARE(counting.size(), 1);
    QVERIFY(!counting.first()->data(Qt::CheckStateRole).isValid());

    qint64 ownerships = 0;
    for (const auto &[schema, n] : m_window->caseFile()->entities().countsBySchema()) {
        ownerships = schema == QLatin1String("Ownership") ? n : ownerships;
    }
    QVERIFY(ownerships > 0);
    const QString counted = QStringLiteral("Ownership (%1)").arg(ownerships);
    QTRY_VERIFY2(typeTexts(dock).contains(counted), qPrintable(typeTexts(dock).join(u'|')));
    QVERIFY(!typeTexts(dock).contains(QStringLiteral("Counting relationship types…")));

    // The user unticks Ownership; a new ownership updates its count and keeps the choice.
    dock->open(PathsDock::Mode::Paths);
    const auto ownershipItem = [dock]() -> QListWidgetItem * {
        for (int i = 0; i < dock->typeList()->count(); ++i) {
            if (dock->typeList()->item(i)->text().startsWith(QLatin1String("Ownership ("))) {
                return dock->typeList()->item(i);
            }
        }
        return nullptr;
    };
    QVERIFY(ownershipItem());
    QCOMPARE(ownershipItem()->checkState(), Qt::Checked);
    ownershipItem()->setCheckState(Qt::Unchecked);
    const auto created = m_window->editor()->createRelationship(
        QStringLiteral("Ownership"), rowOf(QStringLiteral("demo-thermo-fisher")), rowOf(QStringLiteral("demo-unnamed-resellers")));
    QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
    const QString more = QStringLiteral("Ownership (%1)").arg(ownerships + 1);
    QTRY_VERIFY2(typeTexts(dock).contains(more), qPrintable(typeTexts(dock).join(u'|')));
    QCOMPARE(ownershipItem()->checkState(), Qt::Unchecked);
}

QTEST_MAIN(PathsDockUiTest)
#include "pathsdock_uitest.moc"

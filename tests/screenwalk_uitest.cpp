// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "globalsearch.h"
#include "itemmodels/entitytablemodel.h"
#include "screening/listedpanel.h"
#include "screening/mergedpanel.h"
#include "import/importdialog.h"
#include "import/importexportcontroller.h"
#include "import/jobprogressdialog.h"
#include "inspectordock.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "screening/duplicatesdialog.h"
#include "screening/referencelistsdialog.h"
#include "screening/screeningactions.h"
#include "screening/screeningdialog.h"
#include "timeline/timelinedock.h"
#include "timeline/timelineview.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/mergestore.h"
#include "storage/referenceliststore.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;
using Casegraph::Tests::saveShot;
using Casegraph::Tests::testData;

/// A reporter's walk through screening, entity resolution and the timeline on the demo case,
/// with the real sanctions lists of the shared test data, in the real main window.
class ScreenWalkUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importedListsSayHowToScreen();
    void reviewCandidatesStrongestFirst();
    void oneEntityScreenedReadsSingular();
    void mergeShowsItsProvenanceAndSplits();
    void timelineStepsThroughFactsByKeyboard();
    void commandLineScreensMergesAndSplits();

private:
    void withModal(const std::function<void()> &open, const std::function<void(QWidget *)> &inside);
    void shot(QWidget *w, const QString &name) const;
    /// File → Import… of these test-data files, as the user does it.
    void importLists(const QStringList &relative);
    /// Analysis → Reference Lists…, loading this test-data file as a list.
    ReferenceListsDialog *loadList(const QString &relative);
    /// Analysis → Screen… against the loaded list of this name; the dialog once it finished.
    ScreeningDialog *screen(const QString &listName, bool selectedOnly = false);

    QTemporaryDir m_dir;
    QString m_template;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void ScreenWalkUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp);
    if (testData(QStringLiteral("sanctions/ofac_sdn_2024-05-03.csv")).isEmpty()) {
        QSKIP("the shared test data is absent");
    }
    m_template = m_dir.filePath(QStringLiteral("template.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_template).ok());
    QVERIFY(DemoCase::write(c).ok());
}

void ScreenWalkUiTest::init()
{
    const QString path = m_dir.filePath(QStringLiteral("walk-%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_template, path));
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(path).ok());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(5000));
}

void ScreenWalkUiTest::cleanup()
{
    m_window.reset();
    m_recent.reset();
}

void ScreenWalkUiTest::withModal(const std::function<void()> &open, const std::function<void(QWidget *)> &inside)
{
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *modal = nullptr;
        QTRY_VERIFY((modal = QApplication::activeModalWidget()) != nullptr);
        seen = true;
        inside(modal);
    });
    open();
    QVERIFY(seen);
}

void ScreenWalkUiTest::shot(QWidget *w, const QString &name) const
{
    QApplication::processEvents();
    saveShot(w->grab(), name);
}

void ScreenWalkUiTest::importLists(const QStringList &relative)
{
    QStringList files;
    for (const QString &r : relative) {
        files << testData(r);
    }
    withModal([&] { m_window->importExport()->importFiles(files); },
              [&](QWidget *w) {
                  auto *dialog = qobject_cast<ImportDialog *>(w);
                  QVERIFY(dialog);
                  shot(dialog, QStringLiteral("walk-import-lists.png"));
                  // A reporter imports a sanctions list to screen against it: the dialog says
                  // before the import that this adds its parties to the case instead.
                  QVERIFY(dialog->listNote()->isVisibleTo(dialog));
                  for (const QString &f : files) {
                      QVERIFY2(dialog->listNote()->text().contains(QFileInfo(f).fileName()),
                               qPrintable(dialog->listNote()->text()));
                  }
                  QVERIFY(dialog->listNote()->text().contains(QStringLiteral("Analysis → Reference Lists…")));
                  dialog->importButton()->click();
              });
    QSignalSpy spy(m_window->importExport(), &ImportExportController::importFinished);
    QVERIFY(spy.wait(30000));
    m_window->importExport()->progressDialog()->close();
}

ReferenceListsDialog *ScreenWalkUiTest::loadList(const QString &relative)
{
    ReferenceListsDialog *lists = m_window->screeningActions()->showLists();
    if (!lists) {
        return nullptr;
    }
    QSignalSpy done(lists, &ReferenceListsDialog::loadFinished);
    lists->loadFile(testData(relative), QFileInfo(relative).completeBaseName());
    return done.wait(20000) ? lists : nullptr;
}

ScreeningDialog *ScreenWalkUiTest::screen(const QString &listName, bool selectedOnly)
{
    ScreeningDialog *dialog = m_window->screeningActions()->showScreening();
    if (!dialog) {
        return nullptr;
    }
    dialog->listChooser()->setCurrentIndex(dialog->listChooser()->findText(listName, Qt::MatchStartsWith));
    if (selectedOnly) {
        dialog->selectedOnly()->setChecked(true);
    }
    QSignalSpy finished(dialog, &ScreeningDialog::screeningFinished);
    dialog->startScreening();
    return finished.wait(20000) ? dialog : nullptr;
}

void ScreenWalkUiTest::importedListsSayHowToScreen()
{
    // File → Import… of the UN list and the BIS extract: both become entities of the case (the
    // dialog says so, see importLists), and Screen… then offers to load a list right there.
    importLists({QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"),
                 QStringLiteral("sanctions/bis_entity_list_cn_universities.json")});
    ScreeningDialog *dialog = m_window->screeningActions()->showScreening();
    QVERIFY(dialog);
    shot(dialog, QStringLiteral("walk-screen-no-list.png"));
    QVERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("File → Import…")),
             qPrintable(dialog->statusLabel()->text()));
    QVERIFY(!dialog->screenButton()->isEnabled());
    QVERIFY(dialog->loadListButton()->isVisible() && dialog->loadListButton()->isEnabled());
    // Load List… opens Reference Lists and its file chooser at once.
    bool asked = false;
    QTimer closer; // the file chooser runs its own event loop: close it from a timer
    closer.setInterval(20);
    connect(&closer, &QTimer::timeout, this, [&] {
        if (auto *chooser = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            asked = true;
            chooser->reject();
        }
    });
    closer.start();
    dialog->loadListButton()->click();
    QTRY_VERIFY(asked);
    closer.stop();
    QVERIFY(m_window->findChild<ReferenceListsDialog *>());
    QVERIFY(m_window->findChild<ReferenceListsDialog *>()->isVisible());
    // A list loaded there shows in the screening dialog, which can screen now.
    QVERIFY(loadList(QStringLiteral("sanctions/bis_entity_list_cn_universities_zh.json")));
    QTRY_COMPARE(dialog->listChooser()->count(), 1);
    QVERIFY(dialog->screenButton()->isEnabled());
    QVERIFY(!dialog->statusLabel()->text().contains(QStringLiteral("No reference list")));
}

void ScreenWalkUiTest::reviewCandidatesStrongestFirst()
{
    importLists({QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"),
                 QStringLiteral("sanctions/bis_entity_list_cn_universities.json")});
    QVERIFY(loadList(QStringLiteral("sanctions/bis_entity_list_cn_universities_zh.json")));
    ScreeningDialog *dialog = screen(QStringLiteral("bis_entity_list_cn_universities_zh"));
    QVERIFY(dialog);
    shot(dialog, QStringLiteral("walk-screen-result.png"));
    const QStandardItemModel *model = dialog->resultModel();
    QVERIFY(model->rowCount() > 10);
    // Strongest first, as a reviewer works (they came by case entity: 0.85 above 0.91 above 1.00).
    double previous = 2;
    for (int r = 0; r < model->rowCount(); ++r) {
        const double score = model->item(r, ScreeningDialog::ScoreColumn)->text().toDouble();
        QVERIFY2(score <= previous, qPrintable(QStringLiteral("row %1: %2 after %3").arg(r).arg(score).arg(previous)));
        previous = score;
    }
    // The summary counts in words a reader expects ("1,209 entities screened").
    const QString status = dialog->statusLabel()->text();
    QVERIFY2(status.contains(QLocale().toString(1209) + QStringLiteral(" entities screened against bis_entity_list_cn_universities_zh")),
             qPrintable(status));
    // The BIS names list gives no authority: the details say so instead of "Listed by : ".
    const QString details = dialog->detailsView()->toPlainText();
    QVERIFY2(!details.contains(QStringLiteral("Listed by :")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("The list names no authority or program")), qPrintable(details));
    // A Chinese listed name is explained by its reading (UN's ACADEMY OF NATIONAL DEFENSE SCIENCE
    // against 国防科技大学, "guo fang ke ji da xue").
    bool read = false;
    for (int r = 0; r < model->rowCount(); ++r) {
        read = read || model->item(r, ScreeningDialog::ExplanationColumn)->text().contains(QStringLiteral("Han→Latin"));
    }
    QVERIFY(read);

    QCOMPARE(dialog->resultView()->currentIndex().row(), 0);
    // Accept the candidate with the longest names (UN's ACADEMY OF NATIONAL DEFENSE SCIENCE for the
    // National University of Defense Technology (NUDT)); its Decision cell shows the whole
    // "accepted by <who>".
    int chosen = 0;
    const auto length = [model](int r) {
        return model->item(r, ScreeningDialog::EntityColumn)->text().size() + model->item(r, ScreeningDialog::EntryColumn)->text().size();
    };
    for (int r = 1; r < model->rowCount(); ++r) {
        chosen = length(r) > length(chosen) ? r : chosen;
    }
    dialog->resultView()->setCurrentIndex(model->index(chosen, 0));
    const QString entity = model->item(chosen, ScreeningDialog::EntityColumn)->text();
    dialog->decide(true);
    const QString decision = model->item(chosen, ScreeningDialog::DecisionColumn)->text();
    QVERIFY2(decision.startsWith(QStringLiteral("accepted by ")), qPrintable(decision));
    const int needed = dialog->resultView()->fontMetrics().horizontalAdvance(decision);
    QVERIFY2(dialog->resultView()->columnWidth(ScreeningDialog::DecisionColumn) > needed,
             qPrintable(QStringLiteral("%1 px for \"%2\" (%3 px)")
                            .arg(dialog->resultView()->columnWidth(ScreeningDialog::DecisionColumn))
                            .arg(decision)
                            .arg(needed)));
    shot(dialog, QStringLiteral("walk-screen-accepted.png"));

    // Enter on the accepted candidate shows its case entity in the Inspector, listed; it does not
    // press the dialog's default button (Screen) again.
    dialog->resultView()->setCurrentIndex(model->index(chosen, 0));
    dialog->resultView()->setFocus();
    QTest::keyClick(dialog->resultView(), Qt::Key_Return);
    QVERIFY(!dialog->isRunning());
    QTRY_COMPARE(m_window->inspectorDock()->windowTitle().isEmpty(), false);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(),
                 m_window->caseFile()->entities().rowIdOf(dialog->matches().at(model->item(chosen, 0)->data(Qt::UserRole).toInt()).entityId));
    QTRY_VERIFY(m_window->screeningActions()->listedPanel()->isVisible());
    QVERIFY(m_window->screeningActions()->listedPanel()->lines().first().contains(QStringLiteral("no authority given")));
    dialog->close();
    // The tool bar's Undo names the decision in its tool tip: the full text ("Undo Accept Match
    // ACADEMY OF NATIONAL DEFENSE SCIENCE ~ National University of …") pushed the search field
    // off a laptop's tool bar.
    auto *search = m_window->findChild<GlobalSearch *>();
    QVERIFY(search);
    QTest::qWait(100); // the tool bar lays out again after the Undo text changed
    const QWidget *bar = search->parentWidget();
    QVERIFY2(search->isVisible() && search->width() >= 200 &&
                 search->mapTo(bar, QPoint(search->width(), 0)).x() <= bar->width(),
             qPrintable(QStringLiteral("search field %1 px wide, visible: %2").arg(search->width()).arg(search->isVisible())));
    auto *undo = m_window->findChild<QAction *>(QStringLiteral("undoToolBarAction"));
    QVERIFY(undo && undo->isEnabled());
    QVERIFY2(undo->toolTip().contains(entity), qPrintable(undo->toolTip()));
    shot(m_window.get(), QStringLiteral("walk-window-listed-1366.png"));
    undo->trigger();
    QTRY_VERIFY(!m_window->screeningActions()->listedPanel()->isVisible());
    m_window->resize(1600, 1000);
    QTRY_COMPARE(m_window->size(), QSize(1600, 1000));
    // The timeline holds the imported lists' listing dates: its counts read in the locale's digits.
    TimelineDock *timeline = m_window->timelineDock();
    QSignalSpy ready(timeline, &TimelineDock::timelineReady);
    timeline->toggleViewAction()->trigger();
    QVERIFY(ready.wait(10000));
    const qint64 dated = timeline->model()->items().size();
    QVERIFY(dated >= 1000);
    QLabel *counts = nullptr;
    for (QLabel *label : timeline->findChildren<QLabel *>()) {
        counts = label->text().contains(QStringLiteral(" dated, ")) ? label : counts;
    }
    QVERIFY(counts);
    QVERIFY2(counts->text().startsWith(QLocale().toString(dated) + QStringLiteral(" dated, ")), qPrintable(counts->text()));
    shot(m_window.get(), QStringLiteral("walk-window-1600.png"));
}

void ScreenWalkUiTest::oneEntityScreenedReadsSingular()
{
    QVERIFY(loadList(QStringLiteral("sanctions/bis_entity_list_cn_universities_zh.json")));
    QVERIFY(m_window->entitiesDock()->selectEntity(m_window->caseFile()->entities().rowIdOf(QStringLiteral("demo-xinjiang-police"))));
    ScreeningDialog *dialog = screen(QStringLiteral("bis_entity_list_cn_universities_zh"), true);
    QVERIFY(dialog);
    const QString status = dialog->statusLabel()->text();
    QVERIFY2(status.startsWith(QStringLiteral("1 entity screened against")), qPrintable(status));
    QVERIFY2(status.endsWith(QStringLiteral(": 0 candidates.")), qPrintable(status));
}

void ScreenWalkUiTest::mergeShowsItsProvenanceAndSplits()
{
    importLists({QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml")});
    DuplicatesDialog *dups = m_window->screeningActions()->showDuplicates();
    QVERIFY(dups);
    QSignalSpy found(dups, &DuplicatesDialog::searchFinished);
    QVERIFY(found.wait(20000));
    QVERIFY(!dups->pairs().isEmpty());
    QApplication::processEvents();
    shot(dups, QStringLiteral("walk-duplicates.png"));
    // Where each value came from stays in sight beside a long address or alias.
    for (QTreeWidget *side : {dups->leftView(), dups->rightView()}) {
        const int from = side->header()->sectionViewportPosition(2);
        QVERIFY2(from + 40 < side->viewport()->width(),
                 qPrintable(QStringLiteral("\"From\" starts at %1 of %2 px").arg(from).arg(side->viewport()->width())));
    }
    QVERIFY(dups->pairList()->item(0)->toolTip().contains(dups->pairs().first().reasons.first()));

    const DuplicatePair pair = dups->pairs().first();
    const QString mergedId = m_window->caseFile()->entities().entity(pair.second)->id;
    const qint64 before = m_window->caseFile()->entities().count();
    QVERIFY(dups->mergeCurrent(true));
    QUndoStack *stack = m_window->editor()->undoStack();
    // "Merge X into X" said nothing when both share the caption: the merged one's id says which.
    QVERIFY2(stack->undoText().contains(mergedId), qPrintable(stack->undoText()));
    dups->close();

    // The Inspector says that the kept entity holds a merge, and offers Split.
    m_window->showEntity(pair.first);
    MergedPanel *merged = m_window->screeningActions()->mergedPanel();
    QTRY_VERIFY(merged->isVisible());
    QVERIFY2(merged->plainText().startsWith(QStringLiteral("Merged from %1 (%2)").arg(pair.secondCaption, mergedId)),
             qPrintable(merged->plainText()));
    QVERIFY(merged->text().contains(QStringLiteral("split:")));
    QTRY_COMPARE(m_window->entitiesDock()->model()->totalCount(), before - 1);
    shot(m_window.get(), QStringLiteral("walk-merged-inspector.png"));

    // The link splits, named by both entities (it said "from Inspector").
    Q_EMIT merged->linkActivated(QStringLiteral("split:"));
    QVERIFY2(stack->undoText().startsWith(QStringLiteral("Split %1 (%2) from %3").arg(pair.secondCaption, mergedId, pair.firstCaption)),
             qPrintable(stack->undoText()));
    QTRY_VERIFY(!merged->isVisible());
    QTRY_COMPARE(m_window->entitiesDock()->model()->totalCount(), before);
    // Undo the split: merged again, the panel back; redo: split.
    stack->undo();
    QTRY_VERIFY(merged->isVisible());
    QTRY_COMPARE(m_window->entitiesDock()->model()->totalCount(), before - 1);
    stack->redo();
    QTRY_VERIFY(!merged->isVisible());
    shot(m_window.get(), QStringLiteral("walk-split-inspector.png"));
}

void ScreenWalkUiTest::timelineStepsThroughFactsByKeyboard()
{
    // View → Timeline, then the keyboard only: Ctrl+Right selects the earliest fact and shows its
    // entity in the Inspector, as a click does; there was no way to reach a fact without a mouse.
    m_window->resize(1600, 1000);
    QTRY_COMPARE(m_window->size(), QSize(1600, 1000));
    TimelineDock *dock = m_window->timelineDock();
    QSignalSpy ready(dock, &TimelineDock::timelineReady);
    dock->toggleViewAction()->trigger();
    QVERIFY(ready.wait(10000));
    TimelineView *view = dock->view();
    QVERIFY(view->model() && !view->model()->items().isEmpty());
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    // The facts in time order, as a reader expects them.
    QList<TimelineItem> facts;
    for (const TimelineItem &item : view->model()->items()) {
        if (!item.openStart()) {
            facts << item;
        }
    }
    std::stable_sort(facts.begin(), facts.end(), [](const TimelineItem &a, const TimelineItem &b) { return a.fromMs < b.fromMs; });
    QVERIFY(facts.size() >= 3);
    view->fitToData();
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), facts.at(0).entityRowId);
    QVERIFY(view->state().selected.contains(facts.at(0).entityId));
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), facts.at(1).entityRowId);
    QVERIFY(view->hasFocus()); // the keys keep working: the Inspector did not take the focus
    QTest::keyClick(view, Qt::Key_Left, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), facts.at(0).entityRowId);
    // Zoomed in far, the next fact is brought into view.
    for (int i = 0; i < 12; ++i) {
        QTest::keyClick(view, Qt::Key_Plus);
    }
    QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), facts.at(1).entityRowId);
    QVERIFY(view->state().fromMs <= facts.at(1).fromMs && facts.at(1).fromMs <= view->state().toMs);
    // Every fact in turn: its lane comes into sight too (the demo's "Other events" lie below the
    // lanes a 1600 × 1000 window shows).
    view->fitToData();
    QList<int> order;
    for (int i = 0; i < view->model()->items().size(); ++i) {
        if (!view->model()->items().at(i).openStart()) {
            order << i;
        }
    }
    const auto &items = view->model()->items();
    std::stable_sort(order.begin(), order.end(), [&items](int a, int b) { return items.at(a).fromMs < items.at(b).fromMs; });
    for (qsizetype k = 1; k >= 0; --k) { // back to the first
        QTest::keyClick(view, Qt::Key_Left, Qt::ControlModifier);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        if (k > 0) {
            QTest::keyClick(view, Qt::Key_Right, Qt::ControlModifier);
        }
        QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), items.at(order.at(k)).entityRowId);
        const QRectF lane = view->renderer().laneRectOf(order.at(k));
        const QRectF shown = view->renderer().lanesRect();
        QVERIFY2(!lane.isEmpty() && lane.top() >= shown.top() - 1 &&
                     std::min(lane.bottom(), lane.top() + shown.height()) <= shown.bottom() + 1,
                 qPrintable(QStringLiteral("fact %1 (%2): lane from y %3 to %4, lanes shown from %5 to %6")
                                .arg(k)
                                .arg(items.at(order.at(k)).label)
                                .arg(lane.top())
                                .arg(lane.bottom())
                                .arg(shown.top())
                                .arg(shown.bottom())));
    }
    shot(m_window.get(), QStringLiteral("walk-timeline-keyboard-1600.png"));
}

void ScreenWalkUiTest::commandLineScreensMergesAndSplits()
{
    // The same walk in casegraph-cli: load a list, screen one party, read why; then find, merge and
    // split duplicates (there was no command for these), with clear errors for bad input.
    using Casegraph::Tests::run;
    using Casegraph::Tests::runJson;
    const QString cli = QStringLiteral(CASEGRAPH_CLI);
    const QString path = m_dir.filePath(QStringLiteral("cli.casegraph"));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_template, path));
    QCOMPARE(run(cli, {QStringLiteral("list-load"), path, testData(QStringLiteral("sanctions/bis_entity_list_cn_universities_zh.json"))}).exitCode, 0);
    const QString ids = m_dir.filePath(QStringLiteral("ids.txt"));
    {
        QFile f(ids);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("demo-xinjiang-police\n");
    }
    auto r = run(cli, {QStringLiteral("screen"), path, QStringLiteral("--list"), QStringLiteral("bis_entity_list_cn_universities_zh"),
                       QStringLiteral("--ids"), ids, QStringLiteral("--threshold"), QStringLiteral("0.5")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Screened 1 entity against")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("Xinjiang Police College")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("The list names no authority or program for this entry.")), qPrintable(r.out));
    // A usage error names what is wrong and the command's own options, not all 25 commands.
    r = run(cli, {QStringLiteral("screen"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.startsWith(QStringLiteral("casegraph-cli: screen needs --list LIST")), qPrintable(r.err));
    QVERIFY2(!r.err.contains(QStringLiteral("centrality")), qPrintable(r.err));

    QCOMPARE(run(cli, {QStringLiteral("import"), path, testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"))}).exitCode, 0);
    const QJsonArray pairs = runJson(cli, {QStringLiteral("duplicates"), path}).value(QStringLiteral("pairs")).toArray();
    QVERIFY(!pairs.isEmpty());
    const QJsonObject pair = pairs.first().toObject();
    const QString kept = pair.value(QStringLiteral("first")).toString();
    const QString merged = pair.value(QStringLiteral("second")).toString();
    QVERIFY(!pair.value(QStringLiteral("reasons")).toArray().isEmpty());
    r = run(cli, {QStringLiteral("merge"), path, kept, merged});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("[%1] into").arg(merged)) && r.out.contains(QStringLiteral("split CASE %1").arg(kept)),
             qPrintable(r.out));
    {
        CaseFile c;
        QVERIFY(c.open(path).ok());
        QVERIFY(!c.entities().rowIdOf(merged));
        QCOMPARE(c.merges().merges(c.entities().rowIdOf(kept)).size(), 1);
    }
    r = run(cli, {QStringLiteral("split"), path, kept});
    QCOMPARE(r.exitCode, 0);
    r = run(cli, {QStringLiteral("split"), path, kept});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("%1 holds no merge to split").arg(kept)), qPrintable(r.err));
    r = run(cli, {QStringLiteral("merge"), path, kept, QStringLiteral("no-such-id")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no entity with id \"no-such-id\"")), qPrintable(r.err));
    CaseFile c;
    QVERIFY(c.open(path).ok());
    QVERIFY(c.entities().rowIdOf(merged) && c.entities().rowIdOf(kept));
}

QTEST_MAIN(ScreenWalkUiTest)
#include "screenwalk_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/pathsdock.h"
#include "catalogues.h"
#include "entitypicker.h"
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartmeasure.h"
#include "chart/chartpainter.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "globalsearch.h"
#include "notes/annotationspanel.h"
#include "notes/leadsdock.h"
#include "notes/notesdock.h"
#include "screening/referencelistsdialog.h"
#include "screening/screeningactions.h"
#include "screening/screeningdialog.h"
#include "inspectordock.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "sourceviewer/evidenceui.h"
#include "sourceviewer/sourceviewer.h"
#include "timeline/timelinedock.h"

#include "commands/caseeditor.h"
#include "commands/evidenceeditor.h"
#include "core/grading.h"
#include "itemmodels/itemdatarole.h"
#include "demo/democase.h"
#include "itemmodels/propertiesmodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QCompleter>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QScrollBar>
#include <QLineEdit>
#include <QTabBar>
#include <QToolBar>
#include <QSpinBox>
#include <QStyle>
#include <QCheckBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolTip>
#include <QMenu>
#include <QToolButton>
#include <QTreeView>
#include <QHelpEvent>
#include <QUndoStack>

#include <memory>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// A reporter's walk through the demo case at 1366 × 768: from the diversion path to the chart,
/// from a line on the chart to the passage that states it, and on to the timeline and search.
class AnalysisWalkUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void clickingALineShowsItsRelationshipAndPassages();
    void walkThroughTheDemo();
    void keyboardReachesALineThroughTheInspector();
    void filterMenuCountsRelationshipsNotLines();
    void pathsFormShowsItsChoicesOnALaptop();
    void sourceViewerKeepsItsNeighboursReadable();
    void exportLeavesTheSelectionOut();
    void inspectorShowsAPassagesGrade();
    void everyEditOfTheWalkUndoesAndRedoes();
    void screeningNotesAndLeads();

private:
    qint64 rowOf(const QString &id) const { return m_window->caseFile()->entities().rowIdOf(id); }
    /// The visible edge of this relationship between these two entities (-1: none).
    static qint32 edgeOf(const ChartData &d, qint64 relationship, qint32 from, qint32 to);
    /// A point on the middle of edge `e`, in the view's pixels.
    static QPoint middleOf(const ChartView *view, qint32 e);
    void shot(const QString &name) const;

    QTemporaryDir m_dir;
    QString m_template;
    RecentFiles *m_recent = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void AnalysisWalkUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp);
    m_template = m_dir.filePath(QStringLiteral("template.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_template).ok());
    QVERIFY(DemoCase::write(c).ok());
}

void AnalysisWalkUiTest::init()
{
    const QString path = m_dir.filePath(QStringLiteral("walk-%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_template, path));
    m_recent = new RecentFiles;
    m_window = std::make_unique<MainWindow>(m_recent);
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(path).ok());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(5000));
    QTRY_COMPARE(m_window->size(), QSize(1366, 768));
}

void AnalysisWalkUiTest::cleanup()
{
    m_window.reset();
    delete m_recent;
    m_recent = nullptr;
}

qint32 AnalysisWalkUiTest::edgeOf(const ChartData &d, qint64 relationship, qint32 from, qint32 to)
{
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        if (d.edgeRelationship[size_t(e)] == relationship && d.edgeFrom[size_t(e)] == from &&
            d.edgeTo[size_t(e)] == to && d.isEdgeVisible(e)) {
            return e;
        }
    }
    return -1;
}

QPoint AnalysisWalkUiTest::middleOf(const ChartView *view, qint32 e)
{
    const ChartData &d = view->data();
    const QPointF mid = (d.position(d.edgeFrom[size_t(e)]) + d.position(d.edgeTo[size_t(e)])) / 2;
    return view->worldTransform().map(mid).toPoint();
}

void AnalysisWalkUiTest::shot(const QString &name) const
{
    QApplication::processEvents();
    Casegraph::Tests::saveShot(m_window->grab(), name);
}

void AnalysisWalkUiTest::clickingALineShowsItsRelationshipAndPassages()
{
    // The demo chart: Promega's kits resold by the unnamed resellers. The reporter clicks that line
    // to see which article says so.
    ChartPanel *panel = m_window->charts()->currentPanel();
    QVERIFY(panel);
    ChartView *view = panel->view();
    QTRY_VERIFY(view->data().nodeCount() > 0);
    const ChartData &d = view->data();
    const qint64 promega = rowOf(QStringLiteral("demo-promega"));
    const qint64 resellers = rowOf(QStringLiteral("demo-unnamed-resellers"));
    QVERIFY(promega > 0 && resellers > 0);
    qint32 edge = -1;
    for (qint32 e = 0; e < d.edgeCount() && edge < 0; ++e) {
        const qint64 a = d.nodeRowId[size_t(d.edgeFrom[size_t(e)])], b = d.nodeRowId[size_t(d.edgeTo[size_t(e)])];
        if (d.isEdgeVisible(e) && d.edgeCurve[size_t(e)] == 0 &&
            ((a == promega && b == resellers) || (a == resellers && b == promega))) {
            edge = e;
        }
    }
    QVERIFY2(edge >= 0, "no straight line between Promega and the resellers");
    const qint64 relationship = d.edgeRelationship[size_t(edge)];
    QVERIFY(relationship > 0);
    QVERIFY(relationship != promega && relationship != resellers);

    // Hovering the line says what it is, how well it is sourced and that a click shows its passages.
    QHelpEvent help(QEvent::ToolTip, middleOf(view, edge), view->mapToGlobal(middleOf(view, edge)));
    QApplication::sendEvent(view, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("single source")) && QToolTip::text().contains(QStringLiteral("Click")),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();

    QTest::mouseClick(view, Qt::LeftButton, {}, middleOf(view, edge));
    // The Inspector shows the relationship with the claims quoting its passages.
    QCOMPARE(m_window->inspectorDock()->entityRowId(), relationship);
    PropertiesModel *props = m_window->inspectorDock()->model();
    const QModelIndex claims = props->indexOfSection(PropertiesModel::Section::Claims);
    QVERIFY2(claims.isValid() && props->rowCount(claims) > 0, "the relationship shows no claims");
    // Under its name the Inspector says what the relationship joins: supplier → recipient.
    const QString meta = m_window->inspectorDock()->metaText();
    QVERIFY2(meta.startsWith(QStringLiteral("Supply  ·  ") + m_window->caseFile()->entities().row(resellers)->caption +
                             QStringLiteral(" → Xinjiang police  ·  id ")),
             qPrintable(meta));
    // No entity is selected on the chart: the click was on the line, not on an end; the line is marked.
    QVERIFY(view->selection().empty());
    QVERIFY(view->data().edgeFlags[size_t(edge)] & EdgeSelected);
    shot(QStringLiteral("walk-edge-clicked.png"));

    // The two curved "resold to" lines between the resellers and the police (Thermo Fisher's and
    // Promega's goods): each click picks its own.
    const qint64 police = rowOf(QStringLiteral("demo-xinjiang-police"));
    int curved = 0;
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        const qint64 a = d.nodeRowId[size_t(d.edgeFrom[size_t(e)])], b = d.nodeRowId[size_t(d.edgeTo[size_t(e)])];
        if (a != resellers || b != police || d.edgeCurve[size_t(e)] == 0) {
            continue;
        }
        // The middle of the quadratic: halfway to its control point, bent CurveStep per slot.
        const QPointF from = d.position(d.edgeFrom[size_t(e)]), to = d.position(d.edgeTo[size_t(e)]);
        const QPointF delta = to - from;
        const QPointF normal = QPointF(-delta.y(), delta.x()) / std::hypot(delta.x(), delta.y());
        const QPointF mid = (from + to) / 2 + normal * (double(d.edgeCurve[size_t(e)]) * ChartStyle::CurveStep / 2);
        QTest::mouseClick(view, Qt::LeftButton, {}, view->worldTransform().map(mid).toPoint());
        QCOMPARE(m_window->inspectorDock()->entityRowId(), d.edgeRelationship[size_t(e)]);
        ++curved;
    }
    QCOMPARE(curved, 2);
    QTest::mouseClick(view, Qt::LeftButton, {}, middleOf(view, edge));
    QCOMPARE(m_window->inspectorDock()->entityRowId(), relationship);

    // An edit reloads the chart: the line stays marked, as selected entities stay selected.
    QVERIFY(m_window->editor()->addValue(promega, QStringLiteral("notes"), QStringLiteral("Checked")).ok());
    QTest::qWait(300); // the chart reloads 150 ms after a change
    QVERIFY(m_window->waitUntilLoaded(5000));
    const qint32 again = edgeOf(view->data(), relationship, view->data().indexOf(promega), view->data().indexOf(resellers));
    QVERIFY(again >= 0);
    QVERIFY2(view->data().edgeFlags[size_t(again)] & EdgeSelected, "the line lost its mark when the chart reloaded");

    // Clicking the empty chart still pans and leaves the Inspector alone.
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(m_window->inspectorDock()->entityRowId(), relationship);
}

void AnalysisWalkUiTest::walkThroughTheDemo()
{
    // 1. Diversion paths from Thermo Fisher.
    m_window->showEntity(rowOf(QStringLiteral("demo-thermo-fisher")));
    PathsDock *paths = m_window->pathsDock();
    paths->diversionAction()->trigger();
    QVERIFY(paths->run());
    if (paths->isRunning()) {
        QSignalSpy ended(paths, &PathsDock::searchEnded);
        QVERIFY(ended.wait(8000));
    }
    paths->pathList()->setCurrentRow(1);
    shot(QStringLiteral("walk-01-diversion.png"));
    paths->showSelectedOnChart();
    QVERIFY(m_window->waitUntilLoaded(5000));
    shot(QStringLiteral("walk-02-diversion-on-chart.png"));
    paths->close();

    // 2. The chart: measure, time bar, filter.
    ChartPanel *panel = m_window->charts()->currentPanel();
    ChartView *view = panel->view();
    view->setMeasure(ChartMeasureSetting{ChartNodeMeasures::Size::Betweenness, ChartMeasureSetting::Colour::Type});
    QTRY_VERIFY(!view->isMeasuring());
    shot(QStringLiteral("walk-03-measure.png"));
    view->setMeasure({});
    panel->setTimeMode(ChartPanel::TimeMode::AsOf);
    panel->setDates(QDate(2019, 1, 1));
    shot(QStringLiteral("walk-04-as-of-2019.png"));
    panel->setTimeMode(ChartPanel::TimeMode::All);

    // 3. Expand the police's neighbours.
    const qint32 police = view->data().indexOf(rowOf(QStringLiteral("demo-xinjiang-police")));
    QVERIFY(police >= 0);
    view->expandNode(police, 50);
    QVERIFY(m_window->waitUntilLoaded(5000));
    view->fitToView();
    shot(QStringLiteral("walk-05-expanded.png"));

    // 4. A passage from the Inspector into the Source Viewer.
    const qint64 resale = rowOf(QStringLiteral("demo-supply-thermo-resale"));
    m_window->showEntity(resale);
    PropertiesModel *props = m_window->inspectorDock()->model();
    const QModelIndex claims = props->indexOfSection(PropertiesModel::Section::Claims);
    QModelIndex evidence = claims.isValid() && props->rowCount(claims) ? props->index(0, 0, claims) : QModelIndex();
    QVERIFY(evidence.isValid());
    Q_EMIT m_window->inspectorDock()->view()->activated(evidence);
    shot(QStringLiteral("walk-06-passage.png"));

    // 5. The timeline.
    m_window->timelineDock()->show();
    m_window->timelineDock()->raise();
    QTRY_VERIFY(m_window->timelineDock()->model() != nullptr);
    shot(QStringLiteral("walk-07-timeline.png"));
    m_window->timelineDock()->close();

    // 6. Search.
    GlobalSearch *search = m_window->globalSearch();
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(search, QStringLiteral("Promega"));
    QTRY_VERIFY(search->hitCount() > 0);
    shot(QStringLiteral("walk-08-search.png"));
    // A passage hit has room for its snippet and the article it is from (three lines).
    QAbstractItemView *popup = search->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    QModelIndex passage;
    for (int r = 0; r < popup->model()->rowCount() && !passage.isValid(); ++r) {
        const QModelIndex i = popup->model()->index(r, 0);
        if (i.data(ItemDataRole::SourceIdRole).toLongLong() > 0 && i.data().toString().startsWith(QStringLiteral("“"))) {
            passage = i;
        }
    }
    QVERIFY(passage.isValid());
    QVERIFY2(popup->visualRect(passage).height() >= 3 * popup->fontMetrics().lineSpacing(),
             qPrintable(QString::number(popup->visualRect(passage).height())));
    // …and the popup holds the hits whole (it was sized by its one-line first row).
    QVERIFY2(popup->visualRect(passage).top() >= 0 && popup->visualRect(passage).bottom() < popup->viewport()->height(),
             qPrintable(QStringLiteral("%1 in a %2 px popup").arg(popup->visualRect(passage).bottom()).arg(popup->viewport()->height())));
    Casegraph::Tests::saveShot(popup->grab(), QStringLiteral("walk-08-search-popup.png"));
    QTest::keyClick(search, Qt::Key_Escape);
}

void AnalysisWalkUiTest::pathsFormShowsItsChoicesOnALaptop()
{
    // Diversion from the Inspector's Thermo Fisher, the Paths dock below the chart at 1366 × 768:
    // the form says which manufacturer it starts from and shows its options without scrolling.
    m_window->showEntity(rowOf(QStringLiteral("demo-thermo-fisher")));
    PathsDock *paths = m_window->pathsDock();
    paths->diversionAction()->trigger();
    QApplication::processEvents();
    auto *scroll = qobject_cast<QScrollArea *>(paths->fromPicker()->parentWidget()->parentWidget()->parentWidget()->parentWidget());
    QVERIFY(scroll);
    const QRect viewport = scroll->viewport()->rect();
    const auto fullyShown = [&](QWidget *w) {
        const QRect r(w->mapTo(scroll->viewport(), QPoint(0, 0)), w->size());
        return w->isVisible() && viewport.contains(r);
    };
    QLabel *chosen = nullptr;
    for (QLabel *label : paths->fromPicker()->findChildren<QLabel *>()) {
        if (label->text().contains(QStringLiteral("Thermo Fisher Scientific"))) {
            chosen = label;
        }
    }
    QVERIFY2(chosen, "the From picker does not name Thermo Fisher");
    QVERIFY2(fullyShown(chosen), "the chosen manufacturer is scrolled out of view");
    QVERIFY2(fullyShown(paths->listedOnly()), "“Only listed end users” is scrolled out of view");
    QVERIFY2(fullyShown(paths->maxHops()), "Max hops is scrolled out of view");
    shot(QStringLiteral("walk-paths-form.png"));
}

void AnalysisWalkUiTest::sourceViewerKeepsItsNeighboursReadable()
{
    // From a relationship's passage in the Inspector to the Source Viewer, tabbed with Sources and
    // Notes: every tab still says what it is (the viewer's tab once held the whole article title
    // and cut the others to "So…" and "N…").
    m_window->showEntity(rowOf(QStringLiteral("demo-supply-thermo-resale")));
    QApplication::processEvents();
    const int inspectorWidth = m_window->inspectorDock()->width();
    PropertiesModel *props = m_window->inspectorDock()->model();
    const QModelIndex claims = props->indexOfSection(PropertiesModel::Section::Claims);
    QVERIFY(claims.isValid() && props->rowCount(claims) > 0);
    Q_EMIT m_window->inspectorDock()->view()->activated(props->index(0, 0, claims));
    SourceViewer *viewer = m_window->evidenceUi()->viewer();
    QTRY_VERIFY(viewer->sourceId() != 0);
    QVERIFY(viewer->header()->text().contains(viewer->sourceTitle().toHtmlEscaped()) ||
            viewer->header()->text().contains(viewer->sourceTitle()));
    QApplication::processEvents();
    QTabBar *bar = nullptr;
    for (QTabBar *b : m_window->findChildren<QTabBar *>()) {
        for (int i = 0; b->isVisible() && i < b->count(); ++i) {
            if (b->tabText(i).startsWith(QStringLiteral("Source Viewer"))) {
                bar = b;
            }
        }
    }
    QVERIFY2(bar, "the Source Viewer is not in a tab group");
    for (int i = 0; i < bar->count(); ++i) {
        const int needed = bar->fontMetrics().horizontalAdvance(bar->tabText(i));
        QVERIFY2(bar->tabRect(i).width() > needed, qPrintable(QStringLiteral("tab “%1” is cut to %2 px (needs %3)")
                                                                  .arg(bar->tabText(i)).arg(bar->tabRect(i).width()).arg(needed)));
    }
    shot(QStringLiteral("walk-source-viewer-tabs.png"));
    // Nor does it widen its column: the Inspector above keeps its width, the entity list and the
    // chart theirs (a source's 64-digit hash in the header made the viewer 584 px wide).
    QCOMPARE(m_window->inspectorDock()->width(), inspectorWidth);
    QVERIFY2(viewer->minimumSizeHint().width() < 420, qPrintable(QString::number(viewer->minimumSizeHint().width())));
    QCOMPARE(viewer->hashField()->text().size(), 64);
    // The passage is selected and in view in the text, whatever the dock's layout did to it.
    QTextBrowser *text = viewer->textView();
    QVERIFY(text->textCursor().hasSelection());
    QVERIFY2(text->viewport()->rect().intersects(text->cursorRect()),
             qPrintable(QStringLiteral("the passage is at y %1 of a %2 px view").arg(text->cursorRect().top()).arg(text->viewport()->height())));
}

void AnalysisWalkUiTest::exportLeavesTheSelectionOut()
{
    // The reporter clicks Thermo Fisher and then a line to check them, then exports the chart for
    // the article: the picture is the chart, not what happened to be selected.
    ChartView *view = m_window->charts()->currentPanel()->view();
    QTRY_VERIFY(view->data().nodeCount() > 0);
    const QString plain = m_dir.filePath(QStringLiteral("plain.png"));
    const QString selected = m_dir.filePath(QStringLiteral("selected.png"));
    QVERIFY(ChartExport::write(view->data(), plain, QStringLiteral("Sequencers to Xinjiang")));
    view->selectRowIds({rowOf(QStringLiteral("demo-thermo-fisher")), rowOf(QStringLiteral("demo-supply-promega-resale"))});
    QCOMPARE(view->selectedRowIds().size(), 1);
    QVERIFY(std::any_of(view->data().edgeFlags.begin(), view->data().edgeFlags.end(),
                        [](quint8 f) { return f & EdgeSelected; }));
    QVERIFY(ChartExport::write(view->data(), selected, QStringLiteral("Sequencers to Xinjiang")));
    const QImage a(plain), b(selected);
    QVERIFY(!a.isNull());
    Casegraph::Tests::saveShot(QPixmap::fromImage(b), QStringLiteral("walk-export-with-selection.png"));
    QVERIFY2(a == b, "the export draws the selection");
    // The selection on screen is kept.
    QCOMPARE(view->selectedRowIds().size(), 1);
}

void AnalysisWalkUiTest::inspectorShowsAPassagesGrade()
{
    // The reporter grades the passage behind the resale of Thermo Fisher's goods, then clicks the
    // line again: how far it can be trusted shows beside the passage, in the default layout.
    const qint64 resale = rowOf(QStringLiteral("demo-supply-thermo-resale"));
    m_window->showEntity(resale);
    PropertiesModel *props = m_window->inspectorDock()->model();
    QModelIndex evidence;
    const QModelIndex properties = props->indexOfSection(PropertiesModel::Section::Properties);
    for (int r = 0; r < props->rowCount(properties) && !evidence.isValid(); ++r) {
        const QModelIndex value = props->index(r, 0, properties);
        if (props->rowCount(value) > 0) {
            evidence = props->index(0, 0, value);
        }
    }
    QVERIFY(evidence.isValid());
    const qint64 excerpt = evidence.data(ItemDataRole::ExcerptIdRole).toLongLong();
    QVERIFY(excerpt > 0);
    QVERIFY(EvidenceEditor(*m_window->editor()).grade(excerpt, QStringLiteral("B"), Excerpt::Stance::Supports,
                                                       QStringLiteral("2"), ClaimStatus::Unverified).ok());
    QApplication::processEvents();
    QTreeView *tree = m_window->inspectorDock()->view();
    QModelIndex graded;
    for (int r = 0; r < props->rowCount(properties) && !graded.isValid(); ++r) {
        const QModelIndex value = props->index(r, 0, properties);
        for (int k = 0; k < props->rowCount(value); ++k) {
            if (props->index(k, 0, value).data(ItemDataRole::ExcerptIdRole).toLongLong() == excerpt) {
                graded = props->index(k, 0, value);
            }
        }
    }
    QVERIFY(graded.isValid());
    QVERIFY2(graded.data().toString().contains(QStringLiteral("B2")), qPrintable(graded.data().toString()));
    tree->scrollTo(graded);
    // What the cell shows of its text beside the icon: the grade must survive the cut.
    const QRect cell = tree->visualRect(graded);
    const int room = cell.width() - tree->iconSize().width() - 4 * tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) - 4;
    const QString shown = tree->fontMetrics().elidedText(graded.data().toString(), Qt::ElideRight, room);
    shot(QStringLiteral("walk-inspector-grade.png"));
    QVERIFY2(shown.contains(QStringLiteral("B2")), qPrintable(QStringLiteral("“%1” shows as “%2”").arg(graded.data().toString(), shown)));
}

void AnalysisWalkUiTest::everyEditOfTheWalkUndoesAndRedoes()
{
    // The chart edits of the walk, each one step, each quick on the GUI thread; then all undone
    // (the chart as the demo made it) and all redone.
    ChartPanel *panel = m_window->charts()->currentPanel();
    ChartView *view = panel->view();
    QTRY_VERIFY(view->data().nodeCount() > 0);
    QUndoStack *stack = m_window->editor()->undoStack();
    const auto state = [view] {
        return QStringList{QString::number(view->data().nodeCount()), QString::number(view->data().edgeCount()),
                           QString::number(int(view->measure().size)), QString::number(int(view->chartTime().mode))};
    };
    const QStringList demo = state();
    QElapsedTimer timer;
    const auto step = [&](const char *what, const std::function<void()> &edit) {
        const int before = stack->count();
        timer.start();
        edit();
        QVERIFY(m_window->waitUntilLoaded(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QStringLiteral("%1 took %2 ms").arg(QLatin1String(what)).arg(timer.elapsed())));
        QVERIFY2(stack->count() == before + 1, what);
    };
    const qint32 police = view->data().indexOf(rowOf(QStringLiteral("demo-xinjiang-police")));
    step("expand", [&] { view->expandNode(police, 50); });
    step("measure", [&] { view->setMeasure(ChartMeasureSetting{ChartNodeMeasures::Size::Degree, ChartMeasureSetting::Colour::Type}); });
    step("time filter: as of", [&] { panel->setTimeMode(ChartPanel::TimeMode::AsOf); });
    step("time filter: day", [&] { panel->setDates(QDate(2020, 6, 1)); });
    step("add value", [&] {
        QVERIFY(m_window->editor()->addValue(rowOf(QStringLiteral("demo-promega")), QStringLiteral("notes"),
                                             QStringLiteral("Checked by the desk")).ok());
    });
    const QStringList edited = state();
    QVERIFY(edited != demo);
    while (stack->canUndo() && stack->index() > 0) {
        timer.start();
        stack->undo();
        QVERIFY(m_window->waitUntilLoaded(5000));
        QVERIFY2(timer.elapsed() < 1000, qPrintable(stack->redoText()));
    }
    QCOMPARE(state(), demo);
    while (stack->canRedo()) {
        stack->redo();
        QVERIFY(m_window->waitUntilLoaded(5000));
    }
    QCOMPARE(state(), edited);
    shot(QStringLiteral("walk-after-redo.png"));
}

void AnalysisWalkUiTest::screeningNotesAndLeads()
{
    // The screening and reference-list dialogs and the leads (screenshots), the notes on the police.
    m_window->showEntity(rowOf(QStringLiteral("demo-xinjiang-police")));
    if (QWidget *d = m_window->screeningActions()->showLists()) {
        QApplication::processEvents();
        Casegraph::Tests::saveShot(d->grab(), QStringLiteral("walk-10-reference-lists.png"));
        d->close();
    }
    if (QWidget *d = m_window->screeningActions()->showScreening()) {
        QApplication::processEvents();
        Casegraph::Tests::saveShot(d->grab(), QStringLiteral("walk-11-screening.png"));
        d->close();
    }
    NotesDock *notes = m_window->annotations()->notesDock();
    notes->show();
    notes->raise();
    QApplication::processEvents();
    shot(QStringLiteral("walk-12-notes.png"));
    // The demo's note on the police has a long headline: the list cuts it in the middle, keeping
    // who wrote it and when in view, and has no sideways scroll bar taking one of its rows.
    QListWidget *list = notes->noteList();
    QCOMPARE(list->count(), 1);
    QVERIFY(!list->horizontalScrollBar()->isVisible());
    QCOMPARE(list->textElideMode(), Qt::ElideMiddle);
    m_window->annotations()->leadsDock()->raise();
    shot(QStringLiteral("walk-13-leads.png"));
}

void AnalysisWalkUiTest::keyboardReachesALineThroughTheInspector()
{
    // Without a mouse: the police in the Inspector, Down to a relationship under "Referenced by",
    // Enter: the Inspector shows that relationship with its passages and the chart marks its line.
    const qint64 police = rowOf(QStringLiteral("demo-xinjiang-police"));
    m_window->showEntity(police);
    QTreeView *tree = m_window->inspectorDock()->view();
    PropertiesModel *props = m_window->inspectorDock()->model();
    const QModelIndex referenced = props->indexOfSection(PropertiesModel::Section::ReferencedBy);
    QVERIFY(referenced.isValid() && props->rowCount(referenced) > 0);
    tree->setFocus();
    tree->setCurrentIndex(referenced);
    qint64 relationship = 0;
    for (int k = 0; k < props->rowCount(referenced) + 1 && !relationship; ++k) {
        QTest::keyClick(tree, Qt::Key_Down);
        const qint64 target = tree->currentIndex().data(ItemDataRole::EntityRowIdRole).toLongLong();
        const auto row = target ? m_window->caseFile()->entities().row(target) : std::nullopt;
        if (row && row->schema == QLatin1String("Supply")) {
            relationship = target;
        }
    }
    QVERIFY(relationship);
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(m_window->inspectorDock()->entityRowId(), relationship);
    const ChartData &d = m_window->charts()->currentPanel()->view()->data();
    bool marked = false;
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        marked = marked || (d.edgeRelationship[size_t(e)] == relationship && (d.edgeFlags[size_t(e)] & EdgeSelected));
    }
    QVERIFY2(marked, "the relationship's line is not marked on the chart");
    shot(QStringLiteral("walk-keyboard-line.png"));
}

void AnalysisWalkUiTest::filterMenuCountsRelationshipsNotLines()
{
    // The demo chart holds three supplies (Thermo Fisher's and Promega's goods resold, Thermo
    // Fisher's direct sale); a supply naming its manufacturer is drawn as two lines, five in all.
    // The Filter menu counts the supplies, as it counts the entities above them.
    ChartPanel *panel = m_window->charts()->currentPanel();
    QTRY_VERIFY(panel->view()->data().nodeCount() > 0);
    QMenu *menu = panel->filterButton()->menu();
    Q_EMIT menu->aboutToShow();
    QStringList entries;
    for (QAction *a : menu->actions()) {
        entries << a->text();
    }
    QVERIFY2(entries.contains(QStringLiteral("Supplies (3)")), qPrintable(entries.join(QStringLiteral(" | "))));
    QVERIFY2(entries.contains(QStringLiteral("Companies (3)")), qPrintable(entries.join(QStringLiteral(" | "))));
}

QTEST_MAIN(AnalysisWalkUiTest)
#include "analysiswalk_uitest.moc"

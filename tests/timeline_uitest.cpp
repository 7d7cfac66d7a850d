// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "storage/casefile.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "support/testsupport.h"
#include "timeline/timelinedock.h"
#include "timeline/timelineexport.h"
#include "supportstyle.h"
#include "timeline/timelineview.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <functional>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The Timeline view on the demo case: what a reader sees, the linked selection with the rest of
/// the workbench, and the exports.
class TimelineUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoRendersWithoutOverlappingLabels_data();
    void demoRendersWithoutOverlappingLabels();
    void exportWritesPngSvgPdf();
    void undatedFactsAreListedNotDropped();
    void zoomPanAndFit();
    void brushingEmitsADateRange();
    void selectionFromTheWorkbench();
    void timelineAndChartAreLinked();
    void selectionOnTheTimelineReachesTheInspector();
    void cliRendersTheTimeline();
    void itemsShowTheirSupport();
    void eventsOnTheSamePixelsShareAMarker();

private:
    void sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::KeyboardModifiers mods);
    QTemporaryDir m_dir;
    QString m_demoPath;
    std::shared_ptr<const TimelineModel> m_model;
};

void TimelineUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_demoPath = m_dir.filePath(QStringLiteral("demo.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_demoPath).ok());
    QVERIFY(DemoCase::write(c).ok());
    auto model = TimelineModel::fromCase(c);
    QVERIFY(model.ok());
    m_model = std::make_shared<const TimelineModel>(std::move(*model));
}

void TimelineUiTest::sendMouse(QWidget *w, QEvent::Type type, QPointF pos, Qt::KeyboardModifiers mods)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, w->mapToGlobal(pos), Qt::LeftButton, buttons, mods);
    QApplication::sendEvent(w, &e);
}

void TimelineUiTest::demoRendersWithoutOverlappingLabels_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QSize>("size");
    QTest::newRow("theme lanes 1600x900") << int(TimelineModel::LaneMode::Theme) << QSize(1600, 900);
    QTest::newRow("entity lanes 1600x900") << int(TimelineModel::LaneMode::Entity) << QSize(1600, 900);
    QTest::newRow("theme lanes 1000x600") << int(TimelineModel::LaneMode::Theme) << QSize(1000, 600);
}

void TimelineUiTest::demoRendersWithoutOverlappingLabels()
{
    QFETCH(int, mode);
    QFETCH(QSize, size);
    TimelineView view;
    view.setModel(m_model);
    view.setLaneMode(TimelineModel::LaneMode(mode));
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
    const auto &stats = view.renderer().stats();
    QVERIFY2(stats.labels >= 8, qPrintable(QString::number(stats.labels)));
    QVERIFY(stats.intervals >= 3); // the resales and the newborn DNA collection, open-ended
    for (qsizetype i = 0; i < stats.labelRects.size(); ++i) {
        for (qsizetype j = i + 1; j < stats.labelRects.size(); ++j) {
            const QRectF a = stats.labelRects.at(i), b = stats.labelRects.at(j);
            QVERIFY2(!a.intersected(b).isValid() || a.intersected(b).width() < 0.5 || a.intersected(b).height() < 0.5,
                     "two labels overlap");
        }
        // And every label is inside the plot, not cut at its edge.
        QVERIFY(stats.labelRects.at(i).right() <= view.renderer().plotRect().right() + 0.5);
        QVERIFY(stats.labelRects.at(i).left() >= view.renderer().plotRect().left() - 0.5);
    }
    QVERIFY(!view.renderer().undatedRect().isEmpty());
}

void TimelineUiTest::exportWritesPngSvgPdf()
{
    TimelineViewState state;
    state.title = QStringLiteral("Demo timeline");
    for (const char *suffix : {"png", "svg", "pdf"}) {
        const QString path = m_dir.filePath(QStringLiteral("timeline.") + QLatin1String(suffix));
        const auto st = TimelineExporter::exportTimeline(m_model, state, path);
        QVERIFY2(st.ok(), qPrintable(st ? QString() : st.error().toString()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 1000);
        if (qstrcmp(suffix, "png") == 0) {
            const QImage image = QImage::fromData(bytes);
            QCOMPARE(image.width(), 1600);
            QVERIFY(image.height() >= 900);
        } else if (qstrcmp(suffix, "svg") == 0) {
            // Text stays text: labels and the undated list are searchable in the drawing.
            QVERIFY(bytes.contains("Entity List additions: initial list of 28 organizations"));
            QVERIFY(bytes.contains("Undated ("));
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
        }
    }
    // An unknown format is refused without leaving a file.
    const QString bad = m_dir.filePath(QStringLiteral("timeline.gif"));
    QVERIFY(!TimelineExporter::exportTimeline(m_model, state, bad).ok());
    QVERIFY(!QFile::exists(bad));
}

void TimelineUiTest::undatedFactsAreListedNotDropped()
{
    // At 1600×900 every undated fact of the demo is on the page (in columns if needed).
    const QString path = m_dir.filePath(QStringLiteral("undated.svg"));
    QVERIFY(TimelineExporter::exportTimeline(m_model, {}, path).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString svg = QString::fromUtf8(f.readAll());
    QVERIFY(!svg.contains(QLatin1String("more (scroll)")));
    for (const char *text : {"Letter from Senator Marco Rubio", "Entity List additions: nine parties",
                             "Belgian government scraps"}) {
        QVERIFY2(svg.contains(QLatin1String(text)), text);
    }
}

void TimelineUiTest::zoomPanAndFit()
{
    TimelineView view;
    view.setModel(m_model);
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const qint64 span0 = view.state().toMs - view.state().fromMs;
    // Wheel up over the plot zooms in around the pointer.
    const QPointF at = view.renderer().plotRect().center();
    QWheelEvent wheel(at, view.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    const qint64 span1 = view.state().toMs - view.state().fromMs;
    QVERIFY(span1 < span0);
    // Keyboard: + zooms in, Right pans, Home fits again.
    QTest::keyClick(&view, Qt::Key_Plus);
    QVERIFY(view.state().toMs - view.state().fromMs < span1);
    const qint64 from = view.state().fromMs;
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(view.state().fromMs > from);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.state().toMs - view.state().fromMs, span0);
    // Drag pans.
    const qint64 before = view.state().fromMs;
    sendMouse(view.viewport(), QEvent::MouseButtonPress, at, Qt::NoModifier);
    sendMouse(view.viewport(), QEvent::MouseMove, at + QPointF(120, 0), Qt::NoModifier);
    sendMouse(view.viewport(), QEvent::MouseButtonRelease, at + QPointF(120, 0), Qt::NoModifier);
    QVERIFY(view.state().fromMs < before);
    // Ctrl+drag zooms to the dragged range.
    const qint64 a = view.renderer().msAt(at.x() - 100), b = view.renderer().msAt(at.x() + 100);
    sendMouse(view.viewport(), QEvent::MouseButtonPress, at - QPointF(100, 0), Qt::ControlModifier);
    sendMouse(view.viewport(), QEvent::MouseMove, at + QPointF(100, 0), Qt::ControlModifier);
    sendMouse(view.viewport(), QEvent::MouseButtonRelease, at + QPointF(100, 0), Qt::ControlModifier);
    QVERIFY(std::abs(view.state().fromMs - a) < 86400000LL * 10);
    QVERIFY(std::abs(view.state().toMs - b) < 86400000LL * 10);
}

void TimelineUiTest::brushingEmitsADateRange()
{
    TimelineView view;
    view.setModel(m_model);
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy spy(&view, &TimelineView::dateRangeBrushed);
    const QPointF at = view.renderer().plotRect().center();
    sendMouse(view.viewport(), QEvent::MouseButtonPress, at - QPointF(150, 0), Qt::ShiftModifier);
    sendMouse(view.viewport(), QEvent::MouseMove, at + QPointF(150, 0), Qt::ShiftModifier);
    sendMouse(view.viewport(), QEvent::MouseButtonRelease, at + QPointF(150, 0), Qt::ShiftModifier);
    QCOMPARE(spy.count(), 1);
    const auto from = spy.at(0).at(0).value<FtmDate>();
    const auto to = spy.at(0).at(1).value<FtmDate>();
    QCOMPARE(from.precision(), FtmDate::Precision::Day);
    QVERIFY(from < to);
    QVERIFY(view.state().hasBrush);
    // "Zoom to range" then shows the brushed range.
    view.zoomToBrush();
    QVERIFY(std::abs(view.state().fromMs - from.earliestMSecs()) <= 86400000);
}

void TimelineUiTest::selectionFromTheWorkbench()
{
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    QVERIFY(window.openCase(m_demoPath).ok());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.waitUntilLoaded(10000));
    TimelineDock *dock = window.timelineDock();
    QVERIFY(dock);
    QSignalSpy ready(dock, &TimelineDock::timelineReady);
    dock->show();
    QVERIFY(ready.wait(10000));
    QVERIFY(dock->model());
    // Selecting Megvii in the workbench highlights its listing on the timeline.
    const qint64 megvii = window.caseFile()->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("megvii")));
    window.showEntity(megvii);
    QVERIFY(dock->view()->state().selected.contains(DemoCase::idForKey(QStringLiteral("megvii"))));
}

void TimelineUiTest::timelineAndChartAreLinked()
{
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    QVERIFY(window.openCase(m_demoPath).ok());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.waitUntilLoaded(10000));
    ChartPanel *panel = window.chartWorkspace()->currentPanel();
    QVERIFY(panel); // the demo's chart opens with the case
    TimelineDock *dock = window.timelineDock();
    QSignalSpy ready(dock, &TimelineDock::timelineReady);
    dock->show();
    QVERIFY(ready.wait(10000));

    // Brushing a range on the timeline sets the chart's time filter to that range (whole days).
    QVERIFY(!panel->view()->timeFilter().enabled);
    Q_EMIT dock->dateRangeBrushed(FtmDate::parse(QStringLiteral("2019-05")), FtmDate::parse(QStringLiteral("2020")));
    const TimeFilter filter = panel->view()->timeFilter();
    QVERIFY(filter.enabled);
    QCOMPARE(filter.from, qint32(QDate(2019, 5, 1).toJulianDay()));
    QCOMPARE(filter.to, qint32(QDate(2020, 12, 31).toJulianDay()));

    // A fact chosen on the timeline selects its entity on the chart; one chosen on the chart
    // selects its facts on the timeline.
    const QString promega = DemoCase::idForKey(QStringLiteral("promega"));
    const qint64 promegaRow = window.caseFile()->entities().rowIdOf(promega);
    QVERIFY(promegaRow);
    Q_EMIT dock->entityActivated(promegaRow);
    QCOMPARE(panel->view()->selectedRowIds(), QList<qint64>{promegaRow});
    QCOMPARE(window.inspectorDock()->entityRowId(), promegaRow);
    const QString police = DemoCase::idForKey(QStringLiteral("xinjiang-police"));
    const qint64 policeRow = window.caseFile()->entities().rowIdOf(police);
    QVERIFY(policeRow);
    Q_EMIT window.chartWorkspace()->entitySelected(policeRow);
    QVERIFY(dock->view()->state().selected.contains(police));
}

void TimelineUiTest::selectionOnTheTimelineReachesTheInspector()
{
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    QVERIFY(window.openCase(m_demoPath).ok());
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.waitUntilLoaded(10000));
    TimelineDock *dock = window.timelineDock();
    dock->show();
    QTRY_VERIFY2(dock->height() >= window.height() / 4, qPrintable(QString::number(dock->height()))); // room for its lanes
    QVERIFY(dock->rebuildNow().ok());
    TimelineView *view = dock->view();
    QTRY_VERIFY(!view->renderer().stats().labelRects.isEmpty());
    // For looking at it: CASEGRAPH_SHOT_DIR=/tmp build/tests/timeline_uitest
    if (const QString dir = qEnvironmentVariable("CASEGRAPH_SHOT_DIR"); !dir.isEmpty()) {
        window.grab().save(dir + QStringLiteral("/timeline-window.png"));
    }
    QSignalSpy selected(dock, &TimelineDock::entitiesSelected);
    // Click the first label drawn: its fact becomes the selection, and the Inspector shows it.
    QRectF label;
    for (const QRectF &r : view->renderer().stats().labelRects) {
        if (view->renderer().lanesRect().contains(r.center())) {
            label = r;
            break;
        }
    }
    QVERIFY(!label.isNull());
    const TimelineHit hit = view->renderer().hitTest(label.center());
    QVERIFY(!hit.items.isEmpty());
    const TimelineItem &item = dock->model()->items().at(hit.items.first());
    sendMouse(view->viewport(), QEvent::MouseButtonPress, label.center(), Qt::NoModifier);
    sendMouse(view->viewport(), QEvent::MouseButtonRelease, label.center(), Qt::NoModifier);
    QCOMPARE(selected.count(), 1);
    QVERIFY(selected.at(0).at(0).toStringList().contains(item.entityId));
    QCOMPARE(window.inspectorDock()->entityRowId(), item.entityRowId);
    // The Inspector lists the passages behind the clicked fact, as many as its support counts.
    int passages = 0;
    const QAbstractItemModel *inspector = window.inspectorDock()->model();
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < inspector->rowCount(parent); ++r) {
            const QModelIndex index = inspector->index(r, 0, parent);
            passages += index.data(ItemDataRole::ExcerptIdRole).toLongLong() > 0 ? 1 : 0;
            walk(index);
        }
    };
    walk({});
    QCOMPARE(passages, item.support.excerpts + item.support.contradicting);
    QVERIFY(view->state().selected.contains(item.entityId));
    // Escape clears it.
    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(view->state().selected.isEmpty());
}

void TimelineUiTest::cliRendersTheTimeline()
{
#ifndef CASEGRAPH_CLI
    QSKIP("casegraph-cli is not built");
#else
    const QString out = m_dir.filePath(QStringLiteral("cli.png"));
    const auto r = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                         {QStringLiteral("render"), m_demoPath, QStringLiteral("--timeline"), out,
                                          QStringLiteral("--from"), QStringLiteral("2008"), QStringLiteral("--to"),
                                          QStringLiteral("2023"), QStringLiteral("--lanes"), QStringLiteral("entity")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("undated")));
    const QImage image(out);
    QCOMPARE(image.width(), 1600);
    QVERIFY(image.height() >= 900);
    // Usage errors exit 2 and say why.
    const auto bad = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                           {QStringLiteral("render"), m_demoPath, QStringLiteral("--timeline"), out,
                                            QStringLiteral("--from"), QStringLiteral("mid-2022")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QLatin1String("mid-2022")));
#endif
}

void TimelineUiTest::itemsShowTheirSupport()
{
    CaseFile c;
    QVERIFY(c.open(m_demoPath, CaseFile::OpenMode::ReadOnly).ok());
    // Chart edges and timeline items count the same sources, so their line styles agree.
    const QHash<qint64, int> chartCounts = c.evidence().supportingSourceCounts();
    QSet<int> levels;
    int withPassages = 0;
    for (const TimelineItem &item : m_model->items()) {
        QCOMPARE(item.support.sources, chartCounts.value(item.entityRowId));
        QCOMPARE(item.support.level(), supportLevelOf(chartCounts.value(item.entityRowId)));
        levels.insert(int(item.support.level()));
        withPassages += item.support.excerpts > 0 ? 1 : 0;
    }
    qInfo("support levels on the demo timeline: %s", qPrintable(QStringList([&] { QStringList l; for (int v : levels) l << QString::number(v); return l; }()).join(QLatin1Char(','))));
    QVERIFY(withPassages > 0);

    TimelineView view;
    view.setModel(m_model);
    view.resize(1600, 900);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage shot = view.grab().toImage();
    // Every drawn label's fact tells its support in the tooltip: grade, passages, sources.
    int tips = 0;
    for (const QRectF &r : view.renderer().stats().labelRects) {
        const TimelineHit hit = view.renderer().hitTest(r.center());
        if (hit.items.isEmpty()) {
            continue;
        }
        const TimelineItem &item = m_model->items().at(hit.items.first());
        const QString tip = view.renderer().toolTip(hit);
        QVERIFY2(tip.contains(QStringLiteral("Support: ")), qPrintable(tip));
        QVERIFY(tip.contains(item.support.describe().toHtmlEscaped()));
        if (item.support.isSupported()) {
            QVERIFY(tip.contains(supportLevelName(item.support.level())));
        }
        ++tips;
    }
    QVERIFY(tips >= 5);
    // The legend names the three levels, in the header.
    const QPair<qint64, qint64> extent = m_model->extent();
    QVERIFY(extent.first < extent.second);
    if (const QString dir = qEnvironmentVariable("CASEGRAPH_SHOTS"); !dir.isEmpty()) {
        QVERIFY(shot.save(dir + QStringLiteral("/timeline-support.png")));
    }

    // The three levels, drawn by the pen chart edges use: solid, dashed, round dots.
    QCOMPARE(supportPen(SupportLevel::Corroborated, Qt::black, 1).style(), Qt::SolidLine);
    QCOMPARE(supportPen(SupportLevel::SingleSource, Qt::black, 1).dashPattern(), (QList<qreal>{5, 3}));
    const QPen dots = supportPen(SupportLevel::Unsourced, Qt::black, 1);
    QCOMPARE(dots.capStyle(), Qt::RoundCap);
    QVERIFY(dots.dashPattern().first() < 0.5);
    // A timeline with one fact of each level, to look at (CASEGRAPH_SHOTS).
    auto three = std::make_shared<TimelineModel>();
    const char *const labels[] = {"Unsourced ownership", "Single-source supply", "Corroborated directorship"};
    for (int k = 0; k < 3; ++k) {
        TimelineItem item;
        item.kind = TimelineItem::Kind::Interval;
        item.entityId = QStringLiteral("f%1").arg(k);
        item.entityRowId = k + 1;
        item.schema = QStringLiteral("Ownership");
        item.theme = TimelineTheme::Relationships;
        item.label = QString::fromLatin1(labels[k]);
        item.laneEntityId = item.entityId;
        item.laneLabel = item.label;
        item.start = FtmDate::parse(QStringLiteral("201%1-03-01").arg(k + 2));
        item.end = FtmDate::parse(QStringLiteral("2021-06-30"));
        item.support.sources = k;
        item.support.excerpts = k;
        item.updateSpan();
        three->addItem(item);
        TimelineItem event = item;
        event.kind = TimelineItem::Kind::Event;
        event.entityId = QStringLiteral("e%1").arg(k);
        event.schema = QStringLiteral("Event");
        event.theme = TimelineTheme::OtherEvents;
        event.label = item.label + QStringLiteral(" (event)");
        event.end = {};
        event.start = FtmDate::parse(QStringLiteral("2019-0%1-15").arg(k + 2));
        event.updateSpan();
        three->addItem(event);
    }
    three->finish();
    TimelineView small;
    small.setModel(three);
    small.setLaneMode(TimelineModel::LaneMode::Entity);
    small.resize(1000, 360);
    small.show();
    QVERIFY(QTest::qWaitForWindowExposed(&small));
    const QImage levelsShot = small.grab().toImage();
    QCOMPARE(small.renderer().stats().intervals, 3);
    if (const QString dir = qEnvironmentVariable("CASEGRAPH_SHOTS"); !dir.isEmpty()) {
        QVERIFY(levelsShot.save(dir + QStringLiteral("/timeline-support-levels.png")));
    }
}

void TimelineUiTest::eventsOnTheSamePixelsShareAMarker()
{
    // Exact dates and month-precision dates of the same month, in alternation (a large case's
    // lane of list additions): each used to break the other's run, so the lane drew one marker per
    // event (42,000 markers and two-second frames on a million facts). Now the exact ones share a
    // marker and the months share a span: two markers.
    auto model = std::make_shared<TimelineModel>();
    for (int k = 0; k < 100; ++k) {
        TimelineItem event;
        event.kind = TimelineItem::Kind::Event;
        event.entityId = QStringLiteral("e%1").arg(k);
        event.entityRowId = k + 1;
        event.schema = QStringLiteral("Event");
        event.theme = TimelineTheme::OtherEvents;
        event.label = QStringLiteral("Event %1").arg(k);
        event.start = FtmDate::parse(k % 2 ? QStringLiteral("2019-03") : QStringLiteral("2019-03-01"));
        event.support.sources = k == 7 ? 0 : 2; // one month-precision event is unsourced
        event.support.excerpts = event.support.sources;
        event.updateSpan();
        model->addItem(event);
    }
    model->finish();
    TimelineView view;
    view.setModel(model);
    view.resize(1000, 360);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.renderer().stats().markers, 2);
    // Each marker names its fifty events.
    int named = 0;
    QStringList tips;
    for (int x = 0; x < view.viewport()->width(); ++x) {
        for (int y = 0; y < view.viewport()->height(); y += 2) {
            const TimelineHit hit = view.renderer().hitTest(QPointF(x, y));
            if (hit.items.size() == 50 && !tips.contains(view.renderer().toolTip(hit))) {
                tips << view.renderer().toolTip(hit);
                ++named;
            }
        }
    }
    QCOMPARE(named, 2);
    tips.sort();
    QVERIFY2(tips.at(0).contains(QStringLiteral("Date: 1 March 2019")), qPrintable(tips.at(0)));
    QVERIFY2(tips.at(1).contains(QStringLiteral("Date: March 2019 (month only)")), qPrintable(tips.at(1)));
}

QTEST_MAIN(TimelineUiTest)
#include "timeline_uitest.moc"

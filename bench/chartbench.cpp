// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-chartbench --generate CASE [--nodes N] [--edges M]
//     writes a case with N companies, M Ownerships between them (90% between near neighbours,
//     10% across the chart; 40% dated) and a chart "Bench" holding every company on a jittered
//     grid, as an investigator's large chart would look after a layout; and two grouped copies:
//     "Bench groups" (each 32 × 32 block of the grid a group, every other group collapsed) and
//     "Bench small groups" (1,000 groups of 20, half of them collapsed, the rest ungrouped).
// casegraph-chartbench CASE [--chart NAME] [--frames K] [--zoom64] [--measures]
//     opens the chart in a real 1600×1000 ChartView as the GUI does (the load runs on the view's
//     worker thread while the GUI thread keeps handling events; then the first fit-all frame) and
//     times real repaints in software (offscreen platform, raster engine): fit-all, 4× zoom at
//     several places, panning there (24 × 12 px steps), 16× zoom (with --zoom64 also 64× zoom, the
//     first level with labels and arrowheads on the generated chart); then filter changes (the
//     time slider's "as of" moving, ChartView::previewChartTime on the GUI thread), with the share
//     of ChartGroups::apply and NodeGrid::build in them. Prints wall and CPU times,
//     the chart's own bytes per node, and RSS growth per node (bench/chart.sh also runs it under
//     /usr/bin/time -v). --measures then sizes by degree and colours by component (time on the
//     GUI thread, fit-all and 4× frames with them), and sizes by betweenness on the view's worker
//     (wall time, and the longest GUI-thread event round meanwhile).
#include "chart/chartdata.h"
#include "chart/chartframe.h"
#include "chart/chartgroups.h"
#include "chart/chartmeasure.h"
#include "chart/chartview.h"
#include "chart/chartpainter.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/sqlite.h"

#include <QElapsedTimer>
#include <QFile>
#include <QApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QPainter>
#include <QSet>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

/// A grouped copy of the bench chart: the grid cut into blocks of width × height cells, the
/// first `limit` blocks (in the order of the nodes) a group each, every other group collapsed.
struct GroupedChart {
    const char *name;
    int width, height, limit;
};
constexpr GroupedChart GroupedCharts[] = {
    {"Bench groups", 32, 32, 1 << 30},  // 100 groups of about 1,000 (50 collapsed)
    {"Bench small groups", 5, 4, 1000}, // 1,000 groups of 20 (500 collapsed), the rest ungrouped
};

int generate(const QString &path, int nodes, int edges)
{
    QFile::remove(path);
    CaseFile cf;
    if (!cf.create(path).ok()) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(path));
        return 1;
    }
    auto &db = cf.database();
    std::mt19937 rng(42);
    const int side = int(std::ceil(std::sqrt(double(nodes))));
    const double spacing = 140;
    // One transaction for everything, closed by its audit entry as an import's would be (a write
    // outside a transaction would miss the audit log and say so).
    Sql::Transaction tx(db);
    auto prov = cf.addProvenance(Provenance::Kind::Import, QStringLiteral("chartbench"));
    if (!tx.isActive() || !prov) {
        std::fprintf(stderr, "cannot start writing\n");
        return 1;
    }
    {
        auto *ent = db.cached("INSERT INTO entity(id, eid, schema, caption) VALUES(?,?,?,?)");
        auto *st = db.cached("INSERT INTO statement(entity, prop, value, prov, flags) VALUES(?,?,?,?,?)");
        const auto stmt = [&](qint64 row, const char *prop, const QString &value, int flags) {
            st->bind(1, row).bind(2, QByteArray(prop)).bind(3, value).bind(4, *prov).bind(5, flags);
            (void)st->run();
        };
        for (int v = 0; v < nodes; ++v) {
            const QString id = QStringLiteral("n") + QString::number(v);
            const QString name = QStringLiteral("Company %1 Holdings Ltd").arg(v);
            ent->bind(1, qint64(v) + 1).bind(2, id).bind(3, QByteArray(v % 10 == 0 ? "Person" : "Company")).bind(4, name);
            (void)ent->run();
            stmt(v + 1, "name", name, 0);
        }
        std::uniform_int_distribution<int> any(0, nodes - 1), near(-3, 3), pct(1, 100), year(1995, 2024);
        std::uniform_real_distribution<double> coin(0, 1);
        for (int i = 0; i < edges; ++i) {
            const int from = any(rng);
            int to = from;
            if (coin(rng) < 0.9) {
                const int gx = std::clamp(from % side + near(rng), 0, side - 1);
                const int gy = std::clamp(from / side + near(rng), 0, side - 1);
                to = std::min(gy * side + gx, nodes - 1);
            } else {
                to = any(rng);
            }
            if (to == from) {
                to = (from + 1) % nodes;
            }
            const qint64 row = qint64(nodes) + 1 + i;
            const QString id = QStringLiteral("r") + QString::number(i);
            ent->bind(1, row).bind(2, id).bind(3, QByteArray("Ownership")).bind(4, id);
            (void)ent->run();
            stmt(row, "owner", QStringLiteral("n") + QString::number(from), Reference);
            stmt(row, "asset", QStringLiteral("n") + QString::number(to), Reference);
            stmt(row, "percentage", QString::number(pct(rng)) + QLatin1Char('%'), 0);
            if (coin(rng) < 0.4) {
                stmt(row, "startDate", QString::number(year(rng)), 0);
            }
        }
    }
    // "Bench": every company on a jittered grid; then its GroupedCharts (collapsed groups in the
    // settings key ChartGroups reads).
    QList<ChartNode> chartNodes;
    chartNodes.reserve(nodes);
    std::uniform_real_distribution<double> jitter(-35, 35);
    for (int v = 0; v < nodes; ++v) {
        chartNodes << ChartNode{qint64(v) + 1, (v % side) * spacing + jitter(rng), (v / side) * spacing + jitter(rng)};
    }
    auto chart = cf.charts().create(QStringLiteral("Bench"));
    if (!chart || !cf.charts().setNodes(*chart, chartNodes).ok()) {
        return 1;
    }
    QJsonArray written;
    for (const GroupedChart &spec : GroupedCharts) {
        QSet<QString> groups;
        QStringList collapsed;
        for (int v = 0; v < nodes; ++v) {
            const QString group = QStringLiteral("Block %1-%2").arg(v / side / spec.height).arg(v % side / spec.width);
            const bool known = groups.contains(group);
            if (!known && groups.size() < spec.limit) {
                groups.insert(group);
                if (groups.size() % 2 == 0) {
                    collapsed << group;
                }
            }
            chartNodes[v].group = known || groups.contains(group) ? group : QString();
        }
        auto grouped = cf.charts().create(QLatin1String(spec.name),
                                          QJsonObject{{QStringLiteral("collapsedGroups"), QJsonArray::fromStringList(collapsed)}});
        if (!grouped || !cf.charts().setNodes(*grouped, chartNodes).ok()) {
            return 1;
        }
        std::printf("chart \"%s\": %lld groups, %lld collapsed\n", spec.name, qint64(groups.size()), qint64(collapsed.size()));
        written.append(QLatin1String(spec.name));
    }
    const QJsonObject what{{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges},
                           {QStringLiteral("charts"), written}};
    if (!cf.appendAudit(QStringLiteral("chartbench.generate"), {}, what).ok() || !tx.commit().ok()) {
        std::fprintf(stderr, "cannot write the case\n");
        return 1;
    }
    std::printf("wrote %s: %d nodes, %d edges, chart \"Bench\" and its grouped copies\n", qPrintable(path), nodes, edges);
    return 0;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// Resident set size now (not the peak), from /proc/self/statm.
double rssMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * 4096 / 1024 / 1024 : 0;
}

struct Frames {
    std::vector<double> wall, cpu, cpuAll;
    int full = 0, scrolled = 0;
    ChartPaintStats stroked; ///< of the last frame (detail levels only)
};

/// One real repaint of the view (QWidget::repaint: paintEvent into the backing store, as on screen).
void frame(ChartView &view, Frames &out)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs(), all0 = processCpuMs();
    view.repaint();
    out.cpu.push_back(threadCpuMs() - cpu0);
    out.cpuAll.push_back(processCpuMs() - all0);
    out.wall.push_back(t.nsecsElapsed() / 1e6);
    (view.lastFrameKind() == ChartFrame::Kind::Scrolled ? out.scrolled : out.full)++;
    out.stroked = ChartPainter::lastStats();
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

void print(const char *name, const Frames &f)
{
    const double wall = median(f.wall), cpu = median(f.cpu), all = median(f.cpuAll);
    std::printf("%-9s wall median=%6.1f ms (%3.0f fps)  GUI-thread cpu=%6.1f ms (%3.0f fps)  all-threads cpu=%6.1f ms  "
                "[%d full, %d scrolled]\n",
                name, wall, 1000 / wall, cpu, 1000 / cpu, all, f.full, f.scrolled);
    if (f.stroked.edgesStroked > 0) {
        std::printf("%-9s last frame stroked %lld edges, %.0f px of line\n", "", qint64(f.stroked.edgesStroked),
                    f.stroked.strokedLength);
    }
}

/// --measures: the Measure menu on the chart (kept in memory: the case is read-only). Degree
/// and components on the GUI thread, frames with the sizes and colours, then betweenness on the
/// worker while the GUI thread keeps handling events.
void measures(QApplication &app, ChartView &view, int frames)
{
    using Size = ChartNodeMeasures::Size;
    QElapsedTimer t;
    t.start();
    double cpu0 = threadCpuMs();
    view.setMeasure(ChartMeasureSetting{Size::Degree, ChartMeasureSetting::Colour::Component});
    std::printf("measures: degree + components on the GUI thread %.1f ms wall, %.1f ms cpu (%lld components)\n",
                t.nsecsElapsed() / 1e6, threadCpuMs() - cpu0, qint64(view.data().measures.componentSizes.size()));
    Frames fit, zoom4;
    for (int k = 0; k < frames; ++k) {
        view.fitToView();
        frame(view, fit);
        view.zoomBy(4);
        frame(view, zoom4);
    }
    print("fit-sized", fit);
    print("zoom4x-sz", zoom4);
    view.grab().save(QStringLiteral("chartbench-measures-zoom4.png"));
    t.restart();
    cpu0 = threadCpuMs();
    view.setMeasure(ChartMeasureSetting{Size::Betweenness, ChartMeasureSetting::Colour::Component});
    const double startMs = threadCpuMs() - cpu0;
    double longestEventMs = 0;
    while (view.isMeasuring()) {
        const double slice0 = threadCpuMs();
        app.processEvents(QEventLoop::WaitForMoreEvents);
        longestEventMs = std::max(longestEventMs, threadCpuMs() - slice0);
    }
    const ChartNodeMeasures &m = view.data().measures;
    std::printf("measures: betweenness on the worker %.2f s wall (%s, %d sources); GUI thread %.1f ms cpu to start, "
                "longest event round meanwhile %.1f ms cpu\n",
                t.nsecsElapsed() / 1e9, m.approximate ? "sampled" : "exact", m.samples, startMs, longestEventMs);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const QStringList args = app.arguments();
    const auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    if (args.size() >= 3 && args.at(1) == QLatin1String("--generate")) {
        return generate(args.at(2), option(QStringLiteral("--nodes"), QStringLiteral("100000")).toInt(),
                        option(QStringLiteral("--edges"), QStringLiteral("300000")).toInt());
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: casegraph-chartbench --generate CASE [--nodes N] [--edges M]\n"
                             "       casegraph-chartbench CASE [--chart NAME] [--frames K] [--zoom64] [--measures]\n");
        return 2;
    }
    const int frames = option(QStringLiteral("--frames"), QStringLiteral("9")).toInt();
    // Detail frames of the generated 100,000-node chart take seconds each (the long cross-chart
    // edges through the view), so they are asked for.
    const bool zoom64On = args.contains(QStringLiteral("--zoom64"));
    CaseFile cf;
    if (!cf.open(args.at(1), CaseFile::OpenMode::ReadOnly).ok()) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const auto chart = cf.charts().chartByName(option(QStringLiteral("--chart"), QStringLiteral("Bench")));
    if (!chart) {
        std::fprintf(stderr, "no such chart\n");
        return 1;
    }
    ChartView view;
    view.resize(1600, 1000);
    view.show();
    app.processEvents();
    const double rssBefore = rssMb();

    // Open as the GUI does: setChart starts the worker (own connection, ChartData::load); the GUI
    // thread keeps handling events until the data arrives, then paints the first fit-all frame.
    QElapsedTimer open;
    open.start();
    const double openCpu0 = processCpuMs(), guiCpu0 = threadCpuMs();
    view.setChart(&cf, nullptr, chart->id);
    const bool async = view.isLoading();
    double longestEventMs = 0; // GUI-thread CPU of one round of event handling while the worker loads
    while (view.isLoading()) {
        const double slice0 = threadCpuMs();
        app.processEvents(QEventLoop::WaitForMoreEvents);
        longestEventMs = std::max(longestEventMs, threadCpuMs() - slice0);
    }
    const double loadS = open.nsecsElapsed() / 1e9;
    view.repaint();
    const double openS = open.nsecsElapsed() / 1e9;
    const double openCpuS = (processCpuMs() - openCpu0) / 1e3;
    const double guiCpuS = (threadCpuMs() - guiCpu0) / 1e3;
    const ChartData &data = view.data();
    if (data.nodeCount() == 0) {
        std::fprintf(stderr, "the chart did not load\n");
        return 1;
    }
    view.grab().save(QStringLiteral("chartbench-fit.png"));

    Frames fit, zoom4, pan4, zoom16, zoom64;
    for (int k = 0; k < frames; ++k) {
        view.fitToView();
        frame(view, fit);
    }
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> fx(0.2, 0.8);
    for (int k = 0; k < frames; ++k) {
        const QPointF anchor(view.width() * fx(rng), view.height() * fx(rng));
        view.fitToView();
        view.zoomBy(4, anchor);
        frame(view, zoom4);
        if (k == 0) {
            view.grab().save(QStringLiteral("chartbench-zoom4.png"));
        }
        // Panning there: a drag of 24 × 12 px per frame (about 700 px/s at 30 fps).
        for (int step = 0; step < 5; ++step) {
            view.panBy(QPoint(24, 12));
            frame(view, pan4);
        }
        if (k == 0) {
            view.grab().save(QStringLiteral("chartbench-pan4.png"));
        }
        view.zoomBy(4);
        frame(view, zoom16);
        if (k == 0) {
            view.grab().save(QStringLiteral("chartbench-zoom16.png"));
        }
        // 64×: the first detail level (icons, labels, arrowheads clipped at the targets' labels).
        if (zoom64On) {
            view.zoomBy(4);
            frame(view, zoom64);
            if (k == 0) {
                view.grab().save(QStringLiteral("chartbench-zoom64.png"));
            }
        }
    }
    const double rssAfter = rssMb();
    const double peak = peakRssMb(); // before the filter changes below copy the chart once

    // Filter changes: "as of" a year, then all dates again; what the GUI thread spends on each.
    // (GUI-thread CPU time, which other processes on the machine do not inflate as they do wall time.)
    std::vector<double> filterMs, filterCpuMs, groupsMs, gridMs;
    for (int k = 0; k < frames; ++k) {
        for (const ChartTime &f : {ChartTime::asOf(QDate(2000 + k % 20, 6, 30)), ChartTime()}) {
            QElapsedTimer t;
            t.start();
            const double cpu0 = threadCpuMs();
            view.previewChartTime(f); // what each day of a dragged slider costs
            filterCpuMs.push_back(threadCpuMs() - cpu0);
            filterMs.push_back(t.nsecsElapsed() / 1e6);
        }
    }
    {
        ChartData copy = view.data();
        const QStringList collapsed = view.collapsedGroups();
        NodeGrid grid;
        for (int k = 0; k < frames; ++k) {
            double cpu0 = threadCpuMs();
            ChartGroups::apply(copy, collapsed);
            groupsMs.push_back(threadCpuMs() - cpu0);
            cpu0 = threadCpuMs();
            grid.build(copy);
            gridMs.push_back(threadCpuMs() - cpu0);
        }
    }
    const double nodes = double(data.nodeCount());
    std::printf("chart nodes=%lld edges=%lld\n", qint64(data.nodeCount()), qint64(data.edgeCount()));
    std::printf("open wall-s=%.2f (loaded %.2f %s, then the first fit-all frame); cpu-s=%.2f all threads, "
                "%.2f on the GUI thread; longest GUI-thread event round while loading %.1f ms cpu\n",
                openS, loadS, async ? "on the worker" : "on the GUI thread", openCpuS, guiCpuS, longestEventMs);
    std::printf("frames of a 1600x1000 ChartView repaint (software raster):\n");
    print("fit-all", fit);
    print("zoom4x", zoom4);
    print("pan@4x", pan4);
    print("zoom16x", zoom16);
    if (zoom64On) {
        print("zoom64x", zoom64);
    }
    std::printf("filter change (previewChartTime on the GUI thread, %d groups collapsed): wall median %.1f ms; "
                "cpu median %.1f ms, of which ChartGroups::apply %.1f ms and NodeGrid::build %.1f ms\n",
                int(view.collapsedGroups().size()), median(filterMs), median(filterCpuMs), median(groupsMs),
                median(gridMs));
    std::printf("memory: chart-data-bytes-per-node=%.0f rss-delta-bytes-per-node=%.0f (after load and frames) "
                "peak-rss-delta-bytes-per-node=%.0f peak-rss-mb=%.0f (baseline before load %.0f MB)\n",
                double(data.memoryBytes()) / nodes, (rssAfter - rssBefore) * 1024 * 1024 / nodes,
                (peak - rssBefore) * 1024 * 1024 / nodes, peak, rssBefore);
    if (args.contains(QStringLiteral("--measures"))) {
        measures(app, view, frames);
    }
    return 0;
}

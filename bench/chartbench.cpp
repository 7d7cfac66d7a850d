// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-chartbench --generate CASE [--nodes N] [--edges M]
//     writes a case with N companies, M Ownerships between them (90% between near neighbours,
//     10% across the chart; 40% dated) and a chart "Bench" holding every company on a jittered
//     grid, as an investigator's large chart would look after a layout.
// casegraph-chartbench CASE [--chart NAME] [--frames K]
//     opens the chart as the GUI does (ChartData::load, grid index, first frame) and times
//     software-rendered frames of 1600×1000 (QImage, raster engine, antialiasing as on screen):
//     fit-all, 4× zoom at several pan positions, and 16× zoom. Prints wall times, the chart's
//     own bytes per node and the process's peak RSS (bench/chart.sh also runs it under
//     /usr/bin/time -v).
#include "chart/chartdata.h"
#include "chart/chartpainter.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/sqlite.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

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

int generate(const QString &path, int nodes, int edges)
{
    QFile::remove(path);
    CaseFile cf;
    if (!cf.create(path).ok()) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(path));
        return 1;
    }
    auto &db = cf.database();
    auto prov = cf.addProvenance(Provenance::Kind::Import, QStringLiteral("chartbench"));
    std::mt19937 rng(42);
    const int side = int(std::ceil(std::sqrt(double(nodes))));
    const double spacing = 140;
    {
        Sql::Transaction tx(db);
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
        if (!tx.commit().ok()) {
            std::fprintf(stderr, "cannot write the entities\n");
            return 1;
        }
    }
    auto chart = cf.charts().create(QStringLiteral("Bench"));
    if (!chart) {
        return 1;
    }
    QList<ChartNode> chartNodes;
    chartNodes.reserve(nodes);
    std::uniform_real_distribution<double> jitter(-35, 35);
    for (int v = 0; v < nodes; ++v) {
        chartNodes << ChartNode{qint64(v) + 1, (v % side) * spacing + jitter(rng), (v / side) * spacing + jitter(rng)};
    }
    if (!cf.charts().setNodes(*chart, chartNodes).ok()) {
        return 1;
    }
    std::printf("wrote %s: %d nodes, %d edges, chart \"Bench\"\n", qPrintable(path), nodes, edges);
    return 0;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/// CPU time of the last frameMs() call: the machine is shared, so wall time overstates.
double g_lastCpuMs = 0;

/// Draws one frame as the view does: white background, world transform, ChartPainter.
double frameMs(QImage &image, const ChartData &data, double scale, QPointF topLeft)
{
    QElapsedTimer t;
    t.start();
    const double cpu0 = threadCpuMs();
    QPainter p(&image);
    p.fillRect(image.rect(), Qt::white);
    p.setTransform(QTransform(scale, 0, 0, scale, -topLeft.x() * scale, -topLeft.y() * scale));
    ChartPainter::paint(p, data, QRectF(topLeft, QSizeF(image.width() / scale, image.height() / scale)));
    p.end();
    g_lastCpuMs = threadCpuMs() - cpu0;
    return t.nsecsElapsed() / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QGuiApplication app(argc, argv);
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
                             "       casegraph-chartbench CASE [--chart NAME] [--frames K]\n");
        return 2;
    }
    const int frames = option(QStringLiteral("--frames"), QStringLiteral("7")).toInt();
    QElapsedTimer open;
    open.start();
    const double openCpu0 = threadCpuMs();
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
    auto loaded = ChartData::load(cf, chart->id);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", qPrintable(loaded.error().toString()));
        return 1;
    }
    ChartData data = std::move(loaded.value());
    const double loadS = open.nsecsElapsed() / 1e9;
    const double loadCpuS = (threadCpuMs() - openCpu0) / 1e3;
    NodeGrid grid;
    grid.build(data);
    QImage image(1600, 1000, QImage::Format_ARGB32_Premultiplied);
    const QRectF bounds = data.bounds().adjusted(-40, -40, 40, 40);
    const double fit = std::min(image.width() / bounds.width(), image.height() / bounds.height());
    const QPointF fitTopLeft = bounds.center() - QPointF(image.width(), image.height()) / 2 / fit;
    const double first = frameMs(image, data, fit, fitTopLeft);
    const double openS = open.nsecsElapsed() / 1e9;
    const double openCpuS = (threadCpuMs() - openCpu0) / 1e3;
    image.save(QStringLiteral("chartbench-fit.png"));

    std::vector<double> fitFrames, zoom4, zoom16, fitCpu, zoom4Cpu, zoom16Cpu;
    for (int k = 0; k < frames; ++k) {
        fitFrames.push_back(frameMs(image, data, fit, fitTopLeft));
        fitCpu.push_back(g_lastCpuMs);
    }
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> fx(0.2, 0.8);
    for (int k = 0; k < frames; ++k) {
        const QPointF centre(bounds.left() + bounds.width() * fx(rng), bounds.top() + bounds.height() * fx(rng));
        for (const double zoom : {4.0, 16.0}) {
            const double s = fit * zoom;
            const QPointF tl = centre - QPointF(image.width(), image.height()) / 2 / s;
            (zoom == 4 ? zoom4 : zoom16).push_back(frameMs(image, data, s, tl));
            (zoom == 4 ? zoom4Cpu : zoom16Cpu).push_back(g_lastCpuMs);
            if (k == 0) {
                image.save(QStringLiteral("chartbench-zoom%1.png").arg(int(zoom)));
            }
        }
    }
    const double rss = peakRssMb();
    std::printf("chart nodes=%lld edges=%lld\n", qint64(data.nodeCount()), qint64(data.edgeCount()));
    std::printf("open-s=%.2f (load %.2f + index + first fit-all frame %.0f ms); cpu-s=%.2f (load %.2f)\n", openS,
                loadS, first, openCpuS, loadCpuS);
    std::printf("frame-ms fit-all median=%.1f (%.0f fps) zoom4x median=%.1f (%.0f fps) zoom16x median=%.1f (%.0f fps)\n",
                median(fitFrames), 1000 / median(fitFrames), median(zoom4), 1000 / median(zoom4), median(zoom16),
                1000 / median(zoom16));
    std::printf("frame-cpu-ms fit-all median=%.1f zoom4x median=%.1f zoom16x median=%.1f\n", median(fitCpu),
                median(zoom4Cpu), median(zoom16Cpu));
    std::printf("chart-data-bytes-per-node=%.0f peak-rss-mb=%.0f peak-rss-bytes-per-node=%.0f\n",
                double(data.memoryBytes()) / double(data.nodeCount()), rss,
                rss * 1024 * 1024 / double(data.nodeCount()));
    return 0;
}

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-layoutbench [--nodes N] [--edges-per-node K] [--out DIR] [--seed S]
//
// Times forceLayout() on a synthetic scale-free graph (preferential attachment, default 10,000 nodes
// with two links each, the size of a large link chart): a full layout from nothing, then an
// incremental one after ten new nodes arrive. Prints the time, the memory the layout added (peak
// RSS growth per node) and a quality figure both peers can compute the same way: the mean edge
// length divided by the mean distance between random node pairs (lower: neighbours closer than
// strangers). With --out it writes edges.txt for bench/layout_igraph.py.
#include "analytics/forcelayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineF>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

using namespace Casegraph::Models;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec) + double(u.ru_utime.tv_usec) / 1e6 + double(u.ru_stime.tv_sec) +
           double(u.ru_stime.tv_usec) / 1e6;
}

double peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss);
}

LayoutGraph generate(qint32 n, int k, std::mt19937_64 &rng)
{
    LayoutGraph g;
    g.nodeCount = n;
    std::vector<qint32> ends;
    for (qint32 v = 1; v < n; ++v) {
        for (int j = 0; j < k; ++j) {
            const qint32 w = ends.empty() || rng() % 10 == 0 ? qint32(rng() % quint64(v)) : ends[rng() % ends.size()];
            if (w == v) {
                continue;
            }
            g.edges.emplace_back(v, w);
            ends.push_back(v);
            ends.push_back(w);
        }
    }
    return g;
}

/// Mean edge length / mean distance of 20,000 random pairs.
double edgeRatio(const LayoutGraph &g, const std::vector<QPointF> &p)
{
    double edges = 0;
    for (const auto &[a, b] : g.edges) {
        edges += QLineF(p[size_t(a)], p[size_t(b)]).length();
    }
    std::mt19937_64 rng(99);
    double pairs = 0;
    for (int i = 0; i < 20000; ++i) {
        pairs += QLineF(p[rng() % p.size()], p[rng() % p.size()]).length();
    }
    return (edges / double(g.edges.size())) / (pairs / 20000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    qint32 n = 10000;
    int k = 2;
    quint64 seed = 7;
    QString out;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--nodes")) {
            n = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--edges-per-node")) {
            k = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--out")) {
            out = args[i + 1];
        } else if (args[i] == QLatin1String("--seed")) {
            seed = args[i + 1].toULongLong();
        }
    }
    std::mt19937_64 rng(seed);
    LayoutGraph g = generate(n, k, rng);
    std::printf("layout graph: %d nodes, %zu edges (preferential attachment, k=%d)\n", n, g.edges.size(), k);
    if (!out.isEmpty()) {
        QDir().mkpath(out);
        FILE *f = std::fopen(QFile::encodeName(out + QStringLiteral("/layout-edges.txt")).constData(), "w");
        std::fprintf(f, "%d\n", n);
        for (const auto &[a, b] : g.edges) {
            std::fprintf(f, "%d %d\n", a, b);
        }
        std::fclose(f);
    }

    std::vector<QPointF> pos(size_t(n), QPointF(std::numeric_limits<double>::quiet_NaN(), 0));
    const double rss0 = peakRssKb();
    int iterations = 0;
    QElapsedTimer t;
    t.start();
    double cpu0 = cpuSeconds();
    const Status st = forceLayout(g, pos, {}, ForceLayoutOptions{}, [&](int, int total) {
        iterations = total;
        return true;
    });
    const double seconds = t.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpu0;
    if (!st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
        return 1;
    }
    const double kbPerNode = (peakRssKb() - rss0) * 1024.0 / n;
    std::printf("casegraph force-layout-s=%.2f cpu-s=%.2f iterations=%d layout-bytes-per-node=%.0f edge-ratio=%.4f\n",
                seconds, cpu, iterations, kbPerNode, edgeRatio(g, pos));

    // Expand ten nodes: one new neighbour each, unplaced.
    const std::vector<QPointF> before = pos;
    for (int i = 0; i < 10; ++i) {
        g.edges.emplace_back(qint32(rng() % quint64(n)), qint32(g.nodeCount));
        ++g.nodeCount;
        pos.push_back(QPointF(std::numeric_limits<double>::quiet_NaN(), 0));
    }
    t.restart();
    cpu0 = cpuSeconds();
    if (!forceLayout(g, pos, {}, ForceLayoutOptions{})) {
        return 1;
    }
    double moved = 0;
    for (qint32 i = 0; i < n; ++i) {
        moved += QLineF(before[size_t(i)], pos[size_t(i)]).length();
    }
    std::printf("casegraph force-layout-incremental-s=%.2f cpu-s=%.2f mean-move-of-old-nodes=%.1f (edge length 140)\n",
                t.elapsed() / 1000.0, cpuSeconds() - cpu0, moved / n);
    return 0;
}

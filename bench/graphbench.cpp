// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-graphbench [--nodes N] [--edges-per-node K] [--out DIR] [--case-nodes C] [--seed S]
//
// Builds a synthetic scale-free graph (preferential attachment: each new node links to K earlier
// nodes picked in proportion to their degree; each link points either way at random; 70% are
// Ownerships with FtM-style percentage text, 30% Supplies; 0.5% of nodes carry a Sanction; 30% of
// links have a start date) directly in memory through GraphBuilder, then times: the projection
// build, shortest paths (median of random pairs), all simple paths of at most 6 hops capped at
// 1,000, the ownership rule for all entities, and peak RSS. With --out it writes the graph
// (edges.txt, listed.txt, pairs.txt) for bench/graph_igraph.py. With --case-nodes it also writes a
// case file of that many nodes and times GraphProjection::fromCase() on it.
// `casegraph-graphbench --case FILE [--cancel-after-ms N]` times fromCase() on an existing case file;
// with --cancel-after-ms another thread sets the build's cancel flag after N ms and the time from
// then to fromCase()'s return is printed (the delay before the build stops).
#include "analytics/exposure.h"
#include "analytics/graphprojection.h"
#include "analytics/paths.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

using namespace Casegraph::Models;

namespace {

struct Link {
    quint32 from, to;
    bool ownership;
    quint8 percentage; ///< index into kPercentages
    qint16 year;       ///< start year, 0 for none
};

const QStringList kPercentages = {QStringLiteral("10%"),   QStringLiteral("25%"),      QStringLiteral("50%"),
                                  QStringLiteral("51%"),   QStringLiteral("100%"),     QStringLiteral("majority"),
                                  QStringLiteral("25-50%"), QStringLiteral(""),        QStringLiteral("33.3")};

double peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024.0;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

double median(std::vector<double> v)
{
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::vector<Link> generate(quint32 n, int k, std::mt19937_64 &rng)
{
    std::vector<Link> links;
    links.reserve(size_t(n) * k);
    std::vector<quint32> ends; // every link end once: picking from it is picking by degree
    ends.reserve(size_t(n) * k * 2);
    std::uniform_real_distribution<double> u01(0, 1);
    for (quint32 v = 0; v < n; ++v) {
        for (int j = 0; j < k && v > 0; ++j) {
            const quint32 w = ends.empty() || u01(rng) < 0.1 ? quint32(rng() % v) : ends[rng() % ends.size()];
            if (w == v) {
                continue;
            }
            Link l;
            const bool forward = rng() & 1;
            l.from = forward ? v : w;
            l.to = forward ? w : v;
            l.ownership = u01(rng) < 0.7;
            l.percentage = quint8(rng() % kPercentages.size());
            l.year = u01(rng) < 0.3 ? qint16(2015 + rng() % 9) : 0;
            links.push_back(l);
            ends.push_back(v);
            ends.push_back(w);
        }
    }
    return links;
}

/// Writes a case file of the first `nodes` nodes and the links among them, with plain SQL in one
/// transaction (the import path is benchmarked elsewhere).
bool writeCase(const QString &path, quint32 nodes, const std::vector<Link> &links, const std::vector<quint32> &listed)
{
    QFile::remove(path);
    CaseFile cf;
    if (!cf.create(path).ok()) {
        return false;
    }
    auto &db = cf.database();
    auto prov = cf.addProvenance(Provenance::Kind::Import, QStringLiteral("graphbench"));
    Sql::Transaction tx(db);
    auto *ent = db.cached("INSERT INTO entity(id, eid, schema, caption) VALUES(?,?,?,?)");
    auto *st = db.cached("INSERT INTO statement(entity, prop, value, prov, flags) VALUES(?,?,?,?,?)");
    const auto stmt = [&](qint64 row, const char *prop, const QString &value, int flags) {
        st->bind(1, row).bind(2, QByteArray(prop)).bind(3, value).bind(4, *prov).bind(5, flags);
        (void)st->run();
    };
    for (quint32 v = 0; v < nodes; ++v) {
        const QString id = QStringLiteral("n") + QString::number(v);
        ent->bind(1, qint64(v) + 1).bind(2, id).bind(3, QByteArray("Company")).bind(4, id);
        (void)ent->run();
        stmt(v + 1, "name", id, 0);
    }
    qint64 row = qint64(nodes) + 1;
    for (size_t i = 0; i < links.size(); ++i) {
        const Link &l = links[i];
        if (l.from >= nodes || l.to >= nodes) {
            continue;
        }
        const QString id = QStringLiteral("r") + QString::number(i);
        ent->bind(1, row).bind(2, id).bind(3, QByteArray(l.ownership ? "Ownership" : "Supply")).bind(4, id);
        (void)ent->run();
        stmt(row, l.ownership ? "owner" : "supplier", QStringLiteral("n") + QString::number(l.from), Reference);
        stmt(row, l.ownership ? "asset" : "recipient", QStringLiteral("n") + QString::number(l.to), Reference);
        if (l.ownership && !kPercentages[l.percentage].isEmpty()) {
            stmt(row, "percentage", kPercentages[l.percentage], 0);
        }
        if (l.year) {
            stmt(row, "startDate", QString::number(l.year), 0);
        }
        ++row;
    }
    for (const quint32 v : listed) {
        if (v >= nodes) {
            continue;
        }
        const QString id = QStringLiteral("s") + QString::number(v);
        ent->bind(1, row).bind(2, id).bind(3, QByteArray("Sanction")).bind(4, id);
        (void)ent->run();
        stmt(row, "entity", QStringLiteral("n") + QString::number(v), Reference);
        stmt(row, "program", QStringLiteral("SDN"), 0);
        ++row;
    }
    return tx.commit().ok();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // progress through a pipe (bench/graph.sh tees)
    if (argc == 5 && QByteArray(argv[1]) == "--case" && QByteArray(argv[3]) == "--cancel-after-ms") {
        // How soon a cancelled build returns: the flag is set from another thread after N ms.
        CaseFile cf;
        if (!cf.open(QString::fromLocal8Bit(argv[2]), CaseFile::OpenMode::ReadOnly).ok()) {
            std::fprintf(stderr, "cannot open %s\n", argv[2]);
            return 1;
        }
        const int after = QByteArray(argv[4]).toInt();
        std::atomic_bool cancel = false;
        ProjectionOptions options;
        options.cancel = &cancel;
        QElapsedTimer wall;
        wall.start();
        std::atomic<qint64> setAt = -1;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(after));
            setAt = wall.elapsed();
            cancel = true;
        });
        auto g = GraphProjection::fromCase(cf, options);
        const qint64 returned = wall.elapsed();
        canceller.join();
        std::printf("casegraph projection-cancel-set-ms=%lld returned-ms=%lld stop-delay-ms=%lld result=%s\n",
                    setAt.load(), returned, setAt.load() >= 0 ? returned - setAt.load() : -1LL,
                    g ? "complete" : qPrintable(g.error().message));
        return 0;
    }
    if (argc == 3 && QByteArray(argv[1]) == "--case") {
        // Times GraphProjection::fromCase() on an existing case file (wall and CPU time).
        CaseFile cf;
        if (!cf.open(QString::fromLocal8Bit(argv[2]), CaseFile::OpenMode::ReadOnly).ok()) {
            std::fprintf(stderr, "cannot open %s\n", argv[2]);
            return 1;
        }
        QElapsedTimer wall;
        wall.start();
        const double cpu0 = cpuSeconds();
        auto g = GraphProjection::fromCase(cf);
        std::printf("casegraph projection-from-case-s=%.2f cpu-s=%.2f nodes=%lld links=%lld peak-rss-mb=%.0f\n",
                    wall.elapsed() / 1000.0, cpuSeconds() - cpu0, g ? qint64(g->nodeCount()) : -1LL,
                    g ? qint64(g->linkCount()) : -1LL, peakRssMb());
        return g ? 0 : 1;
    }
    quint32 n = 1000000;
    int k = 5;
    QString out;
    quint32 caseNodes = 0;
    quint64 seed = 7;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--nodes")) {
            n = args[i + 1].toUInt();
        } else if (args[i] == QLatin1String("--edges-per-node")) {
            k = args[i + 1].toInt();
        } else if (args[i] == QLatin1String("--out")) {
            out = args[i + 1];
        } else if (args[i] == QLatin1String("--case-nodes")) {
            caseNodes = args[i + 1].toUInt();
        } else if (args[i] == QLatin1String("--seed")) {
            seed = args[i + 1].toULongLong();
        }
    }
    std::mt19937_64 rng(seed);
    QElapsedTimer t;
    t.start();
    const std::vector<Link> links = generate(n, k, rng);
    std::vector<quint32> listed;
    for (quint32 v = 0; v < n; ++v) {
        if (rng() % 200 == 0) {
            listed.push_back(v);
        }
    }
    std::printf("graph: %u nodes, %zu links (preferential attachment, k=%d), %zu listed; generated in %.2f s\n", n,
                links.size(), k, listed.size(), t.elapsed() / 1000.0);

    t.restart();
    GraphBuilder builder;
    builder.reserve(n, qsizetype(links.size()));
    for (quint32 v = 0; v < n; ++v) {
        builder.addNode(qint64(v) + 1, QStringLiteral("n") + QString::number(v), QStringLiteral("Company"));
    }
    const QString ownership = QStringLiteral("Ownership"), supply = QStringLiteral("Supply");
    for (size_t i = 0; i < links.size(); ++i) {
        const Link &l = links[i];
        GraphBuilder::Relationship r;
        r.rowId = qint64(n) + 1 + qint64(i);
        r.id = QStringLiteral("r") + QString::number(i);
        r.schema = l.ownership ? ownership : supply;
        r.source = qint64(l.from) + 1;
        r.target = qint64(l.to) + 1;
        if (l.ownership) {
            r.percentage = kPercentages[l.percentage];
        }
        if (l.year) {
            r.startDate = QString::number(l.year);
        }
        builder.addRelationship(r);
    }
    for (const quint32 v : listed) {
        builder.addSanction(qint64(n) * 10 + v, QStringLiteral("s") + QString::number(v), qint64(v) + 1, {},
                            QStringLiteral("SDN"));
    }
    const GraphProjection graph = builder.finish();
    const double buildSeconds = t.elapsed() / 1000.0;
    std::printf("casegraph projection-build-s=%.2f nodes=%lld links=%lld\n", buildSeconds,
                qint64(graph.nodeCount()), qint64(graph.linkCount()));

    // Random pairs, shared with the igraph peer.
    std::vector<std::pair<quint32, quint32>> pairs;
    for (int i = 0; i < 21; ++i) {
        pairs.emplace_back(quint32(rng() % n), quint32(rng() % n));
    }
    std::vector<double> times;
    int found = 0;
    for (const auto &[a, b] : pairs) {
        PathQuery q;
        q.from = QStringLiteral("n") + QString::number(a);
        q.to = QStringLiteral("n") + QString::number(b);
        q.maxHops = 0;
        t.restart();
        auto r = shortestPath(graph, q);
        times.push_back(t.nsecsElapsed() / 1e6);
        found += r && !r->paths.isEmpty();
    }
    std::printf("casegraph shortest-path-median-ms=%.1f found=%d/%zu\n", median(times), found, pairs.size());

    times.clear();
    for (size_t i = 0; i < 5; ++i) {
        const auto &[a, b] = pairs[i];
        PathQuery q;
        q.from = QStringLiteral("n") + QString::number(a);
        q.to = QStringLiteral("n") + QString::number(b);
        q.maxHops = 6;
        q.maxPaths = 1000;
        t.restart();
        auto r = allSimplePaths(graph, q);
        const double ms = t.nsecsElapsed() / 1e6;
        times.push_back(ms);
        std::printf("casegraph all-simple-paths pair=%zu ms=%.1f paths=%lld capped=%s work-limit=%s\n", i, ms,
                    r ? qint64(r->paths.size()) : -1LL, r && r->capped ? "yes" : "no",
                    r && r->workLimitReached ? "yes" : "no");
    }
    std::printf("casegraph all-simple-paths-median-ms=%.1f\n", median(times));
    {
        // Between the two oldest nodes (the biggest hubs), relationships taken both ways: far more
        // than 1,000 paths of at most 6 hops, so the cap is hit.
        PathQuery q;
        q.from = QStringLiteral("n0");
        q.to = QStringLiteral("n1");
        q.undirected = true;
        q.maxHops = 6;
        t.restart();
        auto r = allSimplePaths(graph, q);
        std::printf("casegraph all-simple-paths-hubs-undirected-ms=%.1f paths=%lld capped=%s\n", t.nsecsElapsed() / 1e6,
                    r ? qint64(r->paths.size()) : -1LL, r && r->capped ? "yes" : "no");
    }

    t.restart();
    const ExposureReport report = computeExposure(graph);
    std::printf("casegraph exposure-all-s=%.2f listed=%lld restricted=%lld undetermined=%lld reported=%lld\n",
                t.elapsed() / 1000.0, qint64(report.listed), qint64(report.restricted), qint64(report.undetermined),
                qint64(report.size()));
    ExposureOptions noLookThrough;
    noLookThrough.lookThrough = false;
    t.restart();
    const ExposureReport rule = computeExposure(graph, noLookThrough);
    std::printf("casegraph exposure-rule-only-s=%.2f restricted=%lld\n", t.elapsed() / 1000.0, qint64(rule.restricted));
    std::printf("casegraph peak-rss-mb=%.0f\n", peakRssMb());

    if (!out.isEmpty()) {
        QDir().mkpath(out);
        FILE *e = std::fopen(QFile::encodeName(out + QStringLiteral("/edges.txt")).constData(), "w");
        for (const Link &l : links) {
            const auto range = parsePercentage(kPercentages[l.percentage]);
            std::fprintf(e, "%u %u %d %g %g\n", l.from, l.to, l.ownership ? 1 : 0, range.min, range.max);
        }
        std::fclose(e);
        FILE *s = std::fopen(QFile::encodeName(out + QStringLiteral("/listed.txt")).constData(), "w");
        for (const quint32 v : listed) {
            std::fprintf(s, "%u\n", v);
        }
        std::fclose(s);
        FILE *p = std::fopen(QFile::encodeName(out + QStringLiteral("/pairs.txt")).constData(), "w");
        std::fprintf(p, "%u\n", n);
        for (const auto &[a, b] : pairs) {
            std::fprintf(p, "%u %u\n", a, b);
        }
        std::fclose(p);
    }

    if (caseNodes > 0 && !out.isEmpty()) {
        const QString path = out + QStringLiteral("/graphbench.casegraph");
        t.restart();
        if (!writeCase(path, std::min(caseNodes, n), links, listed)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("case file: %u nodes written in %.1f s\n", std::min(caseNodes, n), t.elapsed() / 1000.0);
        CaseFile cf;
        if (!cf.open(path, CaseFile::OpenMode::ReadOnly).ok()) {
            return 1;
        }
        t.restart();
        const double cpu0 = cpuSeconds();
        auto g = GraphProjection::fromCase(cf);
        std::printf("casegraph projection-from-case-s=%.2f cpu-s=%.2f nodes=%lld links=%lld\n", t.elapsed() / 1000.0,
                    cpuSeconds() - cpu0, g ? qint64(g->nodeCount()) : -1LL, g ? qint64(g->linkCount()) : -1LL);
        std::printf("casegraph peak-rss-mb=%.0f (after the case-file projection)\n", peakRssMb());
    }
    return 0;
}

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/analyticstext.h"
#include "analytics/diversion.h"
#include "analytics/paths.h"
#include "support/graphfixture.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// Shortest and all simple paths on a case file: direction, relationship types, as-of dates with
/// partial dates, the path cap.
class GraphPathsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void shortestPathHops();
    void directionMatters();
    void undirectedSchemaCrossedBothWays();
    void ftmUndirectedSchemataWalkedBackwards_data();
    void ftmUndirectedSchemataWalkedBackwards();
    void allSimplePathsSortedByLength();
    void maxHopsBoundsPaths();
    void relationshipTypes();
    void asOfDate_data();
    void asOfDate();
    void asOfDropsExpiredRelationships();
    void capIsReported();
    void errors();
    void textReport();
    void shortestAgreesWithSimplePathsOnARandomGraph();
    void cancelStopsTheSearches();

private:
    static QStringList via(const GraphPath &p);
    PathQuery query(const char *from, const char *to) const;
    GraphFixture m_f;
    GraphProjection m_g;
};

QStringList GraphPathsTest::via(const GraphPath &p)
{
    QStringList out;
    for (const auto &h : p.hops) {
        out << h.link.relationship;
    }
    return out;
}

PathQuery GraphPathsTest::query(const char *from, const char *to) const
{
    PathQuery q;
    q.from = QLatin1String(from);
    q.to = QLatin1String(to);
    return q;
}

void GraphPathsTest::initTestCase()
{
    QVERIFY(m_f.isValid());
    for (const char *id : {"A", "B", "C", "D", "E", "F", "G", "HUB", "Z"}) {
        QVERIFY(m_f.node(QLatin1String(id)));
    }
    QVERIFY(m_f.ownership(QStringLiteral("o1"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("60%"),
                          QStringLiteral("2019"), QStringLiteral("2020")));
    QVERIFY(m_f.link(QStringLiteral("s1"), QStringLiteral("Supply"), QStringLiteral("B"), QStringLiteral("C"),
                     {{QStringLiteral("startDate"), QStringLiteral("2021-03")}}));
    QVERIFY(m_f.ownership(QStringLiteral("o2"), QStringLiteral("A"), QStringLiteral("D")));
    QVERIFY(m_f.link(QStringLiteral("d1"), QStringLiteral("Directorship"), QStringLiteral("D"), QStringLiteral("G")));
    QVERIFY(m_f.ownership(QStringLiteral("o5"), QStringLiteral("G"), QStringLiteral("C")));
    QVERIFY(m_f.link(QStringLiteral("l1"), QStringLiteral("UnknownLink"), QStringLiteral("E"), QStringLiteral("C")));
    QVERIFY(m_f.ownership(QStringLiteral("o3"), QStringLiteral("C"), QStringLiteral("F")));
    // 30 two-hop paths HUB → Mi → Z.
    for (int i = 0; i < 30; ++i) {
        const QString m = QStringLiteral("M%1").arg(i);
        QVERIFY(m_f.node(m));
        QVERIFY(m_f.ownership(QStringLiteral("hm%1").arg(i), QStringLiteral("HUB"), m));
        QVERIFY(m_f.ownership(QStringLiteral("mz%1").arg(i), m, QStringLiteral("Z")));
    }
    m_f.evidence(QStringLiteral("o1"), 2);
    auto g = GraphProjection::fromCase(m_f.caseFile());
    QVERIFY(g.ok());
    m_g = *g;
}

void GraphPathsTest::shortestPathHops()
{
    const auto r = shortestPath(m_g, query("A", "C"));
    QVERIFY(r.ok());
    QCOMPARE(r->paths.size(), 1);
    const GraphPath &p = r->paths.first();
    QCOMPARE(p.length(), 2);
    QCOMPARE(p.hops[0].from, QStringLiteral("A"));
    QCOMPARE(p.hops[0].link.relationship, QStringLiteral("o1"));
    QCOMPARE(p.hops[0].link.schema, QStringLiteral("Ownership"));
    QCOMPARE(p.hops[0].to, QStringLiteral("B"));
    QCOMPARE(p.hops[0].link.evidence, 2);
    QCOMPARE(p.hops[1].link.relationship, QStringLiteral("s1"));
    QCOMPARE(p.hops[1].to, QStringLiteral("C"));
    QCOMPARE(p.hops[1].link.evidence, 0);
    QCOMPARE(p.evidence(), 2);
    QCOMPARE(p.minEvidence(), 0);
}

void GraphPathsTest::directionMatters()
{
    QVERIFY(shortestPath(m_g, query("C", "A"))->paths.isEmpty());
    auto q = query("C", "A");
    q.undirected = true;
    const auto r = shortestPath(m_g, q);
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(r->paths.first().length(), 2);
    QVERIFY(!r->paths.first().hops.first().forward);
    QCOMPARE(r->paths.first().hops.first().from, QStringLiteral("C"));
}

void GraphPathsTest::undirectedSchemaCrossedBothWays()
{
    // UnknownLink is undirected: C reaches E against its stored direction, even in directed mode.
    const auto r = shortestPath(m_g, query("C", "E"));
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(r->paths.first().hops.first().link.relationship, QStringLiteral("l1"));
    QVERIFY(!r->paths.first().hops.first().forward);
    QCOMPARE(shortestPath(m_g, query("E", "F"))->paths.first().length(), 2);
}

void GraphPathsTest::ftmUndirectedSchemataWalkedBackwards_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("link"); ///< the relationship crossed from its target to its source
    QTest::addColumn<QString>("schema");
    // Stored ana → ben (Associate) and ana → eve (Family); ana owns front. Only the stored
    // direction reads ana → …: ben and eve reach front only by crossing the link backwards.
    QTest::newRow("Associate") << "ben" << "as1" << "Associate";
    QTest::newRow("Family") << "eve" << "fa1" << "Family";
}

void GraphPathsTest::ftmUndirectedSchemataWalkedBackwards()
{
    QFETCH(QString, from);
    QFETCH(QString, link);
    QFETCH(QString, schema);
    GraphFixture f;
    QVERIFY(f.isValid());
    for (const char *id : {"ana", "ben", "eve"}) {
        QVERIFY(f.node(QLatin1String(id), QStringLiteral("Person")));
    }
    QVERIFY(f.node(QStringLiteral("front")));
    QVERIFY(f.node(QStringLiteral("dora")));
    QVERIFY(f.link(QStringLiteral("as1"), QStringLiteral("Associate"), QStringLiteral("ana"), QStringLiteral("ben")));
    QVERIFY(f.link(QStringLiteral("fa1"), QStringLiteral("Family"), QStringLiteral("ana"), QStringLiteral("eve")));
    QVERIFY(f.ownership(QStringLiteral("own-front"), QStringLiteral("ana"), QStringLiteral("front")));
    QVERIFY(f.ownership(QStringLiteral("own-dora"), QStringLiteral("ana"), QStringLiteral("dora")));
    const auto g = GraphProjection::fromCase(f.caseFile());
    QVERIFY(g.ok());

    PathQuery q;
    q.from = from;
    q.to = QStringLiteral("front");
    const auto shortest = shortestPath(*g, q);
    QVERIFY(shortest.ok());
    QCOMPARE(shortest->paths.size(), 1);
    const GraphPath &p = shortest->paths.first();
    QCOMPARE(p.length(), 2);
    QCOMPARE(p.hops[0].link.relationship, link);
    QCOMPARE(p.hops[0].link.schema, schema);
    QVERIFY(!p.hops[0].forward);       // crossed target → source
    QVERIFY(!p.hops[0].link.directed); // because FtM says the schema has no direction
    QCOMPARE(p.hops[0].to, QStringLiteral("ana"));
    QCOMPARE(p.hops[1].link.relationship, QStringLiteral("own-front"));
    QVERIFY(p.hops[1].forward);
    const auto all = allSimplePaths(*g, q);
    QCOMPARE(all->paths.size(), 1);
    QCOMPARE(via(all->paths.first()), (QStringList{link, QStringLiteral("own-front")}));
    // The report draws no arrowhead on the undirected hop, one on the ownership.
    QCOMPARE(AnalyticsText::path(p), from + QStringLiteral(" —[") + schema + QLatin1Char(' ') + link +
                                         QStringLiteral(": 0 excerpt(s)]— ana —[Ownership own-front: unknown (0–100%), "
                                                        "0 excerpt(s)]→ front"));

    // The same shape through a directed relationship has no path: dora is owned by ana.
    q.from = QStringLiteral("dora");
    QVERIFY(shortestPath(*g, q)->paths.isEmpty());
    QVERIFY(allSimplePaths(*g, q)->paths.isEmpty());
    q.undirected = true; // unless the user asks to ignore direction
    QCOMPARE(shortestPath(*g, q)->paths.size(), 1);
}

void GraphPathsTest::allSimplePathsSortedByLength()
{
    const auto r = allSimplePaths(m_g, query("A", "C"));
    QVERIFY(r.ok());
    QVERIFY(!r->capped);
    QCOMPARE(r->paths.size(), 2);
    QCOMPARE(via(r->paths[0]), (QStringList{QStringLiteral("o1"), QStringLiteral("s1")}));
    QCOMPARE(via(r->paths[1]), (QStringList{QStringLiteral("o2"), QStringLiteral("d1"), QStringLiteral("o5")}));
    // Undirected: also through E? No — E hangs off C only. A→F gains the extra step.
    QCOMPARE(allSimplePaths(m_g, query("A", "F"))->paths.size(), 2);
}

void GraphPathsTest::maxHopsBoundsPaths()
{
    auto q = query("A", "C");
    q.maxHops = 2;
    QCOMPARE(allSimplePaths(m_g, q)->paths.size(), 1);
    QCOMPARE(shortestPath(m_g, q)->paths.size(), 1);
    q.maxHops = 1;
    QCOMPARE(allSimplePaths(m_g, q)->paths.size(), 0);
    QCOMPARE(shortestPath(m_g, q)->paths.size(), 0);
}

void GraphPathsTest::relationshipTypes()
{
    auto q = query("A", "C");
    q.schemata = {QStringLiteral("Ownership")};
    QVERIFY(allSimplePaths(m_g, q)->paths.isEmpty());
    q.schemata = {QStringLiteral("Ownership"), QStringLiteral("Directorship")};
    const auto r = allSimplePaths(m_g, q);
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(via(r->paths.first()), (QStringList{QStringLiteral("o2"), QStringLiteral("d1"), QStringLiteral("o5")}));
    // A parent schema includes its descendants: Interest covers Ownership and Directorship.
    q.schemata = {QStringLiteral("Interest")};
    QCOMPARE(allSimplePaths(m_g, q)->paths.size(), 1);
}

void GraphPathsTest::asOfDate_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("valid");
    // o1 runs from "2019" to "2020": the first day of 2019 to the last day of 2020.
    QTest::newRow("day before the start year") << QDate(2018, 12, 31) << false;
    QTest::newRow("earliest day of the start year") << QDate(2019, 1, 1) << true;
    QTest::newRow("inside") << QDate(2019, 7, 14) << true;
    QTest::newRow("latest day of the end year") << QDate(2020, 12, 31) << true;
    QTest::newRow("day after the end year") << QDate(2021, 1, 1) << false;
}

void GraphPathsTest::asOfDate()
{
    QFETCH(QDate, day);
    QFETCH(bool, valid);
    auto q = query("A", "B");
    q.asOf = day;
    QCOMPARE(!shortestPath(m_g, q)->paths.isEmpty(), valid);
    QCOMPARE(!allSimplePaths(m_g, q)->paths.isEmpty(), valid);
}

void GraphPathsTest::asOfDropsExpiredRelationships()
{
    auto q = query("A", "C");
    q.asOf = QDate(2021, 6, 1); // o1 ended in 2020; s1 began in March 2021; the rest are open
    const auto r = allSimplePaths(m_g, q);
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(via(r->paths.first()).first(), QStringLiteral("o2"));
    q.asOf = QDate(2021, 2, 28); // s1 not yet
    QCOMPARE(allSimplePaths(m_g, q)->paths.size(), 1);
}

void GraphPathsTest::capIsReported()
{
    auto q = query("HUB", "Z");
    QCOMPARE(allSimplePaths(m_g, q)->paths.size(), 30);
    QVERIFY(!allSimplePaths(m_g, q)->capped);
    q.maxPaths = 10;
    const auto r = allSimplePaths(m_g, q);
    QCOMPARE(r->paths.size(), 10);
    QVERIFY(r->capped);
    QVERIFY(AnalyticsText::paths(q, *shortestPath(m_g, q), *r).last().contains(QLatin1String("10 paths")));
}

void GraphPathsTest::errors()
{
    QVERIFY(!shortestPath(m_g, query("A", "nobody")).ok());
    const auto rel = allSimplePaths(m_g, query("o1", "C"));
    QVERIFY(!rel.ok());
    QVERIFY(rel.error().message.contains(QLatin1String("o1")));
    QVERIFY(!allSimplePaths(m_g, query("A", "A")).ok());
    auto q = query("A", "C");
    q.schemata = {QStringLiteral("Frobnication")};
    QVERIFY(!allSimplePaths(m_g, q).ok());
    q = query("A", "C");
    q.maxPaths = 0;
    QVERIFY(!allSimplePaths(m_g, q).ok());
}

void GraphPathsTest::textReport()
{
    const auto q = query("A", "C");
    const QStringList lines = AnalyticsText::paths(q, *shortestPath(m_g, q), *allSimplePaths(m_g, q));
    QVERIFY(lines.size() >= 4);
    QCOMPARE(lines[1], QStringLiteral("  A —[Ownership o1: 60%, 2019 – 2020, 2 excerpt(s)]→ B —[Supply s1: 2021-03 – "
                                      "open, 0 excerpt(s)]→ C"));
}

void GraphPathsTest::cancelStopsTheSearches()
{
    // A complete graph of 12 nodes holds billions of simple paths; a set cancel flag stops both
    // depth-first searches after one check interval, saying so (the Paths dock's Cancel).
    GraphBuilder b;
    const int n = 12;
    for (int i = 0; i < n; ++i) {
        b.addNode(i + 1, QStringLiteral("k%1").arg(i), QStringLiteral("Company"));
    }
    qint64 row = 100;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            if (i != j) {
                GraphBuilder::Relationship r;
                r.rowId = ++row;
                r.id = QStringLiteral("s%1").arg(row);
                r.schema = QStringLiteral("Supply");
                r.source = i + 1;
                r.target = j + 1;
                b.addRelationship(r);
            }
        }
    }
    const GraphProjection g = b.finish();
    std::atomic_bool cancel{true};
    PathQuery q;
    q.from = QStringLiteral("k0");
    q.to = QStringLiteral("k11");
    q.maxHops = 10;
    q.maxPaths = 1'000'000'000;
    q.cancel = &cancel;
    const auto paths = allSimplePaths(g, q);
    QVERIFY(paths.ok());
    QVERIFY(paths->cancelled);
    QVERIFY(!paths->capped && !paths->workLimitReached);
    QCOMPARE(paths->steps, PathSearchCancelInterval);
    DiversionQuery d;
    d.from = QStringLiteral("k0");
    d.listedOnly = false;
    d.maxHops = 10;
    d.maxPaths = 1'000'000'000;
    d.cancel = &cancel;
    const auto diversion = diversionPaths(g, d);
    QVERIFY(diversion.ok());
    QVERIFY(diversion->cancelled);
    QVERIFY(!diversion->capped && !diversion->workLimitReached);
}

QTEST_MAIN(GraphPathsTest)
void GraphPathsTest::shortestAgreesWithSimplePathsOnARandomGraph()
{
    // A random directed graph (fixed seed): for every pair, the shortest path (a bidirectional
    // search) is a real chain of links from one end to the other, exactly as long as the shortest
    // of all simple paths, and found exactly when one exists — directed and undirected.
    GraphFixture f;
    QVERIFY(f.isValid());
    const int nodes = 24;
    for (int i = 0; i < nodes; ++i) {
        QVERIFY(f.node(QStringLiteral("r%1").arg(i)));
    }
    QRandomGenerator rng(20261122);
    for (int i = 0; i < 40; ++i) {
        const int a = rng.bounded(nodes);
        const int b = rng.bounded(nodes);
        QVERIFY(f.ownership(QStringLiteral("ro%1").arg(i), QStringLiteral("r%1").arg(a), QStringLiteral("r%1").arg(b)));
    }
    auto g = GraphProjection::fromCase(f.caseFile());
    QVERIFY(g.ok());
    int found = 0;
    for (const bool undirected : {false, true}) {
        for (int a = 0; a < nodes; ++a) {
            for (int b = 0; b < nodes; ++b) {
                if (a == b) {
                    continue;
                }
                PathQuery q;
                q.from = QStringLiteral("r%1").arg(a);
                q.to = QStringLiteral("r%1").arg(b);
                q.undirected = undirected;
                q.maxHops = 8;
                const auto shortest = shortestPath(*g, q);
                const auto all = allSimplePaths(*g, q);
                QVERIFY(shortest.ok() && all.ok());
                QCOMPARE(shortest->paths.isEmpty(), all->paths.isEmpty());
                if (shortest->paths.isEmpty()) {
                    continue;
                }
                ++found;
                const GraphPath &p = shortest->paths.first();
                QCOMPARE(p.length(), all->paths.first().length());
                QCOMPARE(p.hops.first().from, q.from);
                QCOMPARE(p.hops.last().to, q.to);
                for (qsizetype i = 1; i < p.hops.size(); ++i) {
                    QCOMPARE(p.hops[i].from, p.hops[i - 1].to);
                }
                for (const PathHop &h : p.hops) {
                    QVERIFY(undirected || h.forward);
                }
            }
        }
    }
    QVERIFY2(found > 100, qPrintable(QString::number(found))); // the graph is connected enough to test
}

#include "graphpaths_test.moc"

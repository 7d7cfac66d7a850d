// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/analyticstext.h"
#include "analytics/centrality.h"
#include "analytics/layout.h"
#include "support/graphfixture.h"

#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// Degree, betweenness (exact and sampled), weak components and the layered layout, by entity id.
class CentralityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void degrees();
    void exactBetweenness();
    void sampledBetweenness();
    void directedBetweennessCrossesAssociatesBothWays();
    void components();
    void edgeListStar();
    void edgeListSampledAndCancelled();
    void layeredLayout();
    void textReport();

private:
    GraphFixture m_f;
    GraphProjection m_g;
};

void CentralityTest::initTestCase()
{
    // A path a → b → c → d, a star hub → s1..s3, and an isolated pair x — y.
    for (const char *id : {"a", "b", "c", "d", "hub", "s1", "s2", "s3", "x", "y"}) {
        QVERIFY(m_f.node(QLatin1String(id)));
    }
    m_f.ownership(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b"));
    m_f.ownership(QStringLiteral("bc"), QStringLiteral("b"), QStringLiteral("c"));
    m_f.ownership(QStringLiteral("bc2"), QStringLiteral("b"), QStringLiteral("c")); // parallel
    m_f.ownership(QStringLiteral("cd"), QStringLiteral("c"), QStringLiteral("d"));
    for (const char *s : {"s1", "s2", "s3"}) {
        m_f.ownership(QStringLiteral("hub-") + QLatin1String(s), QStringLiteral("hub"), QLatin1String(s));
    }
    m_f.link(QStringLiteral("xy"), QStringLiteral("UnknownLink"), QStringLiteral("x"), QStringLiteral("y"));
    auto g = GraphProjection::fromCase(m_f.caseFile());
    QVERIFY(g.ok());
    m_g = *g;
}

void CentralityTest::degrees()
{
    const auto d = degreeCentrality(m_g);
    QCOMPARE(d.size(), m_g.nodeCount());
    QCOMPARE(d.first().id, QStringLiteral("b")); // in 1, out 2 (parallel edges count) = 3, ties hub by id
    QCOMPARE(d.first().in, 1);
    QCOMPARE(d.first().out, 2);
    QCOMPARE(d[1].id, QStringLiteral("c"));
    QCOMPARE(d[2].id, QStringLiteral("hub"));
    QCOMPARE(d[2].out, 3);
}

void CentralityTest::exactBetweenness()
{
    const auto r = betweennessCentrality(m_g);
    QVERIFY(!r.approximate);
    QHash<QString, double> by;
    for (const auto &s : r.scores) {
        by.insert(s.id, s.value);
    }
    // Undirected path a-b-c-d: b and c each lie on 2 shortest paths; the hub on the 3 pairs of leaves.
    QCOMPARE(by.value(QStringLiteral("b")), 2.0);
    QCOMPARE(by.value(QStringLiteral("c")), 2.0);
    QCOMPARE(by.value(QStringLiteral("hub")), 3.0);
    QCOMPARE(by.value(QStringLiteral("a")), 0.0);
    QCOMPARE(r.scores.first().id, QStringLiteral("hub"));
    BetweennessOptions directed;
    directed.directed = true;
    QHash<QString, double> dir;
    for (const auto &s : betweennessCentrality(m_g, directed).scores) {
        dir.insert(s.id, s.value);
    }
    QCOMPARE(dir.value(QStringLiteral("b")), 2.0); // a→c, a→d
    QCOMPARE(dir.value(QStringLiteral("hub")), 0.0);
}

void CentralityTest::directedBetweennessCrossesAssociatesBothWays()
{
    // p → q and r → q as stored, but Associate has no direction: q brokers between p and r
    // both ways, also when betweenness follows direction. An Ownership in the same place does not.
    GraphFixture f;
    for (const char *id : {"p", "q", "r"}) {
        QVERIFY(f.node(QLatin1String(id), QStringLiteral("Person")));
    }
    for (const char *id : {"a", "b", "c"}) {
        QVERIFY(f.node(QLatin1String(id)));
    }
    QVERIFY(f.link(QStringLiteral("pq"), QStringLiteral("Associate"), QStringLiteral("p"), QStringLiteral("q")));
    QVERIFY(f.link(QStringLiteral("rq"), QStringLiteral("Associate"), QStringLiteral("r"), QStringLiteral("q")));
    QVERIFY(f.ownership(QStringLiteral("ab"), QStringLiteral("a"), QStringLiteral("b")));
    QVERIFY(f.ownership(QStringLiteral("cb"), QStringLiteral("c"), QStringLiteral("b")));
    const auto g = GraphProjection::fromCase(f.caseFile());
    QVERIFY(g.ok());
    BetweennessOptions directed;
    directed.directed = true;
    QHash<QString, double> by;
    for (const auto &s : betweennessCentrality(*g, directed).scores) {
        by.insert(s.id, s.value);
    }
    QCOMPARE(by.value(QStringLiteral("q")), 2.0); // p→r and r→p
    QCOMPARE(by.value(QStringLiteral("b")), 0.0); // a and c reach b, never each other
}

void CentralityTest::sampledBetweenness()
{
    BetweennessOptions o;
    o.exactNodeLimit = 0;
    o.samples = int(m_g.nodeCount()); // every node sampled: the exact values
    const auto r = betweennessCentrality(m_g, o);
    QVERIFY(r.approximate);
    QCOMPARE(r.samples, int(m_g.nodeCount()));
    QCOMPARE(r.scores.first().id, QStringLiteral("hub"));
    QVERIFY(qAbs(r.scores.first().value - 3.0) < 1e-9);
    o.samples = 3;
    o.limit = 2;
    const auto few = betweennessCentrality(m_g, o);
    QCOMPARE(few.samples, 3);
    QCOMPARE(few.scores.size(), 2);
}

void CentralityTest::components()
{
    const auto c = weakComponents(m_g);
    // {a,b,c,d}, {hub,s1,s2,s3}, {x,y}, and the fixture's article alone.
    QCOMPARE(c.sizes, (QList<qsizetype>{4, 4, 2, 1}));
    QHash<QString, int> of;
    for (const auto &n : c.nodes) {
        of.insert(n.id, n.component);
    }
    QCOMPARE(of.value(QStringLiteral("a")), of.value(QStringLiteral("d")));
    QVERIFY(of.value(QStringLiteral("a")) != of.value(QStringLiteral("hub")));
    QCOMPARE(of.value(QStringLiteral("x")), 2);
}

void CentralityTest::edgeListStar()
{
    // A star 0 → 1..4, a pair 5 — 6 with a parallel edge, and node 7 alone with a loop.
    EdgeList star;
    star.nodeCount = 8;
    star.edges = {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {5, 6}, {6, 5}, {7, 7}};
    QCOMPARE(Casegraph::Models::degrees(star), (std::vector<int>{4, 1, 1, 1, 1, 2, 2, 2}));
    const auto b = betweenness(star);
    QVERIFY(b && !b->approximate);
    // The hub lies on the path between each of the C(4,2) = 6 pairs of leaves; nothing else brokers.
    QCOMPARE(b->value[0], 6.0);
    QCOMPARE(b->normalized[0], 6.0 / (7.0 * 6.0 / 2));
    for (quint32 v = 1; v < star.nodeCount; ++v) {
        QCOMPARE(b->value[v], 0.0);
    }
    // Directed: 0 → leaves gives no path through the hub.
    BetweennessOptions directed;
    directed.directed = true;
    QCOMPARE(betweenness(star, directed)->value[0], 0.0);
    const ComponentIndex c = Casegraph::Models::components(star);
    QCOMPARE(c.sizes, (QList<qsizetype>{5, 2, 1}));
    QCOMPARE(c.component, (std::vector<int>{0, 0, 0, 0, 0, 1, 1, 2}));
    // The projection's functions give the same numbers as the edge list they are built on.
    const auto fromProjection = betweennessCentrality(m_g);
    QCOMPARE(fromProjection.scores.first().id, QStringLiteral("hub"));
    QCOMPARE(fromProjection.scores.first().value, 3.0);
}

void CentralityTest::edgeListSampledAndCancelled()
{
    // A long path of 2,000 nodes: the middle brokers most. Sampled above the exact limit.
    EdgeList path;
    path.nodeCount = 2000;
    for (quint32 v = 0; v + 1 < path.nodeCount; ++v) {
        path.edges.emplace_back(v, v + 1);
    }
    BetweennessOptions o;
    o.exactNodeLimit = 100;
    o.samples = 200;
    QList<int> seen;
    const auto b = betweenness(path, o, [&](int percent) {
        seen << percent;
        return true;
    });
    QVERIFY(b && b->approximate);
    QCOMPARE(b->samples, 200);
    QVERIFY(seen.size() >= 10 && seen.first() == 0 && seen.last() < 100);
    const auto top = std::max_element(b->value.begin(), b->value.end()) - b->value.begin();
    QVERIFY2(qAbs(top - 1000) < 200, qPrintable(QString::number(top)));
    // Exact value in the middle: 1000 × 999 pairs; the estimate is within a fifth of it.
    QVERIFY(qAbs(b->value[1000] - 999000.0) < 0.2 * 999000.0);
    // Returning false stops the work.
    int calls = 0;
    const auto cancelled = betweenness(path, o, [&](int) { return ++calls < 3; });
    QVERIFY(!cancelled);
    QCOMPARE(calls, 3);
}

void CentralityTest::layeredLayout()
{
    const auto positions = Casegraph::Models::layeredLayout(m_g, 100, 50);
    QCOMPARE(positions.size(), m_g.nodeCount());
    QHash<QString, NodePosition> at;
    for (const auto &p : positions) {
        at.insert(p.id, p);
    }
    QCOMPARE(at.value(QStringLiteral("a")).layer, 0);
    QCOMPARE(at.value(QStringLiteral("d")).layer, 3);
    QCOMPARE(at.value(QStringLiteral("d")).x, 300.0);
    QCOMPARE(at.value(QStringLiteral("s1")).layer, 1);
}

void CentralityTest::textReport()
{
    const QStringList lines =
        AnalyticsText::centrality(degreeCentrality(m_g), betweennessCentrality(m_g), weakComponents(m_g), 3);
    QCOMPARE(lines.first(), QStringLiteral("Betweenness (exact):"));
    QCOMPARE(lines.last(), QStringLiteral("Weakly connected components: 4; largest: 4, 4, 2, 1"));
}

QTEST_MAIN(CentralityTest)
#include "centrality_test.moc"

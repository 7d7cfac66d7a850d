// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/forcelayout.h"

#include <QLineF>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Casegraph::Models;

/// The force-directed layout the chart view calls: geometry it promises, pins, incremental runs,
/// cancellation, determinism.
class ForceLayoutTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectedNodesEndCloser();
    void pinnedNodesStay();
    void incrementalMovesOldNodesLittle();
    void newNodesStartNearTheirNeighbours();
    void cancelLeavesPositions();
    void noCollapseFromOnePoint();
    void deterministicForASeed();
    void separateComponentsStayApart();
    void badInput();

private:
    static LayoutGraph twoClusters(qint32 size);
    static std::vector<QPointF> unplaced(qsizetype n)
    {
        return std::vector<QPointF>(size_t(n), QPointF(std::numeric_limits<double>::quiet_NaN(), 0));
    }
    static double distance(const std::vector<QPointF> &p, qint32 a, qint32 b)
    {
        return QLineF(p[size_t(a)], p[size_t(b)]).length();
    }
    static double minimumDistance(const std::vector<QPointF> &p)
    {
        double best = std::numeric_limits<double>::max();
        for (size_t i = 0; i < p.size(); ++i) {
            for (size_t j = i + 1; j < p.size(); ++j) {
                best = std::min(best, QLineF(p[i], p[j]).length());
            }
        }
        return best;
    }
};

/// Two rings of `size` nodes with chords, joined by one edge between node 0 and node `size`.
LayoutGraph ForceLayoutTest::twoClusters(qint32 size)
{
    LayoutGraph g;
    g.nodeCount = 2 * size;
    for (qint32 c = 0; c < 2; ++c) {
        const qint32 base = c * size;
        for (qint32 i = 0; i < size; ++i) {
            g.edges.emplace_back(base + i, base + (i + 1) % size);
            g.edges.emplace_back(base + i, base + (i + 3) % size);
        }
    }
    g.edges.emplace_back(0, size);
    return g;
}

void ForceLayoutTest::connectedNodesEndCloser()
{
    const LayoutGraph g = twoClusters(20);
    auto pos = unplaced(g.nodeCount);
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    double connected = 0;
    for (const auto &[a, b] : g.edges) {
        connected += distance(pos, a, b);
    }
    connected /= double(g.edges.size());
    double unconnected = 0;
    int pairs = 0;
    for (qint32 a = 1; a < 20; ++a) {
        for (qint32 b = 21; b < 40; ++b) {
            unconnected += distance(pos, a, b);
            ++pairs;
        }
    }
    unconnected /= pairs;
    // Edges settle near the preferred length; the two clusters stay apart.
    QVERIFY2(connected < 2.0 * 140, qPrintable(QString::number(connected)));
    QVERIFY2(unconnected > 2 * connected, qPrintable(QStringLiteral("%1 vs %2").arg(unconnected).arg(connected)));
    for (const QPointF &p : pos) {
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
    }
}

void ForceLayoutTest::pinnedNodesStay()
{
    const LayoutGraph g = twoClusters(10);
    auto pos = unplaced(g.nodeCount);
    std::vector<bool> pinned(size_t(g.nodeCount), false);
    pos[0] = QPointF(1000, -500);
    pos[5] = QPointF(-300, 250);
    pinned[0] = pinned[5] = true;
    QVERIFY(forceLayout(g, pos, pinned, ForceLayoutOptions{}).ok());
    QCOMPARE(pos[0], QPointF(1000, -500));
    QCOMPARE(pos[5], QPointF(-300, 250));
    // A pinned node that was not placed is placed once, then held.
    auto again = pos;
    again[7] = QPointF(std::numeric_limits<double>::quiet_NaN(), 0);
    pinned[7] = true;
    QVERIFY(forceLayout(g, again, pinned, ForceLayoutOptions{}).ok());
    QVERIFY(std::isfinite(again[7].x()));
    QCOMPARE(again[0], QPointF(1000, -500));
}

void ForceLayoutTest::incrementalMovesOldNodesLittle()
{
    LayoutGraph g = twoClusters(30);
    auto pos = unplaced(g.nodeCount);
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    const auto before = pos;
    // Expand node 7: five new neighbours arrive unplaced.
    const qint32 old = qint32(g.nodeCount);
    g.nodeCount += 5;
    for (qint32 i = 0; i < 5; ++i) {
        g.edges.emplace_back(7, old + i);
        pos.push_back(QPointF(std::numeric_limits<double>::quiet_NaN(), 0));
    }
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    double total = 0;
    double largest = 0;
    for (qint32 i = 0; i < old; ++i) {
        const double moved = QLineF(before[size_t(i)], pos[size_t(i)]).length();
        total += moved;
        largest = std::max(largest, moved);
    }
    const double mean = total / old;
    QVERIFY2(mean < 0.15 * 140, qPrintable(QStringLiteral("mean move %1").arg(mean)));
    QVERIFY2(largest < 0.6 * 140, qPrintable(QStringLiteral("largest move %1").arg(largest)));
    // The new nodes sit around node 7.
    for (qint32 i = old; i < old + 5; ++i) {
        QVERIFY2(distance(pos, 7, i) < 3 * 140, qPrintable(QString::number(distance(pos, 7, i))));
    }
}

void ForceLayoutTest::newNodesStartNearTheirNeighbours()
{
    // A new node between two placed, pinned ends settles between them.
    LayoutGraph g;
    g.nodeCount = 3;
    g.edges = {{0, 2}, {1, 2}};
    std::vector<QPointF> pos = {QPointF(0, 0), QPointF(280, 0), QPointF(std::numeric_limits<double>::quiet_NaN(), 0)};
    QVERIFY(forceLayout(g, pos, {true, true, false}, ForceLayoutOptions{}).ok());
    QVERIFY2(QLineF(pos[2], QPointF(140, 0)).length() < 70,
             qPrintable(QStringLiteral("%1,%2").arg(pos[2].x()).arg(pos[2].y())));
}

void ForceLayoutTest::cancelLeavesPositions()
{
    const LayoutGraph g = twoClusters(15);
    auto pos = unplaced(g.nodeCount);
    pos[3] = QPointF(10, 20);
    const auto before = pos;
    int calls = 0;
    const Status st = forceLayout(g, pos, {}, ForceLayoutOptions{}, [&](int done, int total) {
        ++calls;
        return done < total / 2;
    });
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message.contains(QLatin1String("cancel")), qPrintable(st.error().message));
    QVERIFY(calls > 1);
    QCOMPARE(pos.size(), before.size());
    QCOMPARE(pos[3], QPointF(10, 20));
    for (size_t i = 0; i < pos.size(); ++i) {
        QCOMPARE(std::isnan(pos[i].x()), std::isnan(before[i].x()));
    }
    // The progress reports reach total when not cancelled.
    int last = -1, total = 0;
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}, [&](int d, int t) {
                last = d;
                total = t;
                return true;
            }).ok());
    QCOMPARE(last, total);
}

void ForceLayoutTest::noCollapseFromOnePoint()
{
    // Every node given the same position (a chart pasted at one spot): they must spread out.
    const LayoutGraph g = twoClusters(25);
    std::vector<QPointF> pos(size_t(g.nodeCount), QPointF(50, 50));
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    QVERIFY2(minimumDistance(pos) > 0.1 * 140, qPrintable(QString::number(minimumDistance(pos))));
    // Isolated nodes without edges too.
    LayoutGraph isolated;
    isolated.nodeCount = 30;
    std::vector<QPointF> lone(30, QPointF(0, 0));
    QVERIFY(forceLayout(isolated, lone, {}, ForceLayoutOptions{}).ok());
    QVERIFY2(minimumDistance(lone) > 0.1 * 140, qPrintable(QString::number(minimumDistance(lone))));
}

void ForceLayoutTest::deterministicForASeed()
{
    const LayoutGraph g = twoClusters(20);
    auto a = unplaced(g.nodeCount);
    auto b = unplaced(g.nodeCount);
    auto c = unplaced(g.nodeCount);
    ForceLayoutOptions options;
    QVERIFY(forceLayout(g, a, {}, options).ok());
    QVERIFY(forceLayout(g, b, {}, options).ok());
    options.seed = 7;
    QVERIFY(forceLayout(g, c, {}, options).ok());
    QVERIFY(a == b);
    QVERIFY(a != c);
}

void ForceLayoutTest::separateComponentsStayApart()
{
    // Two components without an edge between them neither overlap nor drift off to infinity.
    LayoutGraph g;
    g.nodeCount = 20;
    for (qint32 i = 0; i < 9; ++i) {
        g.edges.emplace_back(i, i + 1);
        g.edges.emplace_back(10 + i, 11 + i);
    }
    auto pos = unplaced(g.nodeCount);
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    QVERIFY(minimumDistance(pos) > 0.1 * 140);
    for (const QPointF &p : pos) {
        QVERIFY2(std::hypot(p.x(), p.y()) < 100 * 140, qPrintable(QStringLiteral("%1,%2").arg(p.x()).arg(p.y())));
    }
}

void ForceLayoutTest::badInput()
{
    LayoutGraph g;
    g.nodeCount = 2;
    g.edges = {{0, 2}};
    std::vector<QPointF> pos;
    QVERIFY(!forceLayout(g, pos, {}, ForceLayoutOptions{}).ok());
    g.edges = {{0, 1}};
    std::vector<QPointF> three(3);
    QVERIFY(!forceLayout(g, three, {}, ForceLayoutOptions{}).ok());
    QVERIFY(forceLayout(g, pos, {}, ForceLayoutOptions{}).ok()); // empty: every node unplaced
    QCOMPARE(pos.size(), size_t(2));
}

QTEST_MAIN(ForceLayoutTest)
#include "forcelayout_test.moc"

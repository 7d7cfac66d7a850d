// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"

#include <QTest>

using namespace Casegraph::Ui;

namespace {
/// Every node as "row label (x,y) flags" and every edge as "from→to label", so that a removal can
/// be compared with the chart it should leave.
QStringList describe(const ChartData &d)
{
    QStringList out;
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        const size_t n = size_t(i);
        out << QStringLiteral("%1 %2 (%3,%4) %5 %6 idx=%7")
                   .arg(d.nodeRowId[n])
                   .arg(d.nodeLabel[n])
                   .arg(d.x[n])
                   .arg(d.y[n])
                   .arg(d.nodeFlags[n])
                   .arg(d.schemata.value(d.nodeSchema[n]))
                   .arg(d.indexOf(d.nodeRowId[n]) == i);
    }
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        const size_t k = size_t(e);
        out << QStringLiteral("%1→%2 %3 %4 %5 %6")
                   .arg(d.nodeRowId[size_t(d.edgeFrom[k])])
                   .arg(d.nodeRowId[size_t(d.edgeTo[k])])
                   .arg(d.labels.value(d.edgeLabel[k]))
                   .arg(d.edgeFlags[k])
                   .arg(d.edgeValidFrom[k])
                   .arg(d.edgeRelationship[k]);
    }
    return out;
}

/// Five companies in a ring with a chord; node k has row id 10 + k.
ChartData ring(const QList<int> &without = {})
{
    ChartData d;
    QList<qint32> index(5, -1);
    for (int k = 0; k < 5; ++k) {
        if (!without.contains(k)) {
            index[k] = d.addNode(10 + k, k % 2 ? QStringLiteral("Person") : QStringLiteral("Company"), QStringLiteral("Node %1").arg(k),
                                 QPointF(k * 100, -k * 50), quint8(k == 2 ? NodePinned : 0));
        }
    }
    const QList<std::pair<int, int>> links{{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}, {1, 3}};
    for (qsizetype e = 0; e < links.size(); ++e) {
        const auto [a, b] = links.at(e);
        if (index[a] >= 0 && index[b] >= 0) {
            d.addEdge(index[a], index[b], QStringLiteral("Ownership"), QStringLiteral("owns %1").arg(e),
                      Confidence::SingleSource, e % 2 == 0, qint32(2450000 + e), OpenEndDay, 100 + e);
        }
    }
    return d;
}
} // namespace

/// ChartData::removeNodes leaves exactly the chart that never had those nodes: the other nodes'
/// columns, the index by row id, and the edges between the nodes left, renumbered.
class ChartDataTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void highlightRowsAsAPathOrASet();
    void removeNodes_data()
    {
        QTest::addColumn<QList<int>>("removed");
        QTest::newRow("middle nodes: the rest renumbered") << QList<int>{1, 3};
        QTest::newRow("the last node: nothing renumbered") << QList<int>{4};
        QTest::newRow("the first node") << QList<int>{0};
        QTest::newRow("nothing") << QList<int>{};
        QTest::newRow("everything") << QList<int>{0, 1, 2, 3, 4};
    }

    void removeNodes()
    {
        QFETCH(QList<int>, removed);
        ChartData d = ring();
        d.removeNodes(std::vector<qint32>(removed.begin(), removed.end()));
        QCOMPARE(describe(d), describe(ring(removed)));
        for (const int k : removed) {
            QCOMPARE(d.indexOf(10 + k), -1);
        }
    }
};

void ChartDataTest::highlightRowsAsAPathOrASet()
{
    // Relationship rows 100 … 105 on the ring's edges 0→1, 1→2, 2→3, 3→4, 4→0, 1→3; a second edge
    // of row 100 runs 1→3, as a Supply's manufacturer hop and its sale share one row.
    ChartData d = ring();
    d.addEdge(1, 3, QStringLiteral("Supply"), QStringLiteral("resold to"), Confidence::SingleSource, true, OpenStartDay,
              OpenEndDay, 100);
    const auto lit = [&d] {
        QStringList out;
        for (qint32 e = 0; e < d.edgeCount(); ++e) {
            if (d.edgeFlags[size_t(e)] & EdgeHighlighted) {
                out << QStringLiteral("%1-%2:%3")
                           .arg(d.nodeRowId[size_t(d.edgeFrom[size_t(e)])])
                           .arg(d.nodeRowId[size_t(d.edgeTo[size_t(e)])])
                           .arg(d.edgeRelationship[size_t(e)]);
            }
        }
        return out;
    };
    // A path: relationship k joins entity k and k + 1, so only 10→11 of row 100 lights up.
    QCOMPARE(d.highlightRows({10, 11, 13}, {100, 105}, true), 3);
    QCOMPARE(lit(), (QStringList{QStringLiteral("10-11:100"), QStringLiteral("11-13:105")}));
    QVERIFY(d.nodeFlags[1] & NodeHighlighted);
    QVERIFY(!(d.nodeFlags[2] & NodeHighlighted));
    // A set: every edge of a listed relationship between two listed entities; the previous
    // highlight is gone.
    QCOMPARE(d.highlightRows({11, 12, 13}, {100, 101, 102, 104}, false), 3);
    QCOMPARE(lit(), (QStringList{QStringLiteral("11-12:101"), QStringLiteral("12-13:102"), QStringLiteral("11-13:100")}));
    QVERIFY(!(d.nodeFlags[0] & NodeHighlighted));
    // Lists with a path's shape that are not a path (an entity, then its two neighbours, as the
    // Exposure dock sends an entity and two owners): row 100 joins the first two, row 101 does not
    // join 10 and 12, so it lights as in a set, between any two listed entities.
    QCOMPARE(d.highlightRows({11, 10, 12}, {100, 101}, true), 3);
    QCOMPARE(lit(), (QStringList{QStringLiteral("10-11:100"), QStringLiteral("11-12:101")}));
    d.clearHighlight();
    QVERIFY(lit().isEmpty());
}

QTEST_MAIN(ChartDataTest)
#include "chartdata_uitest.moc"

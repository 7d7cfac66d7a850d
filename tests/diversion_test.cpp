// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/analyticstext.h"
#include "analytics/centrality.h"
#include "analytics/diversion.h"
#include "demo/democase.h"
#include "storage/entitystore.h"
#include "support/graphfixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// Supply paths from a manufacturer to listed (or restricted, or all) end users, on a synthetic
/// chain and on the demo case.
class DiversionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listedEndUser();
    void otherManufacturersGoodsAreNotFollowed();
    void walkGoesPastAListedReseller();
    void ownershipRestrictedEndUser();
    void everyEndUser();
    void fromAProduct();
    void asOfAndCap();
    void undirectedRelationshipCrossedBackwards();
    void demoCaseThermoFisher();
    void demoCasePromegaAndNuctech();
    void demoCaseReports();

private:
    static QStringList via(const GraphPath &p);
    GraphFixture m_f;
    GraphProjection m_g;
    QTemporaryDir m_demoDir;
    CaseFile m_demo;
    GraphProjection m_demoGraph;
};

QStringList DiversionTest::via(const GraphPath &p)
{
    QStringList out;
    for (const auto &h : p.hops) {
        out << h.link.relationship + (h.link.kind == LinkKind::Manufacturer ? QStringLiteral("(m)")
                                      : h.link.kind == LinkKind::Product    ? QStringLiteral("(p)")
                                                                            : QString());
    }
    return out;
}

void DiversionTest::initTestCase()
{
    QVERIFY(m_f.isValid());
    for (const char *id : {"M", "S", "R", "T", "U", "O", "OtherM"}) {
        QVERIFY(m_f.node(QLatin1String(id)));
    }
    QVERIFY(m_f.node(QStringLiteral("P"), QStringLiteral("Asset")));
    const auto supply = [&](const char *id, const char *from, const char *to, const char *manufacturer,
                            QList<QPair<QString, QString>> extra = {}) {
        if (manufacturer) {
            extra << QPair<QString, QString>{QStringLiteral("manufacturer"), QLatin1String(manufacturer)};
        }
        return m_f.link(QLatin1String(id), QStringLiteral("Supply"), QLatin1String(from), QLatin1String(to), extra);
    };
    QVERIFY(supply("sup1", "S", "R", "M",
                   {{QStringLiteral("productEntity"), QStringLiteral("P")},
                    {QStringLiteral("startDate"), QStringLiteral("2022")}}));
    QVERIFY(supply("sup2", "S", "T", "OtherM"));
    QVERIFY(supply("sup3", "R", "U", nullptr));
    QVERIFY(m_f.sanction(QStringLiteral("sR"), QStringLiteral("R"), QStringLiteral("BIS"), QStringLiteral("Entity List")));
    QVERIFY(m_f.sanction(QStringLiteral("sO"), QStringLiteral("O")));
    QVERIFY(m_f.ownership(QStringLiteral("ou"), QStringLiteral("O"), QStringLiteral("U"), QStringLiteral("60%")));
    m_f.evidence(QStringLiteral("sup1"), 2);
    auto g = GraphProjection::fromCase(m_f.caseFile());
    QVERIFY(g.ok());
    m_g = *g;

    QVERIFY(m_demo.create(m_demoDir.filePath(QStringLiteral("demo.casegraph"))).ok());
    QVERIFY(DemoCase::write(m_demo).ok());
    auto dg = GraphProjection::fromCase(m_demo);
    QVERIFY(dg.ok());
    m_demoGraph = *dg;
}

void DiversionTest::listedEndUser()
{
    DiversionQuery q;
    q.from = QStringLiteral("M");
    const auto r = diversionPaths(m_g, q);
    QVERIFY(r.ok());
    QCOMPARE(r->endUsers, QStringList{QStringLiteral("R")});
    QCOMPARE(r->paths.size(), 1);
    const auto &p = r->paths.first();
    QVERIFY(p.listed);
    QCOMPARE(p.sanctions, QStringList{QStringLiteral("sR")});
    QCOMPARE(via(p.path), (QStringList{QStringLiteral("sup1(m)"), QStringLiteral("sup1")}));
    QCOMPARE(p.path.hops[0].from, QStringLiteral("M"));
    QCOMPARE(p.path.hops[0].to, QStringLiteral("S"));
    QCOMPARE(p.path.hops[1].link.evidence, 2);
    QVERIFY(!r->capped);
}

void DiversionTest::otherManufacturersGoodsAreNotFollowed()
{
    DiversionQuery q;
    q.from = QStringLiteral("M");
    q.listedOnly = false;
    const auto fromM = diversionPaths(m_g, q);
    QVERIFY(!fromM->paths.isEmpty());
    for (const auto &p : fromM->paths) {
        QVERIFY(!via(p.path).contains(QStringLiteral("sup2")));
    }
    q.from = QStringLiteral("OtherM");
    const auto r = diversionPaths(m_g, q);
    QCOMPARE(r->endUsers, QStringList{QStringLiteral("T")});
}

void DiversionTest::walkGoesPastAListedReseller()
{
    DiversionQuery q;
    q.from = QStringLiteral("M");
    q.listedOnly = false;
    const auto r = diversionPaths(m_g, q);
    // R is listed (reported) and passes the goods on to U, the end of the chain.
    QCOMPARE(r->endUsers, (QStringList{QStringLiteral("R"), QStringLiteral("U")}));
    QCOMPARE(via(r->paths.last().path),
             (QStringList{QStringLiteral("sup1(m)"), QStringLiteral("sup1"), QStringLiteral("sup3")}));
    QVERIFY(!r->paths.last().listed);
}

void DiversionTest::ownershipRestrictedEndUser()
{
    DiversionQuery q;
    q.from = QStringLiteral("M");
    q.ownershipThreshold = 50;
    const auto r = diversionPaths(m_g, q);
    QCOMPARE(r->endUsers, (QStringList{QStringLiteral("R"), QStringLiteral("U")}));
    QVERIFY(r->paths.last().restricted);
    QVERIFY(!r->paths.last().listed);
    q.ownershipThreshold = 75;
    QCOMPARE(diversionPaths(m_g, q)->endUsers, QStringList{QStringLiteral("R")});
}

void DiversionTest::everyEndUser()
{
    DiversionQuery q;
    q.from = QStringLiteral("S");
    q.listedOnly = false;
    // From the reseller every supply counts (S is not a manufacturer of anything).
    const auto r = diversionPaths(m_g, q);
    QCOMPARE(r->endUsers, (QStringList{QStringLiteral("R"), QStringLiteral("T"), QStringLiteral("U")}));
}

void DiversionTest::fromAProduct()
{
    DiversionQuery q;
    q.from = QStringLiteral("P");
    const auto r = diversionPaths(m_g, q);
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(via(r->paths.first().path),
             (QStringList{QStringLiteral("sup1(p)"), QStringLiteral("sup1(m)"), QStringLiteral("sup1")}));
}

void DiversionTest::asOfAndCap()
{
    DiversionQuery q;
    q.from = QStringLiteral("M");
    q.asOf = QDate(2021, 12, 31); // sup1 starts in 2022
    QVERIFY(diversionPaths(m_g, q)->paths.isEmpty());
    q.asOf = QDate(2022, 1, 1);
    QCOMPARE(diversionPaths(m_g, q)->paths.size(), 1);
    q = {};
    q.from = QStringLiteral("M");
    q.listedOnly = false;
    q.maxPaths = 1;
    const auto r = diversionPaths(m_g, q);
    QCOMPARE(r->paths.size(), 1);
    QVERIFY(r->capped);
    QVERIFY(AnalyticsText::diversion(q, *r).last().contains(QLatin1String("limit of 1 paths")));
    q.from = QStringLiteral("nobody");
    QVERIFY(!diversionPaths(m_g, q).ok());
}

void DiversionTest::undirectedRelationshipCrossedBackwards()
{
    // M supplies D; K, listed, is recorded as D's associate the other way round (K → D). Asked to
    // follow Associates too, the walk reaches K against the stored direction; an Ownership K → D
    // (directed) in the same place is not walked backwards.
    GraphFixture f;
    QVERIFY(f.isValid());
    for (const char *id : {"M", "D", "D2"}) {
        QVERIFY(f.node(QLatin1String(id)));
    }
    QVERIFY(f.node(QStringLiteral("K"), QStringLiteral("Person")));
    QVERIFY(f.node(QStringLiteral("L")));
    QVERIFY(f.link(QStringLiteral("sx"), QStringLiteral("Supply"), QStringLiteral("M"), QStringLiteral("D")));
    QVERIFY(f.link(QStringLiteral("sy"), QStringLiteral("Supply"), QStringLiteral("M"), QStringLiteral("D2")));
    QVERIFY(f.link(QStringLiteral("ak"), QStringLiteral("Associate"), QStringLiteral("K"), QStringLiteral("D")));
    QVERIFY(f.ownership(QStringLiteral("ol"), QStringLiteral("L"), QStringLiteral("D2")));
    QVERIFY(f.sanction(QStringLiteral("sK"), QStringLiteral("K")));
    QVERIFY(f.sanction(QStringLiteral("sL"), QStringLiteral("L")));
    const auto g = GraphProjection::fromCase(f.caseFile());
    QVERIFY(g.ok());
    DiversionQuery q;
    q.from = QStringLiteral("M");
    QVERIFY(diversionPaths(*g, q)->paths.isEmpty()); // Supplies only: D and D2 are not listed
    q.schemata = {QStringLiteral("Supply"), QStringLiteral("Associate"), QStringLiteral("Ownership")};
    const auto r = diversionPaths(*g, q);
    QVERIFY(r.ok());
    QCOMPARE(r->endUsers, QStringList{QStringLiteral("K")});
    const GraphPath &p = r->paths.first().path;
    QCOMPARE(via(p), (QStringList{QStringLiteral("sx"), QStringLiteral("ak")}));
    QVERIFY(p.hops[0].forward);
    QVERIFY(!p.hops[1].forward);
    QCOMPARE(p.hops[1].from, QStringLiteral("D"));
    QCOMPARE(p.hops[1].to, QStringLiteral("K"));
    // D passes nothing on, but is no end user either once Associates are followed: it leads to K.
    q.listedOnly = false;
    const auto all = diversionPaths(*g, q);
    QVERIFY(!all->endUsers.contains(QStringLiteral("D")));
    QVERIFY(all->endUsers.contains(QStringLiteral("D2")));
    QVERIFY(!all->endUsers.contains(QStringLiteral("L")));
}

void DiversionTest::demoCaseThermoFisher()
{
    // What the data says: article 000 reports a U.S. ban on selling DNA sequencers to the Xinjiang
    // police, recorded as a Sanction on them, so the listed-only search finds the police directly
    // and through the unnamed resellers, each path naming the Sanction that makes it listed.
    DiversionQuery q;
    q.from = DemoCase::idForKey(QStringLiteral("thermo-fisher"));
    auto r = diversionPaths(m_demoGraph, q);
    QVERIFY(r.ok());
    const QString police = DemoCase::idForKey(QStringLiteral("xinjiang-police"));
    const QString ban = DemoCase::idForKey(QStringLiteral("sanction-xinjiang-police-sequencers"));
    QCOMPARE(r->endUsers, QStringList{police});
    QCOMPARE(r->paths.size(), 2);
    QCOMPARE(via(r->paths[0].path), QStringList{DemoCase::idForKey(QStringLiteral("supply-thermo-xinjiang"))});
    const QString resale = DemoCase::idForKey(QStringLiteral("supply-thermo-resale"));
    QCOMPARE(via(r->paths[1].path), (QStringList{resale + QStringLiteral("(m)"), resale}));
    QCOMPARE(r->paths[1].path.hops[0].to, DemoCase::idForKey(QStringLiteral("unnamed-resellers")));
    QVERIFY(r->paths[0].listed);
    QCOMPARE(r->paths[0].sanctions, QStringList{ban});
    QCOMPARE(r->paths[1].sanctions, QStringList{ban});
    // Every end user gives the same two paths: the police are the only end user.
    q.listedOnly = false;
    QCOMPARE(diversionPaths(m_demoGraph, q)->paths.size(), 2);
    // Evidence: every claim in the demo quotes one passage.
    QCOMPARE(r->paths[0].path.hops[0].link.evidence, 2);
    QCOMPARE(r->paths[1].path.hops[1].link.evidence, 5);
    QCOMPARE(r->paths[1].path.hops[1].link.start.toString(), QStringLiteral("2019-05"));
}

void DiversionTest::demoCasePromegaAndNuctech()
{
    DiversionQuery q;
    q.from = DemoCase::idForKey(QStringLiteral("promega"));
    q.listedOnly = false;
    auto r = diversionPaths(m_demoGraph, q);
    QCOMPARE(r->paths.size(), 1);
    QCOMPARE(r->paths[0].path.length(), 2);
    // Nuctech is itself listed; its supplies reach Serbian and French buyers, none of them listed.
    q.from = DemoCase::idForKey(QStringLiteral("nuctech"));
    r = diversionPaths(m_demoGraph, q);
    QCOMPARE(r->endUsers.size(), 3);
    q.listedOnly = true;
    QVERIFY(diversionPaths(m_demoGraph, q)->paths.isEmpty());
}

void DiversionTest::demoCaseReports()
{
    // What `casegraph-cli paths|diversion|exposure|centrality` print on the demo case.
    const QString thermo = DemoCase::idForKey(QStringLiteral("thermo-fisher"));
    const QString police = DemoCase::idForKey(QStringLiteral("xinjiang-police"));
    PathQuery pq;
    pq.from = thermo;
    pq.to = police;
    const QStringList paths = AnalyticsText::paths(pq, *shortestPath(m_demoGraph, pq), *allSimplePaths(m_demoGraph, pq));
    DiversionQuery dq;
    dq.from = thermo;
    dq.listedOnly = false;
    const QStringList diversion = AnalyticsText::diversion(dq, *diversionPaths(m_demoGraph, dq));
    const QStringList exposure = AnalyticsText::exposure(computeExposure(m_demoGraph));
    const QStringList centrality = AnalyticsText::centrality(degreeCentrality(m_demoGraph),
                                                             betweennessCentrality(m_demoGraph),
                                                             weakComponents(m_demoGraph), 5);
    if (qEnvironmentVariableIsSet("CASEGRAPH_PRINT_REPORTS")) {
        for (const auto &l : paths + diversion + exposure + centrality) {
            std::printf("%s\n", qPrintable(l));
        }
    }
    QVERIFY(paths.first().startsWith(QStringLiteral("Shortest path: 1 hop(s)")));
    QCOMPARE(diversion.first(), QStringLiteral("2 path(s) from %1 to 1 end user(s): %2").arg(thermo, police));
    QVERIFY(exposure.first().startsWith(QStringLiteral("Ownership rule at 50% (inclusive): ")));
    QVERIFY(centrality.last().startsWith(QStringLiteral("Weakly connected components: ")));
}

QTEST_MAIN(DiversionTest)
#include "diversion_test.moc"

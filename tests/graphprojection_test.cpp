// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/exposurerun.h"
#include "analytics/graphprojection.h"
#include "analytics/graphprojectioncache.h"
#include "storage/entitystore.h"
#include "support/graphfixture.h"
#include "support/ownershipchain.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// The projection of a real case file: which entities become nodes and edges, and what edges carry.
class GraphProjectionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void nodesAreNonRelationshipEntities();
    void relationshipsBecomeEdgesWithTheirData();
    void supplyManufacturerAddsTheResaleHop();
    void referencesAndSanctions();
    void undirectedSchemata();
    void subsetProjectsAChart();
    void referencesCanBeLeftOut();
    void cacheRebuildsAfterEdits();
    void builderMatchesTheCasePath();
    void cancelStopsTheBuild();

private:
    static std::optional<GraphLink> find(const GraphProjection &g, const QString &relationship, LinkKind kind);
    GraphFixture m_f;
    GraphProjection m_graph;
};

std::optional<GraphLink> GraphProjectionTest::find(const GraphProjection &g, const QString &relationship, LinkKind kind)
{
    std::optional<GraphLink> found;
    g.forEachLink([&](const GraphLink &l) {
        if (l.relationship == relationship && l.kind == kind) {
            found = l;
            return false;
        }
        return true;
    });
    return found;
}

void GraphProjectionTest::initTestCase()
{
    QVERIFY(m_f.isValid());
    for (const char *id : {"m", "s", "a", "b", "x"}) {
        QVERIFY(m_f.node(QLatin1String(id)));
    }
    QVERIFY(m_f.node(QStringLiteral("r"), QStringLiteral("PublicBody")));
    QVERIFY(m_f.link(QStringLiteral("supply1"), QStringLiteral("Supply"), QStringLiteral("s"), QStringLiteral("r"),
                     {{QStringLiteral("manufacturer"), QStringLiteral("m")},
                      {QStringLiteral("startDate"), QStringLiteral("2019-05")}}));
    QVERIFY(m_f.link(QStringLiteral("supply2"), QStringLiteral("Supply"), QStringLiteral("m"), QStringLiteral("r"),
                     {{QStringLiteral("manufacturer"), QStringLiteral("m")}}));
    QVERIFY(m_f.ownership(QStringLiteral("own1"), QStringLiteral("x"), QStringLiteral("a"), QStringLiteral("50%"),
                          QStringLiteral("2019"), QStringLiteral("2020")));
    QVERIFY(m_f.sanction(QStringLiteral("sx"), QStringLiteral("x")));
    Entity ev;
    ev.id = QStringLiteral("ev1");
    ev.schema = QStringLiteral("Event");
    ev.add(QStringLiteral("name"), QStringLiteral("Meeting"));
    ev.add(QStringLiteral("involved"), QStringLiteral("a"));
    ev.add(QStringLiteral("organizer"), QStringLiteral("b"));
    auto prov = m_f.caseFile().addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    QVERIFY(m_f.caseFile().entities().create(ev, *prov).ok());
    QVERIFY(m_f.link(QStringLiteral("link1"), QStringLiteral("UnknownLink"), QStringLiteral("a"), QStringLiteral("b")));
    m_f.evidence(QStringLiteral("supply1"), 2);
    m_f.evidence(QStringLiteral("supply1"), 1);
    m_f.evidence(QStringLiteral("own1"), 1);
    auto g = GraphProjection::fromCase(m_f.caseFile());
    QVERIFY2(g.ok(), qPrintable(g ? QString() : g.error().message));
    m_graph = *g;
}

void GraphProjectionTest::nodesAreNonRelationshipEntities()
{
    // m s a b x r, the event and the fixture's article; not the Supply/Ownership/UnknownLink/Sanction.
    QCOMPARE(m_graph.nodeCount(), 8);
    QVERIFY(m_graph.contains(QStringLiteral("ev1")));
    QVERIFY(!m_graph.contains(QStringLiteral("supply1")));
    QVERIFY(!m_graph.contains(QStringLiteral("sx")));
    const auto r = m_graph.node(QStringLiteral("r"));
    QVERIFY(r);
    QCOMPARE(r->schema, QStringLiteral("PublicBody"));
    QCOMPARE(r->rowId, m_f.caseFile().entities().rowIdOf(QStringLiteral("r")));
    QCOMPARE(m_graph.nodeByRowId(r->rowId)->id, QStringLiteral("r"));
    // s→r, m→s (manufacturer), m→r, x→a, ev1→a, ev1→b, a–b
    QCOMPARE(m_graph.linkCount(), 7);
}

void GraphProjectionTest::relationshipsBecomeEdgesWithTheirData()
{
    const auto own = find(m_graph, QStringLiteral("own1"), LinkKind::Relationship);
    QVERIFY(own);
    QCOMPARE(own->from, QStringLiteral("x"));
    QCOMPARE(own->to, QStringLiteral("a"));
    QCOMPARE(own->schema, QStringLiteral("Ownership"));
    QVERIFY(own->percentage.isExact());
    QCOMPARE(own->percentage.min, 50.0);
    QCOMPARE(own->start.toString(), QStringLiteral("2019"));
    QCOMPARE(own->end.toString(), QStringLiteral("2020"));
    QCOMPARE(own->evidence, 1);
    QCOMPARE(own->relationshipRowId, m_f.caseFile().entities().rowIdOf(QStringLiteral("own1")));
    const auto supply = find(m_graph, QStringLiteral("supply1"), LinkKind::Relationship);
    QVERIFY(supply);
    QCOMPARE(supply->from, QStringLiteral("s"));
    QCOMPARE(supply->to, QStringLiteral("r"));
    QCOMPARE(supply->evidence, 3); // two claims, three excerpts
    QCOMPARE(supply->start.toString(), QStringLiteral("2019-05"));
    QVERIFY(!supply->end.isValid());
    QVERIFY(!supply->percentage.known);
}

void GraphProjectionTest::supplyManufacturerAddsTheResaleHop()
{
    const auto m = find(m_graph, QStringLiteral("supply1"), LinkKind::Manufacturer);
    QVERIFY(m);
    QCOMPARE(m->from, QStringLiteral("m"));
    QCOMPARE(m->to, QStringLiteral("s"));
    QCOMPARE(m->evidence, 3);
    // The manufacturer supplying directly adds no second edge.
    QVERIFY(!find(m_graph, QStringLiteral("supply2"), LinkKind::Manufacturer));
    QCOMPARE(find(m_graph, QStringLiteral("supply2"), LinkKind::Relationship)->from, QStringLiteral("m"));
}

void GraphProjectionTest::referencesAndSanctions()
{
    const auto links = m_graph.links();
    int references = 0;
    for (const auto &l : links) {
        if (l.kind == LinkKind::Reference) {
            ++references;
            QCOMPARE(l.from, QStringLiteral("ev1"));
            QCOMPARE(l.relationship, QStringLiteral("ev1"));
            QCOMPARE(l.schema, QStringLiteral("Event"));
            QVERIFY(l.property == QLatin1String("involved") || l.property == QLatin1String("organizer"));
        }
    }
    QCOMPARE(references, 2);
    const auto x = m_graph.node(QStringLiteral("x"));
    QCOMPARE(x->sanctionRowIds.size(), 1);
    QCOMPARE(x->sanctionRowIds.first(), m_f.caseFile().entities().rowIdOf(QStringLiteral("sx")));
    const auto sanctions = m_graph.sanctions();
    QCOMPARE(sanctions.size(), 1);
    QCOMPARE(sanctions.first().entity, QStringLiteral("x"));
    QCOMPARE(sanctions.first().authorities, QStringList{QStringLiteral("OFAC")});
    QCOMPARE(sanctions.first().programs, QStringList{QStringLiteral("SDN")});
}

void GraphProjectionTest::undirectedSchemata()
{
    const auto l = find(m_graph, QStringLiteral("link1"), LinkKind::Relationship);
    QVERIFY(l);
    QVERIFY(!l->directed);
    QVERIFY(find(m_graph, QStringLiteral("own1"), LinkKind::Relationship)->directed);
}

void GraphProjectionTest::subsetProjectsAChart()
{
    ProjectionOptions options;
    auto &store = m_f.caseFile().entities();
    options.entities = {store.rowIdOf(QStringLiteral("m")), store.rowIdOf(QStringLiteral("s")),
                        store.rowIdOf(QStringLiteral("r")), store.rowIdOf(QStringLiteral("supply1"))};
    auto g = GraphProjection::fromCase(m_f.caseFile(), options);
    QVERIFY(g.ok());
    QCOMPARE(g->nodeCount(), 3); // the Supply in the set is drawn as its edges
    QCOMPARE(g->linkCount(), 3); // s→r, m→s, m→r
    QVERIFY(find(*g, QStringLiteral("supply1"), LinkKind::Relationship));
    QCOMPARE(find(*g, QStringLiteral("supply1"), LinkKind::Relationship)->evidence, 3);
    options.entities = {store.rowIdOf(QStringLiteral("x")), store.rowIdOf(QStringLiteral("a"))};
    g = GraphProjection::fromCase(m_f.caseFile(), options);
    QCOMPARE(g->linkCount(), 1);
    QCOMPARE(g->node(QStringLiteral("x"))->sanctionRowIds.size(), 1);
}

void GraphProjectionTest::referencesCanBeLeftOut()
{
    ProjectionOptions options;
    options.includeReferences = false;
    auto g = GraphProjection::fromCase(m_f.caseFile(), options);
    QVERIFY(g.ok());
    QCOMPARE(g->linkCount(), 5);
}

void GraphProjectionTest::cacheRebuildsAfterEdits()
{
    GraphProjectionCache cache(m_f.caseFile());
    auto first = cache.projection();
    QVERIFY(first.ok());
    QVERIFY(!cache.isStale());
    const qsizetype links = first->linkCount();
    QVERIFY(m_f.ownership(QStringLiteral("own-new"), QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("10%")));
    QVERIFY(cache.isStale());
    auto second = cache.projection();
    QCOMPARE(second->linkCount(), links + 1);
    QCOMPARE(first->linkCount(), links); // a snapshot does not change
    QVERIFY(m_f.caseFile().entities().remove(m_f.caseFile().entities().rowIdOf(QStringLiteral("own-new"))).ok());
    QCOMPARE(cache.projection()->linkCount(), links);
}

void GraphProjectionTest::builderMatchesTheCasePath()
{
    GraphBuilder b;
    b.addNode(1, QStringLiteral("m"), QStringLiteral("Company"));
    b.addNode(2, QStringLiteral("s"), QStringLiteral("Company"));
    b.addNode(3, QStringLiteral("r"), QStringLiteral("PublicBody"));
    GraphBuilder::Relationship r;
    r.rowId = 10;
    r.id = QStringLiteral("supply1");
    r.schema = QStringLiteral("Supply");
    r.source = 2;
    r.target = 3;
    r.manufacturer = 1;
    r.startDate = QStringLiteral("2019-05");
    r.evidence = 3;
    b.addRelationship(r);
    b.addSanction(20, QStringLiteral("s-r"), 3, QStringLiteral("BIS"), QStringLiteral("Entity List"));
    const GraphProjection g = b.finish();
    QCOMPARE(g.nodeCount(), 3);
    QCOMPARE(g.linkCount(), 2);
    const auto m = find(g, QStringLiteral("supply1"), LinkKind::Manufacturer);
    QVERIFY(m);
    QCOMPARE(m->from, QStringLiteral("m"));
    QCOMPARE(m->evidence, 3);
    QCOMPARE(m->start.toString(), QStringLiteral("2019-05"));
    QCOMPARE(g.node(QStringLiteral("r"))->sanctionRowIds, QList<qint64>{20});
}

void GraphProjectionTest::cancelStopsTheBuild()
{
    // 5,000 companies in a chain: about 35,000 rows to read, several looks at the cancel flag.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chain.casegraph"));
    QVERIFY(Casegraph::Tests::writeOwnershipChain(path, 5000));
    CaseFile caseFile;
    QVERIFY(caseFile.open(path, CaseFile::OpenMode::ReadOnly).ok());

    // Without a cancel the build is complete, and tells its progress more than once.
    std::atomic_bool cancel = false;
    QList<qint64> told;
    ProjectionOptions options;
    options.cancel = &cancel;
    options.progress = [&](qint64 rows) { told << rows; };
    auto whole = GraphProjection::fromCase(caseFile, options);
    QVERIFY(whole.ok());
    QCOMPARE(whole->nodeCount(), 5000);
    QCOMPARE(whole->linkCount(), 4999);
    QVERIFY2(told.size() >= 5, qPrintable(QString::number(told.size())));
    const qint64 allRows = told.last();

    // A flag set before the build: no projection, the error "cancelled".
    cancel = true;
    told.clear();
    auto none = GraphProjection::fromCase(caseFile, options);
    QVERIFY(!none.ok());
    QCOMPARE(none.error().message, QStringLiteral("cancelled"));
    QVERIFY(told.isEmpty()); // nothing was read

    // A flag set after the first batch (from the progress callback) stops at the next look: the
    // other rows are never read.
    cancel = false;
    told.clear();
    options.progress = [&](qint64 rows) {
        told << rows;
        cancel = true;
    };
    auto stopped = GraphProjection::fromCase(caseFile, options);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error().message, QStringLiteral("cancelled"));
    QCOMPARE(told.size(), 1);
    QVERIFY(told.first() < allRows);

    // A chart's subset and the ownership rule take the same flag.
    cancel = true;
    options.entities = {caseFile.entities().rowIdOf(QStringLiteral("c0")), caseFile.entities().rowIdOf(QStringLiteral("c1"))};
    QVERIFY(!GraphProjection::fromCase(caseFile, options).ok());
    const auto rule = ExposureRun::compute(caseFile, ExposureOptions{}, &cancel);
    QVERIFY(!rule.ok());
    QCOMPARE(rule.error().message, QStringLiteral("cancelled"));
}

QTEST_MAIN(GraphProjectionTest)
#include "graphprojection_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/graphprojection.h"
#include "demo/democase.h"
#include "io/exportjob.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <functional>

using namespace Casegraph::Models;

namespace {

/// Nodes and edges of a GEXF or GraphML file, counted with Qt's XML reader (never the importer's).
struct GraphCounts {
    qint64 nodes = 0;
    qint64 edges = 0;
};

/// Calls fn for every start element of the XML file at `path`; bad XML ends the test run.
void forEachStartElement(const QString &path, const std::function<void(const QXmlStreamReader &)> &fn) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            fn(xml);
        }
    }
    if (xml.hasError()) {
        qFatal("bad XML in %s", qPrintable(path));
    }
}

GraphCounts countElements(const QString &path) {
    GraphCounts c;
    QSet<QString> nodeIds;
    forEachStartElement(path, [&](const QXmlStreamReader &xml) {
        if (xml.name() == u"node") {
            nodeIds.insert(xml.attributes().value(QLatin1String("id")).toString());
        } else if (xml.name() == u"edge") {
            ++c.edges;
        }
    });
    c.nodes = nodeIds.size();
    return c;
}

/// A case as sorted text: one line per entity, its id, schema and sorted property values.
QStringList dump(const CaseFile &cf) {
    QStringList out;
    (void)cf.entities().forEach([&](const Entity &e) {
        QStringList values;
        for (const auto &v : e.values) {
            values << v.property + QLatin1Char('=') + v.value;
        }
        values.sort();
        out << e.id + QLatin1Char(' ') + e.schema + QLatin1String(" {") + values.join(QLatin1String("; ")) +
                   QLatin1Char('}');
        return true;
    });
    out.sort();
    return out;
}

/// The direction a GEXF or GraphML file gives: the graph's default and each edge's own
/// attribute (`type` in GEXF, `directed` in GraphML; empty when the edge has none), by edge id.
struct EdgeDirections {
    QString graphDefault;
    QHash<QString, QString> edges;
};

EdgeDirections edgeDirections(const QString &path) {
    EdgeDirections d;
    forEachStartElement(path, [&](const QXmlStreamReader &xml) {
        const auto a = xml.attributes();
        if (xml.name() == u"graph") {
            d.graphDefault = a.hasAttribute(QLatin1String("defaultedgetype"))
                                 ? a.value(QLatin1String("defaultedgetype")).toString()
                                 : a.value(QLatin1String("edgedefault")).toString();
        } else if (xml.name() == u"edge") {
            d.edges.insert(a.value(QLatin1String("id")).toString(),
                           a.hasAttribute(QLatin1String("type")) ? a.value(QLatin1String("type")).toString()
                                                                 : a.value(QLatin1String("directed")).toString());
        }
    });
    return d;
}

/// Exports the whole case to `out` and reads back the directions written there.
EdgeDirections exportedDirections(const CaseFile &cf, const QString &out, const QString &format) {
    ExportOptions options;
    options.format = format;
    const auto r = ExportJob::run(cf, out, options);
    if (!r.ok()) {
        qFatal("export failed: %s", qPrintable(r.error().toString()));
    }
    return edgeDirections(out);
}

QMap<QString, qint64> countsOf(const CaseFile &cf) {
    QMap<QString, qint64> out;
    for (const auto &[schema, n] : cf.entities().countsBySchema()) {
        out.insert(schema, n);
    }
    return out;
}

} // namespace

class GraphFormatsTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void importsSamples_data();
    void importsSamples();
    void quakersKeepsAttributes();
    void namespaceVariants_data();
    void namespaceVariants();
    void nestedNodesAndParallelEdges();
    void graphmlCrlfEdgesFirstAndYedLabels();
    void reimportMerges();
    void roundTrip_data();
    void roundTrip();
    void exportShapes();
    void undirectedRelationships_data();
    void undirectedRelationships();
    void undirectedGraphKeepsItsDefault_data();
    void undirectedGraphKeepsItsDefault();
    void chartAndSelectionExport();
    void edgeToUnknownNode();
    void hostileInput_data();
    void hostileInput();
    void detectsFormats();

private:
    static QString fixture(const QString &name) {
        return Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/graph/") + name);
    }
};

void GraphFormatsTest::importsSamples_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format");
    QTest::newRow("lesmis.gexf (GEXF 1.3, gexf.net without www)")
        << QStringLiteral("graph/lesmis.gexf") << QStringLiteral("gexf");
    QTest::newRow("quakers.gexf (GEXF 1.2draft, ids with spaces)")
        << QStringLiteral("graph/quakers.gexf") << QStringLiteral("gexf");
    QTest::newRow("airlines.graphml (CRLF, no graph id)")
        << QStringLiteral("graph/airlines.graphml") << QStringLiteral("graphml");
}

void GraphFormatsTest::importsSamples() {
    QFETCH(QString, file);
    QFETCH(QString, format);
    const QString sample = Casegraph::Tests::testData(file);
    if (sample.isEmpty()) {
        QSKIP("../shared/testdata is not available");
    }
    const GraphCounts expected = countElements(sample);
    QVERIFY(expected.nodes > 0 && expected.edges > 0);
    auto cf = newCase(QStringLiteral("c.casegraph"));
    QVERIFY(cf);
    QCOMPARE(*ImportJob::detectFormat(sample), format);
    const auto r = ImportJob::run(*cf, sample);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->format, format);
    QCOMPARE(r->created, expected.nodes + expected.edges);
    QCOMPARE(r->rejected.size(), 0);
    QCOMPARE(r->dangling, 0);
    const auto counts = countsOf(*cf);
    QCOMPARE(counts.value(QStringLiteral("LegalEntity")), expected.nodes);
    QCOMPARE(counts.value(QStringLiteral("UnknownLink")), expected.edges);
    QCOMPARE(cf->entities().count(), expected.nodes + expected.edges);
}

void GraphFormatsTest::quakersKeepsAttributes() {
    const QString sample = Casegraph::Tests::testData(QStringLiteral("graph/quakers.gexf"));
    if (sample.isEmpty()) {
        QSKIP("../shared/testdata is not available");
    }
    auto cf = newCase(QStringLiteral("q.casegraph"));
    QVERIFY(ImportJob::run(*cf, sample).ok());
    const auto hits = cf->entities().search(QStringLiteral("\"Joseph Wyeth\""), 5);
    QVERIFY(!hits.isEmpty());
    const auto e = cf->entities().entityById(hits.first().id);
    QVERIFY(e);
    QCOMPARE(e->schema, QStringLiteral("LegalEntity"));
    QCOMPARE(e->valuesOf(QStringLiteral("name")), QStringList{QStringLiteral("Joseph Wyeth")});
    // Attributes declared with numeric ids are read under their titles; LegalEntity has no such
    // properties, so they are kept as notes.
    const QStringList notes = e->valuesOf(QStringLiteral("notes"));
    QVERIFY2(notes.contains(QStringLiteral("gender: male")), qPrintable(notes.join(QLatin1Char('|'))));
    QVERIFY(notes.contains(QStringLiteral("birth_year: 1663")));
    QVERIFY(notes.contains(QStringLiteral("historical_significance: religious writer")));
}

void GraphFormatsTest::namespaceVariants_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("http://www.gexf.net/1.2draft") << QStringLiteral("ns-12draft.gexf");
    QTest::newRow("http://gexf.net/1.3") << QStringLiteral("ns-13.gexf");
    QTest::newRow("http://www.gexf.net/1.3") << QStringLiteral("ns-www13.gexf");
    QTest::newRow("no namespace") << QStringLiteral("ns-none.gexf");
}

void GraphFormatsTest::namespaceVariants() {
    QFETCH(QString, file);
    auto cf = newCase(QStringLiteral("n.casegraph"));
    const auto r = ImportJob::run(*cf, fixture(file));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->created, 5);
    const auto counts = countsOf(*cf);
    QCOMPARE(counts.value(QStringLiteral("Company")), 1);
    QCOMPARE(counts.value(QStringLiteral("Person")), 1);
    QCOMPARE(counts.value(QStringLiteral("LegalEntity")), 1);
    QCOMPARE(counts.value(QStringLiteral("Ownership")), 1);
    QCOMPARE(counts.value(QStringLiteral("UnknownLink")), 1);
    QCOMPARE(r->dangling, 0);

    Entity company, person, trust, ownership, link;
    (void)cf->entities().forEach([&](const Entity &e) {
        if (e.schema == QLatin1String("Company")) {
            company = e;
        } else if (e.schema == QLatin1String("Person")) {
            person = e;
        } else if (e.schema == QLatin1String("LegalEntity")) {
            trust = e;
        } else if (e.schema == QLatin1String("Ownership")) {
            ownership = e;
        } else {
            link = e;
        }
        return true;
    });
    // "type" named the schema; a valid value maps to the property (country codes lower-cased).
    QCOMPARE(company.valuesOf(QStringLiteral("name")), QStringList{QStringLiteral("Acme Holding Ltd")});
    QCOMPARE(company.valuesOf(QStringLiteral("jurisdiction")), QStringList{QStringLiteral("gb")});
    QStringList notes = company.valuesOf(QStringLiteral("notes"));
    notes.sort();
    QCOMPARE(notes, (QStringList{QStringLiteral("aliases: Acme"), QStringLiteral("aliases: Acme Holdings"),
                                 QStringLiteral("founded: 1999")}));
    QCOMPARE(person.valuesOf(QStringLiteral("notes")), QStringList{QStringLiteral("founded: 1970")});
    QVERIFY(trust.valuesOf(QStringLiteral("notes")).contains(QStringLiteral("type: trust")));
    // Edges: the schema attribute, the spell and the label.
    QCOMPARE(ownership.valuesOf(QStringLiteral("owner")), QStringList{person.id});
    QCOMPARE(ownership.valuesOf(QStringLiteral("asset")), QStringList{company.id});
    QCOMPARE(ownership.valuesOf(QStringLiteral("percentage")), QStringList{QStringLiteral("51")});
    QCOMPARE(ownership.valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2015-03-01")});
    QCOMPARE(ownership.valuesOf(QStringLiteral("endDate")), QStringList{QStringLiteral("2020-12-31")});
    QCOMPARE(ownership.valuesOf(QStringLiteral("role")), QStringList{QStringLiteral("owns")});
    QCOMPARE(link.valuesOf(QStringLiteral("subject")), QStringList{trust.id});
    QCOMPARE(link.valuesOf(QStringLiteral("object")), QStringList{company.id});
    QCOMPARE(link.valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2018-01-01")});
    QCOMPARE(link.valuesOf(QStringLiteral("description")), QStringList{QStringLiteral("weight: 2.5")});
    // Ids are file-scoped hashes of the node ids.
    QVERIFY(company.id.startsWith(QLatin1String("gexf-")));
    QCOMPARE(company.id.size(), 5 + 40);
}

void GraphFormatsTest::nestedNodesAndParallelEdges() {
    auto cf = newCase(QStringLiteral("h.casegraph"));
    const auto r = ImportJob::run(*cf, fixture(QStringLiteral("gexf11-nested.gexf")));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    const auto counts = countsOf(*cf);
    QCOMPARE(counts.value(QStringLiteral("Organization")), 1);
    QCOMPARE(counts.value(QStringLiteral("LegalEntity")), 2);
    QCOMPARE(counts.value(QStringLiteral("UnknownLink")), 2);
}

void GraphFormatsTest::graphmlCrlfEdgesFirstAndYedLabels() {
    QVERIFY(QFile(fixture(QStringLiteral("crlf.graphml"))).size() > 0);
    auto cf = newCase(QStringLiteral("g.casegraph"));
    const auto r = ImportJob::run(*cf, fixture(QStringLiteral("crlf.graphml")));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->created, 5);
    QCOMPARE(r->dangling, 0);
    const auto counts = countsOf(*cf);
    QCOMPARE(counts.value(QStringLiteral("Company")), 2); // a key's default names the schema
    QCOMPARE(counts.value(QStringLiteral("Person")), 1);
    QCOMPARE(counts.value(QStringLiteral("UnknownLink")), 2);
    QStringList names;
    Entity supplies;
    (void)cf->entities().forEach([&](const Entity &e) {
        names += e.valuesOf(QStringLiteral("name"));
        if (e.valuesOf(QStringLiteral("role")).contains(QStringLiteral("supplies"))) {
            supplies = e;
        }
        return true;
    });
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("Alpha GmbH"), QStringLiteral("Bob Builder"), QStringLiteral("c")}));
    QCOMPARE(supplies.valuesOf(QStringLiteral("description")), QStringList{QStringLiteral("weight: 3")});
}

void GraphFormatsTest::reimportMerges() {
    auto cf = newCase(QStringLiteral("r.casegraph"));
    QVERIFY(ImportJob::run(*cf, fixture(QStringLiteral("ns-13.gexf"))).ok());
    const QStringList before = dump(*cf);
    const auto again = ImportJob::run(*cf, fixture(QStringLiteral("ns-13.gexf")));
    QVERIFY(again.ok());
    QCOMPARE(again->created, 0);
    QCOMPARE(again->merged, 0);
    QCOMPARE(again->unchanged, 5);
    QCOMPARE(dump(*cf), before);
}

void GraphFormatsTest::roundTrip_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("format");
    const QString quakers = Casegraph::Tests::testData(QStringLiteral("graph/quakers.gexf"));
    const QString airlines = Casegraph::Tests::testData(QStringLiteral("graph/airlines.graphml"));
    const QString ftm = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"));
    if (!quakers.isEmpty()) {
        QTest::newRow("quakers.gexf -> case -> GEXF -> case") << quakers << QStringLiteral("gexf");
        QTest::newRow("quakers.gexf -> case -> GraphML -> case") << quakers << QStringLiteral("graphml");
    }
    if (!airlines.isEmpty()) {
        QTest::newRow("airlines.graphml -> case -> GraphML -> case") << airlines << QStringLiteral("graphml");
    }
    QTest::newRow("typed GEXF with spells -> GEXF") << fixture(QStringLiteral("ns-13.gexf")) << QStringLiteral("gexf");
    QTest::newRow("typed GEXF with spells -> GraphML")
        << fixture(QStringLiteral("ns-13.gexf")) << QStringLiteral("graphml");
    QTest::newRow("FtM fixture -> GEXF") << ftm << QStringLiteral("gexf");
    QTest::newRow("FtM fixture -> GraphML") << ftm << QStringLiteral("graphml");
}

void GraphFormatsTest::roundTrip() {
    QFETCH(QString, source);
    QFETCH(QString, format);
    auto first = newCase(QStringLiteral("first.casegraph"));
    ImportOptions lenient;
    lenient.lenient = true; // the FtM fixture has properties its schema lacks
    const auto imported = ImportJob::run(*first, source, lenient);
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    const QString out = path(QStringLiteral("out.") + format);
    ExportOptions options;
    options.format = format;
    const auto exported = ExportJob::run(*first, out, options);
    QVERIFY2(exported.ok(), qPrintable(exported.ok() ? QString() : exported.error().toString()));
    QCOMPARE(exported->entities, first->entities().count());

    auto second = newCase(QStringLiteral("second.casegraph"));
    const auto again = ImportJob::run(*second, out, lenient);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again->format, format);
    QCOMPARE(again->rejected.size(), 0);
    // XML 1.0 cannot carry control characters other than tab and line ends: the writers drop them.
    QStringList a = dump(*first);
    qint64 lossy = 0;
    for (QString &line : a) {
        const qsizetype before = line.size();
        line.remove(QRegularExpression(QStringLiteral("[\\x{1}-\\x{8}\\x{b}\\x{c}\\x{e}-\\x{1f}]")));
        lossy += line.size() != before;
    }
    const QStringList b = dump(*second);
    for (qsizetype i = 0; i < std::min(a.size(), b.size()); ++i) {
        QCOMPARE(b.at(i), a.at(i));
    }
    QCOMPARE(b.size(), a.size());
    // And importing the export into the first case changes nothing.
    const auto onto = ImportJob::run(*first, out, lenient);
    QVERIFY(onto.ok());
    QCOMPARE(onto->created, 0);
    QCOMPARE(onto->merged, lossy); // only where control characters were dropped
}

void GraphFormatsTest::exportShapes() {
    auto cf = newCase(QStringLiteral("s.casegraph"));
    QVERIFY(ImportJob::run(*cf, fixture(QStringLiteral("ns-13.gexf"))).ok());
    ExportOptions options;
    options.format = QStringLiteral("gexf");
    QBuffer gexf;
    gexf.open(QIODevice::WriteOnly);
    QVERIFY(ExportJob::run(*cf, gexf, options).ok());
    QXmlStreamReader xml(gexf.data());
    QString rootNamespace, version, mode;
    int spells = 0, nodes = 0, edges = 0;
    bool listDeclared = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        const auto a = xml.attributes();
        if (xml.name() == u"gexf") {
            rootNamespace = xml.namespaceUri().toString();
            version = a.value(QLatin1String("version")).toString();
        } else if (xml.name() == u"graph") {
            mode = a.value(QLatin1String("mode")).toString();
        } else if (xml.name() == u"spell") {
            ++spells;
            QVERIFY(QDate::fromString(a.value(QLatin1String("start")).toString(), Qt::ISODate).isValid());
        } else if (xml.name() == u"node") {
            ++nodes;
        } else if (xml.name() == u"edge") {
            ++edges;
        } else if (xml.name() == u"attribute" && a.value(QLatin1String("title")) == u"notes") {
            listDeclared = a.value(QLatin1String("type")) == u"liststring";
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(rootNamespace, QStringLiteral("http://gexf.net/1.3"));
    QCOMPARE(version, QStringLiteral("1.3"));
    QCOMPARE(mode, QStringLiteral("dynamic"));
    QCOMPARE(nodes, 3);
    QCOMPARE(edges, 2);
    QCOMPARE(spells, 2);
    QVERIFY(listDeclared);

    options.format = QStringLiteral("graphml");
    QBuffer graphml;
    graphml.open(QIODevice::WriteOnly);
    QVERIFY(ExportJob::run(*cf, graphml, options).ok());
    QXmlStreamReader g(graphml.data());
    int keys = 0;
    nodes = edges = 0;
    while (!g.atEnd()) {
        if (g.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        keys += g.name() == u"key";
        nodes += g.name() == u"node";
        edges += g.name() == u"edge";
        if (g.name() == u"graphml") {
            QCOMPARE(g.namespaceUri().toString(), QStringLiteral("http://graphml.graphdrawing.org/xmlns"));
        }
    }
    QVERIFY(!g.hasError());
    QVERIFY(keys > 6);
    QCOMPARE(nodes, 3);
    QCOMPARE(edges, 2);
}

void GraphFormatsTest::undirectedRelationships_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("undirectedValue"); // the edge attribute an undirected edge carries
    QTest::newRow("GEXF") << QStringLiteral("gexf") << QStringLiteral("undirected");
    QTest::newRow("GraphML") << QStringLiteral("graphml") << QStringLiteral("false");
}

void GraphFormatsTest::undirectedRelationships() {
    // The demo case mixes directed relationships (Ownership, Directorship, Supply …) with an
    // undirected Family and two UnknownLinks: the graph stays directed, those edges say otherwise.
    QFETCH(QString, format);
    QFETCH(QString, undirectedValue);
    auto demo = newCase(QStringLiteral("demo.casegraph"));
    QVERIFY(DemoCase::write(*demo).ok());
    const QString family = DemoCase::idForKey(QStringLiteral("hu-family"));
    const QString unknownLink = DemoCase::idForKey(QStringLiteral("nuctech-data-concern"));
    const QString ownership = DemoCase::idForKey(QStringLiteral("netposa-owns-sensenets"));
    const QString directorship = DemoCase::idForKey(QStringLiteral("hu-haifeng-chairs-nuctech"));
    const QString out = path(QStringLiteral("demo.") + format);
    const EdgeDirections d = exportedDirections(*demo, out, format);
    QCOMPARE(d.graphDefault, QStringLiteral("directed"));
    QVERIFY(d.edges.contains(family));
    QCOMPARE(d.edges.value(family), undirectedValue);
    QCOMPARE(d.edges.value(unknownLink), undirectedValue);
    QVERIFY(d.edges.contains(ownership));
    QCOMPARE(d.edges.value(ownership), QString()); // the default: directed
    QCOMPARE(d.edges.value(directorship), QString());
    int undirected = 0;
    for (const QString &v : d.edges) {
        undirected += v == undirectedValue;
    }
    QCOMPARE(undirected, 3); // hu-family and the two UnknownLinks

    // Read back, the Family is a Family again and the analytics cross it both ways.
    auto second = newCase(QStringLiteral("second.casegraph"));
    const auto again = ImportJob::run(*second, out);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    const auto entity = second->entities().entityById(family);
    QVERIFY(entity);
    QCOMPARE(entity->schema, QStringLiteral("Family"));
    const auto g = GraphProjection::fromCase(*second);
    QVERIFY(g.ok());
    int seen = 0;
    for (const GraphLink &l : g->links()) {
        if (l.relationship == family || l.relationship == ownership) {
            QCOMPARE(l.directed, l.relationship == ownership);
            ++seen;
        }
    }
    QCOMPARE(seen, 2);
    // Exported again, the file says the same.
    const EdgeDirections d2 = exportedDirections(*second, path(QStringLiteral("again.") + format), format);
    QCOMPARE(d2.graphDefault, d.graphDefault);
    QCOMPARE(d2.edges, d.edges);
}

void GraphFormatsTest::undirectedGraphKeepsItsDefault_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("format");
    const QString lesmis = Casegraph::Tests::testData(QStringLiteral("graph/lesmis.gexf"));
    const QString airlines = Casegraph::Tests::testData(QStringLiteral("graph/airlines.graphml"));
    if (lesmis.isEmpty() || airlines.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    QTest::newRow("lesmis.gexf (Gephi) -> GEXF") << lesmis << QStringLiteral("gexf");
    QTest::newRow("lesmis.gexf (Gephi) -> GraphML") << lesmis << QStringLiteral("graphml");
    QTest::newRow("airlines.graphml -> GraphML") << airlines << QStringLiteral("graphml");
}

void GraphFormatsTest::undirectedGraphKeepsItsDefault() {
    // An undirected graph from another tool becomes UnknownLinks, which FtM calls undirected; the
    // export is an undirected graph again, as the original was, with no per-edge attribute.
    QFETCH(QString, source);
    QFETCH(QString, format);
    QCOMPARE(edgeDirections(source).graphDefault, QStringLiteral("undirected"));
    auto cf = newCase(QStringLiteral("u.casegraph"));
    QVERIFY(ImportJob::run(*cf, source).ok());
    QVERIFY(countsOf(*cf).value(QStringLiteral("UnknownLink")) > 200);
    const EdgeDirections d = exportedDirections(*cf, path(QStringLiteral("u.") + format), format);
    QCOMPARE(d.graphDefault, QStringLiteral("undirected"));
    QCOMPARE(qint64(d.edges.size()), countsOf(*cf).value(QStringLiteral("UnknownLink")));
    for (auto it = d.edges.cbegin(); it != d.edges.cend(); ++it) {
        QVERIFY2(it.value().isEmpty(), qPrintable(it.key()));
    }
}

void GraphFormatsTest::chartAndSelectionExport() {
    auto cf = newCase(QStringLiteral("chart.casegraph"));
    QVERIFY(ImportJob::run(*cf, fixture(QStringLiteral("ns-13.gexf"))).ok());
    qint64 company = 0, person = 0, trust = 0;
    QString companyId, personId;
    (void)cf->entities().forEach([&](const Entity &e) {
        if (e.schema == QLatin1String("Company")) {
            company = e.rowId;
            companyId = e.id;
        } else if (e.schema == QLatin1String("Person")) {
            person = e.rowId;
            personId = e.id;
        } else if (e.schema == QLatin1String("LegalEntity")) {
            trust = e.rowId;
        }
        return true;
    });
    const auto chart = cf->charts().create(QStringLiteral("Owners"));
    QVERIFY(chart.ok());
    QVERIFY(cf->charts()
                .setNodes(*chart,
                          {ChartNode{company, 10, 20}, ChartNode{person, -5, 7}, ChartNode{trust, 0, 0, false, true}})
                .ok());
    ExportOptions options;
    options.format = QStringLiteral("gexf");
    QVERIFY(ExportJob::selectChart(*cf, QStringLiteral("Owners"), options).ok());
    const QString out = path(QStringLiteral("chart.gexf"));
    const auto r = ExportJob::run(*cf, out, options);
    QVERIFY(r.ok());
    QCOMPARE(r->entities, 3); // the two visible nodes and the ownership between them; not the hidden trust
    const GraphCounts c = countElements(out);
    QCOMPARE(c.nodes, 2);
    QCOMPARE(c.edges, 1);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().contains("<viz:position x=\"10\" y=\"20\""));
    QVERIFY(!ExportJob::selectChart(*cf, QStringLiteral("Nope"), options).ok());

    // The same selection as an id list, through the command line.
    const QString ids = write(
        QStringLiteral("ids.txt"),
        (QStringLiteral("# chosen\n") + companyId + QLatin1Char('\n') + personId + QLatin1String("\n\n")).toUtf8());
#ifdef CASEGRAPH_CLI
    cf->close();
    const auto cli = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                           {QStringLiteral("export"), path(QStringLiteral("chart.casegraph")),
                                            path(QStringLiteral("ids.graphml")), QStringLiteral("--ids"), ids});
    QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
    const GraphCounts g = countElements(path(QStringLiteral("ids.graphml")));
    QCOMPARE(g.nodes, 2);
    QCOMPARE(g.edges, 1);
    const auto viaChart =
        Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                              {QStringLiteral("export"), path(QStringLiteral("chart.casegraph")),
                               path(QStringLiteral("c2.gexf")), QStringLiteral("--chart"), QStringLiteral("Owners")});
    QVERIFY2(viaChart.exitCode == 0, qPrintable(viaChart.err));
    QCOMPARE(countElements(path(QStringLiteral("c2.gexf"))).nodes, 2);
    const auto bad =
        Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                              {QStringLiteral("export"), path(QStringLiteral("chart.casegraph")),
                               path(QStringLiteral("x.gexf")), QStringLiteral("--chart"), QStringLiteral("Nope")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(QStringLiteral("Owners")));
#else
    Q_UNUSED(ids);
#endif
}

void GraphFormatsTest::edgeToUnknownNode() {
    const QString file =
        write(QStringLiteral("dangling.graphml"),
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">\n"
              "<node id=\"a\"/>\n<node id=\"b\"/>\n<edge source=\"a\" target=\"b\"/>\n"
              "<edge source=\"a\" target=\"zz\"/>\n</graph></graphml>\n");
    auto cf = newCase(QStringLiteral("d.casegraph"));
    const auto strict = ImportJob::run(*cf, file);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().line, 5);
    QVERIFY2(strict.error().message.contains(QStringLiteral("\"zz\"")), qPrintable(strict.error().toString()));
    QCOMPARE(cf->entities().count(), 0);
    ImportOptions lenient;
    lenient.lenient = true;
    const auto r = ImportJob::run(*cf, file, lenient);
    QVERIFY(r.ok());
    QCOMPARE(r->created, 3);
    QCOMPARE(r->rejected.size(), 1);
}

void GraphFormatsTest::hostileInput_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    const QByteArray laughs =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        " <!ENTITY lol9 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n]>\n"
        "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"1\" label=\"&lol9;\"/></nodes></graph></gexf>\n";
    QTest::newRow("billion laughs") << QStringLiteral("gexf") << laughs << QStringLiteral("entities");
    QTest::newRow("external entity")
        << QStringLiteral("graphml")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                      "<graphml><graph><node id=\"&x;\"/></graph></graphml>\n")
        << QStringLiteral("entities");
    QTest::newRow("undeclared entity")
        << QStringLiteral("gexf")
        << QByteArray("<gexf><graph><nodes><node id=\"1\" label=\"&boom;\"/></nodes></graph></gexf>")
        << QStringLiteral("boom");
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i) {
        garbage[i] = char((i * 7919 + 13) % 251);
    }
    QTest::newRow("binary garbage") << QStringLiteral("gexf") << garbage << QStringLiteral("XML");
    QTest::newRow("truncated")
        << QStringLiteral("gexf")
        << QByteArray(
               "<gexf xmlns=\"http://gexf.net/1.3\"><graph><nodes><node id=\"1\" label=\"a\"/><node id=\"2\" lab")
        << QStringLiteral("truncated");
    QTest::newRow("wrong root") << QStringLiteral("graphml") << QByteArray("<svg><g/></svg>")
                                << QStringLiteral("<svg>");
    QTest::newRow("empty file") << QStringLiteral("graphml") << QByteArray() << QStringLiteral("truncated");
    QByteArray deep = "<gexf><graph><nodes>";
    for (int i = 0; i < 20000; ++i) {
        deep += "<node id=\"n" + QByteArray::number(i) + "\"><nodes>";
    }
    QTest::newRow("deep nesting, truncated") << QStringLiteral("gexf") << deep << QStringLiteral("truncated");
}

void GraphFormatsTest::hostileInput() {
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString file = write(QStringLiteral("hostile.") + format, content);
    auto cf = newCase(QStringLiteral("h.casegraph"));
    const QStringList before = dump(*cf);
    for (const bool lenient : {false, true}) {
        ImportOptions options;
        options.format = format;
        options.lenient = lenient;
        const auto r = ImportJob::run(*cf, file, options);
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().toString()));
        QCOMPARE(r.error().file, file);
        QCOMPARE(dump(*cf), before);
        QCOMPARE(cf->entities().count(), 0);
    }
}

void GraphFormatsTest::detectsFormats() {
    QCOMPARE(*ImportJob::detectFormat(fixture(QStringLiteral("ns-none.gexf"))), QStringLiteral("gexf"));
    QCOMPARE(*ImportJob::detectFormat(fixture(QStringLiteral("crlf.graphml"))), QStringLiteral("graphml"));
    // The root element decides, whatever the name.
    const QString renamed = write(QStringLiteral("graph.xml"), "<?xml version=\"1.0\"?>\n<!-- x -->\n<graphml/>");
    QCOMPARE(*ImportJob::detectFormat(renamed), QStringLiteral("graphml"));
}

QTEST_MAIN(GraphFormatsTest)
#include "graphformats_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ftmdate.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// How a graph edge came out of the case.
enum class LinkKind {
    Relationship, ///< an entity of an edge schema (Ownership, Supply …), source → target
    Manufacturer, ///< Supply.manufacturer M → the Supply's supplier S: "M's goods resold by S"
    Product,      ///< Supply.productEntity P → the Supply's manufacturer (else its supplier)
    Reference,    ///< an entity property of a node entity (Event.involved, Contract.authority …), holder → target
};

/// A percentage parsed from FtM free text as a closed range in percent (see parsePercentage()).
struct PercentageRange {
    double min = 0;
    double max = 100;
    bool known = false; ///< false: no value, or text that says nothing about the size of the stake
    bool isExact() const { return known && min == max; }
    /// "50%", "50–75%" or "unknown (0–100%)"; translated.
    QString toString() const;
};

/// Parses FtM's free-text Ownership.percentage. Decisions (tested in percentage_test.cpp):
/// "51%", "51", "51 %", "51,5 %", "100 per cent" → exact; "50-75%", "50 to 75", "between 25% and 50%"
/// → that range; "at least/≥/not less than 50%", "50%+" → [50,100]; "up to/at most/≤ 25%" → [0,25];
/// strict bounds move by 0.01 point so they never meet an inclusive threshold at the bound:
/// "over/more than/above/> 50%" and "majority" → [50.01,100], "under/less than/below/< 25%" → [0,24.99],
/// "minority" → [0,49.99]; "half" → 50; "wholly/fully owned", "sole owner", "all" → 100;
/// "about/approximately/c./~ 30%" → 30 (the stated figure); a bare number strictly between 0 and 1
/// without a % sign ("0.5") is ambiguous between a fraction and a percentage → [0.5,50];
/// anything else (empty, "controlling", "shares", three or more figures, > 100, negative) → unknown [0,100].
PercentageRange parsePercentage(const QString &text);

/// One node of a projection: a non-relationship entity.
struct GraphNode {
    qint64 rowId = 0;
    QString id; ///< FtM id
    QString schema;
    int inDegree = 0;
    int outDegree = 0;
    /// Sanction entities whose `entity` property names this node.
    QList<qint64> sanctionRowIds;
};

/// One edge of a projection, as analytics results report it.
struct GraphLink {
    QString from; ///< FtM id of the node at the edge's tail
    QString to;
    qint64 fromRowId = 0;
    qint64 toRowId = 0;
    QString relationship; ///< FtM id of the relationship entity (for Reference: the holder)
    qint64 relationshipRowId = 0;
    QString schema;   ///< the relationship's schema (for Reference: the holder's)
    QString property; ///< for Reference: the holder's property; else empty
    LinkKind kind = LinkKind::Relationship;
    bool directed = true; ///< Schema::edgeDirected: false for Associate, Family, UnknownLink, Documentation
    FtmDate start;        ///< startDate, else date (invalid: open)
    FtmDate end;          ///< endDate (invalid: open)
    PercentageRange percentage; ///< Ownership only
    int evidence = 0;     ///< excerpts of the claims on the relationship entity
};

/// An edge as forEachLinkRow() hands it over: numbers only, names as indexes (schemaName(),
/// propertyName()), for charts that read hundreds of thousands of edges.
struct GraphLinkRow {
    qint64 fromRowId = 0;
    qint64 toRowId = 0;
    qint64 relationshipRowId = 0;
    quint16 schema = 0;   ///< schemaName(schema)
    quint16 property = 0; ///< Reference: propertyName(property); else 0 ("")
    LinkKind kind = LinkKind::Relationship;
    bool directed = true;
    qint32 validFrom = std::numeric_limits<qint32>::min(); ///< julian day of start.earliest(); open: min
    qint32 validUntil = std::numeric_limits<qint32>::max(); ///< julian day of end.latest(); open: max
    PercentageRange percentage; ///< Ownership only
    int evidence = 0;
};

/// A Sanction as the projection keeps it (for exposure filters).
struct SanctionRecord {
    qint64 rowId = 0;
    QString id;
    qint64 entityRowId = 0; ///< the sanctioned node
    QString entity;
    QStringList authorities;
    QStringList programs;
};

/// What to project.
struct ProjectionOptions {
    /// Entity row ids to project (a chart's nodes); empty projects the whole case. Relationships are
    /// included when both their ends are in the set.
    QList<qint64> entities;
    /// Entity properties of node entities (Event.involved, Contract.authority, LegalEntity.parent …)
    /// become Reference edges holder → target.
    bool includeReferences = true;
    /// Entity properties never turned into Reference edges: `proof` would tie every entity to its
    /// source document and merge all components into one.
    QStringList ignoredProperties = {QStringLiteral("proof")};
    /// Set from another thread to stop fromCase() early: it then returns the error "cancelled"
    /// (GraphScan::cancelledError()) and no projection. Looked at before each read, every
    /// GraphScan::CheckInterval rows read and edges made; may be null (the CLI passes none).
    const std::atomic_bool *cancel = nullptr;
    /// Told on the building thread, at each of those looks during the reads, how many rows have
    /// been read so far; may be empty.
    std::function<void(qint64 rows)> progress;
};

/// An immutable snapshot of a case (or of a chosen set of entities) as a directed multigraph.
///
/// Nodes are the entities that are not relationships. Each entity of an edge schema (Schema::isEdge)
/// becomes one edge edgeSource → edgeTarget per pair of values, carrying the relationship's row id,
/// FtM id, schema, start (startDate, else date) and end (endDate), Ownership percentage and evidence
/// count. Other entity references are handled explicitly:
///  - Sanction.entity does not become an edge: the sanctioned node records the Sanction (listed set);
///  - Supply.manufacturer M adds an edge M → supplier S (LinkKind::Manufacturer, same Supply row), so
///    M → S → recipient reads "M's goods, resold by S, to the recipient"; when M is S no edge is
///    added; a Supply without supplier runs M → recipient;
///  - Supply.productEntity P adds P → manufacturer (else supplier) (LinkKind::Product);
///  - any other entity property of a node entity becomes a Reference edge holder → target unless
///    ProjectionOptions::includeReferences is false or the property is ignored (Documentation,
///    Mention's document etc. are edge schemata and follow the first rule);
///  - entity properties of relationship entities other than their two ends (ContractAward's
///    callForTenders, Payment's accounts …) and references to relationship entities are dropped;
///  - references to entities not in the case (dangling) are dropped.
/// Relationships whose schema is undirected in FtM (Schema::edgeDirected false: Associate, Family,
/// UnknownLink, Documentation) are flagged so: directed traversals may cross them both ways.
///
/// Rebuilding: fromCase() reads the case with a fixed number of streaming queries (entity counts per
/// schema; entities; entity-reference and date/percentage/sanction statements; excerpt counts
/// grouped by entity) and joins them in memory, no per-entity query,
/// so a rebuild after edits costs the same as the first build — milliseconds for a chart, seconds
/// for a million entities. GraphProjectionCache rebuilds lazily after edits. Copies share the data.
///
/// Thread affinity: none once built (read-only); fromCase() must run on the thread that owns the
/// CaseFile (or on a CaseFile opened in the worker thread).
class GraphProjection {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphProjection)
public:
    struct Data; ///< private (analytics/graphdata_p.h): the Boost graph and its indexes

    GraphProjection();
    ~GraphProjection();
    GraphProjection(const GraphProjection &);
    GraphProjection &operator=(const GraphProjection &);
    GraphProjection(GraphProjection &&) noexcept;
    GraphProjection &operator=(GraphProjection &&) noexcept;

    /// Projects an open case file.
    static Result<GraphProjection> fromCase(const CaseFile &caseFile, const ProjectionOptions &options = {});

    qsizetype nodeCount() const;
    qsizetype linkCount() const;
    QDateTime builtAt() const;
    bool isEmpty() const { return nodeCount() == 0; }

    bool contains(const QString &id) const;
    std::optional<GraphNode> node(const QString &id) const;
    std::optional<GraphNode> nodeByRowId(qint64 rowId) const;
    /// Calls fn for every edge (in no particular order); stops when fn returns false.
    void forEachLink(const std::function<bool(const GraphLink &)> &fn) const;
    /// Edges between nodes as GraphLinks; for charts and tests (a million edges is a lot of QStrings).
    QList<GraphLink> links() const;
    /// forEachLink() without strings.
    void forEachLinkRow(const std::function<bool(const GraphLinkRow &)> &fn) const;
    QString schemaName(quint16 schema) const;
    QString propertyName(quint16 property) const;
    QList<SanctionRecord> sanctions() const;

    /// For analytics implementations (analytics/*.cpp) only.
    const Data &data() const { return *m_data; }

private:
    friend class GraphBuilder;
    explicit GraphProjection(std::shared_ptr<const Data> data);
    std::shared_ptr<const Data> m_data;
};

/// Builds a projection from memory: benchmarks, synthetic graphs, importers that already hold the
/// entities. Add every node first, then relationships and sanctions (their ends are resolved as
/// they come; ends not added are dropped). Endpoints are given by row id; row ids and FtM ids must
/// be unique across all calls.
class GraphBuilder {
    Q_DISABLE_COPY_MOVE(GraphBuilder)
public:
    struct Relationship {
        qint64 rowId = 0;
        QString id;
        QString schema; ///< an edge schema; its edgeSource/edgeTarget name the ends
        qint64 source = 0; ///< node row id
        qint64 target = 0;
        qint64 manufacturer = 0; ///< Supply only; 0 = none
        QString startDate, endDate, date;
        QString percentage;
        int evidence = 0;
    };

    GraphBuilder();
    ~GraphBuilder();
    void reserve(qsizetype nodes, qsizetype relationships);
    void addNode(qint64 rowId, const QString &id, const QString &schema);
    void addRelationship(const Relationship &relationship);
    void addSanction(qint64 rowId, const QString &id, qint64 entityRowId, const QString &authority = {},
                     const QString &program = {});
    /// Returns the projection; the builder is empty afterwards.
    GraphProjection finish();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace Casegraph::Models

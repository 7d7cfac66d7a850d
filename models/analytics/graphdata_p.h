// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to models/analytics: the Boost.Graph behind GraphProjection. Never include from a
// public header (STYLE.md §5).

#include "graphprojection.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace Casegraph::Models {

class Schema;

namespace GraphDetail {

constexpr quint32 NoVertex = std::numeric_limits<quint32>::max();
constexpr qint32 OpenStart = std::numeric_limits<qint32>::min(); ///< julian day of an open start
constexpr qint32 OpenEnd = std::numeric_limits<qint32>::max();

/// Bundled vertex properties (g[v].rowId …), as BGL's closeness_centrality.cpp does with `Actor`.
struct EntityVertex {
    qint64 rowId = 0;    ///< entity row id in the case file
    quint32 idIndex = 0; ///< FtM id: Data::nodeIds[idIndex] (equal to the vertex index)
    quint16 schema = 0;  ///< index into Data::schemata
    quint16 flags = 0;   ///< VertexFlag
};
enum VertexFlag : quint16 { Listed = 1 }; ///< carries at least one Sanction

/// Bundled edge properties: 40 bytes, so that 5M edges stay near 200 MB.
struct RelationshipEdge {
    qint64 rowId = 0;                ///< relationship entity (for Reference: the holder)
    quint32 idIndex = 0;             ///< its FtM id: Data::linkIds (for Reference: Data::nodeIds)
    quint32 manufacturer = NoVertex; ///< Supply: the manufacturer's vertex, when the case names one
    qint32 validFrom = OpenStart;    ///< julian day: earliest() of startDate (else date)
    qint32 validUntil = OpenEnd;     ///< julian day: latest() of endDate
    float pctMin = 0;                ///< Ownership percentage range
    float pctMax = 100;
    quint16 evidence = 0;            ///< excerpt count, saturated at 65535
    quint16 schema = 0;              ///< index into Data::schemata
    quint16 property = 0;            ///< Reference: index into Data::properties
    quint8 kind = 0;                 ///< LinkKind
    quint8 flags = 0;                ///< EdgeFlag, plus the two date precisions
};
static_assert(sizeof(RelationshipEdge) == 40);
enum EdgeFlag : quint8 {
    Undirected = 1,
    PercentageKnown = 2,
    // Bits 2-5 hold the date precisions. Bits 6-7 are scratch for loaders, cleared before finish().
    LoadScratch1 = 64,
    LoadScratch2 = 128,
};
/// Date precision kept with the day numbers, to give back the FtM text: 0 open, 1 year, 2 month, 3 day.
inline int startPrecision(const RelationshipEdge &e) { return (e.flags >> 2) & 3; }
inline int endPrecision(const RelationshipEdge &e) { return (e.flags >> 4) & 3; }
inline void setPrecisions(RelationshipEdge &e, int start, int end)
{
    e.flags = quint8((e.flags & 0xC3) | (start << 2) | (end << 4));
}

// 32-bit vertex and edge indexes halve the CSR arrays; 4G edges is far beyond a case file.
using Graph = boost::compressed_sparse_row_graph<boost::bidirectionalS, EntityVertex, RelationshipEdge,
                                                 boost::no_property, quint32, quint32>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

/// FtM ids packed in one buffer (UTF-8), instead of millions of QStrings.
class IdArena {
public:
    quint32 add(QByteArrayView utf8)
    {
        m_bytes.append(utf8.data(), utf8.size());
        m_offsets.push_back(quint64(m_bytes.size()));
        return quint32(m_offsets.size() - 2);
    }
    QByteArrayView view(quint32 i) const
    {
        return QByteArrayView(m_bytes.constData() + m_offsets[i], qsizetype(m_offsets[i + 1] - m_offsets[i]));
    }
    QString string(quint32 i) const { return QString::fromUtf8(view(i)); }
    quint32 size() const { return quint32(m_offsets.size() - 1); }
    const char *bytes() const { return m_bytes.constData(); }
    quint64 offset(quint32 i) const { return m_offsets[i]; }
    void reserve(qsizetype count, qsizetype bytes)
    {
        m_offsets.reserve(count + 1);
        m_bytes.reserve(bytes);
    }

private:
    QByteArray m_bytes;
    std::vector<quint64> m_offsets{0};
};

/// FtM id → index in an IdArena: open addressing with linear probing. A slot holds the index, 32
/// bits of the id's hash and where the id's bytes are, so a probe touches the arena only to confirm
/// a match (one memory access besides the slot itself).
class IdTable {
public:
    void build(const IdArena &arena);
    quint32 find(const IdArena &arena, QByteArrayView id) const { return find(arena, id, hash(id)); }
    /// find() for many ids at once (out[i] for ids[i]): the slots and then the bytes of all of them
    /// are prefetched before any is compared, so the cache misses of a batch overlap instead of
    /// following one another. Loading a million-node case does ten million lookups.
    void findMany(const IdArena &arena, const QByteArrayView *ids, quint32 *out, size_t count) const;
    static quint64 hash(QByteArrayView id);

private:
    struct Slot {
        quint32 tag = 0;          ///< high half of the hash
        quint32 index = NoVertex; ///< NoVertex: empty
        quint64 place = 0;        ///< (byte offset in the arena << 24) | length
    };
    quint32 find(const IdArena &arena, QByteArrayView id, quint64 h) const;
    std::vector<Slot> m_slots;
    quint64 m_mask = 0;
};

/// Row id → 32-bit value: a dense vector when row ids are compact (the usual case), else sorted pairs.
class RowIndex {
public:
    void build(std::vector<std::pair<qint64, quint32>> pairs);
    quint32 find(qint64 rowId) const; ///< NoVertex when absent

private:
    qint64 m_base = 0;
    std::vector<quint32> m_dense;
    std::vector<std::pair<qint64, quint32>> m_sorted;
};

struct SchemaEntry {
    QString name;
    const Schema *schema = nullptr;
    QByteArray sourceProperty; ///< edgeSource, UTF-8
    QByteArray targetProperty;
    bool isEdge = false;
    bool undirected = false;
    bool isSupply = false;
    bool isOwnership = false;
    bool isSanction = false;
};

struct SanctionData {
    qint64 rowId = 0;
    quint32 idIndex = 0; ///< in linkIds
    quint32 vertex = NoVertex;
    QStringList authorities;
    QStringList programs;
};

} // namespace GraphDetail

struct GraphProjection::Data {
    GraphDetail::Graph graph;
    GraphDetail::IdArena nodeIds;  ///< FtM id of vertex v at index v
    GraphDetail::IdArena linkIds;  ///< FtM ids of relationships and sanctions
    GraphDetail::IdTable nodeById; ///< FtM id → vertex
    GraphDetail::RowIndex nodeByRow;
    std::vector<GraphDetail::SchemaEntry> schemata;
    QStringList properties;        ///< Reference property names; index 0 is ""
    std::vector<GraphDetail::SanctionData> sanctions; ///< sorted by vertex
    QDateTime builtAt;

    quint32 vertexOf(const QString &id) const { return nodeById.find(nodeIds, id.toUtf8()); }
    QString nodeId(GraphDetail::Vertex v) const { return nodeIds.string(graph[v].idIndex); }
    QString linkId(const GraphDetail::RelationshipEdge &e) const
    {
        return e.kind == int(LinkKind::Reference) ? nodeIds.string(e.idIndex) : linkIds.string(e.idIndex);
    }
    const QString &schemaName(quint16 i) const { return schemata[i].name; }
    GraphLink link(const GraphDetail::Edge &e) const;
    /// Sanctions of one vertex (a range of `sanctions`).
    std::pair<const GraphDetail::SanctionData *, const GraphDetail::SanctionData *> sanctionsOf(quint32 v) const;
};

namespace GraphDetail {

/// Day numbers and precision of an FtM date's span: {earliest day, latest day, precision 1-3};
/// precision 0 when the text is not a date.
struct DaySpan {
    qint32 first = OpenStart;
    qint32 last = OpenEnd;
    int precision = 0;
};
DaySpan daySpan(QStringView text);
/// The FtM text of a stored bound ("2019", "2019-05", "2019-05-14").
FtmDate dateFromDay(qint32 day, int precision);

/// Whether the edge is valid on `day` (julian), open ends included.
inline bool validOn(const RelationshipEdge &e, qint64 day)
{
    return e.validFrom <= day && day <= e.validUntil;
}

/// Accumulates vertices and edges, then makes the CSR graph. Shared by GraphBuilder and fromCase().
class Assembler {
public:
    Assembler();
    quint16 schemaIndex(const QString &name);
    quint16 propertyIndex(const QString &name);
    quint32 addVertex(qint64 rowId, QByteArrayView id, quint16 schema);
    struct PendingEdge {
        quint32 from;
        quint32 to;
        RelationshipEdge edge;
    };
    void addEdge(quint32 from, quint32 to, const RelationshipEdge &edge) { m_edges.push_back({from, to, edge}); }
    /// The edges so far, for loaders that fill them in place; finish() drops those with an end of NoVertex.
    std::vector<PendingEdge> &pendingEdges() { return m_edges; }
    /// Adds the edges one relationship entity stands for (see GraphProjection): source × target,
    /// manufacturer → each source, product → manufacturer (else each source). `base` carries the
    /// relationship's row id, id, schema, dates, percentage and evidence.
    void addRelationship(RelationshipEdge base, std::span<const quint32> sources, std::span<const quint32> targets,
                         quint32 manufacturer, quint32 product);
    void addSanction(SanctionData sanction) { m_sanctions.push_back(std::move(sanction)); }
    quint32 vertexCount() const { return quint32(m_vertices.size()); }
    quint16 vertexSchema(quint32 v) const { return m_vertices[v].schema; }
    void reserve(qsizetype vertices, qsizetype edges);
    GraphProjection::Data &data() { return *m_data; }
    const GraphProjection::Data &data() const { return *m_data; }
    /// Indexes ids (call once all vertices are added, before looking ids up).
    void indexIds();
    std::shared_ptr<GraphProjection::Data> finish();

private:
    std::shared_ptr<GraphProjection::Data> m_data;
    std::vector<EntityVertex> m_vertices;
    std::vector<PendingEdge> m_edges;
    std::vector<SanctionData> m_sanctions;
    QHash<QString, quint16> m_schemaIndex;
    QHash<QString, quint16> m_propertyIndex;
    bool m_indexed = false;
};

/// Percentage parses cached by text: FtM data repeats a few dozen spellings millions of times.
class PercentageCache {
public:
    PercentageRange get(const QString &text);

private:
    QHash<QString, PercentageRange> m_cache;
};

/// Fills pctMin/pctMax/PercentageKnown from a parsed range (union with what is there when `merge`).
void applyPercentage(RelationshipEdge &edge, const PercentageRange &range, bool merge);

} // namespace GraphDetail

} // namespace Casegraph::Models

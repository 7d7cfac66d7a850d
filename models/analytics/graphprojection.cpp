// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphdata_p.h"

#include "core/schema.h"

#include <QHashFunctions>

#include <boost/iterator/transform_iterator.hpp>

#include <algorithm>
#include <cstring>

#if defined(__GNUC__) || defined(__clang__)
#define CASEGRAPH_PREFETCH(address) __builtin_prefetch(address)
#else
#define CASEGRAPH_PREFETCH(address) ((void)(address))
#endif

namespace Casegraph::Models {

using namespace GraphDetail;

namespace GraphDetail {

quint64 IdTable::hash(QByteArrayView id)
{
    // FNV-1a, 64 bits: the high half tags the slot, the low bits pick it.
    quint64 h = 0xcbf29ce484222325ull;
    for (const char c : id) {
        h = (h ^ quint8(c)) * 0x100000001b3ull;
    }
    return h ^ (h >> 29);
}

void IdTable::build(const IdArena &arena)
{
    quint64 capacity = 16;
    while (capacity < quint64(arena.size()) * 2) {
        capacity <<= 1;
    }
    m_slots.assign(capacity, Slot{});
    m_mask = capacity - 1;
    for (quint32 i = 0; i < arena.size(); ++i) {
        const QByteArrayView id = arena.view(i);
        const quint64 h = hash(id);
        if (find(arena, id, h) != NoVertex) {
            continue; // a duplicate id keeps its first vertex
        }
        quint64 slot = h & m_mask;
        while (m_slots[slot].index != NoVertex) {
            slot = (slot + 1) & m_mask;
        }
        m_slots[slot] = Slot{quint32(h >> 32), i, (arena.offset(i) << 24) | quint64(id.size() & 0xffffff)};
    }
}

quint32 IdTable::find(const IdArena &arena, QByteArrayView id, quint64 h) const
{
    if (m_slots.empty()) {
        return NoVertex;
    }
    const quint32 tag = quint32(h >> 32);
    for (quint64 slot = h & m_mask;; slot = (slot + 1) & m_mask) {
        const Slot &s = m_slots[slot];
        if (s.index == NoVertex) {
            return NoVertex;
        }
        if (s.tag == tag && qsizetype(s.place & 0xffffff) == id.size() &&
            std::memcmp(arena.bytes() + (s.place >> 24), id.data(), size_t(id.size())) == 0) {
            return s.index;
        }
    }
}

void IdTable::findMany(const IdArena &arena, const QByteArrayView *ids, quint32 *out, size_t count) const
{
    if (m_slots.empty()) {
        std::fill(out, out + count, NoVertex);
        return;
    }
    constexpr size_t Chunk = 32;
    quint64 hashes[Chunk];
    for (size_t base = 0; base < count; base += Chunk) {
        const size_t n = std::min(Chunk, count - base);
        for (size_t i = 0; i < n; ++i) {
            hashes[i] = hash(ids[base + i]);
            CASEGRAPH_PREFETCH(&m_slots[hashes[i] & m_mask]);
        }
        for (size_t i = 0; i < n; ++i) {
            const Slot &s = m_slots[hashes[i] & m_mask];
            if (s.index != NoVertex) {
                CASEGRAPH_PREFETCH(arena.bytes() + (s.place >> 24));
            }
        }
        for (size_t i = 0; i < n; ++i) {
            out[base + i] = find(arena, ids[base + i], hashes[i]);
        }
    }
}

void RowIndex::build(std::vector<std::pair<qint64, quint32>> pairs)
{
    m_dense.clear();
    m_sorted.clear();
    if (pairs.empty()) {
        return;
    }
    const auto [lo, hi] = std::minmax_element(pairs.begin(), pairs.end());
    const qint64 span = hi->first - lo->first + 1;
    if (span <= qint64(pairs.size()) * 4 + 1024) {
        m_base = lo->first;
        m_dense.assign(size_t(span), NoVertex);
        for (const auto &[row, value] : pairs) {
            m_dense[size_t(row - m_base)] = value;
        }
    } else {
        std::sort(pairs.begin(), pairs.end());
        m_sorted = std::move(pairs);
    }
}

quint32 RowIndex::find(qint64 rowId) const
{
    if (!m_dense.empty()) {
        const qint64 i = rowId - m_base;
        return i >= 0 && i < qint64(m_dense.size()) ? m_dense[size_t(i)] : NoVertex;
    }
    const auto it = std::lower_bound(m_sorted.begin(), m_sorted.end(), std::make_pair(rowId, quint32(0)));
    return it != m_sorted.end() && it->first == rowId ? it->second : NoVertex;
}

DaySpan daySpan(QStringView text)
{
    // Fast path for YYYY, YYYY-MM, YYYY-MM-DD (and longer: a time is kept at day resolution).
    const auto digits = [&](qsizetype from, qsizetype count, int &out) {
        out = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const QChar c = text.at(i);
            if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
                return false;
            }
            out = out * 10 + (c.unicode() - '0');
        }
        return true;
    };
    text = text.trimmed();
    int y = 0, m = 0, d = 0;
    DaySpan span;
    if (text.size() == 4 && digits(0, 4, y)) {
        span = {qint32(QDate(y, 1, 1).toJulianDay()), qint32(QDate(y, 12, 31).toJulianDay()), 1};
    } else if (text.size() == 7 && digits(0, 4, y) && text.at(4) == QLatin1Char('-') && digits(5, 2, m) && m >= 1 &&
               m <= 12) {
        const QDate first(y, m, 1);
        span = {qint32(first.toJulianDay()), qint32(first.addMonths(1).addDays(-1).toJulianDay()), 2};
    } else if (text.size() >= 10 && digits(0, 4, y) && text.at(4) == QLatin1Char('-') && digits(5, 2, m) &&
               text.at(7) == QLatin1Char('-') && digits(8, 2, d) && QDate::isValid(y, m, d) &&
               (text.size() == 10 || FtmDate::parse(text.toString()).isValid())) {
        const qint32 day = qint32(QDate(y, m, d).toJulianDay());
        span = {day, day, 3};
    }
    return span;
}

FtmDate dateFromDay(qint32 day, int precision)
{
    if (precision == 0 || day == OpenStart || day == OpenEnd) {
        return {};
    }
    const QString text = QDate::fromJulianDay(day).toString(Qt::ISODate);
    return FtmDate::parse(text.left(precision == 1 ? 4 : precision == 2 ? 7 : 10));
}

void applyPercentage(RelationshipEdge &edge, const PercentageRange &range, bool merge)
{
    if (!range.known) {
        // Unknown text widens a known value to the full range: we cannot tell which is right.
        edge.pctMin = 0;
        edge.pctMax = 100;
        edge.flags &= quint8(~PercentageKnown);
        return;
    }
    if (merge && (edge.flags & PercentageKnown)) {
        edge.pctMin = std::min(edge.pctMin, float(range.min));
        edge.pctMax = std::max(edge.pctMax, float(range.max));
    } else if (!merge) {
        edge.pctMin = float(range.min);
        edge.pctMax = float(range.max);
        edge.flags |= PercentageKnown;
    }
}

PercentageRange PercentageCache::get(const QString &text)
{
    const auto it = m_cache.constFind(text);
    if (it != m_cache.constEnd()) {
        return *it;
    }
    const PercentageRange r = parsePercentage(text);
    if (m_cache.size() < 100000) {
        m_cache.insert(text, r);
    }
    return r;
}

Assembler::Assembler() : m_data(std::make_shared<GraphProjection::Data>())
{
    m_data->properties << QString();
}

quint16 Assembler::schemaIndex(const QString &name)
{
    const auto it = m_schemaIndex.constFind(name);
    if (it != m_schemaIndex.constEnd()) {
        return *it;
    }
    SchemaEntry entry;
    entry.name = name;
    entry.schema = SchemaRegistry::instance().schema(name);
    if (entry.schema) {
        entry.isEdge = entry.schema->isEdge();
        entry.sourceProperty = entry.schema->edgeSource.toUtf8();
        entry.targetProperty = entry.schema->edgeTarget.toUtf8();
        entry.isSupply = entry.schema->isA(QStringLiteral("Supply"));
        entry.isOwnership = entry.schema->isA(QStringLiteral("Ownership"));
        entry.isSanction = entry.schema->isA(QStringLiteral("Sanction"));
        entry.undirected = entry.schema->isUndirectedEdge(); // FtM's edge.directed: false
    }
    const auto index = quint16(m_data->schemata.size());
    m_data->schemata.push_back(entry);
    m_schemaIndex.insert(name, index);
    return index;
}

quint16 Assembler::propertyIndex(const QString &name)
{
    const auto it = m_propertyIndex.constFind(name);
    if (it != m_propertyIndex.constEnd()) {
        return *it;
    }
    const auto index = quint16(m_data->properties.size());
    m_data->properties << name;
    m_propertyIndex.insert(name, index);
    return index;
}

void Assembler::reserve(qsizetype vertices, qsizetype edges)
{
    m_vertices.reserve(size_t(vertices));
    m_edges.reserve(size_t(edges));
    m_data->nodeIds.reserve(vertices, vertices * 16);
}

quint32 Assembler::addVertex(qint64 rowId, QByteArrayView id, quint16 schema)
{
    const quint32 v = quint32(m_vertices.size());
    m_data->nodeIds.add(id);
    m_vertices.push_back(EntityVertex{rowId, v, schema, 0});
    return v;
}

void Assembler::indexIds()
{
    if (m_indexed) {
        return;
    }
    m_indexed = true;
    m_data->nodeById.build(m_data->nodeIds);
    std::vector<std::pair<qint64, quint32>> rows;
    rows.reserve(m_vertices.size());
    for (const auto &v : m_vertices) {
        rows.emplace_back(v.rowId, v.idIndex);
    }
    m_data->nodeByRow.build(std::move(rows));
}

void Assembler::addRelationship(RelationshipEdge e, std::span<const quint32> sources, std::span<const quint32> targets,
                                quint32 manufacturer, quint32 product)
{
    e.manufacturer = manufacturer;
    e.kind = quint8(LinkKind::Relationship);
    if (m_data->schemata[e.schema].undirected) {
        e.flags |= Undirected;
    }
    // A Supply without a supplier runs from its manufacturer.
    const std::span<const quint32> tails = !sources.empty() || manufacturer == NoVertex
                                               ? sources
                                               : std::span<const quint32>(&manufacturer, 1);
    for (const quint32 s : tails) {
        for (const quint32 t : targets) {
            addEdge(s, t, e);
        }
    }
    if (manufacturer != NoVertex) {
        RelationshipEdge m = e;
        m.kind = quint8(LinkKind::Manufacturer);
        for (const quint32 s : sources) {
            if (s != manufacturer) {
                addEdge(manufacturer, s, m);
            }
        }
    }
    if (product != NoVertex) {
        RelationshipEdge p = e;
        p.kind = quint8(LinkKind::Product);
        if (manufacturer != NoVertex) {
            addEdge(product, manufacturer, p);
        } else {
            for (const quint32 s : sources) {
                addEdge(product, s, p);
            }
        }
    }
}

std::shared_ptr<GraphProjection::Data> Assembler::finish()
{
    indexIds();
    auto &d = *m_data;
    for (auto &s : m_sanctions) {
        m_vertices[s.vertex].flags |= Listed;
    }
    std::sort(m_sanctions.begin(), m_sanctions.end(),
              [](const SanctionData &a, const SanctionData &b) { return a.vertex < b.vertex; });
    d.sanctions = std::move(m_sanctions);

    // CSR from the unsorted edge list (a counting sort by source, then the transpose for in-edges).
    m_edges.erase(std::remove_if(m_edges.begin(), m_edges.end(),
                                 [](const PendingEdge &e) { return e.from == NoVertex || e.to == NoVertex; }),
                  m_edges.end());
    // Read the pending edges in place (no copy of 5M edges) through transform iterators.
    struct Ends {
        std::pair<quint32, quint32> operator()(const PendingEdge &e) const { return {e.from, e.to}; }
    };
    struct Props {
        const RelationshipEdge &operator()(const PendingEdge &e) const { return e.edge; }
    };
    d.graph = Graph(boost::edges_are_unsorted_multi_pass, boost::make_transform_iterator(m_edges.cbegin(), Ends()),
                    boost::make_transform_iterator(m_edges.cend(), Ends()),
                    boost::make_transform_iterator(m_edges.cbegin(), Props()), quint32(m_vertices.size()));
    m_edges.clear();
    m_edges.shrink_to_fit();
    for (quint32 v = 0; v < m_vertices.size(); ++v) {
        d.graph[v] = m_vertices[v];
    }
    m_vertices.clear();
    d.builtAt = QDateTime::currentDateTimeUtc();
    return m_data;
}

} // namespace GraphDetail

GraphLink GraphProjection::Data::link(const Edge &e) const
{
    const RelationshipEdge &p = graph[e];
    const Vertex s = boost::source(e, graph);
    const Vertex t = boost::target(e, graph);
    GraphLink l;
    l.from = nodeId(s);
    l.to = nodeId(t);
    l.fromRowId = graph[s].rowId;
    l.toRowId = graph[t].rowId;
    l.relationship = linkId(p);
    l.relationshipRowId = p.rowId;
    l.schema = schemaName(p.schema);
    l.property = properties.value(p.property);
    l.kind = LinkKind(p.kind);
    l.directed = !(p.flags & Undirected);
    l.start = dateFromDay(p.validFrom, startPrecision(p));
    l.end = dateFromDay(p.validUntil, endPrecision(p));
    if (schemata[p.schema].isOwnership) {
        l.percentage.known = p.flags & PercentageKnown;
        l.percentage.min = p.pctMin;
        l.percentage.max = p.pctMax;
    }
    l.evidence = p.evidence;
    return l;
}

std::pair<const SanctionData *, const SanctionData *> GraphProjection::Data::sanctionsOf(quint32 v) const
{
    const auto lo = std::lower_bound(sanctions.begin(), sanctions.end(), v,
                                     [](const SanctionData &s, quint32 x) { return s.vertex < x; });
    auto hi = lo;
    while (hi != sanctions.end() && hi->vertex == v) {
        ++hi;
    }
    return {sanctions.data() + (lo - sanctions.begin()), sanctions.data() + (hi - sanctions.begin())};
}

GraphProjection::GraphProjection() : m_data(GraphDetail::Assembler().finish()) {}
GraphProjection::GraphProjection(std::shared_ptr<const Data> data) : m_data(std::move(data)) {}
GraphProjection::~GraphProjection() = default;
GraphProjection::GraphProjection(const GraphProjection &) = default;
GraphProjection &GraphProjection::operator=(const GraphProjection &) = default;
GraphProjection::GraphProjection(GraphProjection &&) noexcept = default;
GraphProjection &GraphProjection::operator=(GraphProjection &&) noexcept = default;

qsizetype GraphProjection::nodeCount() const
{
    return qsizetype(boost::num_vertices(m_data->graph));
}

qsizetype GraphProjection::linkCount() const
{
    return qsizetype(boost::num_edges(m_data->graph));
}

QDateTime GraphProjection::builtAt() const
{
    return m_data->builtAt;
}

bool GraphProjection::contains(const QString &id) const
{
    return m_data->vertexOf(id) != NoVertex;
}

namespace {
GraphNode makeNode(const GraphProjection::Data &d, quint32 v)
{
    GraphNode n;
    n.rowId = d.graph[v].rowId;
    n.id = d.nodeId(v);
    n.schema = d.schemaName(d.graph[v].schema);
    n.inDegree = int(boost::in_degree(v, d.graph));
    n.outDegree = int(boost::out_degree(v, d.graph));
    const auto [lo, hi] = d.sanctionsOf(v);
    for (auto *s = lo; s != hi; ++s) {
        n.sanctionRowIds << s->rowId;
    }
    return n;
}
} // namespace

std::optional<GraphNode> GraphProjection::node(const QString &id) const
{
    const quint32 v = m_data->vertexOf(id);
    if (v == NoVertex) {
        return std::nullopt;
    }
    return makeNode(*m_data, v);
}

std::optional<GraphNode> GraphProjection::nodeByRowId(qint64 rowId) const
{
    const quint32 v = m_data->nodeByRow.find(rowId);
    if (v == NoVertex) {
        return std::nullopt;
    }
    return makeNode(*m_data, v);
}

void GraphProjection::forEachLink(const std::function<bool(const GraphLink &)> &fn) const
{
    for (const Edge &e : boost::make_iterator_range(boost::edges(m_data->graph))) {
        if (!fn(m_data->link(e))) {
            return;
        }
    }
}

void GraphProjection::forEachLinkRow(const std::function<bool(const GraphLinkRow &)> &fn) const
{
    const Graph &g = m_data->graph;
    GraphLinkRow r;
    for (const Edge &e : boost::make_iterator_range(boost::edges(g))) {
        const RelationshipEdge &p = g[e];
        r.fromRowId = g[boost::source(e, g)].rowId;
        r.toRowId = g[boost::target(e, g)].rowId;
        r.relationshipRowId = p.rowId;
        r.schema = p.schema;
        r.property = p.property;
        r.kind = LinkKind(p.kind);
        r.directed = !(p.flags & Undirected);
        r.validFrom = p.validFrom;
        r.validUntil = p.validUntil;
        r.percentage = PercentageRange();
        if (m_data->schemata[p.schema].isOwnership) {
            r.percentage.known = p.flags & PercentageKnown;
            r.percentage.min = p.pctMin;
            r.percentage.max = p.pctMax;
        }
        r.evidence = p.evidence;
        if (!fn(r)) {
            return;
        }
    }
}

QString GraphProjection::schemaName(quint16 schema) const
{
    return schema < m_data->schemata.size() ? m_data->schemata[schema].name : QString();
}

QString GraphProjection::propertyName(quint16 property) const
{
    return m_data->properties.value(property);
}

QList<GraphLink> GraphProjection::links() const
{
    QList<GraphLink> out;
    out.reserve(linkCount());
    forEachLink([&out](const GraphLink &l) {
        out << l;
        return true;
    });
    return out;
}

QList<SanctionRecord> GraphProjection::sanctions() const
{
    QList<SanctionRecord> out;
    for (const auto &s : m_data->sanctions) {
        out << SanctionRecord{s.rowId, m_data->linkIds.string(s.idIndex), m_data->graph[s.vertex].rowId,
                              m_data->nodeId(s.vertex), s.authorities, s.programs};
    }
    return out;
}

// --- GraphBuilder ---

struct GraphBuilder::Impl {
    Assembler assembler;
    PercentageCache percentages;
    bool indexed = false;
    void index()
    {
        if (!indexed) {
            assembler.indexIds();
            indexed = true;
        }
    }
};

GraphBuilder::GraphBuilder() : d(std::make_unique<Impl>()) {}
GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::reserve(qsizetype nodes, qsizetype relationships)
{
    d->assembler.reserve(nodes, relationships);
}

void GraphBuilder::addNode(qint64 rowId, const QString &id, const QString &schema)
{
    if (d->indexed) {
        qWarning("GraphBuilder: nodes must be added before relationships and sanctions; %s ignored", qPrintable(id));
        return;
    }
    d->assembler.addVertex(rowId, id.toUtf8(), d->assembler.schemaIndex(schema));
}

void GraphBuilder::addRelationship(const Relationship &r)
{
    d->index();
    auto &a = d->assembler;
    auto &data = a.data();
    const quint16 schema = a.schemaIndex(r.schema);
    const SchemaEntry &entry = data.schemata[schema];
    if (!entry.isEdge) {
        return;
    }
    RelationshipEdge e;
    e.rowId = r.rowId;
    e.idIndex = data.linkIds.add(r.id.toUtf8());
    e.schema = schema;
    e.evidence = quint16(std::clamp(r.evidence, 0, 65535));
    DaySpan start = daySpan(r.startDate);
    if (start.precision == 0) {
        start = daySpan(r.date);
    }
    const DaySpan end = daySpan(r.endDate);
    if (start.precision) {
        e.validFrom = start.first;
    }
    if (end.precision) {
        e.validUntil = end.last;
    }
    setPrecisions(e, start.precision, end.precision);
    if (entry.isOwnership) {
        applyPercentage(e, d->percentages.get(r.percentage), false);
    }
    const auto vertexOfRow = [&](qint64 row) { return row ? data.nodeByRow.find(row) : NoVertex; };
    const quint32 s = vertexOfRow(r.source);
    const quint32 t = vertexOfRow(r.target);
    const quint32 m = entry.isSupply ? vertexOfRow(r.manufacturer) : NoVertex;
    a.addRelationship(e, std::span<const quint32>(&s, s == NoVertex ? 0u : 1u),
                      std::span<const quint32>(&t, t == NoVertex ? 0u : 1u), m, NoVertex);
}

void GraphBuilder::addSanction(qint64 rowId, const QString &id, qint64 entityRowId, const QString &authority,
                               const QString &program)
{
    d->index();
    auto &data = d->assembler.data();
    const quint32 v = data.nodeByRow.find(entityRowId);
    if (v == NoVertex) {
        return;
    }
    SanctionData sd;
    sd.rowId = rowId;
    sd.idIndex = data.linkIds.add(id.toUtf8());
    sd.vertex = v;
    if (!authority.isEmpty()) {
        sd.authorities << authority;
    }
    if (!program.isEmpty()) {
        sd.programs << program;
    }
    d->assembler.addSanction(std::move(sd));
}

GraphProjection GraphBuilder::finish()
{
    d->index();
    GraphProjection p(d->assembler.finish());
    d = std::make_unique<Impl>();
    return p;
}

} // namespace Casegraph::Models

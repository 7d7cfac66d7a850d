// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// GraphProjection::fromCase(): the case file → Assembler, in three streaming queries.
#include "graphdata_p.h"

#include "core/schema.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace {

// What an entity row is in the projection: the top two bits say which table the ordinal indexes.
enum RowKind : quint32 { NodeRow = 0u << 30, EdgeRow = 1u << 30, SanctionRow = 2u << 30 };
constexpr quint32 KindMask = 3u << 30;
constexpr quint32 OrdinalMask = ~KindMask;

// Scratch flags of a relationship's pending edge while its statements stream in.
constexpr quint8 PercentageSeen = LoadScratch1;
constexpr quint8 MultiValued = LoadScratch2; ///< more than one source or target: see m_extra*

struct SanctionAcc {
    qint64 rowId = 0;
    quint32 idIndex = 0;
    QVarLengthArray<quint32, 1> targets;
    QStringList authorities;
    QStringList programs;
};

/// The statement properties besides entity references that the projection reads.
const char *const kValueProperties = "('startDate','endDate','date','percentage','authority','program')";

class EdgeLoader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphProjection)
public:
    EdgeLoader(const CaseFile &caseFile, const ProjectionOptions &options)
        : m_db(caseFile.database()), m_options(options)
    {
    }
    Result<std::shared_ptr<GraphProjection::Data>> run();

private:
    Status readEntities();
    Status readEvidence();
    Status readStatements();
    Status readAcceptedMatches();
    void classify(qint64 rowId, QByteArrayView eid, QByteArrayView schema);
    void statement(qint64 rowId, QByteArrayView prop, QByteArrayView value, int flags);
    void edgeStatement(quint32 ordinal, QByteArrayView prop, QByteArrayView value, int flags);
    quint32 vertexOf(QByteArrayView id) const { return m_asm.data().nodeById.find(m_asm.data().nodeIds, id); }
    /// Interns a short name (schema, property) by linear search: there are a few dozen at most.
    static qsizetype lookup(const std::vector<std::pair<QByteArray, quint16>> &cache, QByteArrayView name)
    {
        for (size_t i = 0; i < cache.size(); ++i) {
            if (cache[i].first == name) {
                return qsizetype(i);
            }
        }
        return -1;
    }
    void emitEdges();
    QByteArray idsJson() const;

    Sql::Database &m_db;
    const ProjectionOptions &m_options;
    Assembler m_asm;
    PercentageCache m_percentages;
    std::vector<std::pair<qint64, quint32>> m_codes; ///< row id → RowKind | ordinal
    RowIndex m_rows;
    quint32 m_edgeEntities = 0; ///< pending edges [0, m_edgeEntities) are the relationships, by ordinal
    QHash<quint32, quint32> m_products;  ///< edge ordinal → Supply.productEntity vertex
    QHash<quint32, DaySpan> m_dates;     ///< edge ordinal → `date` span (used without a startDate)
    std::vector<SanctionAcc> m_sanctions;
    std::vector<quint16> m_nodeEvidence;
    QHash<quint32, QList<quint32>> m_extraSources; ///< edge ordinal → second and later sources
    QHash<quint32, QList<quint32>> m_extraTargets;
    std::vector<std::pair<QByteArray, quint16>> m_schemaCache;
    std::vector<std::pair<QByteArray, quint16>> m_propertyCache;
    std::vector<QByteArray> m_ignored;
    QList<qint64> m_scope; ///< subset mode: every entity whose statements are read
};

Result<std::shared_ptr<GraphProjection::Data>> EdgeLoader::run()
{
    if (!m_db.isOpen()) {
        return Error{tr("no case file is open")};
    }
    for (const auto &p : m_options.ignoredProperties) {
        m_ignored.push_back(p.toUtf8());
    }
    if (auto st = readEntities(); !st) {
        return st.error();
    }
    if (auto st = readEvidence(); !st) {
        return st.error();
    }
    if (auto st = readStatements(); !st) {
        return st.error();
    }
    if (auto st = readAcceptedMatches(); !st) {
        return st.error();
    }
    emitEdges();
    return m_asm.finish();
}

QByteArray EdgeLoader::idsJson() const
{
    QByteArray json("[");
    const QList<qint64> &ids = m_scope.isEmpty() ? m_options.entities : m_scope;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i) {
            json += ',';
        }
        json += QByteArray::number(ids.at(i));
    }
    return json + ']';
}

void EdgeLoader::classify(qint64 rowId, QByteArrayView eid, QByteArrayView schemaName)
{
    qsizetype at = lookup(m_schemaCache, schemaName);
    if (at < 0) {
        m_schemaCache.emplace_back(schemaName.toByteArray(), m_asm.schemaIndex(QString::fromUtf8(schemaName)));
        at = qsizetype(m_schemaCache.size() - 1);
    }
    const quint16 schema = m_schemaCache[size_t(at)].second;
    const SchemaEntry &entry = m_asm.data().schemata[schema];
    if (entry.isEdge) {
        // The relationship's main edge is filled in place as its statements arrive.
        RelationshipEdge e;
        e.rowId = rowId;
        e.idIndex = m_asm.data().linkIds.add(eid);
        e.schema = schema;
        m_codes.emplace_back(rowId, EdgeRow | m_edgeEntities++);
        m_asm.addEdge(NoVertex, NoVertex, e);
    } else if (entry.isSanction) {
        SanctionAcc acc;
        acc.rowId = rowId;
        acc.idIndex = m_asm.data().linkIds.add(eid);
        m_codes.emplace_back(rowId, SanctionRow | quint32(m_sanctions.size()));
        m_sanctions.push_back(acc);
    } else {
        m_codes.emplace_back(rowId, NodeRow | m_asm.addVertex(rowId, eid, schema));
    }
}

Status EdgeLoader::readEntities()
{
    const bool subset = !m_options.entities.isEmpty();
    if (!subset) {
        // Counts per schema (from the entity_schema index) size every array up front.
        auto count = m_db.prepare(QStringLiteral("SELECT schema, count(*) FROM entity GROUP BY schema"));
        if (!count) {
            return count.error();
        }
        qint64 nodes = 0, edges = 0, sanctions = 0;
        while ((*count)->step()) {
            const Schema *spec = SchemaRegistry::instance().schema((*count)->text(0));
            const qint64 n = (*count)->int64(1);
            if (spec && spec->isEdge()) {
                edges += n;
            } else if (spec && spec->isA(QStringLiteral("Sanction"))) {
                sanctions += n;
            } else {
                nodes += n;
            }
        }
        m_codes.reserve(size_t(nodes + edges + sanctions));
        m_sanctions.reserve(size_t(sanctions));
        m_asm.reserve(nodes, edges + edges / 4);
        auto all = m_db.prepare(QStringLiteral("SELECT id, eid, schema FROM entity"));
        if (!all) {
            return all.error();
        }
        auto &s = **all;
        while (s.step()) {
            classify(s.int64(0), s.view(1), s.view(2));
        }
        if (s.hasError()) {
            return Error{s.error()};
        }
    } else {
        // The chosen nodes, then the relationships and sanctions that reference any of them.
        const QByteArray json = idsJson();
        auto nodes = m_db.prepare(
            QStringLiteral("SELECT id, eid, schema FROM entity WHERE id IN (SELECT value FROM json_each(?1))"));
        auto links = m_db.prepare(QStringLiteral(
            "SELECT DISTINCT e.id, e.eid, e.schema FROM statement s JOIN entity e ON e.id = s.entity "
            "WHERE s.flags & 4 AND s.value IN (SELECT eid FROM entity WHERE id IN (SELECT value FROM json_each(?1)))"));
        if (!nodes || !links) {
            return Error{m_db.lastError()};
        }
        QSet<qint64> seen;
        (*nodes)->bind(1, json);
        while ((*nodes)->step()) {
            const qint64 row = (*nodes)->int64(0);
            const QByteArray schema = (*nodes)->blob(2);
            const auto *spec = SchemaRegistry::instance().schema(QString::fromUtf8(schema));
            if (spec && (spec->isEdge() || spec->isA(QStringLiteral("Sanction")))) {
                continue; // a relationship in the set is drawn through its ends
            }
            classify(row, (*nodes)->view(1), schema);
            seen.insert(row);
            m_scope << row;
        }
        (*links)->bind(1, json);
        while ((*links)->step()) {
            const qint64 row = (*links)->int64(0);
            if (seen.contains(row)) {
                continue;
            }
            const QByteArray schema = (*links)->blob(2);
            const auto *spec = SchemaRegistry::instance().schema(QString::fromUtf8(schema));
            if (!spec || !(spec->isEdge() || spec->isA(QStringLiteral("Sanction")))) {
                continue; // a node outside the set: its references are not drawn
            }
            classify(row, (*links)->view(1), schema);
            m_scope << row;
        }
    }
    m_rows.build(std::move(m_codes));
    m_codes = {};
    m_asm.indexIds();
    m_nodeEvidence.assign(m_asm.vertexCount(), 0);
    return {};
}

Status EdgeLoader::readEvidence()
{
    // One grouped query: excerpts of the claims on each entity.
    const bool subset = !m_options.entities.isEmpty();
    auto q = m_db.prepare(subset ? QStringLiteral("SELECT c.entity, count(*) FROM claim c JOIN excerpt x ON x.claim = c.id "
                                                  "WHERE c.entity IN (SELECT value FROM json_each(?1)) GROUP BY c.entity")
                                 : QStringLiteral("SELECT c.entity, count(*) FROM claim c JOIN excerpt x ON x.claim = c.id "
                                                  "GROUP BY c.entity"));
    if (!q) {
        return q.error();
    }
    if (subset) {
        (*q)->bind(1, idsJson());
    }
    while ((*q)->step()) {
        const quint32 code = m_rows.find((*q)->int64(0));
        if (code == NoVertex) {
            continue;
        }
        const auto n = quint16(std::min<qint64>((*q)->int64(1), 65535));
        switch (code & KindMask) {
        case NodeRow:
            m_nodeEvidence[code & OrdinalMask] = n;
            break;
        case EdgeRow:
            m_asm.pendingEdges()[code & OrdinalMask].edge.evidence = n;
            break;
        default:
            break;
        }
    }
    return (*q)->hasError() ? Status(Error{(*q)->error()}) : Status();
}

Status EdgeLoader::readStatements()
{
    const bool subset = !m_options.entities.isEmpty();
    const QString where = QStringLiteral("(flags & 4 OR prop IN ") + QLatin1String(kValueProperties) + QLatin1Char(')');
    auto q = m_db.prepare(subset ? QStringLiteral("SELECT entity, prop, value, flags FROM statement WHERE entity IN "
                                                  "(SELECT value FROM json_each(?1)) AND ") + where
                                 : QStringLiteral("SELECT entity, prop, value, flags FROM statement WHERE ") + where);
    if (!q) {
        return q.error();
    }
    if (subset) {
        (*q)->bind(1, idsJson());
    }
    auto &s = **q;
    while (s.step()) {
        statement(s.int64(0), s.view(1), s.view(2), int(s.int64(3)));
    }
    return s.hasError() ? Status(Error{s.error()}) : Status();
}

Status EdgeLoader::readAcceptedMatches()
{
    // A screening match the user accepted makes the case entity listed, like a Sanction entity in
    // the case would: its row id is the decision's, negated, and its id the listed entry's Sanction.
    if (m_db.userVersion() < 4) {
        return {}; // a read-only older file has no screening tables
    }
    auto q = m_db.prepare(QStringLiteral("SELECT a.id, e.eid, a.entry, a.authority, a.program FROM screening_accepted a "
                                         "JOIN entity e ON e.id = a.entity"));
    if (!q) {
        return q.error();
    }
    auto &s = **q;
    while (s.step()) {
        const quint32 v = vertexOf(s.view(1));
        if (v == NoVertex) {
            continue;
        }
        SanctionAcc acc;
        acc.rowId = -s.int64(0);
        acc.idIndex = m_asm.data().linkIds.add(QByteArray(s.view(2).toByteArray() + "-sanction"));
        acc.targets.append(v);
        acc.authorities = s.text(3).split(QStringLiteral("; "), Qt::SkipEmptyParts);
        acc.programs = s.text(4).split(QStringLiteral("; "), Qt::SkipEmptyParts);
        m_sanctions.push_back(std::move(acc));
    }
    return s.hasError() ? Status(Error{s.error()}) : Status();
}

void EdgeLoader::statement(qint64 rowId, QByteArrayView prop, QByteArrayView value, int flags)
{
    const quint32 code = m_rows.find(rowId);
    if (code == NoVertex) {
        return;
    }
    const quint32 ordinal = code & OrdinalMask;
    switch (code & KindMask) {
    case EdgeRow:
        edgeStatement(ordinal, prop, value, flags);
        return;
    case SanctionRow: {
        SanctionAcc &s = m_sanctions[ordinal];
        if (prop == "entity" && (flags & Reference)) {
            const quint32 v = vertexOf(value);
            if (v != NoVertex) {
                s.targets.append(v);
            }
        } else if (prop == "authority") {
            s.authorities << QString::fromUtf8(value);
        } else if (prop == "program") {
            s.programs << QString::fromUtf8(value);
        }
        return;
    }
    default:
        break;
    }
    // A node's own entity property: a Reference edge holder → target.
    if (!(flags & Reference) || !m_options.includeReferences) {
        return;
    }
    for (const QByteArray &ignored : m_ignored) {
        if (ignored == prop) {
            return;
        }
    }
    const quint32 target = vertexOf(value);
    if (target == NoVertex || target == ordinal) {
        return;
    }
    qsizetype at = lookup(m_propertyCache, prop);
    if (at < 0) {
        m_propertyCache.emplace_back(prop.toByteArray(), m_asm.propertyIndex(QString::fromUtf8(prop)));
        at = qsizetype(m_propertyCache.size() - 1);
    }
    RelationshipEdge e;
    e.rowId = rowId;
    e.idIndex = ordinal; // the holder's id, in nodeIds
    e.kind = quint8(LinkKind::Reference);
    e.property = m_propertyCache[size_t(at)].second;
    e.evidence = m_nodeEvidence[ordinal];
    e.schema = m_asm.vertexSchema(ordinal);
    m_asm.addEdge(ordinal, target, e);
}

void EdgeLoader::edgeStatement(quint32 ordinal, QByteArrayView prop, QByteArrayView value, int flags)
{
    auto &pending = m_asm.pendingEdges()[ordinal];
    RelationshipEdge &e = pending.edge;
    const SchemaEntry &entry = m_asm.data().schemata[e.schema];
    if (flags & Reference) {
        const bool isSource = prop == entry.sourceProperty;
        const bool isTarget = !isSource && prop == entry.targetProperty;
        const bool isManufacturer = entry.isSupply && prop == "manufacturer";
        const bool isProduct = entry.isSupply && prop == "productEntity";
        if (!isSource && !isTarget && !isManufacturer && !isProduct) {
            return;
        }
        const quint32 v = vertexOf(value);
        if (v == NoVertex) {
            return; // dangling, or a reference to another relationship
        }
        const auto put = [&](quint32 &slot, QHash<quint32, QList<quint32>> &extra) {
            if (slot == NoVertex) {
                slot = v;
            } else if (slot != v && !extra[ordinal].contains(v)) {
                extra[ordinal] << v;
                e.flags |= MultiValued;
            }
        };
        if (isSource) {
            put(pending.from, m_extraSources);
        } else if (isTarget) {
            put(pending.to, m_extraTargets);
        } else if (isManufacturer) {
            if (e.manufacturer == NoVertex) {
                e.manufacturer = v; // the first manufacturer named
            }
        } else if (!m_products.contains(ordinal)) {
            m_products.insert(ordinal, v);
        }
        return;
    }
    if (prop == "startDate") {
        const DaySpan span = daySpan(QString::fromUtf8(value));
        if (span.precision && (startPrecision(e) == 0 || span.first < e.validFrom)) {
            e.validFrom = span.first;
            setPrecisions(e, span.precision, endPrecision(e));
        }
    } else if (prop == "date") {
        const DaySpan span = daySpan(QString::fromUtf8(value));
        if (span.precision) {
            const auto it = m_dates.constFind(ordinal);
            if (it == m_dates.constEnd() || span.first < it->first) {
                m_dates.insert(ordinal, span);
            }
        }
    } else if (prop == "endDate") {
        const DaySpan span = daySpan(QString::fromUtf8(value));
        if (span.precision && (endPrecision(e) == 0 || span.last > e.validUntil)) {
            e.validUntil = span.last;
            setPrecisions(e, startPrecision(e), span.precision);
        }
    } else if (prop == "percentage" && entry.isOwnership) {
        applyPercentage(e, m_percentages.get(QString::fromUtf8(value)), e.flags & PercentageSeen);
        e.flags |= PercentageSeen;
    }
}

void EdgeLoader::emitEdges()
{
    auto &pending = m_asm.pendingEdges();
    for (quint32 i = 0; i < m_edgeEntities; ++i) {
        RelationshipEdge e = pending[i].edge;
        const quint32 from = pending[i].from;
        const quint32 to = pending[i].to;
        if (startPrecision(e) == 0) {
            const auto it = m_dates.constFind(i);
            if (it != m_dates.constEnd()) {
                e.validFrom = it->first;
                setPrecisions(e, it->precision, endPrecision(e));
            }
        }
        const bool multi = e.flags & MultiValued;
        e.flags &= quint8(~(PercentageSeen | MultiValued));
        const quint32 product = m_products.value(i, NoVertex);
        const bool simple = !multi && product == NoVertex && from != NoVertex &&
                            (e.manufacturer == NoVertex || e.manufacturer == from);
        if (simple) {
            // The usual case: one edge source → target, already in place (dropped if an end is missing).
            e.kind = quint8(LinkKind::Relationship);
            if (m_asm.data().schemata[e.schema].undirected) {
                e.flags |= Undirected;
            }
            pending[i].edge = e;
            continue;
        }
        QVarLengthArray<quint32, 2> sources, targets;
        if (from != NoVertex) {
            sources.append(from);
        }
        if (to != NoVertex) {
            targets.append(to);
        }
        if (multi) {
            for (const quint32 v : m_extraSources.value(i)) {
                sources.append(v);
            }
            for (const quint32 v : m_extraTargets.value(i)) {
                targets.append(v);
            }
        }
        pending[i].from = NoVertex; // replaced by the edges addRelationship() appends
        m_asm.addRelationship(e, std::span<const quint32>(sources.data(), size_t(sources.size())),
                              std::span<const quint32>(targets.data(), size_t(targets.size())), e.manufacturer,
                              product);
    }
    for (auto &s : m_sanctions) {
        for (const quint32 v : s.targets) {
            SanctionData d;
            d.rowId = s.rowId;
            d.idIndex = s.idIndex;
            d.vertex = v;
            d.authorities = s.authorities;
            d.programs = s.programs;
            m_asm.addSanction(std::move(d));
        }
    }
    m_sanctions = {};
}

} // namespace

Result<GraphProjection> GraphProjection::fromCase(const CaseFile &caseFile, const ProjectionOptions &options)
{
    EdgeLoader loader(caseFile, options);
    auto data = loader.run();
    if (!data) {
        return data.error();
    }
    return GraphProjection(std::move(data).value());
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// GraphProjection::fromCase(): the case file → Assembler, from GraphScan's streaming reads.
#include "graphdata_p.h"

#include "core/schema.h"
#include "storage/casefile.h"
#include "storage/graphscan.h"

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
const QList<QByteArray> kValueProperties = {"startDate", "endDate", "date", "percentage", "authority", "program"};

class EdgeLoader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphProjection)
public:
    EdgeLoader(const CaseFile &caseFile, const ProjectionOptions &options)
        : m_caseFile(caseFile), m_scan(caseFile, options.cancel, options.progress), m_options(options)
    {
    }
    Result<std::shared_ptr<GraphProjection::Data>> run();

private:
    Status readEntities();
    Status readEvidence();
    Status readStatements();
    Status readAcceptedMatches();
    void classify(qint64 rowId, QByteArrayView eid, QByteArrayView schema);
    /// One statement of an entity in the projection; `target` is the vertex a reference names
    /// (resolved for a whole batch at once), NoVertex for other values.
    void statement(quint32 code, qint64 rowId, QByteArrayView prop, QByteArrayView value, int flags, quint32 target);
    void edgeStatement(quint32 ordinal, QByteArrayView prop, QByteArrayView value, int flags, quint32 target);
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
    /// False when the cancel flag stopped it.
    bool emitEdges();

    const CaseFile &m_caseFile;
    GraphScan m_scan;
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
    if (!m_caseFile.isOpen()) {
        return Error{tr("no case file is open")};
    }
    for (const auto &p : m_options.ignoredProperties) {
        m_ignored.push_back(p.toUtf8());
    }
    // Each read stops by itself when the cancel flag is set (GraphScan looks at it every few
    // thousand rows); the flag is also looked at before each read, so that a flag set before
    // the build or in a short read stops it too.
    using Read = Status (EdgeLoader::*)();
    for (const Read read : {&EdgeLoader::readEntities, &EdgeLoader::readEvidence, &EdgeLoader::readStatements,
                            &EdgeLoader::readAcceptedMatches}) {
        if (m_scan.isCancelled()) {
            return GraphScan::cancelledError();
        }
        if (auto st = (this->*read)(); !st) {
            return st.error();
        }
        if (read == &EdgeLoader::readEntities && !m_options.entities.isEmpty() && m_scope.isEmpty()) {
            return m_asm.finish(); // none of the chosen entities exists (an empty scope would read everything)
        }
    }
    if (!emitEdges() || m_scan.isCancelled()) {
        return GraphScan::cancelledError();
    }
    return m_asm.finish();
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
        qint64 nodes = 0, edges = 0, sanctions = 0;
        auto counted = m_scan.schemaCounts([&](QByteArrayView schema, qint64 n) {
            const Schema *spec = SchemaRegistry::instance().schema(QString::fromUtf8(schema));
            if (spec && spec->isEdge()) {
                edges += n;
            } else if (spec && spec->isA(QStringLiteral("Sanction"))) {
                sanctions += n;
            } else {
                nodes += n;
            }
        });
        if (!counted) {
            return counted.error();
        }
        m_codes.reserve(size_t(nodes + edges + sanctions));
        m_sanctions.reserve(size_t(sanctions));
        m_asm.reserve(nodes, edges + edges / 4);
        auto all = m_scan.entities({}, [&](qint64 row, QByteArrayView eid, QByteArrayView schema) {
            classify(row, eid, schema);
        });
        if (!all) {
            return all.error();
        }
    } else {
        // The chosen nodes, then the relationships and sanctions that reference any of them.
        QSet<qint64> seen;
        const auto isLink = [](QByteArrayView schema) {
            const auto *spec = SchemaRegistry::instance().schema(QString::fromUtf8(schema));
            return spec && (spec->isEdge() || spec->isA(QStringLiteral("Sanction")));
        };
        auto nodes = m_scan.entities(m_options.entities, [&](qint64 row, QByteArrayView eid, QByteArrayView schema) {
            if (isLink(schema)) {
                return; // a relationship in the set is drawn through its ends
            }
            classify(row, eid, schema);
            seen.insert(row);
            m_scope << row;
        });
        if (!nodes) {
            return nodes.error();
        }
        auto links = m_scan.referencing(m_options.entities, [&](qint64 row, QByteArrayView eid, QByteArrayView schema) {
            if (seen.contains(row) || !isLink(schema)) {
                return; // a node outside the set: its references are not drawn
            }
            classify(row, eid, schema);
            m_scope << row;
        });
        if (!links) {
            return links.error();
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
    return m_scan.excerptCounts(m_scope, [&](qint64 entity, qint64 count) {
        const quint32 code = m_rows.find(entity);
        if (code == NoVertex) {
            return;
        }
        const auto n = quint16(std::min<qint64>(count, 65535));
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
    });
}

Status EdgeLoader::readStatements()
{
    // Rows are copied into a batch so that the ids of all its references are looked up together
    // (IdTable::findMany overlaps their cache misses): most of the time goes to those lookups.
    struct Row {
        qint64 rowId;
        quint32 code;
        int flags;
        size_t prop, propSize, value, valueSize; ///< in `bytes`
    };
    constexpr size_t BatchRows = 1024;
    std::vector<Row> rows;
    rows.reserve(BatchRows);
    std::vector<char> bytes;
    bytes.reserve(64 * 1024);
    std::vector<QByteArrayView> refs;
    std::vector<quint32> targets(BatchRows);
    refs.reserve(BatchRows);
    const auto &d = m_asm.data();
    const auto flush = [&] {
        const auto view = [&](size_t at, size_t size) { return QByteArrayView(bytes.data() + at, qsizetype(size)); };
        refs.clear();
        for (const Row &r : rows) {
            if (r.flags & Reference) {
                refs.push_back(view(r.value, r.valueSize));
            }
        }
        d.nodeById.findMany(d.nodeIds, refs.data(), targets.data(), refs.size());
        size_t k = 0;
        for (const Row &r : rows) {
            const quint32 target = (r.flags & Reference) ? targets[k++] : NoVertex;
            statement(r.code, r.rowId, view(r.prop, r.propSize), view(r.value, r.valueSize), r.flags, target);
        }
        rows.clear();
        bytes.clear();
    };
    auto read = m_scan.statements(m_scope, kValueProperties,
                                  [&](qint64 rowId, QByteArrayView prop, QByteArrayView value, int flags) {
                                      const quint32 code = m_rows.find(rowId);
                                      if (code == NoVertex) {
                                          return;
                                      }
                                      rows.push_back(Row{rowId, code, flags, bytes.size(), size_t(prop.size()),
                                                         bytes.size() + size_t(prop.size()), size_t(value.size())});
                                      bytes.insert(bytes.end(), prop.begin(), prop.end());
                                      bytes.insert(bytes.end(), value.begin(), value.end());
                                      if (rows.size() == BatchRows) {
                                          flush();
                                      }
                                  });
    if (!read) {
        return read; // the batch left is not worth the work
    }
    flush();
    return read;
}

Status EdgeLoader::readAcceptedMatches()
{
    // A screening match the user accepted makes the case entity listed, like a Sanction entity in
    // the case would: its row id is the decision's, negated, and its id the listed entry's Sanction.
    const auto &d = m_asm.data();
    return m_scan.acceptedMatches([&](qint64 decision, QByteArrayView entity, QByteArrayView entry,
                                      const QString &authorities, const QString &programs) {
        const quint32 v = d.nodeById.find(d.nodeIds, entity);
        if (v == NoVertex) {
            return;
        }
        SanctionAcc acc;
        acc.rowId = -decision;
        acc.idIndex = m_asm.data().linkIds.add(QByteArray(entry.toByteArray() + "-sanction"));
        acc.targets.append(v);
        acc.authorities = authorities.split(QStringLiteral("; "), Qt::SkipEmptyParts);
        acc.programs = programs.split(QStringLiteral("; "), Qt::SkipEmptyParts);
        m_sanctions.push_back(std::move(acc));
    });
}

void EdgeLoader::statement(quint32 code, qint64 rowId, QByteArrayView prop, QByteArrayView value, int flags,
                           quint32 target)
{
    const quint32 ordinal = code & OrdinalMask;
    switch (code & KindMask) {
    case EdgeRow:
        edgeStatement(ordinal, prop, value, flags, target);
        return;
    case SanctionRow: {
        SanctionAcc &s = m_sanctions[ordinal];
        if (prop == "entity" && (flags & Reference)) {
            if (target != NoVertex) {
                s.targets.append(target);
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

void EdgeLoader::edgeStatement(quint32 ordinal, QByteArrayView prop, QByteArrayView value, int flags, quint32 target)
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
        const quint32 v = target;
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

bool EdgeLoader::emitEdges()
{
    auto &pending = m_asm.pendingEdges();
    for (quint32 i = 0; i < m_edgeEntities; ++i) {
        if ((i & (GraphScan::CheckInterval - 1)) == 0 && m_scan.isCancelled()) {
            return false;
        }
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
    return true;
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

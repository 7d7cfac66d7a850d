// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"
#include "charticons.h"

#include "analytics/graphprojection.h"
#include "core/entity.h"
#include "core/schema.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/graphscan.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <set>
#include <array>
#include <unordered_map>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
/// Relationship entities are read one by one for their labels only up to this many edges; larger
/// charts label edges from what the projection holds (schema, percentage).
constexpr qsizetype DetailLimit = 5000;

Confidence confidenceOf(int sources)
{
    return Models::supportLevelOf(sources);
}

/// Removes the same rows from every column of a structure-of-arrays table: row i stays where
/// keep[i] is set, in order. Columns are compacted one after the other (a tight loop each) from
/// the first dropped row on; the rows before it do not move.
class Compaction {
public:
    explicit Compaction(std::vector<char> keep) : m_keep(std::move(keep))
    {
        m_first = size_t(std::find(m_keep.begin(), m_keep.end(), 0) - m_keep.begin());
        m_kept = m_first + size_t(std::count_if(m_keep.begin() + qsizetype(m_first), m_keep.end(), [](char k) { return k != 0; }));
    }
    bool keeps(size_t row) const { return m_keep[row]; }
    size_t kept() const { return m_kept; }
    /// Whether the dropped rows are all after the kept ones (the kept rows keep their indexes).
    bool dropsTailOnly() const { return m_first == m_kept; }
    template<typename... Columns> void apply(Columns &...columns) const { (compact(columns), ...); }

private:
    template<typename T> void compact(std::vector<T> &column) const
    {
        size_t k = m_first;
        for (size_t i = m_first; i < m_keep.size(); ++i) {
            if (m_keep[i]) {
                column[k++] = std::move(column[i]);
            }
        }
        column.resize(m_kept);
    }
    std::vector<char> m_keep;
    size_t m_first = 0, m_kept = 0;
};
} // namespace

TimeFilter TimeFilter::asOf(const QDate &date)
{
    return range(date, date);
}

TimeFilter TimeFilter::range(const QDate &from, const QDate &to)
{
    TimeFilter f;
    f.enabled = true;
    f.from = from.isValid() ? qint32(from.toJulianDay()) : OpenStartDay;
    f.to = to.isValid() ? qint32(to.toJulianDay()) : OpenEndDay;
    return f;
}

bool ChartData::isEdgeVisible(qint32 edge) const
{
    const size_t e = size_t(edge);
    return !(edgeFlags[e] & EdgeFiltered) && isVisible(edgeFrom[e]) && isVisible(edgeTo[e]);
}

QRectF ChartData::bounds() const
{
    float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
    for (qint32 i = 0; i < nodeCount(); ++i) {
        if (!isVisible(i)) {
            continue;
        }
        x0 = std::min(x0, x[size_t(i)]);
        x1 = std::max(x1, x[size_t(i)]);
        y0 = std::min(y0, y[size_t(i)]);
        y1 = std::max(y1, y[size_t(i)]);
    }
    return x0 > x1 ? QRectF() : QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

quint32 ChartData::intern(QStringList &table, const QString &s)
{
    if (&table == &labels) {
        auto it = m_labelIndex.constFind(s);
        if (it != m_labelIndex.constEnd()) {
            return *it;
        }
        labels << s;
        return m_labelIndex.insert(s, quint32(labels.size() - 1)).value();
    }
    const qsizetype i = table.indexOf(s);
    if (i >= 0) {
        return quint32(i);
    }
    table << s;
    return quint32(table.size() - 1);
}

qint32 ChartData::addNode(qint64 rowId, const QString &schema, const QString &label, QPointF pos, quint8 flags)
{
    const qint32 i = qint32(nodeRowId.size());
    measures = {}; // by node index: computed again for the new nodes
    nodeRowId.push_back(rowId);
    x.push_back(float(pos.x()));
    y.push_back(float(pos.y()));
    nodeIcon.push_back(ChartIcons::forSchema(schema));
    nodeFlags.push_back(flags);
    nodeSchema.push_back(quint16(intern(schemata, schema)));
    nodeGroup.push_back(0);
    nodeLabel.push_back(label);
    m_index.insert(rowId, i);
    return i;
}

void ChartData::addEdge(qint32 from, qint32 to, const QString &schema, const QString &label, Confidence confidence,
                        bool directed, qint32 validFrom, qint32 validUntil, qint64 relationshipRowId)
{
    edgeFrom.push_back(from);
    edgeTo.push_back(to);
    edgeValidFrom.push_back(validFrom);
    edgeValidUntil.push_back(validUntil);
    edgeLabel.push_back(intern(labels, label));
    edgeSchema.push_back(quint16(intern(schemata, schema)));
    edgeCurve.push_back(0);
    edgeConfidence.push_back(quint8(confidence));
    edgeFlags.push_back(directed ? EdgeDirected : 0);
    edgeRelationship.push_back(relationshipRowId);
}

void ChartData::removeNodes(std::vector<qint32> nodes)
{
    measures = {};
    std::vector<char> keepNode(nodeRowId.size(), 1);
    for (const qint32 n : nodes) {
        keepNode[size_t(n)] = 0;
    }
    const Compaction nodeRows(std::move(keepNode));
    // Nodes dropped from the end only (ChartGroups appends its nodes after the real ones) leave
    // the other nodes' indexes as they were: the index loses their entries and edges keep theirs.
    const bool renumbered = !nodeRows.dropsTailOnly();
    std::vector<qint32> newIndex;
    if (renumbered) {
        newIndex.assign(nodeRowId.size(), -1);
        qint32 k = 0;
        for (size_t i = 0; i < nodeRowId.size(); ++i) {
            newIndex[i] = nodeRows.keeps(i) ? k++ : -1;
        }
    } else {
        for (size_t i = nodeRows.kept(); i < nodeRowId.size(); ++i) {
            m_index.remove(nodeRowId[i]);
        }
    }
    nodeRows.apply(nodeRowId, x, y, nodeIcon, nodeFlags, nodeSchema, nodeGroup, nodeLabel);
    if (renumbered) {
        m_index.clear();
        for (size_t i = 0; i < nodeRowId.size(); ++i) {
            m_index.insert(nodeRowId[i], qint32(i));
        }
    }
    std::vector<char> keepEdge(edgeFrom.size());
    for (size_t e = 0; e < edgeFrom.size(); ++e) {
        keepEdge[e] = nodeRows.keeps(size_t(edgeFrom[e])) && nodeRows.keeps(size_t(edgeTo[e]));
    }
    Compaction(std::move(keepEdge))
        .apply(edgeFrom, edgeTo, edgeValidFrom, edgeValidUntil, edgeLabel, edgeSchema, edgeCurve, edgeConfidence,
               edgeFlags, edgeRelationship);
    if (renumbered) {
        for (size_t e = 0; e < edgeFrom.size(); ++e) {
            edgeFrom[e] = newIndex[size_t(edgeFrom[e])];
            edgeTo[e] = newIndex[size_t(edgeTo[e])];
        }
    }
}

void ChartData::assignCurves()
{
    // Edges between the same two nodes (either direction) get slots -k … k around the straight
    // line. Sorting (pair, edge) triples groups them without a map node per pair.
    std::vector<std::array<qint32, 3>> keys(edgeFrom.size());
    for (size_t e = 0; e < edgeFrom.size(); ++e) {
        const auto [lo, hi] = std::minmax(edgeFrom[e], edgeTo[e]);
        keys[e] = {lo, hi, qint32(e)};
    }
    std::sort(keys.begin(), keys.end());
    for (size_t first = 0; first < keys.size();) {
        size_t last = first + 1;
        while (last < keys.size() && keys[last][0] == keys[first][0] && keys[last][1] == keys[first][1]) {
            ++last;
        }
        const int n = int(last - first);
        for (int i = 0; i < n; ++i) {
            const size_t e = size_t(keys[first + size_t(i)][2]);
            // Slots in half steps: 2 edges → -1, +1; 3 → -2, 0, 2. The sign follows the edge's
            // direction relative to the pair so reversed edges bend to the other side correctly.
            int slot = 2 * i - (n - 1);
            if (edgeFrom[e] != keys[first][0]) {
                slot = -slot;
            }
            edgeCurve[e] = qint8(std::clamp(slot, -120, 120));
        }
        first = last;
    }
}

void ChartData::applyFilters(const TimeFilter &time, const QStringList &hiddenNodeSchemata,
                             const QStringList &hiddenEdgeSchemata)
{
    std::vector<char> hideSchema(size_t(schemata.size()), 0), hideEdgeSchema(size_t(schemata.size()), 0);
    for (qsizetype i = 0; i < schemata.size(); ++i) {
        hideSchema[size_t(i)] = hiddenNodeSchemata.contains(schemata.at(i));
        hideEdgeSchema[size_t(i)] = hiddenEdgeSchemata.contains(schemata.at(i));
    }
    for (size_t i = 0; i < nodeFlags.size(); ++i) {
        nodeFlags[i] = hideSchema[nodeSchema[i]] ? (nodeFlags[i] | NodeFiltered) : (nodeFlags[i] & ~NodeFiltered);
    }
    for (size_t e = 0; e < edgeFlags.size(); ++e) {
        const bool out = hideEdgeSchema[edgeSchema[e]] || !time.accepts(edgeValidFrom[e], edgeValidUntil[e]);
        edgeFlags[e] = out ? (edgeFlags[e] | EdgeFiltered) : (edgeFlags[e] & ~EdgeFiltered);
    }
}

void ChartData::clearHighlight()
{
    for (auto &f : nodeFlags) {
        f &= ~NodeHighlighted;
    }
    for (auto &f : edgeFlags) {
        f &= ~EdgeHighlighted;
    }
}

bool ChartData::highlightPath(qint32 from, qint32 to)
{
    clearHighlight();
    const size_t n = nodeRowId.size();
    for (const bool anyDirection : {false, true}) {
        std::vector<std::vector<std::pair<qint32, qint32>>> adj(n); // (neighbour, edge)
        for (size_t e = 0; e < edgeFrom.size(); ++e) {
            if (!isEdgeVisible(qint32(e))) {
                continue;
            }
            adj[size_t(edgeFrom[e])].emplace_back(edgeTo[e], qint32(e));
            if (anyDirection || !(edgeFlags[e] & EdgeDirected)) {
                adj[size_t(edgeTo[e])].emplace_back(edgeFrom[e], qint32(e));
            }
        }
        std::vector<qint32> via(n, -2); // edge used to reach a node; -1 for the start
        std::vector<qint32> queue{from};
        via[size_t(from)] = -1;
        for (size_t k = 0; k < queue.size() && via[size_t(to)] == -2; ++k) {
            for (const auto &[w, e] : adj[size_t(queue[k])]) {
                if (via[size_t(w)] == -2) {
                    via[size_t(w)] = e;
                    queue.push_back(w);
                }
            }
        }
        if (via[size_t(to)] == -2) {
            continue;
        }
        for (qint32 v = to; v != from;) {
            nodeFlags[size_t(v)] |= NodeHighlighted;
            const size_t e = size_t(via[size_t(v)]);
            edgeFlags[e] |= EdgeHighlighted;
            v = edgeFrom[e] == v ? edgeTo[e] : edgeFrom[e];
        }
        nodeFlags[size_t(from)] |= NodeHighlighted;
        return true;
    }
    return false;
}

int ChartData::highlightRows(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds, bool asPath)
{
    clearHighlight();
    int marked = 0;
    for (const qint64 row : entityRowIds) {
        if (const qint32 i = indexOf(row); i >= 0 && !(nodeFlags[size_t(i)] & NodeHighlighted)) {
            nodeFlags[size_t(i)] |= NodeHighlighted;
            ++marked;
        }
    }
    // Each allowed edge as (relationship, lower end, higher end): direction does not matter here.
    const auto key = [](qint64 relationship, qint64 a, qint64 b) {
        return std::array<qint64, 3>{relationship, std::min(a, b), std::max(a, b)};
    };
    std::set<std::array<qint64, 3>> hops;
    if (asPath) {
        for (qsizetype k = 0; k < relationshipRowIds.size() && k + 1 < entityRowIds.size(); ++k) {
            hops.insert(key(relationshipRowIds.at(k), entityRowIds.at(k), entityRowIds.at(k + 1)));
        }
    }
    // A listed relationship that joins no consecutive pair (lists that only have a path's shape,
    // such as an entity with two owners) lights like a set: every edge between listed entities.
    QSet<qint64> relationships(relationshipRowIds.cbegin(), relationshipRowIds.cend());
    if (asPath) {
        for (size_t e = 0; e < edgeFrom.size(); ++e) {
            if (hops.count(key(edgeRelationship[e], nodeRowId[size_t(edgeFrom[e])], nodeRowId[size_t(edgeTo[e])]))) {
                edgeFlags[e] |= EdgeHighlighted;
                relationships.remove(edgeRelationship[e]);
            }
        }
    }
    for (size_t e = 0; e < edgeFrom.size(); ++e) {
        if (relationships.contains(edgeRelationship[e]) && (nodeFlags[size_t(edgeFrom[e])] & NodeHighlighted) &&
            (nodeFlags[size_t(edgeTo[e])] & NodeHighlighted)) {
            edgeFlags[e] |= EdgeHighlighted;
        }
    }
    return marked;
}

qint64 ChartData::memoryBytes() const
{
    qint64 bytes = qint64(nodeRowId.capacity()) * 8 + qint64(x.capacity() + y.capacity()) * 4 +
                   qint64(nodeIcon.capacity() + nodeFlags.capacity()) + qint64(nodeSchema.capacity()) * 2 +
                   qint64(nodeGroup.capacity()) * 2 + qint64(nodeLabel.capacity()) * qint64(sizeof(QString));
    for (const QString &s : nodeLabel) {
        bytes += 32 + s.size() * 2; // QArrayData header and allocator slack
    }
    bytes += qint64(edgeFrom.capacity() + edgeTo.capacity() + edgeValidFrom.capacity() + edgeValidUntil.capacity() +
                    edgeLabel.capacity()) * 4 +
             qint64(edgeSchema.capacity()) * 2 + qint64(edgeCurve.capacity() + edgeConfidence.capacity() +
                                                         edgeFlags.capacity()) +
             qint64(edgeRelationship.capacity()) * 8;
    bytes += qint64(m_index.capacity()) * 24;
    return bytes;
}

QString ChartData::compactMoney(const QString &amount, const QString &currency)
{
    static const QHash<QString, QString> symbols{{QStringLiteral("CNY"), QStringLiteral("¥")},
                                                 {QStringLiteral("RMB"), QStringLiteral("¥")},
                                                 {QStringLiteral("JPY"), QStringLiteral("¥")},
                                                 {QStringLiteral("USD"), QStringLiteral("$")},
                                                 {QStringLiteral("EUR"), QStringLiteral("€")},
                                                 {QStringLiteral("GBP"), QStringLiteral("£")}};
    const QString code = currency.trimmed().toUpper();
    const QString symbol = symbols.value(code);
    bool ok = false;
    const double value = QString(amount).remove(QLatin1Char(',')).remove(QLatin1Char(' ')).toDouble(&ok);
    QString number = amount.trimmed();
    if (ok) {
        static const std::pair<double, const char *> steps[] = {{1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
        number = QLocale::c().toString(value, 'f', 0);
        for (const auto &[size, suffix] : steps) {
            if (std::abs(value) >= size) {
                const double scaled = value / size;
                number = QLocale::c().toString(scaled, 'f', scaled < 10 && scaled != std::floor(scaled) ? 1 : 0) +
                         QLatin1String(suffix);
                break;
            }
        }
    }
    if (!symbol.isEmpty()) {
        return symbol + number;
    }
    return code.isEmpty() ? number : number + QLatin1Char(' ') + code;
}

QString ChartData::linkLabel(const GraphLink &link, const Entity *rel)
{
    const auto first = [rel](const char *property) -> QString {
        return rel ? rel->first(QLatin1String(property)).trimmed() : QString();
    };
    const QString &schema = link.schema;
    if (link.kind == LinkKind::Manufacturer) {
        return tr("goods resold by");
    }
    if (link.kind == LinkKind::Product) {
        return tr("made by");
    }
    if (link.kind == LinkKind::Reference) {
        const Schema *holder = SchemaRegistry::instance().schema(schema);
        const PropertySpec *spec = holder ? holder->property(link.property) : nullptr;
        return (spec ? spec->label : link.property).toLower();
    }
    if (schema == QLatin1String("Ownership")) {
        return link.percentage.known ? tr("owns %1").arg(link.percentage.toString()) : tr("owns");
    }
    if (schema == QLatin1String("Supply")) {
        if (first("resale").compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0) {
            return tr("resold to");
        }
        const QString product = first("product");
        return product.isEmpty() ? tr("supplied") : tr("supplied %1").arg(product);
    }
    if (schema == QLatin1String("ContractAward")) {
        const QString amount = first("amount");
        return amount.isEmpty() ? tr("awarded contract")
                                : tr("awarded %1 contract").arg(compactMoney(amount, first("currency")));
    }
    if (schema == QLatin1String("Payment") || schema == QLatin1String("Debt")) {
        const QString amount = first("amount");
        const QString verb = schema == QLatin1String("Payment") ? tr("paid") : tr("owes");
        return amount.isEmpty() ? verb : verb + QLatin1Char(' ') + compactMoney(amount, first("currency"));
    }
    for (const char *property : {"role", "relationship"}) {
        const QString value = first(property);
        if (!value.isEmpty()) {
            return value.toLower();
        }
    }
    if (schema == QLatin1String("Directorship")) {
        return tr("director");
    }
    if (schema == QLatin1String("Employment")) {
        return tr("employs");
    }
    if (schema == QLatin1String("Membership")) {
        return tr("member of");
    }
    const Schema *spec = SchemaRegistry::instance().schema(schema);
    return spec && !spec->edgeLabel.isEmpty() ? spec->edgeLabel : schema.toLower();
}

namespace {

/// Edge labels that do not depend on the relationship's other properties repeat a few hundred
/// times at most ("owns 51%"): they are made once per (schema, property, kind, percentage).
struct LabelKey {
    quint16 schema, property;
    quint8 kind;
    bool known;
    float min, max;
    bool operator==(const LabelKey &o) const = default;
};
struct LabelKeyHash {
    size_t operator()(const LabelKey &k) const
    {
        return std::hash<quint64>()(quint64(k.schema) << 48 ^ quint64(k.property) << 32 ^ quint64(k.kind) << 24 ^
                                    quint64(k.known)) ^
               std::hash<float>()(k.min) * 31 ^ std::hash<float>()(k.max);
    }
};

/// Whether reading the whole case and keeping the chart's part is cheaper than reading the chart's
/// entities one by one: a scoped read costs an index probe per entity, statement and relationship
/// (tens of microseconds a node), a full scan about two microseconds per entity of the case.
bool readWholeCase(const CaseFile &caseFile, qint64 chartNodes)
{
    if (chartNodes < 2000) {
        return false;
    }
    qint64 entities = 0;
    (void)GraphScan(caseFile).schemaCounts([&](QByteArrayView, qint64 n) { entities += n; });
    return chartNodes * 30 >= entities;
}

} // namespace

void ChartData::addEdges(const GraphProjection &graph, const QHash<qint64, int> &sourceCounts,
                         const QHash<qint64, Entity> &details)
{
    for (const auto &s : graph.sanctions()) {
        if (const qint32 i = indexOf(s.entityRowId); i >= 0) {
            nodeFlags[size_t(i)] |= NodeSanctioned;
        }
    }
    const qsizetype links = graph.linkCount();
    for (auto *v : {&edgeFrom, &edgeTo, &edgeValidFrom, &edgeValidUntil}) {
        v->reserve(size_t(links));
    }
    std::unordered_map<LabelKey, quint32, LabelKeyHash> labelCache;
    std::vector<qint32> schemaIndex; // projection schema → index into `schemata`
    graph.forEachLinkRow([&](const GraphLinkRow &r) {
        const qint32 a = indexOf(r.fromRowId), b = indexOf(r.toRowId);
        if (a < 0 || b < 0) {
            return true;
        }
        if (r.schema >= schemaIndex.size()) {
            schemaIndex.resize(size_t(r.schema) + 1, -1);
        }
        if (schemaIndex[r.schema] < 0) {
            schemaIndex[r.schema] = qint32(intern(schemata, graph.schemaName(r.schema)));
        }
        const auto detail = details.constFind(r.relationshipRowId);
        const bool plain = detail == details.constEnd() || r.kind != LinkKind::Relationship;
        const LabelKey key{r.schema, r.property, quint8(r.kind), r.percentage.known, float(r.percentage.min),
                           float(r.percentage.max)};
        quint32 label = 0;
        const auto cached = plain ? labelCache.find(key) : labelCache.end();
        if (cached != labelCache.end()) {
            label = cached->second;
        } else {
            GraphLink link;
            link.schema = graph.schemaName(r.schema);
            link.property = graph.propertyName(r.property);
            link.kind = r.kind;
            link.percentage = r.percentage;
            label = intern(labels, linkLabel(link, plain ? nullptr : &*detail));
            if (plain) {
                labelCache.emplace(key, label);
            }
        }
        edgeFrom.push_back(a);
        edgeTo.push_back(b);
        edgeValidFrom.push_back(r.validFrom);
        edgeValidUntil.push_back(r.validUntil);
        edgeLabel.push_back(label);
        edgeSchema.push_back(quint16(schemaIndex[r.schema]));
        edgeCurve.push_back(0);
        edgeConfidence.push_back(quint8(confidenceOf(sourceCounts.value(r.relationshipRowId))));
        edgeFlags.push_back(r.directed ? EdgeDirected : 0);
        edgeRelationship.push_back(r.relationshipRowId);
        return true;
    });
    assignCurves();
}

Result<ChartData> ChartData::load(const CaseFile &caseFile, qint64 chartId, const LoadProgress &progress)
{
    const auto report = [&](int percent) { return !progress || progress(percent); };
    const auto cancelled = [] { return Result<ChartData>(Error{tr("Loading the chart was cancelled.")}); };
    ChartData d;
    const qint64 count = caseFile.charts().nodeCount(chartId);
    if (count == 0) {
        return d;
    }
    // Nodes: one streaming query into the arrays (captions straight from UTF-8, no row objects).
    d.nodeRowId.reserve(size_t(count));
    for (auto *v : {&d.x, &d.y}) {
        v->reserve(size_t(count));
    }
    d.nodeLabel.reserve(size_t(count));
    d.m_index.reserve(count);
    qint64 read = 0;
    QByteArray lastSchema;
    QString lastSchemaName;
    auto nodes = caseFile.charts().scanNodes(chartId, [&](const ChartStore::NodeRow &n) {
        if (n.schema != QByteArrayView(lastSchema)) {
            lastSchema = n.schema.toByteArray();
            lastSchemaName = QString::fromUtf8(lastSchema);
        }
        const quint8 flags = (n.pinned ? NodePinned : 0) | (n.hidden ? NodeHidden : 0);
        const qint32 i = d.addNode(n.entityRowId, lastSchemaName, QString::fromUtf8(n.caption.isEmpty() ? n.id : n.caption),
                                   QPointF(n.x, n.y), flags);
        if (!n.group.isEmpty()) {
            d.nodeGroup[size_t(i)] = quint16(d.intern(d.groups, QString::fromUtf8(n.group)));
        }
        return (++read & 8191) || report(int(20 * read / count));
    });
    if (!nodes) {
        return progress && !report(20) ? cancelled() : Result<ChartData>(nodes.error());
    }
    if (!report(20)) {
        return cancelled();
    }
    // Relationships between them: a projection of the chart's entities, or of the whole case
    // when the chart holds much of it (the edges with an end off the chart are left out below).
    ProjectionOptions options;
    if (!readWholeCase(caseFile, count)) {
        options.entities.reserve(d.nodeCount());
        for (const qint64 row : d.nodeRowId) {
            options.entities << row;
        }
    }
    // A cancel while the case is read into the graph stops the reading, not only what follows.
    std::atomic_bool stop = false;
    options.cancel = &stop;
    options.progress = [&](qint64) {
        if (!report(20)) {
            stop = true;
        }
    };
    auto graph = GraphProjection::fromCase(caseFile, options);
    if (!graph) {
        return stop ? cancelled() : Result<ChartData>(graph.error());
    }
    if (!report(75)) {
        return cancelled();
    }
    QHash<qint64, Entity> details;
    if (graph->linkCount() <= DetailLimit) {
        graph->forEachLinkRow([&](const GraphLinkRow &link) {
            if (link.kind == LinkKind::Relationship && !details.contains(link.relationshipRowId) &&
                d.indexOf(link.fromRowId) >= 0 && d.indexOf(link.toRowId) >= 0) {
                if (auto e = caseFile.entities().entity(link.relationshipRowId)) {
                    details.insert(link.relationshipRowId, *e);
                }
            }
            return true;
        });
    }
    if (!report(85)) {
        return cancelled();
    }
    d.addEdges(*graph, caseFile.evidence().supportingSourceCounts(), details);
    report(100);
    return d;
}

// --- NodeGrid ---

void NodeGrid::build(const ChartData &data, float cellSize)
{
    m_cell = cellSize;
    float x0 = std::numeric_limits<float>::max(), y0 = x0, x1 = -x0, y1 = -x0;
    for (size_t i = 0; i < data.x.size(); ++i) {
        x0 = std::min(x0, data.x[i]);
        x1 = std::max(x1, data.x[i]);
        y0 = std::min(y0, data.y[i]);
        y1 = std::max(y1, data.y[i]);
    }
    if (data.x.empty()) {
        m_cols = m_rows = 0;
        m_start.assign(1, 0);
        m_items.clear();
        return;
    }
    // Keep the grid near one node per cell on huge charts so a query touches few cells.
    const double area = double(x1 - x0 + 1) * double(y1 - y0 + 1);
    m_cell = std::max(cellSize, float(std::sqrt(area / double(data.x.size()))));
    m_x0 = x0;
    m_y0 = y0;
    m_cols = std::min(4096, int((x1 - x0) / m_cell) + 1);
    m_rows = std::min(4096, int((y1 - y0) / m_cell) + 1);
    m_cell = std::max({m_cell, (x1 - x0) / float(m_cols) + 1, (y1 - y0) / float(m_rows) + 1});
    const auto cellOf = [&](size_t i) {
        const int cx = std::clamp(int((data.x[i] - m_x0) / m_cell), 0, m_cols - 1);
        const int cy = std::clamp(int((data.y[i] - m_y0) / m_cell), 0, m_rows - 1);
        return size_t(cy) * size_t(m_cols) + size_t(cx);
    };
    m_start.assign(size_t(m_cols) * size_t(m_rows) + 1, 0);
    for (size_t i = 0; i < data.x.size(); ++i) {
        ++m_start[cellOf(i) + 1];
    }
    for (size_t c = 1; c < m_start.size(); ++c) {
        m_start[c] += m_start[c - 1];
    }
    m_items.resize(data.x.size());
    std::vector<qint32> fill(m_start.begin(), m_start.end() - 1);
    for (size_t i = 0; i < data.x.size(); ++i) {
        m_items[size_t(fill[cellOf(i)]++)] = qint32(i);
    }
}

template<typename Fn> void NodeGrid::forCells(const QRectF &rect, Fn &&fn) const
{
    if (m_cols == 0) {
        return;
    }
    const int cx0 = std::clamp(int(std::floor((rect.left() - m_x0) / m_cell)), 0, m_cols - 1);
    const int cx1 = std::clamp(int(std::floor((rect.right() - m_x0) / m_cell)), 0, m_cols - 1);
    const int cy0 = std::clamp(int(std::floor((rect.top() - m_y0) / m_cell)), 0, m_rows - 1);
    const int cy1 = std::clamp(int(std::floor((rect.bottom() - m_y0) / m_cell)), 0, m_rows - 1);
    for (int cy = cy0; cy <= cy1; ++cy) {
        for (int cx = cx0; cx <= cx1; ++cx) {
            const size_t c = size_t(cy) * size_t(m_cols) + size_t(cx);
            for (qint32 k = m_start[c]; k < m_start[c + 1]; ++k) {
                fn(m_items[size_t(k)]);
            }
        }
    }
}

qint32 NodeGrid::nodeAt(const ChartData &data, QPointF p, float radius) const
{
    qint32 best = -1;
    if (data.measures.scale.size() != data.x.size()) {
        double bestDistance = double(radius) * radius;
        forCells(QRectF(p.x() - radius, p.y() - radius, 2 * radius, 2 * radius), [&](qint32 i) {
            if (size_t(i) >= data.x.size() || !data.isVisible(i)) {
                return;
            }
            const double dx = data.x[size_t(i)] - p.x(), dy = data.y[size_t(i)] - p.y();
            const double d2 = dx * dx + dy * dy;
            if (d2 <= bestDistance) {
                bestDistance = d2;
                best = i;
            }
        });
        return best;
    }
    // Sized nodes (ChartNodeMeasures): each within its own radius; of overlapping discs the one
    // the point lies deepest in (a small node drawn over a large one wins at its centre).
    const float reach = radius * data.measures.maxScale;
    double bestDepth = 0;
    forCells(QRectF(p.x() - reach, p.y() - reach, 2 * reach, 2 * reach), [&](qint32 i) {
        if (size_t(i) >= data.x.size() || !data.isVisible(i)) {
            return;
        }
        const double dx = data.x[size_t(i)] - p.x(), dy = data.y[size_t(i)] - p.y();
        const double depth = std::hypot(dx, dy) - double(radius) * data.sizeFactor(size_t(i));
        if (depth <= 0 && (best < 0 || depth < bestDepth)) {
            bestDepth = depth;
            best = i;
        }
    });
    return best;
}

std::vector<qint32> NodeGrid::nodesIn(const ChartData &data, const QRectF &rect) const
{
    std::vector<qint32> out;
    forCells(rect, [&](qint32 i) {
        if (size_t(i) < data.x.size() && data.isVisible(i) && rect.contains(data.position(i))) {
            out.push_back(i);
        }
    });
    return out;
}

} // namespace Casegraph::Ui

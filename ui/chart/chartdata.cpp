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

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <map>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
/// Relationship entities are read one by one for their labels only up to this many edges; larger
/// charts label edges from what the projection holds (schema, percentage).
constexpr qsizetype DetailLimit = 5000;

qint32 dayOf(const FtmDate &date, bool start)
{
    if (!date.isValid()) {
        return start ? OpenStartDay : OpenEndDay;
    }
    return qint32((start ? date.earliest() : date.latest()).date().toJulianDay());
}

Confidence confidenceOf(int sources)
{
    return Models::supportLevelOf(sources);
}
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
    std::vector<char> drop(nodeRowId.size(), 0);
    for (const qint32 n : nodes) {
        drop[size_t(n)] = 1;
    }
    std::vector<qint32> newIndex(nodeRowId.size(), -1);
    size_t k = 0;
    for (size_t i = 0; i < nodeRowId.size(); ++i) {
        if (drop[i]) {
            continue;
        }
        newIndex[i] = qint32(k);
        nodeRowId[k] = nodeRowId[i];
        x[k] = x[i];
        y[k] = y[i];
        nodeIcon[k] = nodeIcon[i];
        nodeFlags[k] = nodeFlags[i];
        nodeSchema[k] = nodeSchema[i];
        nodeGroup[k] = nodeGroup[i];
        nodeLabel[k] = std::move(nodeLabel[i]);
        ++k;
    }
    for (auto *v : {&nodeRowId}) {
        v->resize(k);
    }
    x.resize(k);
    y.resize(k);
    nodeIcon.resize(k);
    nodeFlags.resize(k);
    nodeSchema.resize(k);
    nodeGroup.resize(k);
    nodeLabel.resize(k);
    m_index.clear();
    for (size_t i = 0; i < k; ++i) {
        m_index.insert(nodeRowId[i], qint32(i));
    }
    size_t m = 0;
    for (size_t e = 0; e < edgeFrom.size(); ++e) {
        const qint32 a = newIndex[size_t(edgeFrom[e])], b = newIndex[size_t(edgeTo[e])];
        if (a < 0 || b < 0) {
            continue;
        }
        edgeFrom[m] = a;
        edgeTo[m] = b;
        edgeValidFrom[m] = edgeValidFrom[e];
        edgeValidUntil[m] = edgeValidUntil[e];
        edgeLabel[m] = edgeLabel[e];
        edgeSchema[m] = edgeSchema[e];
        edgeCurve[m] = edgeCurve[e];
        edgeConfidence[m] = edgeConfidence[e];
        edgeFlags[m] = edgeFlags[e];
        edgeRelationship[m] = edgeRelationship[e];
        ++m;
    }
    edgeFrom.resize(m);
    edgeTo.resize(m);
    edgeValidFrom.resize(m);
    edgeValidUntil.resize(m);
    edgeLabel.resize(m);
    edgeSchema.resize(m);
    edgeCurve.resize(m);
    edgeConfidence.resize(m);
    edgeFlags.resize(m);
    edgeRelationship.resize(m);
}

void ChartData::assignCurves()
{
    // Edges between the same two nodes (either direction) get slots -k … k around the straight line.
    std::map<std::pair<qint32, qint32>, std::vector<size_t>> pairs;
    for (size_t e = 0; e < edgeFrom.size(); ++e) {
        const auto key = std::minmax(edgeFrom[e], edgeTo[e]);
        auto &list = pairs[{key.first, key.second}];
        list.push_back(e);
    }
    for (auto &[key, list] : pairs) {
        const int n = int(list.size());
        for (int i = 0; i < n; ++i) {
            const size_t e = list[size_t(i)];
            // Slots in half steps: 2 edges → -1, +1; 3 → -2, 0, 2. The sign follows the edge's
            // direction relative to the pair so reversed edges bend to the other side correctly.
            int slot = 2 * i - (n - 1);
            if (edgeFrom[e] != key.first) {
                slot = -slot;
            }
            edgeCurve[e] = qint8(std::clamp(slot, -120, 120));
        }
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

ChartData ChartData::build(const QList<ChartNodeInfo> &nodes, const GraphProjection &graph,
                           const QHash<qint64, int> &sourceCounts, const QHash<qint64, Entity> &details)
{
    ChartData d;
    d.nodeRowId.reserve(size_t(nodes.size()));
    d.nodeLabel.reserve(size_t(nodes.size()));
    d.m_index.reserve(nodes.size());
    for (const auto &n : nodes) {
        quint8 flags = (n.node.pinned ? NodePinned : 0) | (n.node.hidden ? NodeHidden : 0);
        const qint32 i = d.addNode(n.node.entityRowId, n.schema, n.caption.isEmpty() ? n.id : n.caption,
                                   QPointF(n.node.x, n.node.y), flags);
        if (!n.node.group.isEmpty()) {
            d.nodeGroup[size_t(i)] = quint16(d.intern(d.groups, n.node.group));
        }
    }
    for (const auto &s : graph.sanctions()) {
        if (const qint32 i = d.indexOf(s.entityRowId); i >= 0) {
            d.nodeFlags[size_t(i)] |= NodeSanctioned;
        }
    }
    const qsizetype links = graph.linkCount();
    d.edgeFrom.reserve(size_t(links));
    graph.forEachLink([&](const GraphLink &link) {
        const qint32 a = d.indexOf(link.fromRowId), b = d.indexOf(link.toRowId);
        if (a < 0 || b < 0) {
            return true;
        }
        const auto it = details.constFind(link.relationshipRowId);
        d.addEdge(a, b, link.schema, linkLabel(link, it == details.constEnd() ? nullptr : &*it),
                  confidenceOf(sourceCounts.value(link.relationshipRowId)), link.directed, dayOf(link.start, true),
                  dayOf(link.end, false), link.relationshipRowId);
        return true;
    });
    d.assignCurves();
    return d;
}

Result<ChartData> ChartData::load(const CaseFile &caseFile, qint64 chartId)
{
    const QList<ChartNodeInfo> nodes = caseFile.charts().nodeInfos(chartId);
    ProjectionOptions options;
    options.entities.reserve(nodes.size());
    for (const auto &n : nodes) {
        options.entities << n.node.entityRowId;
    }
    if (options.entities.isEmpty()) {
        return ChartData();
    }
    auto graph = GraphProjection::fromCase(caseFile, options);
    if (!graph) {
        return graph.error();
    }
    QHash<qint64, Entity> details;
    if (graph->linkCount() <= DetailLimit) {
        graph->forEachLink([&](const GraphLink &link) {
            if (link.kind == LinkKind::Relationship && !details.contains(link.relationshipRowId)) {
                if (auto e = caseFile.entities().entity(link.relationshipRowId)) {
                    details.insert(link.relationshipRowId, *e);
                }
            }
            return true;
        });
    }
    return build(nodes, *graph, caseFile.evidence().supportingSourceCounts(), details);
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

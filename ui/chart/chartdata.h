// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/grading.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QColor>
#include <QHash>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <functional>
#include <limits>
#include <vector>

namespace Casegraph::Models {
class CaseFile;
class GraphProjection;
struct ChartNodeInfo;
struct Entity;
struct GraphLink;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// How well a relationship is sourced, from the distinct sources its claims quote (the
/// evidence's SupportLevel: dotted, dashed, solid; see ui/supportstyle.h).
using Confidence = Models::SupportLevel;

/// Per-node flags (ChartData::nodeFlags).
enum ChartNodeFlag : quint8 {
    NodePinned = 1,
    NodeHidden = 2,     ///< hidden by the user (stored in the chart)
    NodeSanctioned = 4, ///< a Sanction's `entity` names it
    NodeSelected = 8,
    NodeHighlighted = 16, ///< on the highlighted path
    NodeFiltered = 32,    ///< hidden by a view filter (schema, time, tag); not stored
    NodeCollapsed = 64,   ///< member of a collapsed group: drawn as its group node (ChartGroups)
    NodeGroup = 128,      ///< a collapsed group's node (ChartGroups); row id -group, not stored
};

/// Per-edge flags (ChartData::edgeFlags).
enum ChartEdgeFlag : quint8 {
    EdgeDirected = 1,
    EdgeHighlighted = 2,
    EdgeFiltered = 4, ///< hidden by a view filter (relationship type, time); not stored
    EdgeMerged = 8,   ///< drawn for a collapsed group: stands for its members' edges (ChartGroups)
    EdgeSelected = 16, ///< the relationship the user clicked (shown in the Inspector); not stored
};

/// Julian day numbers of an open start / end (no date given).
constexpr qint32 OpenStartDay = std::numeric_limits<qint32>::min();
constexpr qint32 OpenEndDay = std::numeric_limits<qint32>::max();

/// The time filter: an "as of" day, or a range of days (both inclusive).
struct TimeFilter {
    bool enabled = false;
    qint32 from = OpenStartDay; ///< as-of mode: from == to
    qint32 to = OpenEndDay;
    static TimeFilter asOf(const QDate &date);
    static TimeFilter range(const QDate &from, const QDate &to);
    /// Whether a relationship valid over [validFrom, validUntil] (julian days of the earliest
    /// instant of its start and the latest instant of its end; open ends as OpenStartDay /
    /// OpenEndDay) may hold at some day of the filter. Partial dates count as their whole span:
    /// a start of "2019-05" holds as of 2019-05-01; an end of "2020" holds until 2020-12-31.
    bool accepts(qint32 validFrom, qint32 validUntil) const
    {
        return !enabled || (validFrom <= to && validUntil >= from);
    }
};

/// Measures of a chart's nodes drawn as their size and colour (ChartMeasures, the Measure menu),
/// by node index. Computed over the nodes and edges shown; cleared whenever nodes are added or
/// removed, and computed again after the filters (ChartView::applyFilters).
struct ChartNodeMeasures {
    enum class Size : quint8 { None, Degree, Betweenness };
    Size size = Size::None;  ///< what `scale`, `score` and `rank` measure
    bool approximate = false; ///< betweenness estimated from `samples` sources
    int samples = 0;
    std::vector<float> scale;  ///< radius factor 1 … MaxScale; empty: every node 1
    std::vector<float> score;  ///< degree, or betweenness normalised to 0 … 1
    std::vector<qint32> rank;  ///< 1 = highest score (ties share a rank); 0 = not measured (not shown)
    float maxScale = 1;
    qint32 measured = 0;       ///< nodes measured: the ones shown
    float minScore = 0, maxScore = 0;
    std::vector<qint32> component; ///< empty: colour by type; else component index (0 = largest), -1 = not shown
    QList<qsizetype> componentSizes;
    static constexpr float MaxScale = 3;
    bool isEmpty() const { return scale.empty() && component.empty(); }
};

/// A link chart in memory: nodes and edges as parallel arrays (struct of arrays), so that a chart
/// of 100,000 nodes and 300,000 edges costs a few hundred bytes per node and draws from contiguous
/// memory. Node i is described by nodeRowId[i], x[i], y[i] …; edge j by edgeFrom[j], edgeTo[j] ….
/// Strings that repeat (schemata, edge labels, groups) are interned in small tables.
/// Thread affinity: none; the view owns one and mutates it on the GUI thread.
class ChartData {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartData)
public:
    // Nodes
    std::vector<qint64> nodeRowId;
    std::vector<float> x, y;
    std::vector<quint8> nodeIcon;   ///< index into ChartIcons
    std::vector<quint8> nodeFlags;  ///< ChartNodeFlag
    std::vector<quint16> nodeSchema; ///< index into schemata
    std::vector<quint16> nodeGroup;  ///< index into groups; 0 = none
    std::vector<QString> nodeLabel;
    // Edges
    std::vector<qint32> edgeFrom, edgeTo;
    std::vector<qint32> edgeValidFrom, edgeValidUntil; ///< julian days
    std::vector<quint32> edgeLabel;   ///< index into labels
    std::vector<quint16> edgeSchema;  ///< index into schemata
    std::vector<qint8> edgeCurve;     ///< parallel edges: signed slot, 0 = straight
    std::vector<quint8> edgeConfidence; ///< Confidence
    std::vector<quint8> edgeFlags;      ///< ChartEdgeFlag
    std::vector<qint64> edgeRelationship; ///< relationship entity row id (Reference: the holder)
    // Interned strings
    QStringList schemata;
    QStringList labels;
    QStringList groups{QString()};
    // Tags (ChartTags::load): tag ids on each node's entity by entity row id, and their colours.
    QHash<qint64, QList<qint64>> nodeTags;
    QHash<qint64, QRgb> tagColours;
    ChartNodeMeasures measures;
    /// Each tag's creation time (ISO 8601): with the id it names one tag, not a later one that
    /// reuses the id of a deleted tag (a saved tag filter stores both).
    QHash<qint64, QString> tagStamps;

    qsizetype nodeCount() const { return qsizetype(nodeRowId.size()); }
    qsizetype edgeCount() const { return qsizetype(edgeFrom.size()); }
    /// Node index of an entity row id, or -1.
    qint32 indexOf(qint64 rowId) const { return m_index.value(rowId, -1); }
    QPointF position(qint32 node) const { return QPointF(x[size_t(node)], y[size_t(node)]); }
    bool isVisible(qint32 node) const
    {
        return !(nodeFlags[size_t(node)] & (NodeHidden | NodeFiltered | NodeCollapsed));
    }
    bool isEdgeVisible(qint32 edge) const;
    /// How much larger than ChartStyle::NodeRadius node `node` is drawn (Size by; else 1).
    float sizeFactor(size_t node) const
    {
        return measures.scale.size() == x.size() ? measures.scale[node] : 1.0f;
    }
    /// The bounding rectangle of the visible nodes' centres (empty chart: a null rectangle).
    QRectF bounds() const;

    /// Called now and then during load() with the percentage done; returning false cancels.
    using LoadProgress = std::function<bool(int percent)>;
    /// Loads a chart from the case: its nodes (one streaming ChartStore::scanNodes query), the
    /// relationships between them (a GraphProjection of the chart's entities, or of the whole case
    /// when the chart holds much of it), sanctions, confidence from the sources quoted by each
    /// relationship's claims, and readable edge labels. Runs on any thread that owns `caseFile`
    /// (ChartView loads large charts on a worker with its own connection).
    static Models::Result<ChartData> load(const Models::CaseFile &caseFile, qint64 chartId,
                                          const LoadProgress &progress = {});
    /// Adds the projection's edges between nodes of this chart and marks sanctioned nodes.
    /// `sourceCounts`: distinct supporting sources per relationship row id; `details`: relationship
    /// entities by row id (for labels such as "owns 51%", "awarded ¥10M contract"); either may be empty.
    void addEdges(const Models::GraphProjection &graph, const QHash<qint64, int> &sourceCounts,
                  const QHash<qint64, Models::Entity> &details);

    /// The short label of an edge: "owns 51%", "resold to", "awarded ¥10M contract", "director" …
    static QString linkLabel(const Models::GraphLink &link, const Models::Entity *relationship);
    /// "¥10M", "$2.5B", "€250k"; the amount as given when it is not a number.
    static QString compactMoney(const QString &amount, const QString &currency);

    /// Appends a node; returns its index. Positions and flags as given.
    qint32 addNode(qint64 rowId, const QString &schema, const QString &label, QPointF pos, quint8 flags = 0);
    /// Removes nodes (by index) and their edges; indexes of the other nodes change.
    void removeNodes(std::vector<qint32> nodes);
    /// Adds an edge between existing nodes.
    void addEdge(qint32 from, qint32 to, const QString &schema, const QString &label, Confidence confidence,
                 bool directed, qint32 validFrom = OpenStartDay, qint32 validUntil = OpenEndDay,
                 qint64 relationshipRowId = 0);
    /// Spreads parallel edges between the same two nodes (edgeCurve); call after adding edges.
    void assignCurves();
    /// Applies the time filter and hidden schemata to the edges, and hidden schemata to the nodes.
    void applyFilters(const TimeFilter &time, const QStringList &hiddenNodeSchemata,
                      const QStringList &hiddenEdgeSchemata);
    /// Marks the shortest path from `from` to `to` over the visible edges (directed edges forwards,
    /// undirected both ways; if there is none, any direction) with the Highlighted flags, after
    /// clearing the previous one. Returns false when the two are not connected.
    bool highlightPath(qint32 from, qint32 to);
    /// Marks these entities' nodes and the edges of these relationships (row ids; for a Reference
    /// edge, its holder) with the Highlighted flags, after clearing the previous highlight. When
    /// `asPath` is set, relationship k joins entity k and entity k + 1 and only that edge is
    /// marked (a Supply that names a manufacturer is two edges of one row); a relationship that
    /// joins no such pair, and every relationship without `asPath`, marks each of its edges
    /// between two listed entities. Returns the number of nodes marked.
    int highlightRows(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds, bool asPath);
    void clearHighlight();
    /// Bytes held by the arrays and strings (approximate; for the benchmark).
    qint64 memoryBytes() const;

private:
    quint32 intern(QStringList &table, const QString &s);
    QHash<qint64, qint32> m_index;
    QHash<QString, quint32> m_labelIndex;
};

/// A uniform grid over node positions for hit tests and rectangle queries.
class NodeGrid {
public:
    void build(const ChartData &data, float cellSize = 128);
    /// The visible node nearest to `p` within `radius`, or -1.
    qint32 nodeAt(const ChartData &data, QPointF p, float radius) const;
    /// Visible nodes whose centres lie in `rect`.
    std::vector<qint32> nodesIn(const ChartData &data, const QRectF &rect) const;

private:
    template<typename Fn> void forCells(const QRectF &rect, Fn &&fn) const;
    float m_cell = 128;
    float m_x0 = 0, m_y0 = 0;
    int m_cols = 0, m_rows = 0;
    std::vector<qint32> m_start; ///< cell c holds m_items[m_start[c] .. m_start[c+1])
    std::vector<qint32> m_items;
};

} // namespace Casegraph::Ui

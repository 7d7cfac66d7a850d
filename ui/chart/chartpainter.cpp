// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpainter.h"
#include "chartbands.h"
#include "chartdata.h"
#include "chartedgestroke.h"
#include "chartgroups.h"
#include "charticons.h"
#include "chartmeasure.h"
#include "chartoverview.h"
#include "charttags.h"
#include "supportstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace Casegraph::Ui {

namespace {

const QColor EdgeColour = QColor::fromRgb(ChartStyle::EdgeRgb);
const QColor HighlightColour = QColor::fromRgb(ChartStyle::HighlightRgb);
const QColor SelectionFill(0xd6, 0xe6, 0xfb);
const QColor SelectionStroke(0x2f, 0x6d, 0xb5);
const QColor LabelColour(0x1f, 0x24, 0x29);
const QColor SanctionColour(0xc6, 0x28, 0x28);

QFont chartFont(float size, bool bold = false)
{
    QFont font;
    font.setPixelSize(int(size));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting); // hinting at one size distorts others
    return font;
}

/// Wraps a label into at most two lines of ChartStyle::LabelWidth, eliding the rest.
QStringList labelLines(const QString &text, const QFontMetricsF &fm)
{
    const qreal width = ChartStyle::LabelWidth;
    if (fm.horizontalAdvance(text) <= width) {
        return {text};
    }
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString first;
    qsizetype used = 0;
    for (; used < words.size(); ++used) {
        const QString candidate = first.isEmpty() ? words.at(used) : first + QLatin1Char(' ') + words.at(used);
        if (fm.horizontalAdvance(candidate) > width && !first.isEmpty()) {
            break;
        }
        first = candidate;
    }
    if (used == words.size() && fm.horizontalAdvance(first) <= width) {
        return {first};
    }
    const QString rest = words.mid(used).join(QLatin1Char(' '));
    return {fm.elidedText(first, Qt::ElideRight, width), fm.elidedText(rest, Qt::ElideRight, width)};
}

/// A node's label as the detail view draws it: its lines and their box under the disc (chart units).
struct NodeLabel {
    QRectF box;
    QStringList lines;
};

/// The node labels of one detail frame, each wrapped and measured once (a few text measurements
/// per label): the arrowheads that stop at a target's label and the label drawn later use the same
/// box. Filled on first use, so only the nodes the frame touches are measured.
class NodeLabels {
public:
    explicit NodeLabels(const ChartData &d)
        : m_data(d), m_metrics(chartFont(ChartStyle::LabelSize)), m_boldMetrics(chartFont(ChartStyle::LabelSize, true))
    {
    }
    const NodeLabel &operator[](size_t i)
    {
        auto it = m_labels.find(i);
        if (it == m_labels.end()) {
            it = m_labels.emplace(i, measure(i)).first;
        }
        return it->second;
    }
    /// Measures the labels of `nodes` in `parts` on several threads (ChartBands::split), each with
    /// font metrics of its own: a frame that zooms into a big chart measures a few hundred.
    void measure(std::vector<size_t> nodes, int parts)
    {
        std::sort(nodes.begin(), nodes.end());
        nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
        std::vector<NodeLabel> made(nodes.size());
        ChartBands::split(parts, [&](int part) {
            const NodeLabels local(m_data);
            for (size_t k = nodes.size() * size_t(part) / size_t(parts); k < nodes.size() * size_t(part + 1) / size_t(parts); ++k) {
                made[k] = local.measure(nodes[k]);
            }
        });
        for (size_t k = 0; k < nodes.size(); ++k) {
            m_labels.emplace(nodes[k], std::move(made[k]));
        }
    }

private:
    NodeLabel measure(size_t i) const
    {
        // Selected nodes have bold labels (the selection does not change within a frame).
        const QFontMetricsF &fm = (m_data.nodeFlags[i] & NodeSelected) ? m_boldMetrics : m_metrics;
        NodeLabel label;
        label.lines = labelLines(m_data.nodeLabel[i], fm);
        double width = 0;
        for (const QString &line : label.lines) {
            width = std::max(width, fm.horizontalAdvance(line));
        }
        label.box = QRectF(m_data.x[i] - width / 2 - 3, m_data.y[i] + ChartStyle::NodeRadius * m_data.sizeFactor(i) + 2,
                           width + 6, fm.height() * double(label.lines.size()) + 2);
        return label;
    }

    const ChartData &m_data;
    QFontMetricsF m_metrics, m_boldMetrics;
    std::unordered_map<size_t, NodeLabel> m_labels;
};

/// An arrowhead that would end under the target's label (an edge arriving from below) ends at the
/// label's edge instead: walking back from `tip` towards `from`, the first point out of `box`.
QPointF clearOfLabel(const QRectF &box, QPointF tip, QPointF from, double head)
{
    const QPointF v = from - tip;
    const double l = std::hypot(v.x(), v.y());
    if (l <= 0) {
        return tip;
    }
    const QPointF u = v / l;
    if (!box.contains(tip + u * (head * 0.5))) {
        return tip;
    }
    double t = l;
    if (u.x() != 0) {
        t = std::min(t, ((u.x() > 0 ? box.right() : box.left()) - tip.x()) / u.x());
    }
    if (u.y() != 0) {
        t = std::min(t, ((u.y() > 0 ? box.bottom() : box.top()) - tip.y()) / u.y());
    }
    return t + 1 < l - head ? tip + u * (t + 1) : tip;
}

double scaleOf(const QPainter &painter)
{
    const QTransform t = painter.transform();
    return std::sqrt(std::abs(t.determinant()));
}

/// The drawn geometry of an edge: end points on the node rims and the curve's control point.
struct EdgeGeometry {
    QPointF p0, c, p1;
    bool curved = false;
    bool valid = false;
};

/// Node centres (and their labels) that a straight edge should not run through.
struct Obstacles {
    std::vector<QPointF> centres; ///< visible nodes near the view
    std::vector<float> grow;      ///< sized nodes (ChartMeasures): how much larger each one's circle is; else empty
    bool enabled = false;
};

/// The clearance circle of a node: the disc and the label under it.
constexpr double ObstacleRadius = ChartStyle::NodeRadius + 32;
constexpr double ObstacleDrop = 18; ///< the circle's centre sits this far below the node's

/// How far the curve's control point must move along the edge's normal so that the edge passes
/// around the nearest node it would cross (0: nothing in the way).
double detour(QPointF a, QPointF b, const Obstacles &obstacles)
{
    const QPointF delta = b - a;
    const double length2 = delta.x() * delta.x() + delta.y() * delta.y();
    if (!obstacles.enabled || length2 <= 0) {
        return 0;
    }
    const double length = std::sqrt(length2);
    const QPointF n(-delta.y() / length, delta.x() / length);
    double best = 0;
    for (size_t k = 0; k < obstacles.centres.size(); ++k) {
        const QPointF &node = obstacles.centres[k];
        const double radius = ObstacleRadius + (obstacles.grow.empty() ? 0.0 : double(obstacles.grow[k]));
        const QPointF o(node.x(), node.y() + ObstacleDrop);
        if (o.x() < std::min(a.x(), b.x()) - radius || o.x() > std::max(a.x(), b.x()) + radius ||
            o.y() < std::min(a.y(), b.y()) - radius || o.y() > std::max(a.y(), b.y()) + radius) {
            continue;
        }
        const QPointF v = o - a;
        const double t = (v.x() * delta.x() + v.y() * delta.y()) / length2;
        if (t < 0.12 || t > 0.88 || node == a || node == b) {
            continue;
        }
        const double h = v.x() * n.x() + v.y() * n.y(); // signed distance of the obstacle
        if (std::abs(h) >= radius) {
            continue;
        }
        // Pass on the side the edge already leans to, just clear of the circle.
        const double shift = h - (h >= 0 ? 1 : -1) * radius;
        const double d = shift / (2 * t * (1 - t)); // a quadratic's offset at t is 2t(1-t)·d
        if (std::abs(d) > std::abs(best)) {
            best = d;
        }
    }
    return best;
}

/// `trim`: the margin beyond each end's disc where the edge stops.
/// The visible nodes in `near`; enabled when checking every edge against them stays cheap.
Obstacles obstaclesIn(const ChartData &d, const QRectF &near)
{
    Obstacles obstacles;
    const bool sized = d.measures.scale.size() == d.x.size();
    for (size_t i = 0; i < d.x.size(); ++i) {
        if (d.isVisible(qint32(i)) && near.contains(QPointF(d.x[i], d.y[i]))) {
            obstacles.centres.emplace_back(d.x[i], d.y[i]);
            if (sized) {
                obstacles.grow.push_back(ChartStyle::NodeRadius * (d.sizeFactor(i) - 1));
            }
        }
    }
    obstacles.enabled = obstacles.centres.size() * d.edgeFrom.size() < 4'000'000;
    return obstacles;
}

EdgeGeometry edgeGeometry(const ChartData &d, size_t e, float trim, const Obstacles &obstacles = {})
{
    const double trimFrom = ChartPainter::nodeRadius(d, d.edgeFrom[e]) + trim;
    const double trimTo = ChartPainter::nodeRadius(d, d.edgeTo[e]) + trim;
    EdgeGeometry g;
    const QPointF a = d.position(d.edgeFrom[e]), b = d.position(d.edgeTo[e]);
    const QPointF delta = b - a;
    const double length = std::hypot(delta.x(), delta.y());
    if (length < trimFrom + trimTo + 2) {
        return g;
    }
    const QPointF unit = delta / length;
    const QPointF normal(-unit.y(), unit.x());
    const double bend = d.edgeCurve[e] != 0 ? double(d.edgeCurve[e]) * ChartStyle::CurveStep : detour(a, b, obstacles);
    g.curved = bend != 0;
    g.c = (a + b) / 2 + normal * bend;
    // Trim towards the control point so the curve leaves the rim in its own direction.
    const auto towards = [](QPointF from, QPointF to, double trim) {
        const QPointF v = to - from;
        const double l = std::hypot(v.x(), v.y());
        return l > 0 ? from + v * (trim / l) : from;
    };
    g.p0 = towards(a, g.c, trimFrom);
    g.p1 = towards(b, g.c, trimTo);
    g.valid = true;
    return g;
}

QPointF pointAt(const EdgeGeometry &g, double t)
{
    if (!g.curved) {
        return g.p0 + (g.p1 - g.p0) * t;
    }
    return g.p0 * ((1 - t) * (1 - t)) + g.c * (2 * t * (1 - t)) + g.p1 * (t * t);
}

void drawArrowhead(QPainter &painter, QPointF tip, QPointF from, double size)
{
    const QPointF v = tip - from;
    const double l = std::hypot(v.x(), v.y());
    if (l <= 0) {
        return;
    }
    const QPointF u = v / l, n(-u.y(), u.x());
    const QPolygonF head{tip, tip - u * size + n * (size * 0.45), tip - u * size - n * (size * 0.45)};
    painter.drawPolygon(head);
}

/// Whether the segment a–b passes through `visible` grown by `margin`. Long edges whose bounding
/// box covers the view but whose line misses it are common on big charts: reject them exactly.
bool meets(const QRectF &visible, QPointF a, QPointF b, double margin)
{
    const double l = visible.left() - margin, r = visible.right() + margin;
    const double t = visible.top() - margin, bt = visible.bottom() + margin;
    if (std::max(a.x(), b.x()) < l || std::min(a.x(), b.x()) > r || std::max(a.y(), b.y()) < t ||
        std::min(a.y(), b.y()) > bt) {
        return false;
    }
    const auto inside = [&](QPointF p) { return p.x() >= l && p.x() <= r && p.y() >= t && p.y() <= bt; };
    if (inside(a) || inside(b)) {
        return true;
    }
    // The line misses the rectangle when all four corners lie on the same side of it.
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const auto side = [&](double x, double y) { return dx * (y - a.y()) - dy * (x - a.x()); };
    const double s1 = side(l, t), s2 = side(r, t), s3 = side(l, bt), s4 = side(r, bt);
    return !((s1 > 0 && s2 > 0 && s3 > 0 && s4 > 0) || (s1 < 0 && s2 < 0 && s3 < 0 && s4 < 0));
}

/// Where an edge label goes: the middle of the edge, else the nearest spot along it that keeps
/// clear of the nodes and their labels (`nodeBoxes`).
QRectF edgeLabelBox(const EdgeGeometry &g, QSizeF size, const std::vector<QRectF> &nodeBoxes)
{
    QRectF best;
    double bestOverlap = -1;
    for (const double t : {0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74}) {
        const QPointF at = pointAt(g, t);
        const QRectF box(at.x() - size.width() / 2, at.y() - size.height() / 2, size.width(), size.height());
        double overlap = 0;
        for (const QRectF &n : nodeBoxes) {
            const QRectF common = n.intersected(box);
            overlap += common.isValid() ? common.width() * common.height() : 0;
        }
        if (bestOverlap < 0 || overlap < bestOverlap) {
            best = box;
            bestOverlap = overlap;
        }
        if (overlap == 0) {
            break;
        }
    }
    return best;
}

ChartPaintStats &frameStats()
{
    thread_local ChartPaintStats stats;
    return stats;
}

/// How an edge stands out: not, on the highlighted path, or clicked (EdgeSelected, which wins).
enum class EdgeMark : quint8 { None, Highlighted, Selected };

EdgeMark edgeMark(quint8 flags)
{
    return (flags & EdgeSelected) ? EdgeMark::Selected : (flags & EdgeHighlighted) ? EdgeMark::Highlighted : EdgeMark::None;
}

QColor markColour(EdgeMark mark)
{
    return mark == EdgeMark::Selected ? SelectionStroke : mark == EdgeMark::Highlighted ? HighlightColour : EdgeColour;
}

/// The edge pens of one frame, by confidence and mark (each built once).
class EdgePens {
public:
    const QPen &of(quint8 confidence, EdgeMark mark)
    {
        const size_t k = size_t(std::min<quint8>(confidence, 2)) * 3 + size_t(mark);
        if (!m_made[k]) {
            m_pens[k] = supportPen(Confidence(k / 3), markColour(mark), mark == EdgeMark::None ? 1.5 : 3.0);
            m_made[k] = true;
        }
        return m_pens[k];
    }

private:
    std::array<QPen, 9> m_pens;
    std::array<bool, 9> m_made{};
};

/// What one detail frame draws, decided once on the calling thread (geometry, text measured) and
/// then painted in one pass or in bands of rows on several threads (ChartBands), each painting the
/// items whose `bounds` (chart units) meet its rows, in the same order.
struct DetailFrame {
    struct Edge {
        ChartEdgeStroke::Piece piece; ///< the stroked piece (empty: only the arrowhead shows)
        QPointF tip, from;            ///< arrowhead
        QRectF bounds;
        double head = 0;
        quint8 confidence = 0;
        bool curved = false, directed = false;
        EdgeMark mark = EdgeMark::None;
    };
    struct EdgeLabel {
        QRectF box;
        QString text; ///< elided
        EdgeMark mark = EdgeMark::None;
    };
    struct Node {
        size_t index = 0;
        NodeLabel label;
        QRectF bounds;
    };
    std::vector<Edge> edges;
    std::vector<EdgeLabel> labels;
    std::vector<Node> nodes;
    bool nodeLabels = false;
};

QRectF bounding(std::initializer_list<QPointF> points, double grow)
{
    double l = points.begin()->x(), r = l, t = points.begin()->y(), b = t;
    for (const QPointF &p : points) {
        l = std::min(l, p.x());
        r = std::max(r, p.x());
        t = std::min(t, p.y());
        b = std::max(b, p.y());
    }
    return QRectF(QPointF(l - grow, t - grow), QPointF(r + grow, b + grow));
}

/// Where and what the label of an edge shows.
DetailFrame::EdgeLabel edgeLabel(const QString &text, const EdgeGeometry &g, EdgeMark mark, const std::vector<QRectF> &nodeBoxes)
{
    const QFontMetricsF fm(chartFont(ChartStyle::EdgeLabelSize));
    const QString shown = fm.elidedText(text, Qt::ElideRight, ChartStyle::LabelWidth);
    const QRectF box = edgeLabelBox(g, QSizeF(fm.horizontalAdvance(shown) + 8, fm.height() + 2), nodeBoxes);
    return DetailFrame::EdgeLabel{box, shown, mark};
}

DetailFrame prepareDetail(QPainter &painter, const ChartData &d, const QRectF &visible, const ChartPaintOptions &options)
{
    DetailFrame frame;
    const double s = options.vector ? 4.0 : scaleOf(painter);
    frame.nodeLabels = ChartStyle::LabelSize * s >= 5;
    const bool edgeLabels = ChartStyle::EdgeLabelSize * s >= 6;
    const double margin = ChartStyle::LabelWidth;
    NodeLabels nodeLabelCache(d);
    struct Label {
        EdgeGeometry at;
        quint32 text;
        EdgeMark mark;
    };
    std::vector<Label> labels;
    // Edges that would run through another node bend around it; the check costs nodes × edges,
    // so it is left out when a detailed view holds very many of both.
    const QRectF near = visible.adjusted(-margin, -margin, margin, margin);
    const Obstacles obstacles = obstaclesIn(d, near);
    // clearOfLabel moves a tip back by at most a label box (LabelWidth + 6 by two lines).
    const double tipMargin = ChartStyle::LabelWidth + 60;
    const QRectF tipZone = visible.adjusted(-tipMargin, -tipMargin, tipMargin, tipMargin);
    ChartPaintStats &stats = frameStats();
    // Edges are cut to the view plus room for the widest pen's caps (export keeps them whole).
    const double pad = 3 + 8 / scaleOf(painter);
    const QRectF cut = options.vector || options.wholeEdges ? QRectF() : visible.adjusted(-pad, -pad, pad, pad);
    // The edges that pass near the view, found in parts on several threads (a big chart has
    // hundreds of thousands), in the order of the edges.
    const int parts = options.vector ? 1 : ChartBands::count(std::numeric_limits<int>::max(), options.bands);
    std::vector<std::vector<size_t>> found(static_cast<size_t>(parts));
    ChartBands::split(parts, [&](int part) {
        const size_t n = d.edgeFrom.size();
        for (size_t e = n * size_t(part) / size_t(parts); e < n * size_t(part + 1) / size_t(parts); ++e) {
            if (d.isEdgeVisible(qint32(e)) && meets(visible, d.position(d.edgeFrom[e]), d.position(d.edgeTo[e]), margin)) {
                found[size_t(part)].push_back(e);
            }
        }
    });
    std::vector<size_t> candidates;
    for (const std::vector<size_t> &edges : found) {
        candidates.insert(candidates.end(), edges.begin(), edges.end());
    }
    // The labels the arrowheads stop at and the nodes show, measured on several threads too.
    if (frame.nodeLabels) {
        std::vector<size_t> measured;
        const double reach = ChartStyle::NodeRadius * double(std::max(1.0f, d.measures.maxScale)) + 4;
        const QRectF tipNodes = tipZone.adjusted(-reach, -reach, reach, reach);
        for (const size_t e : candidates) {
            if ((d.edgeFlags[e] & EdgeDirected) && tipNodes.contains(d.position(d.edgeTo[e]))) {
                measured.push_back(size_t(d.edgeTo[e]));
            }
        }
        for (size_t i = 0; i < d.x.size(); ++i) {
            if (d.isVisible(qint32(i)) && near.contains(QPointF(d.x[i], d.y[i]))) {
                measured.push_back(i);
            }
        }
        nodeLabelCache.measure(std::move(measured), parts);
    }
    for (const size_t e : candidates) {
        const EdgeMark mark = edgeMark(d.edgeFlags[e]);
        const bool hl = mark != EdgeMark::None;
        EdgeGeometry g = edgeGeometry(d, e, 2, obstacles);
        if (!g.valid) {
            continue;
        }
        const bool directed = d.edgeFlags[e] & EdgeDirected;
        const double head = hl ? 13 : 10;
        // A straight edge whose tip lies far outside the view keeps its visible part whatever the
        // label does to the tip: the target's label is not measured (text costs ~50 µs a label).
        const bool tipFar = !g.curved && !tipZone.contains(g.p1);
        if (directed && frame.nodeLabels && !tipFar) {
            g.p1 = clearOfLabel(nodeLabelCache[size_t(d.edgeTo[e])].box, g.p1, g.curved ? g.c : g.p0, head);
        }
        // The line stops where the arrowhead starts, so dashes never poke through its tip.
        const QPointF from = g.curved ? g.c : g.p0;
        const QPointF dir = g.p1 - from;
        const double dl = std::hypot(dir.x(), dir.y());
        const QPointF end = directed && dl > head ? g.p1 - dir / dl * (head * 0.8) : g.p1;
        DetailFrame::Edge edge{ChartEdgeStroke::cutEdge(g.curved, g.p0, g.c, end, cut), g.p1, from};
        ChartEdgeStroke::count(g.curved, edge.piece, scaleOf(painter), stats);
        edge.head = head;
        edge.confidence = d.edgeConfidence[e];
        edge.curved = g.curved;
        edge.directed = directed;
        edge.mark = mark;
        // The piece with its pen (3 units at most) and anti-aliasing, and the arrowhead.
        const double grow = 3 + 2 / s;
        const ChartEdgeStroke::Piece &p = edge.piece;
        edge.bounds = p.empty ? QRectF() : g.curved ? bounding({p.p0, p.c, p.p1}, grow) : bounding({p.p0, p.p1}, grow);
        if (directed) {
            edge.bounds = edge.bounds.united(bounding({g.p1}, head + grow));
        }
        frame.edges.push_back(edge);
        if (edgeLabels && d.edgeLabel[e] < quint32(d.labels.size()) && !d.labels.at(d.edgeLabel[e]).isEmpty() &&
            visible.contains(pointAt(g, 0.5))) {
            labels.push_back(Label{g, d.edgeLabel[e], mark});
        }
    }
    const QFontMetricsF fm(chartFont(ChartStyle::LabelSize));
    // Edge labels keep off the nodes and their labels when the view is small enough to check.
    std::vector<QRectF> nodeBoxes;
    if (obstacles.enabled && labels.size() * obstacles.centres.size() < 4'000'000) {
        for (size_t i = 0; i < d.x.size(); ++i) {
            const QPointF c(d.x[i], d.y[i]);
            if (!d.isVisible(qint32(i)) || !near.contains(c)) {
                continue;
            }
            const double w = std::max(2.0 * ChartStyle::NodeRadius,
                                      std::min(double(ChartStyle::LabelWidth), fm.horizontalAdvance(d.nodeLabel[i])));
            const int rows = fm.horizontalAdvance(d.nodeLabel[i]) > ChartStyle::LabelWidth ? 2 : 1;
            const double r = ChartStyle::NodeRadius * d.sizeFactor(i);
            nodeBoxes.emplace_back(c.x() - std::max(w / 2 + 3, r), c.y() - r, std::max(w + 6, 2 * r), 2 * r + 4 + fm.height() * rows);
        }
    }
    for (const Label &l : labels) {
        frame.labels.push_back(edgeLabel(d.labels.at(l.text), l.at, l.mark, nodeBoxes));
    }
    for (size_t i = 0; i < d.x.size(); ++i) {
        const QPointF c(d.x[i], d.y[i]);
        if (!d.isVisible(qint32(i)) || !near.contains(c)) {
            continue;
        }
        // The disc (or group stack), its ring, badges and tag dots; the label under it.
        const double factor = d.sizeFactor(i);
        DetailFrame::Node node{i, {}, bounding({c}, ChartStyle::NodeRadius * (factor + 0.5) + 30)};
        if (frame.nodeLabels) {
            node.label = nodeLabelCache[i];
            node.bounds = node.bounds.united(node.label.box.adjusted(-2, -2, 2, 2));
        }
        frame.nodes.push_back(std::move(node));
    }
    return frame;
}

/// Paints the items of `frame` that meet `area` (chart units; null: all) through `painter`.
void drawDetail(QPainter &painter, const ChartData &d, const DetailFrame &frame, const QRectF &area, const ChartPaintOptions &options)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const auto meetsArea = [&](const QRectF &bounds) { return area.isNull() || area.intersects(bounds); };
    // Edges first, then their labels over all lines, then nodes over both.
    EdgePens pens;
    for (const DetailFrame::Edge &e : frame.edges) {
        if (!meetsArea(e.bounds)) {
            continue;
        }
        painter.setBrush(Qt::NoBrush);
        ChartEdgeStroke::strokePiece(painter, pens.of(e.confidence, e.mark), e.curved, e.piece);
        if (e.directed) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(markColour(e.mark));
            drawArrowhead(painter, e.tip, e.from, e.head);
        }
    }
    const QFont edgeFont = chartFont(ChartStyle::EdgeLabelSize);
    for (const DetailFrame::EdgeLabel &l : frame.labels) {
        if (!meetsArea(l.box.adjusted(-1, -1, 1, 1))) {
            continue;
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRoundedRect(l.box, 3, 3);
        painter.setFont(edgeFont);
        painter.setPen(l.mark == EdgeMark::None ? QColor(0x3d, 0x45, 0x4d) : markColour(l.mark).darker(120));
        painter.drawText(l.box, Qt::AlignCenter, l.text);
    }

    const QFont font = chartFont(ChartStyle::LabelSize);
    const QFont bold = chartFont(ChartStyle::LabelSize, true);
    const float half = ChartStyle::IconSize / 2;
    const bool coloured = d.measures.component.size() == d.x.size();
    for (const DetailFrame::Node &node : frame.nodes) {
        if (!meetsArea(node.bounds)) {
            continue;
        }
        const size_t i = node.index;
        const QPointF c(d.x[i], d.y[i]);
        const quint8 flags = d.nodeFlags[i];
        const bool selected = flags & NodeSelected;
        const bool hl = flags & NodeHighlighted;
        // A sized node (ChartMeasures) is the same disc and icon scaled about the centre; badges,
        // tag dots and the label keep their size.
        const float factor = d.sizeFactor(i);
        if (factor != 1.0f) {
            painter.save();
            painter.translate(c);
            painter.scale(factor, factor);
            painter.translate(-c);
        }
        const qint32 component = coloured ? d.measures.component[i] : -1;
        if (flags & NodeGroup) {
            if (component >= 0) { // a ring in the component's colour around the stack
                painter.setPen(QPen(ChartMeasures::componentColour(component), 3 / double(factor)));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(c, ChartStyle::NodeRadius + 6.0, ChartStyle::NodeRadius + 6.0);
            }
            ChartGroups::paintGroupNode(painter, c, selected, hl);
        } else {
            // A white disc keeps lines from showing through the icon's transparent parts; coloured
            // by component, the disc takes a pale tint and a ring of the component's colour.
            QColor stroke = hl ? HighlightColour : selected ? SelectionStroke : QColor(0xc9, 0xcf, 0xd6);
            QColor fill = selected ? SelectionFill : QColor(Qt::white);
            double width = hl || selected ? 2.5 : 1.0;
            if (component >= 0) {
                const QColor colour = ChartMeasures::componentColour(component);
                stroke = hl || selected ? stroke : colour;
                fill = selected ? fill : QColor::fromRgbF(0.8f + 0.2f * colour.redF(), 0.8f + 0.2f * colour.greenF(), 0.8f + 0.2f * colour.blueF());
                width = hl || selected ? 3.5 : 3.0;
            }
            painter.setPen(QPen(stroke, width / double(factor))); // rings keep their width when scaled
            painter.setBrush(fill);
            painter.drawEllipse(c, double(ChartStyle::NodeRadius), double(ChartStyle::NodeRadius));
        }
        const QRectF iconRect(c.x() - half * 0.78, c.y() - half * 0.78, half * 1.56, half * 1.56);
        ChartIcons::paint(painter, d.nodeIcon[i], iconRect, options.vector);
        // Badges keep their size on the rim of a larger disc.
        const double rim = ChartStyle::NodeRadius * double(factor);
        if (factor != 1.0f) {
            painter.restore();
        }
        if (flags & NodeSanctioned) {
            const QPointF b(c.x() + rim * 0.72, c.y() - rim * 0.72);
            painter.setPen(QPen(Qt::white, 1.5));
            painter.setBrush(SanctionColour);
            painter.drawEllipse(b, 8.0, 8.0);
            painter.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(b.x(), b.y() - 4), QPointF(b.x(), b.y() + 1));
            painter.drawPoint(QPointF(b.x(), b.y() + 4));
        }
        if (flags & NodePinned) {
            const QPointF p(c.x() - rim * 0.72, c.y() - rim * 0.72);
            painter.setPen(QPen(Qt::white, 1.2));
            painter.setBrush(QColor(0x55, 0x60, 0x6b));
            painter.drawEllipse(p, 4.5, 4.5);
        }
        ChartTags::paintDots(painter, d, qint32(i), c, rim);
        if (frame.nodeLabels) {
            const NodeLabel &label = node.label;
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 220));
            painter.drawRoundedRect(label.box, 3, 3);
            painter.setFont(selected ? bold : font);
            painter.setPen(LabelColour);
            painter.drawText(label.box, Qt::AlignHCenter | Qt::AlignTop, label.lines.join(QLatin1Char('\n')));
        }
    }
}

/// Paints a detail frame: in bands of rows on several threads when the painter's device is an
/// image that allows it (ChartBands::paintImage), else in one pass.
void paintDetail(QPainter &painter, const ChartData &d, const QRectF &visible, const ChartPaintOptions &options)
{
    const DetailFrame frame = prepareDetail(painter, d, visible, options);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const auto draw = [&](QPainter &p, const QRectF &area) { drawDetail(p, d, frame, area, options); };
    if (options.vector || !ChartBands::paintImage(painter, options.bands, draw)) {
        draw(painter, QRectF());
    }
}


/// Returns the legend's box.
QRectF paintLegend(QPainter &painter, const QRectF &visible)
{
    const QFont font = chartFont(ChartStyle::EdgeLabelSize);
    const QFontMetricsF fm(font);
    const Confidence levels[] = {Confidence::Corroborated, Confidence::SingleSource, Confidence::Unsourced};
    QStringList texts;
    for (const Confidence level : levels) {
        texts << Models::supportLevelName(level);
    }
    double width = 0;
    for (const QString &t : texts) {
        width = std::max(width, fm.horizontalAdvance(t));
    }
    const double rowH = fm.height() + 4;
    const QRectF box(visible.left() + 4, visible.bottom() - 3 * rowH - 12, width + 58, 3 * rowH + 8);
    painter.setPen(QPen(QColor(0xd0, 0xd5, 0xdb), 1));
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 4, 4);
    painter.setFont(font);
    for (int k = 0; k < 3; ++k) {
        const double yy = box.top() + 4 + rowH * (k + 0.5);
        paintSupportSample(painter, levels[k], EdgeColour, QPointF(box.left() + 8, yy), QPointF(box.left() + 42, yy));
        painter.setPen(LabelColour);
        painter.drawText(QRectF(box.left() + 50, yy - rowH / 2, width + 4, rowH), Qt::AlignVCenter, texts.at(k));
    }
    return box;
}

} // namespace

void ChartPainter::paint(QPainter &painter, const ChartData &data, const QRectF &visible,
                         const ChartPaintOptions &options)
{
    const double scale = scaleOf(painter);
    frameStats() = {};
    ChartGroups::paintFrames(painter, data, visible, options.vector); // under everything
    if (!options.vector && isOverview(scale)) {
        ChartOverview::paint(painter, data, visible, nodePixels(scale) >= 4);
    } else {
        paintDetail(painter, data, visible, options);
    }
    ChartGroups::paintTabs(painter, data, visible, options.vector);
    if (options.legend) {
        const QRectF lines = paintLegend(painter, visible);
        if (ChartMeasures::hasLegend(data)) {
            ChartMeasures::paintLegend(painter, data, QPointF(lines.right() + 8, lines.bottom()));
        }
    }
}

ChartPaintStats ChartPainter::lastStats()
{
    return frameStats();
}

double ChartPainter::nodeRadius(const ChartData &data, qint32 node)
{
    return double(ChartStyle::NodeRadius) * double(data.sizeFactor(size_t(node)));
}

namespace {
/// Node `i`'s disc, badge and label in chart units; `measure`: the label's own lines, otherwise
/// two lines of the widest label.
QRectF nodeBoundsWith(const ChartData &data, qint32 i, const QFontMetricsF &fm, bool measure)
{
    const QPointF c = data.position(i);
    double width = ChartStyle::LabelWidth;
    int rows = 2;
    if (measure) {
        const QStringList lines = labelLines(data.nodeLabel[size_t(i)], fm);
        rows = int(lines.size());
        width = 0;
        for (const QString &line : lines) {
            width = std::max(width, fm.horizontalAdvance(line));
        }
    }
    const double disc = ChartPainter::nodeRadius(data, i);
    const double r = disc + 10 * double(data.sizeFactor(size_t(i))); // badge
    return QRectF(c.x() - std::max(r, width / 2 + 4), c.y() - r, 2 * std::max(r, width / 2 + 4),
                  r + disc + 4 + fm.height() * rows);
}
} // namespace

QRectF ChartPainter::nodeBounds(const ChartData &data, qint32 node)
{
    return nodeBoundsWith(data, node, QFontMetricsF(chartFont(ChartStyle::LabelSize, true)), true);
}

qint32 ChartPainter::edgeAt(const ChartData &data, QPointF point, double tolerance, const QRectF &visible)
{
    // The same geometry as a detail frame of `visible`: its obstacles, so detours bend the same way.
    const double margin = ChartStyle::LabelWidth;
    const Obstacles obstacles = obstaclesIn(data, visible.adjusted(-margin, -margin, margin, margin));
    const QFontMetricsF fm(chartFont(ChartStyle::EdgeLabelSize));
    // A bend moves the curve at most this far from the line between the ends (a detour's control
    // point sits at most ~4.7 obstacle radii out, the curve half as far).
    const double reach = tolerance + 3 * ObstacleRadius + ChartStyle::CurveStep * 4;
    qint32 best = -1;
    double bestDistance = tolerance;
    for (qint32 e = 0; e < data.edgeCount(); ++e) {
        if (!data.isEdgeVisible(e)) {
            continue;
        }
        const QPointF a = data.position(data.edgeFrom[size_t(e)]), b = data.position(data.edgeTo[size_t(e)]);
        if (point.x() < std::min(a.x(), b.x()) - reach || point.x() > std::max(a.x(), b.x()) + reach ||
            point.y() < std::min(a.y(), b.y()) - reach || point.y() > std::max(a.y(), b.y()) + reach) {
            continue;
        }
        const EdgeGeometry g = edgeGeometry(data, size_t(e), 2, obstacles);
        if (!g.valid) {
            continue;
        }
        // On its label (at the middle of the edge, where edgeLabelBox puts it unless a node is there).
        const QString &label = data.labels.value(data.edgeLabel[size_t(e)]);
        if (!label.isEmpty()) {
            const QPointF mid = pointAt(g, 0.5);
            const double w = std::min(fm.horizontalAdvance(label), double(ChartStyle::LabelWidth)) + 8;
            if (std::abs(point.x() - mid.x()) <= w / 2 && std::abs(point.y() - mid.y()) <= fm.height() / 2 + 1) {
                return e;
            }
        }
        // Else the distance to the line, the curve taken as 24 straight pieces.
        const int pieces = g.curved ? 24 : 1;
        QPointF from = g.p0;
        for (int k = 1; k <= pieces; ++k) {
            const QPointF to = pointAt(g, double(k) / pieces);
            const QPointF v = to - from, w = point - from;
            const double l2 = v.x() * v.x() + v.y() * v.y();
            const double t = l2 > 0 ? std::clamp((w.x() * v.x() + w.y() * v.y()) / l2, 0.0, 1.0) : 0.0;
            const QPointF d = point - (from + v * t);
            const double distance = std::hypot(d.x(), d.y());
            if (distance <= bestDistance) {
                best = e;
                bestDistance = distance;
            }
            from = to;
        }
    }
    return best;
}

QRectF ChartPainter::contentRect(const ChartData &data)
{
    const QFontMetricsF fm(chartFont(ChartStyle::LabelSize, true));
    QRectF rect;
    const bool measure = data.nodeCount() <= 20000; // beyond, labels are estimated
    for (qint32 i = 0; i < data.nodeCount(); ++i) {
        if (!data.isVisible(i)) {
            continue;
        }
        const QRectF node = nodeBoundsWith(data, i, fm, measure);
        rect = rect.isNull() ? node : rect.united(node);
    }
    // Edges that bend around a node (parallel ones, detours) may pass outside the nodes: their
    // middles, where the label sits, count too, when the detours are drawn at all.
    if (!rect.isNull()) {
        const Obstacles obstacles = obstaclesIn(data, rect);
        const QFontMetricsF edgeFm(chartFont(ChartStyle::EdgeLabelSize));
        for (qint32 e = 0; obstacles.enabled && e < data.edgeCount(); ++e) {
            if (!data.isEdgeVisible(e)) {
                continue;
            }
            const EdgeGeometry g = edgeGeometry(data, size_t(e), 2, obstacles);
            if (g.valid && g.curved) {
                const QPointF mid = pointAt(g, 0.5);
                const QString &label = data.labels.value(data.edgeLabel[size_t(e)]);
                const double w = label.isEmpty() ? 4 : std::min(edgeFm.horizontalAdvance(label), double(ChartStyle::LabelWidth)) + 8;
                rect = rect.united(QRectF(mid.x() - w / 2, mid.y() - edgeFm.height() / 2 - 1, w, edgeFm.height() + 2));
            }
        }
    }
    const QRectF frames = ChartGroups::framesRect(data);
    return frames.isNull() ? rect : rect.united(frames);
}

} // namespace Casegraph::Ui

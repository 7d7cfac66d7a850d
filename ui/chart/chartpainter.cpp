// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpainter.h"
#include "chartdata.h"
#include "chartedgestroke.h"
#include "chartgroups.h"
#include "charticons.h"
#include "chartmeasure.h"
#include "charttags.h"
#include "supportstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <QThread>

#include <algorithm>
#include <array>
#include <cmath>
#include <thread>
#include <unordered_map>

namespace Casegraph::Ui {

namespace {

const QColor EdgeColour(0x6b, 0x75, 0x80);
const QColor EdgeOverviewColour(0x9a, 0xa3, 0xad);
const QColor HighlightColour(0xe8, 0x71, 0x0a);
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
            // Selected nodes have bold labels (the selection does not change within a frame).
            const QFontMetricsF &fm = (m_data.nodeFlags[i] & NodeSelected) ? m_boldMetrics : m_metrics;
            NodeLabel label;
            label.lines = labelLines(m_data.nodeLabel[i], fm);
            double width = 0;
            for (const QString &line : label.lines) {
                width = std::max(width, fm.horizontalAdvance(line));
            }
            label.box = QRectF(m_data.x[i] - width / 2 - 3, m_data.y[i] + ChartStyle::NodeRadius * m_data.sizeFactor(i) + 2,
                               width + 6,
                               fm.height() * double(label.lines.size()) + 2);
            it = m_labels.emplace(i, std::move(label)).first;
        }
        return it->second;
    }

private:
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

/// A minimal rasterizer for the overview levels of detail: hairlines, 2×2 points and small discs
/// written as palette indexes (0 = nothing) into a byte buffer that covers the clip rectangle, then
/// expanded into the 32-bit image in one pass. At 100,000 nodes and 300,000 edges QPainter's
/// per-primitive cost dominates; here a pixel costs a store, and a byte per pixel keeps the
/// buffer (1.6 MB at 1600×1000) in cache where a 32-bit image (6.4 MB) would not be.
/// Lines are stepped along their major axis from their unclipped start (fixed point), so the pixels
/// of a line do not depend on the clip: a strip drawn after a pan joins the scrolled image exactly.
class Raster {
public:
    using Ink = quint8;
    /// `draw` false: only for misses() (no buffer).
    Raster(const QImage &image, QRect clip, bool draw = true) : m_clip(clip.intersected(image.rect()))
    {
        m_stride = m_clip.width();
        if (draw) {
            thread_local std::vector<Ink> buffer;
            buffer.assign(size_t(std::max(0, m_clip.width() * m_clip.height())), 0);
            m_bits = buffer.data();
        }
    }
    bool isEmpty() const { return m_clip.isEmpty(); }
    void point(int x, int y, Ink c)
    {
        if (x >= m_clip.left() && y >= m_clip.top() && x <= m_clip.right() && y <= m_clip.bottom()) {
            m_bits[at(x, y)] = c;
        }
    }
    /// Writes the inked pixels into the image (whose size the clip was cut to), through `palette`.
    void expand(QImage &image, const std::array<QRgb, 256> &palette) const
    {
        for (int y = 0; y < m_clip.height(); ++y) {
            const Ink *in = m_bits + qsizetype(y) * m_stride;
            auto *out = reinterpret_cast<QRgb *>(image.scanLine(m_clip.top() + y)) + m_clip.left();
            for (int x = 0; x < m_clip.width(); ++x) {
                if (in[x]) {
                    out[x] = palette[in[x]];
                }
            }
        }
    }
    /// Whether the segment's bounding box misses the clip.
    bool misses(float x0, float y0, float x1, float y1) const
    {
        return std::max(x0, x1) < float(m_clip.left()) || std::min(x0, x1) >= float(m_clip.right() + 1) ||
               std::max(y0, y1) < float(m_clip.top()) || std::min(y0, y1) >= float(m_clip.bottom() + 1);
    }
    /// `mask`: 16-bit pattern repeated along the line (bit set = ink), 0xffff for solid.
    void line(double x0, double y0, double x1, double y1, Ink c, quint16 mask = 0xffff)
    {
        // Far outside (deep zoom): bring the ends within ±2^20 px first, where fixed point is exact enough.
        constexpr double Far = 1 << 20;
        if (std::abs(x0) > Far || std::abs(y0) > Far || std::abs(x1) > Far || std::abs(y1) > Far) {
            if (!ChartEdgeStroke::clipSegment(x0, y0, x1, y1, -Far, -Far, Far, Far)) {
                return;
            }
        }
        if (std::abs(x1 - x0) >= std::abs(y1 - y0)) {
            walk<false>(x0, y0, x1, y1, c, mask);
        } else {
            walk<true>(y0, x0, y1, x1, c, mask);
        }
    }
    void disc(QPointF centre, int r, Ink fill, Ink outline)
    {
        const int cx = int(std::floor(centre.x())), cy = int(std::floor(centre.y()));
        if (cx + r < m_clip.left() || cy + r < m_clip.top() || cx - r > m_clip.right() || cy - r > m_clip.bottom()) {
            return;
        }
        for (int y = -r; y <= r; ++y) {
            for (int x = -r; x <= r; ++x) {
                const int d2 = x * x + y * y;
                if (d2 <= r * r) {
                    point(cx + x, cy + y, d2 > (r - 1) * (r - 1) ? outline : fill);
                }
            }
        }
    }

private:
    /// Steps u (major axis) one pixel at a time from round(u0) to round(u1); v in 32.32 fixed point.
    /// Transposed: u is y and v is x.
    template<bool Transposed> void walk(double u0, double v0, double u1, double v1, Ink c, quint16 mask)
    {
        const int ua = int(std::lround(u0)), ub = int(std::lround(u1));
        const int n = std::abs(ub - ua);
        const int su = ub >= ua ? 1 : -1;
        const double slope = n > 0 ? (v1 - v0) / double(ub - ua) : 0;
        const qint64 inc = qint64(slope * su * 4294967296.0);
        const qint64 vStart = qint64((v0 + (ua - u0) * slope + 0.5) * 4294967296.0);
        const int uLo = Transposed ? m_clip.top() : m_clip.left(), uHi = Transposed ? m_clip.bottom() : m_clip.right();
        const int vLo = Transposed ? m_clip.left() : m_clip.top(), vHi = Transposed ? m_clip.right() : m_clip.bottom();
        // Steps i in [i0, i1] keep u inside the clip.
        int i0 = 0, i1 = n;
        if (su > 0) {
            i0 = std::max(i0, uLo - ua);
            i1 = std::min(i1, uHi - ua);
        } else {
            i0 = std::max(i0, ua - uHi);
            i1 = std::min(i1, ua - uLo);
        }
        if (i0 > i1) {
            return;
        }
        // And v: narrow by division (with a step of slack for rounding), then test each pixel.
        if (inc != 0) {
            const double vLoF = (double(vLo) - 1) * 4294967296.0, vHiF = (double(vHi) + 2) * 4294967296.0;
            double a = (vLoF - double(vStart)) / double(inc), b = (vHiF - double(vStart)) / double(inc);
            if (a > b) {
                std::swap(a, b);
            }
            i0 = std::max(i0, int(std::max(-1.0, std::floor(a))));
            i1 = std::min(i1, int(std::min(double(n) + 1, std::ceil(b))));
        } else if ((vStart >> 32) < vLo || (vStart >> 32) > vHi) {
            return;
        }
        // v is monotonic in i: trim the few steps at either end that the division let through,
        // and the loop below needs no bounds test.
        const auto vAt = [&](int i) { return int((vStart + qint64(i) * inc) >> 32); };
        while (i0 <= i1 && (vAt(i0) < vLo || vAt(i0) > vHi)) {
            ++i0;
        }
        while (i1 >= i0 && (vAt(i1) < vLo || vAt(i1) > vHi)) {
            --i1;
        }
        qint64 v = vStart + qint64(i0) * inc;
        // p walks along u; v is added as an offset from the clip's origin.
        const int u = ua + su * i0;
        qsizetype k = Transposed ? qsizetype(u - m_clip.top()) * m_stride - m_clip.left()
                                 : qsizetype(u - m_clip.left()) - qsizetype(m_clip.top()) * m_stride;
        const qsizetype uStep = Transposed ? su * m_stride : su;
        const qsizetype vStride = Transposed ? 1 : m_stride;
        if (mask == 0xffff) {
            for (int i = i0; i <= i1; ++i, k += uStep, v += inc) {
                m_bits[k + qsizetype(v >> 32) * vStride] = c;
            }
        } else {
            for (int i = i0; i <= i1; ++i, k += uStep, v += inc) {
                if (mask & (1u << (unsigned(i) & 15))) {
                    m_bits[k + qsizetype(v >> 32) * vStride] = c;
                }
            }
        }
    }
    qsizetype at(int x, int y) const { return qsizetype(y - m_clip.top()) * m_stride + (x - m_clip.left()); }
    QRect m_clip;
    Ink *m_bits = nullptr;
    qsizetype m_stride = 0;
};

quint16 maskOf(quint8 confidence)
{
    switch (Confidence(confidence)) {
    case Confidence::Corroborated:
        return 0xffff;
    case Confidence::SingleSource:
        return 0x03ff; // 10 on, 6 off
    case Confidence::Unsourced:
        break;
    }
    return 0x4924; // one pixel in three
}

/// The painter's image when the overview can write into it directly (ChartEdgeStroke::directImage,
/// in a 32-bit format); otherwise nullptr, and the overview goes through an image of its own.
QImage *directTarget(QPainter &painter)
{
    QImage *image = ChartEdgeStroke::directImage(painter);
    switch (image ? image->format() : QImage::Format_Invalid) {
    case QImage::Format_RGB32:
    case QImage::Format_ARGB32:
    case QImage::Format_ARGB32_Premultiplied:
        return image;
    default:
        return nullptr;
    }
}

/// Nodes as points or small discs and edges as hairlines, rasterized by hand (level of detail for
/// overviews): into the painter's own image when possible, else into an image of the device's size
/// that is then drawn once.
void paintOverview(QPainter &painter, const ChartData &d, const QRectF &visible, bool discs)
{
    QImage *target = directTarget(painter);
    QImage own;
    QTransform t;
    QRect clip;
    if (target) {
        t = painter.deviceTransform();
        clip = t.mapRect(visible).toAlignedRect();
    } else {
        const QRect viewport = painter.viewport();
        if (viewport.isEmpty()) {
            return;
        }
        own = QImage(viewport.size(), QImage::Format_ARGB32_Premultiplied);
        own.fill(Qt::transparent);
        target = &own;
        t = painter.transform();
        clip = t.mapRect(visible).toAlignedRect();
    }
    clip = clip.intersected(target->rect());
    if (clip.isEmpty()) {
        return;
    }
    const double s = std::sqrt(std::abs(t.determinant()));
    // Device positions of the nodes, once per frame; NaN for nodes not shown.
    const size_t n = d.x.size();
    std::vector<float> px(n), py(n);
    const float sx = float(t.m11()), sy = float(t.m22()), dx = float(t.dx()), dy = float(t.dy());
    for (size_t i = 0; i < n; ++i) {
        px[i] = d.isVisible(qint32(i)) ? d.x[i] * sx + dx : qQNaN();
        py[i] = d.y[i] * sy + dy;
    }
    // Palette: 1 edges, 2 the highlighted path, then per icon family plain, lighter, darker (the
    // last family slot stands for the selected and highlighted nodes).
    enum : Raster::Ink { EdgeInk = 1, HighlightInk = 2, FamilyInk = 3 };
    constexpr int Families = 63;
    // Then per component colour (ChartMeasures) the same three, the last for the rest in grey.
    constexpr int ComponentInk = FamilyInk + 3 * (Families + 1);
    static_assert(ComponentInk + 3 * (ChartMeasures::PaletteSize + 1) <= 256);
    std::array<QRgb, 256> palette{};
    palette[EdgeInk] = (discs ? EdgeColour : EdgeOverviewColour).rgba();
    palette[HighlightInk] = HighlightColour.rgba();
    for (int f = 0; f <= Families; ++f) {
        const QColor colour = f == Families ? HighlightColour : ChartIcons::colour(quint8(f));
        palette[size_t(FamilyInk + 3 * f)] = colour.rgba();
        palette[size_t(FamilyInk + 3 * f + 1)] = colour.lighter(160).rgba();
        palette[size_t(FamilyInk + 3 * f + 2)] = colour.darker(130).rgba();
    }
    for (int c = 0; c <= ChartMeasures::PaletteSize; ++c) {
        const QColor colour = ChartMeasures::componentColour(c);
        palette[size_t(ComponentInk + 3 * c)] = colour.rgba();
        palette[size_t(ComponentInk + 3 * c + 1)] = colour.lighter(140).rgba();
        palette[size_t(ComponentInk + 3 * c + 2)] = colour.darker(130).rgba();
    }
    // Sized nodes (ChartMeasures): discs and edge ends follow each node's factor.
    const bool sized = d.measures.scale.size() == n;
    const bool coloured = d.measures.component.size() == n;
    const Raster::Ink edge = EdgeInk, highlight = HighlightInk;
    const bool arrows = discs && ChartPainter::nodePixels(s) >= 8;
    const double trim = discs ? ChartPainter::nodePixels(s) * 0.5 : 0;
    // The edges to draw, in device coordinates, once per frame (the bands below then read them in
    // order): visible, meeting the clip, longer than a pixel beyond the discs.
    struct Segment {
        float x0, y0, x1, y1;
        quint16 mask;
        bool highlighted, arrow;
    };
    std::vector<Segment> segments;
    segments.reserve(d.edgeFrom.size());
    {
        const Raster whole(*target, clip, false);
        for (size_t e = 0; e < d.edgeFrom.size(); ++e) {
            const quint8 flags = d.edgeFlags[e];
            if (flags & EdgeFiltered) {
                continue;
            }
            const size_t from = size_t(d.edgeFrom[e]), to = size_t(d.edgeTo[e]);
            double x0 = px[from], y0 = py[from], x1 = px[to], y1 = py[to];
            if (std::isnan(x0) || std::isnan(x1) || whole.misses(float(x0), float(y0), float(x1), float(y1))) {
                continue;
            }
            const double ddx = x1 - x0, ddy = y1 - y0;
            const double l = std::abs(ddx) + std::abs(ddy) < 1 ? 0 : std::sqrt(ddx * ddx + ddy * ddy);
            const double trim0 = sized ? trim * d.measures.scale[from] : trim;
            const double trim1 = sized ? trim * d.measures.scale[to] : trim;
            if (l < 1 + trim0 + trim1) {
                continue; // sub-pixel, or hidden under the discs
            }
            if (trim > 0) {
                const double ux = ddx / l, uy = ddy / l;
                x0 += ux * trim0;
                y0 += uy * trim0;
                x1 -= ux * trim1;
                y1 -= uy * trim1;
            }
            const bool highlighted = flags & EdgeHighlighted;
            segments.push_back(Segment{float(x0), float(y0), float(x1), float(y1),
                                       discs && !highlighted ? maskOf(d.edgeConfidence[e]) : quint16(0xffff),
                                       highlighted, arrows && !highlighted && (flags & EdgeDirected)});
        }
    }
    const int r = std::max(1, int(ChartPainter::nodePixels(s) / 2 * 0.8));
    const double sizedR = ChartPainter::nodePixels(s) / 2 * 0.8; // times each node's factor
    // One band of rows: edges, then the highlighted path over them, then nodes, into its own Raster.
    const auto band = [&](const QRect &clip) {
        Raster raster(*target, clip);
        for (const bool highlightPass : {false, true}) {
            for (const Segment &g : segments) {
                if (g.highlighted != highlightPass || raster.misses(g.x0, g.y0, g.x1, g.y1)) {
                    continue;
                }
                if (!highlightPass) {
                    raster.line(g.x0, g.y0, g.x1, g.y1, edge, g.mask);
                } else {
                    for (const auto &[ox, oy] : {std::pair{0, 0}, std::pair{1, 0}, std::pair{0, 1}}) {
                        raster.line(g.x0 + ox, g.y0 + oy, g.x1 + ox, g.y1 + oy, highlight);
                    }
                }
                if (g.arrow) {
                    const double dx = g.x1 - g.x0, dy = g.y1 - g.y0, l = std::sqrt(dx * dx + dy * dy);
                    const double ux = dx / l, uy = dy / l;
                    raster.line(g.x1, g.y1, g.x1 - ux * 5 - uy * 2.5, g.y1 - uy * 5 + ux * 2.5, edge);
                    raster.line(g.x1, g.y1, g.x1 - ux * 5 + uy * 2.5, g.y1 - uy * 5 - ux * 2.5, edge);
                }
            }
        }
        const float margin = float(sized ? sizedR * double(d.measures.maxScale) + 2 : r + 2);
        const float left = float(clip.left()) - margin, top = float(clip.top()) - margin;
        const float right = float(clip.right()) + margin, bottom = float(clip.bottom()) + margin;
        for (size_t i = 0; i < n; ++i) {
            const float x = px[i], y = py[i];
            if (!(x >= left && x <= right && y >= top && y <= bottom)) {
                continue; // off the clip, or not shown (NaN)
            }
            const bool marked = d.nodeFlags[i] & (NodeSelected | NodeHighlighted);
            auto ink = Raster::Ink(FamilyInk + 3 * (marked ? Families : std::min<int>(d.nodeIcon[i], Families - 1)));
            if (coloured && !marked) {
                ink = Raster::Ink(ComponentInk + 3 * std::clamp<qint32>(d.measures.component[i], 0, ChartMeasures::PaletteSize));
            }
            const int ri = sized ? std::max(1, int(sizedR * double(d.measures.scale[i]))) : r;
            if (discs || (sized && ri >= 2)) {
                raster.disc(QPointF(x, y), ri, Raster::Ink(ink + 1), Raster::Ink(ink + 2));
            } else {
                const int ix = int(std::floor(x)), iy = int(std::floor(y));
                raster.point(ix, iy, ink);
                raster.point(ix + 1, iy, ink);
                raster.point(ix, iy + 1, ink);
                raster.point(ix + 1, iy + 1, ink);
            }
        }
        raster.expand(*target, palette);
    };
    // Bands of rows on several threads: each walks every edge but writes only its own rows, and
    // a line's pixels do not depend on the clip, so the bands join exactly. Pixels dominate.
    const int bands = clip.height() >= 256 ? std::clamp(QThread::idealThreadCount(), 1, 4) : 1;
    std::vector<std::thread> workers;
    const auto bandRect = [&](int b) {
        const int top = clip.top() + clip.height() * b / bands, bottom = clip.top() + clip.height() * (b + 1) / bands;
        return QRect(clip.left(), top, clip.width(), bottom - top);
    };
    for (int b = 1; b < bands; ++b) {
        workers.emplace_back(band, bandRect(b));
    }
    band(bandRect(0));
    for (auto &w : workers) {
        w.join();
    }
    if (target == &own) {
        painter.save();
        painter.resetTransform();
        painter.drawImage(painter.viewport().topLeft(), own);
        painter.restore();
    }
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

void paintEdgeLabel(QPainter &painter, const QString &text, const EdgeGeometry &g, bool highlighted,
                    const std::vector<QRectF> &nodeBoxes)
{
    const QFont font = chartFont(ChartStyle::EdgeLabelSize);
    const QFontMetricsF fm(font);
    const QString shown = fm.elidedText(text, Qt::ElideRight, ChartStyle::LabelWidth);
    const QRectF box = edgeLabelBox(g, QSizeF(fm.horizontalAdvance(shown) + 8, fm.height() + 2), nodeBoxes);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 235));
    painter.drawRoundedRect(box, 3, 3);
    painter.setFont(font);
    painter.setPen(highlighted ? HighlightColour.darker(120) : QColor(0x3d, 0x45, 0x4d));
    painter.drawText(box, Qt::AlignCenter, shown);
}

ChartPaintStats &frameStats()
{
    thread_local ChartPaintStats stats;
    return stats;
}

/// The edge pens of one frame, by confidence and highlight (each built once).
class EdgePens {
public:
    const QPen &of(quint8 confidence, bool highlighted)
    {
        const size_t k = size_t(std::min<quint8>(confidence, 2)) * 2 + (highlighted ? 1 : 0);
        if (!m_made[k]) {
            m_pens[k] = supportPen(Confidence(k / 2), highlighted ? HighlightColour : EdgeColour, highlighted ? 3.0 : 1.5);
            m_made[k] = true;
        }
        return m_pens[k];
    }

private:
    std::array<QPen, 6> m_pens;
    std::array<bool, 6> m_made{};
};

void paintDetail(QPainter &painter, const ChartData &d, const QRectF &visible, const ChartPaintOptions &options)
{
    const double s = options.vector ? 4.0 : scaleOf(painter);
    const bool nodeLabels = ChartStyle::LabelSize * s >= 5;
    const bool edgeLabels = ChartStyle::EdgeLabelSize * s >= 6;
    const double margin = ChartStyle::LabelWidth;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);

    NodeLabels nodeLabelCache(d);
    // Edges first, then their labels over all lines, then nodes over both.
    struct Label {
        EdgeGeometry at;
        quint32 text;
        bool highlighted;
    };
    std::vector<Label> labels;
    // Edges that would run through another node bend around it; the check costs nodes × edges,
    // so it is left out when a detailed view holds very many of both.
    const QRectF near = visible.adjusted(-margin, -margin, margin, margin);
    const Obstacles obstacles = obstaclesIn(d, near);
    // clearOfLabel moves a tip back by at most a label box (LabelWidth + 6 by two lines).
    const double tipMargin = ChartStyle::LabelWidth + 60;
    const QRectF tipZone = visible.adjusted(-tipMargin, -tipMargin, tipMargin, tipMargin);
    EdgePens pens;
    ChartPaintStats &stats = frameStats();
    // Edges are cut to the view plus room for the widest pen's caps (export keeps them whole).
    const double pad = 3 + 8 / scaleOf(painter);
    const QRectF cut = options.vector || options.wholeEdges ? QRectF() : visible.adjusted(-pad, -pad, pad, pad);
    for (size_t e = 0; e < d.edgeFrom.size(); ++e) {
        if (!d.isEdgeVisible(qint32(e))) {
            continue;
        }
        if (!meets(visible, d.position(d.edgeFrom[e]), d.position(d.edgeTo[e]), margin)) {
            continue;
        }
        const bool hl = d.edgeFlags[e] & EdgeHighlighted;
        EdgeGeometry g = edgeGeometry(d, e, 2, obstacles);
        if (!g.valid) {
            continue;
        }
        const bool directed = d.edgeFlags[e] & EdgeDirected;
        const double head = hl ? 13 : 10;
        // A straight edge whose tip lies far outside the view keeps its visible part whatever the
        // label does to the tip: the target's label is not measured (text costs ~50 µs a label).
        const bool tipFar = !g.curved && !tipZone.contains(g.p1);
        if (directed && nodeLabels && !tipFar) {
            g.p1 = clearOfLabel(nodeLabelCache[size_t(d.edgeTo[e])].box, g.p1, g.curved ? g.c : g.p0, head);
        }
        const QColor colour = hl ? HighlightColour : EdgeColour;
        painter.setBrush(Qt::NoBrush);
        // The line stops where the arrowhead starts, so dashes never poke through its tip.
        const QPointF dir = g.p1 - (g.curved ? g.c : g.p0);
        const double dl = std::hypot(dir.x(), dir.y());
        const QPointF end = directed && dl > head ? g.p1 - dir / dl * (head * 0.8) : g.p1;
        ChartEdgeStroke::strokeEdge(painter, pens.of(d.edgeConfidence[e], hl), g.curved, g.p0, g.c, end, cut, stats);
        if (directed) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            drawArrowhead(painter, g.p1, g.curved ? g.c : g.p0, head);
        }
        if (edgeLabels && d.edgeLabel[e] < quint32(d.labels.size()) && !d.labels.at(d.edgeLabel[e]).isEmpty() &&
            visible.contains(pointAt(g, 0.5))) {
            labels.push_back(Label{g, d.edgeLabel[e], hl});
        }
    }
    const QFont font = chartFont(ChartStyle::LabelSize);
    const QFont bold = chartFont(ChartStyle::LabelSize, true);
    const QFontMetricsF fm(font);
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
        paintEdgeLabel(painter, d.labels.at(l.text), l.at, l.highlighted, nodeBoxes);
    }

    const float half = ChartStyle::IconSize / 2;
    const bool coloured = d.measures.component.size() == d.x.size();
    for (size_t i = 0; i < d.x.size(); ++i) {
        if (!d.isVisible(qint32(i))) {
            continue;
        }
        const QPointF c(d.x[i], d.y[i]);
        if (!near.contains(c)) {
            continue;
        }
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
        if (nodeLabels) {
            const NodeLabel &label = nodeLabelCache[i];
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 220));
            painter.drawRoundedRect(label.box, 3, 3);
            painter.setFont(selected ? bold : font);
            painter.setPen(LabelColour);
            painter.drawText(label.box, Qt::AlignHCenter | Qt::AlignTop, label.lines.join(QLatin1Char('\n')));
        }
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
        paintOverview(painter, data, visible, nodePixels(scale) >= 4);
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

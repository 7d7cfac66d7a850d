// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpainter.h"
#include "chartdata.h"
#include "chartgroups.h"
#include "charticons.h"
#include "charttags.h"
#include "supportstyle.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <array>
#include <cmath>

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
    for (const QPointF &node : obstacles.centres) {
        const QPointF o(node.x(), node.y() + ObstacleDrop);
        if (o.x() < std::min(a.x(), b.x()) - ObstacleRadius || o.x() > std::max(a.x(), b.x()) + ObstacleRadius ||
            o.y() < std::min(a.y(), b.y()) - ObstacleRadius || o.y() > std::max(a.y(), b.y()) + ObstacleRadius) {
            continue;
        }
        const QPointF v = o - a;
        const double t = (v.x() * delta.x() + v.y() * delta.y()) / length2;
        if (t < 0.12 || t > 0.88 || node == a || node == b) {
            continue;
        }
        const double h = v.x() * n.x() + v.y() * n.y(); // signed distance of the obstacle
        if (std::abs(h) >= ObstacleRadius) {
            continue;
        }
        // Pass on the side the edge already leans to, just clear of the circle.
        const double shift = h - (h >= 0 ? 1 : -1) * ObstacleRadius;
        const double d = shift / (2 * t * (1 - t)); // a quadratic's offset at t is 2t(1-t)·d
        if (std::abs(d) > std::abs(best)) {
            best = d;
        }
    }
    return best;
}

EdgeGeometry edgeGeometry(const ChartData &d, size_t e, float trim, const Obstacles &obstacles = {})
{
    EdgeGeometry g;
    const QPointF a = d.position(d.edgeFrom[e]), b = d.position(d.edgeTo[e]);
    const QPointF delta = b - a;
    const double length = std::hypot(delta.x(), delta.y());
    if (length < 2 * trim + 2) {
        return g;
    }
    const QPointF unit = delta / length;
    const QPointF normal(-unit.y(), unit.x());
    const double bend = d.edgeCurve[e] != 0 ? double(d.edgeCurve[e]) * ChartStyle::CurveStep : detour(a, b, obstacles);
    g.curved = bend != 0;
    g.c = (a + b) / 2 + normal * bend;
    // Trim towards the control point so the curve leaves the rim in its own direction.
    const auto towards = [trim](QPointF from, QPointF to) {
        const QPointF v = to - from;
        const double l = std::hypot(v.x(), v.y());
        return l > 0 ? from + v * (trim / l) : from;
    };
    g.p0 = towards(a, g.c);
    g.p1 = towards(b, g.c);
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

/// A minimal rasterizer for the overview levels of detail: hairlines (Bresenham, with a dash
/// mask), 2×2 points and small discs written straight into a 32-bit image. At 100,000 nodes and
/// 300,000 edges QPainter's per-primitive cost dominates; this costs a few nanoseconds a pixel.
class Raster {
public:
    explicit Raster(QImage &image) : m_image(image), m_w(image.width()), m_h(image.height())
    {
        m_bits = reinterpret_cast<QRgb *>(image.bits());
        m_stride = image.bytesPerLine() / 4;
    }
    void point(int x, int y, QRgb c)
    {
        if (x >= 0 && y >= 0 && x < m_w && y < m_h) {
            m_bits[qsizetype(y) * m_stride + x] = c;
        }
    }
    /// `mask`: 16-bit pattern repeated along the line (bit set = ink), 0xffff for solid.
    void line(QPointF a, QPointF b, QRgb c, quint16 mask = 0xffff)
    {
        if (!clip(a, b)) {
            return;
        }
        // Clipped ends, clamped against rounding: the walk between them stays inside the image.
        int x0 = std::clamp(int(a.x()), 0, m_w - 1), y0 = std::clamp(int(a.y()), 0, m_h - 1);
        const int x1 = std::clamp(int(b.x()), 0, m_w - 1), y1 = std::clamp(int(b.y()), 0, m_h - 1);
        const int dx = std::abs(x1 - x0), dy = -std::abs(y1 - y0);
        const int sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        unsigned step = 0;
        for (;;) {
            if (mask & (1u << (step++ & 15))) {
                m_bits[qsizetype(y0) * m_stride + x0] = c;
            }
            if (x0 == x1 && y0 == y1) {
                break;
            }
            const int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x0 += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y0 += sy;
            }
        }
    }
    void disc(QPointF centre, int r, QRgb fill, QRgb outline)
    {
        const int cx = int(centre.x()), cy = int(centre.y());
        if (cx + r < 0 || cy + r < 0 || cx - r >= m_w || cy - r >= m_h) {
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
    /// Liang–Barsky clipping to the image; false when nothing is left.
    bool clip(QPointF &a, QPointF &b) const
    {
        double t0 = 0, t1 = 1;
        const double dx = b.x() - a.x(), dy = b.y() - a.y();
        const double p[] = {-dx, dx, -dy, dy};
        const double q[] = {a.x(), m_w - 1 - a.x(), a.y(), m_h - 1 - a.y()};
        for (int i = 0; i < 4; ++i) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
                continue;
            }
            const double r = q[i] / p[i];
            if (p[i] < 0) {
                t0 = std::max(t0, r);
            } else {
                t1 = std::min(t1, r);
            }
            if (t0 > t1) {
                return false;
            }
        }
        const QPointF a0 = a;
        a = a0 + QPointF(dx, dy) * t0;
        b = a0 + QPointF(dx, dy) * t1;
        return true;
    }
    QImage &m_image;
    QRgb *m_bits = nullptr;
    qsizetype m_stride = 0;
    int m_w = 0, m_h = 0;
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

/// Nodes as points or small discs and edges as hairlines, rasterized by hand into an image of the
/// device's size that is then drawn once (level of detail for overviews).
void paintOverview(QPainter &painter, const ChartData &d, const QRectF &visible, bool discs)
{
    const QTransform t = painter.transform();
    const double s = scaleOf(painter);
    const QRect viewport = painter.viewport();
    if (viewport.isEmpty()) {
        return;
    }
    QImage image(viewport.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    Raster raster(image);
    const QRgb edge = (discs ? EdgeColour : EdgeOverviewColour).rgba();
    const QRgb highlight = HighlightColour.rgba();
    const bool arrows = discs && ChartPainter::nodePixels(s) >= 8;
    const double trim = discs ? ChartPainter::nodePixels(s) * 0.5 : 0;
    std::vector<QLineF> highlighted;
    for (size_t e = 0; e < d.edgeFrom.size(); ++e) {
        if (!d.isEdgeVisible(qint32(e))) {
            continue;
        }
        const QPointF a = d.position(d.edgeFrom[e]), b = d.position(d.edgeTo[e]);
        if (!meets(visible, a, b, 0)) {
            continue;
        }
        QLineF line(a.x() * t.m11() + t.dx(), a.y() * t.m22() + t.dy(), b.x() * t.m11() + t.dx(),
                    b.y() * t.m22() + t.dy());
        const double l = std::abs(line.dx()) + std::abs(line.dy()) < 1 ? 0 : line.length();
        if (l < 1 + 2 * trim) {
            continue; // sub-pixel, or hidden under the discs
        }
        if (trim > 0) {
            line = QLineF(line.pointAt(trim / l), line.pointAt(1 - trim / l));
        }
        if (d.edgeFlags[e] & EdgeHighlighted) {
            highlighted.push_back(line);
            continue;
        }
        raster.line(line.p1(), line.p2(), edge, discs ? maskOf(d.edgeConfidence[e]) : 0xffff);
        if (arrows && (d.edgeFlags[e] & EdgeDirected)) {
            const QPointF u = (line.p2() - line.p1()) / line.length(), n(-u.y(), u.x());
            raster.line(line.p2(), line.p2() - u * 5 + n * 2.5, edge);
            raster.line(line.p2(), line.p2() - u * 5 - n * 2.5, edge);
        }
    }
    for (const QLineF &line : highlighted) {
        for (const QPointF off : {QPointF(0, 0), QPointF(1, 0), QPointF(0, 1)}) {
            raster.line(line.p1() + off, line.p2() + off, highlight);
        }
    }
    const QRectF device(QPointF(-8, -8), QSizeF(viewport.size()) + QSizeF(16, 16));
    const int r = std::max(1, int(ChartPainter::nodePixels(s) / 2 * 0.8));
    for (size_t i = 0; i < d.x.size(); ++i) {
        if (!d.isVisible(qint32(i))) {
            continue;
        }
        const QPointF p = t.map(QPointF(d.x[i], d.y[i]));
        if (!device.contains(p)) {
            continue;
        }
        const bool marked = d.nodeFlags[i] & (NodeSelected | NodeHighlighted);
        const QColor colour = marked ? HighlightColour : ChartIcons::colour(d.nodeIcon[i]);
        if (discs) {
            raster.disc(p, r, colour.lighter(160).rgba(), colour.darker(130).rgba());
        } else {
            const int x = int(p.x()), y = int(p.y());
            const QRgb c = colour.rgba();
            raster.point(x, y, c);
            raster.point(x + 1, y, c);
            raster.point(x, y + 1, c);
            raster.point(x + 1, y + 1, c);
        }
    }
    painter.save();
    painter.resetTransform();
    painter.drawImage(viewport.topLeft(), image);
    painter.restore();
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

void paintDetail(QPainter &painter, const ChartData &d, const QRectF &visible, const ChartPaintOptions &options)
{
    const double s = options.vector ? 4.0 : scaleOf(painter);
    const bool nodeLabels = ChartStyle::LabelSize * s >= 5;
    const bool edgeLabels = ChartStyle::EdgeLabelSize * s >= 6;
    const double margin = ChartStyle::LabelWidth;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);

    // Edges first, then their labels over all lines, then nodes over both.
    struct Label {
        EdgeGeometry at;
        quint32 text;
        bool highlighted;
    };
    std::vector<Label> labels;
    // Edges that would run through another node bend around it; the check costs nodes × edges,
    // so it is left out when a detailed view holds very many of both.
    Obstacles obstacles;
    const QRectF near = visible.adjusted(-margin, -margin, margin, margin);
    for (size_t i = 0; i < d.x.size(); ++i) {
        if (d.isVisible(qint32(i)) && near.contains(QPointF(d.x[i], d.y[i]))) {
            obstacles.centres.emplace_back(d.x[i], d.y[i]);
        }
    }
    obstacles.enabled = obstacles.centres.size() * d.edgeFrom.size() < 4'000'000;
    for (size_t e = 0; e < d.edgeFrom.size(); ++e) {
        if (!d.isEdgeVisible(qint32(e))) {
            continue;
        }
        if (!meets(visible, d.position(d.edgeFrom[e]), d.position(d.edgeTo[e]), margin)) {
            continue;
        }
        const bool hl = d.edgeFlags[e] & EdgeHighlighted;
        const EdgeGeometry g = edgeGeometry(d, e, ChartStyle::NodeRadius + 2, obstacles);
        if (!g.valid) {
            continue;
        }
        const QColor colour = hl ? HighlightColour : EdgeColour;
        painter.setPen(supportPen(Confidence(d.edgeConfidence[e]), colour, hl ? 3.0 : 1.5));
        painter.setBrush(Qt::NoBrush);
        const bool directed = d.edgeFlags[e] & EdgeDirected;
        const double head = hl ? 13 : 10;
        // The line stops where the arrowhead starts, so dashes never poke through its tip.
        const QPointF dir = g.p1 - (g.curved ? g.c : g.p0);
        const double dl = std::hypot(dir.x(), dir.y());
        const QPointF end = directed && dl > head ? g.p1 - dir / dl * (head * 0.8) : g.p1;
        if (g.curved) {
            QPainterPath path(g.p0);
            path.quadTo(g.c, end);
            painter.drawPath(path);
        } else {
            painter.drawLine(g.p0, end);
        }
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
    const QFontMetricsF fm(font), fmBold(bold);
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
            nodeBoxes.emplace_back(c.x() - w / 2 - 3, c.y() - ChartStyle::NodeRadius, w + 6,
                                   2 * ChartStyle::NodeRadius + 4 + fm.height() * rows);
        }
    }
    for (const Label &l : labels) {
        paintEdgeLabel(painter, d.labels.at(l.text), l.at, l.highlighted, nodeBoxes);
    }

    const float half = ChartStyle::IconSize / 2;
    for (size_t i = 0; i < d.x.size(); ++i) {
        if (!d.isVisible(qint32(i))) {
            continue;
        }
        const QPointF c(d.x[i], d.y[i]);
        if (!visible.adjusted(-margin, -margin, margin, margin).contains(c)) {
            continue;
        }
        const quint8 flags = d.nodeFlags[i];
        const bool selected = flags & NodeSelected;
        const bool hl = flags & NodeHighlighted;
        if (flags & NodeGroup) {
            ChartGroups::paintGroupNode(painter, c, selected, hl);
        } else {
            // A white disc keeps lines from showing through the icon's transparent parts.
            painter.setPen(QPen(hl ? HighlightColour : selected ? SelectionStroke : QColor(0xc9, 0xcf, 0xd6),
                                hl || selected ? 2.5 : 1.0));
            painter.setBrush(selected ? SelectionFill : QColor(Qt::white));
            painter.drawEllipse(c, double(ChartStyle::NodeRadius), double(ChartStyle::NodeRadius));
        }
        const QRectF iconRect(c.x() - half * 0.78, c.y() - half * 0.78, half * 1.56, half * 1.56);
        ChartIcons::paint(painter, d.nodeIcon[i], iconRect, options.vector);
        if (flags & NodeSanctioned) {
            const QPointF b(c.x() + ChartStyle::NodeRadius * 0.72, c.y() - ChartStyle::NodeRadius * 0.72);
            painter.setPen(QPen(Qt::white, 1.5));
            painter.setBrush(SanctionColour);
            painter.drawEllipse(b, 8.0, 8.0);
            painter.setPen(QPen(Qt::white, 2.2, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(b.x(), b.y() - 4), QPointF(b.x(), b.y() + 1));
            painter.drawPoint(QPointF(b.x(), b.y() + 4));
        }
        if (flags & NodePinned) {
            const QPointF p(c.x() - ChartStyle::NodeRadius * 0.72, c.y() - ChartStyle::NodeRadius * 0.72);
            painter.setPen(QPen(Qt::white, 1.2));
            painter.setBrush(QColor(0x55, 0x60, 0x6b));
            painter.drawEllipse(p, 4.5, 4.5);
        }
        ChartTags::paintDots(painter, d, qint32(i), c);
        if (nodeLabels) {
            const QFontMetricsF &m = selected ? fmBold : fm;
            const QStringList lines = labelLines(d.nodeLabel[i], m);
            double width = 0;
            for (const QString &line : lines) {
                width = std::max(width, m.horizontalAdvance(line));
            }
            const QRectF box(c.x() - width / 2 - 3, c.y() + ChartStyle::NodeRadius + 2, width + 6,
                             m.height() * double(lines.size()) + 2);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(255, 255, 255, 220));
            painter.drawRoundedRect(box, 3, 3);
            painter.setFont(selected ? bold : font);
            painter.setPen(LabelColour);
            painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop, lines.join(QLatin1Char('\n')));
        }
    }
}

void paintLegend(QPainter &painter, const QRectF &visible)
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
}

} // namespace

void ChartPainter::paint(QPainter &painter, const ChartData &data, const QRectF &visible,
                         const ChartPaintOptions &options)
{
    const double px = options.vector ? 1e9 : nodePixels(scaleOf(painter));
    ChartGroups::paintFrames(painter, data, visible, options.vector); // under everything
    if (px < 4) {
        paintOverview(painter, data, visible, false);
    } else if (px < 14) {
        paintOverview(painter, data, visible, true);
    } else {
        paintDetail(painter, data, visible, options);
    }
    ChartGroups::paintTabs(painter, data, visible, options.vector);
    if (options.legend) {
        paintLegend(painter, visible);
    }
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
        const double r = ChartStyle::NodeRadius + 10; // badge
        const QRectF node(c.x() - std::max(r, width / 2 + 4), c.y() - r, 2 * std::max(r, width / 2 + 4),
                          r + ChartStyle::NodeRadius + 4 + fm.height() * rows);
        rect = rect.isNull() ? node : rect.united(node);
    }
    const QRectF frames = ChartGroups::framesRect(data);
    return frames.isNull() ? rect : rect.united(frames);
}

} // namespace Casegraph::Ui

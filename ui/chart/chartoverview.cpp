// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartoverview.h"
#include "chartbands.h"
#include "chartdata.h"
#include "chartedgestroke.h"
#include "charticons.h"
#include "chartmeasure.h"
#include "chartpainter.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace Casegraph::Ui::ChartOverview {

namespace {

const QColor EdgeColour = QColor::fromRgb(ChartStyle::EdgeRgb);
const QColor EdgeOverviewColour = QColor::fromRgb(ChartStyle::EdgeOverviewRgb);
const QColor HighlightColour = QColor::fromRgb(ChartStyle::HighlightRgb);

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

} // namespace

void paint(QPainter &painter, const ChartData &d, const QRectF &visible, bool discs)
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
    const auto band = [&](int, const QRect &clip) {
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
    ChartBands::run(clip, ChartBands::count(clip.height()), band);
    if (target == &own) {
        painter.save();
        painter.resetTransform();
        painter.drawImage(painter.viewport().topLeft(), own);
        painter.restore();
    }
}

} // namespace Casegraph::Ui::ChartOverview

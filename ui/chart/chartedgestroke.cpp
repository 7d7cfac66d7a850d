// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartedgestroke.h"
#include "chartpainter.h"

#include <QPaintEngine>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace Casegraph::Ui::ChartEdgeStroke {

bool clipSegment(double &x0, double &y0, double &x1, double &y1, double l, double t, double r, double b)
{
    double t0 = 0, t1 = 1;
    const double dx = x1 - x0, dy = y1 - y0;
    const double p[] = {-dx, dx, -dy, dy};
    const double q[] = {x0 - l, r - x0, y0 - t, b - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) {
                return false;
            }
            continue;
        }
        const double k = q[i] / p[i];
        if (p[i] < 0) {
            t0 = std::max(t0, k);
        } else {
            t1 = std::min(t1, k);
        }
        if (t0 > t1) {
            return false;
        }
    }
    const double ax = x0, ay = y0;
    x0 = ax + dx * t0;
    y0 = ay + dy * t0;
    x1 = ax + dx * t1;
    y1 = ay + dy * t1;
    return true;
}

Piece clipLine(QPointF p0, QPointF p1, const QRectF &rect)
{
    Piece piece{p0, QPointF(), p1};
    if (rect.contains(p0) && rect.contains(p1)) {
        return piece;
    }
    double x0 = p0.x(), y0 = p0.y(), x1 = p1.x(), y1 = p1.y();
    if (!clipSegment(x0, y0, x1, y1, rect.left(), rect.top(), rect.right(), rect.bottom())) {
        piece.empty = true;
        return piece;
    }
    piece.whole = false;
    piece.p0 = QPointF(x0, y0);
    piece.p1 = QPointF(x1, y1);
    piece.skipped = std::hypot(x0 - p0.x(), y0 - p0.y());
    return piece;
}

namespace {

QPointF bezierAt(QPointF p0, QPointF c, QPointF p1, double t)
{
    return p0 * ((1 - t) * (1 - t)) + c * (2 * t * (1 - t)) + p1 * (t * t);
}

/// Arc length of the curve from 0 to t (Simpson's rule on the speed, which is smooth).
double lengthTo(QPointF p0, QPointF c, QPointF p1, double t)
{
    const auto speed = [&](double u) {
        const QPointF d = (c - p0) * (2 * (1 - u)) + (p1 - c) * (2 * u);
        return std::hypot(d.x(), d.y());
    };
    constexpr int Steps = 32; // even
    const double h = t / Steps;
    double sum = speed(0) + speed(t);
    for (int k = 1; k < Steps; ++k) {
        sum += speed(k * h) * (k % 2 ? 4 : 2);
    }
    return sum * h / 3;
}

} // namespace

Piece clipQuad(QPointF p0, QPointF c, QPointF p1, const QRectF &rect)
{
    Piece piece{p0, c, p1};
    // The curve lies in the triangle of its three points.
    const double left = std::min({p0.x(), c.x(), p1.x()}), right = std::max({p0.x(), c.x(), p1.x()});
    const double top = std::min({p0.y(), c.y(), p1.y()}), bottom = std::max({p0.y(), c.y(), p1.y()});
    if (left >= rect.left() && right <= rect.right() && top >= rect.top() && bottom <= rect.bottom()) {
        return piece;
    }
    if (right < rect.left() || left > rect.right() || bottom < rect.top() || top > rect.bottom()) {
        piece.empty = true;
        return piece;
    }
    // Where the curve crosses each side's line: per axis, (p0 - 2c + p1) t² + 2 (c - p0) t + p0 - v = 0.
    std::array<double, 10> ts{};
    int n = 0;
    ts[size_t(n++)] = 0;
    ts[size_t(n++)] = 1;
    const auto roots = [&](double a0, double ac, double a1, double v) {
        const double A = a0 - 2 * ac + a1, B = 2 * (ac - a0), C = a0 - v;
        const auto add = [&](double t) {
            if (t > 0 && t < 1) {
                ts[size_t(n++)] = t;
            }
        };
        if (std::abs(A) < 1e-12) {
            if (B != 0) {
                add(-C / B);
            }
            return;
        }
        const double disc = B * B - 4 * A * C;
        if (disc < 0) {
            return;
        }
        const double sq = std::sqrt(disc);
        add((-B - sq) / (2 * A));
        add((-B + sq) / (2 * A));
    };
    roots(p0.x(), c.x(), p1.x(), rect.left());
    roots(p0.x(), c.x(), p1.x(), rect.right());
    roots(p0.y(), c.y(), p1.y(), rect.top());
    roots(p0.y(), c.y(), p1.y(), rect.bottom());
    std::sort(ts.begin(), ts.begin() + n);
    double t0 = -1, t1 = -1;
    for (int k = 0; k + 1 < n; ++k) {
        if (ts[size_t(k + 1)] <= ts[size_t(k)]) {
            continue;
        }
        if (rect.contains(bezierAt(p0, c, p1, (ts[size_t(k)] + ts[size_t(k + 1)]) / 2))) {
            if (t0 < 0) {
                t0 = ts[size_t(k)];
            }
            t1 = ts[size_t(k + 1)];
        }
    }
    if (t0 < 0) {
        piece.empty = true;
        return piece;
    }
    if (t0 == 0 && t1 == 1) {
        return piece;
    }
    // The sub-curve over [t0, t1] is the same curve: its control point is the blossom B(t0, t1).
    piece.whole = false;
    piece.p0 = bezierAt(p0, c, p1, t0);
    piece.p1 = bezierAt(p0, c, p1, t1);
    piece.c = p0 * ((1 - t0) * (1 - t1)) + c * ((1 - t0) * t1 + t0 * (1 - t1)) + p1 * (t0 * t1);
    piece.skipped = t0 > 0 ? lengthTo(p0, c, p1, t0) : 0;
    return piece;
}

namespace {

double scaleOf(const QPainter &painter)
{
    return std::sqrt(std::abs(painter.transform().determinant()));
}

/// A dotted line's round dots, pre-drawn at 4 × 4 sub-pixel offsets: QPainter strokes each dot of
/// a dash pattern as a round-capped path of its own (about 10 µs a dot at 1.5 px, most of a frame
/// that shows a few hundred unsourced edges); a dot copied from one of these looks the same.
class DotSprites {
public:
    /// Whether dots can be copied: a raster device at one device pixel per pixel, no rotation.
    static bool usable(const QPainter &painter)
    {
        return painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster &&
               painter.device() && painter.device()->devicePixelRatio() == 1 &&
               painter.combinedTransform().type() <= QTransform::TxScale && painter.testRenderHint(QPainter::Antialiasing);
    }
    /// Draws the sprites anew when the colour or size changed.
    void prepare(QColor colour, double diameter)
    {
        if (colour != m_colour || diameter != m_diameter) {
            m_colour = colour;
            m_diameter = diameter;
            m_size = int(std::ceil(diameter)) + 2; // room for the anti-aliased rim at any offset
            for (int k = 0; k < 16; ++k) {
                QImage &sprite = m_sprites[size_t(k)];
                sprite = QImage(m_size, m_size, QImage::Format_ARGB32_Premultiplied);
                sprite.fill(Qt::transparent);
                QPainter p(&sprite);
                p.setRenderHint(QPainter::Antialiasing);
                p.setPen(Qt::NoPen);
                p.setBrush(colour);
                p.drawEllipse(QPointF(m_size / 2 + (k % 4) / 4.0 + 0.125, m_size / 2 + (k / 4) / 4.0 + 0.125), diameter / 2, diameter / 2);
            }
        }
    }
    /// The sprite for a dot centred at device position `at`, and where its top-left corner goes.
    const QImage &at(QPointF at, QPoint &topLeft) const
    {
        const int qx = int(std::floor(at.x() * 4)), qy = int(std::floor(at.y() * 4));
        topLeft = QPoint((qx >> 2) - m_size / 2, (qy >> 2) - m_size / 2);
        return m_sprites[size_t((qx & 3) + 4 * (qy & 3))];
    }

private:
    QColor m_colour;
    double m_diameter = -1;
    int m_size = 0;
    std::array<QImage, 16> m_sprites;
};


/// Each byte of x times a / 255 (two channels per multiply, rounded as Qt's own blending rounds).
inline uint byteMul(uint x, uint a)
{
    uint t = (x & 0xff00ff) * a;
    t = ((t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a;
    x = (x + ((x >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
    return x | t;
}

/// Source-over of a premultiplied sprite into `image` (its bits fetched once by the caller) with the
/// sprite's top-left corner at `at`.
void blend(uchar *bits, qsizetype stride, const QRect &bounds, const QImage &sprite, QPoint at)
{
    const QRect area = QRect(at, sprite.size()).intersected(bounds);
    const auto *spriteBits = reinterpret_cast<const uint *>(sprite.constBits());
    const qsizetype spriteStride = sprite.bytesPerLine() / 4;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const uint *in = spriteBits + (y - at.y()) * spriteStride + (area.left() - at.x());
        auto *out = reinterpret_cast<uint *>(bits + y * stride) + area.left();
        for (int x = 0; x < area.width(); ++x) {
            const uint s = in[x];
            if (s != 0) {
                out[x] = s + byteMul(out[x], 255 - (s >> 24));
            }
        }
    }
}

/// Dots along the polyline `points` (an edge, or a curve flattened finely) as the pen's pattern
/// places them (a round-capped dash of 0.1 widths every 2.7, the pattern `skipped` along), copied
/// from sprites.
void paintDots(QPainter &painter, const QPen &pen, const std::vector<QPointF> &points, double skipped)
{
    thread_local std::array<DotSprites, 2> cache; // plain and highlighted pens
    const double w = pen.widthF();
    const QList<qreal> pattern = pen.dashPattern();
    const double period = (pattern.value(0) + pattern.value(1)) * w;
    if (period <= 0) {
        return;
    }
    // Blending dots by hand needs premultiplied (or opaque) pixels; anything else goes through
    // drawImage, which costs ~0.6 µs a dot where blending the few pixels by hand costs a tenth.
    QRect bounds;
    QImage *image = directImage(painter, &bounds);
    if (image && image->format() != QImage::Format_RGB32 && image->format() != QImage::Format_ARGB32_Premultiplied) {
        image = nullptr;
    }
    const QTransform t = image ? painter.deviceTransform() : painter.combinedTransform();
    const double diameter = w * std::sqrt(std::abs(t.determinant()));
    DotSprites &sprites = cache[w > 2 ? 1 : 0];
    sprites.prepare(pen.color(), diameter);
    const double phase = std::fmod(skipped + pen.dashOffset() * w, period);
    double next = (phase > 0 ? period - phase : 0) + pattern.value(0) * w / 2; // the next dot's centre
    double before = 0; // length of the polyline before points[k]
    uchar *bits = image ? image->bits() : nullptr; // detaches once, not per dot
    const qsizetype stride = image ? image->bytesPerLine() : 0;
    if (!image) {
        painter.save();
        painter.resetTransform();
    }
    for (size_t k = 0; k + 1 < points.size(); ++k) {
        const QPointF v = points[k + 1] - points[k];
        const double length = std::hypot(v.x(), v.y());
        const QPointF from = t.map(points[k]), step = t.map(points[k + 1]) - from; // on the device
        for (; next <= before + length && length > 0; next += period) {
            QPoint topLeft;
            const QPointF centre = from + step * ((next - before) / length);
            const QImage &sprite = sprites.at(centre, topLeft);
            if (image) {
                blend(bits, stride, bounds, sprite, topLeft);
            } else {
                painter.drawImage(topLeft, sprite);
            }
        }
        before += length;
    }
    if (!image) {
        painter.restore();
    }
}

} // namespace

namespace {
/// The band of rows the calling thread paints through `painter` (see BandTarget).
struct Band {
    const QPainter *painter = nullptr;
    QRect rows;
};
thread_local Band t_band;
} // namespace

BandTarget::BandTarget(const QPainter &painter, const QRect &rows)
{
    t_band = Band{&painter, rows};
}

BandTarget::~BandTarget()
{
    t_band = Band{};
}

QImage *directImage(QPainter &painter, QRect *bounds)
{
    QPaintDevice *device = painter.device();
    if (!device || device->devType() != QInternal::Image || painter.opacity() < 1 ||
        painter.compositionMode() != QPainter::CompositionMode_SourceOver ||
        painter.deviceTransform().type() > QTransform::TxScale) {
        return nullptr;
    }
    auto *image = static_cast<QImage *>(device);
    const bool band = t_band.painter == &painter;
    if (painter.hasClipping() && !band) {
        return nullptr;
    }
    if (bounds) {
        *bounds = band ? t_band.rows.intersected(image->rect()) : image->rect();
    }
    return image;
}

Piece cutEdge(bool curved, QPointF p0, QPointF c, QPointF p1, const QRectF &cut)
{
    if (cut.isNull()) {
        return Piece{p0, c, p1};
    }
    return curved ? clipQuad(p0, c, p1, cut) : clipLine(p0, p1, cut);
}

namespace {
double controlPolygon(bool curved, const Piece &piece)
{
    const auto distance = [](QPointF a, QPointF b) { return std::hypot(b.x() - a.x(), b.y() - a.y()); };
    return curved ? distance(piece.p0, piece.c) + distance(piece.c, piece.p1) : distance(piece.p0, piece.p1);
}
} // namespace

void count(bool curved, const Piece &piece, double scale, ChartPaintStats &stats)
{
    if (!piece.empty) {
        ++stats.edgesStroked;
        stats.strokedLength += controlPolygon(curved, piece) * scale;
    }
}

void strokePiece(QPainter &painter, const QPen &pen, bool curved, const Piece &piece)
{
    if (piece.empty) {
        return;
    }
    const double scale = scaleOf(painter);
    const double polygon = controlPolygon(curved, piece);
    // Dots over a pixel wide come from sprites (thinner ones Qt draws quickly itself).
    if (pen.capStyle() == Qt::RoundCap && pen.style() == Qt::CustomDashLine && pen.widthF() * scale > 1 &&
        DotSprites::usable(painter)) {
        thread_local std::vector<QPointF> points;
        points.clear();
        points.push_back(piece.p0);
        if (curved) { // flattened to segments of about 4 px
            const int steps = std::clamp(int(polygon * scale / 4), 8, 8192);
            for (int k = 1; k < steps; ++k) {
                points.push_back(bezierAt(piece.p0, piece.c, piece.p1, double(k) / steps));
            }
        }
        points.push_back(piece.p1);
        paintDots(painter, pen, points, piece.skipped);
        return;
    }
    // Qt draws pens up to a device pixel wide with its thin-line stroker, which places dashes by
    // their device position whatever the line's start: only wider pens need the offset.
    if (piece.skipped > 0 && pen.style() == Qt::CustomDashLine && pen.widthF() * scale > 1) {
        QPen shifted = pen;
        shifted.setDashOffset(pen.dashOffset() + piece.skipped / pen.widthF()); // in pen widths
        painter.setPen(shifted);
    } else {
        painter.setPen(pen);
    }
    if (curved) {
        QPainterPath path(piece.p0);
        path.quadTo(piece.c, piece.p1);
        painter.drawPath(path);
    } else {
        painter.drawLine(piece.p0, piece.p1);
    }
}

} // namespace Casegraph::Ui::ChartEdgeStroke

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointF>
#include <QRect>
#include <QRectF>

class QImage;
class QPainter;
class QPen;

namespace Casegraph::Ui {
struct ChartPaintStats;
}

namespace Casegraph::Ui::ChartEdgeStroke {

/// Liang–Barsky clipping of the segment (x0, y0)–(x1, y1) to the rectangle l, t, r, b; the ends
/// move onto the rectangle. False when nothing is left.
bool clipSegment(double &x0, double &y0, double &x1, double &y1, double l, double t, double r, double b);

/// The part of an edge that lies in a rectangle, to hand to QPainter: Qt dashes a line over its
/// whole length and flattens a curve over its whole extent before it clips, which for the long
/// edges that cross a zoomed-in view of a big chart costs seconds per frame.
struct Piece {
    QPointF p0, c, p1;   ///< the kept piece (c: the control point of a curve's piece)
    double skipped = 0;  ///< length of the edge before p0 (for the dash pattern's phase)
    bool whole = true;   ///< nothing was cut: draw the edge as given
    bool empty = false;  ///< the edge misses the rectangle
};

/// The part of the segment p0–p1 inside `rect`.
Piece clipLine(QPointF p0, QPointF p1, const QRectF &rect);
/// The part of the quadratic Bézier p0, c, p1 inside `rect`: the sub-curve from the first to the
/// last parameter where the curve is inside (any excursions out of the rectangle in between are kept).
Piece clipQuad(QPointF p0, QPointF c, QPointF p1, const QRectF &rect);

/// The painter's device image when pixels may be written into it directly: a raster image, no
/// clip (or the clip of the calling thread's band, see BandTarget), plain opaque painting and a
/// transform without rotation (the view's frame, the benchmark, PNG export); else nullptr.
/// `bounds`, if given, receives the pixels that may be written: the image, or the band's rows.
/// Callers check the image's format for what they write.
QImage *directImage(QPainter &painter, QRect *bounds = nullptr);

/// While it lives, `painter` (clipped to `rows`, device pixels) paints one band of a frame on the
/// calling thread: directImage() lets dots be blended straight into those rows despite the clip.
class BandTarget {
public:
    BandTarget(const QPainter &painter, const QRect &rows);
    ~BandTarget();
    BandTarget(const BandTarget &) = delete;
    BandTarget &operator=(const BandTarget &) = delete;
};

/// The piece of an edge from p0 to p1 (a quadratic through control point c when `curved`) to stroke:
/// its part in `cut`, or the whole edge when `cut` is null.
Piece cutEdge(bool curved, QPointF p0, QPointF c, QPointF p1, const QRectF &cut);

/// Adds a piece that is not empty to the frame's counts (`scale`: device pixels per chart unit).
void count(bool curved, const Piece &piece, double scale, ChartPaintStats &stats);

/// Strokes a piece from cutEdge() with `pen`, the dash pattern offset by the length cut off so that
/// dashes keep their place as the view pans. Dotted pens over a device pixel wide draw their dots
/// from pre-drawn sprites (QPainter strokes each dot as a path: ~10 µs a dot).
void strokePiece(QPainter &painter, const QPen &pen, bool curved, const Piece &piece);

} // namespace Casegraph::Ui::ChartEdgeStroke

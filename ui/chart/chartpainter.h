// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>
#include <QRgb>

class QPainter;

namespace Casegraph::Ui {

class ChartData;

/// Sizes in chart units (1 unit = 1 pixel at 100 % zoom).
struct ChartStyle {
    static constexpr float IconSize = 36;
    static constexpr float NodeRadius = 24;     ///< edges stop here; hit tests use it
    static constexpr float LabelSize = 12;      ///< node labels, pixels at 100 %
    static constexpr float EdgeLabelSize = 10;
    static constexpr float LabelWidth = 170;    ///< node labels wrap at this width (two lines at most)
    static constexpr float CurveStep = 22;      ///< bend of parallel edges per slot
    static constexpr QRgb EdgeRgb = 0xff6b7580;         ///< edge lines and arrowheads
    static constexpr QRgb EdgeOverviewRgb = 0xff9aa3ad; ///< hairline edges of the overview
    static constexpr QRgb HighlightRgb = 0xffe8710a;    ///< the highlighted path
};

/// What the painter may leave out.
struct ChartPaintOptions {
    /// Export: draw every detail whatever the scale, icons as vector SVG.
    bool vector = false;
    /// Draw the legend of line styles (and of node sizes and colours, ChartMeasures) in the
    /// bottom-left corner of `visible` (export).
    bool legend = false;
    /// Stroke every edge over its whole length even where it runs far outside `visible` (tests
    /// compare the cut edges of a normal frame against this).
    bool wholeEdges = false;
    /// Bands of rows a detail frame drawn into an image is painted in, one thread each (0: one per
    /// core, ChartBands::count; 1: one pass on the calling thread, as SVG and PDF always are).
    int bands = 0;
};

/// What the last detail frame handed to QPainter (tests check that a zoomed-in view of a big chart
/// strokes only the pieces of its edges that it shows).
struct ChartPaintStats {
    qint64 edgesStroked = 0;    ///< lines and curves stroked
    double strokedLength = 0;   ///< their total length in device pixels (a curve: its control polygon)
};

/// The one routine that draws a chart, on screen (ChartView) and into PNG, SVG and PDF
/// (ChartExport). The painter's transform maps chart units to the device (scale and
/// translation only). Level of detail follows the on-screen size of a node:
///  - under 4 px: nodes as 2×2 points and edges as one-pixel lines, rasterized by hand straight
///    into the image (no QPainter call per primitive; 300,000 edges at fit-all in tens of ms);
///  - under 14 px: coloured discs and one-pixel lines dashed by confidence, arrowheads from 8 px;
///  - otherwise icons, sanction badges, arrowheads, and labels once their text reaches 5 px.
/// Only nodes and edges that meet `visible` (chart units) are drawn, and in the detail levels an
/// edge is stroked only over its piece in `visible` (plus a few pixels): Qt dashes a line and
/// flattens a curve over their whole length before clipping, which at 64× on a big chart cost
/// seconds per frame for the long edges crossing the view. The dash pattern is offset by the
/// length cut off, so dashes keep their place when the view pans.
class ChartPainter {
public:
    static void paint(QPainter &painter, const ChartData &data, const QRectF &visible,
                      const ChartPaintOptions &options = {});
    /// The rectangle that holds every visible node with its label and badge (for fit and export).
    static QRectF contentRect(const ChartData &data);
    /// Node `node`'s disc, badge and label in chart units (what contentRect() unites).
    static QRectF nodeBounds(const ChartData &data, qint32 node);
    /// The radius of node `node`'s disc in chart units: NodeRadius, times its size factor when the
    /// chart sizes nodes by a measure (ChartMeasures).
    static double nodeRadius(const ChartData &data, qint32 node);
    /// How large a node is on a device at this painter scale, in device pixels.
    static double nodePixels(double scale) { return double(ChartStyle::IconSize) * scale; }
    /// Whether a frame at this scale is drawn as an overview (points or discs and hairlines, no
    /// text): nodes under 14 px.
    static bool isOverview(double scale) { return nodePixels(scale) < 14; }
    /// The visible edge drawn nearest to `point` (chart units) within `tolerance`, or on its label,
    /// as a frame of `visible` draws it (bends around nodes included); -1 when there is none.
    static qint32 edgeAt(const ChartData &data, QPointF point, double tolerance, const QRectF &visible);
    /// Counts of the last detail frame painted on the GUI thread.
    static ChartPaintStats lastStats();
};

} // namespace Casegraph::Ui

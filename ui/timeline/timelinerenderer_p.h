// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// What the timeline renderer's layout (timelinerenderer.cpp) and painting (timelinepainting.cpp)
// share: the metrics, colours and the laid-out clusters and lanes.
#pragma once

#include "supportstyle.h"
#include "timelinerenderer.h"

#include <QColor>
#include <QLocale>
#include <QPen>
#include <QRectF>

#include <cmath>
#include <vector>

namespace Casegraph::Ui {

namespace TimelineDetail {
inline constexpr qreal HeaderHeight = 50;
inline constexpr qreal AxisHeight = 24;
inline constexpr qreal LanePad = 6;
inline constexpr qreal RowHeight = 19;   // one interval row
inline constexpr qreal BarHeight = 15;
inline constexpr qreal MarkerRow = 14;   // the row of event markers
inline constexpr qreal LabelRow = 15;    // one row of event labels
inline constexpr qreal MinLaneHeight = 34;
inline constexpr qreal AmountBand = 64;
inline constexpr qreal UndatedLineHeight = 15;
inline constexpr qint64 DayMs = 86400000;
inline constexpr qint64 LongestEventMs = 367 * DayMs; // a year-only date is the widest event span

inline const QColor TextColor(0x22, 0x22, 0x22);
inline const QColor MutedColor(0x66, 0x66, 0x66);
inline const QColor GridColor(0xe4, 0xe4, 0xe4);
inline const QColor HighlightColor(0x10, 0x10, 0x10);

inline QColor alpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

/// The outline of a bar, a marker or a legend sample: how well its fact is sourced (solid,
/// dashed, dotted), one device pixel wide; the selection drawn heavier in the same style. A
/// one-pixel cosmetic pen is stroked dash by dash by the raster engine's fast path: with the
/// 1.4-pixel pen, a year-long dotted bar took milliseconds, and a frame of a large case hundreds.
inline QPen outlineOf(Models::SupportLevel level, const QColor &color, bool highlighted)
{
    if (highlighted) {
        return supportPen(level, HighlightColor, 2);
    }
    QPen pen = supportPen(level, color, 1);
    pen.setCosmetic(true);
    if (level == Models::SupportLevel::Unsourced) {
        // The chart's round dots are zero-length dashes with round caps, which a one-pixel
        // cosmetic pen does not draw: one-pixel dots, spaced as the chart's.
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern({1, 1.6});
    }
    return pen;
}
inline QPen outlineOf(const Models::Support &support, const QColor &color, bool highlighted)
{
    return outlineOf(support.level(), color.darker(170), highlighted);
}

/// Unsourced facts are filled paler, so that a gap in the evidence shows even at a glance.
inline int fillAlpha(Models::SupportLevel level, int alpha)
{
    return level == Models::SupportLevel::Unsourced ? alpha / 2 : alpha;
}

inline QString formatAmount(double v)
{
    const QLocale c = QLocale::c();
    if (std::abs(v) >= 1e9) {
        return c.toString(v / 1e9, 'f', 1) + QLatin1Char('B');
    }
    if (std::abs(v) >= 1e6) {
        return c.toString(v / 1e6, 'f', 1) + QLatin1Char('M');
    }
    if (std::abs(v) >= 1e4) {
        return c.toString(v / 1e3, 'f', 0) + QLatin1Char('k');
    }
    return c.toString(v, 'f', v == std::floor(v) ? 0 : 2);
}
} // namespace TimelineDetail

struct TimelineRenderer::Cluster {
    qreal x0 = 0;
    qreal x1 = 0;
    bool fuzzy = false;       ///< drawn as a span (the date is coarser than a pixel)
    bool highlighted = false;
    QList<int> items;
    /// The first of its items with the weakest support: merged facts draw with it, since a
    /// solid outline promises that every fact under it is corroborated.
    int weakest = -1;
    int labelRow = -1;
    QRectF labelRect;         ///< relative to the lane's label area top
    QString text;
};

struct TimelineRenderer::LaneGeometry {
    int lane = 0;
    qreal top = 0;
    qreal height = 0;
    qreal eventsTop = 0;
    int labelRows = 0;
    std::vector<Cluster> clusters;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QRectF>

#include <functional>

class QPainter;

namespace Casegraph::Ui::ChartBands {

/// How many bands of rows a frame `height` device pixels tall is painted in: one per core (at most
/// four) from 256 rows, else one; `requested` (over 0) overrides it (tests).
int count(int height, int requested = 0);

/// Runs `work(part)` for parts 0 to `parts` - 1, part 0 on the calling thread and the others each on
/// a thread of a pool kept for painting; returns when all are done.
void split(int parts, const std::function<void(int)> &work);

/// The rows of `area` cut into `bands` horizontal bands; `paint(band, rows)` runs for each on a
/// thread of its own (the first band on the calling thread) and run() returns when all are done.
/// The bands must write only their own rows; whatever they read must not change meanwhile.
void run(const QRect &area, int bands, const std::function<void(int, const QRect &)> &paint);

/// Paints a frame into the painter's image in bands of rows (count(), `requested`), when the image
/// allows it: a raster image at one device pixel per pixel that the painter may write directly
/// (ChartEdgeStroke::directImage: no clip, opaque, no rotation). Each band gets a QImage of its own
/// on the same pixels and a QPainter with the same transform, clipped to the band's rows: device
/// positions are those of the one-pass paint, so each band's pixels are the ones it would draw.
/// `paint(painter, area)` draws what meets `area` (the band's rows in the painter's logical
/// coordinates, a little grown). False when the image does not allow it or one band would do:
/// the caller paints in one pass.
bool paintImage(QPainter &painter, int requested, const std::function<void(QPainter &, const QRectF &)> &paint);

} // namespace Casegraph::Ui::ChartBands

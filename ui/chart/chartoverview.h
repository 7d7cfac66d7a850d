// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QPainter;
class QRectF;

namespace Casegraph::Ui {
class ChartData;
}

namespace Casegraph::Ui::ChartOverview {

/// The overview levels of detail (ChartPainter): nodes as points or small discs (`discs`) and edges
/// as hairlines, rasterized by hand in bands of rows on several threads (ChartBands), into the
/// painter's own image when possible, else into an image of the device's size that is then drawn once.
void paint(QPainter &painter, const ChartData &data, const QRectF &visible, bool discs);

} // namespace Casegraph::Ui::ChartOverview

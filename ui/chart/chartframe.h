// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QPointF>
#include <QSize>

namespace Casegraph::Ui {

class ChartData;

/// The view's last drawn frame (ChartPainter into an opaque image of the widget's size), reused
/// while the user pans: the image is scrolled and only the strips that come into view are drawn,
/// when the frame shows the same data (version and a fingerprint of the drawn arrays) at the same
/// scale and the level of detail is the overview's (whose lines do not depend on the clip). Any
/// other repaint draws the whole frame.
class ChartFrame {
public:
    struct View {
        QSize size; ///< logical pixels
        qreal devicePixelRatio = 1;
        double scale = 1;
        QPointF topLeft; ///< chart point at the top-left corner
    };
    /// The frame for `view`. `mayReuse`: the repaint comes from a pan or an overlay (rubber band),
    /// so the previous frame may be scrolled or shown again when nothing else changed.
    const QImage &render(const ChartData &data, quint64 dataVersion, const View &view, bool mayReuse);
    /// What the last render() did (for tests and the benchmark).
    enum class Kind { Full, Scrolled, Reused };
    Kind lastKind() const { return m_lastKind; }
    void clear() { m_image = QImage(); }

private:
    void draw(const ChartData &data, const View &view, const QRect &deviceRect);
    void scroll(int dx, int dy);
    QImage m_image;
    View m_view;
    quint64 m_version = 0;
    size_t m_fingerprint = 0;
    Kind m_lastKind = Kind::Full;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartframe.h"
#include "chartdata.h"
#include "chartpainter.h"

#include <QHashFunctions>
#include <QPainter>

#include <cmath>
#include <cstring>

namespace Casegraph::Ui {

namespace {

template<typename T> size_t hashOf(const std::vector<T> &v, size_t seed)
{
    return qHashBits(v.data(), v.size() * sizeof(T), seed);
}

/// A hash of everything the overview draws from (positions, flags, icons, groups, edge ends, measures):
/// a millisecond for 100,000 nodes, and it catches any change however it was made.
size_t fingerprint(const ChartData &d)
{
    size_t h = hashOf(d.x, 1);
    h = hashOf(d.y, h);
    h = hashOf(d.nodeFlags, h);
    h = hashOf(d.nodeIcon, h);
    h = hashOf(d.nodeGroup, h);
    h = hashOf(d.edgeFrom, h);
    h = hashOf(d.edgeTo, h);
    h = hashOf(d.edgeFlags, h);
    h = hashOf(d.measures.scale, h); // empty unless sized or coloured by a measure
    h = hashOf(d.measures.component, h);
    return hashOf(d.edgeConfidence, h);
}

} // namespace

void ChartFrame::draw(const ChartData &data, const View &view, const QRect &deviceRect)
{
    const qreal dpr = view.devicePixelRatio;
    const QRectF logical(QPointF(deviceRect.topLeft()) / dpr, QSizeF(deviceRect.size()) / dpr);
    QPainter p(&m_image);
    p.fillRect(logical, Qt::white);
    p.setTransform(QTransform(view.scale, 0, 0, view.scale, -view.topLeft.x() * view.scale,
                              -view.topLeft.y() * view.scale));
    ChartPainter::paint(p, data, QRectF(view.topLeft + logical.topLeft() / view.scale, logical.size() / view.scale));
}

void ChartFrame::scroll(int dx, int dy)
{
    // Moves the pixels by (dx, dy) in place, rows in the order that never reads an overwritten one.
    const int w = m_image.width(), h = m_image.height();
    const qsizetype stride = m_image.bytesPerLine();
    uchar *bits = m_image.bits();
    const int x0 = std::max(0, dx), x1 = std::min(w, w + dx); // destination columns
    const size_t bytes = size_t(x1 - x0) * 4;
    const auto row = [&](int y) {
        std::memmove(bits + qsizetype(y) * stride + x0 * 4, bits + qsizetype(y - dy) * stride + (x0 - dx) * 4, bytes);
    };
    if (dy > 0) {
        for (int y = h - 1; y >= dy; --y) {
            row(y);
        }
    } else {
        for (int y = 0; y < h + dy; ++y) {
            row(y);
        }
    }
}

const QImage &ChartFrame::render(const ChartData &data, quint64 dataVersion, const View &view, bool mayReuse)
{
    const QSize device = (QSizeF(view.size) * view.devicePixelRatio).toSize();
    const bool sameView = !m_image.isNull() && m_image.size() == device &&
                          m_view.devicePixelRatio == view.devicePixelRatio && m_view.scale == view.scale;
    const bool sameData = mayReuse && sameView && m_version == dataVersion && m_fingerprint == fingerprint(data);
    m_lastKind = Kind::Full;
    if (sameData && m_view.topLeft == view.topLeft) {
        m_lastKind = Kind::Reused;
        return m_image;
    }
    if (sameData && ChartPainter::isOverview(view.scale * view.devicePixelRatio)) {
        const QPointF shift = (m_view.topLeft - view.topLeft) * view.scale * view.devicePixelRatio;
        const int dx = int(std::lround(shift.x())), dy = int(std::lround(shift.y()));
        if (std::abs(shift.x() - dx) < 1e-3 && std::abs(shift.y() - dy) < 1e-3 && std::abs(dx) < device.width() &&
            std::abs(dy) < device.height()) {
            scroll(dx, dy);
            m_view = view;
            const int w = device.width(), h = device.height();
            if (dx != 0) {
                draw(data, view, dx > 0 ? QRect(0, 0, dx, h) : QRect(w + dx, 0, -dx, h));
            }
            if (dy != 0) {
                draw(data, view, dy > 0 ? QRect(0, 0, w, dy) : QRect(0, h + dy, w, -dy));
            }
            m_lastKind = Kind::Scrolled;
            return m_image;
        }
    }
    if (m_image.size() != device) {
        m_image = QImage(device, QImage::Format_RGB32);
    }
    m_image.setDevicePixelRatio(view.devicePixelRatio);
    m_view = view;
    m_version = dataVersion;
    m_fingerprint = fingerprint(data);
    draw(data, view, m_image.rect());
    return m_image;
}

} // namespace Casegraph::Ui

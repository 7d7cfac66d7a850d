// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbands.h"
#include "chartedgestroke.h"

#include <QImage>
#include <QPainter>

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace Casegraph::Ui::ChartBands {

int count(int height, int requested)
{
    if (requested > 0) {
        return std::clamp(requested, 1, std::max(1, height));
    }
    return height >= 256 ? std::clamp(QThread::idealThreadCount(), 1, 4) : 1;
}

void split(int parts, const std::function<void(int)> &work)
{
    // A pool of its own, so that frames never wait behind other background work, and threads that
    // live on between frames, keeping their per-thread caches (fonts, glyphs, dot sprites).
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(3);
        p->setExpiryTimeout(-1);
        return p;
    }();
    QSemaphore done;
    for (int k = 1; k < parts; ++k) {
        pool->start([&work, &done, k] {
            work(k);
            done.release();
        });
    }
    work(0);
    done.acquire(parts - 1);
}

void run(const QRect &area, int bands, const std::function<void(int, const QRect &)> &paint)
{
    split(bands, [&](int b) {
        const int top = area.top() + area.height() * b / bands, bottom = area.top() + area.height() * (b + 1) / bands;
        paint(b, QRect(area.left(), top, area.width(), bottom - top));
    });
}

bool paintImage(QPainter &painter, int requested, const std::function<void(QPainter &, const QRectF &)> &paint)
{
    QImage *image = ChartEdgeStroke::directImage(painter);
    if (!image || image->devicePixelRatio() != 1) {
        return false;
    }
    const QRect rows = image->rect();
    const int bands = count(rows.height(), requested);
    if (bands <= 1) {
        return false;
    }
    uchar *bits = image->bits(); // detaches (if at all) here, on the calling thread
    const QTransform world = painter.transform();
    const QTransform toLogical = painter.deviceTransform().inverted();
    run(rows, bands, [&](int, const QRect &band) {
        QImage view(bits, image->width(), image->height(), image->bytesPerLine(), image->format());
        QPainter p(&view);
        p.setClipRect(band); // device pixels: the world transform is still the identity
        p.setTransform(world);
        p.setRenderHints(painter.renderHints());
        const ChartEdgeStroke::BandTarget target(p, band);
        paint(p, toLogical.mapRect(QRectF(band).adjusted(-2, -2, 2, 2)));
    });
    return true;
}

} // namespace Casegraph::Ui::ChartBands

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "supportstyle.h"

#include <QPainter>

namespace Casegraph::Ui {

using Models::SupportLevel;

QPen supportPen(SupportLevel level, const QColor &color, qreal width) {
    QPen pen(color, width, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin);
    switch (level) {
    case SupportLevel::Corroborated:
        break;
    case SupportLevel::SingleSource:
        pen.setDashPattern({5, 3}); // in units of the pen's width
        break;
    case SupportLevel::Unsourced:
        // Round dots: a zero-length dash with round caps, spaced well apart.
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({0.1, 2.6});
        break;
    }
    return pen;
}

void paintSupportSample(QPainter &painter, SupportLevel level, const QColor &color, QPointF from, QPointF to) {
    painter.setPen(supportPen(level, color, 1.5));
    painter.drawLine(from, to);
}

} // namespace Casegraph::Ui

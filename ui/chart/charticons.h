// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPixmap>
#include <QString>

class QPainter;
class QRectF;

namespace Casegraph::Ui {

/// The node icons of link charts: one SVG per schema family (resources/icons, and
/// resources/icons/schema for the chart-only ones such as product and project). Screen drawing
/// uses pixmaps cached per size; export draws the SVG itself so PDF and SVG stay vector.
/// GUI thread only (caches).
class ChartIcons {
public:
    /// The icon index of a schema's family (company, person, public body, product …).
    static quint8 forSchema(const QString &schema);
    static QString name(quint8 icon);
    /// The family's colour, for dots and outlines when icons are too small to read.
    static QColor colour(quint8 icon);
    /// The sanction badge's index.
    static quint8 sanctionBadge();
    /// Draws the icon into `rect`: a cached pixmap at the device size, or the vector SVG.
    static void paint(QPainter &painter, quint8 icon, const QRectF &rect, bool vector);
};

} // namespace Casegraph::Ui

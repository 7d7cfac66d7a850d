// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace Casegraph::Ui {

/// How a scene is written to an image or document.
struct SceneExportOptions {
    /// Pixels per scene unit for PNG (2 gives print-sharp text on a 1:1 scene).
    qreal pngScale = 2.0;
    /// Blank border around the drawn rectangle, in scene units.
    qreal margin = 24.0;
    QColor background = Qt::white;
    /// Title written into SVG and PDF metadata.
    QString title;
};

/// Writes a QGraphicsScene (a link chart, a QtCharts timeline …) to PNG, SVG or PDF, chosen by
/// the file's suffix. `source` is the part of the scene to draw; an empty rectangle means the
/// bounding rectangle of all items. Text stays text in SVG and PDF (vector output), so labels
/// stay legible at any zoom. The file is written to a temporary name and renamed into place, so
/// a failed export never leaves a half-written file under the requested name.
class SceneExporter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::SceneExporter)
public:
    /// The suffixes `exportScene` understands, lower case, without the dot.
    static QStringList formats();
    static Models::Status exportScene(QGraphicsScene &scene, const QString &path, QRectF source = {},
                                      const SceneExportOptions &options = {});
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sceneexport.h"

#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace Casegraph::Ui {

using Models::Error;
using Models::Status;

QStringList SceneExporter::formats()
{
    return {QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")};
}

namespace {

/// Draws `source` of the scene into `target` on an already open painter, background first.
void paintScene(QPainter &painter, QGraphicsScene &scene, const QRectF &target, const QRectF &source,
                const QColor &background)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.fillRect(target, background);
    scene.render(&painter, target, source, Qt::KeepAspectRatio);
}

} // namespace

Status SceneExporter::exportScene(QGraphicsScene &scene, const QString &path, QRectF source,
                                  const SceneExportOptions &options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!formats().contains(suffix)) {
        return Error{tr("%1: unknown image format \"%2\" (use .png, .svg or .pdf)").arg(path, suffix)};
    }
    if (source.isEmpty()) {
        source = scene.itemsBoundingRect();
    }
    if (source.isEmpty()) {
        return Error{tr("%1: there is nothing to draw").arg(path)};
    }
    source = source.adjusted(-options.margin, -options.margin, options.margin, options.margin);
    const QString title = options.title.isEmpty() ? QFileInfo(path).completeBaseName() : options.title;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("%1: cannot write: %2").arg(path, file.errorString())};
    }
    if (suffix == QLatin1String("png")) {
        const QSize size(int(std::ceil(source.width() * options.pngScale)),
                         int(std::ceil(source.height() * options.pngScale)));
        // Qt's raster engine refuses images beyond 2^31 bytes; say so rather than crash.
        if (qint64(size.width()) * size.height() * 4 > (qint64(1) << 31) - 1) {
            return Error{tr("%1: the picture would be %2×%3 pixels, too large for PNG; export SVG or PDF, "
                            "or a smaller part of the chart")
                             .arg(path)
                             .arg(size.width())
                             .arg(size.height())};
        }
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.setDotsPerMeterX(int(3780 * options.pngScale)); // 96 dpi × scale
        image.setDotsPerMeterY(int(3780 * options.pngScale));
        {
            QPainter painter(&image);
            paintScene(painter, scene, QRectF(QPointF(0, 0), QSizeF(size)), source, options.background);
        }
        if (!image.save(&file, "PNG")) {
            return Error{tr("%1: could not encode the PNG").arg(path)};
        }
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setTitle(title);
        svg.setDescription(tr("Exported from Casegraph"));
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setResolution(96);
        QPainter painter;
        if (!painter.begin(&svg)) {
            return Error{tr("%1: could not start the SVG").arg(path)};
        }
        paintScene(painter, scene, QRectF(QPointF(0, 0), source.size()), source, options.background);
        painter.end();
    } else {
        QPdfWriter pdf(&file);
        pdf.setTitle(title);
        pdf.setCreator(QStringLiteral("Casegraph"));
        pdf.setResolution(96);
        // One page the size of the drawing (in points: 72 per inch, scene units are 96 dpi pixels).
        pdf.setPageSize(QPageSize(source.size() * 72.0 / 96.0, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&pdf)) {
            return Error{tr("%1: could not start the PDF").arg(path)};
        }
        const QRect page = painter.viewport();
        paintScene(painter, scene, QRectF(page), source, options.background);
        painter.end();
    }
    if (!file.commit()) {
        return Error{tr("%1: cannot write: %2").arg(path, file.errorString())};
    }
    return {};
}

} // namespace Casegraph::Ui

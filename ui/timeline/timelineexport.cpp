// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineexport.h"

#include "export/sceneexport.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>

namespace Casegraph::Ui {

namespace {

/// One graphics item that paints the whole timeline, so that SceneExporter's PNG, SVG and PDF
/// writers serve the timeline as they serve link charts.
class TimelinePicture final : public QGraphicsItem {
public:
    TimelinePicture(TimelineRenderer &renderer, const QSizeF &size) : m_renderer(renderer), m_size(size) {}
    QRectF boundingRect() const override { return QRectF(QPointF(0, 0), m_size); }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override { m_renderer.paint(*painter); }

private:
    TimelineRenderer &m_renderer;
    QSizeF m_size;
};

} // namespace

Models::Status TimelineExporter::exportTimeline(std::shared_ptr<const Models::TimelineModel> model,
                                                const TimelineViewState &state, const QString &path,
                                                const Options &options)
{
    if (!model) {
        return Models::Error{tr("%1: there is no timeline to export").arg(path)};
    }
    TimelineRenderer renderer;
    renderer.state() = state;
    renderer.state().printMode = true;
    renderer.state().scrollY = 0;
    renderer.setModel(model);
    if (state.toMs <= state.fromMs) {
        renderer.fit();
    }
    QSizeF size = options.size;
    if (options.growToFit) {
        size.setHeight(std::max(size.height(), renderer.preferredSize(size.width()).height()));
    }
    renderer.layout(size);
    QGraphicsScene scene;
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    scene.addItem(new TimelinePicture(renderer, size));
    SceneExportOptions exportOptions;
    exportOptions.margin = 0;
    exportOptions.pngScale = options.pngScale;
    exportOptions.title = state.title.isEmpty() ? tr("Timeline") : state.title;
    return SceneExporter::exportScene(scene, path, QRectF(QPointF(0, 0), size), exportOptions);
}

} // namespace Casegraph::Ui

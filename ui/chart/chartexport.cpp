// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartexport.h"
#include "chartdata.h"
#include "chartfilters.h"
#include "chartgroups.h"
#include "chartmeasure.h"
#include "charttags.h"
#include "chartpainter.h"
#include "export/sceneexport.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QPainter>

#include <algorithm>
#include <optional>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {

constexpr double LegendHeight = 64;

/// The whole chart as one scene item: its paint() is ChartPainter at full detail.
class ChartSceneItem final : public QGraphicsItem {
public:
    explicit ChartSceneItem(const ChartData &data) : m_data(data)
    {
        m_rect = ChartPainter::contentRect(data);
        m_rect.setBottom(m_rect.bottom() + LegendHeight);
        // The line-style legend, and beside it the legend of node sizes and colours (if any).
        m_rect.setWidth(std::max(m_rect.width(), 240.0 + ChartMeasures::legendWidth(data)));
    }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *) override
    {
        ChartPaintOptions options;
        options.vector = true;
        options.legend = true;
        ChartPainter::paint(*painter, m_data, m_rect, options);
    }

private:
    const ChartData &m_data;
    QRectF m_rect;
};

} // namespace

Status ChartExport::write(const ChartData &data, const QString &path, const QString &title)
{
    if (data.bounds().isNull()) {
        return Error{tr("%1: the chart has no visible entities to draw").arg(path)};
    }
    // The chart as published, not the view's selection (nodes and lines in selection blue, bold names).
    const auto selectedNode = [](quint8 f) { return (f & NodeSelected) != 0; };
    const auto selectedEdge = [](quint8 f) { return (f & EdgeSelected) != 0; };
    std::optional<ChartData> unselected;
    if (std::any_of(data.nodeFlags.begin(), data.nodeFlags.end(), selectedNode) ||
        std::any_of(data.edgeFlags.begin(), data.edgeFlags.end(), selectedEdge)) {
        unselected = data;
        for (auto &f : unselected->nodeFlags) {
            f &= ~NodeSelected;
        }
        for (auto &f : unselected->edgeFlags) {
            f &= ~EdgeSelected;
        }
    }
    QGraphicsScene scene;
    auto *item = new ChartSceneItem(unselected ? *unselected : data);
    scene.addItem(item);
    SceneExportOptions options;
    options.title = title;
    return SceneExporter::exportScene(scene, path, item->boundingRect(), options);
}

Status ChartExport::write(const CaseFile &caseFile, const QString &chartName, const QString &path,
                          const QString &highlightFrom, const QString &highlightTo)
{
    const auto chart = caseFile.charts().chartByName(chartName);
    if (!chart) {
        return Error{tr("no chart named \"%1\" in this case").arg(chartName)};
    }
    auto data = ChartData::load(caseFile, chart->id);
    if (!data) {
        return data.error();
    }
    // As the view draws it: tag dots, the saved filters (schemata, time, tags), the collapsed
    // groups as one node each, and node sizes and colours by measure. The filters come before the
    // path, which runs over what is shown.
    ChartTags::load(caseFile, data.value());
    ChartFilters::applySaved(data.value(), chart->settings);
    if (!highlightFrom.isEmpty() || !highlightTo.isEmpty()) {
        const qint32 from = data->indexOf(caseFile.entities().rowIdOf(highlightFrom));
        const qint32 to = data->indexOf(caseFile.entities().rowIdOf(highlightTo));
        if (from < 0 || to < 0) {
            return Error{tr("\"%1\" is not on the chart \"%2\"").arg(from < 0 ? highlightFrom : highlightTo, chartName)};
        }
        if (!data->isVisible(from) || !data->isVisible(to)) {
            return Error{tr("\"%1\" is hidden on the chart \"%2\" (by its filters or by hand)")
                             .arg(data->isVisible(from) ? highlightTo : highlightFrom, chartName)};
        }
        if (!data.value().highlightPath(from, to)) {
            return Error{tr("no path from \"%1\" to \"%2\" on the chart \"%3\"").arg(highlightFrom, highlightTo, chartName)};
        }
    }
    ChartGroups::apply(data.value(), ChartGroups::collapsed(chart->settings));
    ChartMeasures::apply(data.value(), ChartMeasures::saved(chart->settings)); // over what is shown
    return write(*data, path, chart->name);
}

} // namespace Casegraph::Ui

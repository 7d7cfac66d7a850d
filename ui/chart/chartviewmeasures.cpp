// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartView's measures: node size by degree or betweenness, colour by component (ChartMeasures);
// the rest is in chartview.cpp.
#include "chartcommands.h"
#include "chartpainter.h"
#include "chartview.h"

#include <QUndoStack>

namespace Casegraph::Ui {

using namespace Casegraph::Models;
using Size = ChartNodeMeasures::Size;

void ChartView::createMeasureRunner()
{
    m_measureRunner = new ChartMeasureRunner(this);
    connect(m_measureRunner, &ChartMeasureRunner::progressed, this, &ChartView::measureProgressed);
    connect(m_measureRunner, &ChartMeasureRunner::finished, this, [this](const ChartNodeMeasures &measures) {
        setMeasures(measures); // the runner drops results of an earlier applyFilters()
        Q_EMIT measuringChanged(false);
        update();
    });
}

bool ChartView::isMeasuring() const
{
    return m_measureRunner->isRunning();
}

void ChartView::updateMeasures()
{
    const bool wasRunning = m_measureRunner->isRunning();
    m_measureRunner->cancel();
    ChartMeasures::Input input = ChartMeasures::input(m_data, m_measure);
    if (!m_measure.isActive() || !ChartMeasures::isSlow(input)) {
        setMeasures(m_measure.isActive() ? *ChartMeasures::compute(input) : ChartNodeMeasures());
        if (wasRunning) {
            Q_EMIT measuringChanged(false);
        }
        return;
    }
    // Meanwhile the chart shows the sizes it had, as long as they measure the same thing.
    if (m_data.measures.size != m_measure.size) {
        m_data.measures = {};
    }
    m_measureRunner->start(std::move(input));
    if (!wasRunning) {
        Q_EMIT measuringChanged(true);
    }
}

void ChartView::cancelMeasuring()
{
    if (!m_measureRunner->isRunning()) {
        return;
    }
    m_measureRunner->cancel();
    Q_EMIT measuringChanged(false);
    setMeasure(ChartMeasureSetting{Size::None, m_measure.colour});
}

void ChartView::setMeasure(const ChartMeasureSetting &setting)
{
    if (setting == m_measure) {
        return;
    }
    if (!savesSettings()) {
        m_measure = setting;
        updateMeasures();
        update();
        return;
    }
    // One undoable step, one settings key per change (two when both change at once).
    const bool sizeChanged = setting.size != m_measure.size, colourChanged = setting.colour != m_measure.colour;
    const QString sizeText = setting.size == Size::Degree        ? tr("Size Nodes by Degree")
                             : setting.size == Size::Betweenness ? tr("Size Nodes by Betweenness")
                                                                 : tr("Draw Nodes at One Size");
    const QString colourText = setting.colour == ChartMeasureSetting::Colour::Component ? tr("Colour Nodes by Component")
                                                                                        : tr("Colour Nodes by Type");
    auto *command = new QUndoCommand(sizeChanged && colourChanged ? tr("Node Size and Colour")
                                     : sizeChanged                ? sizeText
                                                                  : colourText);
    if (sizeChanged) {
        new ChartSettingCommand(*m_case, m_chartId, ChartMeasures::SizeKey, ChartMeasures::sizeSetting(m_measure.size),
                                ChartMeasures::sizeSetting(setting.size), QString(), this, command);
    }
    if (colourChanged) {
        new ChartSettingCommand(*m_case, m_chartId, ChartMeasures::ColourKey, ChartMeasures::colourSetting(m_measure.colour),
                                ChartMeasures::colourSetting(setting.colour), QString(), this, command);
    }
    m_stack->push(command);
}

QRectF ChartView::nodeRect(qint32 node) const
{
    const QPointF c = worldTransform().map(m_data.position(node));
    const double r = ChartPainter::nodeRadius(m_data, node) * m_scale;
    return QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r);
}

QRectF ChartView::legendRect() const
{
    return ChartMeasures::legendRect(m_data, QPointF(LegendMargin, height() - LegendMargin));
}

bool ChartView::legendCoversNodes() const
{
    const QRectF legend = legendRect();
    if (legend.isNull()) {
        return false;
    }
    // Only nodes whose centre is near the legend can reach it: a label is at most LabelWidth
    // wide, a disc with its badge and a two-line label under it well within this reach.
    const QRectF world(toWorld(legend.topLeft()), toWorld(legend.bottomRight()));
    const double reach = ChartStyle::LabelWidth + 3 * ChartNodeMeasures::MaxScale * ChartStyle::NodeRadius;
    const QRectF near = world.adjusted(-reach, -reach, reach, reach);
    for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
        if (m_data.isVisible(i) && near.contains(m_data.position(i)) &&
            ChartPainter::nodeBounds(m_data, i).intersects(world)) {
            return true;
        }
    }
    return false;
}

void ChartView::setMeasures(ChartNodeMeasures measures)
{
    const QRectF legendBefore = legendRect();
    m_data.measures = std::move(measures);
    // Only when the legend appears or grows, and only over a view that shows the whole chart
    // (as Fit left it, or zoomed out further): a user zoomed into a part keeps the view they chose.
    const QRectF legend = legendRect();
    if (legend.isNull() || legendBefore.contains(legend) || width() <= 0 || height() <= 0) {
        return;
    }
    if ((m_fitPending || visibleRect().contains(contentRect())) && legendCoversNodes()) {
        fitToView();
    }
}

} // namespace Casegraph::Ui

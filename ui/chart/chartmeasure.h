// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workerruns.h"
#include "chartdata.h"

#include "analytics/centrality.h"

#include <QColor>
#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QPainter;

namespace Casegraph::Ui {

/// What a chart's nodes are sized and coloured by (the chart's Measure menu).
struct ChartMeasureSetting {
    enum class Colour : quint8 { Type, Component };
    ChartNodeMeasures::Size size = ChartNodeMeasures::Size::None;
    Colour colour = Colour::Type;
    bool isActive() const { return size != ChartNodeMeasures::Size::None || colour != Colour::Type; }
    bool operator==(const ChartMeasureSetting &) const = default;
};

/// Centrality and components on a link chart: node size by degree or betweenness, node colour
/// by weakly connected component (Models::degrees, betweenness, components over an edge list).
///
/// What is measured is what the chart shows: the visible nodes (not hidden by hand, not filtered
/// by type, time or tag, not inside a collapsed group) and the visible edges between them, each
/// collapsed group counting as one node with its merged edges. Change a filter and the sizes
/// follow. Degree counts parallel edges each; betweenness treats edges as undirected links
/// (exact up to 5,000 shown nodes, above from a sample of 5·10^7 / (nodes + 2 edges) sources, at
/// least 32, shown as "estimated"). A node's radius is NodeRadius × (1 + 2√f),
/// f = (score − lowest) / (highest − lowest): 1× to 3×, the disc's area growing with the score.
/// Components are coloured largest first from a palette of PaletteSize colours, the rest grey.
///
/// Saved with the chart as the settings "nodeSize" ("degree" or "betweenness") and "nodeColour"
/// ("component"); absent means the default (no sizing, colour by type). Changed through an
/// undoable ChartSettingCommand like the tag filter.
class ChartMeasures {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartMeasures)
public:
    static inline const QString SizeKey = QStringLiteral("nodeSize");
    static inline const QString ColourKey = QStringLiteral("nodeColour");
    static ChartMeasureSetting saved(const QJsonObject &settings);
    /// The keys' values (undefined, which removes the key, for the defaults).
    static QJsonValue sizeSetting(ChartNodeMeasures::Size size);
    static QJsonValue colourSetting(ChartMeasureSetting::Colour colour);

    /// The shown nodes and edges as numbers, for compute() on any thread.
    struct Input {
        Models::EdgeList graph;
        std::vector<qint32> nodes; ///< graph node k is chart node nodes[k]
        qsizetype chartNodes = 0;
        ChartMeasureSetting setting;
    };
    static Input input(const ChartData &data, const ChartMeasureSetting &setting);
    /// Whether compute() may take long enough to belong on a worker thread (betweenness of a
    /// large chart).
    static bool isSlow(const Input &input);
    /// The measures by chart node; nullopt when `progress` cancels.
    static std::optional<ChartNodeMeasures> compute(const Input &input, const Models::CentralityProgress &progress = {});
    /// input() and compute() on this thread, into data.measures (export, the CLI, small charts).
    static void apply(ChartData &data, const ChartMeasureSetting &setting);

    static constexpr int PaletteSize = 8;
    /// A component's colour: the palette for the largest PaletteSize, then grey.
    static QColor componentColour(qint32 component);
    /// "betweenness 0.42, rank 3 of 57" and/or "component 2 of 5, 14 entities" (empty: no measure).
    static QString describe(const ChartData &data, qint32 node);
    /// Whether legend() draws anything.
    static bool hasLegend(const ChartData &data);
    /// Draws the legend of sizes and component colours with its bottom-left corner at `bottomLeft`
    /// (painter units); returns the rectangle used.
    static QRectF paintLegend(QPainter &painter, const ChartData &data, QPointF bottomLeft);
    /// The rectangle paintLegend() would draw at `bottomLeft`, without drawing (null: no legend).
    static QRectF legendRect(const ChartData &data, QPointF bottomLeft);
    /// The width paintLegend() takes, with an 8-unit gap before it (0: no legend).
    static double legendWidth(const ChartData &data);
};

/// Runs ChartMeasures::compute() on a worker thread (the input is a copy; only the cancel flag is
/// shared), reports progress, and hands the result back on the GUI thread. A new start() or
/// cancel() drops results still on their way; the destructor cancels and waits for the worker.
class ChartMeasureRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartMeasureRunner)
public:
    explicit ChartMeasureRunner(QObject *parent = nullptr);
    ~ChartMeasureRunner() override;
    bool isRunning() const { return m_runs.isRunning(); }
    void start(ChartMeasures::Input input);
    void cancel() { m_runs.cancel(); }

Q_SIGNALS:
    void progressed(int percent);
    void finished(const Casegraph::Ui::ChartNodeMeasures &measures);

private:
    Models::WorkerRuns m_runs;
};

} // namespace Casegraph::Ui

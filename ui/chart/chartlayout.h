// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workerruns.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointF>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace Casegraph::Ui {

class ChartData;

/// What a layout algorithm gets: node indexes 0..nodeCount-1, (tail, head) edges, current
/// positions (NaN x = not placed yet), pinned nodes (never moved) and an optional centre node.
struct ChartLayoutInput {
    qsizetype nodeCount = 0;
    std::vector<std::pair<qint32, qint32>> edges;
    std::vector<QPointF> positions;
    std::vector<bool> pinned;
    qint32 centre = -1;

    /// The visible nodes' positions and the visible edges of a chart (hidden nodes keep NaN).
    static ChartLayoutInput from(const ChartData &data, qint32 centre = -1);
};

/// A layout algorithm: reads the input, writes `positions` (same shape as the force layout's
/// `Models::forceLayout(graph, positions, pinned, options, progress)`), calls `progress(done,
/// total)` now and then and stops with an error when it returns false.
using ChartLayoutFunction = std::function<Models::Status(const ChartLayoutInput &input, std::vector<QPointF> &positions,
                                                         const std::function<bool(int, int)> &progress)>;

struct ChartLayoutSpec {
    QString id;    ///< "hierarchical", "radial", "grid", "force" …
    QString label; ///< translated menu text
    bool needsCentre = false;
    ChartLayoutFunction run;
};

/// The layouts the chart offers: force-directed (Models::forceLayout), hierarchical, radial and
/// grid; registerLayout() adds or replaces one.
class ChartLayouts {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartLayouts)
public:
    static const std::vector<ChartLayoutSpec> &all();
    static const ChartLayoutSpec *find(const QString &id);
    static void registerLayout(ChartLayoutSpec spec);
};

/// Runs a layout on a worker thread (the input is a copy: nothing is shared with the GUI thread
/// but the cancel flag), reports progress, and hands back the positions on the GUI thread.
class ChartLayoutRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLayoutRunner)
public:
    explicit ChartLayoutRunner(QObject *parent = nullptr);
    ~ChartLayoutRunner() override;
    bool isRunning() const { return m_runs.isRunning(); }
    void start(const ChartLayoutSpec &spec, ChartLayoutInput input);
    void cancel() { m_runs.cancel(); }

Q_SIGNALS:
    void progressed(int done, int total);
    void finished(const std::vector<QPointF> &positions, const QString &label);
    void failed(const QString &message);

private:
    Models::WorkerRuns m_runs; ///< cancels and waits for the worker when the runner goes
};

} // namespace Casegraph::Ui

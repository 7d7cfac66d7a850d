// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "core/workerruns.h"

#include <QObject>

#include <memory>

namespace Casegraph::Ui {

/// Loads a chart (ChartData::load) on a worker thread with its own read-only connection to the
/// case file, so that opening a chart of 100,000 nodes never blocks the GUI thread. Reports
/// progress and can be cancelled; a newer start() or cancel() makes an older load's result stale
/// (it is dropped). The destructor cancels and waits for the workers.
/// Thread affinity: the GUI thread; signals arrive there.
class ChartLoader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartLoader)
public:
    explicit ChartLoader(QObject *parent = nullptr);
    ~ChartLoader() override;

    /// Starts loading chart `chartId` of the case file at `path` (replacing a load under way).
    void start(const QString &path, qint64 chartId);
    void cancel();
    bool isRunning() const { return m_runs.isRunning(); }
    int percent() const { return m_percent; }

Q_SIGNALS:
    void progressed(int percent);
    void loaded(const std::shared_ptr<ChartData> &data);
    void failed(const QString &message);

private:
    Models::WorkerRuns m_runs;
    int m_percent = 0;
};

} // namespace Casegraph::Ui

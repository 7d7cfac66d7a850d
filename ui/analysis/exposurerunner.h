// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/exposurerun.h"
#include "core/workerruns.h"

#include <QObject>

#include <memory>

namespace Casegraph::Ui {

/// Runs the ownership rule (Models::ExposureRun::compute) on a worker thread with its own read-only
/// connection to the case file, and reads the case's sanction lists the same way. A newer start()
/// or cancel() makes an older run's result stale (dropped); cancel() returns at once and the worker
/// stops at its next check. The destructor cancels and waits for the workers.
/// Thread affinity: the GUI thread; signals arrive there.
class ExposureRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposureRunner)
public:
    explicit ExposureRunner(QObject *parent = nullptr);
    ~ExposureRunner() override;

    /// Runs the rule over the case file at `path` (replacing a run under way).
    void start(const QString &path, const Models::ExposureOptions &options);
    void cancel();
    bool isRunning() const { return m_runs.isRunning(); }
    /// Reads the authorities and programs of the case's Sanctions (listsRead()).
    void readLists(const QString &path);

Q_SIGNALS:
    void stageChanged(Casegraph::Models::ExposureRun::Stage stage);
    void finished(const std::shared_ptr<const Casegraph::Models::ExposureRun> &run);
    void failed(const QString &message);
    void listsRead(const Casegraph::Models::SanctionLists &lists);

private:
    /// Runs `work(caseFile, post)` on a new thread of `runs`; `post(fn)` calls fn(*this) on the GUI
    /// thread while the run is still the latest of `runs`.
    template <typename Work> void launch(const QString &path, Models::WorkerRuns ExposureRunner::*runs, Work work);

    Models::WorkerRuns m_runs;  ///< the rule
    Models::WorkerRuns m_lists; ///< reading the sanction lists
};

} // namespace Casegraph::Ui

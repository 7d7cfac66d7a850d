// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/exposurerun.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <memory>

class QThread;

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
    bool isRunning() const { return m_running; }
    /// Reads the authorities and programs of the case's Sanctions (listsRead()).
    void readLists(const QString &path);

Q_SIGNALS:
    void stageChanged(Casegraph::Models::ExposureRun::Stage stage);
    void finished(const std::shared_ptr<const Casegraph::Models::ExposureRun> &run);
    void failed(const QString &message);
    void listsRead(const Casegraph::Models::SanctionLists &lists);

private:
    /// Runs `work(caseFile, post)` on a new thread; `post(fn)` calls fn(*this) on the GUI thread
    /// while `generation` still has the value it had at the start.
    template <typename Work> void launch(const QString &path, quint64 ExposureRunner::*generation, Work work);

    quint64 m_runGeneration = 0;
    quint64 m_listsGeneration = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QPointer<QThread>> m_threads;
};

} // namespace Casegraph::Ui

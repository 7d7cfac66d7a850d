// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QProgressDialog;
class QThread;
class QWidget;

namespace Casegraph::Ui {

/// Runs one long piece of work (an import, an export) on a worker thread and reports back to
/// the GUI thread. The work opens its own CaseFile on the worker: a CaseFile belongs to the
/// thread that opened it, and WAL lets that connection write beside the window's.
///
/// The work calls report() with its progress; report() returns false once cancel() was called,
/// and the work then stops (an import rolls its transaction back). finished() follows on the GUI
/// thread when the work function has returned.
class JobRunner final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)
public:
    using Work = std::function<void(JobRunner &runner)>;

    explicit JobRunner(QObject *parent = nullptr);
    /// Cancels and waits for the work, so that nothing outlives the window.
    ~JobRunner() override;

    void start(Work work);
    bool isRunning() const;
    /// Asks the work to stop at its next report().
    void cancel() { m_cancelled = true; }
    bool isCancelled() const { return m_cancelled; }

    /// Worker thread: posts progress to the GUI thread; false once cancelled.
    bool report(qint64 done, qint64 total, qint64 count);
    /// Worker thread: names the current step ("owners.csv (2 of 3)").
    void setStage(const QString &text);

Q_SIGNALS:
    void progressed(qint64 done, qint64 total, qint64 count);
    void stageChanged(const QString &text);
    void finished();

private:
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancelled = false;
};

/// A window-modal QProgressDialog over `runner`'s work (Save As, Verify), shown once the work
/// has taken half a second: its bar follows report() (busy while no total is known), its label
/// setStage(), Cancel cancels the work, and the dialog goes when the work has finished.
QProgressDialog *showJobProgress(JobRunner *runner, QWidget *parent, const QString &title, const QString &label);

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Casegraph::Models {

/// Drops a reference to a large result (a timeline of a million facts, a chart's arrays) without
/// freeing it on the calling thread: when it is the last reference, the object is destroyed on a
/// pool thread, since freeing millions of small allocations takes seconds. The application waits
/// for the pool when it exits.
template <typename T> void releaseOffThread(std::shared_ptr<T> &&last)
{
    if (last && last.use_count() == 1) {
        QThreadPool::globalInstance()->start([object = std::move(last)]() mutable { object.reset(); });
    }
    last.reset();
}

/// The bookkeeping of work done on throwaway worker threads (ChartLoader, PathSearch,
/// ExposureRunner, UnsupportedFactsModel): a newer begin() or a cancel() raises the cancel flag
/// of the run under way and makes its results stale, so that they reach nobody; the destructor
/// cancels and waits for the threads.
/// Thread affinity: the GUI thread.
class WorkerRuns {
    Q_DISABLE_COPY_MOVE(WorkerRuns)
public:
    WorkerRuns() = default;
    ~WorkerRuns()
    {
        cancel();
        for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
            if (thread) {
                thread->wait();
            }
        }
    }

    /// Cancels the run under way and starts counting a new one; returns its cancel flag.
    std::shared_ptr<std::atomic_bool> begin()
    {
        cancel();
        m_cancel = std::make_shared<std::atomic_bool>(false);
        m_running = true;
        return m_cancel;
    }
    void cancel()
    {
        if (m_cancel) {
            m_cancel->store(true);
        }
        ++m_generation; // whatever is still running reports to nobody
        m_running = false;
    }
    bool isRunning() const { return m_running; }
    void finished() { m_running = false; }
    quint64 generation() const { return m_generation; }

    /// Runs `work` on a new thread that deletes itself when done.
    template <typename Work> void start(Work &&work)
    {
        QThread *thread = QThread::create(std::forward<Work>(work));
        QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
        m_threads.removeAll(QPointer<QThread>());
        m_threads << thread;
        thread->start();
    }

    /// A function for the worker that hands fn(owner) to the GUI thread (through the application
    /// object, which lives there), called only while `owner` exists and the run is its latest.
    /// `Owner` keeps its WorkerRuns in a member reachable as `runs(owner)`.
    template <typename Owner, typename Runs>
    static auto poster(Owner *owner, Runs runs)
    {
        QPointer<Owner> self(owner);
        const quint64 generation = runs(*owner).generation();
        return [self, generation, runs](auto fn) {
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, generation, runs, fn] {
                    if (self && runs(*self).generation() == generation) {
                        fn(*self);
                    }
                },
                Qt::QueuedConnection);
        };
    }

private:
    quint64 m_generation = 0;
    bool m_running = false;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QPointer<QThread>> m_threads;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/entitystore.h"

#include <QList>
#include <QMutex>
#include <QPair>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <deque>
#include <optional>

struct sqlite3;

namespace Casegraph::Models {

using SchemaCounts = QList<QPair<QString, qint64>>;

/// Runs EntityStore count and page queries for EntityTableModel off the GUI thread.
///
/// Broad searches over a million entities take 80-500 ms per page and deep OFFSET jumps
/// 50-100 ms, too slow for a paint handler. The loader opens its own read-only CaseFile on the
/// same path (WAL lets it read beside the GUI thread's writer), so it sees committed data only.
///
/// Thread affinity: the object lives in the thread that created it, where the request*() calls
/// are made; the signals are emitted from the worker thread and arrive queued. Every request
/// carries a generation; requests older than setMinimumGeneration() are skipped unrun. Counts
/// and summaries run before pages; pages run newest first, and when more than a few wait, the
/// oldest are dropped with pageSkipped() (a fast scroll leaves them behind).
class EntityPageLoader final : public QThread {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPageLoader)
public:
    explicit EntityPageLoader(const QString &path, QObject *parent = nullptr);
    /// Stops the worker, interrupting a running query.
    ~EntityPageLoader() override;

    void requestCount(quint64 generation, const EntityFilter &filter);
    void requestSummary(quint64 generation);
    void requestPage(quint64 generation, const EntityFilter &filter, qint64 page, qint64 offset, int limit,
                     const std::optional<EntityRow> &after);
    void setMinimumGeneration(quint64 generation) { m_minimumGeneration = generation; }

    /// Pages waiting beyond this many are dropped, oldest first.
    static constexpr int MaxQueuedPages = 12;

Q_SIGNALS:
    void countLoaded(quint64 generation, qint64 count);
    void summaryLoaded(quint64 generation, const Casegraph::Models::SchemaCounts &counts);
    /// `details` has one entry per row: for a relationship its two ends ("Thermo Fisher → Xinjiang
    /// police"), for a sanction its target; empty for the rest. Captions alone do not tell six
    /// "Contract award" rows apart.
    void pageLoaded(quint64 generation, qint64 page, const QList<Casegraph::Models::EntityRow> &rows,
                    const QStringList &details);
    void pageSkipped(quint64 generation, qint64 page);
    void failed(const QString &message);

protected:
    void run() override;

private:
    struct Request {
        enum class Kind { Count, Summary, Page };
        Kind kind = Kind::Count;
        quint64 generation = 0;
        EntityFilter filter;
        qint64 page = 0;
        qint64 offset = 0;
        int limit = 0;
        std::optional<EntityRow> after;
    };
    void enqueue(Request request);

    QString m_path;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Request> m_urgent; ///< counts and summaries, first in first out
    std::deque<Request> m_pages;  ///< served last in first out
    bool m_stopping = false;
    sqlite3 *m_handle = nullptr; ///< the worker's connection, for sqlite3_interrupt (under m_mutex)
    std::atomic<quint64> m_minimumGeneration{0};
    std::atomic<bool> m_failed{false}; ///< the case could not be opened: do not retry on every request
};

} // namespace Casegraph::Models

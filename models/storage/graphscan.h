// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

#include <atomic>
#include <functional>

namespace Casegraph::Models {

class CaseFile;
namespace Sql {
class Statement;
}

/// The rows GraphProjection::fromCase() reads, streamed from the case file with a fixed number of
/// queries and handed over as UTF-8 views (valid only during the callback: no QString per row).
/// A non-empty `scope` restricts a read to those entity row ids. Same thread affinity as the CaseFile.
class GraphScan {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphScan)
public:
    using EntityFn = std::function<void(qint64 rowId, QByteArrayView id, QByteArrayView schema)>;
    using StatementFn = std::function<void(qint64 entity, QByteArrayView prop, QByteArrayView value, int flags)>;
    using ProgressFn = std::function<void(qint64 rows)>;

    /// Rows read between two looks at the cancel flag (a power of two).
    static constexpr qint64 CheckInterval = 4096;

    /// `cancel` (may be null), set from another thread, stops the read under way at its next look
    /// (every CheckInterval rows) with the error cancelledError(); `progress` (may be empty) is told
    /// at each look how many rows this scan has read so far, on the reading thread.
    explicit GraphScan(const CaseFile &caseFile, const std::atomic_bool *cancel = nullptr, ProgressFn progress = {});

    /// "cancelled": what a read stopped by the cancel flag returns.
    static Error cancelledError();
    bool isCancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    /// Entity counts per schema (from the entity_schema index).
    Status schemaCounts(const std::function<void(QByteArrayView schema, qint64 count)> &fn) const;
    /// Every entity, in row order; with a scope, the entities in it.
    Status entities(const QList<qint64> &scope, const EntityFn &fn) const;
    /// Entities with an entity-reference value naming an entity of `scope` (each once).
    Status referencing(const QList<qint64> &scope, const EntityFn &fn) const;
    /// The statements a graph needs: every entity reference (flags & Reference) and the values of
    /// `properties`. Without a scope the whole table is read in row order and filtered here, which is
    /// cheaper than SQLite's `prop IN (…)` probe on every row.
    Status statements(const QList<qint64> &scope, const QList<QByteArray> &properties, const StatementFn &fn) const;
    /// Excerpts of the claims on each entity that has any.
    Status excerptCounts(const QList<qint64> &scope, const std::function<void(qint64 entity, qint64 count)> &fn) const;
    /// Screening matches the user accepted (schema version 4; none in older files): the decision,
    /// the case entity's FtM id, the listed entry's id and its authorities and programs ("; "-joined).
    using AcceptedFn = std::function<void(qint64 decision, QByteArrayView entity, QByteArrayView entry,
                                          const QString &authorities, const QString &programs)>;
    Status acceptedMatches(const AcceptedFn &fn) const;

private:
    using RowFn = std::function<void(Sql::Statement &)>;
    /// Prepares `sql`, binds the scope (if any) and reads every row (stepAll()).
    Status query(const QString &sql, const QList<qint64> &scope, const RowFn &row) const;
    /// Calls `row` for every result row, stopping with cancelledError() when proceed() says so.
    Status stepAll(Sql::Statement &s, const RowFn &row) const;
    /// Counts a row read; false when the read must stop (the cancel flag, looked at every CheckInterval rows).
    bool proceed() const { return (++m_rows & (CheckInterval - 1)) != 0 || look(); }
    /// Tells the progress and looks at the cancel flag; false when set.
    bool look() const;

    const CaseFile &m_case;
    const std::atomic_bool *m_cancel = nullptr;
    ProgressFn m_progress;
    mutable qint64 m_rows = 0;
};

} // namespace Casegraph::Models

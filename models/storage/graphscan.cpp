// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphscan.h"

#include "core/entity.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

namespace Casegraph::Models {

namespace {

/// The scope as a JSON array for json_each(?1).
QByteArray idsJson(const QList<qint64> &ids)
{
    QByteArray json("[");
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (i) {
            json += ',';
        }
        json += QByteArray::number(ids.at(i));
    }
    return json + ']';
}

} // namespace

GraphScan::GraphScan(const CaseFile &caseFile, const std::atomic_bool *cancel, ProgressFn progress)
    : m_case(caseFile), m_cancel(cancel), m_progress(std::move(progress))
{
}

Error GraphScan::cancelledError()
{
    return Error{tr("cancelled")};
}

Status GraphScan::stepAll(Sql::Statement &s, const RowFn &row) const
{
    while (s.step()) {
        if (!proceed()) {
            return cancelledError();
        }
        row(s);
    }
    return s.hasError() ? Status(Error{s.error()}) : Status();
}

Status GraphScan::query(const QString &sql, const QList<qint64> &scope, const RowFn &row) const
{
    Sql::Database &db = m_case.database();
    if (!db.isOpen()) {
        return Error{tr("no case file is open")};
    }
    auto q = db.prepare(sql);
    if (!q) {
        return q.error();
    }
    if (!scope.isEmpty()) {
        (*q)->bind(1, idsJson(scope));
    }
    return stepAll(**q, row);
}

bool GraphScan::look() const
{
    if (m_progress) {
        m_progress(m_rows);
    }
    return !isCancelled();
}

Status GraphScan::schemaCounts(const std::function<void(QByteArrayView, qint64)> &fn) const
{
    return query(QStringLiteral("SELECT schema, count(*) FROM entity GROUP BY schema"), {},
                 [&](Sql::Statement &s) { fn(s.view(0), s.int64(1)); });
}

Status GraphScan::entities(const QList<qint64> &scope, const EntityFn &fn) const
{
    return query(scope.isEmpty() ? QStringLiteral("SELECT id, eid, schema FROM entity")
                                 : QStringLiteral("SELECT id, eid, schema FROM entity WHERE id IN "
                                                  "(SELECT value FROM json_each(?1))"),
                 scope, [&](Sql::Statement &s) { fn(s.int64(0), s.view(1), s.view(2)); });
}

Status GraphScan::referencing(const QList<qint64> &scope, const EntityFn &fn) const
{
    return query(QStringLiteral("SELECT DISTINCT e.id, e.eid, e.schema FROM statement s JOIN entity e ON e.id = s.entity "
                                "WHERE s.flags & 4 AND s.value IN (SELECT eid FROM entity WHERE id IN "
                                "(SELECT value FROM json_each(?1)))"),
                 scope, [&](Sql::Statement &s) { fn(s.int64(0), s.view(1), s.view(2)); });
}

Status GraphScan::statements(const QList<qint64> &scope, const QList<QByteArray> &properties,
                             const StatementFn &fn) const
{
    if (!scope.isEmpty()) {
        QString in;
        for (qsizetype i = 0; i < properties.size(); ++i) {
            in += (i ? QStringLiteral(",?") : QStringLiteral("?")) + QString::number(i + 2);
        }
        auto &db = m_case.database();
        auto q = db.prepare(QStringLiteral("SELECT entity, prop, value, flags FROM statement WHERE entity IN "
                                           "(SELECT value FROM json_each(?1)) AND (flags & 4 OR prop IN (") +
                            in + QStringLiteral("))"));
        if (!q) {
            return q.error();
        }
        (*q)->bind(1, idsJson(scope));
        for (qsizetype i = 0; i < properties.size(); ++i) {
            (*q)->bind(int(i) + 2, properties.at(i));
        }
        return stepAll(**q, [&](Sql::Statement &s) { fn(s.int64(0), s.view(1), s.view(2), int(s.int64(3))); });
    }
    // The whole table: no WHERE. Flags and prop decide before the value is even read.
    return query(QStringLiteral("SELECT entity, flags, prop, value FROM statement"), {},
                 [&](Sql::Statement &s) {
                     const int flags = int(s.int64(1));
                     const QByteArrayView prop = s.view(2);
                     if (!(flags & Reference) && !properties.contains(prop)) {
                         return;
                     }
                     fn(s.int64(0), prop, s.view(3), flags);
                 });
}

Status GraphScan::excerptCounts(const QList<qint64> &scope, const std::function<void(qint64, qint64)> &fn) const
{
    return query(scope.isEmpty() ? QStringLiteral("SELECT c.entity, count(*) FROM claim c JOIN excerpt x ON x.claim = c.id "
                                                  "GROUP BY c.entity")
                                 : QStringLiteral("SELECT c.entity, count(*) FROM claim c JOIN excerpt x ON x.claim = c.id "
                                                  "WHERE c.entity IN (SELECT value FROM json_each(?1)) GROUP BY c.entity"),
                 scope, [&](Sql::Statement &s) { fn(s.int64(0), s.int64(1)); });
}

Status GraphScan::acceptedMatches(const AcceptedFn &fn) const
{
    if (m_case.database().userVersion() < 4) {
        return {}; // a read-only older file has no screening tables
    }
    return query(QStringLiteral("SELECT a.id, e.eid, a.entry, a.authority, a.program FROM screening_accepted a "
                                "JOIN entity e ON e.id = a.entity"),
                 {}, [&](Sql::Statement &s) { fn(s.int64(0), s.view(1), s.view(2), s.text(3), s.text(4)); });
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <string>
#include <vector>

namespace Casegraph::Models {

class CaseFile;

/// The order-independent digest of one table: its row count and the sum (two 64-bit lanes,
/// modulo 2^64) of a 128-bit SipHash of every row. Adding a row adds its hash and removing it
/// subtracts it, so the digest follows every change without rescanning the table.
struct TableDigest {
    qint64 rows = 0;
    quint64 lo = 0;
    quint64 hi = 0;
    bool operator==(const TableDigest &) const = default;
};
/// Table name → digest, for the tables AuditLog::trackedTables() lists.
using ContentDigest = QMap<QString, TableDigest>;

/// One entry of the tamper-evident history (schema version 4, table `audit`).
struct AuditEntry {
    qint64 seq = 0;           ///< 1, 2, 3 … without gaps
    QDateTime at;             ///< UTC
    QString actor;
    QString action;           ///< create, upgrade, import, entity.create, value.change, source.add, change …
    QString target;           ///< what it is about: "entity:12", "source:3", or empty for the case
    QJsonObject before;
    QJsonObject after;
    QString digest;           ///< JSON of the content digest after this entry
    QString prev;             ///< hex SHA-256 of the previous entry (64 zeros for the first)
    QString hash;             ///< hex SHA-256(previous hash bytes ‖ canonical entry bytes)
};

/// The append-only, hash-chained audit log of a case, and the running content digest that
/// lets `verify` notice rows changed by another program.
///
/// How it stays complete: AuditLog watches every row change of the tracked tables on its
/// connection (SQLite's pre-update hook) and keeps the digest up to date as the change
/// happens. Features call append() inside their transaction to describe what they did; when a
/// transaction opened through Sql::Transaction commits with changes that no entry has described
/// yet, AuditLog appends a generic "change" entry (counts per table) before the COMMIT. So there
/// is never a change without its entry, and every entry records the digest of the content after
/// it. Writes must therefore run inside a Sql::Transaction (ScopedWrite, EditCommand::inTransaction,
/// or an explicit one); a tracked write in autocommit mode is reported with qWarning.
///
/// Threat model: the chain and digest are not keyed. They reveal edits made with another tool
/// (sqlite3, a hex editor) that do not also recompute every later hash; someone who rewrites the
/// whole log consistently is caught only by comparing `verify`'s head hash with one noted
/// elsewhere (a report, an e-mail).
///
/// Thread affinity: that of its CaseFile.
class AuditLog final : public Sql::TransactionObserver {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::AuditLog)
    Q_DISABLE_COPY_MOVE(AuditLog)
public:
    explicit AuditLog(CaseFile &caseFile);
    ~AuditLog() override;

    /// The tables whose rows the content digest covers. Derived data (FTS indexes), settings
    /// (meta) and chart layouts are left out. A feature that adds evidentiary tables adds them here.
    static const QStringList &trackedTables();

    /// Starts watching the connection (read-write cases only).
    void attach();
    void detach();

    /// Appends an entry inside the current transaction (or its own when none is open).
    Status append(const QString &action, const QString &target, const QJsonObject &before,
                  const QJsonObject &after);
    /// Entries in order; with a target, only those whose target is one of `targets`.
    QList<AuditEntry> entries(const QStringList &targets = {}) const;
    /// The last entry (seq 0 when the log is empty).
    AuditEntry head() const;

    /// For bulk writers (imports), inside their transaction: rows of `tables` added from now on
    /// (row ids above the current highest) are not hashed one by one as SQLite writes them;
    /// finishBulk() hashes them in one pass by row-id range, which gives the same digest for a
    /// fraction of the work (the hook unpacks every column of every row). Changes to older rows
    /// are still hashed as they happen. The mode ends at the next entry or with the transaction.
    Status beginBulk(const QStringList &tables);
    /// Adds the rows written since beginBulk() to the digest and ends the mode. append() calls
    /// it, so the next entry's digest always covers them.
    Status finishBulk();

    /// Recomputes the digest of the tracked tables by reading every row (verify, migration).
    static Result<ContentDigest> scanDigest(Sql::Database &db);
    static QJsonObject digestToJson(const ContentDigest &digest);
    static ContentDigest digestFromJson(const QJsonObject &json);
    /// SHA-256(previous hash ‖ canonical bytes of the entry), hex. Used to append and to verify.
    static QString entryHash(const AuditEntry &entry);
    /// Writes the first entry of a log (a new case, or the upgrade of an older one) with the
    /// digest of the existing content. Called by the version-4 migration.
    static Status appendGenesis(Sql::Database &db, const QString &action, const QString &actor,
                                const QJsonObject &before, const QJsonObject &after);
    /// Reads all entries from a database (verify).
    static Result<QList<AuditEntry>> readEntries(Sql::Database &db, const QStringList &targets = {});

    // Sql::TransactionObserver
    void transactionBegun() override;
    Status transactionCommitting() override;
    void transactionEnded(bool committed) override;

private:
    struct Tracked {
        QByteArray name;
        int aliasColumn = -1; ///< the INTEGER PRIMARY KEY column (its value is the rowid)
        TableDigest digest;
        qint64 inserted = 0, updated = 0, deleted = 0;
        qint64 bulkAbove = -1; ///< beginBulk(): rows above this row id are hashed by finishBulk()
    };
    static void preupdate(void *self, struct sqlite3 *db, int op, const char *dbName, const char *table,
                          long long oldKey, long long newKey);
    void rowChanged(int op, const char *table, long long oldKey, long long newKey);
    void loadHead();
    void bindDigest();
    static Status insertEntry(Sql::Database &db, AuditEntry &entry);

    CaseFile &m_case;
    std::vector<Tracked> m_tracked;
    ContentDigest m_digest;
    AuditEntry m_head;
    std::string m_buffer;
    bool m_attached = false;
    bool m_inTransaction = false;
    bool m_pending = false; ///< rows changed since the last entry
    bool m_warned = false;
};

} // namespace Casegraph::Models

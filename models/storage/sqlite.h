// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace Casegraph::Models::Sql {

class Statement;

/// Told about the transactions opened through Transaction, so that the audit log can keep its
/// running content digest and append its entry before COMMIT (see AuditLog).
class TransactionObserver {
public:
    virtual ~TransactionObserver() = default;
    virtual void transactionBegun() = 0;
    /// Runs inside the transaction just before COMMIT; an error rolls the transaction back.
    virtual Status transactionCommitting() = 0;
    virtual void transactionEnded(bool committed) = 0;
};

/// Owns one sqlite3 connection. Not copyable; use from one thread only.
class Database {
    Q_DISABLE_COPY_MOVE(Database)
public:
    enum class Mode { ReadWrite, ReadOnly };
    Database() = default;
    ~Database();

    Status open(const QString &path, Mode mode = Mode::ReadWrite);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }

    /// Runs one or more statements that take no parameters.
    Status exec(const QString &sql);
    /// Compiles a statement. Fails with the SQLite message on a bad statement.
    Result<std::unique_ptr<Statement>> prepare(const QString &sql);
    /// Returns a cached compiled statement (reset) for hot paths such as imports.
    Statement *cached(const char *sql);

    qint64 lastInsertRowId() const;
    /// True outside any transaction.
    bool isAutocommit() const;
    int changes() const;
    QString lastError() const;
    int userVersion();
    sqlite3 *handle() const { return m_db; }
    void setObserver(TransactionObserver *observer) { m_observer = observer; }
    TransactionObserver *observer() const { return m_observer; }

private:
    sqlite3 *m_db = nullptr;
    TransactionObserver *m_observer = nullptr;
    QString m_path;
    std::vector<std::pair<const char *, std::unique_ptr<Statement>>> m_cache;
};

/// A compiled statement. bind() indices are 1-based, column indices 0-based, as in SQLite.
class Statement {
    Q_DISABLE_COPY_MOVE(Statement)
public:
    Statement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    ~Statement();

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, double value);
    /// Binds text as UTF-8 (converted here, SIMD-fast, instead of by SQLite from UTF-16).
    Statement &bind(int index, const QString &value);
    Statement &bind(int index, const QByteArray &utf8Text); ///< binds UTF-8 text
    /// Binds UTF-8 text without a copy: the buffer is kept alive until the next reset().
    Statement &bindKept(int index, QByteArray &&utf8Text);
    Statement &bindBlob(int index, const QByteArray &blob);
    Statement &bindNull(int index);

    /// Advances; true while a row is available. On error, false and error() is set.
    bool step();
    /// Steps to completion and resets; returns the error if any.
    Status run();
    void reset();
    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    /// The column's bytes (UTF-8 for text) without a copy; valid until the next step() or reset().
    QByteArrayView view(int column) const;
    bool isNull(int column) const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt;
    QString m_error;
    std::vector<QByteArray> m_kept;
};

/// Escapes % _ and \ for a LIKE pattern used with ESCAPE '\'.
QString escapeLike(QString text);

/// RAII transaction: rolls back unless commit() succeeded.
///
/// A Bulk transaction is for imports that write many rows whose references the writer creates
/// itself (entity and provenance rows before their values): it switches foreign-key enforcement
/// off for its duration (SQLite only allows that outside a transaction) and enlarges the page
/// cache, and restores both afterwards, committed or not.
class Transaction {
    Q_DISABLE_COPY_MOVE(Transaction)
public:
    enum class Kind { Normal, Bulk };
    explicit Transaction(Database &db, Kind kind = Kind::Normal);
    ~Transaction();
    Status commit();
    bool isActive() const { return m_active; }

private:
    void restore();
    Database &m_db;
    Kind m_kind;
    bool m_active = false;
};

/// A transaction unless the caller already has one open: stores call it so that an undoable
/// command (which wraps its whole step in one transaction) and a direct call both work. Commits
/// only what it opened.
class ScopedTransaction {
    Q_DISABLE_COPY_MOVE(ScopedTransaction)
public:
    explicit ScopedTransaction(Database &db)
    {
        if (db.isAutocommit()) {
            m_tx.emplace(db);
        }
    }
    /// False when it had to open a transaction and could not.
    bool ok() const { return !m_tx || m_tx->isActive(); }
    Status commit() { return m_tx ? m_tx->commit() : Status(); }

private:
    std::optional<Transaction> m_tx;
};

/// Runs `fn` in one transaction, or inside the caller's when one is open; an error rolls back
/// what this call opened.
inline Status inTransaction(Database &db, const std::function<Status()> &fn)
{
    ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    if (auto st = fn(); !st) {
        return st;
    }
    return tx.commit();
}

} // namespace Casegraph::Models::Sql

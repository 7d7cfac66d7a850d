// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlite.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace Casegraph::Models::Sql {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Casegraph::Models::Sql", text);
}
} // namespace

Database::~Database()
{
    close();
}

Status Database::open(const QString &path, Mode mode)
{
    // Memory statistics take a global mutex on every allocation; Casegraph never reads them.
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    Q_UNUSED(configured);
    close();
    const int flags = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY
                                             : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const QByteArray p = path.toUtf8();
    sqlite3 *db = nullptr;
    const int rc = sqlite3_open_v2(p.constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        Error e{tr("cannot open the case file: %1").arg(QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))),
                path};
        sqlite3_close(db);
        return e;
    }
    m_db = db;
    m_path = path;
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 5000);
    return {};
}

void Database::close()
{
    m_cache.clear();
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

Status Database::exec(const QString &sql)
{
    char *err = nullptr;
    const QByteArray s = sql.toUtf8();
    if (sqlite3_exec(m_db, s.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        Error e{QString::fromUtf8(err ? err : sqlite3_errmsg(m_db))};
        sqlite3_free(err);
        return e;
    }
    return {};
}

Result<std::unique_ptr<Statement>> Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray s = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, s.constData(), int(s.size()), &stmt, nullptr) != SQLITE_OK) {
        return Error{tr("SQL error: %1").arg(QString::fromUtf8(sqlite3_errmsg(m_db)))};
    }
    return std::make_unique<Statement>(m_db, stmt);
}

Statement *Database::cached(const char *sql)
{
    for (auto &[key, stmt] : m_cache) {
        if (key == sql) {
            stmt->reset();
            return stmt.get();
        }
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
        qFatal("Casegraph: invalid built-in SQL: %s: %s", sqlite3_errmsg(m_db), sql);
    }
    m_cache.emplace_back(sql, std::make_unique<Statement>(m_db, stmt));
    return m_cache.back().second.get();
}

bool Database::isAutocommit() const
{
    return sqlite3_get_autocommit(m_db) != 0;
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

int Database::userVersion()
{
    auto *s = cached("PRAGMA user_version");
    const int v = s->step() ? int(s->int64(0)) : -1;
    s->reset();
    return v;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull()) {
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        return *this;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &utf8Text)
{
    sqlite3_bind_text(m_stmt, index, utf8Text.constData(), int(utf8Text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindKept(int index, QByteArray &&utf8Text)
{
    m_kept.push_back(std::move(utf8Text));
    const QByteArray &b = m_kept.back();
    sqlite3_bind_text(m_stmt, index, b.constData(), int(b.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindBlob(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc != SQLITE_DONE) {
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    return false;
}

Status Statement::run()
{
    m_error.clear();
    while (step()) {
    }
    const QString err = m_error;
    reset();
    if (!err.isEmpty()) {
        return Error{err};
    }
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_kept.clear();
    m_error.clear();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p) {
        return {};
    }
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray Statement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, column)) : QByteArray();
}

QByteArrayView Statement::view(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString escapeLike(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    text.replace(QLatin1Char('%'), QLatin1String("\\%"));
    text.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return text;
}

Transaction::Transaction(Database &db, Kind kind) : m_db(db), m_kind(kind)
{
    if (m_kind == Kind::Bulk) {
        (void)db.exec(QStringLiteral("PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144;"));
    }
    m_active = db.exec(QStringLiteral("BEGIN IMMEDIATE")).ok();
    if (!m_active) {
        restore();
    } else if (auto *observer = m_db.observer()) {
        observer->transactionBegun();
    }
}

Transaction::~Transaction()
{
    if (m_active) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        restore();
        if (auto *observer = m_db.observer()) {
            observer->transactionEnded(false);
        }
    }
}

void Transaction::restore()
{
    if (m_kind == Kind::Bulk) {
        (void)m_db.exec(QStringLiteral("PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"));
    }
}

Status Transaction::commit()
{
    if (!m_active) {
        return Error{tr("no transaction is active")};
    }
    auto *observer = m_db.observer();
    if (observer) {
        if (auto st = observer->transactionCommitting(); !st) {
            return st; // the destructor rolls back
        }
    }
    auto st = m_db.exec(QStringLiteral("COMMIT"));
    if (st.ok()) {
        m_active = false;
        restore();
        if (observer) {
            observer->transactionEnded(true);
        }
    }
    return st;
}

} // namespace Casegraph::Models::Sql

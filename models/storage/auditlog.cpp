// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditlog.h"
#include "casefile.h"

#include <QJsonDocument>
#include <QtEndian>

#include <cstring>
#include <limits>
#include <memory>

// The pre-update hook is declared only when SQLite was built with it (Debian's is).
#define SQLITE_ENABLE_PREUPDATE_HOOK 1
#include <sodium.h>
#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

// SipHash needs a key; this one is public on purpose (see the threat model in auditlog.h).
const unsigned char digestKey[crypto_shorthash_siphashx24_KEYBYTES] = {'c', 'a', 's', 'e', 'g', 'r', 'a', 'p',
                                                                       'h', ' ', 'd', 'i', 'g', 'e', 's', 't'};

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

using StmtPtr = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

StmtPtr prepareRaw(sqlite3 *db, const QByteArray &sql)
{
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &stmt, nullptr);
    return StmtPtr(stmt, &sqlite3_finalize);
}

void appendU64(std::string &buf, quint64 v)
{
    char bytes[8];
    qToLittleEndian(v, bytes);
    buf.append(bytes, 8);
}

/// One column value, typed, so that 1, 1.0, '1' and x'31' all hash differently.
void appendValue(std::string &buf, sqlite3_value *v)
{
    const int type = sqlite3_value_type(v);
    buf.push_back(char(type));
    switch (type) {
    case SQLITE_INTEGER:
        appendU64(buf, quint64(sqlite3_value_int64(v)));
        break;
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(v);
        quint64 bits;
        std::memcpy(&bits, &d, sizeof bits);
        appendU64(buf, bits);
        break;
    }
    case SQLITE_TEXT: {
        const auto *p = reinterpret_cast<const char *>(sqlite3_value_text(v));
        const int n = sqlite3_value_bytes(v);
        appendU64(buf, quint64(n));
        buf.append(p, size_t(n));
        break;
    }
    case SQLITE_BLOB: {
        const auto *p = static_cast<const char *>(sqlite3_value_blob(v));
        const int n = sqlite3_value_bytes(v);
        appendU64(buf, quint64(n));
        if (n > 0) {
            buf.append(p, size_t(n));
        }
        break;
    }
    default:
        break;
    }
}

void startRow(std::string &buf, const QByteArray &table, qint64 rowId)
{
    buf.clear();
    buf.append(table.constData(), size_t(table.size()) + 1); // with its NUL
    appendU64(buf, quint64(rowId));
}

void addRow(TableDigest &d, const std::string &buf, int sign)
{
    unsigned char out[crypto_shorthash_siphashx24_BYTES];
    crypto_shorthash_siphashx24(out, reinterpret_cast<const unsigned char *>(buf.data()), buf.size(), digestKey);
    const quint64 lo = qFromLittleEndian<quint64>(out), hi = qFromLittleEndian<quint64>(out + 8);
    if (sign > 0) {
        d.lo += lo;
        d.hi += hi;
    } else {
        d.lo -= lo;
        d.hi -= hi;
    }
    d.rows += sign;
}

/// The column whose value is the rowid (INTEGER PRIMARY KEY), -1 when none; -2 if no such table.
int aliasColumnOf(sqlite3 *db, const QByteArray &table)
{
    auto st = prepareRaw(db, "PRAGMA table_info(\"" + table + "\")");
    if (!st) {
        return -2;
    }
    int alias = -1, pkColumns = 0, columns = 0;
    while (sqlite3_step(st.get()) == SQLITE_ROW) {
        ++columns;
        if (sqlite3_column_int(st.get(), 5) > 0) {
            ++pkColumns;
            const auto *type = reinterpret_cast<const char *>(sqlite3_column_text(st.get(), 2));
            if (type && QByteArray(type).toUpper() == "INTEGER") {
                alias = sqlite3_column_int(st.get(), 0);
            }
        }
    }
    if (columns == 0) {
        return -2;
    }
    return pkColumns == 1 ? alias : -1;
}

/// Adds every row of `table` with a row id above `afterRowId` to `digest`, hashed exactly as
/// the pre-update hook hashes a row (the INTEGER PRIMARY KEY column is the row id, not hashed
/// twice). Returns false on an SQLite error.
bool hashRows(sqlite3 *db, const QByteArray &table, int alias, qint64 afterRowId, TableDigest &digest,
              std::string &buf)
{
    auto st = prepareRaw(db, "SELECT rowid, * FROM \"" + table + "\" WHERE rowid > ?");
    if (!st) {
        return false;
    }
    sqlite3_bind_int64(st.get(), 1, afterRowId);
    const int columns = sqlite3_column_count(st.get()) - 1;
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
        startRow(buf, table, sqlite3_column_int64(st.get(), 0));
        for (int i = 0; i < columns; ++i) {
            if (i != alias) {
                appendValue(buf, sqlite3_column_value(st.get(), i + 1));
            }
        }
        addRow(digest, buf, +1);
    }
    return rc == SQLITE_DONE;
}

QByteArray netstring(const QByteArray &field)
{
    return QByteArray::number(field.size()) + ':' + field + ',';
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

const QString zeroHash = QString(64, QLatin1Char('0'));

} // namespace

AuditLog::AuditLog(CaseFile &caseFile) : m_case(caseFile)
{
    (void)sodiumReady();
}

AuditLog::~AuditLog()
{
    detach();
}

const QStringList &AuditLog::trackedTables()
{
    // Rowid tables only: the pre-update hook keys rows by rowid, which WITHOUT ROWID tables lack
    // (grading_level, tagging, ref_entry), so those are covered by the chain's before/after only.
    static const QStringList tables{QStringLiteral("provenance"), QStringLiteral("entity"),
                                    QStringLiteral("statement"),  QStringLiteral("source"),
                                    QStringLiteral("claim"),      QStringLiteral("excerpt"),
                                    QStringLiteral("note"),       QStringLiteral("capture"),
                                    QStringLiteral("tag"),        QStringLiteral("lead"),
                                    QStringLiteral("ref_list"),   QStringLiteral("ref_list_version"),
                                    QStringLiteral("screening_run"), QStringLiteral("screening_decision"),
                                    QStringLiteral("entity_merge")};
    return tables;
}

void AuditLog::attach()
{
    detach();
    sqlite3 *db = m_case.database().handle();
    m_tracked.clear();
    for (const auto &name : trackedTables()) {
        const QByteArray n = name.toUtf8();
        const int alias = aliasColumnOf(db, n);
        if (alias != -2) {
            m_tracked.push_back(Tracked{n, alias, {}, 0, 0, 0});
        }
    }
    sqlite3_preupdate_hook(db, &AuditLog::preupdate, this);
    m_case.database().setObserver(this);
    m_attached = true;
}

void AuditLog::detach()
{
    if (!m_attached) {
        return;
    }
    if (m_case.database().handle()) {
        sqlite3_preupdate_hook(m_case.database().handle(), nullptr, nullptr);
    }
    m_case.database().setObserver(nullptr);
    m_attached = false;
    m_inTransaction = false;
}

void AuditLog::preupdate(void *self, sqlite3 *, int op, const char *dbName, const char *table, long long oldKey,
                         long long newKey)
{
    if (std::strcmp(dbName, "main") == 0) {
        static_cast<AuditLog *>(self)->rowChanged(op, table, oldKey, newKey);
    }
}

void AuditLog::rowChanged(int op, const char *table, long long oldKey, long long newKey)
{
    Tracked *t = nullptr;
    for (auto &candidate : m_tracked) {
        if (std::strcmp(candidate.name.constData(), table) == 0) {
            t = &candidate;
            break;
        }
    }
    if (!t) {
        return;
    }
    if (!m_inTransaction) {
        if (!m_warned) {
            qWarning("Casegraph: a change to table %s outside a transaction is not in the audit log", table);
            m_warned = true;
        }
        return;
    }
    sqlite3 *db = m_case.database().handle();
    const int columns = sqlite3_preupdate_count(db);
    const auto hashRow = [&](qint64 key, auto read, int sign) {
        startRow(m_buffer, t->name, key);
        for (int i = 0; i < columns; ++i) {
            if (i == t->aliasColumn) {
                continue;
            }
            sqlite3_value *v = nullptr;
            if (read(db, i, &v) == SQLITE_OK && v) {
                appendValue(m_buffer, v);
            } else {
                m_buffer.push_back(char(SQLITE_NULL));
            }
        }
        addRow(t->digest, m_buffer, sign);
    };
    // In bulk mode rows above the mark are hashed once, in their final state, by finishBulk().
    const auto hooked = [t](long long key) { return t->bulkAbove < 0 || key <= t->bulkAbove; };
    if ((op == SQLITE_DELETE || op == SQLITE_UPDATE) && hooked(oldKey)) {
        hashRow(oldKey, &sqlite3_preupdate_old, -1);
    }
    if ((op == SQLITE_INSERT || op == SQLITE_UPDATE) && hooked(newKey)) {
        hashRow(newKey, &sqlite3_preupdate_new, +1);
    }
    (op == SQLITE_INSERT ? t->inserted : op == SQLITE_DELETE ? t->deleted : t->updated)++;
    m_pending = true;
}

void AuditLog::loadHead()
{
    m_head = head();
    const ContentDigest digest = digestFromJson(QJsonDocument::fromJson(m_head.digest.toUtf8()).object());
    for (auto &t : m_tracked) {
        t.digest = digest.value(QString::fromUtf8(t.name));
        t.inserted = t.updated = t.deleted = 0;
    }
    m_pending = false;
}

void AuditLog::transactionBegun()
{
    loadHead();
    m_inTransaction = true;
}

Status AuditLog::transactionCommitting()
{
    if (!m_pending) {
        return {};
    }
    // Changes no feature described: record what changed, table by table.
    QJsonObject tables;
    for (const auto &t : m_tracked) {
        if (t.inserted || t.updated || t.deleted) {
            tables.insert(QString::fromUtf8(t.name),
                          QJsonObject{{QStringLiteral("inserted"), t.inserted},
                                      {QStringLiteral("updated"), t.updated},
                                      {QStringLiteral("deleted"), t.deleted}});
        }
    }
    return append(QStringLiteral("change"), {}, {}, QJsonObject{{QStringLiteral("rows"), tables}});
}

void AuditLog::transactionEnded(bool)
{
    m_inTransaction = false;
    for (auto &t : m_tracked) {
        t.bulkAbove = -1;
    }
}

Status AuditLog::beginBulk(const QStringList &tables)
{
    if (!m_attached || !m_inTransaction) {
        return Error{tr("a bulk write must run inside a transaction of a case open for writing")};
    }
    sqlite3 *db = m_case.database().handle();
    for (auto &t : m_tracked) {
        if (!tables.contains(QString::fromUtf8(t.name)) || t.bulkAbove >= 0) {
            continue;
        }
        auto st = prepareRaw(db, "SELECT coalesce(max(rowid), 0) FROM \"" + t.name + '"');
        if (!st || sqlite3_step(st.get()) != SQLITE_ROW) {
            return Error{m_case.database().lastError()};
        }
        t.bulkAbove = qMax<qint64>(0, sqlite3_column_int64(st.get(), 0));
    }
    return {};
}

Status AuditLog::finishBulk()
{
    sqlite3 *db = m_case.database().handle();
    for (auto &t : m_tracked) {
        if (t.bulkAbove < 0) {
            continue;
        }
        if (!hashRows(db, t.name, t.aliasColumn, t.bulkAbove, t.digest, m_buffer)) {
            return Error{m_case.database().lastError()};
        }
        t.bulkAbove = -1;
    }
    return {};
}

Status AuditLog::append(const QString &action, const QString &target, const QJsonObject &before,
                        const QJsonObject &after)
{
    if (!m_attached) {
        return Error{tr("the case is not open for writing")};
    }
    if (!m_inTransaction) {
        Sql::Transaction tx(m_case.database());
        if (!tx.isActive()) {
            return Error{m_case.database().lastError()};
        }
        if (auto st = append(action, target, before, after); !st) {
            return st;
        }
        return tx.commit();
    }
    // Rows written in bulk mode are in the digest from here on.
    if (auto st = finishBulk(); !st) {
        return st;
    }
    ContentDigest digest;
    for (auto &t : m_tracked) {
        digest.insert(QString::fromUtf8(t.name), t.digest);
    }
    AuditEntry e;
    e.seq = m_head.seq + 1;
    e.at = QDateTime::currentDateTimeUtc();
    e.actor = m_case.actor();
    e.action = action;
    e.target = target;
    e.before = before;
    e.after = after;
    e.digest = compactJson(digestToJson(digest));
    e.prev = m_head.seq > 0 ? m_head.hash : zeroHash;
    if (auto st = insertEntry(m_case.database(), e); !st) {
        return st;
    }
    m_head = e;
    for (auto &t : m_tracked) {
        t.inserted = t.updated = t.deleted = 0;
    }
    m_pending = false;
    return {};
}

Status AuditLog::insertEntry(Sql::Database &db, AuditEntry &e)
{
    e.hash = entryHash(e);
    auto *ins = db.cached("INSERT INTO audit(seq, at, actor, action, target, before, after, digest, prev, hash) "
                          "VALUES(?,?,?,?,?,?,?,?,?,?)");
    ins->bind(1, e.seq).bind(2, e.at.toString(Qt::ISODateWithMs)).bind(3, e.actor).bind(4, e.action);
    if (e.target.isEmpty()) {
        ins->bindNull(5);
    } else {
        ins->bind(5, e.target);
    }
    ins->bind(6, compactJson(e.before)).bind(7, compactJson(e.after)).bind(8, e.digest).bind(9, e.prev);
    ins->bind(10, e.hash);
    if (auto st = ins->run(); !st) {
        return st;
    }
    // The head is kept in meta too, so that removing the newest entries shows.
    auto *meta = db.cached("INSERT INTO meta(key, value) VALUES('auditHead', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    meta->bind(1, QString::number(e.seq) + QLatin1Char(' ') + e.hash);
    return meta->run();
}

QString AuditLog::entryHash(const AuditEntry &e)
{
    (void)sodiumReady();
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    const QByteArray prev = QByteArray::fromHex(e.prev.toLatin1());
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(prev.constData()), prev.size());
    QByteArray canonical;
    for (const QByteArray &field :
         {QByteArray::number(e.seq), e.at.toString(Qt::ISODateWithMs).toUtf8(), e.actor.toUtf8(), e.action.toUtf8(),
          e.target.toUtf8(), compactJson(e.before).toUtf8(), compactJson(e.after).toUtf8(), e.digest.toUtf8()}) {
        canonical += netstring(field);
    }
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(canonical.constData()),
                              canonical.size());
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, out);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
}

Result<ContentDigest> AuditLog::scanDigest(Sql::Database &database)
{
    (void)sodiumReady();
    sqlite3 *db = database.handle();
    ContentDigest result;
    std::string buf;
    for (const auto &name : trackedTables()) {
        const QByteArray n = name.toUtf8();
        const int alias = aliasColumnOf(db, n);
        if (alias == -2) {
            continue;
        }
        TableDigest d;
        // Row ids are 64-bit signed; every row lies above the smallest.
        if (!hashRows(db, n, alias, std::numeric_limits<qint64>::min(), d, buf)) {
            return Error{database.lastError()};
        }
        result.insert(name, d);
    }
    return result;
}

QJsonObject AuditLog::digestToJson(const ContentDigest &digest)
{
    QJsonObject o;
    for (auto it = digest.cbegin(); it != digest.cend(); ++it) {
        o.insert(it.key(), QJsonObject{{QStringLiteral("rows"), it->rows},
                                       {QStringLiteral("sum"), QStringLiteral("%1%2")
                                                                   .arg(it->lo, 16, 16, QLatin1Char('0'))
                                                                   .arg(it->hi, 16, 16, QLatin1Char('0'))}});
    }
    return o;
}

ContentDigest AuditLog::digestFromJson(const QJsonObject &json)
{
    ContentDigest d;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const QJsonObject t = it->toObject();
        const QString sum = t.value(QStringLiteral("sum")).toString();
        TableDigest td;
        td.rows = t.value(QStringLiteral("rows")).toInteger();
        td.lo = sum.left(16).toULongLong(nullptr, 16);
        td.hi = sum.mid(16, 16).toULongLong(nullptr, 16);
        d.insert(it.key(), td);
    }
    return d;
}

Status AuditLog::appendGenesis(Sql::Database &db, const QString &action, const QString &actor,
                               const QJsonObject &before, const QJsonObject &after)
{
    auto digest = scanDigest(db);
    if (!digest) {
        return digest.error();
    }
    AuditEntry e;
    e.seq = 1;
    e.at = QDateTime::currentDateTimeUtc();
    e.actor = actor.isEmpty() ? QStringLiteral("unknown") : actor;
    e.action = action;
    e.before = before;
    e.after = after;
    e.digest = compactJson(digestToJson(*digest));
    e.prev = zeroHash;
    return insertEntry(db, e);
}

AuditEntry AuditLog::head() const
{
    auto *s = m_case.database().cached("SELECT seq, hash, digest FROM audit ORDER BY seq DESC LIMIT 1");
    AuditEntry e;
    if (s->step()) {
        e.seq = s->int64(0);
        e.hash = s->text(1);
        e.digest = s->text(2);
    }
    s->reset();
    return e;
}

QList<AuditEntry> AuditLog::entries(const QStringList &targets) const
{
    auto all = readEntries(m_case.database(), targets);
    return all ? *all : QList<AuditEntry>();
}

Result<QList<AuditEntry>> AuditLog::readEntries(Sql::Database &db, const QStringList &targets)
{
    QString sql = QStringLiteral("SELECT seq, at, actor, action, coalesce(target, ''), before, after, digest, prev, "
                                 "hash FROM audit");
    if (!targets.isEmpty()) {
        QStringList marks;
        marks.fill(QStringLiteral("?"), targets.size());
        sql += QLatin1String(" WHERE target IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    // Physical order, not seq order: verify must see entries as they are stored to tell a gap
    // from a swap; callers that want seq order get it because entries are appended in order.
    sql += QLatin1String(" ORDER BY rowid");
    auto st = db.prepare(sql);
    if (!st) {
        return st.error();
    }
    for (int i = 0; i < targets.size(); ++i) {
        (*st)->bind(i + 1, targets.at(i));
    }
    QList<AuditEntry> out;
    while ((*st)->step()) {
        const auto &s = **st;
        AuditEntry e;
        e.seq = s.int64(0);
        e.at = QDateTime::fromString(s.text(1), Qt::ISODateWithMs);
        e.actor = s.text(2);
        e.action = s.text(3);
        e.target = s.text(4);
        e.before = QJsonDocument::fromJson(s.view(5).toByteArray()).object();
        e.after = QJsonDocument::fromJson(s.view(6).toByteArray()).object();
        e.digest = s.text(7);
        e.prev = s.text(8);
        e.hash = s.text(9);
        out.append(e);
    }
    return out;
}

} // namespace Casegraph::Models

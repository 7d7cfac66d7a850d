// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "referenceliststore.h"
#include "casefile.h"
#include "sqlite.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const char *const kSelectVersion =
    "SELECT v.id, v.list, l.name, v.sha256, v.file_name, v.format, v.loaded_at, v.loaded_by, v.entries, v.added, "
    "v.removed, v.changed FROM ref_list_version v JOIN ref_list l ON l.id = v.list ";

ReferenceListVersion readVersion(const Sql::Statement &s)
{
    ReferenceListVersion v;
    v.id = s.int64(0);
    v.listId = s.int64(1);
    v.listName = s.text(2);
    v.sha256 = s.text(3);
    v.fileName = s.text(4);
    v.format = s.text(5);
    v.loadedAt = parseTime(s.text(6));
    v.loadedBy = s.text(7);
    v.entries = s.int64(8);
    v.added = s.int64(9);
    v.removed = s.int64(10);
    v.changed = s.int64(11);
    return v;
}

const char *const kSelectDecision =
    "SELECT d.id, d.entity, d.version, d.entry, coalesce(d.run, 0), d.decision, d.score, d.explanation, d.actor, "
    "d.at FROM screening_decision d ";

} // namespace

QString ScreeningDecision::kindName(Kind kind)
{
    return kind == Kind::Accepted ? QStringLiteral("accepted") : QStringLiteral("rejected");
}

ReferenceListStore::ReferenceListStore(CaseFile &caseFile) : m_case(caseFile) {}

void ReferenceListStore::stamp(QDateTime &at, QString &actor) const
{
    if (!at.isValid()) {
        at = QDateTime::currentDateTimeUtc();
    }
    if (actor.isEmpty()) {
        actor = m_case.actor();
    }
}

QList<ReferenceListVersion> ReferenceListStore::readVersions(const char *sql, const QString &key) const
{
    QList<ReferenceListVersion> out;
    auto q = m_case.database().prepare(QString::fromLatin1(kSelectVersion) + QString::fromLatin1(sql));
    if (!q) {
        return out;
    }
    if (!key.isNull()) {
        (*q)->bind(1, key);
    }
    while ((*q)->step()) {
        out << readVersion(**q);
    }
    return out;
}

QList<ReferenceListVersion> ReferenceListStore::lists() const
{
    return readVersions("WHERE v.id = (SELECT max(x.id) FROM ref_list_version x WHERE x.list = l.id) "
                        "ORDER BY l.name COLLATE NOCASE",
                        QString());
}

QList<ReferenceListVersion> ReferenceListStore::versions(const QString &listName) const
{
    return readVersions("WHERE l.name = ? ORDER BY v.id", listName);
}

std::optional<ReferenceListVersion> ReferenceListStore::latest(const QString &listName) const
{
    const auto all = readVersions("WHERE l.name = ? ORDER BY v.id DESC LIMIT 1", listName);
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

std::optional<ReferenceListVersion> ReferenceListStore::version(qint64 versionId) const
{
    const auto all = readVersions("WHERE v.id = ?", QString::number(versionId));
    return all.isEmpty() ? std::nullopt : std::optional(all.first());
}

Result<qint64> ReferenceListStore::addVersion(ReferenceListVersion &meta, const QList<ReferenceEntry> &entries)
{
    const QString name = meta.listName.trimmed();
    if (name.isEmpty()) {
        return Error{tr("a reference list needs a name")};
    }
    auto &db = m_case.database();
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    const auto previous = latest(name);
    qint64 listId = previous ? previous->listId : 0;
    if (!listId) {
        auto *s = db.cached("INSERT INTO ref_list(name, created_at) VALUES(?, ?)");
        s->bind(1, name).bind(2, now());
        if (auto st = s->run(); !st) {
            return st.error();
        }
        listId = db.lastInsertRowId();
    }
    // Counts against the previous version, from the digests of both.
    const QHash<QString, QString> before = previous ? digests(previous->id) : QHash<QString, QString>();
    qint64 added = 0, changed = 0, kept = 0;
    for (const auto &e : entries) {
        const auto it = before.constFind(e.id);
        if (it == before.constEnd()) {
            ++added;
        } else {
            ++kept;
            changed += *it != e.digest;
        }
    }
    meta.listId = listId;
    meta.listName = name;
    meta.entries = entries.size();
    meta.added = added;
    meta.changed = changed;
    meta.removed = before.size() - kept;
    stamp(meta.loadedAt, meta.loadedBy);
    auto *v = db.cached("INSERT INTO ref_list_version(list, sha256, file_name, format, loaded_at, loaded_by, entries, "
                        "added, removed, changed) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    v->bind(1, listId)
        .bind(2, meta.sha256)
        .bind(3, meta.fileName)
        .bind(4, meta.format)
        .bind(5, meta.loadedAt.toUTC().toString(Qt::ISODateWithMs))
        .bind(6, meta.loadedBy)
        .bind(7, meta.entries)
        .bind(8, meta.added)
        .bind(9, meta.removed)
        .bind(10, meta.changed);
    if (auto st = v->run(); !st) {
        return st.error();
    }
    meta.id = db.lastInsertRowId();
    auto *ins = db.cached("INSERT INTO ref_entry(version, eid, schema, caption, authority, program, digest, data) "
                          "VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto &e : entries) {
        ins->bind(1, meta.id)
            .bind(2, e.id)
            .bind(3, e.schema)
            .bind(4, e.caption)
            .bind(5, e.authority)
            .bind(6, e.program)
            .bind(7, e.digest)
            .bind(8, QJsonDocument(e.data).toJson(QJsonDocument::Compact));
        if (auto st = ins->run(); !st) {
            return Error{tr("list entry %1: %2").arg(e.id, st.error().message)};
        }
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.screeningChanged();
    return meta.id;
}

QList<ReferenceEntry> ReferenceListStore::entries(qint64 versionId) const
{
    QList<ReferenceEntry> out;
    auto q = m_case.database().prepare(QStringLiteral(
        "SELECT eid, schema, caption, authority, program, digest, data FROM ref_entry WHERE version = ? ORDER BY eid"));
    if (!q) {
        return out;
    }
    (*q)->bind(1, versionId);
    while ((*q)->step()) {
        auto &s = **q;
        out << ReferenceEntry{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
                              QJsonDocument::fromJson(s.blob(6)).object()};
    }
    return out;
}

std::optional<ReferenceEntry> ReferenceListStore::entry(qint64 versionId, const QString &entryId) const
{
    auto *s = m_case.database().cached(
        "SELECT eid, schema, caption, authority, program, digest, data FROM ref_entry WHERE version = ? AND eid = ?");
    s->bind(1, versionId).bind(2, entryId);
    if (!s->step()) {
        return std::nullopt;
    }
    ReferenceEntry e{s->text(0), s->text(1), s->text(2), s->text(3), s->text(4), s->text(5),
                     QJsonDocument::fromJson(s->blob(6)).object()};
    s->reset();
    return e;
}

QHash<QString, QString> ReferenceListStore::digests(qint64 versionId) const
{
    QHash<QString, QString> out;
    auto q = m_case.database().prepare(QStringLiteral("SELECT eid, digest FROM ref_entry WHERE version = ?"));
    if (!q) {
        return out;
    }
    (*q)->bind(1, versionId);
    while ((*q)->step()) {
        out.insert((*q)->text(0), (*q)->text(1));
    }
    return out;
}

Result<qint64> ReferenceListStore::addRun(ScreeningRun &run)
{
    stamp(run.at, run.actor);
    auto &db = m_case.database();
    const Status st = Sql::inTransaction(db, [&]() -> Status {
        auto *s = db.cached("INSERT INTO screening_run(version, threshold, scope, screened, candidates, at, actor) "
                            "VALUES(?, ?, ?, ?, ?, ?, ?)");
        s->bind(1, run.versionId)
            .bind(2, run.threshold)
            .bind(3, run.scope)
            .bind(4, run.screened)
            .bind(5, run.candidates)
            .bind(6, run.at.toUTC().toString(Qt::ISODateWithMs))
            .bind(7, run.actor);
        if (auto ran = s->run(); !ran) {
            return ran;
        }
        run.id = db.lastInsertRowId();
        return m_case.appendAudit(QStringLiteral("screening.run"), {},
                                  QJsonObject{{QStringLiteral("run"), run.id},
                                              {QStringLiteral("listVersion"), run.versionId},
                                              {QStringLiteral("threshold"), run.threshold},
                                              {QStringLiteral("scope"), run.scope},
                                              {QStringLiteral("screened"), run.screened},
                                              {QStringLiteral("candidates"), run.candidates}});
    });
    if (!st) {
        return st.error();
    }
    return run.id;
}

QList<ScreeningRun> ReferenceListStore::runs() const
{
    QList<ScreeningRun> out;
    auto q = m_case.database().prepare(QStringLiteral(
        "SELECT id, version, threshold, scope, screened, candidates, at, actor FROM screening_run ORDER BY id"));
    if (!q) {
        return out;
    }
    while ((*q)->step()) {
        auto &s = **q;
        out << ScreeningRun{s.int64(0), s.int64(1), s.real(2), s.text(3), s.int64(4), s.int64(5),
                            parseTime(s.text(6)), s.text(7)};
    }
    return out;
}

Result<qint64> ReferenceListStore::addDecision(ScreeningDecision &decision)
{
    stamp(decision.at, decision.actor);
    decision.id = 0;
    if (auto st = restoreDecision(decision); !st) {
        return st.error();
    }
    decision.id = m_case.database().lastInsertRowId();
    return decision.id;
}

Result<qint64> ReferenceListStore::recordDecision(ScreeningDecision &decision)
{
    const Status st = Sql::inTransaction(m_case.database(), [&]() -> Status {
        if (auto id = addDecision(decision); !id) {
            return id.error();
        }
        return m_case.appendAudit(QStringLiteral("screening.decide"), {}, decision.auditJson(),
                                  QStringLiteral("entity:%1").arg(decision.entityRowId));
    });
    if (!st) {
        return st.error();
    }
    return decision.id;
}

QJsonObject ScreeningDecision::auditJson() const
{
    return QJsonObject{{QStringLiteral("decision"), kindName(decision)},
                       {QStringLiteral("listVersion"), versionId},
                       {QStringLiteral("entry"), entryId},
                       {QStringLiteral("score"), score},
                       {QStringLiteral("explanation"), explanation}};
}

Status ReferenceListStore::restoreDecision(const ScreeningDecision &d)
{
    auto &db = m_case.database();
    if (!entry(d.versionId, d.entryId)) {
        return Error{tr("list version %1 has no entry %2").arg(d.versionId).arg(d.entryId)};
    }
    auto *s = db.cached("INSERT INTO screening_decision(id, entity, version, entry, run, decision, score, explanation, "
                        "actor, at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (d.id > 0) {
        s->bind(1, d.id);
    } else {
        s->bindNull(1);
    }
    s->bind(2, d.entityRowId).bind(3, d.versionId).bind(4, d.entryId);
    if (d.runId > 0) {
        s->bind(5, d.runId);
    } else {
        s->bindNull(5);
    }
    s->bind(6, ScreeningDecision::kindName(d.decision))
        .bind(7, d.score)
        .bind(8, d.explanation)
        .bind(9, d.actor)
        .bind(10, d.at.toUTC().toString(Qt::ISODateWithMs));
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.screeningChanged();
    Q_EMIT m_case.entityChanged(d.entityRowId);
    return {};
}

Status ReferenceListStore::removeDecision(qint64 decisionId)
{
    qint64 entity = 0;
    for (const auto &d : readDecisions(QStringLiteral("WHERE d.id = ?"), decisionId)) {
        entity = d.entityRowId;
    }
    auto *s = m_case.database().cached("DELETE FROM screening_decision WHERE id = ?");
    s->bind(1, decisionId);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.screeningChanged();
    if (entity) {
        Q_EMIT m_case.entityChanged(entity);
    }
    return {};
}

QList<ScreeningDecision> ReferenceListStore::readDecisions(const QString &where, qint64 key) const
{
    QList<ScreeningDecision> out;
    auto q = m_case.database().prepare(QString::fromLatin1(kSelectDecision) + where + QStringLiteral(" ORDER BY d.id"));
    if (!q) {
        return out;
    }
    if (where.contains(QLatin1Char('?'))) {
        (*q)->bind(1, key);
    }
    while ((*q)->step()) {
        auto &s = **q;
        ScreeningDecision d;
        d.id = s.int64(0);
        d.entityRowId = s.int64(1);
        d.versionId = s.int64(2);
        d.entryId = s.text(3);
        d.runId = s.int64(4);
        d.decision = s.text(5) == QLatin1String("accepted") ? ScreeningDecision::Kind::Accepted
                                                            : ScreeningDecision::Kind::Rejected;
        d.score = s.real(6);
        d.explanation = s.text(7);
        d.actor = s.text(8);
        d.at = parseTime(s.text(9));
        out << d;
    }
    return out;
}

QList<ScreeningDecision> ReferenceListStore::decisions(qint64 entityRowId) const
{
    return entityRowId ? readDecisions(QStringLiteral("WHERE d.entity = ?"), entityRowId)
                       : readDecisions(QString(), 0);
}

QList<ScreeningDecision> ReferenceListStore::acceptedMatches(qint64 entityRowId) const
{
    const QString inForce = QStringLiteral("WHERE d.id IN (SELECT id FROM screening_accepted)");
    return entityRowId ? readDecisions(inForce + QStringLiteral(" AND d.entity = ?"), entityRowId)
                       : readDecisions(inForce, 0);
}

} // namespace Casegraph::Models

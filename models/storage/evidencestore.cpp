// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencestore.h"
#include "casefile.h"
#include "entitystore.h"
#include "notestore.h"
#include "sqlite.h"

#include <QCryptographicHash>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {
QString isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
QDateTime fromIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}
void bindOptional(Sql::Statement *s, int i, const QString &v)
{
    if (v.isEmpty()) {
        s->bindNull(i);
    } else {
        s->bind(i, v);
    }
}
} // namespace

EvidenceStore::EvidenceStore(CaseFile &caseFile) : m_case(caseFile) {}

Result<qint64> EvidenceStore::addSource(Source source)
{
    auto &db = m_case.database();
    if (!m_case.entities().row(source.entityRowId)) {
        return Error{tr("a source needs an Article or Document entity to belong to")};
    }
    source.sha256 = QString::fromLatin1(QCryptographicHash::hash(source.original, QCryptographicHash::Sha256).toHex());
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    auto *s = db.cached("INSERT INTO source(entity, file_name, mime, sha256, original, text, url, imported_at, added_by) "
                        "VALUES(?,?,?,?,?,?,?,?,?)");
    s->bind(1, source.entityRowId).bind(2, source.fileName).bind(3, source.mimeType).bind(4, source.sha256);
    s->bindBlob(5, source.original).bind(6, source.text);
    bindOptional(s, 7, source.url);
    s->bind(8, (source.importedAt.isValid() ? source.importedAt : QDateTime::currentDateTimeUtc())
                   .toString(Qt::ISODateWithMs));
    s->bind(9, source.addedBy.isEmpty() ? m_case.actor() : source.addedBy);
    if (auto st = s->run(); !st) {
        return st.error();
    }
    const qint64 id = db.lastInsertRowId();
    auto *fts = db.cached("INSERT INTO source_fts(rowid, text) VALUES(?, ?)");
    fts->bind(1, id).bind(2, EntityStore::ftsText(source.text));
    if (auto st = fts->run(); !st) {
        return st.error();
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.sourcesChanged();
    return id;
}

std::optional<Source> EvidenceStore::source(qint64 id) const
{
    auto *s = m_case.database().cached("SELECT id, entity, file_name, mime, sha256, original, text, coalesce(url,''), "
                                       "imported_at, added_by FROM source WHERE id=?");
    s->bind(1, id);
    std::optional<Source> out;
    if (s->step()) {
        out = Source{s->int64(0), s->int64(1), s->text(2), s->text(3),         s->text(4),
                     s->blob(5),  s->text(6),  s->text(7), fromIso(s->text(8)), s->text(9)};
    }
    s->reset();
    return out;
}

std::optional<Source> EvidenceStore::sourceForEntity(qint64 entityRowId) const
{
    auto *s = m_case.database().cached("SELECT id FROM source WHERE entity=?");
    s->bind(1, entityRowId);
    const qint64 id = s->step() ? s->int64(0) : 0;
    s->reset();
    return id ? source(id) : std::nullopt;
}

qint64 EvidenceStore::sourceIdByHash(const QString &sha256) const
{
    auto *s = m_case.database().cached("SELECT id FROM source WHERE sha256=? ORDER BY id LIMIT 1");
    s->bind(1, sha256);
    const qint64 id = s->step() ? s->int64(0) : 0;
    s->reset();
    return id;
}

QList<EvidenceStore::SourceSummary> EvidenceStore::sources() const
{
    QList<SourceSummary> out;
    // CROSS JOIN keeps the few sources as the outer loop: with a plain JOIN SQLite walked the
    // whole caption index of the entities to save the sort, 0.13-0.4 s on the GUI thread at every
    // open of a million-entity case.
    auto *s = m_case.database().cached(
        "SELECT s.id, s.entity, e.caption, s.file_name, s.mime, s.sha256, s.imported_at, "
        "(SELECT count(DISTINCT x.claim) FROM excerpt x WHERE x.source = s.id) "
        "FROM source s CROSS JOIN entity e ON e.id = s.entity ORDER BY e.caption COLLATE NOCASE, s.id");
    while (s->step()) {
        out.append(SourceSummary{s->int64(0), s->int64(1), s->text(2), s->text(3), s->text(4), s->text(5),
                                 fromIso(s->text(6)), s->int64(7)});
    }
    s->reset();
    return out;
}

Result<qint64> EvidenceStore::addClaim(Claim claim)
{
    auto &db = m_case.database();
    if (!m_case.entities().row(claim.entityRowId)) {
        return Error{tr("the claim's entity does not exist")};
    }
    // Every quote must be exactly the source text at its offsets: a claim never misquotes.
    for (const auto &x : std::as_const(claim.excerpts)) {
        const auto src = source(x.sourceId);
        if (!src) {
            return Error{tr("excerpt refers to a missing source (%1)").arg(x.sourceId)};
        }
        const QString actual = codePointSlice(src->text, x.start, x.end);
        if (x.end < x.start || actual != x.quote) {
            return Error{tr("the quote does not match the source text at %1-%2: expected \"%3\", found \"%4\"")
                             .arg(x.start)
                             .arg(x.end)
                             .arg(x.quote, actual)};
        }
    }
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    const QString now = isoNow();
    const bool keepIds = claim.id > 0;
    auto *c = keepIds ? db.cached("INSERT INTO claim(entity, prop, value, credibility, status, comment, created_at, "
                                  "actor, id) VALUES(?,?,?,?,?,?,?,?,?)")
                      : db.cached("INSERT INTO claim(entity, prop, value, credibility, status, comment, created_at, "
                                  "actor) VALUES(?,?,?,?,?,?,?,?)");
    c->bind(1, claim.entityRowId);
    bindOptional(c, 2, claim.property);
    bindOptional(c, 3, claim.value);
    bindOptional(c, 4, claim.credibility);
    c->bind(5, claim.status.isEmpty() ? QStringLiteral("unverified") : claim.status);
    bindOptional(c, 6, claim.comment);
    c->bind(7, claim.createdAt.isValid() ? claim.createdAt.toString(Qt::ISODateWithMs) : now);
    c->bind(8, claim.actor.isEmpty() ? m_case.actor() : claim.actor);
    if (keepIds) {
        c->bind(9, claim.id);
    }
    if (auto st = c->run(); !st) {
        return st.error();
    }
    const qint64 claimId = db.lastInsertRowId();
    for (const auto &x : std::as_const(claim.excerpts)) {
        auto *e = x.id > 0 ? db.cached("INSERT INTO excerpt(claim, source, start, end, quote, stance, reliability, "
                                       "comment, created_at, actor, id) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
                           : db.cached("INSERT INTO excerpt(claim, source, start, end, quote, stance, reliability, "
                                       "comment, created_at, actor) VALUES(?,?,?,?,?,?,?,?,?,?)");
        e->bind(1, claimId).bind(2, x.sourceId).bind(3, x.start).bind(4, x.end).bind(5, x.quote);
        e->bind(6, Excerpt::stanceName(x.stance));
        bindOptional(e, 7, x.reliability);
        bindOptional(e, 8, x.comment);
        e->bind(9, x.createdAt.isValid() ? x.createdAt.toString(Qt::ISODateWithMs) : now);
        e->bind(10, x.actor.isEmpty() ? m_case.actor() : x.actor);
        if (x.id > 0) {
            e->bind(11, x.id);
        }
        if (auto st = e->run(); !st) {
            return st.error();
        }
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.evidenceChanged(claim.entityRowId);
    return claimId;
}

QList<Claim> EvidenceStore::loadClaims(const char *sql, qint64 key) const
{
    QList<Claim> out;
    auto &db = m_case.database();
    auto *s = db.cached(sql);
    s->bind(1, key);
    while (s->step()) {
        Claim c;
        c.id = s->int64(0);
        c.entityRowId = s->int64(1);
        c.property = s->text(2);
        c.value = s->text(3);
        c.credibility = s->text(4);
        c.status = s->text(5);
        c.comment = s->text(6);
        c.createdAt = fromIso(s->text(7));
        c.actor = s->text(8);
        out.append(c);
    }
    s->reset();
    auto *x = db.cached("SELECT id, claim, source, start, end, quote, stance, coalesce(reliability,''), "
                        "coalesce(comment,''), created_at, actor FROM excerpt WHERE claim=? ORDER BY id");
    for (auto &c : out) {
        x->bind(1, c.id);
        while (x->step()) {
            Excerpt e;
            e.id = x->int64(0);
            e.claimId = x->int64(1);
            e.sourceId = x->int64(2);
            e.start = x->int64(3);
            e.end = x->int64(4);
            e.quote = x->text(5);
            e.stance = x->text(6) == QLatin1String("contradicts") ? Excerpt::Stance::Contradicts
                                                                  : Excerpt::Stance::Supports;
            e.reliability = x->text(7);
            e.comment = x->text(8);
            e.createdAt = fromIso(x->text(9));
            e.actor = x->text(10);
            c.excerpts.append(e);
        }
        x->reset();
    }
    return out;
}

QList<Claim> EvidenceStore::claimsFor(qint64 entityRowId) const
{
    return loadClaims("SELECT id, entity, coalesce(prop,''), coalesce(value,''), coalesce(credibility,''), status, "
                      "coalesce(comment,''), created_at, actor FROM claim WHERE entity=? ORDER BY id",
                      entityRowId);
}

QList<Claim> EvidenceStore::claimsForSource(qint64 sourceId) const
{
    return loadClaims("SELECT id, entity, coalesce(prop,''), coalesce(value,''), coalesce(credibility,''), status, "
                      "coalesce(comment,''), created_at, actor FROM claim WHERE id IN "
                      "(SELECT claim FROM excerpt WHERE source=?) ORDER BY id",
                      sourceId);
}

QHash<qint64, int> EvidenceStore::supportingSourceCounts() const
{
    QHash<qint64, int> out;
    auto *s = m_case.database().cached("SELECT c.entity, count(DISTINCT x.source) FROM claim c "
                                       "JOIN excerpt x ON x.claim = c.id WHERE x.stance = 'supports' "
                                       "AND c.status <> 'retracted' GROUP BY c.entity");
    while (s->step()) {
        out.insert(s->int64(0), int(s->int64(1)));
    }
    s->reset();
    return out;
}

Status EvidenceStore::restoreClaims(const QList<Claim> &claims)
{
    for (const auto &c : claims) {
        if (auto r = addClaim(c); !r) {
            return r.error();
        }
    }
    return {};
}

Result<qint64> EvidenceStore::addNote(Note note)
{
    return m_case.notes().add(std::move(note)); // NoteStore keeps the search index in step
}

QList<Note> EvidenceStore::notesFor(const QString &targetKind, qint64 targetId) const
{
    return m_case.notes().notesFor(Target{targetKind, targetId});
}

QList<EvidenceStore::ClaimSourceLink> EvidenceStore::claimSourceLinks() const
{
    QList<ClaimSourceLink> out;
    auto *s = m_case.database().cached(
        "SELECT c.entity, coalesce(c.prop,''), coalesce(c.comment,''), coalesce(s.entity,0) FROM claim c "
        "LEFT JOIN excerpt x ON x.claim=c.id LEFT JOIN source s ON s.id=x.source ORDER BY c.entity, c.id");
    while (s->step()) {
        out.append(ClaimSourceLink{s->int64(0), s->text(1), s->text(2), s->int64(3)});
    }
    s->reset();
    return out;
}

QHash<qint64, QString> EvidenceStore::entityNotes() const
{
    QHash<qint64, QString> out;
    auto *s = m_case.database().cached(
        "SELECT target_id, body FROM note WHERE target_kind='entity' AND target_id IS NOT NULL ORDER BY id");
    while (s->step()) {
        const qint64 row = s->int64(0);
        if (!out.contains(row)) {
            out.insert(row, s->text(1));
        }
    }
    s->reset();
    return out;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notestore.h"
#include "annotationsql_p.h"
#include "casefile.h"
#include "entitystore.h"

namespace Casegraph::Models {

using namespace AnnotationSql;

namespace {
constexpr const char *NoteColumns =
    "SELECT id, target_kind, coalesce(target_id, 0), body, created_at, modified_at, actor FROM note ";

Note readNote(const Sql::Statement &s)
{
    return Note{s.int64(0), s.text(1), s.int64(2), s.text(3), fromIso(s.text(4)), fromIso(s.text(5)), s.text(6)};
}
} // namespace

NoteStore::NoteStore(CaseFile &caseFile) : m_case(caseFile) {}

Status NoteStore::writeFts(qint64 noteId, const QString &body, bool replace)
{
    auto &db = m_case.database();
    if (replace) {
        auto *del = db.cached("DELETE FROM note_fts WHERE rowid=?");
        del->bind(1, noteId);
        if (auto st = del->run(); !st) {
            return st;
        }
    }
    auto *ins = db.cached("INSERT INTO note_fts(rowid, body) VALUES(?, ?)");
    ins->bind(1, noteId).bind(2, EntityStore::ftsText(body));
    return ins->run();
}

Result<qint64> NoteStore::add(Note note)
{
    if (note.targetKind.isEmpty()) {
        return Error{tr("a note needs something to be about (the case, an entity, a source or a claim)")};
    }
    auto &db = m_case.database();
    qint64 id = 0;
    const auto st = inTransaction(db, [&]() -> Status {
        auto *s = note.id > 0 ? db.cached("INSERT INTO note(target_kind, target_id, body, created_at, modified_at, "
                                          "actor, id) VALUES(?,?,?,?,?,?,?)")
                              : db.cached("INSERT INTO note(target_kind, target_id, body, created_at, modified_at, "
                                          "actor) VALUES(?,?,?,?,?,?)");
        bindTarget(s, 1, Target{note.targetKind, note.targetId});
        const QString created = toIso(note.createdAt);
        s->bind(3, note.body).bind(4, created);
        s->bind(5, note.modifiedAt.isValid() ? toIso(note.modifiedAt) : created);
        s->bind(6, note.actor.isEmpty() ? m_case.actor() : note.actor);
        if (note.id > 0) {
            s->bind(7, note.id);
        }
        if (auto r = s->run(); !r) {
            return r;
        }
        id = db.lastInsertRowId();
        return writeFts(id, note.body, false);
    });
    if (!st) {
        return st.error();
    }
    Q_EMIT m_case.notesChanged(note.targetKind, note.targetId);
    return id;
}

Status NoteStore::update(const Note &note)
{
    const auto old = this->note(note.id);
    if (!old) {
        return Error{tr("the note no longer exists")};
    }
    auto &db = m_case.database();
    const auto st = inTransaction(db, [&]() -> Status {
        auto *s = db.cached("UPDATE note SET body=?, modified_at=?, actor=? WHERE id=?");
        s->bind(1, note.body).bind(2, toIso(note.modifiedAt));
        s->bind(3, note.actor.isEmpty() ? m_case.actor() : note.actor).bind(4, note.id);
        if (auto r = s->run(); !r) {
            return r;
        }
        return writeFts(note.id, note.body, true);
    });
    if (st) {
        Q_EMIT m_case.notesChanged(old->targetKind, old->targetId);
    }
    return st;
}

Status NoteStore::remove(qint64 noteId)
{
    const auto old = note(noteId);
    if (!old) {
        return Error{tr("the note no longer exists")};
    }
    auto &db = m_case.database();
    const auto st = inTransaction(db, [&]() -> Status {
        auto *s = db.cached("DELETE FROM note WHERE id=?");
        s->bind(1, noteId);
        if (auto r = s->run(); !r) {
            return r;
        }
        auto *f = db.cached("DELETE FROM note_fts WHERE rowid=?");
        f->bind(1, noteId);
        if (auto r = f->run(); !r) {
            return r;
        }
        // Tags on the note go with it.
        auto *t = db.cached("DELETE FROM tagging WHERE target_kind='note' AND target_id=?");
        t->bind(1, noteId);
        return t->run();
    });
    if (st) {
        Q_EMIT m_case.notesChanged(old->targetKind, old->targetId);
    }
    return st;
}

std::optional<Note> NoteStore::note(qint64 noteId) const
{
    auto *s = m_case.database().cached(
        "SELECT id, target_kind, coalesce(target_id, 0), body, created_at, modified_at, actor FROM note WHERE id=?");
    s->bind(1, noteId);
    std::optional<Note> out;
    if (s->step()) {
        out = readNote(*s);
    }
    s->reset();
    return out;
}

QList<Note> NoteStore::notesFor(const Target &target) const
{
    QList<Note> out;
    auto *s = m_case.database().cached("SELECT id, target_kind, coalesce(target_id, 0), body, created_at, "
                                       "modified_at, actor FROM note WHERE target_kind=? AND coalesce(target_id, 0)=? "
                                       "ORDER BY id");
    s->bind(1, target.kind).bind(2, target.id);
    while (s->step()) {
        out.append(readNote(*s));
    }
    s->reset();
    return out;
}

QList<Note> NoteStore::all() const
{
    QList<Note> out;
    auto st = m_case.database().prepare(QLatin1String(NoteColumns) + QLatin1String("ORDER BY modified_at DESC, id"));
    if (!st) {
        return out;
    }
    while ((*st)->step()) {
        out.append(readNote(**st));
    }
    return out;
}

qint64 NoteStore::count() const
{
    auto *s = m_case.database().cached("SELECT count(*) FROM note");
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

QList<TextHit> NoteStore::search(const QString &query, int limit) const
{
    QList<TextHit> out;
    const QString fts = EntityStore::ftsQuery(query);
    if (fts.isEmpty()) {
        return out;
    }
    auto *s = m_case.database().cached(
        "SELECT n.id, n.target_kind, coalesce(n.target_id, 0), snippet(note_fts, 0, '[', ']', '…', 16) "
        "FROM note_fts JOIN note n ON n.id = note_fts.rowid WHERE note_fts MATCH ? LIMIT ?");
    s->bind(1, fts).bind(2, qint64(limit));
    while (s->step()) {
        out.append(TextHit{s->int64(0), Target{s->text(1), s->int64(2)}, QString(),
                           EntityStore::fromFtsText(s->text(3)).simplified()});
    }
    s->reset();
    return out;
}

} // namespace Casegraph::Models

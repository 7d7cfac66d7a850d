// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "core/evidence.h"
#include "core/result.h"

#include <QCoreApplication>

#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// A note (or lead) that matched a full-text search, with the matches in [brackets].
struct TextHit {
    qint64 id = 0;  ///< note or lead id
    Target target;
    QString title;  ///< leads: the title with [matches]; notes: empty
    QString snippet;
};

/// Markdown notes on the case, an entity (or relationship), a source or a claim, and their
/// search index (note_fts, schema version 4). Owned by a CaseFile; same thread affinity. Each
/// write is its own statement (the FTS row goes with it in one transaction) and emits
/// CaseFile::notesChanged(target).
class NoteStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::NoteStore)
public:
    explicit NoteStore(CaseFile &caseFile);

    /// Stores a new note. A note with an id, times or actor keeps them (undo puts a deleted
    /// note back exactly); otherwise they are now and the case's actor. Returns the id.
    Result<qint64> add(Note note);
    /// Writes the note's body, modification time and actor (now and the case's actor when
    /// empty); its id, target and creation time stay.
    Status update(const Note &note);
    Status remove(qint64 noteId);
    std::optional<Note> note(qint64 noteId) const;
    /// Notes on one target, oldest first.
    QList<Note> notesFor(const Target &target) const;
    /// Every note, newest change first.
    QList<Note> all() const;
    qint64 count() const;
    /// Notes whose body matches (EntityStore::ftsQuery syntax), at most `limit`.
    QList<TextHit> search(const QString &query, int limit = 50) const;

private:
    Status writeFts(qint64 noteId, const QString &body, bool replace);
    CaseFile &m_case;
};

} // namespace Casegraph::Models

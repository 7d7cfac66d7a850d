// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "core/result.h"

#include <QCoreApplication>

namespace Casegraph::Models {

class CaseEditor;

/// Undoable edits of notes, tags and leads, pushed on the CaseEditor's QUndoStack beside the
/// entity edits (one Ctrl+Z for everything). A light handle: construct one where needed.
///
/// As with CaseEditor, each edit is applied first and pushed only when it succeeded; undo and
/// redo restore the rows exactly (ids, times, actor), a redone "add" included.
class AnnotationEditor {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::AnnotationEditor)
public:
    explicit AnnotationEditor(CaseEditor &editor) : m_editor(editor) {}

    /// Returns the new note's id.
    Result<qint64> addNote(const Target &target, const QString &markdown);
    Status editNote(qint64 noteId, const QString &markdown);
    Status deleteNote(qint64 noteId);

    /// Returns the new tag's id.
    Result<qint64> createTag(const QString &name, const QString &colour);
    Status renameTag(qint64 tagId, const QString &name);
    Status recolourTag(qint64 tagId, const QString &colour);
    /// Deletes the tag; undo puts it back on everything that carried it.
    Status deleteTag(qint64 tagId);
    Status assignTag(qint64 tagId, const Target &target);
    Status unassignTag(qint64 tagId, const Target &target);

    /// Returns the new lead's id.
    Result<qint64> addLead(const Lead &lead);
    /// Writes the lead's title, text, status, assignee and target.
    Status editLead(const Lead &lead);
    Status setLeadStatus(qint64 leadId, Lead::Status status);
    Status deleteLead(qint64 leadId);

private:
    CaseEditor &m_editor;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace Casegraph::Models {

class CaseEditor;
class CaseFile;

/// Base of Casegraph's undoable edits.
///
/// CaseEditor calls apply() before pushing, so that an edit the case refuses (validation, a
/// storage error) never reaches the undo stack; the push's own redo() call is then skipped.
/// Each step changes the case through EntityStore in one transaction. A later undo() or redo()
/// that fails makes the command obsolete, so the stack drops it, and is reported through
/// CaseEditor::errorOccurred().
class EditCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::EditCommand)
public:
    EditCommand(CaseEditor &editor, const QString &text);

    /// Performs the edit for the first time.
    Status apply();
    void redo() final;
    void undo() final;

protected:
    virtual Status doRedo() = 0;
    virtual Status doUndo() = 0;

    CaseFile &caseFile() const;
    /// Records a Provenance of kind Edit labelled with the command's text.
    Result<qint64> recordEdit(const QString &detail = {});
    /// Runs `fn` in one transaction (or inside the caller's, if one is open).
    Status inTransaction(const std::function<Status()> &fn);

private:
    void report(const Status &status);
    CaseEditor &m_editor;
    bool m_skipNextRedo = false;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QUndoCommand>

#include <functional>

namespace Casegraph::Models {

class CaseEditor;
class CaseFile;

/// What an edit writes to the audit log: its redo direction (undo swaps before and after).
struct AuditRecord {
    QString action;
    QString target; ///< "entity:<row id>"
    QJsonObject before;
    QJsonObject after;
};

/// Base of Casegraph's undoable edits.
///
/// CaseEditor calls apply() before pushing, so that an edit the case refuses (validation, a
/// storage error) never reaches the undo stack; the push's own redo() call is then skipped.
/// Each step changes the case through EntityStore in one transaction. A later undo() or redo()
/// that fails makes the command obsolete, so the stack drops it, and is reported through
/// CaseEditor::errorOccurred(). Every step (apply, redo, undo) appends its audit entry in the
/// same transaction as the change.
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
    /// Describes the edit for the audit log (called after a successful step).
    virtual AuditRecord auditRecord() const = 0;

    CaseFile &caseFile() const;
    /// Records a Provenance of kind Edit labelled with the command's text.
    Result<qint64> recordEdit(const QString &detail = {});
    /// JSON of a value or an entity for audit records.
    static QJsonObject valueJson(const PropertyValue &value);
    static QJsonObject entityJson(const Entity &entity);
    /// Runs `fn` in one transaction (or inside the caller's, if one is open).
    Status inTransaction(const std::function<Status()> &fn);

private:
    void report(const Status &status);
    Status step(bool undo);
    CaseEditor &m_editor;
    bool m_skipNextRedo = false;
};

} // namespace Casegraph::Models

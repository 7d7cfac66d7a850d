// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editcommand.h"
#include "storage/entitystore.h"

namespace Casegraph::Models {

/// Deletes an entity with its values and claims, and the relationships whose ends point at it
/// (an Ownership without its owner means nothing). Undo restores all of them exactly: row ids,
/// FtM ids, value ids, provenance, claims and excerpts.
class DeleteEntityCommand final : public EditCommand {
public:
    /// `relationships`: row ids of the relationships deleted with it (CaseEditor::relationshipsOf()).
    DeleteEntityCommand(CaseEditor &editor, qint64 rowId, const QList<qint64> &relationships, const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    QList<qint64> m_rowIds; ///< the entity first, then its relationships
    QList<EntitySnapshot> m_snapshots;
    bool m_recorded = false;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editcommand.h"

namespace Casegraph::Models {

/// Merges one entity into another (MergeStore::merge); undo splits them exactly.
class MergeEntitiesCommand final : public EditCommand {
public:
    MergeEntitiesCommand(CaseEditor &editor, qint64 keptRowId, qint64 mergedRowId, const QString &text);
    qint64 mergeId() const { return m_mergeId; }

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    qint64 m_kept = 0;
    qint64 m_merged = 0;
    qint64 m_mergeId = 0;
};

/// Splits a standing merge (MergeStore::split), also one made before the file was reopened;
/// undo merges the two again.
class SplitEntityCommand final : public EditCommand {
public:
    SplitEntityCommand(CaseEditor &editor, qint64 mergeId, const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    qint64 m_mergeId = 0;
    qint64 m_kept = 0;
    qint64 m_merged = 0;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "editcommand.h"
#include "storage/entitystore.h"

namespace Casegraph::Models {

/// Creates an entity (a relationship is an entity too) with its values. Undo deletes it and
/// keeps the snapshot, so that redo brings back the same row id, FtM id, value ids and provenance.
class CreateEntityCommand final : public EditCommand {
public:
    CreateEntityCommand(CaseEditor &editor, const Entity &entity, const QString &text);
    qint64 rowId() const { return m_rowId; }

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    Entity m_entity;
    qint64 m_rowId = 0;
    std::optional<EntitySnapshot> m_snapshot;
};

} // namespace Casegraph::Models

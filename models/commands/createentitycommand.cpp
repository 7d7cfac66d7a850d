// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "createentitycommand.h"
#include "storage/casefile.h"

namespace Casegraph::Models {

CreateEntityCommand::CreateEntityCommand(CaseEditor &editor, const Entity &entity, const QString &text)
    : EditCommand(editor, text), m_entity(entity) {}

Status CreateEntityCommand::doRedo() {
    auto &store = caseFile().entities();
    if (m_snapshot) {
        return store.restore(*m_snapshot);
    }
    return inTransaction([&]() -> Status {
        const auto prov = recordEdit();
        if (!prov) {
            return prov.error();
        }
        const auto rowId = store.create(m_entity, *prov);
        if (!rowId) {
            return rowId.error();
        }
        m_rowId = *rowId;
        if (const auto row = store.row(m_rowId)) {
            m_entity.id = row->id; // generated when the caller gave none; the audit entry names it
        }
        return {};
    });
}

Status CreateEntityCommand::doUndo() {
    auto snapshot = caseFile().entities().remove(m_rowId);
    if (!snapshot) {
        return snapshot.error();
    }
    m_snapshot = std::move(*snapshot);
    return {};
}

AuditRecord CreateEntityCommand::auditRecord() const {
    return {QStringLiteral("entity.create"), QStringLiteral("entity:%1").arg(m_rowId), {}, entityJson(m_entity)};
}

} // namespace Casegraph::Models

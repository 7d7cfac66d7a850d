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

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "addvaluecommand.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

namespace Casegraph::Models {

AddValueCommand::AddValueCommand(CaseEditor &editor, qint64 entityRowId, const QString &property, const QString &value,
                                 const QString &text)
    : EditCommand(editor, text), m_entityRowId(entityRowId) {
    m_value.property = property;
    m_value.value = value;
}

Status AddValueCommand::doRedo() {
    auto &store = caseFile().entities();
    if (m_value.id) {
        return store.restoreValue(m_entityRowId, m_value);
    }
    return inTransaction([&]() -> Status {
        const auto prov = recordEdit();
        if (!prov) {
            return prov.error();
        }
        const auto id = store.addValue(m_entityRowId, m_value.property, m_value.value, *prov);
        if (!id) {
            return id.error();
        }
        // Keep the stored flags (entity references) so that redo restores the row exactly.
        if (const auto stored = store.value(*id)) {
            m_value = *stored;
        }
        return {};
    });
}

Status AddValueCommand::doUndo() {
    return caseFile().entities().removeValue(m_value.id);
}

AuditRecord AddValueCommand::auditRecord() const {
    return {QStringLiteral("value.add"), QStringLiteral("entity:%1").arg(m_entityRowId), {}, valueJson(m_value)};
}

} // namespace Casegraph::Models

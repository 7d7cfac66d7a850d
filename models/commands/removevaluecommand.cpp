// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "removevaluecommand.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

namespace Casegraph::Models {

RemoveValueCommand::RemoveValueCommand(CaseEditor &editor, qint64 entityRowId, const PropertyValue &value,
                                       const QString &text)
    : EditCommand(editor, text), m_entityRowId(entityRowId), m_value(value) {}

Status RemoveValueCommand::doRedo() {
    return inTransaction([&]() -> Status {
        if (!m_recorded) {
            if (auto prov = recordEdit(m_value.property + QLatin1String(": ") + m_value.value); !prov) {
                return prov.error();
            }
        }
        if (auto st = caseFile().entities().removeValue(m_value.id); !st) {
            return st;
        }
        m_recorded = true;
        return {};
    });
}

Status RemoveValueCommand::doUndo() {
    return caseFile().entities().restoreValue(m_entityRowId, m_value);
}

AuditRecord RemoveValueCommand::auditRecord() const {
    return {QStringLiteral("value.remove"), QStringLiteral("entity:%1").arg(m_entityRowId), valueJson(m_value), {}};
}

} // namespace Casegraph::Models

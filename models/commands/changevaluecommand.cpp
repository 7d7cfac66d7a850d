// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "changevaluecommand.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

namespace Casegraph::Models {

ChangeValueCommand::ChangeValueCommand(CaseEditor &editor, qint64 entityRowId, const PropertyValue &old,
                                       const QString &value, const QString &text)
    : EditCommand(editor, text), m_entityRowId(entityRowId), m_old(old), m_new(value) {}

Status ChangeValueCommand::doRedo() {
    auto &store = caseFile().entities();
    if (m_newProvenance) {
        return store.changeValue(m_old.id, m_new, m_newProvenance);
    }
    return inTransaction([&]() -> Status {
        const auto prov = recordEdit(tr("was: %1").arg(m_old.value));
        if (!prov) {
            return prov.error();
        }
        if (auto st = store.changeValue(m_old.id, m_new, *prov); !st) {
            return st;
        }
        m_newProvenance = *prov;
        return {};
    });
}

Status ChangeValueCommand::doUndo() {
    // Remove and restore rather than changeValue(): the old text may predate validation (a
    // lenient import) and must come back as it was, flags included.
    auto &store = caseFile().entities();
    return inTransaction([&]() -> Status {
        if (auto st = store.removeValue(m_old.id); !st) {
            return st;
        }
        return store.restoreValue(m_entityRowId, m_old);
    });
}

AuditRecord ChangeValueCommand::auditRecord() const {
    PropertyValue now = m_old;
    now.value = m_new;
    return {QStringLiteral("value.change"), QStringLiteral("entity:%1").arg(m_entityRowId), valueJson(m_old),
            valueJson(now)};
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "decidematchcommand.h"
#include "storage/casefile.h"

namespace Casegraph::Models {

DecideMatchCommand::DecideMatchCommand(CaseEditor &editor, const ScreeningDecision &decision, const QString &text)
    : EditCommand(editor, text), m_decision(decision)
{
}

Status DecideMatchCommand::doRedo()
{
    auto &store = caseFile().referenceLists();
    if (m_decision.id) {
        return store.restoreDecision(m_decision); // redo: the same row, actor and time
    }
    auto id = store.addDecision(m_decision);
    return id ? Status() : Status(id.error());
}

Status DecideMatchCommand::doUndo()
{
    return caseFile().referenceLists().removeDecision(m_decision.id);
}

AuditRecord DecideMatchCommand::auditRecord() const
{
    return {QStringLiteral("screening.decide"), QStringLiteral("entity:%1").arg(m_decision.entityRowId), {},
            m_decision.auditJson()};
}

} // namespace Casegraph::Models

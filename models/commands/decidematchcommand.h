// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "editcommand.h"
#include "storage/referenceliststore.h"

namespace Casegraph::Models {

/// Accepts or rejects a screening candidate: records the decision (who, when, list version,
/// score and explanation); undo removes that decision row, so the one before it is in force again.
class DecideMatchCommand final : public EditCommand {
public:
    DecideMatchCommand(CaseEditor &editor, const ScreeningDecision &decision, const QString &text);
    qint64 decisionId() const { return m_decision.id; }

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    ScreeningDecision m_decision;
};

} // namespace Casegraph::Models

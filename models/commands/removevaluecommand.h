// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "editcommand.h"

namespace Casegraph::Models {

/// Removes one value; undo restores it with its row id, provenance and flags. The removal itself
/// is recorded as an Edit provenance whose detail names the removed text.
class RemoveValueCommand final : public EditCommand {
public:
    RemoveValueCommand(CaseEditor &editor, qint64 entityRowId, const PropertyValue &value, const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    qint64 m_entityRowId = 0;
    PropertyValue m_value;
    bool m_recorded = false;
};

} // namespace Casegraph::Models

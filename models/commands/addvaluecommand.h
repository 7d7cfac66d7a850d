// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "editcommand.h"

namespace Casegraph::Models {

/// Adds one value to an entity. Redo after undo puts back the same value row and provenance.
class AddValueCommand final : public EditCommand {
public:
    AddValueCommand(CaseEditor &editor, qint64 entityRowId, const QString &property, const QString &value,
                    const QString &text);
    /// The new value's row id, once applied.
    qint64 valueId() const { return m_value.id; }

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    qint64 m_entityRowId = 0;
    PropertyValue m_value;
};

} // namespace Casegraph::Models

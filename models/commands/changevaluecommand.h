// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "editcommand.h"

namespace Casegraph::Models {

/// Replaces a value's text. The value keeps its row id; the new text gets an Edit provenance,
/// and undo puts back the old text with its original provenance and flags.
class ChangeValueCommand final : public EditCommand {
public:
    ChangeValueCommand(CaseEditor &editor, qint64 entityRowId, const PropertyValue &old, const QString &value,
                       const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    qint64 m_entityRowId = 0;
    PropertyValue m_old;
    QString m_new;
    qint64 m_newProvenance = 0;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editcommand.h"
#include "caseeditor.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QJsonArray>

#include <sqlite3.h>

#include <optional>

namespace Casegraph::Models {

EditCommand::EditCommand(CaseEditor &editor, const QString &text) : m_editor(editor) {
    setText(text);
}

CaseFile &EditCommand::caseFile() const {
    return m_editor.caseFile();
}

Status EditCommand::step(bool undo) {
    return inTransaction([&]() -> Status {
        if (auto st = undo ? doUndo() : doRedo(); !st) {
            return st;
        }
        AuditRecord r = auditRecord();
        if (undo) {
            return caseFile().appendAudit(QLatin1String("undo ") + r.action, r.after, r.before, r.target);
        }
        return caseFile().appendAudit(r.action, r.before, r.after, r.target);
    });
}

Status EditCommand::apply() {
    auto st = step(false);
    m_skipNextRedo = st.ok();
    return st;
}

void EditCommand::redo() {
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    report(step(false));
}

void EditCommand::undo() {
    report(step(true));
}

void EditCommand::report(const Status &status) {
    if (!status) {
        setObsolete(true);
        m_editor.reportError(text(), status.error());
    }
}

Result<qint64> EditCommand::recordEdit(const QString &detail) {
    return caseFile().addProvenance(Provenance::Kind::Edit, text(), 0, detail);
}

QJsonObject EditCommand::valueJson(const PropertyValue &value) {
    return QJsonObject{{QStringLiteral("valueId"), value.id},
                       {QStringLiteral("property"), value.property},
                       {QStringLiteral("value"), value.value}};
}

QJsonObject EditCommand::entityJson(const Entity &entity) {
    QJsonObject values;
    for (const auto &v : entity.values) {
        QJsonArray list = values.value(v.property).toArray();
        list.append(v.value);
        values.insert(v.property, list);
    }
    return QJsonObject{{QStringLiteral("id"), entity.id},
                       {QStringLiteral("schema"), entity.schema},
                       {QStringLiteral("properties"), values}};
}

Status EditCommand::inTransaction(const std::function<Status()> &fn) {
    return Sql::inTransaction(caseFile().database(), fn);
}

} // namespace Casegraph::Models

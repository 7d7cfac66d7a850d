// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "deleteentitycommand.h"
#include "storage/casefile.h"

#include <QJsonArray>

namespace Casegraph::Models {

DeleteEntityCommand::DeleteEntityCommand(CaseEditor &editor, qint64 rowId, const QList<qint64> &relationships,
                                         const QString &text)
    : EditCommand(editor, text) {
    m_rowIds << rowId << relationships;
}

Status DeleteEntityCommand::doRedo() {
    auto &store = caseFile().entities();
    QList<EntitySnapshot> snapshots;
    auto st = inTransaction([&]() -> Status {
        if (!m_recorded) {
            const auto row = store.row(m_rowIds.first());
            if (auto prov = recordEdit(row ? row->id : QString()); !prov) {
                return prov.error();
            }
        }
        for (const qint64 rowId : std::as_const(m_rowIds)) {
            auto snapshot = store.remove(rowId);
            if (!snapshot) {
                return snapshot.error();
            }
            snapshots.append(std::move(*snapshot));
        }
        return {};
    });
    if (st) {
        m_recorded = true;
        m_snapshots = std::move(snapshots);
    }
    return st;
}

Status DeleteEntityCommand::doUndo() {
    auto &store = caseFile().entities();
    return inTransaction([&]() -> Status {
        for (const auto &snapshot : std::as_const(m_snapshots)) {
            if (auto st = store.restore(snapshot); !st) {
                return st;
            }
        }
        return {};
    });
}

AuditRecord DeleteEntityCommand::auditRecord() const {
    QJsonArray deleted;
    for (const auto &snapshot : m_snapshots) {
        deleted.append(entityJson(snapshot.entity));
    }
    return {QStringLiteral("entity.delete"), QStringLiteral("entity:%1").arg(m_rowIds.value(0)),
            QJsonObject{{QStringLiteral("entities"), deleted}}, {}};
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "editcommand.h"
#include "caseeditor.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <sqlite3.h>

#include <optional>

namespace Casegraph::Models {

EditCommand::EditCommand(CaseEditor &editor, const QString &text) : m_editor(editor) {
    setText(text);
}

CaseFile &EditCommand::caseFile() const {
    return m_editor.caseFile();
}

Status EditCommand::apply() {
    auto st = doRedo();
    m_skipNextRedo = st.ok();
    return st;
}

void EditCommand::redo() {
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    report(doRedo());
}

void EditCommand::undo() {
    report(doUndo());
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

Status EditCommand::inTransaction(const std::function<Status()> &fn) {
    auto &db = caseFile().database();
    std::optional<Sql::Transaction> tx;
    if (sqlite3_get_autocommit(db.handle())) {
        tx.emplace(db);
        if (!tx->isActive()) {
            return Error{db.lastError()};
        }
    }
    if (auto st = fn(); !st) {
        return st; // the transaction rolls back
    }
    return tx ? tx->commit() : Status();
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workerruns.h"
#include "commands/evidenceeditor.h"
#include "storage/supportstore.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// What a click on a listed name in the Source viewer shows: the reference-list entry the name
/// belongs to (its names, the list and version it comes from, its sanctions and programmes)
/// and two actions. "Create Entity from It" copies the entry's party (names, countries,
/// identifiers) into the case with the clicked passage attached, as one undoable step.
/// "Screen Against the Case" compares the entry with every party of the case (the screening
/// matcher, on a worker thread with its own connection) and lists the candidates; activating
/// one opens it. Lists stay apart from the case's findings: nothing is created or decided
/// without one of these buttons.
class ListedEntryDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListedEntryDialog)
public:
    /// `passage`: the clicked name in its source, attached to an entity made from the entry.
    /// `editor` nullptr: read-only (no Create).
    ListedEntryDialog(Models::CaseFile &caseFile, Models::CaseEditor *editor, const Models::ListedName &entry,
                      const std::optional<Models::ExcerptAttachment> &passage, QWidget *parent = nullptr);
    ~ListedEntryDialog() override;

    QLabel *details() const { return m_details; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *screenButton() const { return m_screen; }
    QTreeWidget *candidates() const { return m_candidates; }
    bool isScreening() const { return m_running; }

    /// Creates the case entity (the Create button); returns its row id, or 0.
    qint64 createEntity();
    /// Starts the screening (the Screen button); screeningFinished() when the list is filled.
    void screen();

Q_SIGNALS:
    void entityActivated(qint64 rowId);
    void screeningFinished();

private:
    void fillDetails();

    Models::CaseFile &m_case;
    Models::CaseEditor *m_editor = nullptr;
    Models::ListedName m_ref;
    std::optional<Models::ExcerptAttachment> m_passage;
    QLabel *m_details = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_screen = nullptr;
    QTreeWidget *m_candidates = nullptr;
    QLabel *m_status = nullptr;
    bool m_running = false;
    Models::WorkerRuns m_runs; ///< last: the dialog waits for its screening before the rest goes
};

} // namespace Casegraph::Ui

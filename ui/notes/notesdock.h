// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"

#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QTabWidget;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class MarkdownView;

/// The Notes dock: the notes on the current selection (the entity or relationship in the
/// Inspector, the source it holds) or on the case, each written in Markdown and shown rendered.
/// Adding, saving and deleting notes are undoable commands (AnnotationEditor).
class NotesDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesDock)
public:
    explicit NotesDock(QWidget *parent = nullptr);
    ~NotesDock() override;

    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    /// Follows the selection: offers this entity (its source, its claims) beside the case.
    void setEntity(qint64 entityRowId);
    /// Shows the notes on this target.
    void setTarget(const Models::Target &target);
    Models::Target target() const { return m_target; }
    /// Shows the note's target with the note selected.
    void showNote(qint64 noteId);
    qint64 currentNoteId() const { return m_noteId; }

    QListWidget *noteList() const { return m_list; }
    /// What the notes are on: the case, the selected entity, its source, its claims.
    QComboBox *scopeBox() const { return m_scope; }
    QPlainTextEdit *editor() const { return m_editor; }
    MarkdownView *preview() const { return m_preview; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *newNoteAction() const { return m_newNote; }
    QAction *saveAction() const { return m_save; }
    QAction *deleteAction() const { return m_delete; }

    /// Starts a new note on the current target (the editor takes the focus).
    void newNote();
    /// Stores the editor's text: a new note, or the selected note changed.
    void save();
    void deleteNote();

private:
    void reload();
    void rebuildScopes();
    void onScopeChosen(int index);
    void onNoteSelected();
    /// Stores the note being written or edited, if anything was typed, before the dock turns to
    /// another note or target: like every other edit it is kept (one undoable step), never dropped.
    void storeDraft();
    /// Writes the editor's text to its note, or to a new note on the target; false on an error (shown).
    bool writeNote();
    void updateActions();
    void showError(const QString &message);

    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_caseEditor = nullptr;
    Models::Target m_target;
    qint64 m_entityRowId = 0;
    qint64 m_noteId = 0; ///< note in the editor; 0 while writing a new one
    bool m_loading = false;
    bool m_storing = false; ///< storeDraft() is writing: its notesChanged() reloads later
    QComboBox *m_scope = nullptr;
    QListWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    MarkdownView *m_preview = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_newNote = nullptr;
    QAction *m_save = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace Casegraph::Ui

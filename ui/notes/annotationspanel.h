// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"

#include <QObject>

class QComboBox;
class QMainWindow;
class QMenu;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class EntitiesDock;
class InspectorDock;
class LeadsDock;
class NotesDock;
class SourcesDock;
class TagChips;

/// Wires notes, tags and leads into the main window: owns the Notes and Leads docks, puts a
/// "Tags ▸" context menu on the Entities list and the Inspector, the entity's tag chips in the
/// Inspector, and a tag filter beside the Entities dock's schema filter. The window keeps only
/// a few lines for it (setCase, the View menu, the layout).
class AnnotationsPanel final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationsPanel)
public:
    AnnotationsPanel(QMainWindow *window, EntitiesDock *entities, InspectorDock *inspector, SourcesDock *sources);
    ~AnnotationsPanel() override;

    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    NotesDock *notesDock() const { return m_notes; }
    LeadsDock *leadsDock() const { return m_leads; }
    TagChips *tagChips() const { return m_chips; }
    QComboBox *tagFilter() const { return m_tagFilter; }
    /// The "Tags ▸" menu for an entity (nullptr without a case or editor); the caller owns it.
    QMenu *tagMenu(qint64 entityRowId, QWidget *parent);
    /// Opens a note's target and the note; a lead in the Leads dock.
    void showNote(qint64 noteId);
    void showLead(qint64 leadId);
    /// Goes to a note's or lead's target (entity, source, claim or the case).
    void goTo(const Models::Target &target);

Q_SIGNALS:
    /// Show this entity (the window's showEntity).
    void entityRequested(qint64 rowId);
    void errorOccurred(const QString &message);

private:
    void onEntityShown();
    void updateTagFilter();
    void contextMenu(QWidget *view, const QPoint &pos, qint64 rowId);

    QMainWindow *m_window = nullptr;
    EntitiesDock *m_entities = nullptr;
    InspectorDock *m_inspector = nullptr;
    SourcesDock *m_sources = nullptr;
    NotesDock *m_notes = nullptr;
    LeadsDock *m_leads = nullptr;
    TagChips *m_chips = nullptr;
    QComboBox *m_tagFilter = nullptr;
    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
};

} // namespace Casegraph::Ui

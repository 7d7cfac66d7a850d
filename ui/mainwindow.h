// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QMenu;
class QUndoGroup;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class ChartWorkspace;
class AnnotationsPanel;
class DefaultDockWidths;
class EntitiesDock;
class EvidenceUi;
class ExposureDock;
class GlobalSearch;
class ImportExportController;
class InspectorDock;
class PathsDock;
class IntegrityActions;
class RecentFiles;
class ScreeningActions;
class SourcesDock;
class TimelineDock;

/// The workbench window: menus, toolbar and the Entities, Inspector and Sources docks over one
/// open case. Every change is saved as it is made (the case is SQLite), so there is no
/// "unsaved" state; Save As writes a copy and continues in it.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    /// `recentFiles` is shared with the application; the window does not own it.
    explicit MainWindow(RecentFiles *recentFiles, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a case file; on failure returns the error and keeps the current case.
    Models::Status openCase(const QString &path);
    void closeCase();
    Models::CaseFile *caseFile() const { return m_case.get(); }
    Models::CaseEditor *editor() const { return m_editor.get(); }

    EntitiesDock *entitiesDock() const { return m_entities; }
    InspectorDock *inspectorDock() const { return m_inspector; }
    SourcesDock *sourcesDock() const { return m_sources; }
    /// File → Import…, Export… and drag and drop of files onto the window.
    ImportExportController *importExport() const { return m_importExport; }
    ChartWorkspace *charts() const { return m_charts; }
    /// The Source viewer, Unsupported Facts and grading (ui/sourceviewer).
    EvidenceUi *evidenceUi() const { return m_evidence; }
    IntegrityActions *integrityActions() const { return m_integrity; }
    /// Notes, Leads and tags (their docks, menus and filters).
    AnnotationsPanel *annotations() const { return m_annotations; }
    GlobalSearch *globalSearch() const { return m_search; }
    ScreeningActions *screeningActions() const { return m_screening; }
    TimelineDock *timelineDock() const { return m_timeline; }
    ChartWorkspace *chartWorkspace() const { return m_charts; }
    /// Analysis → Find Paths… and Diversion Paths… (ui/analysis).
    PathsDock *pathsDock() const { return m_paths; }
    /// Analysis → Ownership Exposure… (the 50% rule).
    ExposureDock *exposureDock() const { return m_exposure; }

    /// File → Save As without the file dialog: copies the case to `path` on a worker thread, with
    /// a progress dialog and Cancel, then continues in the copy. copySaved() tells the outcome.
    void saveCopyAs(const QString &path);

    /// Shows an entity in the Inspector (and its source, if it holds one).
    void showEntity(qint64 rowId);
    /// Processes events until the Entities dock has its rows (or the time runs out).
    bool waitUntilLoaded(int timeoutMs);
    /// Whether errors open a message box (the default) or go to stderr (--screenshot).
    void setInteractive(bool interactive) { m_interactive = interactive; }
    /// Saves and restores the dock layout and window geometry in QSettings (off: default layout).
    void setLayoutPersistence(bool enabled) { m_persistLayout = enabled; }
    /// The saved window geometry and dock layout; without them (the first run), the default
    /// layout, maximized on a screen smaller than it.
    void restoreLayout();
    /// The default size and dock arrangement.
    void resetLayout();

Q_SIGNALS:
    /// A Save As ended: `saved` false when it failed or was cancelled (nothing written).
    void copySaved(const QString &path, bool saved);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setupActions();
    void setupMenus();
    void setupToolBar();
    void setupDocks();
    void setupStatusBar();

    void newCase();
    void openCaseDialog();
    void saveCaseAs();
    void updateRecentMenu();
    void openRecent(const QString &path);
    void newEntity();
    void deleteEntity();
    void newRelationship(const QString &schema = {});
    void about();
    void showError(const QString &title, const QString &message);
    void updateTitle();
    void updateStatus();
    void updateActions();

    RecentFiles *m_recentFiles = nullptr;
    std::unique_ptr<Models::CaseFile> m_case;
    std::unique_ptr<Models::CaseEditor> m_editor;
    EntitiesDock *m_entities = nullptr;
    InspectorDock *m_inspector = nullptr;
    SourcesDock *m_sources = nullptr;
    ChartWorkspace *m_charts = nullptr;
    EvidenceUi *m_evidence = nullptr;
    TimelineDock *m_timeline = nullptr;
    PathsDock *m_paths = nullptr;
    ExposureDock *m_exposure = nullptr;
    GlobalSearch *m_search = nullptr;
    ImportExportController *m_importExport = nullptr;
    IntegrityActions *m_integrity = nullptr;
    AnnotationsPanel *m_annotations = nullptr;
    ScreeningActions *m_screening = nullptr;
    QLabel *m_statusCounts = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QByteArray m_defaultState;
    DefaultDockWidths *m_dockWidths = nullptr; ///< the side docks' share of a narrow window
    bool m_interactive = true;
    bool m_persistLayout = true;

    QAction *m_newCaseAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_newEntityAction = nullptr;
    QAction *m_deleteEntityAction = nullptr;
    QAction *m_newRelationshipAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_searchAllAction = nullptr;
    QAction *m_resetLayoutAction = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class InspectorDock;
class SourcesDock;
class SourceViewer;
class UnsupportedFactsDock;

/// The evidence part of the main window: the Source viewer dock, the Unsupported Facts dock
/// and the Grading Scheme dialog, wired to the Sources dock (double-click opens a source) and
/// the Inspector (a passage opens the viewer there; the entity shown is the Attach dialog's
/// default). MainWindow creates one, hands it each case and adds its actions to its menus.
class EvidenceUi final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvidenceUi)
public:
    EvidenceUi(QMainWindow *window, SourcesDock *sources, InspectorDock *inspector);
    ~EvidenceUi() override;

    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    /// View: the two docks; Edit: Grading Scheme…; Analysis: Unsupported Facts.
    void addToMenus(QMenu *edit, QMenu *view, QMenu *analysis);
    /// Puts the docks at their default places (beside the Sources dock).
    void resetLayout();
    void openSource(qint64 sourceId);
    void openExcerpt(qint64 sourceId, qint64 excerptId);

    SourceViewer *viewer() const { return m_viewer; }
    QDockWidget *viewerDock() const { return m_viewerDock; }
    UnsupportedFactsDock *unsupportedDock() const { return m_unsupported; }
    QAction *gradingSchemeAction() const { return m_gradingScheme; }

Q_SIGNALS:
    void entityActivated(qint64 rowId);

private:
    void editGradingScheme();
    void raiseViewer();

    QMainWindow *m_window = nullptr;
    SourcesDock *m_sources = nullptr;
    InspectorDock *m_inspector = nullptr;
    SourceViewer *m_viewer = nullptr;
    QDockWidget *m_viewerDock = nullptr;
    UnsupportedFactsDock *m_unsupported = nullptr;
    QAction *m_gradingScheme = nullptr;
    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>
#include <QObject>

class QAction;
class QLabel;
class QListWidget;
class QTabWidget;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class ChartPanel;

/// The charts of the open case: a tab per open chart (the main window's central widget) and the
/// Charts dock listing every chart with New, Open, Rename and Delete. MainWindow creates one,
/// calls setCase() and wires entitySelected() to the Inspector.
class ChartWorkspace final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartWorkspace)
public:
    explicit ChartWorkspace(QWidget *window);
    ~ChartWorkspace() override;

    QTabWidget *tabs() const { return m_tabs; }
    QDockWidget *dock() const { return m_dock; }
    /// New Chart…, Open Chart, Rename…, Delete…, Add to Chart (for menus).
    QAction *newChartAction() const { return m_newAction; }
    QAction *addToChartAction() const { return m_addAction; }

    /// Shows the charts of this case (nullptr closes every tab). Edits go on the editor's stack.
    /// Opens the first chart when the case has any.
    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    /// Opens (or switches to) a chart's tab.
    ChartPanel *openChart(qint64 chartId);
    ChartPanel *currentPanel() const;
    /// Creates a chart; returns its id (0 when refused, with a message).
    qint64 createChart(const QString &name);
    /// Adds entities to the current chart (creating "Chart 1" when none is open).
    void addToCurrentChart(const QList<qint64> &rowIds);
    /// Puts these entities on the current chart (a new one when none is open) in one undoable step
    /// and highlights exactly them and these relationships (ChartView::showPath: a path when there
    /// is one relationship fewer than entities, in path order). For the Paths and Exposure docks.
    void showOnChart(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds);

Q_SIGNALS:
    void entitySelected(qint64 rowId);
    void statusMessage(const QString &message);

private:
    void refreshList();
    void newChart();
    void renameChart();
    void deleteChart();
    qint64 listedChart() const;
    void closeTab(int index);
    void updateActions();
    void updatePlaceholder();
    /// The current chart's panel, or "Chart N" created and opened when none is open.
    ChartPanel *currentOrNewPanel();

    QWidget *m_window = nullptr;
    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
    QTabWidget *m_tabs = nullptr;
    QDockWidget *m_dock = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_placeholder = nullptr; ///< the tab shown while no chart is open
    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_renameAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_addAction = nullptr;
};

} // namespace Casegraph::Ui

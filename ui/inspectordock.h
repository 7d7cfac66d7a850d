// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTimer;
class QToolBar;
class QTreeView;
class QVBoxLayout;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
class PropertiesModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// The Inspector dock: the current entity's schema, id and values, where each value came from
/// and the passages that support it, and what refers to it. Values are added, changed (F2,
/// double-click) and removed (Del) here, each an undoable command.
class InspectorDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorDock)
public:
    explicit InspectorDock(QWidget *parent = nullptr);
    ~InspectorDock() override;

    /// Shows entities of this case; edits go through `editor` (nullptr: read-only).
    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    void setEntity(qint64 rowId);
    qint64 entityRowId() const;
    Models::PropertiesModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    /// The line under the name: schema, the ends of a relationship, id, source file.
    QString metaText() const;
    /// Holds the value actions; MainWindow adds the entity actions.
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *addValueAction() const { return m_addValue; }
    QAction *editValueAction() const { return m_editValue; }
    QAction *removeValueAction() const { return m_removeValue; }

    /// Adds a widget under the entity's name (such as its tags).
    void addHeaderWidget(QWidget *widget);

    /// Shows an error under the header until the next edit (errors of edits made here).
    void showError(const QString &message);

Q_SIGNALS:
    /// Open this entity (a double-clicked reference).
    void entityActivated(qint64 rowId);
    /// Show this quoted passage in its source.
    void excerptActivated(qint64 sourceId, qint64 excerptId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Shares the tree's width: the value keeps the most of it, the property and source columns
    /// a share each within a readable range, until the user sizes a column.
    void fitColumns();
    /// Makes a wrapped header label at least as tall as its text at its width.
    static void keepWholeLines(QLabel *label);
    void addValue();
    void editValue();
    void removeValue();
    void activate(const QModelIndex &index);
    void updateHeader();
    void updateActions();
    void rememberCurrent();
    void restoreCurrent();
    void clearError();

    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
    Models::PropertiesModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_error = nullptr;
    QToolBar *m_toolBar = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    QTreeView *m_view = nullptr;
    QAction *m_addValue = nullptr;
    QAction *m_editValue = nullptr;
    QAction *m_removeValue = nullptr;
    QTimer *m_errorTimer = nullptr;
    // Where the cursor was before a reload, to put it back afterwards.
    qint64 m_currentValueId = 0;
    int m_currentSectionRow = -1;
    int m_currentRow = -1;
    bool m_fittingColumns = false;
    bool m_userColumns = false; ///< the user has sized a column: keep their widths
};

} // namespace Casegraph::Ui

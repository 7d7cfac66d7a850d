// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "screening/referencelists.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStandardItemModel;
class QTableView;
class QTextBrowser;
class QThread;

namespace Casegraph::Models {
class CaseEditor;
}

namespace Casegraph::Ui {

/// Analysis → Screen…: screens all or the selected case entities against a loaded reference list
/// on a worker thread (its own CaseFile; progress and Cancel), lists the candidates (case entity,
/// listed entry, score, decision, explanation) and records Accept/Reject as undoable edits.
/// Modeless, so Edit → Undo in the main window works beside it; it follows decisions undone there.
class ScreeningDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreeningDialog)
public:
    enum Column { EntityColumn, EntryColumn, ScoreColumn, DecisionColumn, ExplanationColumn, ColumnCount };

    ScreeningDialog(Models::CaseEditor &editor, const QList<qint64> &selectedRowIds, QWidget *parent = nullptr);
    ~ScreeningDialog() override;

    /// Starts a screening with the current choices (the Screen button).
    void startScreening();
    bool isRunning() const { return m_thread != nullptr; }
    /// Records a decision on the current candidate (the Accept and Reject buttons).
    void decide(bool accept);

    QComboBox *listChooser() const { return m_list; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QRadioButton *selectedOnly() const { return m_selected; }
    QTableView *resultView() const { return m_view; }
    QStandardItemModel *resultModel() const { return m_model; }
    QPushButton *screenButton() const { return m_screen; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *rejectButton() const { return m_reject; }
    /// Undoes the latest decision; enabled only while a decision is the case's latest edit.
    QPushButton *undoButton() const { return m_undo; }
    QPushButton *loadListButton() const { return m_loadList; }
    QTextBrowser *detailsView() const { return m_details; }
    QLabel *statusLabel() const { return m_status; }
    const QList<Models::ScreeningMatch> &matches() const { return m_matches; }

    /// The threshold setting (QSettings "screening/threshold"), 0.72 by default.
    static double savedThreshold();

Q_SIGNALS:
    /// A screening finished (or failed, or was cancelled) and the table shows its result.
    void screeningFinished();
    /// The user asked to see a candidate's case entity (Enter or a double click on its row).
    void entityActivated(qint64 rowId);
    /// The user asked to load a list (the Load List… button).
    void loadListRequested();

protected:
    void reject() override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reloadLists();
    void finishScreening(const std::shared_ptr<Models::Result<Models::ScreeningOutcome>> &outcome);
    void refreshDecisions();
    void updateDetails();
    void setRunning(bool running);
    void activateCurrent();
    QString decisionText(const Models::ScreeningMatch &match) const;

    Models::CaseEditor &m_editor;
    QList<qint64> m_selectedRowIds;
    QList<Models::ScreeningMatch> m_matches;
    qint64 m_versionId = 0; ///< the list version the shown candidates come from
    qint64 m_runId = 0;
    QComboBox *m_list = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_selected = nullptr;
    QPushButton *m_screen = nullptr;
    QPushButton *m_loadList = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTextBrowser *m_details = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_undo = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/exposurerun.h"
#include "core/result.h"

#include <QDockWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextEdit;
class QTimer;
class QToolButton;

namespace Casegraph::Models {
class CaseFile;
class ExposureFilterModel;
class ExposureTableModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class ExposureRunner;

/// The Exposure dock (Analysis → Ownership Exposure…): OFAC's 50% rule over the whole case.
/// Settings (threshold, an optional "as of" date, which Sanctions count), Run on a worker thread
/// (ExposureRunner, its own read-only connection) with Cancel; the results as a sortable,
/// filterable table with counts per verdict; the selected entity's chain of stakes down to the
/// listed owners in a read-only pane. Says so when the case changed after a run.
class ExposureDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposureDock)
public:
    explicit ExposureDock(QWidget *parent = nullptr);
    ~ExposureDock() override;

    /// The case to analyse (nullptr: none). The dock does not own it.
    void setCase(Models::CaseFile *caseFile);
    /// Analysis → Ownership Exposure…: shows and raises the dock.
    QAction *showAction() const { return m_showAction; }

    /// Starts a run with the settings shown (replacing one under way).
    void run();
    /// Stops the run under way; the dock is idle at once and keeps the previous results.
    void cancel();
    bool isRunning() const;
    /// Whether the case changed after the results shown were computed.
    bool isStale() const { return m_stale; }

    /// Which Sanctions count: empty lists count every accepted Sanction.
    Models::SanctionFilter sanctionFilter() const;
    void setSanctionFilter(const Models::SanctionFilter &filter);
    Models::ExposureOptions options() const;

    /// The explanation of the selected row as plain text, indented by two spaces per step.
    QString explanation() const;
    /// Copies the explanation to the clipboard (Ctrl+C).
    void copyExplanation();
    /// Writes the rows shown (filtered, in the shown order) as CSV.
    Models::Status exportCsv(const QString &path) const;
    /// Selects the row of this entity (FtM id); false when it is not shown.
    bool selectEntity(const QString &id);

    Models::ExposureTableModel *model() const { return m_model; }
    Models::ExposureFilterModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QCheckBox *asOfCheck() const { return m_asOfCheck; }
    QDateEdit *asOfEdit() const { return m_asOf; }
    QToolButton *listsButton() const { return m_listsButton; }
    QComboBox *verdictFilter() const { return m_verdictFilter; }
    QLineEdit *textFilter() const { return m_textFilter; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QPushButton *showOnChartButton() const { return m_chartButton; }
    QTextEdit *explanationView() const { return m_explanation; }
    QLabel *countsLabel() const { return m_counts; }
    QLabel *statusLabel() const { return m_status; }
    QWidget *staleBanner() const { return m_staleBanner; }
    QProgressBar *busyBar() const { return m_busy; }

Q_SIGNALS:
    /// The user asked for an entity (double-click or Enter on a row): show it in the Inspector.
    void entityActivated(qint64 rowId);
    /// Show on Chart: the entity and the owners on its chain, and the Ownerships between them.
    void showOnChartRequested(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds);
    /// A run ended (finished, failed or cancelled) and the dock is idle.
    void runEnded();

private:
    QWidget *makeSettingsRow();
    QWidget *makeFilterRow();
    QWidget *makeButtonRow();
    void setRunning(bool running, const QString &status = {});
    void applyRun(const std::shared_ptr<const Models::ExposureRun> &run);
    void applyLists(const Models::SanctionLists &lists);
    void updateListsButton();
    void updateCounts();
    void updateExplanation();
    void markChanged();
    void requestShowOnChart();
    void exportCsvDialog();
    int currentSourceRow() const;

    Models::CaseFile *m_case = nullptr;
    ExposureRunner *m_runner = nullptr;
    Models::ExposureTableModel *m_model = nullptr;
    Models::ExposureFilterModel *m_proxy = nullptr;
    Models::SanctionLists m_lists;        ///< offered in the Lists menu
    Models::SanctionFilter m_filter;      ///< chosen in it
    Models::ExposureOptions m_runOptions; ///< of the run shown
    bool m_stale = false;
    bool m_changedDuringRun = false;

    QAction *m_showAction = nullptr;
    QAction *m_copyAction = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QCheckBox *m_asOfCheck = nullptr;
    QDateEdit *m_asOf = nullptr;
    QToolButton *m_listsButton = nullptr;
    QMenu *m_listsMenu = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_staleBanner = nullptr;
    QLabel *m_counts = nullptr;
    QComboBox *m_verdictFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QTableView *m_view = nullptr;
    QTextEdit *m_explanation = nullptr;
    QStringList m_explanationLines; ///< as ExposureTableModel::explanation() gives them (Ctrl+C copies these)
    QPushButton *m_chartButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTimer *m_listsTimer = nullptr;
};

} // namespace Casegraph::Ui

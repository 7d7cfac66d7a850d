// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pathsearch.h"

#include <QDockWidget>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Casegraph::Models {
class CaseFile;
class GraphProjection;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class EntityPicker;
class MainWindow;

/// The Paths dock (Analysis → Find Paths…, Diversion Paths…): how an entity reaches another
/// (every simple path, shortest first) or where a manufacturer's goods end up (diversion paths to
/// listed end users), as `casegraph-cli paths` and `diversion` compute them.
///
/// A form (mode, From/To pickers prefilled from the selected entity or the two selected chart
/// nodes, hops, relationship types, direction, as-of date, diversion options) runs a PathSearch on
/// a worker with its own read-only connection (Run, a busy bar, Cancel). The list shows each path
/// in a line; the table below shows the selected path's hops. Double-clicking an entity or a
/// relationship asks for it in the Inspector (entityActivated); Ctrl+C copies the selected path as
/// text; Show on Chart asks the window to put the path on the chart (showOnChartRequested). When
/// the case changes after a run, a banner says so and offers Run Again.
/// Thread affinity: the GUI thread.
class PathsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathsDock)
public:
    enum class Mode { Paths, Diversion };

    explicit PathsDock(MainWindow *window);
    ~PathsDock() override;

    /// Shows this case (nullptr: none); the dock does not own it.
    void setCase(Models::CaseFile *caseFile);
    /// Analysis → Find Paths… (Ctrl+Shift+P) and Diversion Paths….
    QAction *findPathsAction() const { return m_findAction; }
    QAction *diversionAction() const { return m_diversionAction; }
    /// The two actions in the Analysis menu, the dock's toggle in the View menu.
    void addTo(QMenu *analysis, QMenu *view);
    /// Shows and raises the dock in this mode, with From (and To) taken from the selection.
    void open(Mode mode);
    /// Starts a search with the form's values (what Run does); false with a message when the form is incomplete.
    bool run();
    void cancel();
    bool isRunning() const;

    Mode mode() const;
    void setMode(Mode mode);
    EntityPicker *fromPicker() const { return m_from; }
    EntityPicker *toPicker() const { return m_to; }
    /// Chooses an entity by row id in the From or To picker.
    void setFrom(qint64 rowId);
    void setTo(qint64 rowId);
    QSpinBox *maxHops() const { return m_hops; }
    QListWidget *typeList() const { return m_types; }
    QCheckBox *eitherDirection() const { return m_undirected; }
    QCheckBox *listedOnly() const { return m_listedOnly; }
    /// Diversion: "Also restricted by ownership ≥" and its threshold (the Exposure dock's setting).
    QCheckBox *ownershipRuleCheck() const { return m_thresholdOn; }
    QDoubleSpinBox *thresholdBox() const { return m_threshold; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *showOnChartButton() const { return m_showOnChart; }
    QAction *copyAction() const { return m_copyAction; }
    QListWidget *pathList() const { return m_paths; }
    QTableWidget *hopTable() const { return m_hopTable; }
    /// The message line: what was found, an error, "Cancelled." …
    QString statusText() const;
    QString warningText() const;
    /// Whether the "case changed since this run" banner shows.
    bool isStale() const;
    /// The last finished run (null before the first).
    std::shared_ptr<const PathOutcome> outcome() const { return m_outcome; }
    /// The row's path as the clipboard gets it.
    QString copyText(int row) const;
    /// Asks for the selected path on the chart (what Show on Chart does).
    void showSelectedOnChart();

Q_SIGNALS:
    void entityActivated(qint64 rowId);
    /// The path's entities in path order and its relationships (relationship k joins entity k and k + 1).
    void showOnChartRequested(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds);
    /// A run ended: results, an error or a cancel (tests wait for it).
    void searchEnded();

private:
    void buildForm(QWidget *form);
    QWidget *buildResults();
    void rebuildPickers();
    void refreshTypes();
    /// Whether a relationship type is ticked until the user says otherwise: every type for
    /// paths, Supply alone for diversion.
    bool tickedByDefault(const QString &schema) const;
    void applyModeDefaults();
    void updateModeWidgets();
    void setBusy(bool busy, const QString &text = {});
    void showError(const QString &message);
    void showOutcome(const std::shared_ptr<const PathOutcome> &outcome);
    void showHops();
    void copySelected();
    void markStale();
    std::optional<FoundPath> selectedPath() const;
    /// The entity the user has selected elsewhere: the chart's selection, else the Inspector's entity.
    QList<qint64> selectionElsewhere() const;

    MainWindow *m_window = nullptr;
    QPointer<Models::CaseFile> m_case;
    PathSearch *m_search = nullptr;
    std::shared_ptr<const Models::GraphProjection> m_graph; ///< reused until the case changes
    std::shared_ptr<const PathOutcome> m_outcome;
    QList<FoundPath> m_found;
    quint64 m_changes = 0;    ///< case changes seen (markStale)
    quint64 m_runChanges = 0; ///< m_changes when the running search started
    /// The per-schema counts the type list shows; empty while they are being counted.
    std::optional<QList<QPair<QString, qint64>>> m_countsShown;

    QAction *m_findAction = nullptr;
    QAction *m_diversionAction = nullptr;
    QAction *m_copyAction = nullptr;
    QComboBox *m_mode = nullptr;
    QWidget *m_fromBox = nullptr;
    QWidget *m_toBox = nullptr;
    QLabel *m_fromLabel = nullptr;
    EntityPicker *m_from = nullptr;
    EntityPicker *m_to = nullptr;
    QSpinBox *m_hops = nullptr;
    QListWidget *m_types = nullptr;
    QCheckBox *m_undirected = nullptr;
    QCheckBox *m_asOfOn = nullptr;
    QDateEdit *m_asOf = nullptr;
    QCheckBox *m_listedOnly = nullptr;
    QCheckBox *m_thresholdOn = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QWidget *m_diversionOptions = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_warning = nullptr;
    QWidget *m_staleBanner = nullptr;
    QListWidget *m_paths = nullptr;
    QTableWidget *m_hopTable = nullptr;
    QPushButton *m_showOnChart = nullptr;
    QPushButton *m_copy = nullptr;
};

} // namespace Casegraph::Ui

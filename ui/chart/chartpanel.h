// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartfilters.h"

#include <QDate>
#include <QWidget>

#include <utility>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSlider;
class QTimer;
class QToolBar;
class QToolButton;
class QUndoStack;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

struct ChartTagFilter;
class ChartLayoutRunner;
class ChartView;

/// One open chart: a toolbar (find, fit, layouts, filters, export), the ChartView, and the time
/// bar (all dates / as of a date / between two dates) under it. The controls show the view's
/// filters, which are saved with the chart (ChartFilters, ChartTags): after an undo or on
/// reopening they show the filter in force. Dragging a slider previews the chart at each day and
/// saves once, as one undo step, when the slider is released (keys: after a short pause).
class ChartPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)
public:
    ChartPanel(Models::CaseFile *caseFile, QUndoStack *undoStack, qint64 chartId, QWidget *parent = nullptr);
    ~ChartPanel() override;
    /// Never narrower than its tool bar's controls (the find field at its least), so that a small
    /// screen takes the room from the docks rather than hiding Export behind "»".
    QSize minimumSizeHint() const override;
    ChartView *view() const { return m_view; }
    qint64 chartId() const;

    /// Time bar modes.
    using TimeMode = ChartTime::Mode;
    /// These change the time filter (each an undo step), as the time bar's controls do.
    void setTimeMode(TimeMode mode);
    void setDates(const QDate &from, const QDate &to = {});
    void setTime(const ChartTime &time);
    /// Delay after a key moves a slider before the day is saved (a held key saves once).
    static constexpr int TimeCommitDelayMs = 600;
    /// Runs a layout by id ("hierarchical", "radial", "grid", "force" …) on the worker thread.
    void runLayout(const QString &id);
    bool isLayoutRunning() const;
    /// Asks for a file name and exports the chart (PNG, SVG, PDF).
    void exportChart();
    /// Filters the chart by tag (the Filter menu's Tags section) and says so on the Filter button.
    void setTagFilter(const ChartTagFilter &filter);
    QToolButton *filterButton() const { return m_filterButton; }
    /// The Measure button: Size by (nothing, degree, betweenness), Colour by (type, component).
    QToolButton *measureButton() const { return m_measureButton; }

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void buildToolBar();
    void buildTimeBar();
    /// Shows the view's time filter in the time bar (unless the user is moving a slider).
    void syncTimeBar();
    /// Sets the sliders' range (the chart's dates, a year of margin, up to today, and `time`'s
    /// days) and positions without signals.
    void showTimeInControls(const ChartTime &time);
    ChartTime timeFromControls() const;
    void updateTimeControls(const ChartTime &time);
    /// A slider moved: previews the day; saves when the move is over.
    void previewTime();
    void commitTime();
    void fillFilterMenu();
    void fillTagSection(QMenu *menu);
    void updateFilterButton();
    void showProgress(bool visible);
    // chartpanelmeasures.cpp
    void buildMeasureButton();
    void fillMeasureMenu();
    void cancelMeasuring();

    ChartView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLineEdit *m_find = nullptr;
    QToolButton *m_filterButton = nullptr;
    QToolButton *m_measureButton = nullptr;
    QComboBox *m_timeMode = nullptr;
    QSlider *m_fromSlider = nullptr;
    QSlider *m_toSlider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QAction *m_progressAction = nullptr;
    QAction *m_cancelAction = nullptr;
    ChartLayoutRunner *m_runner = nullptr;
    QDate m_first, m_last;
    QTimer *m_commitTimer = nullptr; ///< saves a slider moved by keys once they rest
};

} // namespace Casegraph::Ui

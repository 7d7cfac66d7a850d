// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

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
/// bar (all dates / as of a date / between two dates) under it.
class ChartPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)
public:
    ChartPanel(Models::CaseFile *caseFile, QUndoStack *undoStack, qint64 chartId, QWidget *parent = nullptr);
    ~ChartPanel() override;
    ChartView *view() const { return m_view; }
    qint64 chartId() const;

    /// Time bar modes.
    enum class TimeMode { All, AsOf, Range };
    void setTimeMode(TimeMode mode);
    void setDates(const QDate &from, const QDate &to = {});
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
    void updateTimeRange();
    void applyTime();
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
    std::pair<QDate, QDate> m_range; ///< as the chart reports it (invalid when undated)
    bool m_rangeSet = false;
    QStringList m_hiddenNodeSchemata, m_hiddenEdgeSchemata;
};

} // namespace Casegraph::Ui

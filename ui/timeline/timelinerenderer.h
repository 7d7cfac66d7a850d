// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timelinemodel.h"

#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QSet>
#include <QVector>

#include <memory>

class QPainter;

namespace Casegraph::Ui {

/// What a timeline shows: the window, lanes, toggles and selection. Shared by the view and the
/// exporters so that an export looks like the screen.
struct TimelineViewState {
    qint64 fromMs = 0; ///< visible window, ms since the epoch
    qint64 toMs = 0;
    Models::TimelineModel::LaneMode laneMode = Models::TimelineModel::LaneMode::Theme;
    bool showLag = false;            ///< draw the reporting lag (fact date -> date it became known)
    QSet<QString> selected;          ///< selected entity ids
    bool hasBrush = false;           ///< a brushed date range
    qint64 brushFrom = 0;
    qint64 brushTo = 0;
    int scrollY = 0;                 ///< lanes scrolled up by this many pixels
    int undatedScroll = 0;           ///< the undated list scrolled by this many lines
    Models::CurrencyRates rates;
    QString title;
    /// Export: no scrolling, every lane and undated fact laid out to fit the page.
    bool printMode = false;
};

/// A place on the drawing that answers a click or a tooltip.
struct TimelineHit {
    QList<int> items;  ///< indexes into TimelineModel::items()
    int undated = -1;  ///< index into TimelineModel::undated()
    bool isEmpty() const { return items.isEmpty() && undated < 0; }
};

/// Lays out and paints a timeline with QPainter: lanes of event markers and Gantt bars, partial
/// dates as fuzzy spans, amounts per currency, undated facts beside the axis.
///
/// Why custom painting rather than QtCharts series: a QScatterSeries/QBarSeries makes a graphics
/// item per point, which takes seconds for 50,000 events, and has no notion of a date that is a
/// span (a year, a month) or of labels that avoid each other. Here each paint walks only the
/// visible part of each lane (items sorted by time, binary search), merges markers that fall on
/// the same pixels, and places labels greedily in a few rows per lane, so a frame costs
/// milliseconds. The same routine paints the widget and the PNG/SVG/PDF exports.
class TimelineRenderer {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::TimelineRenderer)
public:
    TimelineRenderer();
    ~TimelineRenderer();

    void setModel(std::shared_ptr<const Models::TimelineModel> model);
    const Models::TimelineModel *model() const { return m_model.get(); }
    TimelineViewState &state() { return m_state; }
    const TimelineViewState &state() const { return m_state; }
    /// Call after changing the lane mode or selection in state().
    void updateLanes();
    void updateSelection();
    void setFont(const QFont &font);

    /// Sets the window to the data's extent with a margin (known-at dates too when the lag shows).
    void fit();
    /// Zooms by `factor` (< 1 zooms in) around the instant at `anchorMs`.
    void zoom(double factor, qint64 anchorMs);
    void pan(qint64 deltaMs);

    /// Computes the geometry for a drawing of this size; paint() and hitTest() use the last one.
    void layout(const QSizeF &size);
    void paint(QPainter &painter);
    TimelineHit hitTest(const QPointF &point) const;
    QString toolTip(const TimelineHit &hit) const;

    QRectF plotRect() const { return m_plot; }   ///< where time maps to x (axis and lanes)
    QRectF lanesRect() const { return m_lanes; } ///< the scrolling part of the plot
    QRectF undatedRect() const { return m_undatedRect; }
    int contentHeight() const { return m_contentHeight; } ///< all lanes, for scrolling
    /// Where the lane that holds item `index` lies in the last layout (drawing coordinates, the
    /// scroll applied); empty when no lane holds it.
    QRectF laneRectOf(int index) const;
    qreal xAt(qint64 ms) const;
    qint64 msAt(qreal x) const;
    /// Size a drawing needs to show every lane and undated fact at `width` (export).
    QSizeF preferredSize(qreal width) const;
    /// Counters of the last layout, for tests: labels drawn and markers merged or unlabelled.
    struct Stats {
        int markers = 0;
        int labels = 0;
        int unlabelled = 0;
        int intervals = 0;
        QList<QRectF> labelRects; ///< every label drawn on the lanes, in drawing coordinates
    };
    const Stats &stats() const { return m_stats; }
    /// One line of the undated list as laid out: `undated` indexes TimelineModel::undated(), or
    /// says what else the line is.
    struct UndatedLine {
        enum : int { Title = -1, Subtitle = -2, ThemeHeading = -3, More = -4 };
        QRectF rect;
        QString text;
        int undated = Title;
        Models::TimelineTheme theme{};
    };
    /// The undated list of the last layout, in reading order (column by column).
    const QList<UndatedLine> &undatedLines() const { return m_undatedLines; }

private:
    struct Cluster;
    struct LaneGeometry;
    struct Label;
    void layoutLanes();
    struct UndatedSlot {
        int line; ///< index into the lines
        int slot; ///< row + column * rows per column
    };
    /// The undated list's lines in order, not yet placed (headings get their text at layout).
    QList<UndatedLine> undatedEntries() const;
    /// Places `lines` in slots; returns the index of the first line that did not fit.
    static int flowUndated(const QList<UndatedLine> &lines, int first, int perColumn, int capacity,
                           QList<UndatedSlot> &placed);
    /// Columns the whole list takes at `perColumn` rows each.
    static int undatedColumns(const QList<UndatedLine> &lines, int perColumn);
    /// Rows per column of the undated list in a drawing `height` high.
    static int undatedRowsFor(qreal height);
    void layoutUndated(QList<UndatedLine> lines);
    void paintHeader(QPainter &p) const;
    void paintAxis(QPainter &p) const;
    void paintLanes(QPainter &p) const;
    void paintAmounts(QPainter &p) const;
    void paintUndated(QPainter &p) const;
    qreal labelWidth(int item) const;
    QString clusterLabel(const Cluster &c) const;
    int representative(const Cluster &c) const;

    std::shared_ptr<const Models::TimelineModel> m_model;
    TimelineViewState m_state;
    QList<Models::TimelineLane> m_laneData;
    QVector<bool> m_highlighted; ///< per item
    mutable QVector<float> m_labelWidth; ///< per item, -1 until measured
    QFont m_font;
    QFont m_small;
    QFont m_bold;
    QSizeF m_size;
    QRectF m_header, m_plot, m_axis, m_lanes, m_amounts, m_undatedRect, m_gutter;
    int m_contentHeight = 0;
    std::vector<LaneGeometry> m_lanesGeo;
    QList<Models::AmountSeries> m_series;
    QList<UndatedLine> m_undatedLines;
    int m_undatedHidden = 0;
    QList<QPair<QRectF, TimelineHit>> m_hits;
    qsizetype m_layoutHits = 0;
    Stats m_stats;
};

/// The colour of a theme (Okabe–Ito, distinguishable with the common colour-vision deficiencies).
QColor timelineThemeColor(Models::TimelineTheme theme);

} // namespace Casegraph::Ui

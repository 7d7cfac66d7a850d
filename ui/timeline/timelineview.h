// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ftmdate.h"
#include "timelinerenderer.h"

#include <QAbstractScrollArea>
#include <QStringList>

#include <memory>

namespace Casegraph::Ui {

/// The timeline widget: lanes of events and intervals over a zoomable time axis, with the
/// undated facts beside it.
///
/// Mouse: wheel zooms around the pointer, Shift+wheel (or a trackpad's horizontal swipe) pans,
/// dragging pans, Ctrl+drag zooms to the dragged range, Shift+drag brushes a date range
/// (dateRangeBrushed). Click selects the facts under the pointer (Ctrl+click adds).
/// Keyboard: +/- zoom, Left/Right pan, Up/Down/PageUp/PageDown scroll the lanes, Home or F fits
/// the data, Escape clears the brush and the selection, Ctrl+Right/Ctrl+Left select the next or
/// previous fact in time (as a click does: the Inspector shows it) and bring it into view.
class TimelineView final : public QAbstractScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModel(std::shared_ptr<const Models::TimelineModel> model);
    const Models::TimelineModel *model() const { return m_renderer.model(); }
    TimelineRenderer &renderer() { return m_renderer; }
    const TimelineViewState &state() const { return m_renderer.state(); }

    void setLaneMode(Models::TimelineModel::LaneMode mode);
    void setShowLag(bool show);
    void setRates(const Models::CurrencyRates &rates);
    void setTitle(const QString &title);
    /// Shows [from, to] (ms since the epoch).
    void setWindow(qint64 fromMs, qint64 toMs);
    /// The brushed range, if any, becomes the window.
    void zoomToBrush();
    QSize sizeHint() const override { return QSize(1000, 420); }

public Q_SLOTS:
    void fitToData();
    void zoomIn();
    void zoomOut();
    /// Highlights the facts of these entities (FtM ids); emits nothing.
    void setSelectedEntities(const QStringList &entityIds);
    /// Selects the next (+1) or previous (-1) dated fact in time, as a click on it would, and
    /// brings it into view; false when there is none.
    bool stepFact(int direction);

Q_SIGNALS:
    /// The user selected facts: the ids of their entities (empty: selection cleared).
    void entitiesSelected(const QStringList &entityIds);
    /// The user clicked one entity's fact: its row, for the Inspector.
    void entityActivated(qint64 rowId);
    /// The user brushed a date range (Shift+drag); day precision.
    void dateRangeBrushed(const Casegraph::Models::FtmDate &from, const Casegraph::Models::FtmDate &to);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    enum class Drag { None, Pan, Zoom, Brush };
    void relayout();
    void updateScrollBar();
    void selectAt(const QPointF &pos, bool add);

    TimelineRenderer m_renderer;
    std::shared_ptr<const Models::TimelineModel> m_model;
    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    qint64 m_pressMs = 0;
    int m_stepped = -1; ///< the item stepFact() selected last (index into the model's items)
    bool m_moved = false;
    QRectF m_rubberBand;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
FtmDate dayOf(qint64 ms)
{
    return FtmDate::parse(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate));
}
} // namespace

TimelineView::TimelineView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("TimelineView"));
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true);
    viewport()->setCursor(Qt::OpenHandCursor);
    setAccessibleName(tr("Timeline"));
    setWhatsThis(tr("Wheel: zoom · Shift+wheel: pan · drag: pan · Ctrl+drag: zoom to range · Shift+drag: brush a "
                    "date range · +/-: zoom · arrows: pan and scroll · Home: fit"));
    m_renderer.setFont(font());
    setMinimumHeight(160);
}

TimelineView::~TimelineView() = default;

void TimelineView::setModel(std::shared_ptr<const TimelineModel> model)
{
    m_model = std::move(model);
    m_stepped = -1;
    m_renderer.setModel(m_model);
    m_renderer.state().scrollY = 0;
    m_renderer.fit();
    relayout();
}

void TimelineView::setLaneMode(TimelineModel::LaneMode mode)
{
    m_renderer.state().laneMode = mode;
    m_renderer.state().scrollY = 0;
    m_renderer.updateLanes();
    relayout();
}

void TimelineView::setShowLag(bool show)
{
    m_renderer.state().showLag = show;
    relayout();
}

void TimelineView::setRates(const CurrencyRates &rates)
{
    m_renderer.state().rates = rates;
    relayout();
}

void TimelineView::setTitle(const QString &title)
{
    m_renderer.state().title = title;
    viewport()->update();
}

void TimelineView::setWindow(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs) {
        return;
    }
    m_renderer.state().fromMs = fromMs;
    m_renderer.state().toMs = toMs;
    relayout();
}

void TimelineView::zoomToBrush()
{
    const auto &s = m_renderer.state();
    if (s.hasBrush) {
        setWindow(std::min(s.brushFrom, s.brushTo), std::max(s.brushFrom, s.brushTo));
    }
}

void TimelineView::fitToData()
{
    m_renderer.fit();
    relayout();
}

void TimelineView::zoomIn()
{
    const auto &s = m_renderer.state();
    m_renderer.zoom(0.8, (s.fromMs + s.toMs) / 2);
    relayout();
}

void TimelineView::zoomOut()
{
    const auto &s = m_renderer.state();
    m_renderer.zoom(1.25, (s.fromMs + s.toMs) / 2);
    relayout();
}

void TimelineView::setSelectedEntities(const QStringList &entityIds)
{
    const QSet<QString> ids(entityIds.begin(), entityIds.end());
    if (ids == m_renderer.state().selected) {
        return;
    }
    m_renderer.state().selected = ids;
    m_renderer.updateSelection();
    relayout();
}

void TimelineView::relayout()
{
    m_renderer.layout(viewport()->size());
    updateScrollBar();
    viewport()->update();
}

void TimelineView::updateScrollBar()
{
    const int page = int(m_renderer.lanesRect().height());
    const int max = std::max(0, m_renderer.contentHeight() - page);
    QScrollBar *bar = verticalScrollBar();
    const QSignalBlocker block(bar);
    bar->setRange(0, max);
    bar->setPageStep(std::max(1, page));
    bar->setSingleStep(20);
    if (m_renderer.state().scrollY > max) {
        m_renderer.state().scrollY = max;
        m_renderer.layout(viewport()->size());
    }
    bar->setValue(m_renderer.state().scrollY);
}

void TimelineView::scrollContentsBy(int, int)
{
    m_renderer.state().scrollY = verticalScrollBar()->value();
    m_renderer.layout(viewport()->size());
    viewport()->update();
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    m_renderer.paint(p);
    if (!m_rubberBand.isNull()) {
        p.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        p.setBrush(QColor(0, 114, 178, 30));
        p.drawRect(m_rubberBand);
    }
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    relayout();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPointF pos = event->position();
    if (m_renderer.undatedRect().contains(pos)) {
        auto &scroll = m_renderer.state().undatedScroll;
        scroll = std::max(0, scroll - event->angleDelta().y() / 40);
        relayout();
        return;
    }
    const QPoint delta = event->angleDelta();
    const auto &s = m_renderer.state();
    const qint64 span = s.toMs - s.fromMs;
    if (event->modifiers() & Qt::ShiftModifier || std::abs(delta.x()) > std::abs(delta.y())) {
        const int d = delta.x() != 0 ? delta.x() : delta.y();
        m_renderer.pan(-qint64(double(span) * d / 1200.0));
    } else if (event->modifiers() & Qt::AltModifier) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y() / 2);
        return;
    } else {
        const double factor = std::pow(0.85, delta.y() / 120.0);
        m_renderer.zoom(factor, m_renderer.msAt(std::clamp(pos.x(), m_renderer.plotRect().left(),
                                                           m_renderer.plotRect().right())));
    }
    relayout();
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_pressMs = m_renderer.msAt(event->position().x());
    m_moved = false;
    if (event->button() != Qt::LeftButton) {
        return;
    }
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Brush;
    } else if (event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier)) {
        m_drag = Drag::Zoom;
    } else {
        m_drag = Drag::Pan;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::None) {
        return;
    }
    if ((pos - m_pressPos).manhattanLength() > 3) {
        m_moved = true;
    }
    if (!m_moved) {
        return;
    }
    const QRectF plot = m_renderer.plotRect();
    if (m_drag == Drag::Pan) {
        const QPointF d = pos - m_lastPos;
        const auto &s = m_renderer.state();
        m_renderer.pan(-qint64(double(s.toMs - s.fromMs) * d.x() / std::max<qreal>(1, plot.width())));
        verticalScrollBar()->setValue(verticalScrollBar()->value() - int(d.y()));
        m_lastPos = pos;
        relayout();
        return;
    }
    const qreal x0 = std::clamp(std::min(m_pressPos.x(), pos.x()), plot.left(), plot.right());
    const qreal x1 = std::clamp(std::max(m_pressPos.x(), pos.x()), plot.left(), plot.right());
    m_rubberBand = QRectF(x0, plot.top(), x1 - x0, m_renderer.lanesRect().bottom() - plot.top());
    if (m_drag == Drag::Brush) {
        auto &s = m_renderer.state();
        s.hasBrush = true;
        s.brushFrom = m_renderer.msAt(x0);
        s.brushTo = m_renderer.msAt(x1);
        m_rubberBand = {};
    }
    viewport()->update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    viewport()->setCursor(Qt::OpenHandCursor);
    m_rubberBand = {};
    if (!m_moved) {
        if (event->button() == Qt::LeftButton) {
            selectAt(event->position(), event->modifiers() & Qt::ControlModifier);
        }
        viewport()->update();
        return;
    }
    const qint64 a = m_pressMs, b = m_renderer.msAt(event->position().x());
    if (drag == Drag::Zoom && std::abs(b - a) > 3600000) {
        setWindow(std::min(a, b), std::max(a, b));
    } else if (drag == Drag::Brush) {
        const auto &s = m_renderer.state();
        Q_EMIT dateRangeBrushed(dayOf(std::min(s.brushFrom, s.brushTo)), dayOf(std::max(s.brushFrom, s.brushTo)));
        viewport()->update();
    } else {
        viewport()->update();
    }
}

void TimelineView::selectAt(const QPointF &pos, bool add)
{
    const TimelineHit hit = m_renderer.hitTest(pos);
    QStringList ids;
    qint64 row = 0;
    if (hit.undated >= 0) {
        const auto &item = m_model->undated().at(hit.undated);
        ids << item.entityId;
        row = item.entityRowId;
    }
    for (int index : hit.items) {
        const auto &item = m_model->items().at(index);
        if (!ids.contains(item.entityId)) {
            ids << item.entityId;
        }
        row = row ? row : item.entityRowId;
    }
    if (add) {
        for (const QString &id : std::as_const(m_renderer.state().selected)) {
            if (!ids.contains(id)) {
                ids << id;
            }
        }
    }
    m_stepped = hit.items.isEmpty() ? -1 : hit.items.first(); // Ctrl+Right goes on from here
    setSelectedEntities(ids);
    Q_EMIT entitiesSelected(ids);
    if (row && hit.items.size() + (hit.undated >= 0 ? 1 : 0) >= 1) {
        Q_EMIT entityActivated(row);
    }
}

bool TimelineView::stepFact(int direction)
{
    if (!m_model || m_model->items().isEmpty()) {
        return false;
    }
    // In time order (ties by position in the model), the facts with a start; open starts are
    // left out: they have no place to step to.
    const auto &items = m_model->items();
    QList<int> order;
    order.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
        if (!items.at(i).openStart()) {
            order << i;
        }
    }
    std::stable_sort(order.begin(), order.end(), [&items](int a, int b) { return items.at(a).fromMs < items.at(b).fromMs; });
    if (order.isEmpty()) {
        return false;
    }
    qsizetype at = order.indexOf(m_stepped);
    if (at < 0) {
        // From the window's start (or its end, stepping back) when nothing was stepped to yet.
        const qint64 edge = direction > 0 ? m_renderer.state().fromMs : m_renderer.state().toMs;
        const auto before = std::count_if(order.cbegin(), order.cend(), [&](int i) {
            return direction > 0 ? items.at(i).fromMs < edge : items.at(i).fromMs <= edge;
        });
        at = direction > 0 ? before - 1 : before;
    }
    const qsizetype next = at + (direction > 0 ? 1 : -1);
    if (next < 0 || next >= order.size()) {
        return false;
    }
    m_stepped = order.at(next);
    const TimelineItem &item = items.at(m_stepped);
    auto &s = m_renderer.state();
    if (item.fromMs < s.fromMs || item.fromMs > s.toMs) {
        const qint64 width = s.toMs - s.fromMs;
        setWindow(item.fromMs - width / 2, item.fromMs + width / 2);
    }
    // And its lane into sight when it lies above or below the lanes shown.
    const QRectF lane = m_renderer.laneRectOf(m_stepped);
    const QRectF shown = m_renderer.lanesRect();
    if (!lane.isEmpty() && (lane.top() < shown.top() || lane.top() + std::min(lane.height(), shown.height()) > shown.bottom())) {
        verticalScrollBar()->setValue(verticalScrollBar()->value() + int(lane.top() - shown.top()));
    }
    setSelectedEntities({item.entityId});
    Q_EMIT entitiesSelected({item.entityId});
    if (item.entityRowId) {
        Q_EMIT entityActivated(item.entityRowId);
    }
    return true;
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const auto &s = m_renderer.state();
    const qint64 step = (s.toMs - s.fromMs) / 10;
    if ((event->key() == Qt::Key_Right || event->key() == Qt::Key_Left) && (event->modifiers() & Qt::ControlModifier)) {
        stepFact(event->key() == Qt::Key_Right ? 1 : -1);
        event->accept();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        m_renderer.pan(-step);
        relayout();
        break;
    case Qt::Key_Right:
        m_renderer.pan(step);
        relayout();
        break;
    case Qt::Key_Up:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Down:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_PageUp:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepSub);
        break;
    case Qt::Key_PageDown:
        verticalScrollBar()->triggerAction(QAbstractSlider::SliderPageStepAdd);
        break;
    case Qt::Key_Home:
    case Qt::Key_F:
        fitToData();
        break;
    case Qt::Key_Escape:
        m_renderer.state().hasBrush = false;
        setSelectedEntities({});
        Q_EMIT entitiesSelected({});
        viewport()->update();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = m_renderer.toolTip(m_renderer.hitTest(help->pos()));
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace Casegraph::Ui

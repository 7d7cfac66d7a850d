// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartView's input: mouse, wheel and gestures, keys, the context menu, drops from the Entities dock.
#include "chartview.h"
#include "chartcommands.h"
#include "chartgroups.h"
#include "chartpainter.h"

#include "core/grading.h"
#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "storage/entitystore.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMessageBox>
#include <QHelpEvent>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QToolTip>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const QString EntityIdsMime = EntityTableModel::entityRowIdsMimeType();
} // namespace

void ChartView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastPos = event->position();
    m_pressModifiers = event->modifiers();
    if (event->button() == Qt::MiddleButton) {
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton) {
        return;
    }
    const qint32 hit = nodeAtWidget(event->position());
    if (hit >= 0) {
        quint8 &f = m_data.nodeFlags[size_t(hit)];
        if (event->modifiers() & Qt::ControlModifier) {
            f ^= NodeSelected;
        } else if (event->modifiers() & Qt::ShiftModifier) {
            f |= NodeSelected;
        } else if (!(f & NodeSelected)) {
            setSelection({hit});
        }
        notifySelection();
        if ((f & NodeSelected) && m_data.nodeRowId[size_t(hit)] > 0) {
            Q_EMIT entitySelected(m_data.nodeRowId[size_t(hit)]);
        } else if (f & NodeGroup) {
            Q_EMIT statusMessage(tr("Group “%1”: double-click or Ctrl+Shift+G expands it.")
                                     .arg(ChartGroups::groupOf(m_data, hit)));
        }
        // Group nodes drag their (collapsed) members along.
        m_dragNodes = selection();
        for (const qint32 m : selectedEntityNodes()) {
            if (std::find(m_dragNodes.begin(), m_dragNodes.end(), m) == m_dragNodes.end()) {
                m_dragNodes.push_back(m);
            }
        }
        m_dragStart.clear();
        for (const qint32 i : m_dragNodes) {
            m_dragStart.push_back(m_data.position(i));
        }
        m_drag = Drag::Pending;
        return;
    }
    if (event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier)) {
        m_drag = Drag::Rubber;
        m_rubber = QRectF(event->position(), QSizeF());
    } else {
        // A line: its relationship, with the passages that state it, shows in the Inspector.
        const qint32 edge = ChartPainter::edgeAt(m_data, toWorld(event->position()), 6 / m_scale, visibleRect());
        if (!selection().empty() || hasSelectedEdge()) {
            setSelection({});
        }
        if (edge >= 0) {
            selectEdge(edge);
        }
        m_drag = Drag::Pan;
        setCursor(Qt::ClosedHandCursor);
    }
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    const QPointF delta = pos - m_lastPos;
    m_lastPos = pos;
    switch (m_drag) {
    case Drag::Pending:
        if ((pos - m_pressPos).manhattanLength() < 4) {
            return;
        }
        m_drag = Drag::MoveNodes;
        [[fallthrough]];
    case Drag::MoveNodes: {
        const QPointF shift = (pos - m_pressPos) / m_scale;
        for (size_t k = 0; k < m_dragNodes.size(); ++k) {
            const size_t i = size_t(m_dragNodes[k]);
            m_data.x[i] = float(m_dragStart[k].x() + shift.x());
            m_data.y[i] = float(m_dragStart[k].y() + shift.y());
        }
        update();
        break;
    }
    case Drag::Pan:
        panBy(-delta.toPoint());
        break;
    case Drag::Rubber:
        m_rubber.setBottomRight(pos);
        update();
        break;
    case Drag::None:
        break;
    }
}

void ChartView::mouseReleaseEvent(QMouseEvent *)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    unsetCursor();
    if (drag == Drag::MoveNodes) {
        QList<ChartNode> before, after;
        for (size_t k = 0; k < m_dragNodes.size(); ++k) {
            const qint32 i = m_dragNodes[k];
            if (m_data.nodeFlags[size_t(i)] & NodeGroup) {
                continue; // drawn at its members' centre
            }
            after << rowOf(i);
            before << after.last();
            before.last().x = m_dragStart[k].x();
            before.last().y = m_dragStart[k].y();
        }
        pushChange(before, after, m_dragNodes.size() == 1 ? tr("Move %1").arg(m_data.nodeLabel[size_t(m_dragNodes[0])])
                                                         : tr("Move %n Entities", nullptr, int(m_dragNodes.size())));
        m_grid.build(m_data);
    } else if (drag == Drag::Rubber) {
        const QTransform inv = worldTransform().inverted();
        std::vector<qint32> nodes = m_grid.nodesIn(m_data, inv.mapRect(m_rubber.normalized()));
        if (m_pressModifiers & (Qt::ShiftModifier | Qt::ControlModifier)) {
            for (const qint32 i : selection()) {
                nodes.push_back(i);
            }
        }
        setSelection(nodes);
    }
    m_dragNodes.clear();
    update();
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const qint32 hit = nodeAtWidget(event->position());
    if (hit >= 0 && m_case && !m_case->isReadOnly()) {
        m_drag = Drag::None;
        if (ChartGroups::isGroupNode(m_data, hit)) {
            setGroupCollapsed(ChartGroups::groupOf(m_data, hit), false);
        } else {
            expandInteractive(hit);
        }
    }
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    if (!pixels.isNull() && !(event->modifiers() & Qt::ControlModifier)) {
        // Trackpad two-finger scroll pans.
        m_topLeft -= QPointF(pixels) / m_scale;
        m_fitPending = false;
        update();
    } else if (angle.y() != 0) {
        zoomBy(std::pow(1.0015, angle.y()), event->position());
    }
    event->accept();
}

bool ChartView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value(), gesture->position());
            return true;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        // Sized or coloured by a measure: the node's name with its score and rank, its component.
        auto *help = static_cast<QHelpEvent *>(event);
        const qint32 hit = nodeAtWidget(help->pos());
        const QString text = hit >= 0 ? ChartMeasures::describe(m_data, hit) : QString();
        // A line: what it says, how well it is sourced, and that a click shows its passages.
        const qint32 edge = hit < 0 ? ChartPainter::edgeAt(m_data, toWorld(help->pos()), 6 / m_scale, visibleRect()) : -1;
        if (edge >= 0) {
            QToolTip::showText(help->globalPos(),
                               tr("%1 — %2\nClick to see the relationship and the passages that state it.")
                                   .arg(m_data.labels.value(m_data.edgeLabel[size_t(edge)]),
                                        supportLevelName(Confidence(m_data.edgeConfidence[size_t(edge)]))),
                               this);
        } else if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), m_data.nodeLabel[size_t(hit)] + QLatin1Char('\n') + text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    const int step = (event->modifiers() & Qt::ShiftModifier) ? 240 : 60;
    switch (event->key()) {
    case Qt::Key_Left:
        panBy(QPoint(-step, 0));
        return;
    case Qt::Key_Right:
        panBy(QPoint(step, 0));
        return;
    case Qt::Key_Up:
        panBy(QPoint(0, -step));
        return;
    case Qt::Key_Down:
        panBy(QPoint(0, step));
        return;
    case Qt::Key_Equal:
    case Qt::Key_Plus: // when no shortcut took it (Shift or keypad variants on some layouts)
        zoomBy(1.25);
        return;
    case Qt::Key_Minus:
        zoomBy(0.8);
        return;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitToView();
        return;
    case Qt::Key_Escape:
        setSelection({});
        clearHighlight();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    m_fitPending = false;
    update();
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    qint32 hit = nodeAtWidget(event->pos());
    if (event->reason() == QContextMenuEvent::Keyboard && !selection().empty()) {
        hit = selection().front(); // the Menu key acts on the selection, wherever the pointer is
    }
    if (hit >= 0 && !(m_data.nodeFlags[size_t(hit)] & NodeSelected)) {
        setSelection({hit});
        if (m_data.nodeRowId[size_t(hit)] > 0) {
            Q_EMIT entitySelected(m_data.nodeRowId[size_t(hit)]);
        }
    }
    updateActions();
    QMenu menu(this);
    if (hit >= 0 && ChartGroups::isGroupNode(m_data, hit)) {
        menu.addAction(m_collapseAction);
        menu.addAction(m_ungroupAction);
        menu.addSeparator();
        menu.addAction(m_hideAction);
        menu.addAction(m_pinAction);
        menu.addAction(m_removeAction);
    } else if (hit >= 0) {
        const qsizetype more = neighboursOf(hit).size();
        m_expandAction->setText(more > 0 ? tr("&Expand Neighbours (%1)").arg(more) : tr("&Expand Neighbours"));
        menu.addAction(m_expandAction);
        if (more > ExpandCap) {
            menu.addAction(tr("Show &All %1 Neighbours").arg(more), this, [this, hit] { expandNode(hit, -1); });
        }
        menu.addSeparator();
        menu.addAction(m_hideAction);
        const bool pinned = m_data.nodeFlags[size_t(hit)] & NodePinned;
        m_pinAction->setText(pinned ? tr("Un&pin") : tr("&Pin"));
        menu.addAction(m_pinAction);
        menu.addAction(m_groupAction);
        if (!ChartGroups::groupOf(m_data, hit).isEmpty()) {
            menu.addAction(m_collapseAction);
            menu.addAction(m_ungroupAction);
        }
        menu.addAction(m_removeAction);
        menu.addSeparator();
        menu.addAction(m_pathAction);
    }
    menu.addAction(m_clearPathAction);
    menu.addSeparator();
    menu.addAction(m_selectAllAction);
    menu.addAction(m_showHiddenAction);
    menu.addAction(m_fitAction);
    const bool atNode = event->reason() == QContextMenuEvent::Keyboard && hit >= 0;
    menu.exec(atNode ? mapToGlobal(worldTransform().map(m_data.position(hit)).toPoint()) : event->globalPos());
    m_expandAction->setText(tr("&Expand Neighbours"));
}

void ChartView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(EntityIdsMime) && m_chartId) {
        event->acceptProposedAction();
    }
}

void ChartView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(EntityIdsMime) && m_chartId) {
        event->acceptProposedAction();
    }
}

void ChartView::dropEvent(QDropEvent *event)
{
    QList<qint64> rows;
    for (const QByteArray &line : event->mimeData()->data(EntityIdsMime).split('\n')) {
        if (const qint64 row = line.trimmed().toLongLong(); row > 0) {
            rows << row;
        }
    }
    addEntities(rows, toWorld(event->position()));
    event->acceptProposedAction();
}

} // namespace Casegraph::Ui

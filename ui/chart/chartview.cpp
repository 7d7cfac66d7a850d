// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartview.h"
#include "chartcommands.h"
#include "chartgroups.h"
#include "chartloader.h"
#include "chartpainter.h"

#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "storage/entitystore.h"

#include <QAction>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr double MinScale = 0.0005;
constexpr double MaxScale = 8;
} // namespace

ChartView::ChartView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("ChartView"));
    setFocusPolicy(Qt::StrongFocus);
    setAcceptDrops(true);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Link chart"));
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(150);
    connect(m_reloadTimer, &QTimer::timeout, this, &ChartView::reload);
    createMeasureRunner();
    m_loader = new ChartLoader(this);
    connect(m_loader, &ChartLoader::progressed, this, [this] { update(); });
    connect(m_loader, &ChartLoader::loaded, this, [this](const std::shared_ptr<ChartData> &data) {
        m_loadButton->hide();
        setLoadedData(std::move(*data));
        if (std::exchange(m_reloadAfterLoad, false)) {
            scheduleReload();
        }
    });
    connect(m_loader, &ChartLoader::failed, this, [this](const QString &message) {
        m_loadButton->hide();
        m_loadError = message;
        Q_EMIT errorOccurred(tr("Cannot read the chart: %1").arg(message));
        update();
    });
    m_loadButton = new QPushButton(tr("Cancel"), this);
    m_loadButton->setObjectName(QStringLiteral("chartLoadButton"));
    m_loadButton->hide();
    connect(m_loadButton, &QPushButton::clicked, this, [this] {
        if (isLoading()) {
            cancelLoading();
        } else {
            reload();
        }
    });
    createActions();
    updateActions();
}

ChartView::~ChartView() = default;

QAction *ChartView::addViewAction(const QString &text, const QKeySequence &key, std::function<void()> slot)
{
    auto *action = new QAction(text, this);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, std::move(slot));
    addAction(action);
    m_actions << action;
    return action;
}

void ChartView::createActions()
{
    m_fitAction = addViewAction(tr("&Fit to View"), QKeySequence(Qt::Key_0), [this] { fitToView(); });
    m_zoomInAction = addViewAction(tr("Zoom &In"), QKeySequence(Qt::Key_Plus), [this] { zoomBy(1.25); });
    m_zoomOutAction = addViewAction(tr("Zoom &Out"), QKeySequence(Qt::Key_Minus), [this] { zoomBy(0.8); });
    m_expandAction = addViewAction(tr("&Expand Neighbours"), QKeySequence(Qt::Key_E), [this] {
        const auto sel = selection();
        if (sel.size() == 1) {
            expandInteractive(sel.front());
        }
    });
    m_hideAction = addViewAction(tr("&Hide"), QKeySequence(Qt::Key_H), [this] { hideSelection(); });
    m_showHiddenAction = addViewAction(tr("Show Hidden &Entities"), QKeySequence(Qt::SHIFT | Qt::Key_H), [this] { showAllHidden(); });
    m_pinAction = addViewAction(tr("&Pin"), QKeySequence(Qt::Key_P), [this] {
        const auto sel = selection();
        const bool allPinned = !sel.empty() && std::all_of(sel.begin(), sel.end(), [this](qint32 n) {
            return m_data.nodeFlags[size_t(n)] & NodePinned;
        });
        setSelectionPinned(!allPinned);
    });
    m_removeAction = addViewAction(tr("&Remove from Chart"), QKeySequence::Delete, [this] { removeSelection(); });
    createGroupActions();
    m_pathAction = addViewAction(tr("Highlight &Path Between Selected"), QKeySequence(Qt::CTRL | Qt::Key_P), [this] {
        if (!highlightSelectedPath()) {
            Q_EMIT statusMessage(tr("Select two connected entities to highlight the path between them."));
        }
    });
    m_clearPathAction = addViewAction(tr("&Clear Highlight"), QKeySequence(), [this] { clearHighlight(); });
    m_selectAllAction = addViewAction(tr("Select &All"), QKeySequence::SelectAll, [this] {
        std::vector<qint32> all;
        for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
            if (m_data.isVisible(i)) {
                all.push_back(i);
            }
        }
        setSelection(all);
    });
}

void ChartView::updateActions()
{
    const auto sel = selection();
    const bool writable = m_case && !m_case->isReadOnly() && m_stack;
    m_expandAction->setEnabled(writable && sel.size() == 1);
    for (QAction *a : {m_hideAction, m_pinAction, m_removeAction, m_groupAction}) {
        a->setEnabled(writable && !sel.empty());
    }
    m_showHiddenAction->setEnabled(writable);
    m_pathAction->setEnabled(sel.size() == 2);
    updateGroupActions();
}

void ChartView::setChart(CaseFile *caseFile, QUndoStack *undoStack, qint64 chartId)
{
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_stack = undoStack;
    m_chartId = caseFile ? chartId : 0;
    m_data = ChartData();
    ++m_dataVersion;
    m_tagFilter = {};
    m_chartTime = {};
    m_timePreview = false;
    m_hiddenNodeSchemata.clear();
    m_hiddenEdgeSchemata.clear();
    m_filtersRead = false;
    m_measure = {};
    m_measureRunner->cancel();
    if (m_case) {
        connect(m_case, &CaseFile::chartChanged, this, [this](qint64 id) {
            if (id == m_chartId && m_ownChange == 0) {
                scheduleReload();
            }
        });
        for (auto signal : {&CaseFile::entityAdded, &CaseFile::entityChanged, &CaseFile::entityRemoved,
                            &CaseFile::evidenceChanged}) {
            connect(m_case, signal, this, &ChartView::scheduleReload);
        }
        connect(m_case, &CaseFile::entitiesReset, this, &ChartView::scheduleReload);
        connect(m_case, &CaseFile::tagsChanged, this, [this] {
            loadTags(); // a deleted tag filters no more
            refilter();
        });
    }
    m_fitPending = true;
    reload();
}

void ChartView::scheduleReload()
{
    if (m_case && m_chartId) {
        m_reloadTimer->start();
    }
}

void ChartView::applyFilters()
{
    m_data.applyFilters(m_chartTime.filter(), m_hiddenNodeSchemata, m_hiddenEdgeSchemata);
    ChartTags::applyFilter(m_data, m_tagFilter);
    ChartGroups::apply(m_data, m_collapsed); // counts the members the filters leave
    m_grid.build(m_data);
    updateMeasures(); // last: over what is shown
}

std::pair<QDate, QDate> ChartView::dateRange() const
{
    qint32 lo = OpenEndDay, hi = OpenStartDay;
    for (size_t e = 0; e < m_data.edgeValidFrom.size(); ++e) {
        for (const qint32 d : {m_data.edgeValidFrom[e], m_data.edgeValidUntil[e]}) {
            if (d != OpenStartDay && d != OpenEndDay) {
                lo = std::min(lo, d);
                hi = std::max(hi, d);
            }
        }
    }
    if (lo > hi) {
        return {};
    }
    return {QDate::fromJulianDay(lo), QDate::fromJulianDay(hi)};
}

// --- view ---

QTransform ChartView::worldTransform() const
{
    return QTransform(m_scale, 0, 0, m_scale, -m_topLeft.x() * m_scale, -m_topLeft.y() * m_scale);
}

QPointF ChartView::toWorld(QPointF widgetPos) const
{
    return m_topLeft + widgetPos / m_scale;
}

QRectF ChartView::visibleRect() const
{
    return QRectF(m_topLeft, QSizeF(width() / m_scale, height() / m_scale));
}

QRectF ChartView::contentRect() const
{
    return m_data.nodeCount() <= 20000 ? ChartPainter::contentRect(m_data) : m_data.bounds();
}

void ChartView::fitToView()
{
    QRectF content = contentRect();
    if (content.isNull()) {
        content = QRectF(-200, -150, 400, 300);
    }
    content.adjust(-20, -20, 20, 20);
    if (width() <= 0 || height() <= 0) {
        m_fitPending = true;
        return;
    }
    // m_fitPending stays set: until the user zooms or pans, the chart keeps fitting the view as
    // the window lays itself out and resizes.
    const auto fitInto = [&](const QRectF &area) {
        m_scale = std::clamp(std::min(area.width() / content.width(), area.height() / content.height()), MinScale, 1.5);
        m_topLeft = content.center() - area.center() / m_scale;
        return m_scale;
    };
    fitInto(rect());
    if (legendCoversNodes()) {
        // The legend (bottom-left) would hide nodes: fit the chart above it or right of it,
        // whichever shows it larger.
        const QRectF legend = legendRect();
        const QRectF above(0, 0, width(), std::max(1.0, legend.top() - LegendMargin));
        const QRectF right(legend.right() + LegendMargin, 0, std::max(1.0, width() - legend.right() - LegendMargin), height());
        if (fitInto(above) < fitInto(right)) {
            fitInto(above);
        }
    }
    update();
}

void ChartView::zoomBy(double factor, QPointF anchor)
{
    const QPointF world = toWorld(anchor);
    m_scale = std::clamp(m_scale * factor, MinScale, MaxScale);
    m_topLeft = world - anchor / m_scale;
    m_fitPending = false;
    update();
}

void ChartView::panBy(QPoint pixels)
{
    if (pixels.isNull()) {
        return;
    }
    m_topLeft += QPointF(pixels) / m_scale;
    m_fitPending = false;
    m_panPending = true;
    update();
}

void ChartView::centreOn(qint32 node)
{
    if (node < 0 || node >= m_data.nodeCount()) {
        return;
    }
    if (m_scale < 0.6) {
        m_scale = 1; // close enough to read the label
    }
    m_topLeft = m_data.position(node) - QPointF(width() / 2.0, height() / 2.0) / m_scale;
    m_fitPending = false;
    update();
}

bool ChartView::findNode(const QString &text)
{
    const QString needle = text.trimmed();
    if (needle.isEmpty() || m_data.nodeCount() == 0) {
        return false;
    }
    const qint32 n = qint32(m_data.nodeCount());
    for (qint32 k = 1; k <= n; ++k) {
        const qint32 i = (m_findCursor + k + n) % n;
        const quint8 f = m_data.nodeFlags[size_t(i)];
        if ((m_data.isVisible(i) || (f & NodeCollapsed && !(f & (NodeHidden | NodeFiltered)))) &&
            !(f & NodeGroup) && m_data.nodeLabel[size_t(i)].contains(needle, Qt::CaseInsensitive)) {
            m_findCursor = i;
            // An entity inside a collapsed group is found as its group's node.
            const qint32 shown = (f & NodeCollapsed) ? ChartGroups::groupNode(m_data, ChartGroups::groupOf(m_data, i)) : i;
            setSelection({shown});
            centreOn(shown);
            Q_EMIT entitySelected(m_data.nodeRowId[size_t(i)]);
            return true;
        }
    }
    return false;
}

// --- selection ---

std::vector<qint32> ChartView::selection() const
{
    std::vector<qint32> out;
    for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
        if ((m_data.nodeFlags[size_t(i)] & NodeSelected) && m_data.isVisible(i)) {
            out.push_back(i);
        }
    }
    return out;
}

QList<qint64> ChartView::selectedRowIds() const
{
    QList<qint64> out;
    for (const qint32 i : selection()) {
        if (m_data.nodeRowId[size_t(i)] > 0) { // not a group node
            out << m_data.nodeRowId[size_t(i)];
        }
    }
    return out;
}

void ChartView::setSelection(const std::vector<qint32> &nodes)
{
    for (auto &f : m_data.nodeFlags) {
        f &= ~NodeSelected;
    }
    for (auto &f : m_data.edgeFlags) {
        f &= ~EdgeSelected;
    }
    for (const qint32 i : nodes) {
        m_data.nodeFlags[size_t(i)] |= NodeSelected;
    }
    notifySelection();
}

void ChartView::selectRowIds(const QList<qint64> &rowIds)
{
    std::vector<qint32> nodes;
    for (const qint64 row : rowIds) {
        qint32 i = m_data.indexOf(row);
        if (i >= 0 && (m_data.nodeFlags[size_t(i)] & NodeCollapsed)) {
            i = ChartGroups::groupNode(m_data, ChartGroups::groupOf(m_data, i)); // what shows it
        }
        if (i >= 0 && std::find(nodes.begin(), nodes.end(), i) == nodes.end()) {
            nodes.push_back(i);
        }
    }
    setSelection(nodes);
    // A relationship that is no node on this chart: its lines.
    QSet<qint64> relationships;
    for (const qint64 row : rowIds) {
        if (m_data.indexOf(row) < 0) {
            relationships.insert(row);
        }
    }
    markLines(relationships);
    update();
}

void ChartView::markLines(const QSet<qint64> &relationships)
{
    for (size_t e = 0; !relationships.isEmpty() && e < m_data.edgeFlags.size(); ++e) {
        if (relationships.contains(m_data.edgeRelationship[e]) && !(m_data.edgeFlags[e] & EdgeMerged)) {
            m_data.edgeFlags[e] |= EdgeSelected;
        }
    }
}

bool ChartView::hasSelectedEdge() const
{
    return std::any_of(m_data.edgeFlags.begin(), m_data.edgeFlags.end(), [](quint8 f) { return f & EdgeSelected; });
}

void ChartView::selectEdge(qint32 edge)
{
    const qint64 relationship = m_data.edgeRelationship[size_t(edge)];
    const QString label = m_data.labels.value(m_data.edgeLabel[size_t(edge)]);
    if (relationship <= 0 || (m_data.edgeFlags[size_t(edge)] & EdgeMerged)) {
        // A collapsed group's line stands for several relationships.
        Q_EMIT statusMessage(tr("“%1” joins a collapsed group: expand it (double-click) to see each relationship.").arg(label));
        return;
    }
    selectRowIds({relationship}); // every line of it (a Supply naming a manufacturer draws two)
    Q_EMIT statusMessage(tr("“%1”: the relationship and the passages that state it are in the Inspector.").arg(label));
    Q_EMIT entitySelected(relationship);
}

void ChartView::notifySelection()
{
    updateActions();
    update();
    Q_EMIT selectionChanged();
}

// --- edits ---

ChartNode ChartView::rowOf(qint32 node) const
{
    const size_t i = size_t(node);
    return ChartNode{m_data.nodeRowId[i], m_data.x[i], m_data.y[i], bool(m_data.nodeFlags[i] & NodePinned),
                     bool(m_data.nodeFlags[i] & NodeHidden), m_data.groups.value(m_data.nodeGroup[i])};
}

void ChartView::pushChange(const QList<ChartNode> &before, const QList<ChartNode> &after, const QString &text)
{
    if (!m_case || !m_stack || m_case->isReadOnly() || (before.isEmpty() && after.isEmpty())) {
        return;
    }
    // The view keeps positions as floats; storing the same values makes undo restore exactly
    // what the user saw, and reopening give the same positions.
    const auto asShown = [](QList<ChartNode> nodes) {
        for (auto &n : nodes) {
            n.x = double(float(n.x));
            n.y = double(float(n.y));
        }
        return nodes;
    };
    m_stack->push(new ChartNodesCommand(*m_case, m_chartId, asShown(before), asShown(after), text, this));
}

void ChartView::endOwnChange(const QList<ChartNode> &written, const QList<qint64> &removed)
{
    --m_ownChange;
    m_reloadAfterLoad = m_reloadAfterLoad || isLoading();
    bool inPlace = removed.isEmpty();
    for (const auto &n : written) {
        inPlace = inPlace && m_data.indexOf(n.entityRowId) >= 0;
    }
    if (!inPlace) {
        reload();
        return;
    }
    for (const auto &n : written) {
        const size_t i = size_t(m_data.indexOf(n.entityRowId));
        m_data.x[i] = float(n.x);
        m_data.y[i] = float(n.y);
        quint8 &f = m_data.nodeFlags[i];
        f = (f & ~(NodePinned | NodeHidden)) | (n.pinned ? NodePinned : 0) | (n.hidden ? NodeHidden : 0);
        qsizetype g = m_data.groups.indexOf(n.group);
        if (g < 0) {
            m_data.groups << n.group;
            g = m_data.groups.size() - 1;
        }
        m_data.nodeGroup[i] = quint16(g);
    }
    applyFilters();
    updateActions();
    Q_EMIT contentChanged();
    update();
}

void ChartView::addEntities(const QList<qint64> &rowIds, QPointF at)
{
    if (!m_case || !m_chartId) {
        return;
    }
    if (std::isnan(at.x())) {
        at = visibleRect().center();
    }
    // Relationship entities are edges, not nodes: add their ends.
    QList<qint64> nodes;
    QSet<qint64> seen;
    for (const qint64 row : rowIds) {
        const auto entity = m_case->entities().entity(row);
        if (!entity) {
            continue;
        }
        const Schema *schema = SchemaRegistry::instance().schema(entity->schema);
        QList<qint64> ends;
        if (schema && schema->isEdge()) {
            for (const QString &property : {schema->edgeSource, schema->edgeTarget}) {
                for (const QString &id : entity->valuesOf(property)) {
                    ends << m_case->entities().rowIdOf(id);
                }
            }
        } else {
            ends << row;
        }
        for (const qint64 end : ends) {
            if (end && m_data.indexOf(end) < 0 && !seen.contains(end)) {
                seen.insert(end);
                nodes << end;
            }
        }
    }
    if (nodes.isEmpty()) {
        Q_EMIT statusMessage(tr("Those entities are already on the chart."));
        return;
    }
    // A small spiral around the drop point keeps new nodes apart from each other.
    QList<ChartNode> after;
    for (qsizetype k = 0; k < nodes.size(); ++k) {
        const double r = k == 0 ? 0 : 90 * std::sqrt(double(k));
        const double a = double(k) * 2.4;
        after << ChartNode{nodes.at(k), at.x() + r * std::cos(a), at.y() + r * std::sin(a), false, false, {}};
    }
    pushChange({}, after, nodes.size() == 1 ? tr("Add to Chart") : tr("Add %n Entities to Chart", nullptr, int(nodes.size())));
    selectRowIds(nodes);
}

QList<qint64> ChartView::neighboursOf(qint32 node) const
{
    QList<qint64> out;
    if (!m_case || node < 0 || node >= m_data.nodeCount()) {
        return out;
    }
    const qint64 row = m_data.nodeRowId[size_t(node)];
    const auto entity = m_case->entities().entity(row);
    if (!entity) {
        return out;
    }
    QSet<qint64> seen{row};
    const auto consider = [&](const QString &id) {
        const qint64 r = m_case->entities().rowIdOf(id);
        if (r && !seen.contains(r) && m_data.indexOf(r) < 0) {
            seen.insert(r);
            const auto e = m_case->entities().row(r);
            const Schema *s = e ? SchemaRegistry::instance().schema(e->schema) : nullptr;
            if (s && !s->isEdge() && !s->isA(QStringLiteral("Sanction"))) {
                out << r;
            }
        }
    };
    // What points at the node: relationships (their other ends) and nodes that name it.
    for (const EntityRow &ref : m_case->entities().referencing(entity->id, 5000)) {
        const Schema *s = SchemaRegistry::instance().schema(ref.schema);
        if (!s || s->isA(QStringLiteral("Sanction"))) {
            continue;
        }
        if (s->isEdge()) {
            if (const auto rel = m_case->entities().entity(ref.rowId)) {
                for (const auto &v : rel->values) {
                    if ((v.flags & Reference) && v.value != entity->id) {
                        consider(v.value);
                    }
                }
            }
        } else {
            consider(ref.id);
        }
    }
    // What the node names itself (Contract.authority, Event.involved …), except its proof documents.
    for (const auto &v : entity->values) {
        if ((v.flags & Reference) && v.property != QLatin1String("proof")) {
            consider(v.value);
        }
    }
    return out;
}

int ChartView::expandNode(qint32 node, int limit)
{
    QList<qint64> rows = neighboursOf(node);
    if (limit >= 0 && rows.size() > limit) {
        rows = rows.mid(0, limit);
    }
    if (rows.isEmpty()) {
        Q_EMIT statusMessage(tr("No further neighbours of %1 in the case.").arg(m_data.nodeLabel[size_t(node)]));
        return 0;
    }
    const QPointF c = m_data.position(node);
    const double radius = std::max(240.0, double(rows.size()) * 70 / (2 * std::numbers::pi));
    QList<ChartNode> after;
    for (qsizetype k = 0; k < rows.size(); ++k) {
        const double a = 2 * std::numbers::pi * double(k) / double(rows.size()) - std::numbers::pi / 2;
        after << ChartNode{rows.at(k), c.x() + radius * std::cos(a), c.y() + radius * std::sin(a), false, false, {}};
    }
    pushChange({}, after, tr("Expand %1").arg(m_data.nodeLabel[size_t(node)]));
    return int(rows.size());
}

void ChartView::expandInteractive(qint32 node)
{
    const qsizetype total = neighboursOf(node).size();
    int limit = -1;
    if (total > ExpandCap) {
        QMessageBox box(QMessageBox::Question, tr("Expand Neighbours"),
                        tr("%1 has %2 neighbours that are not on the chart.")
                            .arg(m_data.nodeLabel[size_t(node)])
                            .arg(total),
                        QMessageBox::Cancel, this);
        QPushButton *some = box.addButton(tr("Add the first %1").arg(ExpandCap), QMessageBox::AcceptRole);
        QPushButton *all = box.addButton(tr("Show all %1").arg(total), QMessageBox::AcceptRole);
        box.setDefaultButton(some);
        box.exec();
        if (box.clickedButton() == some) {
            limit = ExpandCap;
        } else if (box.clickedButton() != all) {
            return;
        }
    }
    expandNode(node, limit);
}

void ChartView::changeSelectionFlags(quint8 set, quint8 clear, const QString &text)
{
    QList<ChartNode> before, after;
    for (const qint32 i : selectedEntityNodes()) {
        const ChartNode b = rowOf(i);
        ChartNode a = b;
        if (set & NodeHidden) {
            a.hidden = true;
        }
        if (set & NodePinned) {
            a.pinned = true;
        }
        if (clear & NodePinned) {
            a.pinned = false;
        }
        if (!(a == b)) {
            before << b;
            after << a;
        }
    }
    pushChange(before, after, text);
}

void ChartView::hideSelection()
{
    changeSelectionFlags(NodeHidden, 0, tr("Hide on Chart"));
}

void ChartView::showAllHidden()
{
    QList<ChartNode> before, after;
    for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
        if (m_data.nodeFlags[size_t(i)] & NodeHidden) {
            before << rowOf(i);
            after << before.last();
            after.last().hidden = false;
        }
    }
    pushChange(before, after, tr("Show Hidden Entities"));
}

void ChartView::setSelectionPinned(bool pinned)
{
    changeSelectionFlags(pinned ? NodePinned : 0, pinned ? 0 : NodePinned, pinned ? tr("Pin") : tr("Unpin"));
}

void ChartView::removeSelection()
{
    QList<ChartNode> before;
    for (const qint32 i : selectedEntityNodes()) {
        before << rowOf(i);
    }
    pushChange(before, {}, tr("Remove from Chart"));
}

void ChartView::applyPositions(const std::vector<QPointF> &positions, const QString &text)
{
    QList<ChartNode> before, after;
    // A collapsed group's members move with its node (and not where the layout put them).
    std::vector<QPointF> moved(positions);
    moved.resize(size_t(m_data.nodeCount()), QPointF(qQNaN(), qQNaN()));
    for (qint32 g = 0; g < m_data.nodeCount(); ++g) {
        if (!ChartGroups::isGroupNode(m_data, g)) {
            continue;
        }
        const QPointF p = moved[size_t(g)];
        const QPointF shift = std::isnan(p.x()) ? QPointF() : p - m_data.position(g);
        for (const qint32 m : ChartGroups::members(m_data, ChartGroups::groupOf(m_data, g))) {
            moved[size_t(m)] = shift.isNull() ? QPointF(qQNaN(), qQNaN()) : m_data.position(m) + shift;
        }
    }
    for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
        const QPointF p = moved[size_t(i)];
        if (std::isnan(p.x()) || (m_data.nodeFlags[size_t(i)] & (NodePinned | NodeGroup))) {
            continue;
        }
        const ChartNode b = rowOf(i);
        if (float(p.x()) == float(b.x) && float(p.y()) == float(b.y)) {
            continue;
        }
        before << b;
        after << b;
        after.last().x = p.x();
        after.last().y = p.y();
    }
    pushChange(before, after, text);
    fitToView();
}

bool ChartView::highlightSelectedPath()
{
    const auto sel = selection();
    if (sel.size() != 2) {
        return false;
    }
    const bool found = m_data.highlightPath(sel[0], sel[1]);
    // Remembered by row id, so that a reload keeps it.
    m_highlightRows.clear();
    m_highlightRelationships.clear();
    m_highlightAsPath = false;
    for (qint32 i = 0; i < m_data.nodeCount(); ++i) {
        if (m_data.nodeFlags[size_t(i)] & NodeHighlighted) {
            m_highlightRows << m_data.nodeRowId[size_t(i)];
        }
    }
    for (qint32 e = 0; e < m_data.edgeCount(); ++e) {
        if (m_data.edgeFlags[size_t(e)] & EdgeHighlighted) {
            m_highlightRelationships << m_data.edgeRelationship[size_t(e)];
        }
    }
    update();
    return found;
}

void ChartView::highlightRows(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds, bool asPath)
{
    m_highlightRows = entityRowIds;
    m_highlightRelationships = relationshipRowIds;
    m_highlightAsPath = asPath;
    m_data.highlightRows(entityRowIds, relationshipRowIds, asPath);
    update();
}

void ChartView::clearHighlight()
{
    m_highlightRows.clear();
    m_highlightRelationships.clear();
    m_data.clearHighlight();
    update();
}

// --- events ---

qint32 ChartView::nodeAtWidget(QPointF pos) const
{
    // At least 6 px of slack so that tiny nodes can still be picked.
    const float radius = float(std::max(double(ChartStyle::NodeRadius), 6 / m_scale));
    return m_grid.nodeAt(m_data, toWorld(pos), radius);
}

void ChartView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const bool panned = std::exchange(m_panPending, false);
    if (m_data.nodeCount() == 0) {
        painter.fillRect(rect(), Qt::white);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        QString text;
        if (isLoading()) {
            text = tr("Loading chart… %1 %").arg(m_loader->percent());
        } else if (m_loadCancelled) {
            text = tr("Loading the chart was cancelled.");
        } else if (!m_loadError.isEmpty()) {
            text = tr("Cannot read the chart: %1").arg(m_loadError);
        } else {
            text = m_chartId ? tr("This chart is empty.\nAdd entities from the Entities list "
                                  "(right-click → Add to Chart) or drag them here.")
                             : tr("No chart open.\nCreate or open one in the Charts list.");
        }
        painter.drawText(rect().adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap, text);
        return;
    }
    // The chart itself comes from the frame cache: drawn in full, or scrolled after a pan.
    const ChartFrame::View view{size(), devicePixelRatioF(), m_scale, m_topLeft};
    painter.drawImage(QPointF(0, 0), m_frame.render(m_data, m_dataVersion, view, panned || m_drag == Drag::Rubber));
    if (m_drag == Drag::Rubber) {
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(QColor(0x2f, 0x6d, 0xb5), 1, Qt::DashLine));
        painter.setBrush(QColor(0x2f, 0x6d, 0xb5, 30));
        painter.drawRect(m_rubber.normalized());
    }
    if (ChartMeasures::hasLegend(m_data)) {
        ChartMeasures::paintLegend(painter, m_data, QPointF(LegendMargin, height() - LegendMargin));
    }
    if (isLoading() || m_loadCancelled) {
        // Reloading over the previous data: a banner, the Cancel / Reload button beside it.
        const QString text = isLoading() ? tr("Updating chart… %1 %").arg(m_loader->percent())
                                         : tr("Loading the chart was cancelled: it may be out of date.");
        const QRect box(8, 8, fontMetrics().horizontalAdvance(text) + 16, fontMetrics().height() + 10);
        painter.setPen(QColor(0xd0, 0xd5, 0xdb));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRoundedRect(box, 4, 4);
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, text);
    }
}

void ChartView::resizeEvent(QResizeEvent *)
{
    placeLoadButton();
    if (m_fitPending) {
        fitToView();
    }
}

} // namespace Casegraph::Ui

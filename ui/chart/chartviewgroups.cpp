// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartView's groups and filters (see ChartGroups, ChartTags); the rest is in chartview.cpp.
#include "chartcommands.h"
#include "chartgroups.h"
#include "chartview.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QAction>
#include <QInputDialog>
#include <QUndoStack>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

void ChartView::createGroupActions()
{
    m_groupAction = addViewAction(tr("&Group…"), QKeySequence(Qt::CTRL | Qt::Key_G), [this] {
        // Offer the selection's current group, so that Enter keeps it and a new name moves it.
        QString current;
        for (const qint32 i : selection()) {
            current = current.isEmpty() ? ChartGroups::groupOf(m_data, i) : current;
        }
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Group"), tr("Name of the group:"), QLineEdit::Normal,
                                                   current.isEmpty() ? tr("Group %1").arg(m_data.groups.size()) : current,
                                                   &ok)
                                 .trimmed();
        if (ok && !name.isEmpty()) {
            groupSelection(name);
        }
    });
    m_collapseAction = addViewAction(tr("&Collapse Group"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G),
                            [this] { toggleSelectedGroups(); });
    m_ungroupAction = addViewAction(tr("&Ungroup"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G), [this] { ungroupSelection(); });
}

void ChartView::updateGroupActions()
{
    const auto sel = selection();
    const bool writable = m_case && !m_case->isReadOnly() && m_stack;
    bool groupNode = false, grouped = false;
    for (const qint32 i : sel) {
        groupNode = groupNode || ChartGroups::isGroupNode(m_data, i);
        grouped = grouped || !ChartGroups::groupOf(m_data, i).isEmpty();
    }
    m_collapseAction->setText(groupNode ? tr("E&xpand Group") : tr("&Collapse Group"));
    m_collapseAction->setEnabled(writable && grouped);
    m_ungroupAction->setEnabled(writable && grouped);
    if (groupNode) {
        m_expandAction->setEnabled(false); // a group has no neighbours of its own
    }
}

void ChartView::loadGroupsAndTags()
{
    const auto chart = m_case && m_chartId ? m_case->charts().chart(m_chartId) : std::nullopt;
    m_collapsed = chart ? ChartGroups::collapsed(chart->settings) : QStringList();
    // As the tag filter (loadTags): read-only views keep their own filters after the first read.
    if (chart && (savesSettings() || !m_filtersRead)) {
        takeFilters(chart->settings);
    }
    loadTags();
}

void ChartView::takeFilters(const QJsonObject &settings)
{
    m_hiddenNodeSchemata = ChartFilters::hiddenSchemata(settings, ChartFilters::NodeSchemataKey, m_data);
    m_hiddenEdgeSchemata = ChartFilters::hiddenSchemata(settings, ChartFilters::EdgeSchemataKey, m_data);
    if (!m_timePreview) {
        m_chartTime = ChartFilters::savedTime(settings);
    }
    m_measure = ChartMeasures::saved(settings); // not a filter, but saved and restored alike
}

void ChartView::loadTags()
{
    if (!m_case) {
        return;
    }
    ChartTags::load(*m_case, m_data);
    // The saved filter (without the tags deleted since; undoing a deletion brings its tag back),
    // unless this view keeps its own in memory (read-only case): then the saved one applies when
    // the chart opens (setChart cleared the filter) and changes stay in memory.
    const auto chart = m_chartId ? m_case->charts().chart(m_chartId) : std::nullopt;
    if (chart && (savesSettings() || !m_filtersRead)) {
        m_tagFilter = ChartTags::savedFilter(chart->settings, m_data);
        m_filtersRead = true;
    } else {
        m_tagFilter = ChartTags::existing(m_tagFilter, m_data);
    }
}

bool ChartView::savesSettings() const
{
    return m_case && !m_case->isReadOnly() && m_stack && m_chartId;
}

std::vector<qint32> ChartView::selectedEntityNodes() const
{
    return ChartGroups::entityNodes(m_data, selection());
}

void ChartView::groupSelection(const QString &group)
{
    QList<ChartNode> before, after;
    for (const qint32 i : selectedEntityNodes()) {
        before << rowOf(i);
        after << before.last();
        after.last().group = group;
    }
    pushChange(before, after, group.isEmpty() ? tr("Ungroup") : tr("Group as %1").arg(group));
}

void ChartView::ungroupSelection()
{
    QStringList groups;
    for (const qint32 i : selection()) {
        const QString g = ChartGroups::groupOf(m_data, i);
        if (!g.isEmpty() && !groups.contains(g)) {
            groups << g;
        }
    }
    if (groups.isEmpty() || !m_stack || !m_case || m_case->isReadOnly()) {
        return;
    }
    QList<ChartNode> before, after;
    for (const QString &g : groups) {
        for (const qint32 m : ChartGroups::members(m_data, g)) {
            before << rowOf(m);
            after << before.last();
            after.last().group.clear();
        }
    }
    QStringList collapsed = m_collapsed;
    for (const QString &g : groups) {
        collapsed.removeAll(g);
    }
    m_stack->beginMacro(tr("Ungroup %1").arg(groups.join(QStringLiteral(", "))));
    if (collapsed != m_collapsed) {
        m_stack->push(new ChartSettingCommand(*m_case, m_chartId, ChartGroups::SettingKey, ChartGroups::setting(m_collapsed),
                                              ChartGroups::setting(collapsed), QString(), this));
    }
    pushChange(before, after, QString());
    m_stack->endMacro();
}

void ChartView::setGroupCollapsed(const QString &group, bool collapse)
{
    if (group.isEmpty() || collapse == m_collapsed.contains(group) || !m_stack || !m_case || m_case->isReadOnly()) {
        return;
    }
    QStringList after = m_collapsed;
    if (collapse) {
        after << group;
    } else {
        after.removeAll(group);
    }
    m_stack->push(new ChartSettingCommand(*m_case, m_chartId, ChartGroups::SettingKey, ChartGroups::setting(m_collapsed),
                                          ChartGroups::setting(after),
                                          collapse ? tr("Collapse %1").arg(group) : tr("Expand %1").arg(group), this));
    if (collapse) {
        if (const qint32 n = ChartGroups::groupNode(m_data, group); n >= 0) {
            setSelection({n});
        }
    } else {
        std::vector<qint32> members;
        for (const qint32 m : ChartGroups::members(m_data, group)) {
            if (m_data.isVisible(m)) {
                members.push_back(m);
            }
        }
        setSelection(members);
    }
}

void ChartView::toggleSelectedGroups()
{
    QStringList expand, collapse;
    for (const qint32 i : selection()) {
        const QString g = ChartGroups::groupOf(m_data, i);
        if (g.isEmpty()) {
            continue;
        }
        QStringList &list = ChartGroups::isGroupNode(m_data, i) ? expand : collapse;
        if (!list.contains(g)) {
            list << g;
        }
    }
    // Expanding wins when both are selected; one group per step keeps undo readable.
    for (const QString &g : expand.isEmpty() ? collapse : expand) {
        setGroupCollapsed(g, expand.isEmpty());
    }
}

void ChartView::endSettingsChange(const QJsonObject &settings)
{
    --m_ownChange;
    m_collapsed = ChartGroups::collapsed(settings);
    m_tagFilter = ChartTags::savedFilter(settings, m_data);
    takeFilters(settings);
    updateActions();
    refilter();
}

void ChartView::previewChartTime(const ChartTime &time)
{
    m_timePreview = true;
    m_chartTime = time;
    refilter();
}

void ChartView::setChartTime(const ChartTime &time)
{
    m_timePreview = false;
    const auto chart = savesSettings() ? m_case->charts().chart(m_chartId) : std::nullopt;
    const QJsonValue after = ChartFilters::setting(time);
    if (!chart || chart->settings.value(ChartFilters::TimeKey) == after) {
        // In memory only, or the saved filter already (the end of a preview that came back).
        m_chartTime = chart ? ChartFilters::savedTime(chart->settings) : time;
        refilter();
        return;
    }
    m_stack->push(new ChartSettingCommand(*m_case, m_chartId, ChartFilters::TimeKey, chart->settings.value(ChartFilters::TimeKey),
                                          after, ChartFilters::changeText(time), this));
}

void ChartView::setHiddenSchemata(QStringList nodeSchemata, QStringList edgeSchemata)
{
    for (QStringList *list : {&nodeSchemata, &edgeSchemata}) {
        list->removeDuplicates();
        list->sort();
    }
    const bool nodes = nodeSchemata != m_hiddenNodeSchemata, edges = edgeSchemata != m_hiddenEdgeSchemata;
    if (!nodes && !edges) {
        return;
    }
    if (!savesSettings()) {
        m_hiddenNodeSchemata = nodeSchemata;
        m_hiddenEdgeSchemata = edgeSchemata;
        refilter();
        return;
    }
    const QString text = nodes && edges ? ChartFilters::changeText(m_hiddenNodeSchemata + m_hiddenEdgeSchemata,
                                                                   nodeSchemata + edgeSchemata)
                         : nodes        ? ChartFilters::changeText(m_hiddenNodeSchemata, nodeSchemata)
                                        : ChartFilters::changeText(m_hiddenEdgeSchemata, edgeSchemata);
    // One step for both keys: a parent command redoes and undoes its children together.
    auto *command = new QUndoCommand(text);
    if (nodes) {
        new ChartSettingCommand(*m_case, m_chartId, ChartFilters::NodeSchemataKey, ChartFilters::setting(m_hiddenNodeSchemata),
                                ChartFilters::setting(nodeSchemata), text, this, command);
    }
    if (edges) {
        new ChartSettingCommand(*m_case, m_chartId, ChartFilters::EdgeSchemataKey, ChartFilters::setting(m_hiddenEdgeSchemata),
                                ChartFilters::setting(edgeSchemata), text, this, command);
    }
    m_stack->push(command);
}

void ChartView::refilter()
{
    applyFilters();
    Q_EMIT contentChanged();
    update();
}

void ChartView::setTagFilter(const ChartTagFilter &filter)
{
    if (filter == m_tagFilter) {
        return;
    }
    if (!savesSettings()) {
        m_tagFilter = filter;
        refilter();
        return;
    }
    const QString text = filter == ChartTagFilter()                      ? tr("Clear Tag Filter")
                         : filter.mode == ChartTagFilter::Mode::ShowOnly ? tr("Show Only Tagged Entities")
                                                                         : tr("Hide Tagged Entities");
    m_stack->push(new ChartSettingCommand(*m_case, m_chartId, ChartTags::SettingKey, ChartTags::setting(m_tagFilter, m_data),
                                          ChartTags::setting(filter, m_data), text, this));
}

} // namespace Casegraph::Ui

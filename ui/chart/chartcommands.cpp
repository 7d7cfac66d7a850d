// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartcommands.h"
#include "chartview.h"

#include "storage/casefile.h"

#include <QJsonObject>
#include <QSet>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartNodesCommand::ChartNodesCommand(CaseFile &caseFile, qint64 chartId, QList<ChartNode> before,
                                     QList<ChartNode> after, const QString &text, ChartView *view)
    : m_case(caseFile), m_chartId(chartId), m_before(std::move(before)), m_after(std::move(after)), m_view(view)
{
    setText(text);
}

void ChartNodesCommand::apply(const QList<ChartNode> &state, const QList<ChartNode> &other)
{
    QSet<qint64> present;
    for (const auto &n : state) {
        present.insert(n.entityRowId);
    }
    QList<qint64> removed;
    for (const auto &n : other) {
        if (!present.contains(n.entityRowId)) {
            removed << n.entityRowId;
        }
    }
    if (m_view) {
        m_view->beginOwnChange();
    }
    Status st = state.isEmpty() ? Status() : m_case.charts().setNodes(m_chartId, state);
    if (st && !removed.isEmpty()) {
        st = m_case.charts().removeNodes(m_chartId, removed);
    }
    m_ok = st.ok();
    if (m_view) {
        m_view->endOwnChange(state, removed);
        if (!st) {
            Q_EMIT m_view->errorOccurred(tr("%1 failed: %2").arg(text(), st.error().toString()));
        }
    }
    if (!st) {
        setObsolete(true);
    }
}

void ChartNodesCommand::redo()
{
    apply(m_after, m_before);
}

void ChartNodesCommand::undo()
{
    apply(m_before, m_after);
}

// --- ChartSettingCommand ---

ChartSettingCommand::ChartSettingCommand(CaseFile &caseFile, qint64 chartId, QString key, QJsonValue before,
                                         QJsonValue after, const QString &text, ChartView *view, QUndoCommand *parent)
    : QUndoCommand(text, parent), m_case(caseFile), m_chartId(chartId), m_key(std::move(key)),
      m_before(std::move(before)), m_after(std::move(after)), m_view(view)
{
}

void ChartSettingCommand::apply(const QJsonValue &value)
{
    const auto chart = m_case.charts().chart(m_chartId);
    if (!chart) {
        setObsolete(true);
        return;
    }
    QJsonObject settings = chart->settings;
    if (value.isUndefined() || value.isNull()) {
        settings.remove(m_key);
    } else {
        settings.insert(m_key, value);
    }
    if (m_view) {
        m_view->beginOwnChange();
    }
    const Status st = m_case.charts().setSettings(m_chartId, settings);
    if (m_view) {
        m_view->endSettingsChange(st ? settings : chart->settings);
        if (!st) {
            Q_EMIT m_view->errorOccurred(tr("%1 failed: %2").arg(text(), st.error().toString()));
        }
    }
    if (!st) {
        setObsolete(true);
    }
}

void ChartSettingCommand::redo()
{
    apply(m_after);
}

void ChartSettingCommand::undo()
{
    apply(m_before);
}

} // namespace Casegraph::Ui

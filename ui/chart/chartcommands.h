// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/chartstore.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QPointer>
#include <QUndoCommand>

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

class ChartView;

/// An undoable change to a chart's nodes: adding, removing, moving, hiding, pinning, grouping.
/// It holds the touched nodes' rows before and after (a node missing from a list is not on the
/// chart in that state) and writes them through ChartStore in one transaction each way; the view,
/// while it exists, updates itself in place instead of reloading. Pushed on the case's undo stack
/// (CaseEditor::undoStack()), so Edit → Undo covers chart edits with the entity edits.
class ChartNodesCommand final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartNodesCommand)
public:
    ChartNodesCommand(Models::CaseFile &caseFile, qint64 chartId, QList<Models::ChartNode> before,
                      QList<Models::ChartNode> after, const QString &text, ChartView *view);
    void redo() override;
    void undo() override;
    /// The last write's result (false when the case refused it; the command is then obsolete).
    bool ok() const { return m_ok; }

private:
    void apply(const QList<Models::ChartNode> &state, const QList<Models::ChartNode> &other);
    Models::CaseFile &m_case;
    qint64 m_chartId = 0;
    QList<Models::ChartNode> m_before, m_after;
    QPointer<ChartView> m_view;
    bool m_ok = true;
};

/// An undoable change to one key of a chart's settings (the collapsed groups, the filters):
/// writes the key's new value, keeping the other keys (an undefined or null value removes the
/// key), and hands the settings now stored to the view while it exists, which takes them in
/// place instead of reloading (ChartView::endSettingsChange).
class ChartSettingCommand final : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartSettingCommand)
public:
    ChartSettingCommand(Models::CaseFile &caseFile, qint64 chartId, QString key, QJsonValue before, QJsonValue after,
                        const QString &text, ChartView *view, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    void apply(const QJsonValue &value);
    Models::CaseFile &m_case;
    qint64 m_chartId = 0;
    QString m_key;
    QJsonValue m_before, m_after;
    QPointer<ChartView> m_view;
};

} // namespace Casegraph::Ui

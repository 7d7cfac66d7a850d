// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A case file on disk with one chart shown in a real ChartPanel, for the chart uitests (header
// only: the support library does not link casegraph_ui).
#include "chart/chartpanel.h"
#include "chart/chartview.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

namespace Casegraph::Tests {

/// Base of a chart test class: its init() slot calls createCase(), writes entities through
/// m_editor and the chart into m_chartId, then showChart(); its cleanup() slot calls closeCase().
class ChartPanelCase : public QObject {
protected:
    /// A new case file `stem`N.casegraph in the test's folder, open with an editor.
    bool createCase(const QString &stem)
    {
        if (!m_dir.isValid()) {
            return false;
        }
        m_path = m_dir.filePath(stem + QString::number(++m_n) + QStringLiteral(".casegraph"));
        m_case = std::make_unique<Models::CaseFile>();
        if (!m_case->create(m_path)) {
            return false;
        }
        m_editor = std::make_unique<Models::CaseEditor>(*m_case);
        return true;
    }

    /// Forgets the set-up's undo steps and shows chart m_chartId.
    void showChart()
    {
        m_editor->undoStack()->clear();
        openPanel();
    }

    /// Shows chart m_chartId in a 1100 × 700 panel with the keyboard focus on the view, fitted.
    void openPanel()
    {
        m_panel = std::make_unique<Ui::ChartPanel>(m_case.get(), m_editor->undoStack(), m_chartId);
        m_panel->resize(1100, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->activateWindow();
        m_panel->view()->setFocus();
        m_panel->view()->fitToView();
    }

    /// Closes the chart and the case, and opens both again.
    void reopen(Models::CaseFile::OpenMode mode = Models::CaseFile::OpenMode::ReadWrite)
    {
        closeCase();
        m_case = std::make_unique<Models::CaseFile>();
        QVERIFY(m_case->open(m_path, mode));
        m_editor = std::make_unique<Models::CaseEditor>(*m_case);
        openPanel();
    }

    void closeCase()
    {
        m_panel.reset();
        m_editor.reset();
        m_case.reset();
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
    std::unique_ptr<Models::CaseFile> m_case;
    std::unique_ptr<Models::CaseEditor> m_editor;
    std::unique_ptr<Ui::ChartPanel> m_panel;
    qint64 m_chartId = 0;
};

} // namespace Casegraph::Tests

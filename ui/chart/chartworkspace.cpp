// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartworkspace.h"
#include "chartpanel.h"
#include "chartview.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QTabBar>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartWorkspace::ChartWorkspace(QWidget *window) : QObject(window), m_window(window)
{
    m_tabs = new QTabWidget(window);
    m_tabs->setObjectName(QStringLiteral("ChartTabs"));
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &ChartWorkspace::closeTab);
    m_placeholder = new QLabel(m_tabs);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(40);
    m_placeholder->setText(tr("No chart open.\n\nOpen one from the Charts list, create one with Edit → New Chart…, "
                              "or right-click an entity in the Entities list and choose Add to Chart."));
    updatePlaceholder();

    m_dock = new QDockWidget(tr("Charts"), window);
    m_dock->setObjectName(QStringLiteral("ChartsDock"));
    auto *body = new QWidget(m_dock);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QToolBar(body);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_list = new QListWidget(body);
    m_list->setAccessibleName(tr("Charts"));
    // A line at the least: on a short screen with a dock open below, the entity list above
    // gets the height.
    m_list->setMinimumHeight(m_list->fontMetrics().height() + 2 * m_list->frameWidth() + 8);
    layout->addWidget(bar);
    layout->addWidget(m_list);
    m_dock->setWidget(body);

    m_newAction = new QAction(tr("&New Chart…"), this);
    m_newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C)); // Ctrl+Alt+N is New Note
    m_openAction = new QAction(tr("&Open"), this);
    m_renameAction = new QAction(tr("&Rename…"), this);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_renameAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction = new QAction(tr("&Delete…"), this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_addAction = new QAction(tr("Add to &Chart"), this);
    m_addAction->setToolTip(tr("Put the selected entity on the current chart"));
    for (QAction *a : {m_newAction, m_openAction, m_renameAction, m_deleteAction}) {
        bar->addAction(a);
        m_list->addAction(a);
    }
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_newAction, &QAction::triggered, this, &ChartWorkspace::newChart);
    connect(m_openAction, &QAction::triggered, this, [this] { openChart(listedChart()); });
    connect(m_renameAction, &QAction::triggered, this, &ChartWorkspace::renameChart);
    connect(m_deleteAction, &QAction::triggered, this, &ChartWorkspace::deleteChart);
    connect(m_list, &QListWidget::itemActivated, this, [this] { openChart(listedChart()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &ChartWorkspace::updateActions);
    updateActions();
}

ChartWorkspace::~ChartWorkspace() = default;

void ChartWorkspace::setCase(CaseFile *caseFile, CaseEditor *editor)
{
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        closeTab(i);
    }
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_editor = editor;
    if (m_case) {
        connect(m_case, &CaseFile::chartChanged, this, &ChartWorkspace::refreshList);
    }
    refreshList();
    if (m_case && m_list->count() > 0) {
        openChart(m_list->item(0)->data(Qt::UserRole).toLongLong());
    }
    updateActions();
}

void ChartWorkspace::refreshList()
{
    const qint64 current = listedChart();
    m_list->clear();
    if (!m_case) {
        return;
    }
    const QList<Chart> charts = m_case->charts().charts();
    for (const Chart &c : charts) {
        auto *item = new QListWidgetItem(tr("%1 (%n entities)", nullptr, int(c.nodeCount)).arg(c.name), m_list);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(c.name);
        if (c.id == current) {
            m_list->setCurrentItem(item);
        }
    }
    // Tabs follow renames and deletions.
    for (int i = m_tabs->count() - 1; i >= 0; --i) {
        auto *panel = qobject_cast<ChartPanel *>(m_tabs->widget(i));
        if (!panel) {
            continue;
        }
        const auto it = std::find_if(charts.begin(), charts.end(), [&](const Chart &c) { return c.id == panel->chartId(); });
        if (it == charts.end()) {
            closeTab(i);
        } else {
            m_tabs->setTabText(i, it->name);
        }
    }
    updateActions();
}

qint64 ChartWorkspace::listedChart() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

void ChartWorkspace::updateActions()
{
    const bool writable = m_case && !m_case->isReadOnly();
    const bool listed = listedChart() != 0;
    m_newAction->setEnabled(writable);
    m_openAction->setEnabled(listed);
    m_renameAction->setEnabled(writable && listed);
    m_deleteAction->setEnabled(writable && listed);
    m_addAction->setEnabled(writable);
}

ChartPanel *ChartWorkspace::openChart(qint64 chartId)
{
    if (!m_case || !chartId) {
        return nullptr;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *panel = qobject_cast<ChartPanel *>(m_tabs->widget(i));
        if (panel && panel->chartId() == chartId) {
            m_tabs->setCurrentIndex(i);
            return panel;
        }
    }
    const auto chart = m_case->charts().chart(chartId);
    if (!chart) {
        return nullptr;
    }
    auto *panel = new ChartPanel(m_case, m_editor ? m_editor->undoStack() : nullptr, chartId, m_tabs);
    connect(panel->view(), &ChartView::entitySelected, this, &ChartWorkspace::entitySelected);
    connect(panel->view(), &ChartView::errorOccurred, this, &ChartWorkspace::statusMessage);
    connect(panel, &ChartPanel::statusMessage, this, &ChartWorkspace::statusMessage);
    m_tabs->setCurrentIndex(m_tabs->addTab(panel, chart->name));
    updatePlaceholder();
    return panel;
}

ChartPanel *ChartWorkspace::currentPanel() const
{
    return qobject_cast<ChartPanel *>(m_tabs->currentWidget());
}

void ChartWorkspace::closeTab(int index)
{
    QWidget *w = m_tabs->widget(index);
    if (w == m_placeholder) {
        return;
    }
    m_tabs->removeTab(index);
    delete w;
    updatePlaceholder();
}

void ChartWorkspace::updatePlaceholder()
{
    const int at = m_tabs->indexOf(m_placeholder);
    const bool charts = m_tabs->count() > (at >= 0 ? 1 : 0);
    if (charts && at >= 0) {
        m_tabs->removeTab(at);
    } else if (!charts && at < 0) {
        m_tabs->addTab(m_placeholder, tr("Charts"));
        m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    }
}

qint64 ChartWorkspace::createChart(const QString &name)
{
    if (!m_case) {
        return 0;
    }
    auto id = m_case->charts().create(name);
    if (!id) {
        QMessageBox::warning(m_window, tr("Cannot create the chart"), id.error().toString());
        return 0;
    }
    return *id;
}

void ChartWorkspace::newChart()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("New Chart"), tr("Name of the chart:"), QLineEdit::Normal,
                                               tr("Chart %1").arg(m_list->count() + 1), &ok);
    if (ok) {
        openChart(createChart(name));
    }
}

void ChartWorkspace::renameChart()
{
    const qint64 id = listedChart();
    const auto chart = m_case && id ? m_case->charts().chart(id) : std::nullopt;
    if (!chart) {
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Rename Chart"), tr("New name:"), QLineEdit::Normal,
                                               chart->name, &ok);
    if (ok && name != chart->name) {
        if (auto st = m_case->charts().rename(id, name); !st) {
            QMessageBox::warning(m_window, tr("Cannot rename the chart"), st.error().toString());
        }
    }
}

void ChartWorkspace::deleteChart()
{
    const qint64 id = listedChart();
    const auto chart = m_case && id ? m_case->charts().chart(id) : std::nullopt;
    if (!chart) {
        return;
    }
    if (QMessageBox::question(m_window, tr("Delete Chart"),
                              tr("Delete the chart “%1”? Its %n entities stay in the case; only the chart and "
                                 "its layout go. This cannot be undone.",
                                 nullptr, int(chart->nodeCount))
                                  .arg(chart->name),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes) {
        return;
    }
    if (auto st = m_case->charts().remove(id); !st) {
        QMessageBox::warning(m_window, tr("Cannot delete the chart"), st.error().toString());
    }
}

void ChartWorkspace::addToCurrentChart(const QList<qint64> &rowIds)
{
    if (!m_case || rowIds.isEmpty()) {
        return;
    }
    if (ChartPanel *panel = currentOrNewPanel()) {
        panel->view()->addEntities(rowIds);
    }
}

void ChartWorkspace::showOnChart(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds)
{
    if (!m_case || entityRowIds.isEmpty()) {
        return;
    }
    ChartPanel *panel = currentOrNewPanel();
    if (!panel) {
        return;
    }
    const int added = panel->view()->showPath(entityRowIds, relationshipRowIds);
    Q_EMIT statusMessage(added > 0 ? tr("Added %n entities to the chart and highlighted the path; Undo takes them off.",
                                        nullptr, added)
                                   : tr("The path is on the chart already; it is highlighted."));
}

ChartPanel *ChartWorkspace::currentOrNewPanel()
{
    if (ChartPanel *panel = currentPanel()) {
        return panel;
    }
    QString name = tr("Chart 1");
    for (int n = 2; m_case->charts().chartByName(name); ++n) {
        name = tr("Chart %1").arg(n);
    }
    return openChart(createChart(name));
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartView: reading the chart from the case, in place or on the worker (ChartLoader).
#include "chartloader.h"
#include "chartview.h"

#include "storage/chartstore.h"

#include <QPushButton>
#include <QSet>
#include <QTimer>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

void ChartView::reload()
{
    m_reloadTimer->stop();
    m_loadError.clear();
    m_loadCancelled = false;
    if (!m_case || !m_chartId) {
        m_loader->cancel();
        m_loadButton->hide();
        setLoadedData(ChartData());
        return;
    }
    // Small charts load in milliseconds: in place. Large ones on the worker, with progress.
    const QString path = m_case->path();
    if (path.isEmpty() || m_case->charts().nodeCount(m_chartId) < AsyncLoadNodes) {
        m_loader->cancel();
        m_loadButton->hide();
        if (auto loaded = ChartData::load(*m_case, m_chartId)) {
            setLoadedData(std::move(loaded.value()));
        } else {
            setLoadedData(ChartData());
            Q_EMIT errorOccurred(tr("Cannot read the chart: %1").arg(loaded.error().toString()));
        }
        return;
    }
    m_reloadAfterLoad = false;
    m_loader->start(path, m_chartId);
    m_loadButton->setText(tr("Cancel"));
    m_loadButton->show();
    placeLoadButton();
    update();
}

bool ChartView::isLoading() const
{
    return m_loader->isRunning();
}

void ChartView::cancelLoading()
{
    if (!isLoading()) {
        return;
    }
    m_loader->cancel();
    m_loadCancelled = true;
    m_reloadAfterLoad = false;
    m_loadButton->setText(m_data.nodeCount() == 0 ? tr("Load Again") : tr("Reload"));
    placeLoadButton();
    Q_EMIT statusMessage(tr("Loading the chart was cancelled."));
    update();
}

void ChartView::placeLoadButton()
{
    m_loadButton->adjustSize();
    const QSize b = m_loadButton->size();
    if (m_data.nodeCount() == 0) {
        m_loadButton->move((width() - b.width()) / 2, height() / 2 + fontMetrics().height());
    } else {
        m_loadButton->move(width() - b.width() - 8, 8); // beside the banner, top right
    }
}

void ChartView::setLoadedData(ChartData data)
{
    const QList<qint64> selected = selectedRowIds();
    QSet<qint64> selectedLines; // the relationships of clicked lines
    for (size_t e = 0; e < m_data.edgeFlags.size(); ++e) {
        if (m_data.edgeFlags[e] & EdgeSelected) {
            selectedLines.insert(m_data.edgeRelationship[e]);
        }
    }
    m_data = std::move(data);
    ++m_dataVersion;
    loadGroupsAndTags();
    for (const qint64 row : selected) {
        if (const qint32 i = m_data.indexOf(row); i >= 0) {
            m_data.nodeFlags[size_t(i)] |= NodeSelected;
        }
    }
    markLines(selectedLines);
    if (!m_highlightRows.isEmpty()) {
        m_data.highlightRows(m_highlightRows, m_highlightRelationships, m_highlightAsPath);
    }
    applyFilters();
    if (m_fitPending && width() > 0) {
        fitToView();
    }
    updateActions();
    Q_EMIT contentChanged();
    update();
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartView: putting a path found elsewhere (Paths dock, Exposure dock) on the chart.
#include "chartview.h"

#include "storage/entitystore.h"

#include <QSet>

#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
/// Chart units between consecutive new nodes of a path.
constexpr double PathStep = 220;
} // namespace

int ChartView::showPath(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds)
{
    if (!m_case || !m_chartId) {
        return 0;
    }
    // New nodes go in path order on a line that continues from the nearest entity already on the
    // chart (or across the middle of the view when none is), so that the path reads left to right.
    const qsizetype n = entityRowIds.size();
    std::vector<QPointF> at(size_t(n), QPointF(qQNaN(), qQNaN()));
    qsizetype anchor = -1;
    for (qsizetype k = 0; k < n; ++k) {
        if (const qint32 i = m_data.indexOf(entityRowIds.at(k)); i >= 0) {
            at[size_t(k)] = m_data.position(i);
            anchor = anchor < 0 ? k : anchor;
        }
    }
    if (anchor < 0) {
        anchor = 0;
        at[0] = visibleRect().center() - QPointF(PathStep * double(n - 1) / 2, 0);
    }
    // Alternating small offsets keep a new node off an edge that runs along the same line.
    const auto place = [&](qsizetype k, qsizetype previous, double direction) {
        if (std::isnan(at[size_t(k)].x())) {
            const double lift = (k % 2 == 0 ? -1 : 1) * 24.0;
            at[size_t(k)] = at[size_t(previous)] + QPointF(direction * PathStep, lift);
        }
    };
    for (qsizetype k = anchor + 1; k < n; ++k) {
        place(k, k - 1, 1);
    }
    for (qsizetype k = anchor - 1; k >= 0; --k) {
        place(k, k + 1, -1);
    }
    QList<ChartNode> after;
    QSet<qint64> seen;
    for (qsizetype k = 0; k < n; ++k) {
        const qint64 row = entityRowIds.at(k);
        if (m_data.indexOf(row) < 0 && !seen.contains(row) && m_case->entities().row(row)) {
            seen.insert(row);
            after << ChartNode{row, at[size_t(k)].x(), at[size_t(k)].y(), false, false, {}};
        }
    }
    const bool asPath = !relationshipRowIds.isEmpty() && relationshipRowIds.size() + 1 == entityRowIds.size();
    // The highlight first: the reload that the new nodes cause applies it to them as well.
    highlightRows(entityRowIds, relationshipRowIds, asPath);
    if (!m_stack || m_case->isReadOnly()) {
        after.clear(); // a read-only case: only what is on the chart already can be highlighted
    }
    if (!after.isEmpty()) {
        pushChange({}, after, tr("Show Path on Chart (%n entities added)", nullptr, int(after.size())));
    }
    selectRowIds(entityRowIds);
    return int(after.size());
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposurefiltermodel.h"

#include "exposuretablemodel.h"
#include "itemdatarole.h"

#include <algorithm>

namespace Casegraph::Models {

ExposureFilterModel::ExposureFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(ItemDataRole::SortRole);
}

void ExposureFilterModel::setVerdict(std::optional<ExposureVerdict> verdict)
{
    if (verdict != m_verdict) {
        m_verdict = verdict;
        invalidateRowsFilter();
    }
}

void ExposureFilterModel::setText(const QString &text)
{
    const QString simplified = text.simplified();
    if (simplified != m_text) {
        m_text = simplified;
        invalidateRowsFilter();
    }
}

bool ExposureFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, ExposureTableModel::EntityColumn, sourceParent);
    if (m_verdict && index.data(ItemDataRole::VerdictRole).toInt() != int(*m_verdict)) {
        return false;
    }
    if (m_text.isEmpty()) {
        return true;
    }
    const QString caption = index.data(Qt::DisplayRole).toString();
    const QString id = index.data(ItemDataRole::EntityIdRole).toString();
    const QStringList words = m_text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.begin(), words.end(), [&](const QString &w) {
        return caption.contains(w, Qt::CaseInsensitive) || id.contains(w, Qt::CaseInsensitive);
    });
}

bool ExposureFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (const auto *model = qobject_cast<const ExposureTableModel *>(sourceModel())) {
        return model->lessThan(left.row(), right.row(), left.column());
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace Casegraph::Models

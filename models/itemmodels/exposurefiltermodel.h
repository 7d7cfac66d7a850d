// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/exposure.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Casegraph::Models {

/// Filters an ExposureTableModel by verdict and by a text found in the entity's caption or FtM id,
/// and sorts it by ItemDataRole::SortRole (numbers as numbers).
/// Thread affinity: the GUI thread.
class ExposureFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposureFilterModel)
public:
    explicit ExposureFilterModel(QObject *parent = nullptr);

    /// nullopt: every verdict.
    void setVerdict(std::optional<ExposureVerdict> verdict);
    std::optional<ExposureVerdict> verdict() const { return m_verdict; }
    /// Words of the caption or the FtM id, any case; empty: every row.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    std::optional<ExposureVerdict> m_verdict;
    QString m_text;
};

} // namespace Casegraph::Models

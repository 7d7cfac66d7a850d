// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/exposurerun.h"

#include <QAbstractTableModel>
#include <QColor>

#include <memory>

namespace Casegraph::Models {

/// The entities of one ownership-exposure run (ExposureRun::entries): every Listed, Restricted or
/// Undetermined entity and every entity in which such an owner holds a stake, one row each, in the
/// report's order. Sort and filter through ExposureFilterModel (ItemDataRole::SortRole,
/// ItemDataRole::VerdictRole). The run is immutable; setRun() replaces it with a reset.
/// Thread affinity: the GUI thread.
class ExposureTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExposureTableModel)
public:
    enum Column {
        EntityColumn,
        TypeColumn,
        VerdictColumn,
        BestColumn,        ///< EntityExposure::minimumSum: flagged owners' stakes at their lowest reading
        WorstColumn,       ///< EntityExposure::maximumSum: at their highest reading, possibly-restricted owners too
        LookThroughColumn, ///< effective ownership by listed entities (information only)
        StakesColumn,      ///< stakes held by listed, restricted or undetermined owners
        ColumnCount
    };

    explicit ExposureTableModel(QObject *parent = nullptr);
    ~ExposureTableModel() override;

    void setRun(std::shared_ptr<const ExposureRun> run);
    std::shared_ptr<const ExposureRun> run() const { return m_run; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const EntityExposure &entry(int row) const;
    /// Rows with this verdict.
    int count(ExposureVerdict verdict) const;

    /// The chain behind a row's verdict, one line per stake, owners named "Caption [id]"
    /// (ExposureReport::explain), down to the listed owners and their Sanctions; at most
    /// MaxExplanationLines lines (a dense network can have hundreds of thousands).
    QStringList explanation(int row) const;
    static constexpr int MaxExplanationLines = 500;

    /// What a chart needs to show a row's chain: the entity and every owner on the chains of stakes
    /// above it (each once, the entity first), and the Ownership relationships between them.
    struct ChainRows {
        QList<qint64> entities;
        QList<qint64> relationships;
    };
    ChainRows chainRows(int row) const;

    /// The given rows (in that order) as CSV, UTF-8 with a byte order mark, CRLF, with a header
    /// row and the FtM id; cells escaped against formulas as the CSV export does (CsvWriter::cell).
    QByteArray csv(const QList<int> &rows) const;

    /// Whether row `a` sorts before row `b` by `column`: what ItemDataRole::SortRole gives, compared
    /// without building QVariants (a sort of 100,000 rows makes millions of comparisons).
    bool lessThan(int a, int b, int column) const;

    /// "Listed", "Restricted", "Undetermined", "Not restricted".
    static QString verdictText(ExposureVerdict verdict);
    /// A sentence on what the verdict means, for tooltips.
    static QString verdictDescription(ExposureVerdict verdict);
    /// Background tint of a verdict (always shown with verdictText(), never alone) and its text colour.
    static QColor verdictColor(ExposureVerdict verdict);
    static QColor verdictTextColor(ExposureVerdict verdict);
    /// "50%", "12.5–25%".
    static QString percentText(double minimum, double maximum);

private:
    QString schemaLabel(const QString &schema) const;

    std::shared_ptr<const ExposureRun> m_run;
    int m_counts[4] = {0, 0, 0, 0};
};

} // namespace Casegraph::Models

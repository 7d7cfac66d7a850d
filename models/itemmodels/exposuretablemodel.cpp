// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposuretablemodel.h"

#include "core/schema.h"
#include "io/csvwriter.h"
#include "itemdatarole.h"

#include <QLocale>
#include <QSet>

namespace Casegraph::Models {

namespace {

/// Tints by ExposureVerdict (Listed, Restricted, Undetermined, NotRestricted): red, orange, yellow,
/// grey-blue, light enough for dark text, each always beside the verdict's word.
struct VerdictColors {
    QRgb background;
    QRgb text;
};
constexpr VerdictColors kVerdictColors[] = {
    {0xf4c7c7, 0x7a1010}, {0xf9d9b5, 0x6b3500}, {0xfbeeb0, 0x564500}, {0xdfe6ee, 0x2b333d}};

QString number(double value)
{
    return QLocale().toString(value, 'g', 6);
}

} // namespace

ExposureTableModel::ExposureTableModel(QObject *parent) : QAbstractTableModel(parent) {}

ExposureTableModel::~ExposureTableModel() = default;

void ExposureTableModel::setRun(std::shared_ptr<const ExposureRun> run)
{
    beginResetModel();
    m_run = std::move(run);
    std::fill(std::begin(m_counts), std::end(m_counts), 0);
    if (m_run) {
        for (const EntityExposure &x : m_run->entries) {
            ++m_counts[int(x.verdict)];
        }
    }
    endResetModel();
}

int ExposureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_run ? 0 : int(m_run->entries.size());
}

int ExposureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const EntityExposure &ExposureTableModel::entry(int row) const
{
    return m_run->entries.at(row);
}

int ExposureTableModel::count(ExposureVerdict verdict) const
{
    return m_counts[int(verdict)];
}

QString ExposureTableModel::schemaLabel(const QString &schema) const
{
    const Schema *s = SchemaRegistry::instance().schema(schema);
    return s ? s->label : schema;
}

QVariant ExposureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const EntityExposure &x = entry(index.row());
    switch (role) {
    case ItemDataRole::EntityRowIdRole:
        return x.rowId;
    case ItemDataRole::EntityIdRole:
        return x.id;
    case ItemDataRole::SchemaRole:
        return x.schema;
    case ItemDataRole::VerdictRole:
        return int(x.verdict);
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case EntityColumn:
            return m_run->caption(x.id);
        case TypeColumn:
            return schemaLabel(x.schema);
        case VerdictColumn:
            return verdictText(x.verdict);
        // A listed entity is restricted by its own Sanction: sums of stakes in it would only mislead.
        case BestColumn:
            return x.verdict == ExposureVerdict::Listed ? tr("—") : percentText(x.minimumSum, x.minimumSum);
        case WorstColumn:
            return x.verdict == ExposureVerdict::Listed ? tr("—") : percentText(x.maximumSum, x.maximumSum);
        case LookThroughColumn:
            return x.verdict == ExposureVerdict::Listed ? tr("—")
                                                        : percentText(x.effectiveMinimum, x.effectiveMaximum);
        case StakesColumn:
            return int(x.stakes.size());
        case ColumnCount:
            break;
        }
        return {};
    case ItemDataRole::SortRole:
        switch (Column(index.column())) {
        case EntityColumn:
            return m_run->caption(x.id).toCaseFolded();
        case TypeColumn:
            return schemaLabel(x.schema).toCaseFolded();
        case VerdictColumn:
            return int(x.verdict);
        case BestColumn:
            return x.minimumSum;
        case WorstColumn:
            return x.maximumSum;
        case LookThroughColumn:
            return x.effectiveMaximum;
        case StakesColumn:
            return int(x.stakes.size());
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case EntityColumn:
            return m_run->name(x.id);
        case VerdictColumn:
            return verdictDescription(x.verdict);
        case BestColumn:
        case WorstColumn:
            return x.verdict == ExposureVerdict::Listed ? tr("Listed itself: the ownership rule does not apply")
                                                        : QVariant();
        case LookThroughColumn:
            return tr("Effective ownership by listed entities through chains of stakes, for information; "
                      "the verdict rests on direct stakes.");
        default:
            return {};
        }
    case Qt::BackgroundRole:
        return index.column() == VerdictColumn ? QVariant(verdictColor(x.verdict)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == VerdictColumn ? QVariant(verdictTextColor(x.verdict)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= BestColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    default:
        return {};
    }
}

bool ExposureTableModel::lessThan(int a, int b, int column) const
{
    const EntityExposure &x = entry(a);
    const EntityExposure &y = entry(b);
    switch (Column(column)) {
    case EntityColumn:
        return m_run->caption(x.id).compare(m_run->caption(y.id), Qt::CaseInsensitive) < 0;
    case TypeColumn:
        return schemaLabel(x.schema).compare(schemaLabel(y.schema), Qt::CaseInsensitive) < 0;
    case VerdictColumn:
        return x.verdict < y.verdict;
    case BestColumn:
        return x.minimumSum < y.minimumSum;
    case WorstColumn:
        return x.maximumSum < y.maximumSum;
    case LookThroughColumn:
        return x.effectiveMaximum < y.effectiveMaximum;
    case StakesColumn:
        return x.stakes.size() < y.stakes.size();
    case ColumnCount:
        break;
    }
    return false;
}

QVariant ExposureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case EntityColumn:
            return tr("Entity");
        case TypeColumn:
            return tr("Type");
        case VerdictColumn:
            return tr("Verdict");
        case BestColumn:
            return tr("Best case");
        case WorstColumn:
            return tr("Worst case");
        case LookThroughColumn:
            return tr("Look-through");
        case StakesColumn:
            return tr("Stakes");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case BestColumn:
            return tr("Sum of the direct stakes held by listed or restricted owners, each at its lowest reading");
        case WorstColumn:
            return tr("Sum of the direct stakes held by listed, restricted or possibly restricted owners, each at "
                      "its highest reading");
        case LookThroughColumn:
            return tr("Effective ownership by listed entities along chains of stakes (information only)");
        case StakesColumn:
            return tr("Direct stakes held by listed, restricted or undetermined owners");
        default:
            break;
        }
    }
    return {};
}

QStringList ExposureTableModel::explanation(int row) const
{
    if (!m_run || row < 0 || row >= rowCount()) {
        return {};
    }
    const auto run = m_run;
    return run->report.explain(entry(row).id, 8, [run](const QString &id) { return run->name(id); }, MaxExplanationLines);
}

ExposureTableModel::ChainRows ExposureTableModel::chainRows(int row) const
{
    ChainRows out;
    if (!m_run || row < 0 || row >= rowCount()) {
        return out;
    }
    QSet<QString> seen;
    QSet<qint64> relationships;
    QList<QString> queue{entry(row).id};
    seen.insert(queue.first());
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const EntityExposure x = m_run->report.entity(queue.at(i));
        out.entities << x.rowId;
        for (const ExposureStake &s : x.stakes) {
            if (!relationships.contains(s.ownershipRowId)) {
                relationships.insert(s.ownershipRowId);
                out.relationships << s.ownershipRowId;
            }
            if (!seen.contains(s.owner)) {
                seen.insert(s.owner);
                queue << s.owner;
            }
        }
    }
    return out;
}

QByteArray ExposureTableModel::csv(const QList<int> &rows) const
{
    const auto line = [](const QStringList &cells) -> QString {
        QStringList escaped;
        for (const QString &c : cells) {
            escaped << CsvWriter::cell(c);
        }
        return escaped.join(QLatin1Char(',')) + QLatin1String("\r\n");
    };
    QString text = line({tr("Entity"), tr("FtM id"), tr("Type"), tr("Verdict"), tr("Best case %"), tr("Worst case %"),
                         tr("Look-through minimum %"), tr("Look-through maximum %"), tr("Stakes")});
    const auto plain = [](double v) { return QString::number(v, 'g', 6); };
    for (const int row : rows) {
        const EntityExposure &x = entry(row);
        text += line({m_run->caption(x.id), x.id, schemaLabel(x.schema), verdictText(x.verdict), plain(x.minimumSum),
                      plain(x.maximumSum), plain(x.effectiveMinimum), plain(x.effectiveMaximum),
                      QString::number(x.stakes.size())});
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

QString ExposureTableModel::verdictText(ExposureVerdict verdict)
{
    switch (verdict) {
    case ExposureVerdict::Listed:
        return tr("Listed");
    case ExposureVerdict::Restricted:
        return tr("Restricted");
    case ExposureVerdict::Undetermined:
        return tr("Undetermined");
    case ExposureVerdict::NotRestricted:
        break;
    }
    return tr("Not restricted");
}

QString ExposureTableModel::verdictDescription(ExposureVerdict verdict)
{
    switch (verdict) {
    case ExposureVerdict::Listed:
        return tr("Carries an accepted Sanction of the chosen lists itself");
    case ExposureVerdict::Restricted:
        return tr("Listed or restricted owners hold at least the threshold, even at the lowest reading of the stakes");
    case ExposureVerdict::Undetermined:
        return tr("The threshold is reached only on a higher reading of ranged or unknown stakes, or through "
                  "owners that are themselves undetermined");
    case ExposureVerdict::NotRestricted:
        break;
    }
    return tr("Flagged owners hold a stake, but below the threshold even at its highest reading");
}

QColor ExposureTableModel::verdictColor(ExposureVerdict verdict)
{
    return QColor::fromRgb(kVerdictColors[int(verdict)].background);
}

QColor ExposureTableModel::verdictTextColor(ExposureVerdict verdict)
{
    return QColor::fromRgb(kVerdictColors[int(verdict)].text);
}

QString ExposureTableModel::percentText(double minimum, double maximum)
{
    const QString low = number(minimum);
    const QString high = number(maximum);
    return low == high ? tr("%1%").arg(low) : tr("%1–%2%").arg(low, high);
}

} // namespace Casegraph::Models

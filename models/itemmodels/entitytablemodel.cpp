// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitytablemodel.h"
#include "storage/referenceliststore.h"
#include "core/schema.h"
#include "itemdatarole.h"
#include "schemaicons.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QColor>
#include <QFontDatabase>
#include <QMimeData>
#include <QSet>
#include <QTimer>

namespace Casegraph::Models {

EntityTableModel::EntityTableModel(CaseFile &caseFile, QObject *parent)
    : QAbstractTableModel(parent), m_case(caseFile), m_loader(std::make_unique<EntityPageLoader>(caseFile.path())) {
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    // Zero delay: the refresh runs once control is back in the event loop, after the edit's
    // transaction has committed (the loader's connection only sees committed data), and a burst
    // of signals from one macro edit costs one refresh.
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] { refresh(true); });

    connect(m_loader.get(), &EntityPageLoader::countLoaded, this, &EntityTableModel::onCountLoaded);
    connect(m_loader.get(), &EntityPageLoader::summaryLoaded, this, &EntityTableModel::onSummaryLoaded);
    connect(m_loader.get(), &EntityPageLoader::pageLoaded, this, &EntityTableModel::onPageLoaded);
    connect(m_loader.get(), &EntityPageLoader::pageSkipped, this, &EntityTableModel::onPageSkipped);
    connect(m_loader.get(), &EntityPageLoader::failed, this, &EntityTableModel::errorOccurred);

    const auto soft = [this] { scheduleRefresh(false); };
    connect(&m_case, &CaseFile::entityAdded, this, soft);
    connect(&m_case, &CaseFile::entityChanged, this, soft);
    connect(&m_case, &CaseFile::entityRemoved, this, soft);
    connect(&m_case, &CaseFile::entitiesReset, this, [this] { scheduleRefresh(true); });
    connect(&m_case, &CaseFile::screeningChanged, this, &EntityTableModel::loadListed);
    loadListed();
    reload();
}

void EntityTableModel::loadListed() {
    QHash<qint64, QString> listed;
    if (m_case.database().userVersion() >= 4) { // older read-only files have no screening tables
        const ReferenceListStore &store = m_case.referenceLists();
        for (const ScreeningDecision &d : store.acceptedMatches()) {
            const auto entry = store.entry(d.versionId, d.entryId);
            const auto version = store.version(d.versionId);
            QString &line = listed[d.entityRowId];
            line += (line.isEmpty() ? QString() : QStringLiteral("\n"))
                    + tr("Listed: %1 (%2, accepted match)")
                          .arg(entry ? entry->caption : d.entryId, version ? version->listName : QString());
        }
    }
    if (listed == m_listed) {
        return;
    }
    m_listed = std::move(listed);
    if (m_count > 0) {
        Q_EMIT dataChanged(index(0, NameColumn), index(int(m_count) - 1, NameColumn),
                           {Qt::DecorationRole, Qt::ToolTipRole, ItemDataRole::ListedRole});
    }
}

EntityTableModel::~EntityTableModel() = default;

int EntityTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_count);
}

int EntityTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<EntityRow> EntityTableModel::rowAt(int row) const {
    if (row < 0 || row >= m_count) {
        return std::nullopt;
    }
    const qint64 p = row / PageSize;
    const auto it = m_pages.constFind(p);
    if (it == m_pages.cend()) {
        request(p);
        return std::nullopt;
    }
    it->lastUse = ++m_useClock;
    if (it->generation != m_generation) {
        request(p); // stale after an edit: shown until the fresh copy arrives
    }
    const qsizetype i = row - p * PageSize;
    if (i >= it->rows.size()) {
        return std::nullopt; // the case changed between the count and the page
    }
    // Read ahead a page in the direction of travel so that scrolling rarely meets a placeholder.
    if (i > PageSize * 3 / 4 && (p + 1) * PageSize < m_count && !m_pages.contains(p + 1)) {
        request(p + 1);
    } else if (i < PageSize / 4 && p > 0 && !m_pages.contains(p - 1)) {
        request(p - 1);
    }
    return it->rows.at(i);
}

int EntityTableModel::findLoadedRow(qint64 entityRowId) const {
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        if (it->generation != m_generation) {
            continue;
        }
        for (qsizetype i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).rowId == entityRowId) {
                return int(it.key() * PageSize + i);
            }
        }
    }
    return -1;
}

QVariant EntityTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_count) {
        return {};
    }
    const auto row = rowAt(index.row());
    if (!row) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn ? QStringLiteral("…") : QString();
        case Qt::ForegroundRole:
            return QColor(Qt::gray);
        case ItemDataRole::LoadingRole:
            return true;
        default:
            return {};
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: {
            const QString detail = detailOf(index.row());
            return detail.isEmpty() ? row->caption : tr("%1: %2").arg(row->caption, detail);
        }
        case SchemaColumn: {
            const Schema *schema = SchemaRegistry::instance().schema(row->schema);
            return schema ? schema->label : row->schema;
        }
        case IdColumn:
            return row->id;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString detail = detailOf(index.row());
        const QString listed = m_listed.value(row->rowId);
        const QString text = tr("%1\n%2 · %3").arg(detail.isEmpty() ? row->caption : tr("%1: %2").arg(row->caption, detail),
                                                   row->schema, row->id);
        return listed.isEmpty() ? text : QString(text + QLatin1Char('\n') + listed);
    }
    case Qt::EditRole:
        return index.column() == NameColumn ? row->caption : data(index, Qt::DisplayRole);
    case Qt::DecorationRole:
        if (index.column() != NameColumn) {
            return {};
        }
        return m_listed.contains(row->rowId) ? SchemaIcons::listedBadge(row->schema) : SchemaIcons::forSchema(row->schema);
    case ItemDataRole::ListedRole:
        return m_listed.value(row->rowId);
    case Qt::FontRole:
        return index.column() == IdColumn ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : QVariant();
    case ItemDataRole::EntityRowIdRole:
        return row->rowId;
    case ItemDataRole::EntityIdRole:
        return row->id;
    case ItemDataRole::SchemaRole:
        return row->schema;
    case ItemDataRole::LoadingRole:
        return false;
    default:
        return {};
    }
}

QString EntityTableModel::detailOf(int row) const {
    const auto it = m_pages.constFind(row / PageSize);
    const qsizetype i = row % PageSize;
    return it != m_pages.cend() && i < it->details.size() ? it->details.at(i) : QString();
}

Qt::ItemFlags EntityTableModel::flags(const QModelIndex &index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && data(index, ItemDataRole::EntityRowIdRole).toLongLong() > 0) {
        f |= Qt::ItemIsDragEnabled;
    }
    return f;
}

QStringList EntityTableModel::mimeTypes() const {
    return {entityRowIdsMimeType()};
}

QMimeData *EntityTableModel::mimeData(const QModelIndexList &indexes) const {
    QByteArray rows;
    QSet<qint64> seen;
    for (const QModelIndex &index : indexes) {
        const qint64 row = data(index, ItemDataRole::EntityRowIdRole).toLongLong();
        if (row > 0 && !seen.contains(row)) {
            seen.insert(row);
            rows += QByteArray::number(row) + '\n';
        }
    }
    auto *mime = new QMimeData;
    mime->setData(entityRowIdsMimeType(), rows);
    return mime;
}

QVariant EntityTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SchemaColumn:
        return tr("Schema");
    case IdColumn:
        return tr("Id");
    }
    return {};
}

void EntityTableModel::setFilter(const EntityFilter &filter) {
    if (filter == m_requestedFilter) {
        return;
    }
    m_requestedFilter = filter;
    m_resetOnCount = true;
    m_refreshTimer->stop();
    refresh(/*withSummary=*/false);
}

void EntityTableModel::reload() {
    m_resetOnCount = true;
    m_refreshTimer->stop();
    refresh(true);
}

void EntityTableModel::scheduleRefresh(bool hard) {
    m_resetOnCount = m_resetOnCount || hard;
    m_refreshTimer->start();
}

void EntityTableModel::refresh(bool withSummary) {
    const quint64 gen = ++m_nextGeneration;
    m_requestedGeneration = gen;
    m_loader->requestCount(gen, m_requestedFilter);
    if (m_resetOnCount) {
        // The first page rides along so that the new rows appear without a placeholder frame.
        m_loader->requestPage(gen, m_requestedFilter, 0, 0, PageSize, std::nullopt);
        m_prefetchGeneration = gen;
    }
    if (withSummary) {
        m_summaryGeneration = gen;
        m_summaryPending = true;
        m_loader->requestSummary(gen);
    }
    updateLoading();
}

void EntityTableModel::request(qint64 page) const {
    if (m_pending.contains(page)) {
        return;
    }
    if (m_resetOnCount && m_requestedGeneration != m_generation) {
        return; // these rows are about to be replaced; do not load more of them
    }
    std::optional<EntityRow> after;
    const auto prev = m_pages.constFind(page - 1);
    if (page > 0 && prev != m_pages.cend() && prev->generation == m_generation && prev->rows.size() == PageSize) {
        after = prev->rows.constLast();
    }
    m_pending.insert(page);
    m_loader->requestPage(m_generation, m_filter, page, after ? 0 : page * PageSize, PageSize, after);
    // data() is const and may run inside a paint event: report the state change from the event loop.
    QMetaObject::invokeMethod(const_cast<EntityTableModel *>(this), &EntityTableModel::updateLoading,
                              Qt::QueuedConnection);
}

void EntityTableModel::onCountLoaded(quint64 generation, qint64 count) {
    if (generation != m_requestedGeneration) {
        return; // a newer filter or refresh is on its way
    }
    const bool reset = m_resetOnCount || m_requestedFilter != m_filter;
    if (reset) {
        beginResetModel();
        m_filter = m_requestedFilter;
        m_generation = generation;
        m_loader->setMinimumGeneration(generation);
        m_count = count;
        m_pages.clear();
        m_pending.clear();
        if (m_prefetchGeneration == generation) {
            m_pending.insert(0);
        }
        m_resetOnCount = false;
        endResetModel();
        Q_EMIT filterApplied();
    } else {
        // Same filter, changed data: keep the rows on screen and refresh them where they are.
        m_generation = generation;
        m_loader->setMinimumGeneration(generation);
        m_pending.clear();
        if (count > m_count) {
            beginInsertRows({}, int(m_count), int(count - 1));
            m_count = count;
            endInsertRows();
        } else if (count < m_count) {
            beginRemoveRows({}, int(count), int(m_count - 1));
            m_count = count;
            for (auto it = m_pages.begin(); it != m_pages.end();) {
                it = it.key() * PageSize >= count ? m_pages.erase(it) : std::next(it);
            }
            endRemoveRows();
        }
        if (m_count > 0) {
            Q_EMIT dataChanged(index(0, 0), index(int(m_count - 1), ColumnCount - 1));
        }
    }
    updateLoading();
}

void EntityTableModel::onSummaryLoaded(quint64 generation, const SchemaCounts &counts) {
    if (generation != m_summaryGeneration) {
        return;
    }
    m_summaryPending = false;
    m_summaryLoaded = true;
    m_schemaCounts = counts;
    m_totalCount = 0;
    for (const auto &c : counts) {
        m_totalCount += c.second;
    }
    Q_EMIT summaryChanged();
    updateLoading();
}

void EntityTableModel::onPageLoaded(quint64 generation, qint64 page, const QList<EntityRow> &rows,
                                    const QStringList &details) {
    if (generation != m_generation) {
        return;
    }
    m_pending.remove(page);
    Page &p = m_pages[page];
    p.rows = rows;
    p.details = details;
    p.generation = generation;
    p.lastUse = ++m_useClock;
    evict();
    emitPageChanged(page);
    updateLoading();
}

void EntityTableModel::onPageSkipped(quint64 generation, qint64 page) {
    if (generation != m_generation) {
        return;
    }
    m_pending.remove(page);
    // The rows still on screen ask again when they repaint; the others are not needed.
    emitPageChanged(page);
    updateLoading();
}

void EntityTableModel::evict() {
    while (m_pages.size() > MaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUse < oldest->lastUse) {
                oldest = it;
            }
        }
        m_pages.erase(oldest);
    }
}

void EntityTableModel::emitPageChanged(qint64 page) {
    const qint64 first = page * PageSize;
    const qint64 last = qMin(first + PageSize, m_count) - 1;
    if (first <= last) {
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
    }
}

bool EntityTableModel::isLoading() const {
    return m_requestedGeneration != m_generation || !m_pending.isEmpty() || m_summaryPending;
}

void EntityTableModel::updateLoading() {
    const bool loading = isLoading();
    if (loading != m_loading) {
        m_loading = loading;
        Q_EMIT loadingChanged(loading);
    }
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "entitypageloader.h"
#include "storage/entitystore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

#include <memory>
#include <optional>

class QTimer;

namespace Casegraph::Models {

class CaseFile;

/// The entities of a case in caption order, for the Entities dock and the entity pickers.
///
/// Scales to millions of rows: rowCount() comes from EntityStore::count(), rows are fetched in
/// pages of PageSize on an EntityPageLoader thread (keyset cursor from the previous page when it
/// is cached, else an offset) and at most MaxCachedPages stay in memory, least recently used
/// evicted first. A row whose page is still loading shows a placeholder (LoadingRole is true) and
/// dataChanged() follows when it arrives. Filtering by schema and by a name search happens in SQL:
/// a proxy model would need every row in memory.
///
/// Changing the filter keeps the current rows on screen until the new count arrives, then resets.
/// Edits (entityAdded/Changed/Removed) refresh in place; an import (entitiesReset) resets.
/// Thread affinity: the GUI thread (the CaseFile's).
class EntityTableModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableModel)
public:
    enum Column { NameColumn, SchemaColumn, IdColumn, ColumnCount };
    static constexpr int PageSize = 256;
    static constexpr int MaxCachedPages = 64;

    explicit EntityTableModel(CaseFile &caseFile, QObject *parent = nullptr);
    ~EntityTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Rows can be dragged (onto a chart) as entityRowIdsMimeType(): row ids, one per line.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    static QString entityRowIdsMimeType() { return QStringLiteral("application/x-casegraph-entity-rowids"); }

    /// The filter of the rows shown (the last one set may still be counting).
    EntityFilter filter() const { return m_filter; }
    /// Applies asynchronously; filterApplied() follows when rowCount() reflects it.
    void setFilter(const EntityFilter &filter);
    /// The row if its page is loaded; nullopt while it loads (the page is requested).
    std::optional<EntityRow> rowAt(int row) const;
    /// The row showing this entity if its page is loaded, else -1.
    int findLoadedRow(qint64 entityRowId) const;

    /// True while a count, summary or page request is outstanding.
    bool isLoading() const;
    /// Pages held in memory; never more than MaxCachedPages.
    int cachedPageCount() const { return int(m_pages.size()); }
    /// Entities in the whole case and per schema, from the last summary (not filtered).
    qint64 totalCount() const { return m_totalCount; }
    SchemaCounts schemaCounts() const { return m_schemaCounts; }
    /// Whether a summary has arrived since the model was made (summaryChanged() says when).
    bool hasSummary() const { return m_summaryLoaded; }

    /// Reloads everything (what entitiesReset() does).
    void reload();

Q_SIGNALS:
    void filterApplied();
    void summaryChanged();
    void loadingChanged(bool loading);
    void errorOccurred(const QString &message);

private:
    struct Page {
        QList<EntityRow> rows;
        QStringList details; ///< per row, see EntityPageLoader::pageLoaded()
        quint64 generation = 0;
        mutable quint64 lastUse = 0;
    };
    void scheduleRefresh(bool hard);
    void refresh(bool withSummary);
    void request(qint64 page) const;
    void onCountLoaded(quint64 generation, qint64 count);
    void onSummaryLoaded(quint64 generation, const SchemaCounts &counts);
    void onPageLoaded(quint64 generation, qint64 page, const QList<EntityRow> &rows, const QStringList &details);
    QString detailOf(int row) const;
    void onPageSkipped(quint64 generation, qint64 page);
    void evict();
    void emitPageChanged(qint64 page);
    void updateLoading();

    CaseFile &m_case;
    std::unique_ptr<EntityPageLoader> m_loader;
    QTimer *m_refreshTimer = nullptr;

    EntityFilter m_filter;    ///< of the rows shown
    quint64 m_generation = 0; ///< of the rows shown
    qint64 m_count = 0;
    EntityFilter m_requestedFilter; ///< the newest filter, whose count may still be loading
    quint64 m_requestedGeneration = 0;
    bool m_resetOnCount = true; ///< the next count replaces the rows (else it refreshes them in place)
    quint64 m_nextGeneration = 0;
    quint64 m_prefetchGeneration = 0; ///< the generation whose first page was requested with its count
    quint64 m_summaryGeneration = 0;
    bool m_summaryPending = false;
    bool m_summaryLoaded = false;

    mutable QHash<qint64, Page> m_pages;
    mutable QSet<qint64> m_pending;
    mutable quint64 m_useClock = 0;
    bool m_loading = false;

    qint64 m_totalCount = 0;
    SchemaCounts m_schemaCounts;
    /// Entities with an accepted screening match → what the badge's tooltip says. Few rows:
    /// read whole on the GUI thread whenever a decision changes.
    QHash<qint64, QString> m_listed;
    void loadListed();
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QString>

#include <memory>

namespace Casegraph::Models {

namespace Sql {
class Database;
}
class EntityStore;
class EvidenceStore;
class ChartStore;
class ReferenceListStore;
class MergeStore;

/// Counts shown by `casegraph-cli info` and the window title.
struct CaseInfo {
    int schemaVersion = 0;
    QString title;
    QList<QPair<QString, qint64>> entitiesPerSchema; ///< sorted by schema name
    qint64 entities = 0;
    qint64 values = 0;
    qint64 sources = 0;
    qint64 claims = 0;
    qint64 excerpts = 0;
    qint64 notes = 0;
};

/// One open `.casegraph` file: a SQLite database in WAL mode with foreign keys on.
/// The only owner of SQL in Casegraph; everything else goes through entities() and evidence().
///
/// Thread affinity: a CaseFile and its stores belong to the thread that opened them. Background
/// work opens its own CaseFile on the same path (WAL lets readers run beside the writer).
class CaseFile final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseFile)
public:
    /// The schema version this build writes. Older files are migrated forward on open.
    static constexpr int SchemaVersion = 4;
    enum class OpenMode { ReadWrite, ReadOnly };

    explicit CaseFile(QObject *parent = nullptr);
    ~CaseFile() override;

    /// Creates a new empty case (fails if the file exists).
    Status create(const QString &path, const QString &title = {});
    /// Opens an existing case, migrating it forward (in one transaction) when needed.
    Status open(const QString &path, OpenMode mode = OpenMode::ReadWrite);
    void close();
    bool isOpen() const;
    bool isReadOnly() const { return m_readOnly; }
    QString path() const { return m_path; }

    /// Writes a consistent copy with SQLite's online backup API to a temporary file next to
    /// `path` and renames it into place, so a failure never leaves a half-written copy.
    Status saveAs(const QString &path) const;
    /// Runs PRAGMA integrity_check and foreign_key_check; an empty list means healthy.
    Result<QStringList> check() const;
    CaseInfo info() const;

    QString title() const;
    Status setTitle(const QString &title);
    QString meta(const QString &key) const;
    Status setMeta(const QString &key, const QString &value);

    /// The name recorded with every change (preferences, else the OS user name).
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    /// Records where a batch of values comes from; returns its id for EntityStore calls.
    Result<qint64> addProvenance(Provenance::Kind kind, const QString &label, qint64 sourceId = 0,
                                 const QString &detail = {});
    std::optional<Provenance> provenance(qint64 id) const;

    EntityStore &entities() const { return *m_entities; }
    EvidenceStore &evidence() const { return *m_evidence; }
    /// Named link charts: chosen entities with positions (schema version 3).
    ChartStore &charts() const { return *m_charts; }
    /// Reference lists, screening runs and decisions (schema version 4).
    ReferenceListStore &referenceLists() const { return *m_referenceLists; }
    /// Merges of duplicate entities and their splits (schema version 4).
    MergeStore &merges() const { return *m_merges; }
    Sql::Database &database() const { return *m_db; }

    /// Creates a case at an older schema version, for migration tests and tooling.
    static Status createAtVersion(const QString &path, int version);

Q_SIGNALS:
    void entityAdded(qint64 rowId);
    void entityChanged(qint64 rowId);
    void entityRemoved(qint64 rowId);
    /// Many entities changed at once (an import): views should reload.
    void entitiesReset();
    void sourcesChanged();
    void evidenceChanged(qint64 entityRowId);
    /// A chart was created, renamed, deleted or its nodes changed (chartId of a deleted chart too).
    void chartChanged(qint64 chartId);
    /// A reference list version was loaded, or a screening decision recorded or removed.
    void screeningChanged();

private:
    Status configure();
    Status migrate();
    friend class EntityStore;
    friend class EvidenceStore;
    friend class ChartStore;
    friend class ReferenceListStore;
    friend class MergeStore;

    std::unique_ptr<Sql::Database> m_db;
    std::unique_ptr<EntityStore> m_entities;
    std::unique_ptr<EvidenceStore> m_evidence;
    std::unique_ptr<ChartStore> m_charts;
    std::unique_ptr<ReferenceListStore> m_referenceLists;
    std::unique_ptr<MergeStore> m_merges;
    QString m_path;
    QString m_actor;
    bool m_readOnly = false;
};

} // namespace Casegraph::Models

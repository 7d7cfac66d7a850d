// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
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
class AuditLog;
class NoteStore;
class TagStore;
class LeadStore;
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
    qint64 tags = 0;      ///< tags defined (schema version 4)
    qint64 taggings = 0;  ///< tags put on things
    qint64 leads = 0;
    qint64 openLeads = 0; ///< open or in progress
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
    /// The actor new CaseFile objects start with (the GUI sets the investigator's name from the
    /// preferences; empty restores CASEGRAPH_ACTOR / the OS user name). Call from the main thread.
    static void setDefaultActor(const QString &actor);
    static QString defaultActor();

    /// Appends an entry to the tamper-evident audit log (schema version 4) inside the current
    /// transaction, or in its own. Call it at the end of the transaction that made the change,
    /// so that the entry's content digest covers it. `target` is "entity:<row id>",
    /// "source:<id>", "claim:<id>" … or empty for the whole case. Changes committed through
    /// Sql::Transaction without an entry get a generic "change" entry automatically.
    Status appendAudit(const QString &action, const QJsonObject &before, const QJsonObject &after,
                       const QString &target = {});
    AuditLog &audit() const { return *m_audit; }
    /// Records where a batch of values comes from; returns its id for EntityStore calls.
    Result<qint64> addProvenance(Provenance::Kind kind, const QString &label, qint64 sourceId = 0,
                                 const QString &detail = {});
    std::optional<Provenance> provenance(qint64 id) const;

    EntityStore &entities() const { return *m_entities; }
    EvidenceStore &evidence() const { return *m_evidence; }
    /// Named link charts: chosen entities with positions (schema version 3).
    ChartStore &charts() const { return *m_charts; }
    /// Notes, tags and leads (schema version 4).
    NoteStore &notes() const { return *m_notes; }
    TagStore &tags() const { return *m_tags; }
    LeadStore &leads() const { return *m_leads; }
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
    /// A note on this target was added, changed or deleted (targetId 0 for the case).
    void notesChanged(const QString &targetKind, qint64 targetId);
    /// A tag was created, renamed, recoloured or deleted, or put on or taken off something.
    void tagsChanged();
    void leadsChanged();
    /// A reference list version was loaded, or a screening decision recorded or removed.
    void screeningChanged();

private:
    Status configure();
    Status migrate();
    friend class EntityStore;
    friend class EvidenceStore;
    friend class ChartStore;
    friend class NoteStore;
    friend class TagStore;
    friend class LeadStore;
    friend class ReferenceListStore;
    friend class MergeStore;

    std::unique_ptr<Sql::Database> m_db;
    std::unique_ptr<EntityStore> m_entities;
    std::unique_ptr<EvidenceStore> m_evidence;
    std::unique_ptr<ChartStore> m_charts;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<NoteStore> m_notes;
    std::unique_ptr<TagStore> m_tags;
    std::unique_ptr<LeadStore> m_leads;
    std::unique_ptr<ReferenceListStore> m_referenceLists;
    std::unique_ptr<MergeStore> m_merges;
    QString m_path;
    QString m_actor;
    bool m_readOnly = false;
};

} // namespace Casegraph::Models

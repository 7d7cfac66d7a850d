// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "core/entity.h"
#include "core/evidence.h"
#include "core/result.h"
#include "chartstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace Casegraph::Models {

class CaseFile;
class Schema;

/// A row of the entity table, as the Entities dock shows it.
struct EntityRow {
    qint64 rowId = 0;
    QString id;
    QString schema;
    QString caption;
};

/// What the Entities dock asks for: an optional schema and a search text.
struct EntityFilter {
    QString schema;  ///< exact schema name, or empty for all
    QString search;  ///< names and aliases; words match as prefixes, "quoted text" as a phrase
    qint64 tagId = 0; ///< only entities carrying this tag (TagStore), or 0 for all
    QStringList schemata; ///< any of these schema names (a relationship end's range), or empty for all
    bool operator==(const EntityFilter &) const = default;
};

/// A search hit for `casegraph-cli search` and the main window's search box.
struct SearchHit {
    enum class Kind { Entity, Source, Note, Lead };
    Kind kind = Kind::Entity;
    qint64 rowId = 0;   ///< entity row id; for sources, the Article/Document entity's row id
    qint64 sourceId = 0;
    QString id;         ///< FtM id of the entity
    QString schema;
    QString caption;
    QString snippet;    ///< matched text with [brackets] around the matches
    qint64 itemId = 0;  ///< the note or lead id (Kind::Note, Kind::Lead)
    Target target;      ///< what the note (or lead) is about; rowId is set when it is an entity
};

/// Everything needed to put a deleted entity back exactly as it was (undo).
struct EntitySnapshot {
    Entity entity;
    QList<Claim> claims;
    QList<QPair<qint64, ChartNode>> placements; ///< (chart id, node) for every chart it was on
};

/// Outcome of writing one entity during an import.
enum class WriteOutcome { Created, Merged, Unchanged };

/// Entities and their property values. Owned by a CaseFile; same thread affinity.
class EntityStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::EntityStore)
public:
    explicit EntityStore(CaseFile &caseFile);

    // --- reading ---
    std::optional<Entity> entity(qint64 rowId) const;
    std::optional<Entity> entityById(const QString &id) const;
    qint64 rowIdOf(const QString &id) const; ///< 0 when absent
    std::optional<EntityRow> row(qint64 rowId) const;
    qint64 count(const EntityFilter &filter = {}) const;
    /// Rows in caption order. `after` is a keyset cursor (the last row of the previous page)
    /// so that deep pages do not rescan; pass nullptr and an offset to jump.
    QList<EntityRow> page(const EntityFilter &filter, qint64 offset, int limit, const EntityRow *after = nullptr) const;
    QList<QPair<QString, qint64>> countsBySchema() const;
    /// Entities whose entity-typed properties point at `id` (relationships, sanctions …).
    QList<EntityRow> referencing(const QString &id, int limit = 1000) const;
    /// Names, aliases and source text. Returns at most `limit` hits of each kind.
    QList<SearchHit> search(const QString &query, int limit = 50) const;
    /// Calls `fn` for every entity in row order (export); stops when it returns false.
    Status forEach(const std::function<bool(const Entity &)> &fn) const;

    // --- writing (each call is its own transaction unless one is open) ---
    /// Validates against the schema and stores a new entity with all its values.
    Result<qint64> create(const Entity &entity, qint64 provenanceId);
    /// Adds one value; returns the value's row id.
    Result<qint64> addValue(qint64 entityRowId, const QString &property, const QString &value, qint64 provenanceId);
    /// Replaces a value's text, keeping its row id; the new text takes `provenanceId`.
    Status changeValue(qint64 valueId, const QString &value, qint64 provenanceId);
    Status removeValue(qint64 valueId);
    /// Puts a removed value back with its original id and provenance (undo).
    Status restoreValue(qint64 entityRowId, const PropertyValue &value);
    std::optional<PropertyValue> value(qint64 valueId) const;
    /// Deletes the entity with its values and claims; the snapshot restores it exactly.
    Result<EntitySnapshot> remove(qint64 rowId);
    Status restore(const EntitySnapshot &snapshot);

    // --- bulk writing for importers: call inside an open transaction ---
    /// Creates the entity, or merges its values into the existing one with the same id
    /// (identical values keep their original provenance). Values are validated by the caller.
    Result<WriteOutcome> write(const Entity &entity, qint64 provenanceId);
    /// Entity references whose target is not in the case, among the values written after
    /// `afterValueId` (maxValueId() before an import's writes: inside the import's transaction
    /// every newer value is the import's), or among all values when it is 0.
    qint64 countDangling(qint64 afterValueId = 0) const;
    /// The highest value row id so far; value ids only grow, so rows written later are above it.
    qint64 maxValueId() const;
    /// For large imports, inside their transaction: drops the secondary indexes (caption,
    /// schema, references) so rows go in without random index inserts; rebuildIndexes()
    /// recreates them by sorting, which is several times faster. A rollback restores them.
    Status deferIndexes();
    Status rebuildIndexes();

    /// Text prepared for the FTS index: CJK ideographs separated so that substrings match.
    static QString ftsText(const QString &text);
    /// Turns user input into an FTS5 query: words as prefixes, quoted text as phrases.
    static QString ftsQuery(const QString &input);
    /// Undoes ftsText() on index text (a snippet): the spaces between CJK characters go.
    static QString fromFtsText(const QString &text);

private:
    friend class MergeStore; // refreshes captions and search rows after moving values
    /// `names`, when given, receives the name-typed values (for the entity's search row).
    Status insertValues(qint64 rowId, const Schema &schema, const QList<PropertyValue> &values, qint64 provenanceId,
                        bool keepIds, QStringList *names = nullptr);
    Status refreshDerived(qint64 rowId); ///< caption and FTS row after value edits
    /// Runs `change` (a write to the entity's values) in a transaction with refreshDerived(),
    /// commits, and tells the views.
    Status editValues(qint64 entityRowId, const std::function<Status()> &change);
    QString captionFor(const Schema &schema, const Entity &entity) const;
    CaseFile &m_case;
};

} // namespace Casegraph::Models

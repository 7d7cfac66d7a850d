// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Casegraph::Models {

class CaseFile;

/// A recorded merge of one entity into another.
struct EntityMerge {
    qint64 id = 0;
    qint64 keptRowId = 0;
    qint64 mergedRowId = 0; ///< the merged entity's former row id (restored by split)
    QString mergedId;       ///< its FtM id
    QString mergedCaption;
    QString actor;
    QDateTime at;
    QDateTime splitAt; ///< invalid while the merge stands
};

/// Merges duplicate entities and splits them again, exactly (schema version 4, entity_merge).
///
/// merge() moves every value of the merged entity (same rows, so each keeps its provenance),
/// its claims with their excerpts, notes, screening decisions and chart places to the kept one,
/// points every reference to the merged id at the kept id, and deletes the merged entity row;
/// the entity_merge row records each moved row by id. split() puts every row back where it was
/// and restores the merged entity with its former row id, id, schema and caption, so the case
/// is as before the merge (also after the file was closed and reopened).
/// Owned by a CaseFile; same thread affinity.
class MergeStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::MergeStore)
public:
    explicit MergeStore(CaseFile &caseFile);

    /// Merges `mergedRowId` into `keptRowId`. Their schemata must be one and the same or one a
    /// descendant of the other (the kept entity takes the more specific one). Entities holding a
    /// preserved source are not merged. Returns the merge id.
    Result<qint64> merge(qint64 keptRowId, qint64 mergedRowId);
    /// Undoes a merge that still stands and is the latest standing merge into its kept entity.
    Status split(qint64 mergeId);
    /// Merges into `keptRowId` (0: all), latest first; only the standing ones unless `all`.
    QList<EntityMerge> merges(qint64 keptRowId = 0, bool all = false) const;

private:
    CaseFile &m_case;
};

} // namespace Casegraph::Models

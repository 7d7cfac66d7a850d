// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// One loaded version of a reference list (a sanctions or export-control list).
struct ReferenceListVersion {
    qint64 id = 0;
    qint64 listId = 0;
    QString listName;
    QString sha256;   ///< of the loaded file: the version's identity
    QString fileName;
    QString format;   ///< the import format that read it (csl, ofac-xml, ftm …)
    QDateTime loadedAt;
    QString loadedBy;
    qint64 entries = 0;
    qint64 added = 0;   ///< against the list's previous version
    qint64 removed = 0;
    qint64 changed = 0;
};

/// A listed party with its Sanction entities, as one reference-list version holds it.
struct ReferenceEntry {
    QString id;
    QString schema;
    QString caption;
    QString authority; ///< of its Sanctions, "; "-separated
    QString program;
    QString digest;    ///< SHA-256 of `data`, to tell changed entries between versions
    QJsonObject data;  ///< {"entity": FtM entity, "sanctions": [FtM Sanction entities]}
};

/// A screening of case entities against one list version.
struct ScreeningRun {
    qint64 id = 0;
    qint64 versionId = 0;
    double threshold = 0;
    QString scope; ///< "all" or "selected"
    qint64 screened = 0;
    qint64 candidates = 0;
    QDateTime at;
    QString actor;
};

/// A user's decision on a candidate match: the case entity, the listed entry and the list
/// version it was shown from, with the score and explanation the user saw.
struct ScreeningDecision {
    enum class Kind { Accepted, Rejected };
    qint64 id = 0;
    qint64 entityRowId = 0;
    qint64 versionId = 0;
    QString entryId;
    qint64 runId = 0; ///< 0: not from a recorded run
    Kind decision = Kind::Rejected;
    double score = 0;
    QString explanation;
    QString actor;
    QDateTime at;

    static QString kindName(Kind kind);
    /// What the audit log records of the decision.
    QJsonObject auditJson() const;
};

/// Reference lists, screening runs and decisions in the case file (schema version 4).
///
/// Lists live in their own tables (ref_list, ref_list_version, ref_entry), never in `entity`:
/// the case's findings and the lists it was screened against stay apart, yet one file holds
/// both, so a copy of the case still says which list version every decision was made against.
/// Owned by a CaseFile; same thread affinity.
class ReferenceListStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ReferenceListStore)
public:
    explicit ReferenceListStore(CaseFile &caseFile);

    /// The latest version of every list, by name.
    QList<ReferenceListVersion> lists() const;
    /// Every version of a list, oldest first.
    QList<ReferenceListVersion> versions(const QString &listName) const;
    std::optional<ReferenceListVersion> latest(const QString &listName) const;
    std::optional<ReferenceListVersion> version(qint64 versionId) const;

    /// Stores a new version of `meta.listName` (creating the list) with its entries, in one
    /// transaction; fills in the id, entries and the added/removed/changed counts against the
    /// previous version. Returns the version id.
    Result<qint64> addVersion(ReferenceListVersion &meta, const QList<ReferenceEntry> &entries);
    QList<ReferenceEntry> entries(qint64 versionId) const;
    std::optional<ReferenceEntry> entry(qint64 versionId, const QString &entryId) const;
    /// Entry id → digest, for diffs between versions.
    QHash<QString, QString> digests(qint64 versionId) const;

    Result<qint64> addRun(ScreeningRun &run);
    QList<ScreeningRun> runs() const;

    /// Records a decision (a later one for the same entity and entry supersedes it).
    Result<qint64> addDecision(ScreeningDecision &decision);
    /// addDecision() in its own transaction with its audit entry (a decision made outside the
    /// undo stack, such as casegraph-cli decide).
    Result<qint64> recordDecision(ScreeningDecision &decision);
    /// Removes a decision (undo).
    Status removeDecision(qint64 decisionId);
    /// Puts a removed decision back with its id (redo).
    Status restoreDecision(const ScreeningDecision &decision);
    /// Every decision, oldest first; only those about one entity when `entityRowId` is not 0.
    QList<ScreeningDecision> decisions(qint64 entityRowId = 0) const;
    /// The decisions in force (latest per entity and entry) that accepted a match.
    QList<ScreeningDecision> acceptedMatches(qint64 entityRowId = 0) const;

private:
    /// Fills in "now" and the case's actor where a record leaves them empty.
    void stamp(QDateTime &at, QString &actor) const;
    QList<ReferenceListVersion> readVersions(const char *sql, const QString &key) const;
    QList<ScreeningDecision> readDecisions(const QString &sql, qint64 entityRowId) const;
    CaseFile &m_case;
};

} // namespace Casegraph::Models

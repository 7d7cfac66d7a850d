// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/evidence.h"
#include "core/grading.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>

#include <atomic>
#include <limits>
#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// A fact of the case that lacks support: a relationship or dated value without a supporting
/// passage, or a claim whose every supporting passage comes from sources graded below the
/// case's threshold.
struct UnsupportedFact {
    enum class Kind { Relationship, DatedFact, WeakSupport };
    Kind kind = Kind::Relationship;
    qint64 entityRowId = 0;
    QString schema;
    QString caption;
    QString property; ///< the dated property, or the weak claim's property (may be empty)
    QString value;
    qint64 claimId = 0; ///< WeakSupport only
    QString bestReliability; ///< WeakSupport: the best grade among its passages
};

/// The unsupported facts of a case: how many of each kind, and the first of each listed.
struct UnsupportedFactList {
    QList<UnsupportedFact> facts; ///< relationships, then dated values, then weak claims, each in caption order
    qint64 relationships = 0;     ///< all of them, listed or not
    qint64 dates = 0;
    qint64 weakClaims = 0;
    qint64 count(UnsupportedFact::Kind kind) const {
        return kind == UnsupportedFact::Kind::Relationship ? relationships
               : kind == UnsupportedFact::Kind::DatedFact  ? dates
                                                           : weakClaims;
    }
    bool complete() const { return facts.size() == relationships + dates + weakClaims; }
};

/// A name or alias of an entity, for finding mentions of it in source text.
struct EntityName {
    qint64 entityRowId = 0;
    QString schema;
    QString name;
};

/// A name or alias of an entry of a loaded reference list (the latest version of each list),
/// for finding mentions of listed parties in source text.
struct ListedName {
    qint64 versionId = 0;
    QString entryId;  ///< ref_entry.eid
    QString listName;
    QString caption;  ///< the entry's caption
    QString schema;   ///< the entry's FtM schema ("Company", "Person" …)
    QString program;  ///< its Sanctions' programmes, "; "-separated
    QString name;
};

/// Grading, excerpt edits and support summaries of a case (schema version 4: the case's
/// grading scheme lives in `grading_level`, its threshold in `meta`). A light view over a
/// CaseFile, made on demand; same thread affinity as the CaseFile.
class SupportStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::SupportStore)
public:
    explicit SupportStore(CaseFile &caseFile);

    // --- grading scheme ---
    /// The case's scheme; the Admiralty code when the case has none of its own.
    GradingScheme gradingScheme() const;
    Status setGradingScheme(const GradingScheme &scheme);
    /// Reliability code below which passages count as weak support ("C" by default: D, E, F
    /// are weak).
    QString supportThreshold() const;
    Status setSupportThreshold(const QString &reliabilityCode);

    // --- claims and excerpts ---
    std::optional<Claim> claim(qint64 claimId) const;
    std::optional<Excerpt> excerpt(qint64 excerptId) const;
    /// The claim on exactly this entity, property and value (empty property: the entity
    /// itself), or 0.
    qint64 findClaim(qint64 entityRowId, const QString &property, const QString &value) const;
    /// Adds a passage to an existing claim; its quote must equal the source text at its
    /// offsets. Keeps `excerpt.id` when set (redo). Returns the excerpt id.
    Result<qint64> addExcerpt(const Excerpt &excerpt);
    Status removeExcerpt(qint64 excerptId);
    /// Removes a claim with its excerpts.
    Status removeClaim(qint64 claimId);
    Status setClaimGrading(qint64 claimId, const QString &credibility, const QString &status);
    Status setExcerptGrading(qint64 excerptId, const QString &reliability, Excerpt::Stance stance);

    // --- support ---
    /// Support of an entity or relationship as a whole (every claim about it), or of one of
    /// its values when `property` is given.
    Support supportOf(qint64 entityRowId, const QString &property = {}, const QString &value = {}) const;
    /// Support of every entity that has a claim, by entity row id (for charts and timelines).
    QHash<qint64, Support> supportOfAll() const;
    /// Relationships and dated values with no supporting passage, then claims supported only
    /// by passages graded below `threshold` (a reliability code; empty: the case's threshold).
    QList<UnsupportedFact> unsupportedFacts(const QString &threshold = {}) const;
    /// The same, counting every one but listing at most `maxPerKind` of each kind; stops early
    /// (an incomplete result to discard) once `*cancel` is set.
    UnsupportedFactList unsupportedFactList(const QString &threshold, qint64 maxPerKind,
                                            const std::atomic_bool *cancel = nullptr) const;

    // --- names ---
    /// Every name-typed value (names, aliases, previous names …) of every entity that is not
    /// a relationship, an article or a document.
    QList<EntityName> entityNames() const;
    /// Every name-typed value but weak aliases of every entry of the latest version of each reference list,
    /// ordered by version and entry (one row per name). Lists are not case entities: the
    /// viewer shows these apart.
    QList<ListedName> listedNames() const;

private:
    struct Row;
    QList<Row> supportRows(qint64 entityRowId) const;
    Support summarise(const QList<Row> &rows, const GradingScheme &scheme) const;
    Status checkQuote(const Excerpt &excerpt) const;
    qint64 entityOfClaim(qint64 claimId) const;

    CaseFile &m_case;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

#include <QDate>
#include <QHash>

#include <functional>
#include <memory>

namespace Casegraph::Models {

/// Which Sanctions make an entity "listed" (a setting). Empty lists accept every Sanction.
/// A term matches a Sanction when it occurs, case-insensitively, in one of its values
/// ("Entity List" matches the program "Entity List"; "Commerce" matches "U.S. Commerce Department").
struct SanctionFilter {
    QStringList authorities;
    QStringList programs;
    bool accepts(const QStringList &authorities, const QStringList &programs) const;
    bool isEmpty() const { return authorities.isEmpty() && programs.isEmpty(); }
};

/// Verdict of the ownership rule for one entity.
enum class ExposureVerdict {
    Listed,        ///< carries an accepted Sanction itself
    Restricted,    ///< restricted owners hold at least the threshold even on the lowest reading of the stakes
    Undetermined,  ///< the threshold is reached only on a higher reading of ranged or unknown stakes
    NotRestricted, ///< even the highest reading stays below the threshold
};

struct ExposureOptions {
    double threshold = 50; ///< percent; reached when the sum is ≥ threshold (inclusive)
    SanctionFilter lists;
    std::optional<QDate> asOf; ///< only ownerships valid on that day (see PathQuery::asOf)
    bool lookThrough = true;   ///< compute the informational effective ownership
    int lookThroughDepth = 10; ///< chains longer than this (cycles) stop contributing
};

/// One direct stake held in an entity by a listed, restricted or undetermined owner.
struct ExposureStake {
    QString owner;
    qint64 ownerRowId = 0;
    ExposureVerdict ownerVerdict = ExposureVerdict::NotRestricted;
    QString ownership; ///< FtM id of the Ownership entity
    qint64 ownershipRowId = 0;
    PercentageRange percentage;
    int evidence = 0; ///< excerpts of the claims on the Ownership
};

struct EntityExposure {
    QString id;
    qint64 rowId = 0;
    QString schema;
    ExposureVerdict verdict = ExposureVerdict::NotRestricted;
    /// Sum of direct stakes held by Restricted/Listed owners at their lowest reading (the best case).
    double minimumSum = 0;
    /// Sum of direct stakes held by Listed, Restricted or Undetermined owners at their highest reading
    /// (the worst case).
    double maximumSum = 0;
    /// Look-through effective ownership by listed entities, in percent (products of stakes along
    /// chains, summed over chains), lowest and highest readings. For information: the rule is the
    /// direct-stake aggregation above, not this.
    double effectiveMinimum = 0;
    double effectiveMaximum = 0;
    QList<ExposureStake> stakes; ///< the stakes behind the sums, largest first
    QList<SanctionRecord> sanctions; ///< for Listed: the accepted Sanctions
};

/// The result of the 50% rule over a whole projection. Verdicts and sums are kept per node in flat
/// arrays; entity() and entities() build the detailed entries (stakes, sanctions) when asked, so a
/// million-entity run stays cheap. Copies share the data (and keep the projection alive).
class ExposureReport {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ExposureReport)
public:
    ExposureReport();
    ExposureOptions options;
    qsizetype listed = 0;
    qsizetype restricted = 0;
    qsizetype undetermined = 0;

    /// The entity's entry with its stakes; a NotRestricted one without stakes for ids not in the graph.
    EntityExposure entity(const QString &id) const;
    ExposureVerdict verdict(const QString &id) const;
    /// Every entity that is Listed, Restricted or Undetermined, or holds a stake of such an owner
    /// (limit -1: all); ordered Listed, Restricted, Undetermined, NotRestricted, then by id.
    QList<EntityExposure> entities(int limit = -1) const;
    /// How many entities entities() returns.
    qsizetype size() const;
    /// The chain that produced the verdict, one line per stake, indented by depth:
    /// "B — restricted: restricted owners hold at least 50% in aggregate (threshold 50%)", then
    /// "  ← 50% held by A (restricted) through ownership own-2, 1 excerpt(s)" … down to the listed
    /// owners and their Sanctions. Cycles and chains deeper than maxDepth end in "…"; an owner met
    /// again through another path is not expanded again ("… (its owners are shown above)").
    /// `name`, when given, writes an entity for the reader (the GUI: "Caption [id]"); else its FtM id.
    /// `maxLines` (> 0) stops the text there with a last line saying it was cut.
    QStringList explain(const QString &id, int maxDepth = 8,
                        const std::function<QString(const QString &id)> &name = {}, int maxLines = -1) const;
    static QString verdictName(ExposureVerdict verdict);

    struct Data; ///< private (exposure.cpp)

private:
    friend ExposureReport computeExposure(const GraphProjection &, const ExposureOptions &);
    EntityExposure entry(quint32 vertex) const;
    std::shared_ptr<const Data> d;
};

/// The ownership rule as OFAC FAQs 398-401 state it for blocked persons, and as BIS's 2025
/// Affiliates rule extends it to the Entity List: starting from the listed set, an entity is
/// restricted when the SUM of the DIRECT stakes that already-restricted entities hold in it reaches
/// the threshold; iterated to a fixed point (each entity enters once, so cycles terminate). Stakes
/// of owners that are not restricted do not count, however large their own listed owners' stakes
/// (FAQ 401: X 25% of A and of B, A and B 50% each of C — C is not restricted). Control without
/// ownership (directorships) does not count. Several Ownerships between the same pair are separate
/// stakes and add up. Runs in O(edges).
ExposureReport computeExposure(const GraphProjection &graph, const ExposureOptions &options = {});

} // namespace Casegraph::Models

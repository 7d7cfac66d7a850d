// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exposure.h"
#include "paths.h"

namespace Casegraph::Models {

struct DiversionQuery {
    QString from; ///< FtM id of a manufacturer, or of a product entity (Supply.productEntity)
    int maxHops = 6;
    int maxPaths = 1000;
    /// Relationship schemata followed forward, besides the Manufacturer and Product hops of Supplies;
    /// undirected ones (Associate, Family …) both ways.
    QStringList schemata = {QStringLiteral("Supply")};
    std::optional<QDate> asOf;
    /// Which Sanctions make an end user listed.
    SanctionFilter lists;
    /// Also count end users restricted by the ownership rule at this threshold (percent); unset: only
    /// entities that carry a Sanction themselves.
    std::optional<double> ownershipThreshold;
    /// false: report every end user reached (a recipient with no further supply), listed or not.
    bool listedOnly = true;
    /// Set from another thread to stop the search early (DiversionResult::cancelled); may be null.
    const std::atomic_bool *cancel = nullptr;
};

struct DiversionPath {
    QString endUser; ///< FtM id
    qint64 endUserRowId = 0;
    bool listed = false;     ///< carries an accepted Sanction
    bool restricted = false; ///< restricted by the ownership rule (when ownershipThreshold is set)
    QStringList sanctions;   ///< FtM ids of the accepted Sanctions on the end user
    GraphPath path;
};

struct DiversionResult {
    QList<DiversionPath> paths; ///< by length, then end user
    QStringList endUsers;       ///< distinct end users, in the order of their shortest path
    bool capped = false;        ///< maxPaths reached
    bool workLimitReached = false;
    bool cancelled = false; ///< DiversionQuery::cancel was set: the list is incomplete
};

/// Supply paths from a manufacturer (or product) to end users that carry a Sanction — or that are
/// restricted under the ownership rule, or, with listedOnly false, to every end user.
///
/// The walk follows Supply relationships forward (supplier → recipient) and the manufacturer hop
/// M → S that a Supply naming M as manufacturer adds. It keeps to the goods of the starting
/// manufacturer: a Supply whose manufacturer is another entity is not followed, and a manufacturer
/// hop is followed only out of the start (from a product: out of the product's manufacturer). A start
/// that manufactures nothing (a reseller) follows every supply.
/// A listed entity in the middle of a chain is reported and the walk goes on past it.
Result<DiversionResult> diversionPaths(const GraphProjection &graph, const DiversionQuery &query);

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

#include <QDate>

#include <atomic>

namespace Casegraph::Models {

/// One step of a path, in the order the path walks it.
struct PathHop {
    QString from; ///< FtM id of the entity the hop leaves
    QString to;
    qint64 fromRowId = 0;
    qint64 toRowId = 0;
    /// false when the hop crosses the relationship from its target to its source (undirected
    /// traversal, or an undirected schema such as Associate).
    bool forward = true;
    GraphLink link; ///< the relationship: id, schema, dates, percentage, evidence count
};

struct GraphPath {
    QList<PathHop> hops;
    int length() const { return int(hops.size()); }
    /// Excerpts over all hops.
    int evidence() const;
    /// The weakest hop's evidence: a path is as well documented as its least documented hop.
    int minEvidence() const;
};

struct PathQuery {
    QString from; ///< FtM ids
    QString to;
    int maxHops = 6;         ///< also bounds the shortest path; 0 = no bound for shortestPath()
    bool undirected = false; ///< cross every relationship both ways
    /// Relationship schemata to follow (a name includes its descendants: "Interest" is every
    /// Interest); empty follows all. Manufacturer and Product hops belong to "Supply"; Reference
    /// hops to the holder's schema (e.g. "Event").
    QStringList schemata;
    /// Only relationships valid on this day: start ≤ day ≤ end, partial dates taken as their span
    /// (a start "2019" is valid from 2019-01-01, an end "2020" until 2020-12-31); missing = open.
    std::optional<QDate> asOf;
    int maxPaths = 1000; ///< allSimplePaths() stops here and says so
    /// Set from another thread to stop allSimplePaths() early (PathResult::cancelled); may be null.
    const std::atomic_bool *cancel = nullptr;
};

struct PathResult {
    QList<GraphPath> paths; ///< shortest first
    bool capped = false;    ///< maxPaths was reached: more paths exist
    bool workLimitReached = false; ///< the search stopped after exploring PathSearchWorkLimit steps
    bool cancelled = false; ///< PathQuery::cancel was set: the list is incomplete
    qint64 steps = 0;       ///< edges examined
};

/// Edges examined before a path search gives up (and sets workLimitReached).
inline constexpr qint64 PathSearchWorkLimit = 50'000'000;
/// Searches look at their cancel flag once per this many edges (a power of two).
inline constexpr qint64 PathSearchCancelInterval = 4096;

/// Breadth-first shortest path (unweighted). Empty `paths` when there is none within maxHops.
/// Fails when an end is not a node of the projection.
Result<PathResult> shortestPath(const GraphProjection &graph, const PathQuery &query);

/// Every simple path (no entity twice) of at most maxHops hops, found depth-first with the hops
/// to `to` precomputed so that no branch that cannot reach it in time is explored; stops at
/// maxPaths (capped = true).
Result<PathResult> allSimplePaths(const GraphProjection &graph, const PathQuery &query);

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "centrality.h"
#include "diversion.h"
#include "exposure.h"
#include "paths.h"

namespace Casegraph::Models {

/// Plain-text reports of the analytics, translated, one line per list element: what
/// `casegraph-cli paths|diversion|exposure|centrality` print (and what a GUI may copy to the clipboard).
class AnalyticsText {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::AnalyticsText)
public:
    /// "A —[Ownership own-1: 50%, 2019 – open, 2 excerpts]→ B"; "←[…]—" for a hop against the direction.
    static QString hop(const PathHop &hop);
    /// A path as "A —[…]→ B —[…]→ C".
    static QString path(const GraphPath &path);
    /// `paths`: the shortest path, then every simple path, and whether the cap was hit.
    static QStringList paths(const PathQuery &query, const PathResult &shortest, const PathResult &all);
    /// `diversion`: one block per path, end users listed first.
    static QStringList diversion(const DiversionQuery &query, const DiversionResult &result);
    /// `exposure`: counts, then the explanation of every listed/restricted/undetermined entity
    /// (at most `limit` entities; -1 all).
    static QStringList exposure(const ExposureReport &report, int limit = -1);
    /// `centrality`: the top `top` nodes by betweenness and by degree, and component sizes.
    static QStringList centrality(const QList<NodeDegree> &degrees, const BetweennessResult &betweenness,
                                  const ComponentsResult &components, int top = 20);
};

} // namespace Casegraph::Models

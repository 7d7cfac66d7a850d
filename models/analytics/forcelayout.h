// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QPointF>
#include <QtGlobal>

#include <functional>
#include <utility>
#include <vector>

namespace Casegraph::Models {

/// A graph for layout only: nodes 0..nodeCount-1, edges as index pairs (direction ignored,
/// parallel edges and self-loops allowed).
struct LayoutGraph {
    qsizetype nodeCount = 0;
    std::vector<std::pair<qint32, qint32>> edges;
};

struct ForceLayoutOptions {
    int iterations = 0;       ///< 0 = automatic (fewer when most nodes are already placed)
    double edgeLength = 140;  ///< the preferred length of an edge, in scene units
    double theta = 0.9;       ///< Barnes-Hut opening angle: larger is faster and coarser; 0 is exact
    quint32 seed = 1;         ///< same graph, positions and seed give the same layout
};

/// Force-directed layout: springs along edges (ideal length edgeLength) against Fruchterman-Reingold
/// repulsion between all nodes, approximated with a Barnes-Hut quadtree (O(n log n) per iteration),
/// with a cooling step limit and a weak pull to the centre that keeps separate components together.
///
/// `positions` is read and written (size nodeCount; empty means every node unplaced). A node whose
/// x is NaN is unplaced: it starts near the mean of its placed neighbours (else on a spiral around
/// the placed ones). Pinned nodes (`pinned[i]`, empty means none) never move. When some nodes were
/// already placed the layout is incremental: they are held by a spring to where they were and move
/// at a tenth of the step of new nodes, so expanding a node does not scramble the chart.
///
/// `progress(done, total)` is called once per iteration; returning false cancels: the function then
/// returns an error saying so and leaves `positions` untouched. Deterministic for a given seed.
/// Memory: about 250 bytes per node (most of it the quadtree) plus 8 per edge; 264 bytes per node
/// measured on 10,000 nodes. Runs on any thread (no Qt objects, no shared state).
Status forceLayout(const LayoutGraph &g, std::vector<QPointF> &positions, const std::vector<bool> &pinned,
                   const ForceLayoutOptions &options, const std::function<bool(int done, int total)> &progress = {});

} // namespace Casegraph::Models

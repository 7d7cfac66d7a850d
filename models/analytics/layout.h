// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

#include <QPointF>

#include <utility>
#include <vector>

namespace Casegraph::Models {

struct NodePosition {
    QString id;
    qint64 rowId = 0;
    double x = 0;
    double y = 0;
    int layer = 0;
};

/// A left-to-right layered layout for link charts (supply chains, ownership trees): each node sits
/// one layer right of its furthest predecessor (longest path), cycles are broken at the edges that
/// close them, and nodes in a layer are ordered by the mean position of their predecessors, then by
/// id. Positions by entity id; ui/ applies them.
QList<NodePosition> layeredLayout(const GraphProjection &graph, double layerSpacing = 240, double nodeSpacing = 120);

// Layouts on node indexes, for chart views: `positions` (one per node) are read and written in
// place; a pinned node keeps its position. Edges are (tail, head) index pairs; self-loops and
// parallel edges are allowed. All are pure functions, safe on any thread.

/// Directed edges between node indexes.
using IndexEdges = std::vector<std::pair<qint32, qint32>>;

/// Layer and slot of every node under the rules of layeredLayout(): longest-path layers after
/// breaking cycles (depth-first, in edge order), slots ordered by the mean slot of predecessors,
/// ties by `tieRank` (lower first; empty: node index). Slots are centred on 0 within a layer.
struct Layering {
    std::vector<int> layer;
    std::vector<double> slot;
};
Layering layerNodes(qsizetype nodeCount, const IndexEdges &edges, const std::vector<qint32> &tieRank = {});

/// Top-down hierarchical layout (owners above what they own, suppliers above recipients).
void hierarchicalLayout(qsizetype nodeCount, const IndexEdges &edges, std::vector<QPointF> &positions,
                        const std::vector<bool> &pinned, double layerSpacing = 180, double nodeSpacing = 200);

/// Rings around `centre` by undirected hop distance (ring k at radius k × ringSpacing); nodes not
/// connected to the centre go on an outer ring. Each ring is ordered by the angle of its parent.
void radialLayout(qsizetype nodeCount, const IndexEdges &edges, qint32 centre, std::vector<QPointF> &positions,
                  const std::vector<bool> &pinned, double ringSpacing = 220);

/// A square grid in node order, row by row, left to right.
void gridLayout(std::vector<QPointF> &positions, const std::vector<bool> &pinned, double spacing = 200);

} // namespace Casegraph::Models

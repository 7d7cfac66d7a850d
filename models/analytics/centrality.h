// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

namespace Casegraph::Models {

struct NodeDegree {
    QString id;
    qint64 rowId = 0;
    QString schema;
    int in = 0;    ///< edges ending at the node (parallel relationships count each)
    int out = 0;
    int total = 0;
};
/// Degrees of every node, highest total first (then id).
QList<NodeDegree> degreeCentrality(const GraphProjection &graph);

struct BetweennessOptions {
    bool directed = false;     ///< default: relationships as undirected links (brokerage regardless of "owns"/"directs")
    int exactNodeLimit = 5000; ///< exact Brandes (Boost) up to this many nodes, else sampled
    int samples = 0;           ///< sampled sources; 0 chooses about 2e8 / (nodes + edges), at least 16
    quint32 seed = 42;
    int limit = -1;            ///< keep the highest `limit` scores (-1: all)
};

struct NodeScore {
    QString id;
    qint64 rowId = 0;
    double value = 0;      ///< betweenness (pairs of nodes; parallel edges collapsed)
    double normalized = 0; ///< value / number of pairs that exclude the node
};

struct BetweennessResult {
    QList<NodeScore> scores; ///< highest first
    bool approximate = false; ///< true: Brandes from `samples` random sources, scaled by nodes/samples
    int samples = 0;
};
BetweennessResult betweennessCentrality(const GraphProjection &graph, const BetweennessOptions &options = {});

struct NodeComponent {
    QString id;
    qint64 rowId = 0;
    int component = 0; ///< 0 is the largest
};
struct ComponentsResult {
    QList<qsizetype> sizes;     ///< by component index, largest first
    QList<NodeComponent> nodes; ///< every node
};
/// Weakly connected components (edge direction ignored).
ComponentsResult weakComponents(const GraphProjection &graph);

} // namespace Casegraph::Models

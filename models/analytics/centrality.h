// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

#include <functional>
#include <optional>
#include <utility>
#include <vector>

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

// --- The same measures over a plain edge list (a chart's visible nodes and edges, say) ---

/// A graph as numbers: nodes 0 … nodeCount − 1 and (tail, head) pairs. Parallel edges and loops
/// are allowed. `undirected[k]` marks edge k as linking both ways for directed betweenness
/// (Associate, Family …); empty: every edge follows its direction.
struct EdgeList {
    quint32 nodeCount = 0;
    std::vector<std::pair<quint32, quint32>> edges;
    std::vector<bool> undirected;
};

/// Called now and then with the percentage done; returning false cancels.
using CentralityProgress = std::function<bool(int percent)>;

/// Total degree of every node (in + out; parallel edges count each, a loop counts twice).
std::vector<int> degrees(const EdgeList &graph);

struct BetweennessValues {
    std::vector<double> value;      ///< by node: pairs of nodes whose shortest paths cross it
    std::vector<double> normalized; ///< value / pairs that exclude the node (0 … 1)
    bool approximate = false;       ///< as BetweennessResult::approximate
    int samples = 0;
};
/// Betweenness of every node (parallel edges collapsed, loops ignored): Brandes' accumulation from
/// every source up to options.exactNodeLimit nodes, else from a random sample of options.samples
/// sources scaled up (options.limit is ignored). Nullopt when `progress` cancels.
std::optional<BetweennessValues> betweenness(const EdgeList &graph, const BetweennessOptions &options = {},
                                             const CentralityProgress &progress = {});

struct ComponentIndex {
    std::vector<int> component; ///< by node; 0 is the largest component
    QList<qsizetype> sizes;     ///< by component index, largest first (equal sizes: lowest node first)
};
/// Weakly connected components (edge direction ignored).
ComponentIndex components(const EdgeList &graph);

} // namespace Casegraph::Models

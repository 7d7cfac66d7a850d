// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "centrality.h"
#include "graphdata_p.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>
#include <numeric>
#include <random>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace {

// Parallel relationships collapsed into one link: betweenness counts paths between nodes.
using SimpleGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                       boost::no_property, quint32, quint32>;

SimpleGraph simpleGraph(const EdgeList &g, bool directed)
{
    std::vector<std::pair<quint32, quint32>> pairs;
    pairs.reserve(g.edges.size() * (directed ? 1 : 2));
    for (size_t k = 0; k < g.edges.size(); ++k) {
        const auto [s, t] = g.edges[k];
        if (s == t) {
            continue;
        }
        pairs.emplace_back(s, t);
        // An undirected relationship (Associate, Family …) links both ways even in directed mode.
        if (!directed || (k < g.undirected.size() && g.undirected[k])) {
            pairs.emplace_back(t, s);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return SimpleGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(), g.nodeCount);
}

/// The projection's graph as an edge list (vertex v is node v).
EdgeList edgeListOf(const Graph &g)
{
    EdgeList out;
    out.nodeCount = quint32(boost::num_vertices(g));
    out.edges.reserve(boost::num_edges(g));
    out.undirected.reserve(boost::num_edges(g));
    for (const Edge &e : boost::make_iterator_range(boost::edges(g))) {
        out.edges.emplace_back(quint32(boost::source(e, g)), quint32(boost::target(e, g)));
        out.undirected.push_back(g[e].flags & Undirected);
    }
    return out;
}

/// Brandes' accumulation (unweighted) from `samples` sources: every node when samples == n
/// (exact), else a random sample scaled by n / samples (Brandes & Pich 2007). Nullopt when
/// `progress` cancels.
std::optional<std::vector<double>> accumulate(const SimpleGraph &g, int samples, quint32 seed,
                                              const CentralityProgress &progress)
{
    const quint32 n = quint32(boost::num_vertices(g));
    std::vector<quint32> order(n);
    std::iota(order.begin(), order.end(), 0u);
    if (quint32(samples) < n) {
        std::mt19937 rng(seed);
        for (int i = 0; i < samples; ++i) { // partial Fisher-Yates: the first `samples` are a random sample
            std::uniform_int_distribution<quint32> pick(quint32(i), n - 1);
            std::swap(order[size_t(i)], order[pick(rng)]);
        }
    }
    std::vector<double> cb(n, 0), delta(n, 0), sigma(n, 0);
    std::vector<qint32> dist(n, -1);
    std::vector<quint32> stack;
    stack.reserve(n);
    const int every = std::max(1, samples / 100);
    for (int i = 0; i < samples; ++i) {
        if (progress && i % every == 0 && !progress(int(qint64(i) * 100 / samples))) {
            return std::nullopt;
        }
        const quint32 s = order[size_t(i)];
        stack.clear();
        dist[s] = 0;
        sigma[s] = 1;
        stack.push_back(s);
        for (size_t head = 0; head < stack.size(); ++head) { // BFS; `stack` keeps the visiting order
            const quint32 v = stack[head];
            for (const auto &e : boost::make_iterator_range(boost::out_edges(v, g))) {
                const quint32 w = boost::target(e, g);
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    stack.push_back(w);
                }
                if (dist[w] == dist[v] + 1) {
                    sigma[w] += sigma[v];
                }
            }
        }
        for (size_t k = stack.size(); k-- > 0;) { // dependencies in reverse BFS order
            const quint32 w = stack[k];
            for (const auto &e : boost::make_iterator_range(boost::out_edges(w, g))) {
                const quint32 x = boost::target(e, g);
                if (dist[x] == dist[w] + 1) {
                    delta[w] += sigma[w] / sigma[x] * (1 + delta[x]);
                }
            }
            if (w != s) {
                cb[w] += delta[w];
            }
        }
        for (const quint32 v : stack) {
            dist[v] = -1;
            sigma[v] = 0;
            delta[v] = 0;
        }
    }
    if (quint32(samples) < n) {
        const double scale = double(n) / samples;
        for (double &c : cb) {
            c *= scale;
        }
    }
    return cb;
}

} // namespace

QList<NodeDegree> degreeCentrality(const GraphProjection &graph)
{
    const auto &d = graph.data();
    const Graph &g = d.graph;
    QList<NodeDegree> out;
    out.reserve(qsizetype(boost::num_vertices(g)));
    for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) {
        NodeDegree n;
        n.id = d.nodeId(v);
        n.rowId = g[v].rowId;
        n.schema = d.schemaName(g[v].schema);
        n.in = int(boost::in_degree(v, g));
        n.out = int(boost::out_degree(v, g));
        n.total = n.in + n.out;
        out << n;
    }
    std::sort(out.begin(), out.end(), [](const NodeDegree &a, const NodeDegree &b) {
        return a.total != b.total ? a.total > b.total : a.id < b.id;
    });
    return out;
}

BetweennessResult betweennessCentrality(const GraphProjection &graph, const BetweennessOptions &options)
{
    const auto &d = graph.data();
    BetweennessResult result;
    const auto values = betweenness(edgeListOf(d.graph), options);
    if (!values) {
        return result;
    }
    result.approximate = values->approximate;
    result.samples = values->samples;
    for (quint32 v = 0; v < quint32(values->value.size()); ++v) {
        result.scores << NodeScore{d.nodeId(v), d.graph[v].rowId, values->value[v], values->normalized[v]};
    }
    std::sort(result.scores.begin(), result.scores.end(), [](const NodeScore &a, const NodeScore &b) {
        return a.value != b.value ? a.value > b.value : a.id < b.id;
    });
    if (options.limit >= 0 && result.scores.size() > options.limit) {
        result.scores.resize(options.limit);
    }
    return result;
}

ComponentsResult weakComponents(const GraphProjection &graph)
{
    const auto &d = graph.data();
    ComponentIndex index = components(edgeListOf(d.graph));
    ComponentsResult result;
    result.sizes = std::move(index.sizes);
    result.nodes.reserve(qsizetype(index.component.size()));
    for (quint32 v = 0; v < quint32(index.component.size()); ++v) {
        result.nodes << NodeComponent{d.nodeId(v), d.graph[v].rowId, index.component[v]};
    }
    return result;
}

std::vector<int> degrees(const EdgeList &graph)
{
    std::vector<int> out(graph.nodeCount, 0);
    for (const auto &[s, t] : graph.edges) {
        ++out[s];
        ++out[t];
    }
    return out;
}

std::optional<BetweennessValues> betweenness(const EdgeList &graph, const BetweennessOptions &options,
                                             const CentralityProgress &progress)
{
    const quint32 n = graph.nodeCount;
    BetweennessValues result;
    if (n == 0) {
        return result;
    }
    const SimpleGraph sg = simpleGraph(graph, options.directed);
    int samples = int(n);
    if (n > quint32(std::max(options.exactNodeLimit, 0))) {
        samples = options.samples;
        if (samples <= 0) {
            samples = int(std::clamp<qint64>(qint64(2e8) / (qint64(n) + qint64(boost::num_edges(sg))), 16, n));
        }
        samples = std::min<int>(samples, int(n));
        result.approximate = true;
        result.samples = samples;
    }
    auto cb = accumulate(sg, samples, options.seed, progress);
    if (!cb) {
        return std::nullopt;
    }
    // A symmetric directed graph counts each unordered pair twice.
    const double pairs = options.directed ? double(n - 1) * (n - 2) : double(n - 1) * (n - 2) / 2;
    result.value.resize(n);
    result.normalized.resize(n);
    for (quint32 v = 0; v < n; ++v) {
        const double value = options.directed ? (*cb)[v] : (*cb)[v] / 2;
        result.value[v] = value;
        result.normalized[v] = pairs > 0 ? value / pairs : 0;
    }
    return result;
}

ComponentIndex components(const EdgeList &graph)
{
    const size_t n = graph.nodeCount;
    // Union-find over exterior rank/parent maps.
    std::vector<quint32> rank(n, 0), parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    const boost::typed_identity_property_map<quint32> identity;
    auto rankMap = boost::make_iterator_property_map(rank.begin(), identity);
    auto parentMap = boost::make_iterator_property_map(parent.begin(), identity);
    boost::disjoint_sets<decltype(rankMap), decltype(parentMap)> sets(rankMap, parentMap);
    for (const auto &[s, t] : graph.edges) {
        sets.union_set(s, t);
    }
    std::vector<quint32> root(n);
    std::vector<qsizetype> sizeOfRoot(n, 0);
    for (quint32 v = 0; v < n; ++v) {
        root[v] = sets.find_set(v);
        ++sizeOfRoot[root[v]];
    }
    // Roots in order of their lowest node, so that equal sizes keep the nodes' order.
    std::vector<quint32> roots;
    std::vector<bool> seen(n, false);
    for (quint32 v = 0; v < n; ++v) {
        if (!seen[root[v]]) {
            seen[root[v]] = true;
            roots.push_back(root[v]);
        }
    }
    std::stable_sort(roots.begin(), roots.end(), [&](quint32 a, quint32 b) { return sizeOfRoot[a] > sizeOfRoot[b]; });
    std::vector<int> index(n, 0);
    ComponentIndex result;
    for (size_t i = 0; i < roots.size(); ++i) {
        index[roots[i]] = int(i);
        result.sizes << sizeOfRoot[roots[i]];
    }
    result.component.resize(n);
    for (quint32 v = 0; v < n; ++v) {
        result.component[v] = index[root[v]];
    }
    return result;
}

} // namespace Casegraph::Models

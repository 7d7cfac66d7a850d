// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "centrality.h"
#include "graphdata_p.h"

#include <boost/graph/betweenness_centrality.hpp>
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

SimpleGraph simpleGraph(const Graph &g, bool directed)
{
    std::vector<std::pair<quint32, quint32>> pairs;
    pairs.reserve(boost::num_edges(g) * (directed ? 1 : 2));
    for (const Edge &e : boost::make_iterator_range(boost::edges(g))) {
        const quint32 s = boost::source(e, g), t = boost::target(e, g);
        if (s == t) {
            continue;
        }
        pairs.emplace_back(s, t);
        // An undirected relationship (Associate, Family …) links both ways even in directed mode.
        if (!directed || (g[e].flags & Undirected)) {
            pairs.emplace_back(t, s);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    return SimpleGraph(boost::edges_are_sorted, pairs.begin(), pairs.end(), quint32(boost::num_vertices(g)));
}

/// Brandes' accumulation from a sample of sources (Brandes & Pich 2007), unweighted.
std::vector<double> sampledBetweenness(const SimpleGraph &g, int samples, quint32 seed)
{
    const quint32 n = quint32(boost::num_vertices(g));
    std::vector<quint32> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::mt19937 rng(seed);
    for (int i = 0; i < samples; ++i) { // partial Fisher-Yates: the first `samples` are a random sample
        std::uniform_int_distribution<quint32> pick(quint32(i), n - 1);
        std::swap(order[size_t(i)], order[pick(rng)]);
    }
    std::vector<double> cb(n, 0), delta(n, 0), sigma(n, 0);
    std::vector<qint32> dist(n, -1);
    std::vector<quint32> stack;
    stack.reserve(n);
    for (int i = 0; i < samples; ++i) {
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
    const double scale = double(n) / samples;
    for (double &c : cb) {
        c *= scale;
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
    const quint32 n = quint32(boost::num_vertices(d.graph));
    BetweennessResult result;
    if (n == 0) {
        return result;
    }
    const SimpleGraph sg = simpleGraph(d.graph, options.directed);
    std::vector<double> cb(n, 0);
    if (n <= quint32(std::max(options.exactNodeLimit, 0))) {
        boost::brandes_betweenness_centrality(sg,
                                              boost::make_iterator_property_map(cb.begin(), boost::get(boost::vertex_index, sg)));
    } else {
        int samples = options.samples;
        if (samples <= 0) {
            samples = int(std::clamp<qint64>(qint64(2e8) / (qint64(n) + qint64(boost::num_edges(sg))), 16, n));
        }
        samples = std::min<int>(samples, int(n));
        cb = sampledBetweenness(sg, samples, options.seed);
        result.approximate = true;
        result.samples = samples;
    }
    // A symmetric directed graph counts each unordered pair twice.
    const double pairs = options.directed ? double(n - 1) * (n - 2) : double(n - 1) * (n - 2) / 2;
    for (quint32 v = 0; v < n; ++v) {
        const double value = options.directed ? cb[v] : cb[v] / 2;
        result.scores << NodeScore{d.nodeId(v), d.graph[v].rowId, value, pairs > 0 ? value / pairs : 0};
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
    const Graph &g = d.graph;
    const size_t n = boost::num_vertices(g);
    // Union-find over exterior rank/parent maps.
    std::vector<quint32> rank(n, 0), parent(n);
    std::iota(parent.begin(), parent.end(), 0u);
    const boost::typed_identity_property_map<quint32> identity;
    auto rankMap = boost::make_iterator_property_map(rank.begin(), identity);
    auto parentMap = boost::make_iterator_property_map(parent.begin(), identity);
    boost::disjoint_sets<decltype(rankMap), decltype(parentMap)> sets(rankMap, parentMap);
    for (const Edge &e : boost::make_iterator_range(boost::edges(g))) {
        sets.union_set(quint32(boost::source(e, g)), quint32(boost::target(e, g)));
    }
    std::vector<quint32> root(n);
    std::vector<qsizetype> sizeOfRoot(n, 0);
    for (quint32 v = 0; v < n; ++v) {
        root[v] = sets.find_set(v);
        ++sizeOfRoot[root[v]];
    }
    std::vector<quint32> roots;
    for (quint32 v = 0; v < n; ++v) {
        if (root[v] == v) {
            roots.push_back(v);
        }
    }
    std::stable_sort(roots.begin(), roots.end(), [&](quint32 a, quint32 b) { return sizeOfRoot[a] > sizeOfRoot[b]; });
    std::vector<int> index(n, 0);
    ComponentsResult result;
    for (size_t i = 0; i < roots.size(); ++i) {
        index[roots[i]] = int(i);
        result.sizes << sizeOfRoot[roots[i]];
    }
    result.nodes.reserve(qsizetype(n));
    for (quint32 v = 0; v < n; ++v) {
        result.nodes << NodeComponent{d.nodeId(v), g[v].rowId, index[root[v]]};
    }
    return result;
}

} // namespace Casegraph::Models

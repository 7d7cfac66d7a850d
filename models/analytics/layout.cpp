// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout.h"
#include "graphdata_p.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <numeric>
#include <tuple>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace {

/// Out-adjacency as CSR: targets of v are adj[offset[v] .. offset[v+1]).
struct Adjacency {
    std::vector<qint32> offset, adj;
    Adjacency(qsizetype n, const IndexEdges &edges, bool undirected)
    {
        offset.assign(size_t(n) + 1, 0);
        for (const auto &[a, b] : edges) {
            ++offset[size_t(a) + 1];
            if (undirected) {
                ++offset[size_t(b) + 1];
            }
        }
        std::partial_sum(offset.begin(), offset.end(), offset.begin());
        adj.resize(size_t(offset.back()));
        std::vector<qint32> fill(offset.begin(), offset.end() - 1);
        for (const auto &[a, b] : edges) {
            adj[size_t(fill[size_t(a)]++)] = b;
            if (undirected) {
                adj[size_t(fill[size_t(b)]++)] = a;
            }
        }
    }
};

bool movable(const std::vector<bool> &pinned, size_t i)
{
    return i >= pinned.size() || !pinned[i];
}

} // namespace

Layering layerNodes(qsizetype nodeCount, const IndexEdges &edges, const std::vector<qint32> &tieRank)
{
    const size_t n = size_t(nodeCount);
    // Out-edges by edge index, so that back edges (those closing a cycle) can be marked.
    std::vector<qint32> offset(n + 1, 0), out(edges.size());
    for (const auto &e : edges) {
        ++offset[size_t(e.first) + 1];
    }
    std::partial_sum(offset.begin(), offset.end(), offset.begin());
    {
        std::vector<qint32> fill(offset.begin(), offset.end() - 1);
        for (size_t i = 0; i < edges.size(); ++i) {
            out[size_t(fill[size_t(edges[i].first)]++)] = qint32(i);
        }
    }
    std::vector<char> state(n, 0), back(edges.size(), 0); // 0 new, 1 on stack, 2 done
    for (size_t root = 0; root < n; ++root) {
        if (state[root]) {
            continue;
        }
        std::vector<std::pair<size_t, qint32>> stack{{root, offset[root]}};
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            if (next == offset[v + 1]) {
                state[v] = 2;
                stack.pop_back();
                continue;
            }
            const qint32 e = out[size_t(next++)];
            const size_t w = size_t(edges[size_t(e)].second);
            if (state[w] == 1) {
                back[size_t(e)] = 1;
            } else if (state[w] == 0) {
                state[w] = 1;
                stack.emplace_back(w, offset[w]);
            }
        }
    }
    // Longest-path layering in topological order (Kahn).
    Layering result;
    result.layer.assign(n, 0);
    result.slot.assign(n, 0);
    std::vector<int> indegree(n, 0);
    for (size_t i = 0; i < edges.size(); ++i) {
        if (!back[i] && edges[i].first != edges[i].second) {
            ++indegree[size_t(edges[i].second)];
        }
    }
    std::vector<size_t> order;
    for (size_t v = 0; v < n; ++v) {
        if (indegree[v] == 0) {
            order.push_back(v);
        }
    }
    std::vector<std::vector<size_t>> predecessors(n);
    for (size_t i = 0; i < order.size(); ++i) {
        const size_t v = order[i];
        for (qint32 k = offset[v]; k < offset[v + 1]; ++k) {
            const qint32 e = out[size_t(k)];
            const size_t w = size_t(edges[size_t(e)].second);
            if (back[size_t(e)] || w == v) {
                continue;
            }
            result.layer[w] = std::max(result.layer[w], result.layer[v] + 1);
            predecessors[w].push_back(v);
            if (--indegree[w] == 0) {
                order.push_back(w);
            }
        }
    }
    std::map<int, std::vector<size_t>> layers;
    for (size_t v = 0; v < n; ++v) {
        layers[result.layer[v]].push_back(v);
    }
    for (auto &[l, members] : layers) {
        std::vector<std::tuple<double, qint32, size_t>> sorted;
        for (const size_t v : members) {
            double sum = 0;
            int count = 0;
            for (const size_t u : predecessors[v]) {
                if (result.layer[u] < l) {
                    sum += result.slot[u];
                    ++count;
                }
            }
            sorted.emplace_back(count ? sum / count : 0, tieRank.empty() ? qint32(v) : tieRank[v], v);
        }
        std::sort(sorted.begin(), sorted.end());
        const double mid = (double(sorted.size()) - 1) / 2;
        for (size_t i = 0; i < sorted.size(); ++i) {
            result.slot[std::get<2>(sorted[i])] = double(i) - mid;
        }
    }
    return result;
}

QList<NodePosition> layeredLayout(const GraphProjection &graph, double layerSpacing, double nodeSpacing)
{
    const auto &d = graph.data();
    const Graph &g = d.graph;
    const quint32 n = quint32(boost::num_vertices(g));
    IndexEdges edges;
    edges.reserve(boost::num_edges(g));
    for (quint32 v = 0; v < n; ++v) {
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(v, g))) {
            edges.emplace_back(qint32(v), qint32(boost::target(e, g)));
        }
    }
    // Ties go by FtM id, so that the layout does not depend on load order.
    std::vector<quint32> byId(n);
    std::iota(byId.begin(), byId.end(), 0u);
    std::sort(byId.begin(), byId.end(), [&](quint32 a, quint32 b) { return d.nodeId(a) < d.nodeId(b); });
    std::vector<qint32> rank(n);
    for (quint32 i = 0; i < n; ++i) {
        rank[byId[i]] = qint32(i);
    }
    const Layering layering = layerNodes(n, edges, rank);
    QList<NodePosition> out;
    out.reserve(n);
    for (quint32 v = 0; v < n; ++v) {
        out << NodePosition{d.nodeId(v), g[v].rowId, layering.layer[v] * layerSpacing, layering.slot[v] * nodeSpacing,
                            layering.layer[v]};
    }
    std::sort(out.begin(), out.end(), [](const NodePosition &a, const NodePosition &b) {
        return std::tie(a.layer, a.y) < std::tie(b.layer, b.y);
    });
    return out;
}

void hierarchicalLayout(qsizetype nodeCount, const IndexEdges &edges, std::vector<QPointF> &positions,
                        const std::vector<bool> &pinned, double layerSpacing, double nodeSpacing)
{
    positions.resize(size_t(nodeCount));
    const Layering layering = layerNodes(nodeCount, edges);
    for (size_t v = 0; v < size_t(nodeCount); ++v) {
        if (movable(pinned, v)) {
            positions[v] = QPointF(layering.slot[v] * nodeSpacing, layering.layer[v] * layerSpacing);
        }
    }
}

void radialLayout(qsizetype nodeCount, const IndexEdges &edges, qint32 centre, std::vector<QPointF> &positions,
                  const std::vector<bool> &pinned, double ringSpacing)
{
    const size_t n = size_t(nodeCount);
    positions.resize(n);
    if (n == 0) {
        return;
    }
    if (centre < 0 || size_t(centre) >= n) {
        centre = 0;
    }
    const Adjacency g(nodeCount, edges, true);
    std::vector<int> ring(n, -1);
    std::vector<qint32> parent(n, -1);
    std::vector<qint32> order{centre};
    ring[size_t(centre)] = 0;
    for (size_t i = 0; i < order.size(); ++i) {
        const size_t v = size_t(order[i]);
        for (qint32 k = g.offset[v]; k < g.offset[v + 1]; ++k) {
            const size_t w = size_t(g.adj[size_t(k)]);
            if (ring[w] < 0) {
                ring[w] = ring[v] + 1;
                parent[w] = qint32(v);
                order.push_back(qint32(w));
            }
        }
    }
    int outer = 0;
    for (const int r : ring) {
        outer = std::max(outer, r);
    }
    for (size_t v = 0; v < n; ++v) {
        if (ring[v] < 0) {
            ring[v] = outer + 1;
            order.push_back(qint32(v));
        }
    }
    // Angles ring by ring: a node follows its parent's angle, so subtrees stay together.
    std::vector<double> angle(n, 0);
    std::map<int, std::vector<size_t>> rings;
    for (const qint32 v : order) {
        rings[ring[size_t(v)]].push_back(size_t(v));
    }
    for (auto &[r, members] : rings) {
        if (r == 0) {
            if (movable(pinned, size_t(centre))) {
                positions[size_t(centre)] = QPointF(0, 0);
            }
            continue;
        }
        std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
            const double pa = parent[a] >= 0 ? angle[size_t(parent[a])] : 0;
            const double pb = parent[b] >= 0 ? angle[size_t(parent[b])] : 0;
            return pa < pb;
        });
        const double step = 2 * std::numbers::pi / double(members.size());
        // Outer rings hold more nodes: widen the radius so neighbours stay ~ringSpacing/2 apart.
        const double radius = std::max(r * ringSpacing, double(members.size()) * ringSpacing / 2 / std::numbers::pi);
        for (size_t i = 0; i < members.size(); ++i) {
            const size_t v = members[i];
            angle[v] = double(i) * step;
            if (movable(pinned, v)) {
                positions[v] = QPointF(radius * std::cos(angle[v]), radius * std::sin(angle[v]));
            }
        }
    }
}

void gridLayout(std::vector<QPointF> &positions, const std::vector<bool> &pinned, double spacing)
{
    const size_t n = positions.size();
    const size_t columns = std::max<size_t>(1, size_t(std::ceil(std::sqrt(double(n)))));
    size_t slot = 0;
    for (size_t v = 0; v < n; ++v) {
        if (movable(pinned, v)) {
            positions[v] = QPointF(double(slot % columns) * spacing, double(slot / columns) * spacing);
            ++slot;
        }
    }
}

} // namespace Casegraph::Models

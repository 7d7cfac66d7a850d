// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "layout.h"
#include "graphdata_p.h"

#include <algorithm>
#include <map>

namespace Casegraph::Models {

using namespace GraphDetail;

QList<NodePosition> layeredLayout(const GraphProjection &graph, double layerSpacing, double nodeSpacing)
{
    const auto &d = graph.data();
    const Graph &g = d.graph;
    const quint32 n = quint32(boost::num_vertices(g));
    // Depth-first search marks back edges (those that close a cycle); the rest form a DAG.
    std::vector<char> state(n, 0); // 0 new, 1 on stack, 2 done
    std::vector<char> back(boost::num_edges(g), 0);
    const auto edgeIndex = boost::get(boost::edge_index, g);
    for (quint32 root = 0; root < n; ++root) {
        if (state[root]) {
            continue;
        }
        std::vector<std::pair<quint32, quint32>> stack{{root, 0}}; // vertex, next out-edge offset
        state[root] = 1;
        while (!stack.empty()) {
            auto &[v, next] = stack.back();
            const auto [first, last] = boost::out_edges(v, g);
            if (first + next == last) {
                state[v] = 2;
                stack.pop_back();
                continue;
            }
            const Edge e = *(first + next);
            ++next;
            const quint32 w = boost::target(e, g);
            if (state[w] == 1) {
                back[get(edgeIndex, e)] = 1;
            } else if (state[w] == 0) {
                state[w] = 1;
                stack.emplace_back(w, 0);
            }
        }
    }
    // Longest-path layering in topological order (Kahn).
    std::vector<int> indegree(n, 0), layer(n, 0);
    for (const Edge &e : boost::make_iterator_range(boost::edges(g))) {
        if (!back[get(edgeIndex, e)] && boost::source(e, g) != boost::target(e, g)) {
            ++indegree[boost::target(e, g)];
        }
    }
    std::vector<quint32> order;
    for (quint32 v = 0; v < n; ++v) {
        if (indegree[v] == 0) {
            order.push_back(v);
        }
    }
    for (size_t i = 0; i < order.size(); ++i) {
        const quint32 v = order[i];
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(v, g))) {
            const quint32 w = boost::target(e, g);
            if (back[get(edgeIndex, e)] || w == v) {
                continue;
            }
            layer[w] = std::max(layer[w], layer[v] + 1);
            if (--indegree[w] == 0) {
                order.push_back(w);
            }
        }
    }
    // Order each layer by the mean slot of the predecessors placed so far, then by id.
    std::map<int, std::vector<quint32>> layers;
    for (quint32 v = 0; v < n; ++v) {
        layers[layer[v]].push_back(v);
    }
    std::vector<double> slot(n, 0);
    QList<NodePosition> out;
    for (auto &[l, members] : layers) {
        std::vector<std::tuple<double, QString, quint32>> sorted;
        for (const quint32 v : members) {
            double sum = 0;
            int count = 0;
            for (const Edge &e : boost::make_iterator_range(boost::in_edges(v, g))) {
                const quint32 u = boost::source(e, g);
                if (layer[u] < l) {
                    sum += slot[u];
                    ++count;
                }
            }
            sorted.emplace_back(count ? sum / count : 0, d.nodeId(v), v);
        }
        std::sort(sorted.begin(), sorted.end());
        const double mid = (double(sorted.size()) - 1) / 2;
        for (size_t i = 0; i < sorted.size(); ++i) {
            const quint32 v = std::get<2>(sorted[i]);
            slot[v] = double(i) - mid;
            out << NodePosition{std::get<1>(sorted[i]), g[v].rowId, l * layerSpacing, slot[v] * nodeSpacing, l};
        }
    }
    return out;
}

} // namespace Casegraph::Models

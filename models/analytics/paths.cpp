// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "paths.h"
#include "traversal_p.h"

#include "core/schema.h"

#include <algorithm>
#include <deque>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace GraphDetail {

EdgeFilter::EdgeFilter(const GraphProjection::Data &data, const QStringList &schemata, const std::optional<QDate> &asOf)
{
    if (asOf && asOf->isValid()) {
        m_day = asOf->toJulianDay();
    }
    if (schemata.isEmpty()) {
        return;
    }
    m_allSchemata = false;
    m_schemaAllowed.assign(data.schemata.size(), 0);
    const auto &registry = SchemaRegistry::instance();
    for (const QString &name : schemata) {
        if (!registry.schema(name.trimmed())) {
            m_unknown << name;
        }
    }
    for (size_t i = 0; i < data.schemata.size(); ++i) {
        const SchemaEntry &entry = data.schemata[i];
        for (const QString &name : schemata) {
            const QString n = name.trimmed();
            if (entry.name == n || (entry.schema && entry.schema->isA(n))) {
                m_schemaAllowed[i] = 1;
            }
        }
    }
}

PathHop makeHop(const GraphProjection::Data &data, const Edge &e, bool forward)
{
    PathHop hop;
    hop.link = data.link(e);
    hop.forward = forward;
    hop.from = forward ? hop.link.from : hop.link.to;
    hop.to = forward ? hop.link.to : hop.link.from;
    hop.fromRowId = forward ? hop.link.fromRowId : hop.link.toRowId;
    hop.toRowId = forward ? hop.link.toRowId : hop.link.fromRowId;
    return hop;
}

std::vector<qint8> distancesTo(const Graph &g, Vertex target, int limit, bool undirected, const EdgeFilter &filter)
{
    std::vector<qint8> dist(boost::num_vertices(g), -1);
    std::vector<Vertex> frontier{target}, next;
    dist[target] = 0;
    for (int d = 1; d <= limit && !frontier.empty(); ++d) {
        next.clear();
        for (const Vertex v : frontier) {
            forEachStep(g, v, undirected, true, filter, [&](const Edge &, Vertex w, bool) {
                if (dist[w] < 0) {
                    dist[w] = qint8(d);
                    next.push_back(w);
                }
                return true;
            });
        }
        frontier.swap(next);
    }
    return dist;
}

} // namespace GraphDetail

int GraphPath::evidence() const
{
    int n = 0;
    for (const auto &h : hops) {
        n += h.link.evidence;
    }
    return n;
}

int GraphPath::minEvidence() const
{
    int n = hops.isEmpty() ? 0 : hops.first().link.evidence;
    for (const auto &h : hops) {
        n = std::min(n, h.link.evidence);
    }
    return n;
}

namespace {

const char *const kContext = "Casegraph::Models::Paths";

struct Ends {
    Vertex from = NoVertex;
    Vertex to = NoVertex;
};

Result<Ends> resolveEnds(const GraphProjection::Data &d, const PathQuery &q, const EdgeFilter &filter)
{
    if (!filter.unknownSchemata().isEmpty()) {
        return Error{QCoreApplication::translate(kContext, "unknown relationship type: %1")
                         .arg(filter.unknownSchemata().join(QLatin1String(", ")))};
    }
    Ends ends;
    ends.from = d.vertexOf(q.from);
    ends.to = d.vertexOf(q.to);
    for (const auto &[v, id] : {std::pair{ends.from, q.from}, std::pair{ends.to, q.to}}) {
        if (v == NoVertex) {
            return Error{QCoreApplication::translate(kContext,
                                                     "no entity with id %1 in the graph (relationships, sanctions "
                                                     "and ids not in the case are not nodes)")
                             .arg(id)};
        }
    }
    if (ends.from == ends.to) {
        return Error{QCoreApplication::translate(kContext, "the path starts and ends at the same entity (%1)")
                         .arg(q.from)};
    }
    if (q.maxHops < 0 || q.maxHops > 100) {
        return Error{QCoreApplication::translate(kContext, "the number of hops must be between 1 and 100")};
    }
    return ends;
}

} // namespace

Result<PathResult> shortestPath(const GraphProjection &graph, const PathQuery &query)
{
    const auto &d = graph.data();
    const EdgeFilter filter(d, query.schemata, query.asOf);
    const auto ends = resolveEnds(d, query, filter);
    if (!ends) {
        return ends.error();
    }
    const Graph &g = d.graph;
    PathResult result;
    const int limit = query.maxHops > 0 ? query.maxHops : std::numeric_limits<int>::max();
    if (ends->from == ends->to) {
        return result;
    }
    // Bidirectional breadth-first search: whole levels, always the smaller frontier, from `from`
    // along the edges and from `to` against them, until the two meet. Per vertex: hop count from
    // its end (-1: unseen) and the edge that reached it, with the direction the path crosses it.
    const size_t n = boost::num_vertices(g);
    struct Side {
        std::vector<qint32> dist;
        std::vector<Edge> via;
        std::vector<char> viaForward;
        std::vector<Vertex> frontier;
        qint32 depth = 0;
    };
    Side side[2];
    for (Side &sd : side) {
        sd.dist.assign(n, -1);
        sd.via.resize(n);
        sd.viaForward.assign(n, 1);
    }
    side[0].dist[ends->from] = 0;
    side[0].frontier = {ends->from};
    side[1].dist[ends->to] = 0;
    side[1].frontier = {ends->to};
    Vertex meet = ends->from;
    qint64 best = std::numeric_limits<qint64>::max();
    std::vector<Vertex> next;
    while (!side[0].frontier.empty() && !side[1].frontier.empty() && best == std::numeric_limits<qint64>::max() &&
           side[0].depth + side[1].depth < limit) {
        const int s = side[0].frontier.size() <= side[1].frontier.size() ? 0 : 1;
        Side &here = side[s];
        const Side &there = side[1 - s];
        next.clear();
        for (const Vertex v : here.frontier) {
            forEachStep(g, v, query.undirected, s == 1, filter, [&](const Edge &e, Vertex w, bool forward) {
                ++result.steps;
                if (here.dist[w] >= 0) {
                    return true;
                }
                here.dist[w] = here.depth + 1;
                here.via[w] = e;
                here.viaForward[w] = forward;
                if (there.dist[w] >= 0) {
                    const qint64 length = qint64(here.dist[w]) + there.dist[w];
                    if (length < best) {
                        best = length;
                        meet = w;
                    }
                }
                next.push_back(w);
                return true;
            });
        }
        here.frontier.swap(next);
        ++here.depth;
    }
    if (best <= limit) {
        GraphPath path;
        for (Vertex v = meet; v != ends->from;) {
            const Edge e = side[0].via[v];
            path.hops.prepend(makeHop(d, e, side[0].viaForward[v]));
            v = side[0].viaForward[v] ? boost::source(e, g) : boost::target(e, g);
        }
        for (Vertex v = meet; v != ends->to;) {
            const Edge e = side[1].via[v];
            path.hops.append(makeHop(d, e, side[1].viaForward[v]));
            v = side[1].viaForward[v] ? boost::target(e, g) : boost::source(e, g);
        }
        result.paths << path;
    }
    return result;
}

namespace {

/// Depth-first enumeration of simple paths, pruned by the precomputed distances to the target.
class SimplePathSearch {
public:
    SimplePathSearch(const GraphProjection::Data &d, const PathQuery &q, const EdgeFilter &f, Vertex to,
                     std::vector<qint8> dist)
        : m_d(d), m_q(q), m_filter(f), m_to(to), m_dist(std::move(dist)), m_onPath(boost::num_vertices(d.graph), 0)
    {
    }
    PathResult run(Vertex from)
    {
        m_onPath[from] = 1;
        visit(from);
        std::stable_sort(m_result.paths.begin(), m_result.paths.end(),
                         [](const GraphPath &a, const GraphPath &b) { return a.length() < b.length(); });
        return std::move(m_result);
    }

private:
    bool stopped() const { return m_result.capped || m_result.workLimitReached || m_result.cancelled; }
    void visit(Vertex v)
    {
        const int depth = int(m_stack.size());
        forEachStep(m_d.graph, v, m_q.undirected, false, m_filter, [&](const Edge &e, Vertex w, bool forward) {
            if (++m_result.steps > PathSearchWorkLimit) {
                m_result.workLimitReached = true;
                return false;
            }
            if ((m_result.steps & (PathSearchCancelInterval - 1)) == 0 && m_q.cancel &&
                m_q.cancel->load(std::memory_order_relaxed)) {
                m_result.cancelled = true;
                return false;
            }
            if (m_onPath[w] || m_dist[w] < 0 || depth + 1 + m_dist[w] > m_q.maxHops) {
                return true;
            }
            m_stack.emplace_back(e, forward);
            if (w == m_to) {
                GraphPath path;
                for (const auto &[se, sf] : m_stack) {
                    path.hops << makeHop(m_d, se, sf);
                }
                m_result.paths << path;
                if (m_result.paths.size() >= m_q.maxPaths) {
                    m_result.capped = true;
                }
            } else {
                m_onPath[w] = 1;
                visit(w);
                m_onPath[w] = 0;
            }
            m_stack.pop_back();
            return !stopped();
        });
    }

    const GraphProjection::Data &m_d;
    const PathQuery &m_q;
    const EdgeFilter &m_filter;
    Vertex m_to;
    std::vector<qint8> m_dist;
    std::vector<char> m_onPath;
    std::vector<std::pair<Edge, bool>> m_stack;
    PathResult m_result;
};

} // namespace

Result<PathResult> allSimplePaths(const GraphProjection &graph, const PathQuery &query)
{
    const auto &d = graph.data();
    const EdgeFilter filter(d, query.schemata, query.asOf);
    const auto ends = resolveEnds(d, query, filter);
    if (!ends) {
        return ends.error();
    }
    if (query.maxHops < 1) {
        return Error{QCoreApplication::translate(kContext, "the number of hops must be between 1 and 100")};
    }
    if (query.maxPaths < 1) {
        return Error{QCoreApplication::translate(kContext, "the path limit must be at least 1")};
    }
    auto dist = distancesTo(d.graph, ends->to, query.maxHops, query.undirected, filter);
    if (dist[ends->from] < 0) {
        return PathResult{};
    }
    SimplePathSearch search(d, query, filter, ends->to, std::move(dist));
    return search.run(ends->from);
}

} // namespace Casegraph::Models

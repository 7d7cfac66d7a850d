// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "diversion.h"
#include "traversal_p.h"

#include <algorithm>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace {

const char *const kContext = "Casegraph::Models::Diversion";

class DiversionSearch {
public:
    DiversionSearch(const GraphProjection::Data &d, const DiversionQuery &q, const EdgeFilter &filter,
                    std::vector<char> listed, const ExposureReport *report)
        : m_d(d), m_q(q), m_filter(filter), m_listed(std::move(listed)), m_report(report),
          m_onPath(boost::num_vertices(d.graph), 0)
    {
    }

    DiversionResult run(Vertex from)
    {
        m_start = from;
        m_onPath[from] = 1;
        // Follow the start's own goods when it manufactures any; from a reseller, every supply.
        Vertex manufacturer = NoVertex;
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(from, m_d.graph))) {
            if (m_d.graph[e].manufacturer == from) {
                manufacturer = from;
                break;
            }
        }
        visit(from, manufacturer);
        std::stable_sort(m_result.paths.begin(), m_result.paths.end(), [](const DiversionPath &a, const DiversionPath &b) {
            return a.path.length() != b.path.length() ? a.path.length() < b.path.length() : a.endUser < b.endUser;
        });
        for (const auto &p : std::as_const(m_result.paths)) {
            if (!m_result.endUsers.contains(p.endUser)) {
                m_result.endUsers << p.endUser;
            }
        }
        return std::move(m_result);
    }

private:
    /// Whether the walk may cross e out of v, given the manufacturer whose goods it follows.
    bool allowed(const Edge &e, Vertex v, Vertex manufacturer) const
    {
        const RelationshipEdge &p = m_d.graph[e];
        switch (LinkKind(p.kind)) {
        case LinkKind::Relationship:
            // Another manufacturer's goods are a different chain.
            return m_filter.allows(p) &&
                   (p.manufacturer == NoVertex || manufacturer == NoVertex || p.manufacturer == manufacturer);
        case LinkKind::Manufacturer:
            return m_filter.allowsDate(p) && v == manufacturer;
        case LinkKind::Product:
            return m_filter.allowsDate(p) && v == m_start && m_stack.empty();
        case LinkKind::Reference:
            break;
        }
        return false;
    }

    /// A relationship whose schema FtM calls undirected (Associate …): crossed both ways when the
    /// query follows its schema.
    bool undirectedRelationship(const Edge &e) const
    {
        const RelationshipEdge &p = m_d.graph[e];
        return LinkKind(p.kind) == LinkKind::Relationship && (p.flags & Undirected);
    }

    bool hasOnwardSupply(Vertex v, Vertex manufacturer) const
    {
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(v, m_d.graph))) {
            if (boost::target(e, m_d.graph) != v && LinkKind(m_d.graph[e].kind) == LinkKind::Relationship &&
                allowed(e, v, manufacturer)) {
                return true;
            }
        }
        for (const Edge &e : boost::make_iterator_range(boost::in_edges(v, m_d.graph))) {
            if (boost::source(e, m_d.graph) != v && undirectedRelationship(e) && allowed(e, v, manufacturer)) {
                return true;
            }
        }
        return false;
    }

    void record(Vertex w, Vertex manufacturer)
    {
        const bool listed = m_listed[w];
        const bool restricted = m_report && m_report->verdict(m_d.nodeId(w)) == ExposureVerdict::Restricted;
        const bool endUser = !hasOnwardSupply(w, manufacturer);
        if (!(listed || restricted || (!m_q.listedOnly && endUser))) {
            return;
        }
        DiversionPath p;
        p.endUser = m_d.nodeId(w);
        p.endUserRowId = m_d.graph[w].rowId;
        p.listed = listed;
        p.restricted = restricted;
        const auto [lo, hi] = m_d.sanctionsOf(w);
        for (auto *s = lo; s != hi; ++s) {
            if (m_q.lists.accepts(s->authorities, s->programs)) {
                p.sanctions << m_d.linkIds.string(s->idIndex);
            }
        }
        for (const auto &[e, forward] : m_stack) {
            p.path.hops << makeHop(m_d, e, forward);
        }
        m_result.paths << p;
        if (m_result.paths.size() >= m_q.maxPaths) {
            m_result.capped = true;
        }
    }

    void visit(Vertex v, Vertex manufacturer)
    {
        if (int(m_stack.size()) >= m_q.maxHops) {
            return;
        }
        // Crosses e to w; false when the walk must stop.
        const auto cross = [&](const Edge &e, Vertex w, bool forward) {
            if (m_result.capped || m_result.workLimitReached || m_result.cancelled) {
                return false;
            }
            if (++m_steps > PathSearchWorkLimit) {
                m_result.workLimitReached = true;
                return false;
            }
            if ((m_steps & (PathSearchCancelInterval - 1)) == 0 && m_q.cancel &&
                m_q.cancel->load(std::memory_order_relaxed)) {
                m_result.cancelled = true;
                return false;
            }
            if (m_onPath[w] || !allowed(e, v, manufacturer)) {
                return true;
            }
            const RelationshipEdge &p = m_d.graph[e];
            // From a product, the chain follows the product's manufacturer, when the Supply names one.
            const Vertex next = LinkKind(p.kind) == LinkKind::Product ? p.manufacturer : manufacturer;
            m_stack.emplace_back(e, forward);
            if (LinkKind(p.kind) == LinkKind::Relationship) {
                record(w, next);
            }
            m_onPath[w] = 1;
            visit(w, next);
            m_onPath[w] = 0;
            m_stack.pop_back();
            return true;
        };
        for (const Edge &e : boost::make_iterator_range(boost::out_edges(v, m_d.graph))) {
            if (!cross(e, boost::target(e, m_d.graph), true)) {
                return;
            }
        }
        for (const Edge &e : boost::make_iterator_range(boost::in_edges(v, m_d.graph))) {
            if (undirectedRelationship(e) && !cross(e, boost::source(e, m_d.graph), false)) {
                return;
            }
        }
    }

    const GraphProjection::Data &m_d;
    const DiversionQuery &m_q;
    const EdgeFilter &m_filter;
    std::vector<char> m_listed;
    const ExposureReport *m_report = nullptr;
    std::vector<char> m_onPath;
    std::vector<std::pair<Edge, bool>> m_stack;
    Vertex m_start = NoVertex;
    qint64 m_steps = 0;
    DiversionResult m_result;
};

} // namespace

Result<DiversionResult> diversionPaths(const GraphProjection &graph, const DiversionQuery &query)
{
    const auto &d = graph.data();
    const EdgeFilter filter(d, query.schemata, query.asOf);
    if (!filter.unknownSchemata().isEmpty()) {
        return Error{QCoreApplication::translate(kContext, "unknown relationship type: %1")
                         .arg(filter.unknownSchemata().join(QLatin1String(", ")))};
    }
    const Vertex from = d.vertexOf(query.from);
    if (from == NoVertex) {
        return Error{QCoreApplication::translate(kContext, "no entity with id %1 in the graph").arg(query.from)};
    }
    if (query.maxHops < 1 || query.maxHops > 100) {
        return Error{QCoreApplication::translate(kContext, "the number of hops must be between 1 and 100")};
    }
    if (query.maxPaths < 1) {
        return Error{QCoreApplication::translate(kContext, "the path limit must be at least 1")};
    }
    const size_t n = boost::num_vertices(d.graph);
    std::vector<char> listed(n, 0);
    for (const auto &s : d.sanctions) {
        if (query.lists.accepts(s.authorities, s.programs)) {
            listed[s.vertex] = 1;
        }
    }
    std::optional<ExposureReport> report;
    if (query.ownershipThreshold) {
        ExposureOptions options;
        options.threshold = *query.ownershipThreshold;
        options.lists = query.lists;
        options.asOf = query.asOf;
        options.lookThrough = false;
        report = computeExposure(graph, options);
    }
    DiversionSearch search(d, query, filter, std::move(listed), report ? &*report : nullptr);
    return search.run(from);
}

} // namespace Casegraph::Models

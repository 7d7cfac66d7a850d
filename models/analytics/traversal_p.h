// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Private to models/analytics: which edges a traversal may cross, and in which direction.

#include "graphdata_p.h"
#include "paths.h"

#include <QDate>

#include <optional>
#include <vector>

namespace Casegraph::Models::GraphDetail {

/// Relationship schemata and an as-of date that an edge must satisfy.
class EdgeFilter {
public:
    /// `schemata` empty allows every schema; a name allows its descendants too (isA).
    EdgeFilter(const GraphProjection::Data &data, const QStringList &schemata, const std::optional<QDate> &asOf);
    bool allows(const RelationshipEdge &e) const
    {
        return (m_allSchemata || m_schemaAllowed[e.schema]) && (!m_day || validOn(e, *m_day));
    }
    bool allowsDate(const RelationshipEdge &e) const { return !m_day || validOn(e, *m_day); }
    /// Unknown names in the schema list, for an error message.
    QStringList unknownSchemata() const { return m_unknown; }

private:
    bool m_allSchemata = true;
    std::vector<char> m_schemaAllowed;
    std::optional<qint64> m_day;
    QStringList m_unknown;
};

/// Calls fn(edge, next vertex, forward) for every step out of v. Directed traversals cross an edge
/// from source to target, and undirected-schema edges (Associate, Family …) both ways; `undirected`
/// crosses every edge both ways. `reverse` walks the same relation backwards (predecessors).
template <typename Fn>
void forEachStep(const Graph &g, Vertex v, bool undirected, bool reverse, const EdgeFilter &filter, Fn &&fn)
{
    for (const Edge &e : boost::make_iterator_range(boost::out_edges(v, g))) {
        const RelationshipEdge &p = g[e];
        if ((!reverse || undirected || (p.flags & Undirected)) && filter.allows(p)) {
            const Vertex w = boost::target(e, g);
            if (w != v && !fn(e, w, !reverse)) {
                return;
            }
        }
    }
    for (const Edge &e : boost::make_iterator_range(boost::in_edges(v, g))) {
        const RelationshipEdge &p = g[e];
        if ((reverse || undirected || (p.flags & Undirected)) && filter.allows(p)) {
            const Vertex w = boost::source(e, g);
            if (w != v && !fn(e, w, reverse)) {
                return;
            }
        }
    }
}

/// A PathHop for crossing e (forward: source → target).
PathHop makeHop(const GraphProjection::Data &data, const Edge &e, bool forward);

/// Hop counts to `target` (reverse breadth-first search) up to `limit` hops; -1 beyond.
std::vector<qint8> distancesTo(const Graph &g, Vertex target, int limit, bool undirected, const EdgeFilter &filter);

} // namespace Casegraph::Models::GraphDetail

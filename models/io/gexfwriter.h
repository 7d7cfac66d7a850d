// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"
#include "exportjob.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

class QIODevice;

namespace Casegraph::Models {

class CaseFile;

/// What the graph writers (GEXF, GraphML) need to know before the first node: which
/// relationships become edges, and which properties to declare. A relationship becomes an edge
/// when it has exactly one source and one target and both are written as nodes; any other
/// (a dangling end, several owners) is written as a node that keeps all its properties, so that
/// importing the file again gives back the same entities.
struct GraphExportPlan {
    QSet<qint64> edges;        ///< row ids of relationships written as edges
    QSet<qint64> undirected;   ///< those of them whose schema is undirected (Associate, Family …)
    QStringList properties;    ///< every property in use, sorted
    QSet<QString> multiValued; ///< properties with several values on some entity
    bool hasTime = false;      ///< some entity has startDate or endDate
    qint64 entities = 0;

    static Result<GraphExportPlan> make(const CaseFile &caseFile, const ExportOptions &options);
    /// Values of a relationship's ends, which an edge writes as source and target.
    bool isEndpointProperty(const Entity &entity, const QString &property) const;
    /// The graph's default edge direction: undirected only when every edge is, so that a file of
    /// Associates and Families reads as an undirected graph and tools that cannot mix (NetworkX)
    /// still read the common cases. Edges that differ from the default say so one by one.
    bool undirectedByDefault() const { return !edges.isEmpty() && undirected.size() == edges.size(); }
    /// Whether an edge must state its own direction (it differs from undirectedByDefault()).
    bool differsFromDefault(qint64 rowId) const { return undirected.contains(rowId) != undirectedByDefault(); }
};

/// Text XML 1.0 can hold: control characters other than tab and line ends are dropped.
QString xmlSafe(const QString &text);

/// Writes GEXF 1.3 for Gephi: entities as nodes, relationships as edges, every property as an
/// attribute (declared per property; multi-valued ones as liststring holding a JSON array), plus
/// `schema` and `ftm_id` attributes so that GexfReader restores the same entities. startDate and
/// endDate become a spell (dates widened to days: start at the first, end at the last day of a
/// partial date) and the graph is dynamic when any entity has one. Chart exports add
/// viz:position. Undirected relationships (Schema::edgeDirected false) are `type="undirected"`
/// edges, or the graph's `defaultedgetype` when all edges are.
class GexfWriter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GexfWriter)
public:
    static Result<ExportResult> write(const CaseFile &caseFile, QIODevice &device, const ExportOptions &options,
                                      const ExportProgress &progress);
};

} // namespace Casegraph::Models

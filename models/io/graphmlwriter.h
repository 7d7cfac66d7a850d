// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "exportjob.h"

#include <QCoreApplication>

class QIODevice;

namespace Casegraph::Models {

class CaseFile;

/// Writes plain GraphML (no yFiles extensions), which Cytoscape, yEd, igraph and NetworkX open:
/// one <key> per property for nodes and for edges (attr.type string; multi-valued properties
/// hold a JSON array and are marked casegraph.list="true"), plus `label` (the caption), `schema`
/// and `ftm_id` keys so that GraphmlReader restores the same entities. Nodes and edges as for
/// GEXF (see GraphExportPlan); undirected relationships are `directed="false"` edges, or the
/// graph's `edgedefault` when all edges are.
class GraphmlWriter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GraphmlWriter)
public:
    static Result<ExportResult> write(const CaseFile &caseFile, QIODevice &device, const ExportOptions &options,
                                      const ExportProgress &progress);
};

} // namespace Casegraph::Models

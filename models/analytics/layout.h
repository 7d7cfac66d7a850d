// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

namespace Casegraph::Models {

struct NodePosition {
    QString id;
    qint64 rowId = 0;
    double x = 0;
    double y = 0;
    int layer = 0;
};

/// A left-to-right layered layout for link charts (supply chains, ownership trees): each node sits
/// one layer right of its furthest predecessor (longest path), cycles are broken at the edges that
/// close them, and nodes in a layer are ordered by the mean position of their predecessors, then by
/// id. Positions by entity id; ui/ applies them.
QList<NodePosition> layeredLayout(const GraphProjection &graph, double layerSpacing = 240, double nodeSpacing = 120);

} // namespace Casegraph::Models

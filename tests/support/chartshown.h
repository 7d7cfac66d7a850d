// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What a link chart shows, for the chart uitests (header only: the support library does not link
// casegraph_ui).
#include "chart/chartdata.h"

#include <QStringList>

namespace Casegraph::Tests {

/// The labels of the visible nodes, sorted.
inline QStringList shownLabels(const Ui::ChartData &d)
{
    QStringList out;
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        if (d.isVisible(i)) {
            out << d.nodeLabel[size_t(i)];
        }
    }
    out.sort();
    return out;
}

/// The visible edges as "from → to: label", sorted.
inline QStringList shownEdges(const Ui::ChartData &d)
{
    QStringList out;
    for (qint32 e = 0; e < d.edgeCount(); ++e) {
        if (d.isEdgeVisible(e)) {
            out << QStringLiteral("%1 → %2: %3")
                       .arg(d.nodeLabel[size_t(d.edgeFrom[size_t(e)])], d.nodeLabel[size_t(d.edgeTo[size_t(e)])],
                            d.labels.value(d.edgeLabel[size_t(e)]));
        }
    }
    out.sort();
    return out;
}

} // namespace Casegraph::Tests

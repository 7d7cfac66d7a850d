// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graphprojection.h"

#include <QObject>

namespace Casegraph::Models {

/// Keeps one projection of a case and rebuilds it lazily: any entity, evidence or import change
/// marks it stale, and the next projection() call rebuilds it (a full rebuild, which is cheap for
/// charts and a few seconds for a million entities; no incremental update).
///
/// Thread affinity: the CaseFile's thread.
class GraphProjectionCache final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GraphProjectionCache)
public:
    explicit GraphProjectionCache(CaseFile &caseFile, ProjectionOptions options = {}, QObject *parent = nullptr);

    /// The current projection, rebuilt first when an edit made it stale.
    Result<GraphProjection> projection();
    bool isStale() const { return m_stale; }
    void setOptions(const ProjectionOptions &options);
    /// Marks the projection stale (connected to the CaseFile's change signals).
    void invalidate();

Q_SIGNALS:
    /// The case changed since the last projection() call.
    void invalidated();

private:
    CaseFile &m_case;
    ProjectionOptions m_options;
    GraphProjection m_projection;
    bool m_stale = true;
};

} // namespace Casegraph::Models

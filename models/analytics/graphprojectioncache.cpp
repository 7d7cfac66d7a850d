// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphprojectioncache.h"

#include "storage/casefile.h"

namespace Casegraph::Models {

GraphProjectionCache::GraphProjectionCache(CaseFile &caseFile, ProjectionOptions options, QObject *parent)
    : QObject(parent), m_case(caseFile), m_options(std::move(options))
{
    connect(&caseFile, &CaseFile::entityAdded, this, &GraphProjectionCache::invalidate);
    connect(&caseFile, &CaseFile::entityChanged, this, &GraphProjectionCache::invalidate);
    connect(&caseFile, &CaseFile::entityRemoved, this, &GraphProjectionCache::invalidate);
    connect(&caseFile, &CaseFile::entitiesReset, this, &GraphProjectionCache::invalidate);
    connect(&caseFile, &CaseFile::evidenceChanged, this, &GraphProjectionCache::invalidate);
}

void GraphProjectionCache::invalidate()
{
    const bool was = m_stale;
    m_stale = true;
    if (!was) {
        Q_EMIT invalidated();
    }
}

void GraphProjectionCache::setOptions(const ProjectionOptions &options)
{
    m_options = options;
    invalidate();
}

Result<GraphProjection> GraphProjectionCache::projection()
{
    if (m_stale) {
        auto built = GraphProjection::fromCase(m_case, m_options);
        if (!built) {
            return built.error();
        }
        m_projection = std::move(built).value();
        m_stale = false;
    }
    return m_projection;
}

} // namespace Casegraph::Models

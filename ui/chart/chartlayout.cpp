// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartlayout.h"
#include "analytics/forcelayout.h"
#include "chartdata.h"

#include "analytics/layout.h"

#include <QMetaObject>

#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartLayoutInput ChartLayoutInput::from(const ChartData &data, qint32 centre)
{
    ChartLayoutInput in;
    in.nodeCount = data.nodeCount();
    in.positions.resize(size_t(in.nodeCount), QPointF(qQNaN(), qQNaN()));
    in.pinned.resize(size_t(in.nodeCount), false);
    for (qint32 i = 0; i < in.nodeCount; ++i) {
        if (data.isVisible(i)) {
            in.positions[size_t(i)] = data.position(i);
        }
        // Hidden nodes stay where they are: treat them as pinned.
        in.pinned[size_t(i)] = (data.nodeFlags[size_t(i)] & NodePinned) || !data.isVisible(i);
    }
    in.edges.reserve(size_t(data.edgeCount()));
    for (qint32 e = 0; e < data.edgeCount(); ++e) {
        if (data.isEdgeVisible(e)) {
            in.edges.emplace_back(data.edgeFrom[size_t(e)], data.edgeTo[size_t(e)]);
        }
    }
    in.centre = centre;
    return in;
}

namespace {

std::vector<ChartLayoutSpec> &registry()
{
    static std::vector<ChartLayoutSpec> layouts{
        // Incremental: placed nodes move little, new ones (NaN) start beside their neighbours.
        {QStringLiteral("force"), ChartLayouts::tr("&Force-Directed"), false,
         [](const ChartLayoutInput &in, std::vector<QPointF> &positions, const std::function<bool(int, int)> &progress) {
             positions = in.positions;
             return Models::forceLayout(Models::LayoutGraph{in.nodeCount, in.edges}, positions, in.pinned,
                                        Models::ForceLayoutOptions{}, progress);
         }},
        {QStringLiteral("hierarchical"), ChartLayouts::tr("&Hierarchical (top-down)"), false,
         [](const ChartLayoutInput &in, std::vector<QPointF> &positions, const std::function<bool(int, int)> &) {
             positions = in.positions;
             hierarchicalLayout(in.nodeCount, in.edges, positions, in.pinned);
             return Status();
         }},
        {QStringLiteral("radial"), ChartLayouts::tr("&Radial around Selected"), true,
         [](const ChartLayoutInput &in, std::vector<QPointF> &positions, const std::function<bool(int, int)> &) {
             positions = in.positions;
             radialLayout(in.nodeCount, in.edges, in.centre, positions, in.pinned);
             return Status();
         }},
        {QStringLiteral("grid"), ChartLayouts::tr("&Grid"), false,
         [](const ChartLayoutInput &in, std::vector<QPointF> &positions, const std::function<bool(int, int)> &) {
             positions = in.positions;
             gridLayout(positions, in.pinned);
             return Status();
         }},
    };
    return layouts;
}

} // namespace

const std::vector<ChartLayoutSpec> &ChartLayouts::all()
{
    return registry();
}

const ChartLayoutSpec *ChartLayouts::find(const QString &id)
{
    for (const auto &spec : registry()) {
        if (spec.id == id) {
            return &spec;
        }
    }
    return nullptr;
}

void ChartLayouts::registerLayout(ChartLayoutSpec spec)
{
    auto &layouts = registry();
    for (auto &existing : layouts) {
        if (existing.id == spec.id) {
            existing = std::move(spec);
            return;
        }
    }
    layouts.insert(layouts.begin(), std::move(spec));
}

ChartLayoutRunner::ChartLayoutRunner(QObject *parent) : QObject(parent) {}

ChartLayoutRunner::~ChartLayoutRunner() = default; // m_runs cancels and waits

void ChartLayoutRunner::start(const ChartLayoutSpec &spec, ChartLayoutInput input)
{
    const auto flag = m_runs.begin();
    const auto post = Models::WorkerRuns::poster(this, [](ChartLayoutRunner &r) -> Models::WorkerRuns & { return r.m_runs; });
    const ChartLayoutFunction run = spec.run;
    const QString label = spec.label;
    m_runs.start([flag, post, run, label, input = std::move(input)] {
        std::vector<QPointF> positions;
        const auto progress = [flag, post](int done, int total) {
            if (!flag->load()) {
                post([done, total](ChartLayoutRunner &r) { Q_EMIT r.progressed(done, total); });
            }
            return !flag->load();
        };
        const Status st = run(input, positions, progress);
        if (flag->load()) {
            return;
        }
        post([st, positions = std::move(positions), label](ChartLayoutRunner &r) {
            r.m_runs.finished();
            if (st) {
                Q_EMIT r.finished(positions, label);
            } else {
                Q_EMIT r.failed(st.error().toString());
            }
        });
    });
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathsearch.h"

#include "analytics/analyticstext.h"
#include "core/schema.h"
#include "storage/casefile.h"

#include <QLocale>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

QList<FoundPath> PathOutcome::found() const
{
    QList<FoundPath> out;
    if (request.mode == PathRequest::Mode::Diversion) {
        for (const DiversionPath &p : diversion.paths) {
            out << FoundPath{p.path, &p};
        }
    } else {
        for (const GraphPath &p : all.paths) {
            out << FoundPath{p, nullptr};
        }
    }
    return out;
}

bool PathOutcome::capped() const
{
    return request.mode == PathRequest::Mode::Diversion ? diversion.capped : all.capped;
}

bool PathOutcome::workLimitReached() const
{
    return request.mode == PathRequest::Mode::Diversion ? diversion.workLimitReached : all.workLimitReached;
}

QString PathOutcome::caption(qint64 rowId, const QString &id) const
{
    const auto it = rows.constFind(rowId);
    return it != rows.cend() && !it->caption.isEmpty() ? it->caption : id;
}

QString PathOutcome::counted(int n, const char *one, const char *many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}

QString PathOutcome::relationshipText(const PathHop &hop)
{
    const GraphLink &l = hop.link;
    const Schema *schema = SchemaRegistry::instance().schema(l.schema);
    QString name = schema ? schema->label : l.schema;
    switch (l.kind) {
    case LinkKind::Manufacturer:
        name = tr("%1 (manufacturer → supplier)").arg(name);
        break;
    case LinkKind::Product:
        name = tr("%1 (product → manufacturer)").arg(name);
        break;
    case LinkKind::Reference: {
        const PropertySpec *property = schema ? schema->property(l.property) : nullptr;
        name = tr("%1: %2").arg(name, property && !property->label.isEmpty() ? property->label : l.property);
        break;
    }
    case LinkKind::Relationship:
        break;
    }
    QStringList parts{name};
    if (l.percentage.known || l.schema == QLatin1String("Ownership")) {
        parts << l.percentage.toString();
    }
    if (l.start.isValid() || l.end.isValid()) {
        const QString open = tr("open");
        parts << (l.start.isValid() ? l.start.toString() : open) + QStringLiteral(" – ") +
                     (l.end.isValid() ? l.end.toString() : open);
    }
    return parts.join(QStringLiteral(" · "));
}

QString PathOutcome::directionText(const PathHop &hop)
{
    if (!hop.link.directed) {
        return tr("no direction");
    }
    return hop.forward ? tr("along") : tr("against its direction");
}

QString PathOutcome::rowText(const FoundPath &found) const
{
    const GraphPath &p = found.path;
    QString chain;
    for (qsizetype i = 0; i < p.hops.size(); ++i) {
        const PathHop &h = p.hops.at(i);
        if (i == 0) {
            chain = caption(h.fromRowId, h.from);
        }
        const QString arrow = !h.link.directed ? QStringLiteral(" — ") : h.forward ? QStringLiteral(" → ")
                                                                                   : QStringLiteral(" ← ");
        chain += arrow + caption(h.toRowId, h.to);
    }
    QStringList parts;
    if (const DiversionPath *d = found.diversion) {
        const QString who = caption(d->endUserRowId, d->endUser);
        parts << (d->listed ? tr("%1 (listed)").arg(who)
                  : d->restricted ? tr("%1 (restricted by ownership)").arg(who)
                                  : tr("%1 (not listed)").arg(who));
    }
    parts << hops(p.length()) << tr("weakest hop %1").arg(excerpts(p.minEvidence())) << chain;
    return parts.join(QStringLiteral(" · "));
}

QString PathOutcome::copyText(const FoundPath &found) const
{
    QStringList lines{AnalyticsText::path(found.path)};
    QList<qint64> seen;
    const auto legend = [&](qint64 rowId, const QString &id) {
        if (!seen.contains(rowId)) {
            seen << rowId;
            lines << QStringLiteral("  ") + id + QStringLiteral("  ") + caption(rowId, id);
        }
    };
    for (const PathHop &h : found.path.hops) {
        legend(h.fromRowId, h.from);
        legend(h.toRowId, h.to);
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString PathOutcome::summary() const
{
    const int maxHops = request.mode == PathRequest::Mode::Diversion ? request.diversion.maxHops : request.paths.maxHops;
    if (request.mode == PathRequest::Mode::Diversion) {
        const DiversionQuery &q = request.diversion;
        const QString from = fromName.isEmpty() ? q.from : fromName;
        if (diversion.paths.isEmpty()) {
            return q.listedOnly ? tr("No supply path from %1 reaches a listed end user within %2. Untick "
                                     "“Only listed end users” to see every end user the goods reach.")
                                      .arg(from, hops(maxHops))
                                : tr("No supply path from %1 reaches an end user within %2.").arg(from, hops(maxHops));
        }
        QStringList users;
        for (const QString &id : diversion.endUsers) {
            const auto it = std::find_if(diversion.paths.cbegin(), diversion.paths.cend(),
                                         [&](const DiversionPath &p) { return p.endUser == id; });
            users << caption(it != diversion.paths.cend() ? it->endUserRowId : 0, id);
        }
        const int n = int(diversion.endUsers.size());
        const QString reached = q.listedOnly ? counted(n, QT_TR_NOOP("1 listed end user"), QT_TR_NOOP("%1 listed end users"))
                                             : counted(n, QT_TR_NOOP("1 end user"), QT_TR_NOOP("%1 end users"));
        return tr("%1 from %2 to %3: %4")
            .arg(counted(int(diversion.paths.size()), QT_TR_NOOP("1 path"), QT_TR_NOOP("%1 paths")), from, reached,
                 users.join(QStringLiteral(", ")));
    }
    const PathQuery &q = request.paths;
    const QString from = fromName.isEmpty() ? q.from : fromName;
    const QString to = toName.isEmpty() ? q.to : toName;
    const GraphPath *first = all.paths.isEmpty() ? nullptr : &all.paths.first();
    if (!first) {
        return tr("No path from %1 to %2 within %3. Allow more hops, either direction or more relationship types.")
            .arg(from, to, hops(maxHops));
    }
    const int shortestLength = shortest.paths.isEmpty() ? first->length() : shortest.paths.first().length();
    return tr("%1 from %2 to %3").arg(counted(int(all.paths.size()), QT_TR_NOOP("1 path"), QT_TR_NOOP("%1 paths")), from, to) +
           QStringLiteral(" · ") + tr("the shortest has %1").arg(hops(shortestLength)) + QStringLiteral(" · ") +
           tr("searched up to %1").arg(hops(maxHops));
}

QString PathOutcome::ruleText() const
{
    const std::optional<double> threshold =
        request.mode == PathRequest::Mode::Diversion ? request.diversion.ownershipThreshold : std::nullopt;
    return threshold ? tr("ownership rule at %1%").arg(QLocale().toString(*threshold, 'g', 6)) : QString();
}

QString PathOutcome::limitWarning() const
{
    const int maxPaths = request.mode == PathRequest::Mode::Diversion ? request.diversion.maxPaths : request.paths.maxPaths;
    if (capped()) {
        return tr("Stopped at the limit of %1 paths: more paths exist. Narrow the search: fewer hops, fewer "
                  "relationship types or an “as of” date.")
            .arg(maxPaths);
    }
    if (workLimitReached()) {
        return tr("Stopped after examining %L1 relationships: the list is incomplete. Narrow the search: fewer hops "
                  "or fewer relationship types.")
            .arg(PathSearchWorkLimit);
    }
    return {};
}

namespace {

/// Why an end cannot start or end a path, in words the user can act on; ok when it can.
Status checkEnd(const CaseFile &caseFile, const GraphProjection &graph, const QString &id)
{
    if (const auto node = graph.node(id)) {
        if (node->inDegree + node->outDegree > 0) {
            return {};
        }
        const auto row = caseFile.entities().row(node->rowId);
        return Error{PathSearch::tr("“%1” is not in any relationship in this case, so no path starts or ends there.")
                         .arg(row ? row->caption : id)};
    }
    const auto row = caseFile.entities().row(caseFile.entities().rowIdOf(id));
    if (!row) {
        return Error{PathSearch::tr("The entity %1 is no longer in the case.").arg(id)};
    }
    const Schema *schema = SchemaRegistry::instance().schema(row->schema);
    if (schema && schema->isEdge()) {
        return Error{PathSearch::tr("“%1” is a relationship (%2), not an entity that paths run through; choose one of "
                                    "its ends.")
                         .arg(row->caption, schema->label)};
    }
    return Error{PathSearch::tr("“%1” (%2) is not part of the relationship graph.")
                     .arg(row->caption, schema ? schema->label : row->schema)};
}

Result<PathOutcome> runSearch(const CaseFile &caseFile, const GraphProjection &graph, const PathRequest &request)
{
    PathOutcome outcome;
    outcome.request = request;
    QList<const GraphPath *> paths;
    if (request.mode == PathRequest::Mode::Diversion) {
        if (auto st = checkEnd(caseFile, graph, request.diversion.from); !st) {
            return st.error();
        }
        auto result = diversionPaths(graph, request.diversion);
        if (!result) {
            return result.error();
        }
        outcome.diversion = std::move(result.value());
        for (const auto &p : outcome.diversion.paths) {
            paths << &p.path;
        }
    } else {
        for (const QString &id : {request.paths.from, request.paths.to}) {
            if (auto st = checkEnd(caseFile, graph, id); !st) {
                return st.error();
            }
        }
        if (request.paths.from == request.paths.to) {
            return Error{PathSearch::tr("From and To are the same entity; choose two different ones.")};
        }
        auto shortest = shortestPath(graph, request.paths);
        if (!shortest) {
            return shortest.error();
        }
        auto all = allSimplePaths(graph, request.paths);
        if (!all) {
            return all.error();
        }
        outcome.shortest = std::move(shortest.value());
        outcome.all = std::move(all.value());
        for (const auto &p : outcome.all.paths) {
            paths << &p;
        }
    }
    const auto name = [&](const QString &id) {
        const auto row = caseFile.entities().row(caseFile.entities().rowIdOf(id));
        return row ? row->caption : id;
    };
    outcome.fromName = name(request.mode == PathRequest::Mode::Diversion ? request.diversion.from : request.paths.from);
    if (request.mode == PathRequest::Mode::Paths) {
        outcome.toName = name(request.paths.to);
    }
    const auto remember = [&](qint64 rowId) {
        if (rowId && !outcome.rows.contains(rowId)) {
            if (const auto row = caseFile.entities().row(rowId)) {
                outcome.rows.insert(rowId, *row);
            }
        }
    };
    for (const GraphPath *p : paths) {
        for (const PathHop &h : p->hops) {
            remember(h.fromRowId);
            remember(h.toRowId);
            remember(h.link.relationshipRowId);
        }
    }
    return outcome;
}

} // namespace

PathSearch::PathSearch(QObject *parent) : QObject(parent)
{
}

PathSearch::~PathSearch() = default;

void PathSearch::cancel()
{
    m_runs.cancel();
}

void PathSearch::start(const QString &casePath, const PathRequest &request, std::shared_ptr<const GraphProjection> graph)
{
    const auto cancelled = m_runs.begin();
    const auto post = WorkerRuns::poster(this, [](PathSearch &s) -> WorkerRuns & { return s.m_runs; });
    PathRequest query = request;
    query.paths.cancel = cancelled.get();
    query.diversion.cancel = cancelled.get();
    m_runs.start([casePath, query, graph, cancelled, post]() mutable {
        CaseFile caseFile;
        const auto fail = [&](const QString &message) {
            post([message](PathSearch &search) {
                search.m_runs.finished();
                Q_EMIT search.failed(message);
            });
        };
        if (auto st = caseFile.open(casePath, CaseFile::OpenMode::ReadOnly); !st) {
            fail(st.error().toString());
            return;
        }
        if (!graph) {
            post([](PathSearch &search) { Q_EMIT search.phaseChanged(tr("Reading the case…")); });
            ProjectionOptions options;
            options.cancel = cancelled.get(); // Cancel stops the build too
            auto built = GraphProjection::fromCase(caseFile, options);
            if (!built) {
                if (!cancelled->load()) {
                    fail(built.error().toString());
                }
                return;
            }
            graph = std::make_shared<const GraphProjection>(std::move(built.value()));
            post([graph](PathSearch &search) { Q_EMIT search.projected(graph); });
        }
        if (cancelled->load()) {
            return;
        }
        post([](PathSearch &search) { Q_EMIT search.phaseChanged(tr("Searching…")); });
        auto outcome = runSearch(caseFile, *graph, query);
        caseFile.close();
        if (!outcome) {
            fail(outcome.error().message);
            return;
        }
        PathOutcome done = std::move(outcome.value());
        done.request.paths.cancel = nullptr; // the flag dies with this run
        done.request.diversion.cancel = nullptr;
        auto shared = std::make_shared<const PathOutcome>(std::move(done));
        post([shared](PathSearch &search) {
            search.m_runs.finished();
            Q_EMIT search.finished(shared);
        });
    });
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyticstext.h"

namespace Casegraph::Models {

namespace {
QString dates(const GraphLink &l)
{
    if (!l.start.isValid() && !l.end.isValid()) {
        return {};
    }
    const QString open = AnalyticsText::tr("open");
    return (l.start.isValid() ? l.start.toString() : open) + QStringLiteral(" – ") +
           (l.end.isValid() ? l.end.toString() : open);
}
} // namespace

QString AnalyticsText::hop(const PathHop &hop)
{
    const GraphLink &l = hop.link;
    QStringList details;
    switch (l.kind) {
    case LinkKind::Manufacturer:
        details << tr("manufacturer → supplier");
        break;
    case LinkKind::Product:
        details << tr("product → manufacturer");
        break;
    case LinkKind::Reference:
        details << l.property;
        break;
    case LinkKind::Relationship:
        break;
    }
    if (l.percentage.known || l.schema == QLatin1String("Ownership")) {
        details << l.percentage.toString();
    }
    if (const QString d = dates(l); !d.isEmpty()) {
        details << d;
    }
    details << tr("%n excerpt(s)", nullptr, l.evidence);
    const QString label = l.schema + QLatin1Char(' ') + l.relationship + QLatin1String(": ") +
                          details.join(QLatin1String(", "));
    // An undirected relationship (Associate, Family …) gets no arrowhead whichever way it was crossed.
    const QString in = hop.forward || !l.directed ? QStringLiteral(" —[") : QStringLiteral(" ←[");
    const QString out = hop.forward && l.directed ? QStringLiteral("]→ ") : QStringLiteral("]— ");
    return hop.from + in + label + out + hop.to;
}

QString AnalyticsText::path(const GraphPath &path)
{
    QString out;
    for (qsizetype i = 0; i < path.hops.size(); ++i) {
        const QString h = hop(path.hops.at(i));
        // Each hop repeats its start; print it only for the first.
        out += i == 0 ? h : h.mid(path.hops.at(i).from.size());
    }
    return out;
}

QStringList AnalyticsText::paths(const PathQuery &query, const PathResult &shortest, const PathResult &all)
{
    QStringList lines;
    if (shortest.paths.isEmpty()) {
        lines << tr("No path from %1 to %2 within %n hop(s).", nullptr, query.maxHops).arg(query.from, query.to);
        return lines;
    }
    const GraphPath &s = shortest.paths.first();
    lines << tr("Shortest path: %1, %2")
                 .arg(tr("%n hop(s)", nullptr, s.length()), tr("%n excerpt(s) in all", nullptr, s.evidence()));
    lines << QStringLiteral("  ") + path(s);
    lines << tr("Simple paths of at most %n hop(s): %1", nullptr, query.maxHops).arg(all.paths.size());
    for (qsizetype i = 0; i < all.paths.size(); ++i) {
        const GraphPath &p = all.paths.at(i);
        lines << tr("%1. %n hop(s), weakest hop %2 excerpt(s): ", nullptr, p.length())
                         .arg(i + 1)
                         .arg(p.minEvidence()) +
                     path(p);
    }
    if (all.capped) {
        lines << tr("Stopped at the limit of %1 paths: more paths exist. Narrow the search with --max-hops, "
                    "--types or --as-of.")
                     .arg(query.maxPaths);
    }
    if (all.workLimitReached) {
        lines << tr("Stopped after examining %1 relationships: the list is incomplete. Narrow the search.")
                     .arg(all.steps);
    }
    return lines;
}

QStringList AnalyticsText::diversion(const DiversionQuery &query, const DiversionResult &result)
{
    QStringList lines;
    if (result.paths.isEmpty()) {
        const QString what = query.listedOnly ? tr("listed end users") : tr("end users");
        lines << tr("No supply path from %1 reaches %2 within %n hop(s).", nullptr, query.maxHops).arg(query.from, what);
        return lines;
    }
    const int users = int(result.endUsers.size());
    lines << tr("%n path(s) from %1 to %2: %3", nullptr, int(result.paths.size()))
                 .arg(query.from,
                      query.listedOnly ? tr("%n listed end user(s)", nullptr, users) : tr("%n end user(s)", nullptr, users),
                      result.endUsers.join(QLatin1String(", ")));
    for (qsizetype i = 0; i < result.paths.size(); ++i) {
        const DiversionPath &p = result.paths.at(i);
        QStringList marks;
        if (p.listed) {
            marks << tr("listed: %1").arg(p.sanctions.join(QLatin1String(", ")));
        }
        if (p.restricted) {
            marks << tr("restricted by ownership");
        }
        if (marks.isEmpty()) {
            marks << tr("not listed");
        }
        lines << tr("%1. %2 (%3), %n hop(s):", nullptr, p.path.length())
                     .arg(i + 1)
                     .arg(p.endUser, marks.join(QLatin1String("; ")));
        lines << QStringLiteral("   ") + path(p.path);
    }
    if (result.capped) {
        lines << tr("Stopped at the limit of %1 paths: more paths exist.").arg(query.maxPaths);
    }
    if (result.workLimitReached) {
        lines << tr("Stopped after too many steps: the list is incomplete. Lower --max-hops.");
    }
    return lines;
}

QStringList AnalyticsText::exposure(const ExposureReport &report, int limit)
{
    QStringList lines;
    lines << tr("Ownership rule at %1% (inclusive): %2 listed, %3 restricted, %4 undetermined")
                 .arg(QString::number(report.options.threshold, 'g', 6))
                 .arg(report.listed)
                 .arg(report.restricted)
                 .arg(report.undetermined);
    const qsizetype flagged = report.listed + report.restricted + report.undetermined;
    const QList<EntityExposure> entries = report.entities(limit < 0 ? -1 : int(std::min<qsizetype>(limit, flagged)));
    for (const auto &x : entries) {
        if (x.verdict == ExposureVerdict::NotRestricted) {
            break;
        }
        lines << report.explain(x.id);
    }
    if (limit >= 0 && flagged > limit) {
        lines << tr("… and %1 more; raise the limit to see them.").arg(flagged - limit);
    }
    return lines;
}

QStringList AnalyticsText::centrality(const QList<NodeDegree> &degrees, const BetweennessResult &betweenness,
                                      const ComponentsResult &components, int top)
{
    QStringList lines;
    lines << (betweenness.approximate
                  ? tr("Betweenness (approximate: Brandes from %1 sampled sources, scaled):").arg(betweenness.samples)
                  : tr("Betweenness (exact):"));
    for (qsizetype i = 0; i < std::min<qsizetype>(top, betweenness.scores.size()); ++i) {
        const auto &s = betweenness.scores.at(i);
        lines << QStringLiteral("  %1  %2  (%3)")
                     .arg(s.id)
                     .arg(s.value, 0, 'f', 1)
                     .arg(s.normalized, 0, 'f', 4);
    }
    lines << tr("Degree (in / out / total):");
    for (qsizetype i = 0; i < std::min<qsizetype>(top, degrees.size()); ++i) {
        const auto &d = degrees.at(i);
        lines << QStringLiteral("  %1  %2 / %3 / %4").arg(d.id).arg(d.in).arg(d.out).arg(d.total);
    }
    QStringList sizes;
    for (qsizetype i = 0; i < std::min<qsizetype>(10, components.sizes.size()); ++i) {
        sizes << QString::number(components.sizes.at(i));
    }
    lines << tr("Weakly connected components: %1; largest: %2")
                 .arg(components.sizes.size())
                 .arg(sizes.join(QLatin1String(", ")));
    return lines;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposure.h"
#include "graphdata_p.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Casegraph::Models {

using namespace GraphDetail;

namespace {

// Percentages are stored as floats: sums within this of the threshold count as reaching it.
constexpr double kEpsilon = 1e-4;

bool termMatches(const QStringList &terms, const QStringList &values)
{
    if (terms.isEmpty()) {
        return true;
    }
    for (const QString &t : terms) {
        for (const QString &v : values) {
            if (v.contains(t.trimmed(), Qt::CaseInsensitive)) {
                return true;
            }
        }
    }
    return false;
}


ExposureVerdict verdictOf(const std::vector<char> &listed, const std::vector<char> &inR, const std::vector<char> &inP,
                          Vertex v)
{
    if (listed[v]) {
        return ExposureVerdict::Listed;
    }
    if (inR[v]) {
        return ExposureVerdict::Restricted;
    }
    return inP[v] ? ExposureVerdict::Undetermined : ExposureVerdict::NotRestricted;
}

QString percentText(double min, double max, int precision = 6)
{
    QString text = QString::number(min, 'g', precision);
    if (QString::number(max, 'g', precision) != text) {
        text += QStringLiteral("–") + QString::number(max, 'g', precision);
    }
    return text + QLatin1Char('%');
}

} // namespace

struct ExposureReport::Data {
    GraphProjection graph;
    std::vector<quint8> verdict; ///< ExposureVerdict by vertex
    std::vector<double> minimumSum, maximumSum;
    std::vector<double> effectiveMinimum, effectiveMaximum; ///< fractions; empty without look-through
    std::vector<quint32> reported; ///< vertices entities() lists
    std::vector<char> ownership;   ///< by schema index
    std::optional<qint64> day;
    bool isOwnership(const RelationshipEdge &e) const
    {
        return e.kind == quint8(LinkKind::Relationship) && ownership[e.schema] && (!day || validOn(e, *day));
    }
};

bool SanctionFilter::accepts(const QStringList &sanctionAuthorities, const QStringList &sanctionPrograms) const
{
    return termMatches(authorities, sanctionAuthorities) && termMatches(programs, sanctionPrograms);
}

ExposureReport computeExposure(const GraphProjection &graph, const ExposureOptions &options)
{
    const auto &d = graph.data();
    const Graph &g = d.graph;
    const size_t n = boost::num_vertices(g);
    std::optional<qint64> day;
    if (options.asOf && options.asOf->isValid()) {
        day = options.asOf->toJulianDay();
    }

    std::vector<char> ownershipSchema(d.schemata.size(), 0);
    for (size_t i = 0; i < d.schemata.size(); ++i) {
        ownershipSchema[i] = d.schemata[i].isOwnership;
    }
    const auto isOwnershipEdge = [&](const RelationshipEdge &e) {
        return e.kind == quint8(LinkKind::Relationship) && ownershipSchema[e.schema] && (!day || validOn(e, *day));
    };

    // The listed set.
    std::vector<char> listed(n, 0);
    std::vector<Vertex> seeds;
    for (const auto &s : d.sanctions) {
        if (!listed[s.vertex] && options.lists.accepts(s.authorities, s.programs)) {
            listed[s.vertex] = 1;
            seeds.push_back(s.vertex);
        }
    }

    // Fixed point by work list: when an owner becomes restricted its direct stakes are added to what
    // it owns, once; an entity whose sum reaches the threshold joins the list. `useMax` reads every
    // stake at its highest value, giving the entities that may be restricted (the worst case).
    const double threshold = options.threshold - kEpsilon;
    const auto propagate = [&](std::vector<char> &in, std::vector<double> &sum, bool useMax) {
        in = listed;
        sum.assign(n, 0);
        std::vector<Vertex> queue = seeds;
        for (size_t i = 0; i < queue.size(); ++i) {
            const Vertex o = queue[i];
            for (const Edge &e : boost::make_iterator_range(boost::out_edges(o, g))) {
                const RelationshipEdge &p = g[e];
                const Vertex a = boost::target(e, g);
                if (a == o || !isOwnershipEdge(p)) {
                    continue;
                }
                sum[a] += useMax ? p.pctMax : p.pctMin;
                if (!in[a] && sum[a] >= threshold) {
                    in[a] = 1;
                    queue.push_back(a);
                }
            }
        }
    };
    std::vector<char> inR, inP;
    std::vector<double> minSum, maxSum;
    propagate(inR, minSum, false);
    propagate(inP, maxSum, true);

    // Look-through effective ownership (information only): Jacobi iteration over the ownership edges
    // reachable from the listed set; k iterations count chains of up to k stakes.
    std::vector<double> effMin, effMax;
    if (options.lookThrough && !seeds.empty()) {
        std::vector<char> reach = listed;
        std::vector<Vertex> queue = seeds;
        struct Stake {
            Vertex owner, asset;
            float min, max;
        };
        std::vector<Stake> stakes;
        for (size_t i = 0; i < queue.size(); ++i) {
            const Vertex o = queue[i];
            for (const Edge &e : boost::make_iterator_range(boost::out_edges(o, g))) {
                const RelationshipEdge &p = g[e];
                const Vertex a = boost::target(e, g);
                if (a == o || !isOwnershipEdge(p)) {
                    continue;
                }
                stakes.push_back({o, a, p.pctMin / 100.f, p.pctMax / 100.f});
                if (!reach[a]) {
                    reach[a] = 1;
                    queue.push_back(a);
                }
            }
        }
        const auto iterate = [&](std::vector<double> &eff, bool useMax) {
            eff.assign(n, 0);
            for (const Vertex v : seeds) {
                eff[v] = 1;
            }
            std::vector<double> next(n, 0);
            for (int k = 0; k < options.lookThroughDepth; ++k) {
                for (const Vertex v : queue) {
                    next[v] = listed[v] ? 1 : 0;
                }
                for (const auto &s : stakes) {
                    if (!listed[s.asset]) {
                        next[s.asset] += (useMax ? s.max : s.min) * eff[s.owner];
                    }
                }
                double change = 0;
                for (const Vertex v : queue) {
                    next[v] = std::min(next[v], 1.0);
                    change = std::max(change, std::abs(next[v] - eff[v]));
                    eff[v] = next[v];
                }
                if (change < 1e-9) {
                    break;
                }
            }
        };
        iterate(effMin, false);
        iterate(effMax, true);
    }

    auto data = std::make_shared<ExposureReport::Data>();
    data->graph = graph;
    data->verdict.resize(n);
    data->minimumSum = std::move(minSum);
    data->maximumSum = std::move(maxSum);
    data->effectiveMinimum = std::move(effMin);
    data->effectiveMaximum = std::move(effMax);
    data->ownership = std::move(ownershipSchema);
    data->day = day;
    ExposureReport report;
    report.options = options;
    for (Vertex v = 0; v < n; ++v) {
        const ExposureVerdict verdict = verdictOf(listed, inR, inP, v);
        data->verdict[v] = quint8(verdict);
        if (verdict != ExposureVerdict::NotRestricted || data->maximumSum[v] > 0) {
            data->reported.push_back(v);
        }
        report.listed += verdict == ExposureVerdict::Listed;
        report.restricted += verdict == ExposureVerdict::Restricted;
        report.undetermined += verdict == ExposureVerdict::Undetermined;
    }
    report.d = std::move(data);
    return report;
}

ExposureReport::ExposureReport() : d(std::make_shared<Data>()) {}

EntityExposure ExposureReport::entry(quint32 v) const
{
    const auto &gd = d->graph.data();
    const Graph &g = gd.graph;
    EntityExposure x;
    x.id = gd.nodeId(v);
    x.rowId = g[v].rowId;
    x.schema = gd.schemaName(g[v].schema);
    x.verdict = ExposureVerdict(d->verdict[v]);
    x.minimumSum = d->minimumSum[v];
    x.maximumSum = d->maximumSum[v];
    if (!d->effectiveMinimum.empty()) {
        x.effectiveMinimum = d->effectiveMinimum[v] * 100;
        x.effectiveMaximum = d->effectiveMaximum[v] * 100;
    }
    for (const Edge &e : boost::make_iterator_range(boost::in_edges(v, g))) {
        const RelationshipEdge &p = g[e];
        const Vertex o = boost::source(e, g);
        if (o == v || ExposureVerdict(d->verdict[o]) == ExposureVerdict::NotRestricted || !d->isOwnership(p)) {
            continue;
        }
        ExposureStake s;
        s.owner = gd.nodeId(o);
        s.ownerRowId = g[o].rowId;
        s.ownerVerdict = ExposureVerdict(d->verdict[o]);
        s.ownership = gd.linkId(p);
        s.ownershipRowId = p.rowId;
        s.percentage.known = p.flags & PercentageKnown;
        s.percentage.min = p.pctMin;
        s.percentage.max = p.pctMax;
        s.evidence = p.evidence;
        x.stakes << s;
    }
    std::sort(x.stakes.begin(), x.stakes.end(), [](const ExposureStake &a, const ExposureStake &b) {
        return a.percentage.max != b.percentage.max ? a.percentage.max > b.percentage.max : a.owner < b.owner;
    });
    if (x.verdict == ExposureVerdict::Listed) {
        const auto [lo, hi] = gd.sanctionsOf(v);
        for (auto *s = lo; s != hi; ++s) {
            if (options.lists.accepts(s->authorities, s->programs)) {
                x.sanctions << SanctionRecord{s->rowId, gd.linkIds.string(s->idIndex), x.rowId, x.id, s->authorities,
                                              s->programs};
            }
        }
    }
    return x;
}

EntityExposure ExposureReport::entity(const QString &id) const
{
    const quint32 v = d->verdict.empty() ? NoVertex : d->graph.data().vertexOf(id);
    if (v == NoVertex) {
        EntityExposure x;
        x.id = id;
        return x;
    }
    return entry(v);
}

ExposureVerdict ExposureReport::verdict(const QString &id) const
{
    const quint32 v = d->verdict.empty() ? NoVertex : d->graph.data().vertexOf(id);
    return v == NoVertex ? ExposureVerdict::NotRestricted : ExposureVerdict(d->verdict[v]);
}

qsizetype ExposureReport::size() const
{
    return qsizetype(d->reported.size());
}

QList<EntityExposure> ExposureReport::entities(int limit) const
{
    if (d->verdict.empty()) {
        return {};
    }
    const auto &gd = d->graph.data();
    std::vector<std::pair<quint8, quint32>> order;
    order.reserve(d->reported.size());
    for (const quint32 v : d->reported) {
        order.emplace_back(d->verdict[v], v);
    }
    // By verdict, then by id (compared as UTF-8 bytes, which orders like code points).
    std::sort(order.begin(), order.end(), [&](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first
                                  : gd.nodeIds.view(gd.graph[a.second].idIndex) < gd.nodeIds.view(gd.graph[b.second].idIndex);
    });
    QList<EntityExposure> out;
    for (const auto &[verdict, v] : order) {
        if (limit >= 0 && out.size() >= limit) {
            break;
        }
        out << entry(v);
    }
    return out;
}

QString ExposureReport::verdictName(ExposureVerdict verdict)
{
    switch (verdict) {
    case ExposureVerdict::Listed:
        return tr("listed");
    case ExposureVerdict::Restricted:
        return tr("restricted");
    case ExposureVerdict::Undetermined:
        return tr("undetermined");
    case ExposureVerdict::NotRestricted:
        break;
    }
    return tr("not restricted");
}

QStringList ExposureReport::explain(const QString &id, int maxDepth,
                                   const std::function<QString(const QString &id)> &name, int maxLines) const
{
    bool cut = false;
    const auto label = [&](const QString &entityId) { return name ? name(entityId) : entityId; };
    QStringList lines;
    QSet<QString> onChain;
    QSet<QString> expanded;
    const auto sums = [](const EntityExposure &x) { return percentText(x.minimumSum, x.maximumSum); };
    const std::function<void(const QString &, int)> walk = [&](const QString &entityId, int depth) {
        if (maxLines > 0 && lines.size() >= maxLines) {
            cut = true;
            return;
        }
        const EntityExposure x = entity(entityId);
        if (x.verdict == ExposureVerdict::Listed) {
            for (const auto &s : x.sanctions) {
                // An accepted screening match carries the decision's row id, negated, and the id
                // "<entry>-sanction" (models/analytics/graphload.cpp).
                const QString how = s.rowId < 0 ? tr("listed by an accepted screening match with list entry %1 (%2; %3)")
                                                      .arg(QString(s.id).remove(QRegularExpression(QStringLiteral("-sanction$"))))
                                                : tr("listed by Sanction %1 (%2; %3)").arg(s.id);
                lines << QString(depth * 2 + 2, QLatin1Char(' ')) +
                             QString(how).arg(s.authorities.join(QLatin1String(", ")), s.programs.join(QLatin1String(", ")));
            }
            return;
        }
        if (depth >= maxDepth || onChain.contains(entityId)) {
            if (!x.stakes.isEmpty()) {
                lines << QString(depth * 2 + 2, QLatin1Char(' ')) + tr("… (chain continues)");
            }
            return;
        }
        // An owner met again through another path: its stakes were written the first time. Without
        // this the text grows with the number of paths, exponentially in a dense network.
        if (expanded.contains(entityId)) {
            if (!x.stakes.isEmpty()) {
                lines << QString(depth * 2 + 2, QLatin1Char(' ')) + tr("… (its owners are shown above)");
            }
            return;
        }
        expanded.insert(entityId);
        onChain.insert(entityId);
        for (const auto &s : x.stakes) {
            if (maxLines > 0 && lines.size() >= maxLines) {
                cut = true;
                break;
            }
            lines << QString(depth * 2 + 2, QLatin1Char(' ')) +
                         tr("← %1 held by %2 (%3) through ownership %4, %n excerpt(s)", nullptr, s.evidence)
                             .arg(s.percentage.toString(), label(s.owner), verdictName(s.ownerVerdict), s.ownership);
            walk(s.owner, depth + 1);
        }
        onChain.remove(entityId);
    };
    const EntityExposure x = entity(id);
    const QString threshold = QString::number(options.threshold, 'g', 6) + QLatin1Char('%');
    QString head;
    switch (x.verdict) {
    case ExposureVerdict::Listed:
        head = tr("%1 — listed").arg(label(id));
        break;
    case ExposureVerdict::Restricted:
        head = tr("%1 — restricted: restricted owners hold at least %2 in aggregate (threshold %3)")
                   .arg(label(id), QString::number(x.minimumSum, 'g', 6) + QLatin1Char('%'), threshold);
        break;
    case ExposureVerdict::Undetermined:
        head = tr("%1 — undetermined: restricted or possibly restricted owners hold %2 (threshold %3); the stakes' "
                  "ranges or unknown owners decide")
                   .arg(label(id), sums(x), threshold);
        break;
    case ExposureVerdict::NotRestricted:
        head = x.stakes.isEmpty() ? tr("%1 — not restricted: no listed or restricted owner").arg(label(id))
                                  : tr("%1 — not restricted: restricted owners hold at most %2 (threshold %3)")
                                        .arg(label(id), QString::number(x.maximumSum, 'g', 6) + QLatin1Char('%'), threshold);
        break;
    }
    if (x.verdict != ExposureVerdict::Listed && (x.effectiveMaximum > 0 || x.effectiveMinimum > 0)) {
        head += QLatin1String("; ") + tr("look-through effective ownership by listed entities %1")
                                          .arg(percentText(x.effectiveMinimum, x.effectiveMaximum, 4));
    }
    lines << head;
    walk(id, 0);
    if (cut || (maxLines > 0 && lines.size() > maxLines)) {
        lines.resize(maxLines);
        lines << tr("… (cut at %n line(s); the chains of stakes go on)", nullptr, maxLines);
    }
    return lines;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The graph analytics subcommands: paths, diversion, exposure, centrality.
#include "cliapplication.h"

#include "analytics/analyticstext.h"
#include "analytics/centrality.h"
#include "analytics/diversion.h"
#include "analytics/exposure.h"
#include "analytics/paths.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace Casegraph::Cli {

using namespace Casegraph::Models;

namespace {

QString linkKindName(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Relationship:
        return QStringLiteral("relationship");
    case LinkKind::Manufacturer:
        return QStringLiteral("manufacturer");
    case LinkKind::Product:
        return QStringLiteral("product");
    case LinkKind::Reference:
        return QStringLiteral("reference");
    }
    return {};
}

QJsonValue percentageJson(const PercentageRange &p)
{
    if (!p.known) {
        return QJsonValue();
    }
    return QJsonObject{{QStringLiteral("min"), p.min}, {QStringLiteral("max"), p.max}};
}

QJsonObject hopJson(const PathHop &hop)
{
    const GraphLink &l = hop.link;
    QJsonObject o{{QStringLiteral("from"), hop.from},
                  {QStringLiteral("to"), hop.to},
                  {QStringLiteral("forward"), hop.forward},
                  {QStringLiteral("directed"), l.directed}, // false: "forward" only says how it is stored
                  {QStringLiteral("relationship"), l.relationship},
                  {QStringLiteral("schema"), l.schema},
                  {QStringLiteral("kind"), linkKindName(l.kind)},
                  {QStringLiteral("start"), l.start.isValid() ? QJsonValue(l.start.toString()) : QJsonValue()},
                  {QStringLiteral("end"), l.end.isValid() ? QJsonValue(l.end.toString()) : QJsonValue()},
                  {QStringLiteral("evidence"), l.evidence}};
    if (!l.property.isEmpty()) {
        o.insert(QStringLiteral("property"), l.property);
    }
    if (l.schema == QLatin1String("Ownership") || l.percentage.known) {
        o.insert(QStringLiteral("percentage"), percentageJson(l.percentage));
    }
    return o;
}

QJsonObject pathJson(const GraphPath &path)
{
    QJsonArray hops;
    for (const auto &h : path.hops) {
        hops.append(hopJson(h));
    }
    return {{QStringLiteral("length"), path.length()},
            {QStringLiteral("evidence"), path.evidence()},
            {QStringLiteral("minEvidence"), path.minEvidence()},
            {QStringLiteral("hops"), hops}};
}

QString verdictKey(ExposureVerdict verdict)
{
    switch (verdict) {
    case ExposureVerdict::Listed:
        return QStringLiteral("listed");
    case ExposureVerdict::Restricted:
        return QStringLiteral("restricted");
    case ExposureVerdict::Undetermined:
        return QStringLiteral("undetermined");
    case ExposureVerdict::NotRestricted:
        return QStringLiteral("notRestricted");
    }
    return {};
}

QJsonObject exposureJson(const EntityExposure &x)
{
    QJsonArray stakes;
    for (const auto &s : x.stakes) {
        stakes.append(QJsonObject{{QStringLiteral("owner"), s.owner},
                                  {QStringLiteral("ownerVerdict"), verdictKey(s.ownerVerdict)},
                                  {QStringLiteral("ownership"), s.ownership},
                                  {QStringLiteral("percentage"), percentageJson(s.percentage)},
                                  {QStringLiteral("evidence"), s.evidence}});
    }
    QJsonArray sanctions;
    for (const auto &s : x.sanctions) {
        sanctions.append(s.id);
    }
    return {{QStringLiteral("id"), x.id},
            {QStringLiteral("schema"), x.schema},
            {QStringLiteral("verdict"), verdictKey(x.verdict)},
            {QStringLiteral("minimumSum"), x.minimumSum},
            {QStringLiteral("maximumSum"), x.maximumSum},
            {QStringLiteral("effectiveMinimum"), x.effectiveMinimum},
            {QStringLiteral("effectiveMaximum"), x.effectiveMaximum},
            {QStringLiteral("stakes"), stakes},
            {QStringLiteral("sanctions"), sanctions}};
}

/// The case and its projection, opened read-only for one analytics command.
struct Analysed {
    std::unique_ptr<CaseFile> caseFile;
    GraphProjection graph;

    /// An entity given on the command line: its FtM id, or a name that only one node carries
    /// (exactly as caption, case-insensitively; else the only node a name search finds).
    Result<QString> resolve(const QString &given) const
    {
        const QString text = given.trimmed();
        if (text.isEmpty()) {
            return Error{CliApplication::tr("an entity id or name is needed")};
        }
        if (graph.contains(text)) {
            return text;
        }
        if (const auto row = caseFile->entities().entityById(text)) {
            return Error{CliApplication::tr("%1 is a relationship (%2), not an entity of the graph; give one of its ends")
                             .arg(text, row->schema)};
        }
        QString phrase = text;
        phrase.remove(QLatin1Char('"'));
        QList<SearchHit> nodes;
        QList<SearchHit> exact;
        for (const auto &hit : caseFile->entities().search(QLatin1Char('"') + phrase + QLatin1Char('"'), 50)) {
            if (hit.kind != SearchHit::Kind::Entity || !graph.contains(hit.id)) {
                continue;
            }
            if (std::none_of(nodes.cbegin(), nodes.cend(), [&](const SearchHit &h) { return h.id == hit.id; })) {
                nodes << hit;
                if (hit.caption.compare(text, Qt::CaseInsensitive) == 0) {
                    exact << hit;
                }
            }
        }
        const QList<SearchHit> &candidates = exact.isEmpty() ? nodes : exact;
        if (candidates.size() == 1) {
            return candidates.first().id;
        }
        if (candidates.isEmpty()) {
            return Error{CliApplication::tr("unknown entity \"%1\": no entity of the graph has this id or name").arg(text)};
        }
        QStringList names;
        for (qsizetype i = 0; i < std::min<qsizetype>(candidates.size(), 8); ++i) {
            names << candidates.at(i).id + QLatin1String(" (") + candidates.at(i).caption + QLatin1Char(')');
        }
        if (candidates.size() > names.size()) {
            names << QString(QChar(0x2026));
        }
        return Error{CliApplication::tr("\"%1\" is ambiguous: %2 entities match (%3); give an id")
                         .arg(text)
                         .arg(candidates.size())
                         .arg(names.join(QLatin1String(", ")))};
    }

    /// "id  caption" for each id, for the legend under a text report.
    QStringList legend(const QStringList &ids) const
    {
        QStringList lines;
        for (const QString &id : ids) {
            if (const auto n = graph.node(id)) {
                const auto row = caseFile->entities().row(n->rowId);
                lines << QStringLiteral("  ") + id + QStringLiteral("  ") + (row ? row->caption : QString()) +
                             QStringLiteral(" (") + n->schema + QLatin1Char(')');
            }
        }
        return lines;
    }

    QString caption(const QString &id) const
    {
        const auto n = graph.node(id);
        const auto row = n ? caseFile->entities().row(n->rowId) : std::nullopt;
        return row ? row->caption : QString();
    }
};

/// The entities a set of paths passes through, in order of first appearance.
QStringList idsOnPaths(const QList<const GraphPath *> &paths)
{
    QStringList ids;
    QSet<QString> seen;
    const auto add = [&](const QString &id) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    };
    for (const GraphPath *p : paths) {
        for (const auto &h : p->hops) {
            add(h.from);
            add(h.to);
        }
    }
    return ids;
}

Result<int> positiveNumber(const QCommandLineParser &parser, const QString &option, int maximum)
{
    bool ok = false;
    const int n = parser.value(option).toInt(&ok);
    if (!ok || n < 1 || n > maximum) {
        return Error{CliApplication::tr("--%1 needs a whole number from 1 to %2, not \"%3\"").arg(option).arg(maximum).arg(
            parser.value(option))};
    }
    return n;
}

Result<std::optional<QDate>> asOfDate(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("as-of"))) {
        return std::optional<QDate>();
    }
    const QString text = parser.value(QStringLiteral("as-of")).trimmed();
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid()) {
        return Error{CliApplication::tr("--as-of needs a day as YYYY-MM-DD, not \"%1\"").arg(text)};
    }
    return std::optional<QDate>(day);
}

/// The line under a usage error: where to find the command's options.
QString optionsHint(const QCommandLineParser &parser)
{
    return CliApplication::tr("Run \"casegraph-cli %1 --help\" for its options.\n").arg(parser.positionalArguments().value(0));
}

QStringList typeList(const QCommandLineParser &parser)
{
    QStringList types;
    for (const QString &t : parser.value(QStringLiteral("types")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        types << t.trimmed();
    }
    return types;
}

} // namespace

void CliApplication::describeAnalytics(const QString &command, QCommandLineParser &parser) const
{
    const auto maxHops = [&](const char *fallback) {
        parser.addOption({QStringLiteral("max-hops"), tr("At most N relationships per path (default: %1).").arg(QLatin1String(fallback)),
                          tr("N"), QLatin1String(fallback)});
    };
    const auto asOf = [&] {
        parser.addOption({QStringLiteral("as-of"),
                          tr("Only relationships valid on this day (YYYY-MM-DD); missing dates count as open."),
                          tr("DATE")});
    };
    if (command == QLatin1String("paths")) {
        parser.addOption({QStringLiteral("from"), tr("Where the paths start: an FtM id or an unambiguous name."), tr("ID")});
        parser.addOption({QStringLiteral("to"), tr("Where the paths end: an FtM id or an unambiguous name."), tr("ID")});
        maxHops("6");
        parser.addOption({QStringLiteral("types"),
                          tr("Follow only these relationship schemata, comma-separated (e.g. Ownership,Directorship; "
                             "a schema includes its descendants)."),
                          tr("T,..")});
        asOf();
        parser.addOption({QStringLiteral("undirected"), tr("Cross every relationship in both directions.")});
        parser.addOption({QStringLiteral("max-paths"), tr("List at most N simple paths (default: 1000)."), tr("N"),
                          QStringLiteral("1000")});
    } else if (command == QLatin1String("diversion")) {
        parser.addOption({QStringLiteral("from"),
                          tr("The manufacturer or product: an FtM id or an unambiguous name."), tr("ID")});
        maxHops("6");
        asOf();
        parser.addOption({QStringLiteral("types"),
                          tr("Follow these relationship schemata, comma-separated (default: Supply; a schema includes "
                             "its descendants; undirected ones such as Associate or Family are crossed both ways). The "
                             "manufacturer and product of a Supply are always followed."),
                          tr("T,..")});
        parser.addOption({QStringLiteral("all-end-users"),
                          tr("List every end user the goods reach, marking those without a Sanction as not listed.")});
        parser.addOption({QStringLiteral("ownership-threshold"),
                          tr("Also count end users restricted by the ownership rule at this percentage."), tr("P")});
    } else if (command == QLatin1String("exposure")) {
        parser.addOption({QStringLiteral("threshold"),
                          tr("Restricted when listed or restricted owners hold at least this percentage in aggregate "
                             "(default: 50)."),
                          tr("P"), QStringLiteral("50")});
        asOf();
        parser.addOption({QStringLiteral("entity"), tr("Explain the verdict for this entity only."), tr("ID")});
        parser.addOption({QStringLiteral("limit"), tr("Explain at most N entities (default: 100)."), tr("N"),
                          QStringLiteral("100")});
    } else if (command == QLatin1String("centrality")) {
        parser.addOption({QStringLiteral("top"), tr("Show the N highest nodes of each measure (default: 20)."), tr("N"),
                          QStringLiteral("20")});
    }
}

namespace {

/// Opens the case read-only and builds its projection.
Result<Analysed> analyse(const QString &path)
{
    Analysed a;
    a.caseFile = std::make_unique<CaseFile>();
    if (auto st = a.caseFile->open(path, CaseFile::OpenMode::ReadOnly); !st) {
        return st.error();
    }
    auto graph = GraphProjection::fromCase(*a.caseFile);
    if (!graph) {
        return Error{graph.error().message, path};
    }
    a.graph = std::move(*graph);
    return a;
}

Result<double> percentage(const QCommandLineParser &parser, const QString &option)
{
    bool ok = false;
    const double p = parser.value(option).trimmed().remove(QLatin1Char('%')).toDouble(&ok);
    if (!ok || !std::isfinite(p) || p <= 0 || p > 100) {
        return Error{CliApplication::tr("--%1 needs a percentage above 0 and at most 100, not \"%2\"").arg(option, parser.value(option))};
    }
    return p;
}

} // namespace

// ---------------------------------------------------------------- paths

int CliApplication::runPaths(QCommandLineParser &parser)
{
    PathQuery query;
    if (!parser.isSet(QStringLiteral("from")) || !parser.isSet(QStringLiteral("to"))) {
        return usageError(tr("paths needs --from ID and --to ID"), optionsHint(parser));
    }
    const auto hops = positiveNumber(parser, QStringLiteral("max-hops"), 50);
    if (!hops) {
        return usageError(hops.error().message, optionsHint(parser));
    }
    const auto maxPaths = positiveNumber(parser, QStringLiteral("max-paths"), 1'000'000);
    if (!maxPaths) {
        return usageError(maxPaths.error().message, optionsHint(parser));
    }
    const auto asOf = asOfDate(parser);
    if (!asOf) {
        return usageError(asOf.error().message, optionsHint(parser));
    }
    query.maxHops = *hops;
    query.maxPaths = *maxPaths;
    query.asOf = *asOf;
    query.schemata = typeList(parser);
    query.undirected = parser.isSet(QStringLiteral("undirected"));

    auto a = analyse(parser.positionalArguments().at(1));
    if (!a) {
        return fail(a.error());
    }
    const auto from = a->resolve(parser.value(QStringLiteral("from")));
    if (!from) {
        return fail(from.error());
    }
    const auto to = a->resolve(parser.value(QStringLiteral("to")));
    if (!to) {
        return fail(to.error());
    }
    query.from = *from;
    query.to = *to;
    const auto shortest = shortestPath(a->graph, query);
    if (!shortest) {
        return fail(shortest.error());
    }
    const auto all = allSimplePaths(a->graph, query);
    if (!all) {
        return fail(all.error());
    }
    if (m_json) {
        QJsonArray paths;
        for (const auto &p : all->paths) {
            paths.append(pathJson(p));
        }
        return printJson({{QStringLiteral("from"), query.from},
                          {QStringLiteral("to"), query.to},
                          {QStringLiteral("maxHops"), query.maxHops},
                          {QStringLiteral("shortest"),
                           shortest->paths.isEmpty() ? QJsonValue() : QJsonValue(pathJson(shortest->paths.first()))},
                          {QStringLiteral("paths"), paths},
                          {QStringLiteral("capped"), all->capped},
                          {QStringLiteral("maxPaths"), query.maxPaths},
                          {QStringLiteral("workLimitReached"), all->workLimitReached}});
    }
    for (const QString &line : AnalyticsText::paths(query, *shortest, *all)) {
        m_out << line << '\n';
    }
    QList<const GraphPath *> shown;
    for (const auto &p : all->paths) {
        shown << &p;
    }
    if (!shown.isEmpty()) {
        m_out << tr("Entities:") << '\n';
        for (const QString &line : a->legend(idsOnPaths(shown))) {
            m_out << line << '\n';
        }
    }
    m_out.flush();
    return Success;
}

// ---------------------------------------------------------------- diversion

int CliApplication::runDiversion(QCommandLineParser &parser)
{
    DiversionQuery query;
    if (!parser.isSet(QStringLiteral("from"))) {
        return usageError(tr("diversion needs --from ID (a manufacturer or a product)"), optionsHint(parser));
    }
    const auto hops = positiveNumber(parser, QStringLiteral("max-hops"), 50);
    if (!hops) {
        return usageError(hops.error().message, optionsHint(parser));
    }
    const auto asOf = asOfDate(parser);
    if (!asOf) {
        return usageError(asOf.error().message, optionsHint(parser));
    }
    if (parser.isSet(QStringLiteral("ownership-threshold"))) {
        const auto t = percentage(parser, QStringLiteral("ownership-threshold"));
        if (!t) {
            return usageError(t.error().message, optionsHint(parser));
        }
        query.ownershipThreshold = *t;
    }
    query.maxHops = *hops;
    query.asOf = *asOf;
    query.listedOnly = !parser.isSet(QStringLiteral("all-end-users"));
    if (parser.isSet(QStringLiteral("types"))) {
        query.schemata = typeList(parser);
    }

    auto a = analyse(parser.positionalArguments().at(1));
    if (!a) {
        return fail(a.error());
    }
    const auto from = a->resolve(parser.value(QStringLiteral("from")));
    if (!from) {
        return fail(from.error());
    }
    query.from = *from;
    const auto result = diversionPaths(a->graph, query);
    if (!result) {
        return fail(result.error());
    }
    if (m_json) {
        QJsonArray paths;
        for (const auto &p : result->paths) {
            QJsonObject o = pathJson(p.path);
            o.insert(QStringLiteral("endUser"), p.endUser);
            o.insert(QStringLiteral("endUserName"), a->caption(p.endUser));
            o.insert(QStringLiteral("listed"), p.listed);
            o.insert(QStringLiteral("restricted"), p.restricted);
            o.insert(QStringLiteral("sanctions"), QJsonArray::fromStringList(p.sanctions));
            paths.append(o);
        }
        return printJson({{QStringLiteral("from"), query.from},
                          {QStringLiteral("maxHops"), query.maxHops},
                          {QStringLiteral("listedOnly"), query.listedOnly},
                          {QStringLiteral("endUsers"), QJsonArray::fromStringList(result->endUsers)},
                          {QStringLiteral("paths"), paths},
                          {QStringLiteral("capped"), result->capped},
                          {QStringLiteral("workLimitReached"), result->workLimitReached}});
    }
    for (const QString &line : AnalyticsText::diversion(query, *result)) {
        m_out << line << '\n';
    }
    if (result->paths.isEmpty() && query.listedOnly) {
        m_out << tr("Use --all-end-users to list the end users that carry no Sanction.") << '\n';
    }
    QList<const GraphPath *> shown;
    for (const auto &p : result->paths) {
        shown << &p.path;
    }
    if (!shown.isEmpty()) {
        m_out << tr("Entities:") << '\n';
        for (const QString &line : a->legend(idsOnPaths(shown))) {
            m_out << line << '\n';
        }
    }
    m_out.flush();
    return Success;
}

// ---------------------------------------------------------------- exposure, centrality

int CliApplication::runExposure(QCommandLineParser &parser)
{
    ExposureOptions options;
    const auto threshold = percentage(parser, QStringLiteral("threshold"));
    if (!threshold) {
        return usageError(threshold.error().message, optionsHint(parser));
    }
    const auto asOf = asOfDate(parser);
    if (!asOf) {
        return usageError(asOf.error().message, optionsHint(parser));
    }
    const auto limit = positiveNumber(parser, QStringLiteral("limit"), 100'000'000);
    if (!limit) {
        return usageError(limit.error().message, optionsHint(parser));
    }
    options.threshold = *threshold;
    options.asOf = *asOf;

    auto a = analyse(parser.positionalArguments().at(1));
    if (!a) {
        return fail(a.error());
    }
    QString only;
    if (parser.isSet(QStringLiteral("entity"))) {
        const auto id = a->resolve(parser.value(QStringLiteral("entity")));
        if (!id) {
            return fail(id.error());
        }
        only = *id;
    }
    const ExposureReport report = computeExposure(a->graph, options);
    if (m_json) {
        QJsonArray entities;
        if (!only.isEmpty()) {
            entities.append(exposureJson(report.entity(only)));
        } else {
            for (const auto &x : report.entities(*limit)) {
                entities.append(exposureJson(x));
            }
        }
        return printJson({{QStringLiteral("threshold"), options.threshold},
                          {QStringLiteral("listed"), report.listed},
                          {QStringLiteral("restricted"), report.restricted},
                          {QStringLiteral("undetermined"), report.undetermined},
                          {QStringLiteral("reported"), report.size()},
                          {QStringLiteral("entities"), entities}});
    }
    const QStringList lines = only.isEmpty() ? AnalyticsText::exposure(report, *limit) : report.explain(only);
    for (const QString &line : lines) {
        m_out << line << '\n';
    }
    m_out.flush();
    return Success;
}

int CliApplication::runCentrality(QCommandLineParser &parser)
{
    const auto top = positiveNumber(parser, QStringLiteral("top"), 1'000'000);
    if (!top) {
        return usageError(top.error().message, optionsHint(parser));
    }
    auto a = analyse(parser.positionalArguments().at(1));
    if (!a) {
        return fail(a.error());
    }
    const QList<NodeDegree> degrees = degreeCentrality(a->graph);
    BetweennessOptions options;
    options.limit = *top;
    const BetweennessResult betweenness = betweennessCentrality(a->graph, options);
    const ComponentsResult components = weakComponents(a->graph);
    if (m_json) {
        QJsonArray scores;
        for (const auto &s : betweenness.scores) {
            scores.append(QJsonObject{{QStringLiteral("id"), s.id},
                                      {QStringLiteral("name"), a->caption(s.id)},
                                      {QStringLiteral("value"), s.value},
                                      {QStringLiteral("normalized"), s.normalized}});
        }
        QJsonArray degreeArray;
        for (qsizetype i = 0; i < std::min<qsizetype>(*top, degrees.size()); ++i) {
            const auto &d = degrees.at(i);
            degreeArray.append(QJsonObject{{QStringLiteral("id"), d.id},
                                           {QStringLiteral("name"), a->caption(d.id)},
                                           {QStringLiteral("in"), d.in},
                                           {QStringLiteral("out"), d.out},
                                           {QStringLiteral("total"), d.total}});
        }
        QJsonArray sizes;
        for (qsizetype i = 0; i < std::min<qsizetype>(*top, components.sizes.size()); ++i) {
            sizes.append(components.sizes.at(i));
        }
        return printJson({{QStringLiteral("betweenness"),
                           QJsonObject{{QStringLiteral("approximate"), betweenness.approximate},
                                       {QStringLiteral("samples"), betweenness.samples},
                                       {QStringLiteral("scores"), scores}}},
                          {QStringLiteral("degree"), degreeArray},
                          {QStringLiteral("components"),
                           QJsonObject{{QStringLiteral("count"), components.sizes.size()},
                                       {QStringLiteral("largest"), sizes}}}});
    }
    for (const QString &line : AnalyticsText::centrality(degrees, betweenness, components, *top)) {
        m_out << line << '\n';
    }
    m_out.flush();
    return Success;
}

} // namespace Casegraph::Cli

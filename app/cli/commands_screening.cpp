// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-cli lists, list-load, screen and decide: reference lists and screening.
#include "cliapplication.h"

#include "screening/referencelists.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/referenceliststore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Casegraph::Cli {

using namespace Casegraph::Models;

namespace {

QJsonObject versionJson(const ReferenceListVersion &v)
{
    return QJsonObject{{QStringLiteral("list"), v.listName},
                       {QStringLiteral("version"), v.id},
                       {QStringLiteral("sha256"), v.sha256},
                       {QStringLiteral("file"), v.fileName},
                       {QStringLiteral("format"), v.format},
                       {QStringLiteral("loadedAt"), v.loadedAt.toString(Qt::ISODate)},
                       {QStringLiteral("loadedBy"), v.loadedBy},
                       {QStringLiteral("entries"), v.entries},
                       {QStringLiteral("added"), v.added},
                       {QStringLiteral("removed"), v.removed},
                       {QStringLiteral("changed"), v.changed}};
}

QJsonArray itemsJson(const QList<ReferenceListDiff::Item> &items)
{
    QJsonArray out;
    for (const auto &i : items) {
        out.append(QJsonObject{{QStringLiteral("id"), i.id}, {QStringLiteral("caption"), i.caption}});
    }
    return out;
}

QString versionLine(const ReferenceListVersion &v)
{
    return CliApplication::tr("%1: version %2, %n entry(s), %3 (%4, SHA-256 %5…), loaded %6 by %7", nullptr,
                              int(v.entries))
        .arg(v.listName)
        .arg(v.id)
        .arg(v.fileName, v.format, v.sha256.left(12), v.loadedAt.toString(Qt::ISODate), v.loadedBy);
}

} // namespace

void CliApplication::describeScreening(const QString &command, QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("The case file."));
    const QCommandLineOption format{QStringLiteral("format"),
                                    tr("The list file's format (csl, ofac-csv, ofac-xml, un-xml, bis-json, ftm …; "
                                       "default: detected)."),
                                    tr("FORMAT")};
    const QCommandLineOption list{QStringLiteral("list"),
                                  tr("A loaded reference list's name, or a list file (loaded into the case first)."),
                                  tr("LIST")};
    if (command == QLatin1String("list-load")) {
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("The list file."));
        parser.addOption({QStringLiteral("name"), tr("The list's name (default: the file's base name)."), tr("NAME")});
        parser.addOption(format);
    } else if (command == QLatin1String("screen")) {
        parser.addOption(list);
        parser.addOption(format);
        parser.addOption({QStringLiteral("threshold"),
                          tr("The score a candidate needs, in (0, 1] (default: %1).").arg(ScreeningSettings().threshold),
                          tr("T")});
        parser.addOption({QStringLiteral("ids"), tr("Screen only the entities listed in FILE (one id per line)."),
                          tr("FILE")});
    } else {
        parser.addPositionalArgument(QStringLiteral("ENTITY"), tr("The case entity's id."));
        parser.addPositionalArgument(QStringLiteral("ENTRY"), tr("The listed entry's id."));
        parser.addOption(list);
        parser.addOption({QStringLiteral("accept"), tr("Accept the match: the entity is the listed party.")});
        parser.addOption({QStringLiteral("reject"), tr("Reject the match.")});
    }
}

Result<ReferenceListVersion> CliApplication::resolveList(CaseFile &caseFile, const QString &list, const QString &format)
{
    if (const auto v = caseFile.referenceLists().latest(list)) {
        return *v;
    }
    if (!QFileInfo(list).isFile()) {
        return Error{tr("no reference list named \"%1\" in the case, and no such file").arg(list)};
    }
    // A file: load it on the fly (a new version only if its SHA-256 is new).
    auto load = ReferenceListLoader::load(caseFile, list, {}, format);
    if (!load) {
        return load.error();
    }
    if (!m_json && !load->unchanged) {
        m_err << tr("Loaded %1").arg(versionLine(load->version)) << '\n';
    }
    return load->version;
}

int CliApplication::runLists(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1), true);
    if (!caseFile) {
        return Failure;
    }
    const auto lists = caseFile->referenceLists().lists();
    if (m_json) {
        QJsonArray out;
        for (const auto &l : lists) {
            QJsonObject o = versionJson(l);
            QJsonArray history;
            for (const auto &v : caseFile->referenceLists().versions(l.listName)) {
                history.append(versionJson(v));
            }
            o.insert(QStringLiteral("versions"), history);
            out.append(o);
        }
        QJsonArray runs;
        for (const auto &r : caseFile->referenceLists().runs()) {
            runs.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("version"), r.versionId},
                                    {QStringLiteral("threshold"), r.threshold},
                                    {QStringLiteral("scope"), r.scope},
                                    {QStringLiteral("screened"), r.screened},
                                    {QStringLiteral("candidates"), r.candidates},
                                    {QStringLiteral("at"), r.at.toString(Qt::ISODate)},
                                    {QStringLiteral("actor"), r.actor}});
        }
        return printJson({{QStringLiteral("lists"), out}, {QStringLiteral("runs"), runs}});
    }
    if (lists.isEmpty()) {
        m_out << tr("No reference lists loaded.") << '\n';
    }
    for (const auto &l : lists) {
        m_out << versionLine(l) << '\n';
        const auto history = caseFile->referenceLists().versions(l.listName);
        if (history.size() > 1) {
            m_out << tr("  %n earlier version(s)", nullptr, int(history.size() - 1)) << '\n';
        }
    }
    return Success;
}

int CliApplication::runListLoad(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    const QString file = parser.positionalArguments().at(2);
    auto load = ReferenceListLoader::load(*caseFile, file, parser.value(QStringLiteral("name")),
                                          parser.value(QStringLiteral("format")));
    if (!load) {
        return fail(load.error());
    }
    const ReferenceListDiff &d = load->diff;
    if (m_json) {
        return printJson({{QStringLiteral("version"), versionJson(load->version)},
                          {QStringLiteral("unchanged"), load->unchanged},
                          {QStringLiteral("skipped"), load->skipped},
                          {QStringLiteral("added"), itemsJson(d.added)},
                          {QStringLiteral("removed"), itemsJson(d.removed)},
                          {QStringLiteral("changed"), itemsJson(d.changed)}});
    }
    if (load->unchanged) {
        m_out << tr("Unchanged: the latest version of \"%1\" is this file (SHA-256 %2).")
                     .arg(load->version.listName, load->version.sha256)
              << '\n';
        return Success;
    }
    m_out << tr("Loaded %1").arg(versionLine(load->version)) << '\n';
    if (load->skipped) {
        m_out << tr("Skipped %n unreadable record(s).", nullptr, int(load->skipped)) << '\n';
    }
    if (load->firstVersion) {
        m_out << tr("First version: %n entries.", nullptr, int(d.added.size())) << '\n';
        return Success;
    }
    m_out << tr("Against the previous version: %1 added, %2 removed, %3 changed.")
                 .arg(d.added.size())
                 .arg(d.removed.size())
                 .arg(d.changed.size())
          << '\n';
    const auto list = [&](const QString &mark, const QList<ReferenceListDiff::Item> &items) {
        for (const auto &i : items) {
            m_out << "  " << mark << ' ' << i.caption << " [" << i.id << "]\n";
        }
    };
    list(QStringLiteral("+"), d.added);
    list(QStringLiteral("-"), d.removed);
    list(QStringLiteral("~"), d.changed);
    return Success;
}

int CliApplication::runScreen(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    if (!parser.isSet(QStringLiteral("list"))) {
        return usageError(tr("screen needs --list LIST (a loaded list's name or a list file)"), commandHelp(parser));
    }
    ScreeningRequest request;
    if (parser.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        request.settings.threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || request.settings.threshold <= 0 || request.settings.threshold > 1) {
            return usageError(tr("--threshold needs a number in (0, 1]"), commandHelp(parser));
        }
    }
    if (parser.isSet(QStringLiteral("ids"))) {
        QFile f(parser.value(QStringLiteral("ids")));
        if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
            return fail(Error{tr("cannot read the file: %1").arg(f.errorString()), f.fileName()});
        }
        // readAll(): a pipe (<(…)) reports atEnd() before the first read.
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (qsizetype line = 0; line < lines.size(); ++line) {
            const QString id = QString::fromUtf8(lines.at(line)).trimmed();
            if (id.isEmpty()) {
                continue;
            }
            const qint64 row = caseFile->entities().rowIdOf(id);
            if (!row) {
                return fail(Error{tr("no entity with id \"%1\" in the case").arg(id), f.fileName(), line + 1});
            }
            request.entityRowIds << row;
        }
        if (request.entityRowIds.isEmpty()) {
            return fail(Error{tr("no ids in the file"), f.fileName()});
        }
    }
    const auto version = resolveList(*caseFile, parser.value(QStringLiteral("list")), parser.value(QStringLiteral("format")));
    if (!version) {
        return fail(version.error());
    }
    request.versionId = version->id;
    auto outcome = CaseScreening::run(*caseFile, request);
    if (!outcome) {
        return fail(outcome.error());
    }
    if (m_json) {
        QJsonArray matches;
        for (const auto &m : outcome->matches) {
            matches.append(m.toJson());
        }
        return printJson({{QStringLiteral("list"), versionJson(outcome->version)},
                          {QStringLiteral("run"), outcome->run.id},
                          {QStringLiteral("threshold"), outcome->run.threshold},
                          {QStringLiteral("screened"), outcome->run.screened},
                          {QStringLiteral("candidates"), matches}});
    }
    m_out << tr("%1 against %2 (threshold %3): %n candidate(s).", nullptr, int(outcome->matches.size()))
                 .arg(tr("Screened %n entity(s)", nullptr, int(outcome->run.screened)))
                 .arg(versionLine(outcome->version))
                 .arg(outcome->run.threshold, 0, 'f', 2)
          << '\n';
    for (const auto &m : outcome->matches) {
        m_out << '\n'
              << tr("%1 [%2] ~ %3 [%4]: score %5")
                     .arg(m.entityCaption, m.entityId, m.entryCaption, m.entryId)
                     .arg(m.candidate.score, 0, 'f', 2);
        if (m.decision) {
            m_out << tr(" (%1 by %2, %3)")
                         .arg(ScreeningDecision::kindName(m.decision->decision), m.decision->actor,
                              m.decision->at.toString(Qt::ISODate));
        }
        m_out << '\n';
        m_out << "  " << m.listedBy() << '\n';
        m_out << "  " << m.candidate.explanation() << '\n';
    }
    return Success;
}

int CliApplication::runDecide(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    const bool accept = parser.isSet(QStringLiteral("accept"));
    if (accept == parser.isSet(QStringLiteral("reject"))) {
        return usageError(tr("decide needs exactly one of --accept and --reject"), commandHelp(parser));
    }
    if (!parser.isSet(QStringLiteral("list"))) {
        return usageError(tr("decide needs --list LIST"), commandHelp(parser));
    }
    const QString entityId = parser.positionalArguments().at(2);
    const QString entryId = parser.positionalArguments().at(3);
    const qint64 row = caseFile->entities().rowIdOf(entityId);
    if (!row) {
        return fail(Error{tr("no entity with id \"%1\" in the case").arg(entityId)});
    }
    const auto version = resolveList(*caseFile, parser.value(QStringLiteral("list")), {});
    if (!version) {
        return fail(version.error());
    }
    auto match = CaseScreening::explain(*caseFile, version->id, row, entryId);
    if (!match) {
        return fail(match.error());
    }
    ScreeningDecision d;
    d.entityRowId = row;
    d.versionId = version->id;
    d.entryId = entryId;
    d.decision = accept ? ScreeningDecision::Kind::Accepted : ScreeningDecision::Kind::Rejected;
    d.score = match->candidate.score;
    d.explanation = match->candidate.explanation();
    if (auto id = caseFile->referenceLists().recordDecision(d); !id) {
        return fail(id.error());
    }
    if (m_json) {
        return printJson({{QStringLiteral("decision"), d.id},
                          {QStringLiteral("entity"), entityId},
                          {QStringLiteral("entry"), entryId},
                          {QStringLiteral("version"), d.versionId},
                          {QStringLiteral("decided"), ScreeningDecision::kindName(d.decision)},
                          {QStringLiteral("score"), d.score},
                          {QStringLiteral("actor"), d.actor},
                          {QStringLiteral("at"), d.at.toString(Qt::ISODate)}});
    }
    m_out << tr("%1 the match %2 ~ %3 (%4, score %5)")
                 .arg(accept ? tr("Accepted") : tr("Rejected"), match->entityCaption, match->entryCaption,
                      versionLine(*version))
                 .arg(d.score, 0, 'f', 2)
          << '\n';
    return Success;
}

} // namespace Casegraph::Cli

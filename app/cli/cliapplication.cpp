// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include "demo/democase.h"
#include "io/exportjob.h"
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "io/progressmeter.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/casesearch.h"
#include "storage/entitystore.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#define CASEGRAPH_ISATTY(fd) _isatty(fd)
#else
#include <unistd.h>
#define CASEGRAPH_ISATTY(fd) isatty(fd)
#endif

namespace Casegraph::Cli {

using namespace Casegraph::Models;

namespace {

struct CommandSpec {
    const char *name;
    int positionals; ///< arguments after the command name; -1: the command checks them
    int (CliApplication::*handler)(QCommandLineParser &);
};


QString supportedFormats(const QStringList &formats)
{
    return formats.join(QLatin1String(", "));
}

/// A snippet cut to about `width` characters around its first highlighted match, for one-line
/// text output (entity snippets hold every name of the entity).
QString shortSnippet(QString snippet, qsizetype width = 120)
{
    snippet.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (snippet.size() <= width) {
        return snippet;
    }
    const qsizetype match = std::max<qsizetype>(0, snippet.indexOf(QLatin1Char('[')));
    const qsizetype start = std::max<qsizetype>(0, std::min(match - width / 3, snippet.size() - width));
    QString out = snippet.mid(start, width).trimmed();
    if (start > 0) {
        out.prepend(QChar(0x2026));
    }
    if (start + width < snippet.size()) {
        out.append(QChar(0x2026));
    }
    return out;
}

/// Removes a case file and its WAL companions (after a failed `demo`).
void removeCase(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
}

} // namespace

CliApplication::CliApplication(QStringList arguments)
    : m_arguments(std::move(arguments)), m_out(stdout), m_err(stderr)
{
}

CliApplication::~CliApplication() = default;

/// A command's help, naming the program as users type it rather than by its full path.
QString CliApplication::commandHelp(const QCommandLineParser &parser)
{
    QString help = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    if (!program.isEmpty()) {
        help.replace(QLatin1String("Usage: ") + program, QLatin1String("Usage: casegraph-cli"));
    }
    return help;
}

QString CliApplication::usage() const
{
    return tr("Usage: casegraph-cli [--json] COMMAND [ARGUMENTS]\n"
              "\n"
              "Creates, fills, inspects and checks Casegraph case files.\n"
              "\n"
              "Commands:\n"
              "  new CASE [--title TITLE]      create an empty case\n"
              "  demo CASE                     create a case holding the bundled demo investigation\n"
              "  info CASE                     show the title, schema version and counts\n"
              "  import CASE FILE [--format F] [--mapping M.json] [--lenient] [--report PATH]\n"
              "                                import a file (FtM, CSV, GEXF, GraphML, HTML, PDF, text …)\n"
              "  export CASE OUT [--format ftm|csv|gexf|graphml] [--chart NAME | --ids FILE]\n"
              "                                write the entities to OUT (- for standard output)\n"
              "  search CASE QUERY [--limit N] search names, aliases, source text, notes and leads\n"
              "  check CASE                    check the file's integrity\n"
              "  paths CASE --from ID --to ID [--max-hops N] [--types T,..] [--as-of DATE]\n"
              "                                shortest and all simple paths between two entities\n"
              "  diversion CASE --from ID [--max-hops N] [--types T,..] [--all-end-users]\n"
              "                                supply paths from a manufacturer to sanctioned end users\n"
              "  exposure CASE [--threshold 50] entities restricted by the ownership (50%) rule\n"
              "  centrality CASE [--top N]     brokers, hubs and connected components\n"
              "  render CASE --chart NAME OUT.png|svg|pdf [--highlight-path FROM,TO]\n"
              "                                draw a chart to an image or document\n"
              "  verify CASE                   check every source's SHA-256, the audit chain and the content\n"
              "  capture CASE URL [--proxy URL] [--timeout S] [--max-mb N]\n"
              "                                fetch a web page and keep it as a source and Article\n"
              "  custody CASE SOURCE-ID [--html OUT]\n"
              "                                chain-of-custody report for one source\n"
              "  lists CASE                    show the loaded reference lists and screening runs\n"
              "  list-load CASE FILE [--name NAME] [--format F]\n"
              "                                load a sanctions list version; prints what changed\n"
              "  screen CASE --list LIST [--threshold T] [--ids FILE]\n"
              "                                screen the case's entities against a list (name or file)\n"
              "  decide CASE ENTITY ENTRY --list LIST (--accept | --reject)\n"
              "                                record a decision on a candidate match\n"
              "  duplicates CASE               likely duplicate entities and why\n"
              "  merge CASE KEPT MERGED        merge MERGED into KEPT (values keep their provenance)\n"
              "  split CASE ENTITY             undo the latest merge into ENTITY\n"
              "  render CASE --timeline OUT.png|svg|pdf [--from DATE --to DATE] [--lanes theme|entity]\n"
              "                                draw the case's timeline (--chart NAME: of a chart's entities)\n"
              "\n"
              "Options:\n"
              "  --json                        print JSON instead of text\n"
              "  --actor NAME                  who is recorded in the audit log (default: $CASEGRAPH_ACTOR, $USER, the account)\n"
              "  -h, --help                    show this help; COMMAND --help shows a command's options\n"
              "  -v, --version                 show the version\n");
}

int CliApplication::usageError(const QString &message, const QString &help)
{
    if (!message.isEmpty()) {
        m_err << tr("casegraph-cli: %1").arg(message) << '\n';
    }
    m_err << (help.isEmpty() ? usage() : help);
    m_err.flush();
    return Usage;
}

int CliApplication::fail(const Error &error)
{
    m_out.flush();
    m_err << error.toString() << '\n';
    m_err.flush();
    return Failure;
}

int CliApplication::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
    return Success;
}

std::unique_ptr<CaseFile> CliApplication::openCase(const QString &path, bool readOnly)
{
    auto caseFile = std::make_unique<CaseFile>();
    if (auto st = caseFile->open(path, readOnly ? CaseFile::OpenMode::ReadOnly : CaseFile::OpenMode::ReadWrite); !st) {
        fail(st.error());
        return nullptr;
    }
    return caseFile;
}

int CliApplication::run()
{
    static const CommandSpec commands[] = {
        {"new", 1, &CliApplication::runNew},
        {"demo", 1, &CliApplication::runDemo},
        {"info", 1, &CliApplication::runInfo},
        {"import", 2, &CliApplication::runImport},
        {"export", 2, &CliApplication::runExport},
        {"search", 2, &CliApplication::runSearch},
        {"check", 1, &CliApplication::runCheck},
        {"paths", 1, &CliApplication::runPaths},
        {"diversion", 1, &CliApplication::runDiversion},
        {"exposure", 1, &CliApplication::runExposure},
        {"centrality", 1, &CliApplication::runCentrality},
        {"render", -1, &CliApplication::runRender},
        {"verify", 1, &CliApplication::runVerify},
        {"capture", 2, &CliApplication::runCapture},
        {"custody", 2, &CliApplication::runCustody},
        {"lists", 1, &CliApplication::runLists},
        {"list-load", 2, &CliApplication::runListLoad},
        {"screen", 1, &CliApplication::runScreen},
        {"decide", 3, &CliApplication::runDecide},
        {"duplicates", 1, &CliApplication::runDuplicates},
        {"merge", 3, &CliApplication::runMerge},
        {"split", 2, &CliApplication::runSplit},
    };
    // Options before the command apply to the program; the rest go to the command's parser.
    qsizetype i = 1;
    for (; i < m_arguments.size(); ++i) {
        const QString &a = m_arguments.at(i);
        if (!a.startsWith(QLatin1Char('-')) || a == QLatin1String("-")) {
            break;
        }
        if (a == QLatin1String("--json")) {
            m_json = true;
        } else if (a == QLatin1String("--actor") && i + 1 < m_arguments.size()) {
            CaseFile::setDefaultActor(m_arguments.at(++i));
        } else if (a.startsWith(QLatin1String("--actor="))) {
            CaseFile::setDefaultActor(a.mid(8));
        } else if (a == QLatin1String("-h") || a == QLatin1String("--help")) {
            m_out << usage();
            return Success;
        } else if (a == QLatin1String("-v") || a == QLatin1String("--version")) {
            m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
            return Success;
        } else {
            return usageError(tr("unknown option \"%1\"").arg(a));
        }
    }
    if (i >= m_arguments.size()) {
        return usageError(tr("no command given"));
    }
    const QString name = m_arguments.at(i);
    const CommandSpec *command = nullptr;
    for (const auto &c : commands) {
        if (name == QLatin1String(c.name)) {
            command = &c;
        }
    }
    if (!command) {
        return usageError(tr("unknown command \"%1\"").arg(name));
    }

    QCommandLineParser parser;
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON instead of text."));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help."));
    parser.addOption(jsonOption);
    parser.addOption(helpOption);
    describe(name, parser);
    if (!parser.parse(QStringList{QStringLiteral("casegraph-cli")} + m_arguments.mid(i))) {
        return usageError(parser.errorText(), commandHelp(parser));
    }
    if (parser.isSet(helpOption)) {
        m_out << commandHelp(parser);
        return Success;
    }
    m_json = m_json || parser.isSet(jsonOption);
    const qsizetype given = parser.positionalArguments().size() - 1;
    if (command->positionals >= 0 && given != command->positionals) {
        return usageError(given < command->positionals ? tr("missing arguments for \"%1\"").arg(name)
                                                       : tr("too many arguments for \"%1\"").arg(name),
                          commandHelp(parser));
    }
    return (this->*command->handler)(parser);
}

void CliApplication::describe(const QString &command, QCommandLineParser &parser) const
{
    parser.setApplicationDescription(tr("Casegraph command line: %1").arg(command));
    parser.addPositionalArgument(command, tr("The command."), command);
    const auto caseArgument = [&] { parser.addPositionalArgument(QStringLiteral("CASE"), tr("The case file.")); };
    if (command == QLatin1String("new")) {
        caseArgument();
        parser.addOption({QStringLiteral("title"), tr("The case title (default: the file name)."), tr("TITLE")});
    } else if (command == QLatin1String("demo") || command == QLatin1String("info") ||
               command == QLatin1String("check") || command == QLatin1String("verify")) {
        caseArgument();
    } else if (command == QLatin1String("capture") || command == QLatin1String("custody")) {
        describeIntegrity(command, parser);
    } else if (command == QLatin1String("import")) {
        caseArgument();
        parser.addPositionalArgument(QStringLiteral("FILE"), tr("The file to import."));
        parser.addOption({QStringLiteral("format"),
                          tr("The file format: %1 (default: detected from the first line).")
                              .arg(supportedFormats(ImportJob::formats())),
                          tr("FORMAT")});
        parser.addOption({QStringLiteral("lenient"),
                          tr("Keep properties the schema lacks and skip other bad records instead of stopping.")});
        parser.addOption({QStringLiteral("report"),
                          tr("Where to list rejected records (default: FILE.rejected.txt beside the case)."),
                          tr("PATH")});
        parser.addOption({QStringLiteral("mapping"),
                          tr("Column mapping for CSV files (JSON; see docs/import-mapping.md)."), tr("M.json")});
    } else if (command == QLatin1String("export")) {
        caseArgument();
        parser.addPositionalArgument(QStringLiteral("OUT"),
                                     tr("The file to write (a folder for csv), or - for standard output."));
        parser.addOption({QStringLiteral("format"),
                          tr("The file format: %1 (default: from OUT's extension, else ftm).")
                              .arg(supportedFormats(ExportJob::formats())),
                          tr("FORMAT")});
        parser.addOption({QStringLiteral("chart"),
                          tr("Export only the visible entities of this chart and the relationships between them."),
                          tr("NAME")});
        parser.addOption({QStringLiteral("ids"),
                          tr("Export only the entities listed in FILE (one id per line) and the relationships "
                             "between them."),
                          tr("FILE")});
    } else if (command == QLatin1String("paths") || command == QLatin1String("diversion") ||
               command == QLatin1String("exposure") || command == QLatin1String("centrality")) {
        caseArgument();
        describeAnalytics(command, parser);
    } else if (command == QLatin1String("lists")) {
        caseArgument();
    } else if (command == QLatin1String("list-load") || command == QLatin1String("screen")
               || command == QLatin1String("decide")) {
        describeScreening(command, parser);
    } else if (command == QLatin1String("duplicates") || command == QLatin1String("merge")
               || command == QLatin1String("split")) {
        describeMerge(command, parser);
    } else if (command == QLatin1String("render")) {
        caseArgument();
        parser.addPositionalArgument(QStringLiteral("OUT"),
                                     tr("With --chart and no --timeline: the file to write (.png, .svg or .pdf)."),
                                     tr("[OUT]"));
        parser.addOption({QStringLiteral("highlight-path"),
                          tr("Highlight the shortest path between two entities of the chart (FtM ids)."),
                          tr("FROM,TO")});
        describeRender(parser); // --timeline and its options, --chart
    } else if (command == QLatin1String("search")) {
        caseArgument();
        parser.addPositionalArgument(QStringLiteral("QUERY"),
                                     tr("Words match as prefixes; \"quoted text\" matches as a phrase."));
        parser.addOption({QStringLiteral("limit"), tr("At most N hits of each kind (default: 50)."), tr("N"),
                          QStringLiteral("50")});
    }
}

// ---------------------------------------------------------------- new, demo, info

int CliApplication::runNew(QCommandLineParser &parser)
{
    const QString path = parser.positionalArguments().at(1);
    CaseFile caseFile;
    if (auto st = caseFile.create(path, parser.value(QStringLiteral("title"))); !st) {
        return fail(st.error());
    }
    if (m_json) {
        return printJson({{QStringLiteral("case"), path},
                          {QStringLiteral("title"), caseFile.title()},
                          {QStringLiteral("schemaVersion"), CaseFile::SchemaVersion}});
    }
    m_out << tr("Created %1 (\"%2\")").arg(path, caseFile.title()) << '\n';
    return Success;
}

int CliApplication::runDemo(QCommandLineParser &parser)
{
    const QString path = parser.positionalArguments().at(1);
    CaseFile caseFile;
    if (auto st = caseFile.create(path); !st) {
        return fail(st.error());
    }
    if (auto st = DemoCase::write(caseFile); !st) {
        caseFile.close();
        removeCase(path);
        return fail(st.error());
    }
    const CaseInfo info = caseFile.info();
    if (m_json) {
        return printJson({{QStringLiteral("case"), path},
                          {QStringLiteral("title"), info.title},
                          {QStringLiteral("entities"), info.entities},
                          {QStringLiteral("sources"), info.sources},
                          {QStringLiteral("claims"), info.claims}});
    }
    m_out << tr("Created the demo case %1 (\"%2\"): %3 entities, %4 sources, %5 claims")
                 .arg(path, info.title)
                 .arg(info.entities)
                 .arg(info.sources)
                 .arg(info.claims)
          << '\n';
    return Success;
}

int CliApplication::runInfo(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    const CaseInfo info = caseFile->info();
    const QList<Chart> charts = caseFile->charts().charts();
    if (m_json) {
        QJsonArray chartArray;
        for (const Chart &c : charts) {
            chartArray.append(QJsonObject{{QStringLiteral("name"), c.name},
                                          {QStringLiteral("nodes"), c.nodeCount},
                                          {QStringLiteral("modified"), c.modifiedAt.toString(Qt::ISODate)}});
        }
        QJsonObject perSchema;
        for (const auto &[schema, count] : info.entitiesPerSchema) {
            perSchema.insert(schema, count);
        }
        return printJson({{QStringLiteral("title"), info.title},
                          {QStringLiteral("schemaVersion"), info.schemaVersion},
                          {QStringLiteral("entities"), info.entities},
                          {QStringLiteral("entitiesPerSchema"), perSchema},
                          {QStringLiteral("values"), info.values},
                          {QStringLiteral("sources"), info.sources},
                          {QStringLiteral("claims"), info.claims},
                          {QStringLiteral("excerpts"), info.excerpts},
                          {QStringLiteral("notes"), info.notes},
                          {QStringLiteral("charts"), chartArray},
                          {QStringLiteral("tags"), info.tags},
                          {QStringLiteral("taggings"), info.taggings},
                          {QStringLiteral("leads"), info.leads},
                          {QStringLiteral("openLeads"), info.openLeads}});
    }
    const auto row = [this](const QString &label, const QString &value) {
        m_out << qSetFieldWidth(18) << Qt::left << label << qSetFieldWidth(0) << value << '\n';
    };
    row(tr("Title"), info.title);
    row(tr("Schema version"), QString::number(info.schemaVersion));
    row(tr("Entities"), QString::number(info.entities));
    for (const auto &[schema, count] : info.entitiesPerSchema) {
        row(QLatin1String("  ") + schema, QString::number(count));
    }
    row(tr("Values"), QString::number(info.values));
    row(tr("Sources"), QString::number(info.sources));
    row(tr("Claims"), QString::number(info.claims));
    row(tr("Excerpts"), QString::number(info.excerpts));
    row(tr("Notes"), QString::number(info.notes));
    row(tr("Charts"), QString::number(charts.size()));
    for (const Chart &c : charts) {
        m_out << "  " << tr("%1 (%n entities)", nullptr, int(c.nodeCount)).arg(c.name) << '\n';
    }
    row(tr("Tags"), tr("%1 (on %n thing(s))", nullptr, int(info.taggings)).arg(info.tags));
    row(tr("Leads"), tr("%1 (%2 open)").arg(info.leads).arg(info.openLeads));
    return Success;
}

// ---------------------------------------------------------------- import, export

int CliApplication::runImport(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    const QString file = parser.positionalArguments().at(2);
    ImportOptions options;
    options.lenient = parser.isSet(QStringLiteral("lenient"));
    options.format = parser.value(QStringLiteral("format")).trimmed().toLower();
    options.mappingPath = parser.value(QStringLiteral("mapping"));
    if (!options.mappingPath.isEmpty() && !QFileInfo::exists(options.mappingPath)) {
        return fail(Error{tr("no such file"), options.mappingPath});
    }
    if (!QFileInfo::exists(file)) {
        return fail(Error{tr("no such file"), file});
    }
    if (options.format.isEmpty()) {
        auto detected = ImportJob::detectFormat(file);
        if (!detected && QFileInfo(file).size() == 0) {
            return fail(detected.error()); // "FILE: empty file"
        }
        if (!detected) {
            return fail(Error{tr("cannot detect the format of %1; use --format (supported: %2)")
                                  .arg(file, supportedFormats(ImportJob::formats()))});
        }
        options.format = *detected;
    } else if (!ImportJob::formats().contains(options.format)) {
        return fail(Error{tr("unknown format \"%1\"; supported formats: %2")
                              .arg(parser.value(QStringLiteral("format")), supportedFormats(ImportJob::formats()))});
    }
    const auto caseFile = openCase(casePath);
    if (!caseFile) {
        return Failure;
    }

    // Progress only for a person watching a terminal; scripts and logs get the summary alone.
    ImportProgress progress;
    ProgressMeter meter;
    bool progressShown = false;
    if (CASEGRAPH_ISATTY(fileno(stderr))) {
        progress = [&](qint64 done, qint64 total, qint64 records) {
            if (meter.update(done, total, records)) { // at most 4 times a second
                m_err << '\r' << meter.text() << "\x1b[K";
                m_err.flush();
                progressShown = true;
            }
            return true;
        };
    }
    auto result = ImportJob::run(*caseFile, file, options, progress);
    if (progressShown) {
        m_err << '\n';
        m_err.flush();
    }
    if (!result) {
        return fail(result.error());
    }
    const ImportResult &r = *result;
    QString reportPath;
    if (!r.rejected.isEmpty()) {
        reportPath = parser.value(QStringLiteral("report"));
        if (reportPath.isEmpty()) {
            reportPath = ImportJob::defaultReportPath(casePath, file);
        }
        if (auto st = ImportJob::writeReport(r, reportPath); !st) {
            fail(st.error()); // the import itself is committed; say so below and exit non-zero
            reportPath.clear();
        }
    }
    const qint64 rate = r.records() * 1000 / qMax<qint64>(1, r.elapsedMs);
    const QString mode = options.lenient ? QStringLiteral("lenient") : QStringLiteral("strict");
    if (m_json) {
        printJson({{QStringLiteral("case"), casePath},
                   {QStringLiteral("file"), file},
                   {QStringLiteral("format"), r.format},
                   {QStringLiteral("mode"), mode},
                   {QStringLiteral("created"), r.created},
                   {QStringLiteral("merged"), r.merged},
                   {QStringLiteral("unchanged"), r.unchanged},
                   {QStringLiteral("rejected"), qint64(r.rejected.size())},
                   {QStringLiteral("report"), reportPath.isEmpty() ? QJsonValue() : QJsonValue(reportPath)},
                   {QStringLiteral("unknownProperties"), r.unknownProperties},
                   {QStringLiteral("dangling"), r.dangling},
                   {QStringLiteral("elapsedMs"), r.elapsedMs},
                   {QStringLiteral("entitiesPerSecond"), rate}});
    } else {
        const auto row = [this](const QString &label, qint64 value) {
            m_out << "  " << qSetFieldWidth(28) << Qt::left << label << qSetFieldWidth(0) << value << '\n';
        };
        m_out << tr("Imported %1 into %2 (%3, %4): %n record(s) in %5 s, %6 entities/s", nullptr, int(r.records()))
                     .arg(file, casePath, r.format, mode)
                     .arg(QString::number(double(r.elapsedMs) / 1000.0, 'f', 2))
                     .arg(rate)
              << '\n';
        row(tr("created"), r.created);
        row(tr("merged"), r.merged);
        row(tr("unchanged"), r.unchanged);
        row(tr("rejected"), r.rejected.size());
        row(tr("unknown properties kept"), r.unknownProperties);
        row(tr("dangling references"), r.dangling);
        if (!reportPath.isEmpty()) {
            m_out << tr("Rejected records are listed in %1").arg(reportPath) << '\n';
        }
    }
    m_out.flush();
    return r.rejected.isEmpty() || !reportPath.isEmpty() ? Success : Failure;
}

int CliApplication::runExport(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    const QString out = parser.positionalArguments().at(2);
    ExportOptions options;
    options.format = parser.value(QStringLiteral("format")).trimmed().toLower();
    if (options.format.isEmpty()) {
        options.format = ExportJob::formatForPath(out);
    }
    if (options.format.isEmpty()) {
        options.format = QStringLiteral("ftm");
    }
    if (!ExportJob::formats().contains(options.format)) {
        return fail(Error{tr("unknown format \"%1\"; supported formats: %2")
                              .arg(parser.value(QStringLiteral("format")), supportedFormats(ExportJob::formats()))});
    }
    if (parser.isSet(QStringLiteral("chart")) && parser.isSet(QStringLiteral("ids"))) {
        return usageError(tr("--chart and --ids cannot be combined"), commandHelp(parser));
    }
    const auto caseFile = openCase(casePath, true);
    if (!caseFile) {
        return Failure;
    }
    if (parser.isSet(QStringLiteral("chart"))) {
        if (auto st = ExportJob::selectChart(*caseFile, parser.value(QStringLiteral("chart")), options); !st) {
            return fail(Error{st.error().message, casePath});
        }
    } else if (parser.isSet(QStringLiteral("ids"))) {
        if (auto st = ExportJob::selectIds(*caseFile, parser.value(QStringLiteral("ids")), options); !st) {
            return fail(st.error());
        }
    }
    if (out == QLatin1String("-")) {
        m_out.flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly)) {
            return fail(Error{tr("cannot write to standard output")});
        }
        const auto written = ExportJob::run(*caseFile, stdOut, options);
        stdOut.flush();
        // The entities are the output: the summary would corrupt it.
        return written ? Success : fail(written.error());
    }
    const auto written = ExportJob::run(*caseFile, out, options);
    if (!written) {
        return fail(written.error());
    }
    if (m_json) {
        return printJson({{QStringLiteral("case"), casePath},
                          {QStringLiteral("out"), out},
                          {QStringLiteral("format"), options.format},
                          {QStringLiteral("entities"), written->entities},
                          {QStringLiteral("files"), QJsonArray::fromStringList(written->files)}});
    }
    m_out << tr("Exported %n entity(s) to %1", nullptr, int(written->entities)).arg(out) << '\n';
    return Success;
}

// ---------------------------------------------------------------- search, check

int CliApplication::runSearch(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    const QString query = parser.positionalArguments().at(2);
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1) {
        return usageError(tr("--limit needs a positive number"), commandHelp(parser));
    }
    const auto caseFile = openCase(casePath);
    if (!caseFile) {
        return Failure;
    }
    // Names, source passages, notes and leads (CaseSearch), grouped by kind.
    const auto hits = CaseSearch::search(*caseFile, query, limit);
    const auto kindName = [](SearchHit::Kind kind) { return CaseSearch::kindName(kind); };
    if (m_json) {
        QJsonArray array;
        for (const auto &h : hits) {
            QJsonObject o{{QStringLiteral("kind"), kindName(h.kind)},
                          {QStringLiteral("schema"), h.schema},
                          {QStringLiteral("caption"), h.caption},
                          {QStringLiteral("id"), h.id},
                          {QStringLiteral("snippet"), h.snippet}};
            if (h.kind == SearchHit::Kind::Source) {
                o.insert(QStringLiteral("sourceId"), h.sourceId);
            }
            if (h.kind == SearchHit::Kind::Note || h.kind == SearchHit::Kind::Lead) {
                o.insert(h.kind == SearchHit::Kind::Note ? QStringLiteral("noteId") : QStringLiteral("leadId"), h.itemId);
                o.insert(QStringLiteral("target"), QJsonObject{{QStringLiteral("kind"), h.target.kind},
                                                               {QStringLiteral("id"), h.target.id}});
            }
            array.append(o);
        }
        return printJson({{QStringLiteral("query"), query}, {QStringLiteral("hits"), array}});
    }
    for (const auto &h : hits) {
        m_out << kindName(h.kind) << '\t' << h.schema << '\t' << h.caption << '\t' << h.id << '\t'
              << shortSnippet(h.snippet) << '\n';
    }
    if (hits.isEmpty()) {
        m_err << tr("no matches for %1").arg(query) << '\n';
    }
    return Success;
}

int CliApplication::runCheck(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    // Read-only: checking must never change (or "repair") the file under inspection.
    const auto caseFile = openCase(casePath, true);
    if (!caseFile) {
        return Failure;
    }
    const auto problems = caseFile->check();
    if (!problems) {
        return fail(Error{problems.error().message, casePath});
    }
    if (m_json) {
        printJson({{QStringLiteral("case"), casePath},
                   {QStringLiteral("ok"), problems->isEmpty()},
                   {QStringLiteral("problems"), QJsonArray::fromStringList(*problems)}});
    } else if (problems->isEmpty()) {
        m_out << tr("ok") << '\n';
    } else {
        for (const auto &p : *problems) {
            m_out << casePath << ": " << p << '\n';
        }
        m_out << tr("%n problem(s) found", nullptr, int(problems->size())) << '\n';
    }
    m_out.flush();
    return problems->isEmpty() ? Success : Failure;
}

} // namespace Casegraph::Cli

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-cli render: draws a chart with the GUI's own painting code (ui/chart).
#include "cliapplication.h"

#include "chart/chartexport.h"
#include "storage/casefile.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

namespace Casegraph::Cli {

bool CliApplication::needsWidgets(const QStringList &arguments)
{
    // The first argument that is not an option is the command.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (!arguments.at(i).startsWith(QLatin1Char('-'))) {
            return arguments.at(i) == QLatin1String("render");
        }
    }
    return false;
}

int CliApplication::runRender(QCommandLineParser &parser)
{
    // `render CASE --timeline OUT [--chart NAME]` draws the timeline (of a chart's entities);
    // `render CASE --chart NAME OUT` draws the chart itself.
    const qsizetype given = parser.positionalArguments().size() - 1;
    if (parser.isSet(QStringLiteral("timeline"))) {
        if (given != 1) {
            return usageError(tr("render --timeline OUT takes the case file only"), commandHelp(parser));
        }
        return renderTimeline(parser);
    }
    if (given != 2 || !parser.isSet(QStringLiteral("chart"))) {
        return usageError(tr("render needs --chart NAME and OUT, or --timeline OUT"), commandHelp(parser));
    }
    return renderChart(parser);
}

int CliApplication::renderChart(QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    const QString chart = parser.value(QStringLiteral("chart"));
    QString from, to;
    if (parser.isSet(QStringLiteral("highlight-path"))) {
        const QStringList ends = parser.value(QStringLiteral("highlight-path")).split(QLatin1Char(','));
        if (ends.size() != 2 || ends.at(0).trimmed().isEmpty() || ends.at(1).trimmed().isEmpty()) {
            return usageError(tr("--highlight-path needs two entity ids: FROM,TO"));
        }
        from = ends.at(0).trimmed();
        to = ends.at(1).trimmed();
    }
    auto caseFile = openCase(args.at(1), true);
    if (!caseFile) {
        return Failure;
    }
    const QString out = args.at(2);
    if (auto st = Ui::ChartExport::write(*caseFile, chart, out, from, to); !st) {
        return fail(st.error());
    }
    if (m_json) {
        return printJson(QJsonObject{{QStringLiteral("chart"), chart},
                                     {QStringLiteral("file"), QFileInfo(out).absoluteFilePath()},
                                     {QStringLiteral("bytes"), QFileInfo(out).size()}});
    }
    m_out << tr("Drew the chart \"%1\" to %2").arg(chart, out) << '\n';
    m_out.flush();
    return Success;
}

} // namespace Casegraph::Cli

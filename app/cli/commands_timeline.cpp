// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// `casegraph-cli render CASE --timeline OUT.png|svg|pdf`: the Timeline view's drawing, written
// by the same renderer and exporter the GUI uses (main.cpp gives `render` a QApplication).
#include "cliapplication.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "timeline/timelineexport.h"
#include "timeline/timelinemodel.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonObject>

namespace Casegraph::Cli {

using namespace Casegraph::Models;

void CliApplication::describeRender(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("timeline"), tr("Draw the timeline into OUT (.png, .svg or .pdf)."), tr("OUT")});
    parser.addOption({QStringLiteral("from"), tr("Start of the time window (an FtM date: 2019, 2019-05, 2019-05-14)."),
                      tr("DATE")});
    parser.addOption({QStringLiteral("to"), tr("End of the time window (the whole span of a partial date)."), tr("DATE")});
    parser.addOption({QStringLiteral("lanes"), tr("One lane per theme or per entity (default: theme)."),
                      tr("theme|entity"), QStringLiteral("theme")});
    parser.addOption({QStringLiteral("chart"),
                      tr("With OUT: the chart to draw. With --timeline: only the entities of this chart and what "
                         "references them."),
                      tr("NAME")});
    parser.addOption({QStringLiteral("lag"), tr("Show the reporting lag (fact date to the date of the first dated "
                                                "source).")});
    parser.addOption({QStringLiteral("width"), tr("Width in pixels (default: 1600)."), tr("W"), QStringLiteral("1600")});
    parser.addOption({QStringLiteral("height"),
                      tr("Height in pixels (default: 900; taller when the lanes need it)."), tr("H"),
                      QStringLiteral("900")});
    parser.addOption({QStringLiteral("scale"), tr("Pixels per unit for PNG (default: 1; 2 for print)."), tr("S"),
                      QStringLiteral("1")});
}

int CliApplication::renderTimeline(QCommandLineParser &parser)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return fail(Error{tr("render needs the GUI libraries (run casegraph-cli, not a library call)")});
    }
    const QString casePath = parser.positionalArguments().at(1);
    const QString out = parser.value(QStringLiteral("timeline"));
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (!QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf")}.contains(suffix)) {
        return usageError(tr("--timeline needs a .png, .svg or .pdf file"), parser.helpText());
    }
    const QString lanes = parser.value(QStringLiteral("lanes"));
    if (lanes != QLatin1String("theme") && lanes != QLatin1String("entity")) {
        return usageError(tr("--lanes is theme or entity"), parser.helpText());
    }
    Ui::TimelineViewState state;
    for (const char *name : {"from", "to"}) {
        if (!parser.isSet(QLatin1String(name))) {
            continue;
        }
        const FtmDate d = FtmDate::parse(parser.value(QLatin1String(name)));
        if (!d.isValid()) {
            return usageError(tr("--%1: \"%2\" is not a date (use 2019, 2019-05 or 2019-05-14)")
                                  .arg(QLatin1String(name), parser.value(QLatin1String(name))),
                              parser.helpText());
        }
        (qstrcmp(name, "from") == 0 ? state.fromMs : state.toMs) =
            qstrcmp(name, "from") == 0 ? d.earliestMSecs() : d.latestMSecs();
    }
    bool ok = false;
    const int width = parser.value(QStringLiteral("width")).toInt(&ok);
    const int height = ok ? parser.value(QStringLiteral("height")).toInt(&ok) : 0;
    const double scale = ok ? parser.value(QStringLiteral("scale")).toDouble(&ok) : 0;
    if (!ok || width < 400 || height < 300 || scale <= 0 || scale > 8) {
        return usageError(tr("--width, --height and --scale need numbers (width ≥ 400, height ≥ 300, 0 < scale ≤ 8)"),
                          parser.helpText());
    }
    auto caseFile = openCase(casePath, true);
    if (!caseFile) {
        return Failure;
    }
    QSet<QString> scope;
    QString scopeName;
    if (parser.isSet(QStringLiteral("chart"))) {
        const QString name = parser.value(QStringLiteral("chart"));
        const auto chart = caseFile->charts().chartByName(name);
        if (!chart) {
            return fail(Error{tr("%1: no chart named \"%2\"").arg(casePath, name)});
        }
        for (const auto &node : caseFile->charts().nodes(chart->id)) {
            if (const auto row = caseFile->entities().row(node.entityRowId)) {
                scope.insert(row->id);
            }
        }
        scopeName = tr("chart %1").arg(name);
    }
    QElapsedTimer timer;
    timer.start();
    auto model = TimelineModel::fromCase(*caseFile, scope);
    if (!model) {
        return fail(model.error());
    }
    auto shared = std::make_shared<const TimelineModel>(std::move(*model));
    // Neither --from nor --to: the exporter fits the data, as the view does. Only one: the other
    // side comes from the data.
    if ((state.fromMs == 0) != (state.toMs == 0)) {
        const auto [lo, hi] = shared->extent(parser.isSet(QStringLiteral("lag")));
        const qint64 span = std::max<qint64>(hi - lo, qint64(30) * 86400000);
        if (state.fromMs == 0) {
            state.fromMs = std::min(lo - span / 20, state.toMs - qint64(86400000));
        } else {
            state.toMs = std::max(hi + span / 6, state.fromMs + qint64(86400000));
        }
    }
    if (state.toMs != 0 && state.toMs <= state.fromMs) {
        return usageError(tr("--to must come after --from"), parser.helpText());
    }
    state.laneMode = lanes == QLatin1String("entity") ? TimelineModel::LaneMode::Entity : TimelineModel::LaneMode::Theme;
    state.showLag = parser.isSet(QStringLiteral("lag"));
    state.title = scopeName.isEmpty() ? tr("Timeline: %1").arg(caseFile->title())
                                      : tr("Timeline: %1 (%2)").arg(caseFile->title(), scopeName);
    Ui::TimelineExporter::Options options;
    options.size = QSizeF(width, height);
    options.pngScale = scale;
    if (auto st = Ui::TimelineExporter::exportTimeline(shared, state, out, options); !st) {
        return fail(st.error());
    }
    if (m_json) {
        return printJson({{QStringLiteral("case"), casePath},
                          {QStringLiteral("out"), out},
                          {QStringLiteral("dated"), qint64(shared->items().size())},
                          {QStringLiteral("undated"), qint64(shared->undated().size())},
                          {QStringLiteral("lanes"), lanes},
                          {QStringLiteral("elapsedMs"), timer.elapsed()}});
    }
    m_out << tr("Wrote %1: %2 dated facts, %3 undated listed beside the axis")
                 .arg(out)
                 .arg(shared->items().size())
                 .arg(shared->undated().size())
          << '\n';
    return Success;
}

} // namespace Casegraph::Cli

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportjob.h"
#include "core/schema.h"
#include "csvwriter.h"
#include "ftmwriter.h"
#include "gexfwriter.h"
#include "graphmlwriter.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Casegraph::Models {

namespace {

Result<ExportResult> writeFtm(const CaseFile &caseFile, QIODevice &device, const ExportOptions &options,
                              const ExportProgress &progress) {
    const auto written = FtmWriter::write(
        [&](const std::function<bool(const Entity &)> &fn) { return ExportJob::forEach(caseFile, options, fn); }, device,
        progress);
    if (!written) {
        return written.error();
    }
    ExportResult result;
    result.format = QStringLiteral("ftm");
    result.entities = *written;
    return result;
}

/// A single-file format written through a QSaveFile, so a failure keeps the old file.
template <typename Device> Result<ExportResult> toFile(const QString &path, Device &&writeTo) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{ExportJob::tr("cannot write the file: %1").arg(file.errorString()), path};
    }
    auto result = writeTo(file);
    if (!result) {
        file.cancelWriting();
        return Error{result.error().message, path};
    }
    if (!file.commit()) {
        return Error{ExportJob::tr("cannot write the file: %1").arg(file.errorString()), path};
    }
    ExportResult r = *result;
    r.files << path;
    return r;
}

using DeviceWriter = Result<ExportResult> (*)(const CaseFile &, QIODevice &, const ExportOptions &,
                                              const ExportProgress &);

ExportFormat singleFile(const QString &name, const QString &description, DeviceWriter writer) {
    ExportFormat f;
    f.name = name;
    f.description = description;
    f.streams = true;
    f.writeDevice = writer;
    f.write = [writer](const CaseFile &c, const QString &out, const ExportOptions &o, const ExportProgress &p) {
        return toFile(out, [&](QIODevice &device) { return writer(c, device, o, p); });
    };
    return f;
}

} // namespace

const QList<ExportFormat> &exportFormats() {
    static const QList<ExportFormat> formats = [] {
        QList<ExportFormat> f;
        f << singleFile(QStringLiteral("ftm"), ExportJob::tr("FollowTheMoney entities, JSON lines"), &writeFtm);
        ExportFormat csv;
        csv.name = QStringLiteral("csv");
        csv.description = ExportJob::tr("CSV, one file per schema in a folder (formula-safe for spreadsheets)");
        csv.folder = true;
        csv.write = &CsvWriter::write;
        f << csv;
        f << singleFile(QStringLiteral("gexf"), ExportJob::tr("GEXF 1.3 graph for Gephi, with time spells"),
                        &GexfWriter::write);
        f << singleFile(QStringLiteral("graphml"), ExportJob::tr("GraphML graph for Cytoscape and yEd"),
                        &GraphmlWriter::write);
        return f;
    }();
    return formats;
}

QStringList ExportJob::formats() {
    QStringList names;
    for (const auto &f : exportFormats()) {
        names << f.name;
    }
    return names;
}

QString ExportJob::formatForPath(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("gexf") || suffix == QLatin1String("graphml")) {
        return suffix;
    }
    if (suffix == QLatin1String("json") || suffix == QLatin1String("jsonl") || suffix == QLatin1String("ftm")) {
        return QStringLiteral("ftm");
    }
    return {};
}

static const ExportFormat *findFormat(const QString &name) {
    for (const auto &f : exportFormats()) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

Result<ExportResult> ExportJob::run(const CaseFile &caseFile, const QString &out, const ExportOptions &options,
                                    const ExportProgress &progress) {
    const ExportFormat *format = findFormat(options.format.isEmpty() ? QStringLiteral("ftm") : options.format);
    if (!format) {
        return Error{tr("unknown format \"%1\"; supported formats: %2")
                         .arg(options.format, formats().join(QLatin1String(", ")))};
    }
    if (!caseFile.isOpen()) {
        return Error{tr("the case is not open")};
    }
    return format->write(caseFile, out, options, progress);
}

Result<ExportResult> ExportJob::run(const CaseFile &caseFile, QIODevice &out, const ExportOptions &options,
                                    const ExportProgress &progress) {
    const ExportFormat *format = findFormat(options.format.isEmpty() ? QStringLiteral("ftm") : options.format);
    if (!format || !format->writeDevice) {
        return Error{tr("format \"%1\" cannot be written to standard output").arg(options.format)};
    }
    return format->writeDevice(caseFile, out, options, progress);
}

Status ExportJob::selectChart(const CaseFile &caseFile, const QString &name, ExportOptions &options) {
    const auto chart = caseFile.charts().chartByName(name);
    if (!chart) {
        QStringList names;
        for (const auto &c : caseFile.charts().charts()) {
            names << c.name;
        }
        return Error{
            names.isEmpty()
                ? tr("the case has no chart named \"%1\" (it has no charts)").arg(name)
                : tr("the case has no chart named \"%1\"; charts: %2").arg(name, names.join(QLatin1String(", ")))};
    }
    QSet<qint64> rows;
    for (const ChartNode &n : caseFile.charts().nodes(chart->id)) {
        if (!n.hidden) {
            rows.insert(n.entityRowId);
            options.positions.insert(n.entityRowId, QPointF(n.x, n.y));
        }
    }
    options.selection = rows;
    if (options.title.isEmpty()) {
        options.title = chart->name;
    }
    return {};
}

Status ExportJob::selectIds(const CaseFile &caseFile, const QString &path, ExportOptions &options) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return Error{tr("cannot read the id list: %1").arg(file.errorString()), path};
    }
    QSet<qint64> rows;
    qint64 line = 0;
    while (!file.atEnd()) {
        ++line;
        const QString id = QString::fromUtf8(file.readLine()).trimmed();
        if (id.isEmpty() || id.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const qint64 row = caseFile.entities().rowIdOf(id);
        if (!row) {
            return Error{tr("no entity with the id \"%1\" in the case").arg(id), path, line};
        }
        rows.insert(row);
    }
    options.selection = rows;
    return {};
}

Status ExportJob::forEach(const CaseFile &caseFile, const ExportOptions &options,
                          const std::function<bool(const Entity &)> &fn) {
    const auto &store = caseFile.entities();
    if (!options.selection) {
        return store.forEach(fn);
    }
    QSet<QString> ids;
    for (const qint64 row : *options.selection) {
        if (const auto r = store.row(row)) {
            ids.insert(r->id);
        }
    }
    const auto &reg = SchemaRegistry::instance();
    return store.forEach([&](const Entity &e) {
        if (options.selection->contains(e.rowId)) {
            return fn(e);
        }
        const Schema *schema = reg.schema(e.schema);
        if (!schema || !schema->isEdge()) {
            return true;
        }
        const QStringList from = e.valuesOf(schema->edgeSource), to = e.valuesOf(schema->edgeTarget);
        const auto inSelection = [&](const QStringList &ends) {
            return !ends.isEmpty() &&
                   std::all_of(ends.cbegin(), ends.cend(), [&](const QString &id) { return ids.contains(id); });
        };
        return inSelection(from) && inSelection(to) ? fn(e) : true;
    });
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvwriter.h"
#include "core/schema.h"
#include "storage/casefile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <map>
#include <memory>

namespace Casegraph::Models {

namespace {

struct SchemaFile {
    QStringList columns; ///< properties after id and schema
    std::unique_ptr<QSaveFile> file;
    QByteArray buffer;
};

/// The schema's properties in its own order (featured first), then any others sorted.
QStringList orderedColumns(const QString &schemaName, const QSet<QString> &used) {
    QStringList out;
    if (const Schema *schema = SchemaRegistry::instance().schema(schemaName)) {
        for (const auto &p : schema->properties) {
            if (used.contains(p.name)) {
                out << p.name;
            }
        }
    }
    QStringList rest;
    for (const QString &p : used) {
        if (!out.contains(p)) {
            rest << p;
        }
    }
    rest.sort();
    return out + rest;
}

} // namespace

QString CsvWriter::escapeFormula(const QString &value) {
    qsizetype i = 0;
    while (i < value.size() && value.at(i) == QLatin1Char('\'')) {
        ++i;
    }
    if (i == value.size()) {
        return value;
    }
    const char16_t c = value.at(i).unicode();
    const bool trigger = c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
    return trigger ? QLatin1Char('\'') + value : value;
}

QString CsvWriter::cell(const QString &value, QChar delimiter) {
    const QString text = escapeFormula(value);
    const bool quote = text.contains(delimiter) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                       text.startsWith(QLatin1Char(' ')) || text.endsWith(QLatin1Char(' '));
    if (!quote) {
        return text;
    }
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

Result<ExportResult> CsvWriter::write(const CaseFile &caseFile, const QString &folder, const ExportOptions &options,
                                      const ExportProgress &progress) {
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir()) {
        return Error{tr("CSV export writes a folder with one file per schema, but this is a file"), folder};
    }
    if (!QDir().mkpath(folder)) {
        return Error{tr("cannot create the folder"), folder};
    }
    // First pass: the properties each schema's entities use, for the header rows.
    std::map<QString, QSet<QString>> used;
    auto st = ExportJob::forEach(caseFile, options, [&](const Entity &e) {
        auto &set = used[e.schema];
        for (const auto &v : e.values) {
            set.insert(v.property);
        }
        return true;
    });
    if (!st) {
        return st.error();
    }
    ExportResult result;
    result.format = QStringLiteral("csv");
    std::map<QString, SchemaFile> files;
    const QDir dir(folder);
    for (const auto &[schema, properties] : used) {
        SchemaFile &f = files[schema];
        f.columns = orderedColumns(schema, properties);
        const QString path = dir.filePath(schema + QLatin1String(".csv"));
        f.file = std::make_unique<QSaveFile>(path);
        if (!f.file->open(QIODevice::WriteOnly)) {
            return Error{tr("cannot write the file: %1").arg(f.file->errorString()), path};
        }
        QStringList header{QStringLiteral("id"), QStringLiteral("schema")};
        header += f.columns;
        f.buffer = "\xEF\xBB\xBF" + header.join(QLatin1Char(',')).toUtf8() + "\r\n";
        result.files << path;
    }
    QString writeError;
    bool cancelled = false;
    st = ExportJob::forEach(caseFile, options, [&](const Entity &e) {
        SchemaFile &f = files[e.schema];
        QList<QStringList> values;
        qsizetype rows = 1;
        for (const QString &column : std::as_const(f.columns)) {
            values << e.valuesOf(column);
            rows = std::max(rows, values.last().size());
        }
        for (qsizetype r = 0; r < rows; ++r) {
            QString line = cell(e.id) + QLatin1Char(',') + cell(e.schema);
            for (const QStringList &v : std::as_const(values)) {
                line += QLatin1Char(',');
                if (r < v.size()) {
                    line += cell(v.at(r));
                }
            }
            f.buffer += line.toUtf8() + "\r\n";
        }
        if (f.buffer.size() >= (1 << 20)) {
            if (f.file->write(f.buffer) != f.buffer.size()) {
                writeError = f.file->errorString();
                return false;
            }
            f.buffer.clear();
        }
        ++result.entities;
        if (progress && result.entities % 1000 == 0 && !progress(result.entities)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (!st) {
        return st.error();
    }
    if (cancelled) {
        return Error{tr("export cancelled")};
    }
    for (auto &[schema, f] : files) {
        if (writeError.isEmpty() && f.file->write(f.buffer) != f.buffer.size()) {
            writeError = f.file->errorString();
        }
    }
    if (!writeError.isEmpty()) {
        return Error{tr("cannot write the file: %1").arg(writeError), folder};
    }
    // Commit only when every file is complete, so a failure leaves the old files in place.
    for (auto &[schema, f] : files) {
        if (!f.file->commit()) {
            return Error{tr("cannot write the file: %1").arg(f.file->errorString()), f.file->fileName()};
        }
    }
    return result;
}

} // namespace Casegraph::Models

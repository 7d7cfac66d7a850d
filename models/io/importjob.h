// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Casegraph::Models {

class CaseFile;

/// Called about every 1000 records with the bytes read, the file size and the records read so
/// far; returning false cancels the import.
using ImportProgress = std::function<bool(qint64 bytesDone, qint64 bytesTotal, qint64 records)>;

struct ImportOptions {
    QString format;       ///< a name from ImportJob::formats(); empty: detect from the file
    bool lenient = false; ///< keep unknown properties, skip (and report) other bad records
    QString mappingPath;  ///< column mapping (JSON) for tabular formats such as CSV
};

/// What an import did. `rejected` is only filled in lenient mode; strict mode fails instead.
struct ImportResult {
    QString format;
    qint64 provenanceId = 0;
    qint64 created = 0;
    qint64 merged = 0;    ///< existing entities that gained values (or a more specific schema)
    qint64 unchanged = 0; ///< records that added nothing new
    QList<Error> rejected;
    qint64 unknownProperties = 0; ///< values kept although their schema lacks the property
    qint64 dangling = 0;          ///< references written by this import to ids not in the case
    qint64 sources = 0;           ///< preserved sources (articles, documents) stored
    qint64 bytes = 0;
    qint64 elapsedMs = 0;
    bool bulk = false; ///< a large file into a smaller case: secondary indexes were built after the load

    qint64 records() const { return created + merged + unchanged; }
};

/// Runs an import of one file into an open case: one transaction and one Provenance (kind
/// Import, labelled with the file name), so a failure or a cancel leaves the case as it was.
/// After the commit the case emits entitiesReset().
///
/// Synchronous; the GUI runs it on a worker thread with its own CaseFile on the same path.
class ImportJob {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ImportJob)
public:
    /// Format names accepted by ImportOptions::format, from importFormats().
    static QStringList formats();
    /// Asks every format's sniffer about the file's name and first 64 KiB; the most confident
    /// wins. Fails with "cannot detect the format" when none recognises it.
    static Result<QString> detectFormat(const QString &path);

    static Result<ImportResult> run(CaseFile &caseFile, const QString &path, const ImportOptions &options = {},
                                    const ImportProgress &progress = {});

    /// Where the CLI writes the rejected records: `<file name>.rejected.txt` beside the case.
    static QString defaultReportPath(const QString &casePath, const QString &importPath);
    /// Writes one `FILE:LINE: reason` line per rejected record (atomically).
    static Status writeReport(const ImportResult &result, const QString &path);
};

} // namespace Casegraph::Models

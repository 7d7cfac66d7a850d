// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QIODevice;

namespace Casegraph::Models {

class CaseFile;

/// Which entities an export writes. Empty (no selection): the whole case. A selection (a chart's
/// visible nodes, or a list of ids) writes the selected entities plus every relationship whose
/// two ends are both selected.
struct ExportOptions {
    QString format;                        ///< a name from ExportJob::formats()
    std::optional<QSet<qint64>> selection; ///< entity row ids; nullopt: everything
    QHash<qint64, QPointF> positions;      ///< chart positions by entity row id (GEXF viz:position)
    QString title;                         ///< written as the graph's description where the format has one
};

struct ExportResult {
    QString format;
    qint64 entities = 0; ///< entities written
    qint64 skipped = 0;  ///< selected entities the format could not hold
    QStringList files;   ///< what was written (one per schema for CSV)
};

/// Called every 1000 entities with the number written so far; returning false cancels.
using ExportProgress = std::function<bool(qint64 entities)>;

/// One export format: its name for --format, whether OUT is a folder, and the writer. Writers
/// replace files atomically (QSaveFile), so a failure or cancel leaves what was there before.
struct ExportFormat {
    QString name;
    QString description;  ///< translated, one line
    bool folder = false;  ///< OUT is a folder (CSV: one file per schema)
    bool streams = false; ///< can write to an open device (standard output)
    std::function<Result<ExportResult>(const CaseFile &, const QString &out, const ExportOptions &,
                                       const ExportProgress &)>
        write;
    std::function<Result<ExportResult>(const CaseFile &, QIODevice &out, const ExportOptions &, const ExportProgress &)>
        writeDevice;
};

/// Every format Casegraph exports, defined in exportjob.cpp: a new exporter adds its entry there.
const QList<ExportFormat> &exportFormats();

/// Runs exports and resolves selections.
class ExportJob {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ExportJob)
public:
    static QStringList formats();
    /// The format for an output path's extension (.gexf, .graphml, .json/.jsonl/.ftm), or empty.
    static QString formatForPath(const QString &path);
    static Result<ExportResult> run(const CaseFile &caseFile, const QString &out, const ExportOptions &options,
                                    const ExportProgress &progress = {});
    static Result<ExportResult> run(const CaseFile &caseFile, QIODevice &out, const ExportOptions &options,
                                    const ExportProgress &progress = {});

    /// The visible nodes and positions of the chart named `name`.
    static Status selectChart(const CaseFile &caseFile, const QString &name, ExportOptions &options);
    /// The entities listed in a text file, one FtM id per line (blank lines and # comments
    /// skipped). Unknown ids are an error naming the line.
    static Status selectIds(const CaseFile &caseFile, const QString &path, ExportOptions &options);

    /// Calls `fn` for each entity the options select, in row order: the selected entities and
    /// the relationships between them, or every entity. Stops when `fn` returns false.
    static Status forEach(const CaseFile &caseFile, const ExportOptions &options,
                          const std::function<bool(const Entity &)> &fn);
};

} // namespace Casegraph::Models

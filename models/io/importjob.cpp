// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importjob.h"
#include "core/schema.h"
#include "ftmreader.h"
#include "pipelinedreader.h"
#include "importaudit.h"
#include "recordreader.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace Casegraph::Models {

namespace {

constexpr qint64 kPipelineBytes = 4 * 1024 * 1024;

/// True when a failed EntityStore::write was the record's fault (its id is already in the case
/// under an unrelated schema), not the database's. write() checks this before changing anything.
bool isSchemaConflict(const EntityStore &store, const Entity &entity)
{
    const qint64 rowId = store.rowIdOf(entity.id);
    const auto row = rowId ? store.row(rowId) : std::nullopt;
    return row && !SchemaRegistry::instance().common(row->schema, entity.schema);
}

} // namespace

QStringList ImportJob::formats()
{
    QStringList names;
    for (const auto &f : importFormats()) {
        names << f.name;
    }
    return names;
}

Result<QString> ImportJob::detectFormat(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        return Error{tr("no such file"), path};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(file.errorString()), path};
    }
    const QByteArray head = file.read(64 * 1024);
    // Nothing to sniff: say so rather than "cannot detect the format".
    if ((head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head).trimmed().isEmpty() && file.atEnd()) {
        return Error{tr("empty file"), path};
    }
    int best = 0;
    QString name;
    for (const auto &f : importFormats()) {
        const int score = f.sniff ? f.sniff(path, head) : 0;
        if (score > best) {
            best = score;
            name = f.name;
        }
    }
    if (best == 0) {
        return Error{tr("cannot detect the format of the file; supported formats: %1")
                         .arg(formats().join(QLatin1String(", "))),
                     path};
    }
    return name;
}

Result<ImportResult> ImportJob::run(CaseFile &caseFile, const QString &path, const ImportOptions &options,
                                    const ImportProgress &progress)
{
    QElapsedTimer timer;
    timer.start();
    QString format = options.format.trimmed().toLower();
    if (format.isEmpty()) {
        auto detected = detectFormat(path);
        if (!detected) {
            return detected.error();
        }
        format = *detected;
    }
    if (!formats().contains(format)) {
        return Error{tr("unknown format \"%1\"; supported formats: %2")
                         .arg(options.format, formats().join(QLatin1String(", ")))};
    }
    if (!caseFile.isOpen() || caseFile.isReadOnly()) {
        return Error{tr("the case is not open for writing")};
    }

    const auto &all = importFormats();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const ImportFormat &f) { return f.name == format; });
    std::unique_ptr<RecordReader> readerPtr = it->create(options);
    // Files of more than a few MB: parse on a second thread while this one writes.
    if (QFileInfo(path).size() > kPipelineBytes) {
        readerPtr = std::make_unique<PipelinedReader>(std::move(readerPtr));
    }
    RecordReader &reader = *readerPtr;
    if (auto st = reader.open(path); !st) {
        return st.error();
    }

    auto fileHash = ImportAudit::hashFile(path);
    auto &db = caseFile.database();
    auto &store = caseFile.entities();
    Sql::Transaction tx(db, Sql::Transaction::Kind::Bulk);
    if (!tx.isActive()) {
        return Error{tr("cannot start writing to the case: %1").arg(db.lastError()), caseFile.path()};
    }
    const QString detail = QStringLiteral("format=%1; mode=%2")
                               .arg(format, options.lenient ? QStringLiteral("lenient") : QStringLiteral("strict"));
    const auto provenance = caseFile.addProvenance(Provenance::Kind::Import, QFileInfo(path).fileName(), 0, detail);
    if (!provenance) {
        return provenance.error();
    }

    // The rows this import adds are hashed for the audit digest in one pass before its entry,
    // not one by one as SQLite writes them.
    if (auto st = caseFile.audit().beginBulk({QStringLiteral("entity"), QStringLiteral("statement"),
                                              QStringLiteral("source")});
        !st) {
        return st.error();
    }
    ImportResult result;
    result.format = format;
    result.provenanceId = *provenance;
    // Value ids only grow: everything this import writes lies above this one.
    const qint64 firstValueId = store.maxValueId();
    // A large file into a comparatively small case: build the secondary indexes once at the end
    // (sorting) instead of inserting into them row by row. ~250 bytes per FtM line.
    const qint64 expectedRecords = reader.bytesTotal() / 250;
    const bool deferIndexes = expectedRecords >= 20000 && expectedRecords >= store.count() / 2;
    result.bulk = deferIndexes;
    if (deferIndexes) {
        if (auto st = store.deferIndexes(); !st) {
            return st.error();
        }
    }
    Entity entity;
    qint64 seen = 0;
    for (;;) {
        const auto step = reader.next(entity);
        if (step == RecordReader::Step::End) {
            break;
        }
        if (step == RecordReader::Step::Failed) {
            return reader.error(); // the transaction rolls back
        }
        if (step == RecordReader::Step::Rejected) {
            result.rejected.append(reader.error());
        } else {
            const auto outcome = store.write(entity, result.provenanceId);
            if (!outcome) {
                Error e{outcome.error().message, path, reader.line()};
                if (!options.lenient || !isSchemaConflict(store, entity)) {
                    return e;
                }
                result.rejected.append(e);
            } else {
                switch (*outcome) {
                case WriteOutcome::Created:
                    ++result.created;
                    break;
                case WriteOutcome::Merged:
                    ++result.merged;
                    break;
                case WriteOutcome::Unchanged:
                    ++result.unchanged;
                    break;
                }
                for (const auto &v : std::as_const(entity.values)) {
                    result.unknownProperties += (v.flags & UnknownProperty) != 0;
                }
                auto source = reader.takeSource();
                // The same bytes imported again (under any name) are kept once.
                if (source && !source->sha256.isEmpty() && caseFile.evidence().sourceIdByHash(source->sha256)) {
                    source.reset();
                }
                if (source) {
                    source->entityRowId = store.rowIdOf(entity.id);
                    auto added = caseFile.evidence().addSource(*source);
                    if (!added) {
                        return Error{added.error().message, path, reader.line()};
                    }
                    ++result.sources;
                }
            }
        }
        if (++seen % 1000 == 0 && progress && !progress(reader.bytesDone(), reader.bytesTotal(), seen)) {
            return Error{tr("import cancelled")};
        }
    }
    if (deferIndexes) {
        if (auto st = store.rebuildIndexes(); !st) {
            return st.error();
        }
    }
    // A cancel during the last (or only) thousand records still counts: nothing is committed yet.
    if (progress && !progress(reader.bytesDone(), reader.bytesTotal(), seen)) {
        return Error{tr("import cancelled")};
    }
    result.dangling = store.countDangling(firstValueId);
    if (auto st = ImportAudit::record(caseFile, path, result, fileHash); !st) {
        return st.error();
    }
    if (auto st = tx.commit(); !st) {
        return Error{tr("cannot save the import: %1").arg(st.error().message), caseFile.path()};
    }
    result.bytes = reader.bytesDone();
    result.elapsedMs = timer.elapsed();
    if (progress) {
        (void)progress(result.bytes, reader.bytesTotal(), seen);
    }
    Q_EMIT caseFile.entitiesReset();
    return result;
}

QString ImportJob::defaultReportPath(const QString &casePath, const QString &importPath)
{
    return QFileInfo(casePath).absoluteDir().filePath(QFileInfo(importPath).fileName() +
                                                       QLatin1String(".rejected.txt"));
}

Status ImportJob::writeReport(const ImportResult &result, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("cannot write the report: %1").arg(file.errorString()), path};
    }
    for (const auto &e : result.rejected) {
        file.write(e.toString().toUtf8() + '\n');
    }
    if (!file.commit()) {
        return Error{tr("cannot write the report: %1").arg(file.errorString()), path};
    }
    return {};
}

} // namespace Casegraph::Models

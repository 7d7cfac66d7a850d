// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "democopy.h"
#include "democase.h"
#include "storage/casefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <filesystem>
#include <system_error>

namespace Casegraph::Models {

namespace {

/// A case file and the journal files SQLite keeps beside it.
void removeWithJournals(const QString &path, bool includingMain)
{
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
    if (includingMain) {
        QFile::remove(path);
    }
}

} // namespace

QString DemoCopy::defaultFolder()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return folder.isEmpty() ? QDir::tempPath() : folder;
}

QString DemoCopy::pathIn(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("demo.casegraph"));
}

Result<DemoCopy::Prepared> DemoCopy::prepare(const QString &folder)
{
    const QString path = pathIn(folder);
    if (!QFileInfo::exists(path)) {
        return writeFresh(folder, Outcome::Created);
    }
    bool outdated = false;
    {
        CaseFile copy;
        if (!copy.open(path)) {
            // Damaged, or from a newer build: never replaced unasked. Opening it shows why it
            // fails, and Reset Demo Case gives a fresh one.
            return Prepared{path, Outcome::Kept};
        }
        if (DemoCase::changedSinceWritten(copy)) {
            return Prepared{path, Outcome::Kept};
        }
        outdated = DemoCase::digestOf(copy) != DemoCase::bundledDigest();
    }
    return outdated ? writeFresh(folder, Outcome::Refreshed) : Result<Prepared>(Prepared{path, Outcome::Reused});
}

Result<DemoCopy::Prepared> DemoCopy::reset(const QString &folder)
{
    return writeFresh(folder, Outcome::Reset);
}

Result<DemoCopy::Prepared> DemoCopy::writeFresh(const QString &folder, Outcome outcome)
{
    if (!QDir().mkpath(folder)) {
        return Error{tr("cannot create the folder %1").arg(folder)};
    }
    const QString path = pathIn(folder);
    const QString part = path + QStringLiteral(".part");
    removeWithJournals(part, true); // ours: left by a write that was interrupted
    {
        CaseFile fresh;
        Status st = fresh.create(part);
        if (st) {
            st = DemoCase::write(fresh);
        }
        if (!st) {
            fresh.close();
            removeWithJournals(part, true);
            return st.error();
        }
    } // closed: SQLite folds the write-ahead log into the file and deletes it
    // A journal left beside the old copy would be replayed into the new one.
    removeWithJournals(path, false);
    std::error_code ec;
    std::filesystem::rename(QFile::encodeName(part).toStdString(), QFile::encodeName(path).toStdString(), ec);
    if (ec) {
        removeWithJournals(part, true);
        return Error{tr("cannot replace %1: %2").arg(path, QString::fromLocal8Bit(ec.message().c_str()))};
    }
    return Prepared{path, outcome};
}

} // namespace Casegraph::Models

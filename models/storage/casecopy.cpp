// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "casecopy.h"
#include "sqlite.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryFile>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {
constexpr int PagesPerStep = 1024; // 4 MiB at SQLite's default page size
}

Status CaseCopy::copy(const QString &from, const QString &to, const Progress &progress)
{
    const QString target = QFileInfo(to).absoluteFilePath();
    if (target == QFileInfo(from).absoluteFilePath()) {
        return Error{tr("choose a different file than the open case"), to};
    }
    Sql::Database source;
    if (auto st = source.open(from, Sql::Database::Mode::ReadOnly); !st) {
        return st;
    }
    QTemporaryFile tmp(QFileInfo(target).absolutePath() + QLatin1String("/.casegraph-save-XXXXXX"));
    if (!tmp.open()) {
        return Error{tr("cannot write in this folder: %1").arg(tmp.errorString()), to};
    }
    const QString tmpPath = tmp.fileName();
    tmp.close();
    Sql::Database out;
    if (auto st = out.open(tmpPath); !st) {
        return Error{st.error().message, to};
    }
    sqlite3_backup *backup = sqlite3_backup_init(out.handle(), "main", source.handle(), "main");
    if (!backup) {
        return Error{tr("backup failed: %1").arg(out.lastError()), to};
    }
    int rc;
    bool cancelled = false;
    do {
        rc = sqlite3_backup_step(backup, PagesPerStep);
        const qint64 total = sqlite3_backup_pagecount(backup);
        if (progress && (rc == SQLITE_OK || rc == SQLITE_DONE) &&
            !progress(total - sqlite3_backup_remaining(backup), total)) {
            cancelled = rc != SQLITE_DONE;
        }
    } while (!cancelled && (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED));
    sqlite3_backup_finish(backup);
    if (cancelled) {
        return Error{tr("cancelled; nothing was written"), to};
    }
    if (rc != SQLITE_DONE) {
        return Error{tr("backup failed: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))), to};
    }
    // The copy is a single self-contained file (journal_mode DELETE until it is opened).
    (void)out.exec(QStringLiteral("PRAGMA journal_mode=DELETE"));
    out.close();
    if (QFile::exists(target) && !QFile::remove(target)) {
        return Error{tr("cannot replace the existing file"), to};
    }
    if (!QFile::rename(tmpPath, target)) {
        return Error{tr("cannot move the copy into place"), to};
    }
    tmp.setAutoRemove(false);
    return {};
}

} // namespace Casegraph::Models

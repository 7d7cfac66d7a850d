// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDropEvent>
#include <QJsonDocument>
#include <QFileInfo>
#include <QMimeData>
#include <QProcess>

namespace Casegraph::Tests {

QString testData(const QString &relative)
{
    const QString path = QDir(QStringLiteral(CASEGRAPH_TESTDATA_DIR)).filePath(relative);
    return QFileInfo::exists(path) ? path : QString();
}

QString sourcePath(const QString &relative)
{
    return QDir(QStringLiteral(CASEGRAPH_SOURCE_DIR)).filePath(relative);
}

void saveShot(const QPixmap &shot, const QString &name)
{
    const QString dir = qEnvironmentVariable("CASEGRAPH_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        shot.save(QDir(dir).filePath(name));
    }
}

bool dropUrls(QObject *target, const QList<QUrl> &urls, QPoint at)
{
    QMimeData mime;
    mime.setUrls(urls);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &enter);
    if (!enter.isAccepted()) {
        return false;
    }
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted()) {
        r.err = p.errorString();
        return r;
    }
    if (!stdinData.isEmpty()) {
        p.write(stdinData);
    }
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QJsonObject runJson(const QString &program, const QStringList &args)
{
    const ProcessResult r = run(program, QStringList{QStringLiteral("--json")} + args);
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.err));
    }
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace Casegraph::Tests

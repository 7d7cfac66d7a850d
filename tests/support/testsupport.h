// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPoint>
#include <QUrl>
#include <QPixmap>
#include <QString>
#include <QStringList>

namespace Casegraph::Tests {

/// Path of a file under ../shared/testdata, or an empty string when the folder is absent
/// (callers QSKIP then).
QString testData(const QString &relative);
/// Path of a file in this repository.
QString sourcePath(const QString &relative);

/// Saves a screenshot (widget->grab()) as $CASEGRAPH_SCREENSHOT_DIR/NAME when that variable is
/// set, so that a person can look at the dialogs a UI test drives.
void saveShot(const QPixmap &shot, const QString &name);

/// Drags `urls` onto `target` at `at` and drops them there (QDragEnterEvent, then QDropEvent,
/// as a file manager would); true when the target accepted both.
bool dropUrls(QObject *target, const QList<QUrl> &urls, QPoint at);

/// Runs a Casegraph executable and captures its output.
struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
                  int timeoutMs = 120000);
/// Runs `program --json ARGS` and parses its output (an empty object, and a warning with the
/// error output, when it fails).
QJsonObject runJson(const QString &program, const QStringList &args);

} // namespace Casegraph::Tests

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Casegraph::Tests {

/// Path of a file under ../shared/testdata, or an empty string when the folder is absent
/// (callers QSKIP then).
QString testData(const QString &relative);
/// Path of a file in this repository.
QString sourcePath(const QString &relative);

/// Runs a Casegraph executable and captures its output.
struct ProcessResult {
    int exitCode = -1;
    QString out;
    QString err;
};
ProcessResult run(const QString &program, const QStringList &args, const QByteArray &stdinData = {},
                  int timeoutMs = 120000);

} // namespace Casegraph::Tests

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to the sanctions readers: not part of the models API.

#include "core/result.h"

#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <QStringList>

#include <memory>

namespace Casegraph::Models {

/// Reads CSV rows (RFC 4180 quoting, LF or CRLF, quoted line breaks) from a file in bounded
/// memory. Blank lines and a lone DOS end-of-file byte (Ctrl-Z, as OFAC's files end) are
/// skipped. Cells are UTF-8, or Latin-1 when they are not valid UTF-8.
class CsvSource {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvSource)
    Q_DISABLE_COPY_MOVE(CsvSource)
public:
    static constexpr qint64 MaxRowBytes = qint64(16) << 20;
    enum class Row { Ok, End, Error };

    CsvSource();
    ~CsvSource();
    Status open(const QString &path, const QString &displayName);
    Row next(QStringList &cells);
    /// 1-based line where the row last read starts.
    qint64 line() const;
    const Error &error() const;
    qint64 bytesDone() const;
    qint64 bytesTotal() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

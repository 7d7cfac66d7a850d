// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "textdecoder.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

class QIODevice;

namespace Casegraph::Models {

/// Splits delimited text (CSV, TSV, Excel's "Unicode text") into records, streaming: the file
/// is decoded to UTF-8 chunk by chunk and never held whole. RFC 4180 quoting: a field that
/// starts with the quote character runs to the next lone quote, doubled quotes stand for one,
/// and delimiters and line breaks inside it are text. Line ends may be LF, CRLF or CR. Blank
/// lines and a final DOS end-of-file mark (0x1A) are skipped.
///
/// Lines are physical lines: a record whose quoted field spans three lines advances the count
/// by three, and line() names the line where the record starts. Columns in errors are 1-based
/// field numbers. Not thread-safe.
class CsvParser {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvParser)
    Q_DISABLE_COPY_MOVE(CsvParser)
public:
    struct Dialect {
        char delimiter = ',';
        char quote = '"'; ///< 0: no quoting
    };
    /// Longest record accepted, so that an unterminated quote in a huge file cannot exhaust memory.
    static constexpr qint64 MaxRecordBytes = 64 * 1024 * 1024;

    /// Guesses the delimiter (, ; tab |) and quote (" or ') from decoded UTF-8 text: the
    /// candidate that splits the most sample lines into the same number of fields wins.
    /// `fileName` breaks ties (.tsv and .tab prefer tab).
    static Dialect sniff(const QByteArray &utf8, const QString &fileName = {});
    /// How consistently `dialect` splits the sample: 0 (not at all) to 100 (every line alike, with
    /// more than one field). Used by the format sniffer.
    static int consistency(const QByteArray &utf8, const Dialect &dialect);

    CsvParser() = default;
    /// Reads from `device` (kept open by the caller) after skipping `skipBytes` (a BOM),
    /// decoding with `encoding`. `strictQuotes` makes text after a closing quote an error
    /// instead of part of the field.
    Status open(QIODevice *device, const QString &encoding, qint64 skipBytes, Dialect dialect, bool strictQuotes);

    enum class Next { Record, End, Error };
    /// Reads the next record's fields. On Error, error() says why; reading cannot go on.
    Next next(QStringList &fields);
    /// 1-based physical line where the last record started.
    qint64 line() const { return m_recordLine; }
    /// True when the last record held bytes that are not valid in the file's encoding.
    bool recordHasInvalidText() const { return m_recordInvalid; }
    const Error &error() const { return m_error; }
    qint64 bytesDone() const { return m_rawDone; }

private:
    enum class Parse { Done, NeedMore, Failed };
    Parse parseRecord(QStringList &fields, qsizetype &end);
    bool fill();

    QIODevice *m_device = nullptr;
    TextDecoder m_decoder;
    Dialect m_dialect;
    bool m_strictQuotes = true;
    QByteArray m_buf; ///< decoded UTF-8; [m_pos, size) is unread
    qsizetype m_pos = 0;
    bool m_eof = false;
    qint64 m_rawDone = 0;
    qint64 m_line = 1; ///< line at m_pos
    qint64 m_recordLine = 0;
    qint64 m_invalidSeen = 0;
    bool m_recordInvalid = false;
    Error m_error;
};

} // namespace Casegraph::Models

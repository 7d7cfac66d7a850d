// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvparser.h"

#include <QFileInfo>
#include <QHash>
#include <QIODevice>

#include <simdjson.h>

#include <cstring>

namespace Casegraph::Models {

namespace {

constexpr qsizetype ChunkBytes = 1 << 20;

/// Field counts of the first complete records of a sample (the last, possibly cut, line is left out).
QList<int> fieldCounts(const QByteArray &sample, CsvParser::Dialect dialect, int maxRecords = 100) {
    QList<int> counts;
    int fields = 1;
    bool quoted = false;
    bool fieldStart = true;
    bool any = false;
    for (qsizetype i = 0; i < sample.size() && counts.size() < maxRecords; ++i) {
        const char c = sample.at(i);
        if (quoted) {
            if (c == dialect.quote) {
                if (i + 1 < sample.size() && sample.at(i + 1) == dialect.quote) {
                    ++i;
                } else {
                    quoted = false;
                }
            }
            continue;
        }
        if (fieldStart && dialect.quote && c == dialect.quote) {
            quoted = true;
            fieldStart = false;
            any = true;
            continue;
        }
        fieldStart = false;
        if (c == dialect.delimiter) {
            ++fields;
            fieldStart = true;
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (any) {
                counts << fields;
            }
            if (c == '\r' && i + 1 < sample.size() && sample.at(i + 1) == '\n') {
                ++i;
            }
            fields = 1;
            fieldStart = true;
            any = false;
        } else {
            any = true;
        }
    }
    return counts;
}

/// The share (0-100) of records with the most common field count, or 0 when that count is 1.
int score(const QList<int> &counts) {
    if (counts.isEmpty()) {
        return 0;
    }
    QHash<int, int> frequency;
    int best = 0, bestCount = 1;
    for (int c : counts) {
        const int f = ++frequency[c];
        if (f > best || (f == best && c > bestCount)) {
            best = f;
            bestCount = c;
        }
    }
    return bestCount > 1 ? best * 100 / int(counts.size()) : 0;
}

qint64 lineBreaks(const char *p, qsizetype n) {
    qint64 lines = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] == '\n') {
            ++lines;
        } else if (p[i] == '\r' && (i + 1 >= n || p[i + 1] != '\n')) {
            ++lines;
        }
    }
    return lines;
}

} // namespace

CsvParser::Dialect CsvParser::sniff(const QByteArray &utf8, const QString &fileName) {
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const bool tabby = suffix == QLatin1String("tsv") || suffix == QLatin1String("tab");
    // Single quotes only when no double quote appears and a field plainly starts with one.
    char quote = '"';
    if (!utf8.contains('"') && (utf8.startsWith('\'') || utf8.contains(",'") || utf8.contains(";'") ||
                                utf8.contains("\t'") || utf8.contains("\n'"))) {
        quote = '\'';
    }
    Dialect best{tabby ? '\t' : ',', quote};
    int bestScore = 0;
    int bestWidth = 0;
    for (const char d : {',', '\t', ';', '|'}) {
        const Dialect candidate{d, quote};
        const QList<int> counts = fieldCounts(utf8, candidate);
        const int s = score(counts);
        const int width = counts.isEmpty() ? 0 : counts.first();
        const bool preferred = tabby && d == '\t';
        if (s > bestScore || (s == bestScore && s > 0 && (width > bestWidth || preferred))) {
            best = candidate;
            bestScore = s;
            bestWidth = width;
        }
    }
    return best;
}

int CsvParser::consistency(const QByteArray &utf8, const Dialect &dialect) {
    const QList<int> counts = fieldCounts(utf8, dialect);
    return counts.size() < 2 ? 0 : score(counts);
}

Status CsvParser::open(QIODevice *device, const QString &encoding, qint64 skipBytes, Dialect dialect,
                       bool strictQuotes) {
    m_device = device;
    m_dialect = dialect;
    m_strictQuotes = strictQuotes;
    m_buf.clear();
    m_pos = 0;
    m_eof = false;
    m_line = 1;
    m_recordLine = 0;
    m_invalidSeen = 0;
    if (auto st = m_decoder.start(encoding); !st) {
        return st;
    }
    if (skipBytes > 0 && m_device->read(skipBytes).size() != skipBytes) {
        m_eof = true;
    }
    m_rawDone = skipBytes;
    return {};
}

bool CsvParser::fill() {
    if (m_pos > 0 && m_pos * 2 >= m_buf.size()) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    // Grow the read with the unread part, so that a long record is rescanned only a few times.
    const qsizetype want = std::max(ChunkBytes, m_buf.size() - m_pos);
    QByteArray raw(want, Qt::Uninitialized);
    const qint64 n = m_device->read(raw.data(), want);
    if (n < 0) {
        m_error = Error{tr("cannot read the file: %1").arg(m_device->errorString()), {}, m_line};
        return false;
    }
    m_rawDone += n;
    m_eof = n == 0 || m_device->atEnd();
    m_decoder.convert(raw.constData(), n, m_eof, m_buf);
    return true;
}

CsvParser::Parse CsvParser::parseRecord(QStringList &fields, qsizetype &endOut) {
    fields.clear();
    const char *b = m_buf.constData();
    const qsizetype n = m_buf.size();
    const char delim = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    qsizetype i = m_pos;
    QByteArray field;
    for (;;) {
        field.clear();
        if (i < n && quote && b[i] == quote) {
            ++i;
            for (;;) {
                const void *q = std::memchr(b + i, quote, size_t(n - i));
                if (!q) {
                    if (!m_eof) {
                        return Parse::NeedMore;
                    }
                    m_error = Error{
                        tr("unterminated quoted field: the file ends inside quotes"), {}, m_line, fields.size() + 1};
                    return Parse::Failed;
                }
                const qsizetype qi = static_cast<const char *>(q) - b;
                field.append(b + i, qi - i);
                i = qi + 1;
                if (i == n && !m_eof) {
                    return Parse::NeedMore;
                }
                if (i < n && b[i] == quote) {
                    field += quote;
                    ++i;
                    continue;
                }
                break;
            }
            qsizetype j = i;
            while (j < n && (b[j] == ' ' || (b[j] == '\t' && delim != '\t'))) {
                ++j;
            }
            if (j == n && !m_eof) {
                return Parse::NeedMore;
            }
            if (j == n || b[j] == delim || b[j] == '\n' || b[j] == '\r') {
                i = j;
            } else if (m_strictQuotes) {
                m_error = Error{tr("unexpected text after a closing quote; double the quote (\"\") to put one "
                                   "inside a quoted field"),
                                {},
                                m_line + lineBreaks(b + m_pos, i - m_pos),
                                fields.size() + 1};
                return Parse::Failed;
            } else {
                qsizetype k = i;
                while (k < n && b[k] != delim && b[k] != '\n' && b[k] != '\r') {
                    ++k;
                }
                if (k == n && !m_eof) {
                    return Parse::NeedMore;
                }
                field.append(b + i, k - i);
                i = k;
            }
        } else {
            qsizetype k = i;
            while (k < n && b[k] != delim && b[k] != '\n' && b[k] != '\r') {
                ++k;
            }
            if (k == n && !m_eof) {
                return Parse::NeedMore;
            }
            field.append(b + i, k - i);
            i = k;
        }
        if (i - m_pos > MaxRecordBytes) {
            m_error =
                Error{tr("record longer than %1 MiB; is a quote left open?").arg(MaxRecordBytes >> 20), {}, m_line};
            return Parse::Failed;
        }
        fields.append(QString::fromUtf8(field));
        if (i == n) {
            endOut = i;
            return Parse::Done;
        }
        if (b[i] == delim) {
            ++i;
            continue;
        }
        if (b[i] == '\r') {
            if (i + 1 == n && !m_eof) {
                return Parse::NeedMore;
            }
            ++i;
            if (i < n && b[i] == '\n') {
                ++i;
            }
        } else {
            ++i;
        }
        endOut = i;
        return Parse::Done;
    }
}

CsvParser::Next CsvParser::next(QStringList &fields) {
    for (;;) {
        qsizetype end = 0;
        Parse p = Parse::NeedMore;
        if (m_pos < m_buf.size() || m_eof) {
            if (m_pos >= m_buf.size()) {
                return Next::End;
            }
            p = parseRecord(fields, end);
        }
        if (p == Parse::NeedMore) {
            if (m_buf.size() - m_pos > MaxRecordBytes) {
                m_error =
                    Error{tr("record longer than %1 MiB; is a quote left open?").arg(MaxRecordBytes >> 20), {}, m_line};
                return Next::Error;
            }
            if (!fill()) {
                return Next::Error;
            }
            continue;
        }
        if (p == Parse::Failed) {
            return Next::Error;
        }
        if (end - m_pos > MaxRecordBytes) {
            m_error =
                Error{tr("record longer than %1 MiB; is a quote left open?").arg(MaxRecordBytes >> 20), {}, m_line};
            return Next::Error;
        }
        const char *start = m_buf.constData() + m_pos;
        const qsizetype size = end - m_pos;
        m_recordLine = m_line;
        m_line += lineBreaks(start, size);
        m_pos = end;
        // Blank lines, and the DOS end-of-file mark some legacy exports end with.
        if (fields.size() == 1 && (fields.first().isEmpty() || fields.first() == QLatin1String("\x1A"))) {
            continue;
        }
        if (std::memchr(start, 0, size_t(size))) {
            m_error = Error{tr("the record holds NUL bytes; this is not a text file"), {}, m_recordLine};
            return Next::Error;
        }
        if (TextDecoder::isUtf8(m_decoder.encoding())) {
            m_recordInvalid = !simdjson::validate_utf8(start, size_t(size));
        } else {
            m_recordInvalid = m_decoder.invalidSequences() > 0 &&
                              QByteArrayView(start, size).contains(QByteArrayView("\xEF\xBF\xBD"));
        }
        return Next::Record;
    }
}

} // namespace Casegraph::Models

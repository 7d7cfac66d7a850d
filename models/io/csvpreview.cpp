// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvpreview.h"
#include "csvmapping.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace Casegraph::Models {

namespace {

enum class CellKind { Empty, Number, Date, Text };

CellKind kindOf(const QString &cell) {
    static const QRegularExpression number(QStringLiteral(R"(^[-+]?[0-9][0-9 ,.']*%?$)"));
    static const QRegularExpression date(
        QStringLiteral(R"(^([0-9]{4}-[0-9]{1,2}(-[0-9]{1,2})?([T ][0-9:.]+Z?)?|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4})$)"));
    const QString t = cell.trimmed();
    // OFAC writes "-0-" for an empty cell.
    if (t.isEmpty() || t == QLatin1String("-0-")) {
        return CellKind::Empty;
    }
    if (date.match(t).hasMatch()) {
        return CellKind::Date;
    }
    return number.match(t).hasMatch() ? CellKind::Number : CellKind::Text;
}

} // namespace

QByteArray CsvLayout::decodedSample(const QByteArray &head, const TextDecoder::Detection &detection) {
    TextDecoder decoder;
    QByteArray out;
    if (decoder.start(detection.encoding)) {
        decoder.convert(head.constData() + detection.bomBytes, head.size() - detection.bomBytes, false, out);
    }
    return out;
}

Result<CsvLayout> CsvLayout::resolve(const QByteArray &head, const QString &path, const CsvMapping &settings,
                                     const QString &mappingPath) {
    CsvLayout layout;
    layout.detection = TextDecoder::detect(head);
    const QString &wanted = settings.encoding;
    if (!wanted.isEmpty() && wanted.compare(QLatin1String("auto"), Qt::CaseInsensitive) != 0) {
        const QString canonical = TextDecoder::canonicalName(wanted);
        if (canonical.isEmpty()) {
            return Error{tr("unknown text encoding \"%1\" in the mapping").arg(wanted), mappingPath};
        }
        // Keep skipping a byte order mark that matches the encoding asked for.
        const auto &d = layout.detection;
        const bool sameFamily = d.bomBytes > 0 && canonical.startsWith(d.encoding.left(6));
        layout.detection = TextDecoder::Detection{canonical, sameFamily ? d.bomBytes : 0, 100, false};
    } else if (layout.detection.binary) {
        return Error{tr("this is not a text file (it holds binary data); CSV import needs text"), path};
    }
    layout.dialect = CsvParser::sniff(decodedSample(head, layout.detection), path);
    if (settings.delimiter != QLatin1String("auto") && !settings.delimiter.isEmpty()) {
        layout.dialect.delimiter = settings.delimiter.at(0).toLatin1();
    }
    if (settings.quote == QLatin1String("none")) {
        layout.dialect.quote = 0;
    } else if (settings.quote != QLatin1String("auto") && !settings.quote.isEmpty()) {
        layout.dialect.quote = settings.quote.at(0).toLatin1();
    }
    return layout;
}

Result<CsvPreview> CsvPreview::read(const QString &path, const CsvMapping &settings, int maxRows) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(file.errorString()), path};
    }
    const QByteArray head = file.read(64 * 1024);
    file.seek(0);
    auto layout = CsvLayout::resolve(head, path, settings);
    if (!layout) {
        return layout.error();
    }
    CsvPreview preview;
    preview.layout = *layout;
    CsvParser parser;
    if (auto st = parser.open(&file, layout->detection.encoding, layout->detection.bomBytes, layout->dialect, false);
        !st) {
        return Error{st.error().message, path};
    }
    QStringList fields;
    int skip = settings.skipRows;
    bool needHeader = settings.header;
    for (;;) {
        const auto next = parser.next(fields);
        if (next == CsvParser::Next::End) {
            preview.complete = true;
            break;
        }
        if (next == CsvParser::Next::Error) {
            preview.error = parser.error();
            preview.error.file = path;
            break;
        }
        if (skip > 0) {
            --skip;
            continue;
        }
        if (needHeader) {
            for (const QString &h : std::as_const(fields)) {
                preview.header << h.trimmed();
            }
            needHeader = false;
            continue;
        }
        if (preview.rows.size() >= maxRows) {
            break;
        }
        preview.rows << fields;
    }
    if (!settings.header) {
        qsizetype width = 0;
        for (const auto &r : std::as_const(preview.rows)) {
            width = qMax(width, r.size());
        }
        for (qsizetype i = 0; i < width; ++i) {
            preview.header << QStringLiteral("#%1").arg(i + 1);
        }
    }
    return preview;
}

bool CsvPreview::firstRowIsHeader(const QList<QStringList> &rows) {
    if (rows.size() < 2) {
        return true; // nothing to compare with: most files name their columns
    }
    const QStringList &first = rows.first();
    int forHeader = 0;
    int forData = 0;
    QSet<QString> names;
    for (qsizetype c = 0; c < first.size(); ++c) {
        const CellKind head = kindOf(first.at(c));
        // Column names are neither numbers, dates nor blank, and each is different.
        if (head != CellKind::Text) {
            ++forData;
            continue;
        }
        if (names.contains(first.at(c).trimmed())) {
            ++forData;
        }
        names.insert(first.at(c).trimmed());
        // A text cell above a column of numbers or dates names it; so does a cell of another
        // length above a column whose values all have one length (codes, identifiers).
        bool allNumeric = true;
        qsizetype length = -1;
        bool oneLength = true;
        int filled = 0;
        for (qsizetype r = 1; r < rows.size(); ++r) {
            const QString cell = rows.at(r).value(c);
            const CellKind kind = kindOf(cell);
            if (kind == CellKind::Empty) {
                continue;
            }
            ++filled;
            allNumeric = allNumeric && (kind == CellKind::Number || kind == CellKind::Date);
            const qsizetype n = cell.trimmed().size();
            oneLength = oneLength && (length < 0 || n == length);
            length = n;
        }
        if (filled == 0) {
            continue;
        }
        if (allNumeric || (filled > 1 && oneLength && first.at(c).trimmed().size() != length)) {
            ++forHeader;
        }
    }
    return forData <= forHeader;
}

} // namespace Casegraph::Models

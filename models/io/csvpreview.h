// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "csvparser.h"
#include "textdecoder.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace Casegraph::Models {

class CsvMapping;

/// How a CSV file is to be read: encoding, byte order mark and dialect, from what the mapping
/// asks for ("auto" or a value) and what the file's first bytes show. One place for CsvReader
/// and the import wizard's preview, so that the preview shows what the import will read.
struct CsvLayout {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvLayout)
public:
    TextDecoder::Detection detection;
    CsvParser::Dialect dialect;

    /// `head`: the file's first 64 KiB; `path` names the file in errors and breaks dialect ties;
    /// `mappingPath` names the mapping in errors about its settings.
    static Result<CsvLayout> resolve(const QByteArray &head, const QString &path, const CsvMapping &settings,
                                     const QString &mappingPath = {});
    /// The decoded (UTF-8) start of a file, for sniffing the dialect.
    static QByteArray decodedSample(const QByteArray &head, const TextDecoder::Detection &detection);
};

/// The first rows of a CSV file as the import would read them, for the import wizard.
struct CsvPreview {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvPreview)
public:
    CsvLayout layout;
    QStringList header;      ///< header cells, or "#1", "#2" … when the file has no header
    QList<QStringList> rows; ///< up to maxRows data rows
    Error error;             ///< a read error after the rows shown (empty message: none)
    bool complete = false;   ///< the whole file fitted in the preview

    /// Reads with `settings`' encoding, delimiter, quote, header and skipRows (its entities are
    /// ignored). Fails when the file cannot be opened or read at all.
    static Result<CsvPreview> read(const QString &path, const CsvMapping &settings, int maxRows = 20);

    /// Whether the first of `rows` (a file's first rows, read without a header) names the
    /// columns: true unless the rows say otherwise, i.e. a first row holding numbers or dates,
    /// empty or repeated cells where the rows below are text, as in OFAC's headerless CSVs.
    static bool firstRowIsHeader(const QList<QStringList> &rows);
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Imports delimited text (CSV, TSV, spreadsheet exports) in one of two ways:
///  - with a CsvMapping (--mapping M.json): each row gives the mapping's entities and
///    relationships;
///  - without one, when the header has `id` and `schema` columns: each row is one entity and
///    every other column a property, which is what our CSV export writes (consecutive rows with
///    the same id are one entity with several values). Cells that the export escaped against
///    formula injection (a ' before =, +, -, @) are unescaped.
/// Encoding, delimiter and quote are detected unless the mapping sets them (see TextDecoder and
/// CsvParser). Errors name FILE:LINE:COLUMN, LINE being the physical line where the record
/// starts and COLUMN the 1-based field number.
///
/// Strict mode: the first bad row fails the import. Lenient mode: bad rows are skipped and
/// reported, and properties a row's schema lacks are kept as UnknownProperty values.
class CsvReader final : public RecordReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvReader)
    Q_DISABLE_COPY_MOVE(CsvReader)
public:
    CsvReader(bool lenient, const QString &mappingPath);
    ~CsvReader() override;

    Status open(const QString &path, const QString &displayName = {}) override;
    Step next(Entity &entity) override;
    const Error &error() const override;
    qint64 line() const override;
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;

    /// Format sniffer: 50 for .csv/.tsv/.tab files, 30 for other text that splits into equal
    /// columns, else 0.
    static int sniff(const QString &path, const QByteArray &head);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "exportjob.h"

#include <QCoreApplication>

namespace Casegraph::Models {

class CaseFile;

/// Writes a folder with one CSV file per schema (`Company.csv`, `Ownership.csv` …): UTF-8 with a
/// byte order mark (so spreadsheet programs detect it), CRLF line ends, RFC 4180 quoting.
/// Columns: id, schema, then every property the schema's entities use, in the schema's order.
/// An entity with several values of a property takes several rows with the same id: the first
/// row holds the first value of each property, the next the second, and so on; CsvReader merges
/// them back. Cells starting with =, +, - or @ (or tab or CR) get a leading ' so that a
/// spreadsheet shows them as text instead of running them as formulas (CsvReader removes it).
/// Each file is replaced atomically; other files in the folder are left alone.
class CsvWriter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvWriter)
public:
    static Result<ExportResult> write(const CaseFile &caseFile, const QString &folder, const ExportOptions &options,
                                      const ExportProgress &progress);
    /// One cell as written: escaped against formulas, then quoted when needed.
    static QString cell(const QString &value, QChar delimiter = QLatin1Char(','));
    /// The formula escape alone: a ' before text that starts with =, +, -, @, tab or CR (or
    /// already starts with ' before one of those, so that removing one ' is always exact).
    static QString escapeFormula(const QString &value);
};

} // namespace Casegraph::Models

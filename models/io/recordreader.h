// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/evidence.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Casegraph::Models {

struct ImportOptions;

/// A source of entities read from one file in some format. ImportJob drives it: open(), then
/// next() until End, writing each Entity in one transaction. Implementations stream where the
/// format allows and keep memory bounded for large files.
///
/// Strict and lenient behaviour is the reader's: in strict mode a bad record is Failed (the
/// import stops, the case is unchanged); in lenient mode it is Rejected (skipped, reported).
/// Errors carry the file, line and, where known, column.
class RecordReader {
public:
    enum class Step {
        Entity,   ///< the entity argument holds the record
        Rejected, ///< lenient mode: a bad record was skipped; error() says why and where
        Failed,   ///< a bad record in strict mode, or a read error; error() says why
        End,      ///< no more records
    };
    virtual ~RecordReader() = default;

    /// Opens the file. Errors name `path`, or `displayName` when one is given.
    virtual Status open(const QString &path, const QString &displayName = {}) = 0;
    /// Reads the next record into `entity`, which the caller may reuse across calls.
    virtual Step next(Entity &entity) = 0;
    virtual const Error &error() const = 0;
    /// 1-based line (or record number, for formats without lines) of the record last returned.
    virtual qint64 line() const = 0;
    virtual qint64 bytesDone() const = 0;
    virtual qint64 bytesTotal() const = 0;
    /// A preserved source (original bytes and extracted text) for the entity last returned,
    /// for readers of articles and documents. ImportJob stores it after writing the entity.
    virtual std::optional<Source> takeSource() { return std::nullopt; }
};

/// One importable format: its name for --format, how to recognise a file, and a factory.
struct ImportFormat {
    QString name;          ///< e.g. "ftm", "ocds", "bods", "csl", "gexf", "graphml", "csv", "html"
    QString description;   ///< translated, one line, for --help and the GUI's file dialog
    QStringList patterns;  ///< file-name patterns for dialogs, e.g. "*.json" "*.jsonl"
    /// Confidence 0-100 that a file with this path and first bytes (up to 64 KiB, BOM kept)
    /// is in this format; 0 = certainly not. The highest wins; ties go to the first listed.
    std::function<int(const QString &path, const QByteArray &head)> sniff;
    std::function<std::unique_ptr<RecordReader>(const ImportOptions &options)> create;
};

/// The first non-blank line of a file's head (BOM removed), for sniffers of line formats.
QByteArray firstLine(const QByteArray &head);

/// Every format Casegraph imports, in preference order. Defined in models/io/importformats.cpp:
/// a new importer adds its entry there.
const QList<ImportFormat> &importFormats();

} // namespace Casegraph::Models

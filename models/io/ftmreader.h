// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Streams FollowTheMoney JSON lines from a file, one entity per line, and checks each
/// record against the bundled schemata. Three line shapes are read:
///  - plain FtM: {"id", "schema", "properties": {prop: [string, …]}};
///  - the OpenSanctions export: the same plus top-level keys such as caption, datasets,
///    referents, target, first_seen; every such key is kept in Entity::extra;
///  - delta files: {"op": "ADD"|"MOD", "entity": {…}} (DEL is refused as unsupported).
/// Blank lines are skipped. Lines are parsed with simdjson; the file is never held in memory
/// as a whole.
///
/// In strict mode the first bad record ends the read (Step::Failed). In lenient mode properties
/// the schema lacks are kept, flagged UnknownProperty, and every other bad record is skipped
/// (Step::Rejected) with the reason in error().
///
/// Not thread-safe; use one reader per thread.
class FtmReader final : public RecordReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::FtmReader)
    Q_DISABLE_COPY_MOVE(FtmReader)
public:
    enum class Mode { Strict, Lenient };
    /// Longest line accepted and deepest JSON nesting, so that a broken or hostile file
    /// cannot exhaust memory.
    static constexpr qint64 MaxLineBytes = 64 * 1024 * 1024;
    static constexpr int MaxDepth = 64;

    explicit FtmReader(Mode mode = Mode::Strict);
    ~FtmReader() override;

    /// Opens the file. Errors name `path`, or `displayName` when one is given.
    Status open(const QString &path, const QString &displayName = {}) override;
    /// Reads the next record into `entity` (which is reset first and may be reused across calls
    /// to save allocations).
    Step next(Entity &entity) override;
    /// The reason for the last Rejected or Failed step, with file, line and (for JSON syntax
    /// errors) column.
    const Error &error() const override;

    /// 1-based line number of the record last returned.
    qint64 line() const override;
    /// Bytes consumed so far and the file size, for progress reports.
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;

    /// True when `line` (a file's first non-blank line) is a JSON object with a "schema" or
    /// an "op" key, as FtM entity and delta lines are.
    static bool looksLikeFtm(const QByteArray &line);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "recordreader.h"

#include <memory>

namespace Casegraph::Models {

/// Runs another RecordReader on a thread of its own, a few thousand records ahead of the caller,
/// so that parsing and decoding overlap with the database writes of an import (two cores do the
/// work of one). The records, their line numbers, errors, progress and preserved sources come
/// out in the order and with the values the inner reader gave them; the caller sees the same
/// RecordReader contract. Destroying it stops the thread (after an error, or a cancel).
class PipelinedReader final : public RecordReader {
public:
    explicit PipelinedReader(std::unique_ptr<RecordReader> inner);
    ~PipelinedReader() override;
    PipelinedReader(const PipelinedReader &) = delete;
    PipelinedReader &operator=(const PipelinedReader &) = delete;

    /// Opens the file on the calling thread (so that open errors come at once), then starts
    /// reading ahead.
    Status open(const QString &path, const QString &displayName = {}) override;
    Step next(Entity &entity) override;
    const Error &error() const override;
    qint64 line() const override;
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;
    std::optional<Source> takeSource() override;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

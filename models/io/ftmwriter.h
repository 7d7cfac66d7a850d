// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QIODevice;

namespace Casegraph::Models {

class CaseFile;

/// Writes entities as FollowTheMoney JSON lines: {"id", "schema", "properties"} followed by the
/// top-level keys an import kept in Entity::extra (sorted by name). Values are grouped per
/// property in stored order; text is UTF-8 with only the escapes JSON requires, so writing what
/// FtmReader read gives the same entities, and writing the same case twice gives the same bytes.
class FtmWriter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::FtmWriter)
public:
    /// Appends one entity as a JSON line, newline included.
    static void appendLine(QByteArray &out, const Entity &entity);
    /// Writes every entity of the case to `path` through a QSaveFile, so a failure or a cancel
    /// leaves any existing file untouched. `progress(entitiesWritten)` is called every 1000
    /// entities; returning false cancels. Returns the number of entities written.
    static Result<qint64> write(const CaseFile &caseFile, const QString &path,
                                const std::function<bool(qint64)> &progress = {});
    /// The same, to an open device (e.g. standard output); the caller commits or closes it.
    static Result<qint64> write(const CaseFile &caseFile, QIODevice &device,
                                const std::function<bool(qint64)> &progress = {});
    /// Calls its argument for each entity to write, until that returns false.
    using EntitySource = std::function<Status(const std::function<bool(const Entity &)> &)>;
    /// Writes the entities `source` gives (the whole case, a chart, a selection) to an open
    /// device, buffered, with `progress` as above. Returns the number written.
    static Result<qint64> write(const EntitySource &source, QIODevice &device,
                                const std::function<bool(qint64)> &progress = {});
};

} // namespace Casegraph::Models

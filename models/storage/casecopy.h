// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Casegraph::Models {

/// Copies a case file with SQLite's backup API (File → Save As, CaseFile::saveAs). The copy is
/// written to a temporary file beside the target and renamed into place at the end, so the
/// target is never a half-written copy: a failure or a cancel leaves it as it was.
class CaseCopy {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CaseCopy)
public:
    /// Told the pages copied and the pages in all after each step; false cancels.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    /// Copies the committed state of the case at `from` through a read-only connection of its
    /// own, so that it can run on a worker thread beside the window's connection (WAL).
    static Status copy(const QString &from, const QString &to, const Progress &progress = {});
};

} // namespace Casegraph::Models

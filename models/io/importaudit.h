// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>

#include <future>

namespace Casegraph::Models {

class CaseFile;
struct ImportResult;

/// The audit entry of an import: file, format, SHA-256 of the file and the counts.
namespace ImportAudit {
/// Starts hashing the imported file on its own thread, so that the import does not wait for it.
std::future<QString> hashFile(const QString &path);
/// Appends the "import" entry inside the import's transaction (call just before its commit).
Status record(CaseFile &caseFile, const QString &path, const ImportResult &result, std::future<QString> &hash);
} // namespace ImportAudit

} // namespace Casegraph::Models

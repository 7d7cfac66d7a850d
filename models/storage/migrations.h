// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QString>

namespace Casegraph::Models {
namespace Sql {
class Database;
}

/// Forward migrations of the case-file schema. Version N's step turns a version N-1 file into
/// a version N file; all steps from `from` to `to` run in one transaction, so a failed upgrade
/// leaves the file as it was.
namespace Migrations {
/// `actor` names who is recorded in the audit log's first entry (version 4).
Status run(Sql::Database &db, int from, int to, const QString &actor = {});
}

} // namespace Casegraph::Models

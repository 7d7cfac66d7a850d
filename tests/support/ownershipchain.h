// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Tests {

/// Writes a case file at `casePath` holding a chain of `companies` companies "c0" … "cN-1" ("Chain
/// Company 0" …), each owning 60% of the next from 2019, and a Sanction on c0; the records go
/// through the FtM importer (its bulk path above 20,000 records), from a file written beside the
/// case. Big enough chains make the graph projection take noticeable time, for cancel tests.
/// Returns false (with a warning) on failure.
bool writeOwnershipChain(const QString &casePath, int companies);

} // namespace Casegraph::Tests

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"

#include <QCoreApplication>

namespace Casegraph::Models {

/// How the item models describe a Provenance to the user.
class ProvenanceText {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ProvenanceText)
public:
    /// One line: "import of file.json by alice, 2026-11-22 10:00", "edit by bob, …", "demo case".
    static QString summary(const Provenance &provenance);
    /// The summary plus what the edit did, for tooltips.
    static QString details(const Provenance &provenance);
    /// Local time, minutes precision.
    static QString time(const QDateTime &at);
};

} // namespace Casegraph::Models

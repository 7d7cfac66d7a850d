// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>

namespace Casegraph::Models {

/// Icons for schemata and actions, drawn for Casegraph (resources/icons/*.svg).
class SchemaIcons {
public:
    /// The icon of a schema's family: company, person, relationship, article …
    static QIcon forSchema(const QString &schema);
    /// An icon by file name without extension, e.g. "undo".
    static QIcon named(const QString &name);
    /// The schema's icon with a red badge: the entity is listed (an accepted screening match).
    /// Needs a QGuiApplication.
    static QIcon listedBadge(const QString &schema);
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace Casegraph::Models {

/// Custom item data roles of the Casegraph item models. The enum stays unscoped so that values
/// pass to data()/setData() as plain ints without casts.
namespace ItemDataRole {
enum : int {
    EntityRowIdRole = Qt::UserRole, ///< qint64: the entity a row shows, or the one it points to
    EntityIdRole,                   ///< QString: FtM id of that entity
    SchemaRole,                     ///< QString: schema name
    ValueIdRole,                    ///< qint64: statement row id of a property value
    PropertyRole,                   ///< QString: property name
    RawValueRole,                   ///< QString: a value's stored text (DisplayRole may show a caption)
    NodeKindRole,                   ///< int: PropertiesModel::NodeKind
    SourceIdRole,                   ///< qint64: source id
    ClaimIdRole,                    ///< qint64: claim id
    ExcerptIdRole,                  ///< qint64: excerpt id
    LoadingRole,                    ///< bool: the row is a placeholder until its page has loaded
    ListedRole,                     ///< QString: "Listed: …" when a screening match was accepted for the entity
    VerdictRole,                    ///< int: ExposureVerdict of an ownership-exposure row
    SortRole,                       ///< a column's value for sorting (numbers as numbers)
};
} // namespace ItemDataRole

} // namespace Casegraph::Models

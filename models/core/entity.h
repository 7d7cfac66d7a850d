// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

/// Flags stored with each property value.
enum ValueFlag : int {
    NoValueFlag = 0,
    UnknownProperty = 1,   ///< kept in lenient mode: the schema lacks this property
    DanglingReference = 2, ///< an entity reference to an id not in the case (at import time)
    Reference = 4,         ///< the value is an entity id (property of type entity)
};

/// Where a value came from: an import, a user edit, a source passage, the demo builder.
struct Provenance {
    enum class Kind { Import, Edit, Source, Demo, Merge };
    qint64 id = 0;
    Kind kind = Kind::Edit;
    QString label;  ///< file name, or a short description of the edit
    QString actor;  ///< who did it (the name set in preferences, or the OS user)
    QDateTime at;   ///< UTC
    qint64 sourceId = 0; ///< the source row, when kind is Source
    static QString kindName(Kind kind);
    static Kind kindFromName(const QString &name);
};

/// One value of one property, with its provenance. A statement in FtM's sense.
struct PropertyValue {
    qint64 id = 0; ///< storage row id; 0 before it is stored
    QString property;
    QString value;
    qint64 provenanceId = 0;
    int flags = NoValueFlag;

    bool operator==(const PropertyValue &) const = default;
};

/// An FtM entity: id, schema and multi-valued properties. Relationships are entities too.
struct Entity {
    qint64 rowId = 0; ///< storage row id; 0 before it is stored
    QString id;       ///< the FtM id, unique in a case
    QString schema;
    QString caption;  ///< derived display name
    QJsonObject extra; ///< top-level keys other than id/schema/properties, kept for lossless export
    QList<PropertyValue> values;

    QStringList valuesOf(const QString &property) const
    {
        QStringList out;
        for (const auto &v : values) {
            if (v.property == property) {
                out << v.value;
            }
        }
        return out;
    }
    QString first(const QString &property) const
    {
        for (const auto &v : values) {
            if (v.property == property) {
                return v.value;
            }
        }
        return {};
    }
    void add(const QString &property, const QString &value, int flags = NoValueFlag)
    {
        values.append(PropertyValue{0, property, value, 0, flags});
    }
};

} // namespace Casegraph::Models

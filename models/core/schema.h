// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Casegraph::Models {

/// FollowTheMoney property types (names as FtM spells them in `typeName`).
enum class PropertyType {
    String, Name, Text, Date, Country, Url, Entity, Identifier, Number, Email, Phone, Address,
    Checksum, Gender, Html, Ip, Json, Language, Mimetype, Topic, Iban
};

struct PropertySpec {
    QString name;
    QString label;
    QString typeName;
    PropertyType type = PropertyType::String;
    QString range;   ///< for entity references: the schema the target must be
    QString reverse; ///< the name of the reverse property on the target, if any
    QString schema;  ///< the schema that declares it
    bool hidden = false;
};

/// One FtM schema with its inherited properties resolved. Immutable once loaded.
class Schema {
public:
    QString name;
    QString label;
    QString plural;
    bool abstract = false;
    bool matchable = false;
    QStringList parents;   ///< direct parents ("extends")
    QStringList ancestors; ///< every schema this one is (itself included)
    QStringList featured;
    QStringList caption;   ///< properties that make the display caption, in order
    QString edgeSource;    ///< for relationship schemata: the property naming the source end
    QString edgeTarget;
    QString edgeLabel;
    /// FtM's `edge.directed`: false for relationships that read the same both ways (Associate,
    /// Family, UnknownLink, Documentation). True when the schema file omits it, as in FtM.
    bool edgeDirected = true;
    QList<PropertySpec> properties; ///< own and inherited, featured first

    bool isEdge() const { return !edgeSource.isEmpty(); }
    /// A relationship whose ends are interchangeable: crossed both ways, drawn without an arrowhead.
    bool isUndirectedEdge() const { return isEdge() && !edgeDirected; }
    /// A relationship's two ends as users read them: "A → B", or "A — B" when it is undirected.
    QString endsText(const QString &source, const QString &target) const;
    bool isA(const QString &other) const { return ancestors.contains(other); }
    const PropertySpec *property(const QString &name) const;

private:
    friend class SchemaRegistry;
    QHash<QString, qsizetype> m_index;
};

/// The schemata Casegraph understands: FtM's, plus our extensions, loaded from the
/// bundled resources/schema/schemata.json. Thread-safe after first use.
class SchemaRegistry {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::SchemaRegistry)
public:
    static const SchemaRegistry &instance();

    const Schema *schema(const QString &name) const;
    QStringList names(bool includeAbstract = false) const;
    QString version() const { return m_version; }

    /// Checks one value against the property's type. The message names the property and value.
    Status validate(const Schema &schema, const QString &property, const QString &value) const;
    /// The schema both are (the more specific one), or nullptr when neither is the other.
    const Schema *common(const QString &a, const QString &b) const;
    /// All property names of type `name` or the other name-like properties used for search.
    static bool isNameProperty(const PropertySpec &spec) { return spec.type == PropertyType::Name; }

private:
    SchemaRegistry();
    QHash<QString, std::shared_ptr<Schema>> m_schemata;
    QString m_version;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"
#include "entity.h"
#include "ftmdate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace Casegraph::Models {

namespace {

PropertyType typeFromName(const QString &n)
{
    static const QHash<QString, PropertyType> map = {
        {QStringLiteral("string"), PropertyType::String},   {QStringLiteral("name"), PropertyType::Name},
        {QStringLiteral("text"), PropertyType::Text},       {QStringLiteral("date"), PropertyType::Date},
        {QStringLiteral("country"), PropertyType::Country}, {QStringLiteral("url"), PropertyType::Url},
        {QStringLiteral("entity"), PropertyType::Entity},   {QStringLiteral("identifier"), PropertyType::Identifier},
        {QStringLiteral("number"), PropertyType::Number},   {QStringLiteral("email"), PropertyType::Email},
        {QStringLiteral("phone"), PropertyType::Phone},     {QStringLiteral("address"), PropertyType::Address},
        {QStringLiteral("checksum"), PropertyType::Checksum}, {QStringLiteral("gender"), PropertyType::Gender},
        {QStringLiteral("html"), PropertyType::Html},       {QStringLiteral("ip"), PropertyType::Ip},
        {QStringLiteral("json"), PropertyType::Json},       {QStringLiteral("language"), PropertyType::Language},
        {QStringLiteral("mimetype"), PropertyType::Mimetype}, {QStringLiteral("topic"), PropertyType::Topic},
        {QStringLiteral("iban"), PropertyType::Iban},
    };
    return map.value(n, PropertyType::String);
}

QStringList toStringList(const QJsonValue &v)
{
    QStringList out;
    for (const auto &x : v.toArray()) {
        out << x.toString();
    }
    return out;
}

} // namespace

const PropertySpec *Schema::property(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &properties.at(*it);
}

QString Schema::endsText(const QString &source, const QString &target) const
{
    return isUndirectedEdge() ? QCoreApplication::translate("Casegraph::Models::Schema", "%1 — %2").arg(source, target)
                              : QCoreApplication::translate("Casegraph::Models::Schema", "%1 → %2").arg(source, target);
}

const SchemaRegistry &SchemaRegistry::instance()
{
    static const SchemaRegistry registry;
    return registry;
}

SchemaRegistry::SchemaRegistry()
{
    QFile f(QStringLiteral(":/casegraph/schema/schemata.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("Casegraph: the bundled schema file is missing from the resources");
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    m_version = root.value(QLatin1String("version")).toString();
    const QJsonObject all = root.value(QLatin1String("schemata")).toObject();

    // Resolve inheritance depth-first; a schema's own properties come before inherited ones.
    QHash<QString, QJsonObject> raw;
    for (auto it = all.begin(); it != all.end(); ++it) {
        raw.insert(it.key(), it.value().toObject());
    }
    std::function<std::shared_ptr<Schema>(const QString &)> build = [&](const QString &name) {
        if (auto existing = m_schemata.value(name)) {
            return existing;
        }
        const QJsonObject o = raw.value(name);
        auto s = std::make_shared<Schema>();
        s->name = name;
        s->label = o.value(QLatin1String("label")).toString(name);
        s->plural = o.value(QLatin1String("plural")).toString(s->label);
        s->abstract = o.value(QLatin1String("abstract")).toBool();
        s->matchable = o.value(QLatin1String("matchable")).toBool();
        s->parents = toStringList(o.value(QLatin1String("extends")));
        s->featured = toStringList(o.value(QLatin1String("featured")));
        s->caption = toStringList(o.value(QLatin1String("caption")));
        const QJsonObject edge = o.value(QLatin1String("edge")).toObject();
        s->edgeSource = edge.value(QLatin1String("source")).toString();
        s->edgeTarget = edge.value(QLatin1String("target")).toString();
        s->edgeLabel = edge.value(QLatin1String("label")).toString();
        s->edgeDirected = edge.value(QLatin1String("directed")).toBool(true);
        s->ancestors << name;
        QList<PropertySpec> own;
        const QJsonObject props = o.value(QLatin1String("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            const QJsonObject p = it.value().toObject();
            PropertySpec spec;
            spec.name = it.key();
            spec.label = p.value(QLatin1String("label")).toString(spec.name);
            spec.typeName = p.value(QLatin1String("type")).toString(QStringLiteral("string"));
            spec.type = typeFromName(spec.typeName);
            spec.range = p.value(QLatin1String("range")).toString();
            spec.reverse = p.value(QLatin1String("reverse")).toString();
            spec.hidden = p.value(QLatin1String("hidden")).toBool();
            spec.schema = name;
            own << spec;
        }
        QList<PropertySpec> merged = own;
        QSet<QString> seen;
        for (const auto &p : own) {
            seen.insert(p.name);
        }
        for (const auto &parentName : std::as_const(s->parents)) {
            const auto parent = build(parentName);
            for (const auto &a : parent->ancestors) {
                if (!s->ancestors.contains(a)) {
                    s->ancestors << a;
                }
            }
            for (const auto &p : parent->properties) {
                if (!seen.contains(p.name)) {
                    seen.insert(p.name);
                    merged << p;
                }
            }
            if (s->caption.isEmpty()) {
                s->caption = parent->caption;
            }
            if (s->featured.isEmpty()) {
                s->featured = parent->featured;
            }
        }
        // Featured properties first, in their declared order, then the rest.
        std::stable_sort(merged.begin(), merged.end(), [&](const PropertySpec &a, const PropertySpec &b) {
            const auto ia = s->featured.indexOf(a.name), ib = s->featured.indexOf(b.name);
            return (ia < 0 ? 1000 : ia) < (ib < 0 ? 1000 : ib);
        });
        s->properties = merged;
        for (qsizetype i = 0; i < merged.size(); ++i) {
            s->m_index.insert(merged.at(i).name, i);
        }
        m_schemata.insert(name, s);
        return s;
    };
    for (const auto &name : raw.keys()) {
        build(name);
    }
}

const Schema *SchemaRegistry::schema(const QString &name) const
{
    return m_schemata.value(name).get();
}

QStringList SchemaRegistry::names(bool includeAbstract) const
{
    QStringList out;
    for (auto it = m_schemata.cbegin(); it != m_schemata.cend(); ++it) {
        if (includeAbstract || !it.value()->abstract) {
            out << it.key();
        }
    }
    out.sort();
    return out;
}

const Schema *SchemaRegistry::common(const QString &a, const QString &b) const
{
    const Schema *sa = schema(a);
    const Schema *sb = schema(b);
    if (!sa || !sb) {
        return nullptr;
    }
    if (sa->isA(b)) {
        return sa;
    }
    if (sb->isA(a)) {
        return sb;
    }
    return nullptr;
}

Status SchemaRegistry::validate(const Schema &schema, const QString &property, const QString &value) const
{
    const PropertySpec *spec = schema.property(property);
    if (!spec) {
        return Error{tr("schema %1 has no property \"%2\"").arg(schema.name, property)};
    }
    switch (spec->type) {
    case PropertyType::Date:
        if (!FtmDate::parse(value).isValid()) {
            return Error{tr("invalid date \"%1\" for property \"%2\" (expected YYYY, YYYY-MM or YYYY-MM-DD)")
                             .arg(value, property)};
        }
        break;
    case PropertyType::Country: {
        // ISO 3166-1 alpha-2 in lower case, plus FtM's own codes such as "zz", "suhh", "xk", "gb-sct".
        static const QRegularExpression re(QStringLiteral("^[a-z]{2,4}(-[a-z0-9]{2,4})?$"));
        if (!re.match(value).hasMatch()) {
            return Error{tr("invalid country code \"%1\" for property \"%2\"").arg(value, property)};
        }
        break;
    }
    case PropertyType::Entity:
        if (value.trimmed().isEmpty()) {
            return Error{tr("empty entity reference for property \"%1\"").arg(property)};
        }
        break;
    default:
        break;
    }
    return {};
}

QString Provenance::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Import:
        return QStringLiteral("import");
    case Kind::Edit:
        return QStringLiteral("edit");
    case Kind::Source:
        return QStringLiteral("source");
    case Kind::Demo:
        return QStringLiteral("demo");
    case Kind::Merge:
        return QStringLiteral("merge");
    }
    return {};
}

Provenance::Kind Provenance::kindFromName(const QString &name)
{
    for (auto k : {Kind::Import, Kind::Edit, Kind::Source, Kind::Demo, Kind::Merge}) {
        if (kindName(k) == name) {
            return k;
        }
    }
    return Kind::Edit;
}

} // namespace Casegraph::Models

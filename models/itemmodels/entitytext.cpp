// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitytext.h"
#include "core/schema.h"
#include "storage/entitystore.h"

#include <QLocale>

namespace Casegraph::Models {

namespace {
QString captionOf(const EntityStore &store, const QString &id) {
    const auto row = id.isEmpty() ? std::nullopt : store.row(store.rowIdOf(id));
    return row ? row->caption : id;
}
} // namespace

QString EntityText::ends(const EntityStore &store, const Entity &entity) {
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    if (!schema || !schema->isEdge()) {
        return {};
    }
    return schema->endsText(captionOf(store, entity.first(schema->edgeSource)),
                            captionOf(store, entity.first(schema->edgeTarget)));
}

QString EntityText::label(const EntityStore &store, qint64 rowId) {
    const auto entity = store.entity(rowId);
    if (!entity) {
        return tr("(deleted entity)");
    }
    const QString between = ends(store, *entity);
    return between.isEmpty() ? entity->caption : tr("%1: %2").arg(entity->caption, between);
}

QString EntityText::country(const QString &code) {
    // FtM country codes are ISO 3166-1 alpha-2 in lower case, plus a few of its own.
    const auto territory = QLocale::codeToTerritory(code.toUpper());
    return territory == QLocale::AnyTerritory ? code
                                              : QStringLiteral("%1 (%2)").arg(QLocale::territoryToString(territory), code);
}

QString EntityText::value(const EntityStore &store, const QString &schemaName, const QString &property,
                          const QString &value) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    const PropertySpec *spec = schema ? schema->property(property) : nullptr;
    if (!spec) {
        return value;
    }
    if (spec->type == PropertyType::Entity) {
        return captionOf(store, value);
    }
    return spec->typeName == QLatin1String("country") ? country(value) : value;
}

QString EntityText::fact(const EntityStore &store, const QString &schemaName, const QString &property,
                         const QString &value) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (property.isEmpty()) {
        return tr("the %1 itself").arg(schema ? schema->label : schemaName);
    }
    const PropertySpec *spec = schema ? schema->property(property) : nullptr;
    return tr("%1: %2").arg(spec ? spec->label : property, EntityText::value(store, schemaName, property, value));
}

QString EntityText::claim(const EntityStore &store, qint64 entityRowId, const QString &property,
                          const QString &value) {
    const QString about = label(store, entityRowId);
    if (property.isEmpty()) {
        return about;
    }
    const auto row = store.row(entityRowId);
    return tr("%1 — %2").arg(about, fact(store, row ? row->schema : QString(), property, value));
}

} // namespace Casegraph::Models

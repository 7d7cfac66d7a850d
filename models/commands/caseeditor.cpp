// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseeditor.h"
#include "addvaluecommand.h"
#include "changevaluecommand.h"
#include "core/schema.h"
#include "createentitycommand.h"
#include "deleteentitycommand.h"
#include "removevaluecommand.h"
#include "storage/casefile.h"

#include <QUndoStack>

namespace Casegraph::Models {

namespace {
QString propertyLabel(const QString &schemaName, const QString &property) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    const PropertySpec *spec = schema ? schema->property(property) : nullptr;
    return spec ? spec->label : property;
}

QString schemaLabel(const QString &schemaName) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    return schema ? schema->label : schemaName;
}

QStringList ordered(const QStringList &first, bool edges) {
    QStringList out;
    const auto &reg = SchemaRegistry::instance();
    for (const auto &name : first) {
        if (const Schema *s = reg.schema(name); s && !s->abstract && s->isEdge() == edges) {
            out << name;
        }
    }
    for (const auto &name : reg.names()) {
        if (const Schema *s = reg.schema(name); s && s->isEdge() == edges && !out.contains(name)) {
            out << name;
        }
    }
    return out;
}
} // namespace

CaseEditor::CaseEditor(CaseFile &caseFile, QObject *parent) : QObject(parent), m_case(caseFile) {
    m_stack = new QUndoStack(this);
}

CaseEditor::~CaseEditor() = default;

void CaseEditor::reportError(const QString &what, const Error &error) {
    Q_EMIT errorOccurred(tr("%1 failed: %2").arg(what, error.toString()));
}

Status CaseEditor::push(std::unique_ptr<EditCommand> command) {
    if (m_case.isReadOnly()) {
        return Error{tr("the case is open read-only")};
    }
    if (auto st = command->apply(); !st) {
        return st;
    }
    m_stack->push(command.release());
    return {};
}

QString CaseEditor::captionOf(qint64 rowId) const {
    const auto row = m_case.entities().row(rowId);
    return row ? row->caption : QString();
}

Status CaseEditor::validate(const QString &schemaName, const QString &property, const QString &value) const {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(schemaName)};
    }
    if (value.trimmed().isEmpty()) {
        return Error{tr("enter a value")};
    }
    return SchemaRegistry::instance().validate(*schema, property, value);
}

Result<qint64> CaseEditor::addValue(qint64 entityRowId, const QString &property, const QString &value) {
    const auto row = m_case.entities().row(entityRowId);
    if (!row) {
        return Error{tr("the entity no longer exists")};
    }
    if (auto st = validate(row->schema, property, value); !st) {
        return st.error();
    }
    auto command =
        std::make_unique<AddValueCommand>(*this, entityRowId, property, value,
                                          tr("Add %1 to “%2”").arg(propertyLabel(row->schema, property), row->caption));
    auto *raw = command.get();
    if (auto st = push(std::move(command)); !st) {
        return st.error();
    }
    return raw->valueId();
}

Status CaseEditor::changeValue(qint64 entityRowId, qint64 valueId, const QString &value) {
    const auto entity = m_case.entities().entity(entityRowId);
    if (!entity) {
        return Error{tr("the entity no longer exists")};
    }
    const auto it = std::find_if(entity->values.cbegin(), entity->values.cend(),
                                 [&](const PropertyValue &v) { return v.id == valueId; });
    if (it == entity->values.cend()) {
        return Error{tr("the value no longer exists")};
    }
    if (it->value == value) {
        return {};
    }
    if (auto st = validate(entity->schema, it->property, value); !st) {
        return st;
    }
    return push(std::make_unique<ChangeValueCommand>(
        *this, entityRowId, *it, value,
        tr("Change %1 of “%2”").arg(propertyLabel(entity->schema, it->property), entity->caption)));
}

Status CaseEditor::removeValue(qint64 entityRowId, qint64 valueId) {
    const auto entity = m_case.entities().entity(entityRowId);
    if (!entity) {
        return Error{tr("the entity no longer exists")};
    }
    const auto it = std::find_if(entity->values.cbegin(), entity->values.cend(),
                                 [&](const PropertyValue &v) { return v.id == valueId; });
    if (it == entity->values.cend()) {
        return Error{tr("the value no longer exists")};
    }
    return push(std::make_unique<RemoveValueCommand>(
        *this, entityRowId, *it,
        tr("Remove %1 “%2” from “%3”").arg(propertyLabel(entity->schema, it->property), it->value, entity->caption)));
}

QString CaseEditor::nameProperty(const QString &schemaName) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (!schema) {
        return {};
    }
    if (schema->property(QStringLiteral("name"))) {
        return QStringLiteral("name");
    }
    for (const auto &p : schema->caption) {
        if (schema->property(p)) {
            return p;
        }
    }
    return {};
}

Result<qint64> CaseEditor::createEntity(const QString &schemaName, const QString &name) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(schemaName)};
    }
    Entity e;
    e.schema = schemaName;
    const QString prop = nameProperty(schemaName);
    if (!name.trimmed().isEmpty()) {
        if (prop.isEmpty()) {
            return Error{tr("a %1 has no name property").arg(schema->label)};
        }
        e.add(prop, name.trimmed());
    } else if (!schema->isEdge()) {
        return Error{tr("enter a name")};
    }
    return createEntity(e);
}

Result<qint64> CaseEditor::createEntity(const Entity &entity) {
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(entity.schema)};
    }
    for (const auto &v : entity.values) {
        if (auto st = validate(entity.schema, v.property, v.value); !st) {
            return st.error();
        }
    }
    const QString name = entity.values.isEmpty() ? QString() : entity.values.first().value;
    const QString text =
        name.isEmpty() ? tr("Create %1").arg(schema->label) : tr("Create %1 “%2”").arg(schema->label, name);
    auto command = std::make_unique<CreateEntityCommand>(*this, entity, text);
    auto *raw = command.get();
    if (auto st = push(std::move(command)); !st) {
        return st.error();
    }
    return raw->rowId();
}

Result<qint64> CaseEditor::createRelationship(const QString &schemaName, qint64 sourceRowId, qint64 targetRowId,
                                              const QList<QPair<QString, QString>> &values) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (!schema || !schema->isEdge() || schema->abstract) {
        return Error{tr("\"%1\" is not a relationship schema").arg(schemaName)};
    }
    const auto source = m_case.entities().row(sourceRowId);
    const auto target = m_case.entities().row(targetRowId);
    if (!source || !target) {
        return Error{tr("choose both ends of the relationship")};
    }
    // Each end must be of the schema its property expects (an Ownership's owner is a LegalEntity …).
    const auto checkEnd = [&](const QString &property, const EntityRow &end) -> Status {
        const PropertySpec *spec = schema->property(property);
        const Schema *endSchema = SchemaRegistry::instance().schema(end.schema);
        if (spec && !spec->range.isEmpty() && endSchema && !endSchema->isA(spec->range)) {
            const Schema *range = SchemaRegistry::instance().schema(spec->range);
            // No "a"/"an" before a label: the labels start with vowels and consonants alike.
            return Error{tr("%1: the %2 must be of type %3; “%4” is of type %5")
                             .arg(schema->label, spec->label.toLower(), range ? range->label : spec->range,
                                  end.caption, endSchema->label)};
        }
        return {};
    };
    if (auto st = checkEnd(schema->edgeSource, *source); !st) {
        return st.error();
    }
    if (auto st = checkEnd(schema->edgeTarget, *target); !st) {
        return st.error();
    }
    Entity e;
    e.schema = schemaName;
    e.add(schema->edgeSource, source->id);
    e.add(schema->edgeTarget, target->id);
    for (const auto &[property, value] : values) {
        if (!value.trimmed().isEmpty()) {
            e.add(property, value.trimmed());
        }
    }
    for (const auto &v : std::as_const(e.values)) {
        if (auto st = validate(schemaName, v.property, v.value); !st) {
            return st.error();
        }
    }
    auto command = std::make_unique<CreateEntityCommand>(
        *this, e, tr("Create %1 “%2” → “%3”").arg(schema->label, source->caption, target->caption));
    auto *raw = command.get();
    if (auto st = push(std::move(command)); !st) {
        return st.error();
    }
    return raw->rowId();
}

QList<EntityRow> CaseEditor::relationshipsOf(qint64 rowId) const {
    QList<EntityRow> out;
    const auto row = m_case.entities().row(rowId);
    if (!row) {
        return out;
    }
    for (const auto &ref : m_case.entities().referencing(row->id)) {
        const Schema *schema = SchemaRegistry::instance().schema(ref.schema);
        if (!schema || !schema->isEdge() || ref.rowId == rowId) {
            continue;
        }
        const auto edge = m_case.entities().entity(ref.rowId);
        if (edge && (edge->valuesOf(schema->edgeSource).contains(row->id) ||
                     edge->valuesOf(schema->edgeTarget).contains(row->id))) {
            out << ref;
        }
    }
    return out;
}

Status CaseEditor::deleteEntity(qint64 rowId) {
    const auto row = m_case.entities().row(rowId);
    if (!row) {
        return Error{tr("the entity no longer exists")};
    }
    QList<qint64> relationships;
    for (const auto &r : relationshipsOf(rowId)) {
        relationships << r.rowId;
    }
    return push(std::make_unique<DeleteEntityCommand>(
        *this, rowId, relationships, tr("Delete %1 “%2”").arg(schemaLabel(row->schema), row->caption)));
}

QStringList CaseEditor::entitySchemata() {
    return ordered({QStringLiteral("Company"), QStringLiteral("Person"), QStringLiteral("Organization"),
                    QStringLiteral("PublicBody"), QStringLiteral("LegalEntity"), QStringLiteral("Address"),
                    QStringLiteral("Event"), QStringLiteral("Contract"), QStringLiteral("Sanction")},
                   false);
}

QStringList CaseEditor::relationshipSchemata() {
    return ordered({QStringLiteral("Ownership"), QStringLiteral("Supply"), QStringLiteral("Directorship"),
                    QStringLiteral("ContractAward"), QStringLiteral("Employment"), QStringLiteral("Membership"),
                    QStringLiteral("Payment"), QStringLiteral("Associate"), QStringLiteral("Family"),
                    QStringLiteral("Representation"), QStringLiteral("UnknownLink")},
                   true);
}

} // namespace Casegraph::Models

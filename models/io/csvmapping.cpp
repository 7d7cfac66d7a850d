// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvmapping.h"
#include "core/schema.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace Casegraph::Models {

namespace {

const QString Key = QStringLiteral("key");

/// Lower-cased schema name → schema name, for per-row schema cells such as "company".
const QHash<QString, QString> &schemaNamesByLowerCase() {
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> out;
        for (const QString &n : SchemaRegistry::instance().names()) {
            out.insert(n.toLower(), n);
        }
        return out;
    }();
    return names;
}

/// True for text our CSV export escaped: one or more ' before =, +, -, @, tab or CR.
bool isEscapedFormula(const QString &text) {
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char('\'')) {
        ++i;
    }
    if (i == 0 || i == text.size()) {
        return false;
    }
    const QChar c = text.at(i);
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@') ||
           c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

Result<CsvMapping::Source> parseColumn(const QJsonValue &v, const QString &where, const QString &file) {
    CsvMapping::Source s;
    if (v.isString() && !v.toString().isEmpty()) {
        s.column = v.toString();
        return s;
    }
    if (v.isDouble() && v.toInt() >= 1 && v.toDouble() == double(v.toInt())) {
        s.column = QLatin1Char('#') + QString::number(v.toInt());
        return s;
    }
    return Error{CsvMapping::tr("%1: expected a column name or a column number from 1").arg(where), file};
}

Result<QList<CsvMapping::Source>> parseSources(const QJsonValue &v, const QString &where, const QString &file) {
    QList<CsvMapping::Source> out;
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            auto more = parseSources(a.at(i), QStringLiteral("%1[%2]").arg(where).arg(i), file);
            if (!more) {
                return more.error();
            }
            out += *more;
        }
        return out;
    }
    if (!v.isObject()) {
        auto column = parseColumn(v, where, file);
        if (!column) {
            return column.error();
        }
        out << *column;
        return out;
    }
    const QJsonObject o = v.toObject();
    CsvMapping::Source s;
    if (o.contains(QLatin1String("column"))) {
        auto column = parseColumn(o.value(QLatin1String("column")), where + QLatin1String(".column"), file);
        if (!column) {
            return column.error();
        }
        s = *column;
    } else if (o.contains(QLatin1String("value"))) {
        s.kind = CsvMapping::Source::Kind::Constant;
        s.constant = o.value(QLatin1String("value")).toString();
    } else if (o.contains(QLatin1String("entity"))) {
        s.kind = CsvMapping::Source::Kind::Entity;
        s.entity = o.value(QLatin1String("entity")).toString();
    } else {
        return Error{CsvMapping::tr("%1: expected \"column\", \"value\" or \"entity\"").arg(where), file};
    }
    s.split = o.value(QLatin1String("split")).toString();
    s.dateFormat = o.value(QLatin1String("format")).toString();
    out << s;
    return out;
}

QJsonValue sourceToJson(const CsvMapping::Source &s) {
    QJsonObject o;
    switch (s.kind) {
    case CsvMapping::Source::Kind::Column:
        if (s.split.isEmpty() && s.dateFormat.isEmpty()) {
            return s.column;
        }
        o.insert(QStringLiteral("column"), s.column);
        break;
    case CsvMapping::Source::Kind::Constant:
        o.insert(QStringLiteral("value"), s.constant);
        break;
    case CsvMapping::Source::Kind::Entity:
        o.insert(QStringLiteral("entity"), s.entity);
        break;
    }
    if (!s.split.isEmpty()) {
        o.insert(QStringLiteral("split"), s.split);
    }
    if (!s.dateFormat.isEmpty()) {
        o.insert(QStringLiteral("format"), s.dateFormat);
    }
    return o;
}

Result<CsvMapping::Target> parseTarget(const QJsonObject &o, const QString &where, const QString &file,
                                       bool relationship) {
    CsvMapping::Target t;
    t.key = o.value(Key).toString();
    const QJsonValue schema = o.value(QLatin1String("schema"));
    if (schema.isString()) {
        t.schema = schema.toString();
    } else if (schema.isObject() && !relationship) {
        const QJsonObject s = schema.toObject();
        auto column = parseColumn(s.value(QLatin1String("column")), where + QLatin1String(".schema.column"), file);
        if (!column) {
            return column.error();
        }
        t.schemaColumn = *column;
        t.schema = s.value(QLatin1String("default")).toString();
        const QJsonObject values = s.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            t.schemaValues.insert(it.key().trimmed().toLower(), it.value().toString());
        }
    } else {
        return Error{CsvMapping::tr("%1.schema: expected a schema name%2")
                         .arg(where, relationship ? QString() : CsvMapping::tr(" or {\"column\": …}")),
                     file};
    }
    if (o.contains(QLatin1String("id"))) {
        const QJsonObject id = o.value(QLatin1String("id")).toObject();
        if (id.contains(QLatin1String("column"))) {
            auto column = parseColumn(id.value(QLatin1String("column")), where + QLatin1String(".id.column"), file);
            if (!column) {
                return column.error();
            }
            t.idColumns << *column;
            t.idHashed = id.value(QLatin1String("hash")).toBool(false);
            t.idPrefix = id.value(QLatin1String("prefix")).toString(t.idHashed ? QStringLiteral("csv-") : QString());
        } else {
            auto columns = parseSources(id.value(QLatin1String("columns")), where + QLatin1String(".id.columns"), file);
            if (!columns) {
                return columns.error();
            }
            t.idColumns = *columns;
            if (t.idColumns.isEmpty()) {
                return Error{CsvMapping::tr("%1.id: expected \"column\" or a list of \"columns\"").arg(where), file};
            }
            t.idHashed = id.value(QLatin1String("hash")).toBool(true);
            t.idPrefix = id.value(QLatin1String("prefix")).toString(QStringLiteral("csv-"));
        }
        for (const auto &c : std::as_const(t.idColumns)) {
            if (c.kind != CsvMapping::Source::Kind::Column) {
                return Error{CsvMapping::tr("%1.id: ids come from columns only").arg(where), file};
            }
        }
    }
    const QJsonObject props = o.value(QLatin1String("properties")).toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        auto sources = parseSources(it.value(), where + QLatin1String(".properties.") + it.key(), file);
        if (!sources) {
            return sources.error();
        }
        t.properties.append(CsvMapping::Property{it.key(), *sources});
    }
    if (relationship) {
        t.source = o.value(QLatin1String("source")).toString();
        t.target = o.value(QLatin1String("target")).toString();
        if (t.source.isEmpty() || t.target.isEmpty()) {
            return Error{CsvMapping::tr("%1: a relationship needs \"source\" and \"target\" entity keys").arg(where),
                         file};
        }
    }
    return t;
}

} // namespace

Result<CsvMapping> CsvMapping::load(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the mapping: %1").arg(f.errorString()), path};
    }
    if (f.size() > 16 * 1024 * 1024) {
        return Error{tr("the mapping is larger than 16 MiB"), path};
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        return Error{tr("malformed JSON in the mapping at offset %1: %2").arg(pe.offset).arg(pe.errorString()), path};
    }
    if (!doc.isObject()) {
        return Error{tr("the mapping must be a JSON object"), path};
    }
    return fromJson(doc.object(), path);
}

Result<CsvMapping> CsvMapping::fromJson(const QJsonObject &json, const QString &file) {
    CsvMapping m;
    m.encoding = json.value(QLatin1String("encoding")).toString(QStringLiteral("auto"));
    m.delimiter = json.value(QLatin1String("delimiter")).toString(QStringLiteral("auto"));
    m.quote = json.value(QLatin1String("quote")).toString(QStringLiteral("auto"));
    m.header = json.value(QLatin1String("header")).toBool(true);
    m.skipRows = std::max(0, json.value(QLatin1String("skipRows")).toInt(0));
    m.unescapeFormulas = json.value(QLatin1String("unescapeFormulas")).toBool(false);
    if (m.delimiter == QLatin1String("tab")) {
        m.delimiter = QStringLiteral("\t");
    }
    if (m.delimiter != QLatin1String("auto") && m.delimiter.size() != 1) {
        return Error{tr("\"delimiter\" must be \"auto\", \"tab\" or one character"), file};
    }
    if (m.quote != QLatin1String("auto") && m.quote != QLatin1String("none") && m.quote.size() != 1) {
        return Error{tr("\"quote\" must be \"auto\", \"none\" or one character"), file};
    }
    for (const char *section : {"entities", "relationships"}) {
        const bool relationship = qstrcmp(section, "relationships") == 0;
        const QJsonArray list = json.value(QLatin1String(section)).toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString where = QStringLiteral("%1[%2]").arg(QLatin1String(section)).arg(i);
            if (!list.at(i).isObject()) {
                return Error{tr("%1: expected an object").arg(where), file};
            }
            auto target = parseTarget(list.at(i).toObject(), where, file, relationship);
            if (!target) {
                return target.error();
            }
            if (target->key.isEmpty()) {
                target.value().key = QStringLiteral("%1%2")
                                         .arg(relationship ? QLatin1String("relationship") : QLatin1String("entity"))
                                         .arg(i + 1);
            }
            m.entities.append(*target);
        }
    }
    if (m.entities.isEmpty()) {
        return Error{tr("the mapping names no entities"), file};
    }
    if (auto st = m.checkSchemata(file); !st) {
        return st.error();
    }
    return m;
}

Status CsvMapping::checkSchemata(const QString &file) const {
    const auto &reg = SchemaRegistry::instance();
    QSet<QString> keys, plainKeys;
    for (const auto &t : entities) {
        if (keys.contains(t.key)) {
            return Error{tr("two entities share the key \"%1\"").arg(t.key), file};
        }
        keys.insert(t.key);
        if (!t.isRelationship()) {
            plainKeys.insert(t.key);
        }
    }
    for (const auto &t : entities) {
        const bool perRow = !t.schemaColumn.column.isEmpty();
        const Schema *schema = reg.schema(t.schema);
        if (!t.schema.isEmpty() || !perRow) {
            if (!schema) {
                return Error{tr("\"%1\": unknown schema \"%2\"").arg(t.key, t.schema), file};
            }
            if (schema->abstract) {
                return Error{tr("\"%1\": schema %2 is abstract; pick a concrete one").arg(t.key, t.schema), file};
            }
        }
        for (auto it = t.schemaValues.cbegin(); it != t.schemaValues.cend(); ++it) {
            const Schema *s = reg.schema(*it);
            if (!s || s->abstract) {
                return Error{tr("\"%1\": \"%2\" is not a concrete schema").arg(t.key, *it), file};
            }
        }
        if (t.isRelationship()) {
            if (!schema->isEdge()) {
                return Error{tr("\"%1\": schema %2 is not a relationship (try Ownership, Directorship, UnknownLink …)")
                                 .arg(t.key, t.schema),
                             file};
            }
            for (const QString &end : {t.source, t.target}) {
                if (!plainKeys.contains(end)) {
                    return Error{tr("\"%1\": no entity has the key \"%2\"").arg(t.key, end), file};
                }
            }
        }
        for (const auto &p : t.properties) {
            if (schema && !perRow && !schema->property(p.name)) {
                return Error{tr("\"%1\": schema %2 has no property \"%3\"").arg(t.key, t.schema, p.name), file};
            }
            if (t.isRelationship() && (p.name == schema->edgeSource || p.name == schema->edgeTarget)) {
                return Error{tr("\"%1\": \"%2\" is set from \"source\"/\"target\"").arg(t.key, p.name), file};
            }
            for (const auto &s : p.sources) {
                if (s.kind == Source::Kind::Entity && !plainKeys.contains(s.entity)) {
                    return Error{
                        tr("\"%1\": property %2 refers to unknown entity key \"%3\"").arg(t.key, p.name, s.entity),
                        file};
                }
            }
        }
    }
    return {};
}

QJsonObject CsvMapping::toJson() const {
    QJsonObject root{{QStringLiteral("encoding"), encoding}, {QStringLiteral("delimiter"), delimiter},
                     {QStringLiteral("quote"), quote},       {QStringLiteral("header"), header},
                     {QStringLiteral("skipRows"), skipRows}, {QStringLiteral("unescapeFormulas"), unescapeFormulas}};
    QJsonArray plain, relationships;
    for (const auto &t : entities) {
        QJsonObject o{{Key, t.key}};
        if (t.schemaColumn.column.isEmpty()) {
            o.insert(QStringLiteral("schema"), t.schema);
        } else {
            QJsonObject values;
            for (auto it = t.schemaValues.cbegin(); it != t.schemaValues.cend(); ++it) {
                values.insert(it.key(), *it);
            }
            o.insert(QStringLiteral("schema"), QJsonObject{{QStringLiteral("column"), t.schemaColumn.column},
                                                           {QStringLiteral("default"), t.schema},
                                                           {QStringLiteral("values"), values}});
        }
        if (!t.idColumns.isEmpty()) {
            QJsonArray columns;
            for (const auto &c : t.idColumns) {
                columns.append(c.column);
            }
            o.insert(QStringLiteral("id"), QJsonObject{{QStringLiteral("columns"), columns},
                                                       {QStringLiteral("hash"), t.idHashed},
                                                       {QStringLiteral("prefix"), t.idPrefix}});
        }
        QJsonObject props;
        for (const auto &p : t.properties) {
            if (p.sources.size() == 1) {
                props.insert(p.name, sourceToJson(p.sources.first()));
            } else {
                QJsonArray a;
                for (const auto &s : p.sources) {
                    a.append(sourceToJson(s));
                }
                props.insert(p.name, a);
            }
        }
        o.insert(QStringLiteral("properties"), props);
        if (t.isRelationship()) {
            o.insert(QStringLiteral("source"), t.source);
            o.insert(QStringLiteral("target"), t.target);
            relationships.append(o);
        } else {
            plain.append(o);
        }
    }
    root.insert(QStringLiteral("entities"), plain);
    root.insert(QStringLiteral("relationships"), relationships);
    return root;
}

Status CsvMapping::save(const QString &path) const {
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        return Error{tr("cannot write the mapping: %1").arg(f.errorString()), path};
    }
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit()) {
        return Error{tr("cannot write the mapping: %1").arg(f.errorString()), path};
    }
    return {};
}

Status CsvMapping::resolve(const QStringList &headerRow, qsizetype columns, const QString &file) {
    QHash<QString, int> byName;
    for (qsizetype i = headerRow.size() - 1; i >= 0; --i) {
        byName.insert(headerRow.at(i).trimmed(), int(i)); // the first of duplicate names wins
    }
    const auto bind = [&](Source &s) -> Status {
        if (s.kind != Source::Kind::Column) {
            return {};
        }
        if (s.column.startsWith(QLatin1Char('#'))) {
            bool ok = false;
            const int n = s.column.mid(1).toInt(&ok);
            if (ok && n >= 1) {
                if (n > columns) {
                    return Error{tr("the mapping uses column %1 but the file has %n column(s)", nullptr, int(columns)).arg(n),
                                 file};
                }
                s.index = n - 1;
                return {};
            }
        }
        const auto it = byName.constFind(s.column.trimmed());
        if (it == byName.cend()) {
            return Error{tr("the mapping uses column \"%1\", which the header does not have (columns: %2)")
                             .arg(s.column, headerRow.join(QLatin1String(", "))),
                         file, 1};
        }
        s.index = *it;
        return {};
    };
    for (auto &t : entities) {
        if (!t.schemaColumn.column.isEmpty()) {
            if (auto st = bind(t.schemaColumn); !st) {
                return st;
            }
        }
        for (auto &c : t.idColumns) {
            if (auto st = bind(c); !st) {
                return st;
            }
        }
        for (auto &p : t.properties) {
            for (auto &s : p.sources) {
                if (auto st = bind(s); !st) {
                    return st;
                }
            }
        }
    }
    return {};
}

QString CsvMapping::hashId(const QString &prefix, const QStringList &parts) {
    return prefix + QString::fromLatin1(
                        QCryptographicHash::hash(parts.join(QChar(0x1F)).toUtf8(), QCryptographicHash::Sha1).toHex());
}

Status CsvMapping::apply(const QStringList &row, bool lenient, QList<Entity> &out) const {
    const auto &reg = SchemaRegistry::instance();
    const auto cell = [&](const Source &s) {
        QString text = s.index >= 0 && s.index < row.size() ? row.at(s.index).trimmed() : QString();
        if (unescapeFormulas && isEscapedFormula(text)) {
            text.remove(0, 1);
        }
        return text;
    };
    const auto cellError = [](const QString &message, const Source &s) { return Error{message, {}, 0, s.index + 1}; };
    QHash<QString, QString> ids; // entity key → id, for this row
    QHash<QString, const Schema *> schemata;
    const qsizetype firstOut = out.size();
    QList<const Target *> pendingRefs;
    QList<qsizetype> pendingIndex;

    // Values of one property from column and constant sources; entity references come later.
    const auto collect = [&](const Schema &schema, const Property &p, Entity &e, bool references) -> Status {
        const PropertySpec *spec = schema.property(p.name);
        int flags = NoValueFlag;
        if (!spec) {
            if (!lenient) {
                return Error{
                    tr("schema %1 has no property \"%2\"; a lenient import keeps it").arg(schema.name, p.name)};
            }
            flags = UnknownProperty;
        }
        for (const Source &s : p.sources) {
            if ((s.kind == Source::Kind::Entity) != references) {
                continue;
            }
            QStringList values;
            if (s.kind == Source::Kind::Constant) {
                values << s.constant;
            } else if (s.kind == Source::Kind::Entity) {
                values << ids.value(s.entity);
            } else {
                const QString text = cell(s);
                values = s.split.isEmpty() ? QStringList{text} : text.split(s.split);
            }
            for (QString v : std::as_const(values)) {
                v = v.trimmed();
                if (v.isEmpty()) {
                    continue;
                }
                if (!s.dateFormat.isEmpty()) {
                    const QDate date = QDate::fromString(v, s.dateFormat);
                    if (!date.isValid()) {
                        return cellError(tr("cannot read \"%1\" as a date in the form %2").arg(v, s.dateFormat), s);
                    }
                    v = date.toString(Qt::ISODate);
                }
                if (spec && spec->type == PropertyType::Country) {
                    v = v.toLower();
                }
                if (spec) {
                    if (auto st = reg.validate(schema, p.name, v); !st) {
                        return cellError(st.error().message, s);
                    }
                }
                const PropertyValue pv{0, p.name, v, 0, flags};
                if (!e.values.contains(pv)) {
                    e.values.append(pv);
                }
            }
        }
        return {};
    };

    for (const Target &t : entities) {
        if (t.isRelationship()) {
            continue;
        }
        QString schemaName = t.schema;
        if (!t.schemaColumn.column.isEmpty()) {
            // The cell names the schema (through "values" or by name); else the default applies.
            const QString text = cell(t.schemaColumn);
            QString chosen = t.schemaValues.value(text.toLower());
            if (chosen.isEmpty()) {
                chosen = schemaNamesByLowerCase().value(text.toLower());
            }
            if (!chosen.isEmpty()) {
                schemaName = chosen;
            } else if (schemaName.isEmpty()) {
                return cellError(text.isEmpty() ? tr("no schema given in this row")
                                                : tr("unknown schema \"%1\"").arg(text),
                                 t.schemaColumn);
            }
        }
        const Schema *schema = reg.schema(schemaName);
        if (!schema || schema->abstract) {
            return cellError(tr("\"%1\" is not a concrete schema").arg(schemaName), t.schemaColumn);
        }
        Entity e;
        e.schema = schema->name;
        for (const Property &p : t.properties) {
            if (auto st = collect(*schema, p, e, false); !st) {
                return st;
            }
        }
        QStringList parts;
        if (!t.idColumns.isEmpty()) {
            bool any = false;
            for (const Source &s : t.idColumns) {
                parts << cell(s);
                any = any || !parts.last().isEmpty();
            }
            if (!any) {
                continue;
            }
        } else {
            for (const auto &v : std::as_const(e.values)) {
                parts << v.property + QChar(0x1E) + v.value;
            }
            if (parts.isEmpty()) {
                continue;
            }
            parts.sort();
        }
        e.id = t.idHashed ? hashId(t.idPrefix, parts) : t.idPrefix + parts.first();
        ids.insert(t.key, e.id);
        schemata.insert(t.key, schema);
        pendingRefs << &t;
        pendingIndex << out.size();
        out.append(e);
    }
    // Entity references within the row, now that every plain entity has its id.
    for (qsizetype i = 0; i < pendingRefs.size(); ++i) {
        const Target &t = *pendingRefs.at(i);
        for (const Property &p : t.properties) {
            if (auto st = collect(*schemata.value(t.key), p, out[pendingIndex.at(i)], true); !st) {
                out.resize(firstOut);
                return st;
            }
        }
    }
    for (const Target &t : entities) {
        if (!t.isRelationship()) {
            continue;
        }
        const QString from = ids.value(t.source), to = ids.value(t.target);
        if (from.isEmpty() || to.isEmpty()) {
            continue; // an end is missing in this row
        }
        const Schema *schema = reg.schema(t.schema);
        Entity e;
        e.schema = schema->name;
        e.add(schema->edgeSource, from);
        e.add(schema->edgeTarget, to);
        for (const Property &p : t.properties) {
            for (bool refs : {false, true}) {
                if (auto st = collect(*schema, p, e, refs); !st) {
                    out.resize(firstOut);
                    return st;
                }
            }
        }
        QStringList parts;
        if (!t.idColumns.isEmpty()) {
            for (const Source &s : t.idColumns) {
                parts << cell(s);
            }
        } else {
            for (const auto &v : std::as_const(e.values)) {
                parts << v.property + QChar(0x1E) + v.value;
            }
            parts.sort();
            parts.prepend(schema->name);
        }
        e.id = t.idHashed ? hashId(t.idPrefix, parts) : t.idPrefix + parts.first();
        out.append(e);
    }
    return {};
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitystore.h"
#include "casefile.h"
#include "core/schema.h"
#include "evidencestore.h"
#include "sqlite.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QUuid>

#include <array>
#include <string>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

bool isCjk(char32_t c)
{
    const auto script = QChar::script(c);
    return script == QChar::Script_Han || script == QChar::Script_Hiragana || script == QChar::Script_Katakana;
}

using ScopedWrite = Sql::ScopedTransaction;

EntityRow readRow(const Sql::Statement &s)
{
    return EntityRow{s.int64(0), s.text(1), s.text(2), s.text(3)};
}

} // namespace

QString EntityStore::fromFtsText(const QString &text)
{
    // Undo ftsText(): drop the spaces inserted between CJK characters (and brackets around them).
    QString out;
    out.reserve(text.size());
    const auto ucs = text.toUcs4();
    for (qsizetype i = 0; i < ucs.size(); ++i) {
        const char32_t c = ucs.at(i);
        if (c == U' ') {
            // Look past highlight brackets for the neighbours.
            qsizetype p = i - 1, n = i + 1;
            while (p >= 0 && (ucs.at(p) == U'[' || ucs.at(p) == U']')) {
                --p;
            }
            while (n < ucs.size() && (ucs.at(n) == U'[' || ucs.at(n) == U']')) {
                ++n;
            }
            if (p >= 0 && n < ucs.size() && isCjk(ucs.at(p)) && isCjk(ucs.at(n))) {
                continue;
            }
        }
        out += QString::fromUcs4(&c, 1);
    }
    return out;
}

EntityStore::EntityStore(CaseFile &caseFile) : m_case(caseFile) {}

QString EntityStore::ftsText(const QString &text)
{
    // Fast path: nothing below U+2E80 (CJK radicals) is ever spaced out.
    const bool mayHaveCjk = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x2E80; });
    if (!mayHaveCjk) {
        return text;
    }
    QString out;
    out.reserve(text.size() + 8);
    bool prevCjk = false;
    for (const char32_t c : text.toUcs4()) {
        const bool cjk = isCjk(c);
        if (cjk || prevCjk) {
            out += QLatin1Char(' ');
        }
        out += QString::fromUcs4(&c, 1);
        prevCjk = cjk;
    }
    return out;
}

QString EntityStore::ftsQuery(const QString &input)
{
    QStringList parts;
    const QString s = input.trimmed();
    qsizetype i = 0;
    const auto quoted = [](const QString &t) -> QString {
        QString q = ftsText(t).simplified();
        q.replace(QLatin1Char('"'), QLatin1String("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    };
    while (i < s.size()) {
        if (s.at(i).isSpace()) {
            ++i;
            continue;
        }
        if (s.at(i) == QLatin1Char('"')) {
            const qsizetype end = s.indexOf(QLatin1Char('"'), i + 1);
            const QString phrase = s.mid(i + 1, end < 0 ? -1 : end - i - 1);
            i = end < 0 ? s.size() : end + 1;
            if (!phrase.trimmed().isEmpty()) {
                parts << quoted(phrase);
            }
            continue;
        }
        qsizetype j = i;
        while (j < s.size() && !s.at(j).isSpace() && s.at(j) != QLatin1Char('"')) {
            ++j;
        }
        QString word = s.mid(i, j - i);
        i = j;
        while (word.endsWith(QLatin1Char('*'))) {
            word.chop(1);
        }
        // Keep only words with something the tokenizer indexes.
        bool indexable = false;
        for (const QChar ch : std::as_const(word)) {
            indexable = indexable || ch.isLetterOrNumber();
        }
        if (indexable) {
            parts << quoted(word) + QLatin1Char('*');
        }
    }
    return parts.join(QLatin1Char(' '));
}

QString EntityStore::captionFor(const Schema &schema, const Entity &entity) const
{
    for (const auto &prop : schema.caption) {
        const QString v = entity.first(prop);
        if (!v.isEmpty()) {
            return v;
        }
    }
    const QString name = entity.first(QStringLiteral("name"));
    if (!name.isEmpty()) {
        return name;
    }
    return schema.label;
}

// ---------------------------------------------------------------- reading

std::optional<Entity> EntityStore::entity(qint64 rowId) const
{
    auto &db = m_case.database();
    auto *s = db.cached("SELECT eid, schema, caption, extra FROM entity WHERE id=?");
    s->bind(1, rowId);
    if (!s->step()) {
        s->reset();
        return std::nullopt;
    }
    Entity e;
    e.rowId = rowId;
    e.id = s->text(0);
    e.schema = s->text(1);
    e.caption = s->text(2);
    if (!s->isNull(3)) {
        e.extra = QJsonDocument::fromJson(s->text(3).toUtf8()).object();
    }
    s->reset();
    auto *v = db.cached("SELECT id, prop, value, prov, flags FROM statement WHERE entity=? ORDER BY id");
    v->bind(1, rowId);
    while (v->step()) {
        e.values.append(PropertyValue{v->int64(0), v->text(1), v->text(2), v->int64(3), int(v->int64(4))});
    }
    v->reset();
    return e;
}

qint64 EntityStore::rowIdOf(const QString &id) const
{
    auto *s = m_case.database().cached("SELECT id FROM entity WHERE eid=?");
    s->bind(1, id);
    const qint64 r = s->step() ? s->int64(0) : 0;
    s->reset();
    return r;
}

std::optional<Entity> EntityStore::entityById(const QString &id) const
{
    const qint64 r = rowIdOf(id);
    return r ? entity(r) : std::nullopt;
}

std::optional<EntityRow> EntityStore::row(qint64 rowId) const
{
    auto *s = m_case.database().cached("SELECT id, eid, schema, caption FROM entity WHERE id=?");
    s->bind(1, rowId);
    std::optional<EntityRow> r;
    if (s->step()) {
        r = readRow(*s);
    }
    s->reset();
    return r;
}

namespace {
/// The conditions of a filter, to follow "WHERE 1", with `fts` its search as an FTS5 query.
QString filterConditions(const EntityFilter &filter, const QString &fts)
{
    QString sql;
    if (!filter.schema.isEmpty()) {
        sql += QLatin1String(" AND schema=?");
    }
    if (!filter.schemata.isEmpty()) {
        QStringList marks;
        marks.fill(QStringLiteral("?"), filter.schemata.size());
        sql += QLatin1String(" AND schema IN (") + marks.join(QLatin1String(", ")) + QLatin1Char(')');
    }
    if (!fts.isEmpty()) {
        sql += QLatin1String(" AND id IN (SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)");
    }
    if (filter.tagId > 0) {
        sql += QLatin1String(" AND id IN (SELECT target_id FROM tagging WHERE tag=? AND target_kind='entity')");
    }
    return sql;
}

/// Binds the values of filterConditions() in their order from index 1; returns the next index.
int bindFilter(Sql::Statement &s, const EntityFilter &filter, const QString &fts)
{
    int i = 1;
    if (!filter.schema.isEmpty()) {
        s.bind(i++, filter.schema);
    }
    for (const QString &name : filter.schemata) {
        s.bind(i++, name);
    }
    if (!fts.isEmpty()) {
        s.bind(i++, fts);
    }
    if (filter.tagId > 0) {
        s.bind(i++, filter.tagId);
    }
    return i;
}
} // namespace

qint64 EntityStore::count(const EntityFilter &filter) const
{
    auto &db = m_case.database();
    const QString fts = ftsQuery(filter.search);
    if (!filter.search.trimmed().isEmpty() && fts.isEmpty()) {
        return 0;
    }
    if (filter.tagId > 0 || !filter.schemata.isEmpty()) {
        // Rarer: the rows of one tag, or of a set of schemata, counted with the other conditions.
        auto st = db.prepare(QStringLiteral("SELECT count(*) FROM entity WHERE 1") + filterConditions(filter, fts));
        if (!st) {
            return 0;
        }
        bindFilter(**st, filter, fts);
        return (*st)->step() ? (*st)->int64(0) : 0;
    }
    Sql::Statement *s;
    if (fts.isEmpty()) {
        if (filter.schema.isEmpty()) {
            s = db.cached("SELECT count(*) FROM entity");
        } else {
            s = db.cached("SELECT count(*) FROM entity WHERE schema=?");
            s->bind(1, filter.schema);
        }
    } else if (filter.schema.isEmpty()) {
        s = db.cached("SELECT count(*) FROM entity_fts WHERE entity_fts MATCH ?");
        s->bind(1, fts);
    } else {
        s = db.cached("SELECT count(*) FROM entity WHERE schema=? AND id IN "
                      "(SELECT rowid FROM entity_fts WHERE entity_fts MATCH ?)");
        s->bind(1, filter.schema).bind(2, fts);
    }
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

QList<EntityRow> EntityStore::page(const EntityFilter &filter, qint64 offset, int limit, const EntityRow *after) const
{
    QList<EntityRow> rows;
    auto &db = m_case.database();
    const QString fts = ftsQuery(filter.search);
    if (!filter.search.trimmed().isEmpty() && fts.isEmpty()) {
        return rows;
    }
    QString sql = QStringLiteral("SELECT id, eid, schema, caption FROM entity WHERE 1") + filterConditions(filter, fts);
    if (after) {
        // The collation goes on the bound value: on the column it makes SQLite scan the whole
        // caption index instead of seeking into it (84 ms instead of 1 ms at 1M rows).
        sql += QLatin1String(" AND (caption, id) > (? COLLATE NOCASE, ?)");
    }
    sql += QLatin1String(" ORDER BY caption COLLATE NOCASE, id LIMIT ? OFFSET ?");
    auto st = db.prepare(sql);
    if (!st) {
        return rows;
    }
    auto &s = **st;
    int i = bindFilter(s, filter, fts);
    if (after) {
        s.bind(i++, after->caption);
        s.bind(i++, after->rowId);
    }
    s.bind(i++, qint64(limit));
    s.bind(i++, offset);
    while (s.step()) {
        rows.append(readRow(s));
    }
    return rows;
}

QList<QPair<QString, qint64>> EntityStore::countsBySchema() const
{
    QList<QPair<QString, qint64>> out;
    auto *s = m_case.database().cached("SELECT schema, count(*) FROM entity GROUP BY schema ORDER BY schema");
    while (s->step()) {
        out.append({s->text(0), s->int64(1)});
    }
    s->reset();
    return out;
}

QList<EntityRow> EntityStore::referencing(const QString &id, int limit) const
{
    QList<EntityRow> out;
    auto *s = m_case.database().cached(
        "SELECT DISTINCT e.id, e.eid, e.schema, e.caption FROM statement s JOIN entity e ON e.id = s.entity "
        "WHERE s.value=? AND s.flags & 4 ORDER BY e.id LIMIT ?");
    s->bind(1, id).bind(2, qint64(limit));
    while (s->step()) {
        out.append(readRow(*s));
    }
    s->reset();
    return out;
}

QList<SearchHit> EntityStore::search(const QString &query, int limit) const
{
    QList<SearchHit> hits;
    const QString fts = ftsQuery(query);
    if (fts.isEmpty()) {
        return hits;
    }
    auto &db = m_case.database();
    // No ranking over the whole match set: bm25 over a broad prefix costs hundreds of ms on
    // a million rows. Take the first hits and put exact name matches first.
    auto *s = db.cached("SELECT e.id, e.eid, e.schema, e.caption, highlight(entity_fts, 0, '[', ']') "
                        "FROM entity_fts JOIN entity e ON e.id = entity_fts.rowid WHERE entity_fts MATCH ? LIMIT ?");
    s->bind(1, fts).bind(2, qint64(limit));
    while (s->step()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Entity;
        h.rowId = s->int64(0);
        h.id = s->text(1);
        h.schema = s->text(2);
        h.caption = s->text(3);
        h.snippet = fromFtsText(s->text(4));
        hits.append(h);
    }
    s->reset();
    const QString plain = query.trimmed().remove(QLatin1Char('"')).toCaseFolded();
    std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit &a, const SearchHit &b) {
        return (a.caption.toCaseFolded() == plain) > (b.caption.toCaseFolded() == plain);
    });
    auto *t = db.cached("SELECT s.id, s.entity, e.eid, e.schema, e.caption, "
                        "snippet(source_fts, 0, '[', ']', '…', 16) FROM source_fts "
                        "JOIN source s ON s.id = source_fts.rowid JOIN entity e ON e.id = s.entity "
                        "WHERE source_fts MATCH ? LIMIT ?");
    t->bind(1, fts).bind(2, qint64(limit));
    while (t->step()) {
        SearchHit h;
        h.kind = SearchHit::Kind::Source;
        h.sourceId = t->int64(0);
        h.rowId = t->int64(1);
        h.id = t->text(2);
        h.schema = t->text(3);
        h.caption = t->text(4);
        h.snippet = fromFtsText(t->text(5)).simplified();
        hits.append(h);
    }
    t->reset();
    return hits;
}

Status EntityStore::forEach(const std::function<bool(const Entity &)> &fn) const
{
    auto st = m_case.database().prepare(QStringLiteral(
        "SELECT e.id, e.eid, e.schema, e.caption, e.extra, s.id, s.prop, s.value, s.prov, s.flags "
        "FROM entity e LEFT JOIN statement s ON s.entity = e.id ORDER BY e.id, s.id"));
    if (!st) {
        return st.error();
    }
    auto &s = **st;
    Entity current;
    while (s.step()) {
        const qint64 rowId = s.int64(0);
        if (rowId != current.rowId) {
            if (current.rowId && !fn(current)) {
                return {};
            }
            current = Entity{};
            current.rowId = rowId;
            current.id = s.text(1);
            current.schema = s.text(2);
            current.caption = s.text(3);
            if (!s.isNull(4)) {
                current.extra = QJsonDocument::fromJson(s.text(4).toUtf8()).object();
            }
        }
        if (!s.isNull(5)) {
            current.values.append(PropertyValue{s.int64(5), s.text(6), s.text(7), s.int64(8), int(s.int64(9))});
        }
    }
    if (s.hasError()) {
        return Error{s.error()};
    }
    if (current.rowId) {
        fn(current);
    }
    return {};
}

qint64 EntityStore::maxValueId() const
{
    auto *s = m_case.database().cached("SELECT coalesce(max(id), 0) FROM statement");
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

std::optional<PropertyValue> EntityStore::value(qint64 valueId) const
{
    auto *s = m_case.database().cached("SELECT id, prop, value, prov, flags FROM statement WHERE id=?");
    s->bind(1, valueId);
    std::optional<PropertyValue> v;
    if (s->step()) {
        v = PropertyValue{s->int64(0), s->text(1), s->text(2), s->int64(3), int(s->int64(4))};
    }
    s->reset();
    return v;
}

qint64 EntityStore::countDangling(qint64 afterValueId) const
{
    // A few new values: walk them by id. Many (a bulk import, or the whole case): walk the
    // reference index instead, whose target order makes the lookups of the targets go through the
    // id index in order too (at 1M entities 0.4 s against 2-3 s for lookups in id order).
    const qint64 newest = maxValueId();
    const bool many = newest - afterValueId > newest / 2;
    auto *s = m_case.database().cached(
        many ? "SELECT count(*) FROM statement s WHERE s.flags & 4 AND +s.id > ? "
               "AND NOT EXISTS (SELECT 1 FROM entity e WHERE e.eid = s.value)"
             : "SELECT count(*) FROM statement s WHERE s.id > ? AND s.flags & 4 "
               "AND NOT EXISTS (SELECT 1 FROM entity e WHERE e.eid = s.value)");
    s->bind(1, afterValueId);
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

// ---------------------------------------------------------------- writing

namespace {
// The secondary indexes of schema version 1 that bulk imports may defer. statement_entity stays:
// merges read an entity's values through it, and at 1M entities appending to it in entity order
// costs less than sorting it afterwards (measured: 30.5 s against 37 s for the whole import).
const char *const kSecondaryIndexes[][2] = {
    {"entity_caption", "CREATE INDEX entity_caption ON entity(caption COLLATE NOCASE, id)"},
    {"entity_schema", "CREATE INDEX entity_schema ON entity(schema, caption COLLATE NOCASE, id)"},
    {"statement_ref", "CREATE INDEX statement_ref ON statement(value) WHERE flags & 4"},
};
} // namespace

Status EntityStore::deferIndexes()
{
    for (const auto &ix : kSecondaryIndexes) {
        if (auto st = m_case.database().exec(QStringLiteral("DROP INDEX IF EXISTS ") + QLatin1String(ix[0])); !st) {
            return st;
        }
    }
    return {};
}

Status EntityStore::rebuildIndexes()
{
    // Single-threaded sorts: PRAGMA threads=2 made a 1M import slower (more CPU, more memory).
    for (const auto &ix : kSecondaryIndexes) {
        const QString create = QString::fromLatin1(ix[1]).replace(QLatin1String("CREATE INDEX"),
                                                                   QLatin1String("CREATE INDEX IF NOT EXISTS"));
        if (auto st = m_case.database().exec(create); !st) {
            return st;
        }
    }
    return {};
}

Status EntityStore::insertValues(qint64 rowId, const Schema &schema, const QList<PropertyValue> &values,
                                 qint64 provenanceId, bool keepIds, QStringList *names)
{
    auto &db = m_case.database();
    const auto flagsOf = [&](const PropertyValue &v) {
        const PropertySpec *spec = schema.property(v.property);
        int flags = v.flags & ~Reference;
        if (spec && spec->type == PropertyType::Entity) {
            flags |= Reference;
        }
        if (names && spec && spec->type == PropertyType::Name) {
            names->append(v.value); // one schema lookup per value serves the search row too
        }
        return qint64(flags);
    };
    if (keepIds) {
        // Undo and restore put rows back with their original ids and provenance.
        auto *ins = db.cached("INSERT INTO statement(id, entity, prop, value, prov, flags) VALUES(?,?,?,?,?,?)");
        for (const auto &v : values) {
            ins->bind(1, v.id);
            ins->bind(2, rowId);
            ins->bind(3, v.property);
            ins->bind(4, v.value);
            ins->bind(5, v.provenanceId ? v.provenanceId : provenanceId);
            ins->bind(6, flagsOf(v));
            if (auto st = ins->run(); !st) {
                return st;
            }
        }
        return {};
    }
    // Imports write several values per entity: one multi-row INSERT per chunk of up to
    // kChunk values saves a statement execution per value. Row order (= id order) is kept.
    static constexpr int kChunk = 8;
    static const auto sql = [] {
        std::array<std::string, kChunk + 1> out;
        for (int k = 1; k <= kChunk; ++k) {
            // OR FAIL: no statement journal (and so no FTS5 savepoint flush) per execution; the
            // surrounding transaction rolls back on any error anyway.
            std::string q = "INSERT OR FAIL INTO statement(entity, prop, value, prov, flags) VALUES(?,?,?,?,?)";
            for (int j = 1; j < k; ++j) {
                q += ",(?,?,?,?,?)";
            }
            out[size_t(k)] = q;
        }
        return out;
    }();
    for (qsizetype at = 0; at < values.size(); at += kChunk) {
        const int k = int(qMin<qsizetype>(kChunk, values.size() - at));
        auto *ins = db.cached(sql[size_t(k)].c_str());
        for (int j = 0; j < k; ++j) {
            const PropertyValue &v = values.at(at + j);
            const int b = j * 5;
            ins->bind(b + 1, rowId);
            ins->bindKept(b + 2, v.property.toUtf8());
            ins->bindKept(b + 3, v.value.toUtf8());
            ins->bind(b + 4, provenanceId);
            ins->bind(b + 5, flagsOf(v));
        }
        if (auto st = ins->run(); !st) {
            return st;
        }
    }
    return {};
}

Status EntityStore::refreshDerived(qint64 rowId)
{
    const auto e = entity(rowId);
    if (!e) {
        return {};
    }
    const Schema *schema = SchemaRegistry::instance().schema(e->schema);
    if (!schema) {
        return {};
    }
    auto &db = m_case.database();
    auto *up = db.cached("UPDATE entity SET caption=? WHERE id=?");
    up->bind(1, captionFor(*schema, *e)).bind(2, rowId);
    if (auto st = up->run(); !st) {
        return st;
    }
    auto *del = db.cached("DELETE FROM entity_fts WHERE rowid=?");
    del->bind(1, rowId);
    if (auto st = del->run(); !st) {
        return st;
    }
    QStringList names;
    for (const auto &v : e->values) {
        const PropertySpec *spec = schema->property(v.property);
        if (spec && spec->type == PropertyType::Name) {
            names << v.value;
        }
    }
    if (names.isEmpty()) {
        return {};
    }
    auto *ins = db.cached("INSERT INTO entity_fts(rowid, names) VALUES(?, ?)");
    ins->bind(1, rowId).bind(2, ftsText(names.join(QLatin1Char(' '))));
    return ins->run();
}

Result<qint64> EntityStore::create(const Entity &input, qint64 provenanceId)
{
    const auto &reg = SchemaRegistry::instance();
    const Schema *schema = reg.schema(input.schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(input.schema)};
    }
    if (schema->abstract) {
        return Error{tr("schema \"%1\" is abstract; choose a concrete schema such as Company or Person")
                         .arg(input.schema)};
    }
    for (const auto &v : input.values) {
        if (v.flags & UnknownProperty) {
            continue;
        }
        if (auto st = reg.validate(*schema, v.property, v.value); !st) {
            return st.error();
        }
    }
    Entity e = input;
    if (e.id.isEmpty()) {
        e.id = QString::fromLatin1(
            QCryptographicHash::hash(QUuid::createUuid().toRfc4122(), QCryptographicHash::Sha1).toHex());
    }
    if (rowIdOf(e.id)) {
        return Error{tr("an entity with id \"%1\" already exists").arg(e.id)};
    }
    ScopedWrite tx(m_case.database());
    auto *ins = m_case.database().cached("INSERT INTO entity(eid, schema, caption, extra) VALUES(?,?,?,?)");
    ins->bind(1, e.id).bind(2, e.schema).bind(3, captionFor(*schema, e));
    if (e.extra.isEmpty()) {
        ins->bindNull(4);
    } else {
        ins->bind(4, QJsonDocument(e.extra).toJson(QJsonDocument::Compact));
    }
    if (auto st = ins->run(); !st) {
        return st.error();
    }
    const qint64 rowId = m_case.database().lastInsertRowId();
    if (auto st = insertValues(rowId, *schema, e.values, provenanceId, false); !st) {
        return st.error();
    }
    if (auto st = refreshDerived(rowId); !st) {
        return st.error();
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.entityAdded(rowId);
    return rowId;
}

Result<qint64> EntityStore::addValue(qint64 entityRowId, const QString &property, const QString &value,
                                     qint64 provenanceId)
{
    const auto r = row(entityRowId);
    if (!r) {
        return Error{tr("no entity with row %1").arg(entityRowId)};
    }
    const Schema *schema = SchemaRegistry::instance().schema(r->schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(r->schema)};
    }
    if (auto st = SchemaRegistry::instance().validate(*schema, property, value); !st) {
        return st.error();
    }
    qint64 id = 0;
    if (auto st = editValues(entityRowId, [&]() -> Status {
            auto inserted = insertValues(entityRowId, *schema, {PropertyValue{0, property, value, provenanceId, 0}},
                                         provenanceId, false);
            id = m_case.database().lastInsertRowId();
            return inserted;
        });
        !st) {
        return st.error();
    }
    return id;
}

Status EntityStore::changeValue(qint64 valueId, const QString &value, qint64 provenanceId)
{
    auto &db = m_case.database();
    auto *s = db.cached("SELECT s.entity, e.schema, s.prop FROM statement s JOIN entity e ON e.id = s.entity "
                        "WHERE s.id=?");
    s->bind(1, valueId);
    if (!s->step()) {
        s->reset();
        return Error{tr("the value no longer exists")};
    }
    const qint64 entityRowId = s->int64(0);
    const QString schemaName = s->text(1), prop = s->text(2);
    s->reset();
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (schema && schema->property(prop)) {
        if (auto st = SchemaRegistry::instance().validate(*schema, prop, value); !st) {
            return st;
        }
    }
    return editValues(entityRowId, [&] {
        auto *up = db.cached("UPDATE statement SET value=?, prov=? WHERE id=?");
        up->bind(1, value).bind(2, provenanceId).bind(3, valueId);
        return up->run();
    });
}

Status EntityStore::removeValue(qint64 valueId)
{
    auto &db = m_case.database();
    auto *s = db.cached("SELECT entity FROM statement WHERE id=?");
    s->bind(1, valueId);
    if (!s->step()) {
        s->reset();
        return Error{tr("the value no longer exists")};
    }
    const qint64 entityRowId = s->int64(0);
    s->reset();
    return editValues(entityRowId, [&] {
        auto *del = db.cached("DELETE FROM statement WHERE id=?");
        del->bind(1, valueId);
        return del->run();
    });
}

Status EntityStore::restoreValue(qint64 entityRowId, const PropertyValue &value)
{
    const auto r = row(entityRowId);
    if (!r) {
        return Error{tr("no entity with row %1").arg(entityRowId)};
    }
    const Schema *schema = SchemaRegistry::instance().schema(r->schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(r->schema)};
    }
    return editValues(entityRowId,
                      [&] { return insertValues(entityRowId, *schema, {value}, value.provenanceId, true); });
}

Status EntityStore::editValues(qint64 entityRowId, const std::function<Status()> &change)
{
    ScopedWrite tx(m_case.database());
    if (auto st = change(); !st) {
        return st;
    }
    if (auto st = refreshDerived(entityRowId); !st) {
        return st;
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.entityChanged(entityRowId);
    return {};
}

Result<EntitySnapshot> EntityStore::remove(qint64 rowId)
{
    auto e = entity(rowId);
    if (!e) {
        return Error{tr("no entity with row %1").arg(rowId)};
    }
    if (m_case.evidence().sourceForEntity(rowId)) {
        return Error{tr("\"%1\" holds a preserved source; sources are evidence and cannot be deleted")
                         .arg(e->caption)};
    }
    EntitySnapshot snap{*e, m_case.evidence().claimsFor(rowId), m_case.charts().placements(rowId)};
    auto &db = m_case.database();
    ScopedWrite tx(db);
    auto *fts = db.cached("DELETE FROM entity_fts WHERE rowid=?");
    fts->bind(1, rowId);
    if (auto st = fts->run(); !st) {
        return st.error();
    }
    auto *del = db.cached("DELETE FROM entity WHERE id=?");
    del->bind(1, rowId);
    if (auto st = del->run(); !st) {
        return st.error();
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.entityRemoved(rowId);
    return snap;
}

Status EntityStore::restore(const EntitySnapshot &snap)
{
    const Schema *schema = SchemaRegistry::instance().schema(snap.entity.schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(snap.entity.schema)};
    }
    auto &db = m_case.database();
    ScopedWrite tx(db);
    auto *ins = db.cached("INSERT INTO entity(id, eid, schema, caption, extra) VALUES(?,?,?,?,?)");
    ins->bind(1, snap.entity.rowId).bind(2, snap.entity.id).bind(3, snap.entity.schema).bind(4, snap.entity.caption);
    if (snap.entity.extra.isEmpty()) {
        ins->bindNull(5);
    } else {
        ins->bind(5, QJsonDocument(snap.entity.extra).toJson(QJsonDocument::Compact));
    }
    if (auto st = ins->run(); !st) {
        return st;
    }
    if (auto st = insertValues(snap.entity.rowId, *schema, snap.entity.values, 0, true); !st) {
        return st;
    }
    if (auto st = refreshDerived(snap.entity.rowId); !st) {
        return st;
    }
    if (auto st = m_case.evidence().restoreClaims(snap.claims); !st) {
        return st;
    }
    for (const auto &[chartId, node] : snap.placements) {
        if (!m_case.charts().chart(chartId)) {
            continue; // the chart was deleted meanwhile
        }
        if (auto st = m_case.charts().setNodes(chartId, {node}); !st) {
            return st;
        }
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.entityAdded(snap.entity.rowId);
    return {};
}

Result<WriteOutcome> EntityStore::write(const Entity &e, qint64 provenanceId)
{
    auto &db = m_case.database();
    const auto &reg = SchemaRegistry::instance();
    const Schema *schema = reg.schema(e.schema);
    if (!schema) {
        return Error{tr("unknown schema \"%1\"").arg(e.schema)};
    }
    auto *ins = db.cached("INSERT INTO entity(eid, schema, caption, extra) VALUES(?,?,?,?) ON CONFLICT(eid) DO NOTHING");
    ins->bind(1, e.id).bind(2, e.schema).bind(3, captionFor(*schema, e));
    if (e.extra.isEmpty()) {
        ins->bindNull(4);
    } else {
        ins->bind(4, QJsonDocument(e.extra).toJson(QJsonDocument::Compact));
    }
    if (auto st = ins->run(); !st) {
        return st.error();
    }
    if (db.changes() == 1) {
        const qint64 rowId = db.lastInsertRowId();
        QStringList names;
        if (auto st = insertValues(rowId, *schema, e.values, provenanceId, false, &names); !st) {
            return st.error();
        }
        if (!names.isEmpty()) {
            auto *fts = db.cached("INSERT INTO entity_fts(rowid, names) VALUES(?, ?)");
            fts->bind(1, rowId).bind(2, ftsText(names.join(QLatin1Char(' '))));
            if (auto st = fts->run(); !st) {
                return st.error();
            }
        }
        return WriteOutcome::Created;
    }
    // The id is already in the case: merge. Identical values keep their first provenance.
    auto existing = entityById(e.id);
    if (!existing) {
        return Error{tr("entity \"%1\" vanished during the import").arg(e.id)};
    }
    const Schema *target = schema;
    if (existing->schema != e.schema) {
        target = reg.common(existing->schema, e.schema);
        if (!target) {
            return Error{tr("entity \"%1\" is a %2 in the case but a %3 here; the schemata are incompatible")
                             .arg(e.id, existing->schema, e.schema)};
        }
    }
    QSet<QPair<QString, QString>> have;
    for (const auto &v : existing->values) {
        have.insert({v.property, v.value});
    }
    QList<PropertyValue> fresh;
    for (const auto &v : e.values) {
        if (!have.contains({v.property, v.value})) {
            have.insert({v.property, v.value});
            fresh.append(v);
        }
    }
    const bool schemaChanged = target->name != existing->schema;
    if (fresh.isEmpty() && !schemaChanged) {
        return WriteOutcome::Unchanged;
    }
    if (schemaChanged) {
        auto *up = db.cached("UPDATE entity SET schema=? WHERE id=?");
        up->bind(1, target->name).bind(2, existing->rowId);
        if (auto st = up->run(); !st) {
            return st.error();
        }
    }
    if (auto st = insertValues(existing->rowId, *target, fresh, provenanceId, false); !st) {
        return st.error();
    }
    if (auto st = refreshDerived(existing->rowId); !st) {
        return st.error();
    }
    return WriteOutcome::Merged;
}

} // namespace Casegraph::Models

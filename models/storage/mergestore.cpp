// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergestore.h"
#include "casefile.h"
#include "core/schema.h"
#include "entitystore.h"
#include "evidencestore.h"
#include "sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

/// Binds a row id or an FtM id.
void bindKey(Sql::Statement &s, int index, const QVariant &key)
{
    if (key.typeId() == QMetaType::QString) {
        s.bind(index, key.toString());
    } else {
        s.bind(index, key.toLongLong());
    }
}

/// Row ids selected by `sql` with one bound key, as a JSON array (what json_each() reads back).
Result<QJsonArray> ids(Sql::Database &db, const char *sql, const QVariant &key)
{
    auto q = db.prepare(QString::fromLatin1(sql));
    if (!q) {
        return q.error();
    }
    bindKey(**q, 1, key);
    QJsonArray out;
    while ((*q)->step()) {
        out.append((*q)->int64(0));
    }
    if ((*q)->hasError()) {
        return Error{(*q)->error()};
    }
    return out;
}

/// Runs `sql` with ?1 = a value and ?2 = a JSON array of row ids.
Status update(Sql::Database &db, const char *sql, const QVariant &value, const QJsonArray &rows)
{
    if (rows.isEmpty()) {
        return {};
    }
    auto q = db.prepare(QString::fromLatin1(sql));
    if (!q) {
        return q.error();
    }
    bindKey(**q, 1, value);
    (*q)->bind(2, QJsonDocument(rows).toJson(QJsonDocument::Compact));
    return (*q)->run();
}

// The tables whose rows follow the merged entity, by row id: (select by entity row, move to a row).
struct Moved {
    const char *key;
    const char *select;
    const char *move;
};
const Moved kMoved[] = {
    {"statements", "SELECT id FROM statement WHERE entity = ?",
     "UPDATE statement SET entity = ?1 WHERE id IN (SELECT value FROM json_each(?2))"},
    {"claims", "SELECT id FROM claim WHERE entity = ?",
     "UPDATE claim SET entity = ?1 WHERE id IN (SELECT value FROM json_each(?2))"},
    {"notes", "SELECT id FROM note WHERE target_kind = 'entity' AND target_id = ?",
     "UPDATE note SET target_id = ?1 WHERE id IN (SELECT value FROM json_each(?2))"},
    {"decisions", "SELECT id FROM screening_decision WHERE entity = ?",
     "UPDATE screening_decision SET entity = ?1 WHERE id IN (SELECT value FROM json_each(?2))"},
    {"merges", "SELECT id FROM entity_merge WHERE kept = ?",
     "UPDATE entity_merge SET kept = ?1 WHERE id IN (SELECT value FROM json_each(?2))"},
};

} // namespace

MergeStore::MergeStore(CaseFile &caseFile) : m_case(caseFile) {}

Result<qint64> MergeStore::merge(qint64 keptRowId, qint64 mergedRowId)
{
    auto &entities = m_case.entities();
    const auto kept = entities.entity(keptRowId);
    const auto merged = entities.entity(mergedRowId);
    if (!kept || !merged || keptRowId == mergedRowId) {
        return Error{tr("choose two different entities of the case to merge")};
    }
    const auto &reg = SchemaRegistry::instance();
    const Schema *ks = reg.schema(kept->schema);
    const Schema *ms = reg.schema(merged->schema);
    if (!ks || !ms || !(ks->isA(ms->name) || ms->isA(ks->name))) {
        return Error{tr("a %1 and a %2 cannot be merged: neither schema is a kind of the other")
                         .arg(kept->schema, merged->schema)};
    }
    if (m_case.evidence().sourceForEntity(keptRowId) || m_case.evidence().sourceForEntity(mergedRowId)) {
        return Error{tr("documents holding a preserved source are not merged")};
    }
    auto &db = m_case.database();
    // Inside the merge command's transaction when undoable (the command writes the audit
    // entry); called on its own, the merge is one transaction with its own entry.
    const bool own = db.isAutocommit();
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    QJsonObject record{
        {QStringLiteral("merged"),
         QJsonObject{{QStringLiteral("row"), mergedRowId},
                     {QStringLiteral("eid"), merged->id},
                     {QStringLiteral("schema"), merged->schema},
                     {QStringLiteral("caption"), merged->caption},
                     {QStringLiteral("extra"), merged->extra.isEmpty() ? QJsonValue() : QJsonValue(merged->extra)}}},
        {QStringLiteral("kept"),
         QJsonObject{{QStringLiteral("schema"), kept->schema}, {QStringLiteral("caption"), kept->caption}}},
    };
    for (const Moved &m : kMoved) {
        auto rows = ids(db, m.select, mergedRowId);
        if (!rows) {
            return rows.error();
        }
        if (auto st = update(db, m.move, keptRowId, *rows); !st) {
            return st.error();
        }
        record.insert(QLatin1String(m.key), *rows);
    }
    // References to the merged id (relationships, Sanctions, other entities' properties).
    auto refs = ids(db, "SELECT id FROM statement WHERE flags & 4 AND value = ?", merged->id);
    if (!refs) {
        return refs.error();
    }
    if (auto st = update(db, "UPDATE statement SET value = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
                         kept->id, *refs);
        !st) {
        return st.error();
    }
    record.insert(QStringLiteral("references"), *refs);
    // Chart places: the kept entity takes the merged one's place where it was not on the chart.
    QJsonArray nodes;
    {
        auto q = db.prepare(QStringLiteral(
            "SELECT chart, x, y, pinned, hidden, grp, EXISTS(SELECT 1 FROM chart_node k WHERE k.chart = n.chart "
            "AND k.entity = ?2) FROM chart_node n WHERE entity = ?1"));
        if (!q) {
            return q.error();
        }
        (*q)->bind(1, mergedRowId).bind(2, keptRowId);
        while ((*q)->step()) {
            auto &s = **q;
            nodes.append(QJsonObject{{QStringLiteral("chart"), s.int64(0)},
                                     {QStringLiteral("x"), s.real(1)},
                                     {QStringLiteral("y"), s.real(2)},
                                     {QStringLiteral("pinned"), s.int64(3)},
                                     {QStringLiteral("hidden"), s.int64(4)},
                                     {QStringLiteral("grp"), s.isNull(5) ? QJsonValue() : QJsonValue(s.text(5))},
                                     {QStringLiteral("moved"), s.int64(6) == 0}});
        }
        auto move = db.prepare(QStringLiteral("UPDATE chart_node SET entity = ?1 WHERE entity = ?2 AND NOT EXISTS("
                                              "SELECT 1 FROM chart_node k WHERE k.chart = chart_node.chart AND k.entity = ?1)"));
        if (!move) {
            return move.error();
        }
        (*move)->bind(1, keptRowId).bind(2, mergedRowId);
        if (auto st = (*move)->run(); !st) {
            return st.error();
        }
    }
    record.insert(QStringLiteral("chartNodes"), nodes);
    // The merged row goes (its remaining chart places cascade); the kept one takes the more specific schema.
    for (const char *sql : {"DELETE FROM entity_fts WHERE rowid = ?", "DELETE FROM entity WHERE id = ?"}) {
        auto *s = db.cached(sql);
        s->bind(1, mergedRowId);
        if (auto st = s->run(); !st) {
            return st.error();
        }
    }
    if (ms->isA(ks->name) && ms != ks) {
        auto *s = db.cached("UPDATE entity SET schema = ? WHERE id = ?");
        s->bind(1, merged->schema).bind(2, keptRowId);
        if (auto st = s->run(); !st) {
            return st.error();
        }
    }
    if (auto st = entities.refreshDerived(keptRowId); !st) {
        return st.error();
    }
    auto *ins = db.cached("INSERT INTO entity_merge(kept, merged_eid, record, actor, at) VALUES(?, ?, ?, ?, ?)");
    ins->bind(1, keptRowId)
        .bind(2, merged->id)
        .bind(3, QJsonDocument(record).toJson(QJsonDocument::Compact))
        .bind(4, m_case.actor())
        .bind(5, now());
    if (auto st = ins->run(); !st) {
        return st.error();
    }
    const qint64 id = db.lastInsertRowId();
    if (own) {
        if (auto st = m_case.appendAudit(QStringLiteral("entity.merge"),
                                         QJsonObject{{QStringLiteral("kept"), keptRowId}, {QStringLiteral("merged"), mergedRowId}},
                                         QJsonObject{{QStringLiteral("kept"), keptRowId}, {QStringLiteral("merge"), id}},
                                         QStringLiteral("entity:%1").arg(keptRowId));
            !st) {
            return st.error();
        }
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT m_case.entitiesReset();
    return id;
}

Status MergeStore::split(qint64 mergeId)
{
    auto &db = m_case.database();
    qint64 kept = 0;
    QJsonObject record;
    {
        auto *s = db.cached("SELECT kept, record, split_at FROM entity_merge WHERE id = ?");
        s->bind(1, mergeId);
        if (!s->step()) {
            return Error{tr("no merge %1 in the case").arg(mergeId)};
        }
        kept = s->int64(0);
        record = QJsonDocument::fromJson(s->blob(1)).object();
        const bool done = !s->isNull(2);
        s->reset();
        if (done) {
            return Error{tr("merge %1 was already split").arg(mergeId)};
        }
    }
    const auto standing = merges(kept);
    if (standing.isEmpty() || standing.first().id != mergeId) {
        return Error{tr("split the later merges into this entity first")};
    }
    const QJsonObject merged = record.value(QLatin1String("merged")).toObject();
    const QJsonObject before = record.value(QLatin1String("kept")).toObject();
    const qint64 mergedRow = merged.value(QLatin1String("row")).toInteger();
    const QString mergedId = merged.value(QLatin1String("eid")).toString();
    const bool own = db.isAutocommit(); // as in merge(): on its own, its own audit entry
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    {
        auto *s = db.cached("INSERT INTO entity(id, eid, schema, caption, extra) VALUES(?, ?, ?, ?, ?)");
        s->bind(1, mergedRow)
            .bind(2, mergedId)
            .bind(3, merged.value(QLatin1String("schema")).toString())
            .bind(4, merged.value(QLatin1String("caption")).toString());
        if (merged.value(QLatin1String("extra")).isObject()) {
            s->bind(5, QJsonDocument(merged.value(QLatin1String("extra")).toObject()).toJson(QJsonDocument::Compact));
        } else {
            s->bindNull(5);
        }
        if (auto st = s->run(); !st) {
            return Error{tr("cannot restore the merged entity: %1").arg(st.error().message)};
        }
    }
    for (const Moved &m : kMoved) {
        if (auto st = update(db, m.move, mergedRow, record.value(QLatin1String(m.key)).toArray()); !st) {
            return st;
        }
    }
    if (auto st = update(db, "UPDATE statement SET value = ?1 WHERE id IN (SELECT value FROM json_each(?2))",
                         mergedId, record.value(QLatin1String("references")).toArray());
        !st) {
        return st;
    }
    for (const QJsonValue &v : record.value(QLatin1String("chartNodes")).toArray()) {
        const QJsonObject n = v.toObject();
        const qint64 chart = n.value(QLatin1String("chart")).toInteger();
        if (n.value(QLatin1String("moved")).toBool()) {
            auto *del = db.cached("DELETE FROM chart_node WHERE chart = ? AND entity = ?");
            del->bind(1, chart).bind(2, kept);
            if (auto st = del->run(); !st) {
                return st;
            }
        }
        auto *ins = db.cached("INSERT INTO chart_node(chart, entity, x, y, pinned, hidden, grp) VALUES(?,?,?,?,?,?,?)");
        ins->bind(1, chart)
            .bind(2, mergedRow)
            .bind(3, n.value(QLatin1String("x")).toDouble())
            .bind(4, n.value(QLatin1String("y")).toDouble())
            .bind(5, n.value(QLatin1String("pinned")).toInteger())
            .bind(6, n.value(QLatin1String("hidden")).toInteger());
        if (n.value(QLatin1String("grp")).isString()) {
            ins->bind(7, n.value(QLatin1String("grp")).toString());
        } else {
            ins->bindNull(7);
        }
        if (auto st = ins->run(); !st) {
            return st;
        }
    }
    auto &entities = m_case.entities();
    for (const qint64 row : {kept, mergedRow}) {
        if (auto st = entities.refreshDerived(row); !st) {
            return st;
        }
    }
    // The exact schema and captions from before (a caption may have been typed, not derived).
    auto *restore = db.cached("UPDATE entity SET schema = ?, caption = ? WHERE id = ?");
    for (const auto &[row, what] : {std::pair{kept, before}, std::pair{mergedRow, merged}}) {
        restore->bind(1, what.value(QLatin1String("schema")).toString())
            .bind(2, what.value(QLatin1String("caption")).toString())
            .bind(3, row);
        if (auto st = restore->run(); !st) {
            return st;
        }
    }
    auto *mark = db.cached("UPDATE entity_merge SET split_at = ? WHERE id = ?");
    mark->bind(1, now()).bind(2, mergeId);
    if (auto st = mark->run(); !st) {
        return st;
    }
    if (own) {
        if (auto st = m_case.appendAudit(QStringLiteral("entity.split"), QJsonObject{{QStringLiteral("merge"), mergeId}},
                                         QJsonObject{{QStringLiteral("kept"), kept}, {QStringLiteral("restored"), mergedRow}},
                                         QStringLiteral("entity:%1").arg(kept));
            !st) {
            return st;
        }
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.entitiesReset();
    return {};
}

QList<EntityMerge> MergeStore::merges(qint64 keptRowId, bool all) const
{
    QString sql = QStringLiteral("SELECT id, kept, merged_eid, record, actor, at, split_at FROM entity_merge WHERE 1");
    if (keptRowId) {
        sql += QStringLiteral(" AND kept = ?1");
    }
    if (!all) {
        sql += QStringLiteral(" AND split_at IS NULL");
    }
    QList<EntityMerge> out;
    auto q = m_case.database().prepare(sql + QStringLiteral(" ORDER BY id DESC"));
    if (!q) {
        return out;
    }
    if (keptRowId) {
        (*q)->bind(1, keptRowId);
    }
    while ((*q)->step()) {
        auto &s = **q;
        const QJsonObject merged = QJsonDocument::fromJson(s.blob(3)).object().value(QLatin1String("merged")).toObject();
        EntityMerge m;
        m.id = s.int64(0);
        m.keptRowId = s.int64(1);
        m.mergedId = s.text(2);
        m.mergedRowId = merged.value(QLatin1String("row")).toInteger();
        m.mergedCaption = merged.value(QLatin1String("caption")).toString();
        m.actor = s.text(4);
        m.at = QDateTime::fromString(s.text(5), Qt::ISODateWithMs);
        if (!s.isNull(6)) {
            m.splitAt = QDateTime::fromString(s.text(6), Qt::ISODateWithMs);
        }
        out << m;
    }
    return out;
}

} // namespace Casegraph::Models

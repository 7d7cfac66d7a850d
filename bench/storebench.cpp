// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-bench raw FILE DB      the peer: a plain SQLite insert of the same FtM rows
//                                  (id TEXT PRIMARY KEY, schema, properties JSON), one
//                                  transaction, WAL, synchronous=NORMAL, C API
// casegraph-bench rows FILE CASE   the second peer: the rows Casegraph stores for the same file
//                                  (entity, one statement row per value, the names' FTS5
//                                  row) written straight through the C API into a new case
//                                  file with the same tables, pragmas and deferred indexes:
//                                  what SQLite itself costs for our layout
// casegraph-bench query CASE       info, count, search and deep-page latencies on a case
// casegraph-bench bound FILE DB    the leanest layout a future schema could use (layoutbound.cpp)
#include "core/schema.h"
#include "ftmvalues.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <simdjson.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <functional>
#include <vector>

using namespace Casegraph;
using namespace Casegraph::Models;

int layoutBound(const char *file, const char *dbPath);

namespace {

int raw(const char *file, const char *dbPath)
{
    std::remove(dbPath);
    sqlite3 *db = nullptr;
    if (sqlite3_open(dbPath, &db) != SQLITE_OK) {
        std::fprintf(stderr, "%s: cannot open\n", dbPath);
        return 1;
    }
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
                     "CREATE TABLE entity(id TEXT PRIMARY KEY, schema TEXT NOT NULL, properties TEXT NOT NULL);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *ins = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO entity(id, schema, properties) VALUES(?,?,?)", -1, &ins, nullptr);
    QFile f(QString::fromLocal8Bit(file));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot open\n", file);
        return 1;
    }
    QElapsedTimer t;
    t.start();
    simdjson::dom::parser parser;
    qint64 rows = 0;
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (line.trimmed().isEmpty()) {
            continue;
        }
        simdjson::dom::element doc;
        if (parser.parse(line.constData(), size_t(line.size())).get(doc)) {
            std::fprintf(stderr, "%s:%lld: bad JSON\n", file, rows + 1);
            return 1;
        }
        std::string_view id, schema;
        if (doc["id"].get(id) || doc["schema"].get(schema)) {
            std::fprintf(stderr, "%s:%lld: no id or schema\n", file, rows + 1);
            return 1;
        }
        const std::string props = simdjson::minify(doc["properties"]);
        sqlite3_bind_text(ins, 1, id.data(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 2, schema.data(), int(schema.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ins, 3, props.data(), int(props.size()), SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE) {
            std::fprintf(stderr, "insert failed: %s\n", sqlite3_errmsg(db));
            return 1;
        }
        sqlite3_reset(ins);
        ++rows;
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(ins);
    sqlite3_close(db);
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("raw-sqlite-insert rows=%lld seconds=%.2f rate=%.0f rows/s\n", rows, secs, rows / secs);
    return 0;
}

/// Prepares `sql` or exits: the peer has no error path worth more than a message.
sqlite3_stmt *prepareOrDie(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "prepare failed: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
    return stmt;
}

void stepOrDie(sqlite3 *db, sqlite3_stmt *stmt)
{
    if (sqlite3_step(stmt) != SQLITE_DONE) {
        std::fprintf(stderr, "insert failed: %s\n", sqlite3_errmsg(db));
        std::exit(1);
    }
    sqlite3_reset(stmt);
}

int rows(const char *file, const char *casePath)
{
    const QString path = QString::fromLocal8Bit(casePath);
    for (const char *suffix : {"", "-wal", "-shm"}) {
        QFile::remove(path + QLatin1String(suffix));
    }
    {
        CaseFile cf;
        if (auto st = cf.create(path); !st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
            return 1;
        }
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(casePath, &db) != SQLITE_OK) {
        std::fprintf(stderr, "%s: cannot open\n", casePath);
        return 1;
    }
    const auto &reg = SchemaRegistry::instance();
    QFile f(QString::fromLocal8Bit(file));
    if (!f.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot open\n", file);
        return 1;
    }
    QElapsedTimer t;
    t.start();
    // The import's settings: WAL, a 256 MiB cache, no FK checks, secondary indexes rebuilt at the end.
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;"
                     "PRAGMA cache_size=-262144; BEGIN IMMEDIATE;"
                     "INSERT INTO provenance(kind,label,actor,at) VALUES('import','peer','bench','now');"
                     "DROP INDEX entity_caption; DROP INDEX entity_schema; DROP INDEX statement_ref;",
                 nullptr, nullptr, nullptr);
    const sqlite3_int64 prov = sqlite3_last_insert_rowid(db);
    sqlite3_stmt *ent = prepareOrDie(db, "INSERT INTO entity(eid, schema, caption) VALUES(?,?,?)");
    sqlite3_stmt *val = prepareOrDie(db, "INSERT INTO statement(entity, prop, value, prov, flags) VALUES(?,?,?,?,?)");
    sqlite3_stmt *fts = prepareOrDie(db, "INSERT INTO entity_fts(rowid, names) VALUES(?,?)");
    simdjson::dom::parser parser;
    qint64 n = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (line.trimmed().isEmpty()) {
            continue;
        }
        simdjson::dom::element doc;
        std::string_view id, schemaName;
        simdjson::dom::object props;
        if (parser.parse(line.constData(), size_t(line.size())).get(doc) || doc["id"].get(id) ||
            doc["schema"].get(schemaName) || doc["properties"].get(props)) {
            std::fprintf(stderr, "%s:%lld: bad record\n", file, n + 1);
            return 1;
        }
        const Schema *schema = reg.schema(QString::fromUtf8(schemaName.data(), qsizetype(schemaName.size())));
        std::string caption, names;
        struct Value {
            std::string_view prop, value;
            int flags;
        };
        std::vector<Value> values;
        Bench::forEachFtmValue(schema, props, [&](std::string_view prop, std::string_view v, const PropertySpec *spec) {
            values.push_back({prop, v, spec && spec->type == PropertyType::Entity ? 4 : 0});
            if (spec && spec->type == PropertyType::Name) {
                if (caption.empty() && prop == "name") {
                    caption = v;
                }
                names += names.empty() ? "" : " ";
                names += v;
            }
        });
        if (caption.empty()) {
            caption = id;
        }
        sqlite3_bind_text(ent, 1, id.data(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ent, 2, schemaName.data(), int(schemaName.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(ent, 3, caption.data(), int(caption.size()), SQLITE_TRANSIENT);
        stepOrDie(db, ent);
        const sqlite3_int64 rowId = sqlite3_last_insert_rowid(db);
        for (const auto &v : values) {
            sqlite3_bind_int64(val, 1, rowId);
            sqlite3_bind_text(val, 2, v.prop.data(), int(v.prop.size()), SQLITE_TRANSIENT);
            sqlite3_bind_text(val, 3, v.value.data(), int(v.value.size()), SQLITE_TRANSIENT);
            sqlite3_bind_int64(val, 4, prov);
            sqlite3_bind_int(val, 5, v.flags);
            stepOrDie(db, val);
        }
        if (!names.empty()) {
            sqlite3_bind_int64(fts, 1, rowId);
            sqlite3_bind_text(fts, 2, names.data(), int(names.size()), SQLITE_TRANSIENT);
            stepOrDie(db, fts);
        }
        ++n;
    }
    sqlite3_finalize(ent);
    sqlite3_finalize(val);
    sqlite3_finalize(fts);
    char *error = nullptr;
    if (sqlite3_exec(db,
                     "CREATE INDEX entity_caption ON entity(caption COLLATE NOCASE, id);"
                     "CREATE INDEX entity_schema ON entity(schema, caption COLLATE NOCASE, id);"
                     "CREATE INDEX statement_ref ON statement(value) WHERE flags & 4; COMMIT;",
                     nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "commit failed: %s\n", error);
        return 1;
    }
    sqlite3_close(db);
    const double secs = t.nsecsElapsed() / 1e9;
    std::printf("raw-sqlite-same-rows rows=%lld seconds=%.2f rate=%.0f rows/s\n", n, secs, n / secs);
    return 0;
}

double medianMs(int runs, const std::function<void()> &fn)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

int query(const char *casePath)
{
    CaseFile cf;
    if (auto st = cf.open(QString::fromLocal8Bit(casePath), CaseFile::OpenMode::ReadOnly); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    auto &store = cf.entities();
    qint64 entities = 0;
    const double info = medianMs(5, [&] { entities = cf.info().entities; });
    std::printf("entities=%lld\n", entities);
    std::printf("info-ms=%.2f\n", info);
    std::printf("count-ms=%.2f\n", medianMs(5, [&] { (void)store.count(); }));

    // Queries built from the data itself: a caption in the middle of the table.
    const auto sample = store.page({}, entities / 2, 1);
    const QString caption = sample.isEmpty() ? QStringLiteral("x") : sample.first().caption;
    const QString firstWord = caption.section(QLatin1Char(' '), 0, 0);
    const QString prefix = firstWord.left(4);
    int hits = 0;
    const auto search = [&](const QString &q) {
        return medianMs(21, [&] { hits = int(store.search(q, 50).size()); });
    };
    const double pfx = search(prefix);
    std::printf("search-prefix-ms=%.2f query=\"%s\" hits=%d\n", pfx, qPrintable(prefix), hits);
    const double phrase = search(QLatin1Char('"') + caption + QLatin1Char('"'));
    std::printf("search-phrase-ms=%.2f query=\"\\\"%s\\\"\" hits=%d\n", phrase, qPrintable(caption), hits);
    const double token = search(firstWord);
    std::printf("search-token-ms=%.2f query=\"%s\" hits=%d\n", token, qPrintable(firstWord), hits);
    const double oneChar = search(prefix.left(1));
    std::printf("search-1char-prefix-ms=%.2f query=\"%s\" hits=%d\n", oneChar, qPrintable(prefix.left(1)), hits);

    // The Entities dock: a jump to the last page, then the next page by keyset.
    QList<EntityRow> last;
    const double jump = medianMs(5, [&] { last = store.page({}, qMax<qint64>(0, entities - 512), 256); });
    std::printf("page-jump-to-end-ms=%.2f\n", jump);
    const EntityRow cursor = last.isEmpty() ? EntityRow{} : last.last();
    const double next = medianMs(21, [&] { (void)store.page({}, 0, 256, &cursor); });
    std::printf("page-next-keyset-ms=%.2f\n", next);
    const double filtered = medianMs(5, [&] { (void)store.count(EntityFilter{QStringLiteral("Person"), prefix}); });
    std::printf("count-filtered-ms=%.2f\n", filtered);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && QByteArray(argv[1]) == "raw") {
        return raw(argv[2], argv[3]);
    }
    if (argc == 4 && QByteArray(argv[1]) == "rows") {
        return rows(argv[2], argv[3]);
    }
    if (argc == 4 && QByteArray(argv[1]) == "bound") {
        return layoutBound(argv[2], argv[3]);
    }
    if (argc == 3 && QByteArray(argv[1]) == "query") {
        return query(argv[2]);
    }
    std::fprintf(stderr, "usage: casegraph-bench raw FILE DB | casegraph-bench rows FILE CASE | casegraph-bench query CASE | casegraph-bench bound FILE DB\n");
    return 2;
}

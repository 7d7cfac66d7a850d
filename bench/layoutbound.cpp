// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
//
// casegraph-bench bound FILE DB: how fast the leanest case layout that still answers the
// questions a case must answer could take an FtM file on this machine. One row per entity that
// holds all its values in one blob (no row per value, so no per-value provenance), a lookup by
// FtM id, a narrow table of entity references, a type index, name search (FTS5 over a names
// column, built once at the end) and, as a separate figure, the alphabetical index the
// Entities dock scrolls by. Parsing runs on a second thread, as the importer's does. No audit
// digest, no validation. It is an upper bound for a future layout (docs/import-performance.md),
// not a peer: nothing here is a usable case file.
#include "core/schema.h"
#include "ftmvalues.h"

#include <QFile>
#include <QString>

#include <simdjson.h>
#include <sqlite3.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

using namespace Casegraph;
using namespace Casegraph::Models;

namespace {

struct Packed {
    std::string id, schema, caption, names, values;
    std::vector<std::pair<std::string, std::string>> refs; // (property, referenced FtM id)
};

using Batch = std::vector<Packed>;

double seconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool exec(sqlite3 *db, const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::fprintf(stderr, "bound: %s\n", error);
        sqlite3_free(error);
        return false;
    }
    return true;
}

/// Parses FtM lines into packed entities; hands them over in batches of 1,000.
class Producer {
public:
    explicit Producer(const char *file) : m_file(file) {}

    void run()
    {
        const auto &reg = SchemaRegistry::instance();
        QFile f(QString::fromLocal8Bit(m_file));
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot open\n", m_file);
            finish({});
            return;
        }
        simdjson::dom::parser parser;
        Batch batch;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine();
            simdjson::dom::element doc;
            std::string_view id, schemaName;
            simdjson::dom::object props;
            if (line.trimmed().isEmpty() || parser.parse(line.constData(), size_t(line.size())).get(doc) ||
                doc["id"].get(id) || doc["schema"].get(schemaName) || doc["properties"].get(props)) {
                continue;
            }
            const Schema *schema = reg.schema(QString::fromUtf8(schemaName.data(), qsizetype(schemaName.size())));
            Packed e{std::string(id), std::string(schemaName), {}, {}, {}, {}};
            Bench::forEachFtmValue(schema, props, [&e](std::string_view prop, std::string_view v, const PropertySpec *spec) {
                e.values.append(prop).push_back('\0');
                e.values.append(v).push_back('\0');
                if (spec && spec->type == PropertyType::Entity) {
                    e.refs.emplace_back(prop, v);
                } else if (spec && spec->type == PropertyType::Name) {
                    if (e.caption.empty() && prop == "name") {
                        e.caption = v;
                    }
                    e.names.append(e.names.empty() ? "" : " ").append(v);
                }
            });
            if (e.caption.empty()) {
                e.caption = e.id;
            }
            batch.push_back(std::move(e));
            if (batch.size() == 1000) {
                push(std::move(batch));
                batch = Batch();
            }
        }
        finish(std::move(batch));
    }

    /// The next batch, or an empty one at the end.
    Batch next()
    {
        const double asked = seconds();
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_queue.empty() || m_done; });
        m_waited += seconds() - asked;
        if (m_queue.empty()) {
            return {};
        }
        Batch b = std::move(m_queue.front());
        m_queue.pop_front();
        m_ready.notify_all();
        return b;
    }

    /// Hands a written batch back: the parsing thread frees it, since freeing another thread's
    /// allocations makes both threads queue on glibc's arena lock.
    void recycle(Batch &&b)
    {
        std::unique_lock lock(m_mutex);
        m_written.push_back(std::move(b));
    }

    /// How long the writer waited for parsed entities, in seconds.
    double waited() const { return m_waited; }

private:
    void push(Batch &&b)
    {
        std::deque<Batch> written;
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_queue.size() < 8; });
        m_queue.push_back(std::move(b));
        written.swap(m_written);
        m_ready.notify_all();
        lock.unlock();
        written.clear();
    }

    void finish(Batch &&last)
    {
        std::unique_lock lock(m_mutex);
        if (!last.empty()) {
            m_queue.push_back(std::move(last));
        }
        m_done = true;
        m_ready.notify_all();
    }

    const char *m_file;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Batch> m_queue;
    std::deque<Batch> m_written;
    bool m_done = false;
    double m_waited = 0;
};

} // namespace

int layoutBound(const char *file, const char *dbPath)
{
    for (const std::string suffix : {"", "-wal", "-shm"}) {
        std::remove((std::string(dbPath) + suffix).c_str());
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(dbPath, &db) != SQLITE_OK ||
        !exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;"
                  "CREATE TABLE entity(id INTEGER PRIMARY KEY, eid TEXT NOT NULL, schema TEXT NOT NULL,"
                  " caption TEXT NOT NULL, names TEXT, prov INTEGER NOT NULL, vals BLOB NOT NULL);"
                  "CREATE TABLE ref(target TEXT NOT NULL, entity INTEGER NOT NULL, prop TEXT NOT NULL);"
                  "CREATE VIRTUAL TABLE entity_fts USING fts5(names, content='entity', content_rowid='id');"
                  "BEGIN IMMEDIATE;")) {
        return 1;
    }
    sqlite3_stmt *ent = nullptr;
    sqlite3_stmt *ref = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO entity(eid, schema, caption, names, prov, vals) VALUES(?,?,?,?,1,?)", -1, &ent,
                       nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO ref(target, entity, prop) VALUES(?,?,?)", -1, &ref, nullptr);

    const double start = seconds();
    Producer producer(file);
    std::thread parsing([&producer] { producer.run(); });
    // A re-import merges by FtM id; within one file an id seen before is a merge too.
    std::unordered_map<std::string, sqlite3_int64> seen;
    seen.reserve(1 << 20);
    long long n = 0;
    bool ok = true;
    for (Batch b = producer.next(); ok && !b.empty(); producer.recycle(std::move(b)), b = producer.next()) {
        for (const Packed &e : b) {
            if (seen.count(e.id)) {
                continue;
            }
            sqlite3_bind_text(ent, 1, e.id.data(), int(e.id.size()), SQLITE_STATIC);
            sqlite3_bind_text(ent, 2, e.schema.data(), int(e.schema.size()), SQLITE_STATIC);
            sqlite3_bind_text(ent, 3, e.caption.data(), int(e.caption.size()), SQLITE_STATIC);
            sqlite3_bind_text(ent, 4, e.names.data(), int(e.names.size()), SQLITE_STATIC);
            sqlite3_bind_blob(ent, 5, e.values.data(), int(e.values.size()), SQLITE_STATIC);
            ok = sqlite3_step(ent) == SQLITE_DONE;
            sqlite3_reset(ent);
            const sqlite3_int64 row = sqlite3_last_insert_rowid(db);
            seen.emplace(e.id, row);
            for (const auto &[prop, target] : e.refs) {
                sqlite3_bind_text(ref, 1, target.data(), int(target.size()), SQLITE_STATIC);
                sqlite3_bind_int64(ref, 2, row);
                sqlite3_bind_text(ref, 3, prop.data(), int(prop.size()), SQLITE_STATIC);
                ok = ok && sqlite3_step(ref) == SQLITE_DONE;
                sqlite3_reset(ref);
            }
            ++n;
        }
    }
    parsing.join();
    sqlite3_finalize(ent);
    sqlite3_finalize(ref);
    if (!ok) {
        std::fprintf(stderr, "bound: insert failed: %s\n", sqlite3_errmsg(db));
        return 1;
    }
    const double rowsDone = seconds();
    ok = exec(db, "CREATE UNIQUE INDEX entity_eid ON entity(eid); CREATE INDEX entity_schema ON entity(schema, id);"
                  "CREATE INDEX ref_target ON ref(target);");
    const double indexed = seconds();
    ok = ok && exec(db, "INSERT INTO entity_fts(entity_fts) VALUES('rebuild'); COMMIT;");
    const double committed = seconds();
    ok = ok && exec(db, "CREATE INDEX entity_caption ON entity(caption COLLATE NOCASE, id);");
    const double sorted = seconds();
    sqlite3_close(db);
    if (!ok) {
        return 1;
    }
    const double total = committed - start;
    std::printf("layout-bound entities=%lld seconds=%.2f rate=%.0f entities/s (rows %.2f s, of which waiting for the "
                "parser %.2f s; id/type/ref indexes %.2f s, search + commit %.2f s)\n",
                n, total, n / total, rowsDone - start, producer.waited(), indexed - rowsDone, committed - indexed);
    std::printf("layout-bound-with-alphabetical-index seconds=%.2f rate=%.0f entities/s\n", sorted - start,
                n / (sorted - start));
    return 0;
}

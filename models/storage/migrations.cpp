// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "migrations.h"
#include "auditlog.h"
#include "core/schema.h"
#include "entitystore.h"
#include "sqlite.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Casegraph::Models::Migrations {

namespace {

// Version 1: entities with per-value provenance, sources, claims, excerpts and notes.
const char *const v1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
INSERT INTO meta(key, value) VALUES('application', 'casegraph');
CREATE TABLE provenance(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,            -- import, edit, source, demo, merge
  label TEXT NOT NULL,           -- file name or description
  actor TEXT NOT NULL,
  at TEXT NOT NULL,              -- UTC, ISO 8601
  source INTEGER,                -- source row when kind = 'source'
  detail TEXT
);
CREATE TABLE entity(
  id INTEGER PRIMARY KEY,
  eid TEXT NOT NULL UNIQUE,      -- the FtM id
  schema TEXT NOT NULL,
  caption TEXT NOT NULL,
  extra TEXT                     -- JSON of extra top-level FtM keys, kept for lossless export
);
CREATE INDEX entity_caption ON entity(caption COLLATE NOCASE, id);
CREATE INDEX entity_schema ON entity(schema, caption COLLATE NOCASE, id);
CREATE TABLE statement(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  prop TEXT NOT NULL,
  value TEXT NOT NULL,
  prov INTEGER NOT NULL REFERENCES provenance(id),
  flags INTEGER NOT NULL DEFAULT 0  -- 1 unknown property, 2 dangling reference, 4 entity reference
);
CREATE INDEX statement_entity ON statement(entity, prop);
CREATE INDEX statement_ref ON statement(value) WHERE flags & 4;
CREATE TABLE source(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL UNIQUE REFERENCES entity(id),
  file_name TEXT NOT NULL,
  mime TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  original BLOB NOT NULL,        -- the evidentiary copy, never modified
  text TEXT NOT NULL,
  url TEXT,
  imported_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);
CREATE TABLE claim(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  prop TEXT,
  value TEXT,
  credibility TEXT,
  status TEXT NOT NULL DEFAULT 'unverified',
  comment TEXT,
  created_at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX claim_entity ON claim(entity);
CREATE TABLE excerpt(
  id INTEGER PRIMARY KEY,
  claim INTEGER NOT NULL REFERENCES claim(id) ON DELETE CASCADE,
  source INTEGER NOT NULL REFERENCES source(id),
  start INTEGER NOT NULL,        -- Unicode code points into source.text
  end INTEGER NOT NULL,
  quote TEXT NOT NULL,
  stance TEXT NOT NULL DEFAULT 'supports',
  reliability TEXT,
  comment TEXT,
  created_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  CHECK (start >= 0 AND end >= start)
);
CREATE INDEX excerpt_claim ON excerpt(claim);
CREATE INDEX excerpt_source ON excerpt(source);
CREATE TABLE note(
  id INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL,
  target_id INTEGER,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX note_target ON note(target_kind, target_id);
)sql";

// Version 2: full-text search over names/aliases and source text.
const char *const v2 = R"sql(
CREATE VIRTUAL TABLE entity_fts USING fts5(names, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE source_fts USING fts5(text, tokenize='unicode61 remove_diacritics 2');
)sql";

// Version 3: named link charts (a chosen set of entities with positions) for the network view.
// Deleting an entity removes it from every chart; chart_node_entity serves that cascade.
const char *const v3 = R"sql(
CREATE TABLE chart(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,      -- UTC, ISO 8601
  modified_at TEXT NOT NULL,
  settings TEXT                  -- JSON object: layout, filters, styles (the view's own keys)
);
CREATE TABLE chart_node(
  chart INTEGER NOT NULL REFERENCES chart(id) ON DELETE CASCADE,
  entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  x REAL NOT NULL DEFAULT 0,
  y REAL NOT NULL DEFAULT 0,
  pinned INTEGER NOT NULL DEFAULT 0,
  hidden INTEGER NOT NULL DEFAULT 0,
  grp TEXT,                      -- a group (cluster) name, or NULL
  PRIMARY KEY(chart, entity)
) WITHOUT ROWID;
CREATE INDEX chart_node_entity ON chart_node(entity);
)sql";

// Version 4 (grading): the case's grading scheme, one row per level of each axis, best first.
// No rows means the Admiralty code (A-F / 1-6); the scheme's name and the weak-support
// threshold are meta keys (gradingScheme, supportThreshold).
const char *const v4Grading = R"sql(
CREATE TABLE grading_level(
  axis TEXT NOT NULL CHECK (axis IN ('reliability', 'credibility')),
  position INTEGER NOT NULL,     -- 0 = best
  code TEXT NOT NULL,            -- stored in excerpt.reliability / claim.credibility
  label TEXT NOT NULL,
  PRIMARY KEY(axis, position)
) WITHOUT ROWID;
CREATE INDEX claim_entity_prop ON claim(entity, prop, value);
)sql";

// Version 4 (audit): the tamper-evident history. Each entry's hash is SHA-256 over the previous
// entry's hash and this entry's canonical bytes (AuditLog::entryHash); `digest` is the content
// digest of the tracked tables after the entry. The triggers keep the application (and any
// careless SQL) from editing or removing entries; another tool can drop them, which verify sees.
const char *const v4Audit = R"sql(
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,       -- 1, 2, 3 … without gaps
  at TEXT NOT NULL,              -- UTC, ISO 8601 with milliseconds
  actor TEXT NOT NULL,
  action TEXT NOT NULL,          -- create, upgrade, import, entity.create, value.change, source.capture, change …
  target TEXT,                   -- 'entity:<row>', 'source:<id>', or NULL for the whole case
  before TEXT NOT NULL,          -- JSON object
  after TEXT NOT NULL,           -- JSON object
  digest TEXT NOT NULL,          -- JSON: per tracked table, row count and order-independent row-hash sum
  prev TEXT NOT NULL,            -- hex SHA-256 of the previous entry, 64 zeros for the first
  hash TEXT NOT NULL             -- hex SHA-256(prev bytes || canonical entry bytes)
);
CREATE INDEX audit_target ON audit(target);
-- Web captures: how a source's bytes were fetched. A page fetched again with identical bytes
-- adds a capture row to the same source.
CREATE TABLE capture(
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES source(id),
  requested_url TEXT NOT NULL,
  final_url TEXT NOT NULL,       -- after redirects
  redirects TEXT NOT NULL,       -- JSON array of the URLs redirected to, in order
  status INTEGER NOT NULL,       -- HTTP status of the final response
  headers TEXT NOT NULL,         -- JSON array of [name, value] as received
  fetched_at TEXT NOT NULL,      -- UTC, ISO 8601 with milliseconds
  proxy TEXT,                    -- e.g. socks5://127.0.0.1:9050; NULL when fetched directly
  actor TEXT NOT NULL
);
CREATE INDEX capture_source ON capture(source);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// Version 4 (notes, tags, leads): a search index over note bodies and lead titles and text, tags
// with a colour that can be put on anything (tagging), and the investigation's open questions.
// The FTS rows hold EntityStore::ftsText() of the text, so they are written by NoteStore and
// LeadStore (and populateNoteFts below), not by triggers. Taggings and note targets are not
// foreign keys: a target may be an entity, a source, a claim or the case, and a deleted entity
// gets its notes and tags back when its deletion is undone (same row id).
const char *const v4Notes = R"sql(
CREATE VIRTUAL TABLE note_fts USING fts5(body, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE tag(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  colour TEXT NOT NULL,          -- #rrggbb
  created_at TEXT NOT NULL       -- UTC, ISO 8601
);
CREATE TABLE tagging(
  tag INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  target_kind TEXT NOT NULL,     -- case, entity, source, claim, note, lead
  target_id INTEGER NOT NULL,
  PRIMARY KEY(tag, target_kind, target_id)
) WITHOUT ROWID;
CREATE INDEX tagging_target ON tagging(target_kind, target_id);
CREATE TABLE lead(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',  -- Markdown
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
  assignee TEXT,                 -- initials
  target_kind TEXT,              -- optional: what the lead is about
  target_id INTEGER,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE INDEX lead_status ON lead(status, id);
CREATE VIRTUAL TABLE lead_fts USING fts5(title, body, tokenize='unicode61 remove_diacritics 2');
)sql";

Status populateNoteFts(Sql::Database &db)
{
    // Notes written before version 4 become searchable.
    auto sel = db.prepare(QStringLiteral("SELECT id, body FROM note"));
    auto put = db.prepare(QStringLiteral("INSERT INTO note_fts(rowid, body) VALUES(?, ?)"));
    if (!sel || !put) {
        return Error{db.lastError()};
    }
    while ((*sel)->step()) {
        (*put)->bind(1, (*sel)->int64(0)).bind(2, EntityStore::ftsText((*sel)->text(1)));
        if (auto st = (*put)->run(); !st) {
            return st;
        }
    }
    return {};
}

// Version 4, screening: reference lists (sanctions and export-control lists) kept apart from the
// case's own entities, one row per loaded version (file SHA-256, load time); screening runs;
// accept/reject decisions naming the list version they were made against; merges of duplicate
// entities with everything split() needs to restore the case exactly.
const char *const v4Screening = R"sql(
CREATE TABLE ref_list(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
CREATE TABLE ref_list_version(
  id INTEGER PRIMARY KEY,
  list INTEGER NOT NULL REFERENCES ref_list(id),
  sha256 TEXT NOT NULL,          -- of the loaded file
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  loaded_at TEXT NOT NULL,       -- UTC, ISO 8601
  loaded_by TEXT NOT NULL,
  entries INTEGER NOT NULL,
  added INTEGER NOT NULL DEFAULT 0,   -- against the list's previous version
  removed INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ref_list_version_list ON ref_list_version(list, id);
CREATE TABLE ref_entry(
  version INTEGER NOT NULL REFERENCES ref_list_version(id) ON DELETE CASCADE,
  eid TEXT NOT NULL,             -- the listed party's FtM id
  schema TEXT NOT NULL,
  caption TEXT NOT NULL,
  authority TEXT NOT NULL DEFAULT '',  -- of its Sanctions, '; '-separated (for exposure filters)
  program TEXT NOT NULL DEFAULT '',
  digest TEXT NOT NULL,          -- SHA-256 of `data`: a changed entry between versions
  data TEXT NOT NULL,            -- JSON {"entity": FtM entity, "sanctions": [FtM Sanction entities]}
  PRIMARY KEY(version, eid)
) WITHOUT ROWID;
CREATE TABLE screening_run(
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL REFERENCES ref_list_version(id),
  threshold REAL NOT NULL,
  scope TEXT NOT NULL,           -- 'all' or 'selected'
  screened INTEGER NOT NULL,
  candidates INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL
);
CREATE TABLE screening_decision(
  id INTEGER PRIMARY KEY,
  entity INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  version INTEGER NOT NULL REFERENCES ref_list_version(id),
  entry TEXT NOT NULL,           -- ref_entry.eid in that version
  run INTEGER REFERENCES screening_run(id),
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  score REAL NOT NULL,
  explanation TEXT NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX screening_decision_entity ON screening_decision(entity, entry);
-- The decision in force for each (case entity, listed entry) is the latest; accepted ones make
-- the entity sanctioned for analytics.
CREATE VIEW screening_accepted AS
  SELECT d.id, d.entity, d.version, d.entry, r.authority, r.program
  FROM screening_decision d JOIN ref_entry r ON r.version = d.version AND r.eid = d.entry
  WHERE d.decision = 'accepted'
    AND d.id = (SELECT max(x.id) FROM screening_decision x WHERE x.entity = d.entity AND x.entry = d.entry);
CREATE TABLE entity_merge(
  id INTEGER PRIMARY KEY,
  kept INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
  merged_eid TEXT NOT NULL,      -- the FtM id of the entity merged into `kept`
  record TEXT NOT NULL,          -- JSON: the merged entity's rows and every row that was moved
  actor TEXT NOT NULL,
  at TEXT NOT NULL,
  split_at TEXT                  -- set when the merge was undone by a split
);
CREATE INDEX entity_merge_kept ON entity_merge(kept);
)sql";

Status populateFts(Sql::Database &db)
{
    // Fill the new indexes from the data a version-1 file already holds.
    const auto &reg = SchemaRegistry::instance();
    auto sel = db.prepare(QStringLiteral(
        "SELECT e.id, e.schema, s.prop, s.value FROM entity e JOIN statement s ON s.entity = e.id ORDER BY e.id, s.id"));
    if (!sel) {
        return sel.error();
    }
    auto ins = db.prepare(QStringLiteral("INSERT INTO entity_fts(rowid, names) VALUES(?, ?)"));
    if (!ins) {
        return ins.error();
    }
    qint64 current = 0;
    QStringList names;
    const auto flush = [&]() -> Status {
        if (current > 0 && !names.isEmpty()) {
            (*ins)->bind(1, current).bind(2, EntityStore::ftsText(names.join(QLatin1Char(' '))));
            return (*ins)->run();
        }
        return {};
    };
    while ((*sel)->step()) {
        const qint64 id = (*sel)->int64(0);
        if (id != current) {
            if (auto st = flush(); !st) {
                return st;
            }
            current = id;
            names.clear();
        }
        const Schema *schema = reg.schema((*sel)->text(1));
        const PropertySpec *spec = schema ? schema->property((*sel)->text(2)) : nullptr;
        if (spec && spec->type == PropertyType::Name) {
            names << (*sel)->text(3);
        }
    }
    if (auto st = flush(); !st) {
        return st;
    }
    auto src = db.prepare(QStringLiteral("SELECT id, text FROM source"));
    auto put = db.prepare(QStringLiteral("INSERT INTO source_fts(rowid, text) VALUES(?, ?)"));
    if (!src || !put) {
        return Error{db.lastError()};
    }
    while ((*src)->step()) {
        (*put)->bind(1, (*src)->int64(0)).bind(2, EntityStore::ftsText((*src)->text(1)));
        if (auto st = (*put)->run(); !st) {
            return st;
        }
    }
    return {};
}

} // namespace

Status run(Sql::Database &db, int from, int to, const QString &actor)
{
    if (from >= to) {
        return {};
    }
    Sql::Transaction tx(db);
    if (!tx.isActive()) {
        return Error{db.lastError()};
    }
    for (int v = from + 1; v <= to; ++v) {
        Status st;
        switch (v) {
        case 1:
            st = db.exec(QString::fromUtf8(v1));
            break;
        case 2:
            st = db.exec(QString::fromUtf8(v2));
            if (st) {
                st = populateFts(db);
            }
            break;
        case 3:
            st = db.exec(QString::fromUtf8(v3));
            break;
        case 4:
            for (const char *step : {v4Grading, v4Audit, v4Notes, v4Screening}) {
                if (st) {
                    st = db.exec(QString::fromUtf8(step));
                }
            }
            if (st) {
                st = populateNoteFts(db);
            }
            // Last in this step: the first entry's digest covers the tables created above.
            if (st) {
                st = AuditLog::appendGenesis(db, from == 0 ? QStringLiteral("create") : QStringLiteral("upgrade"), actor,
                                             QJsonObject{{QStringLiteral("schemaVersion"), from}},
                                             QJsonObject{{QStringLiteral("schemaVersion"), to}});
            }
            break;
        default:
            st = Error{QCoreApplication::translate("Casegraph::Models::Migrations", "no migration to version %1")
                           .arg(v)};
        }
        if (!st) {
            return Error{QCoreApplication::translate("Casegraph::Models::Migrations", "migration to version %1: %2")
                             .arg(v)
                             .arg(st.error().message)};
        }
        if (auto s = db.exec(QStringLiteral("PRAGMA user_version=%1").arg(v)); !s) {
            return s;
        }
    }
    return tx.commit();
}

} // namespace Casegraph::Models::Migrations

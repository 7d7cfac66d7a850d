// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leadstore.h"
#include "annotationsql_p.h"
#include "casefile.h"
#include "entitystore.h"

namespace Casegraph::Models {

using namespace AnnotationSql;

namespace {
Lead readLead(const Sql::Statement &s)
{
    Lead l;
    l.id = s.int64(0);
    l.title = s.text(1);
    l.body = s.text(2);
    l.status = Lead::statusFromName(s.text(3));
    l.assignee = s.text(4);
    l.target = Target{s.text(5), s.int64(6)};
    l.createdAt = fromIso(s.text(7));
    l.modifiedAt = fromIso(s.text(8));
    l.actor = s.text(9);
    return l;
}
} // namespace

LeadStore::LeadStore(CaseFile &caseFile) : m_case(caseFile) {}

Status LeadStore::check(const Lead &lead) const
{
    if (lead.title.trimmed().isEmpty()) {
        return Error{tr("a lead needs a title")};
    }
    if (lead.assignee.size() > 8) {
        return Error{tr("the assignee is given by initials (at most 8 characters)")};
    }
    return {};
}

Status LeadStore::writeFts(const Lead &lead, bool replace)
{
    auto &db = m_case.database();
    if (replace) {
        auto *del = db.cached("DELETE FROM lead_fts WHERE rowid=?");
        del->bind(1, lead.id);
        if (auto st = del->run(); !st) {
            return st;
        }
    }
    auto *ins = db.cached("INSERT INTO lead_fts(rowid, title, body) VALUES(?, ?, ?)");
    ins->bind(1, lead.id).bind(2, EntityStore::ftsText(lead.title)).bind(3, EntityStore::ftsText(lead.body));
    return ins->run();
}

Result<qint64> LeadStore::add(Lead lead)
{
    if (auto st = check(lead); !st) {
        return st.error();
    }
    auto &db = m_case.database();
    const auto st = inTransaction(db, [&]() -> Status {
        auto *s = lead.id > 0 ? db.cached("INSERT INTO lead(title, body, status, assignee, target_kind, target_id, "
                                          "created_at, modified_at, actor, id) VALUES(?,?,?,?,?,?,?,?,?,?)")
                              : db.cached("INSERT INTO lead(title, body, status, assignee, target_kind, target_id, "
                                          "created_at, modified_at, actor) VALUES(?,?,?,?,?,?,?,?,?)");
        s->bind(1, lead.title.trimmed()).bind(2, lead.body).bind(3, Lead::statusName(lead.status));
        bindText(s, 4, lead.assignee.trimmed());
        bindTarget(s, 5, lead.target);
        const QString created = toIso(lead.createdAt);
        s->bind(7, created).bind(8, lead.modifiedAt.isValid() ? toIso(lead.modifiedAt) : created);
        s->bind(9, lead.actor.isEmpty() ? m_case.actor() : lead.actor);
        if (lead.id > 0) {
            s->bind(10, lead.id);
        }
        if (auto r = s->run(); !r) {
            return r;
        }
        lead.id = db.lastInsertRowId();
        lead.title = lead.title.trimmed();
        return writeFts(lead, false);
    });
    if (!st) {
        return st.error();
    }
    Q_EMIT m_case.leadsChanged();
    return lead.id;
}

Status LeadStore::update(const Lead &lead)
{
    if (auto st = check(lead); !st) {
        return st;
    }
    if (!this->lead(lead.id)) {
        return Error{tr("the lead no longer exists")};
    }
    auto &db = m_case.database();
    const auto st = inTransaction(db, [&]() -> Status {
        auto *s = db.cached("UPDATE lead SET title=?, body=?, status=?, assignee=?, target_kind=?, target_id=?, "
                            "modified_at=?, actor=? WHERE id=?");
        s->bind(1, lead.title.trimmed()).bind(2, lead.body).bind(3, Lead::statusName(lead.status));
        bindText(s, 4, lead.assignee.trimmed());
        bindTarget(s, 5, lead.target);
        s->bind(7, toIso(lead.modifiedAt)).bind(8, lead.actor.isEmpty() ? m_case.actor() : lead.actor);
        s->bind(9, lead.id);
        if (auto r = s->run(); !r) {
            return r;
        }
        return writeFts(lead, true);
    });
    if (st) {
        Q_EMIT m_case.leadsChanged();
    }
    return st;
}

Status LeadStore::remove(qint64 leadId)
{
    auto &db = m_case.database();
    const auto st = inTransaction(db, [&]() -> Status {
        for (const char *sql : {"DELETE FROM lead WHERE id=?", "DELETE FROM lead_fts WHERE rowid=?",
                                "DELETE FROM tagging WHERE target_kind='lead' AND target_id=?"}) {
            auto *s = db.cached(sql);
            s->bind(1, leadId);
            if (auto r = s->run(); !r) {
                return r;
            }
        }
        return {};
    });
    if (st) {
        Q_EMIT m_case.leadsChanged();
    }
    return st;
}

std::optional<Lead> LeadStore::lead(qint64 leadId) const
{
    auto *s = m_case.database().cached("SELECT id, title, body, status, coalesce(assignee, ''), "
                                       "coalesce(target_kind, ''), coalesce(target_id, 0), created_at, modified_at, "
                                       "actor FROM lead WHERE id=?");
    s->bind(1, leadId);
    std::optional<Lead> out;
    if (s->step()) {
        out = readLead(*s);
    }
    s->reset();
    return out;
}

QList<Lead> LeadStore::leads(bool openOnly) const
{
    QList<Lead> out;
    auto *s = m_case.database().cached("SELECT id, title, body, status, coalesce(assignee, ''), "
                                       "coalesce(target_kind, ''), coalesce(target_id, 0), created_at, modified_at, "
                                       "actor FROM lead WHERE ? = 0 OR status IN ('open', 'in progress') ORDER BY id");
    s->bind(1, qint64(openOnly));
    while (s->step()) {
        out.append(readLead(*s));
    }
    s->reset();
    return out;
}

qint64 LeadStore::count(bool openOnly) const
{
    auto *s = m_case.database().cached(
        "SELECT count(*) FROM lead WHERE ? = 0 OR status IN ('open', 'in progress')");
    s->bind(1, qint64(openOnly));
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

QList<TextHit> LeadStore::search(const QString &query, int limit) const
{
    QList<TextHit> out;
    const QString fts = EntityStore::ftsQuery(query);
    if (fts.isEmpty()) {
        return out;
    }
    auto *s = m_case.database().cached(
        "SELECT l.id, coalesce(l.target_kind, ''), coalesce(l.target_id, 0), highlight(lead_fts, 0, '[', ']'), "
        "snippet(lead_fts, 1, '[', ']', '…', 16) FROM lead_fts JOIN lead l ON l.id = lead_fts.rowid "
        "WHERE lead_fts MATCH ? LIMIT ?");
    s->bind(1, fts).bind(2, qint64(limit));
    while (s->step()) {
        out.append(TextHit{s->int64(0), Target{s->text(1), s->int64(2)}, EntityStore::fromFtsText(s->text(3)),
                           EntityStore::fromFtsText(s->text(4)).simplified()});
    }
    s->reset();
    return out;
}

} // namespace Casegraph::Models

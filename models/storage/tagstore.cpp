// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagstore.h"
#include "annotationsql_p.h"
#include "casefile.h"

#include <QRegularExpression>

namespace Casegraph::Models {

using namespace AnnotationSql;

namespace {
bool isColour(const QString &colour)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    return re.match(colour).hasMatch();
}

Tag readTag(const Sql::Statement &s)
{
    return Tag{s.int64(0), s.text(1), s.text(2), fromIso(s.text(3)), s.int64(4)};
}
} // namespace

TagStore::TagStore(CaseFile &caseFile) : m_case(caseFile) {}

QString TagStore::defaultColour(int n)
{
    // Distinct, readable under black text, and not the yellow/red of excerpt highlights.
    static const char *const colours[] = {"#8ecae6", "#b5e48c", "#ffb4a2", "#cdb4db", "#ffd6a5",
                                          "#a0c4ff", "#caffbf", "#bdb2ff", "#9bf6ff", "#e9c46a"};
    return QString::fromLatin1(colours[qAbs(n) % int(std::size(colours))]);
}

Status TagStore::checkName(const QString &name, qint64 exceptId) const
{
    if (name.trimmed().isEmpty()) {
        return Error{tr("a tag needs a name")};
    }
    if (const auto other = tagByName(name.trimmed()); other && other->id != exceptId) {
        return Error{tr("there is already a tag \"%1\"").arg(other->name)};
    }
    return {};
}

Status TagStore::run(const char *sql, const std::function<void(Sql::Statement *)> &bind)
{
    auto *s = m_case.database().cached(sql);
    bind(s);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.tagsChanged();
    return {};
}

Result<qint64> TagStore::create(Tag tag)
{
    if (auto st = checkName(tag.name, 0); !st) {
        return st.error();
    }
    if (!isColour(tag.colour)) {
        return Error{tr("\"%1\" is not a colour (#rrggbb)").arg(tag.colour)};
    }
    auto &db = m_case.database();
    auto *s = tag.id > 0 ? db.cached("INSERT INTO tag(name, colour, created_at, id) VALUES(?,?,?,?)")
                         : db.cached("INSERT INTO tag(name, colour, created_at) VALUES(?,?,?)");
    s->bind(1, tag.name.trimmed()).bind(2, tag.colour.toLower()).bind(3, toIso(tag.createdAt));
    if (tag.id > 0) {
        s->bind(4, tag.id);
    }
    if (auto st = s->run(); !st) {
        return st.error();
    }
    const qint64 id = db.lastInsertRowId();
    Q_EMIT m_case.tagsChanged();
    return id;
}

Status TagStore::rename(qint64 tagId, const QString &name)
{
    if (auto st = checkName(name, tagId); !st) {
        return st;
    }
    return run("UPDATE tag SET name=? WHERE id=?", [&](Sql::Statement *s) { s->bind(1, name.trimmed()).bind(2, tagId); });
}

Status TagStore::setColour(qint64 tagId, const QString &colour)
{
    if (!isColour(colour)) {
        return Error{tr("\"%1\" is not a colour (#rrggbb)").arg(colour)};
    }
    return run("UPDATE tag SET colour=? WHERE id=?",
               [&](Sql::Statement *s) { s->bind(1, colour.toLower()).bind(2, tagId); });
}

Status TagStore::remove(qint64 tagId)
{
    // tagging rows go by ON DELETE CASCADE.
    return run("DELETE FROM tag WHERE id=?", [&](Sql::Statement *s) { s->bind(1, tagId); });
}

QList<Tag> TagStore::tags() const
{
    QList<Tag> out;
    auto *s = m_case.database().cached("SELECT t.id, t.name, t.colour, t.created_at, "
                                       "(SELECT count(*) FROM tagging g WHERE g.tag = t.id) "
                                       "FROM tag t ORDER BY t.name COLLATE NOCASE");
    while (s->step()) {
        out.append(readTag(*s));
    }
    s->reset();
    return out;
}

std::optional<Tag> TagStore::tag(qint64 tagId) const
{
    auto *s = m_case.database().cached("SELECT t.id, t.name, t.colour, t.created_at, "
                                       "(SELECT count(*) FROM tagging g WHERE g.tag = t.id) FROM tag t WHERE t.id=?");
    s->bind(1, tagId);
    std::optional<Tag> out;
    if (s->step()) {
        out = readTag(*s);
    }
    s->reset();
    return out;
}

std::optional<Tag> TagStore::tagByName(const QString &name) const
{
    auto *s = m_case.database().cached("SELECT id FROM tag WHERE name=?"); // the column's NOCASE applies
    s->bind(1, name);
    const qint64 id = s->step() ? s->int64(0) : 0;
    s->reset();
    return id ? tag(id) : std::nullopt;
}

Status TagStore::assign(qint64 tagId, const Target &target)
{
    if (!target.isValid()) {
        return Error{tr("nothing to tag")};
    }
    if (!tag(tagId)) {
        return Error{tr("the tag no longer exists")};
    }
    return run("INSERT OR IGNORE INTO tagging(tag, target_kind, target_id) VALUES(?,?,?)",
               [&](Sql::Statement *s) { s->bind(1, tagId).bind(2, target.kind).bind(3, target.id); });
}

Status TagStore::unassign(qint64 tagId, const Target &target)
{
    return run("DELETE FROM tagging WHERE tag=? AND target_kind=? AND target_id=?",
               [&](Sql::Statement *s) { s->bind(1, tagId).bind(2, target.kind).bind(3, target.id); });
}

QList<Tag> TagStore::tagsOf(const Target &target) const
{
    QList<Tag> out;
    auto *s = m_case.database().cached(
        "SELECT t.id, t.name, t.colour, t.created_at, 0 FROM tagging g JOIN tag t ON t.id = g.tag "
        "WHERE g.target_kind=? AND g.target_id=? ORDER BY t.name COLLATE NOCASE");
    s->bind(1, target.kind).bind(2, target.id);
    while (s->step()) {
        out.append(readTag(*s));
    }
    s->reset();
    return out;
}

QList<Target> TagStore::targets(qint64 tagId) const
{
    QList<Target> out;
    auto *s = m_case.database().cached(
        "SELECT target_kind, target_id FROM tagging WHERE tag=? ORDER BY target_kind, target_id");
    s->bind(1, tagId);
    while (s->step()) {
        out.append(Target{s->text(0), s->int64(1)});
    }
    s->reset();
    return out;
}

QSet<qint64> TagStore::entitiesWithTag(qint64 tagId) const
{
    QSet<qint64> out;
    auto *s = m_case.database().cached("SELECT g.target_id FROM tagging g JOIN entity e ON e.id = g.target_id "
                                       "WHERE g.tag=? AND g.target_kind='entity'");
    s->bind(1, tagId);
    while (s->step()) {
        out.insert(s->int64(0));
    }
    s->reset();
    return out;
}

QHash<qint64, QList<qint64>> TagStore::entityTagIds() const
{
    QHash<qint64, QList<qint64>> out;
    auto *s = m_case.database().cached("SELECT g.target_id, g.tag FROM tagging g JOIN entity e ON e.id = g.target_id "
                                       "JOIN tag t ON t.id = g.tag WHERE g.target_kind='entity' "
                                       "ORDER BY g.target_id, t.name COLLATE NOCASE");
    while (s->step()) {
        out[s->int64(0)].append(s->int64(1));
    }
    s->reset();
    return out;
}

} // namespace Casegraph::Models

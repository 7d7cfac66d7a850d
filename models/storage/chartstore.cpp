// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartstore.h"
#include "casefile.h"
#include "sqlite.h"

#include <QJsonDocument>

#include <algorithm>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

/// Opens a transaction unless the caller already has one; commits only its own.
using ScopedWrite = Sql::ScopedTransaction;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

Chart readChart(const Sql::Statement &s)
{
    Chart c;
    c.id = s.int64(0);
    c.name = s.text(1);
    c.createdAt = QDateTime::fromString(s.text(2), Qt::ISODateWithMs);
    c.modifiedAt = QDateTime::fromString(s.text(3), Qt::ISODateWithMs);
    c.settings = QJsonDocument::fromJson(s.blob(4)).object();
    c.nodeCount = s.int64(5);
    return c;
}

const char *const kSelectChart = "SELECT c.id, c.name, c.created_at, c.modified_at, coalesce(c.settings, '{}'), "
                                 "(SELECT count(*) FROM chart_node n WHERE n.chart = c.id) FROM chart c ";

} // namespace

ChartStore::ChartStore(CaseFile &caseFile) : m_case(caseFile) {}

Result<qint64> ChartStore::create(const QString &name, const QJsonObject &settings)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return Error{tr("a chart needs a name")};
    }
    if (chartByName(trimmed)) {
        return Error{tr("a chart named “%1” already exists").arg(trimmed)};
    }
    auto &db = m_case.database();
    auto *s = db.cached("INSERT INTO chart(name, created_at, modified_at, settings) VALUES(?, ?, ?, ?)");
    const QString at = now();
    s->bind(1, trimmed).bind(2, at).bind(3, at).bind(4, QJsonDocument(settings).toJson(QJsonDocument::Compact));
    if (auto st = s->run(); !st) {
        return st.error();
    }
    const qint64 id = db.lastInsertRowId();
    Q_EMIT m_case.chartChanged(id);
    return id;
}

Status ChartStore::rename(qint64 chartId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        return Error{tr("a chart needs a name")};
    }
    if (const auto other = chartByName(trimmed); other && other->id != chartId) {
        return Error{tr("a chart named “%1” already exists").arg(trimmed)};
    }
    auto *s = m_case.database().cached("UPDATE chart SET name = ?, modified_at = ? WHERE id = ?");
    s->bind(1, trimmed).bind(2, now()).bind(3, chartId);
    if (auto st = s->run(); !st) {
        return st;
    }
    if (m_case.database().changes() == 0) {
        return Error{tr("no chart with id %1").arg(chartId)};
    }
    Q_EMIT m_case.chartChanged(chartId);
    return {};
}

Status ChartStore::setSettings(qint64 chartId, const QJsonObject &settings)
{
    auto *s = m_case.database().cached("UPDATE chart SET settings = ?, modified_at = ? WHERE id = ?");
    s->bind(1, QJsonDocument(settings).toJson(QJsonDocument::Compact)).bind(2, now()).bind(3, chartId);
    if (auto st = s->run(); !st) {
        return st;
    }
    if (m_case.database().changes() == 0) {
        return Error{tr("no chart with id %1").arg(chartId)};
    }
    Q_EMIT m_case.chartChanged(chartId);
    return {};
}

Status ChartStore::remove(qint64 chartId)
{
    auto *s = m_case.database().cached("DELETE FROM chart WHERE id = ?");
    s->bind(1, chartId);
    if (auto st = s->run(); !st) {
        return st;
    }
    if (m_case.database().changes() == 0) {
        return Error{tr("no chart with id %1").arg(chartId)};
    }
    Q_EMIT m_case.chartChanged(chartId);
    return {};
}

QList<Chart> ChartStore::charts() const
{
    QList<Chart> out;
    auto q = m_case.database().prepare(QLatin1String(kSelectChart) + QLatin1String("ORDER BY c.name, c.id"));
    if (!q) {
        return out;
    }
    while ((*q)->step()) {
        out << readChart(**q);
    }
    return out;
}

std::optional<Chart> ChartStore::chart(qint64 chartId) const
{
    auto q = m_case.database().prepare(QLatin1String(kSelectChart) + QLatin1String("WHERE c.id = ?"));
    if (!q) {
        return std::nullopt;
    }
    (*q)->bind(1, chartId);
    if (!(*q)->step()) {
        return std::nullopt;
    }
    return readChart(**q);
}

std::optional<Chart> ChartStore::chartByName(const QString &name) const
{
    auto q = m_case.database().prepare(QLatin1String(kSelectChart) + QLatin1String("WHERE c.name = ?"));
    if (!q) {
        return std::nullopt;
    }
    (*q)->bind(1, name.trimmed());
    if (!(*q)->step()) {
        return std::nullopt;
    }
    return readChart(**q);
}

Status ChartStore::touch(qint64 chartId)
{
    auto *s = m_case.database().cached("UPDATE chart SET modified_at = ? WHERE id = ?");
    s->bind(1, now()).bind(2, chartId);
    if (auto st = s->run(); !st) {
        return st;
    }
    if (m_case.database().changes() == 0) {
        return Error{tr("no chart with id %1").arg(chartId)};
    }
    return {};
}

Status ChartStore::writeNodes(qint64 chartId, const QList<ChartNode> &nodes, bool replace)
{
    auto &db = m_case.database();
    ScopedWrite tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    if (auto st = touch(chartId); !st) {
        return st;
    }
    if (replace) {
        auto *del = db.cached("DELETE FROM chart_node WHERE chart = ?");
        del->bind(1, chartId);
        if (auto st = del->run(); !st) {
            return st;
        }
    }
    auto *ins = db.cached("INSERT INTO chart_node(chart, entity, x, y, pinned, hidden, grp) VALUES(?,?,?,?,?,?,?) "
                          "ON CONFLICT(chart, entity) DO UPDATE SET x=excluded.x, y=excluded.y, "
                          "pinned=excluded.pinned, hidden=excluded.hidden, grp=excluded.grp");
    for (const auto &n : nodes) {
        ins->bind(1, chartId).bind(2, n.entityRowId).bind(3, n.x).bind(4, n.y);
        ins->bind(5, qint64(n.pinned)).bind(6, qint64(n.hidden));
        if (n.group.isEmpty()) {
            ins->bindNull(7);
        } else {
            ins->bind(7, n.group);
        }
        if (auto st = ins->run(); !st) {
            return Error{tr("chart node for entity %1: %2").arg(n.entityRowId).arg(st.error().message)};
        }
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.chartChanged(chartId);
    return {};
}

Status ChartStore::setNodes(qint64 chartId, const QList<ChartNode> &nodes)
{
    return writeNodes(chartId, nodes, false);
}

Status ChartStore::replaceNodes(qint64 chartId, const QList<ChartNode> &nodes)
{
    return writeNodes(chartId, nodes, true);
}

Status ChartStore::removeNodes(qint64 chartId, const QList<qint64> &entityRowIds)
{
    auto &db = m_case.database();
    ScopedWrite tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    if (auto st = touch(chartId); !st) {
        return st;
    }
    auto *del = db.cached("DELETE FROM chart_node WHERE chart = ? AND entity = ?");
    for (const qint64 e : entityRowIds) {
        del->bind(1, chartId).bind(2, e);
        if (auto st = del->run(); !st) {
            return st;
        }
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.chartChanged(chartId);
    return {};
}

QList<ChartNode> ChartStore::nodes(qint64 chartId) const
{
    QList<ChartNode> out;
    auto *s = m_case.database().cached(
        "SELECT entity, x, y, pinned, hidden, coalesce(grp, '') FROM chart_node WHERE chart = ? ORDER BY entity");
    s->bind(1, chartId);
    while (s->step()) {
        out << ChartNode{s->int64(0), s->real(1), s->real(2), s->int64(3) != 0, s->int64(4) != 0, s->text(5)};
    }
    s->reset();
    return out;
}

QList<QPair<qint64, ChartNode>> ChartStore::placements(qint64 entityRowId) const
{
    QList<QPair<qint64, ChartNode>> out;
    auto *s = m_case.database().cached(
        "SELECT chart, entity, x, y, pinned, hidden, coalesce(grp, '') FROM chart_node WHERE entity = ? ORDER BY chart");
    s->bind(1, entityRowId);
    while (s->step()) {
        out.append({s->int64(0), ChartNode{s->int64(1), s->real(2), s->real(3), s->int64(4) != 0, s->int64(5) != 0,
                                           s->text(6)}});
    }
    s->reset();
    return out;
}

QList<ChartNodeInfo> ChartStore::nodeInfos(qint64 chartId) const
{
    QList<ChartNodeInfo> out;
    auto *s = m_case.database().cached(
        "SELECT n.entity, n.x, n.y, n.pinned, n.hidden, coalesce(n.grp, ''), e.eid, e.schema, e.caption "
        "FROM chart_node n JOIN entity e ON e.id = n.entity WHERE n.chart = ? ORDER BY n.entity");
    s->bind(1, chartId);
    while (s->step()) {
        out << ChartNodeInfo{ChartNode{s->int64(0), s->real(1), s->real(2), s->int64(3) != 0, s->int64(4) != 0,
                                       s->text(5)},
                             s->text(6), s->text(7), s->text(8)};
    }
    s->reset();
    return out;
}

Status ChartStore::scanNodes(qint64 chartId, const std::function<bool(const NodeRow &)> &fn) const
{
    auto q = m_case.database().prepare(
        QStringLiteral("SELECT n.entity, n.x, n.y, n.pinned, n.hidden, n.grp, e.schema, e.caption, e.eid "
                       "FROM chart_node n JOIN entity e ON e.id = n.entity WHERE n.chart = ? ORDER BY n.entity"));
    if (!q) {
        return q.error();
    }
    auto &s = **q;
    s.bind(1, chartId);
    while (s.step()) {
        if (!fn(NodeRow{s.int64(0), s.real(1), s.real(2), s.int64(3) != 0, s.int64(4) != 0, s.view(5), s.view(6),
                        s.view(7), s.view(8)})) {
            return Error{tr("cancelled")};
        }
    }
    return s.hasError() ? Status(Error{s.error()}) : Status();
}

void ChartStore::setScanCacheSize(qint64 kib) const
{
    (void)m_case.database().exec(QStringLiteral("PRAGMA cache_size=-%1").arg(std::max<qint64>(kib, 256)));
}

qint64 ChartStore::nodeCount(qint64 chartId) const
{
    auto *s = m_case.database().cached("SELECT count(*) FROM chart_node WHERE chart = ?");
    s->bind(1, chartId);
    const qint64 n = s->step() ? s->int64(0) : 0;
    s->reset();
    return n;
}

} // namespace Casegraph::Models

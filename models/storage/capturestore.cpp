// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturestore.h"
#include "casefile.h"
#include "sqlite.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Casegraph::Models {

namespace {
QJsonArray headersJson(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QJsonArray out;
    for (const auto &h : headers) {
        out.append(QJsonArray{QString::fromLatin1(h.first), QString::fromLatin1(h.second)});
    }
    return out;
}

QJsonArray urlsJson(const QList<QUrl> &urls)
{
    QJsonArray out;
    for (const auto &u : urls) {
        out.append(u.toString());
    }
    return out;
}
} // namespace

QJsonObject CaptureRecord::toJson() const
{
    return QJsonObject{{QStringLiteral("requestedUrl"), requestedUrl.toString()},
                       {QStringLiteral("finalUrl"), finalUrl.toString()},
                       {QStringLiteral("redirects"), urlsJson(redirects)},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("headers"), headersJson(headers)},
                       {QStringLiteral("fetchedAt"), fetchedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("proxy"), proxy},
                       {QStringLiteral("actor"), actor}};
}

Result<qint64> CaptureStore::add(CaseFile &caseFile, const CaptureRecord &r)
{
    auto &db = caseFile.database();
    auto *ins = db.cached("INSERT INTO capture(source, requested_url, final_url, redirects, status, headers, fetched_at, "
                          "proxy, actor) VALUES(?,?,?,?,?,?,?,?,?)");
    ins->bind(1, r.sourceId).bind(2, r.requestedUrl.toString()).bind(3, r.finalUrl.toString());
    ins->bind(4, QJsonDocument(urlsJson(r.redirects)).toJson(QJsonDocument::Compact)).bind(5, r.status);
    ins->bind(6, QJsonDocument(headersJson(r.headers)).toJson(QJsonDocument::Compact));
    ins->bind(7, r.fetchedAt.toUTC().toString(Qt::ISODateWithMs));
    if (r.proxy.isEmpty()) {
        ins->bindNull(8);
    } else {
        ins->bind(8, r.proxy);
    }
    ins->bind(9, r.actor);
    if (auto st = ins->run(); !st) {
        return st.error();
    }
    return db.lastInsertRowId();
}

QList<CaptureRecord> CaptureStore::forSource(const CaseFile &caseFile, qint64 sourceId)
{
    auto *s = caseFile.database().cached("SELECT id, requested_url, final_url, redirects, status, headers, fetched_at, "
                                         "coalesce(proxy, ''), actor FROM capture WHERE source=? ORDER BY id");
    s->bind(1, sourceId);
    QList<CaptureRecord> out;
    while (s->step()) {
        CaptureRecord r;
        r.id = s->int64(0);
        r.sourceId = sourceId;
        r.requestedUrl = QUrl(s->text(1));
        r.finalUrl = QUrl(s->text(2));
        for (const auto &u : QJsonDocument::fromJson(s->view(3).toByteArray()).array()) {
            r.redirects.append(QUrl(u.toString()));
        }
        r.status = int(s->int64(4));
        for (const auto &h : QJsonDocument::fromJson(s->view(5).toByteArray()).array()) {
            const QJsonArray pair = h.toArray();
            r.headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toLatin1()});
        }
        r.fetchedAt = QDateTime::fromString(s->text(6), Qt::ISODateWithMs);
        r.proxy = s->text(7);
        r.actor = s->text(8);
        out.append(r);
    }
    s->reset();
    return out;
}

} // namespace Casegraph::Models

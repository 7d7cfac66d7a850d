// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "casesearch.h"
#include "casefile.h"
#include "evidencestore.h"
#include "leadstore.h"
#include "notestore.h"
#include "sqlite.h"

namespace Casegraph::Models {

QString CaseSearch::kindName(SearchHit::Kind kind)
{
    switch (kind) {
    case SearchHit::Kind::Entity:
        return QStringLiteral("entity");
    case SearchHit::Kind::Source:
        return QStringLiteral("source");
    case SearchHit::Kind::Note:
        return QStringLiteral("note");
    case SearchHit::Kind::Lead:
        return QStringLiteral("lead");
    }
    return {};
}

TargetInfo CaseSearch::resolve(const CaseFile &caseFile, const Target &target)
{
    TargetInfo info;
    info.target = target;
    const auto useEntity = [&](qint64 rowId) {
        if (const auto row = caseFile.entities().row(rowId)) {
            info.entityRowId = rowId;
            info.schema = row->schema;
            info.caption = row->caption;
            info.exists = true;
        }
    };
    if (target.kind == Target::caseKind()) {
        info.exists = true;
        info.caption = caseFile.title();
        info.label = tr("The case");
    } else if (target.kind == Target::entityKind()) {
        useEntity(target.id);
        info.label = info.exists ? info.caption : tr("a deleted entity");
    } else if (target.kind == Target::sourceKind()) {
        auto *s = caseFile.database().cached("SELECT entity FROM source WHERE id=?");
        s->bind(1, target.id);
        const qint64 rowId = s->step() ? s->int64(0) : 0;
        s->reset();
        useEntity(rowId);
        info.sourceId = info.exists ? target.id : 0;
        info.label = info.exists ? tr("Source: %1").arg(info.caption) : tr("a deleted source");
    } else if (target.kind == Target::claimKind()) {
        auto *s = caseFile.database().cached("SELECT entity FROM claim WHERE id=?");
        s->bind(1, target.id);
        const qint64 rowId = s->step() ? s->int64(0) : 0;
        s->reset();
        useEntity(rowId);
        info.label = info.exists ? tr("Claim on %1").arg(info.caption) : tr("a deleted claim");
    }
    return info;
}

QList<SearchHit> CaseSearch::search(const CaseFile &caseFile, const QString &query, int limitPerKind)
{
    QList<SearchHit> hits = caseFile.entities().search(query, limitPerKind);
    const auto add = [&](SearchHit::Kind kind, const QList<TextHit> &found) {
        for (const auto &t : found) {
            SearchHit h;
            h.kind = kind;
            h.itemId = t.id;
            h.target = t.target;
            h.snippet = t.snippet;
            const TargetInfo info = t.target.isValid() ? resolve(caseFile, t.target) : TargetInfo{};
            h.rowId = info.entityRowId;
            h.sourceId = info.sourceId;
            h.schema = info.schema;
            if (const auto row = info.entityRowId ? caseFile.entities().row(info.entityRowId) : std::nullopt) {
                h.id = row->id;
            }
            // A lead is named by its title; a note by what it is about.
            h.caption = kind == SearchHit::Kind::Lead ? QString(t.title).remove(QLatin1Char('[')).remove(QLatin1Char(']'))
                                                      : info.label;
            if (kind == SearchHit::Kind::Lead && (h.snippet.isEmpty() || !h.snippet.contains(QLatin1Char('[')))) {
                h.snippet = t.title; // the match was in the title
            }
            hits.append(h);
        }
    };
    add(SearchHit::Kind::Note, caseFile.notes().search(query, limitPerKind));
    add(SearchHit::Kind::Lead, caseFile.leads().search(query, limitPerKind));
    return hits;
}

} // namespace Casegraph::Models

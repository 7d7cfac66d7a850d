// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "duplicatefinder.h"

#include "core/schema.h"
#include "namenormalizer.h"
#include "referencelists.h"
#include "screeningrecord.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Casegraph::Models {

namespace {

bool mergeable(const QString &a, const QString &b)
{
    const auto &reg = SchemaRegistry::instance();
    const Schema *x = reg.schema(a);
    const Schema *y = reg.schema(b);
    return x && y && (x->isA(y->name) || y->isA(x->name));
}

QString foldedAddress(const QString &text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"));
    return NameNormalizer::simplify(text).toCaseFolded().replace(nonWord, QStringLiteral(" ")).simplified();
}

} // namespace

QList<DuplicatePair> DuplicateFinder::find(const QList<Entity> &entities, int maxGroup)
{
    const NameNormalizer normalizer;
    // Key → entity indexes; the key's kind and shown text for the reason.
    struct Group {
        int weight = 0;
        QString reason;
        QList<qsizetype> members;
    };
    QHash<QString, Group> groups;
    const auto add = [&](const QString &key, int weight, const QString &reason, qsizetype index) {
        Group &g = groups[key];
        g.weight = weight;
        g.reason = reason;
        if (!g.members.contains(index)) {
            g.members << index;
        }
    };
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const Entity &e = entities.at(i);
        const ScreeningRecord r = ScreeningRecord::fromEntity(e);
        for (const QString &name : r.names) {
            const NormalizedName n = normalizer.normalize(name, r.nameKind());
            QStringList tokens;
            for (const auto &t : n.tokens) {
                tokens << t.text;
            }
            if (tokens.isEmpty()) {
                continue;
            }
            std::sort(tokens.begin(), tokens.end());
            const QString text = tokens.join(QLatin1Char(' '));
            add(QStringLiteral("n:") + text, 2, tr("same normalised name “%1”").arg(text), i);
        }
        for (const Identifier &id : r.identifiers) {
            const QString value = IdentifierKind::normalizeValue(id.value);
            if (value.size() < 4) {
                continue;
            }
            const IdentifierKind kind = IdentifierKind::of(id.property, value);
            add(QStringLiteral("i:") + kind.type + QLatin1Char(':') + value, 3,
                tr("shared %1 %2").arg(kind.type, value), i);
        }
        for (const PropertyValue &v : e.values) {
            if (v.property == QLatin1String("address")) {
                const QString folded = foldedAddress(v.value);
                if (folded.size() >= 8) {
                    add(QStringLiteral("a:") + folded, 1, tr("shared address “%1”").arg(v.value), i);
                }
            } else if (v.property == QLatin1String("addressEntity")) {
                add(QStringLiteral("r:") + v.value, 1, tr("the same address entity %1").arg(v.value), i);
            }
        }
    }
    QHash<QPair<qsizetype, qsizetype>, DuplicatePair> pairs;
    for (const Group &g : std::as_const(groups)) {
        if (g.members.size() < 2 || g.members.size() > maxGroup) {
            continue;
        }
        for (qsizetype x = 0; x < g.members.size(); ++x) {
            for (qsizetype y = x + 1; y < g.members.size(); ++y) {
                const Entity *a = &entities.at(g.members.at(x));
                const Entity *b = &entities.at(g.members.at(y));
                if (!mergeable(a->schema, b->schema)) {
                    continue;
                }
                if (a->rowId > b->rowId) {
                    std::swap(a, b);
                }
                DuplicatePair &p = pairs[{a->rowId, b->rowId}];
                p.first = a->rowId;
                p.second = b->rowId;
                p.firstCaption = a->caption;
                p.secondCaption = b->caption;
                if (!p.reasons.contains(g.reason)) {
                    p.reasons << g.reason;
                    p.weight += g.weight;
                }
            }
        }
    }
    QList<DuplicatePair> out = pairs.values();
    for (auto &p : out) {
        p.reasons.sort();
    }
    std::sort(out.begin(), out.end(), [](const DuplicatePair &a, const DuplicatePair &b) {
        return a.weight > b.weight || (a.weight == b.weight && std::pair(a.first, a.second) < std::pair(b.first, b.second));
    });
    return out;
}

QList<DuplicatePair> DuplicateFinder::find(const CaseFile &caseFile, int maxGroup)
{
    return find(CaseScreening::parties(caseFile), maxGroup);
}

} // namespace Casegraph::Models

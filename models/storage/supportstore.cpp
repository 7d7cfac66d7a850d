// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "supportstore.h"
#include "casefile.h"
#include "core/schema.h"
#include "entitystore.h"
#include "evidencestore.h"
#include "sqlite.h"

#include <QMap>
#include <QSet>

#include <utility>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {
const QString SchemeKey = QStringLiteral("gradingScheme");
const QString ThresholdKey = QStringLiteral("supportThreshold");
const QLatin1String Reliability("reliability");
const QLatin1String Credibility("credibility");

void bindOptional(Sql::Statement *s, int i, const QString &v) {
    if (v.isEmpty()) {
        s->bindNull(i);
    } else {
        s->bind(i, v);
    }
}

/// Property names of the given type across all schemata, for an IN (...) list.
QStringList propertyNamesOfType(PropertyType type) {
    QSet<QString> names;
    const auto &reg = SchemaRegistry::instance();
    for (const auto &schemaName : reg.names(true)) {
        for (const auto &p : reg.schema(schemaName)->properties) {
            if (p.type == type) {
                names.insert(p.name);
            }
        }
    }
    QStringList out(names.cbegin(), names.cend());
    out.sort();
    return out;
}

QString placeholders(qsizetype n) {
    QStringList q;
    q.fill(QStringLiteral("?"), n);
    return q.join(QLatin1Char(','));
}

bool isSourceSchema(const Schema *schema) {
    return schema && schema->isA(QStringLiteral("Document"));
}
} // namespace

struct SupportStore::Row {
    qint64 claimId = 0;
    qint64 entityRowId = 0;
    QString property;
    QString value;
    QString status;
    QString credibility;
    qint64 sourceId = 0; ///< 0: a claim without passages
    QString reliability;
    bool contradicts = false;
};

SupportStore::SupportStore(CaseFile &caseFile) : m_case(caseFile) {}

GradingScheme SupportStore::gradingScheme() const {
    GradingScheme scheme;
    auto *s = m_case.database().cached("SELECT axis, code, label FROM grading_level ORDER BY axis, position");
    while (s->step()) {
        (s->text(0) == Reliability ? scheme.reliability : scheme.credibility).append({s->text(1), s->text(2)});
    }
    s->reset();
    if (!scheme.isValid()) {
        return GradingScheme::admiralty();
    }
    scheme.name = m_case.meta(SchemeKey);
    if (scheme.name.isEmpty()) {
        scheme.name = QStringLiteral("custom");
    }
    return scheme;
}

Status SupportStore::setGradingScheme(const GradingScheme &scheme) {
    if (!scheme.isValid()) {
        return Error{tr("a grading scheme needs at least one reliability and one credibility level")};
    }
    for (const auto *axis : {&scheme.reliability, &scheme.credibility}) {
        QSet<QString> seen;
        for (const auto &level : *axis) {
            const QString code = level.code.trimmed().toUpper();
            if (code.isEmpty()) {
                return Error{tr("every grade needs a code")};
            }
            if (seen.contains(code)) {
                return Error{tr("the grade code \"%1\" is used twice").arg(level.code)};
            }
            seen.insert(code);
        }
    }
    auto &db = m_case.database();
    Sql::ScopedTransaction tx(db);
    if (!tx.ok()) {
        return Error{db.lastError()};
    }
    if (auto st = db.exec(QStringLiteral("DELETE FROM grading_level")); !st) {
        return st;
    }
    auto *ins = db.cached("INSERT INTO grading_level(axis, position, code, label) VALUES(?,?,?,?)");
    for (const auto &[axis, levels] : {std::pair{QString(Reliability), &scheme.reliability},
                                       std::pair{QString(Credibility), &scheme.credibility}}) {
        for (int i = 0; i < levels->size(); ++i) {
            ins->bind(1, axis).bind(2, i).bind(3, levels->at(i).code.trimmed()).bind(4, levels->at(i).label.trimmed());
            if (auto st = ins->run(); !st) {
                return st;
            }
        }
    }
    if (auto st = m_case.setMeta(SchemeKey, scheme.name.isEmpty() ? QStringLiteral("custom") : scheme.name); !st) {
        return st;
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT m_case.evidenceChanged(0);
    return {};
}

QString SupportStore::supportThreshold() const {
    const QString stored = m_case.meta(ThresholdKey);
    const GradingScheme scheme = gradingScheme();
    if (scheme.reliabilityRank(stored) >= 0) {
        return stored;
    }
    if (scheme.reliabilityRank(QStringLiteral("C")) >= 0) {
        return QStringLiteral("C");
    }
    return scheme.reliability.at((scheme.reliability.size() - 1) / 2).code;
}

Status SupportStore::setSupportThreshold(const QString &reliabilityCode) {
    if (gradingScheme().reliabilityRank(reliabilityCode) < 0) {
        return Error{tr("\"%1\" is not a reliability grade of this case").arg(reliabilityCode)};
    }
    auto st = m_case.setMeta(ThresholdKey, reliabilityCode);
    if (st) {
        Q_EMIT m_case.evidenceChanged(0);
    }
    return st;
}

std::optional<Claim> SupportStore::claim(qint64 claimId) const {
    const qint64 entity = entityOfClaim(claimId);
    if (!entity) {
        return std::nullopt;
    }
    for (const auto &c : m_case.evidence().claimsFor(entity)) {
        if (c.id == claimId) {
            return c;
        }
    }
    return std::nullopt;
}

std::optional<Excerpt> SupportStore::excerpt(qint64 excerptId) const {
    auto *s = m_case.database().cached("SELECT claim FROM excerpt WHERE id=?");
    s->bind(1, excerptId);
    const qint64 claimId = s->step() ? s->int64(0) : 0;
    s->reset();
    if (const auto c = claimId ? claim(claimId) : std::nullopt) {
        for (const auto &x : c->excerpts) {
            if (x.id == excerptId) {
                return x;
            }
        }
    }
    return std::nullopt;
}

qint64 SupportStore::entityOfClaim(qint64 claimId) const {
    auto *s = m_case.database().cached("SELECT entity FROM claim WHERE id=?");
    s->bind(1, claimId);
    const qint64 entity = s->step() ? s->int64(0) : 0;
    s->reset();
    return entity;
}

qint64 SupportStore::findClaim(qint64 entityRowId, const QString &property, const QString &value) const {
    auto *s = m_case.database().cached(
        "SELECT id FROM claim WHERE entity=? AND coalesce(prop,'')=? AND coalesce(value,'')=? ORDER BY id LIMIT 1");
    s->bind(1, entityRowId).bind(2, property).bind(3, property.isEmpty() ? QString() : value);
    const qint64 id = s->step() ? s->int64(0) : 0;
    s->reset();
    return id;
}

Status SupportStore::checkQuote(const Excerpt &x) const {
    const auto src = m_case.evidence().source(x.sourceId);
    if (!src) {
        return Error{tr("excerpt refers to a missing source (%1)").arg(x.sourceId)};
    }
    const QString actual = codePointSlice(src->text, x.start, x.end);
    if (x.start < 0 || x.end <= x.start || actual != x.quote) {
        return Error{tr("the quote does not match the source text at %1-%2: expected \"%3\", found \"%4\"")
                         .arg(x.start)
                         .arg(x.end)
                         .arg(x.quote, actual)};
    }
    return {};
}

Result<qint64> SupportStore::addExcerpt(const Excerpt &x) {
    const qint64 entity = entityOfClaim(x.claimId);
    if (!entity) {
        return Error{tr("the claim no longer exists")};
    }
    if (auto st = checkQuote(x); !st) {
        return st.error();
    }
    auto &db = m_case.database();
    auto *e = x.id > 0 ? db.cached("INSERT INTO excerpt(claim, source, start, end, quote, stance, reliability, "
                                   "comment, created_at, actor, id) VALUES(?,?,?,?,?,?,?,?,?,?,?)")
                       : db.cached("INSERT INTO excerpt(claim, source, start, end, quote, stance, reliability, "
                                   "comment, created_at, actor) VALUES(?,?,?,?,?,?,?,?,?,?)");
    e->bind(1, x.claimId).bind(2, x.sourceId).bind(3, x.start).bind(4, x.end).bind(5, x.quote);
    e->bind(6, Excerpt::stanceName(x.stance));
    bindOptional(e, 7, x.reliability);
    bindOptional(e, 8, x.comment);
    e->bind(9, (x.createdAt.isValid() ? x.createdAt : QDateTime::currentDateTimeUtc()).toString(Qt::ISODateWithMs));
    e->bind(10, x.actor.isEmpty() ? m_case.actor() : x.actor);
    if (x.id > 0) {
        e->bind(11, x.id);
    }
    if (auto st = e->run(); !st) {
        return st.error();
    }
    const qint64 id = db.lastInsertRowId();
    Q_EMIT m_case.evidenceChanged(entity);
    return id;
}

Status SupportStore::removeExcerpt(qint64 excerptId) {
    const auto x = excerpt(excerptId);
    if (!x) {
        return Error{tr("the excerpt no longer exists")};
    }
    auto *s = m_case.database().cached("DELETE FROM excerpt WHERE id=?");
    s->bind(1, excerptId);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.evidenceChanged(entityOfClaim(x->claimId));
    return {};
}

Status SupportStore::removeClaim(qint64 claimId) {
    const qint64 entity = entityOfClaim(claimId);
    if (!entity) {
        return Error{tr("the claim no longer exists")};
    }
    auto *s = m_case.database().cached("DELETE FROM claim WHERE id=?");
    s->bind(1, claimId);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.evidenceChanged(entity);
    return {};
}

Status SupportStore::setClaimGrading(qint64 claimId, const QString &credibility, const QString &status) {
    const qint64 entity = entityOfClaim(claimId);
    if (!entity) {
        return Error{tr("the claim no longer exists")};
    }
    if (!ClaimStatus::all().contains(status)) {
        return Error{tr("unknown claim status \"%1\"").arg(status)};
    }
    auto *s = m_case.database().cached("UPDATE claim SET credibility=?, status=? WHERE id=?");
    bindOptional(s, 1, credibility);
    s->bind(2, status).bind(3, claimId);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.evidenceChanged(entity);
    return {};
}

Status SupportStore::setExcerptGrading(qint64 excerptId, const QString &reliability, Excerpt::Stance stance) {
    const auto x = excerpt(excerptId);
    if (!x) {
        return Error{tr("the excerpt no longer exists")};
    }
    auto *s = m_case.database().cached("UPDATE excerpt SET reliability=?, stance=? WHERE id=?");
    bindOptional(s, 1, reliability);
    s->bind(2, Excerpt::stanceName(stance)).bind(3, excerptId);
    if (auto st = s->run(); !st) {
        return st;
    }
    Q_EMIT m_case.evidenceChanged(entityOfClaim(x->claimId));
    return {};
}

QList<SupportStore::Row> SupportStore::supportRows(qint64 entityRowId) const {
    QList<Row> out;
    auto *s = m_case.database().cached(
        "SELECT c.id, c.entity, coalesce(c.prop,''), coalesce(c.value,''), c.status, coalesce(c.credibility,''), "
        "coalesce(x.source,0), coalesce(x.reliability,''), coalesce(x.stance,'') "
        "FROM claim c LEFT JOIN excerpt x ON x.claim = c.id WHERE ?1 = 0 OR c.entity = ?1 ORDER BY c.id, x.id");
    s->bind(1, entityRowId);
    while (s->step()) {
        out.append(Row{s->int64(0), s->int64(1), s->text(2), s->text(3), s->text(4), s->text(5), s->int64(6),
                       s->text(7), s->text(8) == QLatin1String("contradicts")});
    }
    s->reset();
    return out;
}

Support SupportStore::summarise(const QList<Row> &rows, const GradingScheme &scheme) const {
    Support out;
    QSet<qint64> claims;
    QSet<qint64> sources;
    int bestReliability = -1;
    int bestCredibility = -1;
    bool disputed = false;
    bool corroborated = false;
    bool allRetracted = true;
    const auto better = [](int rank, int best) { return rank >= 0 && (best < 0 || rank < best); };
    for (const Row &r : rows) {
        if (!claims.contains(r.claimId)) {
            claims.insert(r.claimId);
            disputed = disputed || r.status == ClaimStatus::Disputed;
            corroborated = corroborated || r.status == ClaimStatus::Corroborated;
            allRetracted = allRetracted && r.status == ClaimStatus::Retracted;
        }
        if (!r.sourceId || r.status == ClaimStatus::Retracted) {
            continue;
        }
        if (r.contradicts) {
            ++out.contradicting;
            continue;
        }
        ++out.excerpts;
        sources.insert(r.sourceId);
        if (const int rank = scheme.reliabilityRank(r.reliability); better(rank, bestReliability)) {
            bestReliability = rank;
        }
        if (const int rank = scheme.credibilityRank(r.credibility); better(rank, bestCredibility)) {
            bestCredibility = rank;
        }
    }
    out.claims = int(claims.size());
    out.sources = int(sources.size());
    out.bestReliability = bestReliability >= 0 ? scheme.reliability.at(bestReliability).code : QString();
    out.bestCredibility = bestCredibility >= 0 ? scheme.credibility.at(bestCredibility).code : QString();
    if (!claims.isEmpty()) {
        out.status = disputed || out.contradicting > 0 ? ClaimStatus::Disputed
                     : corroborated                    ? ClaimStatus::Corroborated
                     : allRetracted                    ? ClaimStatus::Retracted
                                                       : ClaimStatus::Unverified;
    }
    return out;
}

Support SupportStore::supportOf(qint64 entityRowId, const QString &property, const QString &value) const {
    QList<Row> rows = supportRows(entityRowId);
    if (!property.isEmpty()) {
        rows.removeIf([&](const Row &r) { return r.property != property || (!value.isEmpty() && r.value != value); });
    }
    return summarise(rows, gradingScheme());
}

QHash<qint64, Support> SupportStore::supportOfAll() const {
    QHash<qint64, QList<Row>> byEntity;
    for (const Row &r : supportRows(0)) {
        byEntity[r.entityRowId].append(r);
    }
    const GradingScheme scheme = gradingScheme();
    QHash<qint64, Support> out;
    for (auto it = byEntity.cbegin(); it != byEntity.cend(); ++it) {
        out.insert(it.key(), summarise(it.value(), scheme));
    }
    return out;
}

QList<UnsupportedFact> SupportStore::unsupportedFacts(const QString &threshold) const {
    return unsupportedFactList(threshold, std::numeric_limits<qint64>::max()).facts;
}

UnsupportedFactList SupportStore::unsupportedFactList(const QString &threshold, qint64 maxPerKind,
                                                      const std::atomic_bool *cancel) const {
    // Checked every few thousand rows: a million-entity case takes seconds.
    qint64 steps = 0;
    const auto cancelled = [&] { return cancel && (++steps & 4095) == 0 && cancel->load(); };
    const GradingScheme scheme = gradingScheme();
    const int limit = scheme.reliabilityRank(threshold.isEmpty() ? supportThreshold() : threshold);
    const auto &reg = SchemaRegistry::instance();
    auto &db = m_case.database();
    UnsupportedFactList out;

    // What is supported: entities with any supporting passage, and (entity, property, value).
    QSet<qint64> supportedEntities;
    QSet<QString> supportedValues;
    struct ClaimGrades {
        qint64 entity = 0;
        QString property, value;
        int best = -1;
        bool ungraded = false;
        bool supported = false;
    };
    QMap<qint64, ClaimGrades> claims;
    for (const Row &r : supportRows(0)) {
        if (!r.sourceId || r.contradicts || r.status == ClaimStatus::Retracted) {
            continue;
        }
        supportedEntities.insert(r.entityRowId);
        supportedValues.insert(QString::number(r.entityRowId) + QLatin1Char('\x1f') + r.property +
                               QLatin1Char('\x1f') + r.value);
        auto &c = claims[r.claimId];
        c.entity = r.entityRowId;
        c.property = r.property;
        c.value = r.value;
        c.supported = true;
        const int rank = scheme.reliabilityRank(r.reliability);
        if (rank < 0) {
            c.ungraded = true;
        } else if (c.best < 0 || rank < c.best) {
            c.best = rank;
        }
    }

    // Relationships without a supporting passage.
    QStringList edges;
    for (const auto &name : reg.names()) {
        if (reg.schema(name)->isEdge()) {
            edges << name;
        }
    }
    if (!edges.isEmpty()) {
        auto q = db.prepare(QStringLiteral("SELECT id, schema, caption FROM entity WHERE schema IN (%1) "
                                           "ORDER BY caption COLLATE NOCASE, id")
                                .arg(placeholders(edges.size())));
        if (q) {
            for (int i = 0; i < edges.size(); ++i) {
                (*q)->bind(i + 1, edges.at(i));
            }
            while ((*q)->step()) {
                if (cancelled()) {
                    return out;
                }
                if (!supportedEntities.contains((*q)->int64(0)) && ++out.relationships <= maxPerKind) {
                    UnsupportedFact f;
                    f.kind = UnsupportedFact::Kind::Relationship;
                    f.entityRowId = (*q)->int64(0);
                    f.schema = (*q)->text(1);
                    f.caption = (*q)->text(2);
                    out.facts.append(f);
                }
            }
        }
    }

    // Dated values without a supporting passage on that very value (sources' own dates aside).
    const QStringList dateProps = propertyNamesOfType(PropertyType::Date);
    if (!dateProps.isEmpty()) {
        auto q = db.prepare(QStringLiteral("SELECT s.entity, e.schema, e.caption, s.prop, s.value FROM statement s "
                                           "JOIN entity e ON e.id = s.entity WHERE s.prop IN (%1) "
                                           "ORDER BY e.caption COLLATE NOCASE, e.id, s.prop, s.value")
                                .arg(placeholders(dateProps.size())));
        if (q) {
            for (int i = 0; i < dateProps.size(); ++i) {
                (*q)->bind(i + 1, dateProps.at(i));
            }
            while ((*q)->step()) {
                if (cancelled()) {
                    return out;
                }
                const Schema *schema = reg.schema((*q)->text(1));
                const PropertySpec *spec = schema ? schema->property((*q)->text(3)) : nullptr;
                if (!spec || spec->type != PropertyType::Date || isSourceSchema(schema)) {
                    continue;
                }
                const QString key = QString::number((*q)->int64(0)) + QLatin1Char('\x1f') + (*q)->text(3) +
                                    QLatin1Char('\x1f') + (*q)->text(4);
                if (!supportedValues.contains(key) && ++out.dates <= maxPerKind) {
                    UnsupportedFact f;
                    f.kind = UnsupportedFact::Kind::DatedFact;
                    f.entityRowId = (*q)->int64(0);
                    f.schema = (*q)->text(1);
                    f.caption = (*q)->text(2);
                    f.property = (*q)->text(3);
                    f.value = (*q)->text(4);
                    out.facts.append(f);
                }
            }
        }
    }

    // Claims whose every supporting passage is graded, and graded below the threshold.
    if (limit >= 0) {
        for (auto it = claims.cbegin(); it != claims.cend(); ++it) {
            const ClaimGrades &c = it.value();
            if (!c.supported || c.ungraded || c.best <= limit || ++out.weakClaims > maxPerKind) {
                continue;
            }
            const auto row = m_case.entities().row(c.entity);
            UnsupportedFact f;
            f.kind = UnsupportedFact::Kind::WeakSupport;
            f.entityRowId = c.entity;
            f.schema = row ? row->schema : QString();
            f.caption = row ? row->caption : QString();
            f.property = c.property;
            f.value = c.value;
            f.claimId = it.key();
            f.bestReliability = scheme.reliability.at(c.best).code;
            out.facts.append(f);
        }
    }
    return out;
}

QList<EntityName> SupportStore::entityNames() const {
    const auto &reg = SchemaRegistry::instance();
    const QStringList nameProps = propertyNamesOfType(PropertyType::Name);
    QList<EntityName> out;
    if (nameProps.isEmpty()) {
        return out;
    }
    auto q = m_case.database().prepare(QStringLiteral("SELECT s.entity, e.schema, s.prop, s.value FROM statement s "
                                                      "JOIN entity e ON e.id = s.entity WHERE s.prop IN (%1) "
                                                      "ORDER BY s.entity, s.id")
                                           .arg(placeholders(nameProps.size())));
    if (!q) {
        return out;
    }
    for (int i = 0; i < nameProps.size(); ++i) {
        (*q)->bind(i + 1, nameProps.at(i));
    }
    const Schema *schema = nullptr;
    QString schemaName;
    while ((*q)->step()) {
        if ((*q)->text(1) != schemaName) {
            schemaName = (*q)->text(1);
            schema = reg.schema(schemaName);
        }
        const PropertySpec *spec = schema ? schema->property((*q)->text(2)) : nullptr;
        if (!spec || spec->type != PropertyType::Name || schema->isEdge() || isSourceSchema(schema)) {
            continue;
        }
        out.append(EntityName{(*q)->int64(0), schemaName, (*q)->text(3)});
    }
    return out;
}

QList<ListedName> SupportStore::listedNames() const {
    QStringList nameProps = propertyNamesOfType(PropertyType::Name);
    nameProps.removeAll(QStringLiteral("weakAlias")); // FtM: not to be matched on
    QList<ListedName> out;
    if (nameProps.isEmpty()) {
        return out;
    }
    // The names are read out of each entry's FtM JSON by SQLite's json_each: no JSON parsing
    // per entry in C++ (a list has tens of thousands).
    auto q = m_case.database().prepare(
        QStringLiteral("SELECT v.id, e.eid, l.name, e.caption, e.schema, e.program, n.value "
                       "FROM ref_list l JOIN ref_list_version v ON v.id = "
                       "(SELECT max(id) FROM ref_list_version WHERE list = l.id) "
                       "JOIN ref_entry e ON e.version = v.id, "
                       "json_each(e.data, '$.entity.properties') p, json_each(p.value) n "
                       "WHERE p.key IN (%1) AND n.type = 'text' ORDER BY v.id, e.eid")
            .arg(placeholders(nameProps.size())));
    if (!q) {
        return out;
    }
    for (int i = 0; i < nameProps.size(); ++i) {
        (*q)->bind(i + 1, nameProps.at(i));
    }
    while ((*q)->step()) {
        auto &s = **q;
        out.append(ListedName{s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    }
    return out;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screeningrecord.h"
#include "screeningtables_p.h"

#include "core/entity.h"
#include "core/schema.h"

#include <QSet>

#include <algorithm>

namespace Casegraph::Models {

namespace {

const QSet<QString> &nameProperties()
{
    static const QSet<QString> names = {QStringLiteral("name"), QStringLiteral("alias"), QStringLiteral("previousName"),
                                        QStringLiteral("weakAlias")};
    return names;
}

bool isUsccProperty(const QString &property)
{
    return property == QLatin1String("uscCode") || property == QLatin1String("unifiedSocialCreditCode");
}

// Dates of different precision agree when one is a prefix of the other ("1971" and
// "1971-01-22"), as FtmDate spans do.
bool datesCompatible(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    return n >= 4 && QStringView(a).left(n) == QStringView(b).left(n);
}

// One word of at most five letters: an acronym ("RFA", "MPS") or a short word ("Times").
bool isShortName(const NormalizedName &n)
{
    return n.tokens.size() == 1 && n.tokens.first().text.size() <= 5 && !n.tokens.first().has(NameToken::Number);
}

// Names whose full forms can contradict each other: both in the same script, or both Latin.
bool comparableScripts(NameScript a, NameScript b)
{
    const auto latin = [](NameScript s) { return s == NameScript::Latin || s == NameScript::Unknown; };
    return a == b || (latin(a) && latin(b));
}

} // namespace

ScreeningRecord ScreeningRecord::fromEntity(const Entity &entity)
{
    ScreeningRecord r;
    r.id = entity.id;
    r.schema = entity.schema;
    r.caption = entity.caption;
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    for (const PropertyValue &v : entity.values) {
        if (v.value.trimmed().isEmpty()) {
            continue;
        }
        const PropertySpec *spec = schema ? schema->property(v.property) : nullptr;
        if (nameProperties().contains(v.property)) {
            if (!r.names.contains(v.value)) {
                r.names << v.value;
            }
        } else if (isUsccProperty(v.property)
                   || (spec && spec->type == PropertyType::Identifier && v.property != QLatin1String("programId"))) {
            r.identifiers << Identifier{v.property, v.value};
        } else if (spec && spec->type == PropertyType::Country) {
            const QString c = v.value.trimmed().toLower();
            if (!r.countries.contains(c)) {
                r.countries << c;
            }
        } else if (v.property == QLatin1String("birthDate")) {
            r.birthDates << v.value.trimmed();
        } else if (v.property == QLatin1String("incorporationDate")) {
            r.incorporationDates << v.value.trimmed();
        }
    }
    if (r.caption.isEmpty() && !r.names.isEmpty()) {
        r.caption = r.names.first();
    }
    return r;
}

NameKind ScreeningRecord::nameKind() const
{
    if (const Schema *s = SchemaRegistry::instance().schema(schema)) {
        if (s->isA(QStringLiteral("Person"))) {
            return NameKind::Person;
        }
        if (s->isA(QStringLiteral("Organization"))) {
            return NameKind::Organization;
        }
        return NameKind::Unknown;
    }
    if (schema == QLatin1String("Person")) {
        return NameKind::Person;
    }
    if (schema == QLatin1String("Company") || schema == QLatin1String("Organization")
        || schema == QLatin1String("PublicBody")) {
        return NameKind::Organization;
    }
    return NameKind::Unknown;
}

// ---- identifiers ------------------------------------------------------------------------

QString IdentifierKind::normalizeValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c.isLetterOrNumber() && c.unicode() < 0x80) {
            out += c.toUpper();
        }
    }
    return out;
}

bool IdentifierKind::isValidLei(const QString &v)
{
    if (v.size() != 20) {
        return false;
    }
    int remainder = 0;
    for (QChar c : v) {
        int d = 0;
        if (c.isDigit()) {
            d = c.unicode() - '0';
            remainder = (remainder * 10 + d) % 97;
        } else if (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) {
            d = c.unicode() - 'A' + 10;
            remainder = (remainder * 100 + d) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

bool IdentifierKind::isValidUscc(const QString &v)
{
    static const QString alphabet = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    static const int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    if (v.size() != 18) {
        return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const qsizetype value = alphabet.indexOf(v.at(i));
        if (value < 0) {
            return false;
        }
        sum += int(value) * weights[i];
    }
    const int check = (31 - sum % 31) % 31;
    return v.at(17) == alphabet.at(check);
}

IdentifierKind IdentifierKind::of(const QString &property, const QString &v)
{
    if (property == QLatin1String("leiCode") || isValidLei(v)) {
        return {QStringLiteral("LEI"), true};
    }
    if (isUsccProperty(property) || (v.size() == 18 && isValidUscc(v))) {
        return {QStringLiteral("USCC"), true};
    }
    if (property == QLatin1String("innCode")) {
        return {QStringLiteral("TAX"), true};
    }
    if (property == QLatin1String("taxNumber") || property == QLatin1String("vatCode")) {
        return {QStringLiteral("TAX"), false};
    }
    if (property == QLatin1String("ogrnCode")) {
        return {QStringLiteral("REG"), true};
    }
    if (property == QLatin1String("registrationNumber")) {
        return {QStringLiteral("REG"), false};
    }
    return {property, false};
}

PreparedRecord PreparedRecord::prepare(const ScreeningRecord &record, const NameNormalizer &normalizer)
{
    PreparedRecord p;
    p.record = record;
    const NameKind kind = record.nameKind();
    for (const QString &name : record.names) {
        NormalizedName n = normalizer.normalize(name, kind);
        if (!n.isEmpty()) {
            p.names << std::move(n);
        }
    }
    if (kind != NameKind::Person) {
        const auto tables = ScreeningTables::bundled();
        for (const NormalizedName &n : std::as_const(p.names)) {
            for (const NameToken &t : n.tokens) {
                for (const QString &code : tables->countryWords.value(t.text)) {
                    if (!p.namedCountries.contains(code)) {
                        p.namedCountries << code;
                    }
                }
            }
        }
    }
    for (const Identifier &id : record.identifiers) {
        const QString value = IdentifierKind::normalizeValue(id.value);
        if (value.size() >= 4) {
            p.identifiers << PreparedIdentifier{id.property, value, IdentifierKind::of(id.property, value)};
        }
    }
    return p;
}

// ---- comparison -------------------------------------------------------------------------

Candidate compareRecords(const PreparedRecord &query, const PreparedRecord &entry, const NameMatcher &matcher,
                         const EvidenceSettings &settings, bool details)
{
    Candidate c;
    c.queryId = query.record.id;
    c.entryId = entry.record.id;
    c.entryCaption = entry.record.caption;
    qsizetype bestQ = -1;
    qsizetype bestE = -1;
    double best = -1;
    for (qsizetype i = 0; i < query.names.size(); ++i) {
        for (qsizetype j = 0; j < entry.names.size(); ++j) {
            const double score = matcher.compare(query.names.at(i), entry.names.at(j), false).score;
            if (score > best) {
                best = score;
                bestQ = i;
                bestE = j;
            }
        }
    }
    if (bestQ >= 0) {
        c.names = matcher.compare(query.names.at(bestQ), entry.names.at(bestE), details);
        c.queryName = query.names.at(bestQ);
        c.entryName = entry.names.at(bestE);
    }
    c.nameScore = c.names.score;
    if (bestQ >= 0 && best > 0
        && (isShortName(c.queryName) || isShortName(c.entryName) || c.names.acronym)) {
        // A short name (an acronym such as "RFA", a word such as "Times") stands for many
        // parties: when both parties also have full names that can be compared, the match can
        // be no stronger than the full names' match.
        double full = -1;
        for (const NormalizedName &q : query.names) {
            for (const NormalizedName &e : entry.names) {
                if (isShortName(q) || isShortName(e) || !comparableScripts(q.script, e.script)) {
                    continue;
                }
                const double s = matcher.compare(q, e, false).score;
                if (s > full) {
                    full = s;
                    c.fullQueryName = q.original;
                    c.fullEntryName = e.original;
                }
            }
        }
        if (full >= 0 && full < c.nameScore) {
            c.shortNameLimited = true;
            c.shortName = isShortName(c.queryName) || (c.names.acronym && c.queryName.tokens.size() == 1)
                              ? c.queryName.original
                              : c.entryName.original;
            c.fullNameScore = full;
            c.nameScore = full;
        }
    }
    double score = c.nameScore;

    // Identifiers: one agreement decides; a disagreement of a type both sides state lowers.
    QSet<QString> typesBoth;
    QSet<QString> typesAgreeing;
    for (const auto &qi : query.identifiers) {
        for (const auto &ei : entry.identifiers) {
            const bool sameType = qi.kind.type == ei.kind.type;
            const bool equal = qi.value == ei.value && (sameType || qi.value.size() >= 8);
            if (sameType) {
                typesBoth.insert(qi.kind.type);
            }
            if (equal) {
                typesAgreeing.insert(qi.kind.type);
                c.identifiers << IdentifierEvidence{qi.kind.type, qi.property, ei.property, qi.value, ei.value, true};
            }
        }
    }
    if (!typesAgreeing.isEmpty()) {
        c.identifierAgrees = true;
        score = 1.0;
    } else {
        for (const QString &type : std::as_const(typesBoth)) {
            bool queryStrong = false;
            bool entryStrong = false;
            QStringList qv;
            QStringList ev;
            QString qp;
            QString ep;
            for (const auto &qi : query.identifiers) {
                if (qi.kind.type == type) {
                    qv << qi.value;
                    qp = qi.property;
                    queryStrong = queryStrong || qi.kind.strong;
                }
            }
            for (const auto &ei : entry.identifiers) {
                if (ei.kind.type == type) {
                    ev << ei.value;
                    ep = ei.property;
                    entryStrong = entryStrong || ei.kind.strong;
                }
            }
            c.identifiers << IdentifierEvidence{type, qp, ep, qv.join(QLatin1String(", ")), ev.join(QLatin1String(", ")), false};
            const bool strong = queryStrong && entryStrong;
            c.identifierPenalty = std::max(c.identifierPenalty,
                                           strong ? settings.strongIdentifierPenalty : settings.weakIdentifierPenalty);
        }
        score -= c.identifierPenalty;
    }

    // Countries
    c.queryCountries = query.record.countries;
    c.entryCountries = entry.record.countries;
    // A party that gives no country: the countries its names name (OFAC's "COMMUNIST PARTY OF
    // THE PHILIPPINES" has no country field).
    if (c.queryCountries.isEmpty() && !query.namedCountries.isEmpty()) {
        c.queryCountries = query.namedCountries;
        c.countriesFromNames = true;
    }
    if (c.entryCountries.isEmpty() && !entry.namedCountries.isEmpty()) {
        c.entryCountries = entry.namedCountries;
        c.countriesFromNames = true;
    }
    if (!c.queryCountries.isEmpty() && !c.entryCountries.isEmpty()) {
        const bool overlap = std::any_of(c.queryCountries.cbegin(), c.queryCountries.cend(),
                                         [&](const QString &x) { return c.entryCountries.contains(x); });
        c.countryConflict = !overlap;
        if (c.countryConflict && !c.identifierAgrees) {
            c.countryAdjustment = -settings.countryPenalty;
            score += c.countryAdjustment;
        }
    }

    // Dates: birth for people, incorporation for organisations
    auto checkDates = [&](const QStringList &q, const QStringList &e, const char *property, double penalty) {
        if (q.isEmpty() || e.isEmpty() || !c.dateProperty.isEmpty()) {
            return;
        }
        c.dateProperty = QString::fromLatin1(property);
        c.queryDates = q;
        c.entryDates = e;
        bool compatible = false;
        for (const QString &a : q) {
            for (const QString &b : e) {
                compatible = compatible || datesCompatible(a, b);
            }
        }
        c.dateAgrees = compatible;
        c.dateConflict = !compatible;
        if (!c.identifierAgrees) {
            c.dateAdjustment = compatible ? settings.dateAgreeBonus : -penalty;
            score += c.dateAdjustment;
        }
    };
    checkDates(query.record.birthDates, entry.record.birthDates, "birthDate", settings.birthDatePenalty);
    checkDates(query.record.incorporationDates, entry.record.incorporationDates, "incorporationDate",
               settings.incorporationDatePenalty);

    c.score = std::clamp(score, 0.0, 1.0);
    return c;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screeningrecord.h"

#include <QJsonArray>
#include <QLocale>

namespace Casegraph::Models {

namespace {

QString fixed(double x)
{
    return QString::number(x, 'f', 2);
}

QString quoted(const QString &s)
{
    return QStringLiteral("\u201C") + s + QStringLiteral("\u201D");
}

QString methodLabel(const QString &method)
{
    if (method == QLatin1String("jaro-winkler")) return Candidate::tr("spelling variant");
    if (method == QLatin1String("romanisation")) return Candidate::tr("romanisation variant");
    if (method == QLatin1String("skeleton")) return Candidate::tr("same consonants");
    if (method == QLatin1String("initial")) return Candidate::tr("initial");
    if (method == QLatin1String("compound")) return Candidate::tr("written as one word");
    if (method == QLatin1String("glossary")) return Candidate::tr("translation");
    if (method == QLatin1String("synonym")) return Candidate::tr("another name for the same kind of institution");
    return QString();
}

// Steps worth quoting: the ones that change what a reader sees, not case or spaces.
bool quotable(const NormalizationStep &s)
{
    return s.rule != QLatin1String("casefold") && s.rule != QLatin1String("punctuation")
           && s.rule != QLatin1String("nfkc") && s.rule != QLatin1String("stopword");
}

QJsonObject nameJson(const NormalizedName &n, const QString &id)
{
    QJsonArray steps;
    for (const auto &s : n.trace) {
        steps.append(QJsonObject{{QStringLiteral("rule"), s.rule}, {QStringLiteral("from"), s.from},
                                 {QStringLiteral("to"), s.to}, {QStringLiteral("text"), s.describe()}});
    }
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("name"), n.original},
                       {QStringLiteral("normalized"), n.text()},
                       {QStringLiteral("script"), NameNormalizer::scriptName(n.script)},
                       {QStringLiteral("legalForm"), n.legalForm},
                       {QStringLiteral("normalisations"), steps}};
}

} // namespace

QString Candidate::explanation() const
{
    QStringList parts;
    if (identifierAgrees) {
        for (const auto &e : identifiers) {
            if (e.agrees) {
                parts << tr("Identifier %1 agrees (%2 %3 = %4 %5): the same party, whatever the names say.")
                             .arg(e.type, e.queryProperty, e.queryValue, e.entryProperty, e.entryValue);
                break;
            }
        }
    }
    parts << tr("Score %1. The name %2 against the listed name %3 scores %4.")
                 .arg(fixed(score), quoted(queryName.original), quoted(entryName.original), fixed(names.score));
    if (names.acronym) {
        parts << tr("One name is the acronym of the other.");
    }
    if (shortNameLimited) {
        parts << tr("%1 is a short name (an acronym or a single short word) that many parties share; both "
                    "parties also have full names, and the best of them, %2 and %3, match only at %4: the score "
                    "is limited to that.")
                     .arg(quoted(shortName),
                          quoted(fullQueryName), quoted(fullEntryName), fixed(fullNameScore));
    }
    QStringList matched;
    for (const auto &p : names.pairs) {
        const QString how = methodLabel(p.method);
        matched << (how.isEmpty() ? tr("%1 = %2 (%3)").arg(p.left, p.right, fixed(p.similarity))
                                  : tr("%1 ≈ %2 (%3, %4)").arg(p.left, p.right, fixed(p.similarity), how));
    }
    if (!matched.isEmpty()) {
        parts << tr("Matched words: %1.").arg(matched.join(QLatin1String("; ")));
    }
    if (!names.unmatchedLeft.isEmpty()) {
        parts << tr("Not found in the listed name: %1.").arg(names.unmatchedLeft.join(QLatin1String(", ")));
    }
    if (!names.unmatchedRight.isEmpty()) {
        parts << tr("Not found in the case name: %1.").arg(names.unmatchedRight.join(QLatin1String(", ")));
    }
    if (!names.qualifiersIgnored.isEmpty()) {
        parts << tr("Not counted, as they only say where the body sits: %1.").arg(names.qualifiersIgnored.join(QLatin1String(", ")));
    }
    if (names.longSideUncovered) {
        parts << tr("Only %1% of the distinctive words of the longer name (common terms, places and legal forms "
                    "aside) are matched, so the shorter name does not carry the score alone.")
                     .arg(qRound(names.longCoverage * 100));
    }
    if (!names.institutionLeft.isEmpty()) {
        parts << tr("Only one name says %1: it may be a body of the other party rather than the party itself.")
                     .arg(quoted(names.institutionLeft));
    }
    if (names.numbersConflict) {
        parts << tr("The numbers in the two names differ.");
    }
    if (names.placesConflict) {
        parts << tr("The two names name different places.");
    }
    if (names.pinyinReading) {
        parts << tr("Compared through the pinyin reading of the Chinese name.");
    }
    switch (names.formRelation) {
    case NameComparison::FormRelation::Agree:
        parts << tr("Legal forms agree (%1).").arg(names.formLeft);
        break;
    case NameComparison::FormRelation::SameKind:
        parts << tr("Legal forms are of the same kind (%1, %2).").arg(names.formLeft, names.formRight);
        break;
    case NameComparison::FormRelation::SameFamily:
        parts << tr("Legal forms differ but both are companies (%1, %2).").arg(names.formLeft, names.formRight);
        break;
    case NameComparison::FormRelation::Conflict:
        parts << tr("Legal forms conflict (%1 vs %2).").arg(names.formLeft, names.formRight);
        break;
    case NameComparison::FormRelation::None:
        break;
    }
    QStringList steps;
    for (const NormalizedName *n : {&queryName, &entryName}) {
        for (const auto &s : n->trace) {
            if (quotable(s)) {
                steps << s.describe();
            }
        }
    }
    if (!steps.isEmpty()) {
        parts << tr("Normalisation: %1.").arg(steps.join(QLatin1String("; ")));
    }
    for (const auto &e : identifiers) {
        if (!e.agrees && !identifierAgrees) {
            parts << tr("Identifier %1 disagrees (%2 vs %3): score lowered by %4.")
                         .arg(e.type, e.queryValue, e.entryValue, fixed(identifierPenalty));
        }
    }
    if (countryConflict) {
        parts << tr("Countries differ (%1 vs %2)%3.")
                     .arg(queryCountries.join(QLatin1String(", ")), entryCountries.join(QLatin1String(", ")),
                          countryAdjustment < 0 ? tr(": score lowered by %1").arg(fixed(-countryAdjustment)) : QString());
        if (countriesFromNames) {
            parts << tr("A party that gives no country is taken to be of the countries its names name.");
        }
    } else if (!queryCountries.isEmpty() && !entryCountries.isEmpty()) {
        parts << tr("Countries agree (%1).").arg(queryCountries.join(QLatin1String(", ")));
    }
    if (!dateProperty.isEmpty()) {
        const bool birth = dateProperty == QLatin1String("birthDate");
        const QString q = queryDates.join(QLatin1String(", "));
        const QString e = entryDates.join(QLatin1String(", "));
        if (dateConflict) {
            parts << (birth ? tr("Birth dates differ (%1 vs %2).") : tr("Incorporation dates differ (%1 vs %2).")).arg(q, e);
        } else {
            parts << (birth ? tr("Birth dates agree (%1, %2).") : tr("Incorporation dates agree (%1, %2).")).arg(q, e);
        }
    }
    return parts.join(QLatin1Char(' '));
}

QJsonObject Candidate::toJson() const
{
    QJsonArray matched;
    for (const auto &p : names.pairs) {
        matched.append(QJsonObject{{QStringLiteral("query"), p.left},
                                   {QStringLiteral("entry"), p.right},
                                   {QStringLiteral("similarity"), p.similarity},
                                   {QStringLiteral("method"), p.method},
                                   {QStringLiteral("weight"), p.weight}});
    }
    QJsonArray ids;
    for (const auto &e : identifiers) {
        ids.append(QJsonObject{{QStringLiteral("type"), e.type},
                               {QStringLiteral("queryProperty"), e.queryProperty},
                               {QStringLiteral("entryProperty"), e.entryProperty},
                               {QStringLiteral("queryValue"), e.queryValue},
                               {QStringLiteral("entryValue"), e.entryValue},
                               {QStringLiteral("agrees"), e.agrees}});
    }
    QJsonObject out{
        {QStringLiteral("score"), score},
        {QStringLiteral("nameScore"), nameScore},
        {QStringLiteral("query"), nameJson(queryName, queryId)},
        {QStringLiteral("entry"), nameJson(entryName, entryId)},
        {QStringLiteral("entryCaption"), entryCaption},
        {QStringLiteral("tokens"),
         QJsonObject{{QStringLiteral("matched"), matched},
                     {QStringLiteral("unmatchedQuery"), QJsonArray::fromStringList(names.unmatchedLeft)},
                     {QStringLiteral("unmatchedEntry"), QJsonArray::fromStringList(names.unmatchedRight)},
                     {QStringLiteral("acronym"), names.acronym},
                     {QStringLiteral("numbersConflict"), names.numbersConflict},
                     {QStringLiteral("placesConflict"), names.placesConflict},
                     {QStringLiteral("pinyinReading"), names.pinyinReading},
                     {QStringLiteral("longCoverage"), names.longCoverage},
                     {QStringLiteral("institutionLeft"), names.institutionLeft},
                     {QStringLiteral("qualifiersIgnored"), QJsonArray::fromStringList(names.qualifiersIgnored)}}},
        {QStringLiteral("legalForm"),
         QJsonObject{{QStringLiteral("query"), names.formLeft},
                     {QStringLiteral("entry"), names.formRight},
                     {QStringLiteral("relation"), NameComparison::formRelationName(names.formRelation)}}},
        {QStringLiteral("shortName"),
         QJsonObject{{QStringLiteral("limited"), shortNameLimited},
                     {QStringLiteral("fullNameScore"), fullNameScore},
                     {QStringLiteral("query"), fullQueryName},
                     {QStringLiteral("entry"), fullEntryName}}},
        {QStringLiteral("identifiers"), ids},
        {QStringLiteral("identifierAgrees"), identifierAgrees},
        {QStringLiteral("identifierPenalty"), identifierPenalty},
        {QStringLiteral("country"),
         QJsonObject{{QStringLiteral("query"), QJsonArray::fromStringList(queryCountries)},
                     {QStringLiteral("entry"), QJsonArray::fromStringList(entryCountries)},
                     {QStringLiteral("conflict"), countryConflict},
                     {QStringLiteral("fromNames"), countriesFromNames},
                     {QStringLiteral("adjustment"), countryAdjustment}}},
        {QStringLiteral("explanation"), explanation()},
    };
    if (!dateProperty.isEmpty()) {
        out.insert(QStringLiteral("date"), QJsonObject{{QStringLiteral("property"), dateProperty},
                                                       {QStringLiteral("query"), QJsonArray::fromStringList(queryDates)},
                                                       {QStringLiteral("entry"), QJsonArray::fromStringList(entryDates)},
                                                       {QStringLiteral("conflict"), dateConflict},
                                                       {QStringLiteral("adjustment"), dateAdjustment}});
    }
    return out;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screeningtables_p.h"

#include "icutext_p.h"
#include "namenormalizer_p.h"
#include "romanisation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <mutex>

namespace Casegraph::Models {

namespace {

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("screening: cannot open %s", qPrintable(path));
        return {};
    }
    return QJsonDocument::fromJson(f.readAll()).object();
}

// Every way a variant can appear in a normalised name: as written (native tokens, Han
// characters one by one) and as transliterated to ASCII.
QList<QStringList> variantSequences(const QString &variant)
{
    const QString simplified = NameNormalizer::simplify(variant);
    QList<QStringList> out;
    const QStringList native = ScreeningText::nativeTokens(simplified);
    if (!native.isEmpty()) {
        out << native;
    }
    const QStringList latin = ScreeningText::latinTokens(simplified);
    if (!latin.isEmpty() && !out.contains(latin)) {
        out << latin;
    }
    return out;
}

GlossaryValue parseGlossary(const QString &value)
{
    GlossaryValue out;
    for (const QString &token : value.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        out << token.split(QLatin1Char('|'), Qt::SkipEmptyParts);
    }
    return out;
}

void loadForms(ScreeningTables &t, const QJsonObject &root)
{
    for (const QJsonValue &v : root.value(QLatin1String("forms")).toArray()) {
        const QJsonObject o = v.toObject();
        LegalForm form{o.value(QLatin1String("code")).toString(), o.value(QLatin1String("family")).toString(),
                       o.value(QLatin1String("kind")).toString(), o.value(QLatin1String("label")).toString()};
        const int index = int(t.forms.size());
        t.forms << form;
        for (const QJsonValue &variant : o.value(QLatin1String("variants")).toArray()) {
            for (const QStringList &words : variantSequences(variant.toString())) {
                QStringList tokens;
                for (const QString &w : words) {
                    tokens << Romanisation::foldKey(w);
                }
                auto &list = t.formPatterns[tokens.first()];
                const bool known = std::any_of(list.cbegin(), list.cend(),
                                               [&](const LegalFormPattern &p) { return p.tokens == tokens; });
                if (!known) {
                    list << LegalFormPattern{tokens, index};
                }
            }
        }
    }
    for (auto &list : t.formPatterns) {
        std::stable_sort(list.begin(), list.end(), [](const LegalFormPattern &a, const LegalFormPattern &b) {
            return a.tokens.size() > b.tokens.size();
        });
    }
}

void loadTerms(ScreeningTables &t, const QJsonObject &root)
{
    for (const QJsonValue &v : root.value(QLatin1String("stopwords")).toArray()) {
        t.stopwords.insert(Icu::foldCase(v.toString()));
    }
    const QJsonObject glossary = root.value(QLatin1String("hanGlossary")).toObject();
    for (auto it = glossary.begin(); it != glossary.end(); ++it) {
        t.hanGlossary.insert(Icu::nfkc(it.key()), parseGlossary(it.value().toString()));
    }
    for (const QJsonValue &v : root.value(QLatin1String("common")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString term = o.value(QLatin1String("term")).toString();
        const double weight = o.value(QLatin1String("weight")).toDouble(0.4);
        const bool place = o.value(QLatin1String("place")).toBool();
        const CommonTerm entry{term, weight, place};
        t.commonWeights.insert(term, weight);
        t.common.insert(term, entry);
        t.commonByKey.insert(Romanisation::foldKey(term), entry);
        for (const QJsonValue &variant : o.value(QLatin1String("variants")).toArray()) {
            const QString written = Icu::nfkc(variant.toString());
            if (NameNormalizer::detectScript(written) == NameScript::Han) {
                if (!t.hanGlossary.contains(written)) {
                    t.hanGlossary.insert(written, GlossaryValue{QStringList{term}});
                }
                continue;
            }
            for (const QStringList &tokens : variantSequences(written)) {
                if (tokens.size() == 1 && !t.common.contains(tokens.first())) {
                    t.common.insert(tokens.first(), entry);
                    const QString key = Romanisation::foldKey(tokens.first());
                    if (!t.commonByKey.contains(key)) {
                        t.commonByKey.insert(key, entry);
                    }
                }
            }
        }
    }
    for (auto it = t.hanGlossary.cbegin(); it != t.hanGlossary.cend(); ++it) {
        t.hanGlossaryMaxLength = std::max(t.hanGlossaryMaxLength, int(it.key().size()));
    }
    const QJsonObject prefixes = root.value(QLatin1String("prefixEquivalents")).toObject();
    for (auto it = prefixes.begin(); it != prefixes.end(); ++it) {
        t.prefixEquivalents << qMakePair(it.key(), it.value().toString());
    }
    std::sort(t.prefixEquivalents.begin(), t.prefixEquivalents.end(),
              [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    const QJsonObject equivalents = root.value(QLatin1String("equivalents")).toObject();
    for (auto it = equivalents.begin(); it != equivalents.end(); ++it) {
        for (const QJsonValue &variant : it.value().toArray()) {
            t.equivalents.insert(variant.toString(), it.key());
        }
    }
    for (const QJsonValue &group : root.value(QLatin1String("institutionSynonyms")).toArray()) {
        QStringList variants;
        for (const QJsonValue &variant : group.toArray()) {
            variants << variant.toString();
        }
        t.institutionSynonyms << variants;
    }
    for (const QJsonValue &qualifier : root.value(QLatin1String("institutionQualifiers")).toArray()) {
        t.institutionQualifiers << qualifier.toString();
    }
    const QJsonObject countries = root.value(QLatin1String("countryNames")).toObject();
    for (auto it = countries.begin(); it != countries.end(); ++it) {
        for (const QJsonValue &word : it.value().toArray()) {
            t.countryWords[word.toString()] << it.key();
        }
    }
}

} // namespace

std::shared_ptr<const ScreeningTables> ScreeningTables::bundled()
{
    static std::shared_ptr<const ScreeningTables> tables;
    static std::once_flag once;
    std::call_once(once, [] {
        auto t = std::make_shared<ScreeningTables>();
        loadForms(*t, readJson(QStringLiteral(":/casegraph/screening/legal-forms.json")));
        loadTerms(*t, readJson(QStringLiteral(":/casegraph/screening/terms.json")));
        tables = std::move(t);
    });
    return tables;
}

} // namespace Casegraph::Models

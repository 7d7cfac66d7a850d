// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private: the screening vocabulary (legal forms, stopwords, common terms, Han glossary,
// equivalents) loaded once from the bundled JSON and prepared for lookups. Immutable after
// load, so shared between threads.

#include "namenormalizer.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace Casegraph::Models {

/// One way of writing a legal form, as a sequence of fold keys of its normalised words
/// (so that "ogranichennoi" and "ogranichennoy" are one word).
struct LegalFormPattern {
    QStringList tokens;
    int form = -1; ///< index into ScreeningTables::forms
};

struct CommonTerm {
    QString canonical;
    double weight = 1.0;
    bool place = false;
};

/// A Han glossary entry: tokens, each with its alternatives (first = shown).
using GlossaryValue = QList<QStringList>;

struct ScreeningTables {
    QList<LegalForm> forms;
    /// Patterns keyed by their first token; longest first within a key.
    QHash<QString, QList<LegalFormPattern>> formPatterns;
    QSet<QString> stopwords;
    /// Any variant (Latin after normalisation, or native script folded) → canonical term.
    QHash<QString, CommonTerm> common;
    /// The same, keyed by the fold key of each variant (telekom = telecom).
    QHash<QString, CommonTerm> commonByKey;
    /// Canonical term → weight.
    QHash<QString, double> commonWeights;
    QHash<QString, GlossaryValue> hanGlossary;
    int hanGlossaryMaxLength = 1;
    /// Latin variant → canonical token (Uyghur and Chinese place names, ethnonyms).
    QHash<QString, QString> equivalents;
    /// Word beginnings read as another language's form of the same name (Ukrainian
    /// volodymyr- = Russian vladimir-), longest first.
    QList<QPair<QString, QString>> prefixEquivalents;
    /// Groups of names for one kind of institution, as written in terms.json ("police",
    /// "public security bureau" …): NameMatcher pairs two different ones of a group only when
    /// the rest of the names (the place) agrees.
    QList<QStringList> institutionSynonyms;
    /// Words of such a name that only say where the institution sits ("Municipal",
    /// "Autonomous Region"): not counted against a pair the synonyms made.
    QStringList institutionQualifiers;
    /// A word naming a country ("philippines", "serbian") → ISO codes (several for "korean").
    QHash<QString, QStringList> countryWords;

    /// The bundled tables, loaded on first use (thread-safe).
    static std::shared_ptr<const ScreeningTables> bundled();
};

} // namespace Casegraph::Models

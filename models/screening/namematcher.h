// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "namenormalizer.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

/// How often each token occurs in a reference list: a token that few entries share
/// ("hikvision") weighs more than one that many do ("technology"). Counted once per entry,
/// however many aliases repeat it.
class TokenStats {
public:
    /// Adds one list entry (all its names).
    void addEntry(const QList<NormalizedName> &names);
    /// ln((N+1)/(df+1)) / ln(N+1), in [0.05, 1]; 1 for a token the list does not have.
    double idf(const QString &token) const;
    int frequency(const QString &token) const { return m_df.value(token); }
    qsizetype entries() const { return m_entries; }

private:
    QHash<QString, int> m_df;
    qsizetype m_entries = 0;
};

/// Settings of the name comparison. Defaults are the ones README.md reports figures for.
struct MatchSettings {
    double tokenThreshold = 0.88;  ///< token pairs less similar than this are not matched
    double distinctiveMass = 0.6;  ///< matched weight of uncommon words (idf units) that makes a match distinctive
    double shortSideWeight = 0.75; ///< at most this much of the score comes from the shorter name alone
    double shortCoverageExponent = 2.0; ///< the shorter name's coverage enters squared: every missing word costs
    /// Share of the longer name's distinctive weight (common terms, places and legal forms
    /// excluded) that must be matched for the shorter name to carry the score alone.
    double longCoverageNeeded = 0.5;
    double placeConflictFactor = 0.6;   ///< both names name a place and the places differ (Nanjing vs Beijing …)
    double institutionFactor = 0.75; ///< one name is an institute/college/school the other does not name
    double acronymScore = 0.8;     ///< score of "IRGC" against "Iranian Revolutionary Guard Corps"
    double numberConflictFactor = 0.5; ///< "502 Research Institute" vs "513 Research Institute"
    double formAgreeBonus = 0.03;      ///< same legal form code
    double formKindBonus = 0.015;      ///< same kind of form (both limited, both joint-stock)
    double formConflictPenalty = 0.05; ///< company vs partnership, nonprofit, state enterprise …
};

/// One aligned token pair and how the similarity was found.
struct TokenPair {
    QString left;
    QString right;
    double similarity = 0;
    QString method; ///< "exact", "jaro-winkler", "romanisation", "skeleton", "initial", "compound", "glossary",
                    ///< "synonym" (two names of one kind of institution: police = public security bureau)
    double weight = 0; ///< the pair's weight in the score (mean of both sides' token weights)
};

/// The result of comparing two normalised names, with everything an explanation needs.
struct NameComparison {
    enum class FormRelation { None, Agree, SameKind, SameFamily, Conflict };
    double score = 0;     ///< in [0, 1], legal-form adjustment included
    double nameScore = 0; ///< before the legal-form adjustment
    QList<TokenPair> pairs;
    QStringList unmatchedLeft;
    QStringList unmatchedRight;
    QString formLeft;
    QString formRight;
    FormRelation formRelation = FormRelation::None;
    bool acronym = false;         ///< matched as an acronym of the other name
    bool numbersConflict = false; ///< both names carry numbers and they differ
    bool placesConflict = false;  ///< both names carry place names and none agrees
    bool pinyinReading = false;   ///< the pure-pinyin reading of a Han name matched better
    double longCoverage = 1;      ///< share of the longer name's distinctive weight matched
    QString institutionLeft;      ///< the kind of institution only one name has ("college")
    /// Words left out of the score because they only say where an institution sits
    /// ("municipal", "autonomous region"), once both names name such a body.
    QStringList qualifiersIgnored;
    bool longSideUncovered = false; ///< longCoverage below MatchSettings::longCoverageNeeded: score lowered

    static QString formRelationName(FormRelation r);
};

/// Compares normalised names: tokens aligned in any order by Jaro-Winkler (checked against
/// Levenshtein so that "SenseTime" does not meet "SenseNets"), romanisation-fold keys,
/// consonant skeletons for abjad and transcribed names, initials and compounds
/// ("dong fang" = "dongfang"); each token weighted by its rarity in the list and its
/// common-term factor. The score leans on the shorter name's coverage, as far as what it
/// matched is distinctive; legal forms adjust it a little. Thread-safe (const).
class NameMatcher {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::NameMatcher)
public:
    /// `stats` may be null (every token then weighs as rare); it must outlive the matcher.
    explicit NameMatcher(const TokenStats *stats = nullptr, MatchSettings settings = {});

    /// `details` = false skips the token pairs and unmatched lists (the score is the same):
    /// the screener scores every candidate that way and explains only the best.
    NameComparison compare(const NormalizedName &left, const NormalizedName &right, bool details = true) const;

    /// Similarity of two tokens in [0, 1] and the method that found it.
    double tokenSimilarity(const NameToken &a, const NameToken &b, QString *method = nullptr) const;
    /// The weight of a token in the score: list rarity × common-term factor.
    double weight(const NameToken &token) const;
    /// Stores each token's weight in the token, so that repeated comparisons skip the lookup.
    void cacheWeights(NormalizedName &name) const;

    /// Jaro-Winkler similarity (prefix scale 0.1, up to 4 characters).
    static double jaroWinkler(QStringView a, QStringView b);
    /// Levenshtein distance.
    static int levenshtein(QStringView a, QStringView b);

    const MatchSettings &settings() const { return m_settings; }

private:
    double similarityOf(const NameToken &a, const NameToken &b, const char **method) const;
    NameComparison compareTokens(const QList<NameToken> &left, const QList<NameToken> &right, bool details) const;

    const TokenStats *m_stats = nullptr;
    MatchSettings m_settings;
};

} // namespace Casegraph::Models

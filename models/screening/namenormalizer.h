// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace Casegraph::Models {

struct ScreeningTables;

/// The writing system a name was written in, as far as screening cares.
enum class NameScript { Unknown, Latin, Han, Cyrillic, Arabic, Uyghur, Greek, Kana, Hangul, Other, Mixed };

/// What kind of party a name belongs to. Legal forms are looked for in organisation names
/// only ("Sue" is a person, not a state unitary enterprise).
enum class NameKind { Unknown, Organization, Person };

/// One normalisation rule that changed a name: a stable rule id, what it saw and what it
/// made of it. Explanations quote these ("Han→Latin: 东方网力 → dong fang wang li").
struct NormalizationStep {
    QString rule; ///< "nfkc", "fullwidth", "casefold", "initialism", "punctuation", "legal-form",
                  ///< "han-glossary", "translit-han", "translit-cyrillic", "translit-greek",
                  ///< "translit-arabic", "translit-uyghur", "translit-other", "diacritics",
                  ///< "stopword", "ordinal", "common-term", "equivalent", "arabic-article",
                  ///< "han-transcription", "acronym"
    QString from;
    QString to;

    /// A translated one-line description ("Han→Latin: 东方网力 → dong fang wang li").
    QString describe() const;
    bool operator==(const NormalizationStep &) const = default;
};

/// One word of a normalised name.
struct NameToken {
    enum Flag : int {
        NoFlag = 0,
        Common = 1,          ///< a common term (Technology, Group, a province): weighs less
        Syllable = 2,        ///< one pinyin syllable of a Han character
        Number = 4,          ///< digits (ordinals and Han numerals included): must agree exactly
        Acronym = 8,         ///< a parenthesised acronym of the name itself "(BUAA)": weighs little
        FromAbjad = 16,      ///< transliterated from Arabic script: vowels are guesses
        Transcription = 32,  ///< a Chinese transcription of a foreign name (伊力哈木·土赫提)
        Glossary = 64,       ///< translated from Han by the glossary
        Uyghur = 128,        ///< from Uyghur Arabic script or a Uyghur equivalent
        Place = 256,         ///< a place name from the common terms (Beijing, Xinjiang …)
    };
    QString text;             ///< ASCII, lower case: what is shown and looked up in the list
    QStringList alternatives; ///< other readings of a glossary word ("aerospace|astronautics")
    QStringList keys;         ///< romanisation-fold keys (Romanisation::foldKeys)
    QString skeleton;         ///< consonant skeleton of the first key
    double prior = 1.0;       ///< weight factor before list frequency (< 1 for common terms)
    double weight = -1;       ///< cached NameMatcher::weight(), or -1
    int flags = NoFlag;

    bool has(Flag f) const { return flags & f; }
};

/// A name after normalisation: the tokens that are compared, the legal form (compared as a
/// form, never as a word), the script it came in and the rules that fired.
struct NormalizedName {
    QString original;
    QList<NameToken> tokens;
    /// A second reading, present when the Han glossary translated words: every Han character
    /// read as pinyin (for lists that romanise Chinese names instead of translating them).
    QList<NameToken> pinyinTokens;
    QString legalForm;     ///< canonical code ("CO_LTD", "LLC" …), empty when none was found
    QString legalFormText; ///< the words recognised as the form, as normalised
    NameScript script = NameScript::Unknown;
    QList<NormalizationStep> trace;

    bool isEmpty() const { return tokens.isEmpty(); }
    /// The tokens joined by spaces.
    QString text() const;
    /// Whether a rule with this id fired.
    bool fired(const QString &rule) const;
};

/// A legal form from resources/screening/legal-forms.json.
struct LegalForm {
    QString code;   ///< "LLC", "CO_LTD", "JSC" …
    QString family; ///< "company", "partnership", "nonprofit", "cooperative", "state", "sole"
    QString kind;   ///< "limited", "joint_stock", "corporation", "generic" … within a family
    QString label;  ///< English description
};

/// Turns a name as written into tokens that can be compared across scripts and spellings:
/// NFKC (full-width → ASCII), case folding, initialisms (S.A. → sa), punctuation,
/// legal-form recognition, Han glossary and ICU transliteration (Han → pinyin without tones,
/// Russian/Ukrainian/Belarusian → Latin (BGN), Greek, Arabic, any other script), our own
/// Uyghur Arabic → ULY table, diacritics, stopwords, ordinals, common terms and Uyghur/Chinese
/// place-name equivalents. Each rule that changes the name is recorded in the trace.
///
/// The tables come from the bundled resources/screening/*.json and are loaded once.
/// Thread-safe: normalize() may be called from any thread at once.
class NameNormalizer {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::NameNormalizer)
public:
    NameNormalizer();
    ~NameNormalizer();
    NameNormalizer(const NameNormalizer &) = default;
    NameNormalizer &operator=(const NameNormalizer &) = default;

    NormalizedName normalize(const QString &name, NameKind kind = NameKind::Unknown) const;

    /// The legal form with this code, or nullptr.
    const LegalForm *legalForm(const QString &code) const;
    /// Whether a token (as normalised) is a common term, and its weight factor (1 when not).
    double commonWeight(const QString &token) const;

    /// The script most letters of `text` are written in (Mixed when no script has 60 %).
    static NameScript detectScript(const QString &text);
    static QString scriptName(NameScript script);

    /// The text-level steps before tokenisation, exposed for tests: NFKC, case folding,
    /// initialisms collapsed, punctuation to spaces (apostrophes dropped).
    static QString simplify(const QString &text);
    /// ICU transliteration of non-Latin text to Latin with tone marks kept out; Han is read
    /// character by character; Uyghur goes through our own table. Diacritics stay.
    static QString toLatin(const QString &text, NameScript script);

private:
    std::shared_ptr<const ScreeningTables> m_tables;
};

} // namespace Casegraph::Models

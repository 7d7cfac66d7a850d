// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Casegraph::Models {

/// Our own romanisation rules, the ones ICU does not have: Uyghur Arabic script to Uyghur
/// Latin (ULY), the romanisation-variant folding used to compare tokens (Uyghur, Russian,
/// pinyin and European spellings of one name), consonant skeletons for abjad-derived
/// names, and numerals. Pure functions; thread-safe. The rules are listed in README.md
/// ("Screening").
class Romanisation {
public:
    /// True when Arabic-script text uses letters only Uyghur (and its Turkic neighbours)
    /// write: ې ۆ ۈ ۇ ڭ ۋ ە.
    static bool isUyghurArabic(const QString &text);
    /// Uyghur Arabic script (UEY) to ULY, letter by letter with our table; keeps ULY's
    /// diacritics (ü ö é). The hamza carrier ئ is silent at the start of a word.
    static QString uyghurToLatin(const QString &text);

    /// Comparison keys of one lower-case token (diacritics allowed): ULY vowels folded,
    /// digraph classes merged (sh/sch/shch/x→s, zh/dzh/dj→j, kh/x→h, gh→g, ch/c/q/k→k,
    /// ts/tz/c→k, w→v, y/j-glides→i), doubled letters collapsed. A token with "x" has two or
    /// three keys (x as ks, s and h), since pinyin, ULY and English read it differently.
    static QStringList foldKeys(const QString &token);
    /// The first fold key: what legal-form words are compared by ("ogranichennoi" = "ogranichennoy").
    static QString foldKey(const QString &token);
    /// Consonants of a fold key, vowels and v (w) dropped, doubles collapsed ("tanzim" → "tnzm").
    static QString consonantSkeleton(const QString &key);
    /// Syllable-level simplification of a Chinese transcription of a foreign name
    /// ("yilihamu" → "iliham"): leading yi→i, wu→u; a final epenthetic vowel is dropped.
    static QString pinyinTranscriptionFold(const QString &token);

    /// Han numerals to digits: "十二" → "12", "五百零二" → "502", "五零二" → "502".
    /// Returns an empty string when `text` has a character that is not a Han numeral.
    static QString hanNumeralToDigits(const QString &text);
    static bool isHanNumeral(char32_t c);
    /// English ordinals to digits: "first" → "1", "12th" → "12", "3rd" → "3"; else empty.
    static QString ordinalToDigits(const QString &token);
};

} // namespace Casegraph::Models

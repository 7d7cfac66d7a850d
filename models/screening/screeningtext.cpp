// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Text-level helpers of the name normaliser (ScreeningText), the script, simplification and
// transliteration functions of NameNormalizer, and NormalizedName/NormalizationStep.
// NameNormalizer::normalize() itself is in namenormalizer.cpp.
#include "namenormalizer.h"

#include "icutext_p.h"
#include "namenormalizer_p.h"
#include "romanisation.h"
#include "screeningtables_p.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Casegraph::Models {

namespace ScreeningText {

// Marks the boundary between the parts of a Chinese transcription of a foreign name
// (伊力哈木·土赫提). Survives tokenisation as a token of its own.
extern const QString kPartMarker = QStringLiteral("\u00B7");

void appendCodePoint(QString &s, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        s += QChar(QChar::highSurrogate(c));
        s += QChar(QChar::lowSurrogate(c));
    } else {
        s += QChar(char16_t(c));
    }
}

bool isApostrophe(char32_t c)
{
    switch (c) {
    case 0x0027: case 0x2019: case 0x2018: case 0x02BC: case 0x02BB: case 0x02BF: case 0x02BE:
    case 0x0060: case 0x00B4: case 0x02B9: case 0x02C8: case 0x05F3: case 0x201B: case 0x02CA:
        return true;
    default:
        return false;
    }
}

bool isMiddleDot(char32_t c)
{
    return c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2022 || c == 0x0387 || c == 0x2219;
}

bool isKana(char32_t c)
{
    const int s = Icu::scriptOf(c);
    return s == Icu::Hiragana || s == Icu::Katakana;
}

NameScript scriptOfCode(int code)
{
    switch (code) {
    case Icu::Latin: return NameScript::Latin;
    case Icu::Han: return NameScript::Han;
    case Icu::Cyrillic: return NameScript::Cyrillic;
    case Icu::Arabic: return NameScript::Arabic;
    case Icu::Greek: return NameScript::Greek;
    case Icu::Hiragana: case Icu::Katakana: return NameScript::Kana;
    case Icu::Hangul: return NameScript::Hangul;
    case Icu::Common: case Icu::Inherited: return NameScript::Unknown;
    default: return NameScript::Other;
    }
}

NameScript tokenScript(const QString &token)
{
    for (const char32_t c : token.toUcs4()) {
        if (QChar::isLetter(c)) {
            const NameScript s = scriptOfCode(Icu::scriptOf(c));
            if (s != NameScript::Unknown) {
                return s;
            }
        }
    }
    return NameScript::Unknown;
}

// Which BGN table reads a Cyrillic name: by the letters only one language uses.
const char *cyrillicTransliterator(const QString &text)
{
    bool ukrainian = false;
    bool belarusian = false;
    bool kazakh = false;
    bool serbian = false;
    for (QChar c : text) {
        switch (c.unicode()) {
        case 0x0457: case 0x0454: case 0x0491: ukrainian = true; break; // ї є ґ
        case 0x045E: belarusian = true; break;                          // ў
        case 0x04D9: case 0x0493: case 0x049B: case 0x04A3: case 0x04E9: case 0x04B1: case 0x04AF: case 0x04BB:
            kazakh = true; break;                                       // ә ғ қ ң ө ұ ү һ
        case 0x0452: case 0x045B: case 0x045F: case 0x0459: case 0x045A: case 0x0458:
            serbian = true; break;                                      // ђ ћ џ љ њ ј
        case 0x0456: // і: Ukrainian or Belarusian, not Russian
            ukrainian = true; break;
        default: break;
        }
    }
    if (belarusian) return "Belarusian-Latin/BGN";
    if (kazakh) return "Kazakh-Latin/BGN";
    if (serbian) return "Serbian-Latin/BGN";
    if (ukrainian) return "Ukrainian-Latin/BGN";
    return "Russian-Latin/BGN";
}

QString pinyinOf(const QString &hanChar)
{
    thread_local QHash<QString, QString> cache;
    auto it = cache.constFind(hanChar);
    if (it != cache.constEnd()) {
        return *it;
    }
    QString syllable = Icu::toAscii(Icu::transliterate("Han-Latin", hanChar)).toLower().trimmed();
    syllable.remove(QLatin1Char(' '));
    if (cache.size() > 20000) {
        cache.clear();
    }
    cache.insert(hanChar, syllable);
    return syllable;
}

// Apostrophes, middle dots and the like left by a transliterator ("otvet·stvennost'yu").
QString cleanLatin(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const char32_t c : s.toUcs4()) {
        if (isApostrophe(c) || isMiddleDot(c) || c == 0x02BA) {
            continue;
        }
        const auto cat = QChar::category(c);
        if (cat == QChar::Mark_NonSpacing && c < 0x0300) {
            continue;
        }
        if ((cat >= QChar::Punctuation_Connector && cat <= QChar::Symbol_Other) && c != '|') {
            out += QLatin1Char(' ');
        } else {
            appendCodePoint(out, c);
        }
    }
    return out;
}

} // namespace ScreeningText

// ---- helpers shared with the table loader and the normaliser -------------------------

namespace ScreeningText {

bool isHan(char32_t c)
{
    return Icu::scriptOf(c) == Icu::Han || c == 0x3007; // 〇
}

QStringList nativeTokens(const QString &simplified)
{
    QStringList out;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    };
    for (const char32_t c : simplified.toUcs4()) {
        if (QChar::isSpace(c)) {
            flush();
        } else if (isHan(c)) {
            flush();
            out << QString::fromUcs4(&c, 1);
        } else {
            appendCodePoint(word, c);
        }
    }
    flush();
    return out;
}

QStringList latinTokens(const QString &simplified)
{
    QStringList out;
    QString hanRun;
    auto flushHan = [&] {
        for (const char32_t c : hanRun.toUcs4()) {
            out << pinyinOf(QString::fromUcs4(&c, 1));
        }
        hanRun.clear();
    };
    const QString cyrillic = QString::fromLatin1(cyrillicTransliterator(simplified));
    for (const QString &token : nativeTokens(simplified)) {
        if (token.size() <= 2 && tokenScript(token) == NameScript::Han) {
            hanRun += token;
            continue;
        }
        flushHan();
        const NameScript script = tokenScript(token);
        QString latin = script == NameScript::Cyrillic
                            ? Icu::transliterate(cyrillic.toLatin1().constData(), token)
                            : NameNormalizer::toLatin(token, script);
        latin = Icu::toAscii(cleanLatin(latin)).toLower();
        out << latin.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    flushHan();
    return out;
}

} // namespace ScreeningText

using namespace ScreeningText;

// ---- NormalizedName / NormalizationStep ------------------------------------------------

QString NormalizedName::text() const
{
    QStringList parts;
    parts.reserve(tokens.size());
    for (const auto &t : tokens) {
        parts << t.text;
    }
    return parts.join(QLatin1Char(' '));
}

bool NormalizedName::fired(const QString &rule) const
{
    return std::any_of(trace.cbegin(), trace.cend(), [&](const NormalizationStep &s) { return s.rule == rule; });
}

QString NormalizationStep::describe() const
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("nfkc"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Unicode NFKC")},
        {QStringLiteral("fullwidth"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Full-width→ASCII")},
        {QStringLiteral("casefold"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Case folding")},
        {QStringLiteral("initialism"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Initialism")},
        {QStringLiteral("punctuation"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Punctuation removed")},
        {QStringLiteral("legal-form"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Legal form")},
        {QStringLiteral("han-glossary"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Han glossary")},
        {QStringLiteral("translit-han"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Han→Latin")},
        {QStringLiteral("translit-cyrillic"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Cyrillic→Latin")},
        {QStringLiteral("translit-greek"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Greek→Latin")},
        {QStringLiteral("translit-arabic"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Arabic→Latin")},
        {QStringLiteral("translit-uyghur"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Uyghur→Latin (ULY)")},
        {QStringLiteral("translit-other"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Script→Latin")},
        {QStringLiteral("diacritics"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Diacritics removed")},
        {QStringLiteral("stopword"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Stopword dropped")},
        {QStringLiteral("ordinal"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Number")},
        {QStringLiteral("common-term"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Common term")},
        {QStringLiteral("equivalent"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Place/people name variant")},
        {QStringLiteral("arabic-article"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Arabic article dropped")},
        {QStringLiteral("han-transcription"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Chinese transcription of a foreign name")},
        {QStringLiteral("acronym"), QT_TRANSLATE_NOOP("Casegraph::Models::NameNormalizer", "Acronym of the name")},
    };
    const char *label = labels.value(rule, nullptr);
    const QString name = label ? QCoreApplication::translate("Casegraph::Models::NameNormalizer", label) : rule;
    if (to.isEmpty()) {
        return QCoreApplication::translate("Casegraph::Models::NameNormalizer", "%1: %2").arg(name, from);
    }
    return QCoreApplication::translate("Casegraph::Models::NameNormalizer", "%1: %2 → %3").arg(name, from, to);
}

// ---- NameNormalizer --------------------------------------------------------------------

NameNormalizer::NameNormalizer() : m_tables(ScreeningTables::bundled()) {}
NameNormalizer::~NameNormalizer() = default;

const LegalForm *NameNormalizer::legalForm(const QString &code) const
{
    for (const auto &f : m_tables->forms) {
        if (f.code == code) {
            return &f;
        }
    }
    return nullptr;
}

double NameNormalizer::commonWeight(const QString &token) const
{
    return m_tables->commonWeights.value(token, 1.0);
}

NameScript NameNormalizer::detectScript(const QString &text)
{
    QHash<int, int> counts;
    int letters = 0;
    bool kana = false;
    for (const char32_t c : text.toUcs4()) {
        if (!QChar::isLetter(c)) {
            continue;
        }
        const NameScript s = scriptOfCode(Icu::scriptOf(c));
        if (s == NameScript::Unknown) {
            continue;
        }
        kana = kana || s == NameScript::Kana;
        ++counts[int(s)];
        ++letters;
    }
    if (letters == 0) {
        return NameScript::Unknown;
    }
    if (kana) {
        return NameScript::Kana; // Japanese: kana with or without kanji
    }
    int best = 0;
    NameScript bestScript = NameScript::Unknown;
    for (auto i = counts.cbegin(); i != counts.cend(); ++i) {
        if (i.value() > best) {
            best = i.value();
            bestScript = NameScript(i.key());
        }
    }
    if (counts.size() > 1 && best * 10 < letters * 6) {
        return NameScript::Mixed;
    }
    if (bestScript == NameScript::Arabic && Romanisation::isUyghurArabic(text)) {
        return NameScript::Uyghur;
    }
    return bestScript;
}

QString NameNormalizer::scriptName(NameScript script)
{
    switch (script) {
    case NameScript::Latin: return QStringLiteral("Latin");
    case NameScript::Han: return QStringLiteral("Han");
    case NameScript::Cyrillic: return QStringLiteral("Cyrillic");
    case NameScript::Arabic: return QStringLiteral("Arabic");
    case NameScript::Uyghur: return QStringLiteral("Uyghur");
    case NameScript::Greek: return QStringLiteral("Greek");
    case NameScript::Kana: return QStringLiteral("Kana");
    case NameScript::Hangul: return QStringLiteral("Hangul");
    case NameScript::Other: return QStringLiteral("Other");
    case NameScript::Mixed: return QStringLiteral("Mixed");
    case NameScript::Unknown: break;
    }
    return QStringLiteral("Unknown");
}

namespace ScreeningText {

// S.A. → sa, U.S.A. → usa, s.r.o. → sro; "J. R. Smith" keeps its initials apart.
QString collapseInitialisms(const QString &s)
{
    if (!s.contains(QLatin1Char('.'))) {
        return s;
    }
    static const QRegularExpression initialism(
        QStringLiteral("(?<![\\p{L}\\p{N}])((?:\\p{L}\\.)+\\p{L})\\.?(?![\\p{L}\\p{N}])"));
    QString out;
    qsizetype last = 0;
    for (auto it = initialism.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        out += m.captured(1).remove(QLatin1Char('.'));
        last = m.capturedEnd();
    }
    out += QStringView(s).mid(last);
    return out;
}

// Punctuation and symbols become spaces; apostrophes vanish (O'Brien → obrien); a middle dot
// between Han characters marks the parts of a transcribed foreign name.
QString punctuationToSpaces(const QString &s)
{
    QString out;
    out.reserve(s.size() + 4);
    const QList<uint> cps = s.toUcs4();
    auto neighbour = [&](qsizetype i, int step) -> char32_t {
        for (i += step; i >= 0 && i < cps.size(); i += step) {
            if (!QChar::isSpace(cps[i])) {
                return cps[i];
            }
        }
        return 0;
    };
    for (qsizetype i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        if (isApostrophe(c)) {
            continue;
        }
        if (isMiddleDot(c)) {
            const char32_t before = neighbour(i, -1);
            const char32_t after = neighbour(i, +1);
            if (ScreeningText::isHan(before) || ScreeningText::isHan(after)) {
                out += QLatin1Char(' ') + kPartMarker + QLatin1Char(' ');
            } else if (isKana(before) || isKana(after)) {
                out += QLatin1Char(' ');
            }
            continue;
        }
        const auto cat = QChar::category(c);
        if ((cat >= QChar::Punctuation_Connector && cat <= QChar::Symbol_Other) || QChar::isSpace(c)
            || cat == QChar::Other_Control || cat == QChar::Other_Format) {
            out += QLatin1Char(' ');
        } else {
            appendCodePoint(out, c);
        }
    }
    return out.simplified();
}

} // namespace ScreeningText

using namespace ScreeningText;

QString NameNormalizer::simplify(const QString &text)
{
    return punctuationToSpaces(collapseInitialisms(Icu::foldCase(Icu::nfkc(text))));
}

QString NameNormalizer::toLatin(const QString &text, NameScript script)
{
    switch (script) {
    case NameScript::Latin:
    case NameScript::Unknown:
        return text;
    case NameScript::Han: {
        QStringList syllables;
        for (const char32_t c : text.toUcs4()) {
            if (ScreeningText::isHan(c)) {
                syllables << pinyinOf(QString::fromUcs4(&c, 1));
            } else if (!QChar::isSpace(c)) {
                syllables << QString::fromUcs4(&c, 1);
            }
        }
        return syllables.join(QLatin1Char(' '));
    }
    case NameScript::Cyrillic:
        return Icu::transliterate(cyrillicTransliterator(text), text);
    case NameScript::Greek:
        return Icu::transliterate("Greek-Latin/UNGEGN", text);
    case NameScript::Uyghur:
        return Romanisation::uyghurToLatin(text);
    case NameScript::Arabic:
        return Romanisation::isUyghurArabic(text) ? Romanisation::uyghurToLatin(text)
                                                  : Icu::transliterate("Arabic-Latin", text);
    case NameScript::Kana:
    case NameScript::Hangul:
    case NameScript::Other:
    case NameScript::Mixed:
        return Icu::transliterate("Any-Latin", text);
    }
    return text;
}

} // namespace Casegraph::Models

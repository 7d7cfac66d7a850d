// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "romanisation.h"

#include "icutext_p.h"

#include <QHash>
#include <QVarLengthArray>

namespace Casegraph::Models {

namespace {

// Uyghur Arabic script → ULY (Uyghur Latin Yéziqi, 2001). Our own table: ICU has none.
// Loan letters of Arabic words are read as Uyghur pronounces them.
struct UyghurLetter {
    char16_t arabic;
    const char16_t *latin;
};
constexpr UyghurLetter kUyghurLetters[] = {
    {u'\u0627', u"a"},  {u'\u0622', u"a"},  {u'\u0623', u"a"},  {u'\u0625', u"i"}, // ا آ أ إ
    {u'\u06D5', u"e"},                                                             // ە
    {u'\u0628', u"b"},  {u'\u067E', u"p"},  {u'\u062A', u"t"},  {u'\u062C', u"j"}, // ب پ ت ج
    {u'\u0686', u"ch"}, {u'\u062E', u"x"},  {u'\u062F', u"d"},  {u'\u0631', u"r"}, // چ خ د ر
    {u'\u0632', u"z"},  {u'\u0698', u"zh"}, {u'\u0633', u"s"},  {u'\u0634', u"sh"}, // ز ژ س ش
    {u'\u063A', u"gh"}, {u'\u0641', u"f"},  {u'\u0642', u"q"},  {u'\u0643', u"k"}, // غ ف ق ك
    {u'\u06A9', u"k"},  {u'\u06AF', u"g"},  {u'\u06AD', u"ng"}, {u'\u0644', u"l"}, // ک گ ڭ ل
    {u'\u0645', u"m"},  {u'\u0646', u"n"},  {u'\u06BE', u"h"},  {u'\u06C1', u"h"}, // م ن ھ ہ
    {u'\u0648', u"o"},  {u'\u06C7', u"u"},  {u'\u06C6', u"\u00F6"}, {u'\u06C8', u"\u00FC"}, // و ۇ ۆ ۈ
    {u'\u06CB', u"w"},  {u'\u06D0', u"\u00E9"}, {u'\u0649', u"i"}, {u'\u064A', u"y"}, // ۋ ې ى ي
    {u'\u06CC', u"y"},  {u'\u0624', u"o"},                                          // ی ؤ
    // Arabic loan letters
    {u'\u062D', u"h"},  {u'\u0635', u"s"},  {u'\u0636', u"z"},  {u'\u0637', u"t"}, // ح ص ض ط
    {u'\u0638', u"z"},  {u'\u062B', u"s"},  {u'\u0630', u"z"},  {u'\u0629', u"e"}, // ظ ث ذ ة
    {u'\u0639', u""},   {u'\u0621', u""},                                           // ع ء
};

const QHash<char16_t, QString> &uyghurTable()
{
    static const QHash<char16_t, QString> table = [] {
        QHash<char16_t, QString> t;
        for (const auto &l : kUyghurLetters) {
            t.insert(l.arabic, QString::fromUtf16(l.latin));
        }
        return t;
    }();
    return table;
}

bool isArabicLetter(QChar c)
{
    const ushort u = c.unicode();
    return (u >= 0x0620 && u <= 0x064A) || (u >= 0x0671 && u <= 0x06D5);
}

bool isVowel(QChar c)
{
    switch (c.unicode()) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
        return true;
    default:
        return false;
    }
}

// Letters with diacritics that carry a sound difference our keys must keep apart from
// plain ASCII folding (š is "sh", not "s"; ULY ä/é are "e").
QString foldLetters(const QString &token)
{
    QString out;
    out.reserve(token.size() + 4);
    for (QChar c : token) {
        switch (c.unicode()) {
        case 0x00E4: case 0x00E9: case 0x00EB: case 0x0259: out += QLatin1Char('e'); break; // ä é ë ə
        case 0x00F6: case 0x00F8: out += QLatin1Char('o'); break;                           // ö ø
        case 0x00FC: out += QLatin1Char('u'); break;                                        // ü
        case 0x0131: out += QLatin1Char('i'); break;                                        // ı
        case 0x011F: out += QLatin1Char('g'); break;                                        // ğ
        case 0x015F: case 0x0161: out += QLatin1String("sh"); break;                        // ş š
        case 0x00E7: case 0x010D: case 0x0107: out += QLatin1String("ch"); break;           // ç č ć
        case 0x017E: case 0x017C: out += QLatin1String("zh"); break;                        // ž ż
        case 0x015D: out += QLatin1String("shch"); break;                                   // ŝ (ISO 9 щ)
        default: out += c;
        }
    }
    return Icu::toAscii(out);
}

// The folding rules, in one pass over an ASCII lower-case token (foldLetters first).
// Each rule is documented in README.md ("Screening", romanisation folding).
QString foldOne(const QString &in)
{
    QVarLengthArray<char16_t, 64> s(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        s[i] = in.at(i).unicode();
    }
    auto vowel = [](char16_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
    qsizetype n = s.size();
    // French -ique = English -ic (islamique/islamic)
    if (n > 4 && s[n - 4] == 'i' && s[n - 3] == 'q' && s[n - 2] == 'u' && s[n - 1] == 'e') {
        n -= 2;
        s.resize(n);
    }
    // A j gliding between a consonant and a vowel (Vjačeslav, Zjuravleva) is "y"; every other j
    // is the English/pinyin/ULY affricate.
    for (qsizetype i = 1; i + 1 < n; ++i) {
        if (s[i] == 'j' && !vowel(s[i - 1]) && s[i - 1] != 'd' && vowel(s[i + 1])) {
            s[i] = 'y';
        }
    }
    // A y between vowels is a glide other systems leave out (aktsionernoye/aktsionernoe);
    // Belarusian ў after a vowel and before a consonant is w in BGN, u elsewhere
    // (Pawlawna/Paulauna); a final -ow (Polish Kałasznikow) stays v.
    QVarLengthArray<char16_t, 64> t;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        if (c == 'y' && i > 0 && i + 1 < n && vowel(s[i - 1]) && s[i - 1] != 'y' && vowel(s[i + 1])) {
            continue;
        }
        if (c == 'w' && i > 0 && i + 1 < n && vowel(s[i - 1]) && !vowel(s[i + 1])) {
            t.append(u'u');
            continue;
        }
        t.append(c);
    }
    // A word-initial u before another vowel is the glide w (Russian уа = Arabic wa).
    if (t.size() > 2 && t[0] == 'u' && vowel(t[1]) && t[1] != 'u') {
        t[0] = 'w';
    }
    auto at = [&](qsizetype i, const char *pattern) {
        for (qsizetype k = 0; pattern[k]; ++k) {
            if (i + k >= t.size() || t[i + k] != char16_t(pattern[k])) {
                return false;
            }
        }
        return true;
    };
    QString out;
    out.reserve(t.size());
    auto emit = [&](char16_t c) {
        switch (c) {
        case 'c': case 'q': c = 'k'; break; // c/q/k one class (Qeshqer/Kashgar, Concern/Kontsern)
        case 'w': c = 'v'; break;
        case 'y': c = 'i'; break;
        default: break;
        }
        if (out.isEmpty() || out.back() != QChar(c)) { // doubled letters: Mariia/Maria
            out += QChar(c);
        }
    };
    for (qsizetype i = 0; i < t.size();) {
        if (at(i, "shch") || at(i, "sch")) { // щ, German sch; a doubled "schch" is one sound
            emit('s');
            i += at(i, "shch") ? 4 : 3;
            if (at(i, "ch")) {
                i += 2;
            }
        } else if (at(i, "dzh")) {
            emit('j');
            i += 3;
        } else if (at(i, "ae")) { // Nayef (nay-ef → naef) = Naif; Mikhael = Mikhail
            emit('a');
            emit('i');
            i += 2;
        } else if (at(i, "sh") || at(i, "sz")) {
            emit('s');
            i += 2;
        } else if (at(i, "zh") || at(i, "dj")) {
            emit('j');
            i += 2;
        } else if (at(i, "kh") || at(i, "gh") || at(i, "ph") || at(i, "th")) {
            emit(t[i] == 'k' ? 'h' : t[i] == 'g' ? 'g' : t[i] == 'p' ? 'f' : 't');
            i += 2;
        } else if (at(i, "ts") || at(i, "tz") || at(i, "ch") || at(i, "ck") || at(i, "cz")) {
            emit('k'); // ц and ч read as one class with k: Kontsern/Concern, Urumchi/Urumqi
            i += 2;
        } else {
            emit(t[i]);
            ++i;
        }
    }
    return out;
}

} // namespace

bool Romanisation::isUyghurArabic(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        switch (text.at(i).unicode()) {
        case 0x06D0: case 0x06C6: case 0x06C8: case 0x06C7: case 0x06AD: case 0x06CB: case 0x06D5:
        case 0x06BE: // ھ: Uyghur's h (Arabic writes ه)
            return true;
        case 0x0626: // ئ opening a word: Uyghur writes every initial vowel so
            if (i == 0 || !isArabicLetter(text.at(i - 1))) {
                return true;
            }
            break;
        default: break;
        }
    }
    return false;
}

QString Romanisation::uyghurToLatin(const QString &text)
{
    const auto &table = uyghurTable();
    QString out;
    out.reserve(text.size() * 2);
    bool wordStart = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const ushort u = c.unicode();
        if ((u >= 0x064B && u <= 0x065F) || u == 0x0670 || u == 0x0640) {
            continue; // harakat and tatweel
        }
        if (u == 0x0626) { // ئ: silent vowel carrier; inside a word it separates syllables
            if (!wordStart) {
                out += QLatin1Char('\'');
            }
            wordStart = false;
            continue;
        }
        if (u == 0x0647) { // Arabic heh typed for ە at the end of a word, for ھ elsewhere
            const bool last = i + 1 >= text.size() || !isArabicLetter(text.at(i + 1));
            out += last ? QLatin1Char('e') : QLatin1Char('h');
            wordStart = false;
            continue;
        }
        const auto it = table.constFind(char16_t(u));
        if (it != table.constEnd()) {
            out += *it;
            wordStart = false;
        } else {
            out += c;
            wordStart = !c.isLetter();
        }
    }
    return out;
}

QStringList Romanisation::foldKeys(const QString &token)
{
    const QString base = foldLetters(token);
    if (!base.contains(QLatin1Char('x'))) {
        return {foldOne(base)};
    }
    // x: "ks" in English (Alexander), "sh" in pinyin and Yengi Yeziq (Xinjiang, Kaxgar),
    // "kh" in ULY (Xoten, Toxti).
    QStringList keys;
    for (const char *x : {"ks", "s", "h"}) {
        QString variant = base;
        variant.replace(QLatin1Char('x'), QLatin1String(x));
        const QString key = foldOne(variant);
        if (!keys.contains(key)) {
            keys << key;
        }
    }
    return keys;
}

QString Romanisation::foldKey(const QString &token)
{
    return foldOne(foldLetters(token));
}

QString Romanisation::consonantSkeleton(const QString &key)
{
    QString out;
    for (QChar c : key) {
        // w/v stand for the vowels u/o in abjad spellings (منصور = mnswr, Mansur)
        if (isVowel(c) || c == QLatin1Char('v') || !c.isLetter()) {
            continue;
        }
        if (!out.isEmpty() && out.back() == c) {
            continue;
        }
        out += c;
    }
    return out;
}

QString Romanisation::pinyinTranscriptionFold(const QString &token)
{
    QString s = token;
    if (s.startsWith(QLatin1String("yi"))) {
        s.remove(0, 1);
    } else if (s.startsWith(QLatin1String("wu"))) {
        s.remove(0, 1);
    }
    // Chinese transcription closes every syllable with a vowel (Ilham → yi-li-ha-mu);
    // drop the last one when a consonant precedes it.
    if (s.size() > 4 && isVowel(s.back()) && !isVowel(s.at(s.size() - 2))) {
        s.chop(1);
    }
    return s;
}

bool Romanisation::isHanNumeral(char32_t c)
{
    return QStringView(u"零〇一二两三四五六七八九十百千").contains(QChar(char16_t(c)));
}

QString Romanisation::hanNumeralToDigits(const QString &text)
{
    static const QString digits = QStringLiteral("零一二三四五六七八九");
    if (text.isEmpty()) {
        return {};
    }
    bool hasUnit = false;
    QString concatenated;
    for (QChar c : text) {
        if (c == QChar(u'十') || c == QChar(u'百') || c == QChar(u'千')) {
            hasUnit = true;
        } else if (c == QChar(u'〇')) {
            concatenated += QLatin1Char('0');
        } else if (c == QChar(u'两')) {
            concatenated += QLatin1Char('2');
        } else {
            const qsizetype d = digits.indexOf(c);
            if (d < 0) {
                return {};
            }
            concatenated += QChar(u'0' + char16_t(d));
        }
    }
    if (!hasUnit) {
        return concatenated;
    }
    int total = 0;
    int current = 0;
    for (QChar c : text) {
        if (c == QChar(u'十') || c == QChar(u'百') || c == QChar(u'千')) {
            const int unit = c == QChar(u'十') ? 10 : c == QChar(u'百') ? 100 : 1000;
            total += (current == 0 ? 1 : current) * unit;
            current = 0;
        } else if (c == QChar(u'两')) {
            current = 2;
        } else if (c == QChar(u'零') || c == QChar(u'〇')) {
            current = 0;
        } else {
            current = int(digits.indexOf(c));
        }
    }
    return QString::number(total + current);
}

QString Romanisation::ordinalToDigits(const QString &token)
{
    static const QHash<QString, QString> words = {
        {QStringLiteral("first"), QStringLiteral("1")},   {QStringLiteral("second"), QStringLiteral("2")},
        {QStringLiteral("third"), QStringLiteral("3")},   {QStringLiteral("fourth"), QStringLiteral("4")},
        {QStringLiteral("fifth"), QStringLiteral("5")},   {QStringLiteral("sixth"), QStringLiteral("6")},
        {QStringLiteral("seventh"), QStringLiteral("7")}, {QStringLiteral("eighth"), QStringLiteral("8")},
        {QStringLiteral("ninth"), QStringLiteral("9")},   {QStringLiteral("tenth"), QStringLiteral("10")},
        {QStringLiteral("eleventh"), QStringLiteral("11")}, {QStringLiteral("twelfth"), QStringLiteral("12")},
    };
    const auto it = words.constFind(token);
    if (it != words.constEnd()) {
        return *it;
    }
    if (token.size() >= 3) {
        const QStringView suffix = QStringView(token).right(2);
        if (suffix == u"st" || suffix == u"nd" || suffix == u"rd" || suffix == u"th") {
            const QStringView number = QStringView(token).chopped(2);
            bool ok = false;
            const int n = number.toInt(&ok);
            if (ok && n >= 0) {
                return QString::number(n);
            }
        }
    }
    return {};
}

} // namespace Casegraph::Models

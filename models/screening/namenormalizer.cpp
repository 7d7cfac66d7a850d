// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "namenormalizer.h"

#include "icutext_p.h"
#include "namenormalizer_p.h"
#include "romanisation.h"
#include "screeningtables_p.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Casegraph::Models {

using namespace ScreeningText;

// ---- normalize() ----------------------------------------------------------------------

namespace {

bool hasFullwidth(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() >= 0xFF01 && c.unicode() <= 0xFF5E; });
}

// Acronyms a name states about itself in parentheses: "… Astronautics (BUAA)".
QSet<QString> parenthesisedAcronyms(const QString &composed)
{
    QSet<QString> out;
    if (!composed.contains(QLatin1Char('('))) {
        return out;
    }
    static const QRegularExpression re(QStringLiteral("\\(\\s*([A-Z][A-Z0-9&\\-]{1,9})\\s*\\)"));
    for (auto it = re.globalMatch(composed); it.hasNext();) {
        QString a = it.next().captured(1).toLower();
        a.remove(QLatin1Char('-'));
        a.remove(QLatin1Char('&'));
        out.insert(a);
    }
    return out;
}

// Removes legal forms from a token list: one-word forms at either end of the name, longer
// forms anywhere; never the last word of the name. Records each form index and its words.
QString formKey(const QString &word)
{
    thread_local QHash<QString, QString> cache;
    auto it = cache.constFind(word);
    if (it != cache.constEnd()) {
        return *it;
    }
    if (cache.size() > 50000) {
        cache.clear();
    }
    return *cache.insert(word, Romanisation::foldKey(word));
}

template <typename T, typename TextFn>
void stripLegalForms(QList<T> &tokens, const ScreeningTables &t, TextFn text, QList<int> *forms, QStringList *texts)
{
    auto key = [&](const T &token) { return formKey(text(token)); };
    auto matchAt = [&](qsizetype i, bool multiOnly, qsizetype endAt) -> const LegalFormPattern * {
        const auto it = t.formPatterns.constFind(key(tokens.at(i)));
        if (it == t.formPatterns.constEnd()) {
            return nullptr;
        }
        for (const LegalFormPattern &p : *it) {
            const qsizetype len = p.tokens.size();
            if ((multiOnly && len < 2) || i + len > tokens.size() || (endAt >= 0 && i + len != endAt)) {
                continue;
            }
            bool ok = true;
            for (qsizetype k = 1; k < len && ok; ++k) {
                ok = key(tokens.at(i + k)) == p.tokens.at(k);
            }
            if (ok) {
                return &p;
            }
        }
        return nullptr;
    };
    for (;;) {
        const qsizetype n = tokens.size();
        if (n < 2) {
            return;
        }
        const LegalFormPattern *found = nullptr;
        qsizetype at = -1;
        auto take = [&](qsizetype i, const LegalFormPattern *p) {
            if (p && p->tokens.size() < n && at < 0) {
                found = p;
                at = i;
            }
        };
        take(0, matchAt(0, false, -1));
        for (qsizetype i = std::max<qsizetype>(1, n - 8); i < n && at < 0; ++i) {
            take(i, matchAt(i, false, n));
        }
        for (qsizetype i = 1; i + 1 < n && at < 0; ++i) {
            take(i, matchAt(i, true, -1));
        }
        if (at < 0) {
            return;
        }
        QStringList words;
        bool allHan = true;
        for (qsizetype k = 0; k < found->tokens.size(); ++k) {
            const QString w = text(tokens.at(at + k));
            allHan = allHan && w.size() <= 2 && tokenScript(w) == NameScript::Han;
            words << w;
        }
        forms->append(found->form);
        texts->append(words.join(allHan ? QString() : QStringLiteral(" ")));
        tokens.remove(at, found->tokens.size());
    }
}

// Builds the token lists of one name; collects the trace as it goes.
class NameBuilder {
public:
    NameBuilder(const ScreeningTables &t, NormalizedName &out, const QSet<QString> &acronyms, const QString &simple)
        : m_t(t), m_out(out), m_acronyms(acronyms),
          m_cyrillic(cyrillicTransliterator(simple))
    {
    }

    void addWord(const QString &word)
    {
        const NameScript script = tokenScript(word);
        if (script == NameScript::Latin || script == NameScript::Unknown) {
            addLatin(word, NameToken::NoFlag, true);
            return;
        }
        if (m_t.stopwords.contains(word)) {
            step("stopword", word, QString());
            return;
        }
        const auto common = m_t.common.constFind(word);
        if (common != m_t.common.constEnd()) {
            step("common-term", word, common->canonical);
            addLatin(common->canonical, NameToken::NoFlag, true);
            return;
        }
        const char *rule = "translit-other";
        int flags = NameToken::NoFlag;
        QString latin;
        if (script == NameScript::Cyrillic) {
            rule = "translit-cyrillic";
            latin = Icu::transliterate(m_cyrillic, word);
        } else if (script == NameScript::Arabic && (m_out.script == NameScript::Uyghur || Romanisation::isUyghurArabic(word))) {
            rule = "translit-uyghur";
            flags = NameToken::Uyghur;
            latin = Romanisation::uyghurToLatin(word);
        } else if (script == NameScript::Arabic) {
            rule = "translit-arabic";
            flags = NameToken::FromAbjad;
            QString arabic = word;
            arabic.replace(QChar(0x06BE), QChar(0x0647)); // ھ (Urdu/Persian do-chashmi he) → ه: ICU lacks it
            latin = NameNormalizer::toLatin(arabic, NameScript::Arabic);
            // ICU writes ayn as ʿ and ta marbuta as ẗ: a word-initial ayn is heard as a vowel
            // (ʿAziz → Aziz) and a final ta marbuta as -a (al-Qaʿida).
            if (latin.startsWith(QChar(0x02BF))) {
                latin[0] = QLatin1Char('a');
            }
            static const QRegularExpression taMarbuta(QStringLiteral("\\x{1E97}(?=\\s|$)"));
            latin.replace(taMarbuta, QStringLiteral("a"));
        } else {
            rule = script == NameScript::Greek ? "translit-greek" : "translit-other";
            latin = NameNormalizer::toLatin(word, script);
        }
        latin = cleanLatin(latin).simplified();
        m_translit[QString::fromLatin1(rule)].first << word;
        m_translit[QString::fromLatin1(rule)].second << latin;
        for (const QString &piece : latin.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            addLatin(piece, flags, true);
        }
    }

    void addHanRun(const QStringList &run)
    {
        if (run.isEmpty()) {
            return;
        }
        if (run.contains(kPartMarker)) {
            QString part;
            QString joined;
            auto flush = [&] {
                if (!joined.isEmpty()) {
                    step("han-transcription", part, joined);
                    addLatin(joined, NameToken::Transcription, true);
                }
                part.clear();
                joined.clear();
            };
            for (const QString &c : run) {
                if (c == kPartMarker) {
                    flush();
                } else {
                    part += c;
                    joined += pinyinOf(c);
                }
            }
            flush();
            return;
        }
        QStringList pinyin;
        for (const QString &c : run) {
            pinyin << pinyinOf(c);
        }
        step("translit-han", run.join(QString()), pinyin.join(QLatin1Char(' ')));
        const qsizetype n = run.size();
        for (qsizetype i = 0; i < n;) {
            if (run.at(i) == QStringLiteral("第") && i + 1 < n && Romanisation::isHanNumeral(run.at(i + 1).at(0).unicode())) {
                qsizetype j = i + 1;
                while (j < n && Romanisation::isHanNumeral(run.at(j).at(0).unicode())) {
                    ++j;
                }
                const QString digits = Romanisation::hanNumeralToDigits(run.mid(i + 1, j - i - 1).join(QString()));
                step("ordinal", run.mid(i, j - i).join(QString()), digits);
                addLatin(digits, NameToken::Number, true);
                i = j;
                continue;
            }
            bool matched = false;
            for (qsizetype len = std::min<qsizetype>(m_t.hanGlossaryMaxLength, n - i); len >= 1 && !matched; --len) {
                const QString key = run.mid(i, len).join(QString());
                const auto it = m_t.hanGlossary.constFind(key);
                if (it == m_t.hanGlossary.constEnd()) {
                    continue;
                }
                QStringList shown;
                for (const QStringList &alternatives : *it) {
                    shown << alternatives.first();
                    addLatin(alternatives.first(), NameToken::Glossary, false, alternatives.mid(1));
                }
                step("han-glossary", key, shown.join(QLatin1Char(' ')));
                for (qsizetype k = 0; k < len; ++k) {
                    m_pinyin << makeToken(pinyin.at(i + k), pinyin.at(i + k), NameToken::Syllable);
                }
                m_glossaryUsed = true;
                matched = true;
                i += len;
            }
            if (!matched) {
                addLatin(pinyin.at(i), NameToken::Syllable, true);
                ++i;
            }
        }
    }

    void addLatin(const QString &accented, int flags, bool bothReadings, const QStringList &alternatives = {})
    {
        const QString ascii = Icu::toAscii(accented).toLower();
        if (ascii != accented.toLower()) {
            m_diacriticsFrom << accented;
            m_diacriticsTo << ascii;
        }
        const QStringList pieces = ascii.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &piece : pieces) {
            if (m_t.stopwords.contains(piece) && !(flags & NameToken::Glossary)) {
                m_dropped << piece;
                step("stopword", piece, QString());
                continue;
            }
            NameToken token = makeToken(piece, pieces.size() == 1 ? accented.toLower() : piece, flags);
            token.alternatives = alternatives;
            m_primary << token;
            if (bothReadings) {
                m_pinyin << token;
            }
        }
    }

    NameToken makeToken(QString text, const QString &accented, int flags)
    {
        NameToken token;
        const QString digits = Romanisation::ordinalToDigits(text);
        if (!digits.isEmpty()) {
            step("ordinal", text, digits);
            text = digits;
        }
        const bool number = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isDigit(); });
        bool renamed = !digits.isEmpty();
        if (number) {
            flags |= NameToken::Number;
        } else {
            if ((flags & NameToken::FromAbjad) && text.startsWith(QLatin1String("al")) && text.size() >= 5) {
                step("arabic-article", text, text.mid(2));
                text = text.mid(2);
                renamed = true;
            }
            const auto eq = m_t.equivalents.constFind(text);
            if (eq != m_t.equivalents.constEnd()) {
                step("equivalent", text, *eq);
                text = *eq;
                flags |= NameToken::Uyghur;
                renamed = true;
            } else {
                for (const auto &[prefix, replacement] : m_t.prefixEquivalents) {
                    if (text.startsWith(prefix)) {
                        const QString changed = replacement + QStringView(text).mid(prefix.size());
                        step("equivalent", text, changed);
                        text = changed;
                        renamed = true;
                        break;
                    }
                }
            }
            const CommonTerm *common = nullptr;
            if (const auto it = m_t.common.constFind(text); it != m_t.common.constEnd()) {
                common = &*it;
            } else if (const auto k = m_t.commonByKey.constFind(Romanisation::foldKey(text)); k != m_t.commonByKey.constEnd()) {
                common = &*k;
            }
            if (common) {
                if (common->canonical != text) {
                    step("common-term", text, common->canonical);
                    renamed = true;
                }
                text = common->canonical;
                flags |= NameToken::Common | (common->place ? NameToken::Place : NameToken::NoFlag);
                token.prior = common->weight;
            }
        }
        if (m_acronyms.contains(text)) {
            step("acronym", text, QString());
            flags |= NameToken::Acronym;
            token.prior *= 0.25;
        }
        if (flags & NameToken::Syllable) {
            token.prior *= 0.5;
        }
        token.text = text;
        token.flags = flags;
        if (number) {
            token.keys = QStringList{text};
            return token;
        }
        token.keys = Romanisation::foldKeys(renamed ? text : accented);
        if (flags & NameToken::Transcription) {
            for (const QString &k : Romanisation::foldKeys(Romanisation::pinyinTranscriptionFold(text))) {
                if (!token.keys.contains(k)) {
                    token.keys << k;
                }
            }
        }
        token.skeleton = Romanisation::consonantSkeleton(token.keys.constFirst());
        return token;
    }

    void finish()
    {
        for (auto it = m_translit.cbegin(); it != m_translit.cend(); ++it) {
            step(it.key().toLatin1().constData(), it->first.join(QLatin1Char(' ')), it->second.join(QLatin1Char(' ')));
        }
        if (!m_diacriticsFrom.isEmpty()) {
            step("diacritics", m_diacriticsFrom.join(QLatin1Char(' ')), m_diacriticsTo.join(QLatin1Char(' ')));
        }
        if (m_primary.isEmpty() && !m_dropped.isEmpty()) {
            for (const QString &w : std::as_const(m_dropped)) { // a name made only of stopwords
                m_primary << makeToken(w, w, NameToken::NoFlag);
            }
        }
        m_out.tokens = m_primary;
        if (m_glossaryUsed) {
            m_out.pinyinTokens = m_pinyin;
        }
    }

    bool transliterated() const { return !m_translit.isEmpty(); }
    QList<NameToken> &primary() { return m_primary; }
    QList<NameToken> &pinyin() { return m_pinyin; }
    void step(const char *rule, const QString &from, const QString &to)
    {
        if (from != to) {
            m_out.trace << NormalizationStep{QString::fromLatin1(rule), from, to};
        }
    }

private:
    const ScreeningTables &m_t;
    NormalizedName &m_out;
    const QSet<QString> &m_acronyms;
    const char *m_cyrillic = nullptr;
    QList<NameToken> m_primary;
    QList<NameToken> m_pinyin;
    bool m_glossaryUsed = false;
    QMap<QString, QPair<QStringList, QStringList>> m_translit;
    QStringList m_diacriticsFrom;
    QStringList m_diacriticsTo;
    QStringList m_dropped;
};

} // namespace

NormalizedName NameNormalizer::normalize(const QString &name, NameKind kind) const
{
    const ScreeningTables &t = *m_tables;
    NormalizedName out;
    out.original = name;
    auto step = [&](const char *rule, const QString &from, const QString &to) {
        if (from != to) {
            out.trace << NormalizationStep{QString::fromLatin1(rule), from, to};
        }
    };
    const QString composed = Icu::nfkc(name);
    step(hasFullwidth(name) ? "fullwidth" : "nfkc", name, composed);
    const QSet<QString> acronyms = parenthesisedAcronyms(composed);
    const QString folded = Icu::foldCase(composed);
    step("casefold", composed, folded);
    const QString collapsed = collapseInitialisms(folded);
    step("initialism", folded, collapsed);
    const QString simple = punctuationToSpaces(collapsed);
    if (simple != collapsed.simplified()) {
        step("punctuation", collapsed, simple);
    }
    out.script = detectScript(simple);

    QStringList native = ScreeningText::nativeTokens(simple);
    QList<int> forms;
    QStringList formTexts;
    if (kind != NameKind::Person) {
        stripLegalForms(native, t, [](const QString &s) { return s; }, &forms, &formTexts);
        // Three or more spaced initials of an organisation are one word ("N P C International" =
        // "NPC"); two ("J. R. Smith") and a person's initials stay apart.
        const auto letter = [](const QString &w) { return w.size() == 1 && w.at(0) >= u'a' && w.at(0) <= u'z'; };
        QStringList joined;
        for (qsizetype i = 0; i < native.size();) {
            qsizetype end = i;
            while (end < native.size() && letter(native.at(end))) {
                ++end;
            }
            if (end - i >= 3) {
                const QString word = native.mid(i, end - i).join(QString());
                step("initialism", native.mid(i, end - i).join(QLatin1Char(' ')), word);
                joined << word;
                i = end;
            } else {
                joined << native.at(i++);
            }
        }
        native = joined;
    }
    NameBuilder builder(t, out, acronyms, simple);
    QStringList hanRun;
    for (const QString &word : std::as_const(native)) {
        if (word == kPartMarker || (word.size() <= 2 && tokenScript(word) == NameScript::Han)) {
            hanRun << word;
            continue;
        }
        builder.addHanRun(hanRun);
        hanRun.clear();
        builder.addWord(word);
    }
    builder.addHanRun(hanRun);
    if (kind != NameKind::Person && builder.transliterated()) {
        QList<int> more;
        QStringList moreTexts;
        stripLegalForms(builder.primary(), t, [](const NameToken &tok) { return tok.text; }, &more, &moreTexts);
        QList<int> ignored;
        QStringList ignoredTexts;
        stripLegalForms(builder.pinyin(), t, [](const NameToken &tok) { return tok.text; }, &ignored, &ignoredTexts);
        forms << more;
        formTexts << moreTexts;
    }
    builder.finish();

    for (int f : std::as_const(forms)) {
        if (out.legalForm.isEmpty() || out.legalForm == QLatin1String("COMPANY")) {
            out.legalForm = t.forms.at(f).code;
        }
    }
    out.legalFormText = formTexts.join(QLatin1String(" + "));
    if (!out.legalForm.isEmpty()) {
        step("legal-form", out.legalFormText, out.legalForm);
    }
    return out;
}

} // namespace Casegraph::Models

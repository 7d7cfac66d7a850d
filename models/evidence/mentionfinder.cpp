// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mentionfinder.h"
#include "screening/icutext_p.h"
#include "screening/namenormalizer.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <unordered_map>

namespace Casegraph::Models {

namespace {

bool isCjk(QChar c) {
    switch (c.script()) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
        return true;
    default:
        return false;
    }
}

/// A letter or digit that continues a Latin (or Cyrillic …) word. Han characters do not:
/// "华为Huawei" still has a boundary before "Huawei".
bool isWordChar(QChar c) {
    return (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing) && !isCjk(c);
}

/// The folded form of one non-ASCII code point, cached per thread (ICU calls are not cheap,
/// and a text uses few distinct characters).
const QString &foldCodePoint(char32_t cp) {
    thread_local QHash<char32_t, QString> cache;
    auto it = cache.constFind(cp);
    if (it == cache.cend()) {
        const QString one = QString::fromUcs4(&cp, 1);
        it = cache.insert(cp, Icu::foldCase(Icu::toAscii(Icu::foldCase(Icu::nfkc(one)))));
    }
    return *it;
}

/// English words and the proper names a dictionary knows, lower case (Debian's wamerican list, made into a resource by
/// resources/CMakeLists.txt; empty, with a warning, when the build had no word list).
const QSet<QString> &ordinaryWords() {
    static const QSet<QString> words = [] {
        QSet<QString> out;
        QFile file(QStringLiteral(":/casegraph/evidence/common-words.txt"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("mentions: no list of ordinary words; one-word listed names are not highlighted");
            return out;
        }
        const QByteArray all = file.readAll();
        for (const QByteArray &line : all.split('\n')) {
            if (!line.isEmpty()) {
                out.insert(QString::fromLatin1(line));
            }
        }
        return out;
    }();
    return words;
}

} // namespace

FoldedText MentionFinder::fold(const QString &text) {
    FoldedText out;
    out.text.reserve(text.size());
    out.start.reserve(size_t(text.size()));
    out.end.reserve(size_t(text.size()));
    qint32 cp = 0;
    qsizetype lastBegin = 0; // where the previous code point's output begins in out.text
    const auto put = [&](QChar c) {
        if (c.isSpace()) {
            if (out.text.isEmpty() || out.text.back() == QLatin1Char(' ')) {
                return;
            }
            c = QLatin1Char(' ');
        }
        out.text.append(c);
        out.start.push_back(cp);
        out.end.push_back(cp + 1);
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++cp) {
        char32_t c = text.at(i).unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            width = 2;
        }
        i += width;
        const qsizetype before = out.text.size();
        if (c < 0x80) {
            put(QChar(char16_t(c >= 'A' && c <= 'Z' ? c + 32 : c)));
        } else if (QChar::isSpace(c)) {
            put(QLatin1Char(' '));
        } else {
            const QString &folded = foldCodePoint(c);
            if (folded.isEmpty()) {
                // A combining mark folded away: it belongs to the character before it.
                for (qsizetype k = lastBegin; k < out.text.size(); ++k) {
                    out.end[size_t(k)] = cp + 1;
                }
                continue;
            }
            for (const QChar f : folded) {
                put(f);
            }
        }
        if (out.text.size() > before) {
            lastBegin = before;
        }
    }
    return out;
}

bool MentionFinder::isOrdinaryWord(const QString &word) {
    return ordinaryWords().contains(word.toLower());
}

ListedNameUse MentionFinder::listedNameUse(const QString &name, const QString &schema) {
    const QString folded = fold(name).text.trimmed();
    if (folded.size() < 2) {
        return ListedNameUse::Skip;
    }
    if (folded.contains(QLatin1Char(' ')) || isCjk(folded.front())) {
        return ListedNameUse::Anywhere;
    }
    static const QSet<QString> namedLikePeople = {QStringLiteral("Person"), QStringLiteral("Vessel"), QStringLiteral("Airplane")};
    if (namedLikePeople.contains(schema) || ordinaryWords().isEmpty()) {
        return ListedNameUse::Skip;
    }
    // Letters, joined at most by hyphens or apostrophes; such a word is ordinary when each part
    // is ("well-being"), not when one is a name ("Al-Qaida").
    static const QRegularExpression joiners(QStringLiteral("[-'\\x{2019}]"));
    const QStringList parts = folded.split(joiners, Qt::SkipEmptyParts);
    const auto letters = [](const QString &part) {
        return std::all_of(part.cbegin(), part.cend(), [](QChar c) { return c.isLetter(); });
    };
    if (!std::all_of(parts.cbegin(), parts.cend(), letters)) {
        return ListedNameUse::Skip; // digits or symbols: a code, not a name
    }
    if (parts.join(QString()).size() < MinListedWordLength) {
        return ListedNameUse::Skip;
    }
    if (std::all_of(parts.cbegin(), parts.cend(), [](const QString &p) { return ordinaryWords().contains(p); })) {
        return ListedNameUse::Skip;
    }
    // Screening's common terms, places and stopwords (Technology, Xinjiang, Moscow …).
    static const NameNormalizer normalizer;
    const NormalizedName normalized = normalizer.normalize(name, NameKind::Organization);
    if (std::all_of(normalized.tokens.cbegin(), normalized.tokens.cend(),
                    [](const NameToken &t) { return t.has(NameToken::Common) || t.has(NameToken::Place); })) {
        return ListedNameUse::Skip;
    }
    return ListedNameUse::Capitalised;
}

struct MentionFinder::Automaton {
    struct Pattern {
        QString name;
        QList<qint64> entities;
        QList<qint64> listed;
        int length = 0; ///< UTF-16 units of the folded name
        bool freeStart = false; ///< begins with Han/Kana/Hangul: no word boundary needed
        bool freeEnd = false;
        bool capitalised = false; ///< only where the text has a capital letter in it
    };
    std::vector<Pattern> patterns;
    std::vector<qint32> root = std::vector<qint32>(0x10000, 0); ///< dense transitions of the root
    std::unordered_map<quint64, qint32> next;                  ///< (state << 16 | unit) → state
    std::vector<qint32> fail{0};
    std::vector<qint32> output{-1};   ///< pattern ending here, or -1
    std::vector<qint32> dictLink{-1}; ///< nearest proper suffix state with an output, or -1

    qint32 transition(qint32 state, char16_t c) const {
        if (state == 0) {
            return root[c];
        }
        const auto it = next.find((quint64(state) << 16) | c);
        return it == next.end() ? -1 : it->second;
    }
    qint32 newState() {
        fail.push_back(0);
        output.push_back(-1);
        dictLink.push_back(-1);
        return qint32(fail.size() - 1);
    }
};

MentionFinder::MentionFinder() : d(std::make_unique<Automaton>()) {}
MentionFinder::~MentionFinder() = default;
MentionFinder::MentionFinder(MentionFinder &&) noexcept = default;
MentionFinder &MentionFinder::operator=(MentionFinder &&) noexcept = default;

int MentionFinder::patternCount() const {
    return int(d->patterns.size());
}

void MentionFinder::setPatterns(const QList<MentionPattern> &patterns, const std::atomic_bool *cancel) {
    d = std::make_unique<Automaton>();
    Automaton &a = *d;
    QHash<QString, int> byFolded;
    qsizetype done = 0;
    for (const auto &p : patterns) {
        if (cancel && (++done & 1023) == 0 && cancel->load()) {
            return;
        }
        const QString folded = fold(p.name).text.trimmed();
        if (folded.size() < 2) {
            continue;
        }
        if (const auto it = byFolded.constFind(folded); it != byFolded.cend()) {
            auto &pattern = a.patterns[size_t(*it)];
            auto &ids = p.listed ? pattern.listed : pattern.entities;
            if (!ids.contains(p.entityRowId)) {
                ids.append(p.entityRowId);
            }
            if (!p.listed && pattern.entities.size() == 1) {
                pattern.name = p.name; // a case entity names the mention before a listed entry
            }
            pattern.capitalised = pattern.capitalised && p.capitalised;
            continue;
        }
        const int index = int(a.patterns.size());
        byFolded.insert(folded, index);
        Automaton::Pattern pattern{p.name, {}, {}, int(folded.size()), isCjk(folded.front()), isCjk(folded.back()), p.capitalised};
        (p.listed ? pattern.listed : pattern.entities).append(p.entityRowId);
        a.patterns.push_back(std::move(pattern));
        // Insert into the trie; the root has a dense table, the rest a hash.
        qint32 state = 0;
        for (const QChar c : folded) {
            qint32 to = a.transition(state, c.unicode());
            if (to <= 0) {
                to = a.newState();
                if (state == 0) {
                    a.root[c.unicode()] = to;
                } else {
                    a.next.emplace((quint64(state) << 16) | c.unicode(), to);
                }
            }
            state = to;
        }
        a.output[size_t(state)] = index;
    }
    // Failure and dictionary links, breadth first. Children are found through the hash, so
    // collect them per parent first.
    std::vector<std::vector<std::pair<char16_t, qint32>>> children(a.fail.size());
    for (const auto &[key, to] : a.next) {
        children[size_t(key >> 16)].emplace_back(char16_t(key & 0xffff), to);
    }
    std::vector<qint32> queue;
    queue.reserve(a.fail.size());
    for (int c = 0; c < 0x10000; ++c) {
        if (const qint32 s = a.root[size_t(c)]; s > 0) {
            a.fail[size_t(s)] = 0;
            queue.push_back(s);
        }
    }
    for (size_t head = 0; head < queue.size(); ++head) {
        if (cancel && (head & 4095) == 0 && cancel->load()) {
            return;
        }
        const qint32 s = queue[head];
        for (const auto &[c, to] : children[size_t(s)]) {
            qint32 f = a.fail[size_t(s)];
            qint32 t = a.transition(f, c);
            while (t < 0 && f != 0) {
                f = a.fail[size_t(f)];
                t = a.transition(f, c);
            }
            const qint32 target = t > 0 && t != to ? t : 0;
            a.fail[size_t(to)] = target;
            a.dictLink[size_t(to)] = a.output[size_t(target)] >= 0 ? target : a.dictLink[size_t(target)];
            queue.push_back(to);
        }
    }
}

QList<Mention> MentionFinder::find(const QString &text) const {
    QList<Mention> out;
    if (d->patterns.empty() || text.isEmpty()) {
        return out;
    }
    const Automaton &a = *d;
    const FoldedText folded = fold(text);
    const QString &t = folded.text;
    const qsizetype n = t.size();
    struct Hit {
        qsizetype start;
        qsizetype end;
        qint32 pattern;
    };
    std::vector<Hit> hits;
    // Whether the original text has a capital letter in code points [from, to); the code point
    // → UTF-16 map is made on the first need only.
    std::vector<qsizetype> utf16;
    const auto hasCapital = [&](qint64 from, qint64 to) {
        if (utf16.empty()) {
            utf16.reserve(size_t(text.size()) + 1);
            for (qsizetype i = 0; i < text.size(); ++i) {
                if (!text.at(i).isLowSurrogate()) {
                    utf16.push_back(i);
                }
            }
            utf16.push_back(text.size());
        }
        for (qsizetype i = utf16[size_t(from)]; i < utf16[size_t(to)]; ++i) {
            if (text.at(i).isUpper() || text.at(i).isTitleCase()) {
                return true;
            }
        }
        return false;
    };
    const auto accept = [&](qint32 index, qsizetype end) {
        const auto &p = a.patterns[size_t(index)];
        const qsizetype start = end - p.length;
        if (!p.freeStart && start > 0 && isWordChar(t.at(start - 1)) && isWordChar(t.at(start))) {
            return;
        }
        if (!p.freeEnd && end < n && isWordChar(t.at(end)) && isWordChar(t.at(end - 1))) {
            return;
        }
        if (p.capitalised && !hasCapital(folded.start[size_t(start)], folded.end[size_t(end - 1)])) {
            return;
        }
        hits.push_back({start, end, index});
    };
    qint32 state = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = t.at(i).unicode();
        qint32 to = a.transition(state, c);
        while (to < 0) {
            state = a.fail[size_t(state)];
            to = a.transition(state, c);
        }
        state = to;
        for (qint32 s = a.output[size_t(state)] >= 0 ? state : a.dictLink[size_t(state)]; s > 0;
             s = a.dictLink[size_t(s)]) {
            accept(a.output[size_t(s)], i + 1);
        }
    }
    // Leftmost-longest, without overlaps.
    std::sort(hits.begin(), hits.end(), [](const Hit &x, const Hit &y) {
        return x.start != y.start ? x.start < y.start : x.end > y.end;
    });
    qsizetype covered = 0;
    for (const Hit &h : hits) {
        if (h.start < covered) {
            continue;
        }
        covered = h.end;
        const auto &p = a.patterns[size_t(h.pattern)];
        out.append(Mention{folded.start[size_t(h.start)], folded.end[size_t(h.end - 1)], p.entities, p.name, p.listed});
    }
    return out;
}

} // namespace Casegraph::Models

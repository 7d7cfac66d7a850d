// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "namematcher.h"

#include "romanisation.h"
#include "screeningtables_p.h"

#include <QSet>
#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <vector>

namespace Casegraph::Models {

// ---- TokenStats ------------------------------------------------------------------------

void TokenStats::addEntry(const QList<NormalizedName> &names)
{
    QSet<QString> seen;
    for (const auto &name : names) {
        for (const auto *list : {&name.tokens, &name.pinyinTokens}) {
            for (const auto &t : *list) {
                seen.insert(t.text);
            }
        }
    }
    for (const QString &t : std::as_const(seen)) {
        ++m_df[t];
    }
    ++m_entries;
}

double TokenStats::idf(const QString &token) const
{
    if (m_entries == 0) {
        return 1.0;
    }
    const double n = double(m_entries) + 1.0;
    const double df = double(m_df.value(token)) + 1.0;
    return std::clamp(std::log(n / df) / std::log(n), 0.05, 1.0);
}

// ---- string similarity -----------------------------------------------------------------

double NameMatcher::jaroWinkler(QStringView a, QStringView b)
{
    const qsizetype la = a.size();
    const qsizetype lb = b.size();
    if (la == 0 || lb == 0) {
        return la == lb ? 1.0 : 0.0;
    }
    if (a == b) {
        return 1.0;
    }
    const qsizetype window = std::max<qsizetype>(0, std::max(la, lb) / 2 - 1);
    char bufA[64] = {};
    char bufB[64] = {};
    std::vector<char> heapA;
    std::vector<char> heapB;
    char *ma = bufA;
    char *mb = bufB;
    if (la > 64 || lb > 64) {
        heapA.assign(size_t(la), 0);
        heapB.assign(size_t(lb), 0);
        ma = heapA.data();
        mb = heapB.data();
    }
    qsizetype matches = 0;
    for (qsizetype i = 0; i < la; ++i) {
        const qsizetype from = std::max<qsizetype>(0, i - window);
        const qsizetype to = std::min(lb, i + window + 1);
        for (qsizetype j = from; j < to; ++j) {
            if (!mb[j] && a[i] == b[j]) {
                ma[i] = mb[j] = 1;
                ++matches;
                break;
            }
        }
    }
    if (matches == 0) {
        return 0.0;
    }
    qsizetype transpositions = 0;
    for (qsizetype i = 0, j = 0; i < la; ++i) {
        if (!ma[i]) {
            continue;
        }
        while (!mb[j]) {
            ++j;
        }
        if (a[i] != b[j]) {
            ++transpositions;
        }
        ++j;
    }
    const double m = double(matches);
    const double jaro = (m / double(la) + m / double(lb) + (m - double(transpositions) / 2.0) / m) / 3.0;
    qsizetype prefix = 0;
    while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix]) {
        ++prefix;
    }
    return jaro + double(prefix) * 0.1 * (1.0 - jaro);
}

int NameMatcher::levenshtein(QStringView a, QStringView b)
{
    int bufPrev[65];
    int bufCur[65];
    std::vector<int> heap;
    int *prev = bufPrev;
    int *cur = bufCur;
    if (b.size() > 64) {
        heap.assign(size_t(2 * (b.size() + 1)), 0);
        prev = heap.data();
        cur = heap.data() + b.size() + 1;
    }
    for (qsizetype j = 0; j <= b.size(); ++j) {
        prev[j] = int(j);
    }
    for (qsizetype i = 1; i <= a.size(); ++i) {
        cur[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

namespace {

// Jaro-Winkler or the edit ratio, whichever is higher (Jaro's greedy alignment is poor when
// first letters differ: Oleksandr/Aleksandr), capped 0.15 above the edit ratio: JW rewards a
// shared prefix so much that "sensetime"/"sensenets" or "eastern"/"western" would pass.
double similarity(QStringView a, QStringView b, double threshold)
{
    if (a == b) {
        return 1.0;
    }
    if (std::min(a.size(), b.size()) <= 3) {
        return 0.0; // short tokens must agree exactly (or by key)
    }
    const double longer = double(std::max(a.size(), b.size()));
    // Upper bound from shared letters (Jaro cannot match more characters than the two words
    // share): most token pairs stop here, before the quadratic work.
    {
        int counts[26] = {};
        bool ascii = true;
        for (QChar c : a) {
            const int i = c.unicode() - 'a';
            ascii = ascii && i >= 0 && i < 26;
            if (ascii) {
                ++counts[i];
            }
        }
        if (ascii) {
            int shared = 0;
            for (QChar c : b) {
                const int i = c.unicode() - 'a';
                if (i >= 0 && i < 26 && counts[i] > 0) {
                    --counts[i];
                    ++shared;
                }
            }
            const double m = double(shared);
            const double jaroBound = (m / double(a.size()) + m / double(b.size()) + 1.0) / 3.0;
            const double bound = std::max(0.6 * jaroBound + 0.4, m / longer);
            if (bound < threshold) {
                return std::min(bound, 0.0 + threshold - 0.01);
            }
        }
    }
    const double jw = NameMatcher::jaroWinkler(a, b);
    if (jw < threshold && double(std::abs(a.size() - b.size())) / longer > 1.0 - threshold) {
        return jw; // the edit ratio cannot reach the threshold either
    }
    const double edit = 1.0 - double(NameMatcher::levenshtein(a, b)) / longer;
    return std::min(std::max(jw, edit), edit + 0.15);
}

constexpr double kKeyFactor = 0.97;      // a match through romanisation folding
constexpr double kSkeletonScore = 0.9;   // same consonants, vowels guessed by a transliterator
constexpr double kInitialScore = 0.9;    // "j" against "john"
constexpr double kCompoundMinimum = 0.9; // "dong fang" against "dongfang"
constexpr double kSynonymScore = 0.95;   // "police" against "public security bureau"

// The institution synonyms and qualifiers of terms.json as normalised token sequences, longest
// first (so that "public security bureau" is found before "public security").
struct InstitutionTerms {
    QList<QList<QStringList>> groups;
    QList<QStringList> qualifiers;
    QSet<QString> firstWords; ///< of every group's variants: a name without one names no such body

    bool mayName(const QList<NameToken> &tokens) const
    {
        return std::any_of(tokens.cbegin(), tokens.cend(), [&](const NameToken &t) { return firstWords.contains(t.text); });
    }
};

const InstitutionTerms &institutionTerms()
{
    static const InstitutionTerms terms = [] {
        const NameNormalizer normalizer;
        const auto sequences = [&](const QStringList &written) {
            QList<QStringList> variants;
            for (const QString &variant : written) {
                QStringList tokens;
                for (const NameToken &t : normalizer.normalize(variant, NameKind::Organization).tokens) {
                    tokens << t.text;
                }
                if (!tokens.isEmpty() && !variants.contains(tokens)) {
                    variants << tokens;
                }
            }
            std::stable_sort(variants.begin(), variants.end(),
                             [](const QStringList &x, const QStringList &y) { return x.size() > y.size(); });
            return variants;
        };
        const auto tables = ScreeningTables::bundled();
        InstitutionTerms out;
        for (const QStringList &group : tables->institutionSynonyms) {
            out.groups << sequences(group);
            for (const QStringList &variant : std::as_const(out.groups.back())) {
                out.firstWords.insert(variant.first());
            }
        }
        out.qualifiers = sequences(tables->institutionQualifiers);
        return out;
    }();
    return terms;
}

struct TokenRun {
    qsizetype start = -1;
    qsizetype length = 0;
    qsizetype variant = -1;
};

// The first run of unmatched tokens that spells one of the variants (longest variants first).
TokenRun findVariant(const QList<NameToken> &tokens, const QVarLengthArray<char, 16> &used, const QList<QStringList> &variants)
{
    for (qsizetype v = 0; v < variants.size(); ++v) {
        const QStringList &words = variants.at(v);
        for (qsizetype start = 0; start + words.size() <= tokens.size(); ++start) {
            bool all = true;
            for (qsizetype k = 0; all && k < words.size(); ++k) {
                all = !used[start + k] && tokens[start + k].text == words.at(k);
            }
            if (all) {
                return {start, words.size(), v};
            }
        }
    }
    return {};
}

} // namespace

// ---- NameMatcher -----------------------------------------------------------------------

NameMatcher::NameMatcher(const TokenStats *stats, MatchSettings settings) : m_stats(stats), m_settings(settings) {}

double NameMatcher::weight(const NameToken &token) const
{
    if (token.weight >= 0) {
        return token.weight;
    }
    const double idf = m_stats ? m_stats->idf(token.text) : 1.0;
    return idf * token.prior;
}

void NameMatcher::cacheWeights(NormalizedName &name) const
{
    for (auto *tokens : {&name.tokens, &name.pinyinTokens}) {
        for (NameToken &t : *tokens) {
            t.weight = -1;
            t.weight = weight(t);
        }
    }
}

double NameMatcher::tokenSimilarity(const NameToken &a, const NameToken &b, QString *method) const
{
    const char *how = nullptr;
    const double s = similarityOf(a, b, &how);
    if (method) {
        *method = QString::fromLatin1(how);
    }
    return s;
}

double NameMatcher::similarityOf(const NameToken &a, const NameToken &b, const char **how) const
{
    auto done = [&](double s, const char *method) {
        *how = method;
        return s;
    };
    if (a.text == b.text) {
        return done(1.0, "exact");
    }
    if (a.has(NameToken::Number) || b.has(NameToken::Number)) {
        return done(0.0, "number");
    }
    if (!a.alternatives.isEmpty() || !b.alternatives.isEmpty()) {
        auto has = [](const NameToken &t, const QString &x) { return t.text == x || t.alternatives.contains(x); };
        if (has(b, a.text) || std::any_of(a.alternatives.cbegin(), a.alternatives.cend(), [&](const QString &x) { return has(b, x); })) {
            return done(1.0, "glossary");
        }
    }
    if (a.text.size() == 1 || b.text.size() == 1) {
        const NameToken &shorter = a.text.size() == 1 ? a : b;
        const NameToken &longer = a.text.size() == 1 ? b : a;
        if (longer.text.size() > 1 && longer.text.startsWith(shorter.text)) {
            return done(kInitialScore, "initial");
        }
        return done(0.0, "none");
    }
    for (const QString &ka : a.keys) {
        for (const QString &kb : b.keys) {
            if (ka == kb) {
                return done(kKeyFactor, "romanisation");
            }
        }
    }
    const double threshold = m_settings.tokenThreshold;
    double best = similarity(a.text, b.text, threshold);
    const char *method = best >= threshold ? "jaro-winkler" : "none";
    if (best < 0.95) {
        for (const QString &ka : a.keys) {
            for (const QString &kb : b.keys) {
                const double s = similarity(ka, kb, threshold) * kKeyFactor;
                if (s > best) {
                    best = s;
                    method = "romanisation";
                }
            }
        }
    }
    const int abjad = NameToken::FromAbjad | NameToken::Transcription | NameToken::Uyghur;
    if (best < kSkeletonScore && ((a.flags | b.flags) & abjad) && a.skeleton.size() >= 3 && a.skeleton == b.skeleton) {
        best = kSkeletonScore;
        method = "skeleton";
    }
    return done(best, method);
}

NameComparison NameMatcher::compareTokens(const QList<NameToken> &a, const QList<NameToken> &b, bool details) const
{
    NameComparison r;
    qsizetype matched = 0;
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    if (n == 0 || m == 0) {
        return r;
    }
    QVarLengthArray<double, 16> wa(n);
    QVarLengthArray<double, 16> wb(m);
    double totalA = 0;
    double totalB = 0;
    for (qsizetype i = 0; i < n; ++i) {
        totalA += wa[i] = weight(a[i]);
    }
    for (qsizetype j = 0; j < m; ++j) {
        totalB += wb[j] = weight(b[j]);
    }
    struct Cell {
        double sim;
        qsizetype i;
        qsizetype j;
        const char *method;
    };
    QVarLengthArray<Cell, 32> cells;
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = 0; j < m; ++j) {
            const char *method = nullptr;
            const double s = similarityOf(a[i], b[j], &method);
            if (s >= m_settings.tokenThreshold) {
                cells.append(Cell{s, i, j, method});
            }
        }
    }
    std::sort(cells.begin(), cells.end(), [&](const Cell &x, const Cell &y) {
        if (x.sim != y.sim) {
            return x.sim > y.sim;
        }
        return wa[x.i] + wb[x.j] > wa[y.i] + wb[y.j];
    });
    QVarLengthArray<char, 16> usedA(n, 0);
    QVarLengthArray<char, 16> usedB(m, 0);
    double massA = 0;
    double massB = 0;
    double distinctA = 0;
    double distinctB = 0;
    bool placeMatched = false;
    for (const Cell &c : cells) {
        if (usedA[c.i] || usedB[c.j]) {
            continue;
        }
        usedA[c.i] = usedB[c.j] = 1;
        massA += wa[c.i] * c.sim;
        massB += wb[c.j] * c.sim;
        distinctA += a[c.i].has(NameToken::Common) ? 0.0 : wa[c.i] * c.sim;
        distinctB += b[c.j].has(NameToken::Common) ? 0.0 : wb[c.j] * c.sim;
        placeMatched = placeMatched || a[c.i].has(NameToken::Place) || b[c.j].has(NameToken::Place);
        ++matched;
        if (details) {
            r.pairs << TokenPair{a[c.i].text, b[c.j].text, c.sim, QString::fromLatin1(c.method), (wa[c.i] + wb[c.j]) / 2};
        }
    }
    // Compounds: consecutive unmatched tokens on one side written as one word on the other
    // ("dong fang" / "dongfang", "starry sky" / "starrysky").
    auto compounds = [&](const QList<NameToken> &x, QVarLengthArray<char, 16> &usedX, const QVarLengthArray<double, 16> &wx,
                         const QList<NameToken> &y, QVarLengthArray<char, 16> &usedY, const QVarLengthArray<double, 16> &wy,
                         double &massX, double &massY, double &distinctX, double &distinctY, bool xIsLeft) {
        for (qsizetype j = 0; j < y.size(); ++j) {
            if (usedY[j] || y[j].text.size() < 3) {
                continue;
            }
            double best = 0;
            qsizetype bestStart = -1;
            qsizetype bestLen = 0;
            for (qsizetype start = 0; start < x.size(); ++start) {
                if (usedX[start] || x[start].has(NameToken::Number)) {
                    continue;
                }
                if (x[start].text.at(0) != y[j].text.at(0)
                    && x[start].keys.value(0).left(1) != y[j].keys.value(0).left(1)) {
                    continue; // a word written as one begins where its parts begin
                }
                QString joined = x[start].text;
                QString key = x[start].keys.value(0);
                for (qsizetype len = 2; len <= 4 && start + len <= x.size(); ++len) {
                    const qsizetype k = start + len - 1;
                    if (usedX[k] || x[k].has(NameToken::Number)) {
                        break;
                    }
                    joined += x[k].text;
                    key += x[k].keys.value(0); // close enough to the key of the joined word
                    if (joined.size() + 3 < y[j].text.size() || joined.size() > y[j].text.size() + 4) {
                        continue;
                    }
                    double s = similarity(joined, y[j].text, m_settings.tokenThreshold);
                    if (s < kCompoundMinimum && y[j].text.size() > 3) {
                        for (const QString &ky : y[j].keys) {
                            s = std::max(s, (key == ky ? 1.0 : similarity(key, ky, m_settings.tokenThreshold)) * kKeyFactor);
                        }
                    }
                    if (s >= kCompoundMinimum && s > best) {
                        best = s;
                        bestStart = start;
                        bestLen = len;
                    }
                }
            }
            if (bestStart < 0) {
                continue;
            }
            QStringList parts;
            double w = 0;
            ++matched;
            for (qsizetype k = bestStart; k < bestStart + bestLen; ++k) {
                usedX[k] = 1;
                parts << x[k].text;
                w += wx[k];
                massX += wx[k] * best;
                distinctX += x[k].has(NameToken::Common) ? 0.0 : wx[k] * best;
            }
            usedY[j] = 1;
            massY += wy[j] * best;
            distinctY += y[j].has(NameToken::Common) ? 0.0 : wy[j] * best;
            if (!details) {
                continue;
            }
            const QString joined = parts.join(QLatin1Char(' '));
            r.pairs << TokenPair{xIsLeft ? joined : y[j].text, xIsLeft ? y[j].text : joined, best,
                                 QStringLiteral("compound"), (w + wy[j]) / 2};
        }
    };
    // Only worth trying when one side has two words left over and the other one.
    if (n - matched >= 2 && m - matched >= 1) {
        compounds(a, usedA, wa, b, usedB, wb, massA, massB, distinctA, distinctB, true);
    }
    if (m - matched >= 2 && n - matched >= 1) {
        compounds(b, usedB, wb, a, usedA, wa, massB, massA, distinctB, distinctA, false);
    }
    // One kind of institution named two ways ("Xinjiang police" / "Xinjiang Public Security
    // Bureau"): paired only when something else already agrees, a place or a distinctive word,
    // so that "police" alone never meets a bureau, nor one province's police another's bureau
    // (the place rule below lowers what two different places leave). The pair is not
    // distinctive (it names a kind of body, not this one). When both names name such a body,
    // however written, the words that only say where it sits ("Municipal", "Autonomous
    // Region") are not counted.
    QVarLengthArray<char, 16> neutralA(n, 0);
    QVarLengthArray<char, 16> neutralB(m, 0);
    if (matched > 0 && (placeMatched || distinctA > 0 || distinctB > 0) && institutionTerms().mayName(a)
        && institutionTerms().mayName(b)) {
        bool paired = false;
        const QVarLengthArray<char, 16> noneUsedA(n, 0);
        const QVarLengthArray<char, 16> noneUsedB(m, 0);
        for (const QList<QStringList> &variants : institutionTerms().groups) {
            paired = paired
                     || (findVariant(a, noneUsedA, variants).start >= 0 && findVariant(b, noneUsedB, variants).start >= 0);
            const TokenRun runA = findVariant(a, usedA, variants);
            const TokenRun runB = runA.start < 0 ? TokenRun{} : findVariant(b, usedB, variants);
            if (runB.start < 0 || runA.variant == runB.variant) {
                continue;
            }
            QStringList parts[2];
            double w = 0;
            const auto take = [&](const QList<NameToken> &x, QVarLengthArray<char, 16> &usedX, QVarLengthArray<char, 16> &neutralX,
                                  const QVarLengthArray<double, 16> &wx, const TokenRun &run, double &massX, QStringList &words) {
                for (qsizetype k = run.start; k < run.start + run.length; ++k) {
                    usedX[k] = neutralX[k] = 1;
                    words << x[k].text;
                    w += wx[k];
                    massX += wx[k] * kSynonymScore;
                }
            };
            take(a, usedA, neutralA, wa, runA, massA, parts[0]);
            take(b, usedB, neutralB, wb, runB, massB, parts[1]);
            ++matched;
            paired = true;
            if (details) {
                r.pairs << TokenPair{parts[0].join(QLatin1Char(' ')), parts[1].join(QLatin1Char(' ')), kSynonymScore,
                                     QStringLiteral("synonym"), w / 2};
            }
        }
        const auto dropQualifiers = [&](const QList<NameToken> &x, QVarLengthArray<char, 16> &usedX, QVarLengthArray<char, 16> &neutralX,
                                        const QVarLengthArray<double, 16> &wx, double &totalX) {
            for (TokenRun run = findVariant(x, usedX, institutionTerms().qualifiers); run.start >= 0;
                 run = findVariant(x, usedX, institutionTerms().qualifiers)) {
                QStringList words;
                for (qsizetype k = run.start; k < run.start + run.length; ++k) {
                    usedX[k] = neutralX[k] = 1;
                    totalX -= wx[k];
                    words << x[k].text;
                }
                if (details) {
                    r.qualifiersIgnored << words.join(QLatin1Char(' '));
                }
            }
        };
        if (paired) {
            dropQualifiers(a, usedA, neutralA, wa, totalA);
            dropQualifiers(b, usedB, neutralB, wb, totalB);
        }
    }
    QSet<QString> numbersA;
    QSet<QString> numbersB;
    bool placesA = false;
    bool placesB = false;
    for (qsizetype i = 0; i < n; ++i) {
        if (!usedA[i] && details) {
            r.unmatchedLeft << a[i].text;
        }
        if (a[i].has(NameToken::Number)) {
            numbersA.insert(a[i].text);
        }
        placesA = placesA || a[i].has(NameToken::Place);
    }
    for (qsizetype j = 0; j < m; ++j) {
        if (!usedB[j] && details) {
            r.unmatchedRight << b[j].text;
        }
        if (b[j].has(NameToken::Number)) {
            numbersB.insert(b[j].text);
        }
        placesB = placesB || b[j].has(NameToken::Place);
    }
    if (totalA <= 0 || totalB <= 0) {
        return r;
    }
    // The shorter name (less weight) must be covered; how much the longer name's
    // coverage still counts depends on how distinctive the matched part is: "Hikvision"
    // carries "Hangzhou Hikvision Digital Technology", "China Technology Group" does not
    // carry "China Electronics Technology Group" (common terms are not distinctive).
    const bool aShort = totalA <= totalB;
    const double coverShort = aShort ? massA / totalA : massB / totalB;
    const double coverLong = aShort ? massB / totalB : massA / totalA;
    const double mass = aShort ? distinctA : distinctB;
    // Both names must be covered: the longer name's own distinctive words (not common terms,
    // places or legal forms) must be largely matched too, else a short name that shares one
    // word with a long listing ("The Times" / "Russian Institute of Radionavigation and Time")
    // would ride on the short side alone.
    const double longDistinct = aShort ? distinctB : distinctA;
    double longDistinctTotal = 0;
    for (qsizetype k = 0, count = aShort ? m : n; k < count; ++k) {
        const NameToken &t = aShort ? b[k] : a[k];
        const bool neutral = aShort ? neutralB[k] : neutralA[k];
        longDistinctTotal += t.has(NameToken::Common) || t.has(NameToken::Place) || neutral ? 0.0 : (aShort ? wb[k] : wa[k]);
    }
    r.longCoverage = longDistinctTotal > 0 ? longDistinct / longDistinctTotal : 1.0;
    const double longFactor = std::pow(std::min(1.0, r.longCoverage / m_settings.longCoverageNeeded), 2.0);
    r.longSideUncovered = longFactor < 1.0 && coverShort > 0;
    const double lambda = m_settings.shortSideWeight * std::min(1.0, mass / m_settings.distinctiveMass) * longFactor;
    double score = std::pow(coverShort, m_settings.shortCoverageExponent) * (lambda + (1.0 - lambda) * coverLong);
    if (!numbersA.isEmpty() && !numbersB.isEmpty() && numbersA != numbersB) {
        r.numbersConflict = true;
        score *= m_settings.numberConflictFactor;
    }
    if (placesA && placesB && !placeMatched) {
        r.placesConflict = true;
        score *= m_settings.placeConflictFactor;
    }
    // A body and its institute, college or school: one name has a kind of institution left
    // over that the other lacks ("Xinjiang police" / "Xinjiang Police College", a ministry /
    // its Institute of Forensic Science). Both having one left over is a translation variant.
    const auto institutionLeft = [](const QList<NameToken> &tokens, const QVarLengthArray<char, 16> &used) -> QString {
        static const QSet<QString> kinds = {QStringLiteral("institute"), QStringLiteral("college"),
                                            QStringLiteral("university"), QStringLiteral("academy"),
                                            QStringLiteral("school"), QStringLiteral("hospital"),
                                            QStringLiteral("laboratory"), QStringLiteral("factory")};
        for (qsizetype k = 0; k < tokens.size(); ++k) {
            if (!used[k] && kinds.contains(tokens[k].text)) {
                return tokens[k].text;
            }
        }
        return {};
    };
    const QString kindA = institutionLeft(a, usedA);
    const QString kindB = institutionLeft(b, usedB);
    if (kindA.isEmpty() != kindB.isEmpty() && matched > 0) {
        r.institutionLeft = kindA.isEmpty() ? kindB : kindA;
        score *= m_settings.institutionFactor;
    }
    r.nameScore = r.score = std::clamp(score, 0.0, 1.0);
    return r;
}

NameComparison NameMatcher::compare(const NormalizedName &left, const NormalizedName &right, bool details) const
{
    NameComparison r = compareTokens(left.tokens, right.tokens, details);
    auto consider = [&](const QList<NameToken> &x, const QList<NameToken> &y) {
        if (x.isEmpty() || y.isEmpty()) {
            return;
        }
        NameComparison alt = compareTokens(x, y, details);
        if (alt.nameScore > r.nameScore) {
            alt.pinyinReading = true;
            r = alt;
        }
    };
    if (!left.pinyinTokens.isEmpty()) {
        consider(left.pinyinTokens, right.tokens);
    }
    if (!right.pinyinTokens.isEmpty()) {
        consider(left.tokens, right.pinyinTokens);
    }
    if (!left.pinyinTokens.isEmpty() && !right.pinyinTokens.isEmpty()) {
        consider(left.pinyinTokens, right.pinyinTokens);
    }

    // Acronyms: a one-word name against the initials of a longer one.
    auto initials = [](const QList<NameToken> &tokens) {
        QString s;
        for (const auto &t : tokens) {
            if (!t.has(NameToken::Acronym) && !t.has(NameToken::Number) && !t.text.isEmpty()) {
                s += t.text.at(0);
            }
        }
        return s;
    };
    auto acronymOf = [&](const NormalizedName &single, const NormalizedName &other) {
        if (single.tokens.size() != 1 || other.tokens.size() < 3) {
            return false;
        }
        const NameToken &t = single.tokens.first();
        return t.text.size() >= 3 && t.text.size() <= 8 && !t.has(NameToken::Number) && initials(other.tokens) == t.text;
    };
    if (r.nameScore < m_settings.acronymScore && (acronymOf(left, right) || acronymOf(right, left))) {
        r.acronym = true;
        r.nameScore = r.score = m_settings.acronymScore;
    }

    r.formLeft = left.legalForm;
    r.formRight = right.legalForm;
    if (!left.legalForm.isEmpty() && !right.legalForm.isEmpty() && r.score > 0) {
        const auto tables = ScreeningTables::bundled();
        const LegalForm *fa = nullptr;
        const LegalForm *fb = nullptr;
        for (const auto &f : tables->forms) {
            fa = f.code == left.legalForm ? &f : fa;
            fb = f.code == right.legalForm ? &f : fb;
        }
        if (fa && fb) {
            double adjust = 0;
            if (fa->code == fb->code) {
                r.formRelation = NameComparison::FormRelation::Agree;
                adjust = m_settings.formAgreeBonus;
            } else if (fa->family == fb->family && fa->kind == fb->kind) {
                r.formRelation = NameComparison::FormRelation::SameKind;
                adjust = m_settings.formKindBonus;
            } else if (fa->family == fb->family) {
                r.formRelation = NameComparison::FormRelation::SameFamily;
            } else {
                r.formRelation = NameComparison::FormRelation::Conflict;
                adjust = -m_settings.formConflictPenalty;
            }
            r.score = std::clamp(r.score + adjust, 0.0, 1.0);
        }
    }
    return r;
}

QString NameComparison::formRelationName(FormRelation r)
{
    switch (r) {
    case FormRelation::Agree: return QStringLiteral("agree");
    case FormRelation::SameKind: return QStringLiteral("same-kind");
    case FormRelation::SameFamily: return QStringLiteral("same-family");
    case FormRelation::Conflict: return QStringLiteral("conflict");
    case FormRelation::None: break;
    }
    return QStringLiteral("none");
}

} // namespace Casegraph::Models

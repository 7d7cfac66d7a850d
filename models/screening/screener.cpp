// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screener.h"

#include <algorithm>
#include <atomic>
#include <thread>

namespace Casegraph::Models {

namespace {

// Blocking key kinds: token, fold-key prefix and suffix, consonant skeleton, initials, identifier.
constexpr char16_t kToken = u't';
constexpr char16_t kPrefix = u'k';
constexpr char16_t kSuffix = u'e';
constexpr char16_t kSkeleton = u's';
constexpr char16_t kInitials = u'a';
constexpr char16_t kIdentifier = u'i';
constexpr qsizetype kPrefixLength = 4;

QString key(char16_t kind, QStringView value)
{
    QString k;
    k.reserve(value.size() + 1);
    k += QChar(kind);
    k += value;
    return k;
}

QString initialsOf(const QList<NameToken> &tokens)
{
    QString s;
    for (const auto &t : tokens) {
        if (!t.has(NameToken::Acronym) && !t.has(NameToken::Number) && !t.text.isEmpty()) {
            s += t.text.at(0);
        }
    }
    return s;
}

// Blocking keys of one name with the weight a hit on each is worth when ranking entries.
template <typename Fn> void forEachKey(const NormalizedName &name, const NameMatcher &matcher, Fn fn)
{
    for (const auto *tokens : {&name.tokens, &name.pinyinTokens}) {
        for (const NameToken &t : *tokens) {
            const double w = matcher.weight(t);
            fn(key(kToken, t.text), w);
            for (const QString &alt : t.alternatives) {
                fn(key(kToken, alt), w);
            }
            if (t.has(NameToken::Number)) {
                continue;
            }
            for (const QString &k : t.keys) {
                if (k.size() >= 3) {
                    fn(key(kPrefix, QStringView(k).left(kPrefixLength)), w * 0.8);
                }
                if (k.size() >= 6) { // a typo near the start still leaves the end
                    fn(key(kSuffix, QStringView(k).right(kPrefixLength)), w * 0.6);
                }
            }
            if (t.skeleton.size() >= 3) {
                fn(key(kSkeleton, t.skeleton), w * 0.6);
            }
        }
    }
}

} // namespace

Screener::Screener(ScreeningSettings settings)
    : m_settings(settings), m_matcher(&m_stats, settings.match)
{
}

bool Screener::compatible(NameKind a, NameKind b)
{
    return a == NameKind::Unknown || b == NameKind::Unknown || a == b;
}

void Screener::setList(const QList<ScreeningRecord> &list, int threads)
{
    m_entries.assign(size_t(list.size()), PreparedRecord());
    m_kinds.clear();
    m_postings.clear();
    m_stats = TokenStats();
    // Normalising is the expensive part and thread-safe: split it.
    const int workers = std::max(1, threads > 0 ? threads : int(std::thread::hardware_concurrency()));
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        constexpr qsizetype chunk = 256;
        for (qsizetype from = next.fetch_add(chunk); from < list.size(); from = next.fetch_add(chunk)) {
            for (qsizetype i = from; i < std::min(from + chunk, list.size()); ++i) {
                m_entries[size_t(i)] = PreparedRecord::prepare(list.at(i), m_normalizer);
            }
        }
    };
    if (workers == 1 || list.size() < 1024) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < workers; ++t) {
            pool.emplace_back(work);
        }
        for (auto &t : pool) {
            t.join();
        }
    }
    m_kinds.reserve(m_entries.size());
    for (const PreparedRecord &r : m_entries) {
        m_kinds.push_back(r.record.nameKind());
        m_stats.addEntry(r.names);
    }
    for (size_t i = 0; i < m_entries.size(); ++i) {
        for (NormalizedName &name : m_entries[i].names) {
            m_matcher.cacheWeights(name);
        }
        addKeys(quint32(i), m_entries[i]);
    }
}

void Screener::addKeys(quint32 entry, const PreparedRecord &record)
{
    auto add = [&](const QString &k) {
        auto &postings = m_postings[k];
        if (postings.empty() || postings.back() != entry) {
            postings.push_back(entry);
        }
    };
    for (const NormalizedName &name : record.names) {
        forEachKey(name, m_matcher, [&](const QString &k, double) { add(k); });
        if (name.tokens.size() >= 3) {
            add(key(kInitials, initialsOf(name.tokens)));
        }
    }
    for (const auto &id : record.identifiers) {
        add(key(kIdentifier, id.value));
    }
}

std::vector<quint32> Screener::blockingCandidates(const PreparedRecord &party) const
{
    const qsizetype n = size();
    // Keys shared by more than this many entries are too common to say anything; a party
    // whose keys are all that common (a generic name) still uses the rarest of them.
    const size_t softLimit = size_t(std::max<qsizetype>(200, n / 50));
    const size_t hardLimit = size_t(std::max<qsizetype>(2000, n / 5));
    struct Hit {
        const std::vector<quint32> *postings;
        double weight;
    };
    std::vector<Hit> hits;
    auto lookup = [&](const QString &k, double w) {
        const auto it = m_postings.constFind(k);
        if (it != m_postings.constEnd()) {
            hits.push_back(Hit{&it.value(), w});
        }
    };
    for (const NormalizedName &name : party.names) {
        forEachKey(name, m_matcher, lookup);
        if (name.tokens.size() == 1) {
            lookup(key(kInitials, name.tokens.first().text), 1.0);
        } else if (name.tokens.size() >= 3) {
            lookup(key(kToken, initialsOf(name.tokens)), 1.0);
        }
    }
    for (const auto &id : party.identifiers) {
        lookup(key(kIdentifier, id.value), 100.0);
    }
    if (hits.empty()) {
        return {};
    }
    const bool anySpecific = std::any_of(hits.cbegin(), hits.cend(), [&](const Hit &h) { return h.postings->size() <= softLimit; });
    if (!anySpecific) {
        const auto rarest = std::min_element(hits.cbegin(), hits.cend(), [](const Hit &a, const Hit &b) {
            return a.postings->size() < b.postings->size();
        });
        const size_t limit = std::max(hardLimit, rarest->postings->size());
        std::erase_if(hits, [&](const Hit &h) { return h.postings->size() > limit; });
    } else {
        std::erase_if(hits, [&](const Hit &h) { return h.postings->size() > softLimit && h.weight < 100.0; });
    }

    thread_local std::vector<float> scores;
    thread_local std::vector<quint32> touched;
    if (scores.size() < size_t(n)) {
        scores.assign(size_t(n), 0.0f);
    }
    touched.clear();
    for (const Hit &h : hits) {
        for (quint32 e : *h.postings) {
            if (scores[e] == 0.0f) {
                touched.push_back(e);
            }
            scores[e] += float(h.weight);
        }
    }
    const NameKind kind = party.record.nameKind();
    std::erase_if(touched, [&](quint32 e) {
        if (!compatible(kind, m_kinds[e])) {
            scores[e] = 0.0f;
            return true;
        }
        return false;
    });
    size_t keep = std::min(touched.size(), size_t(std::max(1, m_settings.maxCompared)));
    std::partial_sort(touched.begin(), touched.begin() + qsizetype(keep), touched.end(),
                      [&](quint32 a, quint32 b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); });
    // Entries that share far less with the party than the best one are not worth a full comparison.
    if (keep > 0) {
        const float floor = scores[touched.front()] * float(m_settings.blockingRatio);
        while (keep > 1 && scores[touched[keep - 1]] < floor) {
            --keep;
        }
    }
    for (quint32 e : touched) {
        scores[e] = 0.0f;
    }
    touched.resize(keep);
    return touched;
}

QList<Candidate> Screener::screen(const ScreeningRecord &party) const
{
    return screen(PreparedRecord::prepare(party, m_normalizer));
}

QList<Candidate> Screener::screen(PreparedRecord party) const
{
    for (NormalizedName &name : party.names) {
        m_matcher.cacheWeights(name);
    }
    QList<Candidate> out;
    const double bonus = m_settings.evidence.dateAgreeBonus;
    for (quint32 e : blockingCandidates(party)) {
        const PreparedRecord &entry = m_entries[e];
        if (party.identifiers.isEmpty() || entry.identifiers.isEmpty()) {
            // Without identifiers only a date can add to the name score: skip what cannot reach the threshold.
            double best = 0;
            for (const NormalizedName &q : party.names) {
                for (const NormalizedName &n : entry.names) {
                    best = std::max(best, m_matcher.compare(q, n, false).score);
                }
            }
            if (best + bonus < m_settings.threshold) {
                continue;
            }
        }
        Candidate c = compareRecords(party, entry, m_matcher, m_settings.evidence, false);
        if (c.score >= m_settings.threshold) {
            out << compareRecords(party, m_entries[e], m_matcher, m_settings.evidence, true);
        }
    }
    std::sort(out.begin(), out.end(), [](const Candidate &a, const Candidate &b) {
        return a.score > b.score || (a.score == b.score && a.entryId < b.entryId);
    });
    if (out.size() > m_settings.maxCandidates) {
        out.resize(m_settings.maxCandidates);
    }
    return out;
}

QList<QList<Candidate>> Screener::screenAll(const QList<ScreeningRecord> &parties, int threads) const
{
    std::vector<QList<Candidate>> results(size_t(parties.size()));
    const int workers = std::max(1, threads > 0 ? threads : int(std::thread::hardware_concurrency()));
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < parties.size(); i = next++) {
            results[size_t(i)] = screen(parties.at(i));
        }
    };
    if (workers == 1 || parties.size() < 64) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < workers; ++t) {
            pool.emplace_back(work);
        }
        for (auto &t : pool) {
            t.join();
        }
    }
    QList<QList<Candidate>> out;
    out.reserve(parties.size());
    for (auto &r : results) {
        out << std::move(r);
    }
    return out;
}

Candidate Screener::compare(const ScreeningRecord &party, qsizetype entryIndex) const
{
    return compareRecords(PreparedRecord::prepare(party, m_normalizer), m_entries.at(size_t(entryIndex)), m_matcher,
                          m_settings.evidence);
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "namematcher.h"
#include "namenormalizer.h"
#include "screeningrecord.h"

#include <QHash>
#include <QtGlobal>
#include <QList>

#include <vector>

namespace Casegraph::Models {

/// Settings of a screening run. `threshold` is the score a candidate needs to be reported.
struct ScreeningSettings {
    double threshold = 0.72;
    int maxCandidates = 10;    ///< per screened party, best first
    int maxCompared = 20;      ///< list entries fully compared per screened party (the best by blocking)
    double blockingRatio = 0.4; ///< …and only those sharing at least this share of the best one's blocking weight
    MatchSettings match;
    EvidenceSettings evidence;
};

/// Screens parties against a reference list (a sanctions or entity list).
///
/// setList() normalises every entry, counts token frequencies (the rarity weights) and
/// builds a blocking index: token → entries, fold-key prefix → entries, consonant
/// skeleton → entries, initials → entries, identifier → entries. screen() looks up a
/// party's keys, fully compares the entries that share the most distinctive ones and
/// returns those at or above the threshold, with explanations.
///
/// Thread-agnostic: no event loop; after setList() every const function may be called
/// from several threads at once (screenAll() does so).
class Screener {
    Q_DISABLE_COPY_MOVE(Screener)
public:
    explicit Screener(ScreeningSettings settings = {});

    /// Normalises and indexes the list, on `threads` threads (0: as many as cores).
    void setList(const QList<ScreeningRecord> &list, int threads = 0);
    qsizetype size() const { return qsizetype(m_entries.size()); }
    const ScreeningSettings &settings() const { return m_settings; }
    const TokenStats &stats() const { return m_stats; }
    const NameNormalizer &normalizer() const { return m_normalizer; }
    const PreparedRecord &entry(qsizetype index) const { return m_entries.at(size_t(index)); }

    /// Candidates for one party, best first, score ≥ threshold.
    QList<Candidate> screen(const ScreeningRecord &party) const;
    QList<Candidate> screen(PreparedRecord party) const;
    /// Candidates for many parties, on `threads` threads (0: as many as cores).
    QList<QList<Candidate>> screenAll(const QList<ScreeningRecord> &parties, int threads = 0) const;
    /// Full comparison of a party with one entry, whatever the score (for "why not?").
    Candidate compare(const ScreeningRecord &party, qsizetype entryIndex) const;

private:
    void addKeys(quint32 entry, const PreparedRecord &record);
    std::vector<quint32> blockingCandidates(const PreparedRecord &party) const;
    static bool compatible(NameKind a, NameKind b);

    ScreeningSettings m_settings;
    NameNormalizer m_normalizer;
    TokenStats m_stats;
    NameMatcher m_matcher;
    std::vector<PreparedRecord> m_entries;
    std::vector<NameKind> m_kinds;
    QHash<QString, std::vector<quint32>> m_postings;
};

} // namespace Casegraph::Models

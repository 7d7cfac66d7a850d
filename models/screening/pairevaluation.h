// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "namematcher.h"
#include "namenormalizer.h"
#include "screeningrecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// A labelled name pair: should `left` and `right` be reported as the same party?
struct LabelledPair {
    QString left;
    QString right;
    bool expected = false;
    QString note;
    int line = 0;
};

/// Precision and recall of the matcher on a labelled set (tests/fixtures/screening/pairs.tsv).
/// Each side is one party: its names separated by " | " ("Radio Free Asia | RFA"), compared as
/// the screener compares records (best name pair, then the short-name rule). Token rarity comes
/// from the set itself (every distinct side is one entry) plus the `background` list, if given:
/// with a real list as background, common words weigh what they weigh in real screening.
class PairEvaluation {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::PairEvaluation)
public:
    struct Scored {
        LabelledPair pair;
        double score = 0;
    };
    struct Figures {
        double threshold = 0;
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int trueNegatives = 0;
        double precision() const;
        double recall() const;
        double f1() const;
    };

    /// Reads a TSV file: left, right, expected (1/0), note; '#' lines and a header are skipped.
    static Result<QList<LabelledPair>> load(const QString &path);

    explicit PairEvaluation(const QList<LabelledPair> &pairs, MatchSettings settings = {},
                            const QList<ScreeningRecord> &background = {});
    /// The parties of list files (any format ReferenceListLoader reads), for `background`.
    static Result<QList<ScreeningRecord>> readLists(const QStringList &paths);
    /// The real lists of the shared test data used as background (those that exist under
    /// `testdataDir`): OFAC SDN 2024, OFAC non-SDN 2018, UN 2018 and the BIS extract.
    static QStringList backgroundFiles(const QString &testdataDir);
    /// The names of one side of a pair.
    static QStringList names(const QString &side);
    qsizetype backgroundEntries() const { return m_background; }
    const QList<Scored> &scored() const { return m_scored; }
    Figures at(double threshold) const;
    /// Pairs on the wrong side of `threshold`.
    QList<Scored> errors(double threshold) const;
    const NameMatcher &matcher() const { return *m_matcher; }
    const NameNormalizer &normalizer() const { return m_normalizer; }

private:
    NameNormalizer m_normalizer;
    TokenStats m_stats;
    std::unique_ptr<NameMatcher> m_matcher;
    QList<Scored> m_scored;
    qsizetype m_background = 0;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "namematcher.h"
#include "namenormalizer.h"

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

/// Precision and recall of the name matcher on a labelled set (tests/fixtures/screening/
/// pairs.tsv). Token rarity comes from the set itself: every distinct name is one entry, as
/// if the set were the list screened against.
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

    explicit PairEvaluation(const QList<LabelledPair> &pairs, MatchSettings settings = {});
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
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

/// One grade of a grading axis: the code stored with an excerpt or claim ("B", "2") and the
/// label shown beside it ("Usually reliable").
struct GradeLevel {
    QString code;
    QString label;
    bool operator==(const GradeLevel &) const = default;
};

/// A case's grading scheme: source reliability (graded per excerpt) and information
/// credibility (graded per claim), each an ordered list of levels, best first. The default is
/// NATO's Admiralty code (A–F / 1–6); the i2 preset is the 5×5×5 scheme (A–E / 1–5). The last
/// level of the Admiralty axes ("cannot be judged") counts as the weakest when ranking.
struct GradingScheme {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::GradingScheme)
public:
    QString name; ///< "admiralty", "i2" or "custom"
    QList<GradeLevel> reliability;
    QList<GradeLevel> credibility;

    static GradingScheme admiralty();
    static GradingScheme i2();
    /// Position of a code on its axis (0 = best), or -1 for an empty or unknown code.
    int reliabilityRank(const QString &code) const { return rankOf(reliability, code); }
    int credibilityRank(const QString &code) const { return rankOf(credibility, code); }
    /// "B — Usually reliable", or the bare code when the scheme does not know it.
    QString describeReliability(const QString &code) const { return describe(reliability, code); }
    QString describeCredibility(const QString &code) const { return describe(credibility, code); }
    bool isValid() const { return !reliability.isEmpty() && !credibility.isEmpty(); }
    bool operator==(const GradingScheme &) const = default;

private:
    static int rankOf(const QList<GradeLevel> &levels, const QString &code);
    static QString describe(const QList<GradeLevel> &levels, const QString &code);
};

/// The status a claim can have, in the order the UI offers them.
namespace ClaimStatus {
inline const QString Unverified = QStringLiteral("unverified");
inline const QString Corroborated = QStringLiteral("corroborated");
inline const QString Disputed = QStringLiteral("disputed");
inline const QString Retracted = QStringLiteral("retracted");
QStringList all();
/// Translated name of a status ("corroborated" → "Corroborated").
QString label(const QString &status);
} // namespace ClaimStatus

/// How well a fact is sourced, by the distinct sources of its supporting passages: the one
/// visual language of charts (edge line style) and timelines (item outline). Retracted claims
/// and contradicting passages do not count.
enum class SupportLevel : quint8 {
    Unsourced,    ///< no supporting passage: dotted
    SingleSource, ///< passages from one source: dashed
    Corroborated, ///< two or more distinct sources: solid
};
/// The level for a count of distinct supporting sources.
constexpr SupportLevel supportLevelOf(int distinctSources) {
    return distinctSources >= 2   ? SupportLevel::Corroborated
           : distinctSources == 1 ? SupportLevel::SingleSource
                                  : SupportLevel::Unsourced;
}
/// "corroborated (2+ sources)", "single source", "unsourced": the legend's words.
QString supportLevelName(SupportLevel level);

/// What supports an entity, a relationship or one of its values: how many quoted passages
/// from how many distinct sources, the best grades among them, and the status that sums up
/// the claims. Retracted claims do not count as support. Charts and timelines show this.
struct Support {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::Support)
public:
    int excerpts = 0;      ///< passages that support (not contradicting, not retracted)
    int contradicting = 0; ///< passages that contradict
    int sources = 0;       ///< distinct sources among the supporting passages
    int claims = 0;        ///< claims considered (retracted ones included)
    QString bestReliability; ///< best graded reliability of a supporting passage, or empty
    QString bestCredibility; ///< best graded credibility of a supported claim, or empty
    QString status;        ///< retracted, disputed, corroborated or unverified; empty: no claim

    bool isSupported() const { return excerpts > 0; }
    SupportLevel level() const { return supportLevelOf(sources); }
    /// "2 passages from 2 sources · B2 · corroborated", or "no supporting passage".
    QString describe() const;
    /// Compact badge for edges and timeline items: "B2 ×2", "?" when unsupported.
    QString badge() const;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "grading.h"

namespace Casegraph::Models {

GradingScheme GradingScheme::admiralty() {
    GradingScheme s;
    s.name = QStringLiteral("admiralty");
    s.reliability = {{QStringLiteral("A"), tr("Completely reliable")},
                     {QStringLiteral("B"), tr("Usually reliable")},
                     {QStringLiteral("C"), tr("Fairly reliable")},
                     {QStringLiteral("D"), tr("Not usually reliable")},
                     {QStringLiteral("E"), tr("Unreliable")},
                     {QStringLiteral("F"), tr("Reliability cannot be judged")}};
    s.credibility = {{QStringLiteral("1"), tr("Confirmed by other sources")},
                     {QStringLiteral("2"), tr("Probably true")},
                     {QStringLiteral("3"), tr("Possibly true")},
                     {QStringLiteral("4"), tr("Doubtful")},
                     {QStringLiteral("5"), tr("Improbable")},
                     {QStringLiteral("6"), tr("Truth cannot be judged")}};
    return s;
}

GradingScheme GradingScheme::i2() {
    GradingScheme s;
    s.name = QStringLiteral("i2");
    s.reliability = {{QStringLiteral("A"), tr("Always reliable")},
                     {QStringLiteral("B"), tr("Mostly reliable")},
                     {QStringLiteral("C"), tr("Sometimes reliable")},
                     {QStringLiteral("D"), tr("Unreliable")},
                     {QStringLiteral("E"), tr("Untested source")}};
    s.credibility = {{QStringLiteral("1"), tr("Known to be true without reservation")},
                     {QStringLiteral("2"), tr("Known personally to the source")},
                     {QStringLiteral("3"), tr("Not known personally to the source, but corroborated")},
                     {QStringLiteral("4"), tr("Cannot be judged")},
                     {QStringLiteral("5"), tr("Suspected to be false")}};
    return s;
}

int GradingScheme::rankOf(const QList<GradeLevel> &levels, const QString &code) {
    if (code.isEmpty()) {
        return -1;
    }
    for (int i = 0; i < levels.size(); ++i) {
        if (levels.at(i).code.compare(code, Qt::CaseInsensitive) == 0) {
            return i;
        }
    }
    return -1;
}

QString GradingScheme::describe(const QList<GradeLevel> &levels, const QString &code) {
    const int rank = rankOf(levels, code);
    return rank < 0 ? code : tr("%1 — %2").arg(levels.at(rank).code, levels.at(rank).label);
}

QStringList ClaimStatus::all() {
    return {Unverified, Corroborated, Disputed, Retracted};
}

QString ClaimStatus::label(const QString &status) {
    if (status == Corroborated) {
        return QCoreApplication::translate("Casegraph::Models::ClaimStatus", "Corroborated");
    }
    if (status == Disputed) {
        return QCoreApplication::translate("Casegraph::Models::ClaimStatus", "Disputed");
    }
    if (status == Retracted) {
        return QCoreApplication::translate("Casegraph::Models::ClaimStatus", "Retracted");
    }
    if (status == Unverified || status.isEmpty()) {
        return QCoreApplication::translate("Casegraph::Models::ClaimStatus", "Unverified");
    }
    return status;
}

QString supportLevelName(SupportLevel level) {
    switch (level) {
    case SupportLevel::Corroborated:
        return Support::tr("corroborated (2+ sources)");
    case SupportLevel::SingleSource:
        return Support::tr("single source");
    case SupportLevel::Unsourced:
        break;
    }
    return Support::tr("unsourced");
}

QString Support::describe() const {
    if (!isSupported()) {
        return contradicting > 0 ? tr("no supporting passage; %n contradicting", nullptr, contradicting)
                                 : tr("no supporting passage");
    }
    QStringList parts{tr("%n passage(s)", nullptr, excerpts) + QLatin1Char(' ') +
                      tr("from %n source(s)", nullptr, sources)};
    if (!bestReliability.isEmpty() || !bestCredibility.isEmpty()) {
        parts << bestReliability + bestCredibility;
    }
    if (contradicting > 0) {
        parts << tr("%n contradicting", nullptr, contradicting);
    }
    if (!status.isEmpty()) {
        parts << ClaimStatus::label(status).toLower();
    }
    return parts.join(QStringLiteral(" · "));
}

QString Support::badge() const {
    if (!isSupported()) {
        return QStringLiteral("?");
    }
    const QString grade = bestReliability + bestCredibility;
    return (grade.isEmpty() ? QString() : grade + QLatin1Char(' ')) + QStringLiteral("×%1").arg(sources);
}

} // namespace Casegraph::Models

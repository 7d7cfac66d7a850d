// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairevaluation.h"

#include <QFile>
#include <QHash>

namespace Casegraph::Models {

double PairEvaluation::Figures::precision() const
{
    const int predicted = truePositives + falsePositives;
    return predicted == 0 ? 1.0 : double(truePositives) / double(predicted);
}

double PairEvaluation::Figures::recall() const
{
    const int actual = truePositives + falseNegatives;
    return actual == 0 ? 1.0 : double(truePositives) / double(actual);
}

double PairEvaluation::Figures::f1() const
{
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Result<QList<LabelledPair>> PairEvaluation::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return Error{tr("Cannot open the labelled pairs: %1").arg(f.errorString()), path};
    }
    QList<LabelledPair> out;
    int line = 0;
    while (!f.atEnd()) {
        ++line;
        const QString text = QString::fromUtf8(f.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        if (text.trimmed().isEmpty() || text.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList cols = text.split(QLatin1Char('\t'));
        if (cols.size() < 3) {
            return Error{tr("Expected at least three tab-separated columns: left, right, expected"), path, line};
        }
        if (line == 1 && cols.at(2).trimmed() != QLatin1String("0") && cols.at(2).trimmed() != QLatin1String("1")) {
            continue; // header
        }
        const QString expected = cols.at(2).trimmed();
        if (expected != QLatin1String("0") && expected != QLatin1String("1")) {
            return Error{tr("The expected column must be 1 or 0, not “%1”").arg(expected), path, line, 3};
        }
        out << LabelledPair{cols.at(0).trimmed(), cols.at(1).trimmed(), expected == QLatin1String("1"),
                            cols.size() > 3 ? cols.at(3).trimmed() : QString(), line};
    }
    return out;
}

PairEvaluation::PairEvaluation(const QList<LabelledPair> &pairs, MatchSettings settings)
{
    QHash<QString, NormalizedName> normalized;
    for (const auto &p : pairs) {
        for (const QString &name : {p.left, p.right}) {
            if (!normalized.contains(name)) {
                const NormalizedName n = m_normalizer.normalize(name);
                normalized.insert(name, n);
                m_stats.addEntry({n});
            }
        }
    }
    m_matcher = std::make_unique<NameMatcher>(&m_stats, settings);
    for (auto &n : normalized) {
        m_matcher->cacheWeights(n);
    }
    for (const auto &p : pairs) {
        const NameComparison c = m_matcher->compare(normalized.value(p.left), normalized.value(p.right));
        m_scored << Scored{p, c.score};
    }
}

PairEvaluation::Figures PairEvaluation::at(double threshold) const
{
    Figures f;
    f.threshold = threshold;
    for (const auto &s : m_scored) {
        const bool predicted = s.score >= threshold;
        if (predicted && s.pair.expected) {
            ++f.truePositives;
        } else if (predicted) {
            ++f.falsePositives;
        } else if (s.pair.expected) {
            ++f.falseNegatives;
        } else {
            ++f.trueNegatives;
        }
    }
    return f;
}

QList<PairEvaluation::Scored> PairEvaluation::errors(double threshold) const
{
    QList<Scored> out;
    for (const auto &s : m_scored) {
        if ((s.score >= threshold) != s.pair.expected) {
            out << s;
        }
    }
    return out;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pairevaluation.h"

#include "referencelists.h"
#include "screener.h"

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

QStringList PairEvaluation::names(const QString &side)
{
    QStringList out;
    for (const QString &n : side.split(QLatin1String(" | "), Qt::SkipEmptyParts)) {
        if (!n.trimmed().isEmpty()) {
            out << n.trimmed();
        }
    }
    return out;
}

PairEvaluation::PairEvaluation(const QList<LabelledPair> &pairs, MatchSettings settings,
                               const QList<ScreeningRecord> &background)
    : m_background(background.size())
{
    QHash<QString, PreparedRecord> parties;
    for (const auto &p : pairs) {
        for (const QString &side : {p.left, p.right}) {
            if (!parties.contains(side)) {
                ScreeningRecord r;
                r.id = side;
                r.names = names(side);
                parties.insert(side, PreparedRecord::prepare(r, m_normalizer));
                m_stats.addEntry(parties.value(side).names);
            }
        }
    }
    // The background's names are normalised on every core: a real list has tens of thousands.
    if (!background.isEmpty()) {
        Screener screener;
        screener.setList(background);
        for (qsizetype i = 0; i < screener.size(); ++i) {
            m_stats.addEntry(screener.entry(i).names);
        }
    }
    m_matcher = std::make_unique<NameMatcher>(&m_stats, settings);
    for (auto &r : parties) {
        for (NormalizedName &n : r.names) {
            m_matcher->cacheWeights(n);
        }
    }
    for (const auto &p : pairs) {
        const Candidate c = compareRecords(parties.value(p.left), parties.value(p.right), *m_matcher, {}, false);
        m_scored << Scored{p, c.score};
    }
}

QStringList PairEvaluation::backgroundFiles(const QString &testdataDir)
{
    QStringList out;
    for (const char *name : {"sanctions/ofac_sdn_2024-05-03.csv", "sanctions/ofac_consolidated_nonsdn_2018-04-06.xml",
                             "sanctions/un_sc_consolidated_2018-10-29.xml", "sanctions/bis_entity_list_cn_universities.json"}) {
        const QString path = testdataDir + QLatin1Char('/') + QString::fromLatin1(name);
        if (QFile::exists(path)) {
            out << path;
        }
    }
    return out;
}

Result<QList<ScreeningRecord>> PairEvaluation::readLists(const QStringList &paths)
{
    QList<ScreeningRecord> out;
    for (const QString &path : paths) {
        QString format;
        auto entries = ReferenceListLoader::read(path, format);
        if (!entries) {
            return entries.error();
        }
        for (const ReferenceEntry &e : *entries) {
            out << ScreeningRecord::fromEntity(ReferenceListLoader::entity(e));
        }
    }
    return out;
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

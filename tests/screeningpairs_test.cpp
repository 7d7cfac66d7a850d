// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screening/pairevaluation.h"
#include "screening/screener.h"
#include "support/testsupport.h"

#include <QTest>

using namespace Casegraph::Models;

// The quality bar of the screening issue, computed on our labelled set
// (tests/fixtures/screening/pairs.tsv): precision ≥ 0.90 and recall ≥ 0.95 at the default
// threshold. bench/screenbench.cpp prints the same figures at several thresholds.
class ScreeningPairsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void setIsLargeAndBalanced();
    void precisionAndRecallAtDefaultThreshold();
    void mustHavePairs_data();
    void mustHavePairs();

private:
    QList<LabelledPair> m_pairs;
};

void ScreeningPairsTest::initTestCase()
{
    auto loaded = PairEvaluation::load(Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/pairs.tsv")));
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
    m_pairs = *loaded;
}

void ScreeningPairsTest::setIsLargeAndBalanced()
{
    QVERIFY(m_pairs.size() >= 150);
    const auto positives = std::count_if(m_pairs.cbegin(), m_pairs.cend(), [](const LabelledPair &p) { return p.expected; });
    QVERIFY(positives >= 50);
    QVERIFY(m_pairs.size() - positives >= 50);
}

void ScreeningPairsTest::precisionAndRecallAtDefaultThreshold()
{
    const PairEvaluation eval(m_pairs);
    const double threshold = ScreeningSettings().threshold;
    const auto f = eval.at(threshold);
    qInfo("threshold %.2f: precision %.3f recall %.3f F1 %.3f (TP %d FP %d FN %d TN %d)", threshold, f.precision(), f.recall(),
          f.f1(), f.truePositives, f.falsePositives, f.falseNegatives, f.trueNegatives);
    for (const auto &e : eval.errors(threshold)) {
        qInfo("  %.3f expected %d: %s | %s", e.score, e.pair.expected ? 1 : 0, qPrintable(e.pair.left), qPrintable(e.pair.right));
    }
    QVERIFY(f.precision() >= 0.90);
    QVERIFY(f.recall() >= 0.95);
}

void ScreeningPairsTest::mustHavePairs_data()
{
    // The pairs the issue names.
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<bool>("match");
    QTest::newRow("Hikvision") << QStringLiteral("Hikvision") << QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd.") << true;
    QTest::newRow("FiberHome subsidiary") << QStringLiteral("Nanjing FiberHome Starrysky Communication Development")
                                          << QStringLiteral("FiberHome Technologies Group") << false;
    QTest::newRow("generic trap") << QStringLiteral("China Technology Group") << QStringLiteral("China Electronics Technology Group") << false;
}

void ScreeningPairsTest::mustHavePairs()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(bool, match);
    const PairEvaluation eval(m_pairs);
    for (const auto &s : eval.scored()) {
        if (s.pair.left == left && s.pair.right == right) {
            QCOMPARE(s.score >= ScreeningSettings().threshold, match);
            return;
        }
    }
    QFAIL("pair missing from pairs.tsv");
}

QTEST_MAIN(ScreeningPairsTest)
#include "screeningpairs_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/analyticstext.h"
#include "analytics/exposure.h"
#include "support/graphfixture.h"

#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// The 50% rule (OFAC FAQs 398-401; BIS 2025 Affiliates rule): aggregation of DIRECT stakes held by
/// restricted owners, iterated to a fixed point. The FAQ examples are written here as our own cases.
class ExposureTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void twoListedPersonsAggregate();
    void restrictedEntityPassesItOn();
    void ownersThatAreNotRestrictedDoNotCount();
    void directStakeAndUnrestrictedIntermediary();
    void aggregationAcrossListedPersons();
    void thresholdIsInclusiveAndConfigurable();
    void cyclesTerminate();
    void rangedAndMissingPercentages();
    void listsFilter();
    void asOfDate();
    void separateOwnershipsOfOnePairAddUp();
    void explanationListsTheChain();

private:
    static ExposureReport run(GraphFixture &f, const ExposureOptions &options = {});
};

ExposureReport ExposureTest::run(GraphFixture &f, const ExposureOptions &options)
{
    auto g = GraphProjection::fromCase(f.caseFile());
    if (!g) {
        qWarning("%s", qPrintable(g.error().message));
        return {};
    }
    return computeExposure(*g, options);
}

void ExposureTest::twoListedPersonsAggregate()
{
    // Listed X and listed Y each own 25% of A: together 50%, so A is restricted.
    GraphFixture f;
    for (const char *id : {"X", "Y", "A"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.sanction(QStringLiteral("sY"), QStringLiteral("Y"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("25%"));
    f.ownership(QStringLiteral("ya"), QStringLiteral("Y"), QStringLiteral("A"), QStringLiteral("25%"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("X")), ExposureVerdict::Listed);
    const auto a = r.entity(QStringLiteral("A"));
    QCOMPARE(a.verdict, ExposureVerdict::Restricted);
    QCOMPARE(a.minimumSum, 50.0);
    QCOMPARE(a.maximumSum, 50.0);
    QCOMPARE(a.stakes.size(), 2);
    QCOMPARE(r.listed, 2);
    QCOMPARE(r.restricted, 1);
}

void ExposureTest::restrictedEntityPassesItOn()
{
    // X 50% → A 50% → B: A is restricted, so its 50% of B restricts B.
    GraphFixture f;
    for (const char *id : {"X", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("50%"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::Restricted);
    const auto b = r.entity(QStringLiteral("B"));
    QCOMPARE(b.stakes.size(), 1);
    QCOMPARE(b.stakes.first().owner, QStringLiteral("A"));
    QCOMPARE(b.stakes.first().ownerVerdict, ExposureVerdict::Restricted);
    QCOMPARE(b.stakes.first().ownership, QStringLiteral("ab"));
    QCOMPARE(b.effectiveMinimum, 25.0); // look-through: 50% of 50%
}

void ExposureTest::ownersThatAreNotRestrictedDoNotCount()
{
    // X owns 25% of A and 25% of B; A and B each own 50% of C. A and B are not restricted (25%),
    // so their stakes in C do not count: C is not restricted, though X's look-through share is 25%.
    GraphFixture f;
    for (const char *id : {"X", "A", "B", "C"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("25%"));
    f.ownership(QStringLiteral("xb"), QStringLiteral("X"), QStringLiteral("B"), QStringLiteral("25%"));
    f.ownership(QStringLiteral("ac"), QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("bc"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("50%"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::NotRestricted);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::NotRestricted);
    const auto c = r.entity(QStringLiteral("C"));
    QCOMPARE(c.verdict, ExposureVerdict::NotRestricted);
    QCOMPARE(c.minimumSum, 0.0);
    QVERIFY(qAbs(c.effectiveMinimum - 25.0) < 1e-6);
    // A is reported (it holds a listed owner's stake) with the stake that fell short.
    QCOMPARE(r.entity(QStringLiteral("A")).stakes.size(), 1);
    QCOMPARE(r.entity(QStringLiteral("A")).maximumSum, 25.0);
}

void ExposureTest::directStakeAndUnrestrictedIntermediary()
{
    // X holds 10% of B directly and 40% of A, which holds 40% of B. A is not restricted, so only the
    // direct 10% counts: B is not restricted. Look-through: 10% + 40% × 40% = 26%.
    GraphFixture f;
    for (const char *id : {"X", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xb"), QStringLiteral("X"), QStringLiteral("B"), QStringLiteral("10%"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("40%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("40%"));
    const auto r = run(f);
    const auto b = r.entity(QStringLiteral("B"));
    QCOMPARE(b.verdict, ExposureVerdict::NotRestricted);
    QCOMPARE(b.minimumSum, 10.0);
    QVERIFY(qAbs(b.effectiveMinimum - 26.0) < 1e-4);
}

void ExposureTest::aggregationAcrossListedPersons()
{
    GraphFixture f;
    for (const char *id : {"X", "Y", "Z", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    for (const char *id : {"X", "Y", "Z"}) {
        f.sanction(QStringLiteral("s") + QLatin1String(id), QLatin1String(id));
    }
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("20%"));
    f.ownership(QStringLiteral("ya"), QStringLiteral("Y"), QStringLiteral("A"), QStringLiteral("15%"));
    f.ownership(QStringLiteral("za"), QStringLiteral("Z"), QStringLiteral("A"), QStringLiteral("15%"));
    f.ownership(QStringLiteral("xb"), QStringLiteral("X"), QStringLiteral("B"), QStringLiteral("20%"));
    f.ownership(QStringLiteral("yb"), QStringLiteral("Y"), QStringLiteral("B"), QStringLiteral("29.9%"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    QCOMPARE(r.entity(QStringLiteral("A")).stakes.size(), 3);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::NotRestricted);
}

void ExposureTest::thresholdIsInclusiveAndConfigurable()
{
    GraphFixture f;
    for (const char *id : {"X", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("50"));
    f.ownership(QStringLiteral("xb"), QStringLiteral("X"), QStringLiteral("B"), QStringLiteral("25%"));
    auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::NotRestricted);
    ExposureOptions o;
    o.threshold = 25;
    r = run(f, o);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::Restricted);
    o.threshold = 50.5;
    QCOMPARE(run(f, o).verdict(QStringLiteral("A")), ExposureVerdict::NotRestricted);
}

void ExposureTest::cyclesTerminate()
{
    GraphFixture f;
    for (const char *id : {"X", "A", "B", "P", "Q"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("60%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("ba"), QStringLiteral("B"), QStringLiteral("A"), QStringLiteral("40%"));
    // A cycle without any listed owner stays clear.
    f.ownership(QStringLiteral("pq"), QStringLiteral("P"), QStringLiteral("Q"), QStringLiteral("60%"));
    f.ownership(QStringLiteral("qp"), QStringLiteral("Q"), QStringLiteral("P"), QStringLiteral("60%"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::Restricted);
    QCOMPARE(r.entity(QStringLiteral("A")).minimumSum, 100.0); // X's 60% and the restricted B's 40%
    QCOMPARE(r.verdict(QStringLiteral("P")), ExposureVerdict::NotRestricted);
    QCOMPARE(r.verdict(QStringLiteral("Q")), ExposureVerdict::NotRestricted);
    const auto a = r.entity(QStringLiteral("A"));
    QVERIFY(a.effectiveMaximum <= 100.0 && a.effectiveMinimum >= 60.0);
    QVERIFY(!r.explain(QStringLiteral("A")).isEmpty()); // the chain walk stops at the cycle
}

void ExposureTest::rangedAndMissingPercentages()
{
    GraphFixture f;
    for (const char *id : {"X", "A", "B", "C", "D", "E", "F"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("50-75%"));
    f.ownership(QStringLiteral("xb"), QStringLiteral("X"), QStringLiteral("B"), QStringLiteral("25-75%"));
    f.ownership(QStringLiteral("xc"), QStringLiteral("X"), QStringLiteral("C")); // no percentage
    f.ownership(QStringLiteral("xd"), QStringLiteral("X"), QStringLiteral("D"), QStringLiteral("minority"));
    f.ownership(QStringLiteral("be"), QStringLiteral("B"), QStringLiteral("E"), QStringLiteral("100%"));
    f.ownership(QStringLiteral("xf"), QStringLiteral("X"), QStringLiteral("F"), QStringLiteral("majority"));
    const auto r = run(f);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::Restricted); // at least 50
    const auto b = r.entity(QStringLiteral("B"));
    QCOMPARE(b.verdict, ExposureVerdict::Undetermined);
    QCOMPARE(b.minimumSum, 25.0);
    QCOMPARE(b.maximumSum, 75.0);
    const auto c = r.entity(QStringLiteral("C"));
    QCOMPARE(c.verdict, ExposureVerdict::Undetermined);
    QVERIFY(!c.stakes.first().percentage.known);
    QCOMPARE(r.verdict(QStringLiteral("D")), ExposureVerdict::NotRestricted); // less than half
    // E is wholly owned by B, which may or may not be restricted.
    QCOMPARE(r.verdict(QStringLiteral("E")), ExposureVerdict::Undetermined);
    QCOMPARE(r.entity(QStringLiteral("E")).minimumSum, 0.0);
    QCOMPARE(r.verdict(QStringLiteral("F")), ExposureVerdict::Restricted);
    QCOMPARE(r.undetermined, 3);
}

void ExposureTest::listsFilter()
{
    GraphFixture f;
    for (const char *id : {"X", "Y", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"), QStringLiteral("OFAC"), QStringLiteral("SDN"));
    f.sanction(QStringLiteral("sY"), QStringLiteral("Y"), QStringLiteral("Bureau of Industry and Security"),
               QStringLiteral("Entity List"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("yb"), QStringLiteral("Y"), QStringLiteral("B"), QStringLiteral("50%"));
    ExposureOptions o;
    o.lists.programs = {QStringLiteral("entity list")};
    const auto r = run(f, o);
    QCOMPARE(r.verdict(QStringLiteral("X")), ExposureVerdict::NotRestricted);
    QCOMPARE(r.verdict(QStringLiteral("A")), ExposureVerdict::NotRestricted);
    QCOMPARE(r.verdict(QStringLiteral("B")), ExposureVerdict::Restricted);
    o.lists = {};
    o.lists.authorities = {QStringLiteral("OFAC")};
    QCOMPARE(run(f, o).verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    QCOMPARE(run(f, o).verdict(QStringLiteral("B")), ExposureVerdict::NotRestricted);
}

void ExposureTest::asOfDate()
{
    GraphFixture f;
    for (const char *id : {"X", "A"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("60%"),
                QStringLiteral("2015"), QStringLiteral("2018-06"));
    ExposureOptions o;
    o.asOf = QDate(2018, 6, 30);
    QCOMPARE(run(f, o).verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
    o.asOf = QDate(2018, 7, 1);
    QCOMPARE(run(f, o).verdict(QStringLiteral("A")), ExposureVerdict::NotRestricted);
}

void ExposureTest::separateOwnershipsOfOnePairAddUp()
{
    GraphFixture f;
    for (const char *id : {"X", "A"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa1"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("30%"));
    f.ownership(QStringLiteral("xa2"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("20%"));
    QCOMPARE(run(f).verdict(QStringLiteral("A")), ExposureVerdict::Restricted);
}

void ExposureTest::explanationListsTheChain()
{
    GraphFixture f;
    for (const char *id : {"X", "A", "B"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"), QStringLiteral("BIS"), QStringLiteral("Entity List"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("50%"));
    f.evidence(QStringLiteral("ab"), 2);
    const auto r = run(f);
    const QStringList lines = r.explain(QStringLiteral("B"));
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QStringLiteral("B — restricted")));
    QCOMPARE(lines[1], QStringLiteral("  ← 50% held by A (restricted) through ownership ab, 2 excerpt(s)"));
    QCOMPARE(lines[2], QStringLiteral("    ← 50% held by X (listed) through ownership xa, 0 excerpt(s)"));
    QCOMPARE(lines[3], QStringLiteral("      listed by Sanction sX (BIS; Entity List)"));
    QCOMPARE(r.entities().size(), 3);
    QCOMPARE(r.entities().first().id, QStringLiteral("X"));
    QCOMPARE(r.entities().first().sanctions.first().id, QStringLiteral("sX"));
    const QStringList text = AnalyticsText::exposure(r);
    QCOMPARE(text.first(), QStringLiteral("Ownership rule at 50% (inclusive): 1 listed, 2 restricted, 0 undetermined"));
}

QTEST_MAIN(ExposureTest)
#include "exposure_test.moc"

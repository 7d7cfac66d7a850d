// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/graphprojection.h"

#include <QTest>

using namespace Casegraph::Models;

/// FtM's Ownership.percentage is free text: each spelling maps to a [min,max] range in percent.
class PercentageTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void text();
};

void PercentageTest::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("known");
    QTest::addColumn<double>("min");
    QTest::addColumn<double>("max");
    QTest::newRow("percent sign") << QStringLiteral("51%") << true << 51.0 << 51.0;
    QTest::newRow("bare number") << QStringLiteral("50") << true << 50.0 << 50.0;
    QTest::newRow("space before sign") << QStringLiteral("100 %") << true << 100.0 << 100.0;
    QTest::newRow("decimal comma") << QStringLiteral("12,5 %") << true << 12.5 << 12.5;
    QTest::newRow("per cent") << QStringLiteral("25 per cent") << true << 25.0 << 25.0;
    QTest::newRow("range with hyphen") << QStringLiteral("50-75%") << true << 50.0 << 75.0;
    QTest::newRow("range with en dash") << QStringLiteral("50 – 75 %") << true << 50.0 << 75.0;
    QTest::newRow("range with to") << QStringLiteral("10 to 25%") << true << 10.0 << 25.0;
    QTest::newRow("between and") << QStringLiteral("between 25% and 50%") << true << 25.0 << 50.0;
    QTest::newRow("majority") << QStringLiteral("majority") << true << 50.01 << 100.0;
    QTest::newRow("minority") << QStringLiteral("Minority stake") << true << 0.0 << 49.99;
    QTest::newRow("over") << QStringLiteral("over 50%") << true << 50.01 << 100.0;
    QTest::newRow("more than") << QStringLiteral("more than 25%") << true << 25.01 << 100.0;
    QTest::newRow("at least") << QStringLiteral("at least 50%") << true << 50.0 << 100.0;
    QTest::newRow("plus") << QStringLiteral("50%+") << true << 50.0 << 100.0;
    QTest::newRow("less than") << QStringLiteral("less than 25%") << true << 0.0 << 24.99;
    QTest::newRow("up to") << QStringLiteral("up to 25%") << true << 0.0 << 25.0;
    QTest::newRow("not more than") << QStringLiteral("not more than 50%") << true << 0.0 << 50.0;
    QTest::newRow("about") << QStringLiteral("about 30%") << true << 30.0 << 30.0;
    QTest::newRow("half") << QStringLiteral("half") << true << 50.0 << 50.0;
    QTest::newRow("wholly owned") << QStringLiteral("wholly owned") << true << 100.0 << 100.0;
    QTest::newRow("fraction or percent") << QStringLiteral("0.5") << true << 0.5 << 50.0;
    QTest::newRow("half a percent") << QStringLiteral("0.5%") << true << 0.5 << 0.5;
    QTest::newRow("empty") << QString() << false << 0.0 << 100.0;
    QTest::newRow("words only") << QStringLiteral("controlling interest") << false << 0.0 << 100.0;
    QTest::newRow("above 100") << QStringLiteral("150%") << false << 0.0 << 100.0;
    QTest::newRow("share count") << QStringLiteral("1000 shares") << false << 0.0 << 100.0;
    QTest::newRow("two figures, no range") << QStringLiteral("51% (2019), 60% (2020)") << false << 0.0 << 100.0;
}

void PercentageTest::parse()
{
    QFETCH(QString, input);
    QFETCH(bool, known);
    QFETCH(double, min);
    QFETCH(double, max);
    const PercentageRange r = parsePercentage(input);
    QCOMPARE(r.known, known);
    QVERIFY2(qAbs(r.min - min) < 1e-9, qPrintable(QString::number(r.min)));
    QVERIFY2(qAbs(r.max - max) < 1e-9, qPrintable(QString::number(r.max)));
}

void PercentageTest::text()
{
    QCOMPARE(parsePercentage(QStringLiteral("51%")).toString(), QStringLiteral("51%"));
    QCOMPARE(parsePercentage(QStringLiteral("50-75")).toString(), QStringLiteral("50–75%"));
    QCOMPARE(parsePercentage(QString()).toString(), QStringLiteral("unknown (0–100%)"));
}

QTEST_MAIN(PercentageTest)
#include "percentage_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ftmdate.h"

#include <QTest>

using namespace Casegraph::Models;

/// FtM dates keep their precision: a year is a year-long span, never 1 January.
class FtmDateTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void zoneOffsetsCompareInUtc();
    void ordering();
    void describeSaysThePrecision();
    void storedForm_data();
    void storedForm();
};

void FtmDateTest::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("earliest");
    QTest::addColumn<QString>("latest");
    QTest::newRow("year") << "2019" << int(FtmDate::Precision::Year) << "2019-01-01T00:00:00.000Z"
                          << "2019-12-31T23:59:59.999Z";
    QTest::newRow("month") << "2019-05" << int(FtmDate::Precision::Month) << "2019-05-01T00:00:00.000Z"
                           << "2019-05-31T23:59:59.999Z";
    QTest::newRow("leap february") << "2024-02" << int(FtmDate::Precision::Month) << "2024-02-01T00:00:00.000Z"
                                   << "2024-02-29T23:59:59.999Z";
    QTest::newRow("day") << "2019-05-14" << int(FtmDate::Precision::Day) << "2019-05-14T00:00:00.000Z"
                         << "2019-05-14T23:59:59.999Z";
    QTest::newRow("hour") << "2019-05-14T10" << int(FtmDate::Precision::Hour) << "2019-05-14T10:00:00.000Z"
                          << "2019-05-14T10:59:59.999Z";
    QTest::newRow("date-time") << "2019-05-14T10:30:15" << int(FtmDate::Precision::Second)
                               << "2019-05-14T10:30:15.000Z" << "2019-05-14T10:30:15.999Z";
    QTest::newRow("date-time Z") << "2019-05-14T10:30:15Z" << int(FtmDate::Precision::Second)
                                 << "2019-05-14T10:30:15.000Z" << "2019-05-14T10:30:15.999Z";
    QTest::newRow("fraction") << "2019-05-14T10:30:15.250" << int(FtmDate::Precision::Second)
                              << "2019-05-14T10:30:15.000Z" << "2019-05-14T10:30:15.999Z";
    QTest::newRow("space separator") << "2019-05-14 10:30" << int(FtmDate::Precision::Minute)
                                     << "2019-05-14T10:30:00.000Z" << "2019-05-14T10:30:59.999Z";
    QTest::newRow("offset east") << "2019-05-14T10:30:00+08:00" << int(FtmDate::Precision::Second)
                                 << "2019-05-14T02:30:00.000Z" << "2019-05-14T02:30:00.999Z";
    QTest::newRow("offset west, no colon") << "2019-05-14T22:00:00-0500" << int(FtmDate::Precision::Second)
                                           << "2019-05-15T03:00:00.000Z" << "2019-05-15T03:00:00.999Z";
}

void FtmDateTest::parse()
{
    QFETCH(QString, text);
    QFETCH(int, precision);
    QFETCH(QString, earliest);
    QFETCH(QString, latest);
    const FtmDate d = FtmDate::parse(text);
    QVERIFY(d.isValid());
    QCOMPARE(int(d.precision()), precision);
    QCOMPARE(d.earliest().toString(Qt::ISODateWithMs), earliest);
    QCOMPARE(d.latest().toString(Qt::ISODateWithMs), latest);
    QCOMPARE(d.earliestMSecs(), d.earliest().toMSecsSinceEpoch());
    QCOMPARE(d.latestMSecs(), d.latest().toMSecsSinceEpoch());
    QCOMPARE(d.isPartial(), precision <= int(FtmDate::Precision::Month));
}

void FtmDateTest::rejects_data()
{
    QTest::addColumn<QString>("text");
    for (const char *bad : {"", "19", "2019-13", "2019-02-30", "2019-5", "May 2019", "2019-05-14T25:00", "2019/05/14",
                            "2019-05-14T10:30:00+25:00", "mid-2022", "this year"}) {
        QTest::newRow(bad) << QString::fromLatin1(bad);
    }
}

void FtmDateTest::rejects()
{
    QFETCH(QString, text);
    const FtmDate d = FtmDate::parse(text);
    QVERIFY(!d.isValid());
    QCOMPARE(d.earliestMSecs(), 0);
    QCOMPARE(d.describe(), QStringLiteral("undated"));
}

void FtmDateTest::zoneOffsetsCompareInUtc()
{
    const FtmDate beijing = FtmDate::parse(QStringLiteral("2019-05-14T08:00:00+08:00"));
    const FtmDate london = FtmDate::parse(QStringLiteral("2019-05-14T01:00:00Z"));
    QVERIFY(beijing < london); // 00:00 UTC before 01:00 UTC
    // The text keeps what was written (FtM's form), without the zone.
    QCOMPARE(beijing.toString(), QStringLiteral("2019-05-14T08:00:00"));
}

void FtmDateTest::ordering()
{
    const FtmDate year = FtmDate::parse(QStringLiteral("2019"));
    const FtmDate january = FtmDate::parse(QStringLiteral("2019-01"));
    const FtmDate may = FtmDate::parse(QStringLiteral("2019-05"));
    QVERIFY(january < year); // same first instant: the finer date first
    QVERIFY(!(year < january));
    QVERIFY(year < may);
    QVERIFY(FtmDate::parse(QStringLiteral("2019")) == year);
}

void FtmDateTest::describeSaysThePrecision()
{
    QCOMPARE(FtmDate::parse(QStringLiteral("2019")).describe(), QStringLiteral("2019 (year only)"));
    QCOMPARE(FtmDate::parse(QStringLiteral("2019-10")).describe(), QStringLiteral("October 2019 (month only)"));
    QCOMPARE(FtmDate::parse(QStringLiteral("2019-05-14")).describe(), QStringLiteral("14 May 2019"));
    QCOMPARE(FtmDate::parse(QStringLiteral("2019-05-14T10:30+02:00")).describe(), QStringLiteral("14 May 2019 08:30 UTC"));
}

QTEST_GUILESS_MAIN(FtmDateTest)
void FtmDateTest::storedForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("stored");
    QTest::newRow("year") << QStringLiteral(" 2019 ") << QStringLiteral("2019");
    QTest::newRow("day") << QStringLiteral("2019-05-14") << QStringLiteral("2019-05-14");
    QTest::newRow("zone to UTC") << QStringLiteral("2019-05-14T01:30:00+08:00") << QStringLiteral("2019-05-13T17:30:00");
    QTest::newRow("space, Z") << QStringLiteral("2019-05-14 10:30:00Z") << QStringLiteral("2019-05-14T10:30:00");
    QTest::newRow("no zone stays") << QStringLiteral("2019-05-14T10:30:00") << QStringLiteral("2019-05-14T10:30:00");
    QTest::newRow("not a date") << QStringLiteral("last week") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void FtmDateTest::storedForm()
{
    QFETCH(QString, text);
    QFETCH(QString, stored);
    QCOMPARE(FtmDate::storedForm(text), stored);
}

#include "ftmdate_test.moc"

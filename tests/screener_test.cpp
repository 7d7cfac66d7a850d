// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/entity.h"
#include "screening/screener.h"

#include <QJsonArray>
#include <QTest>

using namespace Casegraph::Models;

// The screener over a small list: identifier precedence, countries, dates, schemata, and
// what a candidate says about itself.
class ScreenerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void findsShortNameInFullListing();
    void identifierAgreementOutweighsNames();
    void identifierDisagreementLowers();
    void usccAndLeiAreRecognised_data();
    void usccAndLeiAreRecognised();
    void countryConflictLowers();
    void countryNamedInANameCounts();
    void birthDatesCompareByPrecision();
    void personNeverMeetsCompany();
    void thresholdIsASetting();
    void explanationAndJson();
    void fromEntity();
    void screenAllMatchesScreen();

private:
    static ScreeningRecord record(const QString &id, const QString &schema, const QStringList &names,
                                  const QList<Identifier> &ids = {}, const QStringList &countries = {})
    {
        ScreeningRecord r;
        r.id = id;
        r.schema = schema;
        r.names = names;
        r.identifiers = ids;
        r.countries = countries;
        return r;
    }
    QList<ScreeningRecord> m_list;
};

void ScreenerTest::init()
{
    m_list = {
        record(QStringLiteral("hik"), QStringLiteral("Company"),
               {QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd."), QStringLiteral("杭州海康威视数字技术股份有限公司")},
               {{QStringLiteral("registrationNumber"), QStringLiteral("330000000012345")}}, {QStringLiteral("cn")}),
        record(QStringLiteral("cetc"), QStringLiteral("Company"), {QStringLiteral("China Electronics Technology Group Corporation")}, {},
               {QStringLiteral("cn")}),
        record(QStringLiteral("fh"), QStringLiteral("Company"), {QStringLiteral("FiberHome Technologies Group")}, {}, {QStringLiteral("cn")}),
        record(QStringLiteral("lei"), QStringLiteral("Company"), {QStringLiteral("Northwind Trading Limited")},
               {{QStringLiteral("leiCode"), QStringLiteral("529900T8BM49AURSDO55")}}, {QStringLiteral("gb")}),
        record(QStringLiteral("zakharova"), QStringLiteral("Person"),
               {QStringLiteral("Maria Aleksandrovna ZAKHAROVA"), QStringLiteral("Мария Александровна Захарова")},
               {{QStringLiteral("innCode"), QStringLiteral("183116181362")}}, {QStringLiteral("ru")}),
        record(QStringLiteral("zakharova-org"), QStringLiteral("Company"), {QStringLiteral("Zakharova Maria LLC")}),
    };
    m_list[4].birthDates = {QStringLiteral("1988-01-07")};
}

void ScreenerTest::findsShortNameInFullListing()
{
    Screener s;
    s.setList(m_list);
    const auto found = s.screen(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision")}));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().entryId, QStringLiteral("hik"));
    const auto none = s.screen(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("China Technology Group")}));
    QVERIFY(none.isEmpty());
    const auto sub = s.screen(record(QStringLiteral("q"), QStringLiteral("Company"),
                                     {QStringLiteral("Nanjing FiberHome Starrysky Communication Development")}));
    QVERIFY(sub.isEmpty());
}

void ScreenerTest::identifierAgreementOutweighsNames()
{
    Screener s;
    s.setList(m_list);
    // a name that shares nothing with the listed one, but the same LEI
    const auto found = s.screen(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Acme Holdings")},
                                       {{QStringLiteral("leiCode"), QStringLiteral("529900t8bm49aursdo55")}}));
    QCOMPARE(found.size(), 1);
    const Candidate &c = found.first();
    QCOMPARE(c.entryId, QStringLiteral("lei"));
    QCOMPARE(c.score, 1.0);
    QVERIFY(c.identifierAgrees);
    QVERIFY(c.nameScore < 0.5);
    QCOMPARE(c.identifiers.first().type, QStringLiteral("LEI"));
    QVERIFY(c.explanation().contains(QLatin1String("Identifier LEI agrees")));
    // innCode and taxNumber both state the Russian tax number
    const auto inn = s.screen(record(QStringLiteral("q"), QStringLiteral("Person"), {QStringLiteral("M. Zakharova")},
                                     {{QStringLiteral("taxNumber"), QStringLiteral("1831 1618 1362")}}));
    QCOMPARE(inn.size(), 1);
    QCOMPARE(inn.first().score, 1.0);
}

void ScreenerTest::identifierDisagreementLowers()
{
    Screener s;
    s.setList(m_list);
    const ScreeningRecord same = record(QStringLiteral("q"), QStringLiteral("Person"), {QStringLiteral("Maria Zakharova")});
    ScreeningRecord other = same;
    other.identifiers = {{QStringLiteral("innCode"), QStringLiteral("999999999999")}};
    const Candidate plain = s.compare(same, 4);
    const Candidate disagreeing = s.compare(other, 4);
    QVERIFY(!disagreeing.identifierAgrees);
    QCOMPARE(disagreeing.identifierPenalty, s.settings().evidence.strongIdentifierPenalty);
    QVERIFY(qAbs(plain.score - disagreeing.score - s.settings().evidence.strongIdentifierPenalty) < 1e-9);
    // a registration number is weaker evidence than a tax number
    ScreeningRecord reg = record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision")},
                                 {{QStringLiteral("registrationNumber"), QStringLiteral("12345678")}});
    QCOMPARE(s.compare(reg, 0).identifierPenalty, s.settings().evidence.weakIdentifierPenalty);
    // different identifier types never disagree
    reg.identifiers = {{QStringLiteral("vatCode"), QStringLiteral("12345678")}};
    QCOMPARE(s.compare(reg, 0).identifierPenalty, 0.0);
}

void ScreenerTest::usccAndLeiAreRecognised_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");
    // Unified Social Credit Codes as OFAC lists them (SDN 2024)
    QTest::newRow("USCC in registrationNumber") << QStringLiteral("registrationNumber") << QStringLiteral("91420112711981060J")
                                                << QStringLiteral("USCC");
    QTest::newRow("USCC with letters") << QStringLiteral("registrationNumber") << QStringLiteral("91130104MA09YL9T2W")
                                       << QStringLiteral("USCC");
    QTest::newRow("bad USCC check character") << QStringLiteral("registrationNumber") << QStringLiteral("91420112711981060K")
                                              << QStringLiteral("REG");
    QTest::newRow("uscCode property") << QStringLiteral("uscCode") << QStringLiteral("911101053063517353") << QStringLiteral("USCC");
    QTest::newRow("LEI") << QStringLiteral("leiCode") << QStringLiteral("5493001KJTIIGC8Y1R12") << QStringLiteral("LEI");
    QTest::newRow("LEI in registrationNumber") << QStringLiteral("registrationNumber") << QStringLiteral("7LTWFZYICNSX8D621K86")
                                               << QStringLiteral("LEI");
    QTest::newRow("INN") << QStringLiteral("innCode") << QStringLiteral("1841015504") << QStringLiteral("TAX");
    QTest::newRow("OGRN") << QStringLiteral("ogrnCode") << QStringLiteral("1101841007938") << QStringLiteral("REG");
}

void ScreenerTest::usccAndLeiAreRecognised()
{
    QFETCH(QString, property);
    QFETCH(QString, value);
    QFETCH(QString, type);
    QCOMPARE(IdentifierKind::of(property, IdentifierKind::normalizeValue(value)).type, type);
}

void ScreenerTest::countryConflictLowers()
{
    Screener s;
    s.setList(m_list);
    const Candidate same = s.compare(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision")}, {},
                                            {QStringLiteral("cn")}), 0);
    const Candidate other = s.compare(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision")}, {},
                                             {QStringLiteral("us")}), 0);
    QVERIFY(!same.countryConflict);
    QVERIFY(other.countryConflict);
    QVERIFY(qAbs(same.score - other.score - s.settings().evidence.countryPenalty) < 1e-9);
    QVERIFY(other.explanation().contains(QLatin1String("Countries differ")));
}

// OFAC's CSV gives "COMMUNIST PARTY OF THE PHILIPPINES" no country: its name names one, and the
// case's Chinese Communist Party (country cn) is then of another country.
void ScreenerTest::countryNamedInANameCounts()
{
    const NameNormalizer normalizer;
    const NameMatcher matcher;
    const auto prepared = [&](const QStringList &names, const QStringList &countries, const QString &schema) {
        return PreparedRecord::prepare(record(QStringLiteral("x"), schema, names, {}, countries), normalizer);
    };
    const PreparedRecord listed = prepared({QStringLiteral("NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES"), QStringLiteral("CPP")},
                                           {}, QStringLiteral("Organization"));
    QCOMPARE(listed.namedCountries, QStringList{QStringLiteral("ph")});
    const Candidate ccp = compareRecords(prepared({QStringLiteral("Chinese Communist Party"), QStringLiteral("Communist Party")},
                                                  {QStringLiteral("cn")}, QStringLiteral("Organization")),
                                         listed, matcher);
    QVERIFY(ccp.countryConflict);
    QVERIFY(ccp.countriesFromNames);
    QCOMPARE(ccp.entryCountries, QStringList{QStringLiteral("ph")});
    QVERIFY(ccp.score < ScreeningSettings().threshold);
    QVERIFY2(ccp.explanation().contains(QLatin1String("the countries its names name")), qPrintable(ccp.explanation()));
    // The same party named with its country agrees.
    const Candidate cpp = compareRecords(prepared({QStringLiteral("Communist Party of the Philippines")}, {}, QStringLiteral("Organization")),
                                         listed, matcher);
    QVERIFY(!cpp.countryConflict);
    QVERIFY(cpp.score >= ScreeningSettings().threshold);
    // A listing whose name names no country stays open ("Serbian Interior Ministry" against
    // OFAC's Cuban "MINISTRY OF INTERIOR": a known miss), and people's names never name one.
    const Candidate ministry = compareRecords(prepared({QStringLiteral("Serbian Interior Ministry")}, {}, QStringLiteral("PublicBody")),
                                              prepared({QStringLiteral("MINISTRY OF INTERIOR")}, {}, QStringLiteral("Organization")), matcher);
    QVERIFY(!ministry.countryConflict);
    QVERIFY(prepared({QStringLiteral("Said Serbian")}, {}, QStringLiteral("Person")).namedCountries.isEmpty());
}

void ScreenerTest::birthDatesCompareByPrecision()
{
    Screener s;
    s.setList(m_list);
    ScreeningRecord q = record(QStringLiteral("q"), QStringLiteral("Person"), {QStringLiteral("Maria Zakharova")});
    q.birthDates = {QStringLiteral("1988")};
    const Candidate year = s.compare(q, 4);
    QVERIFY(year.dateAgrees);
    q.birthDates = {QStringLiteral("1988-01-08")};
    const Candidate day = s.compare(q, 4);
    QVERIFY(day.dateConflict);
    QCOMPARE(day.dateProperty, QStringLiteral("birthDate"));
    QVERIFY(day.score < year.score);
}

void ScreenerTest::personNeverMeetsCompany()
{
    Screener s;
    s.setList(m_list);
    const auto found = s.screen(record(QStringLiteral("q"), QStringLiteral("Person"), {QStringLiteral("Maria Zakharova")}));
    QVERIFY(!found.isEmpty());
    for (const auto &c : found) {
        QVERIFY(c.entryId != QLatin1String("zakharova-org"));
    }
}

void ScreenerTest::thresholdIsASetting()
{
    ScreeningSettings strict;
    strict.threshold = 0.99;
    Screener s(strict);
    s.setList(m_list);
    QVERIFY(s.screen(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision")})).isEmpty());
    ScreeningSettings loose;
    loose.threshold = 0.0;
    loose.blockingRatio = 0.0;
    Screener l(loose);
    l.setList(m_list);
    const auto found = l.screen(record(QStringLiteral("q"), QStringLiteral("Company"), {QStringLiteral("Hikvision Technology")}));
    QVERIFY(found.size() >= 2);
    for (qsizetype i = 1; i < found.size(); ++i) {
        QVERIFY(found.at(i - 1).score >= found.at(i).score);
    }
}

void ScreenerTest::explanationAndJson()
{
    Screener s;
    s.setList(m_list);
    const auto found = s.screen(record(QStringLiteral("q"), QStringLiteral("Person"), {QStringLiteral("Захарова Марія Олександрівна")},
                                       {}, {QStringLiteral("ru")}));
    QCOMPARE(found.size(), 1);
    const Candidate &c = found.first();
    const QString text = c.explanation();
    QVERIFY(text.contains(QLatin1String("zakharova = zakharova")));
    QVERIFY2(text.contains(QStringLiteral("Cyrillic→Latin")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("Countries agree")));
    const QJsonObject json = c.toJson();
    QCOMPARE(json.value(QLatin1String("score")).toDouble(), c.score);
    QCOMPARE(json.value(QLatin1String("entry")).toObject().value(QLatin1String("id")).toString(), QStringLiteral("zakharova"));
    QVERIFY(!json.value(QLatin1String("tokens")).toObject().value(QLatin1String("matched")).toArray().isEmpty());
    QVERIFY(!json.value(QLatin1String("query")).toObject().value(QLatin1String("normalisations")).toArray().isEmpty());
    QCOMPARE(json.value(QLatin1String("explanation")).toString(), text);
}

void ScreenerTest::fromEntity()
{
    Entity e;
    e.id = QStringLiteral("x");
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("Zala Aero"));
    e.add(QStringLiteral("alias"), QStringLiteral("ЗАЛА АЭРО"));
    e.add(QStringLiteral("innCode"), QStringLiteral("1841015504"));
    e.add(QStringLiteral("jurisdiction"), QStringLiteral("RU"));
    e.add(QStringLiteral("incorporationDate"), QStringLiteral("2010-12-24"));
    e.add(QStringLiteral("description"), QStringLiteral("not a name"));
    const ScreeningRecord r = ScreeningRecord::fromEntity(e);
    QCOMPARE(r.names, (QStringList{QStringLiteral("Zala Aero"), QStringLiteral("ЗАЛА АЭРО")}));
    QCOMPARE(r.identifiers.size(), 1);
    QCOMPARE(r.countries, QStringList{QStringLiteral("ru")});
    QCOMPARE(r.incorporationDates, QStringList{QStringLiteral("2010-12-24")});
    QCOMPARE(r.caption, QStringLiteral("Zala Aero"));
    QCOMPARE(r.nameKind(), NameKind::Organization);
}

void ScreenerTest::screenAllMatchesScreen()
{
    Screener s;
    s.setList(m_list);
    QList<ScreeningRecord> parties;
    for (int i = 0; i < 100; ++i) {
        parties << record(QString::number(i), QStringLiteral("Company"),
                          {i % 2 ? QStringLiteral("Hikvision") : QStringLiteral("FiberHome Technologies")});
    }
    const auto all = s.screenAll(parties, 2);
    QCOMPARE(all.size(), parties.size());
    for (int i = 0; i < parties.size(); ++i) {
        const auto one = s.screen(parties.at(i));
        QCOMPARE(all.at(i).size(), one.size());
        QCOMPARE(all.at(i).first().entryId, one.first().entryId);
    }
}

QTEST_MAIN(ScreenerTest)
#include "screener_test.moc"

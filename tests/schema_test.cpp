// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ftmdate.h"
#include "core/schema.h"
#include "support/testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace Casegraph::Models;

class SchemaTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFtmSchemaIsKnown();
    void inheritanceResolvesProperties();
    void edgesNameTheirEnds();
    void supplyExtension();
    void edgeDirection_data();
    void edgeDirection();
    void edgeDirectionMatchesFtm();
    void validation_data();
    void validation();
    void dates_data();
    void dates();
    void commonSchema();
};

void SchemaTest::everyFtmSchemaIsKnown()
{
    const QString dir = Casegraph::Tests::testData(QStringLiteral("ftm/schema"));
    if (dir.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const auto &reg = SchemaRegistry::instance();
    const auto files = QDir(dir).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")});
    QVERIFY(files.size() >= 60);
    static const QRegularExpression top(QStringLiteral("^([A-Za-z]+):\\s*$"));
    static const QRegularExpression prop(QStringLiteral("^    ([a-zA-Z]+):\\s*$"));
    for (const auto &fn : files) {
        QFile f(QDir(dir).filePath(fn));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString schemaName;
        bool inProps = false;
        const auto lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
        for (const auto &line : lines) {
            if (auto m = top.match(line); m.hasMatch()) {
                schemaName = m.captured(1);
                QVERIFY2(reg.schema(schemaName), qPrintable(schemaName));
            } else if (line.startsWith(QLatin1String("  properties:"))) {
                inProps = true;
            } else if (inProps && line.startsWith(QLatin1String("  ")) && !line.startsWith(QLatin1String("   "))) {
                inProps = false;
            } else if (auto m = prop.match(line); inProps && m.hasMatch()) {
                // Every property the FtM YAML declares is a property of our schema.
                QVERIFY2(reg.schema(schemaName)->property(m.captured(1)),
                         qPrintable(schemaName + QLatin1Char('.') + m.captured(1)));
            }
        }
    }
}

void SchemaTest::inheritanceResolvesProperties()
{
    const Schema *company = SchemaRegistry::instance().schema(QStringLiteral("Company"));
    QVERIFY(company);
    QVERIFY(company->isA(QStringLiteral("LegalEntity")));
    QVERIFY(company->isA(QStringLiteral("Thing")));
    QVERIFY(!company->isA(QStringLiteral("Person")));
    QVERIFY(company->property(QStringLiteral("name")));       // from Thing
    QVERIFY(company->property(QStringLiteral("jurisdiction"))); // from LegalEntity
    QCOMPARE(company->property(QStringLiteral("name"))->type, PropertyType::Name);
    QCOMPARE(company->property(QStringLiteral("incorporationDate"))->type, PropertyType::Date);
    QVERIFY(!company->abstract);
    QVERIFY(SchemaRegistry::instance().schema(QStringLiteral("Thing"))->abstract);
    QVERIFY(!SchemaRegistry::instance().names().contains(QStringLiteral("Thing")));
    QVERIFY(SchemaRegistry::instance().names(true).contains(QStringLiteral("Thing")));
}

void SchemaTest::edgesNameTheirEnds()
{
    const auto &reg = SchemaRegistry::instance();
    const Schema *own = reg.schema(QStringLiteral("Ownership"));
    QCOMPARE(own->edgeSource, QStringLiteral("owner"));
    QCOMPARE(own->edgeTarget, QStringLiteral("asset"));
    QCOMPARE(own->property(QStringLiteral("owner"))->type, PropertyType::Entity);
    QCOMPARE(reg.schema(QStringLiteral("ContractAward"))->edgeSource, QStringLiteral("contract"));
    QVERIFY(!reg.schema(QStringLiteral("Company"))->isEdge());
}

void SchemaTest::supplyExtension()
{
    const Schema *s = SchemaRegistry::instance().schema(QStringLiteral("Supply"));
    QVERIFY(s);
    QVERIFY(s->isEdge());
    QCOMPARE(s->edgeSource, QStringLiteral("supplier"));
    QCOMPARE(s->edgeTarget, QStringLiteral("recipient"));
    for (const char *p : {"product", "startDate", "endDate", "amount", "currency", "quantity", "authorizedDistributor"}) {
        QVERIFY2(s->property(QString::fromLatin1(p)), p);
    }
}

void SchemaTest::edgeDirection_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<bool>("directed");
    QTest::newRow("Associate") << "Associate" << false;
    QTest::newRow("Family") << "Family" << false;
    QTest::newRow("UnknownLink") << "UnknownLink" << false;
    QTest::newRow("Documentation") << "Documentation" << false;
    QTest::newRow("Ownership") << "Ownership" << true;
    QTest::newRow("Directorship") << "Directorship" << true;
    QTest::newRow("Supply (our extension)") << "Supply" << true;
    QTest::newRow("ContractAward") << "ContractAward" << true;
}

void SchemaTest::edgeDirection()
{
    QFETCH(QString, schema);
    QFETCH(bool, directed);
    const Schema *s = SchemaRegistry::instance().schema(schema);
    QVERIFY(s);
    QVERIFY(s->isEdge());
    QCOMPARE(s->edgeDirected, directed);
    QCOMPARE(s->isUndirectedEdge(), !directed);
    QCOMPARE(s->endsText(QStringLiteral("A"), QStringLiteral("B")),
             directed ? QStringLiteral("A → B") : QStringLiteral("A — B"));
    // Things are no relationships: never "undirected edges".
    QVERIFY(!SchemaRegistry::instance().schema(QStringLiteral("Person"))->isUndirectedEdge());
}

void SchemaTest::edgeDirectionMatchesFtm()
{
    // Every edge schema in FtM's own YAML has the direction FtM gives it (absent: directed).
    const QString dir = Casegraph::Tests::testData(QStringLiteral("ftm/schema"));
    if (dir.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    static const QRegularExpression top(QStringLiteral("^([A-Za-z]+):\\s*$"));
    static const QRegularExpression directedLine(QStringLiteral("^    directed:\\s*(true|false)\\s*$"));
    int edges = 0, undirected = 0;
    const auto files = QDir(dir).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.yml")});
    for (const auto &fn : files) {
        QFile f(QDir(dir).filePath(fn));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QString schemaName;
        bool inEdge = false, isEdge = false, directed = true;
        for (const auto &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
            if (auto m = top.match(line); m.hasMatch()) {
                schemaName = m.captured(1);
            } else if (line.startsWith(QLatin1String("  edge:"))) {
                inEdge = isEdge = true;
            } else if (inEdge && line.startsWith(QLatin1String("  ")) && !line.startsWith(QLatin1String("   "))) {
                inEdge = false;
            } else if (auto m = directedLine.match(line); inEdge && m.hasMatch()) {
                directed = m.captured(1) == QLatin1String("true");
            }
        }
        if (!isEdge) {
            continue;
        }
        const Schema *s = SchemaRegistry::instance().schema(schemaName);
        QVERIFY2(s && s->isEdge(), qPrintable(schemaName));
        QVERIFY2(s->edgeDirected == directed, qPrintable(schemaName));
        ++edges;
        undirected += directed ? 0 : 1;
    }
    QVERIFY(edges >= 15);
    QCOMPARE(undirected, 4); // Associate, Documentation, Family, UnknownLink
}

void SchemaTest::validation_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("name") << "Company" << "name" << "Thermo Fisher Scientific" << true;
    QTest::newRow("year") << "Event" << "date" << "2019" << true;
    QTest::newRow("month") << "Event" << "date" << "2019-10" << true;
    QTest::newRow("day") << "Event" << "date" << "2019-10-09" << true;
    QTest::newRow("datetime") << "Event" << "date" << "2019-10-09T12:30:00" << true;
    QTest::newRow("bad month") << "Event" << "date" << "2019-13" << false;
    QTest::newRow("bad day") << "Event" << "date" << "2019-02-30" << false;
    QTest::newRow("words") << "Event" << "date" << "mid-2022" << false;
    QTest::newRow("utc") << "Event" << "date" << "2019-10-09T12:30:00Z" << true;
    QTest::newRow("offset and fraction") << "Event" << "date" << "2019-10-09T12:30:00.250+02:00" << true;
    QTest::newRow("bad hour") << "Event" << "date" << "2019-10-09T25:00" << false;
    QTest::newRow("trailing text") << "Event" << "date" << "2019-10-09 approx" << false;
    QTest::newRow("two-digit year") << "Event" << "date" << "19-10" << false;
    QTest::newRow("country") << "Company" << "country" << "cn" << true;
    QTest::newRow("country upper") << "Company" << "country" << "CN" << false;
    QTest::newRow("unknown property") << "Company" << "favouriteColour" << "red" << false;
    QTest::newRow("empty reference") << "Ownership" << "owner" << " " << false;
}

void SchemaTest::validation()
{
    QFETCH(QString, schema);
    QFETCH(QString, property);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    const auto &reg = SchemaRegistry::instance();
    const auto st = reg.validate(*reg.schema(schema), property, value);
    QCOMPARE(st.ok(), valid);
    if (!valid) {
        QVERIFY2(st.error().message.contains(property), qPrintable(st.error().message));
    }
}

void SchemaTest::dates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("earliest");
    QTest::addColumn<QString>("latest");
    QTest::newRow("year") << "2019" << int(FtmDate::Precision::Year) << "2019-01-01T00:00:00.000Z"
                          << "2019-12-31T23:59:59.999Z";
    QTest::newRow("month") << "2020-02" << int(FtmDate::Precision::Month) << "2020-02-01T00:00:00.000Z"
                           << "2020-02-29T23:59:59.999Z";
    QTest::newRow("day") << "2019-05-14" << int(FtmDate::Precision::Day) << "2019-05-14T00:00:00.000Z"
                         << "2019-05-14T23:59:59.999Z";
    QTest::newRow("minute") << "2019-05-14T10:30" << int(FtmDate::Precision::Minute)
                            << "2019-05-14T10:30:00.000Z" << "2019-05-14T10:30:59.999Z";
}

void SchemaTest::dates()
{
    QFETCH(QString, text);
    QFETCH(int, precision);
    QFETCH(QString, earliest);
    QFETCH(QString, latest);
    const auto d = FtmDate::parse(text);
    QVERIFY(d.isValid());
    QCOMPARE(int(d.precision()), precision);
    QCOMPARE(d.earliest().toString(Qt::ISODateWithMs), earliest);
    QCOMPARE(d.latest().toString(Qt::ISODateWithMs), latest);
    QCOMPARE(d.toString(), text);
}

void SchemaTest::commonSchema()
{
    const auto &reg = SchemaRegistry::instance();
    QCOMPARE(reg.common(QStringLiteral("LegalEntity"), QStringLiteral("Company"))->name, QStringLiteral("Company"));
    QCOMPARE(reg.common(QStringLiteral("Company"), QStringLiteral("Organization"))->name, QStringLiteral("Company"));
    QVERIFY(!reg.common(QStringLiteral("Company"), QStringLiteral("Person")));
}

QTEST_MAIN(SchemaTest)
#include "schema_test.moc"

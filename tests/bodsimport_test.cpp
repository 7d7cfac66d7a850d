// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/bodsreader.h"
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Casegraph::Models;

namespace {

QStringList samples()
{
    return Casegraph::Tests::testDataFiles(QStringLiteral("bods"), {QStringLiteral("*.json")});
}

/// The id a statement's entity gets: records in 0.4, statements in 0.2 and 0.3.
QString keyOf(const QJsonObject &s)
{
    if (s.contains(QLatin1String("recordType"))) {
        return s.value(QLatin1String("recordId")).toString();
    }
    const QString id = s.value(QLatin1String("statementID")).toString();
    return id.isEmpty() ? s.value(QLatin1String("statementId")).toString() : id;
}

QString typeOf(const QJsonObject &s)
{
    const QString t = s.contains(QLatin1String("recordType")) ? s.value(QLatin1String("recordType")).toString()
                                                              : s.value(QLatin1String("statementType")).toString();
    if (t.startsWith(QLatin1String("entity"))) {
        return QStringLiteral("entity");
    }
    if (t.startsWith(QLatin1String("person"))) {
        return QStringLiteral("person");
    }
    return QStringLiteral("relationship");
}

QJsonObject detailsOf(const QJsonObject &s)
{
    return s.contains(QLatin1String("recordType")) ? s.value(QLatin1String("recordDetails")).toObject() : s;
}

QString refOf(const QJsonValue &v)
{
    if (v.isString()) {
        return v.toString();
    }
    const QJsonObject o = v.toObject();
    for (const char *k : {"describedByEntityStatement", "describedByPersonStatement"}) {
        if (o.value(QLatin1String(k)).isString()) {
            return o.value(QLatin1String(k)).toString();
        }
    }
    return {};
}

} // namespace

class BodsImportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void importsEverySample_data();
    void importsEverySample();
    void shareText_data();
    void shareText();
    void reimportMerges();
    void updatesMergeIntoTheRecord();
    void version03();
    void jsonLinesAndUnspecifiedParties();
    void badInput_data();
    void badInput();
    void lenientSkipsBadStatements();
    void detectsFormat();

};

void BodsImportTest::importsEverySample_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = samples();
    if (files.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QString &f : files) {
        QTest::newRow(qPrintable(QFileInfo(f).dir().dirName() + QLatin1Char('/') + QFileInfo(f).fileName())) << f;
    }
}

void BodsImportTest::importsEverySample()
{
    QFETCH(QString, file);
    const QJsonArray statements = QJsonDocument::fromJson(Casegraph::Tests::readFile(file)).array();
    QVERIFY(!statements.isEmpty());
    QHash<QString, QString> typeOfKey;
    for (const auto &s : statements) {
        typeOfKey.insert(keyOf(s.toObject()), typeOf(s.toObject()));
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("s.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("bods"));
    QCOMPARE(r->records(), qint64(statements.size()));
    QCOMPARE(r->created, qint64(typeOfKey.size()));

    // Schemata: persons, relationships as Ownership, and entities as Company/PublicBody/Organization.
    QMap<QString, qint64> perSchema;
    for (const auto &[schema, n] : cf.entities().countsBySchema()) {
        perSchema.insert(schema, n);
    }
    const auto count = [&](const QString &type) {
        return qint64(std::count(typeOfKey.cbegin(), typeOfKey.cend(), type));
    };
    QCOMPARE(perSchema.value(QStringLiteral("Person")), count(QStringLiteral("person")));
    QCOMPARE(perSchema.value(QStringLiteral("Ownership")), count(QStringLiteral("relationship")));
    QCOMPARE(perSchema.value(QStringLiteral("Company")) + perSchema.value(QStringLiteral("PublicBody")) +
                 perSchema.value(QStringLiteral("Organization")),
             count(QStringLiteral("entity")));

    // Relationships: owner and asset point at the statements' entities; exact shares are kept.
    QSet<QString> dangling;
    for (const auto &v : statements) {
        const QJsonObject s = v.toObject();
        if (typeOf(s) != QLatin1String("relationship")) {
            continue;
        }
        const auto e = cf.entities().entityById(QStringLiteral("bods-") + keyOf(s));
        QVERIFY(e);
        const QJsonObject d = detailsOf(s);
        for (const auto &[property, ref] :
             {std::pair{QStringLiteral("asset"), refOf(d.value(QLatin1String("subject")))},
              std::pair{QStringLiteral("owner"), refOf(d.value(QLatin1String("interestedParty")))}}) {
            if (ref.isEmpty()) {
                continue;
            }
            QVERIFY(e->valuesOf(property).contains(QStringLiteral("bods-") + ref));
            if (!typeOfKey.contains(ref)) {
                dangling.insert(keyOf(s) + property + ref);
            }
        }
        for (const auto &i : d.value(QLatin1String("interests")).toArray()) {
            const QJsonObject interest = i.toObject();
            const QString type = interest.value(QLatin1String("type")).toString();
            QVERIFY(type.isEmpty() || e->valuesOf(QStringLiteral("ownershipType")).contains(type));
            const QJsonValue exact = interest.value(QLatin1String("share")).toObject().value(QLatin1String("exact"));
            if (exact.isDouble()) {
                QVERIFY(e->valuesOf(QStringLiteral("percentage"))
                            .contains(QString::number(exact.toDouble()) + QLatin1Char('%')));
            }
        }
    }
    QCOMPARE(r->dangling, qint64(dangling.size()));
}

void BodsImportTest::shareText_data()
{
    const double none = std::numeric_limits<double>::quiet_NaN();
    QTest::addColumn<double>("exact");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<bool>("exclusiveMinimum");
    QTest::addColumn<bool>("exclusiveMaximum");
    QTest::addColumn<QString>("text");
    QTest::newRow("exact") << 25.5 << none << none << false << false << QStringLiteral("25.5%");
    QTest::newRow("exact wins over a range") << 50.0 << 50.0 << 50.0 << false << false << QStringLiteral("50%");
    QTest::newRow("range") << none << 25.0 << 50.0 << false << true << QStringLiteral("25-50%");
    QTest::newRow("equal bounds") << none << 75.0 << 75.0 << false << false << QStringLiteral("75%");
    QTest::newRow("lower bound") << none << 25.0 << none << false << false << QStringLiteral("at least 25%");
    QTest::newRow("exclusive lower bound") << none << 25.0 << none << true << false << QStringLiteral("more than 25%");
    QTest::newRow("upper bound") << none << none << 50.0 << false << false << QStringLiteral("up to 50%");
    QTest::newRow("exclusive upper bound") << none << none << 50.0 << false << true << QStringLiteral("less than 50%");
    QTest::newRow("no figure") << none << none << none << false << false << QString();
}

void BodsImportTest::shareText()
{
    QFETCH(double, exact);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(bool, exclusiveMinimum);
    QFETCH(bool, exclusiveMaximum);
    QFETCH(QString, text);
    QCOMPARE(BodsReader::shareText(exact, minimum, maximum, exclusiveMinimum, exclusiveMaximum), text);
}

void BodsImportTest::reimportMerges()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("bods/v0.4_examples/tecido.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("re.casegraph"))).ok());
    const auto first = ImportJob::run(cf, file);
    QVERIFY(first.ok());
    const QByteArray before = checksum(cf);
    const auto second = ImportJob::run(cf, file);
    QVERIFY(second.ok());
    QCOMPARE(second->created, 0);
    QCOMPARE(second->merged, 0);
    QCOMPARE(second->unchanged, first->records());
    QCOMPARE(checksum(cf), before);
}

void BodsImportTest::updatesMergeIntoTheRecord()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("bods/v0.4_gleif/LEI_updated.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QJsonArray statements = QJsonDocument::fromJson(Casegraph::Tests::readFile(file)).array();
    QCOMPARE(statements.size(), 2);
    const QString recordId = statements.at(0).toObject().value(QLatin1String("recordId")).toString();
    QCOMPARE(statements.at(1).toObject().value(QLatin1String("recordId")).toString(), recordId);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("up.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY(r.ok());
    QCOMPARE(r->created, 1);
    QCOMPARE(r->merged + r->unchanged, 1);
    const auto e = cf.entities().entityById(QStringLiteral("bods-") + recordId);
    QVERIFY(e);
    QCOMPARE(e->schema, QStringLiteral("Company"));
    QCOMPARE(e->valuesOf(QStringLiteral("leiCode")), QStringList{recordId});
}

void BodsImportTest::version03()
{
    // No 0.3 sample in testdata: a fixture of our own, with placeholder parties.
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("v03.casegraph"))).ok());
    const QString file = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/bods/bods_0.3_example.json"));
    QCOMPARE(ImportJob::detectFormat(file).value(), QStringLiteral("bods"));
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3);
    QCOMPARE(r->dangling, 0);
    const auto company = cf.entities().entityById(QStringLiteral("bods-3e1c0d5e-0000-4000-8000-000000000001"));
    QVERIFY(company);
    QCOMPARE(company->schema, QStringLiteral("Company"));
    QCOMPARE(company->valuesOf(QStringLiteral("registrationNumber")), QStringList{QStringLiteral("00000000")});
    QCOMPARE(company->valuesOf(QStringLiteral("jurisdiction")), QStringList{QStringLiteral("gb")});
    QCOMPARE(company->valuesOf(QStringLiteral("address")),
             QStringList{QStringLiteral("1 Example Street, London, EX1 1AA, GB")});
    const auto person = cf.entities().entityById(QStringLiteral("bods-3e1c0d5e-0000-4000-8000-000000000002"));
    QVERIFY(person);
    QCOMPARE(person->valuesOf(QStringLiteral("name")), QStringList{QStringLiteral("Alex Example")});
    QCOMPARE(person->valuesOf(QStringLiteral("alias")), QStringList{QStringLiteral("A. Example")});
    QCOMPARE(person->valuesOf(QStringLiteral("birthDate")), QStringList{QStringLiteral("1980-02")});
    QCOMPARE(person->valuesOf(QStringLiteral("nationality")), QStringList{QStringLiteral("gb")});
    const auto own = cf.entities().entityById(QStringLiteral("bods-3e1c0d5e-0000-4000-8000-000000000003"));
    QVERIFY(own);
    QCOMPARE(own->valuesOf(QStringLiteral("owner")), QStringList{person->id});
    QCOMPARE(own->valuesOf(QStringLiteral("asset")), QStringList{company->id});
    QCOMPARE(own->valuesOf(QStringLiteral("percentage")),
             (QStringList{QStringLiteral("25-50%"), QStringLiteral("more than 50%")}));
    QCOMPARE(own->valuesOf(QStringLiteral("ownershipType")),
             (QStringList{QStringLiteral("shareholding"), QStringLiteral("votingRights")}));
    QCOMPARE(own->valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2016-04-06")});
    QCOMPARE(own->valuesOf(QStringLiteral("role")), QStringList{QStringLiteral("direct")});
}

void BodsImportTest::jsonLinesAndUnspecifiedParties()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("jl.casegraph"))).ok());
    const QString file = write(
        QStringLiteral("lines.jsonl"),
        R"({"statementId":"s1","recordId":"e1","recordType":"entity","recordStatus":"new","recordDetails":{"entityType":{"type":"stateBody"},"name":"Ministry of Examples","jurisdiction":{"name":"Examplia","code":"GB"}}}
{"statementId":"s2","recordId":"r1","recordType":"relationship","recordStatus":"closed","recordDetails":{"subject":"e1","interestedParty":{"reason":"subjectExemptFromDisclosure","description":"Listed company"},"interests":[{"type":"shareholding","share":{"minimum":25,"maximum":50,"exclusiveMaximum":true},"startDate":"2020-01","endDate":"2021-06-30"}]}}
)");
    const auto r = ImportJob::run(cf, file, {QStringLiteral("bods"), false});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2);
    const auto body = cf.entities().entityById(QStringLiteral("bods-e1"));
    QVERIFY(body);
    QCOMPARE(body->schema, QStringLiteral("PublicBody"));
    QCOMPARE(body->valuesOf(QStringLiteral("jurisdiction")), QStringList{QStringLiteral("gb")});
    const auto rel = cf.entities().entityById(QStringLiteral("bods-r1"));
    QVERIFY(rel);
    QCOMPARE(rel->valuesOf(QStringLiteral("percentage")), QStringList{QStringLiteral("25-50%")});
    QCOMPARE(rel->valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2020-01")});
    QCOMPARE(rel->valuesOf(QStringLiteral("endDate")), QStringList{QStringLiteral("2021-06-30")});
    QCOMPARE(rel->valuesOf(QStringLiteral("status")), QStringList{QStringLiteral("closed")});
    QVERIFY(rel->valuesOf(QStringLiteral("owner")).isEmpty());
    QCOMPARE(rel->valuesOf(QStringLiteral("description")),
             QStringList{QStringLiteral("subjectExemptFromDisclosure: Listed company")});
}

void BodsImportTest::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("reason");
    const QByteArray head =
        "[\n{\"statementID\":\"p1\",\"statementType\":\"personStatement\",\"names\":[{\"fullName\":\"A B\"}]},\n";
    QTest::newRow("no statement id") << head + "{\"statementType\":\"entityStatement\",\"name\":\"X\"}\n]" << qint64(3)
                                     << QStringLiteral("statement 2: the statement has no \"statementID\"");
    QTest::newRow("no record id") << head + "{\"recordType\":\"entity\",\"recordDetails\":{}}\n]" << qint64(3)
                                  << QStringLiteral("statement 2: the statement has no \"recordId\"");
    QTest::newRow("unknown type") << head + "{\"statementID\":\"x\",\"statementType\":\"rumourStatement\"}\n]"
                                  << qint64(3) << QStringLiteral("unknown statement type \"rumourStatement\"");
    QTest::newRow("not a statement") << head + "{\"name\":\"x\"}\n]" << qint64(3)
                                     << QStringLiteral("not a BODS statement");
    QTest::newRow("invalid date")
        << head + "{\"statementID\":\"e1\",\"statementType\":\"entityStatement\",\"foundingDate\":\"last year\"}\n]"
        << qint64(3) << QStringLiteral("invalid date \"last year\"");
    QTest::newRow("recordDetails missing") << head + "{\"recordId\":\"r\",\"recordType\":\"person\"}\n]" << qint64(3)
                                           << QStringLiteral("\"recordDetails\" must be an object");
    QTest::newRow("malformed") << head + "{\"statementID\":\"e1\",\n\"statementType\":entityStatement}\n]" << qint64(4)
                               << QStringLiteral("malformed JSON");
    QTest::newRow("truncated") << head + "{\"statementID\":\"e1\",\"statementType\":\"entity" << qint64(3)
                               << QStringLiteral("truncated");
    QTest::newRow("deep") << head + QByteArray(80, '[') + QByteArray(80, ']') + "\n]" << qint64(3)
                          << QStringLiteral("deeper than 64");
    QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << qint64(1)
                             << QStringLiteral("not a BODS file");
    QTest::newRow("statement not an object")
        << head + "\"text\"\n]" << qint64(3) << QStringLiteral("expected a statement object");
}

void BodsImportTest::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, line);
    QFETCH(QString, reason);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("b.casegraph"))).ok());
    QVERIFY(ImportJob::run(cf, Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"))).ok());
    const QByteArray before = checksum(cf);
    const QString input = write(QStringLiteral("bad.json"), content);
    const auto r = ImportJob::run(cf, input, {QStringLiteral("bods"), false});
    QVERIFY(!r.ok());
    const QString shown = r.error().toString();
    QVERIFY2(r.error().message.contains(reason), qPrintable(shown));
    QVERIFY2(shown.startsWith(input + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')), qPrintable(shown));
    QCOMPARE(checksum(cf), before);
}

void BodsImportTest::lenientSkipsBadStatements()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("len.casegraph"))).ok());
    const QString input = write(QStringLiteral("mixed.json"), R"([
{"statementID":"e1","statementType":"entityStatement","entityType":"registeredEntity","name":"Alpha Ltd"},
{"statementType":"personStatement","names":[{"fullName":"Nobody"}]},
{"statementID":"p1","statementType":"personStatement","names":[{"fullName":"Pat Example"}],"birthDate":"1970-13"},
{"statementID":"p2","statementType":"personStatement","names":[{"fullName":"Sam Example"}]},
{"statementID":"o1","statementType":"ownershipOrControlStatement","subject":{"describedByEntityStatement":"e1"},"interestedParty":{"describedByPersonStatement":"p2"},"interests":[{"type":"shareholding","share":{"exact":100}}]}
])");
    QVERIFY(!ImportJob::run(cf, input).ok());
    const auto r = ImportJob::run(cf, input, {QString(), true});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3);
    QCOMPARE(r->rejected.size(), 2);
    QCOMPARE(r->rejected.at(0).line, 3);
    QCOMPARE(r->rejected.at(1).line, 4);
    QVERIFY(r->rejected.at(1).message.contains(QLatin1String("invalid date \"1970-13\"")));
    QCOMPARE(r->dangling, 0);
}

void BodsImportTest::detectsFormat()
{
    const QStringList files = samples();
    if (files.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QString &f : files) {
        const auto detected = ImportJob::detectFormat(f);
        QVERIFY2(detected.ok() && *detected == QLatin1String("bods"),
                 qPrintable(f + QLatin1String(": ") + (detected ? *detected : detected.error().message)));
    }
}

QTEST_MAIN(BodsImportTest)
#include "bodsimport_test.moc"

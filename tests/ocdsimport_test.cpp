// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "io/importvalues.h"
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

using namespace Casegraph::Models;

namespace {

QStringList samples()
{
    return Casegraph::Tests::testDataFiles(QStringLiteral("ocds"), {QStringLiteral("*.json")});
}

QString str(const QJsonValue &v)
{
    return ImportValues::text(v).trimmed();
}

/// The releases a file stands for, by the OCDS rules (parsed with Qt, never the importer):
/// package releases; a record's compiledRelease, else its embedded releases; a bare release.
QList<QJsonObject> releasesOf(const QJsonObject &top)
{
    QList<QJsonObject> out;
    const auto record = [&](const QJsonObject &r) {
        if (r.value(QLatin1String("compiledRelease")).isObject()) {
            out << r.value(QLatin1String("compiledRelease")).toObject();
            return;
        }
        for (const auto &rel : r.value(QLatin1String("releases")).toArray()) {
            if (rel.toObject().contains(QLatin1String("ocid"))) {
                out << rel.toObject();
            }
        }
    };
    if (top.contains(QLatin1String("records"))) {
        for (const auto &r : top.value(QLatin1String("records")).toArray()) {
            record(r.toObject());
        }
    } else if (top.contains(QLatin1String("compiledRelease")) || top.contains(QLatin1String("versionedRelease"))) {
        record(top);
    } else if (top.contains(QLatin1String("releases")) && !top.contains(QLatin1String("ocid"))) {
        for (const auto &r : top.value(QLatin1String("releases")).toArray()) {
            out << r.toObject();
        }
    } else {
        out << top;
    }
    return out;
}

QString prefixOf(const QString &ocid)
{
    const QStringList parts = ocid.split(QLatin1Char('-'));
    return parts.mid(0, 2).join(QLatin1Char('-'));
}

QJsonArray awardsOf(const QJsonObject &release)
{
    const QJsonValue awards = release.value(QLatin1String("awards"));
    return awards.isObject() ? QJsonArray{awards} : awards.toArray();
}

} // namespace

class OcdsImportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void importsEverySample_data();
    void importsEverySample();
    void emptyFileIsAClearError();
    void reimportMerges();
    void releaseAndRecordPackagesAgree();
    void taiwanAwardObject();
    void moldovaEmptyValues();
    void datesAndAmounts();
    void badInput_data();
    void badInput();
    void lenientSkipsBadReleases();
    void otherShapes();
    void hugeReleaseIsRefused();
    void detectsFormat();

};

void OcdsImportTest::importsEverySample_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = samples();
    if (files.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QString &f : files) {
        if (QFileInfo(f).size() > 0) {
            QTest::newRow(qPrintable(QFileInfo(f).fileName())) << f;
        }
    }
}

void OcdsImportTest::importsEverySample()
{
    QFETCH(QString, file);
    const QJsonObject top = QJsonDocument::fromJson(Casegraph::Tests::readFile(file)).object();
    QVERIFY(!top.isEmpty());
    const QList<QJsonObject> releases = releasesOf(top);
    QVERIFY(!releases.isEmpty());

    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("s.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("ocds"));
    QCOMPARE(r->rejected.size(), 0);
    auto &store = cf.entities();

    // Parties: one entity per publisher prefix and party id, whatever the number of releases.
    QHash<QString, QSet<QString>> rolesOf;
    QSet<QString> contracts;
    QSet<QString> awardPrefixes;
    for (const auto &rel : releases) {
        const QString ocid = str(rel.value(QLatin1String("ocid")));
        for (const auto &p : rel.value(QLatin1String("parties")).toArray()) {
            const QString id = str(p.toObject().value(QLatin1String("id")));
            if (!id.isEmpty() && !id.startsWith(ocid)) {
                auto &roles = rolesOf[QStringLiteral("ocds-party-") + prefixOf(ocid) + QLatin1Char('-') + id];
                for (const auto &role : p.toObject().value(QLatin1String("roles")).toArray()) {
                    roles.insert(role.toString());
                }
            }
        }
        if (rel.value(QLatin1String("tender")).isObject() || !awardsOf(rel).isEmpty()) {
            contracts.insert(QStringLiteral("ocds-tender-") + ocid);
        }
        for (const auto &c : rel.value(QLatin1String("contracts")).toArray()) {
            contracts.insert(QStringLiteral("ocds-contract-") + ocid + QLatin1Char('-') +
                             str(c.toObject().value(QLatin1String("id"))));
        }
        for (const auto &a : awardsOf(rel)) {
            const QJsonObject award = a.toObject();
            awardPrefixes.insert(QStringLiteral("ocds-award-") + ocid + QLatin1Char('-') +
                                 str(award.value(QLatin1String("id"))));
            // One supplier with a plain amount: the award carries it, its currency kept apart.
            const QJsonArray suppliers = award.value(QLatin1String("suppliers")).toArray();
            const QJsonObject value = award.value(QLatin1String("value")).toObject();
            const QString supplierId = str(suppliers.first().toObject().value(QLatin1String("id")));
            if (suppliers.size() == 1 && value.value(QLatin1String("amount")).isDouble() && !supplierId.isEmpty()) {
                const auto e = store.entityById(QStringLiteral("ocds-award-") + ocid + QLatin1Char('-') +
                                                str(award.value(QLatin1String("id"))) + QLatin1Char('-') + supplierId);
                QVERIFY2(e, qPrintable(supplierId));
                QVERIFY(e->valuesOf(QStringLiteral("amount"))
                            .contains(ImportValues::number(value.value(QLatin1String("amount")).toDouble())));
                const QString currency = str(value.value(QLatin1String("currency"))).toUpper();
                if (!currency.isEmpty()) {
                    QVERIFY(e->valuesOf(QStringLiteral("currency")).contains(currency));
                }
                QVERIFY(e->valuesOf(QStringLiteral("supplier")).first().startsWith(QLatin1String("ocds-party-")));
            }
        }
    }
    for (auto it = rolesOf.cbegin(); it != rolesOf.cend(); ++it) {
        const auto e = store.entityById(it.key());
        QVERIFY2(e, qPrintable(it.key()));
        const QSet<QString> &roles = it.value();
        if (roles.contains(QStringLiteral("buyer")) || roles.contains(QStringLiteral("procuringEntity"))) {
            QCOMPARE(e->schema, QStringLiteral("PublicBody"));
        } else if (roles == QSet<QString>{QStringLiteral("supplier")} ||
                   roles == QSet<QString>{QStringLiteral("tenderer")}) {
            QCOMPARE(e->schema, QStringLiteral("Company"));
        }
    }
    for (const QString &id : std::as_const(contracts)) {
        const auto e = store.entityById(id);
        QVERIFY2(e, qPrintable(id));
        QCOMPARE(e->schema, QStringLiteral("Contract"));
        if (id.startsWith(QLatin1String("ocds-tender-"))) {
            QCOMPARE(e->valuesOf(QStringLiteral("procedureNumber")), QStringList{id.mid(12)}); // the ocid
        }
    }
    QMap<QString, qint64> perSchema;
    for (const auto &[schema, n] : store.countsBySchema()) {
        perSchema.insert(schema, n);
    }
    QCOMPARE(perSchema.value(QStringLiteral("Contract")), qint64(contracts.size()));
    QVERIFY(perSchema.value(QStringLiteral("ContractAward")) >= awardPrefixes.size());
    QCOMPARE(store.count(), r->created);
}

void OcdsImportTest::emptyFileIsAClearError()
{
    QStringList empty;
    for (const QString &f : samples()) {
        if (QFileInfo(f).size() == 0) {
            empty << f;
        }
    }
    empty << write(QStringLiteral("blank.json"), "  \r\n\n");
    auto cf = seededCase(QStringLiteral("e.casegraph"));
    QVERIFY(cf);
    const QByteArray before = checksum(*cf);
    for (const QString &f : std::as_const(empty)) {
        const auto r = ImportJob::run(*cf, f, {QStringLiteral("ocds"), false});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().toString().startsWith(f + QLatin1String(": empty file")), qPrintable(r.error().toString()));
        const auto lenient = ImportJob::run(*cf, f, {QStringLiteral("ocds"), true});
        QVERIFY(!lenient.ok());
    }
    QCOMPARE(checksum(*cf), before);
}

void OcdsImportTest::reimportMerges()
{
    const QString file =
        Casegraph::Tests::testData(QStringLiteral("ocds/fictional_1.1_release_package_ocds-213czf-000-00001.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("re.casegraph"))).ok());
    const auto first = ImportJob::run(cf, file);
    QVERIFY(first.ok());
    // Six releases of one process: the buyer appears in each but is one entity.
    QVERIFY(first->merged > 0);
    const auto buyer = cf.entities().entityById(QStringLiteral("ocds-party-ocds-213czf-GB-LAC-E09000003"));
    QVERIFY(buyer);
    QCOMPARE(buyer->schema, QStringLiteral("PublicBody"));
    QCOMPARE(buyer->valuesOf(QStringLiteral("name")), QStringList{QStringLiteral("London Borough of Barnet")});
    const qint64 count = cf.entities().count();
    const QByteArray before = checksum(cf);

    const auto second = ImportJob::run(cf, file);
    QVERIFY(second.ok());
    QCOMPARE(second->created, 0);
    QCOMPARE(second->merged, 0);
    QCOMPARE(cf.entities().count(), count);
    QCOMPARE(checksum(cf), before);
    // Every value still carries the provenance of the import that brought it.
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        if (v.provenanceId != first->provenanceId) {
                            return false;
                        }
                    }
                    return true;
                })
                .ok());
}

void OcdsImportTest::releaseAndRecordPackagesAgree()
{
    const QString releases =
        Casegraph::Tests::testData(QStringLiteral("ocds/fictional_1.1_release_package_ocds-213czf-000-00001.json"));
    const QString record =
        Casegraph::Tests::testData(QStringLiteral("ocds/fictional_1.1_record_package_ocds-213czf-000-00001.json"));
    if (releases.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("agree.casegraph"))).ok());
    QVERIFY(ImportJob::run(cf, releases).ok());
    const qint64 count = cf.entities().count();
    const auto r = ImportJob::run(cf, record);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 0); // the compiled record names the same parties, process, contract and award
    QCOMPARE(cf.entities().count(), count);
}

void OcdsImportTest::taiwanAwardObject()
{
    const QString file =
        Casegraph::Tests::testData(QStringLiteral("ocds/taiwan/ocid-6as3t2-51179519-ocid-6as3t2-51179519.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("tw.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    // The buyer's id is local to the process ("<ocid>-buyer"): the identifier names it instead, so
    // buyer and procuring entity are one public body.
    const auto buyer = cf.entities().entityById(QStringLiteral("ocds-party-ocid-6as3t2-3.76.48.97.88"));
    QVERIFY(buyer);
    QCOMPARE(buyer->schema, QStringLiteral("PublicBody"));
    QCOMPARE(buyer->first(QStringLiteral("name")), QStringLiteral("南投縣魚池鄉五城國民小學"));
    const auto award = cf.entities().entityById(
        QStringLiteral("ocds-award-ocid-6as3t2-51179519-ocid-6as3t2-51179519-awards-53374962"));
    QVERIFY(award);
    QCOMPARE(award->valuesOf(QStringLiteral("amount")), QStringList{QStringLiteral("326600")});
    QCOMPARE(award->valuesOf(QStringLiteral("currency")), QStringList{QStringLiteral("TWD")});
    QCOMPARE(award->valuesOf(QStringLiteral("date")), QStringList{QStringLiteral("2013-10-29")});
    QCOMPARE(award->valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2013-10-31")});
    const auto supplier = cf.entities().entityById(award->first(QStringLiteral("supplier")));
    QVERIFY(supplier);
    QCOMPARE(supplier->schema, QStringLiteral("Company"));
    QCOMPARE(supplier->first(QStringLiteral("name")), QStringLiteral("普羅文化股份有限公司"));
    const auto tender = cf.entities().entityById(QStringLiteral("ocds-tender-ocid-6as3t2-51179519"));
    QVERIFY(tender);
    QCOMPARE(tender->first(QStringLiteral("name")), QStringLiteral("102年全國中小學客家藝文競賽總決賽之場地布置採購"));
}

void OcdsImportTest::moldovaEmptyValues()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("ocds/moldova_record_18610708.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("md.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file); // strict: empty amounts, currencies and dates are no values
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    qint64 awards = 0;
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        if (v.value.trimmed().isEmpty()) {
                            return false;
                        }
                        if (v.property == QLatin1String("currency") && v.value != v.value.toUpper()) {
                            return false;
                        }
                    }
                    awards += e.schema == QLatin1String("ContractAward");
                    return true;
                })
                .ok());
    QVERIFY(awards > 0);
}

void OcdsImportTest::datesAndAmounts()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("d.casegraph"))).ok());
    const QString file =
        write(QStringLiteral("dates.json"), R"({"ocid":"ocds-abc123-1","id":"1","date":"2016-06-08T10:00:00+02:00",
"parties":[{"id":"S1","name":"Supplier One","roles":["supplier"]},{"id":"B1","name":"Buyer","roles":["buyer"]}],
"buyer":{"id":"B1"},
"awards":[{"id":"a1","date":"2016-06-08T10:30:00.123+02:00","value":{"amount":"1234.50","currency":"uah"},
  "contractPeriod":{"startDate":"2016-07-01","endDate":"2016-12-31T23:00:00Z"},"suppliers":[{"id":"S1"}]}],
"contracts":[{"id":"c1","awardID":"a1","dateSigned":"2016-06-20T00:00:00-05:00","value":{"amount":null,"currency":""}}]})");
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    const auto award = cf.entities().entityById(QStringLiteral("ocds-award-ocds-abc123-1-a1-S1"));
    QVERIFY(award);
    QCOMPARE(award->valuesOf(QStringLiteral("date")), QStringList{QStringLiteral("2016-06-08T08:30:00")});
    QCOMPARE(award->valuesOf(QStringLiteral("amount")), QStringList{QStringLiteral("1234.50")});
    QCOMPARE(award->valuesOf(QStringLiteral("currency")), QStringList{QStringLiteral("UAH")});
    QCOMPARE(award->valuesOf(QStringLiteral("startDate")), QStringList{QStringLiteral("2016-07-01")});
    QCOMPARE(award->valuesOf(QStringLiteral("endDate")), QStringList{QStringLiteral("2016-12-31T23:00:00")});
    QCOMPARE(
        award->valuesOf(QStringLiteral("contract")),
        (QStringList{QStringLiteral("ocds-tender-ocds-abc123-1"), QStringLiteral("ocds-contract-ocds-abc123-1-c1")}));
    const auto contract = cf.entities().entityById(QStringLiteral("ocds-contract-ocds-abc123-1-c1"));
    QVERIFY(contract);
    QCOMPARE(contract->valuesOf(QStringLiteral("contractDate")), QStringList{QStringLiteral("2016-06-20T05:00:00")});
    QVERIFY(contract->valuesOf(QStringLiteral("amount")).isEmpty());
    QVERIFY(contract->valuesOf(QStringLiteral("currency")).isEmpty());
    QCOMPARE(contract->valuesOf(QStringLiteral("authority")), QStringList{QStringLiteral("ocds-party-ocds-abc123-B1")});
    QCOMPARE(r->dangling, 0);
}

void OcdsImportTest::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<QString>("reason");
    const QByteArray head =
        "{\"uri\":\"x\",\"releases\":[\n {\"ocid\":\"ocds-a1b2c3-1\",\"tender\":{\"title\":\"One\"}},\n ";
    QTest::newRow("release without ocid") << head + "{\"id\":\"2\",\"tender\":{}}\n]}" << qint64(3) << qint64(2)
                                          << QStringLiteral("release 2: the release has no \"ocid\"");
    QTest::newRow("amount not a number")
        << head + "{\"ocid\":\"ocds-a1b2c3-2\",\"tender\":{\"value\":{\"amount\":\"lots\"}}}\n]}" << qint64(3)
        << qint64(2) << QStringLiteral("release 2: the tender value: the amount lots is not a number");
    QTest::newRow("invalid date")
        << head + "{\"ocid\":\"ocds-a1b2c3-2\",\"awards\":[{\"id\":\"a\",\"date\":\"13/45/2019\"}]}\n]}" << qint64(3)
        << qint64(2) << QStringLiteral("invalid date \"13/45/2019\"");
    QTest::newRow("awards not a list") << head + "{\"ocid\":\"ocds-a1b2c3-2\",\"awards\":7}\n]}" << qint64(3)
                                       << qint64(2) << QStringLiteral("\"awards\" must be an array");
    QTest::newRow("malformed release") << head + "{\"ocid\":\"ocds-a1b2c3-2\",\n  \"tender\":{\"title\":tru}}\n]}"
                                       << qint64(4) << qint64(0) << QStringLiteral("malformed JSON");
    QTest::newRow("truncated") << head + "{\"ocid\":\"ocds-a1b2c3-2\",\"tender\":{\"title\":\"Tw" << qint64(0)
                               << qint64(0) << QStringLiteral("truncated");
    QByteArray deep = head + "{\"ocid\":\"ocds-a1b2c3-2\",\"tender\":";
    deep += QByteArray(100, '[') + QByteArray(100, ']') + "}\n]}";
    QTest::newRow("nested too deep") << deep << qint64(3) << qint64(0) << QStringLiteral("deeper than 64");
    QByteArray garbage(4096, '\0');
    for (int i = 0; i < garbage.size(); ++i) {
        garbage[i] = char((i * 7919 + 13) % 256);
    }
    QTest::newRow("binary garbage") << garbage << qint64(0) << qint64(0) << QStringLiteral("not an OCDS file");
    QTest::newRow("binary inside a release") << head + "{\"ocid\":\"ocds-a1b2c3-2\",\x01\x02\xff}\n]}" << qint64(3)
                                             << qint64(0) << QStringLiteral("not valid JSON");
    QTest::newRow("not OCDS") << QByteArray("{\"name\":\"something else\"}") << qint64(1) << qint64(1)
                              << QStringLiteral("not an OCDS file");
    QTest::newRow("release not an object")
        << head + "42\n]}" << qint64(3) << qint64(2) << QStringLiteral("expected an OCDS release or record object");
}

void OcdsImportTest::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, line);
    QFETCH(qint64, column);
    QFETCH(QString, reason);
    auto cf = seededCase(QStringLiteral("bad.casegraph"));
    QVERIFY(cf);
    const QByteArray before = checksum(*cf);
    const qint64 count = cf->entities().count();
    const QString input = write(QStringLiteral("bad.json"), content);
    const auto r = ImportJob::run(*cf, input, {QStringLiteral("ocds"), false});
    QVERIFY(!r.ok());
    const QString shown = r.error().toString();
    QVERIFY2(r.error().message.contains(reason), qPrintable(shown));
    QCOMPARE(r.error().file, input);
    if (line > 0) {
        QVERIFY2(r.error().line == line, qPrintable(shown));
    }
    if (column > 0) {
        QVERIFY2(r.error().column == column, qPrintable(shown));
    } else if (line > 0 && reason == QLatin1String("malformed JSON")) {
        QVERIFY(r.error().column > 0); // the offending byte's column
    }
    QCOMPARE(cf->entities().count(), count);
    QCOMPARE(checksum(*cf), before);
}

void OcdsImportTest::lenientSkipsBadReleases()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("len.casegraph"))).ok());
    const QString input = write(QStringLiteral("mixed.json"), R"({"releases":[
{"ocid":"ocds-a1b2c3-1","tender":{"title":"Good one"}},
{"tender":{"title":"No ocid"}},
{"ocid":"ocds-a1b2c3-3","tender":{"title":"Good three"}},
{"ocid":"ocds-a1b2c3-4","tender":{"title":"Bad date"},"awards":[{"id":"x","date":"soon"}]},
{"ocid":"ocds-a1b2c3-5","tender":{"title":"Bad JSON",}},
{"ocid":"ocds-a1b2c3-6","tender":{"title":"Good six"}}
]})");
    const auto strict = ImportJob::run(cf, input);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().line, 3);
    QCOMPARE(cf.entities().count(), 0);
    const auto r = ImportJob::run(cf, input, {QString(), true});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3);
    QCOMPARE(r->rejected.size(), 3);
    QList<qint64> lines;
    for (const auto &e : r->rejected) {
        lines << e.line;
        QCOMPARE(e.file, input);
        QVERIFY(e.column > 0);
    }
    QCOMPARE(lines, (QList<qint64>{3, 5, 6}));
    QVERIFY(r->rejected.at(1).message.startsWith(QLatin1String("release 4: award 1: invalid date \"soon\"")));
    QVERIFY(cf.entities().entityById(QStringLiteral("ocds-tender-ocds-a1b2c3-6")));
}

void OcdsImportTest::otherShapes()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("shapes.casegraph"))).ok());
    // A bare JSON array of releases.
    const QString array = write(QStringLiteral("array.json"), R"([
{"ocid":"ocds-a1b2c3-1","parties":[{"id":"P1","name":"Example Council","roles":["buyer"]}],"tender":{"title":"One"}},
{"ocid":"ocds-a1b2c3-2","parties":[{"id":"P1","name":"Example Council","roles":["buyer"]}],"tender":{"title":"Two"}}
])");
    auto r = ImportJob::run(cf, array);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3); // one party, two processes
    QCOMPARE(r->merged + r->unchanged, 1);
    // A bare record without a compiledRelease: its embedded releases, linked ones skipped.
    const QString record = write(QStringLiteral("record.json"), R"({"ocid":"ocds-a1b2c3-9","releases":[
{"url":"https://example.org/r1.json","date":"2020-01-01","tag":["tender"]},
{"ocid":"ocds-a1b2c3-9","id":"2","tender":{"title":"Nine"},"awards":{"id":"a9","suppliers":[{"name":"Example Supplier Ltd"}]}}
],"versionedRelease":{}})");
    r = ImportJob::run(cf, record);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3); // tender, supplier (keyed by name), award
    const auto award = cf.entities().entityById(QStringLiteral("ocds-award-ocds-a1b2c3-9-a9-Example Supplier Ltd"));
    QVERIFY(award);
    QCOMPARE(award->valuesOf(QStringLiteral("supplier")),
             QStringList{QStringLiteral("ocds-party-ocds-a1b2c3-Example Supplier Ltd")});
}

void OcdsImportTest::hugeReleaseIsRefused()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("huge.casegraph"))).ok());
    QByteArray content = "{\"releases\":[\n{\"ocid\":\"ocds-a1b2c3-1\",\"tender\":{\"description\":\"";
    content += QByteArray(65 << 20, 'a');
    content += "\"}}]}";
    const QString input = write(QStringLiteral("huge.json"), content);
    content.clear();
    for (bool lenient : {false, true}) {
        const auto r = ImportJob::run(cf, input, {QStringLiteral("ocds"), lenient});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("larger than 64 MiB")), qPrintable(r.error().toString()));
        QVERIFY(r.error().message.contains(QLatin1String("line 2, column 1")));
    }
    QCOMPARE(cf.entities().count(), 0);
}

void OcdsImportTest::detectsFormat()
{
    const QStringList files = samples();
    if (files.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QString &f : files) {
        if (QFileInfo(f).size() > 0) {
            const auto detected = ImportJob::detectFormat(f);
            QVERIFY2(detected.ok() && *detected == QLatin1String("ocds"),
                     qPrintable(f + QLatin1String(": ") + (detected ? *detected : detected.error().message)));
        }
    }
}

QTEST_MAIN(OcdsImportTest)
#include "ocdsimport_test.moc"

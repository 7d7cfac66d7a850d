// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Casegraph::Models;

namespace {

/// The lines of an OFAC legacy CSV that hold records: not blank, not the final Ctrl-Z.
QList<QByteArray> ofacRecords(const QString &path)
{
    QList<QByteArray> out;
    for (const QByteArray &line : Casegraph::Tests::readFile(path).split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty() && t != "\x1a") {
            out << t;
        }
    }
    return out;
}

QString fixture(const QString &name)
{
    return Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/sanctions/") + name);
}

QMap<QString, qint64> countsOf(const CaseFile &cf)
{
    QMap<QString, qint64> out;
    for (const auto &[schema, n] : cf.entities().countsBySchema()) {
        out.insert(schema, n);
    }
    return out;
}

/// The format every sample in testdata/sanctions is in, by its name.
QString expectedFormat(const QString &fileName)
{
    if (fileName.endsWith(QLatin1String(".csv"))) {
        return QStringLiteral("ofac-csv");
    }
    if (fileName.startsWith(QLatin1String("un_"))) {
        return QStringLiteral("un-xml");
    }
    if (fileName.endsWith(QLatin1String(".xml"))) {
        return QStringLiteral("ofac-xml");
    }
    return QStringLiteral("bis-json");
}

} // namespace

class SanctionsImportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void importsEverySample_data();
    void importsEverySample();
    void ofacPrimaryTable();
    void ofacSiblingTables();
    void ofacAliasTableAlone();
    void ofacXmlMatchesTheCsv();
    void unXml();
    void bisEntityListAndTranslations();
    void cslCsvAndJson();
    void reimportMerges();
    void hostileXml_data();
    void hostileXml();
    void hostileCsvAndJson_data();
    void hostileCsvAndJson();
    void lenientSkipsBadRows();
    void detectsFormat();
    void cliImportsEachFormat();

};

void SanctionsImportTest::importsEverySample_data()
{
    QTest::addColumn<QString>("file");
    const QString dir = Casegraph::Tests::testData(QStringLiteral("sanctions"));
    if (dir.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(f.fileName())) << f.filePath();
    }
    QTest::newRow("csl_example.csv (fixture)") << fixture(QStringLiteral("csl_example.csv"));
    QTest::newRow("csl_example.json (fixture)") << fixture(QStringLiteral("csl_example.json"));
}

void SanctionsImportTest::importsEverySample()
{
    QFETCH(QString, file);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("s.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->rejected.size(), 0);
    QCOMPARE(r->dangling, 0);
    QVERIFY(r->created > 0);
    // Each Sanction names a party of the same import.
    const auto counts = countsOf(cf);
    qint64 parties = 0;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        parties += it.key() == QLatin1String("Sanction") ? 0 : it.value();
    }
    const qint64 sanctions = counts.value(QStringLiteral("Sanction"));
    QVERIFY(sanctions == 0 || sanctions == parties);
    QCOMPARE(cf.entities().count(), r->created);
}

void SanctionsImportTest::ofacPrimaryTable()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_sdn_2024-05-03.csv"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QList<QByteArray> records = ofacRecords(file);
    QMap<QString, qint64> byType;
    qint64 multiProgram = 0;
    // Types and programs, read with a regular expression rather than the importer's CSV parser.
    static const QRegularExpression row(
        QStringLiteral("^(\\d+),\"(?:[^\"]|\"\")*\",(-0- ?|\"[a-z]+\"),(-0- ?|\"[^\"]*\"),"));
    for (const QByteArray &line : records) {
        const auto m = row.match(QString::fromLatin1(line));
        QVERIFY2(m.hasMatch(), line.constData());
        byType[m.captured(2).remove(QLatin1Char('"')).trimmed()] += 1;
        multiProgram += m.captured(3).contains(QLatin1String("] ["));
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("sdn.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2 * qint64(records.size())); // the party and its Sanction
    const auto counts = countsOf(cf);
    QCOMPARE(counts.value(QStringLiteral("Sanction")), qint64(records.size()));
    QCOMPARE(counts.value(QStringLiteral("Person")), byType.value(QStringLiteral("individual")));
    QCOMPARE(counts.value(QStringLiteral("Vessel")), byType.value(QStringLiteral("vessel")));
    QCOMPARE(counts.value(QStringLiteral("Airplane")), byType.value(QStringLiteral("aircraft")));
    QCOMPARE(counts.value(QStringLiteral("Organization")) + counts.value(QStringLiteral("Company")),
             byType.value(QStringLiteral("-0-")));
    QVERIFY(multiProgram > 0);

    const auto cuba = cf.entities().entityById(QStringLiteral("ofac-306"));
    QVERIFY(cuba);
    QCOMPARE(cuba->first(QStringLiteral("name")), QStringLiteral("BANCO NACIONAL DE CUBA"));
    QCOMPARE(cuba->schema, QStringLiteral("Company"));                                     // "BANCO": a bank
    QCOMPARE(cuba->valuesOf(QStringLiteral("alias")), QStringList{QStringLiteral("BNC")}); // a.k.a. 'BNC' in Remarks
    const auto sanction = cf.entities().entityById(QStringLiteral("ofac-306-sanction"));
    QVERIFY(sanction);
    QCOMPARE(sanction->valuesOf(QStringLiteral("entity")), QStringList{QStringLiteral("ofac-306")});
    QCOMPARE(sanction->valuesOf(QStringLiteral("authority")), QStringList{QStringLiteral("OFAC")});
    QCOMPARE(sanction->valuesOf(QStringLiteral("program")), QStringList{QStringLiteral("CUBA")});
    // A person: "LAST, First" split, DOB and POB from the remarks.
    const auto abbas = cf.entities().entityById(QStringLiteral("ofac-2674"));
    QVERIFY(abbas);
    QCOMPARE(abbas->schema, QStringLiteral("Person"));
    QCOMPARE(abbas->valuesOf(QStringLiteral("birthDate")), QStringList{QStringLiteral("1948-12-10")});
    QCOMPARE(abbas->valuesOf(QStringLiteral("lastName")), QStringList{QStringLiteral("ABBAS")});
    // Packed programs become separate values.
    bool split = false;
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    if (e.schema == QLatin1String("Sanction")) {
                        const QStringList programs = e.valuesOf(QStringLiteral("program"));
                        for (const auto &p : programs) {
                            if (p.contains(QLatin1Char('[')) || p.contains(QLatin1Char(']'))) {
                                return false;
                            }
                        }
                        split = split || programs.size() > 1;
                    }
                    return true;
                })
                .ok());
    QVERIFY(split);
}

void SanctionsImportTest::ofacSiblingTables()
{
    const QString prim = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv"));
    if (prim.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    // Expected aliases and addresses of one entry, from the sibling tables.
    QStringList aliases;
    for (const QByteArray &line :
         ofacRecords(Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_alt_2018.csv")))) {
        if (line.startsWith("4632,")) {
            aliases << QString::fromLatin1(line.split('"').value(3));
        }
    }
    qint64 addresses = 0;
    for (const QByteArray &line :
         ofacRecords(Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_add_2018.csv")))) {
        addresses += line.startsWith("4632,");
    }
    QVERIFY(!aliases.isEmpty());
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("cons.casegraph"))).ok());
    const auto r = ImportJob::run(cf, prim);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2 * qint64(ofacRecords(prim).size()));
    const auto e = cf.entities().entityById(QStringLiteral("ofac-4632"));
    QVERIFY(e);
    for (const QString &a : std::as_const(aliases)) {
        QVERIFY2(e->valuesOf(QStringLiteral("alias")).contains(a), qPrintable(a));
    }
    QCOMPARE(e->valuesOf(QStringLiteral("address")).size(), addresses);
    QCOMPARE(e->valuesOf(QStringLiteral("country")), QStringList{QStringLiteral("ir")});
}

void SanctionsImportTest::ofacAliasTableAlone()
{
    const QString alt = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_alt_2018.csv"));
    if (alt.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    QSet<QByteArray> entities;
    const QList<QByteArray> rows = ofacRecords(alt);
    for (const QByteArray &line : rows) {
        entities.insert(line.left(line.indexOf(',')));
    }
    // With the primary table beside it, the entries get their schema from there.
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("alt.casegraph"))).ok());
    const auto r = ImportJob::run(cf, alt);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, qint64(entities.size()));
    QCOMPARE(r->records(), qint64(rows.size()));
    QCOMPARE(countsOf(cf).value(QStringLiteral("LegalEntity")), 0);
    QCOMPARE(cf.entities().entityById(QStringLiteral("ofac-4632"))->schema, QStringLiteral("Company"));
    // The primary table, imported next, adds the other parties and the sanctions, no second entity.
    const QString primPath = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv"));
    const auto prim = ImportJob::run(cf, primPath);
    QVERIFY2(prim.ok(), qPrintable(prim ? QString() : prim.error().toString()));
    QCOMPARE(cf.entities().count(), 2 * qint64(ofacRecords(primPath).size()));

    // Alone, the alias table's entries are LegalEntity: all the table says is that they have names.
    const QString lone = path(QStringLiteral("cons_alt.csv"));
    QVERIFY(QFile::copy(alt, lone));
    CaseFile other;
    QVERIFY(other.create(path(QStringLiteral("lone.casegraph"))).ok());
    const auto l = ImportJob::run(other, lone);
    QVERIFY2(l.ok(), qPrintable(l ? QString() : l.error().toString()));
    QCOMPARE(countsOf(other).value(QStringLiteral("LegalEntity")), qint64(entities.size()));
}

void SanctionsImportTest::ofacXmlMatchesTheCsv()
{
    const QString xml = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_consolidated_nonsdn_2018-04-06.xml"));
    if (xml.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const qint64 entries = Casegraph::Tests::readFile(xml).count("<sdnEntry>");
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("x.casegraph"))).ok());
    const auto r = ImportJob::run(cf, xml);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2 * entries);
    const auto bank = cf.entities().entityById(QStringLiteral("ofac-4632"));
    QVERIFY(bank);
    QVERIFY(bank->valuesOf(QStringLiteral("alias")).contains(QStringLiteral("BANK MARKAZI IRAN")));
    const auto sanction = cf.entities().entityById(QStringLiteral("ofac-4632-sanction"));
    QCOMPARE(sanction->valuesOf(QStringLiteral("program")), QStringList{QStringLiteral("IRAN")});
    QCOMPARE(sanction->valuesOf(QStringLiteral("authorityId")), QStringList{QStringLiteral("4632")});
    // The same list as legacy CSV: same ids (uid = ent_num), so nothing new is created.
    const auto csv =
        ImportJob::run(cf, Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv")));
    QVERIFY2(csv.ok(), qPrintable(csv ? QString() : csv.error().toString()));
    QCOMPARE(csv->created, 0);
}

void SanctionsImportTest::unXml()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&f);
    qint64 individuals = 0, entities = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement) {
            individuals += xml.name() == QLatin1String("INDIVIDUAL");
            entities += xml.name() == QLatin1String("ENTITY");
        }
    }
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("un.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2 * (individuals + entities));
    const auto counts = countsOf(cf);
    QCOMPARE(counts.value(QStringLiteral("Person")), individuals);
    QCOMPARE(counts.value(QStringLiteral("Sanction")), individuals + entities);
    // Names with stray spaces in the source (" RI ", "CHO  ") are trimmed and simplified.
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        if ((v.property == QLatin1String("name") || v.property == QLatin1String("firstName")) &&
                            v.value != v.value.simplified()) {
                            return false;
                        }
                    }
                    return true;
                })
                .ok());
    const auto ri = cf.entities().entityById(QStringLiteral("un-6908555"));
    QVERIFY(ri);
    QCOMPARE(ri->valuesOf(QStringLiteral("name")), QStringList{QStringLiteral("RI WON HO")});
    const auto s = cf.entities().entityById(QStringLiteral("un-6908555-sanction"));
    QCOMPARE(s->valuesOf(QStringLiteral("unscId")), QStringList{QStringLiteral("KPi.033")});
    QCOMPARE(s->valuesOf(QStringLiteral("listingDate")), QStringList{QStringLiteral("2016-11-30")});
    QCOMPARE(s->valuesOf(QStringLiteral("authority")), QStringList{QStringLiteral("UN Security Council")});
}

void SanctionsImportTest::bisEntityListAndTranslations()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("sanctions/bis_entity_list_cn_universities.json"));
    const QString zh = Casegraph::Tests::testData(QStringLiteral("sanctions/bis_entity_list_cn_universities_zh.json"));
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QJsonArray entries =
        QJsonDocument::fromJson(Casegraph::Tests::readFile(file)).object().value(QLatin1String("entries")).toArray();
    const QJsonArray pairs = QJsonDocument::fromJson(Casegraph::Tests::readFile(zh)).array();
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("bis.casegraph"))).ok());
    const auto r = ImportJob::run(cf, file);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 2 * qint64(entries.size()));
    const auto t = ImportJob::run(cf, zh);
    QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().toString()));
    QCOMPARE(t->created, 0); // the translations name the same entities
    QCOMPARE(t->merged, qint64(pairs.size()));
    const auto beihang =
        cf.entities().entityById(QStringLiteral("bis-beijing-university-of-aeronautics-and-astronautics-buaa"));
    QVERIFY(beihang);
    const QStringList aliases = beihang->valuesOf(QStringLiteral("alias"));
    QVERIFY2(aliases.contains(QStringLiteral("Beihang University")), qPrintable(aliases.join(QLatin1String(" | "))));
    QVERIFY(aliases.contains(QStringLiteral("北京航空航天大学")));
    QCOMPARE(beihang->valuesOf(QStringLiteral("country")), QStringList{QStringLiteral("cn")});
    QVERIFY(beihang->valuesOf(QStringLiteral("address"))
                .contains(QStringLiteral("37 Xueyuan Road, Haidian District, Beijing, China")));
    const auto s = cf.entities().entityById(
        QStringLiteral("bis-beijing-university-of-aeronautics-and-astronautics-buaa-sanction"));
    QVERIFY(s);
    QCOMPARE(s->valuesOf(QStringLiteral("authority")), QStringList{QStringLiteral("BIS")});
    QCOMPARE(s->valuesOf(QStringLiteral("program")), QStringList{QStringLiteral("Entity List")});
}

void SanctionsImportTest::cslCsvAndJson()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("csl.casegraph"))).ok());
    const auto r = ImportJob::run(cf, fixture(QStringLiteral("csl_example.csv")));
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("csl"));
    const qint64 rows = ofacRecords(fixture(QStringLiteral("csl_example.csv"))).size() - 1; // less the header
    QCOMPARE(r->created, 2 * rows);
    const auto trading = cf.entities().entityById(QStringLiteral("csl-example-el-0001"));
    QVERIFY(trading);
    QCOMPARE(trading->schema, QStringLiteral("Company"));
    QCOMPARE(trading->valuesOf(QStringLiteral("alias")),
             (QStringList{QStringLiteral("Example Trading"), QStringLiteral("ETC Example")}));
    QCOMPARE(trading->valuesOf(QStringLiteral("country")), QStringList{QStringLiteral("cn")});
    const auto s = cf.entities().entityById(QStringLiteral("csl-example-el-0001-sanction"));
    QVERIFY(s);
    QCOMPARE(s->valuesOf(QStringLiteral("authority")), QStringList{QStringLiteral("Bureau of Industry and Security")});
    QCOMPARE(s->valuesOf(QStringLiteral("program")), QStringList{QStringLiteral("Entity List (EL)")});
    QCOMPARE(s->valuesOf(QStringLiteral("listingDate")), QStringList{QStringLiteral("2020-01-02")});
    QCOMPARE(s->valuesOf(QStringLiteral("authorityId")), QStringList{QStringLiteral("00 FR 00000")});
    QCOMPARE(s->valuesOf(QStringLiteral("reason")),
             QStringList{QStringLiteral("For all items subject to the EAR. (See §744.11 of the EAR).")});
    QCOMPARE(s->valuesOf(QStringLiteral("provisions")), QStringList{QStringLiteral("Presumption of denial.")});
    const auto jane = cf.entities().entityById(QStringLiteral("csl-example-sdn-99901"));
    QCOMPARE(jane->schema, QStringLiteral("Person"));
    QCOMPARE(jane->valuesOf(QStringLiteral("birthDate")), QStringList{QStringLiteral("1970-01-01")});
    QCOMPARE(
        cf.entities().entityById(QStringLiteral("csl-example-sdn-99901-sanction"))->valuesOf(QStringLiteral("program")),
        (QStringList{QStringLiteral("Specially Designated Nationals (SDN)"), QStringLiteral("SDGT"),
                     QStringLiteral("IRAN")}));
    const auto vessel = cf.entities().entityById(QStringLiteral("csl-example-sdn-99902"));
    QCOMPARE(vessel->schema, QStringLiteral("Vessel"));
    QCOMPARE(vessel->valuesOf(QStringLiteral("flag")), QStringList{QStringLiteral("pa")});
    QCOMPARE(vessel->valuesOf(QStringLiteral("tonnage")), QStringList{QStringLiteral("1000")});
    QCOMPARE(
        cf.entities().entityById(QStringLiteral("csl-example-dpl-0001-sanction"))->valuesOf(QStringLiteral("endDate")),
        QStringList{QStringLiteral("2029-05-06")});

    // The JSON export of the same list says the same things.
    const QByteArray before = checksum(cf);
    const auto j = ImportJob::run(cf, fixture(QStringLiteral("csl_example.json")));
    QVERIFY2(j.ok(), qPrintable(j ? QString() : j.error().toString()));
    QCOMPARE(j->format, QStringLiteral("csl"));
    QCOMPARE(j->created, 0);
    QCOMPARE(j->merged, 0);
    QCOMPARE(j->unchanged, 2 * rows);
    QCOMPARE(checksum(cf), before);
}

void SanctionsImportTest::reimportMerges()
{
    const QString file = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv"));
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
    QCOMPARE(second->unchanged, first->created);
    QCOMPARE(checksum(cf), before);
    const auto e = cf.entities().entityById(QStringLiteral("ofac-4632"));
    for (const auto &v : e->values) {
        QCOMPARE(v.provenanceId, first->provenanceId);
    }
}

void SanctionsImportTest::hostileXml_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        laughs += QStringLiteral(" <!ENTITY lol%1 \"%2\">\n")
                      .arg(i)
                      .arg(QStringLiteral("&lol%1;").arg(i == 1 ? QString() : QString::number(i - 1)).repeated(10))
                      .toUtf8();
    }
    laughs += "]>\n<sdnList><sdnEntry><uid>1</uid><lastName>&lol9;</lastName></sdnEntry></sdnList>\n";
    QTest::newRow("billion laughs") << QStringLiteral("ofac-xml") << laughs << QStringLiteral("declares entities");
    QTest::newRow("external entity")
        << QStringLiteral("un-xml")
        << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>\n"
                      "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&ext;</FIRST_NAME>"
                      "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>")
        << QStringLiteral("declares entities");
    QTest::newRow("undeclared entity")
        << QStringLiteral("ofac-xml")
        << QByteArray("<sdnList><sdnEntry><uid>1</uid><lastName>&nope;</lastName></sdnEntry></sdnList>")
        << QStringLiteral("nope");
    QTest::newRow("truncated") << QStringLiteral("ofac-xml")
                               << QByteArray("<sdnList>\n<sdnEntry><uid>1</uid><lastName>A</lastName></sdnEntry>\n"
                                             "<sdnEntry><uid>2</uid><lastNa")
                               << QStringLiteral("malformed XML");
    QTest::newRow("binary garbage") << QStringLiteral("un-xml") << QByteArray("\x00\x01\x02\xff\xfe garbage", 15)
                                    << QStringLiteral("malformed XML");
    QTest::newRow("wrong root") << QStringLiteral("un-xml") << QByteArray("<sdnList></sdnList>")
                                << QStringLiteral("unexpected root element <sdnList>");
    QByteArray deep = "<sdnList><sdnEntry><uid>1</uid>";
    deep += QByteArray("<a>").repeated(40) + QByteArray("</a>").repeated(40) + "</sdnEntry></sdnList>";
    QTest::newRow("deep") << QStringLiteral("ofac-xml") << deep << QStringLiteral("nested deeper");
    QTest::newRow("entry without uid") << QStringLiteral("ofac-xml")
                                       << QByteArray(
                                              "<sdnList>\n<sdnEntry><lastName>A</lastName></sdnEntry>\n</sdnList>")
                                       << QStringLiteral("entry 1: the sdnEntry has no <uid>");
}

void SanctionsImportTest::hostileXml()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("h.casegraph"))).ok());
    QVERIFY(ImportJob::run(cf, fixture(QStringLiteral("csl_example.csv"))).ok());
    const QByteArray before = checksum(cf);
    const QString input = write(QStringLiteral("hostile.xml"), content);
    for (bool lenient : {false, true}) {
        const auto r = ImportJob::run(cf, input, {format, lenient});
        if (lenient && reason.startsWith(QLatin1String("entry 1"))) {
            QVERIFY(r.ok()); // a bad entry is skipped in lenient mode
            QCOMPARE(r->rejected.size(), 1);
            continue;
        }
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().toString()));
        QCOMPARE(r.error().file, input);
        QVERIFY(r.error().line > 0);
    }
    QCOMPARE(checksum(cf), before);
}

void SanctionsImportTest::hostileCsvAndJson_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("reason");
    const QByteArray good = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    QTest::newRow("NUL byte") << QStringLiteral("ofac-csv") << good + QByteArray("37,\"X\0Y\"", 8) << qint64(2)
                              << QStringLiteral("binary data");
    QTest::newRow("unterminated quote") << QStringLiteral("ofac-csv") << good + "37,\"NEVER ENDS,-0- \r\n"
                                        << qint64(2) << QStringLiteral("not closed");
    QTest::newRow("wrong field count") << QStringLiteral("ofac-csv") << good + good + "38,\"SHORT\",-0- \r\n"
                                       << qint64(3) << QStringLiteral("expected 12 fields, found 3");
    QTest::newRow("entity number") << QStringLiteral("ofac-csv") << good + QByteArray(good).replace("36,", "x6,")
                                   << qint64(2) << QStringLiteral("not a number");
    QTest::newRow("row over 16 MiB") << QStringLiteral("ofac-csv")
                                     << good + "37,\"" + QByteArray(17 << 20, 'A') + "\",-0- \r\n"
                                     << qint64(2) << QStringLiteral("longer than 16 MiB");
    QTest::newRow("not an OFAC table") << QStringLiteral("ofac-csv") << QByteArray("a,b\n1,2\n") << qint64(1)
                                       << QStringLiteral("not an OFAC legacy CSV");
    QTest::newRow("CSL without its columns") << QStringLiteral("csl") << QByteArray("id,title\n1,x\n") << qint64(1)
                                             << QStringLiteral("no \"source\" and \"name\" columns");
    QTest::newRow("CSL bad start date") << QStringLiteral("csl")
                                        << QByteArray(
                                               "source,name,start_date\nEntity List (EL) - BIS,Example Co.,someday\n")
                                        << qint64(2) << QStringLiteral("invalid date \"someday\"");
    QTest::newRow("CSL JSON truncated") << QStringLiteral("csl")
                                        << QByteArray("{\"results\":[\n{\"source\":\"SDN\",\"name\":\"Example")
                                        << qint64(2) << QStringLiteral("truncated");
    QTest::newRow("CSL JSON deep") << QStringLiteral("csl")
                                   << QByteArray("{\"results\":[\n") + QByteArray(70, '[') + QByteArray(70, ']') + "]}"
                                   << qint64(2) << QStringLiteral("deeper than 64");
    QTest::newRow("BIS entry without a name")
        << QStringLiteral("bis-json") << QByteArray("{\"entries\":[\n{\"raw\":\"Something\"}]}") << qint64(2)
        << QStringLiteral("entry 1: expected an object with a \"name\"");
}

void SanctionsImportTest::hostileCsvAndJson()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, content);
    QFETCH(qint64, line);
    QFETCH(QString, reason);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("h.casegraph"))).ok());
    QVERIFY(ImportJob::run(cf, fixture(QStringLiteral("csl_example.json"))).ok());
    const QByteArray before = checksum(cf);
    const QString input = write(QStringLiteral("hostile.dat"), content);
    const auto r = ImportJob::run(cf, input, {format, false});
    QVERIFY(!r.ok());
    const QString shown = r.error().toString();
    QVERIFY2(r.error().message.contains(reason), qPrintable(shown));
    QVERIFY2(shown.startsWith(input + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')), qPrintable(shown));
    QCOMPARE(checksum(cf), before);
}

void SanctionsImportTest::lenientSkipsBadRows()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("len.casegraph"))).ok());
    const QString input =
        write(QStringLiteral("sdn.csv"),
              "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
              "37,\"SHORT\",-0- \r\n"
              "38,\"EXAMPLE, Jane\",\"individual\",\"SDGT] [IRAN\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
              "\"DOB 01 Jan 1970; POB Example Town.\"\r\n"
              "x9,\"NOT A NUMBER\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
              "\x1a");
    QVERIFY(!ImportJob::run(cf, input).ok());
    const auto r = ImportJob::run(cf, input, {QString(), true});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("ofac-csv"));
    QCOMPARE(r->created, 4);
    QCOMPARE(r->rejected.size(), 2);
    QCOMPARE(r->rejected.at(0).line, 2);
    QCOMPARE(r->rejected.at(1).line, 4);
    const auto jane = cf.entities().entityById(QStringLiteral("ofac-38"));
    QVERIFY(jane);
    QCOMPARE(jane->valuesOf(QStringLiteral("birthDate")), QStringList{QStringLiteral("1970-01-01")});
    QCOMPARE(jane->valuesOf(QStringLiteral("birthPlace")), QStringList{QStringLiteral("Example Town")});
    QCOMPARE(cf.entities().entityById(QStringLiteral("ofac-38-sanction"))->valuesOf(QStringLiteral("program")),
             (QStringList{QStringLiteral("SDGT"), QStringLiteral("IRAN")}));
}

void SanctionsImportTest::detectsFormat()
{
    const QString dir = Casegraph::Tests::testData(QStringLiteral("sanctions"));
    if (dir.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    for (const QFileInfo &f : QDir(dir).entryInfoList(QDir::Files, QDir::Name)) {
        const auto detected = ImportJob::detectFormat(f.filePath());
        QVERIFY2(detected.ok() && *detected == expectedFormat(f.fileName()),
                 qPrintable(f.fileName() + QLatin1String(": ") + (detected ? *detected : detected.error().message)));
    }
    for (const QString &name : {QStringLiteral("csl_example.csv"), QStringLiteral("csl_example.json")}) {
        QCOMPARE(ImportJob::detectFormat(fixture(name)).value(), QStringLiteral("csl"));
    }
}

void SanctionsImportTest::cliImportsEachFormat()
{
    QString cli;
#ifdef CASEGRAPH_CLI
    cli = QStringLiteral(CASEGRAPH_CLI);
#endif
    if (cli.isEmpty() || !QFileInfo::exists(cli)) {
        QSKIP("casegraph-cli is not built");
    }
    const QString data = Casegraph::Tests::testData(QStringLiteral("."));
    if (data.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QString c = path(QStringLiteral("cli.casegraph"));
    QCOMPARE(Casegraph::Tests::run(cli, {QStringLiteral("new"), c}).exitCode, 0);
    const QList<std::pair<QString, QString>> files = {
        {QStringLiteral("ocds"),
         Casegraph::Tests::testData(QStringLiteral("ocds/fictional_1.1_release_package_ocds-213czf-000-00001.json"))},
        {QStringLiteral("bods"), Casegraph::Tests::testData(QStringLiteral("bods/v0.4_examples/tecido.json"))},
        {QStringLiteral("csl"), fixture(QStringLiteral("csl_example.csv"))},
        {QStringLiteral("ofac-csv"), Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv"))},
        {QStringLiteral("ofac-xml"),
         Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_consolidated_nonsdn_2018-04-06.xml"))},
        {QStringLiteral("un-xml"),
         Casegraph::Tests::testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"))},
        {QStringLiteral("bis-json"),
         Casegraph::Tests::testData(QStringLiteral("sanctions/bis_entity_list_cn_universities.json"))},
    };
    for (const auto &[format, file] : files) {
        const auto r = Casegraph::Tests::run(cli, {QStringLiteral("--json"), QStringLiteral("import"), c, file});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(summary.value(QLatin1String("format")).toString(), format);
        QCOMPARE(summary.value(QLatin1String("rejected")).toInteger(), 0);
    }
    // The empty OCDS sample: a clear error, with or without --format.
    const QString empty = write(QStringLiteral("empty.json"), {});
    auto r = Casegraph::Tests::run(cli, {QStringLiteral("import"), c, empty});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.trimmed().startsWith(empty + QLatin1String(": empty file")), qPrintable(r.err));
    r = Casegraph::Tests::run(cli,
                              {QStringLiteral("import"), c, empty, QStringLiteral("--format"), QStringLiteral("ocds")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.trimmed().startsWith(empty + QLatin1String(": empty file")), qPrintable(r.err));
    // A malformed release names its line and column.
    const QString bad =
        write(QStringLiteral("bad.json"), "{\"releases\":[\n{\"ocid\":\"ocds-a1b2c3-1\"},\n{\"tender\":{}}]}");
    r = Casegraph::Tests::run(cli, {QStringLiteral("import"), c, bad});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(bad + QLatin1String(":3:1: release 2: the release has no \"ocid\"")), qPrintable(r.err));
}

QTEST_MAIN(SanctionsImportTest)
#include "sanctionsimport_test.moc"

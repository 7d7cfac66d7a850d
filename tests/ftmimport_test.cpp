// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "io/ftmreader.h"
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

/// What a test expects from a file, computed by parsing it with Qt's JSON parser (never the
/// importer's) and the schema registry.
struct Expected {
    QMap<QString, qint64> perSchema;
    QSet<QString> ids;
    qint64 dangling = 0;
    qint64 unknownValues = 0;
    qint64 firstUnknownLine = 0;
    QString firstUnknownProperty;
};

Expected expectationsFor(const QString &path)
{
    Expected ex;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<QJsonObject> entities;
    QList<qint64> lines;
    qint64 lineNo = 0;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        ++lineNo;
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QLatin1String("op"))) {
            o = o.value(QLatin1String("entity")).toObject();
        }
        entities << o;
        lines << lineNo;
    }
    QHash<QString, QString> schemaOf;
    for (const auto &o : std::as_const(entities)) {
        schemaOf.insert(o.value(QLatin1String("id")).toString(), o.value(QLatin1String("schema")).toString());
    }
    for (auto it = schemaOf.cbegin(); it != schemaOf.cend(); ++it) {
        ex.perSchema[it.value()] += 1;
        ex.ids.insert(it.key());
    }
    const auto &reg = SchemaRegistry::instance();
    for (qsizetype i = 0; i < entities.size(); ++i) {
        const QJsonObject &o = entities.at(i);
        const Schema *schema = reg.schema(o.value(QLatin1String("schema")).toString());
        const QJsonObject props = o.value(QLatin1String("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            const PropertySpec *spec = schema ? schema->property(it.key()) : nullptr;
            for (const auto &v : it.value().toArray()) {
                if (!spec) {
                    ++ex.unknownValues;
                    if (!ex.firstUnknownLine) {
                        ex.firstUnknownLine = lines.at(i);
                        ex.firstUnknownProperty = it.key();
                    }
                } else if (spec->type == PropertyType::Entity && !ex.ids.contains(v.toString())) {
                    ++ex.dangling;
                }
            }
        }
    }
    return ex;
}

QMap<QString, qint64> countsOf(const CaseFile &cf)
{
    QMap<QString, qint64> out;
    for (const auto &[schema, n] : cf.entities().countsBySchema()) {
        out.insert(schema, n);
    }
    return out;
}

} // namespace

class FtmImportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importsTestData_data();
    void importsTestData();
    void strictRefusesUnknownProperty();
    void lenientKeepsUnknownProperties();
    void badInput_data();
    void badInput();
    void lenientSkipsBadRecords();
    void reimportChangesNothing();
    void mergeKeepsFirstProvenance();
    void cancelLeavesCaseUnchanged();
    void blankLinesCrlfAndBom();
    void overlongLineIsRejected();
    void detectsFormat();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString write(const QString &name, const QByteArray &content) const;
    /// A fresh case holding the small fixture, so "unchanged" means something.
    std::unique_ptr<CaseFile> seededCase(const QString &name) const;
    QByteArray exportChecksum(const CaseFile &cf) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void FtmImportTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString FtmImportTest::write(const QString &name, const QByteArray &content) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(f.fileName()));
    }
    return f.fileName();
}

std::unique_ptr<CaseFile> FtmImportTest::seededCase(const QString &name) const
{
    auto cf = std::make_unique<CaseFile>();
    if (!cf->create(path(name)).ok()) {
        return nullptr;
    }
    const auto r = ImportJob::run(*cf, Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json")));
    if (!r || r->created != 5) {
        qWarning() << "seeding failed:" << (r ? QString() : r.error().toString());
        return nullptr;
    }
    return cf;
}

QByteArray FtmImportTest::exportChecksum(const CaseFile &cf) const
{
    const QString out = path(QStringLiteral("checksum.ftm.json"));
    const auto n = FtmWriter::write(cf, out);
    if (!n) {
        return {};
    }
    QFile f(out);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

void FtmImportTest::importsTestData_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("lenient");
    QTest::newRow("OpenSanctions export (t1)") << QStringLiteral("ftm/yente_t1_entities.ftm.json") << false;
    QTest::newRow("OpenSanctions export with newer properties (zala)")
        << QStringLiteral("ftm/yente_zala_entities.ftm.json") << true;
    QTest::newRow("plain FtM (donations)") << QStringLiteral("ftm/nomenklatura_donations.ijson") << false;
    QTest::newRow("delta file") << QStringLiteral("ftm/yente_t2_wnk_entities.delta.json") << false;
}

void FtmImportTest::importsTestData()
{
    QFETCH(QString, file);
    QFETCH(bool, lenient);
    const QString input = Casegraph::Tests::testData(file);
    if (input.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const Expected ex = expectationsFor(input);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("t.casegraph"))).ok());
    QSignalSpy reset(&cf, &CaseFile::entitiesReset);
    qint64 lastBytes = -1;
    const auto r = ImportJob::run(cf, input, {QString(), lenient}, [&](qint64 done, qint64 total, qint64) {
        lastBytes = done;
        return done <= total;
    });
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("ftm"));
    QCOMPARE(r->created, qint64(ex.ids.size()));
    QCOMPARE(r->rejected.size(), 0);
    QCOMPARE(r->dangling, ex.dangling);
    QCOMPARE(r->unknownProperties, ex.unknownValues);
    QCOMPARE(lastBytes, QFileInfo(input).size());
    QCOMPARE(countsOf(cf), ex.perSchema);
    QCOMPARE(reset.count(), 1);

    const auto prov = cf.provenance(r->provenanceId);
    QVERIFY(prov.has_value());
    QCOMPARE(prov->kind, Provenance::Kind::Import);
    QCOMPARE(prov->label, QFileInfo(input).fileName());
}

void FtmImportTest::strictRefusesUnknownProperty()
{
    const QString input = Casegraph::Tests::testData(QStringLiteral("ftm/yente_zala_entities.ftm.json"));
    if (input.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const Expected ex = expectationsFor(input);
    QVERIFY(ex.firstUnknownLine > 0);
    auto cf = seededCase(QStringLiteral("s.casegraph"));
    QVERIFY(cf);
    const QByteArray before = exportChecksum(*cf);
    const auto r = ImportJob::run(*cf, input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, input);
    QCOMPARE(r.error().line, ex.firstUnknownLine);
    QVERIFY2(r.error().message.contains(QLatin1Char('"') + ex.firstUnknownProperty + QLatin1Char('"')),
             qPrintable(r.error().toString()));
    QVERIFY(r.error().toString().startsWith(input + QLatin1Char(':') + QString::number(ex.firstUnknownLine) +
                                            QLatin1String(": ")));
    QCOMPARE(exportChecksum(*cf), before);
    QCOMPARE(cf->entities().count(), 5);
}

void FtmImportTest::lenientKeepsUnknownProperties()
{
    const QString input = Casegraph::Tests::testData(QStringLiteral("ftm/yente_zala_entities.ftm.json"));
    if (input.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const Expected ex = expectationsFor(input);
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("l.casegraph"))).ok());
    QVERIFY(ImportJob::run(cf, input, {QString(), true}).ok());
    qint64 flagged = 0;
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        if (v.property == ex.firstUnknownProperty) {
                            flagged += (v.flags & UnknownProperty) != 0;
                        } else if (v.flags & UnknownProperty) {
                            return false; // a known property must never carry the flag
                        }
                    }
                    return true;
                })
                .ok());
    QCOMPARE(flagged, ex.unknownValues);
}

void FtmImportTest::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<QString>("reason");
    const QByteArray good1 = R"({"id":"x-1","schema":"Company","properties":{"name":["Alpha Ltd"]}})" "\n";
    const QByteArray good2 = R"({"id":"x-2","schema":"Person","properties":{"name":["Bo Berg"]}})" "\n";
    const QByteArray head = good1 + good2;
    QByteArray deep = R"({"id":"x-3","schema":"Company","properties":{},"deep":)";
    deep += QByteArray(70, '[') + QByteArray(70, ']') + "}\n";
    QTest::newRow("malformed JSON") << head + R"({"id":"x-3","schema":"Company",properties:{}})" "\n" << qint64(3)
                                    << QStringLiteral("malformed JSON");
    QTest::newRow("truncated line") << head + R"({"id":"x-3","schema":"Comp)" << qint64(3)
                                    << QStringLiteral("malformed JSON");
    QTest::newRow("not an object") << head + "[1,2]\n" << qint64(3) << QStringLiteral("expected a JSON object");
    QTest::newRow("unknown schema") << head + R"({"id":"x-3","schema":"Spaceship","properties":{}})" "\n"
                                    << qint64(3) << QStringLiteral("unknown schema \"Spaceship\"");
    QTest::newRow("abstract schema") << head + R"({"id":"x-3","schema":"Thing","properties":{}})" "\n"
                                     << qint64(3) << QStringLiteral("abstract");
    QTest::newRow("missing id") << head + R"({"schema":"Company","properties":{}})" "\n" << qint64(3)
                                << QStringLiteral("no \"id\"");
    QTest::newRow("empty id") << head + R"({"id":" ","schema":"Company","properties":{}})" "\n" << qint64(3)
                              << QStringLiteral("empty \"id\"");
    QTest::newRow("missing schema") << head + R"({"id":"x-3","properties":{}})" "\n" << qint64(3)
                                    << QStringLiteral("no \"schema\"");
    QTest::newRow("properties not an object") << head + R"({"id":"x-3","schema":"Company","properties":[]})" "\n"
                                              << qint64(3) << QStringLiteral("\"properties\" must be an object");
    QTest::newRow("value not an array") << head + R"({"id":"x-3","schema":"Company","properties":{"name":"A"}})" "\n"
                                        << qint64(3) << QStringLiteral("must be an array of strings");
    QTest::newRow("number value") << head + R"({"id":"x-3","schema":"Company","properties":{"name":[42]}})" "\n"
                                  << qint64(3) << QStringLiteral("not a string: 42");
    QTest::newRow("unknown property") << head + R"({"id":"x-3","schema":"Company","properties":{"wingspan":["3"]}})"
                                                "\n"
                                      << qint64(3) << QStringLiteral("no property \"wingspan\"");
    QTest::newRow("invalid date")
        << head + R"({"id":"x-3","schema":"Company","properties":{"incorporationDate":["2019-13-45"]}})" "\n"
        << qint64(3) << QStringLiteral("invalid date \"2019-13-45\"");
    QTest::newRow("delete operation") << head + R"({"op":"DEL","entity":{"id":"x-1"}})" "\n" << qint64(3)
                                      << QStringLiteral("DEL is not supported");
    QTest::newRow("nested too deep") << head + deep << qint64(3) << QStringLiteral("deeper than 64");
    QTest::newRow("bad record after blank lines") << good1 + "\n\n" + R"({"id":"x-3"})" "\n" << qint64(4)
                                                  << QStringLiteral("no \"schema\"");
    QTest::newRow("invalid UTF-8") << head + "{\"id\":\"x-3\",\"schema\":\"Company\",\"properties\":{\"name\":[\"\xff\"]}}\n"
                                   << qint64(3) << QStringLiteral("UTF-8");
}

void FtmImportTest::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, line);
    QFETCH(QString, reason);
    auto cf = seededCase(QStringLiteral("b.casegraph"));
    QVERIFY(cf);
    const QByteArray before = exportChecksum(*cf);
    QVERIFY(!before.isEmpty());
    const QString input = write(QStringLiteral("bad.ftm.json"), content);
    QSignalSpy reset(cf.get(), &CaseFile::entitiesReset);
    const auto r = ImportJob::run(*cf, input, {QStringLiteral("ftm"), false});
    QVERIFY(!r.ok());
    const QString shown = r.error().toString();
    QVERIFY2(shown.startsWith(input + QLatin1Char(':') + QString::number(line) + QLatin1Char(':')), qPrintable(shown));
    QVERIFY2(r.error().message.contains(reason), qPrintable(shown));
    QCOMPARE(cf->entities().count(), 5);
    QCOMPARE(exportChecksum(*cf), before);
    QCOMPARE(reset.count(), 0);
}

void FtmImportTest::lenientSkipsBadRecords()
{
    auto cf = seededCase(QStringLiteral("len.casegraph"));
    QVERIFY(cf);
    const QString input = write(QStringLiteral("mixed.ftm.json"), R"({"id":"m-1","schema":"Company","properties":{"name":["Good One"]}}
{"id":"m-2","schema":"Spaceship","properties":{}}
{"id":"m-3","schema":"Company","properties":{"name":["Good Three"],"wingspan":["40 m"]}}
{broken
{"id":"m-5","schema":"Company","properties":{"incorporationDate":["2019-13-45"]}}
{"id":"m-6","schema":"Company","properties":{"name":["Six"],"sector":[7, true, 1.5]}}
{"id":"pe-1","schema":"Company","properties":{"name":["Jane Roe Ltd"]}}
)");
    const auto r = ImportJob::run(*cf, input, {QString(), true});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3);
    QCOMPARE(r->unknownProperties, 1);
    QCOMPARE(r->rejected.size(), 4);
    QList<qint64> lines;
    for (const auto &e : r->rejected) {
        QCOMPARE(e.file, input);
        lines << e.line;
    }
    QCOMPARE(lines, (QList<qint64>{2, 4, 5, 7}));
    QVERIFY(r->rejected.at(3).message.contains(QLatin1String("Person")));      // pe-1 is a Person already
    QCOMPARE(r->rejected.at(1).column > 0, true);                               // JSON errors say where
    QCOMPARE(cf->entities().count(), 8);
    const auto six = cf->entities().entityById(QStringLiteral("m-6"));
    QVERIFY(six);
    QCOMPARE(six->valuesOf(QStringLiteral("sector")), (QStringList{QStringLiteral("7"), QStringLiteral("true"),
                                                                    QStringLiteral("1.5")}));
    const auto three = cf->entities().entityById(QStringLiteral("m-3"));
    QVERIFY(three);
    QCOMPARE(three->valuesOf(QStringLiteral("wingspan")), QStringList{QStringLiteral("40 m")});
    QCOMPARE(cf->entities().entityById(QStringLiteral("pe-1"))->schema, QStringLiteral("Person"));

    const QString report = path(QStringLiteral("mixed.rejected.txt"));
    QVERIFY(ImportJob::writeReport(*r, report).ok());
    QFile f(report);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList reportLines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(reportLines.size(), 4);
    QVERIFY(reportLines.at(0).startsWith(input + QLatin1String(":2: ")));
}

void FtmImportTest::reimportChangesNothing()
{
    const QString input = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"));
    auto cf = seededCase(QStringLiteral("re.casegraph"));
    QVERIFY(cf);
    const QByteArray before = exportChecksum(*cf);
    const auto r = ImportJob::run(*cf, input);
    QVERIFY(r.ok());
    QCOMPARE(r->created, 0);
    QCOMPARE(r->merged, 0);
    QCOMPARE(r->unchanged, 5);
    QCOMPARE(r->dangling, 0); // the old values keep the first import's provenance
    QCOMPARE(exportChecksum(*cf), before);
}

void FtmImportTest::mergeKeepsFirstProvenance()
{
    auto cf = seededCase(QStringLiteral("merge.casegraph"));
    QVERIFY(cf);
    const auto firstProv = cf->entities().entityById(QStringLiteral("co-1"))->values.first().provenanceId;
    const QString second = write(QStringLiteral("second.ftm.json"), R"({"id":"co-1","schema":"Company","properties":{"name":["Northwind Trading Ltd","Northwind Holdings"],"country":["gb"]}}
{"id":"new-1","schema":"Company","properties":{"name":["Fresh Co"]}}
)");
    const auto r = ImportJob::run(*cf, second);
    QVERIFY(r.ok());
    QCOMPARE(r->merged, 1);
    QCOMPARE(r->created, 1);
    QCOMPARE(r->unchanged, 0);
    QVERIFY(r->provenanceId != firstProv);
    const auto e = cf->entities().entityById(QStringLiteral("co-1"));
    QVERIFY(e);
    QCOMPARE(e->valuesOf(QStringLiteral("name")),
             (QStringList{QStringLiteral("Northwind Trading Ltd"), QStringLiteral("Northwind Holdings")}));
    for (const auto &v : e->values) {
        const qint64 expected = v.value == QLatin1String("Northwind Holdings") ? r->provenanceId : firstProv;
        QCOMPARE(v.provenanceId, expected);
    }
    QCOMPARE(cf->provenance(r->provenanceId)->label, QStringLiteral("second.ftm.json"));
}

void FtmImportTest::cancelLeavesCaseUnchanged()
{
    auto cf = seededCase(QStringLiteral("cancel.casegraph"));
    QVERIFY(cf);
    const QByteArray before = exportChecksum(*cf);
    QByteArray content;
    for (int i = 0; i < 5000; ++i) {
        content += QStringLiteral(R"({"id":"gen-%1","schema":"Company","properties":{"name":["Generated %1 Ltd"]}})")
                       .arg(i)
                       .toUtf8() +
                   '\n';
    }
    const QString input = write(QStringLiteral("many.ftm.json"), content);
    int calls = 0;
    qint64 recordsAtCancel = 0;
    const auto r = ImportJob::run(*cf, input, {}, [&](qint64 done, qint64 total, qint64 records) {
        ++calls;
        recordsAtCancel = records;
        return !(done > 0 && done < total && calls == 2);
    });
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QLatin1String("cancelled")));
    QCOMPARE(calls, 2);
    QCOMPARE(recordsAtCancel, 2000);
    QCOMPARE(cf->entities().count(), 5);
    QCOMPARE(exportChecksum(*cf), before);
    // The case is still usable: the same import without the cancel goes through.
    const auto again = ImportJob::run(*cf, input);
    QVERIFY(again.ok());
    QCOMPARE(again->created, 5000);
}

void FtmImportTest::blankLinesCrlfAndBom()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("crlf.casegraph"))).ok());
    const QString input = write(QStringLiteral("crlf.ftm.json"),
                                "\xEF\xBB\xBF{\"id\":\"c-1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"CR\"]}}\r\n"
                                "\r\n   \n"
                                "{\"id\":\"c-2\",\"schema\":\"Company\",\"properties\":{\"name\":[\"LF\"]}}\r\n"
                                "{\"id\":\"c-3\",\"schema\":\"Company\"}");
    const auto r = ImportJob::run(cf, input);
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->created, 3);
    QCOMPARE(cf.entities().entityById(QStringLiteral("c-1"))->first(QStringLiteral("name")), QStringLiteral("CR"));
}

void FtmImportTest::overlongLineIsRejected()
{
    auto cf = seededCase(QStringLiteral("long.casegraph"));
    QVERIFY(cf);
    QByteArray content = R"({"id":"ok-1","schema":"Company","properties":{"name":["Before"]}})" "\n";
    content += R"({"id":"big","schema":"Company","properties":{"notes":[")";
    content += QByteArray(FtmReader::MaxLineBytes, 'a');
    content += "\"]}}\n";
    content += R"({"id":"ok-2","schema":"Company","properties":{"name":["After"]}})" "\n";
    const QString input = write(QStringLiteral("long.ftm.json"), content);
    content.clear();
    const auto strict = ImportJob::run(*cf, input);
    QVERIFY(!strict.ok());
    QCOMPARE(strict.error().line, 2);
    QVERIFY(strict.error().message.contains(QLatin1String("64 MiB")));
    QCOMPARE(cf->entities().count(), 5);
    const auto lenient = ImportJob::run(*cf, input, {QString(), true});
    QVERIFY(lenient.ok());
    QCOMPARE(lenient->created, 2);
    QCOMPARE(lenient->rejected.size(), 1);
    QCOMPARE(lenient->rejected.first().line, 2);
}

void FtmImportTest::detectsFormat()
{
    const QString ftm = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"));
    QCOMPARE(ImportJob::detectFormat(ftm).value(), QStringLiteral("ftm"));
    const QString delta = write(QStringLiteral("d.json"), "\n\n{\"op\":\"ADD\",\"entity\":{}}\n");
    QCOMPARE(ImportJob::detectFormat(delta).value(), QStringLiteral("ftm"));
    const QString csv = write(QStringLiteral("x.dat"), "hello world\n");
    QVERIFY(!ImportJob::detectFormat(csv).ok());
    const QString other = write(QStringLiteral("o.json"), "{\"name\":\"not an entity\"}\n");
    QVERIFY(!ImportJob::detectFormat(other).ok());
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("fmt.casegraph"))).ok());
    const auto r = ImportJob::run(cf, ftm, {QStringLiteral("xml"), false});
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QLatin1String("ftm")));
}

QTEST_MAIN(FtmImportTest)
#include "ftmimport_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvmapping.h"
#include "io/csvparser.h"
#include "io/csvpreview.h"
#include "io/importjob.h"
#include "io/textdecoder.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

QString fixture(const QString &name) {
    return Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/") + name);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList namesIn(const CaseFile &cf, const QString &schema = {}) {
    QStringList names;
    (void)cf.entities().forEach([&](const Entity &e) {
        if (schema.isEmpty() || e.schema == schema) {
            names += e.valuesOf(QStringLiteral("name"));
        }
        return true;
    });
    names.sort();
    return names;
}

/// All records of a text, parsed with CsvParser (UTF-8, the given dialect).
QList<QStringList> parse(const QByteArray &text, CsvParser::Dialect dialect, QList<qint64> *lines = nullptr) {
    QBuffer buffer;
    buffer.setData(text);
    buffer.open(QIODevice::ReadOnly);
    CsvParser parser;
    if (!parser.open(&buffer, QStringLiteral("UTF-8"), 0, dialect, true)) {
        return {};
    }
    QList<QStringList> out;
    QStringList fields;
    while (parser.next(fields) == CsvParser::Next::Record) {
        out << fields;
        if (lines) {
            *lines << parser.line();
        }
    }
    return out;
}

} // namespace

class CsvImportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void parserQuoting();
    void parserLineNumbers();
    void sniffsDialect_data();
    void sniffsDialect();
    void encodings_data();
    void encodings();
    void encodingOverride();
    void idSchemaShape();
    void continuationRows();
    void mappingSecondEntityAndRelationship();
    void mappingRoundTripsThroughJson();
    void mappingErrors_data();
    void mappingErrors();
    void strictNamesLineAndColumn();
    void lenientSkipsBadRows();
    void withoutMappingOrIdColumns();
    void ofacSampleWithoutHeader();
    void guessesWhetherTheFirstRowNamesColumns_data();
    void guessesWhetherTheFirstRowNamesColumns();
    void hostileInput_data();
    void hostileInput();
    void overlongRecord();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString write(const QString &name, const QByteArray &content) const;
    std::unique_ptr<CaseFile> newCase(const QString &name) const;
    QString writeMapping(const QString &name, const QJsonObject &mapping) const {
        return write(name, QJsonDocument(mapping).toJson());
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void CsvImportTest::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString CsvImportTest::write(const QString &name, const QByteArray &content) const {
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(f.fileName()));
    }
    return f.fileName();
}

std::unique_ptr<CaseFile> CsvImportTest::newCase(const QString &name) const {
    auto cf = std::make_unique<CaseFile>();
    if (!cf->create(path(name)).ok()) {
        return nullptr;
    }
    return cf;
}

void CsvImportTest::parserQuoting() {
    const QByteArray text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n"
                            "\"multi\nline\",,x\n"
                            "\n"
                            "last,\"\",\"tail\"";
    const auto records = parse(text, {',', '"'});
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0), (QStringList{QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("say \"hi\"")}));
    QCOMPARE(records.at(1), (QStringList{QStringLiteral("multi\nline"), QString(), QStringLiteral("x")}));
    QCOMPARE(records.at(2), (QStringList{QStringLiteral("last"), QString(), QStringLiteral("tail")}));
    // A quote inside an unquoted field is text; CR alone ends a line; DOS EOF is ignored.
    const auto more = parse("12\" pipe;x\rnext;y\r\n\x1A", {';', '"'});
    QCOMPARE(more.size(), 2);
    QCOMPARE(more.at(0).first(), QStringLiteral("12\" pipe"));
    QCOMPARE(more.at(1).last(), QStringLiteral("y"));
}

void CsvImportTest::parserLineNumbers() {
    QList<qint64> lines;
    const auto records = parse("h1,h2\n\"a\nb\nc\",1\n\nx,2\n", {',', '"'}, &lines);
    QCOMPARE(records.size(), 3);
    QCOMPARE(lines, (QList<qint64>{1, 2, 6}));
}

void CsvImportTest::sniffsDialect_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("file");
    QTest::addColumn<char>("delimiter");
    QTest::newRow("comma") << QByteArray("id,schema,name\n1,Company,\"A; B\"\n2,Company,C\n") << QString() << ',';
    QTest::newRow("semicolon (European Excel)")
        << QByteArray("id;schema;name\n1;Company;A, B\n2;Company;C\n") << QString() << ';';
    QTest::newRow("tab") << QByteArray("id\tschema\tname\n1\tCompany\tA, B\n") << QString() << '\t';
    QTest::newRow("pipe") << QByteArray("id|schema|name\n1|Company|A\n2|Company|B\n") << QString() << '|';
    QTest::newRow("one column, .tsv name") << QByteArray("name\nA\nB\n") << QStringLiteral("x.tsv") << '\t';
}

void CsvImportTest::sniffsDialect() {
    QFETCH(QByteArray, text);
    QFETCH(QString, file);
    QFETCH(char, delimiter);
    QCOMPARE(CsvParser::sniff(text, file).delimiter, delimiter);
}

void CsvImportTest::encodings_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("names");
    QTest::newRow("GB18030 (simplified Chinese)")
        << QStringLiteral("names-gb18030.csv") << QStringLiteral("GB18030") << QStringLiteral("simplified");
    QTest::newRow("Big5 (traditional Chinese)")
        << QStringLiteral("names-big5.csv") << QStringLiteral("Big5") << QStringLiteral("traditional");
    QTest::newRow("UTF-16LE with BOM, tab-separated (Excel Unicode text)")
        << QStringLiteral("names-utf16le.txt") << QStringLiteral("UTF-16LE") << QStringLiteral("simplified");
    QTest::newRow("Windows-1252, semicolons")
        << QStringLiteral("names-cp1252.csv") << QStringLiteral("windows-1252") << QStringLiteral("latin");
    QTest::newRow("UTF-8 with BOM") << QStringLiteral("names-utf8-bom.csv") << QStringLiteral("UTF-8")
                                    << QStringLiteral("latin");
}

void CsvImportTest::encodings() {
    QFETCH(QString, file);
    QFETCH(QString, encoding);
    QFETCH(QString, names);
    const QByteArray bytes = readAll(fixture(file));
    QVERIFY(!bytes.isEmpty());
    QCOMPARE(TextDecoder::detect(bytes).encoding, encoding);
    QStringList expected;
    for (const auto &v : QJsonDocument::fromJson(readAll(fixture(QStringLiteral("names-expected.json"))))
                             .object()
                             .value(names)
                             .toArray()) {
        expected << v.toString();
    }
    expected.sort();
    auto cf = newCase(QStringLiteral("e.casegraph"));
    ImportOptions options;
    options.format = QStringLiteral("csv");
    const auto r = ImportJob::run(*cf, fixture(file), options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->created, expected.size());
    QCOMPARE(namesIn(*cf), expected);
}

void CsvImportTest::encodingOverride() {
    // Three bytes of GBK are too few for any detector: the mapping names the encoding.
    const QByteArray gbk = QByteArray("id,schema,name\n1,Company,") + QByteArray("\xD6\xD0\xB9\xFA") + "\n";
    const QString file = write(QStringLiteral("short.csv"), gbk);
    const QString mapping = writeMapping(
        QStringLiteral("m.json"),
        QJsonObject{
            {QStringLiteral("encoding"), QStringLiteral("GBK")},
            {QStringLiteral("entities"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("schema"), QStringLiteral("Company")},
                 {QStringLiteral("id"), QJsonObject{{QStringLiteral("column"), QStringLiteral("id")}}},
                 {QStringLiteral("properties"), QJsonObject{{QStringLiteral("name"), QStringLiteral("name")}}}}}}});
    auto cf = newCase(QStringLiteral("o.casegraph"));
    ImportOptions options;
    options.mappingPath = mapping;
    const auto r = ImportJob::run(*cf, file, options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(namesIn(*cf), QStringList{QString::fromUtf8("中国")});
    QVERIFY(cf->entities().entityById(QStringLiteral("1")));
}

void CsvImportTest::idSchemaShape() {
    const QString file = write(QStringLiteral("shape.csv"), "\xEF\xBB\xBFid,schema,name,country,incorporationDate\r\n"
                                                            "c1,company,Acme Ltd,GB,2001-02-03\r\n"
                                                            "p1,Person,\"Doe, Jane\",,\r\n"
                                                            "c2,Company,'=SUM(A1),,\r\n");
    auto cf = newCase(QStringLiteral("s.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("csv"));
    QCOMPARE(r->created, 3);
    const auto c1 = cf->entities().entityById(QStringLiteral("c1"));
    QVERIFY(c1);
    QCOMPARE(c1->schema, QStringLiteral("Company")); // schema names match case-insensitively
    QCOMPARE(c1->valuesOf(QStringLiteral("country")), QStringList{QStringLiteral("gb")});
    QCOMPARE(c1->valuesOf(QStringLiteral("incorporationDate")), QStringList{QStringLiteral("2001-02-03")});
    QCOMPARE(cf->entities().entityById(QStringLiteral("p1"))->first(QStringLiteral("name")),
             QStringLiteral("Doe, Jane"));
    // Our export's formula escape is undone.
    QCOMPARE(cf->entities().entityById(QStringLiteral("c2"))->first(QStringLiteral("name")),
             QStringLiteral("=SUM(A1)"));
}

void CsvImportTest::continuationRows() {
    const QString file = write(QStringLiteral("multi.csv"), "id,schema,name,alias\n"
                                                            "c1,Company,Acme,A1\n"
                                                            "c1,Company,,A2\n"
                                                            "c1,Company,,A3\n"
                                                            "c2,Company,Bolt,\n");
    auto cf = newCase(QStringLiteral("m.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY(r.ok());
    QCOMPARE(r->created, 2);
    QCOMPARE(r->merged, 0);
    QCOMPARE(cf->entities().entityById(QStringLiteral("c1"))->valuesOf(QStringLiteral("alias")),
             (QStringList{QStringLiteral("A1"), QStringLiteral("A2"), QStringLiteral("A3")}));
}

void CsvImportTest::mappingSecondEntityAndRelationship() {
    auto cf = newCase(QStringLiteral("own.casegraph"));
    ImportOptions options;
    options.mappingPath = fixture(QStringLiteral("owners.mapping.json"));
    const auto r = ImportJob::run(*cf, fixture(QStringLiteral("owners.csv")), options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    // 4 rows × (owner, company, ownership); Jane Doe and Acme Holding repeat.
    QCOMPARE(r->created, 10);
    QCOMPARE(r->unchanged, 2);
    QCOMPARE(r->dangling, 0);
    QCOMPARE(namesIn(*cf, QStringLiteral("Person")), QStringList{QStringLiteral("Jane Doe")});
    QCOMPARE(namesIn(*cf, QStringLiteral("LegalEntity")), QStringList{QStringLiteral("Pinewood Trust")});
    QCOMPARE(namesIn(*cf, QStringLiteral("Company")),
             (QStringList{QStringLiteral("Acme Holding Ltd"), QStringLiteral("Acme Trading, Inc."),
                          QStringLiteral("Bolt Ltd"), QStringLiteral("Smith, \"Bob\"")}));
    const auto acme = cf->entities().entityById(QStringLiteral("reg-GB-001"));
    QVERIFY(acme);
    QList<Entity> ownerships;
    (void)cf->entities().forEach([&](const Entity &e) {
        if (e.schema == QLatin1String("Ownership")) {
            ownerships << e;
        }
        return true;
    });
    QCOMPARE(ownerships.size(), 4);
    const auto janeOwnsAcme = std::find_if(ownerships.cbegin(), ownerships.cend(), [&](const Entity &e) {
        return e.first(QStringLiteral("asset")) == acme->id &&
               e.first(QStringLiteral("percentage")) == QLatin1String("51");
    });
    QVERIFY(janeOwnsAcme != ownerships.cend());
    QCOMPARE(janeOwnsAcme->first(QStringLiteral("startDate")), QStringLiteral("2015-03-14"));
    const auto jane = cf->entities().entityById(janeOwnsAcme->first(QStringLiteral("owner")));
    QVERIFY(jane);
    QCOMPARE(jane->schema, QStringLiteral("Person"));
    QCOMPARE(jane->valuesOf(QStringLiteral("country")), QStringList{QStringLiteral("gb")});

    // The same rows again add nothing.
    const auto again = ImportJob::run(*cf, fixture(QStringLiteral("owners.csv")), options);
    QVERIFY(again.ok());
    QCOMPARE(again->created + again->merged, 0);
}

void CsvImportTest::mappingRoundTripsThroughJson() {
    auto loaded = CsvMapping::load(fixture(QStringLiteral("owners.mapping.json")));
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    const QString saved = path(QStringLiteral("saved.json"));
    QVERIFY(loaded->save(saved).ok());
    auto reloaded = CsvMapping::load(saved);
    QVERIFY(reloaded.ok());
    QCOMPARE(reloaded->toJson(), loaded->toJson());
    QCOMPARE(reloaded->entities.size(), 3);
    QVERIFY(reloaded->entities.last().isRelationship());
}

void CsvImportTest::mappingErrors_data() {
    QTest::addColumn<QByteArray>("mapping");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not JSON") << QByteArray("{nope") << QStringLiteral("malformed JSON");
    QTest::newRow("unknown schema") << QByteArray(
                                           R"({"entities":[{"schema":"Compnay","properties":{"name":"owner"}}]})")
                                    << QStringLiteral("unknown schema \"Compnay\"");
    QTest::newRow("abstract schema") << QByteArray(R"({"entities":[{"schema":"Thing","properties":{"name":"owner"}}]})")
                                     << QStringLiteral("abstract");
    QTest::newRow("unknown property") << QByteArray(
                                             R"({"entities":[{"schema":"Company","properties":{"colour":"owner"}}]})")
                                      << QStringLiteral("no property \"colour\"");
    QTest::newRow("relationship needs an edge schema")
        << QByteArray(R"({"entities":[{"key":"a","schema":"Company","properties":{"name":"owner"}}],)"
                      R"("relationships":[{"schema":"Company","source":"a","target":"a"}]})")
        << QStringLiteral("not a relationship");
    QTest::newRow("unknown entity key")
        << QByteArray(R"({"entities":[{"key":"a","schema":"Company","properties":{"name":"owner"}}],)"
                      R"("relationships":[{"schema":"Ownership","source":"a","target":"b"}]})")
        << QStringLiteral("key \"b\"");
    QTest::newRow("column not in header")
        << QByteArray(R"({"entities":[{"schema":"Company","properties":{"name":"proprietor"}}]})")
        << QStringLiteral("\"proprietor\"");
    QTest::newRow("unknown encoding")
        << QByteArray(R"({"encoding":"klingon-8","entities":[{"schema":"Company","properties":{"name":"owner"}}]})")
        << QStringLiteral("klingon-8");
}

void CsvImportTest::mappingErrors() {
    QFETCH(QByteArray, mapping);
    QFETCH(QString, reason);
    auto cf = newCase(QStringLiteral("me.casegraph"));
    ImportOptions options;
    options.mappingPath = write(QStringLiteral("bad.json"), mapping);
    const auto r = ImportJob::run(*cf, fixture(QStringLiteral("owners.csv")), options);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().toString()));
    QCOMPARE(cf->entities().count(), 0);
}

void CsvImportTest::strictNamesLineAndColumn() {
    // The bad date sits on physical line 5: a quoted newline on line 2 moves it down.
    const QString file = write(QStringLiteral("bad.csv"), "id,schema,name,incorporationDate\n"
                                                          "c1,Company,\"Acme\nHoldings\",2001\n"
                                                          "c2,Company,Bolt,2002-01\n"
                                                          "c3,Company,Crane,14/03/2015\n"
                                                          "c4,Company,Drum,\n");
    auto cf = newCase(QStringLiteral("b.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().file, file);
    QCOMPARE(r.error().line, 5);
    QCOMPARE(r.error().column, 4);
    QVERIFY2(r.error().toString().startsWith(file + QLatin1String(":5:4: ")), qPrintable(r.error().toString()));
    QVERIFY(r.error().message.contains(QStringLiteral("14/03/2015")));
    QCOMPARE(cf->entities().count(), 0);

    // Mapped columns report the cell too.
    const QString mapped = write(QStringLiteral("owners-bad.csv"), "owner,country\nA,gb\nB,Great Britain\n");
    const QString mapping =
        write(QStringLiteral("o.json"),
              R"({"entities":[{"schema":"Company","properties":{"name":"owner","country":"country"}}]})");
    ImportOptions options;
    options.mappingPath = mapping;
    const auto m = ImportJob::run(*cf, mapped, options);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().line, 3);
    QCOMPARE(m.error().column, 2);
    QCOMPARE(cf->entities().count(), 0);
}

void CsvImportTest::lenientSkipsBadRows() {
    const QString file = write(QStringLiteral("mixed.csv"), "id,schema,name,colour\n"
                                                            "c1,Company,Acme,red\n"
                                                            "c2,Nonsense,Bolt,\n"
                                                            ",Company,Crane,\n"
                                                            "c4,Company,Drum,\n");
    auto cf = newCase(QStringLiteral("l.casegraph"));
    ImportOptions options;
    options.lenient = true;
    const auto r = ImportJob::run(*cf, file, options);
    QVERIFY(r.ok());
    QCOMPARE(r->created, 2);
    QCOMPARE(r->rejected.size(), 2);
    QCOMPARE(r->rejected.at(0).line, 3);
    QCOMPARE(r->rejected.at(0).column, 2);
    QCOMPARE(r->rejected.at(1).line, 4);
    QCOMPARE(r->unknownProperties, 1);        // "colour" kept on c1
    QVERIFY(!ImportJob::run(*cf, file).ok()); // strict stops at the unknown property
}

void CsvImportTest::withoutMappingOrIdColumns() {
    auto cf = newCase(QStringLiteral("w.casegraph"));
    const auto r = ImportJob::run(*cf, fixture(QStringLiteral("owners.csv")));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("--mapping")), qPrintable(r.error().toString()));
}

void CsvImportTest::ofacSampleWithoutHeader() {
    // The OFAC SDN legacy CSV: no header, CRLF, "-0- " placeholders and a final DOS EOF byte.
    const QString sample = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_sdn_2024-05-03.csv"));
    if (sample.isEmpty()) {
        QSKIP("../shared/testdata is not available");
    }
    qint64 rows = 0;
    {
        QFile f(sample);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        rows = all.count("\r\n") - (all.endsWith("\x1A") || all.contains("\r\n\x1A") ? 1 : 0);
        QVERIFY(rows > 10000);
    }
    const QString mapping = write(QStringLiteral("ofac.json"),
                                  R"({"header": false, "entities": [{"schema": "LegalEntity",
                                      "id": {"column": 1, "prefix": "ofac-"},
                                      "properties": {"name": 2, "program": {"column": 4, "split": "] ["}}}]})");
    auto cf = newCase(QStringLiteral("ofac.casegraph"));
    ImportOptions options;
    options.format = QStringLiteral("csv");
    options.mappingPath = mapping;
    const auto r = ImportJob::run(*cf, sample, options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->created > 10000);
    QCOMPARE(r->records(), 14965);
    QVERIFY(cf->entities().entityById(QStringLiteral("ofac-36")));
}

void CsvImportTest::guessesWhetherTheFirstRowNamesColumns_data() {
    QTest::addColumn<QString>("file"); // a fixture, or "testdata:" and a path under ../shared/testdata
    QTest::addColumn<QByteArray>("content"); // written to a file when `file` is empty
    QTest::addColumn<bool>("header");
    for (const char *name : {"shareholdings.csv", "owners.csv", "names-utf8-bom.csv", "names-big5.csv",
                             "names-gb18030.csv", "names-cp1252.csv", "names-utf16le.txt"}) {
        QTest::newRow(name) << QString::fromLatin1(name) << QByteArray() << true;
    }
    // OFAC's legacy CSVs have no header; their first row is a listing like the rest.
    for (const char *name : {"ofac_sdn_2024-05-03.csv", "ofac_cons_prim_2018.csv", "ofac_cons_add_2018.csv",
                             "ofac_cons_alt_2018.csv"}) {
        QTest::newRow(name) << QStringLiteral("testdata:sanctions/") + QString::fromLatin1(name) << QByteArray()
                            << false;
    }
    QTest::newRow("numbers under names") << QString() << QByteArray("year,amount\n2019,10\n2020,12\n") << true;
    QTest::newRow("dates from the first row") << QString() << QByteArray("2019-01-02,Acme\n2020-03-04,Bolt\n")
                                               << false;
    QTest::newRow("repeated and empty first cells")
        << QString() << QByteArray("Acme,,Acme\nBolt,x,Bolt\nCorp,y,Corp\n") << false;
    QTest::newRow("text only: a header is the default") << QString() << QByteArray("Acme,gb\nBolt,fr\n") << true;
    QTest::newRow("one row") << QString() << QByteArray("36,Acme\n") << true;
}

void CsvImportTest::guessesWhetherTheFirstRowNamesColumns() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(bool, header);
    QString csv;
    if (file.startsWith(QLatin1String("testdata:"))) {
        csv = Casegraph::Tests::testData(file.mid(9));
        if (csv.isEmpty()) {
            QSKIP("../shared/testdata is not available");
        }
    } else {
        csv = file.isEmpty() ? write(QStringLiteral("guess.csv"), content) : fixture(file);
    }
    CsvMapping settings;
    settings.header = false;
    const auto preview = CsvPreview::read(csv, settings);
    QVERIFY2(preview.ok(), qPrintable(preview.ok() ? QString() : preview.error().toString()));
    QCOMPARE(CsvPreview::firstRowIsHeader(preview->rows), header);
}

void CsvImportTest::hostileInput_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QByteArray garbage(8192, '\0');
    for (int i = 0; i < garbage.size(); ++i) {
        garbage[i] = char((i * 7919 + 13) % 256);
    }
    QTest::newRow("binary garbage") << garbage << QStringLiteral("binary");
    QTest::newRow("unterminated quote") << QByteArray("id,schema,name\nc1,Company,\"Acme\nc2,Company,Bolt\n")
                                        << QStringLiteral("unterminated");
    QTest::newRow("text after closing quote")
        << QByteArray("id,schema,name\nc1,Company,\"Acme\"x\n") << QStringLiteral("closing quote");
    QTest::newRow("NUL in a later record") << (QByteArray("id,schema,name\nc1,Company,A\n") + QByteArray(70000, '\n') +
                                               QByteArray("c2,Company,B\0C\n", 15))
                                           << QStringLiteral("NUL");
    QTest::newRow("invalid UTF-8 after a valid head")
        << QByteArray("id,schema,name\n" + QByteArray(70000, '\n') + "c1,Company,\xC3\x28\n")
        << QStringLiteral("not valid UTF-8");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("no rows");
}

void CsvImportTest::hostileInput() {
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString file = write(QStringLiteral("hostile.csv"), content);
    auto cf = newCase(QStringLiteral("h.casegraph"));
    ImportOptions options;
    options.format = QStringLiteral("csv"); // the reader's own checks, not format detection
    const auto r = ImportJob::run(*cf, file, options);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().toString()));
    QCOMPARE(r.error().file, file);
    QCOMPARE(cf->entities().count(), 0);
}

void CsvImportTest::overlongRecord() {
    QByteArray big = "id,schema,name\nc1,Company,";
    big += QByteArray(CsvParser::MaxRecordBytes + 1024, 'a');
    big += "\nc2,Company,Bolt\n";
    const QString file = write(QStringLiteral("long.csv"), big);
    big.clear();
    auto cf = newCase(QStringLiteral("long.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QStringLiteral("MiB")), qPrintable(r.error().toString()));
    QCOMPARE(r.error().line, 2);
    QCOMPARE(cf->entities().count(), 0);
}

QTEST_MAIN(CsvImportTest)
#include "csvimport_test.moc"

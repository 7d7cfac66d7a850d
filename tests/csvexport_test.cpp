// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/csvparser.h"
#include "io/csvwriter.h"
#include "io/exportjob.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

QStringList dump(const CaseFile &cf) {
    QStringList out;
    (void)cf.entities().forEach([&](const Entity &e) {
        QStringList values;
        for (const auto &v : e.values) {
            values << v.property + QLatin1Char('=') + v.value;
        }
        values.sort();
        out << e.id + QLatin1Char(' ') + e.schema + QLatin1String(" {") + values.join(QLatin1String("; ")) +
                   QLatin1Char('}');
        return true;
    });
    out.sort();
    return out;
}

/// The records of a CSV file we wrote, parsed with CsvParser.
QList<QStringList> records(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    CsvParser parser;
    if (!parser.open(&f, QStringLiteral("UTF-8"), 3, {',', '"'}, true)) {
        return {};
    }
    QList<QStringList> out;
    QStringList fields;
    while (parser.next(fields) == CsvParser::Next::Record) {
        out << fields;
    }
    return out;
}

} // namespace

class CsvExportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void escapesFormulas_data();
    void escapesFormulas();
    void writesOneFilePerSchema();
    void roundTripWithoutMapping();
    void roundTripWithMapping();
    void refusesAFile();
    void commandLine();

private:
    /// A case with tricky values: formulas, quotes, commas, newlines, several values.
    std::unique_ptr<CaseFile> trickyCase(const QString &name) const;
};

std::unique_ptr<CaseFile> CsvExportTest::trickyCase(const QString &name) const {
    auto cf = newCase(name);
    const QString ftm = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"));
    ImportOptions lenient;
    lenient.lenient = true;
    if (!ImportJob::run(*cf, ftm, lenient).ok()) {
        return nullptr;
    }
    const auto prov = cf->addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity e;
    e.id = QStringLiteral("co-evil");
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("=HYPERLINK(\"http://evil\",\"click\")"));
    e.add(QStringLiteral("alias"), QStringLiteral("+31 20 555"));
    e.add(QStringLiteral("alias"), QStringLiteral("-5"));
    e.add(QStringLiteral("alias"), QStringLiteral("@SUM(A1:A9)"));
    e.add(QStringLiteral("alias"), QStringLiteral("'=already quoted"));
    e.add(QStringLiteral("notes"), QStringLiteral("line one\nline two, with \"quotes\""));
    e.add(QStringLiteral("notes"), QStringLiteral("Smith, John"));
    if (!cf->entities().write(e, *prov).ok()) {
        return nullptr;
    }
    return cf;
}

void CsvExportTest::escapesFormulas_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("minus") << QStringLiteral("-1") << QStringLiteral("'-1");
    QTest::newRow("at") << QStringLiteral("@cmd") << QStringLiteral("'@cmd");
    QTest::newRow("tab") << QStringLiteral("\t=x") << QStringLiteral("'\t=x");
    QTest::newRow("already escaped") << QStringLiteral("'=x") << QStringLiteral("''=x");
    QTest::newRow("plain") << QStringLiteral("Acme") << QStringLiteral("Acme");
    QTest::newRow("quote in the middle") << QStringLiteral("O'Brien") << QStringLiteral("O'Brien");
    QTest::newRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
    QTest::newRow("formula with quotes") << QStringLiteral("=A1&\"x\"") << QStringLiteral("\"'=A1&\"\"x\"\"\"");
}

void CsvExportTest::escapesFormulas() {
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(CsvWriter::cell(value), cell);
}

void CsvExportTest::writesOneFilePerSchema() {
    auto cf = trickyCase(QStringLiteral("t.casegraph"));
    QVERIFY(cf);
    ExportOptions options;
    options.format = QStringLiteral("csv");
    const QString out = path(QStringLiteral("export"));
    const auto r = ExportJob::run(*cf, out, options);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->entities, cf->entities().count());
    QStringList files = QDir(out).entryList({QStringLiteral("*.csv")});
    files.sort();
    QStringList expected;
    for (const auto &[schema, n] : cf->entities().countsBySchema()) {
        expected << schema + QLatin1String(".csv");
    }
    expected.sort();
    QCOMPARE(files, expected);

    QFile raw(QDir(out).filePath(QStringLiteral("Company.csv")));
    QVERIFY(raw.open(QIODevice::ReadOnly));
    const QByteArray bytes = raw.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                             "id,schema,name,"));
    QVERIFY(bytes.contains("\r\n"));
    // No cell a spreadsheet would run: every cell starting with = + - @ is behind a quote mark.
    const auto rows = records(raw.fileName());
    QVERIFY(rows.size() >= 5);
    int evilRows = 0;
    for (const QStringList &row : rows) {
        for (const QString &cell : row) {
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@").contains(cell.at(0)), qPrintable(cell));
        }
        evilRows += row.first() == QLatin1String("co-evil");
    }
    QCOMPARE(evilRows, 4); // four aliases: four rows for one entity
}

void CsvExportTest::roundTripWithoutMapping() {
    auto cf = trickyCase(QStringLiteral("a.casegraph"));
    QVERIFY(cf);
    ExportOptions options;
    options.format = QStringLiteral("csv");
    const QString out = path(QStringLiteral("rt"));
    const auto r = ExportJob::run(*cf, out, options);
    QVERIFY(r.ok());
    auto back = newCase(QStringLiteral("b.casegraph"));
    ImportOptions lenient;
    lenient.lenient = true; // the fixture keeps a property its schema lacks
    for (const QString &file : r->files) {
        const auto imported = ImportJob::run(*back, file, lenient);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
        QCOMPARE(imported->format, QStringLiteral("csv"));
        QCOMPARE(imported->rejected.size(), 0);
    }
    QCOMPARE(dump(*back), dump(*cf));
}

void CsvExportTest::roundTripWithMapping() {
    auto cf = trickyCase(QStringLiteral("m.casegraph"));
    QVERIFY(cf);
    ExportOptions options;
    options.format = QStringLiteral("csv");
    const QString out = path(QStringLiteral("mapped"));
    QVERIFY(ExportJob::run(*cf, out, options).ok());
    // The exported companies through an explicit mapping: ids kept, formulas unescaped, several
    // rows per entity merged by id.
    const QJsonObject mapping{
        {QStringLiteral("unescapeFormulas"), true},
        {QStringLiteral("entities"),
         QJsonArray{
             QJsonObject{{QStringLiteral("schema"), QStringLiteral("Company")},
                         {QStringLiteral("id"), QJsonObject{{QStringLiteral("column"), QStringLiteral("id")}}},
                         {QStringLiteral("properties"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("name")},
                                      {QStringLiteral("alias"), QStringLiteral("alias")},
                                      {QStringLiteral("notes"), QStringLiteral("notes")},
                                      {QStringLiteral("country"), QStringLiteral("country")},
                                      {QStringLiteral("incorporationDate"), QStringLiteral("incorporationDate")}}}}}}};
    QFile m(path(QStringLiteral("companies.json")));
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(QJsonDocument(mapping).toJson());
    m.close();
    auto back = newCase(QStringLiteral("back.casegraph"));
    ImportOptions io;
    io.mappingPath = m.fileName();
    const auto r = ImportJob::run(*back, QDir(out).filePath(QStringLiteral("Company.csv")), io);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QStringList companies;
    for (const QString &line : dump(*cf)) {
        if (line.contains(QLatin1String(" Company {"))) {
            companies << line;
        }
    }
    QCOMPARE(dump(*back), companies);
}

void CsvExportTest::refusesAFile() {
    auto cf = trickyCase(QStringLiteral("f.casegraph"));
    QFile f(path(QStringLiteral("plain.csv")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    ExportOptions options;
    options.format = QStringLiteral("csv");
    const auto r = ExportJob::run(*cf, f.fileName(), options);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("folder")));
}

void CsvExportTest::commandLine() {
#ifndef CASEGRAPH_CLI
    QSKIP("casegraph-cli is not built");
#else
    const QString cli = QStringLiteral(CASEGRAPH_CLI);
    {
        auto cf = trickyCase(QStringLiteral("cli.casegraph"));
        QVERIFY(cf);
    }
    const QString casePath = path(QStringLiteral("cli.casegraph"));
    const auto exported = Casegraph::Tests::run(cli, {QStringLiteral("--json"), QStringLiteral("export"), casePath,
                                                      path(QStringLiteral("cli-out")), QStringLiteral("--format"),
                                                      QStringLiteral("csv")});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QJsonObject summary = QJsonDocument::fromJson(exported.out.toUtf8()).object();
    QCOMPARE(summary.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QVERIFY(summary.value(QStringLiteral("files")).toArray().size() >= 3);

    // import --mapping with the owners fixture.
    const auto created = Casegraph::Tests::run(cli, {QStringLiteral("new"), path(QStringLiteral("own.casegraph"))});
    QCOMPARE(created.exitCode, 0);
    const auto imported = Casegraph::Tests::run(
        cli,
        {QStringLiteral("--json"), QStringLiteral("import"), path(QStringLiteral("own.casegraph")),
         Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/owners.csv")), QStringLiteral("--mapping"),
         Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/owners.mapping.json"))});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    const QJsonObject r = QJsonDocument::fromJson(imported.out.toUtf8()).object();
    QCOMPARE(r.value(QStringLiteral("format")).toString(), QStringLiteral("csv"));
    QCOMPARE(r.value(QStringLiteral("created")).toInt(), 10);
    const auto missing =
        Casegraph::Tests::run(cli, {QStringLiteral("import"), path(QStringLiteral("own.casegraph")),
                                    Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/owners.csv")),
                                    QStringLiteral("--mapping"), path(QStringLiteral("nope.json"))});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains(QStringLiteral("nope.json")));
#endif
}

QTEST_MAIN(CsvExportTest)
#include "csvexport_test.moc"

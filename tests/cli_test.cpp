// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Casegraph::Tests::ProcessResult;

namespace {

const QStringList commands = {QStringLiteral("new"),    QStringLiteral("demo"),   QStringLiteral("info"),
                              QStringLiteral("import"), QStringLiteral("export"), QStringLiteral("search"),
                              QStringLiteral("check")};

QString fixture()
{
    return Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Entity counts per schema of an FtM file, parsed with Qt.
QJsonObject schemaCounts(const QString &path)
{
    QMap<QString, int> counts;
    QSet<QString> seen;
    for (const QByteArray &line : readAll(path).split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString id = o.value(QLatin1String("id")).toString();
        if (!id.isEmpty() && !seen.contains(id)) {
            seen.insert(id);
            counts[o.value(QLatin1String("schema")).toString()] += 1;
        }
    }
    QJsonObject out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        out.insert(it.key(), it.value());
    }
    return out;
}

QJsonObject parseJson(const ProcessResult &r)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError) {
        qWarning() << "not JSON:" << r.out << r.err;
    }
    return doc.object();
}

} // namespace

class CliTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helpListsTheCommands();
    void usageErrors_data();
    void usageErrors();
    void missingCaseFile();
    void endToEnd();
    void importErrorNamesTheLine();
    void lenientImportWritesAReport();
    void formatDetection();
    void checkDetectsCorruption();
    void demoCase();

private:
    ProcessResult cli(const QStringList &args) const;
    QString m_cli;
};

void CliTest::initTestCase()
{
#ifdef CASEGRAPH_CLI
    m_cli = QStringLiteral(CASEGRAPH_CLI);
#endif
    if (m_cli.isEmpty() || !QFileInfo::exists(m_cli)) {
        QSKIP("casegraph-cli is not built");
    }
}

ProcessResult CliTest::cli(const QStringList &args) const
{
    return Casegraph::Tests::run(m_cli, args);
}

void CliTest::helpListsTheCommands()
{
    const auto r = cli({QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    for (const auto &c : commands) {
        QVERIFY2(r.out.contains(QLatin1String("\n  ") + c + QLatin1Char(' ')), qPrintable(c));
    }
    const auto sub = cli({QStringLiteral("import"), QStringLiteral("--help")});
    QCOMPARE(sub.exitCode, 0);
    QVERIFY(sub.out.contains(QLatin1String("--lenient")));
    QVERIFY(sub.out.contains(QLatin1String("--report")));
    const auto version = cli({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QLatin1String("casegraph-cli ")));
    QVERIFY(version.out.contains(QRegularExpression(QStringLiteral("\\d+\\.\\d+\\.\\d+"))));
}

void CliTest::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no command") << QStringList{} << QStringLiteral("no command");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x")}
                                     << QStringLiteral("unknown command \"frobnicate\"");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--colour"), QStringLiteral("a")}
                                    << QStringLiteral("colour");
    QTest::newRow("missing argument") << QStringList{QStringLiteral("import"), QStringLiteral("a.casegraph")}
                                      << QStringLiteral("missing arguments");
    QTest::newRow("bad limit") << QStringList{QStringLiteral("search"), QStringLiteral("a.casegraph"),
                                              QStringLiteral("x"), QStringLiteral("--limit"), QStringLiteral("many")}
                               << QStringLiteral("--limit");
}

void CliTest::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const auto r = cli(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Usage:")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void CliTest::missingCaseFile()
{
    const QString missing = path(QStringLiteral("nowhere.casegraph"));
    for (const auto &command : {QStringLiteral("info"), QStringLiteral("check")}) {
        const auto r = cli({command, missing});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed(), missing + QLatin1String(": no such file"));
    }
    const auto imp = cli({QStringLiteral("import"), missing, fixture()});
    QCOMPARE(imp.exitCode, 1);
    QCOMPARE(imp.err.trimmed(), missing + QLatin1String(": no such file"));
    QVERIFY(!QFileInfo::exists(missing));
    // A folder given for the case says so, rather than SQLite's "unable to open database file".
    const QString folder = path(QStringLiteral("a-folder.casegraph"));
    QVERIFY(QDir().mkpath(folder));
    const auto dir = cli({QStringLiteral("info"), folder});
    QCOMPARE(dir.exitCode, 1);
    QCOMPARE(dir.err.trimmed(), folder + QLatin1String(": a folder, not a case file"));
}

void CliTest::endToEnd()
{
    const QString c = path(QStringLiteral("e2e.casegraph"));
    auto r = cli({QStringLiteral("new"), c, QStringLiteral("--title"), QStringLiteral("Northwind inquiry")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.contains(QLatin1String("Northwind inquiry")));
    QCOMPARE(cli({QStringLiteral("new"), c}).exitCode, 1); // never overwrites

    r = cli({QStringLiteral("info"), c, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QJsonObject info = parseJson(r);
    QCOMPARE(info.value(QLatin1String("title")).toString(), QStringLiteral("Northwind inquiry"));
    QCOMPARE(info.value(QLatin1String("entities")).toInteger(), 0);

    r = cli({QStringLiteral("--json"), QStringLiteral("import"), c, fixture()});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject summary = parseJson(r);
    const QJsonObject expected = schemaCounts(fixture());
    qint64 total = 0;
    for (const auto &v : expected) {
        total += v.toInteger();
    }
    QCOMPARE(summary.value(QLatin1String("created")).toInteger(), total);
    QCOMPARE(summary.value(QLatin1String("rejected")).toInteger(), 0);
    QCOMPARE(summary.value(QLatin1String("dangling")).toInteger(), 1); // own-2 names an owner not in the file
    QCOMPARE(summary.value(QLatin1String("format")).toString(), QStringLiteral("ftm"));

    r = cli({QStringLiteral("import"), c, fixture()});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("unchanged\\s+%1\\n").arg(total))), qPrintable(r.out));

    r = cli({QStringLiteral("info"), c, QStringLiteral("--json")});
    info = parseJson(r);
    QCOMPARE(info.value(QLatin1String("entities")).toInteger(), total);
    QCOMPARE(info.value(QLatin1String("entitiesPerSchema")).toObject(), expected);
    r = cli({QStringLiteral("info"), c});
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("Ownership\\s+2\\n"))));

    r = cli({QStringLiteral("search"), c, QStringLiteral("northw")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QLatin1String("entity\tCompany\tNorthwind Trading Ltd\tco-1\t")), qPrintable(r.out));
    r = cli({QStringLiteral("search"), c, QStringLiteral("\"Jane Roe\""), QStringLiteral("--json")});
    const QJsonArray hits = parseJson(r).value(QLatin1String("hits")).toArray();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("pe-1"));
    r = cli({QStringLiteral("search"), c, QStringLiteral("张伟"), QStringLiteral("--json")});
    QCOMPARE(parseJson(r).value(QLatin1String("hits")).toArray().first().toObject().value(QLatin1String("id")).toString(),
             QStringLiteral("pe-2"));

    const QString out = path(QStringLiteral("out.ftm.json"));
    r = cli({QStringLiteral("export"), c, out, QStringLiteral("--format"), QStringLiteral("ftm"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(parseJson(r).value(QLatin1String("entities")).toInteger(), total);
    const QByteArray exported = readAll(out);
    QCOMPARE(exported.count('\n'), total);
    QCOMPARE(schemaCounts(out), expected);
    r = cli({QStringLiteral("export"), c, QStringLiteral("-")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.toUtf8(), exported);

    r = cli({QStringLiteral("check"), c});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("ok"));
    r = cli({QStringLiteral("check"), c, QStringLiteral("--json")});
    QCOMPARE(parseJson(r).value(QLatin1String("ok")).toBool(), true);
}

void CliTest::importErrorNamesTheLine()
{
    const QString c = path(QStringLiteral("bad.casegraph"));
    QCOMPARE(cli({QStringLiteral("new"), c}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("import"), c, fixture()}).exitCode, 0);
    const QString before = cli({QStringLiteral("export"), c, QStringLiteral("-")}).out;
    QVERIFY(!before.isEmpty());
    const QString bad = write(QStringLiteral("bad.ftm.json"), R"({"id":"b-1","schema":"Company","properties":{"name":["One"]}}
{"id":"b-2","schema":"Company","properties":{"name":["Two"]}}
{"id":"b-3","schema":"Company","properties":{"name":["Three"]},}
)");
    auto r = cli({QStringLiteral("import"), c, bad});
    QCOMPARE(r.exitCode, 1);
    const QRegularExpression where(QStringLiteral("^%1:3:\\d+: malformed JSON").arg(QRegularExpression::escape(bad)));
    QVERIFY2(where.match(r.err).hasMatch(), qPrintable(r.err));
    QCOMPARE(cli({QStringLiteral("export"), c, QStringLiteral("-")}).out, before);

    const QString date = write(QStringLiteral("date.ftm.json"), R"({"id":"d-1","schema":"Company","properties":{"name":["One"]}}

{"id":"d-2","schema":"Company","properties":{"dissolutionDate":["2019-13-45"]}}
)");
    r = cli({QStringLiteral("import"), c, date, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(date + QLatin1String(":3: invalid date \"2019-13-45\"")), qPrintable(r.err));
    QCOMPARE(cli({QStringLiteral("export"), c, QStringLiteral("-")}).out, before);
}

void CliTest::lenientImportWritesAReport()
{
    const QString c = path(QStringLiteral("len.casegraph"));
    QCOMPARE(cli({QStringLiteral("new"), c}).exitCode, 0);
    const QString mixed = write(QStringLiteral("mixed.ftm.json"), R"({"id":"m-1","schema":"Company","properties":{"name":["Good"]}}
{"id":"m-2","schema":"Starship","properties":{}}
{"id":"m-3","schema":"Company","properties":{"name":["Kept"],"wingspan":["12 m"]}}
not json
)");
    auto r = cli({QStringLiteral("import"), c, mixed, QStringLiteral("--lenient")});
    QCOMPARE(r.exitCode, 0);
    const QString report = QFileInfo(c).absolutePath() + QLatin1String("/mixed.ftm.json.rejected.txt");
    QVERIFY2(r.out.contains(report), qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("rejected\\s+2\\n"))));
    QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("unknown properties kept\\s+1\\n"))));
    const QStringList lines = QString::fromUtf8(readAll(report)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith(mixed + QLatin1String(":2: unknown schema \"Starship\"")));
    QVERIFY(lines.at(1).startsWith(mixed + QLatin1String(":4:")));

    const QString custom = path(QStringLiteral("custom-report.txt"));
    r = cli({QStringLiteral("import"), c, mixed, QStringLiteral("--lenient"), QStringLiteral("--report"), custom,
             QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject summary = parseJson(r);
    QCOMPARE(summary.value(QLatin1String("report")).toString(), custom);
    QCOMPARE(summary.value(QLatin1String("unchanged")).toInteger(), 2);
    QCOMPARE(readAll(custom), readAll(report));

    r = cli({QStringLiteral("info"), c, QStringLiteral("--json")});
    QCOMPARE(parseJson(r).value(QLatin1String("entities")).toInteger(), 2);
}

void CliTest::formatDetection()
{
    const QString c = path(QStringLiteral("fmt.casegraph"));
    QCOMPARE(cli({QStringLiteral("new"), c}).exitCode, 0);
    // Plain words in a file without a known extension: no importer claims it.
    const QString csv = write(QStringLiteral("people.dat"), "hello world\n");
    auto r = cli({QStringLiteral("import"), c, csv});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.startsWith(QStringLiteral("cannot detect the format of %1; use --format").arg(csv)), qPrintable(r.err));
    r = cli({QStringLiteral("import"), c, fixture(), QStringLiteral("--format"), QStringLiteral("xml")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("\"xml\"")) && r.err.contains(QLatin1String("ftm")), qPrintable(r.err));
    r = cli({QStringLiteral("export"), c, path(QStringLiteral("x.out")), QStringLiteral("--format"), QStringLiteral("xlsx")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("x.out"))));
    // An explicit format skips detection: a delta file that starts with blank lines.
    const QString delta = write(QStringLiteral("d.json"), "\n\n{\"op\":\"ADD\",\"entity\":{\"id\":\"d-1\",\"schema\":\"Person\"}}\n");
    r = cli({QStringLiteral("import"), c, delta, QStringLiteral("--format"), QStringLiteral("ftm")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("(ftm, strict): 1 record in ")), qPrintable(r.out)); // not "1 records"
    r = cli({QStringLiteral("import"), c, delta, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(parseJson(r).value(QLatin1String("unchanged")).toInteger(), 1);
}

void CliTest::checkDetectsCorruption()
{
    const QString c = path(QStringLiteral("big.casegraph"));
    QCOMPARE(cli({QStringLiteral("new"), c}).exitCode, 0);
    QByteArray content;
    for (int i = 0; i < 4000; ++i) {
        content += QStringLiteral(R"({"id":"co-%1","schema":"Company","properties":{"name":["Company number %1 with a longer name"]}})")
                       .arg(i)
                       .toUtf8() +
                   '\n';
    }
    QCOMPARE(cli({QStringLiteral("import"), c, write(QStringLiteral("many.ftm.json"), content)}).exitCode, 0);
    QVERIFY(!QFileInfo::exists(c + QLatin1String("-wal"))); // closed cleanly: everything is in the main file
    QCOMPARE(cli({QStringLiteral("check"), c}).exitCode, 0);

    const QString broken = path(QStringLiteral("broken.casegraph"));
    QVERIFY(QFile::copy(c, broken));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 16 * 4096);
    f.seek((size / 4096 / 2) * 4096 + 100);
    f.write(QByteArray(3000, '\x5a'));
    f.close();
    const auto r = cli({QStringLiteral("check"), broken});
    QVERIFY2(r.exitCode != 0, qPrintable(r.out));
    QVERIFY(r.exitCode != 2);
    QVERIFY(!r.out.trimmed().endsWith(QLatin1String("ok")) || !r.err.isEmpty());
    QVERIFY(r.out.contains(broken) || r.err.contains(broken));
}

void CliTest::demoCase()
{
    const QString c = path(QStringLiteral("demo.casegraph"));
    auto r = cli({QStringLiteral("demo"), c});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = cli({QStringLiteral("info"), c, QStringLiteral("--json")});
    const QJsonObject info = parseJson(r);
    QVERIFY(info.value(QLatin1String("entities")).toInteger() > 0);
    QVERIFY(info.value(QLatin1String("sources")).toInteger() > 0);
    QCOMPARE(cli({QStringLiteral("check"), c}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("demo"), c}).exitCode, 1); // never overwrites
}

QTEST_MAIN(CliTest)
#include "cli_test.moc"

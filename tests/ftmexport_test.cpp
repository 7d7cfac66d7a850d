// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Entities of an FtM file by id, parsed with Qt's JSON parser. Delta lines are unwrapped; an
/// id seen twice gets the union of its values in order (as an import merges them).
QMap<QString, QJsonObject> entitiesIn(const QByteArray &content)
{
    QMap<QString, QJsonObject> out;
    for (const QByteArray &line : content.split('\n')) {
        if (line.trimmed().isEmpty()) {
            continue;
        }
        QJsonParseError pe;
        QJsonObject o = QJsonDocument::fromJson(line, &pe).object();
        if (pe.error != QJsonParseError::NoError) {
            qWarning() << "unparsable line:" << pe.errorString();
            return {};
        }
        if (o.contains(QLatin1String("op"))) {
            o = o.value(QLatin1String("entity")).toObject();
        }
        const QString id = o.value(QLatin1String("id")).toString();
        auto it = out.find(id);
        if (it == out.end()) {
            out.insert(id, o);
            continue;
        }
        QJsonObject props = it->value(QLatin1String("properties")).toObject();
        const QJsonObject more = o.value(QLatin1String("properties")).toObject();
        for (auto p = more.begin(); p != more.end(); ++p) {
            QJsonArray values = props.value(p.key()).toArray();
            for (const auto &v : p.value().toArray()) {
                if (!values.contains(v)) {
                    values.append(v);
                }
            }
            props.insert(p.key(), values);
        }
        it->insert(QLatin1String("properties"), props);
    }
    return out;
}

} // namespace

class FtmExportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void writesOnlyRequiredEscapes();
    void keepsExtraKeys();
    void cancelledExportKeepsOldFile();

private:
    /// Imports `input` into a new case and exports it; returns the exported bytes.
    QByteArray importThenExport(const QString &input, const QString &name, bool lenient);
};

QByteArray FtmExportTest::importThenExport(const QString &input, const QString &name, bool lenient)
{
    CaseFile cf;
    if (auto st = cf.create(path(name + QLatin1String(".casegraph"))); !st) {
        qWarning() << st.error().toString();
        return {};
    }
    const auto r = ImportJob::run(cf, input, {QString(), lenient});
    if (!r) {
        qWarning() << r.error().toString();
        return {};
    }
    const QString out = path(name + QLatin1String(".ftm.json"));
    const auto n = FtmWriter::write(cf, out);
    if (!n || *n != cf.entities().count()) {
        qWarning() << "export failed";
        return {};
    }
    return readAll(out);
}

void FtmExportTest::roundTrip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("lenient");
    const auto testData = [](const char *name) { return Casegraph::Tests::testData(QLatin1String(name)); };
    QTest::newRow("own fixture") << Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json"))
                                 << false;
    QTest::newRow("OpenSanctions export (t1)") << testData("ftm/yente_t1_entities.ftm.json") << false;
    QTest::newRow("zala, unknown properties kept") << testData("ftm/yente_zala_entities.ftm.json") << true;
    QTest::newRow("plain FtM (donations)") << testData("ftm/nomenklatura_donations.ijson") << false;
    QTest::newRow("delta file") << testData("ftm/yente_t2_wnk_entities.delta.json") << false;
}

void FtmExportTest::roundTrip()
{
    QFETCH(QString, file);
    QFETCH(bool, lenient);
    if (file.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QByteArray first = importThenExport(file, QStringLiteral("first"), lenient);
    QVERIFY(!first.isEmpty());
    const QByteArray second = importThenExport(path(QStringLiteral("first.ftm.json")), QStringLiteral("second"), lenient);
    QCOMPARE(second, first);

    // The exported entities are the input's: same ids, schemata, values and extra keys.
    const auto expected = entitiesIn(readAll(file));
    const auto exported = entitiesIn(first);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(exported.keys(), expected.keys());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QJsonObject &want = it.value();
        const QJsonObject &got = exported.value(it.key());
        QCOMPARE(got.value(QLatin1String("schema")), want.value(QLatin1String("schema")));
        QCOMPARE(got.value(QLatin1String("properties")).toObject(), want.value(QLatin1String("properties")).toObject());
        QCOMPARE(got, want); // extra top-level keys too (caption, datasets, referents …)
    }
    // One entity per line.
    QCOMPARE(first.count('\n'), qsizetype(expected.size()));
    QVERIFY(first.startsWith("{\"id\":"));
}

void FtmExportTest::writesOnlyRequiredEscapes()
{
    Entity e;
    e.id = QStringLiteral("esc-1");
    e.schema = QStringLiteral("Person");
    e.add(QStringLiteral("name"), QStringLiteral("Zoë \"Zed\" Ångström 张伟 \U0001F600"));
    e.add(QStringLiteral("notes"), QStringLiteral("tab\there\nnew line\\back\x01"));
    e.add(QStringLiteral("name"), QStringLiteral("Second name"));
    QByteArray line;
    FtmWriter::appendLine(line, e);
    const QByteArray expected = R"({"id":"esc-1","schema":"Person","properties":{"name":["Zoë \"Zed\" Ångström 张伟 😀",)"
                                R"("Second name"],"notes":["tab\there\nnew line\\back\u0001"]}})"
                                "\n";
    QCOMPARE(line, expected);
    // Qt's parser reads back exactly what went in.
    const QJsonObject parsed = QJsonDocument::fromJson(line).object();
    const QJsonObject props = parsed.value(QLatin1String("properties")).toObject();
    QCOMPARE(props.value(QLatin1String("notes")).toArray().first().toString(), e.valuesOf(QStringLiteral("notes")).first());
    QCOMPARE(props.value(QLatin1String("name")).toArray().first().toString(), e.first(QStringLiteral("name")));
}

void FtmExportTest::keepsExtraKeys()
{
    Entity e;
    e.id = QStringLiteral("x-1");
    e.schema = QStringLiteral("Company");
    e.extra = QJsonObject{{QStringLiteral("target"), true},
                          {QStringLiteral("rank"), 3},
                          {QStringLiteral("score"), 0.75},
                          {QStringLiteral("datasets"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}},
                          {QStringLiteral("meta"), QJsonObject{{QStringLiteral("n"), QJsonValue()}}}};
    QByteArray line;
    FtmWriter::appendLine(line, e);
    const QByteArray expected = R"({"id":"x-1","schema":"Company","properties":{},"datasets":["a","b"],)"
                                R"("meta":{"n":null},"rank":3,"score":0.75,"target":true})"
                                "\n";
    QCOMPARE(line, expected);
}

void FtmExportTest::cancelledExportKeepsOldFile()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("c.casegraph"))).ok());
    QByteArray content;
    for (int i = 0; i < 2500; ++i) {
        content += QStringLiteral(R"({"id":"e-%1","schema":"Company","properties":{"name":["Company %1"]}})")
                       .arg(i)
                       .toUtf8() +
                   '\n';
    }
    QFile in(path(QStringLiteral("in.ftm.json")));
    QVERIFY(in.open(QIODevice::WriteOnly));
    in.write(content);
    in.close();
    QVERIFY(ImportJob::run(cf, in.fileName()).ok());

    const QString out = path(QStringLiteral("out.ftm.json"));
    QFile old(out);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("previous export\n");
    old.close();
    const auto r = FtmWriter::write(cf, out, [](qint64 written) { return written < 2000; });
    QVERIFY(!r.ok());
    QVERIFY(r.error().toString().startsWith(out));
    QCOMPARE(readAll(out), QByteArray("previous export\n"));

    const auto full = FtmWriter::write(cf, out);
    QVERIFY(full.ok());
    QCOMPARE(*full, 2500);
    QCOMPARE(readAll(out), content); // same entities, same key order, same bytes as written by hand
}

QTEST_MAIN(FtmExportTest)
#include "ftmexport_test.moc"

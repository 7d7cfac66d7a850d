// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Casegraph::Tests::ProcessResult;

/// casegraph-cli lists, list-load, screen and decide on the demo case, with the test list in
/// tests/fixtures/screening and a real list file from ../shared/testdata.
class ScreeningCliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadScreenDecide();
    void screenAgainstARealListFile();
    void usageErrors();

private:
    ProcessResult cli(const QStringList &args) const
    {
        return Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI), args);
    }
    QJsonObject json(const QStringList &args) const
    {
        const ProcessResult r = cli(QStringList{QStringLiteral("--json")} + args);
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(r.err));
        }
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    QTemporaryDir m_dir;
    QString m_case;
    QString m_list;
};

void ScreeningCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("demo.casegraph"));
    m_list = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json"));
    QCOMPARE(cli({QStringLiteral("demo"), m_case}).exitCode, 0);
}

void ScreeningCliTest::loadScreenDecide()
{
    // Load: the first version, then the same file again.
    ProcessResult load = cli({QStringLiteral("list-load"), m_case, m_list, QStringLiteral("--name"), QStringLiteral("entity-list")});
    QCOMPARE(load.exitCode, 0);
    QVERIFY2(load.out.contains(QStringLiteral("First version: 12 entries.")), qPrintable(load.out));
    load = cli({QStringLiteral("list-load"), m_case, m_list, QStringLiteral("--name"), QStringLiteral("entity-list")});
    QVERIFY(load.out.startsWith(QStringLiteral("Unchanged")));

    // Screen the demo case.
    const QJsonObject screen = json({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("entity-list")});
    QCOMPARE(screen.value(QStringLiteral("list")).toObject().value(QStringLiteral("entries")).toInt(), 12);
    QVERIFY(screen.value(QStringLiteral("screened")).toInt() > 40);
    QHash<QString, QString> pairs; // entry id → case entity caption
    QString hikvisionId;
    for (const QJsonValue &v : screen.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject c = v.toObject();
        const QJsonObject entity = c.value(QStringLiteral("entity")).toObject();
        const QString entry = c.value(QStringLiteral("entry")).toObject().value(QStringLiteral("id")).toString();
        pairs.insert(entry, entity.value(QStringLiteral("caption")).toString());
        QVERIFY(c.value(QStringLiteral("score")).toDouble() >= 0.72);
        QVERIFY(!c.value(QStringLiteral("explanation")).toString().isEmpty());
        if (entry == QLatin1String("el-hikvision")) {
            hikvisionId = entity.value(QStringLiteral("id")).toString();
        }
    }
    QCOMPARE(pairs.value(QStringLiteral("el-hikvision")), QStringLiteral("Hikvision"));
    QCOMPARE(pairs.value(QStringLiteral("el-megvii")), QStringLiteral("Megvii"));
    QCOMPARE(pairs.value(QStringLiteral("el-netposa")), QStringLiteral("NetPosa"));
    // SenseNets is not SenseTime.
    QVERIFY(pairs.value(QStringLiteral("el-sensetime")) != QStringLiteral("SenseNets"));

    // Text output names both sides, the score and the explanation.
    const ProcessResult text = cli({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("entity-list")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains(QStringLiteral("Hikvision [")));
    QVERIFY(text.out.contains(QStringLiteral("Listed by US Commerce Department: Entity List")));

    // Decide, and see the decision in the next screening.
    const QJsonObject decided = json({QStringLiteral("decide"), m_case, hikvisionId, QStringLiteral("el-hikvision"),
                                      QStringLiteral("--list"), QStringLiteral("entity-list"), QStringLiteral("--accept")});
    QCOMPARE(decided.value(QStringLiteral("decided")).toString(), QStringLiteral("accepted"));
    const QJsonObject again = json({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("entity-list")});
    bool seen = false;
    for (const QJsonValue &v : again.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QStringLiteral("entry")).toObject().value(QStringLiteral("id")).toString() == QLatin1String("el-hikvision")) {
            seen = c.value(QStringLiteral("decision")).toObject().value(QStringLiteral("decision")).toString()
                   == QLatin1String("accepted");
        }
    }
    QVERIFY(seen);

    // Only the ids in a file.
    const QString ids = m_dir.filePath(QStringLiteral("ids.txt"));
    {
        QFile f(ids);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(hikvisionId.toUtf8() + '\n');
    }
    const QJsonObject some = json({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("entity-list"),
                                   QStringLiteral("--ids"), ids, QStringLiteral("--threshold"), QStringLiteral("0.9")});
    QCOMPARE(some.value(QStringLiteral("screened")).toInt(), 1);
    QCOMPARE(some.value(QStringLiteral("threshold")).toDouble(), 0.9);

    // A new version: one entry removed, one changed.
    QFile original(m_list);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray v2;
    for (const QByteArray &line : original.readAll().split('\n')) {
        if (line.contains("el-iflytek")) {
            continue;
        }
        QByteArray l = line;
        l.replace("\"Dahua Technology\"", "\"Dahua Technology\", \"Dahua\"");
        v2 += l + (l.isEmpty() ? "" : "\n");
    }
    const QString v2path = m_dir.filePath(QStringLiteral("entity-list-v2.json"));
    {
        QFile f(v2path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(v2);
    }
    load = cli({QStringLiteral("list-load"), m_case, v2path, QStringLiteral("--name"), QStringLiteral("entity-list")});
    QCOMPARE(load.exitCode, 0);
    QVERIFY2(load.out.contains(QStringLiteral("0 added, 1 removed, 1 changed")), qPrintable(load.out));
    QVERIFY(load.out.contains(QStringLiteral("- iFLYTEK Co., Ltd. [el-iflytek]")));
    QVERIFY(load.out.contains(QStringLiteral("~ Zhejiang Dahua Technology Co., Ltd. [el-dahua]")));

    const QJsonObject lists = json({QStringLiteral("lists"), m_case});
    const QJsonArray all = lists.value(QStringLiteral("lists")).toArray();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().toObject().value(QStringLiteral("versions")).toArray().size(), 2);
    QCOMPARE(all.first().toObject().value(QStringLiteral("entries")).toInt(), 11);
    QVERIFY(lists.value(QStringLiteral("runs")).toArray().size() >= 4);
    QCOMPARE(cli({QStringLiteral("check"), m_case}).exitCode, 0);
}

void ScreeningCliTest::screenAgainstARealListFile()
{
    const QString bis = Casegraph::Tests::testData(QStringLiteral("sanctions/bis_entity_list_cn_universities.json"));
    if (bis.isEmpty()) {
        QSKIP("../shared/testdata is absent");
    }
    const QJsonObject screen = json({QStringLiteral("screen"), m_case, QStringLiteral("--list"), bis});
    const QJsonObject list = screen.value(QStringLiteral("list")).toObject();
    QCOMPARE(list.value(QStringLiteral("format")).toString(), QStringLiteral("bis-json"));
    QVERIFY(list.value(QStringLiteral("entries")).toInt() > 10);
    QCOMPARE(list.value(QStringLiteral("list")).toString(), QStringLiteral("bis_entity_list_cn_universities"));
    // The demo case names no university on that list: a screening that finds nothing is an answer too.
    QVERIFY(screen.contains(QStringLiteral("candidates")));
    // Loaded once: a second screening by file reuses the version.
    const QJsonObject again = json({QStringLiteral("screen"), m_case, QStringLiteral("--list"), bis});
    QCOMPARE(again.value(QStringLiteral("list")).toObject().value(QStringLiteral("version")).toInt(),
             list.value(QStringLiteral("version")).toInt());
}

void ScreeningCliTest::usageErrors()
{
    const ProcessResult help = cli({QStringLiteral("--help")});
    for (const char *command : {"lists", "list-load", "screen", "decide"}) {
        QVERIFY2(help.out.contains(QLatin1String("\n  ") + QLatin1String(command) + QLatin1Char(' ')), command);
    }
    QVERIFY(cli({QStringLiteral("screen"), QStringLiteral("--help")}).out.contains(QStringLiteral("--threshold")));
    QCOMPARE(cli({QStringLiteral("screen"), m_case}).exitCode, 2);
    QCOMPARE(cli({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("nope")}).exitCode, 1);
    QCOMPARE(cli({QStringLiteral("screen"), m_case, QStringLiteral("--list"), QStringLiteral("entity-list"),
                  QStringLiteral("--threshold"), QStringLiteral("7")})
                 .exitCode,
             2);
    QCOMPARE(cli({QStringLiteral("decide"), m_case, QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("--list"),
                  QStringLiteral("entity-list")})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(ScreeningCliTest)
#include "screeningcli_test.moc"

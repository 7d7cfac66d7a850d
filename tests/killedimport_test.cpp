// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Casegraph;

/// The case file is evidence: an import cut off by a killed process (a crash, a power cut, the
/// user ending the task) leaves it as it was before the import, or, if the kill came after the
/// commit, with the whole import, never a part. The real command line program is killed with
/// SIGKILL at several moments of a large (bulk path) import of a case on disk.
class KilledImportTest : public Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void killedImportLeavesTheCaseWholeOrUntouched_data();
    void killedImportLeavesTheCaseWholeOrUntouched();

private:
    static constexpr int Companies = 25000;
    static Tests::ProcessResult cli(const QStringList &args) { return Tests::run(QStringLiteral(CASEGRAPH_CLI), args); }
    qint64 entityCount(const QString &casePath);
    QByteArray exported(const QString &casePath, const QString &name);
    QString writeLargeFile();
};

qint64 KilledImportTest::entityCount(const QString &casePath) {
    const QJsonObject info = Tests::runJson(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("info"), casePath});
    return info.value(QLatin1String("entities")).toInteger(-1);
}

QByteArray KilledImportTest::exported(const QString &casePath, const QString &name) {
    const QString out = path(name);
    const auto r = cli({QStringLiteral("export"), casePath, out, QStringLiteral("--format"), QStringLiteral("ftm")});
    if (r.exitCode != 0) {
        qWarning("%s", qPrintable(r.err));
        return {};
    }
    QFile file(out);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString KilledImportTest::writeLargeFile() {
    // Companies, each owned by the previous one: entity rows, value rows, references and search
    // rows, enough for the bulk path (indexes dropped and rebuilt inside the transaction).
    QByteArray lines;
    lines.reserve(Companies * 260);
    for (int i = 0; i < Companies; ++i) {
        lines += QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("co-%1").arg(i)},
                                           {QStringLiteral("schema"), QStringLiteral("Company")},
                                           {QStringLiteral("properties"),
                                            QJsonObject{{QStringLiteral("name"), QJsonArray{QStringLiteral("Company %1 Ltd").arg(i)}},
                                                        {QStringLiteral("country"), QJsonArray{QStringLiteral("cn")}},
                                                        {QStringLiteral("incorporationDate"), QJsonArray{QStringLiteral("2019-05")}}}}})
                     .toJson(QJsonDocument::Compact);
        lines += '\n';
        if (i > 0) {
            lines += QJsonDocument(QJsonObject{{QStringLiteral("id"), QStringLiteral("own-%1").arg(i)},
                                               {QStringLiteral("schema"), QStringLiteral("Ownership")},
                                               {QStringLiteral("properties"),
                                                QJsonObject{{QStringLiteral("owner"), QJsonArray{QStringLiteral("co-%1").arg(i - 1)}},
                                                            {QStringLiteral("asset"), QJsonArray{QStringLiteral("co-%1").arg(i)}},
                                                            {QStringLiteral("percentage"), QJsonArray{QStringLiteral("51")}}}}})
                         .toJson(QJsonDocument::Compact);
            lines += '\n';
        }
    }
    return write(QStringLiteral("large.ftm.json"), lines);
}

void KilledImportTest::killedImportLeavesTheCaseWholeOrUntouched_data() {
    QTest::addColumn<int>("killAfterMs");
    QTest::newRow("early") << 100;
    QTest::newRow("midway") << 400;
    QTest::newRow("late") << 800;
}

void KilledImportTest::killedImportLeavesTheCaseWholeOrUntouched() {
    QFETCH(int, killAfterMs);
    const QString casePath = path(QStringLiteral("case.casegraph"));
    QCOMPARE(cli({QStringLiteral("demo"), casePath}).exitCode, 0);
    const qint64 before = entityCount(casePath);
    QVERIFY(before > 100);
    const QByteArray contentBefore = exported(casePath, QStringLiteral("before.ftm.json"));
    QVERIFY(!contentBefore.isEmpty());
    const QString file = writeLargeFile();
    const qint64 imported = 2 * Companies - 1;

    QProcess import;
    import.start(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("import"), casePath, file, QStringLiteral("--format"), QStringLiteral("ftm")});
    QVERIFY(import.waitForStarted());
    const bool finishedFirst = import.waitForFinished(killAfterMs);
    if (!finishedFirst) {
        import.kill(); // SIGKILL: no handler, no rollback by the program itself
        QVERIFY(import.waitForFinished(10000));
    }

    // The file is sound, its audit chain and digests hold, and it holds all or nothing.
    const auto check = cli({QStringLiteral("check"), casePath});
    QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    const auto verify = cli({QStringLiteral("verify"), casePath});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.out + verify.err));
    const qint64 after = entityCount(casePath);
    QVERIFY2(after == before || after == before + imported,
             qPrintable(QStringLiteral("%1 entities before, %2 after").arg(before).arg(after)));
    if (after == before) {
        QCOMPARE(exported(casePath, QStringLiteral("after.ftm.json")), contentBefore);
    } else {
        qInfo("the kill at %d ms came after the commit: the whole import is in the case", killAfterMs);
    }

    // The same import, run again to the end, completes as if nothing had happened.
    const auto again = cli({QStringLiteral("import"), casePath, file, QStringLiteral("--format"), QStringLiteral("ftm")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(entityCount(casePath), before + imported);
    QCOMPARE(cli({QStringLiteral("verify"), casePath}).exitCode, 0);
}

QTEST_GUILESS_MAIN(KilledImportTest)
#include "killedimport_test.moc"

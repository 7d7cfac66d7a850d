// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/progressmeter.h"
#include "support/testsupport.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::run;

/// `casegraph-cli import` shows progress (records, rate, time left) on stderr only when stderr
/// is a terminal; scripts and tests that read it through a pipe get the summary alone.
class CliProgressTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void silentOnAPipe();
    void progressOnATerminal();
    void meterText();

private:
    QString makeCase(const QString &name);
    QTemporaryDir m_dir;
    QString m_file;
};

void CliProgressTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_file = m_dir.filePath(QStringLiteral("people.json"));
    QFile f(m_file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 5000; ++i) {
        f.write("{\"id\":\"p" + QByteArray::number(i) + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"P " +
                QByteArray::number(i) + "\"]}}\n");
    }
}

QString CliProgressTest::makeCase(const QString &name) {
    const QString path = m_dir.filePath(name);
    const auto made = run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("new"), path});
    return made.exitCode == 0 ? path : QString();
}

void CliProgressTest::silentOnAPipe() {
    const QString c = makeCase(QStringLiteral("pipe.casegraph"));
    QVERIFY(!c.isEmpty());
    const auto r = run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("import"), c, m_file});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.err, QString());
    QVERIFY(r.out.contains(QStringLiteral("5000 records")));
}

void CliProgressTest::progressOnATerminal() {
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty()) {
        QSKIP("script(1) is not installed: no way to give the CLI a terminal");
    }
    const QString c = makeCase(QStringLiteral("tty.casegraph"));
    QVERIFY(!c.isEmpty());
    // script runs the command on a pseudo-terminal and copies what it prints to our pipe.
    const QString command = QStringLiteral("'%1' import '%2' '%3'").arg(QStringLiteral(CASEGRAPH_CLI), c, m_file);
    const auto r = run(script, {QStringLiteral("-qfec"), command, QStringLiteral("/dev/null")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("\r1,000 records")) || r.out.contains(QStringLiteral("\r1000 records")),
             qPrintable(r.out.left(400)));
    QVERIFY(r.out.contains(QStringLiteral("Imported ")));
}

void CliProgressTest::meterText() {
    ProgressMeter meter;
    QVERIFY(meter.update(100, 1000, 10)); // the first report always shows
    QVERIFY(!meter.update(200, 1000, 20)); // then at most every 250 ms
    QCOMPARE(meter.permille(), 200);
    // "20 record(s)" here; the programs install the catalogue that makes it "20 records" (checked
    // through casegraph-cli above).
    QVERIFY(meter.text().startsWith(QStringLiteral("20 record")));
    // Once all is read the commit may still take seconds: it says so instead of "about 0 s left".
    QVERIFY(!meter.isFinishing());
    meter.update(1000, 1000, 100);
    QVERIFY(meter.isFinishing());
    QVERIFY2(meter.text().endsWith(QStringLiteral(" · finishing…")), qPrintable(meter.text()));
    QCOMPARE(ProgressMeter::duration(65), QStringLiteral("1 min 05 s"));
    QCOMPARE(ProgressMeter::duration(7), QStringLiteral("7 s"));
    QTest::qWait(600);
    QVERIFY(meter.update(500, 1000, 50));
    QVERIFY(meter.secondsLeft() >= 0); // half done after ~0.6 s: under a second or so to go
    QVERIFY(meter.secondsLeft() <= 2);
    QVERIFY(meter.text().contains(QStringLiteral("left")));
}

QTEST_MAIN(CliProgressTest)
#include "cliprogress_test.moc"

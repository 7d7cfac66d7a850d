// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Casegraph::Tests::ProcessResult;

/// casegraph-cli decide, then diversion and exposure on the demo case: an accepted screening
/// match counts as a listing in the analytics, from a real case file on disk.
class AcceptedMatchCliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void acceptedMatchMakesAnEndUserListed();

private:
    ProcessResult cli(const QStringList &args) const
    {
        return Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI), args);
    }
    QJsonObject json(const QStringList &args) const
    {
        return Casegraph::Tests::runJson(QStringLiteral(CASEGRAPH_CLI), args);
    }
    QTemporaryDir m_dir;
    QString m_list;
};

void AcceptedMatchCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_list = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json"));
}

// An accepted match makes the case entity listed for `diversion` and `exposure`; a later
// rejection takes it back. Every step is audited (no "outside a transaction" warning).
void AcceptedMatchCliTest::acceptedMatchMakesAnEndUserListed()
{
    const QString path = m_dir.filePath(QStringLiteral("accepted.casegraph"));
    QCOMPARE(cli({QStringLiteral("demo"), path}).exitCode, 0);
    QCOMPARE(cli({QStringLiteral("list-load"), path, m_list, QStringLiteral("--name"), QStringLiteral("el")}).exitCode, 0);
    const QStringList diversion{QStringLiteral("diversion"), path, QStringLiteral("--from"), QStringLiteral("demo-thermo-fisher")};
    const QStringList exposure{QStringLiteral("exposure"), path, QStringLiteral("--entity"), QStringLiteral("demo-xinjiang-police")};
    // Before: the Xinjiang police are a listed end user of Thermo Fisher's goods through the
    // demo's own Sanction (the U.S. ban on sales to them) only.
    const QString ban = QStringLiteral("demo-sanction-xinjiang-police-sequencers");
    QCOMPARE(json(diversion).value(QStringLiteral("endUsers")).toArray(), QJsonArray{QStringLiteral("demo-xinjiang-police")});
    QVERIFY(cli(diversion).out.contains(QStringLiteral("demo-xinjiang-police (listed: %1)").arg(ban)));
    QVERIFY(!cli(diversion).out.contains(QStringLiteral("el-xpsb")));

    const QStringList decide{QStringLiteral("--actor"), QStringLiteral("Ana Reporter"), QStringLiteral("decide"), path,
                             QStringLiteral("demo-xinjiang-police"), QStringLiteral("el-xpsb"), QStringLiteral("--list"),
                             QStringLiteral("el")};
    const ProcessResult accepted = cli(decide + QStringList{QStringLiteral("--accept")});
    QCOMPARE(accepted.exitCode, 0);
    QVERIFY2(!accepted.err.contains(QStringLiteral("outside a transaction")), qPrintable(accepted.err));

    const QJsonObject paths = json(diversion);
    QCOMPARE(paths.value(QStringLiteral("endUsers")).toArray(), QJsonArray{QStringLiteral("demo-xinjiang-police")});
    QVERIFY2(cli(diversion).out.contains(QStringLiteral("el-xpsb-sanction")), qPrintable(cli(diversion).out));
    const QJsonArray verdicts = json(exposure).value(QStringLiteral("entities")).toArray();
    QCOMPARE(verdicts.size(), 1);
    QCOMPARE(verdicts.first().toObject().value(QStringLiteral("verdict")).toString(), QStringLiteral("listed"));
    QVERIFY(verdicts.first().toObject().value(QStringLiteral("sanctions")).toArray().contains(
        QStringLiteral("el-xpsb-sanction")));
    const QString why = cli(exposure).out;
    QVERIFY2(why.contains(QStringLiteral("demo-xinjiang-police — listed")), qPrintable(why));
    QVERIFY2(why.contains(QStringLiteral("listed by an accepted screening match with list entry el-xpsb "
                                         "(US Commerce Department; Entity List)")),
             qPrintable(why));

    // A rejection supersedes the acceptance.
    QCOMPARE(cli(decide + QStringList{QStringLiteral("--reject")}).exitCode, 0);
    QVERIFY(!cli(diversion).out.contains(QStringLiteral("el-xpsb")));
    QVERIFY(cli(diversion).out.contains(QStringLiteral("demo-xinjiang-police (listed: %1)").arg(ban)));
    const ProcessResult screened = cli({QStringLiteral("screen"), path, QStringLiteral("--list"), QStringLiteral("el")});
    QVERIFY2(!screened.err.contains(QStringLiteral("outside a transaction")), qPrintable(screened.err));
    QCOMPARE(cli({QStringLiteral("verify"), path}).exitCode, 0);
}

QTEST_GUILESS_MAIN(AcceptedMatchCliTest)
#include "acceptedmatchcli_test.moc"

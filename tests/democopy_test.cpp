// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "demo/democopy.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::countEntitiesMatching;
using Casegraph::Tests::fileSha256;

/// The one demo copy the GUI opens: written once, reused while untouched, kept once the user
/// has worked in it, refreshed when an unchanged copy came from another build's demo, replaced
/// on request. Real case files in a scratch data folder.
class DemoCopyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void writtenOnceThenReused();
    void anEditedCopyIsKept();
    void aMovedChartCountsAsAChange();
    void anUnchangedCopyOfAnOlderDemoIsRefreshed();
    void anEditedCopyOfAnOlderDemoIsKept();
    void aSchemaUpgradeIsNotAChange();
    void resetReplacesEvenAnEditedCopy();
    void anUnreadableCopyIsKept();

private:
    /// The audit head's hash: a fresh write gives a new one (the entries carry their time).
    static QString headOf(const QString &path);
    QString oldCopy() const { return m_dir->filePath(QStringLiteral("demo-20250314-093000.casegraph")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
};

void DemoCopyTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void DemoCopyTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_folder = m_dir->path();
    // A timestamped copy left by an earlier build, with the user's work in it.
    CaseFile old;
    QVERIFY(old.create(oldCopy(), QStringLiteral("My demo notes")).ok());
}

QString DemoCopyTest::headOf(const QString &path)
{
    CaseFile c;
    return c.open(path, CaseFile::OpenMode::ReadOnly) ? c.audit().head().hash : QString();
}

void DemoCopyTest::writtenOnceThenReused()
{
    const QByteArray oldBytes = fileSha256(oldCopy());
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(first->outcome, DemoCopy::Outcome::Created);
    QCOMPARE(first->path, DemoCopy::pathIn(m_folder));
    QVERIFY(first->path.endsWith(QLatin1String("/demo.casegraph")));
    const QString head = headOf(first->path);
    QVERIFY(!head.isEmpty());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        QCOMPARE(DemoCase::digestOf(c), DemoCase::bundledDigest());
        QVERIFY(!DemoCase::changedSinceWritten(c));
        QVERIFY(c.entities().count() > 100);
    }

    // Opened again and again: the same file, not rewritten, and nothing piles up.
    for (int run = 0; run < 3; ++run) {
        auto again = DemoCopy::prepare(m_folder);
        QVERIFY(again.ok());
        QCOMPARE(again->outcome, DemoCopy::Outcome::Reused);
        QCOMPARE(again->path, first->path);
        QCOMPARE(headOf(again->path), head);
    }
    QCOMPARE(QDir(m_folder).entryList({QStringLiteral("*.casegraph")}, QDir::Files),
             QStringList({QStringLiteral("demo-20250314-093000.casegraph"), QStringLiteral("demo.casegraph")}));
    QCOMPARE(fileSha256(oldCopy()), oldBytes); // the earlier build's copy is the user's: untouched
}

void DemoCopyTest::anEditedCopyIsKept()
{
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        CaseEditor editor(c);
        QVERIFY(editor.createEntity(QStringLiteral("Person"), QStringLiteral("Jane Fieldworker")).ok());
    }
    const QString head = headOf(first->path);
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Kept);
    QCOMPARE(again->path, first->path);
    QCOMPARE(headOf(again->path), head);
    QCOMPARE(countEntitiesMatching(again->path, QStringLiteral("Fieldworker")), 1);
}

void DemoCopyTest::aMovedChartCountsAsAChange()
{
    // Chart layouts are not in the audit log, but arranging the demo chart is work too.
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        const QList<Chart> charts = c.charts().charts();
        QVERIFY(!charts.isEmpty());
        QList<ChartNode> nodes = c.charts().nodes(charts.first().id);
        QVERIFY(!nodes.isEmpty());
        QTest::qWait(5); // a later modification time than the demo writer's
        nodes.first().x += 120;
        QVERIFY(c.charts().setNodes(charts.first().id, {nodes.first()}).ok());
    }
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Kept);
}

void DemoCopyTest::anUnchangedCopyOfAnOlderDemoIsRefreshed()
{
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        // What an older build stamped: another digest (meta is settings, not audited content).
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        QVERIFY(c.setMeta(QStringLiteral("demo.digest"), QStringLiteral("digest-of-an-older-demo")).ok());
        QVERIFY(!DemoCase::changedSinceWritten(c));
    }
    const QString oldHead = headOf(first->path);
    const QByteArray oldBytes = fileSha256(oldCopy());
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Refreshed);
    QCOMPARE(again->path, first->path);
    QVERIFY(headOf(again->path) != oldHead);
    CaseFile c;
    QVERIFY(c.open(again->path).ok());
    QCOMPARE(DemoCase::digestOf(c), DemoCase::bundledDigest());
    c.close();
    QVERIFY(!QFile::exists(again->path + QStringLiteral(".part")));
    QVERIFY(!QFile::exists(again->path + QStringLiteral("-wal")));
    QCOMPARE(fileSha256(oldCopy()), oldBytes);
}

void DemoCopyTest::anEditedCopyOfAnOlderDemoIsKept()
{
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        QVERIFY(c.setMeta(QStringLiteral("demo.digest"), QStringLiteral("digest-of-an-older-demo")).ok());
        CaseEditor editor(c);
        QVERIFY(editor.createEntity(QStringLiteral("Company"), QStringLiteral("Lead Under Study Ltd")).ok());
    }
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Kept);
    QCOMPARE(countEntitiesMatching(again->path, QStringLiteral("Lead Under Study")), 1);
}

void DemoCopyTest::aSchemaUpgradeIsNotAChange()
{
    // A newer build upgrades the copy when it opens it; the entry that records the upgrade is
    // not the user's work.
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        QVERIFY(c.appendAudit(QStringLiteral("upgrade"), {}, {{QStringLiteral("version"), 5}}).ok());
        QVERIFY(!DemoCase::changedSinceWritten(c));
    }
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Reused);
}

void DemoCopyTest::resetReplacesEvenAnEditedCopy()
{
    auto first = DemoCopy::prepare(m_folder);
    QVERIFY(first.ok());
    {
        CaseFile c;
        QVERIFY(c.open(first->path).ok());
        CaseEditor editor(c);
        QVERIFY(editor.createEntity(QStringLiteral("Person"), QStringLiteral("Jane Fieldworker")).ok());
    }
    const QByteArray oldBytes = fileSha256(oldCopy());
    auto reset = DemoCopy::reset(m_folder);
    QVERIFY2(reset.ok(), qPrintable(reset ? QString() : reset.error().toString()));
    QCOMPARE(reset->outcome, DemoCopy::Outcome::Reset);
    QCOMPARE(reset->path, first->path);
    QCOMPARE(countEntitiesMatching(reset->path, QStringLiteral("Fieldworker")), 0);
    {
        CaseFile c;
        QVERIFY(c.open(reset->path).ok());
        QVERIFY(!DemoCase::changedSinceWritten(c));
        QVERIFY(c.entities().count() > 100);
    }
    QCOMPARE(DemoCopy::prepare(m_folder)->outcome, DemoCopy::Outcome::Reused);
    QCOMPARE(QDir(m_folder).entryList({QStringLiteral("*.casegraph")}, QDir::Files),
             QStringList({QStringLiteral("demo-20250314-093000.casegraph"), QStringLiteral("demo.casegraph")}));
    QCOMPARE(fileSha256(oldCopy()), oldBytes);
}

void DemoCopyTest::anUnreadableCopyIsKept()
{
    // Not a case file at all: never overwritten unasked (the user may have put it there).
    const QString path = DemoCopy::pathIn(m_folder);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a database");
    f.close();
    auto again = DemoCopy::prepare(m_folder);
    QVERIFY(again.ok());
    QCOMPARE(again->outcome, DemoCopy::Outcome::Kept);
    QCOMPARE(fileSha256(path), QCryptographicHash::hash("not a database", QCryptographicHash::Sha256));
    QVERIFY(DemoCopy::reset(m_folder).ok());
    QCOMPARE(DemoCopy::prepare(m_folder)->outcome, DemoCopy::Outcome::Reused);
}

QTEST_MAIN(DemoCopyTest)
#include "democopy_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// Each migration is tested from a file of the previous version, filled the way that version
/// of Casegraph wrote it.
class MigrationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version1To2BuildsSearchIndex();
    void failedUpgradeLeavesFileUntouched();
    void readOnlyOpenDoesNotUpgrade();
};

namespace {
// Writes a version-1 file: tables as version 1 defined them, rows as it wrote them.
void writeVersion1(const QString &path)
{
    QVERIFY(Casegraph::Tests::writeOldCase(
        path, 1,
        QStringLiteral("INSERT INTO statement(entity, prop, value, prov) VALUES(1, 'alias', '深网视界', 1);"
                       "INSERT INTO statement(entity, prop, value, prov) VALUES(1, 'country', 'cn', 1);"
                       "INSERT INTO entity(id, eid, schema, caption) VALUES(2, 'a1', 'Article', 'Entity List');"
                       "INSERT INTO source(id, entity, file_name, mime, sha256, original, text, imported_at, added_by) "
                       "VALUES(1, 2, 'a.txt', 'text/plain', '', 'x', 'SenseNets and its parent NetPosa were added', "
                       "'2026-01-01T00:00:00.000Z', 'bob');")));
}
} // namespace

void MigrationTest::version1To2BuildsSearchIndex()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.casegraph"));
    writeVersion1(path);
    {
        Sql::Database db;
        QVERIFY(db.open(path).ok());
        QCOMPARE(db.userVersion(), 1);
    }
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    QCOMPARE(cf.info().schemaVersion, CaseFile::SchemaVersion);
    // Data survives unchanged, with its provenance.
    const auto e = cf.entities().entityById(QStringLiteral("sn"));
    QVERIFY(e.has_value());
    QCOMPARE(e->values.size(), 3);
    QCOMPARE(cf.provenance(e->values.first().provenanceId)->actor, QStringLiteral("bob"));
    // The new index covers names, aliases (Chinese too) and source text.
    QCOMPARE(cf.entities().search(QStringLiteral("sensenet")).value(0).id, QStringLiteral("sn"));
    QCOMPARE(cf.entities().search(QStringLiteral("深网")).value(0).id, QStringLiteral("sn"));
    const auto hits = cf.entities().search(QStringLiteral("NetPosa"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, SearchHit::Kind::Source);
    QVERIFY(cf.check()->isEmpty());
}

void MigrationTest::failedUpgradeLeavesFileUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.casegraph"));
    writeVersion1(path);
    {
        // A table in the way of version 2 makes its migration fail half-way.
        Sql::Database db;
        QVERIFY(db.open(path).ok());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE source_fts(x)")).ok());
    }
    CaseFile cf;
    const auto st = cf.open(path);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("version 2")));
    Sql::Database db;
    QVERIFY(db.open(path).ok());
    QCOMPARE(db.userVersion(), 1);
    auto t = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name='entity_fts'"));
    QVERIFY(t && (*t)->step());
    QCOMPARE((*t)->int64(0), 0);
}

void MigrationTest::readOnlyOpenDoesNotUpgrade()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v1.casegraph"));
    writeVersion1(path);
    CaseFile cf;
    const auto st = cf.open(path, CaseFile::OpenMode::ReadOnly);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("upgrade")));
}

QTEST_MAIN(MigrationTest)
#include "migration_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"
#include "storage/supportstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// Schema version 4 adds the case's grading scheme; a version-3 file with graded excerpts
/// keeps them and reads as the Admiralty code until the user picks another scheme.
class GradingMigrationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version3To4KeepsGradesAndAddsTheScheme();
};

void GradingMigrationTest::version3To4KeepsGradesAndAddsTheScheme() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.casegraph"));
    QVERIFY(CaseFile::createAtVersion(path, 3).ok());
    {
        // Rows as version 3 wrote them: an entity, an article with its source, a graded claim.
        Sql::Database db;
        QVERIFY(db.open(path).ok());
        QCOMPARE(db.userVersion(), 3);
        QVERIFY(db.exec(QStringLiteral(
                            "INSERT INTO provenance(id, kind, label, actor, at) VALUES(1, 'import', 'old.json', 'bob', "
                            "'2026-01-01T00:00:00.000Z');"
                            "INSERT INTO entity(id, eid, schema, caption) VALUES(1, 'sn', 'Company', 'SenseNets');"
                            "INSERT INTO statement(entity, prop, value, prov) VALUES(1, 'name', 'SenseNets', 1);"
                            "INSERT INTO entity(id, eid, schema, caption) VALUES(2, 'a1', 'Article', 'Entity List');"
                            "INSERT INTO source(id, entity, file_name, mime, sha256, original, text, imported_at, "
                            "added_by) VALUES(1, 2, 'a.txt', 'text/plain', '', 'x', 'SenseNets 深网视界 was added', "
                            "'2026-01-01T00:00:00.000Z', 'bob');"
                            "INSERT INTO claim(id, entity, credibility, status, created_at, actor) "
                            "VALUES(1, 1, '2', 'corroborated', '2026-01-01T00:00:00.000Z', 'bob');"
                            "INSERT INTO excerpt(id, claim, source, start, end, quote, stance, reliability, created_at, "
                            "actor) VALUES(1, 1, 1, 10, 14, '深网视界', 'supports', 'B', '2026-01-01T00:00:00.000Z', "
                            "'bob');"))
                    .ok());
    }
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    QCOMPARE(cf.info().schemaVersion, CaseFile::SchemaVersion);
    QVERIFY(CaseFile::SchemaVersion >= 4);
    SupportStore support(cf);
    QCOMPARE(support.gradingScheme(), GradingScheme::admiralty());
    const Support s = support.supportOf(1);
    QCOMPARE(s.bestReliability, QStringLiteral("B"));
    QCOMPARE(s.bestCredibility, QStringLiteral("2"));
    QCOMPARE(s.status, ClaimStatus::Corroborated);
    QCOMPARE(support.excerpt(1)->quote, QStringLiteral("深网视界"));
    QVERIFY(support.setGradingScheme(GradingScheme::i2()).ok());
    QCOMPARE(support.gradingScheme().name, QStringLiteral("i2"));
    QVERIFY(cf.check()->isEmpty());
}

QTEST_GUILESS_MAIN(GradingMigrationTest)
#include "gradingmigration_test.moc"

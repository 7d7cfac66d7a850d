// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importjob.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/entitystore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTest>

#include <sqlite3.h>

using namespace Casegraph::Models;
using Casegraph::Tests::ScratchDir;

namespace {

constexpr int kRecords = 25000;

/// FtM lines large enough (> 5 MB) for the bulk path: people with a name, an alias and a note,
/// companies owned by the person before them, one CJK name, and at the end 500 lines that repeat
/// earlier ids with one more alias each (merges during the bulk load).
QByteArray bulkFile(int first, int count, bool withRepeats)
{
    QByteArray out;
    const QByteArray note(90, 'x');
    for (int i = first; i < first + count; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 2 == 0) {
            const QByteArray name = i == 4242 ? QByteArray("华为技术有限公司") : "Person Number" + n;
            out += "{\"id\":\"p" + n + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" + name +
                   "\"],\"alias\":[\"Alias" + n + " Holder\"],\"notes\":[\"" + note + "\"],\"nationality\":[\"gb\"]}}\n";
        } else {
            out += "{\"id\":\"o" + n + "\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"p" +
                   QByteArray::number(i - 1) + "\"],\"asset\":[\"c" + n + "\"],\"percentage\":[\"51\"],\"summary\":[\"" +
                   note + "\"]}}\n";
        }
    }
    if (withRepeats) {
        for (int i = 0; i < 1000; i += 2) {
            out += "{\"id\":\"p" + QByteArray::number(i) + "\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"Second" +
                   QByteArray::number(i) + " Repeat\"]}}\n";
        }
    }
    return out;
}

QString verifyProblems(const CaseFile &cf)
{
    const auto report = CaseVerifier::verify(cf);
    if (!report) {
        return report.error().toString();
    }
    QStringList out;
    for (const auto &p : report->problems) {
        out << p.message;
    }
    return out.join(QLatin1Char('\n'));
}

QStringList hitIds(const CaseFile &cf, const QString &query)
{
    QStringList ids;
    for (const auto &h : cf.entities().search(query, 50)) {
        ids << h.id;
    }
    ids.sort();
    return ids;
}

QByteArray fileHash(const QString &path)
{
    return QCryptographicHash::hash(Casegraph::Tests::readFile(path), QCryptographicHash::Sha256).toHex();
}

} // namespace

/// Large imports (the bulk path: secondary indexes built after the load, audit rows hashed by
/// row-id range) leave the case exactly as the row-by-row path does, verify clean, still catch
/// tampering, and roll back to the same bytes on Cancel.
class BulkImportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void bulkPathMatchesRowByRowPath();
    void tamperedBulkRowIsFound();
    void auditDigestByRangeEqualsRowByRow();
    void cancelLeavesTheFileByteIdentical();
};

void BulkImportTest::bulkPathMatchesRowByRowPath()
{
    ScratchDir dir;
    QVERIFY(dir.isValid());
    const QString whole = dir.write(QStringLiteral("whole.json"), bulkFile(0, kRecords, true));
    QVERIFY(QFileInfo(whole).size() > 5'000'000);

    CaseFile bulk;
    QVERIFY(bulk.create(dir.path(QStringLiteral("bulk.casegraph"))).ok());
    const auto r = ImportJob::run(bulk, whole);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QVERIFY(r->bulk);
    QCOMPARE(r->created, qint64(kRecords));
    QCOMPARE(r->merged, qint64(500));
    QCOMPARE(r->dangling, qint64(kRecords / 2)); // the companies are not in the file

    // The same records in pieces small enough for the row-by-row path.
    CaseFile rows;
    QVERIFY(rows.create(dir.path(QStringLiteral("rows.casegraph"))).ok());
    for (int first = 0; first < kRecords; first += 5000) {
        const QString part = dir.write(QStringLiteral("part-%1.json").arg(first),
                                       bulkFile(first, 5000, first + 5000 >= kRecords));
        const auto p = ImportJob::run(rows, part);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QVERIFY(!p->bulk);
    }

    QCOMPARE(dir.checksum(bulk), dir.checksum(rows));
    QCOMPARE(bulk.info().values, rows.info().values);
    for (const QString &q : {QStringLiteral("Alias12"), QStringLiteral("\"Person Number 4\""),
                             QStringLiteral("Second10"), QStringLiteral("技术"), QStringLiteral("holder pers")}) {
        QCOMPARE(hitIds(bulk, q), hitIds(rows, q));
    }
    QVERIFY(hitIds(bulk, QStringLiteral("技术")).contains(QStringLiteral("p4242")));
    QCOMPARE(hitIds(bulk, QStringLiteral("\"Second10 Repeat\"")), QStringList{QStringLiteral("p10")});
    // The deferred indexes are back, and the queries use them (statements scoped: a live one
    // would keep the next import from dropping indexes).
    {
        auto plan = bulk.database().prepare(QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM statement WHERE entity=1"));
        QVERIFY(plan.ok() && (*plan)->step());
        QVERIFY2((*plan)->text(3).contains(QLatin1String("statement_entity")), qPrintable((*plan)->text(3)));
        for (const char *ix : {"entity_caption", "entity_schema", "statement_ref", "statement_entity"}) {
            auto s = bulk.database().prepare(QStringLiteral("SELECT 1 FROM sqlite_schema WHERE type='index' AND name='%1'")
                                                 .arg(QLatin1String(ix)));
            QVERIFY2(s.ok() && (*s)->step(), ix);
        }
    }
    QCOMPARE(bulk.entities().referencing(QStringLiteral("p2")).size(), qsizetype(1));
    QVERIFY2(verifyProblems(bulk).isEmpty(), qPrintable(verifyProblems(bulk)));
    QVERIFY2(verifyProblems(rows).isEmpty(), qPrintable(verifyProblems(rows)));

    // Importing the file again adds nothing.
    const auto again = ImportJob::run(bulk, whole);
    QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
    QCOMPARE(again->created, qint64(0));
    QCOMPARE(again->unchanged, qint64(kRecords + 500));
    QCOMPARE(bulk.info().values, rows.info().values);
    QVERIFY2(verifyProblems(bulk).isEmpty(), qPrintable(verifyProblems(bulk)));
}

void BulkImportTest::tamperedBulkRowIsFound()
{
    ScratchDir dir;
    const QString whole = dir.write(QStringLiteral("whole.json"), bulkFile(0, kRecords, false));
    const QString path = dir.path(QStringLiteral("case.casegraph"));
    {
        CaseFile cf;
        QVERIFY(cf.create(path).ok());
        const auto r = ImportJob::run(cf, whole);
        QVERIFY(r.ok() && r->bulk);
    }
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "UPDATE statement SET value='Someone Else' WHERE id=(SELECT max(id) FROM statement "
                              "WHERE prop='name')",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(db);
    CaseFile cf;
    QVERIFY(cf.open(path, CaseFile::OpenMode::ReadOnly).ok());
    QVERIFY2(verifyProblems(cf).contains(QLatin1String("statement")), qPrintable(verifyProblems(cf)));
}

void BulkImportTest::auditDigestByRangeEqualsRowByRow()
{
    // Inside one transaction in bulk mode: new rows, updates and deletes of new rows, and an
    // update and a delete of rows that were there before. The entry's digest must equal a scan.
    ScratchDir dir;
    auto cf = dir.seededCase(QStringLiteral("seeded.casegraph"));
    QVERIFY(cf);
    auto &db = cf->database();
    Sql::Transaction tx(db);
    QVERIFY(tx.isActive());
    QVERIFY(cf->audit().beginBulk({QStringLiteral("entity"), QStringLiteral("statement")}).ok());
    const qint64 prov = *cf->addProvenance(Provenance::Kind::Import, QStringLiteral("bulk.json"));
    for (int i = 0; i < 20; ++i) {
        Entity e;
        e.id = QStringLiteral("bulk-%1").arg(i);
        e.schema = QStringLiteral("Person");
        e.add(QStringLiteral("name"), QStringLiteral("Bulk %1").arg(i));
        QVERIFY(cf->entities().write(e, prov).ok());
    }
    QVERIFY(db.exec(QStringLiteral("UPDATE statement SET value='Changed' WHERE id=(SELECT max(id) FROM statement);"
                                   "DELETE FROM statement WHERE id=(SELECT max(id) - 1 FROM statement);"
                                   "UPDATE statement SET value=value || '!' WHERE id=(SELECT min(id) FROM statement);"
                                   "DELETE FROM statement WHERE id=(SELECT min(id) + 1 FROM statement);"))
                .ok());
    QVERIFY(cf->appendAudit(QStringLiteral("import"), {}, {}).ok());
    const auto scanned = AuditLog::scanDigest(db);
    QVERIFY(scanned.ok());
    const auto logged = AuditLog::digestFromJson(
        QJsonDocument::fromJson(cf->audit().head().digest.toUtf8()).object());
    QCOMPARE(logged.value(QStringLiteral("statement")), scanned->value(QStringLiteral("statement")));
    QCOMPARE(logged.value(QStringLiteral("entity")), scanned->value(QStringLiteral("entity")));
    // Rows written after the entry are hashed one by one again.
    Entity late;
    late.id = QStringLiteral("late");
    late.schema = QStringLiteral("Person");
    late.add(QStringLiteral("name"), QStringLiteral("Late Comer"));
    QVERIFY(cf->entities().write(late, prov).ok());
    QVERIFY(tx.commit().ok());
    QVERIFY2(verifyProblems(*cf).isEmpty(), qPrintable(verifyProblems(*cf)));
}

void BulkImportTest::cancelLeavesTheFileByteIdentical()
{
    ScratchDir dir;
    const QString whole = dir.write(QStringLiteral("whole.json"), bulkFile(0, kRecords, false));
    const QString path = dir.path(QStringLiteral("case.casegraph"));
    {
        auto cf = dir.seededCase(QStringLiteral("case.casegraph"));
        QVERIFY(cf);
    }
    const QByteArray before = fileHash(path);
    QVERIFY(!before.isEmpty());
    {
        CaseFile cf;
        QVERIFY(cf.open(path).ok());
        const auto r = ImportJob::run(cf, whole, {}, [](qint64, qint64, qint64 records) { return records < 20000; });
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.contains(QLatin1String("cancelled")));
    }
    QVERIFY(!QFileInfo::exists(path + QLatin1String("-wal")));
    QCOMPARE(fileHash(path), before);
    CaseFile cf;
    QVERIFY(cf.open(path, CaseFile::OpenMode::ReadOnly).ok());
    QVERIFY2(verifyProblems(cf).isEmpty(), qPrintable(verifyProblems(cf)));
    QVERIFY(hitIds(cf, QStringLiteral("Alias12")).isEmpty());
}

QTEST_GUILESS_MAIN(BulkImportTest)
#include "bulkimport_test.moc"

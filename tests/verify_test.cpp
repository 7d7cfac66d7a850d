// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "io/importjob.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <sqlite3.h>

using namespace Casegraph::Models;

/// The audit log and `verify`: a case built through the application verifies clean; each kind
/// of tampering done with the sqlite3 C API behind its back is found and named.
class VerifyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanCaseVerifies();
    void verificationNamesItsStepsAndCancels();
    void editsAreLoggedWithBeforeAndAfter();
    void unlabelledChangesGetAnEntry();
    void logCannotBeEditedThroughSql();
    void changedSourceByte();
    void changedLogEntry();
    void deletedLogEntry();
    void reorderedLogEntries();
    void rewrittenEntryBreaksTheNextLink();
    void deletedNewestEntry();
    void valueChangedBehindTheAppsBack();
    void upgradeFromVersion3StartsTheLog();
    void cliVerifyReportsAndFails();

private:
    /// Runs SQL on the case with the raw C API, as another tool would.
    void tamper(const char *sql);
    VerifyReport verify();
    QTemporaryDir m_dir;
    QString m_path;
};

void VerifyTest::init()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("case-%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
    CaseFile cf;
    cf.setActor(QStringLiteral("alice"));
    QVERIFY(cf.create(m_path, QStringLiteral("Verify")).ok());
    // A source, through the ordinary document import.
    const QString article = m_dir.filePath(QStringLiteral("article.html"));
    QFile f(article);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<html><head><title>Entity List additions</title></head><body><p>SenseNets was added to the "
            "Entity List in 2019.</p></body></html>");
    f.close();
    const auto imported = ImportJob::run(cf, article, ImportOptions{});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
    // Edits through the undoable commands.
    CaseEditor editor(cf);
    const auto company = editor.createEntity(QStringLiteral("Company"), QStringLiteral("SenseNets"));
    QVERIFY(company.ok());
    QVERIFY(editor.addValue(*company, QStringLiteral("country"), QStringLiteral("cn")).ok());
    const auto person = editor.createEntity(QStringLiteral("Person"), QStringLiteral("Huang Yongfeng"));
    QVERIFY(person.ok());
    QVERIFY(editor.deleteEntity(*person).ok());
}

void VerifyTest::tamper(const char *sql)
{
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(QFile::encodeName(m_path).constData(), &db), SQLITE_OK);
    char *err = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
    const QString message = QString::fromUtf8(err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(message));
}

VerifyReport VerifyTest::verify()
{
    CaseFile cf;
    if (!cf.open(m_path, CaseFile::OpenMode::ReadOnly).ok()) {
        return {};
    }
    auto report = CaseVerifier::verify(cf);
    return report ? *report : VerifyReport{};
}

namespace {
QString messages(const VerifyReport &report)
{
    QStringList out;
    for (const auto &p : report.problems) {
        out << VerifyProblem::kindName(p.kind) + QLatin1String(": ") + p.message;
    }
    return out.join(QLatin1Char('\n'));
}
} // namespace

void VerifyTest::cleanCaseVerifies()
{
    const auto report = verify();
    QVERIFY2(report.ok(), qPrintable(messages(report)));
    QCOMPARE(report.sources, 1);
    // create, import, entity.create, value.add, entity.create, entity.delete
    QCOMPARE(report.entries, 6);
    QCOMPARE(report.headHash.size(), 64);
}

void VerifyTest::verificationNamesItsStepsAndCancels()
{
    CaseFile cf;
    QVERIFY(cf.open(m_path, CaseFile::OpenMode::ReadOnly).ok());
    QStringList stages;
    VerifyControl control;
    control.stage = [&](const QString &text) { stages << text; };
    QVERIFY(CaseVerifier::verify(cf, control).ok());
    QCOMPARE(stages, (QStringList{QStringLiteral("Checking each source against its SHA-256…"),
                                  QStringLiteral("Checking the audit log's chain…"),
                                  QStringLiteral("Checking every row against the audit log's digest…")}));
    // Cancelled during the row scan (SQLite's progress handler interrupts it) or at a step.
    for (int at = 0; at < 3; ++at) {
        stages.clear();
        control.cancelled = [&] { return stages.size() > at; };
        const auto report = CaseVerifier::verify(cf, control);
        QVERIFY2(!report.ok(), qPrintable(QString::number(at)));
        QCOMPARE(report.error().message, QStringLiteral("verification cancelled"));
    }
    // The connection is left without the handler: a later check runs whole.
    control.cancelled = {};
    QVERIFY(CaseVerifier::verify(cf, control)->ok());
}

void VerifyTest::editsAreLoggedWithBeforeAndAfter()
{
    CaseFile cf;
    cf.setActor(QStringLiteral("bob"));
    QVERIFY(cf.open(m_path).ok());
    const auto entries = cf.audit().entries();
    QStringList actions;
    for (const auto &e : entries) {
        actions << e.action;
    }
    QCOMPARE(actions, (QStringList{QStringLiteral("create"), QStringLiteral("import"), QStringLiteral("entity.create"),
                                   QStringLiteral("value.add"), QStringLiteral("entity.create"),
                                   QStringLiteral("entity.delete")}));
    QCOMPARE(entries.at(0).actor, QStringLiteral("alice"));
    QCOMPARE(entries.at(1).after.value(QStringLiteral("file")).toString(), QStringLiteral("article.html"));
    QCOMPARE(entries.at(1).after.value(QStringLiteral("sha256")).toString().size(), 64);
    QCOMPARE(entries.at(3).after.value(QStringLiteral("value")).toString(), QStringLiteral("cn"));
    // A change and its undo: before and after swap.
    CaseEditor editor(cf);
    const qint64 row = cf.entities().rowIdOf(entries.at(2).after.value(QStringLiteral("id")).toString());
    QCOMPARE(entries.at(2).target, QStringLiteral("entity:%1").arg(row));
    QVERIFY(row > 0);
    const auto entity = cf.entities().entity(row);
    const auto name = std::find_if(entity->values.cbegin(), entity->values.cend(),
                                   [](const PropertyValue &v) { return v.property == QLatin1String("name"); });
    QVERIFY(editor.changeValue(row, name->id, QStringLiteral("SenseNets Technology")).ok());
    editor.undoStack()->undo();
    const auto after = cf.audit().entries();
    QCOMPARE(after.size(), entries.size() + 2);
    const AuditEntry &change = after.at(after.size() - 2), &undo = after.last();
    QCOMPARE(change.action, QStringLiteral("value.change"));
    QCOMPARE(change.actor, QStringLiteral("bob"));
    QCOMPARE(change.target, QStringLiteral("entity:%1").arg(row));
    QCOMPARE(change.before.value(QStringLiteral("value")).toString(), QStringLiteral("SenseNets"));
    QCOMPARE(change.after.value(QStringLiteral("value")).toString(), QStringLiteral("SenseNets Technology"));
    QCOMPARE(undo.action, QStringLiteral("undo value.change"));
    QCOMPARE(undo.after.value(QStringLiteral("value")).toString(), QStringLiteral("SenseNets"));
    // A refused edit leaves no entry and no trace in the digest.
    QVERIFY(!editor.addValue(row, QStringLiteral("incorporationDate"), QStringLiteral("not a date")).ok());
    QCOMPARE(cf.audit().entries().size(), after.size());
    cf.close();
    const auto report = verify();
    QVERIFY2(report.ok(), qPrintable(messages(report)));
}

void VerifyTest::unlabelledChangesGetAnEntry()
{
    {
        CaseFile cf;
        QVERIFY(cf.open(m_path).ok());
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QStringLiteral("NetPosa"));
        // A feature that writes without calling appendAudit.
        Sql::Transaction tx(cf.database());
        const auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("script"));
        QVERIFY(cf.entities().create(e, *prov).ok());
        QVERIFY(tx.commit().ok());
        const AuditEntry last = cf.audit().entries().last();
        QCOMPARE(last.action, QStringLiteral("change"));
        const QJsonObject rows = last.after.value(QStringLiteral("rows")).toObject();
        QCOMPARE(rows.value(QStringLiteral("entity")).toObject().value(QStringLiteral("inserted")).toInt(), 1);
        QCOMPARE(rows.value(QStringLiteral("provenance")).toObject().value(QStringLiteral("inserted")).toInt(), 1);
    }
    const auto report = verify();
    QVERIFY2(report.ok(), qPrintable(messages(report)));
}

void VerifyTest::logCannotBeEditedThroughSql()
{
    CaseFile cf;
    QVERIFY(cf.open(m_path).ok());
    const auto st = cf.database().exec(QStringLiteral("UPDATE audit SET actor='mallory' WHERE seq=2"));
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("append-only")));
    QVERIFY(!cf.database().exec(QStringLiteral("DELETE FROM audit")).ok());
}

void VerifyTest::changedSourceByte()
{
    tamper("UPDATE source SET original = CAST(replace(CAST(original AS TEXT), 'SenseNets', 'SenseNots') AS BLOB)");
    const auto report = verify();
    QVERIFY(!report.ok());
    const auto &p = report.problems.first();
    QCOMPARE(p.kind, VerifyProblem::Kind::SourceHash);
    QCOMPARE(p.sourceId, 1);
    QVERIFY2(p.message.contains(QLatin1String("source 1 (article.html)")), qPrintable(p.message));
    QVERIFY(p.message.contains(QLatin1String("no longer matches its SHA-256")));
}

void VerifyTest::changedLogEntry()
{
    tamper("DROP TRIGGER audit_no_update; UPDATE audit SET actor='mallory' WHERE seq=3");
    const auto report = verify();
    QCOMPARE(report.problems.size(), 1);
    const auto &p = report.problems.first();
    QCOMPARE(p.kind, VerifyProblem::Kind::EntryChanged);
    QCOMPARE(p.entry, 3);
    QVERIFY2(p.message.contains(QLatin1String("entry 3 (entity.create by mallory")), qPrintable(p.message));
    QVERIFY(p.message.contains(QLatin1String("was changed")));
}

void VerifyTest::deletedLogEntry()
{
    tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=4");
    const auto report = verify();
    QCOMPARE(report.problems.size(), 1);
    const auto &p = report.problems.first();
    QCOMPARE(p.kind, VerifyProblem::Kind::EntryDeleted);
    QCOMPARE(p.entry, 4);
    QVERIFY2(p.message.contains(QLatin1String("entry 4 of the audit log is missing (deleted)")), qPrintable(p.message));
}

void VerifyTest::reorderedLogEntries()
{
    tamper("DROP TRIGGER audit_no_update;"
           "UPDATE audit SET seq=-1 WHERE seq=3; UPDATE audit SET seq=3 WHERE seq=4; UPDATE audit SET seq=4 WHERE seq=-1;");
    const auto report = verify();
    QCOMPARE(report.problems.size(), 1);
    const auto &p = report.problems.first();
    QCOMPARE(p.kind, VerifyProblem::Kind::EntryReordered);
    QCOMPARE(p.entry, 3);
    QVERIFY2(p.message.contains(QLatin1String("entry 3 of the audit log is out of order (reordered)")),
             qPrintable(p.message));
}

void VerifyTest::rewrittenEntryBreaksTheNextLink()
{
    // Someone who changes an entry and recomputes its own hash still breaks the next link.
    AuditEntry e;
    {
        CaseFile cf;
        QVERIFY(cf.open(m_path, CaseFile::OpenMode::ReadOnly).ok());
        e = cf.audit().entries().at(1);
    }
    e.actor = QStringLiteral("mallory");
    const QByteArray sql = "DROP TRIGGER audit_no_update; UPDATE audit SET actor='mallory', hash='" +
                           AuditLog::entryHash(e).toLatin1() + "' WHERE seq=2";
    tamper(sql.constData());
    const auto report = verify();
    QVERIFY(!report.ok());
    QCOMPARE(report.problems.first().kind, VerifyProblem::Kind::ChainBroken);
    QCOMPARE(report.problems.first().entry, 3);
    QVERIFY(report.problems.first().message.contains(QLatin1String("does not follow entry 2")));
}

void VerifyTest::deletedNewestEntry()
{
    tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=(SELECT max(seq) FROM audit)");
    const auto report = verify();
    QVERIFY(!report.ok());
    QCOMPARE(report.problems.first().kind, VerifyProblem::Kind::HeadMismatch);
    QVERIFY2(report.problems.first().message.contains(QLatin1String("recorded 6 as its newest entry")),
             qPrintable(report.problems.first().message));
}

void VerifyTest::valueChangedBehindTheAppsBack()
{
    tamper("UPDATE statement SET value='ru' WHERE prop='country' AND value='cn'");
    const auto report = verify();
    QCOMPARE(report.problems.size(), 1);
    const auto &p = report.problems.first();
    QCOMPARE(p.kind, VerifyProblem::Kind::ContentChanged);
    QCOMPARE(p.table, QStringLiteral("statement"));
    QVERIFY2(p.message.contains(QLatin1String("table statement differs")), qPrintable(p.message));
    QVERIFY(p.message.contains(QLatin1String("changed outside Casegraph")));

    // A deleted row is named as such.
    m_path = m_dir.filePath(QStringLiteral("case-valueChangedBehindTheAppsBack.casegraph"));
    tamper("DELETE FROM statement WHERE prop='country'");
    const auto second = verify();
    QVERIFY(messages(second).contains(QLatin1String("rows were deleted outside Casegraph")));
}

void VerifyTest::upgradeFromVersion3StartsTheLog()
{
    const QString path = m_dir.filePath(QStringLiteral("v3.casegraph"));
    QFile::remove(path);
    QVERIFY(Casegraph::Tests::writeOldCase(path, 3,
                                           QStringLiteral(
                                               "INSERT INTO chart(id, name, created_at, modified_at) VALUES(1, 'Main', 'x', 'x');")));
    {
        CaseFile cf;
        cf.setActor(QStringLiteral("carol"));
        QVERIFY(cf.open(path).ok());
        QCOMPARE(cf.info().schemaVersion, 4);
        const auto entries = cf.audit().entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().action, QStringLiteral("upgrade"));
        QCOMPARE(entries.first().actor, QStringLiteral("carol"));
        QCOMPARE(entries.first().before.value(QStringLiteral("schemaVersion")).toInt(), 3);
        // The digest covers the rows the file already held.
        const auto digest =
            AuditLog::digestFromJson(QJsonDocument::fromJson(entries.first().digest.toUtf8()).object());
        QCOMPARE(digest.value(QStringLiteral("statement")).rows, 1);
        QCOMPARE(digest.value(QStringLiteral("entity")).rows, 1);
    }
    m_path = path;
    const auto report = verify();
    QVERIFY2(report.ok(), qPrintable(messages(report)));
    // Existing history, then changed behind the app's back: found.
    tamper("UPDATE entity SET caption='Other' WHERE id=1");
    QCOMPARE(verify().problems.first().table, QStringLiteral("entity"));
}

void VerifyTest::cliVerifyReportsAndFails()
{
#ifdef CASEGRAPH_CLI
    auto ok = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("verify"), m_path});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY2(ok.out.contains(QLatin1String("6 audit entries")), qPrintable(ok.out));
    tamper("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq=2");
    auto bad = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                     {QStringLiteral("verify"), m_path, QStringLiteral("--json")});
    QCOMPARE(bad.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(bad.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    const QJsonObject first = json.value(QStringLiteral("problems")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("entry-deleted"));
    QCOMPARE(first.value(QStringLiteral("entry")).toInt(), 2);
#else
    QSKIP("casegraph-cli is not built");
#endif
}

QTEST_MAIN(VerifyTest)
#include "verify_test.moc"

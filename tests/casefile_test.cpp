// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/casecopy.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Casegraph::Models;

class CaseFileTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void createThenReopen();
    void refusesToOverwrite();
    void rejectsForeignFiles();
    void rejectsNewerSchema();
    void walAndForeignKeys();
    void saveAsMakesACompleteCopy();
    void saveAsReportsProgressAndCancels();
    void checkFindsCorruption();
    void provenanceIsRecorded();
    void actorFallsBackToTheAccount();
    void sourcesKeepTheirBytes();
    void claimsMustQuoteExactly();

};

void CaseFileTest::createThenReopen()
{
    {
        CaseFile cf;
        QVERIFY(cf.create(path(QStringLiteral("a.casegraph")), QStringLiteral("Resales")).ok());
        const auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
        QVERIFY(prov.ok());
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QStringLiteral("Promega"));
        e.add(QStringLiteral("country"), QStringLiteral("us"));
        QVERIFY(cf.entities().create(e, *prov).ok());
    }
    CaseFile cf;
    QVERIFY(cf.open(path(QStringLiteral("a.casegraph"))).ok());
    QCOMPARE(cf.title(), QStringLiteral("Resales"));
    const auto info = cf.info();
    QCOMPARE(info.schemaVersion, CaseFile::SchemaVersion);
    QCOMPARE(info.entities, 1);
    QCOMPARE(info.values, 2);
    QCOMPARE(info.entitiesPerSchema.value(0).first, QStringLiteral("Company"));
}

void CaseFileTest::refusesToOverwrite()
{
    QFile f(path(QStringLiteral("exists.casegraph")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep me");
    f.close();
    CaseFile cf;
    const auto st = cf.create(f.fileName());
    QVERIFY(!st.ok());
    QVERIFY(st.error().toString().startsWith(f.fileName()));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
}

void CaseFileTest::rejectsForeignFiles()
{
    QFile text(path(QStringLiteral("notes.txt")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write(QByteArray(4096, 'x'));
    text.close();
    CaseFile cf;
    auto st = cf.open(text.fileName());
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("not an SQLite database")));

    const QString other = path(QStringLiteral("other.sqlite"));
    {
        Sql::Database db;
        QVERIFY(db.open(other).ok());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE t(x)")).ok());
    }
    st = cf.open(other);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("another program")));

    st = cf.open(path(QStringLiteral("missing.casegraph")));
    QVERIFY(!st.ok());
    QCOMPARE(st.error().file, path(QStringLiteral("missing.casegraph")));
}

void CaseFileTest::rejectsNewerSchema()
{
    const QString p = path(QStringLiteral("future.casegraph"));
    {
        CaseFile cf;
        QVERIFY(cf.create(p).ok());
        QVERIFY(cf.database().exec(QStringLiteral("PRAGMA user_version=%1").arg(CaseFile::SchemaVersion + 1)).ok());
    }
    CaseFile cf;
    const auto st = cf.open(p);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("newer Casegraph")));
}

void CaseFileTest::walAndForeignKeys()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("w.casegraph"))).ok());
    auto mode = cf.database().prepare(QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(mode && (*mode)->step());
    QCOMPARE((*mode)->text(0), QStringLiteral("wal"));
    auto fk = cf.database().prepare(QStringLiteral("PRAGMA foreign_keys"));
    QVERIFY(fk && (*fk)->step());
    QCOMPARE((*fk)->int64(0), 1);
    // A value pointing at a missing provenance row is refused by the database itself.
    Entity e;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("X"));
    QVERIFY(!cf.entities().create(e, 999).ok());
    QCOMPARE(cf.info().entities, 0);
}

void CaseFileTest::saveAsMakesACompleteCopy()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("orig.casegraph"))).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    for (int i = 0; i < 500; ++i) {
        Entity e;
        e.schema = QStringLiteral("Person");
        e.add(QStringLiteral("name"), QStringLiteral("Person %1").arg(i));
        QVERIFY(cf.entities().create(e, prov).ok());
    }
    const QString copy = path(QStringLiteral("copy.casegraph"));
    QVERIFY(cf.saveAs(copy).ok());
    QVERIFY(!QFile::exists(copy + QLatin1String("-wal")) || QFile(copy + QLatin1String("-wal")).size() == 0);
    CaseFile other;
    QVERIFY(other.open(copy).ok());
    QCOMPARE(other.info().entities, 500);
    QCOMPARE(other.entities().search(QStringLiteral("\"Person 42\"")).value(0).caption, QStringLiteral("Person 42"));
    QVERIFY(other.check()->isEmpty());
    // Saving onto the open file itself is refused rather than clobbering it.
    QVERIFY(!cf.saveAs(cf.path()).ok());
}

void CaseFileTest::checkFindsCorruption()
{
    const QString p = path(QStringLiteral("c.casegraph"));
    {
        CaseFile cf;
        QVERIFY(cf.create(p).ok());
        const qint64 prov = *cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
        Sql::Transaction tx(cf.database());
        for (int i = 0; i < 3000; ++i) {
            Entity e;
            e.id = QStringLiteral("id-%1").arg(i);
            e.schema = QStringLiteral("Company");
            e.add(QStringLiteral("name"), QStringLiteral("Company number %1 with a longer name").arg(i));
            QVERIFY(cf.entities().write(e, prov).ok());
        }
        QVERIFY(tx.commit().ok());
        QVERIFY(cf.check()->isEmpty());
        QVERIFY(cf.database().exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")).ok());
    }
    // Overwrite a page in the middle of the file with garbage, as a bad disk or tool would.
    QFile f(p);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 16 * 4096);
    f.seek((size / 4096 / 2) * 4096 + 100);
    f.write(QByteArray(3000, '\x5a'));
    f.close();
    CaseFile cf;
    const auto st = cf.open(p);
    if (st.ok()) {
        const auto problems = cf.check();
        QVERIFY(!problems.ok() || !problems->isEmpty());
    }
}

void CaseFileTest::provenanceIsRecorded()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("p.casegraph"))).ok());
    cf.setActor(QStringLiteral("alice"));
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("companies.json"));
    Entity e;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("Nuctech"));
    const qint64 row = *cf.entities().create(e, prov);
    const auto stored = cf.entities().entity(row);
    QCOMPARE(stored->values.size(), 1);
    const auto p = cf.provenance(stored->values.first().provenanceId);
    QVERIFY(p.has_value());
    QCOMPARE(p->kind, Provenance::Kind::Import);
    QCOMPARE(p->label, QStringLiteral("companies.json"));
    QCOMPARE(p->actor, QStringLiteral("alice"));
    QVERIFY(qAbs(p->at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void CaseFileTest::actorFallsBackToTheAccount()
{
#ifndef Q_OS_UNIX
    QSKIP("the account name comes from getpwuid on Unix");
#else
    // A session without USER or CASEGRAPH_ACTOR records the account, not "unknown".
    const QByteArray user = qgetenv("USER");
    const QByteArray actor = qgetenv("CASEGRAPH_ACTOR");
    qunsetenv("USER");
    qunsetenv("USERNAME");
    qunsetenv("CASEGRAPH_ACTOR");
    CaseFile::setDefaultActor(QString());
    const QString recorded = CaseFile::defaultActor();
    if (!user.isEmpty()) {
        qputenv("USER", user);
    }
    if (!actor.isEmpty()) {
        qputenv("CASEGRAPH_ACTOR", actor);
    }
    const passwd *account = getpwuid(geteuid());
    QVERIFY(account && account->pw_name);
    QCOMPARE(recorded, QString::fromLocal8Bit(account->pw_name));
    qputenv("CASEGRAPH_ACTOR", "bob");
    QCOMPARE(CaseFile::defaultActor(), QStringLiteral("bob")); // the variable still wins
    if (actor.isEmpty()) {
        qunsetenv("CASEGRAPH_ACTOR");
    } else {
        qputenv("CASEGRAPH_ACTOR", actor);
    }
#endif
}

void CaseFileTest::saveAsReportsProgressAndCancels()
{
    // A case of several copy steps: an article whose original is 12 MB.
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("big.casegraph"))).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("scan.pdf"));
    Entity art;
    art.schema = QStringLiteral("Document");
    art.add(QStringLiteral("title"), QStringLiteral("Tender scan"));
    Source s;
    s.entityRowId = *cf.entities().create(art, prov);
    s.fileName = QStringLiteral("scan.pdf");
    s.mimeType = QStringLiteral("application/pdf");
    for (int i = 0; s.original.size() < 12 * 1024 * 1024; ++i) {
        s.original += QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha512);
    }
    QVERIFY(cf.evidence().addSource(s).ok());

    // Cancelled after the first step: the file already at the target stays as it was, and no
    // temporary file is left beside it.
    const QString target = path(QStringLiteral("target.casegraph"));
    {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("an earlier file");
    }
    QList<QPair<qint64, qint64>> steps;
    auto st = CaseCopy::copy(cf.path(), target, [&](qint64 done, qint64 total) {
        steps.append({done, total});
        return false;
    });
    QVERIFY(!st.ok());
    QVERIFY2(st.error().message.contains(QLatin1String("cancelled")), qPrintable(st.error().toString()));
    QCOMPARE(steps.size(), 1);
    QVERIFY(steps.first().first < steps.first().second);
    QFile f(target);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("an earlier file"));
    f.close();
    QCOMPARE(QFileInfo(target).dir().entryList({QStringLiteral(".casegraph-save-*")}, QDir::Files | QDir::Hidden).size(), 0);

    // Run through, the steps climb to the whole and the copy holds the source's bytes.
    steps.clear();
    QVERIFY(CaseCopy::copy(cf.path(), target, [&](qint64 done, qint64 total) {
                steps.append({done, total});
                return true;
            }).ok());
    QVERIFY(steps.size() > 2);
    QCOMPARE(steps.last().first, steps.last().second);
    CaseFile copy;
    QVERIFY(copy.open(target, CaseFile::OpenMode::ReadOnly).ok());
    QCOMPARE(copy.evidence().source(1)->original, s.original);
}

void CaseFileTest::sourcesKeepTheirBytes()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("s.casegraph"))).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("a.txt"));
    Entity art;
    art.schema = QStringLiteral("Article");
    art.add(QStringLiteral("title"), QStringLiteral("Nuctech under scrutiny"));
    const qint64 row = *cf.entities().create(art, prov);
    Source s;
    s.entityRowId = row;
    s.fileName = QStringLiteral("a.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.original = QStringLiteral("Nuctech 同方威视 scanners\r\n").toUtf8();
    s.text = QString::fromUtf8(s.original);
    const qint64 id = *cf.evidence().addSource(s);
    const auto back = cf.evidence().source(id);
    QCOMPARE(back->original, s.original);
    QCOMPARE(back->sha256, QString::fromLatin1(QCryptographicHash::hash(s.original, QCryptographicHash::Sha256).toHex()));
    // Source text is searchable, including a Chinese substring.
    const auto hits = cf.entities().search(QStringLiteral("同方"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().kind, SearchHit::Kind::Source);
    QCOMPARE(hits.first().snippet, QStringLiteral("Nuctech [同方]威视 scanners"));
    // The source's entity cannot be deleted: sources are evidence.
    QVERIFY(!cf.entities().remove(row).ok());
}

void CaseFileTest::claimsMustQuoteExactly()
{
    CaseFile cf;
    QVERIFY(cf.create(path(QStringLiteral("q.casegraph"))).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("t"));
    Entity art;
    art.schema = QStringLiteral("Article");
    art.add(QStringLiteral("title"), QStringLiteral("t"));
    const qint64 artRow = *cf.entities().create(art, prov);
    Source s;
    s.entityRowId = artRow;
    s.fileName = QStringLiteral("t.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.text = QStringLiteral("😀 Promega sequencers were resold in China.");
    s.original = s.text.toUtf8();
    const qint64 sid = *cf.evidence().addSource(s);
    Entity co;
    co.schema = QStringLiteral("Company");
    co.add(QStringLiteral("name"), QStringLiteral("Promega"));
    const qint64 coRow = *cf.entities().create(co, prov);

    Claim good;
    good.entityRowId = coRow;
    good.property = QStringLiteral("name");
    good.value = QStringLiteral("Promega");
    // Offsets are code points: the emoji counts as one.
    good.excerpts.append(Excerpt{0, 0, sid, 2, 9, QStringLiteral("Promega")});
    QVERIFY(cf.evidence().addClaim(good).ok());

    Claim bad = good;
    bad.excerpts[0].start = 3; // off by one
    bad.excerpts[0].end = 10;
    const auto r = cf.evidence().addClaim(bad);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QLatin1String("does not match")));
    QCOMPARE(cf.info().claims, 1);
    QCOMPARE(cf.evidence().claimsFor(coRow).first().excerpts.first().quote, QStringLiteral("Promega"));
}

QTEST_MAIN(CaseFileTest)
#include "casefile_test.moc"

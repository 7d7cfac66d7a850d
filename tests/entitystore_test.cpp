// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

class EntityStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void createValidates();
    void searchNamesAndAliases_data();
    void searchNamesAndAliases();
    void pagesFollowCaptionOrder();
    void filterBySchema();
    void writeMergesByIdKeepingProvenance();
    void writeRefusesIncompatibleSchema();
    void valueEditsRoundTrip();
    void removeAndRestoreIsExact();
    void referencingFindsRelationships();
    void deferredIndexesComeBack();

private:
    Entity company(const QString &id, const QStringList &names) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CaseFile> m_case;
    qint64 m_prov = 0;
};

void EntityStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->create(m_dir->filePath(QStringLiteral("e.casegraph"))).ok());
    m_prov = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("fixture"));
}

Entity EntityStoreTest::company(const QString &id, const QStringList &names) const
{
    Entity e;
    e.id = id;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), names.first());
    for (const auto &alias : names.mid(1)) {
        e.add(QStringLiteral("alias"), alias);
    }
    return e;
}

void EntityStoreTest::createValidates()
{
    auto &store = m_case->entities();
    Entity bad = company(QStringLiteral("x"), {QStringLiteral("X")});
    bad.add(QStringLiteral("incorporationDate"), QStringLiteral("2019-13-01"));
    auto r = store.create(bad, m_prov);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QLatin1String("2019-13-01")));

    Entity abstractOne;
    abstractOne.schema = QStringLiteral("Thing");
    QVERIFY(!store.create(abstractOne, m_prov).ok());
    Entity unknown;
    unknown.schema = QStringLiteral("Spaceship");
    QVERIFY(store.create(unknown, m_prov).error().message.contains(QLatin1String("Spaceship")));

    QVERIFY(store.create(company(QStringLiteral("x"), {QStringLiteral("X")}), m_prov).ok());
    QVERIFY(!store.create(company(QStringLiteral("x"), {QStringLiteral("Y")}), m_prov).ok());
    QCOMPARE(store.count(), 1);
}

void EntityStoreTest::searchNamesAndAliases_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // ids, any order
    QTest::newRow("prefix") << "Fiber" << QStringList{QStringLiteral("fh"), QStringLiteral("nfs")};
    QTest::newRow("two prefixes") << "fiberhome star" << QStringList{QStringLiteral("nfs")};
    QTest::newRow("phrase") << "\"FiberHome Technologies\"" << QStringList{QStringLiteral("fh")};
    QTest::newRow("phrase miss") << "\"Technologies FiberHome\"" << QStringList{};
    QTest::newRow("alias") << "Starrysky" << QStringList{QStringLiteral("nfs")};
    QTest::newRow("diacritics folded") << "senseneats" << QStringList{};
    QTest::newRow("case and accents") << "ZURICH" << QStringList{QStringLiteral("z")};
    QTest::newRow("chinese substring") << "华为" << QStringList{QStringLiteral("hw")};
    QTest::newRow("chinese inner substring") << "技术" << QStringList{QStringLiteral("hw")};
    QTest::newRow("punctuation only") << "%%" << QStringList{};
    QTest::newRow("fts syntax is literal") << "NEAR(fiber" << QStringList{};
}

void EntityStoreTest::searchNamesAndAliases()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    auto &store = m_case->entities();
    QVERIFY(store.create(company(QStringLiteral("fh"), {QStringLiteral("FiberHome Technologies Group")}), m_prov).ok());
    QVERIFY(store.create(company(QStringLiteral("nfs"), {QStringLiteral("Nanjing FiberHome Starrysky Communication Development"),
                                                         QStringLiteral("Starrysky")}),
                         m_prov)
                .ok());
    QVERIFY(store.create(company(QStringLiteral("hw"), {QStringLiteral("华为技术有限公司")}), m_prov).ok());
    QVERIFY(store.create(company(QStringLiteral("z"), {QStringLiteral("Zürich Holding")}), m_prov).ok());
    QStringList got;
    for (const auto &h : store.search(query)) {
        got << h.id;
    }
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
    QCOMPARE(store.count(EntityFilter{{}, query}), qint64(expected.size()));
}

void EntityStoreTest::pagesFollowCaptionOrder()
{
    auto &store = m_case->entities();
    QStringList names;
    {
        Sql::Transaction tx(m_case->database());
        for (int i = 0; i < 2000; ++i) {
            // Names in scrambled order so that row order differs from caption order.
            const QString name = QStringLiteral("Firm %1").arg((i * 7919) % 2000, 4, 10, QLatin1Char('0'));
            names << name;
            QVERIFY(store.write(company(QStringLiteral("c%1").arg(i), {name}), m_prov).ok());
        }
        QVERIFY(tx.commit().ok());
    }
    names.sort(Qt::CaseInsensitive);
    QCOMPARE(store.count(), 2000);
    // Walk all pages with the keyset cursor and compare with the sorted names.
    QStringList walked;
    std::optional<EntityRow> last;
    for (;;) {
        const auto page = store.page({}, 0, 256, last ? &*last : nullptr);
        if (page.isEmpty()) {
            break;
        }
        for (const auto &r : page) {
            walked << r.caption;
        }
        last = page.last();
    }
    QCOMPARE(walked, names);
    // Jumping by offset gives the same rows as walking.
    const auto jump = store.page({}, 1500, 10);
    QCOMPARE(jump.first().caption, names.at(1500));
    QCOMPARE(jump.last().caption, names.at(1509));
}

void EntityStoreTest::filterBySchema()
{
    auto &store = m_case->entities();
    QVERIFY(store.create(company(QStringLiteral("a"), {QStringLiteral("Alpha")}), m_prov).ok());
    Entity p;
    p.schema = QStringLiteral("Person");
    p.add(QStringLiteral("name"), QStringLiteral("Alpha Person"));
    QVERIFY(store.create(p, m_prov).ok());
    QCOMPARE(store.count(EntityFilter{QStringLiteral("Person"), {}}), 1);
    QCOMPARE(store.count(EntityFilter{QStringLiteral("Company"), QStringLiteral("alpha")}), 1);
    QCOMPARE(store.page(EntityFilter{QStringLiteral("Person"), QStringLiteral("alp")}, 0, 10).first().caption,
             QStringLiteral("Alpha Person"));
    const auto counts = store.countsBySchema();
    QCOMPARE(counts.size(), 2);
    // A set of schemata (a relationship end's range), alone and with a search; an Event is left out.
    Entity e;
    e.schema = QStringLiteral("Event");
    e.add(QStringLiteral("name"), QStringLiteral("Alpha Event"));
    QVERIFY(store.create(e, m_prov).ok());
    EntityFilter legal;
    legal.schemata = {QStringLiteral("Company"), QStringLiteral("Person")};
    QCOMPARE(store.count(legal), 2);
    legal.search = QStringLiteral("alpha");
    QCOMPARE(store.count(legal), 2);
    QStringList captions;
    for (const auto &row : store.page(legal, 0, 10)) {
        captions << row.caption;
    }
    QCOMPARE(captions, (QStringList{QStringLiteral("Alpha"), QStringLiteral("Alpha Person")}));
    legal.schemata = {QStringLiteral("Event")};
    QCOMPARE(store.page(legal, 0, 10).first().caption, QStringLiteral("Alpha Event"));
}

void EntityStoreTest::writeMergesByIdKeepingProvenance()
{
    auto &store = m_case->entities();
    {
        Sql::Transaction tx(m_case->database());
        QCOMPARE(*store.write(company(QStringLiteral("np"), {QStringLiteral("NetPosa")}), m_prov), WriteOutcome::Created);
        QVERIFY(tx.commit().ok());
    }
    const qint64 second = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("second"));
    Entity again = company(QStringLiteral("np"), {QStringLiteral("NetPosa"), QStringLiteral("东方网力")});
    again.schema = QStringLiteral("LegalEntity"); // less specific: the Company stays a Company
    {
        Sql::Transaction tx(m_case->database());
        QCOMPARE(*store.write(again, second), WriteOutcome::Merged);
        QCOMPARE(*store.write(again, second), WriteOutcome::Unchanged);
        QVERIFY(tx.commit().ok());
    }
    const auto e = store.entityById(QStringLiteral("np"));
    QCOMPARE(e->schema, QStringLiteral("Company"));
    QCOMPARE(e->values.size(), 2);
    QCOMPARE(e->values.at(0).value, QStringLiteral("NetPosa"));
    QCOMPARE(e->values.at(0).provenanceId, m_prov);
    QCOMPARE(e->values.at(1).value, QStringLiteral("东方网力"));
    QCOMPARE(e->values.at(1).provenanceId, second);
    QCOMPARE(store.search(QStringLiteral("东方")).value(0).id, QStringLiteral("np"));
}

void EntityStoreTest::writeRefusesIncompatibleSchema()
{
    auto &store = m_case->entities();
    Sql::Transaction tx(m_case->database());
    QVERIFY(store.write(company(QStringLiteral("k"), {QStringLiteral("K")}), m_prov).ok());
    Entity person;
    person.id = QStringLiteral("k");
    person.schema = QStringLiteral("Person");
    const auto r = store.write(person, m_prov);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QLatin1String("incompatible")));
}

void EntityStoreTest::valueEditsRoundTrip()
{
    auto &store = m_case->entities();
    const qint64 row = *store.create(company(QStringLiteral("t"), {QStringLiteral("Thermo Fisher")}), m_prov);
    const qint64 edit = *m_case->addProvenance(Provenance::Kind::Edit, QStringLiteral("rename"));
    const qint64 vid = store.entity(row)->values.first().id;
    QVERIFY(store.changeValue(vid, QStringLiteral("Thermo Fisher Scientific"), edit).ok());
    QCOMPARE(store.row(row)->caption, QStringLiteral("Thermo Fisher Scientific"));
    QCOMPARE(store.value(vid)->provenanceId, edit);
    QCOMPARE(store.search(QStringLiteral("scientific")).size(), 1);
    const auto added = store.addValue(row, QStringLiteral("incorporationDate"), QStringLiteral("1956"), edit);
    QVERIFY(added.ok());
    QVERIFY(!store.addValue(row, QStringLiteral("incorporationDate"), QStringLiteral("last year"), edit).ok());
    const auto before = *store.value(*added);
    QVERIFY(store.removeValue(*added).ok());
    QVERIFY(!store.value(*added));
    QVERIFY(store.restoreValue(row, before).ok());
    QCOMPARE(*store.value(*added), before);
}

void EntityStoreTest::removeAndRestoreIsExact()
{
    auto &store = m_case->entities();
    const qint64 row = *store.create(company(QStringLiteral("h"), {QStringLiteral("Hikvision"), QStringLiteral("海康威视")}), m_prov);
    // A claim with an excerpt comes back too.
    Entity art;
    art.schema = QStringLiteral("Article");
    art.add(QStringLiteral("title"), QStringLiteral("Hikvision wins tender"));
    const qint64 artRow = *store.create(art, m_prov);
    Source s;
    s.entityRowId = artRow;
    s.fileName = QStringLiteral("h.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.text = QStringLiteral("Hikvision has won a tender.");
    s.original = s.text.toUtf8();
    const qint64 sid = *m_case->evidence().addSource(s);
    Claim c;
    c.entityRowId = row;
    c.excerpts.append(Excerpt{0, 0, sid, 0, 9, QStringLiteral("Hikvision")});
    QVERIFY(m_case->evidence().addClaim(c).ok());

    const auto before = store.entity(row);
    const auto claimsBefore = m_case->evidence().claimsFor(row);
    const auto snap = store.remove(row);
    QVERIFY(snap.ok());
    QVERIFY(!store.entity(row));
    QVERIFY(store.search(QStringLiteral("hikvision")).size() == 1); // only the source text remains
    QCOMPARE(m_case->info().claims, 0);
    QVERIFY(store.restore(*snap).ok());
    const auto after = store.entity(row);
    QCOMPARE(after->id, before->id);
    QCOMPARE(after->values, before->values);
    const auto claimsAfter = m_case->evidence().claimsFor(row);
    QCOMPARE(claimsAfter.size(), 1);
    QCOMPARE(claimsAfter.first().id, claimsBefore.first().id);
    QCOMPARE(claimsAfter.first().excerpts.first().quote, QStringLiteral("Hikvision"));
    QCOMPARE(store.search(QStringLiteral("海康")).value(0).rowId, row);
}

void EntityStoreTest::referencingFindsRelationships()
{
    auto &store = m_case->entities();
    QVERIFY(store.create(company(QStringLiteral("np"), {QStringLiteral("NetPosa")}), m_prov).ok());
    QVERIFY(store.create(company(QStringLiteral("sn"), {QStringLiteral("SenseNets")}), m_prov).ok());
    Entity own;
    own.schema = QStringLiteral("Ownership");
    own.add(QStringLiteral("owner"), QStringLiteral("np"));
    own.add(QStringLiteral("asset"), QStringLiteral("sn"));
    const qint64 ownRow = *store.create(own, m_prov);
    QCOMPARE(store.referencing(QStringLiteral("sn")).value(0).rowId, ownRow);
    QCOMPARE(store.referencing(QStringLiteral("np")).value(0).rowId, ownRow);
    // A reference to an id that is not in the case is kept and counted as dangling.
    Entity dangling;
    dangling.schema = QStringLiteral("Ownership");
    dangling.add(QStringLiteral("owner"), QStringLiteral("np"));
    dangling.add(QStringLiteral("asset"), QStringLiteral("not-in-case"));
    QVERIFY(store.create(dangling, m_prov).ok());
    QCOMPARE(store.countDangling(), 1);
    // Counted among the values written since a mark: none after the newest one.
    QCOMPARE(store.countDangling(store.maxValueId()), 0);
}

void EntityStoreTest::deferredIndexesComeBack()
{
    auto &store = m_case->entities();
    const auto indexCount = [&] {
        auto st = m_case->database().prepare(QStringLiteral(
            "SELECT count(*) FROM sqlite_schema WHERE type='index' AND name IN "
            "('entity_caption','entity_schema','statement_ref')"));
        return (st && (*st)->step()) ? (*st)->int64(0) : -1;
    };
    QCOMPARE(indexCount(), 3);
    {
        // Rolled back: the indexes are there again, and nothing was written.
        Sql::Transaction tx(m_case->database(), Sql::Transaction::Kind::Bulk);
        QVERIFY(store.deferIndexes().ok());
        QCOMPARE(indexCount(), 0);
        QVERIFY(store.write(company(QStringLiteral("r"), {QStringLiteral("Rolled back")}), m_prov).ok());
    }
    QCOMPARE(indexCount(), 3);
    QCOMPARE(store.count(), 0);
    {
        Sql::Transaction tx(m_case->database(), Sql::Transaction::Kind::Bulk);
        QVERIFY(store.deferIndexes().ok());
        for (int i = 0; i < 300; ++i) {
            QVERIFY(store.write(company(QStringLiteral("b%1").arg(i), {QStringLiteral("Bulk %1").arg(299 - i)}), m_prov).ok());
        }
        QVERIFY(store.rebuildIndexes().ok());
        QVERIFY(tx.commit().ok());
    }
    QCOMPARE(indexCount(), 3);
    QCOMPARE(store.page({}, 0, 1).first().caption, QStringLiteral("Bulk 0"));
    QVERIFY(m_case->check()->isEmpty());
    // Foreign keys are enforced again after a bulk transaction.
    auto fk = m_case->database().prepare(QStringLiteral("PRAGMA foreign_keys"));
    QVERIFY(fk && (*fk)->step());
    QCOMPARE((*fk)->int64(0), 1);
}

QTEST_MAIN(EntityStoreTest)
#include "entitystore_test.moc"

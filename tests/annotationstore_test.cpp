// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/leadstore.h"
#include "storage/notestore.h"
#include "storage/sqlite.h"
#include "storage/tagstore.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/scratchdir.h"

using namespace Casegraph::Models;

/// Notes, tags and leads (schema version 4) on a real case file: what is written is read back
/// after reopening, the search index follows every change, and v3 files are upgraded with
/// their notes made searchable.
class AnnotationStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void notesRoundTripAndSearch();
    void cjkNoteSearch();
    void tagsOnEntitiesAndFilter();
    void leadsWithStatusAndSearch();
    void caseSearchGroupsKinds();
    void version3To4IndexesExistingNotes();
    void demoCaseNotesAreSearchable();

private:
    void reopen();
    qint64 entity(const QString &id, const QString &schema, const QString &name);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
};

void AnnotationStoreTest::init()
{
    m_path = m_dir.filePath(QStringLiteral("notes-%1.casegraph").arg(QDateTime::currentMSecsSinceEpoch()));
    m_case = std::make_unique<CaseFile>();
    m_case->setActor(QStringLiteral("ana"));
    QVERIFY(m_case->create(m_path, QStringLiteral("Surveillance exports")).ok());
}

void AnnotationStoreTest::cleanup()
{
    m_case.reset();
}

void AnnotationStoreTest::reopen()
{
    m_case = std::make_unique<CaseFile>();
    m_case->setActor(QStringLiteral("ana"));
    QVERIFY(m_case->open(m_path).ok());
}

qint64 AnnotationStoreTest::entity(const QString &id, const QString &schema, const QString &name)
{
    const auto prov = m_case->addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity e;
    e.id = id;
    e.schema = schema;
    e.values.append(PropertyValue{0, QStringLiteral("name"), name, 0, 0});
    const auto rowId = m_case->entities().create(e, *prov);
    return rowId ? *rowId : 0;
}

void AnnotationStoreTest::notesRoundTripAndSearch()
{
    const qint64 company = entity(QStringLiteral("sn"), QStringLiteral("Company"), QStringLiteral("SenseNets"));
    QSignalSpy changed(m_case.get(), &CaseFile::notesChanged);
    Note n;
    n.targetKind = Target::entityKind();
    n.targetId = company;
    n.body = QStringLiteral("# Ownership\n\nThe **Shenzhen** registry lists a *vague* stake of \"about half\".");
    const auto id = m_case->notes().add(n);
    QVERIFY(id.ok());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toString(), QStringLiteral("entity"));
    QCOMPARE(changed.first().at(1).toLongLong(), company);
    const auto caseNote = m_case->notes().add(Note{0, Target::caseKind(), 0, QStringLiteral("Deadline: Friday"), {}, {}, {}});
    QVERIFY(caseNote.ok());

    reopen();
    auto stored = m_case->notes().note(*id);
    QVERIFY(stored);
    QCOMPARE(stored->body, n.body);
    QCOMPARE(stored->actor, QStringLiteral("ana"));
    QVERIFY(stored->createdAt.isValid());
    QCOMPARE(m_case->notes().notesFor(Target{Target::entityKind(), company}).size(), 1);
    QCOMPARE(m_case->notes().notesFor(Target{Target::caseKind(), 0}).value(0).body, QStringLiteral("Deadline: Friday"));
    // The old EvidenceStore calls see the same notes.
    QCOMPARE(m_case->evidence().notesFor(QStringLiteral("entity"), company).size(), 1);

    auto hits = m_case->notes().search(QStringLiteral("shenz"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().id, *id);
    QVERIFY2(hits.first().snippet.contains(QLatin1String("[Shenzhen]")), qPrintable(hits.first().snippet));

    stored->body = QStringLiteral("Registry says 49%.");
    stored->modifiedAt = {};
    QVERIFY(m_case->notes().update(*stored).ok());
    QVERIFY(m_case->notes().search(QStringLiteral("shenzhen")).isEmpty());
    QCOMPARE(m_case->notes().search(QStringLiteral("registry")).size(), 1);
    QVERIFY(m_case->notes().note(*id)->modifiedAt >= m_case->notes().note(*id)->createdAt);

    QVERIFY(m_case->notes().remove(*id).ok());
    QVERIFY(!m_case->notes().note(*id));
    QVERIFY(m_case->notes().search(QStringLiteral("registry")).isEmpty());
    QCOMPARE(m_case->notes().count(), 1);
    QVERIFY(m_case->check()->isEmpty());
}

void AnnotationStoreTest::cjkNoteSearch()
{
    QVERIFY(m_case->notes().add(Note{0, Target::caseKind(), 0, QStringLiteral("核实：深网视界的股东是谁？"), {}, {}, {}}).ok());
    const auto hits = m_case->notes().search(QStringLiteral("深网"));
    QCOMPARE(hits.size(), 1);
    // The snippet reads as the note was written: no spaces between the characters.
    QVERIFY2(hits.first().snippet.contains(QStringLiteral("[深][网]视界")) ||
                 hits.first().snippet.contains(QStringLiteral("[深网]视界")),
             qPrintable(hits.first().snippet));
    QVERIFY(!hits.first().snippet.contains(QStringLiteral("视 界")));
}

void AnnotationStoreTest::tagsOnEntitiesAndFilter()
{
    const qint64 a = entity(QStringLiteral("sn"), QStringLiteral("Company"), QStringLiteral("SenseNets"));
    const qint64 b = entity(QStringLiteral("np"), QStringLiteral("Company"), QStringLiteral("NetPosa"));
    entity(QStringLiteral("tf"), QStringLiteral("Company"), QStringLiteral("Thermo Fisher"));
    QSignalSpy changed(m_case.get(), &CaseFile::tagsChanged);
    auto &tags = m_case->tags();
    const auto verify = tags.create(Tag{0, QStringLiteral("to verify"), QStringLiteral("#FFB4A2"), {}, 0});
    QVERIFY(verify.ok());
    QVERIFY(!tags.create(Tag{0, QStringLiteral("To Verify"), QStringLiteral("#ffb4a2"), {}, 0}).ok()); // taken
    QVERIFY(!tags.create(Tag{0, QStringLiteral("x"), QStringLiteral("red"), {}, 0}).ok());             // not #rrggbb
    QVERIFY(!tags.create(Tag{0, QStringLiteral(" "), QStringLiteral("#000000"), {}, 0}).ok());
    QVERIFY(tags.assign(*verify, Target{Target::entityKind(), a}).ok());
    QVERIFY(tags.assign(*verify, Target{Target::entityKind(), b}).ok());
    QVERIFY(tags.assign(*verify, Target{Target::entityKind(), b}).ok()); // twice is once
    QVERIFY(tags.assign(*verify, Target{Target::caseKind(), 0}).ok());
    QVERIFY(changed.count() >= 4);

    reopen();
    auto &t2 = m_case->tags();
    QCOMPARE(t2.tags().size(), 1);
    QCOMPARE(t2.tags().first().colour, QStringLiteral("#ffb4a2"));
    QCOMPARE(t2.tags().first().uses, 3);
    QCOMPARE(t2.entitiesWithTag(*verify), (QSet<qint64>{a, b}));
    QCOMPARE(t2.tagsOf(Target{Target::entityKind(), a}).value(0).name, QStringLiteral("to verify"));
    // The Entities dock's filter: tag, with schema and search.
    QCOMPARE(m_case->entities().count(EntityFilter{{}, {}, *verify}), 2);
    QCOMPARE(m_case->entities().count(EntityFilter{QStringLiteral("Company"), QStringLiteral("net"), *verify}), 1);
    const auto page = m_case->entities().page(EntityFilter{{}, {}, *verify}, 0, 10);
    QCOMPARE(page.size(), 2);
    QCOMPARE(page.first().caption, QStringLiteral("NetPosa"));

    QVERIFY(t2.setColour(*verify, QStringLiteral("#8ecae6")).ok());
    QVERIFY(t2.rename(*verify, QStringLiteral("verify")).ok());
    QVERIFY(t2.unassign(*verify, Target{Target::entityKind(), a}).ok());
    QCOMPARE(t2.entitiesWithTag(*verify), (QSet<qint64>{b}));
    // A deleted entity drops out of the filter; its tagging waits for an undo.
    QVERIFY(m_case->entities().remove(b).ok());
    QVERIFY(t2.entitiesWithTag(*verify).isEmpty());
    QVERIFY(t2.remove(*verify).ok());
    QVERIFY(t2.tags().isEmpty());
    QVERIFY(t2.tagsOf(Target{Target::caseKind(), 0}).isEmpty());
    QVERIFY(m_case->check()->isEmpty());
}

void AnnotationStoreTest::leadsWithStatusAndSearch()
{
    const qint64 a = entity(QStringLiteral("sn"), QStringLiteral("Company"), QStringLiteral("SenseNets"));
    QSignalSpy changed(m_case.get(), &CaseFile::leadsChanged);
    auto &leads = m_case->leads();
    QVERIFY(!leads.add(Lead{}).ok()); // no title
    Lead l;
    l.title = QStringLiteral("Who owns the Urumqi subsidiary?");
    l.body = QStringLiteral("Ask the *registry* in Xinjiang.");
    l.assignee = QStringLiteral("MK");
    l.target = Target{Target::entityKind(), a};
    const auto id = leads.add(l);
    QVERIFY(id.ok());
    Lead done;
    done.title = QStringLiteral("Archive the HRW report");
    done.status = Lead::Status::Done;
    QVERIFY(leads.add(done).ok());
    QCOMPARE(changed.count(), 2);

    reopen();
    auto &l2 = m_case->leads();
    QCOMPARE(l2.count(), 2);
    QCOMPARE(l2.count(true), 1);
    const auto open = l2.leads(true);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().assignee, QStringLiteral("MK"));
    QCOMPARE(open.first().target, (Target{Target::entityKind(), a}));
    QCOMPARE(open.first().status, Lead::Status::Open);

    auto stored = *l2.lead(*id);
    stored.status = Lead::Status::InProgress;
    stored.modifiedAt = {};
    QVERIFY(l2.update(stored).ok());
    QCOMPARE(l2.lead(*id)->status, Lead::Status::InProgress);
    QCOMPARE(l2.count(true), 1);
    stored.status = Lead::Status::Dropped;
    QVERIFY(l2.update(stored).ok());
    QCOMPARE(l2.count(true), 0);

    const auto titleHits = l2.search(QStringLiteral("urumqi"));
    QCOMPARE(titleHits.size(), 1);
    QVERIFY(titleHits.first().title.contains(QLatin1String("[Urumqi]")));
    QCOMPARE(l2.search(QStringLiteral("xinjiang")).size(), 1);
    QVERIFY(l2.remove(*id).ok());
    QVERIFY(l2.search(QStringLiteral("urumqi")).isEmpty());

    const CaseInfo info = m_case->info();
    QCOMPARE(info.leads, 1);
    QCOMPARE(info.openLeads, 0);
}

void AnnotationStoreTest::caseSearchGroupsKinds()
{
    const qint64 a = entity(QStringLiteral("hv"), QStringLiteral("Company"), QStringLiteral("Hikvision"));
    QVERIFY(m_case->notes().add(Note{0, Target::entityKind(), a, QStringLiteral("Hikvision cameras in Xinjiang camps"), {}, {}, {}}).ok());
    Lead l;
    l.title = QStringLiteral("Hikvision supply contracts");
    QVERIFY(m_case->leads().add(l).ok());
    const auto hits = CaseSearch::search(*m_case, QStringLiteral("hikvision"));
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits.at(0).kind, SearchHit::Kind::Entity);
    QCOMPARE(hits.at(1).kind, SearchHit::Kind::Note);
    QCOMPARE(hits.at(1).rowId, a); // a note on an entity opens the entity
    QCOMPARE(hits.at(1).caption, QStringLiteral("Hikvision"));
    QVERIFY(hits.at(1).snippet.contains(QLatin1String("[Hikvision]")));
    QCOMPARE(hits.at(2).kind, SearchHit::Kind::Lead);
    QCOMPARE(hits.at(2).caption, QStringLiteral("Hikvision supply contracts"));
    QCOMPARE(CaseSearch::kindName(hits.at(2).kind), QStringLiteral("lead"));
    QCOMPARE(CaseSearch::resolve(*m_case, Target{Target::caseKind(), 0}).caption, QStringLiteral("Surveillance exports"));
}

void AnnotationStoreTest::version3To4IndexesExistingNotes()
{
    const QString path = m_dir.filePath(QStringLiteral("v3.casegraph"));
    QVERIFY(Casegraph::Tests::writeOldCase(path, 3,
                                           QStringLiteral(
                                               "INSERT INTO note(id, target_kind, target_id, body, created_at, modified_at, actor) "
                                               "VALUES(7, 'entity', 1, 'The stake is \"about a third\": vague, kept as a range.', "
                                               "'2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'bob');"
                                               "INSERT INTO note(id, target_kind, target_id, body, created_at, modified_at, actor) "
                                               "VALUES(8, 'case', NULL, '待查：网络安全', '2026-01-02T00:00:00.000Z', "
                                               "'2026-01-02T00:00:00.000Z', 'bob');")));
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    QCOMPARE(cf.info().schemaVersion, CaseFile::SchemaVersion);
    const auto hits = cf.notes().search(QStringLiteral("vague"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().id, 7);
    QCOMPARE(hits.first().target, (Target{Target::entityKind(), 1}));
    QCOMPARE(cf.notes().search(QStringLiteral("网络")).value(0).id, 8);
    QCOMPARE(cf.notes().note(7)->actor, QStringLiteral("bob"));
    // The new tables work.
    QVERIFY(cf.tags().create(Tag{0, QStringLiteral("vague"), QStringLiteral("#cdb4db"), {}, 0}).ok());
    Lead l;
    l.title = QStringLiteral("Find the registry extract");
    QVERIFY(cf.leads().add(l).ok());
    QCOMPARE(cf.info().leads, 1);
    QCOMPARE(cf.info().tags, 1);
    QVERIFY(cf.check()->isEmpty());
}

void AnnotationStoreTest::demoCaseNotesAreSearchable()
{
    QVERIFY(DemoCase::write(*m_case).ok());
    QVERIFY(m_case->notes().count() > 0);
    const Note first = m_case->notes().all().last();
    // A word from a demo note (how vague statements were handled) finds it.
    const QString word = first.body.split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts)
                             .filter(QRegularExpression(QStringLiteral("^\\w{6,}$")))
                             .value(0);
    QVERIFY(!word.isEmpty());
    bool found = false;
    for (const auto &h : m_case->notes().search(word, 200)) {
        found = found || h.id == first.id;
    }
    QVERIFY2(found, qPrintable(word));
}

QTEST_MAIN(AnnotationStoreTest)
#include "annotationstore_test.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/annotationeditor.h"
#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/leadstore.h"
#include "storage/notestore.h"
#include "storage/tagstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;

/// Notes, tags and leads edited through AnnotationEditor: each edit is one command on the
/// case's undo stack; undo restores the rows exactly (ids, times, actor) and so does redo.
class AnnotationEditorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void noteAddEditDelete();
    void tagLifecycle();
    void deleteTagRestoresItsTaggings();
    void leadAddEditStatusDelete();
    void refusedEditsStayOffTheStack();

private:
    QUndoStack &stack() { return *m_editor->undoStack(); }
    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_entity = 0;
};

void AnnotationEditorTest::init()
{
    m_case = std::make_unique<CaseFile>();
    m_case->setActor(QStringLiteral("ana"));
    QVERIFY(m_case->create(m_dir.filePath(QStringLiteral("c%1.casegraph").arg(QDateTime::currentMSecsSinceEpoch())))
                .ok());
    m_editor = std::make_unique<CaseEditor>(*m_case);
    const auto e = m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Huawei"));
    QVERIFY(e.ok());
    m_entity = *e;
    stack().clear();
}

void AnnotationEditorTest::cleanup()
{
    m_editor.reset();
    m_case.reset();
}

void AnnotationEditorTest::noteAddEditDelete()
{
    AnnotationEditor ed(*m_editor);
    const Target target{Target::entityKind(), m_entity};
    const auto id = ed.addNote(target, QStringLiteral("**Ownership** is *unclear*."));
    QVERIFY(id.ok());
    const auto added = m_case->notes().note(*id);
    QVERIFY(added);
    QCOMPARE(stack().count(), 1);
    stack().undo();
    QVERIFY(!m_case->notes().note(*id));
    QVERIFY(m_case->notes().search(QStringLiteral("ownership")).isEmpty());
    QTest::qWait(5); // a redo must not take a new time
    stack().redo();
    QCOMPARE(m_case->notes().note(*id), added);
    QCOMPARE(m_case->notes().search(QStringLiteral("ownership")).value(0).id, *id);

    QTest::qWait(5);
    QVERIFY(ed.editNote(*id, QStringLiteral("Ownership: 49% per the 2019 filing.")).ok());
    const auto edited = m_case->notes().note(*id);
    QCOMPARE(edited->body, QStringLiteral("Ownership: 49% per the 2019 filing."));
    QVERIFY(edited->modifiedAt > added->modifiedAt);
    QCOMPARE(edited->createdAt, added->createdAt);
    stack().undo();
    QCOMPARE(m_case->notes().note(*id), added);
    QVERIFY(m_case->notes().search(QStringLiteral("filing")).isEmpty());
    stack().redo();
    QCOMPARE(m_case->notes().note(*id), edited);

    QVERIFY(ed.deleteNote(*id).ok());
    QVERIFY(!m_case->notes().note(*id));
    stack().undo();
    QCOMPARE(m_case->notes().note(*id), edited);
    QCOMPARE(m_case->notes().search(QStringLiteral("filing")).value(0).id, *id);
    stack().redo();
    QVERIFY(m_case->notes().notesFor(target).isEmpty());
    QCOMPARE(stack().count(), 3);
}

void AnnotationEditorTest::tagLifecycle()
{
    AnnotationEditor ed(*m_editor);
    auto &tags = m_case->tags();
    const auto id = ed.createTag(QStringLiteral("state-linked"), QStringLiteral("#ffb4a2"));
    QVERIFY(id.ok());
    const auto created = tags.tag(*id);
    const Target target{Target::entityKind(), m_entity};
    QVERIFY(ed.assignTag(*id, target).ok());
    QCOMPARE(tags.entitiesWithTag(*id), QSet<qint64>{m_entity});
    QVERIFY(ed.assignTag(*id, target).ok()); // already there: nothing pushed
    QCOMPARE(stack().count(), 2);
    QVERIFY(ed.recolourTag(*id, QStringLiteral("#8ecae6")).ok());
    QVERIFY(ed.renameTag(*id, QStringLiteral("state linked")).ok());
    QCOMPARE(tags.tag(*id)->colour, QStringLiteral("#8ecae6"));
    QCOMPARE(tags.tag(*id)->name, QStringLiteral("state linked"));
    QVERIFY(ed.unassignTag(*id, target).ok());
    QVERIFY(tags.entitiesWithTag(*id).isEmpty());

    stack().undo(); // unassign
    QCOMPARE(tags.entitiesWithTag(*id), QSet<qint64>{m_entity});
    stack().undo(); // rename
    stack().undo(); // recolour
    Tag expected = *created;
    expected.uses = 1;
    QCOMPARE(*tags.tag(*id), expected);
    stack().undo(); // assign
    stack().undo(); // create
    QVERIFY(tags.tags().isEmpty());
    for (int i = 0; i < 5; ++i) {
        stack().redo();
    }
    QCOMPARE(tags.tag(*id)->createdAt, created->createdAt);
    QCOMPARE(tags.tag(*id)->name, QStringLiteral("state linked"));
    QVERIFY(tags.entitiesWithTag(*id).isEmpty());
}

void AnnotationEditorTest::deleteTagRestoresItsTaggings()
{
    AnnotationEditor ed(*m_editor);
    auto &tags = m_case->tags();
    const auto id = ed.createTag(QStringLiteral("sanctioned"), QStringLiteral("#cdb4db"));
    QVERIFY(id.ok());
    QVERIFY(ed.assignTag(*id, Target{Target::entityKind(), m_entity}).ok());
    QVERIFY(ed.assignTag(*id, Target{Target::caseKind(), 0}).ok());
    const auto before = tags.tag(*id);
    const auto carriers = tags.targets(*id);
    QVERIFY(ed.deleteTag(*id).ok());
    QVERIFY(!tags.tag(*id));
    stack().undo();
    QCOMPARE(tags.tag(*id), before);
    QCOMPARE(tags.targets(*id), carriers);
    stack().redo();
    QVERIFY(tags.tags().isEmpty());
}

void AnnotationEditorTest::leadAddEditStatusDelete()
{
    AnnotationEditor ed(*m_editor);
    auto &leads = m_case->leads();
    Lead l;
    l.title = QStringLiteral("Confirm the 2019 Xinjiang contract");
    l.assignee = QStringLiteral("JD");
    l.target = Target{Target::entityKind(), m_entity};
    const auto id = ed.addLead(l);
    QVERIFY(id.ok());
    const auto added = leads.lead(*id);
    stack().undo();
    QVERIFY(!leads.lead(*id));
    stack().redo();
    QCOMPARE(leads.lead(*id), added);

    QTest::qWait(5);
    QVERIFY(ed.setLeadStatus(*id, Lead::Status::InProgress).ok());
    QCOMPARE(stack().undoText(), QStringLiteral("Mark Lead “Confirm the 2019 Xinjiang contract” In progress"));
    Lead changed = *leads.lead(*id);
    changed.assignee = QStringLiteral("MK");
    changed.body = QStringLiteral("Procurement portal, tender 2019-114.");
    QVERIFY(ed.editLead(changed).ok());
    const auto edited = leads.lead(*id);
    QCOMPARE(edited->assignee, QStringLiteral("MK"));
    QCOMPARE(leads.search(QStringLiteral("tender")).value(0).id, *id);
    stack().undo();
    stack().undo();
    QCOMPARE(leads.lead(*id), added);
    QVERIFY(leads.search(QStringLiteral("tender")).isEmpty());
    stack().redo();
    stack().redo();
    QCOMPARE(leads.lead(*id), edited);

    QVERIFY(ed.deleteLead(*id).ok());
    QCOMPARE(leads.count(), 0);
    stack().undo();
    QCOMPARE(leads.lead(*id), edited);
}

void AnnotationEditorTest::refusedEditsStayOffTheStack()
{
    AnnotationEditor ed(*m_editor);
    QVERIFY(!ed.addNote(Target{Target::caseKind(), 0}, QStringLiteral("  ")).ok());
    QVERIFY(!ed.createTag(QString(), QStringLiteral("#ffffff")).ok());
    QVERIFY(!ed.createTag(QStringLiteral("x"), QStringLiteral("blue")).ok());
    QVERIFY(!ed.addLead(Lead{}).ok());
    QVERIFY(!ed.editNote(999, QStringLiteral("x")).ok());
    const auto tag = ed.createTag(QStringLiteral("a"), QStringLiteral("#ffffff"));
    QVERIFY(ed.createTag(QStringLiteral("b"), QStringLiteral("#ffffff")).ok());
    QVERIFY(!ed.renameTag(*tag, QStringLiteral("B")).ok()); // taken
    QCOMPARE(m_case->tags().tag(*tag)->name, QStringLiteral("a"));
    QCOMPARE(stack().count(), 2);
}

QTEST_MAIN(AnnotationEditorTest)
#include "annotationeditor_test.moc"

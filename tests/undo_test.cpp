// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;

/// Every edit of the Inspector is a command on CaseEditor's undo stack: undo restores the entity
/// exactly (row ids, FtM id, value ids, provenance, claims), redo restores the edited state
/// exactly, and what is on disk after reopening is what the user last saw.
class UndoTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void addValue();
    void changeValue();
    void removeValue();
    void createEntity();
    void deleteEntityWithClaimsAndRelationships();
    void deleteEntityPutsItBackOnItsCharts();
    void createRelationship();
    void refusedEditsStayOffTheStack();

private:
    /// Compares everything a snapshot holds, so "equal" means restored exactly.
    static bool sameEntity(const std::optional<Entity> &a, const std::optional<Entity> &b, QString *why);
    static bool sameClaims(const QList<Claim> &a, const QList<Claim> &b, QString *why);
    void reopen();
    QUndoStack &stack() { return *m_editor->undoStack(); }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_company = 0;
    qint64 m_person = 0;
    qint64 m_source = 0;
};

#define COMPARE_ENTITY(a, b)                                                                                           \
    do {                                                                                                               \
        QString why;                                                                                                   \
        QVERIFY2(sameEntity((a), (b), &why), qPrintable(why));                                                         \
    } while (false)

bool UndoTest::sameEntity(const std::optional<Entity> &a, const std::optional<Entity> &b, QString *why) {
    if (a.has_value() != b.has_value()) {
        *why = QStringLiteral("one of the entities is missing");
        return false;
    }
    if (!a) {
        return true;
    }
    if (a->rowId != b->rowId || a->id != b->id || a->schema != b->schema || a->caption != b->caption ||
        a->extra != b->extra) {
        *why = QStringLiteral("row/id/schema/caption differ: %1 %2 %3 vs %4 %5 %6")
                   .arg(QString::number(a->rowId), a->id, a->caption, QString::number(b->rowId), b->id, b->caption);
        return false;
    }
    if (a->values != b->values) {
        QStringList lines;
        for (const auto &v : a->values) {
            lines << QStringLiteral("A %1 %2=%3 prov %4 flags %5")
                         .arg(v.id)
                         .arg(v.property, v.value)
                         .arg(v.provenanceId)
                         .arg(v.flags);
        }
        for (const auto &v : b->values) {
            lines << QStringLiteral("B %1 %2=%3 prov %4 flags %5")
                         .arg(v.id)
                         .arg(v.property, v.value)
                         .arg(v.provenanceId)
                         .arg(v.flags);
        }
        *why = lines.join(QLatin1Char('\n'));
        return false;
    }
    return true;
}

bool UndoTest::sameClaims(const QList<Claim> &a, const QList<Claim> &b, QString *why) {
    if (a.size() != b.size()) {
        *why = QStringLiteral("%1 claims vs %2").arg(a.size()).arg(b.size());
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Claim &x = a.at(i), &y = b.at(i);
        if (x.id != y.id || x.entityRowId != y.entityRowId || x.property != y.property || x.value != y.value ||
            x.status != y.status || x.comment != y.comment || x.excerpts.size() != y.excerpts.size()) {
            *why = QStringLiteral("claim %1 differs").arg(x.id);
            return false;
        }
        for (qsizetype j = 0; j < x.excerpts.size(); ++j) {
            const Excerpt &p = x.excerpts.at(j), &q = y.excerpts.at(j);
            if (p.id != q.id || p.sourceId != q.sourceId || p.start != q.start || p.end != q.end ||
                p.quote != q.quote) {
                *why = QStringLiteral("excerpt %1 differs").arg(p.id);
                return false;
            }
        }
    }
    return true;
}

void UndoTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void UndoTest::init() {
    static int n = 0;
    m_path = m_dir.filePath(QStringLiteral("u%1.casegraph").arg(++n));
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->create(m_path).ok());
    m_case->setActor(QStringLiteral("bob"));
    const qint64 prov = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("fixture.json"));
    Entity company;
    company.schema = QStringLiteral("Company");
    company.add(QStringLiteral("name"), QStringLiteral("Shenzhen Example Technology Co."));
    company.add(QStringLiteral("country"), QStringLiteral("cn"));
    company.add(QStringLiteral("incorporationDate"), QStringLiteral("2011"));
    m_company = *m_case->entities().create(company, prov);
    Entity person;
    person.schema = QStringLiteral("Person");
    person.add(QStringLiteral("name"), QStringLiteral("Li Example"));
    m_person = *m_case->entities().create(person, prov);

    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Example report"));
    const qint64 articleRow = *m_case->entities().create(article, prov);
    Source s;
    s.entityRowId = articleRow;
    s.fileName = QStringLiteral("report.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.text = QStringLiteral("Shenzhen Example Technology Co. sold cameras to the police.");
    s.original = s.text.toUtf8();
    m_source = *m_case->evidence().addSource(s);
    Claim c;
    c.entityRowId = m_company;
    c.property = QStringLiteral("name");
    c.value = QStringLiteral("Shenzhen Example Technology Co.");
    c.excerpts.append(Excerpt{0, 0, m_source, 0, 31, QStringLiteral("Shenzhen Example Technology Co.")});
    QVERIFY(m_case->evidence().addClaim(c).ok());
    Claim whole;
    whole.entityRowId = m_company;
    whole.comment = QStringLiteral("seller");
    whole.excerpts.append(Excerpt{0, 0, m_source, 32, 49, QStringLiteral("sold cameras to t")});
    QVERIFY(m_case->evidence().addClaim(whole).ok());
    m_editor = std::make_unique<CaseEditor>(*m_case);
}

void UndoTest::cleanup() {
    m_editor.reset();
    m_case.reset();
}

void UndoTest::reopen() {
    m_editor.reset();
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->open(m_path).ok());
    m_editor = std::make_unique<CaseEditor>(*m_case);
}

void UndoTest::addValue() {
    auto &store = m_case->entities();
    const auto before = store.entity(m_company);
    const auto id = m_editor->addValue(m_company, QStringLiteral("alias"), QStringLiteral("深圳示例"));
    QVERIFY(id.ok());
    const auto after = store.entity(m_company);
    QCOMPARE(after->values.size(), before->values.size() + 1);
    const auto added = store.value(*id);
    QCOMPARE(added->value, QStringLiteral("深圳示例"));
    const auto prov = m_case->provenance(added->provenanceId);
    QCOMPARE(prov->kind, Provenance::Kind::Edit);
    QCOMPARE(prov->actor, QStringLiteral("bob"));
    QVERIFY(prov->label.contains(QLatin1String("Other name")));
    QCOMPARE(stack().count(), 1);
    QVERIFY(stack().undoText().startsWith(QLatin1String("Add Other name")));

    stack().undo();
    COMPARE_ENTITY(store.entity(m_company), before);
    stack().redo();
    COMPARE_ENTITY(store.entity(m_company), after);
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(m_company), after);
}

void UndoTest::changeValue() {
    auto &store = m_case->entities();
    const auto before = store.entity(m_company);
    const PropertyValue date = [&] {
        for (const auto &v : before->values) {
            if (v.property == QLatin1String("incorporationDate")) {
                return v;
            }
        }
        return PropertyValue{};
    }();
    QVERIFY(m_editor->changeValue(m_company, date.id, QStringLiteral("2011-03-02")).ok());
    const auto after = store.entity(m_company);
    const auto changed = store.value(date.id);
    QCOMPARE(changed->value, QStringLiteral("2011-03-02"));
    QVERIFY(changed->provenanceId != date.provenanceId);
    QCOMPARE(m_case->provenance(changed->provenanceId)->kind, Provenance::Kind::Edit);

    stack().undo();
    COMPARE_ENTITY(store.entity(m_company), before);
    QCOMPARE(store.value(date.id)->provenanceId, date.provenanceId);
    stack().redo();
    COMPARE_ENTITY(store.entity(m_company), after);
    stack().undo();
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(m_company), before);
}

void UndoTest::removeValue() {
    auto &store = m_case->entities();
    const auto before = store.entity(m_company);
    const qint64 country = [&] {
        for (const auto &v : before->values) {
            if (v.property == QLatin1String("country")) {
                return v.id;
            }
        }
        return qint64(0);
    }();
    QVERIFY(m_editor->removeValue(m_company, country).ok());
    const auto after = store.entity(m_company);
    QVERIFY(after->valuesOf(QStringLiteral("country")).isEmpty());
    stack().undo();
    COMPARE_ENTITY(store.entity(m_company), before);
    stack().redo();
    COMPARE_ENTITY(store.entity(m_company), after);
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(m_company), after);
}

void UndoTest::createEntity() {
    auto &store = m_case->entities();
    const qint64 count = store.count();
    const auto row =
        m_editor->createEntity(QStringLiteral("PublicBody"), QStringLiteral("Example Public Security Bureau"));
    QVERIFY(row.ok());
    const auto created = store.entity(*row);
    QCOMPARE(created->schema, QStringLiteral("PublicBody"));
    QCOMPARE(created->caption, QStringLiteral("Example Public Security Bureau"));
    QCOMPARE(m_case->provenance(created->values.first().provenanceId)->kind, Provenance::Kind::Edit);
    QCOMPARE(store.count(), count + 1);

    stack().undo();
    QVERIFY(!store.entity(*row));
    QCOMPARE(store.count(), count);
    stack().redo();
    COMPARE_ENTITY(store.entity(*row), created); // same row id, FtM id, value ids and provenance
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(*row), created);
}

void UndoTest::deleteEntityWithClaimsAndRelationships() {
    auto &store = m_case->entities();
    const auto relationship = m_editor->createRelationship(QStringLiteral("Ownership"), m_person, m_company);
    QVERIFY(relationship.ok());
    stack().clear();
    const auto before = store.entity(m_company);
    const auto edgeBefore = store.entity(*relationship);
    const auto claimsBefore = m_case->evidence().claimsFor(m_company);
    QCOMPARE(claimsBefore.size(), 2);
    QCOMPARE(m_editor->relationshipsOf(m_company).size(), 1);

    QVERIFY(m_editor->deleteEntity(m_company).ok());
    QVERIFY(!store.entity(m_company));
    QVERIFY(!store.entity(*relationship));
    QVERIFY(m_case->evidence().claimsFor(m_company).isEmpty());
    QCOMPARE(m_case->evidence().sources().constFirst().claims, qint64(0));

    stack().undo();
    COMPARE_ENTITY(store.entity(m_company), before);
    COMPARE_ENTITY(store.entity(*relationship), edgeBefore);
    QString why;
    QVERIFY2(sameClaims(m_case->evidence().claimsFor(m_company), claimsBefore, &why), qPrintable(why));
    QCOMPARE(store.count({{}, QStringLiteral("Shenzhen")}), qint64(1)); // back in the name index

    stack().redo();
    QVERIFY(!store.entity(m_company));
    stack().undo();
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(m_company), before);
    QVERIFY2(sameClaims(m_case->evidence().claimsFor(m_company), claimsBefore, &why), qPrintable(why));
}

void UndoTest::deleteEntityPutsItBackOnItsCharts() {
    auto &charts = m_case->charts();
    const qint64 chart = *charts.create(QStringLiteral("Sellers"));
    const qint64 gone = *charts.create(QStringLiteral("Deleted meanwhile"));
    const ChartNode placed{m_company, 120.5, -40, true, false, QStringLiteral("Shenzhen firms")};
    QVERIFY(charts.setNodes(chart, {placed, ChartNode{m_person, 10, 10}}).ok());
    QVERIFY(charts.setNodes(gone, {ChartNode{m_company, 1, 2}}).ok());
    stack().clear();

    QVERIFY(m_editor->deleteEntity(m_company).ok());
    QCOMPARE(charts.nodes(chart).size(), 1);
    QVERIFY(charts.remove(gone).ok());

    // Undo puts the company back where it stood, pinned and grouped; the deleted chart stays gone.
    stack().undo();
    const auto nodes = charts.nodes(chart);
    QCOMPARE(nodes.size(), 2);
    QCOMPARE(nodes.constFirst(), placed);
    QVERIFY(!charts.chart(gone));
    reopen();
    QCOMPARE(m_case->charts().nodes(chart).constFirst(), placed);
}

void UndoTest::createRelationship() {
    auto &store = m_case->entities();
    const auto row = m_editor->createRelationship(QStringLiteral("Directorship"), m_person, m_company,
                                                  {{QStringLiteral("role"), QStringLiteral("chairman")},
                                                   {QStringLiteral("startDate"), QStringLiteral("2015-06")}});
    QVERIFY2(row.ok(), row.ok() ? "" : qPrintable(row.error().message));
    const auto edge = store.entity(*row);
    QCOMPARE(edge->first(QStringLiteral("director")), store.row(m_person)->id);
    QCOMPARE(edge->first(QStringLiteral("organization")), store.row(m_company)->id);
    QCOMPARE(edge->first(QStringLiteral("role")), QStringLiteral("chairman"));
    QCOMPARE(store.referencing(store.row(m_company)->id).size(), 1);
    QVERIFY(stack().undoText().contains(QLatin1String("Li Example")));

    stack().undo();
    QVERIFY(!store.entity(*row));
    QVERIFY(store.referencing(store.row(m_company)->id).isEmpty());
    stack().redo();
    COMPARE_ENTITY(store.entity(*row), edge);
    reopen();
    COMPARE_ENTITY(m_case->entities().entity(*row), edge);

    // An end of the wrong kind is refused with a reason: a Directorship's director is a person
    // or company, never an article.
    const qint64 article = m_case->evidence().sources().constFirst().entityRowId;
    const auto wrong = m_editor->createRelationship(QStringLiteral("Directorship"), article, m_company);
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error().message.contains(QLatin1String("Example report")), qPrintable(wrong.error().message));
    QVERIFY2(wrong.error().message.startsWith(QLatin1String("Directorship: the director must be of type ")),
             qPrintable(wrong.error().message));
    QVERIFY2(wrong.error().message.endsWith(QStringLiteral("” is of type Article")), qPrintable(wrong.error().message));
}

void UndoTest::refusedEditsStayOffTheStack() {
    QVERIFY(!m_editor->addValue(m_company, QStringLiteral("incorporationDate"), QStringLiteral("2019-13-01")).ok());
    QVERIFY(!m_editor->addValue(m_company, QStringLiteral("noSuchProperty"), QStringLiteral("x")).ok());
    QVERIFY(!m_editor->createEntity(QStringLiteral("Thing"), QStringLiteral("abstract")).ok());
    QVERIFY(!m_editor->createEntity(QStringLiteral("Company"), QString()).ok());
    // A source is evidence: its Article cannot be deleted.
    const qint64 article = m_case->evidence().sources().constFirst().entityRowId;
    const auto st = m_editor->deleteEntity(article);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("source")));
    QCOMPARE(stack().count(), 0);
    QVERIFY(m_case->entities().entity(article));
}

QTEST_MAIN(UndoTest)
#include "undo_test.moc"

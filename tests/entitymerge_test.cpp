// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "commands/mergecommands.h"
#include "demo/democase.h"
#include "io/ftmwriter.h"
#include "screening/duplicatefinder.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/auditlog.h"
#include "storage/mergestore.h"
#include "storage/sqlite.h"

#include <QBuffer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;

/// Duplicates in a case (DuplicateFinder), merging them (MergeStore, MergeEntitiesCommand) and
/// splitting them again exactly, also after the file was reopened.
class EntityMergeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void findsDuplicates();
    void mergeThenSplitAfterReopenRestoresTheCase();
    void undoAndRedoOfAMerge();
    void refusesIncompatibleSchemata();

private:
    QTemporaryDir m_dir;
};

namespace {

// One transaction per entity, as an edit would be, so the audit log sees every row.
qint64 addEntity(CaseFile &cf, const QString &id, const QString &schema, const QList<QPair<QString, QString>> &values)
{
    qint64 row = 0;
    const Status st = Sql::inTransaction(cf.database(), [&]() -> Status {
        const auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
        if (!prov) {
            return prov.error();
        }
        Entity e;
        e.id = id;
        e.schema = schema;
        for (const auto &[p, v] : values) {
            e.add(p, v);
        }
        const auto created = cf.entities().create(e, *prov);
        if (!created) {
            return created.error();
        }
        row = *created;
        return cf.appendAudit(QStringLiteral("test.create"), {}, {}, QStringLiteral("entity:%1").arg(row));
    });
    return st ? row : 0;
}

/// Everything a merge touches, as text: the FtM export (values in stored order) and the rows of
/// the entity, claim, excerpt, note, chart_node and statement tables with their ids.
QByteArray snapshot(CaseFile &cf)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!FtmWriter::write(cf, buffer).ok()) {
        return "export failed";
    }
    QByteArray out = buffer.data();
    for (const char *sql : {"SELECT id, eid, schema, caption, coalesce(extra, '') FROM entity ORDER BY id",
                            "SELECT id, entity, prop, value, prov, flags FROM statement ORDER BY id",
                            "SELECT id, entity, coalesce(prop, ''), coalesce(value, ''), status FROM claim ORDER BY id",
                            "SELECT id, claim, source, start, end, quote FROM excerpt ORDER BY id",
                            "SELECT id, target_kind, coalesce(target_id, 0), body FROM note ORDER BY id",
                            "SELECT chart, entity, x, y, pinned, hidden, coalesce(grp, '') FROM chart_node ORDER BY chart, entity",
                            "SELECT rowid, names FROM entity_fts ORDER BY rowid"}) {
        auto q = cf.database().prepare(QString::fromLatin1(sql));
        if (!q) {
            return "bad query";
        }
        while ((*q)->step()) {
            for (int c = 0; c < 7; ++c) {
                out += (*q)->text(c).toUtf8() + '|';
            }
            out += '\n';
        }
        out += "--\n";
    }
    return out;
}

/// Two demo Companies that are both referenced (relationships, sanctions) and carry claims.
QPair<qint64, qint64> twoReferencedCompanies(CaseFile &cf)
{
    auto q = cf.database().prepare(QStringLiteral(
        "SELECT e.id FROM entity e WHERE e.schema = 'Company' AND EXISTS(SELECT 1 FROM claim c WHERE c.entity = e.id) "
        "ORDER BY (SELECT count(*) FROM statement s WHERE s.flags & 4 AND s.value = e.eid) DESC, e.id LIMIT 2"));
    QList<qint64> rows;
    while (q && (*q)->step()) {
        rows << (*q)->int64(0);
    }
    return rows.size() == 2 ? qMakePair(rows.at(0), rows.at(1)) : qMakePair(qint64(0), qint64(0));
}

} // namespace

void EntityMergeTest::init()
{
    // Every change a merge or split makes is in the audit log: no row outside a transaction.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("outside a transaction")));
}

void EntityMergeTest::findsDuplicates()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("dup.casegraph"))).ok());
    const qint64 a = addEntity(cf, QStringLiteral("a"), QStringLiteral("Company"),
                               {{QStringLiteral("name"), QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd.")}});
    const qint64 b = addEntity(cf, QStringLiteral("b"), QStringLiteral("Company"),
                               {{QStringLiteral("name"), QStringLiteral("HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO LTD")}});
    const qint64 c = addEntity(cf, QStringLiteral("c"), QStringLiteral("Organization"),
                               {{QStringLiteral("name"), QStringLiteral("Blue Harbour Holdings")},
                                {QStringLiteral("leiCode"), QStringLiteral("5493001KJTIIGC8Y1R12")}});
    const qint64 d = addEntity(cf, QStringLiteral("d"), QStringLiteral("Company"),
                               {{QStringLiteral("name"), QStringLiteral("Harbour Blue Trading")},
                                {QStringLiteral("leiCode"), QStringLiteral("5493 001K JTII GC8Y 1R12")},
                                {QStringLiteral("address"), QStringLiteral("12 Queen's Road, Central, Hong Kong")}});
    const qint64 e = addEntity(cf, QStringLiteral("e"), QStringLiteral("Company"),
                               {{QStringLiteral("name"), QStringLiteral("Lotus Components")},
                                {QStringLiteral("address"), QStringLiteral("12 QUEEN'S ROAD CENTRAL,  HONG KONG")}});
    // A person of the same name is not a duplicate of the company.
    addEntity(cf, QStringLiteral("p"), QStringLiteral("Person"), {{QStringLiteral("name"), QStringLiteral("Lotus Components")}});
    addEntity(cf, QStringLiteral("z"), QStringLiteral("Company"), {{QStringLiteral("name"), QStringLiteral("Unrelated Bakery")}});

    const auto pairs = DuplicateFinder::find(cf);
    QCOMPARE(pairs.size(), 3);
    // Strongest first: the shared LEI.
    QCOMPARE(pairs.at(0).first, c);
    QCOMPARE(pairs.at(0).second, d);
    QVERIFY(pairs.at(0).reasons.join(QLatin1Char(' ')).contains(QStringLiteral("shared LEI 5493001KJTIIGC8Y1R12")));
    QCOMPARE(pairs.at(1).first, a);
    QCOMPARE(pairs.at(1).second, b);
    QVERIFY(pairs.at(1).reasons.first().startsWith(QStringLiteral("same normalised name")));
    QCOMPARE(pairs.at(2).first, d);
    QCOMPARE(pairs.at(2).second, e);
    QVERIFY(pairs.at(2).reasons.first().startsWith(QStringLiteral("shared address")));
}

void EntityMergeTest::mergeThenSplitAfterReopenRestoresTheCase()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.casegraph"));
    QByteArray before;
    qint64 kept = 0, merged = 0, mergeId = 0;
    QString mergedId, keptId;
    {
        CaseFile cf;
        QVERIFY(cf.create(path).ok());
        QVERIFY(DemoCase::write(cf).ok());
        std::tie(kept, merged) = twoReferencedCompanies(cf);
        QVERIFY(kept && merged);
        // Put both on a chart, and the merged one alone on another, to see chart places move back.
        const auto both = cf.charts().create(QStringLiteral("Both"));
        const auto alone = cf.charts().create(QStringLiteral("Alone"));
        QVERIFY(both && alone);
        QVERIFY(cf.charts().setNodes(*both, {ChartNode{kept, 1, 2}, ChartNode{merged, 3, 4, true, false, QStringLiteral("g")}}).ok());
        QVERIFY(cf.charts().setNodes(*alone, {ChartNode{merged, 5, 6}}).ok());
        keptId = cf.entities().row(kept)->id;
        mergedId = cf.entities().row(merged)->id;
        const qsizetype keptValues = cf.entities().entity(kept)->values.size();
        const qsizetype mergedValues = cf.entities().entity(merged)->values.size();
        const qsizetype claims = cf.evidence().claimsFor(kept).size() + cf.evidence().claimsFor(merged).size();
        const qsizetype referencing = cf.entities().referencing(mergedId).size();
        QVERIFY(referencing > 0);
        before = snapshot(cf);

        auto id = cf.merges().merge(kept, merged);
        QVERIFY2(id.ok(), qPrintable(id ? QString() : id.error().message));
        mergeId = *id;
        QVERIFY(!cf.entities().entity(merged));
        QVERIFY(!cf.entities().entityById(mergedId));
        const Entity k = *cf.entities().entity(kept);
        QCOMPARE(k.values.size(), keptValues + mergedValues);
        QCOMPARE(cf.evidence().claimsFor(kept).size(), claims);
        QVERIFY(cf.entities().referencing(keptId).size() >= referencing);
        QVERIFY(cf.entities().referencing(mergedId).isEmpty());
        QCOMPARE(cf.charts().nodes(*alone).first().entityRowId, kept);
        QCOMPARE(cf.charts().nodes(*both).size(), 1);
        QVERIFY(cf.check()->isEmpty());
        QCOMPARE(cf.merges().merges(kept).size(), 1);
        QCOMPARE(cf.merges().merges(kept).first().mergedId, mergedId);
    }
    {
        CaseFile reopened;
        QVERIFY(reopened.open(path).ok());
        const auto standing = reopened.merges().merges(kept);
        QCOMPARE(standing.size(), 1);
        QCOMPARE(standing.first().id, mergeId);
        QVERIFY(reopened.merges().split(mergeId).ok());
        QCOMPARE(snapshot(reopened), before);
        QVERIFY(reopened.merges().merges(kept).isEmpty());
        QCOMPARE(reopened.merges().merges(kept, true).size(), 1); // the decision stays on record
        QVERIFY(reopened.merges().merges(kept, true).first().splitAt.isValid());
        QVERIFY(!reopened.merges().split(mergeId).ok());
        QVERIFY(reopened.check()->isEmpty());
    }
}

void EntityMergeTest::undoAndRedoOfAMerge()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("undo.casegraph"))).ok());
    QVERIFY(DemoCase::write(cf).ok());
    const auto [kept, merged] = twoReferencedCompanies(cf);
    const QByteArray before = snapshot(cf);
    CaseEditor editor(cf);
    const auto pushed = editor.push(std::make_unique<MergeEntitiesCommand>(editor, kept, merged, QStringLiteral("Merge")));
    QVERIFY2(pushed.ok(), qPrintable(pushed.ok() ? QString() : pushed.error().toString()));
    const QByteArray afterMerge = snapshot(cf);
    QVERIFY(afterMerge != before);
    editor.undoStack()->undo();
    QCOMPARE(snapshot(cf), before);
    editor.undoStack()->redo();
    QCOMPARE(snapshot(cf), afterMerge);
    // Split as its own command (Edit → Split), then undo it: merged again.
    const qint64 mergeId = cf.merges().merges(kept).first().id;
    QVERIFY(editor.push(std::make_unique<SplitEntityCommand>(editor, mergeId, QStringLiteral("Split"))).ok());
    QCOMPARE(snapshot(cf), before);
    editor.undoStack()->undo();
    QCOMPARE(snapshot(cf), afterMerge);
    editor.undoStack()->redo();
    QCOMPARE(snapshot(cf), before);
}

void EntityMergeTest::refusesIncompatibleSchemata()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("refuse.casegraph"))).ok());
    const qint64 company = addEntity(cf, QStringLiteral("c"), QStringLiteral("Company"), {{QStringLiteral("name"), QStringLiteral("X")}});
    const qint64 person = addEntity(cf, QStringLiteral("p"), QStringLiteral("Person"), {{QStringLiteral("name"), QStringLiteral("X")}});
    const qint64 org = addEntity(cf, QStringLiteral("o"), QStringLiteral("Organization"), {{QStringLiteral("name"), QStringLiteral("X")}});
    QVERIFY(!cf.merges().merge(company, person).ok());
    QVERIFY(!cf.merges().merge(company, company).ok());
    // Organization into Company keeps Company; Company into Organization makes it a Company.
    QVERIFY(cf.merges().merge(org, company).ok());
    QCOMPARE(cf.entities().entity(org)->schema, QStringLiteral("Company"));
    QVERIFY(cf.merges().split(cf.merges().merges(org).first().id).ok());
    QCOMPARE(cf.entities().entity(org)->schema, QStringLiteral("Organization"));
    QCOMPARE(cf.entities().entity(company)->schema, QStringLiteral("Company"));
    // A merge and a split made outside the undo stack are each one audited transaction.
    QStringList actions;
    for (const auto &e : cf.audit().entries({QStringLiteral("entity:%1").arg(org)})) {
        actions << e.action;
    }
    QVERIFY2(actions.contains(QStringLiteral("entity.merge")) && actions.contains(QStringLiteral("entity.split")),
             qPrintable(actions.join(QLatin1Char(','))));
}

QTEST_GUILESS_MAIN(EntityMergeTest)
#include "entitymerge_test.moc"

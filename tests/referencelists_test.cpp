// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/diversion.h"
#include "analytics/exposure.h"
#include "commands/caseeditor.h"
#include "commands/decidematchcommand.h"
#include "screening/referencelists.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/referenceliststore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"
#include "support/graphfixture.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// Reference lists (schema version 4): loading versions with their diff, screening a case against
/// a stored version, decisions that survive reopening, and accepted matches in the analytics.
class ReferenceListsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version3To4AddsScreeningTables();
    void versionsAndDiff();
    void screeningRecordsTheRun();
    void identifierOutweighsTheName();
    void decisionsSurviveReopenAndUndo();
    void acceptedMatchFeedsExposureAndDiversion();

private:
    QTemporaryDir m_dir;
};

namespace {

const char *const kLei = "5493001KJTIIGC8Y1R12";
const char *const kOtherLei = "529900T8BM49AURSDO55";

// A small FtM list: a party and its Sanction per line pair.
QByteArray party(const char *id, const char *schema, const char *name, const char *extra = "")
{
    return QByteArray("{\"id\":\"") + id + "\",\"schema\":\"" + schema + "\",\"properties\":{\"name\":[\"" + name
           + "\"]" + extra + "}}\n" + "{\"id\":\"" + id
           + "-sanction\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"" + id
           + "\"],\"authority\":[\"US Commerce Department\"],\"program\":[\"Entity List\"]}}\n";
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return {};
    }
    f.write(data);
    return path;
}

QByteArray listVersion1()
{
    return party("lst-hik", "Company", "Hangzhou Hikvision Digital Technology Co., Ltd.", ",\"country\":[\"cn\"]")
           + party("lst-sn", "Company", "SenseNets Technology Ltd.", ",\"country\":[\"cn\"]")
           + party("lst-lei", "Company", "Oriental Precision Instruments Co., Ltd.",
                   QByteArray(",\"leiCode\":[\"") .append(kLei).append("\"]").constData())
           + party("lst-np", "Company", "NetPosa Technologies Ltd.");
}

qint64 addCompany(CaseFile &cf, const QString &id, const QString &name, const QList<QPair<QString, QString>> &more = {})
{
    const auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity e;
    e.id = id;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), name);
    for (const auto &[p, v] : more) {
        e.add(p, v);
    }
    const auto row = cf.entities().create(e, *prov);
    return row ? *row : 0;
}

qint64 tableCount(CaseFile &cf, const QString &sql)
{
    auto q = cf.database().prepare(sql);
    return q && (*q)->step() ? (*q)->int64(0) : -1;
}

} // namespace

void ReferenceListsTest::version3To4AddsScreeningTables()
{
    const QString path = m_dir.filePath(QStringLiteral("v3.casegraph"));
    QVERIFY(Casegraph::Tests::writeOldCase(path, 3,
                                           QStringLiteral(
                                               "INSERT INTO chart(id, name, created_at, modified_at) VALUES(1, 'c', 'x', 'x');"
                                               "INSERT INTO chart_node(chart, entity) VALUES(1, 1);")));
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    QCOMPARE(cf.info().schemaVersion, 4);
    QCOMPARE(cf.entities().entityById(QStringLiteral("sn"))->caption, QStringLiteral("SenseNets"));
    QCOMPARE(tableCount(cf, QStringLiteral("SELECT count(*) FROM chart_node")), 1);
    QCOMPARE(tableCount(cf, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN ('ref_list', "
                                           "'ref_list_version', 'ref_entry', 'screening_run', 'screening_decision', "
                                           "'screening_accepted', 'entity_merge')")),
             7);
    QVERIFY(cf.referenceLists().lists().isEmpty());
    const QString list = writeFile(m_dir, QStringLiteral("migrated-list.ftm.json"), listVersion1());
    const auto load = ReferenceListLoader::load(cf, list, QStringLiteral("bis"));
    QVERIFY2(load.ok(), qPrintable(load ? QString() : load.error().toString()));
    QCOMPARE(load->version.entries, 4);
    QVERIFY(cf.check()->isEmpty());
}

void ReferenceListsTest::versionsAndDiff()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("diff.casegraph"))).ok());
    const QString v1 = writeFile(m_dir, QStringLiteral("list-v1.json"), listVersion1());
    auto first = ReferenceListLoader::load(cf, v1, QStringLiteral("entity-list"));
    QVERIFY(first.ok());
    QVERIFY(first->firstVersion);
    QCOMPARE(first->version.entries, 4);
    QCOMPARE(first->version.format, QStringLiteral("ftm"));
    QCOMPARE(first->version.sha256, ReferenceListLoader::fileSha256(v1));
    QCOMPARE(first->diff.added.size(), 4);
    const auto entry = cf.referenceLists().entry(first->version.id, QStringLiteral("lst-hik"));
    QVERIFY(entry);
    QCOMPARE(entry->authority, QStringLiteral("US Commerce Department"));
    QCOMPARE(entry->program, QStringLiteral("Entity List"));
    QCOMPARE(ReferenceListLoader::sanctions(*entry).size(), 1);

    // The same file again: no new version.
    auto again = ReferenceListLoader::load(cf, v1, QStringLiteral("entity-list"));
    QVERIFY(again.ok());
    QVERIFY(again->unchanged);
    QCOMPARE(cf.referenceLists().versions(QStringLiteral("entity-list")).size(), 1);

    // Version 2: SenseNets removed, NetPosa gains an alias, Megvii added.
    QByteArray v2data = party("lst-hik", "Company", "Hangzhou Hikvision Digital Technology Co., Ltd.", ",\"country\":[\"cn\"]")
                        + party("lst-lei", "Company", "Oriental Precision Instruments Co., Ltd.",
                                QByteArray(",\"leiCode\":[\"").append(kLei).append("\"]").constData())
                        + party("lst-np", "Company", "NetPosa Technologies Ltd.", ",\"alias\":[\"Dongfang Wangli\"]")
                        + party("lst-megvii", "Company", "Beijing Megvii Technology Co., Ltd.");
    const QString v2 = writeFile(m_dir, QStringLiteral("list-v2.json"), v2data);
    auto second = ReferenceListLoader::load(cf, v2, QStringLiteral("entity-list"));
    QVERIFY(second.ok());
    QVERIFY(!second->firstVersion);
    QCOMPARE(second->diff.added.size(), 1);
    QCOMPARE(second->diff.added.first().id, QStringLiteral("lst-megvii"));
    QCOMPARE(second->diff.removed.size(), 1);
    QCOMPARE(second->diff.removed.first().caption, QStringLiteral("SenseNets Technology Ltd."));
    QCOMPARE(second->diff.changed.size(), 1);
    QCOMPARE(second->diff.changed.first().id, QStringLiteral("lst-np"));
    QCOMPARE(second->version.added, 1);
    QCOMPARE(second->version.removed, 1);
    QCOMPARE(second->version.changed, 1);
    const auto versions = cf.referenceLists().versions(QStringLiteral("entity-list"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(cf.referenceLists().lists().size(), 1);
    QCOMPARE(cf.referenceLists().lists().first().id, second->version.id);
    // The old version keeps its entries: decisions made against it still resolve.
    QVERIFY(cf.referenceLists().entry(first->version.id, QStringLiteral("lst-sn")));
    QVERIFY(!cf.referenceLists().entry(second->version.id, QStringLiteral("lst-sn")));
    // Reference entries are not case entities.
    QCOMPARE(cf.info().entities, 0);
}

void ReferenceListsTest::screeningRecordsTheRun()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("screen.casegraph"))).ok());
    const qint64 hik = addCompany(cf, QStringLiteral("c-hik"), QStringLiteral("Hikvision Digital Technology Co Ltd"),
                                  {{QStringLiteral("country"), QStringLiteral("cn")}});
    addCompany(cf, QStringLiteral("c-bakery"), QStringLiteral("Acme Bakery GmbH"));
    const QString v1 = writeFile(m_dir, QStringLiteral("screen-list.json"), listVersion1());
    auto load = ReferenceListLoader::load(cf, v1, QStringLiteral("bis"));
    QVERIFY(load.ok());
    ScreeningRequest request;
    request.versionId = load->version.id;
    auto outcome = CaseScreening::run(cf, request);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->run.screened, 2);
    QCOMPARE(outcome->matches.size(), 1);
    const ScreeningMatch &m = outcome->matches.first();
    QCOMPARE(m.entityRowId, hik);
    QCOMPARE(m.entryId, QStringLiteral("lst-hik"));
    QVERIFY(m.candidate.score >= 0.72);
    QVERIFY(m.candidate.explanation().contains(QStringLiteral("hikvision")));
    QCOMPARE(m.toJson().value(QStringLiteral("entity")).toObject().value(QStringLiteral("id")).toString(),
             QStringLiteral("c-hik"));
    const auto runs = cf.referenceLists().runs();
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().versionId, load->version.id);
    QCOMPARE(runs.first().threshold, 0.72);
    QCOMPARE(runs.first().candidates, 1);
    QCOMPARE(runs.first().actor, cf.actor());
    // Selected entities only; a higher threshold.
    request.entityRowIds = {cf.entities().rowIdOf(QStringLiteral("c-bakery"))};
    QCOMPARE(CaseScreening::run(cf, request)->matches.size(), 0);
    request.entityRowIds.clear();
    request.settings.threshold = 0.999;
    QCOMPARE(CaseScreening::run(cf, request)->matches.size(), 0);
    QCOMPARE(cf.referenceLists().runs().last().scope, QStringLiteral("all"));
}

void ReferenceListsTest::identifierOutweighsTheName()
{
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("ids.casegraph"))).ok());
    // A different name but the listed LEI: the same party.
    const qint64 same = addCompany(cf, QStringLiteral("c-renamed"), QStringLiteral("Blue Harbour Trading Ltd"),
                                   {{QStringLiteral("leiCode"), QLatin1String(kLei)}});
    // The listed name but another LEI: probably not the same party.
    const qint64 other = addCompany(cf, QStringLiteral("c-namesake"), QStringLiteral("Oriental Precision Instruments Co Ltd"),
                                    {{QStringLiteral("leiCode"), QLatin1String(kOtherLei)}});
    const QString v1 = writeFile(m_dir, QStringLiteral("ids-list.json"), listVersion1());
    auto load = ReferenceListLoader::load(cf, v1, QStringLiteral("bis"));
    QVERIFY(load.ok());
    ScreeningRequest request;
    request.versionId = load->version.id;
    request.settings.threshold = 0.3;
    auto outcome = CaseScreening::run(cf, request);
    QVERIFY(outcome.ok());
    const ScreeningMatch *byId = nullptr;
    const ScreeningMatch *byName = nullptr;
    for (const auto &m : outcome->matches) {
        if (m.entryId == QLatin1String("lst-lei")) {
            (m.entityRowId == same ? byId : byName) = &m;
        }
    }
    QVERIFY(byId);
    QCOMPARE(byId->candidate.score, 1.0);
    QVERIFY(byId->candidate.identifierAgrees);
    QVERIFY(byId->candidate.explanation().contains(QStringLiteral("Identifier LEI agrees")));
    QVERIFY(byName);
    QCOMPARE(byName->entityRowId, other);
    QVERIFY(byName->candidate.score < byName->candidate.nameScore);
    QVERIFY(byName->candidate.explanation().contains(QStringLiteral("disagrees")));
    QVERIFY(byName->candidate.score < byId->candidate.score);
}

void ReferenceListsTest::decisionsSurviveReopenAndUndo()
{
    const QString path = m_dir.filePath(QStringLiteral("decide.casegraph"));
    qint64 decisionId = 0;
    qint64 versionId = 0;
    QString explanation;
    {
        CaseFile cf;
        QVERIFY(cf.create(path).ok());
        cf.setActor(QStringLiteral("reporter-1"));
        const qint64 hik = addCompany(cf, QStringLiteral("c-hik"), QStringLiteral("Hikvision Digital Technology Co Ltd"));
        auto load = ReferenceListLoader::load(cf, writeFile(m_dir, QStringLiteral("d.json"), listVersion1()),
                                              QStringLiteral("bis"));
        QVERIFY(load.ok());
        versionId = load->version.id;
        auto match = CaseScreening::explain(cf, versionId, hik, QStringLiteral("lst-hik"));
        QVERIFY(match.ok());
        explanation = match->candidate.explanation();
        CaseEditor editor(cf);
        ScreeningDecision d;
        d.entityRowId = hik;
        d.versionId = versionId;
        d.entryId = QStringLiteral("lst-hik");
        d.decision = ScreeningDecision::Kind::Accepted;
        d.score = match->candidate.score;
        d.explanation = explanation;
        auto command = std::make_unique<DecideMatchCommand>(editor, d, QStringLiteral("Accept match"));
        auto *raw = command.get();
        QVERIFY(editor.push(std::move(command)).ok());
        decisionId = raw->decisionId();
        QVERIFY(decisionId > 0);
        QCOMPARE(cf.referenceLists().acceptedMatches().size(), 1);
        editor.undoStack()->undo();
        QVERIFY(cf.referenceLists().decisions().isEmpty());
        editor.undoStack()->redo();
        QCOMPARE(cf.referenceLists().decisions().size(), 1);
        QCOMPARE(cf.referenceLists().decisions().first().id, decisionId);
        // A later rejection supersedes the acceptance; both stay in the history.
        ScreeningDecision r = d;
        r.decision = ScreeningDecision::Kind::Rejected;
        QVERIFY(cf.referenceLists().addDecision(r).ok());
        QVERIFY(cf.referenceLists().acceptedMatches().isEmpty());
        QVERIFY(cf.referenceLists().removeDecision(r.id).ok());
    }
    CaseFile reopened;
    QVERIFY(reopened.open(path).ok());
    const auto decisions = reopened.referenceLists().decisions();
    QCOMPARE(decisions.size(), 1);
    const ScreeningDecision &d = decisions.first();
    QCOMPARE(d.id, decisionId);
    QCOMPARE(d.decision, ScreeningDecision::Kind::Accepted);
    QCOMPARE(d.actor, QStringLiteral("reporter-1"));
    QCOMPARE(d.versionId, versionId);
    QCOMPARE(d.entryId, QStringLiteral("lst-hik"));
    QCOMPARE(d.explanation, explanation);
    QVERIFY(d.at.isValid());
    QVERIFY(qAbs(d.at.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QCOMPARE(reopened.referenceLists().acceptedMatches(reopened.entities().rowIdOf(QStringLiteral("c-hik"))).size(), 1);
    QCOMPARE(reopened.referenceLists().version(versionId)->listName, QStringLiteral("bis"));
}

void ReferenceListsTest::acceptedMatchFeedsExposureAndDiversion()
{
    GraphFixture f;
    QVERIFY(f.isValid());
    CaseFile &cf = f.caseFile();
    const qint64 owner = f.node(QStringLiteral("owner"));
    QVERIFY(cf.entities().addValue(owner, QStringLiteral("name"), QStringLiteral("Hikvision Digital Technology"),
                                   cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("t")).value())
                .ok());
    f.node(QStringLiteral("sub"));
    f.node(QStringLiteral("maker"));
    f.ownership(QStringLiteral("own"), QStringLiteral("owner"), QStringLiteral("sub"), QStringLiteral("60%"));
    f.link(QStringLiteral("sup"), QStringLiteral("Supply"), QStringLiteral("maker"), QStringLiteral("owner"));

    const auto before = computeExposure(*GraphProjection::fromCase(cf));
    QCOMPARE(before.verdict(QStringLiteral("owner")), ExposureVerdict::NotRestricted);

    auto load = ReferenceListLoader::load(cf, writeFile(m_dir, QStringLiteral("x.json"), listVersion1()),
                                          QStringLiteral("bis"));
    QVERIFY(load.ok());
    ScreeningDecision d;
    d.entityRowId = owner;
    d.versionId = load->version.id;
    d.entryId = QStringLiteral("lst-hik");
    d.decision = ScreeningDecision::Kind::Accepted;
    d.score = 0.9;
    d.explanation = QStringLiteral("test");
    QVERIFY(cf.referenceLists().addDecision(d).ok());

    const auto graph = GraphProjection::fromCase(cf);
    QVERIFY(graph.ok());
    const auto sanctions = graph->sanctions();
    QCOMPARE(sanctions.size(), 1);
    QCOMPARE(sanctions.first().entity, QStringLiteral("owner"));
    QCOMPARE(sanctions.first().id, QStringLiteral("lst-hik-sanction"));
    QCOMPARE(sanctions.first().rowId, -d.id);
    QCOMPARE(sanctions.first().authorities, QStringList{QStringLiteral("US Commerce Department")});
    QCOMPARE(sanctions.first().programs, QStringList{QStringLiteral("Entity List")});

    ExposureOptions options;
    options.lists.programs = {QStringLiteral("Entity List")};
    const auto report = computeExposure(*graph, options);
    QCOMPARE(report.verdict(QStringLiteral("owner")), ExposureVerdict::Listed);
    QCOMPARE(report.verdict(QStringLiteral("sub")), ExposureVerdict::Restricted);

    DiversionQuery q;
    q.from = QStringLiteral("maker");
    const auto diversion = diversionPaths(*graph, q);
    QVERIFY(diversion.ok());
    QCOMPARE(diversion->endUsers, QStringList{QStringLiteral("owner")});

    // A chart's subset projection sees it too.
    ProjectionOptions subset;
    subset.entities = {owner, cf.entities().rowIdOf(QStringLiteral("sub"))};
    QCOMPARE(GraphProjection::fromCase(cf, subset)->sanctions().size(), 1);

    // Rejecting it later: no longer listed.
    d.decision = ScreeningDecision::Kind::Rejected;
    QVERIFY(cf.referenceLists().addDecision(d).ok());
    QCOMPARE(computeExposure(*GraphProjection::fromCase(cf)).verdict(QStringLiteral("sub")),
             ExposureVerdict::NotRestricted);
}

QTEST_GUILESS_MAIN(ReferenceListsTest)
#include "referencelists_test.moc"

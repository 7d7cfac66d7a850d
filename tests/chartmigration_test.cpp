// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/sqlite.h"
#include "support/scratchdir.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// Schema version 3 (charts) from a version-2 file, the ChartStore, and the demo's chart.
class ChartMigrationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void version2To3AddsCharts();
    void failedUpgradeLeavesVersion2();
    void chartLifecycle();
    void nodesInBulk();
    void deletingAnEntityRemovesItFromCharts();
    void demoCaseChart();
};

namespace {
// Writes a version-2 file: tables as versions 1-2 defined them, rows as version 2 wrote them.
void writeVersion2(const QString &path)
{
    QVERIFY(Casegraph::Tests::writeOldCase(
        path, 2,
        QStringLiteral("INSERT INTO entity(id, eid, schema, caption) VALUES(2, 'np', 'Company', 'NetPosa');"
                       "INSERT INTO statement(entity, prop, value, prov) VALUES(2, 'name', 'NetPosa', 1);"
                       "INSERT INTO entity_fts(rowid, names) VALUES(2, 'NetPosa');")));
}

qint64 count(CaseFile &cf, const char *sql)
{
    auto q = cf.database().prepare(QString::fromLatin1(sql));
    return q && (*q)->step() ? (*q)->int64(0) : -1;
}
} // namespace

void ChartMigrationTest::version2To3AddsCharts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.casegraph"));
    writeVersion2(path);
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    // Opening migrates through version 3 to the current version.
    QVERIFY(CaseFile::SchemaVersion >= 3);
    QCOMPARE(cf.info().schemaVersion, CaseFile::SchemaVersion);
    QCOMPARE(cf.entities().entityById(QStringLiteral("sn"))->values.size(), 1);
    QCOMPARE(cf.entities().search(QStringLiteral("NetPosa")).value(0).id, QStringLiteral("np"));
    QCOMPARE(count(cf, "SELECT count(*) FROM sqlite_schema WHERE name IN ('chart', 'chart_node', 'chart_node_entity')"),
             3);
    QVERIFY(cf.charts().charts().isEmpty());
    auto chart = cf.charts().create(QStringLiteral("Owners"));
    QVERIFY(chart.ok());
    QVERIFY(cf.charts().setNodes(*chart, {ChartNode{1, 10, 20, true, false, QStringLiteral("cn")}}).ok());
    QCOMPARE(cf.charts().nodes(*chart).first().group, QStringLiteral("cn"));
    QVERIFY(cf.check()->isEmpty());
}

void ChartMigrationTest::failedUpgradeLeavesVersion2()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v2.casegraph"));
    writeVersion2(path);
    {
        Sql::Database db;
        QVERIFY(db.open(path).ok());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE chart_node(x)")).ok()); // in the way of version 3
    }
    CaseFile cf;
    const auto st = cf.open(path);
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("version 3")));
    Sql::Database db;
    QVERIFY(db.open(path).ok());
    QCOMPARE(db.userVersion(), 2);
    auto t = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name='chart'"));
    QVERIFY(t && (*t)->step());
    QCOMPARE((*t)->int64(0), 0);
}

void ChartMigrationTest::chartLifecycle()
{
    QTemporaryDir dir;
    CaseFile cf;
    QVERIFY(cf.create(dir.filePath(QStringLiteral("c.casegraph"))).ok());
    QSignalSpy changed(&cf, &CaseFile::chartChanged);
    auto a = cf.charts().create(QStringLiteral("Supply chain"), QJsonObject{{QStringLiteral("layout"), QStringLiteral("layered")}});
    QVERIFY(a.ok());
    QCOMPARE(changed.size(), 1);
    QVERIFY(!cf.charts().create(QStringLiteral("Supply chain")).ok()); // names are unique
    QVERIFY(!cf.charts().create(QStringLiteral("  ")).ok());
    auto b = cf.charts().create(QStringLiteral("Another"));
    QVERIFY(b.ok());
    QVERIFY(!cf.charts().rename(*b, QStringLiteral("Supply chain")).ok());
    QVERIFY(cf.charts().rename(*b, QStringLiteral("Board")).ok());
    const auto charts = cf.charts().charts();
    QCOMPARE(charts.size(), 2);
    QCOMPARE(charts[0].name, QStringLiteral("Board"));
    QCOMPARE(charts[1].settings.value(QStringLiteral("layout")).toString(), QStringLiteral("layered"));
    QVERIFY(charts[1].createdAt.isValid());
    QVERIFY(cf.charts().setSettings(*a, QJsonObject{{QStringLiteral("zoom"), 2}}).ok());
    QCOMPARE(cf.charts().chart(*a)->settings.value(QStringLiteral("zoom")).toInt(), 2);
    QCOMPARE(cf.charts().chartByName(QStringLiteral("Board"))->id, *b);
    QVERIFY(cf.charts().remove(*b).ok());
    QVERIFY(!cf.charts().remove(*b).ok());
    QVERIFY(!cf.charts().rename(*b, QStringLiteral("Gone")).ok());
    QCOMPARE(cf.charts().charts().size(), 1);
}

void ChartMigrationTest::nodesInBulk()
{
    QTemporaryDir dir;
    CaseFile cf;
    QVERIFY(cf.create(dir.filePath(QStringLiteral("c.casegraph"))).ok());
    auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    QList<ChartNode> nodes;
    for (int i = 0; i < 500; ++i) {
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QStringLiteral("Company %1").arg(i));
        auto row = cf.entities().create(e, *prov);
        QVERIFY(row.ok());
        nodes << ChartNode{*row, i * 1.5, -i * 2.0, i % 2 == 0, i % 5 == 0, {}};
    }
    auto chart = cf.charts().create(QStringLiteral("Big"));
    QSignalSpy changed(&cf, &CaseFile::chartChanged);
    QVERIFY(cf.charts().setNodes(*chart, nodes).ok());
    QCOMPARE(changed.size(), 1); // one transaction, one notification
    QCOMPARE(cf.charts().nodes(*chart), nodes);
    QCOMPARE(cf.charts().chart(*chart)->nodeCount, 500);
    // Upsert: moved nodes keep their place in the set.
    QList<ChartNode> moved = nodes.mid(0, 2);
    moved[0].x = 999;
    QVERIFY(cf.charts().setNodes(*chart, moved).ok());
    QCOMPARE(cf.charts().nodes(*chart).size(), 500);
    QCOMPARE(cf.charts().nodes(*chart).first().x, 999.0);
    QVERIFY(cf.charts().removeNodes(*chart, {nodes[0].entityRowId}).ok());
    QCOMPARE(cf.charts().nodes(*chart).size(), 499);
    QVERIFY(cf.charts().replaceNodes(*chart, nodes.mid(10, 3)).ok());
    QCOMPARE(cf.charts().nodes(*chart), nodes.mid(10, 3));
    // A node for an entity that does not exist fails, and nothing of the batch is kept.
    QVERIFY(!cf.charts().setNodes(*chart, {nodes[20], ChartNode{999999, 0, 0, false, false, {}}}).ok());
    QCOMPARE(cf.charts().nodes(*chart).size(), 3);
    QVERIFY(!cf.charts().setNodes(12345, nodes.mid(0, 1)).ok()); // no such chart
}

void ChartMigrationTest::deletingAnEntityRemovesItFromCharts()
{
    QTemporaryDir dir;
    CaseFile cf;
    QVERIFY(cf.create(dir.filePath(QStringLiteral("c.casegraph"))).ok());
    auto prov = cf.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity e;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("Gone Ltd"));
    auto row = cf.entities().create(e, *prov);
    auto chart = cf.charts().create(QStringLiteral("C"));
    QVERIFY(cf.charts().setNodes(*chart, {ChartNode{*row, 1, 2, false, false, {}}}).ok());
    QVERIFY(cf.entities().remove(*row).ok());
    QVERIFY(cf.charts().nodes(*chart).isEmpty());
    QVERIFY(cf.charts().chart(*chart).has_value()); // the chart stays
    QVERIFY(cf.check()->isEmpty());
}

void ChartMigrationTest::demoCaseChart()
{
    QTemporaryDir dir;
    CaseFile cf;
    QVERIFY(cf.create(dir.filePath(QStringLiteral("demo.casegraph"))).ok());
    QVERIFY(DemoCase::write(cf).ok());
    const auto chart = cf.charts().chartByName(QStringLiteral("Sequencers to Xinjiang"));
    QVERIFY(chart);
    QHash<QString, ChartNode> at;
    for (const auto &n : cf.charts().nodes(chart->id)) {
        at.insert(cf.entities().row(n.entityRowId)->id, n);
    }
    const auto key = [](const char *k) { return DemoCase::idForKey(QLatin1String(k)); };
    QCOMPARE(at.size(), 4);
    // Left to right: manufacturers, the resellers, the Xinjiang police.
    QCOMPARE(at.value(key("thermo-fisher")).x, 0.0);
    QCOMPARE(at.value(key("promega")).x, 0.0);
    QVERIFY(at.value(key("thermo-fisher")).y != at.value(key("promega")).y);
    QCOMPARE(at.value(key("unnamed-resellers")).x, 240.0);
    QCOMPARE(at.value(key("xinjiang-police")).x, 480.0);
}

QTEST_MAIN(ChartMigrationTest)
#include "chartmigration_test.moc"

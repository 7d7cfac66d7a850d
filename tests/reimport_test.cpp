// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::sourcePath;
using Casegraph::Tests::testData;

/// Importing the same data twice changes nothing, for every importer: the second import creates
/// no entity and adds no value, and every value keeps the provenance of the import that brought
/// it. Samples are our fixtures and, where present, the shared test data.
class ReimportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void importTwice_data();
    void importTwice();
    void newValuesGetTheNewProvenance();

private:
    QTemporaryDir m_dir;
    QString m_case;
};

void ReimportTest::init() {
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("%1-%2.casegraph")
                                .arg(QString::fromLatin1(QTest::currentTestFunction()),
                                     QString::fromLatin1(QTest::currentDataTag())));
    QFile::remove(m_case);
    CaseFile c;
    QVERIFY(c.create(m_case).ok());
}

void ReimportTest::importTwice_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("mapping");
    const auto fixture = [](const char *p) { return sourcePath(QStringLiteral("tests/fixtures/") + QLatin1String(p)); };
    QTest::newRow("ftm") << "ftm" << fixture("ftm/small.ftm.json") << QString();
    QTest::newRow("csv-mapping") << "csv" << fixture("csv/owners.csv") << fixture("csv/owners.mapping.json");
    QTest::newRow("gexf") << "gexf" << fixture("graph/ns-13.gexf") << QString();
    QTest::newRow("graphml") << "graphml" << fixture("graph/crlf.graphml") << QString();
    QTest::newRow("bods") << "bods" << fixture("bods/bods_0.3_example.json") << QString();
    QTest::newRow("csl") << "csl" << fixture("sanctions/csl_example.csv") << QString();
    QTest::newRow("html") << "html" << fixture("documents/article.html") << QString();
    QTest::newRow("text") << "text" << fixture("documents/notes-gb18030.txt") << QString();
    QTest::newRow("ocds") << "ocds" << testData(QStringLiteral("ocds/fictional_1.1_release_package_ocds-213czf-000-00001.json"))
                          << QString();
    QTest::newRow("ofac-csv") << "ofac-csv" << testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv")) << QString();
    QTest::newRow("ofac-xml") << "ofac-xml" << testData(QStringLiteral("sanctions/ofac_consolidated_nonsdn_2018-04-06.xml"))
                              << QString();
    QTest::newRow("un-xml") << "un-xml" << testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml")) << QString();
    QTest::newRow("bis-json") << "bis-json" << testData(QStringLiteral("sanctions/bis_entity_list_cn_universities.json"))
                              << QString();
}

void ReimportTest::importTwice() {
    QFETCH(QString, format);
    QFETCH(QString, file);
    QFETCH(QString, mapping);
    if (file.isEmpty() || !QFile::exists(file)) {
        QSKIP("sample not present");
    }
    CaseFile c;
    QVERIFY(c.open(m_case).ok());
    ImportOptions options;
    options.format = format;
    options.mappingPath = mapping;
    const auto first = ImportJob::run(c, file, options);
    QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().toString()));
    QVERIFY(first->created > 0);
    const CaseInfo before = c.info();

    const auto second = ImportJob::run(c, file, options);
    QVERIFY2(second.ok(), qPrintable(second ? QString() : second.error().toString()));
    QCOMPARE(second->created, 0);
    QCOMPARE(second->merged, 0);
    QCOMPARE(second->sources, 0);
    const CaseInfo after = c.info();
    QCOMPARE(after.entities, before.entities);
    QCOMPARE(after.values, before.values);
    QCOMPARE(after.sources, before.sources);

    // Every value still names the first import; the second brought nothing.
    qint64 values = 0;
    QVERIFY(c.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        ++values;
                        if (v.provenanceId != first->provenanceId) {
                            qWarning() << e.id << v.property << v.value << v.provenanceId;
                            return false;
                        }
                    }
                    return true;
                })
                .ok());
    QCOMPARE(values, after.values);
    QCOMPARE(c.provenance(second->provenanceId)->label, QFileInfo(file).fileName());
}

void ReimportTest::newValuesGetTheNewProvenance() {
    const QString one = m_dir.filePath(QStringLiteral("one.json"));
    const QString two = m_dir.filePath(QStringLiteral("two.json"));
    QFile a(one);
    QVERIFY(a.open(QIODevice::WriteOnly));
    a.write("{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann Lee\"]}}\n");
    a.close();
    QFile b(two);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann Lee\"],\"nationality\":[\"gb\"]}}\n");
    b.close();
    CaseFile c;
    QVERIFY(c.open(m_case).ok());
    const auto r1 = ImportJob::run(c, one);
    QVERIFY(r1.ok());
    const auto r2 = ImportJob::run(c, two);
    QVERIFY(r2.ok());
    QCOMPARE(r2->merged, 1);
    QCOMPARE(c.entities().count(), qint64(1));
    const auto e = c.entities().entityById(QStringLiteral("p1"));
    QVERIFY(e);
    QCOMPARE(e->values.size(), 2);
    for (const auto &v : e->values) {
        QCOMPARE(v.provenanceId, v.property == QLatin1String("name") ? r1->provenanceId : r2->provenanceId);
    }
}

QTEST_MAIN(ReimportTest)
#include "reimport_test.moc"

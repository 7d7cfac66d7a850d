// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ftmdate.h"
#include "core/schema.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// The demo case is evidence like any other: every quote must stand verbatim in its article
/// at its offsets, every relationship and dated fact must carry one, and nothing may be
/// invented beyond the articles.
class DemoCaseTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void articlesArePreservedByteForByte();
    void everyQuoteIsVerbatimAtItsOffsets();
    void everyRelationshipAndDateHasAClaim();
    void keyFactsOfTheSeeds();
    void vaguenessIsRecordedNotInvented();

private:
    QTemporaryDir m_dir;
    CaseFile m_case;
};

void DemoCaseTest::initTestCase()
{
    QVERIFY(m_case.create(m_dir.filePath(QStringLiteral("demo.casegraph"))).ok());
    const auto st = DemoCase::write(m_case);
    QVERIFY2(st.ok(), qPrintable(st ? QString() : st.error().toString()));
    QVERIFY(m_case.check()->isEmpty());
}

void DemoCaseTest::articlesArePreservedByteForByte()
{
    const auto sources = m_case.evidence().sources();
    QCOMPARE(sources.size(), 5);
    for (const auto &s : sources) {
        QFile seed(QStringLiteral(CASEGRAPH_SOURCE_DIR "/resources/demo/articles/") + s.fileName);
        QVERIFY2(seed.open(QIODevice::ReadOnly), qPrintable(s.fileName));
        const QByteArray bytes = seed.readAll();
        const auto full = m_case.evidence().source(s.id);
        QCOMPARE(full->original, bytes);
        QCOMPARE(full->sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        // And the bundled copy is the seed itself, when the seeds are beside the repository.
        QFile original(QStringLiteral(CASEGRAPH_SOURCE_DIR "/../shared/seeds/") + s.fileName);
        if (original.open(QIODevice::ReadOnly)) {
            QCOMPARE(original.readAll(), bytes);
        }
        QVERIFY(!s.title.isEmpty());
        const auto entity = m_case.entities().entity(s.entityRowId);
        QCOMPARE(entity->schema, QStringLiteral("Article"));
        QVERIFY(!entity->first(QStringLiteral("publisher")).isEmpty());
    }
}

void DemoCaseTest::everyQuoteIsVerbatimAtItsOffsets()
{
    int checked = 0;
    for (const auto &s : m_case.evidence().sources()) {
        const QString text = m_case.evidence().source(s.id)->text;
        for (const auto &c : m_case.evidence().claimsForSource(s.id)) {
            for (const auto &x : c.excerpts) {
                if (x.sourceId != s.id) {
                    continue;
                }
                QCOMPARE(codePointSlice(text, x.start, x.end), x.quote);
                QVERIFY(!x.quote.trimmed().isEmpty());
                ++checked;
            }
        }
    }
    QCOMPARE(qint64(checked), m_case.info().excerpts);
    QVERIFY(checked > 100);
}

void DemoCaseTest::everyRelationshipAndDateHasAClaim()
{
    const auto &reg = SchemaRegistry::instance();
    int relationships = 0, dates = 0;
    QStringList problems;
    QVERIFY(m_case.entities()
                .forEach([&](const Entity &e) {
                    const Schema *schema = reg.schema(e.schema);
                    const auto claims = m_case.evidence().claimsFor(e.rowId);
                    if (schema->isEdge()) {
                        ++relationships;
                        if (claims.isEmpty()) {
                            problems << QStringLiteral("relationship without a claim: ") + e.id;
                        }
                    }
                    for (const auto &v : e.values) {
                        if (schema->property(v.property)->type != PropertyType::Date) {
                            continue;
                        }
                        ++dates;
                        const bool quoted = std::any_of(claims.cbegin(), claims.cend(), [&](const Claim &c) {
                            return c.property == v.property && c.value == v.value && !c.excerpts.isEmpty();
                        });
                        if (!quoted) {
                            problems << QStringLiteral("date without a quoting claim: %1 %2=%3")
                                            .arg(e.id, v.property, v.value);
                        }
                    }
                    return true;
                })
                .ok());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(relationships >= 10);
    QVERIFY(dates >= 5);
}

void DemoCaseTest::keyFactsOfTheSeeds()
{
    auto &store = m_case.entities();
    for (const char *name : {"Thermo Fisher Scientific", "Promega", "SenseNets", "NetPosa", "Nuctech", "Hikvision",
                             "Marco Rubio", "Minjiang University", "CloudWalk Technology"}) {
        QVERIFY2(!store.search(QLatin1Char('"') + QString::fromUtf8(name) + QLatin1Char('"')).isEmpty(), name);
    }
    // NetPosa owns SenseNets, as article 002 says ("its parent company NetPosa").
    const auto netposa = store.search(QStringLiteral("NetPosa")).value(0);
    bool ownsSenseNets = false;
    for (const auto &rel : store.referencing(netposa.id)) {
        const auto e = store.entity(rel.rowId);
        if (e->schema == QLatin1String("Ownership") && e->first(QStringLiteral("owner")) == netposa.id) {
            const auto asset = store.entityById(e->first(QStringLiteral("asset")));
            ownsSenseNets = ownsSenseNets || asset->caption == QLatin1String("SenseNets");
        }
    }
    QVERIFY(ownsSenseNets);
    // A resale path exists: a Supply whose manufacturer is Thermo Fisher, from May 2019.
    bool resale = false;
    QVERIFY(store.forEach([&](const Entity &e) {
                    if (e.schema == QLatin1String("Supply") && e.first(QStringLiteral("startDate")) == QLatin1String("2019-05")) {
                        const auto maker = store.entityById(e.first(QStringLiteral("manufacturer")));
                        resale = resale || (maker && maker->caption.startsWith(QLatin1String("Thermo Fisher")));
                    }
                    return true;
                }).ok());
    QVERIFY(resale);
}

void DemoCaseTest::vaguenessIsRecordedNotInvented()
{
    // No date in the case is more precise than the articles allow: the articles give years and
    // months ("May 2019", "October, 2019", "2021") but never a day.
    QStringList problems;
    QVERIFY(m_case.entities()
                .forEach([&](const Entity &e) {
                    const Schema *schema = SchemaRegistry::instance().schema(e.schema);
                    for (const auto &v : e.values) {
                        if (schema->property(v.property)->type == PropertyType::Date) {
                            const auto d = FtmDate::parse(v.value);
                            if (!d.isValid() || d.precision() > FtmDate::Precision::Month) {
                                problems << v.value + QStringLiteral(" on ") + e.id;
                            }
                        }
                    }
                    return true;
                })
                .ok());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // The unnamed resellers are an entity that says it is unnamed, with a note.
    const auto hits = m_case.entities().search(QStringLiteral("unnamed resellers"));
    QVERIFY(!hits.isEmpty());
    QVERIFY(!m_case.evidence().notesFor(QStringLiteral("entity"), hits.first().rowId).isEmpty());
    QVERIFY(m_case.info().notes > 10);
}

QTEST_MAIN(DemoCaseTest)
#include "democase_test.moc"

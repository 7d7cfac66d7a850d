// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "demo/democase.h"
#include "evidence/mentionfinder.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/referenceliststore.h"
#include "storage/supportstore.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// Support summaries, unsupported facts and entity names, on a small case and on the demo.
class SupportStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void supportOfAnEntityAndAValue();
    void unsupportedFacts();
    void weakSupportFollowsTheThreshold();
    void modelListsUnsupportedFacts();
    void demoCaseIsFullySupported();
    void demoArticlesMentionTheirEntities();
    void listedNamesOfTheLatestVersions();
    void retractedClaimsDoNotCountForCharts();

private:
    qint64 addPassage(qint64 entity, const QString &property, const QString &value, const QString &quote,
                      const QString &reliability, const QString &status = ClaimStatus::Unverified,
                      Excerpt::Stance stance = Excerpt::Stance::Supports, qint64 source = 0);

    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;
    qint64 m_source = 0;
    qint64 m_source2 = 0;
    qint64 m_thermo = 0;
    qint64 m_police = 0;
    qint64 m_supply = 0;
    QString m_text;
};

void SupportStoreTest::init() {
    m_case = std::make_unique<CaseFile>();
    const QString path = m_dir.filePath(QStringLiteral("%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(path);
    QVERIFY(m_case->create(path).ok());
    const qint64 prov = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("test"));
    const auto make = [&](const QString &schema, const QList<QPair<QString, QString>> &values) {
        Entity e;
        e.schema = schema;
        for (const auto &[p, v] : values) {
            e.add(p, v);
        }
        return *m_case->entities().create(e, prov);
    };
    m_thermo = make(QStringLiteral("Company"), {{QStringLiteral("name"), QStringLiteral("Thermo Fisher")},
                                                {QStringLiteral("incorporationDate"), QStringLiteral("1956")}});
    m_police = make(QStringLiteral("PublicBody"), {{QStringLiteral("name"), QStringLiteral("Xinjiang police")}});
    const QString thermoId = m_case->entities().row(m_thermo)->id;
    const QString policeId = m_case->entities().row(m_police)->id;
    m_supply = make(QStringLiteral("Supply"), {{QStringLiteral("supplier"), thermoId},
                                               {QStringLiteral("recipient"), policeId},
                                               {QStringLiteral("startDate"), QStringLiteral("2019-05")}});
    make(QStringLiteral("Ownership"), {{QStringLiteral("owner"), policeId}, {QStringLiteral("asset"), thermoId}});
    m_text = QStringLiteral("Thermo Fisher sold sequencers to Xinjiang police from May 2019. Founded in 1956.");
    for (qint64 *id : {&m_source, &m_source2}) {
        const qint64 article = make(QStringLiteral("Article"), {{QStringLiteral("title"), QStringLiteral("Report")},
                                                                {QStringLiteral("publishedAt"), QStringLiteral("2021")}});
        Source s;
        s.entityRowId = article;
        s.fileName = QStringLiteral("r%1.txt").arg(article);
        s.mimeType = QStringLiteral("text/plain");
        s.text = m_text;
        s.original = (m_text + QString::number(article)).toUtf8();
        *id = *m_case->evidence().addSource(s);
    }
}

qint64 SupportStoreTest::addPassage(qint64 entity, const QString &property, const QString &value, const QString &quote,
                                    const QString &reliability, const QString &status, Excerpt::Stance stance,
                                    qint64 source) {
    Claim c;
    c.entityRowId = entity;
    c.property = property;
    c.value = value;
    c.status = status;
    const qint64 at = m_text.indexOf(quote);
    Excerpt x;
    x.sourceId = source ? source : m_source;
    x.start = at;
    x.end = at + quote.size();
    x.quote = quote;
    x.stance = stance;
    x.reliability = reliability;
    c.excerpts << x;
    const auto id = m_case->evidence().addClaim(c);
    return id ? *id : 0;
}

void SupportStoreTest::supportOfAnEntityAndAValue() {
    SupportStore support(*m_case);
    QVERIFY(!support.supportOf(m_supply).isSupported());
    QCOMPARE(support.supportOf(m_supply).badge(), QStringLiteral("?"));
    QVERIFY(addPassage(m_supply, {}, {}, QStringLiteral("Thermo Fisher sold sequencers to Xinjiang police"),
                       QStringLiteral("C")));
    QVERIFY(addPassage(m_supply, QStringLiteral("startDate"), QStringLiteral("2019-05"), QStringLiteral("May 2019"),
                       QStringLiteral("B"), ClaimStatus::Corroborated, Excerpt::Stance::Supports, m_source2));
    QVERIFY(addPassage(m_supply, QStringLiteral("startDate"), QStringLiteral("2019-05"), QStringLiteral("from May"),
                       QStringLiteral("A"), ClaimStatus::Retracted));
    const Support all = support.supportOf(m_supply);
    QCOMPARE(all.excerpts, 2); // the retracted claim's passage does not count
    QCOMPARE(all.sources, 2);
    QCOMPARE(all.claims, 3);
    QCOMPARE(all.bestReliability, QStringLiteral("B"));
    QCOMPARE(all.status, ClaimStatus::Corroborated);
    const Support date = support.supportOf(m_supply, QStringLiteral("startDate"), QStringLiteral("2019-05"));
    QCOMPARE(date.excerpts, 1);
    QCOMPARE(date.sources, 1);
    const Support none = support.supportOf(m_supply, QStringLiteral("endDate"));
    QCOMPARE(none.claims, 0);
    QCOMPARE(none.status, QString());
    QVERIFY(addPassage(m_thermo, {}, {}, QStringLiteral("Thermo Fisher"), {}, ClaimStatus::Unverified,
                       Excerpt::Stance::Contradicts));
    QCOMPARE(support.supportOf(m_thermo).status, ClaimStatus::Disputed);
    QCOMPARE(support.supportOf(m_thermo).contradicting, 1);
    const auto everything = support.supportOfAll();
    QCOMPARE(everything.size(), 2);
    QCOMPARE(everything.value(m_supply).sources, 2);
}

void SupportStoreTest::unsupportedFacts() {
    SupportStore support(*m_case);
    auto facts = support.unsupportedFacts();
    // Two relationships; two dates (the articles' own publishedAt dates are not facts to support).
    QCOMPARE(facts.size(), 4);
    QCOMPARE(facts.at(0).kind, UnsupportedFact::Kind::Relationship);
    QCOMPARE(facts.at(1).kind, UnsupportedFact::Kind::Relationship);
    QCOMPARE(facts.at(2).kind, UnsupportedFact::Kind::DatedFact);
    QCOMPARE(facts.at(3).kind, UnsupportedFact::Kind::DatedFact);
    QVERIFY(addPassage(m_supply, QStringLiteral("startDate"), QStringLiteral("2019-05"), QStringLiteral("May 2019"), {}));
    QVERIFY(addPassage(m_thermo, QStringLiteral("incorporationDate"), QStringLiteral("1956"), QStringLiteral("1956"),
                       {}, ClaimStatus::Retracted));
    facts = support.unsupportedFacts();
    // The supply is supported through its date; the retracted claim supports nothing.
    QCOMPARE(facts.size(), 2);
    QCOMPARE(facts.at(0).kind, UnsupportedFact::Kind::Relationship);
    QCOMPARE(facts.at(0).schema, QStringLiteral("Ownership"));
    QCOMPARE(facts.at(1).kind, UnsupportedFact::Kind::DatedFact);
    QCOMPARE(facts.at(1).entityRowId, m_thermo);
    QCOMPARE(facts.at(1).property, QStringLiteral("incorporationDate"));
    QCOMPARE(facts.at(1).value, QStringLiteral("1956"));
}

void SupportStoreTest::weakSupportFollowsTheThreshold() {
    SupportStore support(*m_case);
    const qint64 weak = addPassage(m_police, {}, {}, QStringLiteral("Xinjiang police"), QStringLiteral("E"));
    addPassage(m_police, {}, {}, QStringLiteral("police from"), QStringLiteral("D"), ClaimStatus::Unverified,
               Excerpt::Stance::Supports, m_source2);
    const qint64 ungraded = addPassage(m_thermo, {}, {}, QStringLiteral("Thermo Fisher"), {});
    const auto weakOnes = [&](const QString &threshold) {
        QList<qint64> out;
        for (const auto &f : support.unsupportedFacts(threshold)) {
            if (f.kind == UnsupportedFact::Kind::WeakSupport) {
                out << f.claimId;
            }
        }
        return out;
    };
    QCOMPARE(weakOnes(QStringLiteral("C")).size(), 2); // D and E claims; the ungraded one is not judged
    QVERIFY(!weakOnes(QStringLiteral("C")).contains(ungraded));
    QCOMPARE(weakOnes(QStringLiteral("D")), QList<qint64>{weak});
    QVERIFY(weakOnes(QStringLiteral("E")).isEmpty());
    QVERIFY(support.setSupportThreshold(QStringLiteral("D")).ok());
    QCOMPARE(weakOnes({}), QList<qint64>{weak});
    QVERIFY(!support.setSupportThreshold(QStringLiteral("Q")).ok());
}

void SupportStoreTest::modelListsUnsupportedFacts() {
    UnsupportedFactsModel model(*m_case);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!model.isLoading()); // read on a worker thread
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.count(UnsupportedFact::Kind::Relationship), 2);
    QCOMPARE(model.index(2, UnsupportedFactsModel::FactColumn).data().toString(), QStringLiteral("Start date: 2019-05"));
    addPassage(m_supply, QStringLiteral("startDate"), QStringLiteral("2019-05"), QStringLiteral("May 2019"), {});
    QTRY_COMPARE(model.rowCount(), 2);
}

void SupportStoreTest::demoCaseIsFullySupported() {
    QVERIFY(DemoCase::write(*m_case).ok());
    SupportStore support(*m_case);
    QStringList problems;
    for (const auto &f : support.unsupportedFacts()) {
        // The test's own four unsupported facts stay; the demo adds none.
        if (!m_case->entities().row(f.entityRowId)->id.startsWith(QLatin1String("demo-"))) {
            continue;
        }
        problems << f.caption + QLatin1Char(' ') + f.property + QLatin1Char(' ') + f.value;
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    // Every demo relationship has a supporting passage from at least one source.
    const auto &reg = SchemaRegistry::instance();
    int relationships = 0;
    QVERIFY(m_case->entities()
                .forEach([&](const Entity &e) {
                    const Schema *schema = reg.schema(e.schema);
                    if (schema && schema->isEdge() && e.id.startsWith(QLatin1String("demo-"))) {
                        ++relationships;
                        const Support s = support.supportOf(e.rowId);
                        if (s.excerpts == 0 || s.sources == 0) {
                            problems << e.caption;
                        }
                    }
                    return true;
                })
                .ok());
    QVERIFY(relationships >= 20);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void SupportStoreTest::demoArticlesMentionTheirEntities() {
    QVERIFY(DemoCase::write(*m_case).ok());
    SupportStore support(*m_case);
    QList<MentionPattern> patterns;
    for (const auto &n : support.entityNames()) {
        patterns.append({n.entityRowId, n.name});
    }
    MentionFinder finder;
    finder.setPatterns(patterns);
    QVERIFY(finder.patternCount() > 50);
    const auto sources = m_case->evidence().sources();
    int total = 0;
    for (const auto &summary : sources) {
        const auto source = m_case->evidence().source(summary.id);
        const auto mentions = finder.find(source->text);
        for (const auto &m : mentions) {
            // Each mention is a name of the entity it points to, as written in the article.
            QVERIFY(!codePointSlice(source->text, m.start, m.end).trimmed().isEmpty());
        }
        total += int(mentions.size());
    }
    QVERIFY2(total > 50, qPrintable(QString::number(total)));
    const qint64 thermo = m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("thermo-fisher")));
    QVERIFY(thermo);
    bool found = false;
    for (const auto &summary : sources) {
        for (const auto &m : finder.find(m_case->evidence().source(summary.id)->text)) {
            found = found || m.entityRowIds.contains(thermo);
        }
    }
    QVERIFY(found);
}

void SupportStoreTest::listedNamesOfTheLatestVersions() {
    const auto entry = [](const QString &id, const QJsonObject &properties) {
        ReferenceEntry e;
        e.id = id;
        e.schema = QStringLiteral("Company");
        e.caption = properties.value(QLatin1String("name")).toArray().first().toString();
        e.program = QStringLiteral("Entity List");
        e.digest = id + QString::number(properties.size());
        e.data = QJsonObject{{QStringLiteral("entity"),
                              QJsonObject{{QStringLiteral("id"), id},
                                          {QStringLiteral("schema"), QStringLiteral("Company")},
                                          {QStringLiteral("properties"), properties}}},
                             {QStringLiteral("sanctions"), QJsonArray{}}};
        return e;
    };
    ReferenceListStore &lists = m_case->referenceLists();
    ReferenceListVersion v1{.listName = QStringLiteral("BIS"), .sha256 = QStringLiteral("a"), .fileName = QStringLiteral("v1"),
                            .format = QStringLiteral("ftm")};
    QVERIFY(lists.addVersion(v1, {entry(QStringLiteral("old"), {{QStringLiteral("name"), QJsonArray{QStringLiteral("Gone Trading Co")}}})}).ok());
    ReferenceListVersion v2{.listName = QStringLiteral("BIS"), .sha256 = QStringLiteral("b"), .fileName = QStringLiteral("v2"),
                            .format = QStringLiteral("ftm")};
    QVERIFY(lists.addVersion(v2, {entry(QStringLiteral("dahua"),
                                         {{QStringLiteral("name"), QJsonArray{QStringLiteral("Zhejiang Dahua Technology Co., Ltd.")}},
                                          {QStringLiteral("alias"), QJsonArray{QStringLiteral("大华股份")}},
                                          {QStringLiteral("weakAlias"), QJsonArray{QStringLiteral("Dahua")}},
                                          {QStringLiteral("country"), QJsonArray{QStringLiteral("cn")}}})})
                .ok());
    const QList<ListedName> names = SupportStore(*m_case).listedNames();
    QStringList got;
    for (const auto &n : names) {
        QCOMPARE(n.versionId, v2.id);
        QCOMPARE(n.entryId, QStringLiteral("dahua"));
        QCOMPARE(n.listName, QStringLiteral("BIS"));
        QCOMPARE(n.program, QStringLiteral("Entity List"));
        got << n.name;
    }
    got.sort();
    // The latest version only, names and aliases, never weak aliases or other properties.
    QCOMPARE(got, (QStringList{QStringLiteral("Zhejiang Dahua Technology Co., Ltd."), QStringLiteral("大华股份")}));
    for (const auto &n : names) {
        QCOMPARE(n.schema, QStringLiteral("Company"));
    }
    QCOMPARE(MentionFinder::listedNameUse(got.first()), ListedNameUse::Anywhere);
    QCOMPARE(MentionFinder::listedNameUse(QStringLiteral("大华股份")), ListedNameUse::Anywhere);
    QCOMPARE(MentionFinder::listedNameUse(QStringLiteral("PEOPLE")), ListedNameUse::Skip);
}

void SupportStoreTest::retractedClaimsDoNotCountForCharts() {
    // Chart edges (EvidenceStore::supportingSourceCounts) and timelines (SupportStore) count
    // the same sources: a retracted claim's passages count for neither.
    addPassage(m_supply, {}, {}, QStringLiteral("sold sequencers"), QStringLiteral("B"), ClaimStatus::Retracted);
    QCOMPARE(SupportStore(*m_case).supportOf(m_supply).sources, 0);
    QVERIFY(!m_case->evidence().supportingSourceCounts().contains(m_supply));
    addPassage(m_supply, QStringLiteral("startDate"), {}, QStringLiteral("May 2019"), QStringLiteral("B"));
    QCOMPARE(SupportStore(*m_case).supportOf(m_supply).sources, 1);
    QCOMPARE(m_case->evidence().supportingSourceCounts().value(m_supply), 1);
    QCOMPARE(SupportStore(*m_case).supportOf(m_supply).level(), SupportLevel::SingleSource);
}

QTEST_GUILESS_MAIN(SupportStoreTest)
#include "supportstore_test.moc"

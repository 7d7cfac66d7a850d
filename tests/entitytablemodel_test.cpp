// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/sqlite.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// The Entities dock's model over a 20,000-entity case on disk: lazy pages in caption order,
/// schema and name filters, resets after an import, and a bounded page cache.
class EntityTableModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void rowCountAndCaptionOrder();
    void schemaFilter();
    void searchFilter_data();
    void searchFilter();
    void emptySearchMatchesNothing();
    void editsRefreshInPlace();
    void resetAfterImport();
    void cacheStaysBounded();

private:
    static constexpr int Entities = 20000;
    static constexpr int ChineseEvery = 200; // every 200th entity is a Huawei-like Chinese name
    /// Waits for the row's page to load (its request goes to the loader thread).
    bool waitForRow(int row);
    QString captionAt(int row);
    std::unique_ptr<CaseFile> openCopy(const QString &name);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<EntityTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void EntityTableModelTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("big.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_path, QStringLiteral("Twenty thousand")).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("fixture.json"));
    const QStringList first = {QStringLiteral("Acme"),  QStringLiteral("Zenith"), QStringLiteral("Orion"),
                               QStringLiteral("Delta"), QStringLiteral("Sino"),   QStringLiteral("Baltic")};
    const QStringList second = {QStringLiteral("Trading"), QStringLiteral("Holdings"), QStringLiteral("Logistics"),
                                QStringLiteral("Mining")};
    Sql::Transaction tx(cf.database());
    for (int i = 0; i < Entities; ++i) {
        Entity e;
        e.id = QStringLiteral("e%1").arg(i, 5, 10, QLatin1Char('0'));
        if (i % ChineseEvery == 7) {
            e.schema = QStringLiteral("Company");
            e.add(QStringLiteral("name"), QStringLiteral("华为技术有限公司 %1").arg(i));
        } else if (i % 3 == 0) {
            e.schema = QStringLiteral("Person");
            e.add(QStringLiteral("name"), QStringLiteral("%1 Person %2").arg(first.at(i % first.size())).arg(i));
        } else {
            e.schema = i % 3 == 1 ? QStringLiteral("Company") : QStringLiteral("Organization");
            e.add(
                QStringLiteral("name"),
                QStringLiteral("%1 %2 %3").arg(first.at((i / 3) % first.size()), second.at(i % second.size())).arg(i));
            e.add(QStringLiteral("alias"), QStringLiteral("Alias%1").arg(i));
        }
        QVERIFY(cf.entities().write(e, prov).ok());
    }
    QVERIFY(tx.commit().ok());
}

void EntityTableModelTest::init() {
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->open(m_path).ok());
    m_model = std::make_unique<EntityTableModel>(*m_case);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(!m_model->isLoading());
}

void EntityTableModelTest::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_case.reset();
}

bool EntityTableModelTest::waitForRow(int row) {
    return QTest::qWaitFor([&] { return !m_model->data(m_model->index(row, 0), ItemDataRole::LoadingRole).toBool(); },
                           10000);
}

QString EntityTableModelTest::captionAt(int row) {
    if (!waitForRow(row)) {
        return QStringLiteral("<row %1 did not load>").arg(row);
    }
    return m_model->data(m_model->index(row, EntityTableModel::NameColumn)).toString();
}

std::unique_ptr<CaseFile> EntityTableModelTest::openCopy(const QString &name) {
    const QString copy = m_dir.filePath(name);
    QFile::remove(copy);
    if (!m_case->saveAs(copy).ok()) {
        return nullptr;
    }
    auto cf = std::make_unique<CaseFile>();
    return cf->open(copy).ok() ? std::move(cf) : nullptr;
}

void EntityTableModelTest::rowCountAndCaptionOrder() {
    QCOMPARE(m_model->rowCount(), Entities);
    QCOMPARE(m_model->columnCount(), int(EntityTableModel::ColumnCount));
    QCOMPARE(m_model->totalCount(), qint64(Entities));
    QCOMPARE(m_model->headerData(EntityTableModel::NameColumn, Qt::Horizontal).toString(), QStringLiteral("Name"));
    const auto &store = m_case->entities();
    // Start, middle (reached by a jump, i.e. an offset) and end, against the store's own pages.
    for (const int start : {0, Entities / 2 - 5, Entities - 10}) {
        const auto expected = store.page({}, start, 10);
        QCOMPARE(expected.size(), 10);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(captionAt(start + i), expected.at(i).caption);
            const QModelIndex id = m_model->index(start + i, EntityTableModel::IdColumn);
            QCOMPARE(id.data().toString(), expected.at(i).id);
            QCOMPARE(id.data(ItemDataRole::EntityRowIdRole).toLongLong(), expected.at(i).rowId);
        }
    }
    // Captions are in case-insensitive order all along a page boundary.
    const int boundary = EntityTableModel::PageSize;
    QVERIFY(captionAt(boundary - 1).compare(captionAt(boundary), Qt::CaseInsensitive) <= 0);
    QCOMPARE(m_model->index(0, EntityTableModel::SchemaColumn).data().toString().isEmpty(), false);
}

void EntityTableModelTest::schemaFilter() {
    QSignalSpy applied(m_model.get(), &EntityTableModel::filterApplied);
    const EntityFilter filter{QStringLiteral("Person"), {}};
    m_model->setFilter(filter);
    QTRY_COMPARE(applied.count(), 1);
    QCOMPARE(m_model->filter(), filter);
    const qint64 persons = m_case->entities().count(filter);
    QVERIFY(persons > 6000);
    QCOMPARE(m_model->rowCount(), int(persons));
    const auto expected = m_case->entities().page(filter, persons - 5, 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(captionAt(int(persons) - 5 + i), expected.at(i).caption);
        QCOMPARE(m_model->index(int(persons) - 5 + i, 0).data(ItemDataRole::SchemaRole).toString(),
                 QStringLiteral("Person"));
    }
    // The schema counts for the filter box cover the whole case.
    qint64 sum = 0;
    for (const auto &c : m_model->schemaCounts()) {
        sum += c.second;
    }
    QCOMPARE(sum, qint64(Entities));
    m_model->setFilter({});
    QTRY_COMPARE(m_model->rowCount(), Entities);
}

void EntityTableModelTest::searchFilter_data() {
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QString>("mustContain");
    QTest::newRow("prefix of a name") << QString() << QStringLiteral("zeni") << 1000 << QStringLiteral("Zenith");
    QTest::newRow("two words as prefixes") << QString() << QStringLiteral("acme trad") << 100 << QStringLiteral("Acme");
    QTest::newRow("quoted phrase") << QString() << QStringLiteral("\"Baltic Mining\"") << 100
                                   << QStringLiteral("Baltic Mining");
    QTest::newRow("alias") << QString() << QStringLiteral("Alias1234") << 1 << QStringLiteral("1234");
    QTest::newRow("Chinese substring") << QString() << QStringLiteral("华为") << Entities / ChineseEvery
                                       << QStringLiteral("华为技术有限公司");
    QTest::newRow("Chinese inner substring")
        << QString() << QStringLiteral("技术") << Entities / ChineseEvery << QStringLiteral("华为技术有限公司");
    QTest::newRow("search within a schema")
        << QStringLiteral("Organization") << QStringLiteral("orion") << 100 << QStringLiteral("Orion");
}

void EntityTableModelTest::searchFilter() {
    QFETCH(QString, schema);
    QFETCH(QString, search);
    QFETCH(int, minimum);
    QFETCH(QString, mustContain);
    const EntityFilter filter{schema, search};
    m_model->setFilter(filter);
    QTRY_COMPARE(m_model->filter(), filter);
    const qint64 expected = m_case->entities().count(filter);
    QVERIFY2(expected >= minimum, qPrintable(QString::number(expected)));
    QCOMPARE(m_model->rowCount(), int(expected));
    const auto firstPage = m_case->entities().page(filter, 0, 20);
    for (int i = 0; i < firstPage.size(); ++i) {
        const QString caption = captionAt(i);
        QCOMPARE(caption, firstPage.at(i).caption);
        if (search != QLatin1String("Alias1234")) {
            QVERIFY2(caption.contains(mustContain, Qt::CaseInsensitive), qPrintable(caption));
        }
        if (!schema.isEmpty()) {
            QCOMPARE(m_model->index(i, 0).data(ItemDataRole::SchemaRole).toString(), schema);
        }
    }
    const auto lastPage = m_case->entities().page(filter, expected - 3, 3);
    for (int i = 0; i < lastPage.size(); ++i) {
        QCOMPARE(captionAt(int(expected) - 3 + i), lastPage.at(i).caption);
    }
}

void EntityTableModelTest::emptySearchMatchesNothing() {
    m_model->setFilter({{}, QStringLiteral("nosuchname")});
    QTRY_COMPARE(m_model->filter().search, QStringLiteral("nosuchname"));
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setFilter({});
    QTRY_COMPARE(m_model->rowCount(), Entities);
}

void EntityTableModelTest::editsRefreshInPlace() {
    auto cf = openCopy(QStringLiteral("edits.casegraph"));
    QVERIFY(cf);
    EntityTableModel model(*cf);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), Entities);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const qint64 prov = *cf->addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity e;
    e.schema = QStringLiteral("Company");
    e.add(QStringLiteral("name"), QStringLiteral("AAA First By Caption"));
    const qint64 row = *cf->entities().create(e, prov);
    QTRY_COMPARE(model.rowCount(), Entities + 1);
    QCOMPARE(resets.count(), 0); // the view keeps its place
    QCOMPARE(inserted.count(), 1);
    QTRY_COMPARE(model.index(0, 0).data().toString(), QStringLiteral("AAA First By Caption"));
    QCOMPARE(model.index(0, 0).data(ItemDataRole::EntityRowIdRole).toLongLong(), row);
    QVERIFY(cf->entities().remove(row).ok());
    QTRY_COMPARE(model.rowCount(), Entities);
    // A relationship shows its two ends beside its caption.
    Entity ownership;
    ownership.schema = QStringLiteral("Ownership");
    ownership.add(QStringLiteral("owner"), QStringLiteral("e00001"));
    ownership.add(QStringLiteral("asset"), QStringLiteral("e00002"));
    const qint64 edge = *cf->entities().create(ownership, prov);
    QTRY_COMPARE(model.rowCount(), Entities + 1);
    model.setFilter({QStringLiteral("Ownership"), {}});
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.findLoadedRow(edge), 0);
    const QModelIndex edgeIndex = model.index(0, EntityTableModel::NameColumn);
    QCOMPARE(edgeIndex.data().toString(), QStringLiteral("Ownership: %1 → %2")
                                              .arg(cf->entities().entityById(QStringLiteral("e00001"))->caption,
                                                   cf->entities().entityById(QStringLiteral("e00002"))->caption));
    QCOMPARE(edgeIndex.data(Qt::EditRole).toString(), QStringLiteral("Ownership"));
    QVERIFY(cf->entities().remove(edge).ok());
    QTRY_COMPARE(model.rowCount(), 0);
    // An Associate has no direction: its ends are joined by a dash, not an arrow.
    Entity associate;
    associate.schema = QStringLiteral("Associate");
    associate.add(QStringLiteral("person"), QStringLiteral("e00001"));
    associate.add(QStringLiteral("associate"), QStringLiteral("e00002"));
    const qint64 link = *cf->entities().create(associate, prov);
    model.setFilter({QStringLiteral("Associate"), {}});
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.findLoadedRow(link), 0);
    QCOMPARE(model.index(0, EntityTableModel::NameColumn).data().toString(),
             QStringLiteral("Associate: %1 — %2")
                 .arg(cf->entities().entityById(QStringLiteral("e00001"))->caption,
                      cf->entities().entityById(QStringLiteral("e00002"))->caption));
    QVERIFY(cf->entities().remove(link).ok());
    QTRY_COMPARE(model.rowCount(), 0);
    QTRY_VERIFY(model.index(0, 0).data().toString() != QLatin1String("AAA First By Caption") &&
                !model.index(0, 0).data(ItemDataRole::LoadingRole).toBool());
}

void EntityTableModelTest::resetAfterImport() {
    auto cf = openCopy(QStringLiteral("import.casegraph"));
    QVERIFY(cf);
    EntityTableModel model(*cf);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), Entities);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const qint64 prov = *cf->addProvenance(Provenance::Kind::Import, QStringLiteral("more.json"));
    {
        // What an importer does: bulk writes in one transaction, then one entitiesReset().
        Sql::Transaction tx(cf->database());
        for (int i = 0; i < 500; ++i) {
            Entity e;
            e.id = QStringLiteral("more%1").arg(i);
            e.schema = QStringLiteral("Company");
            e.add(QStringLiteral("name"), QStringLiteral("000 Imported %1").arg(i, 3, 10, QLatin1Char('0')));
            QVERIFY(cf->entities().write(e, prov).ok());
        }
        QVERIFY(tx.commit().ok());
    }
    Q_EMIT cf->entitiesReset();
    QTRY_COMPARE(model.rowCount(), Entities + 500);
    QCOMPARE(resets.count(), 1);
    QTRY_COMPARE(model.totalCount(), qint64(Entities + 500));
    QTRY_COMPARE(model.index(0, 0).data().toString(), QStringLiteral("000 Imported 000"));
}

void EntityTableModelTest::cacheStaysBounded() {
    // Scroll through every row, a page at a time, as a view would.
    const auto &store = m_case->entities();
    const int pages = (Entities + EntityTableModel::PageSize - 1) / EntityTableModel::PageSize;
    QVERIFY(pages > EntityTableModel::MaxCachedPages);
    for (int p = 0; p < pages; ++p) {
        const int row = p * EntityTableModel::PageSize;
        QVERIFY2(waitForRow(row), qPrintable(QString::number(row)));
        QVERIFY(m_model->cachedPageCount() <= EntityTableModel::MaxCachedPages);
        if (p % 10 == 0) {
            QCOMPARE(m_model->index(row, 0).data().toString(), store.page({}, row, 1).constFirst().caption);
        }
    }
    QVERIFY(waitForRow(Entities - 1));
    QVERIFY(m_model->cachedPageCount() <= EntityTableModel::MaxCachedPages);
    QVERIFY(m_model->cachedPageCount() >= EntityTableModel::MaxCachedPages / 2);
    // Pages evicted at the start load again when scrolled back to.
    QCOMPARE(captionAt(0), store.page({}, 0, 1).constFirst().caption);
}

QTEST_MAIN(EntityTableModelTest)
#include "entitytablemodel_test.moc"

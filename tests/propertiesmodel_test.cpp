// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;
using Kind = PropertiesModel::NodeKind;

/// The Inspector's model: what a user reads about one entity — each value with the provenance
/// it came from and the quoted passages that support it, entity-level claims, and referrers.
class PropertiesModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsValuesInSchemaOrder();
    void showsProvenanceOfEachValue();
    void showsClaimsUnderTheirValue();
    void showsEntityClaimsAndReferences();
    void resolvesReferencesAndCountries();
    void editsThroughTheUndoStack();
    void refusedEditIsReported();
    void followsDeletionAndUndo();

private:
    /// Rows under a section, as {property, value, source} texts.
    QList<QStringList> rowsOf(PropertiesModel::Section section) const;
    QModelIndex valueRow(const QString &property, const QString &raw) const;

    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    std::unique_ptr<PropertiesModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_company = 0;
    qint64 m_person = 0;
    qint64 m_ownership = 0;
    qint64 m_source = 0;
};

void PropertiesModelTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void PropertiesModelTest::init() {
    static int n = 0;
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->create(m_dir.filePath(QStringLiteral("p%1.casegraph").arg(++n))).ok());
    m_case->setActor(QStringLiteral("alice"));
    const qint64 imported = *m_case->addProvenance(Provenance::Kind::Import, QStringLiteral("registry.json"));
    const qint64 demo = *m_case->addProvenance(Provenance::Kind::Demo, QStringLiteral("fixture"));
    auto &store = m_case->entities();

    Entity company;
    company.schema = QStringLiteral("Company");
    company.add(QStringLiteral("alias"), QStringLiteral("华为"));
    company.add(QStringLiteral("name"), QStringLiteral("Huawei Technologies Co., Ltd."));
    company.add(QStringLiteral("country"), QStringLiteral("cn"));
    company.add(QStringLiteral("incorporationDate"), QStringLiteral("1987"));
    m_company = *store.create(company, imported);
    Entity person;
    person.schema = QStringLiteral("Person");
    person.add(QStringLiteral("name"), QStringLiteral("Ren Zhengfei"));
    m_person = *store.create(person, demo);
    Entity ownership;
    ownership.schema = QStringLiteral("Ownership");
    ownership.add(QStringLiteral("owner"), store.row(m_person)->id);
    ownership.add(QStringLiteral("asset"), store.row(m_company)->id);
    m_ownership = *store.create(ownership, demo);

    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Who owns Huawei?"));
    const qint64 articleRow = *store.create(article, imported);
    Source source;
    source.entityRowId = articleRow;
    source.fileName = QStringLiteral("owners.txt");
    source.mimeType = QStringLiteral("text/plain");
    source.text = QStringLiteral("Huawei Technologies Co., Ltd. was founded in 1987 by Ren Zhengfei in Shenzhen.");
    source.original = source.text.toUtf8();
    m_source = *m_case->evidence().addSource(source);

    Claim name;
    name.entityRowId = m_company;
    name.property = QStringLiteral("name");
    name.value = QStringLiteral("Huawei Technologies Co., Ltd.");
    name.credibility = QStringLiteral("2");
    name.excerpts.append(Excerpt{0, 0, m_source, 0, 29, QStringLiteral("Huawei Technologies Co., Ltd.")});
    QVERIFY(m_case->evidence().addClaim(name).ok());
    Claim exists;
    exists.entityRowId = m_company;
    exists.comment = QStringLiteral("The article names the company in its first sentence.");
    exists.excerpts.append(Excerpt{0, 0, m_source, 0, 49, source.text.left(49)});
    QVERIFY(m_case->evidence().addClaim(exists).ok());

    m_editor = std::make_unique<CaseEditor>(*m_case);
    m_model = std::make_unique<PropertiesModel>(*m_case);
    m_model->setEditor(m_editor.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setEntity(m_company);
}

void PropertiesModelTest::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_editor.reset();
    m_case.reset();
}

QList<QStringList> PropertiesModelTest::rowsOf(PropertiesModel::Section section) const {
    QList<QStringList> rows;
    const QModelIndex parent = m_model->indexOfSection(section);
    for (int r = 0; r < m_model->rowCount(parent); ++r) {
        QStringList row;
        for (int c = 0; c < PropertiesModel::ColumnCount; ++c) {
            row << m_model->index(r, c, parent).data().toString();
        }
        rows << row;
    }
    return rows;
}

QModelIndex PropertiesModelTest::valueRow(const QString &property, const QString &raw) const {
    const QModelIndex parent = m_model->indexOfSection(PropertiesModel::Section::Properties);
    for (int r = 0; r < m_model->rowCount(parent); ++r) {
        const QModelIndex i = m_model->index(r, 0, parent);
        if (i.data(ItemDataRole::PropertyRole).toString() == property &&
            i.data(ItemDataRole::RawValueRole).toString() == raw) {
            return i;
        }
    }
    return {};
}

void PropertiesModelTest::showsValuesInSchemaOrder() {
    QVERIFY(m_model->entity());
    QCOMPARE(m_model->entity()->caption, QStringLiteral("Huawei Technologies Co., Ltd."));
    const QModelIndex section = m_model->indexOfSection(PropertiesModel::Section::Properties);
    QVERIFY(section.isValid());
    QCOMPARE(section.data().toString(), QStringLiteral("Properties (4)"));
    QCOMPARE(section.data(ItemDataRole::NodeKindRole).toInt(), int(Kind::Section));
    const auto rows = rowsOf(PropertiesModel::Section::Properties);
    QCOMPARE(rows.size(), 4);
    // Name is featured, so it comes before the alias that was stored first.
    QCOMPARE(rows.at(0).at(0), QStringLiteral("Name"));
    QCOMPARE(rows.at(0).at(1), QStringLiteral("Huawei Technologies Co., Ltd."));
    QStringList properties;
    for (const auto &r : rows) {
        properties << r.at(0);
    }
    QVERIFY(properties.contains(QStringLiteral("Other name")));
    QVERIFY(valueRow(QStringLiteral("alias"), QStringLiteral("华为")).isValid());
    QCOMPARE(m_model->headerData(PropertiesModel::SourceColumn, Qt::Horizontal).toString(), QStringLiteral("Source"));
}

void PropertiesModelTest::showsProvenanceOfEachValue() {
    const QModelIndex name = valueRow(QStringLiteral("name"), QStringLiteral("Huawei Technologies Co., Ltd."));
    const QString provenance = name.siblingAtColumn(PropertiesModel::SourceColumn).data().toString();
    QVERIFY2(provenance.startsWith(QLatin1String("import of registry.json by alice, ")), qPrintable(provenance));
    QVERIFY(provenance.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$"))));
    m_model->setEntity(m_person);
    const QModelIndex personName = valueRow(QStringLiteral("name"), QStringLiteral("Ren Zhengfei"));
    QCOMPARE(personName.siblingAtColumn(PropertiesModel::SourceColumn).data().toString(), QStringLiteral("demo case"));
}

void PropertiesModelTest::showsClaimsUnderTheirValue() {
    const QModelIndex name = valueRow(QStringLiteral("name"), QStringLiteral("Huawei Technologies Co., Ltd."));
    QCOMPARE(m_model->rowCount(name), 1);
    const QModelIndex claim = m_model->index(0, 0, name);
    QCOMPARE(claim.data(ItemDataRole::NodeKindRole).toInt(), int(Kind::Evidence));
    // The grade, then the stance: no source reliability, credibility 2.
    QCOMPARE(claim.data().toString(), QStringLiteral("2 · supports"));
    QCOMPARE(claim.siblingAtColumn(PropertiesModel::ValueColumn).data().toString(),
             QStringLiteral("“Huawei Technologies Co., Ltd.”"));
    QCOMPARE(claim.siblingAtColumn(PropertiesModel::SourceColumn).data().toString(),
             QStringLiteral("Who owns Huawei?"));
    QCOMPARE(claim.data(ItemDataRole::SourceIdRole).toLongLong(), m_source);
    const QString tip = claim.siblingAtColumn(PropertiesModel::ValueColumn).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QLatin1String("Credibility: 2")));
    QVERIFY(tip.contains(QLatin1String("Source: Who owns Huawei?")));
    // A value nobody quoted has no evidence rows.
    QCOMPARE(m_model->rowCount(valueRow(QStringLiteral("country"), QStringLiteral("cn"))), 0);
}

void PropertiesModelTest::showsEntityClaimsAndReferences() {
    const auto claims = rowsOf(PropertiesModel::Section::Claims);
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims.at(0).at(1), QStringLiteral("“Huawei Technologies Co., Ltd. was founded in 1987”"));
    QCOMPARE(claims.at(0).at(2), QStringLiteral("Who owns Huawei?"));
    const auto refs = rowsOf(PropertiesModel::Section::ReferencedBy);
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs.at(0).at(0), QStringLiteral("Ownership"));
    QCOMPARE(refs.at(0).at(1), QStringLiteral("Ren Zhengfei → Huawei Technologies Co., Ltd."));
    QCOMPARE(refs.at(0).at(2), QStringLiteral("as Asset"));
    const QModelIndex ref = m_model->index(0, 0, m_model->indexOfSection(PropertiesModel::Section::ReferencedBy));
    QCOMPARE(ref.data(ItemDataRole::EntityRowIdRole).toLongLong(), m_ownership);
}

void PropertiesModelTest::resolvesReferencesAndCountries() {
    QCOMPARE(valueRow(QStringLiteral("country"), QStringLiteral("cn")).siblingAtColumn(1).data().toString(),
             QStringLiteral("China (cn)"));
    m_model->setEntity(m_ownership);
    const QString personId = m_case->entities().row(m_person)->id;
    const QModelIndex owner = valueRow(QStringLiteral("owner"), personId);
    QVERIFY(owner.isValid());
    QCOMPARE(owner.siblingAtColumn(PropertiesModel::ValueColumn).data().toString(), QStringLiteral("Ren Zhengfei"));
    QCOMPARE(owner.data(ItemDataRole::EntityRowIdRole).toLongLong(), m_person);
    // References are chosen, not typed: not editable in place.
    QVERIFY(!(m_model->flags(owner.siblingAtColumn(PropertiesModel::ValueColumn)) & Qt::ItemIsEditable));
}

void PropertiesModelTest::editsThroughTheUndoStack() {
    const QModelIndex date = valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987")).siblingAtColumn(1);
    QVERIFY(m_model->flags(date) & Qt::ItemIsEditable);
    QCOMPARE(date.data(Qt::EditRole).toString(), QStringLiteral("1987"));
    const qint64 valueId = date.data(ItemDataRole::ValueIdRole).toLongLong();
    QVERIFY(m_model->setData(date, QStringLiteral("1987-09")));
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QTRY_VERIFY(valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987-09")).isValid());
    const QModelIndex changed = valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987-09"));
    QCOMPARE(changed.data(ItemDataRole::ValueIdRole).toLongLong(), valueId); // the same value row
    QVERIFY(changed.siblingAtColumn(2).data().toString().startsWith(QLatin1String("edit by alice, ")));
    m_editor->undoStack()->undo();
    QTRY_VERIFY(valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987")).isValid());
    QVERIFY(valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987"))
                .siblingAtColumn(2)
                .data()
                .toString()
                .startsWith(QLatin1String("import of registry.json")));
}

void PropertiesModelTest::refusedEditIsReported() {
    QSignalSpy failed(m_model.get(), &PropertiesModel::editFailed);
    const QModelIndex date = valueRow(QStringLiteral("incorporationDate"), QStringLiteral("1987")).siblingAtColumn(1);
    QVERIFY(!m_model->setData(date, QStringLiteral("13/1987")));
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(0).toString().contains(QLatin1String("13/1987")));
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

void PropertiesModelTest::followsDeletionAndUndo() {
    QSignalSpy loaded(m_model.get(), &PropertiesModel::entityLoaded);
    QVERIFY(m_editor->deleteEntity(m_company).ok());
    QTRY_VERIFY(!m_model->entity());
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->entityRowId(), m_company);
    m_editor->undoStack()->undo();
    QTRY_VERIFY(m_model->entity().has_value());
    QCOMPARE(rowsOf(PropertiesModel::Section::Properties).size(), 4);
    QCOMPARE(rowsOf(PropertiesModel::Section::Claims).size(), 1);
    QCOMPARE(rowsOf(PropertiesModel::Section::ReferencedBy).size(), 1); // the ownership came back too
    QVERIFY(loaded.count() >= 2);
}

QTEST_MAIN(PropertiesModelTest)
#include "propertiesmodel_test.moc"

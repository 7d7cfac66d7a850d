// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "sourceviewer/unsupportedfactsdock.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The Unsupported Facts dock on a case whose relationships and dates have no passages: it
/// checks on a worker thread (saying so meanwhile), counts every fact and lists the first of
/// each kind.
class UnsupportedFactsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void checksOffTheGuiThreadAndCountsEverything();

private:
    QTemporaryDir m_dir;
};

void UnsupportedFactsUiTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    Casegraph::Translations::install(*qApp); // the plural forms a user reads
}

void UnsupportedFactsUiTest::checksOffTheGuiThreadAndCountsEverything() {
    CaseFile cf;
    QVERIFY(cf.create(m_dir.filePath(QStringLiteral("u.casegraph"))).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("test"));
    QStringList companies;
    for (int i = 0; i < 4; ++i) {
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QStringLiteral("Company %1").arg(i));
        e.add(QStringLiteral("incorporationDate"), QStringLiteral("199%1").arg(i));
        companies << cf.entities().row(*cf.entities().create(e, prov))->id;
    }
    for (int i = 1; i < 4; ++i) {
        Entity o;
        o.schema = QStringLiteral("Ownership");
        o.add(QStringLiteral("owner"), companies.at(0));
        o.add(QStringLiteral("asset"), companies.at(i));
        QVERIFY(cf.entities().create(o, prov).ok());
    }

    UnsupportedFactsDock dock;
    dock.resize(700, 300);
    dock.show();
    dock.setCase(&cf);
    auto *summary = dock.findChild<QLabel *>();
    QVERIFY(summary);
    QVERIFY(dock.model()->isLoading());
    QCOMPARE(summary->text(), QStringLiteral("Checking the case…"));
    QTRY_COMPARE(summary->text(),
                 QStringLiteral("3 relationships and 4 dates without a passage; 0 claims on weak sources only."));
    QCOMPARE(dock.model()->rowCount(), 7);

    // A large case lists the first of each kind and says so; the counts stay whole.
    dock.model()->setListLimit(2);
    dock.model()->reload();
    QTRY_VERIFY(!dock.model()->isLoading());
    QCOMPARE(dock.model()->rowCount(), 4);
    QCOMPARE(summary->text(), QStringLiteral("3 relationships and 4 dates without a passage; 0 claims on weak "
                                             "sources only. The first 2 of each kind are listed."));

    // An edit is checked again, shortly after.
    Entity o;
    o.schema = QStringLiteral("Ownership");
    o.add(QStringLiteral("owner"), companies.at(1));
    o.add(QStringLiteral("asset"), companies.at(2));
    QVERIFY(cf.entities().create(o, prov).ok());
    Q_EMIT cf.entitiesReset();
    QTRY_VERIFY(summary->text().startsWith(QLatin1String("4 relationships and 4 dates")));
}

QTEST_MAIN(UnsupportedFactsUiTest)
#include "unsupportedfacts_uitest.moc"

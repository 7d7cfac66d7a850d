// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/csvmappingwizard.h"
#include "import/entitymappingeditor.h"
#include "import/importexportcontroller.h"
#include "io/exportjob.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
/// Every entity of a case as "id schema prop=value …", sorted: what two imports must agree on.
QStringList contents(const QString &path) {
    CaseFile c;
    if (!c.open(path, CaseFile::OpenMode::ReadOnly)) {
        return {QStringLiteral("cannot open %1").arg(path)};
    }
    QStringList out;
    (void)ExportJob::forEach(c, {}, [&](const Entity &e) {
        QStringList values;
        for (const auto &v : e.values) {
            values << v.property + QLatin1Char('=') + v.value;
        }
        values.sort();
        out << e.id + QLatin1Char(' ') + e.schema + QLatin1Char(' ') + values.join(QLatin1Char(' '));
        return true;
    });
    out.sort();
    return out;
}
} // namespace

/// The CSV mapping wizard driven offscreen on a table of shareholdings (owner, company, share →
/// Company, Company, Ownership): preview, mapping, saved JSON, and an import that the CLI
/// reproduces from the saved mapping.
class CsvWizardUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewFollowsTheSettings();
    void wizardMappingMatchesTheCli();
    void headerGuessedFromTheRows();

private:
    QTemporaryDir m_dir;
    QString m_csv;
};

void CsvWizardUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_csv = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/shareholdings.csv"));
    QVERIFY(QFile::exists(m_csv));
}

void CsvWizardUiTest::previewFollowsTheSettings() {
    CsvMappingWizard wizard(m_csv);
    wizard.show();
    QCOMPARE(wizard.currentId(), int(CsvMappingWizard::ReadingPage));
    QTableWidget *table = wizard.previewTable();
    QCOMPARE(table->columnCount(), 3);
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("owner"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Acme Trading, Inc."));
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("Bolt\nVentures Ltd")); // a quoted line break
    QVERIFY2(wizard.detectedLabel()->text().contains(QStringLiteral("UTF-8, comma-separated")),
             qPrintable(wizard.detectedLabel()->text()));
    QCoreApplication::processEvents(); // let the page lay out its new texts
    Casegraph::Tests::saveShot(wizard.grab(), QStringLiteral("wizard-1.png"));

    // Overriding the delimiter re-reads at once: a semicolon splits nothing.
    wizard.delimiterCombo()->setCurrentIndex(wizard.delimiterCombo()->findData(QStringLiteral(";")));
    QCOMPARE(table->columnCount(), 1);
    QVERIFY(wizard.detectedLabel()->text().contains(QStringLiteral("semicolon")));
    // Without a header the first row is data and columns are numbered.
    wizard.delimiterCombo()->setCurrentIndex(0);
    wizard.headerCheck()->setChecked(false);
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("#1"));
    wizard.headerCheck()->setChecked(true);
    QCOMPARE(table->rowCount(), 3);
}

void CsvWizardUiTest::headerGuessedFromTheRows() {
    const QString ofac = Casegraph::Tests::testData(QStringLiteral("sanctions/ofac_sdn_2024-05-03.csv"));
    if (ofac.isEmpty()) {
        QSKIP("../shared/testdata is not available");
    }
    CsvMappingWizard wizard(ofac);
    wizard.show();
    QTableWidget *table = wizard.previewTable();
    // OFAC's SDN CSV starts with a listing, not with column names.
    QVERIFY(!wizard.headerCheck()->isChecked());
    QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("#1"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("AEROCARIBBEAN AIRLINES"));
    QCoreApplication::processEvents();
    Casegraph::Tests::saveShot(wizard.grab(), QStringLiteral("wizard-ofac.png"));

    // Once the user says otherwise, other settings no longer change the box.
    wizard.headerCheck()->setChecked(true);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("AEROCARIBBEAN AIRLINES"));
    wizard.skipRowsSpin()->setValue(1);
    QVERIFY(wizard.headerCheck()->isChecked());
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("ANGLO-CARIBBEAN CO., LTD."));

    // A file that names its columns keeps the box ticked.
    CsvMappingWizard named(m_csv);
    QVERIFY(named.headerCheck()->isChecked());
    QCOMPARE(named.previewTable()->horizontalHeaderItem(2)->text(), QStringLiteral("share"));
}

void CsvWizardUiTest::wizardMappingMatchesTheCli() {
    const QString guiCase = m_dir.filePath(QStringLiteral("gui.casegraph"));
    const QString cliCase = m_dir.filePath(QStringLiteral("cli.casegraph"));
    {
        CaseFile c;
        QVERIFY(c.create(guiCase).ok());
    }
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    QVERIFY(window.openCase(guiCase).ok());
    window.show();

    CsvMappingWizard wizard(m_csv, &window);
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CsvMappingWizard::EntityPage));
    QPushButton *next = qobject_cast<QPushButton *>(wizard.button(QWizard::NextButton));
    QVERIFY(!next->isEnabled()); // nothing mapped yet
    EntityMappingEditor *first = wizard.firstEntity();
    QCOMPARE(first->columns(), (QStringList{QStringLiteral("owner"), QStringLiteral("company"), QStringLiteral("share")}));
    first->setSchema(QStringLiteral("Company"));
    first->setColumnProperty(QStringLiteral("owner"), QStringLiteral("name"));
    QCOMPARE(first->columnProperty(QStringLiteral("owner")), QStringLiteral("name"));
    // Only properties of the chosen schema are offered: a Company has no percentage.
    auto *combo = qobject_cast<QComboBox *>(first->table()->cellWidget(2, 2));
    QCOMPARE(combo->findData(QStringLiteral("percentage")), -1);
    QVERIFY(combo->findData(QStringLiteral("registrationNumber")) > 0);
    QVERIFY(next->isEnabled());
    QCoreApplication::processEvents(); // let the page lay out its new texts
    Casegraph::Tests::saveShot(wizard.grab(), QStringLiteral("wizard-2.png"));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(CsvMappingWizard::RelationshipPage));
    wizard.secondGroup()->setChecked(true);
    QVERIFY(!next->isEnabled());
    wizard.secondEntity()->setSchema(QStringLiteral("Company"));
    wizard.secondEntity()->setColumnProperty(QStringLiteral("company"), QStringLiteral("name"));
    wizard.relationship()->setSchema(QStringLiteral("Ownership"));
    wizard.relationship()->setFirstIsSource(true);
    wizard.relationship()->setColumnProperty(QStringLiteral("share"), QStringLiteral("percentage"));
    QVERIFY(next->isEnabled());
    QCoreApplication::processEvents(); // let the page lay out its new texts
    Casegraph::Tests::saveShot(wizard.grab(), QStringLiteral("wizard-3.png"));

    wizard.next();
    QCOMPARE(wizard.currentId(), int(CsvMappingWizard::SummaryPage));
    // 4 companies (Acme Holding Ltd appears as owner and as company: one entity) and 3 ownerships.
    QVERIFY2(wizard.checkLabel()->text().contains(QStringLiteral("give 4 entities and 3 relationships")),
             qPrintable(wizard.checkLabel()->text()));
    QVERIFY(wizard.jsonView()->toPlainText().contains(QStringLiteral("\"Ownership\"")));
    QCoreApplication::processEvents(); // let the page lay out its new texts
    Casegraph::Tests::saveShot(wizard.grab(), QStringLiteral("wizard-4.png"));

    const QString mappingPath = m_dir.filePath(QStringLiteral("shareholdings.mapping.json"));
    QVERIFY(wizard.saveMapping(mappingPath).ok());
    QCOMPARE(wizard.savedMappingPath(), mappingPath);
    const auto loaded = CsvMapping::load(mappingPath);
    QVERIFY2(loaded.ok(), qPrintable(loaded ? QString() : loaded.error().toString()));
    QCOMPARE(QJsonDocument(loaded->toJson()), QJsonDocument(wizard.mapping().toJson()));

    // Finish imports through the window, off the GUI thread.
    QSignalSpy spy(window.importExport(), &ImportExportController::importFinished);
    wizard.accept();
    window.importExport()->importFromWizard(wizard);
    QVERIFY(spy.wait(20000));
    QCOMPARE(spy.first().at(0).toInt(), 1);

    // The CLI with the saved mapping gives the same entities, ids included.
    auto made = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("new"), cliCase});
    QCOMPARE(made.exitCode, 0);
    auto imported = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                          {QStringLiteral("import"), cliCase, m_csv, QStringLiteral("--mapping"), mappingPath});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY(imported.err.isEmpty()); // no progress line: stderr is a pipe
    const QStringList gui = contents(guiCase);
    QCOMPARE(gui.size(), 7);
    QCOMPARE(gui, contents(cliCase));
    QVERIFY(gui.filter(QStringLiteral(" Ownership ")).join(QLatin1Char('\n')).contains(QStringLiteral("percentage=49")));
}

QTEST_MAIN(CsvWizardUiTest)
#include "csvwizard_uitest.moc"

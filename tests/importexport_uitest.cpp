// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "entitiesdock.h"
#include "import/exportdialog.h"
#include "import/importdialog.h"
#include "import/importexportcontroller.h"
#include "import/jobprogressdialog.h"
#include "itemmodels/entitytablemodel.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
/// `n` FtM Person lines; ids person-<offset+i>.
void writeFtm(const QString &path, int n, int offset = 0) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray out;
    for (int i = 0; i < n; ++i) {
        const QByteArray id = QByteArray::number(offset + i);
        out += "{\"id\":\"person-" + id + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person " + id +
               "\"],\"nationality\":[\"gb\"]}}\n";
    }
    f.write(out);
}

/// Three people; the second has a bad country in line 3, column 4.
QString writeTableWithABadRow(const QString &path) {
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) {
        f.write("id,schema,name,country\np1,Person,Ann,gb\np2,Person,Bob,not-a-country\np3,Person,Cy,fr\n");
    }
    return path;
}

/// What a user could notice of a case: its counts and every entity id with its values.
QString fingerprint(const QString &path) {
    CaseFile c;
    if (!c.open(path, CaseFile::OpenMode::ReadOnly)) {
        return QStringLiteral("cannot open");
    }
    const CaseInfo info = c.info();
    QString out = QStringLiteral("%1 entities, %2 values, %3 sources\n").arg(info.entities).arg(info.values).arg(info.sources);
    for (qint64 id = 1; c.provenance(id); ++id) {
        out += QStringLiteral("provenance %1 %2\n").arg(id).arg(c.provenance(id)->label);
    }
    return out;
}
} // namespace

/// File → Import… and Export… in the main window, offscreen: the work runs on a worker thread
/// while the event loop keeps running, Cancel and a strict failure leave the case as it was,
/// lenient mode writes the report, files dropped on the window open the import dialog.
class ImportExportUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importRunsOffTheGuiThread();
    void cancelLeavesTheCaseAsItWas();
    void cancelStopsTheWholeBatch();
    void strictFailureNamesFileAndLine();
    void lenientImportWritesTheReport();
    void importDialogDetectsFormats();
    void droppedFilesOpenTheImportDialog();
    void exportsCaseAndSelection();

private:
    void waitForImport(int &committed, int &failed, bool &cancelled);

    QTemporaryDir m_dir;
    QString m_path;
    QString m_big;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void ImportExportUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp); // the plural forms a user reads ("1 record")
    QVERIFY(m_dir.isValid());
    m_big = m_dir.filePath(QStringLiteral("people.json"));
    writeFtm(m_big, 60000);
}

void ImportExportUiTest::init() {
    m_path = m_dir.filePath(QStringLiteral("%1.casegraph").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    {
        CaseFile c;
        QVERIFY(c.create(m_path, QStringLiteral("Import test")).ok());
        const qint64 prov = *c.addProvenance(Provenance::Kind::Import, QStringLiteral("seed.json"));
        for (int i = 0; i < 5; ++i) {
            Entity e;
            e.schema = QStringLiteral("Company");
            e.id = QStringLiteral("company-%1").arg(i);
            e.add(QStringLiteral("name"), QStringLiteral("Company %1").arg(i));
            QVERIFY(c.entities().create(e, prov).ok());
        }
    }
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_path).ok());
    m_window->show();
    QVERIFY(m_window->waitUntilLoaded(5000));
}

void ImportExportUiTest::cleanup() {
    m_window.reset();
    m_recent.reset();
}

void ImportExportUiTest::waitForImport(int &committed, int &failed, bool &cancelled) {
    QSignalSpy spy(m_window->importExport(), &ImportExportController::importFinished);
    QVERIFY(spy.wait(60000));
    committed = spy.first().at(0).toInt();
    failed = spy.first().at(1).toInt();
    cancelled = spy.first().at(2).toBool();
}

void ImportExportUiTest::importRunsOffTheGuiThread() {
    auto *controller = m_window->importExport();
    QVERIFY(controller->importAction()->isEnabled());
    QCOMPARE(controller->importAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));
    QMenu *file = m_window->menuBar()->actions().at(0)->menu();
    QVERIFY(file->actions().contains(controller->importAction()));
    QVERIFY(file->actions().contains(controller->importCsvAction()));
    QVERIFY(file->actions().contains(controller->exportAction()));
    file->popup(m_window->mapToGlobal(QPoint(0, 0)));
    QCoreApplication::processEvents();
    Casegraph::Tests::saveShot(file->grab(), QStringLiteral("file-menu.png"));
    file->hide();

    // Count event-loop turns while the import runs: a blocked GUI thread would count none.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(5);
    QElapsedTimer clock;
    clock.start();
    ImportRequest r;
    r.path = m_big;
    controller->startImport({r});
    QVERIFY(controller->isBusy());
    QVERIFY(!controller->importAction()->isEnabled());
    JobProgressDialog *dialog = controller->progressDialog();
    QVERIFY(dialog && dialog->isVisible());
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    const qint64 ms = clock.elapsed();
    QCOMPARE(committed, 1);
    QCOMPARE(failed, 0);
    QVERIFY(!cancelled);
    QVERIFY2(ticks >= ms / 50, qPrintable(QStringLiteral("%1 event-loop turns in %2 ms").arg(ticks).arg(ms)));

    // The window's own connection sees the committed rows: the Entities dock reloads.
    QVERIFY(m_window->waitUntilLoaded(10000));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->entitiesDock()->model()->totalCount(), qint64(60005), 10000);
    QVERIFY(dialog->meterLabel()->text().contains(QStringLiteral("60,000 created")) ||
            dialog->meterLabel()->text().contains(QStringLiteral("60000 created")));
    QVERIFY(dialog->cancelButton() == nullptr);
    QVERIFY(controller->importAction()->isEnabled());
    QCoreApplication::processEvents(); // let the dialog lay out its new texts
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("import-done.png"));
}

void ImportExportUiTest::cancelLeavesTheCaseAsItWas() {
    const QString before = fingerprint(m_path);
    auto *controller = m_window->importExport();
    ImportRequest r;
    r.path = m_big;
    controller->startImport({r});
    JobProgressDialog *dialog = controller->progressDialog();
    // Cancel as soon as records are flowing, with the Cancel button.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->meterLabel()->text().contains(QStringLiteral("records")), 20000);
    QCoreApplication::processEvents(); // let the dialog lay out its new texts
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("import-progress.png"));
    QVERIFY(dialog->cancelButton());
    dialog->cancelButton()->click();
    QVERIFY(dialog->isVisible()); // stays until the worker has rolled back
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    QVERIFY(cancelled);
    QCOMPARE(committed, 0);
    QVERIFY(dialog->meterLabel()->text().contains(QStringLiteral("cancelled")));
    QVERIFY(dialog->meterLabel()->text().contains(QStringLiteral("the case is as it was")));
    QCOMPARE(fingerprint(m_path), before);
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(5));
}

void ImportExportUiTest::cancelStopsTheWholeBatch() {
    // Three files: a small one, the big one (cancelled while it runs), another small one.
    const QString first = m_dir.filePath(QStringLiteral("first.json"));
    const QString last = m_dir.filePath(QStringLiteral("last.json"));
    writeFtm(first, 10, 100000);
    writeFtm(last, 10, 200000);
    auto *controller = m_window->importExport();
    QList<ImportRequest> requests;
    for (const QString &path : {first, m_big, last}) {
        ImportRequest r;
        r.path = path;
        requests << r;
    }
    controller->startImport(requests);
    JobProgressDialog *dialog = controller->progressDialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->stageLabel()->text().contains(QStringLiteral("(2 of 3)")) &&
                                 dialog->meterLabel()->text().contains(QStringLiteral("records")),
                             20000);
    dialog->cancelButton()->click();
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    QVERIFY(cancelled);
    QCOMPARE(committed, 1);
    const QString outcome = dialog->meterLabel()->text();
    QVERIFY2(outcome.contains(QStringLiteral("first.json imported")), qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("people.json: nothing imported")), qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("last.json: not imported (cancelled before it started)")),
             qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("own transaction")), qPrintable(outcome));
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(15));
    QCoreApplication::processEvents();
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("import-batch-cancelled.png"));
}

void ImportExportUiTest::strictFailureNamesFileAndLine() {
    const QString csv = writeTableWithABadRow(m_dir.filePath(QStringLiteral("bad.csv")));
    const QString before = fingerprint(m_path);
    ImportRequest r;
    r.path = csv;
    m_window->importExport()->startImport({r});
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    QCOMPARE(failed, 1);
    JobProgressDialog *dialog = m_window->importExport()->progressDialog();
    QVERIFY(dialog->detailsView()->isVisible());
    QVERIFY2(dialog->detailsView()->toPlainText().startsWith(csv + QStringLiteral(":3:4: ")),
             qPrintable(dialog->detailsView()->toPlainText()));
    QCOMPARE(fingerprint(m_path), before);
    QCoreApplication::processEvents(); // let the dialog lay out its new texts
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("import-failed.png"));
}

void ImportExportUiTest::lenientImportWritesTheReport() {
    const QString csv = writeTableWithABadRow(m_dir.filePath(QStringLiteral("mixed.csv")));
    ImportDialog dialog(m_path, m_window.get());
    dialog.addFiles({csv});
    dialog.setLenient(true);
    const QString report = m_dir.filePath(QStringLiteral("mixed-report.txt"));
    dialog.setReportPath(report);
    QVERIFY(dialog.importButton()->isEnabled());
    const auto requests = dialog.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().options.format, QStringLiteral("csv"));
    QVERIFY(requests.first().options.lenient);
    m_window->importExport()->startImport(requests);
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    QCOMPARE(committed, 1);
    const QString summary = m_window->importExport()->progressDialog()->meterLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("2 created")) && summary.contains(QStringLiteral("1 rejected")),
             qPrintable(summary));
    QVERIFY(summary.contains(report));
    QFile r(report);
    QVERIFY(r.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(r.readAll()).startsWith(csv + QStringLiteral(":3:4: ")));
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(7));
}

void ImportExportUiTest::importDialogDetectsFormats() {
    const QString gexf = m_dir.filePath(QStringLiteral("g.gexf"));
    QFile f(gexf);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
            "<node id=\"a\" label=\"A\"/></nodes></graph></gexf>");
    f.close();
    const QString junk = m_dir.filePath(QStringLiteral("junk.bin"));
    QFile j(junk);
    QVERIFY(j.open(QIODevice::WriteOnly));
    j.write(QByteArray("\x00\x01\x02\xff\xfe garbage", 15));
    j.close();
    ImportDialog dialog(m_path, m_window.get());
    dialog.addFiles({m_big, gexf});
    QCOMPARE(dialog.fileList()->count(), 2);
    QVERIFY(dialog.fileList()->item(0)->text().contains(QStringLiteral("ftm (detected)")));
    QVERIFY(dialog.fileList()->item(1)->text().contains(QStringLiteral("gexf (detected)")));
    QVERIFY(dialog.importButton()->isEnabled());
    QVERIFY(!dialog.mappingEdit()->isEnabled());
    dialog.show();
    QCoreApplication::processEvents(); // let the dialog lay out its new texts
    Casegraph::Tests::saveShot(dialog.grab(), QStringLiteral("import-dialog.png"));
    // An undetectable file blocks Import until a format is chosen.
    dialog.addFiles({junk});
    QVERIFY(!dialog.importButton()->isEnabled());
    dialog.setFormat(QStringLiteral("csv"));
    QVERIFY(dialog.mappingEdit()->isEnabled());
    // Read as CSV, none of them has id and schema columns: a mapping is needed first.
    QVERIFY(!dialog.importButton()->isEnabled());
    dialog.setMappingPath(Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/owners.mapping.json")));
    QVERIFY(dialog.importButton()->isEnabled());
    QCOMPARE(dialog.requests().at(1).options.format, QStringLiteral("csv"));
}

void ImportExportUiTest::droppedFilesOpenTheImportDialog() {
    QVERIFY(m_window->acceptDrops());
    const QString small = m_dir.filePath(QStringLiteral("dropped.json"));
    writeFtm(small, 30, 500000);
    QVERIFY(Casegraph::Tests::dropUrls(m_window.get(), {QUrl::fromLocalFile(small)}, m_window->rect().center()));
    // The drop opens the same dialog as File → Import…, with the file listed, once the drop
    // handler has returned; accept it from inside its event loop.
    QStringList listed;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        listed = dialog->files();
        dialog->importButton()->click();
    });
    int committed = 0, failed = 0;
    bool cancelled = false;
    waitForImport(committed, failed, cancelled);
    QCOMPARE(listed, QStringList{small});
    QCOMPARE(committed, 1);
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(35));
}

void ImportExportUiTest::exportsCaseAndSelection() {
    auto *controller = m_window->importExport();
    QVERIFY(controller->exportAction()->isEnabled());
    // Select two of the five companies in the Entities list.
    QTableView *view = m_window->entitiesDock()->view();
    QTRY_COMPARE(view->model()->rowCount(), 5);
    QTRY_VERIFY(m_window->entitiesDock()->model()->rowAt(1).has_value());
    view->selectionModel()->select(view->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(view->model()->index(2, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_window->entitiesDock()->selectedRowIds().size(), 2);

    ExportDialog dialog(*m_window->caseFile(), m_window->entitiesDock()->selectedRowIds(), m_window.get());
    QVERIFY(dialog.caseScope()->isChecked());
    QVERIFY(!dialog.chartScope()->isEnabled()); // no charts in this case
    QVERIFY(dialog.selectionScope()->isEnabled());
    dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(QStringLiteral("gexf")));
    QVERIFY(dialog.pathEdit()->text().endsWith(QStringLiteral(".gexf")));
    dialog.show();
    QCoreApplication::processEvents(); // let the dialog lay out its new texts
    Casegraph::Tests::saveShot(dialog.grab(), QStringLiteral("export-dialog.png"));

    // The whole case as GEXF.
    ExportRequest all = dialog.request();
    all.path = m_dir.filePath(QStringLiteral("all.gexf"));
    controller->startExport(all);
    QSignalSpy spy(controller, &ImportExportController::exportFinished);
    QVERIFY(spy.wait(20000));
    QVERIFY(spy.first().at(0).toBool());
    QFile gexf(all.path);
    QVERIFY(gexf.open(QIODevice::ReadOnly));
    QCOMPARE(gexf.readAll().count("<node "), 5);

    // The selection as FtM JSON lines.
    dialog.formatCombo()->setCurrentIndex(dialog.formatCombo()->findData(QStringLiteral("ftm")));
    dialog.selectionScope()->setChecked(true);
    ExportRequest some = dialog.request();
    some.path = m_dir.filePath(QStringLiteral("some.json"));
    QCOMPARE(some.options.selection->size(), 2);
    controller->startExport(some);
    QVERIFY(spy.wait(20000));
    QVERIFY(spy.last().at(0).toBool());
    QFile ftm(some.path);
    QVERIFY(ftm.open(QIODevice::ReadOnly));
    QCOMPARE(ftm.readAll().count('\n'), 2);
    QVERIFY(controller->progressDialog()->meterLabel()->text().contains(QStringLiteral("Exported 2 entities")));
}

QTEST_MAIN(ImportExportUiTest)
#include "importexport_uitest.moc"

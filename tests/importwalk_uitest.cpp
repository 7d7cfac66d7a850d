// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "entitiesdock.h"
#include "import/csvmappingwizard.h"
#include "import/entitymappingeditor.h"
#include "import/exportdialog.h"
#include "import/importdialog.h"
#include "import/importexportcontroller.h"
#include "import/jobprogressdialog.h"
#include "jobrunner.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "screenroom.h"
#include "sourceviewer/evidenceui.h"
#include "sourceviewer/unsupportedfactsdock.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/supportstore.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QMap>
#include <QMessageBox>
#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;
using Casegraph::Tests::saveShot;
using Casegraph::Tests::testData;

namespace {
/// What a dialog may take of the screen (on a 1366 x 768 laptop under xvfb-run: 675 px).
int fitHeight() {
    return roomOnScreen(QGuiApplication::primaryScreen()).height();
}

/// Alt+letter keys that two visible widgets of `top` claim ("I: F&iles… | &Import"): Qt then
/// only moves the focus between them, so the key no longer presses the button.
QStringList mnemonicClashes(QWidget *top) {
    QMap<QChar, QStringList> owners;
    const auto claim = [&](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('&')) {
                if (text.at(i + 1) == QLatin1Char('&')) {
                    ++i;
                    continue;
                }
                owners[text.at(i + 1).toUpper()] << text;
                return;
            }
        }
    };
    for (QWidget *w : top->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(top)) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy()) {
            claim(label->text());
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            claim(button->text());
        } else if (auto *group = qobject_cast<QGroupBox *>(w); group && group->isCheckable()) {
            claim(group->title());
        }
    }
    QStringList out;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it->size() > 1) {
            out << QStringLiteral("%1: %2").arg(it.key()).arg(it->join(QLatin1String(" | ")));
        }
    }
    return out;
}
} // namespace

/// An investigator's walk through import and export with the real sample files: the dialogs as
/// they open from the window (File → Import…, a drop, the CSV wizard, File → Export…), what they
/// say, and whether they fit a 1366 × 768 laptop screen.
class ImportWalkUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importSeveralRealFiles();
    void csvWizardOnOfac();
    void exportEveryFormat();
    void windowStaysResponsiveAfterALargeImport();
    void progressSaysFinishingOnceAllIsRead();
    void droppedFolderListsItsFiles();
    void addingAFileTwiceListsItOnce();
    void formatShowsBesideALongPath();
    void everyAltKeyDoesOneThing();
    void csvWithoutMapping();
    void exportAsksBeforeReplacing();

private:
    /// Runs `open` (which opens a modal dialog) and calls `inside` with that dialog once it shows.
    void withModal(const std::function<void()> &open, const std::function<void(QWidget *)> &inside);
    void waitForImport();

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void ImportWalkUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp); // the plural forms a user reads ("1 record")
    QVERIFY(m_dir.isValid());
    if (testData(QStringLiteral("ftm/yente_zala_entities.ftm.json")).isEmpty()) {
        QSKIP("the shared test data is absent");
    }
}

void ImportWalkUiTest::init() {
    m_path = m_dir.filePath(QStringLiteral("%1.casegraph").arg(QString::fromLatin1(QTest::currentTestFunction())));
    QFile::remove(m_path);
    {
        CaseFile c;
        QVERIFY(c.create(m_path, QStringLiteral("Walk")).ok());
    }
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_path).ok());
    m_window->resize(QSize(1366, 768).boundedTo(m_window->screen()->availableSize()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void ImportWalkUiTest::cleanup() {
    m_window.reset();
    m_recent.reset();
}

void ImportWalkUiTest::withModal(const std::function<void()> &open, const std::function<void(QWidget *)> &inside) {
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        QTRY_VERIFY((modal = QApplication::activeModalWidget()) != nullptr);
        seen = true;
        inside(modal);
    });
    open();
    QVERIFY(seen);
}

void ImportWalkUiTest::waitForImport() {
    QSignalSpy spy(m_window->importExport(), &ImportExportController::importFinished);
    QVERIFY(spy.wait(60000));
}

void ImportWalkUiTest::importSeveralRealFiles() {
    const QStringList files{testData(QStringLiteral("ftm/yente_zala_entities.ftm.json")),
                            testData(QStringLiteral("ocds/mexico_inai_release_PC-0012_usd_mxn.json")),
                            testData(QStringLiteral("bods/v0.4_examples/indirect-ownership.json")),
                            testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml")),
                            testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv")),
                            testData(QStringLiteral("graph/lesmis.gexf"))};
    const auto importAll = [&](bool lenient, const QString &shot) {
        withModal([&] { m_window->importExport()->importFiles(files); },
                  [&](QWidget *w) {
                      auto *dialog = qobject_cast<ImportDialog *>(w);
                      QVERIFY(dialog);
                      QCOMPARE(dialog->fileList()->count(), int(files.size()));
                      QVERIFY(dialog->fileList()->item(3)->text().contains(QStringLiteral("un-xml (detected)")));
                      QVERIFY(dialog->height() <= fitHeight());
                      dialog->setLenient(lenient);
                      QCoreApplication::processEvents();
                      saveShot(dialog->grab(), shot);
                      dialog->importButton()->click();
                  });
        waitForImport();
        QCoreApplication::processEvents(); // let the dialog lay out its new texts
        return m_window->importExport()->progressDialog();
    };

    // Strict: zala's "abbreviation" (newer than our schema) stops the batch at its first file,
    // named with its line and what a lenient import would do.
    JobProgressDialog *progress = importAll(false, QStringLiteral("walk-import-dialog.png"));
    saveShot(progress->grab(), QStringLiteral("walk-import-strict.png"));
    QVERIFY2(progress->detailsView()->toPlainText().startsWith(QFileInfo(files.first()).absoluteFilePath() + QStringLiteral(":12: ")),
             qPrintable(progress->detailsView()->toPlainText()));
    QVERIFY(progress->detailsView()->toPlainText().contains(QStringLiteral("a lenient import keeps it")));
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(0));
    progress->close();

    // Lenient: every file, and the outcome says what became of what strict refused.
    progress = importAll(true, QStringLiteral("walk-import-dialog-lenient.png"));
    saveShot(progress->grab(), QStringLiteral("walk-import-lenient.png"));
    const QString outcome = progress->meterLabel()->text();
    QVERIFY2(outcome.contains(QStringLiteral("yente_zala_entities.ftm.json imported (ftm, lenient): 91 records")),
             qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("4 values of properties that the schema does not define were kept")),
             qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("16 references point to entities that are not in the case")),
             qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("lesmis.gexf imported (gexf, lenient): 331 records")), qPrintable(outcome));
    // One line per file (zala's, with two more sentences, may take two), not a ragged paragraph;
    // on a screen with room for it (not the offscreen platform's 800 px).
    if (roomOnScreen(progress->screen()).width() >= 900) {
        const int lines = progress->meterLabel()->height() / progress->meterLabel()->fontMetrics().lineSpacing();
        QVERIFY2(lines <= int(files.size()) + 2, qPrintable(QStringLiteral("%1 lines").arg(lines)));
    }
    QCOMPARE(m_window->caseFile()->entities().count(), qint64(91 + 8 + 6 + 2186 + 1278 + 331));
    progress->close();
    QTRY_COMPARE(m_window->entitiesDock()->model()->totalCount(), qint64(3900));
    saveShot(m_window->grab(), QStringLiteral("walk-window-after-import.png"));
}

void ImportWalkUiTest::csvWizardOnOfac() {
    // OFAC's legacy CSV has no header: the wizard reads its first listing as data.
    const QString csv = testData(QStringLiteral("sanctions/ofac_sdn_2024-05-03.csv"));
    withModal([&] { m_window->importExport()->importCsvWithMapping(csv); },
              [&](QWidget *w) {
                  auto *wizard = qobject_cast<CsvMappingWizard *>(w);
                  QVERIFY(wizard);
                  QVERIFY(wizard->height() <= fitHeight());
                  QVERIFY(!wizard->headerCheck()->isChecked());
                  QCOMPARE(wizard->previewTable()->item(0, 1)->text(), QStringLiteral("AEROCARIBBEAN AIRLINES"));
                  QCoreApplication::processEvents();
                  saveShot(wizard->grab(), QStringLiteral("walk-wizard-ofac-1.png"));
                  wizard->next();
                  QCoreApplication::processEvents();
                  saveShot(wizard->grab(), QStringLiteral("walk-wizard-ofac-2.png"));
                  wizard->reject();
              });
}

void ImportWalkUiTest::exportEveryFormat() {
    {
        ImportRequest r;
        r.path = testData(QStringLiteral("ftm/yente_zala_entities.ftm.json"));
        r.options.lenient = true;
        m_window->importExport()->startImport({r});
        waitForImport();
        m_window->importExport()->progressDialog()->close();
        CaseFile &c = *m_window->caseFile();
        const qint64 chart = *c.charts().create(QStringLiteral("Zala network"));
        QList<ChartNode> nodes;
        for (qint64 id = 1; id <= 30; ++id) {
            ChartNode n;
            n.entityRowId = id;
            n.x = id * 10;
            nodes << n;
        }
        QVERIFY(c.charts().setNodes(chart, nodes).ok());
    }
    QVERIFY(m_window->waitUntilLoaded(5000));
    QTableView *view = m_window->entitiesDock()->view();
    QTRY_VERIFY(view->model()->rowCount() > 3);
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto *controller = m_window->importExport();
    const QStringList formats{QStringLiteral("ftm"), QStringLiteral("csv"), QStringLiteral("gexf"), QStringLiteral("graphml")};
    for (const QString &format : formats) {
        for (int scope = 0; scope < 3; ++scope) {
            QString out;
            withModal([&] { controller->exportCase(); },
                      [&](QWidget *w) {
                          auto *dialog = qobject_cast<ExportDialog *>(w);
                          QVERIFY(dialog);
                          dialog->formatCombo()->setCurrentIndex(dialog->formatCombo()->findData(format));
                          (scope == 0 ? dialog->caseScope() : scope == 1 ? dialog->chartScope() : dialog->selectionScope())->setChecked(true);
                          out = m_dir.filePath(QStringLiteral("out-%1-%2").arg(format).arg(scope)) +
                                (format == QLatin1String("csv") ? QString() : QStringLiteral(".") + format);
                          dialog->pathEdit()->setText(out);
                          QTest::qWait(50); // let the dialog lay out the path's new label
                          saveShot(dialog->grab(), QStringLiteral("walk-export-%1-%2.png").arg(format).arg(scope));
                          dialog->accept();
                      });
            QSignalSpy spy(controller, &ImportExportController::exportFinished);
            QVERIFY(spy.wait(20000));
            QVERIFY(spy.first().at(0).toBool());
            QVERIFY(QFileInfo::exists(out));
            QCoreApplication::processEvents();
            const QString summary = controller->progressDialog()->meterLabel()->text();
            if (scope == 0) {
                QVERIFY2(summary.startsWith(QStringLiteral("Exported 91 entities")), qPrintable(summary));
            }
            saveShot(controller->progressDialog()->grab(), QStringLiteral("walk-export-done-%1-%2.png").arg(format).arg(scope));
            controller->progressDialog()->close();
        }
    }
}

void ImportWalkUiTest::windowStaysResponsiveAfterALargeImport() {
    // 80,000 people with a birth date: 80,000 dates without a supporting passage.
    const QString path = m_dir.filePath(QStringLiteral("dated.json"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray out;
        for (int i = 0; i < 80000; ++i) {
            const QByteArray n = QByteArray::number(i);
            out += "{\"id\":\"p" + n + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person " + n +
                   "\"],\"birthDate\":[\"19" + QByteArray::number(10 + i % 90) + "\"]}}\n";
        }
        f.write(out);
    }
    ImportRequest r;
    r.path = path;
    m_window->importExport()->startImport({r});
    // Watch the event loop from the commit until the views have reloaded.
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] {
        const qint64 now = clock.elapsed();
        worst = qMax(worst, now - last);
        last = now;
    });
    connect(m_window->importExport(), &ImportExportController::importFinished, this, [&] {
        clock.start();
        ticker.start(5);
    });
    waitForImport();
    QTest::qWait(1500);
    UnsupportedFactsModel *unsupported = m_window->evidenceUi()->unsupportedDock()->model();
    QVERIFY(unsupported);
    QTRY_VERIFY_WITH_TIMEOUT(!unsupported->isLoading(), 20000);
    ticker.stop();
    QCOMPARE(unsupported->count(UnsupportedFact::Kind::DatedFact), 80000);

    // What the same read costs when it runs on the GUI thread.
    QElapsedTimer direct;
    direct.start();
    const auto facts = SupportStore(*m_window->caseFile()).unsupportedFacts();
    const qint64 readMs = direct.elapsed();
    QCOMPARE(facts.size(), qsizetype(80000));
    qInfo() << "reading the unsupported facts takes" << readMs << "ms; the longest GUI stall after the import"
            << worst << "ms";
    if (readMs < 200) {
        QSKIP("the read is too quick here to tell a blocked GUI thread from a busy machine");
    }
    // Opening the case reads in the background too, and the dock does not claim full support
    // before the read is done.
    QVERIFY(m_window->openCase(m_path).ok());
    UnsupportedFactsDock *dock = m_window->evidenceUi()->unsupportedDock();
    QVERIFY2(dock->summary()->text().startsWith(QStringLiteral("Checking")), qPrintable(dock->summary()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(dock->summary()->text().contains(QLocale().toString(80000) + QStringLiteral(" dates without a passage")), 20000);
    QVERIFY2(worst < readMs / 2, qPrintable(QStringLiteral("GUI thread blocked %1 ms; the read takes %2 ms")
                                                .arg(worst)
                                                .arg(readMs)));
}

void ImportWalkUiTest::progressSaysFinishingOnceAllIsRead() {
    // 300,000 generated entities: the last record is read 4 s before the commit ends (index
    // builds, digest); the dialog said "300,000 records · about 0 s left" all that time.
    JobRunner runner;
    JobProgressDialog dialog(&runner, QStringLiteral("Import"), m_window.get());
    dialog.show();
    Q_EMIT runner.stageChanged(QStringLiteral("Importing big.json (1 of 1)"));
    runner.report(0, 1000, 0); // the first report always shows
    QTest::qWait(600);
    runner.report(500, 1000, 150000);
    const QLocale locale;
    QVERIFY2(dialog.meterLabel()->text().startsWith(locale.toString(150000) + QStringLiteral(" records")),
             qPrintable(dialog.meterLabel()->text()));
    QCOMPARE(dialog.progressBar()->value(), 500);
    runner.report(1000, 1000, 300000); // within the 250 ms a report waits for
    QCOMPARE(dialog.meterLabel()->text(), locale.toString(300000) + QStringLiteral(" records · finishing…"));
    QCOMPARE(dialog.progressBar()->maximum(), 0); // busy, not a full bar with nothing moving
    QCoreApplication::processEvents();
    saveShot(dialog.grab(), QStringLiteral("walk-progress-finishing.png"));
    // The next file of a batch starts counting again.
    Q_EMIT runner.stageChanged(QStringLiteral("Importing next.json (2 of 2)"));
    runner.report(10, 1000, 5);
    QVERIFY2(dialog.meterLabel()->text().startsWith(QStringLiteral("5 records")), qPrintable(dialog.meterLabel()->text()));
}

void ImportWalkUiTest::droppedFolderListsItsFiles() {
    // Eleven Taiwanese award notices in one folder, dropped with a GEXF file beside them.
    const QString folder = QFileInfo(testData(QStringLiteral("ocds/taiwan"))).absoluteFilePath();
    const QString gexf = QFileInfo(testData(QStringLiteral("graph/lesmis.gexf"))).absoluteFilePath();
    const QFileInfoList notices = QDir(folder).entryInfoList(QDir::Files, QDir::Name);
    QCOMPARE(notices.size(), 11);
    QVERIFY(Casegraph::Tests::dropUrls(m_window.get(), {QUrl::fromLocalFile(folder), QUrl::fromLocalFile(gexf)},
                                       m_window->rect().center()));
    // The import dialog opens once the drop handler has returned: look at it from inside its loop.
    QStringList listed;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        listed = dialog->files();
        for (int i = 0; i < 11; ++i) {
            QVERIFY2(dialog->fileList()->item(i)->text().contains(QStringLiteral("ocds (detected)")),
                     qPrintable(dialog->fileList()->item(i)->text()));
        }
        QCoreApplication::processEvents();
        saveShot(dialog->grab(), QStringLiteral("walk-drop-folder.png"));
        dialog->importButton()->click();
    });
    QSignalSpy spy(m_window->importExport(), &ImportExportController::importFinished);
    QVERIFY(spy.wait(30000));
    QStringList expected;
    for (const QFileInfo &f : notices) {
        expected << f.absoluteFilePath();
    }
    expected << gexf;
    QCOMPARE(listed, expected);
    QCOMPARE(spy.first().at(0).toInt(), 12);
}

void ImportWalkUiTest::addingAFileTwiceListsItOnce() {
    // Add Files… after a drop, or a second drop of the same folder, must not import a file twice.
    const QString ofac = testData(QStringLiteral("sanctions/ofac_cons_prim_2018.csv"));
    const QString un = testData(QStringLiteral("sanctions/un_sc_consolidated_2018-10-29.xml"));
    ImportDialog dialog(m_path, m_window.get());
    dialog.addFiles({ofac});
    dialog.addFiles({ofac, un});
    dialog.addFiles({un});
    QCOMPARE(dialog.files(), (QStringList{QFileInfo(ofac).absoluteFilePath(), QFileInfo(un).absoluteFilePath()}));
}

void ImportWalkUiTest::formatShowsBesideALongPath() {
    // Where a reporter keeps files: deep in a home folder.
    const QString folder = m_dir.filePath(QStringLiteral("Documents/Investigations/2026/Hospital supply chain/"
                                                         "procurement notices/Taiwan, awards of 2014"));
    QVERIFY(QDir().mkpath(folder));
    const QString notice = QDir(folder).filePath(QStringLiteral("ocid-6as3t2-51179519-ocid-6as3t2-51179519.json"));
    QVERIFY(QFile::copy(testData(QStringLiteral("ocds/taiwan/ocid-6as3t2-51179519-ocid-6as3t2-51179519.json")), notice));
    ImportDialog dialog(m_path, m_window.get());
    dialog.addFiles({notice});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QString text = dialog.fileList()->item(0)->text();
    QVERIFY2(text.startsWith(QStringLiteral("ocid-6as3t2-51179519-ocid-6as3t2-51179519.json — ocds (detected)")),
             qPrintable(text));
    QVERIFY(text.contains(QDir::toNativeSeparators(folder)));
    // The name and the format show without scrolling the list sideways.
    const QString shown = text.left(text.indexOf(QStringLiteral("(detected)")) + 10);
    QVERIFY(dialog.fileList()->fontMetrics().horizontalAdvance(shown) < dialog.fileList()->viewport()->width());
    saveShot(dialog.grab(), QStringLiteral("walk-import-long-path.png"));
}

void ImportWalkUiTest::everyAltKeyDoesOneThing() {
    // Alt+I pressed Import only half the time (the Files label took the other half); Alt+F in
    // Export moved between Format and File; Alt+N on the wizard's first page did not go Next.
    ImportDialog import(m_path, m_window.get());
    import.addFiles({testData(QStringLiteral("graph/lesmis.gexf"))});
    import.show();
    QCOMPARE(mnemonicClashes(&import), QStringList());
    ExportDialog exportDialog(*m_window->caseFile(), {}, m_window.get());
    exportDialog.show();
    for (int i = 0; i < exportDialog.formatCombo()->count(); ++i) {
        exportDialog.formatCombo()->setCurrentIndex(i);
        QCOMPARE(mnemonicClashes(&exportDialog), QStringList());
    }
    CsvMappingWizard wizard(Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/shareholdings.csv")),
                            m_window.get());
    wizard.show();
    QCOMPARE(mnemonicClashes(&wizard), QStringList());
    wizard.next();
    wizard.firstEntity()->setSchema(QStringLiteral("Company"));
    wizard.firstEntity()->setColumnProperty(QStringLiteral("owner"), QStringLiteral("name"));
    QCOMPARE(mnemonicClashes(&wizard), QStringList());
    wizard.next();
    wizard.secondGroup()->setChecked(true);
    wizard.secondEntity()->setColumnProperty(QStringLiteral("company"), QStringLiteral("name"));
    QCOMPARE(mnemonicClashes(&wizard), QStringList());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(CsvMappingWizard::SummaryPage));
    QCOMPARE(mnemonicClashes(&wizard), QStringList());
}

void ImportWalkUiTest::csvWithoutMapping() {
    // A table of owners without id and schema columns: the dialog says it needs a mapping before
    // the import, not the importer after it in command-line words ("--mapping M.json").
    const QString csv = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/shareholdings.csv"));
    ImportDialog dialog(m_path, m_window.get());
    dialog.addFiles({csv});
    dialog.show();
    QVERIFY(!dialog.importButton()->isEnabled());
    const auto said = [&dialog] {
        QStringList texts;
        for (const QLabel *l : dialog.findChildren<QLabel *>()) {
            if (l->isVisible()) {
                texts << l->text();
            }
        }
        return texts.join(QLatin1Char('\n'));
    };
    QVERIFY2(said().contains(QStringLiteral("shareholdings.csv has no \"id\" and \"schema\" columns: choose a column "
                                            "mapping, or Create Mapping… to make one.")),
             qPrintable(said()));
    QCoreApplication::processEvents();
    saveShot(dialog.grab(), QStringLiteral("walk-csv-needs-mapping.png"));
    dialog.setMappingPath(Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/csv/owners.mapping.json")));
    QVERIFY(dialog.importButton()->isEnabled());
    QVERIFY(!said().contains(QStringLiteral("has no \"id\"")));

    // A table that names its ids and schemata needs no mapping.
    const QString plain = m_dir.filePath(QStringLiteral("people.csv"));
    QFile f(plain);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("ID,Schema,name\np1,Person,Ann\n");
    f.close();
    ImportDialog second(m_path, m_window.get());
    second.addFiles({plain});
    QVERIFY(second.importButton()->isEnabled());
}

void ImportWalkUiTest::exportAsksBeforeReplacing() {
    // A case named after its source data: the default export path is that data file.
    const QString folder = m_dir.filePath(QStringLiteral("zala"));
    QVERIFY(QDir().mkpath(folder));
    const QString source = QDir(folder).filePath(QStringLiteral("zala.json"));
    QVERIFY(QFile::copy(testData(QStringLiteral("ftm/yente_zala_entities.ftm.json")), source));
    const QString casePath = QDir(folder).filePath(QStringLiteral("zala.casegraph"));
    {
        CaseFile c;
        QVERIFY(c.create(casePath, QStringLiteral("Zala")).ok());
    }
    QVERIFY(m_window->openCase(casePath).ok());
    ExportDialog dialog(*m_window->caseFile(), {}, m_window.get());
    QCOMPARE(QDir::fromNativeSeparators(dialog.pathEdit()->text()), source);
    dialog.show();
    const auto answer = [this](QMessageBox::StandardButton button, QString *asked) {
        QTimer::singleShot(0, this, [button, asked] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            *asked = box->text();
            box->button(button)->click();
        });
    };
    QString asked;
    answer(QMessageBox::No, &asked);
    dialog.exportButton()->click();
    QVERIFY2(asked.contains(QStringLiteral("already exists. Replace it")), qPrintable(asked));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    answer(QMessageBox::Yes, &asked);
    dialog.exportButton()->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // A path that is free exports without a question.
    ExportDialog fresh(*m_window->caseFile(), {}, m_window.get());
    fresh.pathEdit()->setText(QDir(folder).filePath(QStringLiteral("out.json")));
    fresh.show();
    fresh.exportButton()->click();
    QCOMPARE(fresh.result(), int(QDialog::Accepted));
}

QTEST_MAIN(ImportWalkUiTest)
#include "importwalk_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "addvaluedialog.h"
#include "analysis/exposuredock.h"
#include "analysis/pathsdock.h"
#include "timeline/timelinedock.h"
#include "entitypicker.h"
#include "fittingprompt.h"
#include "capturedialog.h"
#include "custodydialog.h"
#include "demo/democase.h"
#include "import/csvmappingwizard.h"
#include "import/entitymappingeditor.h"
#include "import/exportdialog.h"
#include "import/importdialog.h"
#include "import/jobprogressdialog.h"
#include "jobrunner.h"
#include "mainwindow.h"
#include "newentitydialog.h"
#include "preferencesdialog.h"
#include "recentfiles.h"
#include "relationshipdialog.h"
#include "screening/duplicatesdialog.h"
#include "screening/referencelistsdialog.h"
#include "screening/screeningdialog.h"
#include "sourceviewer/evidencedialogs.h"
#include "commands/evidenceeditor.h"
#include "storage/casefile.h"
#include "capture/custodyreport.h"
#include "storage/entitystore.h"
#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/itemdatarole.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QTextBrowser>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QListWidget>
#include <QScreen>
#include <QSet>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWizard>

#include <functional>
#include <memory>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;
using namespace Casegraph::Tests;

namespace {
/// Room a dialog leaves on its screen for a title bar (about 30 px) and a task bar or top panel
/// (up to about 48 px): a dialog taller than the screen less this has its buttons under the panel.
constexpr int WindowChrome = 80;

using DialogFactory = std::function<QDialog *(MainWindow &)>;
} // namespace

/// The dialogs as a user opens them over the main window on a laptop screen (this test runs on
/// two offscreen screens, 1366 × 768 and 1200 × 800; see main()): whole on the screen, with their
/// labels and buttons readable and a default button. CASEGRAPH_SCREENSHOT_DIR keeps PNGs.
class DialogsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void dialogFitsTheScreen_data();
    void dialogFitsTheScreen();
    void csvWizardExamplesReadOnEveryPage_data();
    void csvWizardExamplesReadOnEveryPage();
    void screeningWithoutAListExplainsItself();
    void pathsDockKeepsRunInView_data();
    void pathsDockKeepsRunInView();
    void viewMenuBringsATabbedDockToTheFront();
    void pickerPromptsReadWhole_data();
    void pickerPromptsReadWhole();
    void relationshipEndsTabInTheOrderTheyStand();
    void relationshipEndsOfferWhatTheRangeAllows();
    void entityValuesOfferWhatTheRangeAllows();
    void importOutcomeOfManyFilesFits();
    void gradingSchemeTablesHaveKeys();
    void custodyReportHasNoEmptySection();
    void referenceListsSayWhatGoesWhere();

private:
    /// The main window on the demo case, on the screen of size `screen` (`reuse`: the one open
    /// on that screen, if any: the dialogs that only look need no fresh window each).
    MainWindow *openWindow(QSize screen, bool reuse = false);
    /// New Relationship over the demo case on the 1366 × 768 screen, shown (null without that screen).
    std::unique_ptr<RelationshipDialog> showRelationshipDialog();

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_csv;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void DialogsUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp); // the plural forms a user reads ("1 record")
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_demo).ok());
    QVERIFY(DemoCase::write(cf).ok());
    // A CSV with a header, long names and several columns, for the import dialogs.
    m_csv = m_dir.filePath(QStringLiteral("owners.csv"));
    QFile csv(m_csv);
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("owner_name,owner_country,company_name,company_registration_number,share_percent,start_date\n"
              "Anglo-Caribbean Holdings Company Ltd,gb,Banco Nacional de Cuba Trading SA,BNC-1990-0042,51,2019-05-14\n"
              "Comercializacion de Productos Varios SA,cu,Compania de Importacion y Exportacion,CIE-77,25,2020\n"
              "Thermo Fisher Scientific,us,Unnamed Chinese resellers,,100,2013-01\n");
}

void DialogsUiTest::cleanup() {
    if (qstrcmp(QTest::currentTestFunction(), "dialogFitsTheScreen") != 0 || QTest::currentTestFailed()) {
        m_window.reset();
        m_recent.reset();
    }
}

MainWindow *DialogsUiTest::openWindow(QSize screenSize, bool reuse) {
    if (reuse && m_window && m_window->screen()->size() == screenSize) {
        return m_window.get();
    }
    m_window.reset();
    QScreen *screen = nullptr;
    for (QScreen *s : QGuiApplication::screens()) {
        if (s->size() == screenSize) {
            screen = s;
        }
    }
    if (!screen) {
        return nullptr;
    }
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    m_window->setGeometry(screen->geometry());
    if (!m_window->openCase(m_demo).ok()) {
        return nullptr;
    }
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()) || !m_window->waitUntilLoaded(10000)) {
        return nullptr;
    }
    return m_window->screen() == screen ? m_window.get() : nullptr;
}

void DialogsUiTest::dialogFitsTheScreen_data() {
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<DialogFactory>("make");
    const QList<std::pair<QString, DialogFactory>> dialogs = {
        {QStringLiteral("new entity"), [](MainWindow &w) { return new NewEntityDialog(*w.editor(), &w); }},
        {QStringLiteral("new relationship"),
         [](MainWindow &w) { return new RelationshipDialog(*w.editor(), 0, &w); }},
        {QStringLiteral("add value"),
         [](MainWindow &w) {
             const auto entity = w.caseFile()->entities().entityById(QStringLiteral("demo-thermo-fisher"));
             return new AddValueDialog(*w.editor(), *entity, &w);
         }},
        {QStringLiteral("import"),
         [this](MainWindow &w) {
             auto *d = new ImportDialog(w.caseFile()->path(), &w);
             d->addFiles({m_csv});
             return d;
         }},
        {QStringLiteral("csv wizard"), [this](MainWindow &w) { return new CsvMappingWizard(m_csv, &w); }},
        {QStringLiteral("export"), [](MainWindow &w) { return new ExportDialog(*w.caseFile(), {}, &w); }},
        {QStringLiteral("preferences"), [](MainWindow &w) { return new PreferencesDialog(&w); }},
        {QStringLiteral("custody"),
         [](MainWindow &w) {
             const auto report = CustodyReport::build(*w.caseFile(), 1);
             return report ? new CustodyDialog(*report, &w) : nullptr;
         }},
        {QStringLiteral("capture"), [](MainWindow &w) { return new CaptureDialog(*w.caseFile(), &w); }},
        {QStringLiteral("screening"), [](MainWindow &w) { return new ScreeningDialog(*w.editor(), {}, &w); }},
        {QStringLiteral("reference lists"), [](MainWindow &w) { return new ReferenceListsDialog(*w.caseFile(), &w); }},
        {QStringLiteral("duplicates"), [](MainWindow &w) { return new DuplicatesDialog(*w.editor(), &w); }},
        {QStringLiteral("grading scheme"), [](MainWindow &w) { return new GradingSchemeDialog(*w.editor(), &w); }},
        {QStringLiteral("grade passage"), [](MainWindow &w) { return new GradePassageDialog(*w.editor(), 1, &w); }},
        {QStringLiteral("attach passage"),
         [](MainWindow &w) {
             ExcerptAttachment passage;
             passage.sourceId = 1;
             passage.start = 0;
             passage.end = 40;
             passage.quote = QStringLiteral("Biometrics providers among Chinese companies");
             return new AttachExcerptDialog(*w.editor(), passage, AttachExcerptDialog::Mode::ExistingEntity, &w);
         }},
        {QStringLiteral("attach passage to a new entity"),
         [](MainWindow &w) {
             ExcerptAttachment passage;
             passage.sourceId = 1;
             passage.end = 40;
             passage.quote = QStringLiteral("Biometrics providers among Chinese companies");
             return new AttachExcerptDialog(*w.editor(), passage, AttachExcerptDialog::Mode::NewEntity, &w);
         }},
    };
    for (const QSize screen : {QSize(1366, 768), QSize(1200, 800)}) {
        for (const auto &[name, make] : dialogs) {
            QTest::addRow("%s %dx%d", qPrintable(name), screen.width(), screen.height()) << screen << make;
        }
    }
}

void DialogsUiTest::dialogFitsTheScreen() {
    QFETCH(QSize, screen);
    QFETCH(DialogFactory, make);
    MainWindow *window = openWindow(screen, true);
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    std::unique_ptr<QDialog> dialog(make(*window));
    QVERIFY(dialog);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    QTest::qWait(50);
    saveShot(dialog->grab(), QStringLiteral("dialog-%1.png").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));

    // Whole on the screen, with its buttons above the task bar.
    QVERIFY2(dialog->width() <= screen.width() && dialog->height() <= screen.height() - WindowChrome,
             qPrintable(QStringLiteral("%1 × %2 on a %3 × %4 screen")
                            .arg(dialog->width()).arg(dialog->height()).arg(screen.width()).arg(screen.height())));
    // Every button reads whole, and Enter does something.
    bool hasDefault = qobject_cast<QWizard *>(dialog.get()) != nullptr;
    for (const QPushButton *b : dialog->findChildren<QPushButton *>()) {
        if (b->isVisibleTo(dialog.get())) {
            QVERIFY2(b->width() >= b->minimumSizeHint().width(), qPrintable(b->text()));
            hasDefault = hasDefault || b->isDefault();
        }
    }
    QVERIFY(hasDefault);
    // One-line labels are not cut.
    for (const QLabel *l : dialog->findChildren<QLabel *>()) {
        if (l->isVisibleTo(dialog.get()) && !l->wordWrap() && !l->text().isEmpty() && l->textFormat() != Qt::RichText &&
            !l->text().contains(QLatin1Char('<'))) {
            QString shown = l->text();
            shown.remove(QLatin1Char('&'));
            QVERIFY2(l->fontMetrics().horizontalAdvance(shown.section(QLatin1Char('\n'), 0, 0)) <= l->contentsRect().width(),
                     qPrintable(shown));
        }
    }
}

void DialogsUiTest::csvWizardExamplesReadOnEveryPage_data() {
    QTest::addColumn<QSize>("screen");
    QTest::newRow("1366x768") << QSize(1366, 768);
    QTest::newRow("1200x800") << QSize(1200, 800);
}

void DialogsUiTest::csvWizardExamplesReadOnEveryPage() {
    QFETCH(QSize, screen);
    MainWindow *window = openWindow(screen);
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    CsvMappingWizard wizard(m_csv, window);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    // On the entity page and on the half-page editors of the second entity and the relationship,
    // the examples have room for a few words and each sits on one line, its row not cutting it.
    const auto examplesRead = [](const EntityMappingEditor *editor) {
        const QTableWidget *table = editor->table();
        QVERIFY(table->isVisible());
        const int example = table->columnWidth(1);
        QVERIFY2(example >= table->fontMetrics().averageCharWidth() * 20,
                 qPrintable(QStringLiteral("Example column %1 px of %2").arg(example).arg(table->viewport()->width())));
        QVERIFY(table->horizontalHeader()->sectionSizeHint(1) <= example); // "Example" whole
        for (int row = 0; row < table->rowCount(); ++row) {
            const QRect text = table->fontMetrics().boundingRect(QRect(0, 0, example - 8, 10000),
                                                                 table->wordWrap() ? Qt::TextWordWrap : 0,
                                                                 table->item(row, 1)->text());
            QVERIFY2(text.height() <= table->rowHeight(row), qPrintable(table->item(row, 1)->text()));
        }
        // The property boxes still read "— not imported —" whole.
        const auto *box = qobject_cast<QComboBox *>(table->cellWidget(0, 2));
        QVERIFY(box);
        QVERIFY(table->columnWidth(2) >= table->fontMetrics().horizontalAdvance(box->itemText(0)) + 24);
        // The file's six columns all show without scrolling.
        QVERIFY2(!table->verticalScrollBar()->isVisible(), qPrintable(QStringLiteral("table %1 px high").arg(table->height())));
    };
    wizard.next();
    wizard.firstEntity()->setColumnProperty(QStringLiteral("owner_name"), QStringLiteral("name"));
    QTest::qWait(50);
    saveShot(wizard.grab(), QStringLiteral("csvwizard-entity-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    examplesRead(wizard.firstEntity());
    if (QTest::currentTestFailed()) {
        return;
    }
    wizard.next();
    wizard.secondGroup()->setChecked(true);
    QTest::qWait(50);
    saveShot(wizard.grab(), QStringLiteral("csvwizard-relationship-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    examplesRead(wizard.secondEntity());
    if (QTest::currentTestFailed()) {
        return;
    }
    examplesRead(wizard.relationship());
}

void DialogsUiTest::screeningWithoutAListExplainsItself() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    // An edit made in the main window just before: Undo Decision must not take it back.
    const auto created = window->editor()->createEntity(QStringLiteral("Company"), QStringLiteral("Shell Co Ltd"));
    QVERIFY(created.ok());
    ScreeningDialog dialog(*window->editor(), {}, window);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    saveShot(dialog.grab(), QStringLiteral("screening-no-list-1366x768.png"));
    QVERIFY(!dialog.undoButton()->isEnabled());
    QTest::mouseClick(dialog.undoButton(), Qt::LeftButton);
    QVERIFY(window->caseFile()->entities().row(*created).has_value());
    // The empty panes say what goes there; the threshold box is as wide as its number.
    QCOMPARE(dialog.listChooser()->count(), 0);
    QVERIFY(!dialog.listChooser()->placeholderText().isEmpty());
    QVERIFY(!dialog.detailsView()->placeholderText().isEmpty());
    QVERIFY(dialog.screenButton()->isDefault());
    QVERIFY2(dialog.thresholdBox()->width() <= dialog.thresholdBox()->sizeHint().width() * 2,
             qPrintable(QString::number(dialog.thresholdBox()->width())));
}

void DialogsUiTest::pathsDockKeepsRunInView_data() {
    csvWizardExamplesReadOnEveryPage_data();
}

void DialogsUiTest::pathsDockKeepsRunInView() {
    QFETCH(QSize, screen);
    MainWindow *window = openWindow(screen);
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    PathsDock *dock = window->pathsDock();
    window->showEntity(window->caseFile()->entities().rowIdOf(QStringLiteral("demo-thermo-fisher")));
    dock->diversionAction()->trigger(); // Thermo Fisher from the Inspector, the focus on Run
    QVERIFY(dock->fromPicker()->selected());
    // As high as it opens beside the Exposure dock's tab on a 768 px screen.
    window->resizeDocks({dock}, {220}, Qt::Vertical);
    QTest::qWait(50);
    const auto *scroll = dock->findChild<QScrollArea *>();
    QVERIFY(scroll);
    const auto runShows = [&] {
        const QRect run(dock->runButton()->mapTo(scroll->viewport(), QPoint(0, 0)), dock->runButton()->size());
        return scroll->viewport()->rect().contains(run);
    };
    QVERIFY(runShows());
    QVERIFY(dock->run());
    QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 10000);
    QVERIFY(dock->pathList()->count() > 0);
    saveShot(window->grab(), QStringLiteral("paths-after-run-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    // The dock is a third of the screen high and its form scrolls: after the run the Run row is
    // still in view, ready for the next one, not scrolled away under the pickers.
    QVERIFY2(runShows(), qPrintable(QStringLiteral("form scrolled to %1").arg(scroll->verticalScrollBar()->value())));
    QVERIFY(dock->runButton()->isEnabled());
    QCOMPARE(window->focusWidget(), dock->runButton()); // Enter runs it again
}

void DialogsUiTest::viewMenuBringsATabbedDockToTheFront() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    const auto inFront = [window](const QDockWidget *dock) {
        return dock->isVisible() && window->rect().intersects(dock->geometry()) && !dock->visibleRegion().isEmpty();
    };
    window->exposureDock()->showAction()->trigger();
    QTRY_VERIFY(inFront(window->exposureDock()));
    // View → Timeline: the Timeline shares the Exposure dock's place and must not open behind it.
    QAction *timeline = window->timelineDock()->toggleViewAction();
    QVERIFY(!timeline->isChecked());
    timeline->trigger();
    QTRY_VERIFY(inFront(window->timelineDock()));
    QVERIFY(!inFront(window->exposureDock()));
    QTest::qWait(1500);
    saveShot(window->grab(), QStringLiteral("timeline-from-view-menu-1366x768.png"));
}

void DialogsUiTest::custodyReportHasNoEmptySection() {
    // The demo case is written without an import, so no audit entry names its sources: the
    // report says so under its heading instead of showing the heading over nothing.
    CaseFile cf;
    QVERIFY(cf.open(m_demo, CaseFile::OpenMode::ReadOnly).ok());
    const auto report = CustodyReport::build(cf, 1);
    QVERIFY(report);
    for (const auto &section : report->sections()) {
        QVERIFY2(!section.items.isEmpty() || !section.fields.isEmpty(), qPrintable(section.heading));
    }
}

void DialogsUiTest::referenceListsSayWhatGoesWhere() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    ReferenceListsDialog dialog(*window->caseFile(), window);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // No list in the demo case: the empty changes pane says what will show there.
    QCOMPARE(dialog.listView()->topLevelItemCount(), 0);
    QVERIFY(dialog.changesView()->toPlainText().isEmpty());
    QVERIFY(!dialog.changesView()->placeholderText().isEmpty());
    saveShot(dialog.grab(), QStringLiteral("reference-lists-empty-1366x768.png"));
}

void DialogsUiTest::pickerPromptsReadWhole_data() {
    csvWizardExamplesReadOnEveryPage_data();
}

void DialogsUiTest::pickerPromptsReadWhole() {
    QFETCH(QSize, screen);
    MainWindow *window = openWindow(screen);
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    // Find Paths puts two pickers side by side in a third of the dock; New Relationship too.
    PathsDock *dock = window->pathsDock();
    dock->findPathsAction()->trigger();
    RelationshipDialog relationship(*window->editor(), 0, window);
    relationship.show();
    QVERIFY(QTest::qWaitForWindowExposed(&relationship));
    QTest::qWait(50);
    saveShot(window->grab(), QStringLiteral("paths-find-pickers-%1.png").arg(QLatin1String(QTest::currentDataTag())));
    for (const EntityPicker *picker :
         {dock->fromPicker(), dock->toPicker(), relationship.sourcePicker(), relationship.targetPicker()}) {
        const QLineEdit *field = picker->searchField();
        QVERIFY(!field->placeholderText().isEmpty());
        QVERIFY2(field->fontMetrics().horizontalAdvance(field->placeholderText()) <= FittingPrompt::textRoom(field),
                 qPrintable(QStringLiteral("'%1' in %2 px").arg(field->placeholderText()).arg(FittingPrompt::textRoom(field))));
    }
}

namespace {
/// The schemata of the entities a picker lists.
QSet<QString> schemataShown(const EntityPicker *picker) {
    QSet<QString> found;
    const QAbstractItemModel *model = picker->list()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        found.insert(model->index(row, 0).data(ItemDataRole::SchemaRole).toString());
    }
    return found;
}
} // namespace

std::unique_ptr<RelationshipDialog> DialogsUiTest::showRelationshipDialog() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        return {};
    }
    auto dialog = std::make_unique<RelationshipDialog>(*window->editor(), 0, window);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get())) {
        qWarning("the New Relationship dialog did not show");
    }
    return dialog;
}

void DialogsUiTest::relationshipEndsTabInTheOrderTheyStand() {
    // New Relationship: From, Swap, To stand left to right; Tab takes them in that order.
    const auto shown = showRelationshipDialog();
    if (!shown) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    RelationshipDialog &dialog = *shown;
    QStringList order;
    QWidget *w = dialog.sourcePicker()->searchField();
    for (int i = 0; i < 60 && order.size() < 3; ++i, w = w->nextInFocusChain()) {
        if (w == dialog.sourcePicker()->searchField()) {
            order << QStringLiteral("From");
        } else if (auto *button = qobject_cast<QPushButton *>(w); button && button->text() == QStringLiteral("S&wap")) {
            order << QStringLiteral("Swap");
        } else if (w == dialog.targetPicker()->searchField()) {
            order << QStringLiteral("To");
        }
    }
    QCOMPARE(order.join(QLatin1String(", ")), QStringLiteral("From, Swap, To"));
}

void DialogsUiTest::relationshipEndsOfferWhatTheRangeAllows() {
    // An Ownership's owner must be a legal entity: the From list of the demo case offers no
    // events or articles. An Unknown link takes any thing, events included. An event chosen under
    // Unknown link, then Ownership chosen, is refused with a reason and Create stays disabled.
    const auto shown = showRelationshipDialog();
    if (!shown) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    RelationshipDialog &dialog = *shown;
    MainWindow *window = qobject_cast<MainWindow *>(dialog.parentWidget());
    dialog.setSchema(QStringLiteral("UnknownLink"));
    QTRY_VERIFY(schemataShown(dialog.sourcePicker()).contains(QStringLiteral("Event")));
    dialog.setSchema(QStringLiteral("Ownership"));
    // Waits for the list of the new filter (rows load on a worker): companies, and no event.
    QTRY_VERIFY(schemataShown(dialog.sourcePicker()).contains(QStringLiteral("Company")) &&
                !schemataShown(dialog.sourcePicker()).contains(QStringLiteral("Event")));
    const QSet<QString> owners = schemataShown(dialog.sourcePicker());
    QVERIFY(owners.contains(QStringLiteral("Company")));
    for (const QString &name : owners) {
        QVERIFY2(SchemaRegistry::instance().schema(name)->isA(QStringLiteral("LegalEntity")), qPrintable(name));
    }
    QVERIFY(!schemataShown(dialog.sourcePicker()).contains(QStringLiteral("Article")));

    dialog.setSchema(QStringLiteral("UnknownLink"));
    const std::optional<EntityRow> event = window->caseFile()->entities().row(
        window->caseFile()->entities().rowIdOf(QStringLiteral("demo-beijing-13000-arrests")));
    QVERIFY(event);
    dialog.sourcePicker()->setSelected(*event);
    dialog.setSchema(QStringLiteral("Ownership"));
    QLabel *error = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->isVisible() && label->text().contains(QStringLiteral("cannot be the Owner"))) {
            error = label;
        }
    }
    QVERIFY(error);
    saveShot(dialog.grab(), QStringLiteral("relationship-range-refused.png"));
    QCOMPARE(error->text(), QStringLiteral("“%1” (Event) cannot be the Owner: Ownership takes only legal entities there.").arg(event->caption));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void DialogsUiTest::entityValuesOfferWhatTheRangeAllows() {
    // Add Value on the demo's event, property Organizer: the list offers legal entities (the
    // Chinese government), no events or articles.
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    const auto event = window->caseFile()->entities().entityById(QStringLiteral("demo-beijing-13000-arrests"));
    QVERIFY(event);
    AddValueDialog dialog(*window->editor(), *event, window);
    dialog.setProperty(QStringLiteral("organizer"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *picker = dialog.findChild<EntityPicker *>();
    QVERIFY(picker && picker->isVisible());
    // Waits for the filtered list (rows load on a worker), then checks it.
    QTRY_VERIFY(schemataShown(picker).contains(QStringLiteral("PublicBody")) &&
                !schemataShown(picker).contains(QStringLiteral("Event")));
    const QSet<QString> offered = schemataShown(picker);
    QVERIFY2(!offered.contains(QStringLiteral("Event")) && !offered.contains(QStringLiteral("Article")),
             qPrintable(QStringList(offered.values()).join(u", ")));
}

void DialogsUiTest::importOutcomeOfManyFilesFits() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    // The outcome of importing a folder of 24 files, each with its line, and a few rejected records.
    QStringList summary;
    QStringList details;
    for (int i = 1; i <= 24; ++i) {
        summary << QStringLiteral("/home/reporter/cases/sequencers/registry-extracts/company-%1.json imported (ftm, "
                                  "lenient): 120 records — 80 created, 30 merged, 10 unchanged, 0 rejected.")
                       .arg(i);
        details << QStringLiteral("company-%1.json:3:4: unknown property 'foo'").arg(i);
    }
    JobRunner runner;
    JobProgressDialog dialog(&runner, QStringLiteral("Import"), window);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.showOutcome(summary.join(QLatin1Char('\n')), details.join(QLatin1Char('\n')), false);
    QTest::qWait(50);
    saveShot(dialog.grab(), QStringLiteral("import-outcome-24-files-1366x768.png"));
    QVERIFY2(dialog.height() <= 768 - WindowChrome && dialog.minimumSizeHint().height() <= 768 - WindowChrome,
             qPrintable(QStringLiteral("%1 px high, at least %2").arg(dialog.height()).arg(dialog.minimumSizeHint().height())));
    // Every line of the summary can still be read (it scrolls when it is long).
    QVERIFY(dialog.meterLabel()->text().contains(QStringLiteral("company-24.json")));
    QVERIFY(dialog.buttonBox()->button(QDialogButtonBox::Close)->isDefault());
}

void DialogsUiTest::gradingSchemeTablesHaveKeys() {
    MainWindow *window = openWindow(QSize(1366, 768));
    if (!window) {
        QSKIP("no offscreen screen of this size (run this test on the offscreen platform)");
    }
    GradingSchemeDialog dialog(*window->editor(), window);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    // Alt+R and Alt+C reach the two tables, as Alt+P reaches the preset.
    QSet<QWidget *> buddies;
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy() && label->text().contains(QLatin1Char('&'))) {
            buddies.insert(label->buddy());
        }
    }
    QCOMPARE(dialog.findChildren<QTableWidget *>().size(), 2);
    for (QTableWidget *table : dialog.findChildren<QTableWidget *>()) {
        QVERIFY2(buddies.contains(table), qPrintable(table->accessibleName()));
    }
    // The two rows of Add Level / Remove Level say which table they edit.
    QSet<QString> names;
    for (const QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text().endsWith(QLatin1String("Level"))) {
            names.insert(b->accessibleName());
        }
    }
    QCOMPARE(names.size(), 4);
    QVERIFY(!names.contains(QString()));
}

// Two laptop screens side by side, so that each dialog opens over a window on one of them.
int main(int argc, char **argv) {
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    QTemporaryDir configDir;
    if (platform.isEmpty() || platform == QLatin1String("offscreen")) {
        const QString config = configDir.filePath(QStringLiteral("screens.json"));
        QFile file(config);
        if (file.open(QIODevice::WriteOnly)) {
            file.write(R"({"screens": [
                {"name": "laptop-1366", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1},
                {"name": "laptop-1200", "x": 1366, "y": 0, "width": 1200, "height": 800, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
            file.close();
            qputenv("QT_QPA_PLATFORM", QByteArrayLiteral("offscreen:configfile=") + QFile::encodeName(config));
        }
    }
    QApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    DialogsUiTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "dialogs_uitest.moc"

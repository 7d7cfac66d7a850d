// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "addvaluedialog.h"
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "elidingcombobox.h"
#include "entitypicker.h"
#include "fittingprompt.h"
#include "inspectordock.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "itemmodels/sourcesmodel.h"
#include "analysis/pathsdock.h"
#include "mainwindow.h"
#include "newentitydialog.h"
#include "notes/annotationspanel.h"
#include "notes/leadsdock.h"
#include "recentfiles.h"
#include "relationshipdialog.h"
#include "sourcesdock.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "support/testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QStatusBar>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The main window offscreen, as a user meets it: a case opens into populated docks, selecting
/// things shows them, the filters and shortcuts work, and edits can be undone.
class MainWindowUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void docksArePopulated();
    void sourceShowsHighlightedPassages();
    void searchAndSchemaFilter();
    void keyboardShortcutsFocusTheSearches();
    void referenceNavigatesAndPassageOpensItsEntity();
    void addValueDialogValidatesInline();
    void dialogsCreateEntitiesAndRelationships();
    void undoActionRevertsAnEdit();
    void titleStatusAndRecentFiles();
    void saveAsCopiesOffTheGuiThread();
    void demoCaseIsPopulated();
    void firstRunFillsASmallScreen();
    void entityListKeepsRowsWithADockBelow();
    void chartToolBarFitsALaptopScreen_data();
    void chartToolBarFitsALaptopScreen();
    void filterRowsReadableOnASmallScreen_data();
    void filterRowsReadableOnASmallScreen();
    void chartKeepsItsShareOfALaptopScreen();
    void dockToolBarsFitASmallScreen_data();
    void dockToolBarsFitASmallScreen();
    void inspectorValuesReadableAtEverySize_data();
    void inspectorValuesReadableAtEverySize();
    void sourceTitlesReadableAtEverySize_data();
    void sourceTitlesReadableAtEverySize();

private:
    QStringList highlightedPassages() const;
    /// Opens a fresh copy of the demo case in the window.
    void openDemo(const QString &name);

    QTemporaryDir m_dir;
    QString m_pristine; ///< built once, copied for each test
    QString m_path;
    qint64 m_company = 0;
    qint64 m_article = 0;
    qint64 m_person = 0;
    QStringList m_quotes;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void MainWindowUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp); // the plural forms a user reads ("1 source")
    QVERIFY(m_dir.isValid());
    m_pristine = m_dir.filePath(QStringLiteral("window.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_pristine, QStringLiteral("Camera exports")).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("companies.json"));
    auto &store = cf.entities();
    for (int i = 0; i < 20; ++i) {
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QStringLiteral("Company %1").arg(i, 2, 10, QLatin1Char('0')));
        QVERIFY(store.create(e, prov).ok());
    }
    for (int i = 0; i < 8; ++i) {
        Entity e;
        e.schema = QStringLiteral("Person");
        e.add(QStringLiteral("name"), QStringLiteral("Person %1").arg(i));
        const qint64 row = *store.create(e, prov);
        m_person = m_person ? m_person : row;
    }
    Entity company;
    company.schema = QStringLiteral("Company");
    company.add(QStringLiteral("name"), QStringLiteral("Acme Vision Ltd"));
    company.add(QStringLiteral("country"), QStringLiteral("cn"));
    m_company = *store.create(company, prov);
    Entity ownership;
    ownership.schema = QStringLiteral("Ownership");
    ownership.add(QStringLiteral("owner"), store.row(m_person)->id);
    ownership.add(QStringLiteral("asset"), store.row(m_company)->id);
    QVERIFY(store.create(ownership, prov).ok());

    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Cameras for the police"));
    m_article = *store.create(article, prov);
    Source s;
    s.entityRowId = m_article;
    s.fileName = QStringLiteral("cameras.txt");
    s.mimeType = QStringLiteral("text/plain");
    // Non-BMP characters before the passages: offsets count code points, the view UTF-16 units.
    s.text = QStringLiteral("𝐑𝐞𝐩𝐨𝐫𝐭\nAcme Vision Ltd sold cameras to the police in 2019.\n"
                            "The company denies it sold anything to the police.\nOther text.");
    s.original = s.text.toUtf8();
    const qint64 source = *cf.evidence().addSource(s);
    const auto excerpt = [&](const QString &quote, Excerpt::Stance stance) {
        const qint64 at = utf16ToCodePoints(s.text, s.text.indexOf(quote));
        m_quotes << quote;
        Excerpt x{0, 0, source, at, at + quote.size(), quote};
        x.stance = stance;
        return x;
    };
    Claim name;
    name.entityRowId = m_company;
    name.property = QStringLiteral("name");
    name.value = QStringLiteral("Acme Vision Ltd");
    name.excerpts << excerpt(QStringLiteral("Acme Vision Ltd"), Excerpt::Stance::Supports);
    QVERIFY(cf.evidence().addClaim(name).ok());
    Claim sold;
    sold.entityRowId = m_company;
    sold.excerpts << excerpt(QStringLiteral("sold cameras to the police in 2019"), Excerpt::Stance::Supports)
                  << excerpt(QStringLiteral("denies it sold anything"), Excerpt::Stance::Contradicts);
    QVERIFY(cf.evidence().addClaim(sold).ok());
}

void MainWindowUiTest::init() {
    // Each test works on a fresh copy: several of them edit the case.
    static int n = 0;
    const QString copy = m_dir.filePath(QStringLiteral("window-%1.casegraph").arg(++n));
    QVERIFY(QFile::copy(m_pristine, copy));
    m_path = copy;
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_path).ok());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(10000));
}

void MainWindowUiTest::cleanup() {
    m_window.reset();
    m_recent.reset();
}

QStringList MainWindowUiTest::highlightedPassages() const {
    QStringList out;
    const QTextDocument *doc = m_window->sourcesDock()->textView()->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.charFormat().isAnchor() && f.charFormat().background().style() != Qt::NoBrush) {
                out << f.text();
            }
        }
    }
    return out;
}

void MainWindowUiTest::openDemo(const QString &name) {
    const QString demo = m_dir.filePath(name);
    QFile::remove(demo); // a data-driven test opens it once per row
    {
        CaseFile cf;
        QVERIFY(cf.create(demo).ok());
        QVERIFY(DemoCase::write(cf).ok());
    }
    QVERIFY(m_window->openCase(demo).ok());
    QVERIFY(m_window->waitUntilLoaded(10000));
}

void MainWindowUiTest::docksArePopulated() {
    QTableView *entities = m_window->entitiesDock()->view();
    QCOMPARE(entities->model()->rowCount(), 31);
    QCOMPARE(m_window->entitiesDock()->schemaFilter()->itemText(0), QStringLiteral("All schemata (31)"));
    QVERIFY(m_window->entitiesDock()->schemaFilter()->findData(QStringLiteral("Person")) > 0);
    QCOMPARE(m_window->sourcesDock()->view()->model()->rowCount(), 1);

    m_window->entitiesDock()->selectRow(0);
    QTRY_VERIFY(m_window->inspectorDock()->entityRowId() != 0);
    PropertiesModel *props = m_window->inspectorDock()->model();
    QVERIFY(props->rowCount() >= 1);
    QVERIFY(props->rowCount(props->indexOfSection(PropertiesModel::Section::Properties)) >= 1);
    QCOMPARE(props->entity()->caption, entities->model()->index(0, 0).data(Qt::EditRole).toString());
    QVERIFY(m_window->inspectorDock()->view()->isVisible());
}

void MainWindowUiTest::sourceShowsHighlightedPassages() {
    m_window->sourcesDock()->selectRow(0);
    QTRY_COMPARE(m_window->sourcesDock()->highlightCount(), 3);
    QStringList shown = highlightedPassages();
    shown.sort();
    QStringList expected = m_quotes;
    expected.sort();
    QCOMPARE(shown, expected); // exactly the quoted words, despite the surrogate pairs before them
    QVERIFY(m_window->sourcesDock()->textView()->toPlainText().contains(QLatin1String("Other text.")));
    // Selecting a source shows its Article in the Inspector.
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), m_article);
}

void MainWindowUiTest::searchAndSchemaFilter() {
    EntitiesDock *dock = m_window->entitiesDock();
    QTest::keyClicks(dock->searchField(), QStringLiteral("acme vis"));
    QTRY_COMPARE(dock->view()->model()->rowCount(), 1);
    QTRY_COMPARE(dock->view()->model()->index(0, 0).data().toString(), QStringLiteral("Acme Vision Ltd"));
    dock->searchField()->clear();
    QTRY_COMPARE(dock->view()->model()->rowCount(), 31);

    QComboBox *schema = dock->schemaFilter();
    const int persons = schema->findData(QStringLiteral("Person"));
    QCOMPARE(schema->itemText(persons), QStringLiteral("People (8)"));
    schema->setCurrentIndex(persons);
    Q_EMIT schema->activated(persons);
    QTRY_COMPARE(dock->view()->model()->rowCount(), 8);
    QTRY_COMPARE(dock->view()->model()->index(7, 0).data(ItemDataRole::SchemaRole).toString(),
                 QStringLiteral("Person"));
}

void MainWindowUiTest::keyboardShortcutsFocusTheSearches() {
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->entitiesDock()->view()->setFocus();
    QTest::keySequence(m_window.get(), QKeySequence::Find);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(m_window->entitiesDock()->searchField()));
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_K));
    QTRY_VERIFY(QApplication::focusWidget() != m_window->entitiesDock()->searchField());
    QVERIFY(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    // Typing there lists hits from names and from the sources' text.
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("police"));
    QTRY_VERIFY(QApplication::focusWidget()->property("text").toString() == QLatin1String("police"));
}

void MainWindowUiTest::referenceNavigatesAndPassageOpensItsEntity() {
    m_window->showEntity(m_company);
    PropertiesModel *props = m_window->inspectorDock()->model();
    const QModelIndex refs = props->indexOfSection(PropertiesModel::Section::ReferencedBy);
    QCOMPARE(props->rowCount(refs), 1);
    const QModelIndex ownership = props->index(0, PropertiesModel::ValueColumn, refs);
    QTreeView *tree = m_window->inspectorDock()->view();
    tree->scrollTo(ownership);
    // A view only takes a double-click on the row it saw pressed first, as with a real mouse.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(ownership).center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(ownership).center());
    QTRY_VERIFY(m_window->inspectorDock()->entityRowId() != m_company);
    QCOMPARE(props->entity()->schema, QStringLiteral("Ownership"));

    // Clicking a highlighted passage opens the entity the claim is about.
    m_window->sourcesDock()->selectRow(0);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), m_article);
    Q_EMIT m_window->sourcesDock()->textView()->anchorClicked(
        QUrl(QStringLiteral("excerpt:%1")
                 .arg(m_window->caseFile()->evidence().claimsFor(m_company).first().excerpts.first().id)));
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), m_company);
    QCOMPARE(m_window->sourcesDock()->currentSourceId(), m_window->sourcesDock()->model()->summary(0).id);
}

void MainWindowUiTest::addValueDialogValidatesInline() {
    const auto entity = m_window->caseFile()->entities().entity(m_company);
    AddValueDialog dialog(*m_window->editor(), *entity);
    dialog.setProperty(QStringLiteral("incorporationDate"));
    dialog.valueField()->setText(QStringLiteral("2019-13"));
    QVERIFY(!dialog.errorLabel()->isHidden() || !dialog.errorLabel()->text().isEmpty());
    QVERIFY(dialog.errorLabel()->text().contains(QLatin1String("2019-13")));
    dialog.valueField()->setText(QStringLiteral("2019-03"));
    QVERIFY(dialog.errorLabel()->text().isEmpty());
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.valueId() > 0);
    QCOMPARE(m_window->caseFile()->entities().value(dialog.valueId())->value, QStringLiteral("2019-03"));
}

void MainWindowUiTest::dialogsCreateEntitiesAndRelationships() {
    CaseEditor *editor = m_window->editor();
    NewEntityDialog create(*editor);
    QCOMPARE(create.schemaBox()->itemData(0).toString(), QStringLiteral("Company"));
    create.schemaBox()->setCurrentIndex(create.schemaBox()->findData(QStringLiteral("PublicBody")));
    create.nameField()->setText(QStringLiteral("Example Public Security Bureau"));
    create.accept();
    QCOMPARE(create.result(), int(QDialog::Accepted));
    const auto bureau = m_window->caseFile()->entities().row(create.rowId());
    QCOMPARE(bureau->schema, QStringLiteral("PublicBody"));
    QCOMPARE(bureau->caption, QStringLiteral("Example Public Security Bureau"));

    // A relationship schema in the same list hands over to the relationship dialog.
    NewEntityDialog handover(*editor);
    handover.schemaBox()->setCurrentIndex(handover.schemaBox()->findData(QStringLiteral("Supply")));
    QVERIFY(!handover.nameField()->isEnabled());
    handover.accept();
    QCOMPARE(handover.relationshipSchema(), QStringLiteral("Supply"));
    QCOMPARE(handover.rowId(), 0);

    RelationshipDialog link(*editor, m_company);
    link.setSchema(QStringLiteral("Supply"));
    QCOMPARE(link.sourcePicker()->selected()->rowId, m_company);
    QTest::keyClicks(link.targetPicker()->searchField(), QStringLiteral("security bureau"));
    QTableView *list = link.targetPicker()->list();
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QTRY_VERIFY(!list->model()->index(0, 0).data(ItemDataRole::LoadingRole).toBool());
    list->setCurrentIndex(list->model()->index(0, 0));
    QTRY_COMPARE(link.targetPicker()->selected()->rowId, create.rowId());
    link.accept();
    QCOMPARE(link.result(), int(QDialog::Accepted));
    const auto supply = m_window->caseFile()->entities().entity(link.rowId());
    QCOMPARE(supply->schema, QStringLiteral("Supply"));
    QCOMPARE(supply->first(QStringLiteral("supplier")), m_window->caseFile()->entities().row(m_company)->id);
    QCOMPARE(supply->first(QStringLiteral("recipient")), bureau->id);
    QCOMPARE(editor->undoStack()->count(), 2);
}

void MainWindowUiTest::undoActionRevertsAnEdit() {
    m_window->showEntity(m_company);
    PropertiesModel *props = m_window->inspectorDock()->model();
    const int before = props->rowCount(props->indexOfSection(PropertiesModel::Section::Properties));
    QVERIFY(m_window->editor()->addValue(m_company, QStringLiteral("alias"), QStringLiteral("Acme")).ok());
    QTRY_COMPARE(props->rowCount(props->indexOfSection(PropertiesModel::Section::Properties)), before + 1);
    QAction *undo = nullptr;
    for (QAction *a : m_window->menuBar()->actions().at(1)->menu()->actions()) {
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_Z)) {
            undo = a;
        }
    }
    QVERIFY(undo);
    QVERIFY(undo->isEnabled());
    QVERIFY(undo->text().contains(QLatin1String("Other name")));
    undo->trigger();
    QTRY_COMPARE(props->rowCount(props->indexOfSection(PropertiesModel::Section::Properties)), before);
    QVERIFY(!undo->isEnabled());
}

void MainWindowUiTest::saveAsCopiesOffTheGuiThread() {
    const QString copy = m_dir.filePath(QStringLiteral("saved-copy.casegraph"));
    QFile::remove(copy);
    QSignalSpy saved(m_window.get(), &MainWindow::copySaved);
    m_window->saveCopyAs(copy);
    // The copy is written on a worker: the window goes on in the original meanwhile.
    QCOMPARE(m_window->caseFile()->path(), m_path);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().at(1).toBool(), true);
    // Then it continues in the copy, which holds the whole case.
    QCOMPARE(m_window->caseFile()->path(), copy);
    QCOMPARE(m_window->caseFile()->info().entities, 31);
    QVERIFY(m_window->caseFile()->check()->isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("you are now working in it")));
}

void MainWindowUiTest::titleStatusAndRecentFiles() {
    QVERIFY(m_window->windowTitle().contains(QLatin1String("Camera exports")));
    QVERIFY(m_window->windowTitle().contains(QFileInfo(m_path).fileName()));
    QLabel *counts = nullptr;
    for (QLabel *label : m_window->statusBar()->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("entities"))) {
            counts = label;
        }
    }
    QVERIFY(counts);
    QTRY_COMPARE(counts->text(), QStringLiteral("31 entities · 1 source"));
    QCOMPARE(m_recent->files().value(0), QFileInfo(m_path).absoluteFilePath());
    m_window->closeCase();
    QCOMPARE(m_window->windowTitle(), QStringLiteral("Casegraph"));
    QCOMPARE(m_window->entitiesDock()->view()->model(), nullptr);
}

void MainWindowUiTest::demoCaseIsPopulated() {
    openDemo(QStringLiteral("demo.casegraph"));
    QVERIFY(m_window->entitiesDock()->view()->model()->rowCount() > 100);
    QCOMPARE(m_window->sourcesDock()->view()->model()->rowCount(), 5);
    m_window->sourcesDock()->selectRow(0);
    QTRY_VERIFY(m_window->sourcesDock()->highlightCount() > 10);
    QVERIFY(!highlightedPassages().isEmpty());
    m_window->entitiesDock()->selectRow(0);
    QTRY_VERIFY(m_window->inspectorDock()->model()->rowCount() >= 1);
    QVERIFY(m_window->inspectorDock()->model()->entity());
}

void MainWindowUiTest::firstRunFillsASmallScreen() {
    // No saved layout (the first run) on a screen smaller than the default 1600 × 1000 (the
    // offscreen screen): the window opens maximized, not reaching past the screen's edges.
    QSettings().remove(QStringLiteral("mainWindow"));
    MainWindow window(m_recent.get());
    window.setInteractive(false);
    const QSize room = window.screen()->availableSize();
    QVERIFY(room.width() < 1600 || room.height() < 1000);
    window.restoreLayout();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.isMaximized());
    const QSize least = window.minimumSizeHint();
    QTRY_VERIFY2(window.width() <= std::max(room.width(), least.width()) && window.height() <= std::max(room.height(), least.height()),
                 qPrintable(QStringLiteral("%1 x %2 on a screen of %3 x %4").arg(window.width()).arg(window.height()).arg(room.width()).arg(room.height())));
}

void MainWindowUiTest::entityListKeepsRowsWithADockBelow() {
    // On a 1366 × 768 laptop with the Paths dock open below, the Charts and Leads lists give
    // up height down to two lines and one whole row, so that the entity list still shows three
    // rows (it showed two), and the Leads list its first lead whole.
    openDemo(QStringLiteral("demo-dock-below.casegraph"));
    m_window->resize(1366, 768);
    m_window->pathsDock()->findPathsAction()->trigger();
    QVERIFY(m_window->pathsDock()->isVisible());
    QTest::qWait(50); // the docks lay out after the resize
    QTRY_COMPARE(m_window->size(), QSize(1366, 768));
    QTableView *list = m_window->entitiesDock()->view();
    const int rows = list->viewport()->height() / list->verticalHeader()->defaultSectionSize();
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("entities-with-paths-1366x768.png"));
    QVERIFY2(rows >= 3, qPrintable(QStringLiteral("%1 rows show").arg(rows)));
    QTableView *leads = m_window->annotations()->leadsDock()->findChild<QTableView *>();
    QVERIFY(leads && leads->model() && leads->model()->rowCount() > 0);
    QVERIFY2(leads->viewport()->rect().contains(leads->visualRect(leads->model()->index(0, 0))),
             qPrintable(QStringLiteral("the first lead's row in a viewport %1 px tall").arg(leads->viewport()->height())));
}

void MainWindowUiTest::chartToolBarFitsALaptopScreen_data() {
    QTest::addColumn<QSize>("size");
    QTest::addRow("1200x800") << QSize(1200, 800);
    QTest::addRow("1366x768") << QSize(1366, 768);
}

void MainWindowUiTest::chartToolBarFitsALaptopScreen() {
    // On a laptop screen every control of the open chart's tool bar is on the bar, none in the
    // overflow menu (fit and zoom are icons with their names in the tool tips).
    QFETCH(QSize, size);
    openDemo(QStringLiteral("demo-laptop.casegraph"));
    m_window->resize(size);
    QToolButton *exportButton = nullptr;
    QTRY_VERIFY([&] {
        for (QToolButton *b : m_window->findChildren<QToolButton *>()) {
            if (b->text() == QStringLiteral("E&xport…") && qobject_cast<QToolBar *>(b->parentWidget())) {
                exportButton = b;
            }
        }
        return exportButton != nullptr;
    }());
    auto *bar = qobject_cast<QToolBar *>(exportButton->parentWidget());
    QTRY_VERIFY(bar->isVisible());
    QTest::qWait(50); // the tool bar lays out after the resize
    QStringList hidden;
    for (QToolButton *b : bar->findChildren<QToolButton *>()) {
        if (!b->isVisibleTo(bar) && !b->text().isEmpty() && b->text() != QStringLiteral("Cancel")) {
            hidden << b->text();
        }
    }
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QLatin1String(", "))));
    QVERIFY(exportButton->isVisible());
    QCOMPARE(exportButton->parentWidget()->mapTo(m_window.get(), exportButton->geometry().topRight()).x() <= m_window->width(), true);
}

void MainWindowUiTest::filterRowsReadableOnASmallScreen_data() {
    chartToolBarFitsALaptopScreen_data();
}

void MainWindowUiTest::filterRowsReadableOnASmallScreen() {
    // On a small screen the rows of filters above the entity list and under the chart read
    // whole: the search prompt is a whole prompt (a shorter one when the field is narrow, never
    // one cut mid-word), a filter too narrow for its text ends it in "…", and the chart's time
    // filter says what it does inside the chart's own width.
    QFETCH(QSize, size);
    openDemo(QStringLiteral("demo-filters.casegraph"));
    m_window->resize(size);
    QTest::qWait(50); // the docks lay out after the resize
    QTRY_COMPARE(m_window->size(), size);

    EntitiesDock *entities = m_window->entitiesDock();
    const QStringList prompts{QStringLiteral("Search names and aliases (Ctrl+F)"), QStringLiteral("Search names (Ctrl+F)"),
                              QStringLiteral("Search (Ctrl+F)")};
    for (QLineEdit *field : {entities->searchField(), m_window->findChild<QLineEdit *>(QStringLiteral("ChartFind"))}) {
        QVERIFY(field);
        QVERIFY2(field->fontMetrics().horizontalAdvance(field->placeholderText()) <= FittingPrompt::textRoom(field),
                 qPrintable(QStringLiteral("“%1” in %2 px").arg(field->placeholderText()).arg(field->width())));
    }
    QVERIFY2(prompts.contains(entities->searchField()->placeholderText()), qPrintable(entities->searchField()->placeholderText()));
    auto *schemata = qobject_cast<ElidingComboBox *>(entities->schemaFilter());
    QVERIFY(schemata);
    QVERIFY(schemata->currentText().startsWith(QStringLiteral("All schemata")));
    const QString shown = schemata->shownText();
    QVERIFY2(shown == schemata->currentText() || (shown.endsWith(QChar(0x2026)) && shown.size() > 4), qPrintable(shown));
    QVERIFY(schemata->fontMetrics().horizontalAdvance(shown) < schemata->width());

    auto *time = m_window->findChild<QLabel *>(QStringLiteral("ChartTimeLabel"));
    QVERIFY(time && time->isVisible());
    QCOMPARE(time->text(), QStringLiteral("every relationship shown"));
    const QWidget *chartArea = m_window->centralWidget();
    const QRect onChartArea(time->mapTo(chartArea, QPoint(0, 0)), time->size());
    QVERIFY2(chartArea->rect().contains(onChartArea), qPrintable(QStringLiteral("label at %1..%2 of %3 px")
                                                                     .arg(onChartArea.left())
                                                                     .arg(onChartArea.right())
                                                                     .arg(chartArea->width())));
    QVERIFY(time->fontMetrics().horizontalAdvance(time->text()) <= time->contentsRect().width());
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("filters-%1x%2.png").arg(size.width()).arg(size.height()));
}

void MainWindowUiTest::dockToolBarsFitASmallScreen_data() {
    QTest::addColumn<QString>("dock");
    QTest::addColumn<QSize>("size");
    for (const QString dock : {QStringLiteral("leads"), QStringLiteral("inspector")}) {
        for (const QSize size : {QSize(1200, 800), QSize(1366, 768)}) {
            QTest::addRow("%s %dx%d", qPrintable(dock), size.width(), size.height()) << dock << size;
        }
    }
}

void MainWindowUiTest::dockToolBarsFitASmallScreen() {
    // On a small screen in the default layout every action of the Leads and Inspector tool bars
    // has its button on the bar, none in the overflow ("»") menu; the secondary ones are icons
    // named in tool tips. The demo case opens a chart, which takes its share of the width.
    QFETCH(QString, dock);
    QFETCH(QSize, size);
    openDemo(QStringLiteral("demo-toolbars.casegraph"));
    m_window->resize(size);
    QDockWidget *owner = dock == QLatin1String("leads") ? static_cast<QDockWidget *>(m_window->annotations()->leadsDock())
                                                        : m_window->inspectorDock();
    QTRY_VERIFY(owner->isVisible());
    // The Inspector shows its tool bar with an entity: the demo's Thermo Fisher.
    m_window->showEntity(m_window->caseFile()->entities().rowIdOf(QStringLiteral("demo-thermo-fisher")));
    QTRY_VERIFY(m_window->inspectorDock()->entityRowId() != 0);
    auto *bar = owner->findChild<QToolBar *>();
    QVERIFY(bar);
    QTest::qWait(50); // the docks and the tool bar lay out after the resize
    QTRY_COMPARE(m_window->size(), size);
    QStringList hidden;
    for (QAction *action : bar->actions()) {
        if (action->isSeparator()) {
            continue;
        }
        QWidget *button = bar->widgetForAction(action);
        if (!button || !button->isVisible()) {
            hidden << action->text();
        }
        QVERIFY2(!action->toolTip().isEmpty(), qPrintable(action->text()));
    }
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QLatin1String(", "))));
    for (QToolButton *b : bar->findChildren<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"))) {
        QVERIFY(!b->isVisible());
    }
    const QRect onWindow(bar->mapTo(m_window.get(), QPoint(0, 0)), bar->size());
    QVERIFY(m_window->rect().contains(onWindow));
    Casegraph::Tests::saveShot(m_window->grab(),
                               QStringLiteral("%1-%2x%3.png").arg(dock).arg(size.width()).arg(size.height()));
}

void MainWindowUiTest::chartKeepsItsShareOfALaptopScreen() {
    // The default layout is made for 1600 px. On a 1366 px laptop the Inspector and Sources give
    // up width in proportion, the entity list what its filters can spare, so the chart keeps
    // most of the share it has at 1600 px (it was left under 400 px).
    openDemo(QStringLiteral("demo-share.casegraph"));
    QWidget *chart = m_window->centralWidget();
    m_window->resize(1600, 1000);
    QTRY_VERIFY(chart->width() > 600);
    const double share = double(chart->width()) / m_window->width();
    m_window->resize(1366, 768);
    QTRY_COMPARE(m_window->width(), 1366);
    QTRY_VERIFY2(chart->width() >= share * 1366 - 60, qPrintable(QString::number(chart->width())));
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("main-1366-chart-share.png"));
    // The docks keep a usable width: the entity list its search field and filters, the Inspector
    // its values.
    QVERIFY(m_window->entitiesDock()->width() >= 430);
    QVERIFY(m_window->entitiesDock()->searchField()->width() >= 100);
    QVERIFY(m_window->inspectorDock()->width() >= 420);
    // A wide window does not widen the docks: the chart gets the room.
    m_window->resize(1920, 1080);
    QTRY_COMPARE(m_window->width(), 1920);
    QTRY_COMPARE(m_window->entitiesDock()->width(), 440);
    QVERIFY(chart->width() >= 1920 - 440 - 520 - 20);
    // Back on the laptop, and after View → Reset Layout there, the chart has its share again.
    m_window->resize(1366, 768);
    QTRY_VERIFY(chart->width() >= share * 1366 - 60);
    QAction *reset = nullptr;
    for (QAction *a : m_window->findChildren<QAction *>()) {
        reset = a->text() == QStringLiteral("&Reset Layout") ? a : reset;
    }
    QVERIFY(reset);
    reset->trigger();
    QTRY_VERIFY(chart->width() >= share * 1366 - 60);
    QTRY_VERIFY(m_window->inspectorDock()->width() < 520);
}

void MainWindowUiTest::inspectorValuesReadableAtEverySize_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("paths");
    QTest::newRow("laptop 1366x768") << QSize(1366, 768) << false;
    QTest::newRow("laptop 1366x768 with the Paths dock") << QSize(1366, 768) << true;
    QTest::newRow("default 1600x1000") << QSize(1600, 1000) << false;
    QTest::newRow("full HD 1920x1080") << QSize(1920, 1080) << false;
}

void MainWindowUiTest::inspectorValuesReadableAtEverySize() {
    // The Inspector's Value column, what the user reads, keeps the largest share of the tree:
    // at least 12 characters of the entity's name show (it was a 30 px sliver at 1366 px).
    QFETCH(QSize, size);
    QFETCH(bool, paths);
    openDemo(QStringLiteral("demo-inspector.casegraph"));
    m_window->resize(size);
    if (paths) {
        m_window->pathsDock()->findPathsAction()->trigger();
    }
    QTest::qWait(50); // the docks lay out after the resize
    m_window->entitiesDock()->selectRow(0);
    QTRY_VERIFY(m_window->inspectorDock()->model()->rowCount() >= 1);
    QTreeView *tree = m_window->inspectorDock()->view();
    QTRY_VERIFY(tree->isVisible() && tree->viewport()->width() > 0);
    QApplication::processEvents();
    const QString name = m_window->inspectorDock()->model()->entity()->first(QStringLiteral("name"));
    QVERIFY(name.size() > 12);
    const int value = tree->header()->sectionSize(PropertiesModel::ValueColumn);
    const int needed = tree->fontMetrics().horizontalAdvance(name.left(12)) + 12;
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("inspector-%1x%2.png").arg(size.width()).arg(size.height()));
    QVERIFY2(value >= needed, qPrintable(QStringLiteral("Value is %1 px, 12 characters need %2").arg(value).arg(needed)));
    QVERIFY(value >= tree->header()->sectionSize(PropertiesModel::PropertyColumn));
    QVERIFY(value >= tree->header()->sectionSize(PropertiesModel::SourceColumn));
    // The entity's name and the line under it show whole however short the dock (not cut off
    // half-way through a line by the next one): the first source's article has a long title.
    const qint64 shown = m_window->inspectorDock()->entityRowId();
    m_window->sourcesDock()->selectRow(0);
    QTRY_VERIFY(m_window->inspectorDock()->entityRowId() != shown);
    QTest::qWait(50);
    for (QLabel *label : m_window->inspectorDock()->findChildren<QLabel *>()) {
        if (label->isVisible() && label->wordWrap() && !label->text().isEmpty()) {
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 px of %3").arg(label->text()).arg(label->height()).arg(label->heightForWidth(label->width()))));
        }
    }
    QCOMPARE(m_window->height(), size.height());
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("inspector-article-%1x%2%3.png")
                                                     .arg(size.width())
                                                     .arg(size.height())
                                                     .arg(paths ? QStringLiteral("-paths") : QString()));
    // The columns fill the tree: nothing hides past its right edge.
    int total = 0;
    for (int c = 0; c < tree->header()->count(); ++c) {
        total += tree->header()->sectionSize(c);
    }
    QVERIFY(total <= tree->viewport()->width() + 1);
    // A column the user sizes keeps its width when the window changes.
    tree->header()->resizeSection(PropertiesModel::SourceColumn, 150);
    m_window->resize(size.width() - 40, size.height());
    QTest::qWait(50);
    QCOMPARE(tree->header()->sectionSize(PropertiesModel::SourceColumn), 150);
}

void MainWindowUiTest::sourceTitlesReadableAtEverySize_data() {
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("paths");
    QTest::addColumn<bool>("bottom"); // the Sources dock moved under the chart
    QTest::newRow("laptop 1366x768") << QSize(1366, 768) << false << false;
    QTest::newRow("1600x1000 with the Paths dock") << QSize(1600, 1000) << true << false;
    QTest::newRow("laptop 1366x768 with the Paths dock") << QSize(1366, 768) << true << false;
    QTest::newRow("full HD 1920x1080") << QSize(1920, 1080) << false << false;
    QTest::newRow("laptop 1366x768, Sources at the bottom") << QSize(1366, 768) << false << true;
    QTest::newRow("full HD 1920x1080, Sources at the bottom") << QSize(1920, 1080) << false << true;
}

void MainWindowUiTest::sourceTitlesReadableAtEverySize() {
    // The Sources list shows each article's title, at least its first 15 characters beside the
    // icon, whatever room the window leaves the dock: the File, Claims and Imported columns never
    // squeeze it to a sliver.
    QFETCH(QSize, size);
    QFETCH(bool, paths);
    QFETCH(bool, bottom);
    openDemo(QStringLiteral("demo-sources.casegraph"));
    m_window->resize(size);
    if (bottom) {
        m_window->addDockWidget(Qt::BottomDockWidgetArea, m_window->sourcesDock());
    }
    if (paths) {
        m_window->pathsDock()->findPathsAction()->trigger();
        QVERIFY(m_window->pathsDock()->isVisible());
    }
    m_window->sourcesDock()->selectRow(0);
    QTest::qWait(50); // the docks lay out after the resize
    QApplication::processEvents();
    // Opening a dock at the bottom does not make the window taller than the screen it fits.
    QCOMPARE(m_window->height(), size.height());
    QTableView *view = m_window->sourcesDock()->view();
    QVERIFY(view->isVisible());
    const QModelIndex first = view->model()->index(0, SourcesModel::TitleColumn);
    const qint64 article = first.data(ItemDataRole::EntityRowIdRole).toLongLong();
    const QString title = m_window->caseFile()->entities().entity(article)->first(QStringLiteral("title"));
    QVERIFY(title.size() > 15);
    QCOMPARE(first.data().toString(), title);
    QVERIFY(!view->horizontalHeader()->isSectionHidden(SourcesModel::TitleColumn));
    const QRect cell = view->visualRect(first).intersected(view->viewport()->rect());
    const int needed = view->iconSize().width() + 12 + view->fontMetrics().horizontalAdvance(title.left(15));
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("sources-titles-%1x%2%3.png")
                                                     .arg(size.width())
                                                     .arg(size.height())
                                                     .arg(paths    ? QStringLiteral("-paths")
                                                          : bottom ? QStringLiteral("-bottom")
                                                                   : QString()));
    QVERIFY2(cell.width() >= needed, qPrintable(QStringLiteral("the title cell is %1 px wide, its first 15 characters "
                                                               "need %2 px")
                                                    .arg(cell.width())
                                                    .arg(needed)));
    // The reader beside or below the list still has room for its text.
    QTextBrowser *text = m_window->sourcesDock()->textView();
    QVERIFY(text->viewport()->width() >= text->fontMetrics().averageCharWidth() * 30);
    QVERIFY(text->viewport()->height() >= text->fontMetrics().height() * 3);
    if (bottom && size.width() >= 1920) {
        // A wide dock under the chart still puts the reader beside the list.
        QCOMPARE(m_window->sourcesDock()->findChild<QSplitter *>()->orientation(), Qt::Horizontal);
    }
}

QTEST_MAIN(MainWindowUiTest)
#include "mainwindow_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "analysis/pathsdock.h"
#include "analysis/exposuredock.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "demoactions.h"
#include "dockwidths.h"
#include "screening/screeningactions.h"
#include "entitiesdock.h"
#include "globalsearch.h"
#include "import/importexportcontroller.h"
#include "jobrunner.h"
#include "inspectordock.h"
#include "integrityactions.h"
#include "toolbaraction.h"
#include "newentitydialog.h"
#include "notes/annotationspanel.h"
#include "notes/leadsdock.h"
#include "notes/notesdock.h"
#include "recentfiles.h"
#include "relationshipdialog.h"
#include "shortcutsdialog.h"
#include "sourcesdock.h"
#include "sourceviewer/evidenceui.h"
#include "timeline/timelinedock.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "itemmodels/schemaicons.h"
#include "itemmodels/sourcesmodel.h"
#include "storage/casecopy.h"
#include "storage/casefile.h"
#include "storage/evidencestore.h"

#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>

#include <cstdio>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int LayoutVersion = 2; // 2: the chart tabs in the centre and the Charts dock
const QString GeometryKey = QStringLiteral("mainWindow/geometry");
const QString StateKey = QStringLiteral("mainWindow/state");
const QString LastFolderKey = QStringLiteral("mainWindow/lastFolder");

QString caseFilter() {
    return MainWindow::tr("Casegraph cases (*.casegraph);;All files (*)");
}

QString withSuffix(QString path) {
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
        path += QLatin1String(".casegraph");
    }
    return path;
}
} // namespace

MainWindow::MainWindow(RecentFiles *recentFiles, QWidget *parent) : QMainWindow(parent), m_recentFiles(recentFiles) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(SchemaIcons::named(QStringLiteral("casegraph")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    setupActions();
    m_importExport = new ImportExportController(this);
    setupDocks();
    m_integrity = new IntegrityActions(this);
    setupMenus();
    setupToolBar();
    setupStatusBar();
    resetLayout();
    m_defaultState = saveState(LayoutVersion);
    connect(m_recentFiles, &RecentFiles::changed, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();
    updateTitle();
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow() {
    closeCase();
}

void MainWindow::setupActions() {
    const auto make = [this](const QString &text, const QKeySequence &key, const QString &icon = {}) {
        auto *action = new QAction(text, this);
        if (!key.isEmpty()) {
            action->setShortcut(key);
        }
        if (!icon.isEmpty()) {
            action->setIcon(SchemaIcons::named(icon));
        }
        return action;
    };
    m_newCaseAction = make(tr("&New Case…"), QKeySequence::New, QStringLiteral("new-case"));
    m_openAction = make(tr("&Open…"), QKeySequence::Open, QStringLiteral("open"));
    m_saveAsAction = make(tr("Save &As…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_closeAction = make(tr("&Close"), QKeySequence(Qt::CTRL | Qt::Key_W));
    m_quitAction = make(tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);

    // One pair of actions for whichever case is open: each case's CaseEditor has its own stack.
    m_undoGroup = new QUndoGroup(this);
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
    m_undoAction->setIcon(SchemaIcons::named(QStringLiteral("undo")));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_redoAction->setIcon(SchemaIcons::named(QStringLiteral("redo")));

    m_newEntityAction = make(tr("New &Entity…"), QKeySequence(Qt::CTRL | Qt::Key_E), QStringLiteral("add-entity"));
    m_newEntityAction->setToolTip(tr("Create a company, person, organisation … (Ctrl+E)"));
    m_newRelationshipAction =
        make(tr("New Re&lationship…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), QStringLiteral("link"));
    m_newRelationshipAction->setToolTip(tr("Connect two entities: ownership, supply, directorship … (Ctrl+Shift+E)"));
    m_deleteEntityAction = make(tr("&Delete Entity…"), QKeySequence::Delete, QStringLiteral("remove"));
    m_deleteEntityAction->setToolTip(tr("Delete the entity shown in the Inspector (Del in the Entities list)"));
    // Del deletes an entity from the Entities list only; in the Inspector it removes a value.
    m_deleteEntityAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_findAction = make(tr("&Find Entities"), QKeySequence::Find, QStringLiteral("search"));
    m_searchAllAction = make(tr("&Search Case…"), QKeySequence(Qt::CTRL | Qt::Key_K));
    m_resetLayoutAction = make(tr("&Reset Layout"), {});
    m_aboutAction = make(tr("&About Casegraph"), {});
    m_aboutAction->setMenuRole(QAction::AboutRole);

    connect(m_newCaseAction, &QAction::triggered, this, &MainWindow::newCase);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openCaseDialog);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveCaseAs);
    connect(m_closeAction, &QAction::triggered, this, &MainWindow::closeCase);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::close);
    connect(m_newEntityAction, &QAction::triggered, this, &MainWindow::newEntity);
    connect(m_newRelationshipAction, &QAction::triggered, this, [this] { newRelationship(); });
    connect(m_deleteEntityAction, &QAction::triggered, this, &MainWindow::deleteEntity);
    connect(m_findAction, &QAction::triggered, this, [this] { m_entities->focusSearch(); });
    connect(m_searchAllAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    connect(m_resetLayoutAction, &QAction::triggered, this, [this] {
        restoreState(m_defaultState, LayoutVersion);
        m_dockWidths->apply();
    });
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::setupDocks() {
    m_entities = new EntitiesDock(this);
    m_inspector = new InspectorDock(this);
    m_sources = new SourcesDock(this);
    m_entities->view()->addAction(m_deleteEntityAction);
    m_inspector->toolBar()->addSeparator();
    m_inspector->toolBar()->addAction(m_newRelationshipAction);
    m_inspector->toolBar()->addAction(m_deleteEntityAction);
    // Icons there (the main tool bar names them): the Inspector's bar fits a laptop's dock width.
    for (QAction *action : {m_newRelationshipAction, m_deleteEntityAction}) {
        if (auto *button = qobject_cast<QToolButton *>(m_inspector->toolBar()->widgetForAction(action))) {
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        }
    }

    connect(m_entities, &EntitiesDock::entityActivated, this, &MainWindow::showEntity);
    // Enter on an entity goes on to its properties, for keyboard work.
    connect(m_entities->view(), &QAbstractItemView::activated, this, [this] { m_inspector->view()->setFocus(); });
    connect(m_inspector, &InspectorDock::entityActivated, this, &MainWindow::showEntity);
    connect(m_inspector, &InspectorDock::excerptActivated, m_sources, &SourcesDock::showExcerpt);
    connect(m_sources, &SourcesDock::entityActivated, this, &MainWindow::showEntity);

    // Link charts: the central tabs, the Charts dock, "Add to Chart" and dragging from Entities.
    m_charts = new ChartWorkspace(this);
    setCentralWidget(m_charts->tabs());
    connect(m_charts, &ChartWorkspace::entitySelected, this, &MainWindow::showEntity);
    connect(m_charts, &ChartWorkspace::statusMessage, this, [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_entities->view()->addAction(m_charts->addToChartAction());
    m_entities->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_entities->view()->setDragEnabled(true);
    m_entities->view()->setDragDropMode(QAbstractItemView::DragOnly);
    connect(m_charts->addToChartAction(), &QAction::triggered, this, [this] {
        const qint64 row = m_entities->view()->currentIndex().data(ItemDataRole::EntityRowIdRole).toLongLong();
        m_charts->addToCurrentChart(row ? QList<qint64>{row} : QList<qint64>{});
    });
    m_evidence = new EvidenceUi(this, m_sources, m_inspector);
    connect(m_evidence, &EvidenceUi::entityActivated, this, &MainWindow::showEntity);
    m_annotations = new AnnotationsPanel(this, m_entities, m_inspector, m_sources);
    connect(m_annotations, &AnnotationsPanel::entityRequested, this, &MainWindow::showEntity);
    connect(m_annotations, &AnnotationsPanel::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot change the tags"), message); });
    m_timeline = new TimelineDock(this);
    connect(m_timeline, &TimelineDock::entityActivated, this, &MainWindow::showEntity);
    // Brushing a date range on the timeline filters the open chart to that range.
    connect(m_timeline, &TimelineDock::dateRangeBrushed, this,
            [this](const Models::FtmDate &from, const Models::FtmDate &to) {
                if (ChartPanel *panel = m_charts->currentPanel()) {
                    panel->setTime(ChartTime::between(from.earliest().date(), to.latest().date()));
                }
            });
    m_exposure = new ExposureDock(this);
    connect(m_exposure, &ExposureDock::entityActivated, this, &MainWindow::showEntity);
}

void MainWindow::setupMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newCaseAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(m_saveAsAction);
    file->addAction(m_integrity->captureAction());
    file->addAction(m_integrity->verifyAction());
    file->addAction(m_integrity->custodyAction());
    file->addSeparator();
    file->addAction(m_importExport->importAction());
    file->addAction(m_importExport->importCsvAction());
    file->addAction(m_importExport->exportAction());
    file->addSeparator();
    file->addAction(m_closeAction);
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_newEntityAction);
    edit->addAction(m_newRelationshipAction);
    edit->addAction(m_deleteEntityAction);
    edit->addAction(m_charts->newChartAction());
    edit->addSeparator();
    edit->addAction(m_inspector->addValueAction());
    edit->addAction(m_inspector->editValueAction());
    edit->addAction(m_inspector->removeValueAction());
    edit->addSeparator();
    edit->addAction(m_annotations->notesDock()->newNoteAction());
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addAction(m_searchAllAction);
    edit->addSeparator();
    edit->addAction(m_integrity->preferencesAction());

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    int n = 1;
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_entities), static_cast<QDockWidget *>(m_inspector),
                              static_cast<QDockWidget *>(m_sources), m_charts->dock(),
                              static_cast<QDockWidget *>(m_annotations->notesDock()),
                              static_cast<QDockWidget *>(m_annotations->leadsDock())}) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key(Qt::Key_0 + n++)));
        m_viewMenu->addAction(toggle);
    }
    m_timeline->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key(Qt::Key_0 + n++)));
    m_viewMenu->addAction(m_timeline->toggleViewAction());
    m_exposure->toggleViewAction()->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | Qt::Key(Qt::Key_0 + n++)));
    m_viewMenu->addAction(m_exposure->toggleViewAction());

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    m_evidence->addToMenus(edit, m_viewMenu, analysis);
    // The graph questions: paths, diversion to listed end users, the ownership rule.
    m_paths = new PathsDock(this);
    m_paths->addTo(analysis, m_viewMenu);
    connect(m_paths, &PathsDock::entityActivated, this, &MainWindow::showEntity);
    connect(m_paths, &PathsDock::showOnChartRequested, m_charts, &ChartWorkspace::showOnChart);
    analysis->addAction(m_exposure->showAction());
    connect(m_exposure, &ExposureDock::showOnChartRequested, m_charts, &ChartWorkspace::showOnChart);
    m_screening = new ScreeningActions(this);
    analysis->addSeparator();
    m_screening->addTo(analysis, edit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    shortcuts->setObjectName(QStringLiteral("KeyboardShortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction((new DemoActions(this))->resetAction());
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    // A dock shown from the View menu comes to the front of its tab group: the Timeline, Paths
    // and Exposure share one place, and a new tab behind the current one looked like nothing.
    for (QAction *toggle : m_viewMenu->actions()) {
        if (auto *dock = qobject_cast<QDockWidget *>(toggle->parent())) {
            connect(toggle, &QAction::triggered, dock, [dock](bool shown) {
                if (shown) {
                    dock->raise();
                }
            });
        }
    }
}

void MainWindow::setupToolBar() {
    QToolBar *bar = addToolBar(tr("Main Toolbar"));
    bar->setObjectName(QStringLiteral("MainToolBar"));
    bar->setMovable(false);
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newEntityAction);
    bar->addAction(m_newRelationshipAction);
    bar->addAction(m_deleteEntityAction);
    bar->addSeparator();
    // The bar shows "Undo" and "Redo" and the command in the tool tip: "Undo Accept Match <a
    // listed entity's full name>" pushed the search field off a laptop's tool bar.
    QAction *undoOnBar = shortToolAction(m_undoAction, tr("Undo"), bar);
    QAction *redoOnBar = shortToolAction(m_redoAction, tr("Redo"), bar);
    undoOnBar->setObjectName(QStringLiteral("undoToolBarAction"));
    redoOnBar->setObjectName(QStringLiteral("redoToolBarAction"));
    bar->addAction(undoOnBar);
    bar->addAction(redoOnBar);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_search = new GlobalSearch(bar);
    bar->addWidget(m_search);
    connect(m_search, &GlobalSearch::entityActivated, this, &MainWindow::showEntity);
    connect(m_search, &GlobalSearch::sourceActivated, this, [this](qint64, qint64 rowId) { showEntity(rowId); });
    connect(m_search, &GlobalSearch::noteActivated, m_annotations, &AnnotationsPanel::showNote);
    connect(m_search, &GlobalSearch::leadActivated, m_annotations, &AnnotationsPanel::showLead);

    m_viewMenu->addSeparator();
    m_viewMenu->addAction(bar->toggleViewAction());
    m_viewMenu->addAction(m_resetLayoutAction);
}

void MainWindow::setupStatusBar() {
    m_statusCounts = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusCounts);
}

void MainWindow::resetLayout() {
    resize(1600, 1000);
    // Left: the entity list, the charts and the leads. Middle: the open charts. Right: the
    // Inspector over the sources (Sources, Source Viewer, Notes and Unsupported Facts as tabs).
    // Bottom: the timeline, hidden until asked for (View → Timeline).
    addDockWidget(Qt::LeftDockWidgetArea, m_entities);
    addDockWidget(Qt::RightDockWidgetArea, m_inspector);
    splitDockWidget(m_inspector, m_sources, Qt::Vertical);
    addDockWidget(Qt::LeftDockWidgetArea, m_charts->dock());
    splitDockWidget(m_entities, m_charts->dock(), Qt::Vertical);
    splitDockWidget(m_charts->dock(), m_annotations->leadsDock(), Qt::Vertical);
    m_evidence->resetLayout();
    tabifyDockWidget(m_sources, m_annotations->notesDock());
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_entities), static_cast<QDockWidget *>(m_inspector),
                              static_cast<QDockWidget *>(m_sources), m_charts->dock(),
                              static_cast<QDockWidget *>(m_annotations->notesDock()),
                              static_cast<QDockWidget *>(m_annotations->leadsDock())}) {
        dock->setFloating(false);
        dock->show();
    }
    m_sources->raise();
    addDockWidget(Qt::BottomDockWidgetArea, m_timeline);
    m_timeline->setFloating(false);
    m_timeline->hide();
    // The analysis docks share the Timeline's place, hidden until asked for (hidden before they
    // are placed, so that placing them never resizes the window).
    for (QDockWidget *dock : {static_cast<QDockWidget *>(m_paths), static_cast<QDockWidget *>(m_exposure)}) {
        dock->hide();
        dock->setFloating(false);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        tabifyDockWidget(m_timeline, dock);
    }
    resizeDocks({m_timeline}, {420}, Qt::Vertical);
    if (!m_dockWidths) {
        // The entity list's search and filters and the Leads tool bar need about 430 px.
        m_dockWidths = new DefaultDockWidths(this, {m_entities, m_inspector}, {440, 520}, {430, 420});
    }
    m_dockWidths->apply();
    resizeDocks({m_inspector, m_sources}, {420, 500}, Qt::Vertical);
    resizeDocks({m_entities, m_charts->dock(), m_annotations->leadsDock()}, {560, 140, 220}, Qt::Vertical);
}

void MainWindow::restoreLayout() {
    QSettings settings;
    if (settings.contains(GeometryKey)) {
        restoreGeometry(settings.value(GeometryKey).toByteArray());
    } else if (const QScreen *shown = screen()) {
        // The first run on a screen smaller than the default layout (a laptop): the window fills
        // the screen rather than reaching past its edges, and the docks take their share of it.
        const QSize room = shown->availableSize();
        if (room.width() < width() || room.height() < height()) {
            setWindowState(windowState() | Qt::WindowMaximized);
        }
    }
    if (settings.contains(StateKey) && restoreState(settings.value(StateKey).toByteArray(), LayoutVersion)) {
        m_dockWidths->stop(); // the user's own layout
    }
}

void MainWindow::closeEvent(QCloseEvent *event) {
    if (m_persistLayout) {
        QSettings settings;
        settings.setValue(GeometryKey, saveGeometry());
        settings.setValue(StateKey, saveState(LayoutVersion));
    }
    closeCase();
    event->accept();
}

Status MainWindow::openCase(const QString &path) {
    auto caseFile = std::make_unique<CaseFile>();
    if (auto st = caseFile->open(path); !st) {
        return st;
    }
    closeCase();
    m_case = std::move(caseFile);
    m_editor = std::make_unique<CaseEditor>(*m_case);
    m_undoGroup->addStack(m_editor->undoStack());
    m_undoGroup->setActiveStack(m_editor->undoStack());
    connect(m_editor.get(), &CaseEditor::errorOccurred, this,
            [this](const QString &message) { showError(tr("Undo or redo failed"), message); });

    m_entities->setCase(m_case.get());
    m_inspector->setCase(m_case.get(), m_editor.get());
    m_sources->setCase(m_case.get());
    m_annotations->setCase(m_case.get(), m_editor.get());
    m_search->setCase(m_case.get());
    m_charts->setCase(m_case.get(), m_editor.get());
    m_evidence->setCase(m_case.get(), m_editor.get());
    m_timeline->setCase(m_case.get());
    m_paths->setCase(m_case.get());
    m_exposure->setCase(m_case.get());
    connect(m_entities->model(), &EntityTableModel::summaryChanged, this, &MainWindow::updateStatus);
    connect(m_entities->model(), &EntityTableModel::errorOccurred, this,
            [this](const QString &message) { showError(tr("Cannot read the entities"), message); });
    connect(m_sources->model(), &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_inspector->model(), &PropertiesModel::entityLoaded, this, &MainWindow::updateActions);

    m_recentFiles->add(path);
    QSettings().setValue(LastFolderKey, QFileInfo(path).absolutePath());
    updateTitle();
    updateStatus();
    updateActions();
    return {};
}

void MainWindow::closeCase() {
    if (!m_case) {
        return;
    }
    // Views and their models first: the Entities model's loader thread holds its own connection.
    m_search->setCase(nullptr);
    m_charts->setCase(nullptr, nullptr);
    m_evidence->setCase(nullptr, nullptr);
    m_annotations->setCase(nullptr, nullptr);
    m_timeline->setCase(nullptr);
    m_paths->setCase(nullptr);
    m_exposure->setCase(nullptr);
    m_sources->setCase(nullptr);
    m_inspector->setCase(nullptr, nullptr);
    m_entities->setCase(nullptr);
    m_editor.reset();
    m_case.reset();
    updateTitle();
    updateStatus();
    updateActions();
}

void MainWindow::showEntity(qint64 rowId) {
    if (!m_case || !rowId) {
        return;
    }
    m_inspector->setEntity(rowId);
    m_entities->selectEntity(rowId);
    m_sources->selectSourceOfEntity(rowId);
    m_timeline->setSelectedEntityRow(rowId);
    if (ChartPanel *panel = m_charts->currentPanel()) {
        panel->view()->selectRowIds({rowId}); // selects without announcing it back
    }
    updateActions();
}

bool MainWindow::waitUntilLoaded(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        const auto charts = findChildren<ChartView *>();
        const bool chartLoading =
            std::any_of(charts.begin(), charts.end(), [](const ChartView *c) { return c->isLoading(); });
        if (!m_case || !m_entities->model() || (!m_entities->model()->isLoading() && !chartLoading)) {
            QCoreApplication::processEvents();
            return true;
        }
        QThread::msleep(2);
    }
    return false;
}

void MainWindow::newCase() {
    const QString folder =
        QSettings()
            .value(LastFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString path = withSuffix(QFileDialog::getSaveFileName(this, tr("New Case"), folder, caseFilter(), nullptr,
                                                                 QFileDialog::DontConfirmOverwrite));
    if (path.isEmpty()) {
        return;
    }
    {
        CaseFile created;
        if (auto st = created.create(path); !st) {
            showError(tr("Cannot create the case"), st.error().toString());
            return;
        }
    }
    if (auto st = openCase(path); !st) {
        showError(tr("Cannot open the case"), st.error().toString());
    }
}

void MainWindow::openCaseDialog() {
    const QString folder =
        QSettings()
            .value(LastFolderKey, QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Case"), folder, caseFilter());
    if (!path.isEmpty()) {
        if (auto st = openCase(path); !st) {
            showError(tr("Cannot open the case"), st.error().toString());
        }
    }
}

void MainWindow::openRecent(const QString &path) {
    if (!QFileInfo::exists(path)) {
        m_recentFiles->remove(path);
        showError(tr("Cannot open the case"), tr("%1 no longer exists.").arg(path));
        return;
    }
    if (auto st = openCase(path); !st) {
        showError(tr("Cannot open the case"), st.error().toString());
    }
}

void MainWindow::saveCaseAs() {
    if (!m_case) {
        return;
    }
    const QString path = withSuffix(
        QFileDialog::getSaveFileName(this, tr("Save Case As"), QFileInfo(m_case->path()).absolutePath(), caseFilter()));
    if (!path.isEmpty()) {
        saveCopyAs(path);
    }
}

void MainWindow::saveCopyAs(const QString &path) {
    if (!m_case) {
        return;
    }
    // A large case takes seconds to copy: on a worker, with its own read-only connection.
    auto *runner = new JobRunner(this);
    showJobProgress(runner, this, tr("Save As"), tr("Saving a copy as %1…").arg(QFileInfo(path).fileName()));
    auto outcome = std::make_shared<Status>();
    connect(runner, &JobRunner::finished, this, [this, runner, outcome, path] {
        runner->deleteLater();
        // A cancel that came after the last page leaves a finished copy: judge by the outcome.
        if (!outcome->ok()) {
            if (runner->isCancelled()) {
                statusBar()->showMessage(tr("Save As cancelled; nothing was written."), 8000);
            } else {
                showError(tr("Cannot save the case"), outcome->error().toString());
            }
            Q_EMIT copySaved(path, false);
            return;
        }
        // Continue in the copy, as Save As does elsewhere; the original stays as it was.
        if (auto st = openCase(path); !st) {
            showError(tr("Cannot open the copy"), st.error().toString());
            Q_EMIT copySaved(path, false);
            return;
        }
        statusBar()->showMessage(tr("Saved a copy as %1; you are now working in it.").arg(path), 8000);
        Q_EMIT copySaved(path, true);
    });
    runner->start([from = m_case->path(), path, outcome](JobRunner &r) {
        *outcome = CaseCopy::copy(from, path, [&r](qint64 done, qint64 total) { return r.report(done, total, 0); });
    });
}

void MainWindow::updateRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = m_recentFiles->files();
    int n = 0;
    bool missing = false;
    for (const QString &path : files) {
        const bool exists = QFileInfo::exists(path);
        missing = missing || !exists;
        const QString name = QFileInfo(path).fileName();
        const QString text = ++n < 10 ? QStringLiteral("&%1 %2").arg(n).arg(name) : name;
        QAction *action = m_recentMenu->addAction(exists ? text : tr("%1 (missing)").arg(text));
        action->setToolTip(path);
        action->setStatusTip(path);
        action->setEnabled(exists);
        connect(action, &QAction::triggered, this, [this, path] { openRecent(path); });
    }
    if (files.isEmpty()) {
        m_recentMenu->addAction(tr("No recent cases"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    if (missing) {
        m_recentMenu->addAction(tr("Remove &Missing"), m_recentFiles, &RecentFiles::removeMissing);
    }
    m_recentMenu->addAction(tr("&Clear Menu"), m_recentFiles, &RecentFiles::clear);
}

void MainWindow::newEntity() {
    if (!m_editor) {
        return;
    }
    NewEntityDialog dialog(*m_editor, this);
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    if (!dialog.relationshipSchema().isEmpty()) {
        newRelationship(dialog.relationshipSchema());
    } else {
        showEntity(dialog.rowId());
    }
}

void MainWindow::newRelationship(const QString &schema) {
    if (!m_editor) {
        return;
    }
    RelationshipDialog dialog(*m_editor, m_inspector->entityRowId(), this);
    if (!schema.isEmpty()) {
        dialog.setSchema(schema);
    }
    if (dialog.exec() == QDialog::Accepted) {
        showEntity(dialog.rowId());
    }
}

void MainWindow::deleteEntity() {
    const qint64 rowId = m_inspector->entityRowId();
    const auto entity = m_case && rowId ? m_case->entities().entity(rowId) : std::nullopt;
    if (!entity) {
        return;
    }
    const Schema *schema = SchemaRegistry::instance().schema(entity->schema);
    const auto relationships = m_editor->relationshipsOf(rowId);
    const auto claims = m_case->evidence().claimsFor(rowId);
    QStringList details{
        tr("Deleted with it: %1 and %2.")
            .arg(tr("%n value(s)", nullptr, int(entity->values.size())), tr("%n claim(s)", nullptr, int(claims.size())))};
    if (!relationships.isEmpty()) {
        QStringList names;
        for (const auto &r : relationships.mid(0, 5)) {
            names << QStringLiteral("• ") + r.caption;
        }
        details << tr("So are the %n relationship(s) that connect it:", nullptr, int(relationships.size()))
                << names.join(QLatin1Char('\n'));
    }
    details << tr("Undo (Ctrl+Z) brings everything back.");

    QMessageBox box(QMessageBox::Question, tr("Delete Entity"),
                    tr("Delete the %1 “%2”?").arg(schema ? schema->label : entity->schema, entity->caption),
                    QMessageBox::Cancel, this);
    box.setInformativeText(details.join(QLatin1Char('\n')));
    QPushButton *remove = box.addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove) {
        return;
    }
    if (auto st = m_editor->deleteEntity(rowId); !st) {
        showError(tr("Cannot delete the entity"), st.error().toString());
    }
}

void MainWindow::about() {
    QMessageBox::about(
        this, tr("About Casegraph"),
        tr("<h3>Casegraph %1</h3>"
           "<p>A workbench for investigators and reporters: the people, companies and relationships of a case, "
           "and the sources that support each statement about them.</p>"
           "<p>Qt %2<br>FollowTheMoney schema %3<br>Case file format version %4</p>"
           "<p>Free software under the GNU General Public License, version 3 or any later version.</p>")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()),
                 SchemaRegistry::instance().version())
            .arg(CaseFile::SchemaVersion));
}

void MainWindow::showError(const QString &title, const QString &message) {
    if (!m_interactive) {
        std::fprintf(stderr, "casegraph: %s: %s\n", qUtf8Printable(title), qUtf8Printable(message));
        return;
    }
    QMessageBox::warning(this, title, message);
}

void MainWindow::updateTitle() {
    if (!m_case) {
        setWindowTitle(tr("Casegraph"));
        return;
    }
    const QString file = QFileInfo(m_case->path()).fileName();
    const QString title = m_case->title();
    setWindowTitle(title.isEmpty() || title == QFileInfo(file).completeBaseName()
                       ? tr("%1 — Casegraph").arg(file)
                       : tr("%1 (%2) — Casegraph").arg(title, file));
}

void MainWindow::updateStatus() {
    if (!m_case) {
        m_statusCounts->setText(tr("No case open"));
        return;
    }
    const QLocale locale;
    const qint64 entities = m_entities->model() ? m_entities->model()->totalCount() : 0;
    const int sources = m_sources->model() ? m_sources->model()->rowCount() : 0;
    QString text = tr("%Ln entity(s)", nullptr, int(qMin<qint64>(entities, INT_MAX))) + QStringLiteral(" · ") +
                   tr("%Ln source(s)", nullptr, sources);
    if (m_case->isReadOnly()) {
        text += QStringLiteral(" · ") + tr("read-only");
    }
    m_statusCounts->setText(text);
}

void MainWindow::updateActions() {
    const bool open = m_case != nullptr;
    const bool writable = open && !m_case->isReadOnly();
    const bool hasEntity = open && m_inspector->model() && m_inspector->model()->entity();
    m_saveAsAction->setEnabled(open);
    m_closeAction->setEnabled(open);
    m_newEntityAction->setEnabled(writable);
    m_newRelationshipAction->setEnabled(writable);
    m_deleteEntityAction->setEnabled(writable && hasEntity);
    m_findAction->setEnabled(open);
    m_searchAllAction->setEnabled(open);
    m_importExport->updateActions();
    m_integrity->updateActions(open, writable);
    if (m_screening) {
        m_screening->update();
    }
}

} // namespace Casegraph::Ui

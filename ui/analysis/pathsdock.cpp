// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pathsdock.h"
#include "analysiscontrols.h"

#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "entitypicker.h"
#include "inspectordock.h"
#include "mainwindow.h"

#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
/// Type list item roles: the schema name, or the schemata of entities whose references are followed.
constexpr int SchemaRole = Qt::UserRole;
constexpr int HoldersRole = Qt::UserRole + 1;
constexpr int RowIdRole = Qt::UserRole;

enum HopColumn { FromColumn, RelationshipColumn, ToColumn, DirectionColumn, EvidenceColumn, HopColumns };

QLabel *banner(const QString &style, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setStyleSheet(QStringLiteral("QLabel { %1 padding: 4px 6px; border-radius: 3px; }").arg(style));
    label->hide();
    return label;
}
} // namespace

PathsDock::PathsDock(MainWindow *window) : QDockWidget(tr("Paths"), window), m_window(window)
{
    setObjectName(QStringLiteral("PathsDock"));
    m_search = new PathSearch(this);
    m_findAction = new QAction(tr("Find &Paths…"), this);
    m_findAction->setObjectName(QStringLiteral("findPathsAction"));
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_findAction->setToolTip(tr("Every path between two entities, shortest first (Ctrl+Shift+P)"));
    m_diversionAction = new QAction(tr("&Diversion Paths…"), this);
    m_diversionAction->setObjectName(QStringLiteral("diversionPathsAction"));
    m_diversionAction->setToolTip(tr("Where a manufacturer's goods end up: supply paths to listed end users"));
    connect(m_findAction, &QAction::triggered, this, [this] { open(Mode::Paths); });
    connect(m_diversionAction, &QAction::triggered, this, [this] { open(Mode::Diversion); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *form = new QWidget(scroll);
    buildForm(form);
    scroll->setWidget(form);
    splitter->addWidget(scroll);
    splitter->addWidget(buildResults());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({740, 860});
    setWidget(splitter);

    connect(m_search, &PathSearch::phaseChanged, this, [this](const QString &text) { setBusy(true, text); });
    connect(m_search, &PathSearch::projected, this,
            [this](const std::shared_ptr<const GraphProjection> &graph) {
                if (m_changes == m_runChanges) { // else it was read before the latest change
                    m_graph = graph;
                }
            });
    connect(m_search, &PathSearch::finished, this, &PathsDock::showOutcome);
    connect(m_search, &PathSearch::failed, this, [this](const QString &message) {
        setBusy(false);
        showError(message);
        Q_EMIT searchEnded();
    });
    setCase(nullptr);
}

PathsDock::~PathsDock() = default;

void PathsDock::buildForm(QWidget *form)
{
    // Three columns under one row of controls: From | To | the types and options; the message
    // line below. Short enough for a bottom dock a third of the window high.
    auto *layout = new QVBoxLayout(form);
    auto *top = new QHBoxLayout;
    m_mode = new QComboBox(form);
    m_mode->addItem(tr("Paths between two entities"));
    m_mode->addItem(tr("Diversion paths from a manufacturer to end users"));
    auto *modeLabel = new QLabel(tr("&Search for:"), form);
    modeLabel->setBuddy(m_mode);
    m_run = new QPushButton(tr("&Run"), form);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), form);
    m_busy = new QProgressBar(form);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    top->addWidget(modeLabel);
    top->addWidget(m_mode, 1);
    top->addSpacing(8);
    top->addWidget(m_run);
    top->addWidget(m_cancel);
    top->addWidget(m_busy);
    layout->addLayout(top);

    auto *columns = new QHBoxLayout;
    const auto column = [form](QLabel *&label, const QString &text) {
        auto *box = new QWidget(form);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        label = new QLabel(text, box);
        v->addWidget(label);
        return box;
    };
    m_fromBox = column(m_fromLabel, tr("From"));
    QLabel *toLabel = nullptr;
    m_toBox = column(toLabel, tr("To"));
    QLabel *typesLabel = nullptr;
    auto *typesBox = column(typesLabel, tr("Relationship types to follow"));
    m_types = new QListWidget(typesBox);
    m_types->setAccessibleName(tr("Relationship types to follow"));
    m_types->setMinimumHeight(m_types->fontMetrics().height() * 4);
    m_types->setToolTip(tr("Only these kinds of relationship are crossed. With every type ticked, references "
                           "between entities (an event's participants, a contract's authority …) are followed too."));
    typesLabel->setBuddy(m_types);
    auto *typesLayout = static_cast<QVBoxLayout *>(typesBox->layout());
    typesLayout->addWidget(m_types, 1);

    auto *hopsRow = new QHBoxLayout;
    m_hops = new QSpinBox(typesBox);
    m_hops->setRange(1, 10);
    m_hops->setValue(6);
    m_hops->setAccessibleName(tr("Maximum hops"));
    auto *hopsLabel = new QLabel(tr("Max &hops:"), typesBox);
    hopsLabel->setBuddy(m_hops);
    m_undirected = new QCheckBox(tr("Either &direction"), typesBox);
    m_undirected->setToolTip(tr("Cross every relationship both ways, e.g. from a subsidiary up to its owner."));
    hopsRow->addWidget(hopsLabel);
    hopsRow->addWidget(m_hops);
    hopsRow->addSpacing(8);
    hopsRow->addWidget(m_undirected);
    hopsRow->addStretch(1);
    typesLayout->addLayout(hopsRow);
    auto *asOfRow = new QHBoxLayout;
    m_asOfOn = new QCheckBox(tr("&As of"), typesBox);
    m_asOfOn->setToolTip(tr("Only relationships valid on this day; missing dates count as open."));
    m_asOf = AnalysisControls::asOfEdit(m_asOfOn, typesBox);
    asOfRow->addWidget(m_asOfOn);
    asOfRow->addWidget(m_asOf);
    asOfRow->addStretch(1);
    typesLayout->addLayout(asOfRow);

    m_diversionOptions = new QWidget(typesBox);
    auto *diversion = new QVBoxLayout(m_diversionOptions);
    diversion->setContentsMargins(0, 0, 0, 0);
    m_listedOnly = new QCheckBox(tr("Only &listed end users"), m_diversionOptions);
    m_listedOnly->setChecked(true);
    m_listedOnly->setToolTip(tr("Untick to see every end user the goods reach, listed or not."));
    auto *thresholdRow = new QHBoxLayout;
    m_thresholdOn = new QCheckBox(tr("Also &restricted by ownership ≥"), m_diversionOptions);
    m_thresholdOn->setToolTip(tr("Also count end users that listed owners hold at least this share of (the "
                                 "ownership rule)."));
    m_threshold = AnalysisControls::thresholdSpinBox(m_diversionOptions); // the Exposure dock's setting
    m_threshold->setEnabled(false);
    connect(m_thresholdOn, &QCheckBox::toggled, m_threshold, &QWidget::setEnabled);
    thresholdRow->addWidget(m_thresholdOn);
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addStretch(1);
    diversion->addWidget(m_listedOnly);
    diversion->addLayout(thresholdRow);
    typesLayout->addWidget(m_diversionOptions);

    columns->addWidget(m_fromBox, 3);
    columns->addWidget(m_toBox, 3);
    columns->addWidget(typesBox, 3);
    layout->addLayout(columns, 1);

    connect(m_run, &QPushButton::clicked, this, &PathsDock::run);
    connect(m_cancel, &QPushButton::clicked, this, &PathsDock::cancel);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        applyModeDefaults();
        updateModeWidgets();
    });
    updateModeWidgets();
    setBusy(false);
}

QWidget *PathsDock::buildResults()
{
    auto *results = new QWidget(this);
    auto *layout = new QVBoxLayout(results);
    // The message line: what was found, or why nothing was (an error, a cancel), above the list.
    m_status = new QLabel(results);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_staleBanner = new QWidget(results);
    auto *staleRow = new QHBoxLayout(m_staleBanner);
    staleRow->setContentsMargins(0, 0, 0, 0);
    auto *staleText = banner(QStringLiteral("background: #fdf6d8; color: #5c4a00; border: 1px solid #e0c860;"),
                             m_staleBanner);
    staleText->setText(tr("The case changed since this run: these paths may be out of date."));
    staleText->show();
    auto *again = new QPushButton(tr("Run &Again"), m_staleBanner);
    connect(again, &QPushButton::clicked, this, &PathsDock::run);
    staleRow->addWidget(staleText, 1);
    staleRow->addWidget(again);
    m_staleBanner->hide();
    layout->addWidget(m_staleBanner);
    m_warning = banner(QStringLiteral("background: #fdecea; color: #7a1c12; border: 1px solid #e8a89f;"), results);
    layout->addWidget(m_warning);

    auto *split = new QSplitter(Qt::Vertical, results);
    m_paths = new QListWidget(split);
    m_paths->setAccessibleName(tr("Paths found"));
    m_paths->setWordWrap(true); // a long chain wraps rather than hiding its end user
    m_paths->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paths->setResizeMode(QListView::Adjust);
    m_paths->setAlternatingRowColors(true);
    m_hopTable = new QTableWidget(0, HopColumns, split);
    m_hopTable->setAccessibleName(tr("Hops of the selected path"));
    m_hopTable->setHorizontalHeaderLabels({tr("From"), tr("Relationship"), tr("To"), tr("Direction"), tr("Evidence")});
    m_hopTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_hopTable->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_hopTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_hopTable->verticalHeader()->hide();
    m_hopTable->setWordWrap(false);
    // Names and relationships share the width (elided, whole in the tooltip); the short columns fit.
    for (const int c : {FromColumn, RelationshipColumn, ToColumn}) {
        m_hopTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    }
    for (const int c : {DirectionColumn, EvidenceColumn}) {
        m_hopTable->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_hopTable->setToolTip(tr("Double-click an entity or a relationship to show it in the Inspector."));
    split->addWidget(m_paths);
    split->addWidget(m_hopTable);
    split->setSizes({170, 170});
    layout->addWidget(split, 1);

    auto *buttons = new QHBoxLayout;
    m_showOnChart = new QPushButton(tr("Show on &Chart"), results);
    m_showOnChart->setToolTip(tr("Add the path's entities to the open chart (one step Undo takes back) and "
                                 "highlight the path"));
    m_copy = new QPushButton(tr("Cop&y Path"), results);
    buttons->addWidget(m_showOnChart);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_copyAction = new QAction(tr("&Copy Path"), results);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    results->addAction(m_copyAction);
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_paths), static_cast<QAbstractItemView *>(m_hopTable)}) {
        view->addAction(m_copyAction);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
    }
    connect(m_copyAction, &QAction::triggered, this, &PathsDock::copySelected);
    connect(m_copy, &QPushButton::clicked, this, &PathsDock::copySelected);
    connect(m_showOnChart, &QPushButton::clicked, this, &PathsDock::showSelectedOnChart);
    connect(m_paths, &QListWidget::currentRowChanged, this, &PathsDock::showHops);
    connect(m_hopTable, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
        const QTableWidgetItem *item = m_hopTable->item(row, column == DirectionColumn || column == EvidenceColumn
                                                                 ? RelationshipColumn
                                                                 : column);
        if (const qint64 rowId = item ? item->data(RowIdRole).toLongLong() : 0) {
            Q_EMIT entityActivated(rowId);
        }
    });
    showHops();
    return results;
}

void PathsDock::addTo(QMenu *analysis, QMenu *view)
{
    analysis->addSeparator();
    analysis->addAction(m_findAction);
    analysis->addAction(m_diversionAction);
    if (view) {
        view->addAction(toggleViewAction());
    }
}

void PathsDock::setCase(CaseFile *caseFile)
{
    m_search->cancel();
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    releaseOffThread(std::move(m_graph)); // a large case's projection takes a while to free
    m_outcome.reset();
    m_found.clear();
    m_paths->clear();
    m_status->setStyleSheet(QString());
    m_status->setText(m_case ? tr("Choose where to start, then Run.") : QString());
    m_warning->hide();
    m_staleBanner->hide();
    if (m_case) {
        for (auto signal : {&CaseFile::entityAdded, &CaseFile::entityChanged, &CaseFile::entityRemoved,
                            &CaseFile::evidenceChanged}) {
            connect(m_case, signal, this, &PathsDock::markStale);
        }
        connect(m_case, &CaseFile::entitiesReset, this, &PathsDock::markStale);
        connect(m_case, &CaseFile::screeningChanged, this, &PathsDock::markStale);
    }
    rebuildPickers();
    refreshTypes();
    applyModeDefaults();
    setBusy(false);
    showHops();
    m_findAction->setEnabled(m_case != nullptr);
    m_diversionAction->setEnabled(m_case != nullptr);
}

void PathsDock::rebuildPickers()
{
    delete m_from;
    delete m_to;
    m_from = m_to = nullptr;
    if (!m_case) {
        return;
    }
    m_from = new EntityPicker(*m_case, m_fromBox);
    m_to = new EntityPicker(*m_case, m_toBox);
    m_from->searchField()->setAccessibleName(tr("From"));
    m_to->searchField()->setAccessibleName(tr("To"));
    m_fromBox->layout()->addWidget(m_from);
    m_toBox->layout()->addWidget(m_to);
    m_fromLabel->setBuddy(m_from);
    connect(m_from->model(), &EntityTableModel::summaryChanged, this, [this] {
        if (m_from && m_countsShown != m_from->model()->schemaCounts()) {
            refreshTypes();
        }
    });
}

void PathsDock::refreshTypes()
{
    // A type keeps the tick the user gave it; a type that appears since takes the mode's default.
    QHash<QString, bool> ticked; // by schema; the references item under an empty name
    for (int i = 0; i < m_types->count(); ++i) {
        const QListWidgetItem *item = m_types->item(i);
        if (item->flags().testFlag(Qt::ItemIsUserCheckable)) {
            ticked.insert(item->data(SchemaRole).toString(), item->checkState() == Qt::Checked);
        }
    }
    m_types->clear();
    m_countsShown.reset();
    if (!m_case) {
        return;
    }
    const auto add = [this, &ticked](const QString &name, const QString &text) {
        auto *item = new QListWidgetItem(text, m_types);
        item->setData(SchemaRole, name);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool on = ticked.value(name, tickedByDefault(name));
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        return item;
    };
    // The counts come from the From picker's summary, read on its worker: counting a million
    // entities by schema here stalled the window each time the case opened or the dock did.
    const EntityTableModel *entities = m_from ? m_from->model() : nullptr;
    const bool counted = entities && entities->hasSummary();
    const SchemaRegistry &registry = SchemaRegistry::instance();
    const QLocale locale;
    bool supply = false;
    if (counted) {
        m_countsShown = entities->schemaCounts();
        for (const auto &[name, count] : *m_countsShown) {
            const Schema *schema = registry.schema(name);
            if (schema && schema->isEdge()) {
                supply = supply || name == QLatin1String("Supply");
                add(name, tr("%1 (%2)").arg(schema->label, locale.toString(count)));
            }
        }
    }
    if (!supply) { // the diversion search's default, offered even when the case has none yet
        const Schema *schema = registry.schema(QStringLiteral("Supply"));
        const QString label = schema ? schema->label : QStringLiteral("Supply");
        add(QStringLiteral("Supply"), counted ? tr("%1 (%2)").arg(label, locale.toString(0)) : label);
    }
    m_types->sortItems();
    if (!counted) {
        auto *counting = new QListWidgetItem(tr("Counting relationship types…"), m_types);
        counting->setFlags(Qt::NoItemFlags);
    }
    QStringList holders;
    for (const QString &name : registry.names()) {
        const Schema *schema = registry.schema(name);
        if (schema && !schema->isEdge()) {
            holders << name;
        }
    }
    QListWidgetItem *references = add(QString(), tr("References (events, contracts …)"));
    references->setData(HoldersRole, holders);
    references->setToolTip(tr("Links that an entity's own properties make: an event's participants, a contract's "
                              "authority, a company's parent …"));
}

bool PathsDock::tickedByDefault(const QString &schema) const
{
    return mode() != Mode::Diversion || schema == QLatin1String("Supply");
}

void PathsDock::applyModeDefaults()
{
    for (int i = 0; i < m_types->count(); ++i) {
        QListWidgetItem *item = m_types->item(i);
        if (item->flags().testFlag(Qt::ItemIsUserCheckable)) { // not "Counting relationship types…"
            item->setCheckState(tickedByDefault(item->data(SchemaRole).toString()) ? Qt::Checked : Qt::Unchecked);
        }
    }
}

void PathsDock::updateModeWidgets()
{
    const bool diversion = mode() == Mode::Diversion;
    m_toBox->setVisible(!diversion);
    m_diversionOptions->setVisible(diversion);
    m_undirected->setVisible(!diversion);
    m_fromLabel->setText(diversion ? tr("&Manufacturer or product") : tr("&From"));
}

PathsDock::Mode PathsDock::mode() const
{
    return m_mode->currentIndex() == 1 ? Mode::Diversion : Mode::Paths;
}

void PathsDock::setMode(Mode mode)
{
    m_mode->setCurrentIndex(mode == Mode::Diversion ? 1 : 0);
}

void PathsDock::setFrom(qint64 rowId)
{
    if (const auto row = m_case && m_from ? m_case->entities().row(rowId) : std::nullopt) {
        m_from->setSelected(*row);
    }
}

void PathsDock::setTo(qint64 rowId)
{
    if (const auto row = m_case && m_to ? m_case->entities().row(rowId) : std::nullopt) {
        m_to->setSelected(*row);
    }
}

QList<qint64> PathsDock::selectionElsewhere() const
{
    QList<qint64> rows;
    if (!m_case) {
        return rows;
    }
    QList<qint64> candidates;
    if (ChartPanel *panel = m_window->charts()->currentPanel()) {
        candidates = panel->view()->selectedRowIds();
    }
    if (candidates.isEmpty()) {
        candidates << m_window->inspectorDock()->entityRowId();
    }
    for (const qint64 row : std::as_const(candidates)) {
        const auto r = row ? m_case->entities().row(row) : std::nullopt;
        const Schema *schema = r ? SchemaRegistry::instance().schema(r->schema) : nullptr;
        if (schema && !schema->isEdge()) { // a relationship is not where a path starts
            rows << row;
        }
    }
    return rows;
}

void PathsDock::open(Mode mode)
{
    if (!m_case) {
        return;
    }
    refreshTypes();
    if (mode != this->mode()) {
        setMode(mode); // applies the mode's default types
    } else {
        applyModeDefaults();
    }
    const QList<qint64> selected = selectionElsewhere();
    if (!selected.isEmpty()) {
        setFrom(selected.first());
    }
    if (mode == Mode::Paths && selected.size() >= 2) {
        setTo(selected.at(1));
    }
    show();
    raise();
    const bool ready = m_from->selected() && (mode == Mode::Diversion || m_to->selected());
    if (ready) {
        m_run->setFocus(Qt::ShortcutFocusReason);
    } else if (!m_from->selected()) {
        m_from->setFocus(Qt::ShortcutFocusReason);
    } else {
        m_to->setFocus(Qt::ShortcutFocusReason);
    }
}

bool PathsDock::run()
{
    if (!m_case || !m_from) {
        return false;
    }
    const auto from = m_from->selected();
    const bool diversion = mode() == Mode::Diversion;
    if (!from) {
        showError(diversion ? tr("Choose the manufacturer or product where the goods start.")
                            : tr("Choose where the paths start (From)."));
        return false;
    }
    const auto to = m_to->selected();
    if (!diversion && !to) {
        showError(tr("Choose where the paths end (To)."));
        return false;
    }
    QStringList schemata;
    bool all = true;
    for (int i = 0; i < m_types->count(); ++i) {
        const QListWidgetItem *item = m_types->item(i);
        if (!item->flags().testFlag(Qt::ItemIsUserCheckable)) {
            continue; // "Counting relationship types…"
        }
        const bool on = item->checkState() == Qt::Checked;
        all = all && on;
        if (on) {
            schemata << (item->data(HoldersRole).isValid() ? item->data(HoldersRole).toStringList()
                                                           : QStringList{item->data(SchemaRole).toString()});
        }
    }
    if (schemata.isEmpty()) {
        showError(tr("Tick at least one relationship type to follow."));
        return false;
    }
    PathRequest request;
    const std::optional<QDate> asOf = AnalysisControls::asOf(m_asOfOn, m_asOf);
    if (diversion) {
        request.mode = PathRequest::Mode::Diversion;
        request.diversion.from = from->id;
        request.diversion.maxHops = m_hops->value();
        request.diversion.schemata = schemata;
        request.diversion.asOf = asOf;
        request.diversion.listedOnly = m_listedOnly->isChecked();
        if (m_thresholdOn->isChecked()) {
            request.diversion.ownershipThreshold = m_threshold->value();
        }
    } else {
        request.paths.from = from->id;
        request.paths.to = to->id;
        request.paths.maxHops = m_hops->value();
        request.paths.schemata = all ? QStringList() : schemata; // all: references of every kind too
        request.paths.undirected = m_undirected->isChecked();
        request.paths.asOf = asOf;
    }
    m_runChanges = m_changes;
    m_search->start(m_case->path(), request, m_graph);
    setBusy(true, m_graph ? tr("Searching…") : tr("Reading the case…"));
    return true;
}

void PathsDock::cancel()
{
    if (!m_search->isRunning()) {
        return;
    }
    m_search->cancel();
    setBusy(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Cancelled. The list shows the previous run, if any."));
    Q_EMIT searchEnded();
}

bool PathsDock::isRunning() const
{
    return m_search->isRunning();
}

void PathsDock::setBusy(bool busy, const QString &text)
{
    m_busy->setVisible(busy);
    // Hand the focus between Run and Cancel (one row) before disabling either: a disabled focus
    // widget passes it to the next one, and the form's scroll area would scroll to that, hiding
    // the Run row on a dock a third of a laptop screen high.
    const bool runnable = !busy && m_case;
    QPushButton *next = busy ? m_cancel : m_run;
    QPushButton *previous = busy ? m_run : m_cancel;
    next->setEnabled(busy || runnable);
    if (window()->focusWidget() == previous && next->isEnabled()) { // also while the window is inactive
        next->setFocus(Qt::OtherFocusReason);
    }
    previous->setEnabled(false);
    m_mode->setEnabled(!busy);
    if (busy) {
        m_status->setStyleSheet(QString());
        m_status->setText(text);
    }
}

void PathsDock::showError(const QString &message)
{
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #a11d1d; }"));
    m_status->setText(message);
}

QString PathsDock::statusText() const
{
    return m_status->text();
}

QString PathsDock::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

bool PathsDock::isStale() const
{
    return !m_staleBanner->isHidden();
}

void PathsDock::markStale()
{
    releaseOffThread(std::move(m_graph)); // the next run projects the case again
    ++m_changes;
    if (m_outcome) {
        m_staleBanner->show();
    }
}

void PathsDock::showOutcome(const std::shared_ptr<const PathOutcome> &outcome)
{
    setBusy(false);
    m_outcome = outcome;
    m_found = outcome->found();
    // A change while the search ran may or may not be in what it read.
    m_staleBanner->setVisible(m_changes != m_runChanges);
    m_paths->clear();
    for (const FoundPath &p : std::as_const(m_found)) {
        auto *item = new QListWidgetItem(outcome->rowText(p), m_paths);
        item->setToolTip(outcome->rowText(p));
    }
    m_status->setStyleSheet(QString());
    const QString rule = outcome->ruleText();
    m_status->setText(rule.isEmpty() ? outcome->summary() : outcome->summary() + QStringLiteral(" · ") + rule);
    const QString warning = outcome->limitWarning();
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    if (!m_found.isEmpty()) {
        m_paths->setCurrentRow(0);
    }
    showHops();
    Q_EMIT searchEnded();
}

std::optional<FoundPath> PathsDock::selectedPath() const
{
    const int row = m_paths->currentRow();
    if (row < 0 || row >= m_found.size()) {
        return std::nullopt;
    }
    return m_found.at(row);
}

void PathsDock::showHops()
{
    m_hopTable->setRowCount(0);
    const auto path = selectedPath();
    m_showOnChart->setEnabled(path.has_value());
    m_copy->setEnabled(path.has_value());
    m_copyAction->setEnabled(path.has_value());
    if (!path || !m_outcome) {
        return;
    }
    const auto cell = [](const QString &text, qint64 rowId, const QString &tip = {}) {
        auto *item = new QTableWidgetItem(text);
        if (rowId) {
            item->setData(RowIdRole, rowId);
        }
        item->setToolTip(tip.isEmpty() ? text : tip);
        return item;
    };
    m_hopTable->setRowCount(int(path->path.hops.size()));
    for (int r = 0; r < path->path.hops.size(); ++r) {
        const PathHop &h = path->path.hops.at(r);
        const qint64 rel = h.link.relationshipRowId;
        const QString relationship = PathOutcome::relationshipText(h);
        m_hopTable->setItem(r, FromColumn, cell(m_outcome->caption(h.fromRowId, h.from), h.fromRowId));
        m_hopTable->setItem(r, RelationshipColumn,
                            cell(relationship, rel, relationship + QLatin1Char('\n') + m_outcome->caption(rel, h.link.relationship)));
        m_hopTable->setItem(r, ToColumn, cell(m_outcome->caption(h.toRowId, h.to), h.toRowId));
        m_hopTable->setItem(r, DirectionColumn, cell(PathOutcome::directionText(h), 0));
        m_hopTable->setItem(r, EvidenceColumn, cell(PathOutcome::excerpts(h.link.evidence), 0));
    }
}

QString PathsDock::copyText(int row) const
{
    if (!m_outcome || row < 0 || row >= m_found.size()) {
        return {};
    }
    return m_outcome->copyText(m_found.at(row));
}

void PathsDock::copySelected()
{
    const QString text = copyText(m_paths->currentRow());
    if (!text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

void PathsDock::showSelectedOnChart()
{
    const auto path = selectedPath();
    if (!path || path->path.hops.isEmpty()) {
        return;
    }
    QList<qint64> entities{path->path.hops.first().fromRowId};
    QList<qint64> relationships;
    for (const PathHop &h : path->path.hops) {
        entities << h.toRowId;
        relationships << h.link.relationshipRowId;
    }
    Q_EMIT showOnChartRequested(entities, relationships);
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposuredock.h"
#include "analysiscontrols.h"

#include "exposurerunner.h"
#include "itemmodels/exposurefiltermodel.h"
#include "itemmodels/exposuretablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "storage/casefile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {


QString stageText(ExposureRun::Stage stage)
{
    switch (stage) {
    case ExposureRun::Stage::Reading:
        return ExposureDock::tr("Reading the case…");
    case ExposureRun::Stage::Computing:
        return ExposureDock::tr("Applying the ownership rule…");
    case ExposureRun::Stage::Naming:
        return ExposureDock::tr("Reading the names…");
    }
    return {};
}

/// Adds `term` to `terms` or takes it out, ignoring case.
void toggle(QStringList &terms, const QString &term, bool on)
{
    terms.removeIf([&](const QString &t) { return t.compare(term, Qt::CaseInsensitive) == 0; });
    if (on) {
        terms << term;
    }
}

bool containsTerm(const QStringList &terms, const QString &term)
{
    return terms.contains(term, Qt::CaseInsensitive);
}

} // namespace

ExposureDock::ExposureDock(QWidget *parent) : QDockWidget(tr("Exposure"), parent)
{
    setObjectName(QStringLiteral("ExposureDock"));
    m_runner = new ExposureRunner(this);
    m_model = new ExposureTableModel(this);
    m_proxy = new ExposureFilterModel(this);
    m_proxy->setSourceModel(m_model);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(makeSettingsRow());

    // Shown when the case changed after the run whose results are on screen.
    m_staleBanner = new QWidget(page);
    m_staleBanner->setAutoFillBackground(true);
    QPalette warn = m_staleBanner->palette();
    warn.setColor(QPalette::Window, QColor(0xfb, 0xee, 0xb0));
    warn.setColor(QPalette::WindowText, QColor(0x3d, 0x32, 0x00));
    m_staleBanner->setPalette(warn);
    auto *staleRow = new QHBoxLayout(m_staleBanner);
    staleRow->setContentsMargins(6, 2, 6, 2);
    staleRow->addWidget(new QLabel(tr("The case changed since this run: the results may be out of date."), m_staleBanner));
    auto *again = new QPushButton(tr("Run A&gain"), m_staleBanner);
    connect(again, &QPushButton::clicked, this, &ExposureDock::run);
    staleRow->addWidget(again);
    staleRow->addStretch();
    m_staleBanner->hide();
    layout->addWidget(m_staleBanner);

    layout->addWidget(makeFilterRow());

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    m_view = new QTableView(splitter);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ExposureTableModel::VerdictColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionResizeMode(ExposureTableModel::EntityColumn, QHeaderView::Stretch);
    for (int c = ExposureTableModel::TypeColumn; c < ExposureTableModel::ColumnCount; ++c) {
        m_view->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    }
    m_view->setWhatsThis(tr("Double-click an entity to open it in the Inspector."));
    m_explanation = new QTextEdit(splitter);
    m_explanation->setReadOnly(true);
    m_explanation->setAcceptRichText(false);
    m_explanation->setPlaceholderText(
        tr("Choose a threshold, a date and the lists that count, then press Run. Select an entity to read "
           "the chain of stakes behind its verdict."));
    splitter->addWidget(m_view);
    splitter->addWidget(m_explanation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);
    layout->addWidget(makeButtonRow());
    setWidget(page);

    m_showAction = new QAction(tr("Ownership &Exposure…"), this);
    m_showAction->setStatusTip(tr("Which entities the 50% rule restricts through their listed owners"));
    connect(m_showAction, &QAction::triggered, this, [this] {
        show();
        raise();
        m_runButton->setFocus(Qt::ShortcutFocusReason);
    });
    m_copyAction = new QAction(tr("Copy Explanation"), this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyAction, &QAction::triggered, this, &ExposureDock::copyExplanation);
    m_view->addAction(m_copyAction);

    m_listsTimer = new QTimer(this);
    m_listsTimer->setSingleShot(true);
    m_listsTimer->setInterval(1000);
    connect(m_listsTimer, &QTimer::timeout, this, [this] {
        if (m_case) {
            m_runner->readLists(m_case->path());
        }
    });

    connect(m_runner, &ExposureRunner::stageChanged, this,
            [this](ExposureRun::Stage stage) { m_status->setText(stageText(stage)); });
    connect(m_runner, &ExposureRunner::finished, this, &ExposureDock::applyRun);
    connect(m_runner, &ExposureRunner::failed, this, [this](const QString &message) {
        setRunning(false, tr("The run failed: %1").arg(message));
        Q_EMIT runEnded();
    });
    connect(m_runner, &ExposureRunner::listsRead, this, &ExposureDock::applyLists);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ExposureDock::updateExplanation);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ExposureDock::updateExplanation);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ExposureDock::updateExplanation);
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (const qint64 row = index.data(ItemDataRole::EntityRowIdRole).toLongLong()) {
            Q_EMIT entityActivated(row);
        }
    });
    setRunning(false);
    updateCounts();
    updateExplanation();
    updateListsButton();
}

ExposureDock::~ExposureDock() = default;

QWidget *ExposureDock::makeSettingsRow()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *label = new QLabel(tr("&Threshold:"), row);
    m_threshold = AnalysisControls::thresholdSpinBox(row);
    m_threshold->setToolTip(tr("An entity is restricted when listed or restricted owners hold at least this "
                               "share in aggregate (OFAC: 50%). Saved as a setting."));
    label->setBuddy(m_threshold);
    h->addWidget(label);
    h->addWidget(m_threshold);

    m_asOfCheck = new QCheckBox(tr("As &of"), row);
    m_asOfCheck->setToolTip(tr("Count only the ownerships valid on this day (start and end dates)"));
    m_asOf = AnalysisControls::asOfEdit(m_asOfCheck, row);
    h->addWidget(m_asOfCheck);
    h->addWidget(m_asOf);

    m_listsButton = new QToolButton(row);
    m_listsButton->setPopupMode(QToolButton::InstantPopup);
    m_listsButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_listsMenu = new QMenu(m_listsButton);
    m_listsButton->setMenu(m_listsMenu);
    m_listsButton->setToolTip(tr("Which Sanctions make an entity listed: several authorities (or programs) count "
                                 "if any matches; with both chosen, a Sanction needs one of each."));
    h->addWidget(m_listsButton);

    m_runButton = new QPushButton(tr("&Run"), row);
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &ExposureDock::run);
    m_cancelButton = new QPushButton(tr("Cancel"), row);
    connect(m_cancelButton, &QPushButton::clicked, this, &ExposureDock::cancel);
    h->addWidget(m_runButton);
    h->addWidget(m_cancelButton);
    m_busy = new QProgressBar(row);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    h->addWidget(m_busy);
    m_status = new QLabel(row);
    h->addWidget(m_status, 1);
    return row;
}

QWidget *ExposureDock::makeFilterRow()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_counts = new QLabel(row);
    m_counts->setTextFormat(Qt::PlainText);
    h->addWidget(m_counts, 1);
    auto *label = new QLabel(tr("&Show:"), row);
    m_verdictFilter = new QComboBox(row);
    m_verdictFilter->addItem(tr("All verdicts"), -1);
    for (const ExposureVerdict v : {ExposureVerdict::Listed, ExposureVerdict::Restricted, ExposureVerdict::Undetermined,
                                    ExposureVerdict::NotRestricted}) {
        m_verdictFilter->addItem(ExposureTableModel::verdictText(v), int(v));
    }
    label->setBuddy(m_verdictFilter);
    connect(m_verdictFilter, &QComboBox::currentIndexChanged, this, [this] {
        const int v = m_verdictFilter->currentData().toInt();
        m_proxy->setVerdict(v < 0 ? std::nullopt : std::optional(ExposureVerdict(v)));
    });
    m_textFilter = new QLineEdit(row);
    m_textFilter->setPlaceholderText(tr("Filter by name or id"));
    m_textFilter->setClearButtonEnabled(true);
    m_textFilter->setMaximumWidth(260);
    connect(m_textFilter, &QLineEdit::textChanged, m_proxy, &ExposureFilterModel::setText);
    h->addWidget(label);
    h->addWidget(m_verdictFilter);
    h->addWidget(m_textFilter);
    return row;
}

QWidget *ExposureDock::makeButtonRow()
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    m_chartButton = new QPushButton(tr("Show on &Chart"), row);
    m_chartButton->setToolTip(tr("Put the entity, the owners on its chain and their Ownerships on the open chart"));
    connect(m_chartButton, &QPushButton::clicked, this, &ExposureDock::requestShowOnChart);
    m_copyButton = new QPushButton(tr("Co&py Explanation"), row);
    connect(m_copyButton, &QPushButton::clicked, this, &ExposureDock::copyExplanation);
    m_exportButton = new QPushButton(tr("E&xport CSV…"), row);
    m_exportButton->setToolTip(tr("Save the rows shown (filtered, in this order) as a CSV file"));
    connect(m_exportButton, &QPushButton::clicked, this, &ExposureDock::exportCsvDialog);
    h->addWidget(m_chartButton);
    h->addWidget(m_copyButton);
    h->addStretch();
    h->addWidget(m_exportButton);
    return row;
}

void ExposureDock::setCase(CaseFile *caseFile)
{
    if (caseFile == m_case) {
        return;
    }
    m_runner->cancel();
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_model->setRun(nullptr);
    m_stale = false;
    m_changedDuringRun = false;
    m_staleBanner->hide();
    m_lists = {};
    setRunning(false);
    updateCounts();
    updateListsButton();
    if (!m_case) {
        return;
    }
    for (auto signal : {&CaseFile::entityAdded, &CaseFile::entityChanged, &CaseFile::entityRemoved,
                        &CaseFile::evidenceChanged}) {
        connect(m_case, signal, this, &ExposureDock::markChanged);
    }
    for (auto signal : {&CaseFile::entitiesReset, &CaseFile::screeningChanged}) {
        connect(m_case, signal, this, &ExposureDock::markChanged);
    }
    m_runner->readLists(m_case->path());
}

void ExposureDock::markChanged()
{
    if (m_runner->isRunning()) {
        m_changedDuringRun = true;
    } else if (m_model->run()) {
        m_stale = true;
        m_staleBanner->show();
    }
    m_listsTimer->start(); // a Sanction may have come or gone
}

ExposureOptions ExposureDock::options() const
{
    ExposureOptions options;
    options.threshold = m_threshold->value();
    options.lists = m_filter;
    options.asOf = AnalysisControls::asOf(m_asOfCheck, m_asOf);
    return options;
}

void ExposureDock::run()
{
    if (!m_case) {
        return;
    }
    m_runOptions = options();
    m_changedDuringRun = false;
    setRunning(true, stageText(ExposureRun::Stage::Reading));
    m_runner->start(m_case->path(), m_runOptions);
}

void ExposureDock::cancel()
{
    if (!m_runner->isRunning()) {
        return;
    }
    m_runner->cancel();
    setRunning(false, tr("Cancelled; the results shown are from the previous run."));
    if (!m_model->run()) {
        m_status->setText(tr("Cancelled."));
    }
    Q_EMIT runEnded();
}

bool ExposureDock::isRunning() const
{
    return m_runner->isRunning();
}

void ExposureDock::setRunning(bool running, const QString &status)
{
    m_runButton->setEnabled(!running && m_case);
    m_cancelButton->setEnabled(running);
    m_busy->setVisible(running);
    m_status->setText(status);
    if (running) {
        m_listsTimer->stop();
    }
}

void ExposureDock::applyRun(const std::shared_ptr<const ExposureRun> &run)
{
    const QString current = m_view->currentIndex().data(ItemDataRole::EntityIdRole).toString();
    m_model->setRun(run);
    m_stale = m_changedDuringRun;
    m_staleBanner->setVisible(m_stale);
    applyLists(run->lists);
    setRunning(false, tr("Run at %1 over %n entities.", nullptr, int(run->nodeCount))
                          .arg(QLocale().toString(run->finishedAt.toLocalTime().time(), QLocale::ShortFormat)));
    updateCounts();
    if (current.isEmpty() || !selectEntity(current)) {
        if (m_proxy->rowCount() > 0) {
            m_view->setCurrentIndex(m_proxy->index(0, 0));
        }
    }
    updateExplanation();
    Q_EMIT runEnded();
}

void ExposureDock::applyLists(const SanctionLists &lists)
{
    m_lists = lists;
    updateListsButton();
}

SanctionFilter ExposureDock::sanctionFilter() const
{
    return m_filter;
}

void ExposureDock::setSanctionFilter(const SanctionFilter &filter)
{
    m_filter = filter;
    updateListsButton();
}

void ExposureDock::updateListsButton()
{
    const QStringList chosen = m_filter.authorities + m_filter.programs;
    m_listsButton->setText(chosen.isEmpty() ? tr("Lists: all Sanctions")
                                            : tr("Lists: %1").arg(chosen.join(QLatin1String(", "))));
    m_listsMenu->clear();
    QAction *all = m_listsMenu->addAction(tr("Every Sanction in the case"));
    all->setCheckable(true);
    all->setChecked(m_filter.isEmpty());
    connect(all, &QAction::triggered, this, [this] { setSanctionFilter({}); });
    const auto section = [this](const QString &title, const QStringList &offered, QStringList SanctionFilter::*terms) {
        QStringList shown = offered;
        for (const QString &t : m_filter.*terms) {
            if (!containsTerm(shown, t)) {
                shown << t; // chosen earlier, not in this case: still shown so that it can be taken off
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        m_listsMenu->addSection(title);
        for (const QString &term : shown) {
            QAction *a = m_listsMenu->addAction(term);
            a->setCheckable(true);
            a->setChecked(containsTerm(m_filter.*terms, term));
            connect(a, &QAction::toggled, this, [this, term, terms](bool on) {
                SanctionFilter filter = m_filter;
                toggle(filter.*terms, term, on);
                // The menu is rebuilt after it closes: the action must outlive this call.
                QTimer::singleShot(0, this, [this, filter] { setSanctionFilter(filter); });
            });
        }
    };
    section(tr("Authorities"), m_lists.authorities, &SanctionFilter::authorities);
    section(tr("Programs"), m_lists.programs, &SanctionFilter::programs);
    if (m_lists.isEmpty() && m_filter.isEmpty()) {
        m_listsMenu->addAction(tr("No Sanction in the case names an authority or program"))->setEnabled(false);
    }
}

void ExposureDock::updateCounts()
{
    const auto run = m_model->run();
    if (!run) {
        m_counts->setText(m_case ? tr("Not run yet.") : tr("No case is open."));
        return;
    }
    QStringList parts;
    for (const ExposureVerdict v : {ExposureVerdict::Listed, ExposureVerdict::Restricted, ExposureVerdict::Undetermined,
                                    ExposureVerdict::NotRestricted}) {
        parts << tr("%1: %2").arg(ExposureTableModel::verdictText(v)).arg(m_model->count(v));
    }
    const ExposureOptions &o = run->report.options;
    const QStringList lists = o.lists.authorities + o.lists.programs;
    const QString settings =
        tr("threshold %1%, %2, %3")
            .arg(QLocale().toString(o.threshold, 'g', 6),
                 o.asOf ? tr("as of %1").arg(o.asOf->toString(Qt::ISODate)) : tr("any date"),
                 lists.isEmpty() ? tr("all Sanctions") : tr("lists %1").arg(lists.join(QLatin1String(", "))));
    m_counts->setText(parts.join(QLatin1String("   ")) + QLatin1String("   (") + settings + QLatin1Char(')'));
}

int ExposureDock::currentSourceRow() const
{
    const QModelIndex index = m_proxy->mapToSource(m_view->currentIndex());
    return index.isValid() ? index.row() : -1;
}

void ExposureDock::updateExplanation()
{
    const int row = currentSourceRow();
    m_explanationLines = m_model->explanation(row);
    // One paragraph per line, indented by its depth, so that a wrapped line keeps its indentation;
    // the first line (the verdict) in bold.
    m_explanation->clear();
    QTextCursor cursor(m_explanation->document());
    const qreal step = m_explanation->fontMetrics().averageCharWidth() * 1.5;
    for (qsizetype i = 0; i < m_explanationLines.size(); ++i) {
        const QString &line = m_explanationLines.at(i);
        qsizetype spaces = 0;
        while (spaces < line.size() && line.at(spaces) == QLatin1Char(' ')) {
            ++spaces;
        }
        QTextBlockFormat block;
        block.setLeftMargin(spaces * step);
        block.setBottomMargin(3);
        QTextCharFormat text;
        text.setFontWeight(i == 0 ? QFont::Bold : QFont::Normal);
        if (i == 0) {
            cursor.setBlockFormat(block);
        } else {
            cursor.insertBlock(block);
        }
        cursor.insertText(line.mid(spaces), text);
    }
    m_chartButton->setEnabled(row >= 0);
    m_copyButton->setEnabled(row >= 0);
    m_copyAction->setEnabled(row >= 0);
    m_exportButton->setEnabled(m_proxy->rowCount() > 0);
}

QString ExposureDock::explanation() const
{
    return m_explanationLines.join(QLatin1Char('\n'));
}

void ExposureDock::copyExplanation()
{
    if (const QString text = explanation(); !text.isEmpty()) {
        QApplication::clipboard()->setText(text);
    }
}

bool ExposureDock::selectEntity(const QString &id)
{
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        const QModelIndex index = m_proxy->index(r, 0);
        if (index.data(ItemDataRole::EntityIdRole).toString() == id) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void ExposureDock::requestShowOnChart()
{
    const auto rows = m_model->chainRows(currentSourceRow());
    if (!rows.entities.isEmpty()) {
        Q_EMIT showOnChartRequested(rows.entities, rows.relationships);
    }
}

Status ExposureDock::exportCsv(const QString &path) const
{
    QList<int> rows;
    for (int r = 0; r < m_proxy->rowCount(); ++r) {
        rows << m_proxy->mapToSource(m_proxy->index(r, 0)).row();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_model->csv(rows)) < 0 || !file.commit()) {
        return Error{tr("cannot write the file: %1").arg(file.errorString()), path};
    }
    return {};
}

void ExposureDock::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Exposure Table"), tr("exposure.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (auto st = exportCsv(path); !st) {
        QMessageBox::warning(this, tr("Export failed"), st.error().toString());
    } else {
        m_status->setText(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    }
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screeningdialog.h"
#include "screenroom.h"
#include "caseworker.h"

#include "commands/caseeditor.h"
#include "commands/decidematchcommand.h"
#include "storage/casefile.h"
#include "storage/referenceliststore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const char *const kThresholdKey = "screening/threshold";
constexpr int ScoreRole = Qt::UserRole + 1;
} // namespace

double ScreeningDialog::savedThreshold()
{
    return QSettings().value(QLatin1String(kThresholdKey), ScreeningSettings().threshold).toDouble();
}

ScreeningDialog::ScreeningDialog(CaseEditor &editor, const QList<qint64> &selectedRowIds, QWidget *parent)
    : QDialog(parent), m_editor(editor), m_selectedRowIds(selectedRowIds)
{
    setWindowTitle(tr("Screen Against a Reference List"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_list = new QComboBox(this);
    m_list->setPlaceholderText(tr("no reference list loaded"));
    // Lists are loaded apart from the case's entities: File → Import… of a sanctions list makes its
    // parties entities of the case and is no list to screen against, so the dialog offers to load one.
    m_loadList = new QPushButton(tr("Load &List…"), this);
    m_loadList->setToolTip(tr("Load a sanctions or entity list file to screen against (Analysis → Reference Lists…)"));
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    listRow->addWidget(m_loadList);
    auto *listLabel = new QLabel(tr("L&ist:"), this);
    listLabel->setBuddy(m_list);
    form->addRow(listLabel, listRow);
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setRange(0.30, 1.00);
    m_threshold->setSingleStep(0.01);
    m_threshold->setDecimals(2);
    m_threshold->setValue(savedThreshold());
    m_threshold->setToolTip(tr("A candidate needs at least this score to be shown (saved as a setting)."));
    m_threshold->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // "0.72", not a 1000 px field
    form->addRow(tr("&Threshold:"), m_threshold);
    m_all = new QRadioButton(tr("All &parties in the case"), this);
    m_selected = new QRadioButton(tr("S&elected entities (%n)", nullptr, int(selectedRowIds.size())), this);
    m_selected->setEnabled(!selectedRowIds.isEmpty());
    // All by default: the Entities dock always has a current row, so a selection says little.
    m_all->setChecked(true);
    auto *scope = new QHBoxLayout;
    scope->addWidget(m_all);
    scope->addWidget(m_selected);
    scope->addStretch();
    form->addRow(tr("Screen:"), scope);
    layout->addLayout(form);

    auto *run = new QHBoxLayout;
    m_screen = new QPushButton(tr("&Screen"), this);
    m_screen->setDefault(true);
    m_cancel = new QPushButton(tr("Ca&ncel Screening"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    run->addWidget(m_screen);
    run->addWidget(m_cancel);
    run->addWidget(m_progress, 1);
    run->addWidget(m_status, 2);
    layout->addLayout(run);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({tr("Case entity"), tr("Listed entry"), tr("Score"), tr("Decision"),
                                        tr("Explanation")});
    m_model->setSortRole(ScoreRole);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Candidate matches"));
    m_view->setSortingEnabled(true);
    m_view->setToolTip(tr("Enter or double-click shows the case entity in the Inspector"));
    m_details = new QTextBrowser(this);
    m_details->setAccessibleName(tr("Explanation of the current candidate"));
    m_details->setPlaceholderText(tr("Screen, then select a candidate to see why it matches and to accept or "
                                     "reject it."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_view);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_accept = buttons->addButton(tr("&Accept Match"), QDialogButtonBox::ActionRole);
    m_accept->setToolTip(tr("The case entity is the listed party: its Sanction counts in charts and exposure."));
    m_reject = buttons->addButton(tr("&Reject Match"), QDialogButtonBox::ActionRole);
    m_undo = buttons->addButton(tr("&Undo Decision"), QDialogButtonBox::ActionRole);
    m_undo->setToolTip(tr("Takes back the latest accept or reject (only while it is the case's latest edit)"));
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(1100, 640));

    connect(m_screen, &QPushButton::clicked, this, &ScreeningDialog::startScreening);
    connect(m_loadList, &QPushButton::clicked, this, &ScreeningDialog::loadListRequested);
    connect(m_view, &QTableView::doubleClicked, this, &ScreeningDialog::activateCurrent);
    m_view->installEventFilter(this);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelled) {
            m_cancelled->store(true);
        }
    });
    connect(m_accept, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_undo, &QPushButton::clicked, m_editor.undoStack(), &QUndoStack::undo);
    // The case's undo stack is shared with the main window: with anything else on top, Undo
    // Decision would silently take back an unrelated edit.
    const auto updateUndo = [this] {
        const QUndoStack *stack = m_editor.undoStack();
        m_undo->setEnabled(stack->index() > 0 &&
                           dynamic_cast<const DecideMatchCommand *>(stack->command(stack->index() - 1)));
    };
    connect(m_editor.undoStack(), &QUndoStack::indexChanged, this, updateUndo);
    updateUndo();
    connect(buttons, &QDialogButtonBox::rejected, this, &ScreeningDialog::reject);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ScreeningDialog::updateDetails);
    connect(&m_editor.caseFile(), &CaseFile::screeningChanged, this, [this] {
        // A list loaded in Reference Lists… meanwhile shows up here.
        if (!m_thread && m_list->count() != m_editor.caseFile().referenceLists().lists().size()) {
            reloadLists();
        }
        refreshDecisions();
    });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this,
            [](double value) { QSettings().setValue(QLatin1String(kThresholdKey), value); });
    reloadLists();
    updateDetails();
}

ScreeningDialog::~ScreeningDialog()
{
    stopCaseWorker(m_thread, m_cancelled);
}

void ScreeningDialog::reject()
{
    stopCaseWorker(m_thread, m_cancelled);
    QDialog::reject();
}

void ScreeningDialog::reloadLists()
{
    m_list->clear();
    for (const auto &v : m_editor.caseFile().referenceLists().lists()) {
        m_list->addItem(tr("%1 — %n entries, loaded %2", nullptr, int(v.entries))
                            .arg(v.listName, QLocale().toString(v.loadedAt.toLocalTime(), QLocale::ShortFormat)),
                        v.id);
    }
    const bool any = m_list->count() > 0;
    if (any && m_list->currentIndex() < 0) {
        m_list->setCurrentIndex(0); // with a placeholder text a combo box chooses nothing by itself
    }
    m_screen->setEnabled(any && !m_editor.caseFile().isReadOnly());
    m_loadList->setEnabled(!m_editor.caseFile().isReadOnly());
    if (!any) {
        m_status->setText(tr("No reference list is loaded. Load List… (or Analysis → Reference Lists…) adds one to "
                             "screen against; a list brought in through File → Import… became entities of the case "
                             "and is not used for screening."));
    } else if (m_status->text().startsWith(tr("No reference list is loaded."))) {
        m_status->clear();
    }
}

bool ScreeningDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter on a candidate shows its case entity; without this the dialog took the key and
    // pressed its default button, Screen, starting the screening again.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && m_view->currentIndex().isValid()) {
            activateCurrent();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ScreeningDialog::activateCurrent()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int i = m_model->item(current.row(), EntityColumn)->data(Qt::UserRole).toInt();
    Q_EMIT entityActivated(m_matches.at(i).entityRowId);
}

void ScreeningDialog::setRunning(bool running)
{
    m_screen->setEnabled(!running && m_list->count() > 0);
    m_cancel->setVisible(running);
    m_progress->setVisible(running);
    m_list->setEnabled(!running);
    m_loadList->setEnabled(!running && !m_editor.caseFile().isReadOnly());
    m_threshold->setEnabled(!running);
    if (running) {
        m_cancel->setFocus();
    }
}

void ScreeningDialog::startScreening()
{
    if (m_thread || m_list->currentIndex() < 0) {
        return;
    }
    ScreeningRequest request;
    request.versionId = m_list->currentData().toLongLong();
    request.settings.threshold = m_threshold->value();
    if (m_selected->isChecked()) {
        request.entityRowIds = m_selectedRowIds;
    }
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancelled = cancelled;
    m_progress->setRange(0, 0);
    m_status->setText(tr("Screening…"));
    setRunning(true);
    m_thread = startCaseWorker<ScreeningOutcome>(
        this, m_editor.caseFile(),
        [this, request, cancelled](CaseFile &worker) {
            return CaseScreening::run(worker, request, [this, cancelled](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, done, total] {
                        m_progress->setRange(0, int(total));
                        m_progress->setValue(int(done));
                    },
                    Qt::QueuedConnection);
                return !cancelled->load();
            });
        },
        [this](const std::shared_ptr<Result<ScreeningOutcome>> &outcome) { finishScreening(outcome); });
}

void ScreeningDialog::finishScreening(const std::shared_ptr<Result<ScreeningOutcome>> &outcome)
{
    if (m_thread) {
        m_thread->wait();
        m_thread = nullptr;
    }
    const bool cancelled = m_cancelled && m_cancelled->load();
    setRunning(false);
    m_model->removeRows(0, m_model->rowCount());
    m_matches.clear();
    if (!outcome->ok()) {
        m_status->setText(cancelled ? tr("Screening cancelled; nothing was recorded.")
                                    : tr("Screening failed: %1").arg(outcome->error().toString()));
        updateDetails();
        Q_EMIT screeningFinished();
        return;
    }
    const ScreeningOutcome &o = outcome->value();
    m_matches = o.matches;
    m_versionId = o.version.id;
    m_runId = o.run.id;
    for (qsizetype i = 0; i < m_matches.size(); ++i) {
        const ScreeningMatch &m = m_matches.at(i);
        QList<QStandardItem *> row;
        auto *entity = new QStandardItem(m.entityCaption);
        entity->setToolTip(tr("%1 (%2)").arg(m.entityId, m.entitySchema));
        entity->setData(int(i), Qt::UserRole);
        auto *entry = new QStandardItem(m.entryCaption);
        entry->setToolTip(tr("%1 (%2)\n%3: %4").arg(m.entryId, m.entrySchema, m.authority, m.program));
        auto *score = new QStandardItem(QString::number(m.candidate.score, 'f', 2));
        score->setData(m.candidate.score, ScoreRole);
        score->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *decision = new QStandardItem(decisionText(m));
        auto *explanation = new QStandardItem(m.candidate.explanation());
        // What a header click sorts by (the model's sort role): names and decisions by text.
        entity->setData(m.entityCaption.toCaseFolded(), ScoreRole);
        entry->setData(m.entryCaption.toCaseFolded(), ScoreRole);
        decision->setData(decision->text(), ScoreRole);
        row << entity << entry << score << decision << explanation;
        m_model->appendRow(row);
    }
    // The strongest candidates first (they came by case entity); a header click sorts otherwise.
    m_view->sortByColumn(ScoreColumn, Qt::DescendingOrder);
    m_view->resizeColumnsToContents();
    m_view->setColumnWidth(EntityColumn, std::min(m_view->columnWidth(EntityColumn), 260));
    m_view->setColumnWidth(EntryColumn, std::min(m_view->columnWidth(EntryColumn), 260));
    // Room for what a decision will say ("accepted by …"), not only for "open".
    m_view->setColumnWidth(DecisionColumn,
                           std::max(m_view->columnWidth(DecisionColumn),
                                    m_view->fontMetrics().horizontalAdvance(tr("rejected by %1").arg(m_editor.caseFile().actor())) + 16));
    m_view->setColumnWidth(ExplanationColumn, 400);
    m_status->setText(tr("%1 against %2 (version %3, SHA-256 %4…): %n candidate(s).", nullptr, int(m_matches.size()))
                          .arg(tr("%Ln entity(s) screened", nullptr, int(o.run.screened)))
                          .arg(o.version.listName)
                          .arg(o.version.id)
                          .arg(o.version.sha256.left(12)));
    if (!m_matches.isEmpty()) {
        m_view->selectRow(0);
        m_view->setFocus();
    }
    updateDetails();
    Q_EMIT screeningFinished();
}

QString ScreeningDialog::decisionText(const ScreeningMatch &m) const
{
    if (!m.decision) {
        return tr("open");
    }
    return m.decision->decision == ScreeningDecision::Kind::Accepted
               ? tr("accepted by %1").arg(m.decision->actor)
               : tr("rejected by %1").arg(m.decision->actor);
}

void ScreeningDialog::refreshDecisions()
{
    QHash<QPair<qint64, QString>, ScreeningDecision> decided;
    for (const auto &d : m_editor.caseFile().referenceLists().decisions()) {
        decided.insert({d.entityRowId, d.entryId}, d);
    }
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const int i = m_model->item(r, EntityColumn)->data(Qt::UserRole).toInt();
        ScreeningMatch &m = m_matches[i];
        const auto it = decided.constFind({m.entityRowId, m.entryId});
        m.decision = it == decided.constEnd() ? std::nullopt : std::optional(*it);
        m_model->item(r, DecisionColumn)->setText(decisionText(m));
        m_model->item(r, DecisionColumn)->setData(decisionText(m), ScoreRole);
    }
    updateDetails();
}

void ScreeningDialog::updateDetails()
{
    const QModelIndex current = m_view->currentIndex();
    const bool has = current.isValid() && !m_editor.caseFile().isReadOnly();
    m_accept->setEnabled(has);
    m_reject->setEnabled(has);
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const int i = m_model->item(current.row(), EntityColumn)->data(Qt::UserRole).toInt();
    const ScreeningMatch &m = m_matches.at(i);
    m_details->setPlainText(tr("%1 [%2]  ~  %3 [%4]\n%5\nScore %6 — %7\n\n%8")
                                .arg(m.entityCaption, m.entityId, m.entryCaption, m.entryId, m.listedBy())
                                .arg(m.candidate.score, 0, 'f', 2)
                                .arg(decisionText(m), m.candidate.explanation()));
}

void ScreeningDialog::decide(bool accept)
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const int i = m_model->item(current.row(), EntityColumn)->data(Qt::UserRole).toInt();
    const ScreeningMatch &m = m_matches.at(i);
    ScreeningDecision d;
    d.entityRowId = m.entityRowId;
    d.versionId = m_versionId;
    d.runId = m_runId;
    d.entryId = m.entryId;
    d.decision = accept ? ScreeningDecision::Kind::Accepted : ScreeningDecision::Kind::Rejected;
    d.score = m.candidate.score;
    d.explanation = m.candidate.explanation();
    const QString text = accept ? tr("Accept Match %1 ~ %2").arg(m.entityCaption, m.entryCaption)
                                : tr("Reject Match %1 ~ %2").arg(m.entityCaption, m.entryCaption);
    if (auto st = m_editor.push(std::make_unique<DecideMatchCommand>(m_editor, d, text)); !st) {
        QMessageBox::warning(this, windowTitle(), st.error().toString());
        return;
    }
    // Move on to the next open candidate, so a reviewer can work down the list by keyboard.
    if (current.row() + 1 < m_model->rowCount()) {
        m_view->selectRow(current.row() + 1);
    }
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leadsdock.h"
#include "listtable.h"

#include "commands/annotationeditor.h"
#include "commands/caseeditor.h"
#include "itemmodels/leadsmodel.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/leadstore.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

// ---------------------------------------------------------------- LeadDialog

LeadDialog::LeadDialog(CaseFile &caseFile, const Lead &lead, const Target &current, QWidget *parent)
    : QDialog(parent), m_lead(lead) {
    setWindowTitle(lead.id ? tr("Edit Lead") : tr("New Lead"));
    auto *form = new QFormLayout(this);
    m_title = new QLineEdit(lead.title, this);
    m_title->setPlaceholderText(tr("An open question, e.g. Who owns the Urumqi subsidiary?"));
    m_title->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 32);
    m_status = new QComboBox(this);
    for (auto s : {Lead::Status::Open, Lead::Status::InProgress, Lead::Status::Done, Lead::Status::Dropped}) {
        m_status->addItem(Lead::statusLabel(s), int(s));
    }
    m_status->setCurrentIndex(m_status->findData(int(lead.status)));
    m_assignee = new QLineEdit(lead.assignee, this);
    m_assignee->setMaxLength(8);
    m_assignee->setPlaceholderText(tr("initials"));
    m_target = new QComboBox(this);
    const auto addTarget = [&](const Target &t) {
        if (t.isValid() && m_target->findData(QVariantList{t.kind, t.id}) < 0) {
            m_target->addItem(CaseSearch::resolve(caseFile, t).label, QVariantList{t.kind, t.id});
        }
    };
    m_target->addItem(tr("(nothing in particular)"), QVariantList{QString(), 0});
    addTarget(Target{Target::caseKind(), 0});
    addTarget(current);
    addTarget(lead.target);
    m_target->setCurrentIndex(qMax(0, m_target->findData(QVariantList{lead.target.kind, lead.target.id})));
    m_body = new QPlainTextEdit(lead.body, this);
    m_body->setPlaceholderText(tr("What to check, where, whom to ask (Markdown)"));
    m_body->setTabChangesFocus(true);
    form->addRow(tr("&Lead:"), m_title);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Who:"), m_assignee);
    form->addRow(tr("&About:"), m_target);
    form->addRow(tr("&Details:"), m_body);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto check = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_title->text().trimmed().isEmpty());
    };
    connect(m_title, &QLineEdit::textChanged, this, check);
    check();
}

LeadDialog::~LeadDialog() = default;

Lead LeadDialog::lead() const {
    Lead l = m_lead;
    l.title = m_title->text().trimmed();
    l.status = Lead::Status(m_status->currentData().toInt());
    l.assignee = m_assignee->text().trimmed().toUpper();
    const QVariantList t = m_target->currentData().toList();
    l.target = Target{t.value(0).toString(), t.value(1).toLongLong()};
    l.body = m_body->toPlainText();
    return l;
}

// ---------------------------------------------------------------- LeadsDock

LeadsDock::LeadsDock(QWidget *parent) : QDockWidget(tr("Leads"), parent) {
    setObjectName(QStringLiteral("LeadsDock"));
    toggleViewAction()->setText(tr("&Leads"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto *top = new QHBoxLayout;
    auto *bar = new QToolBar(body);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add = bar->addAction(SchemaIcons::named(QStringLiteral("add-value")), tr("&Add Lead…"));
    m_add->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L));
    m_add->setToolTip(tr("Write down an open question (Ctrl+Alt+L)"));
    m_edit = bar->addAction(SchemaIcons::named(QStringLiteral("edit")), tr("&Edit…"));
    m_edit->setShortcut(QKeySequence(Qt::Key_F2));
    m_edit->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_edit->setToolTip(tr("Edit the selected lead (%1)").arg(m_edit->shortcut().toString(QKeySequence::NativeText)));
    m_close = bar->addAction(SchemaIcons::named(QStringLiteral("done")), tr("&Done"));
    m_close->setToolTip(tr("Mark the selected lead done"));
    m_delete = bar->addAction(SchemaIcons::named(QStringLiteral("remove")), tr("De&lete"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_delete->setToolTip(tr("Delete the selected lead (%1)").arg(m_delete->shortcut().toString(QKeySequence::NativeText)));
    // Edit, Done and Delete as icons (their names in the tool tips): low priority actions show no
    // text beside their icons, so that the bar and the filter fit the dock of a 1200 px window.
    for (QAction *action : {m_edit, m_close, m_delete}) {
        action->setPriority(QAction::LowPriority);
    }
    m_filter = new QComboBox(body);
    m_filter->addItem(tr("Open leads"), true);
    m_filter->addItem(tr("All leads"), false);
    m_filter->setAccessibleName(tr("Which leads"));
    top->addWidget(bar, 1);
    top->addWidget(m_filter);
    layout->addLayout(top);

    m_view = makeListTable(body, tr("Leads"));
    // The header and a row at the least: on a short screen with a dock open below, the entity
    // list above gets the height.
    // (The header has no model yet to size itself by: its text line and padding.)
    m_view->setMinimumHeight(m_view->horizontalHeader()->fontMetrics().height() + 12 +
                             m_view->verticalHeader()->defaultSectionSize() + 2 * m_view->frameWidth());
    m_view->addAction(m_edit);
    m_view->addAction(m_delete);
    layout->addWidget(m_view, 1);
    m_count = new QLabel(body);
    layout->addWidget(m_count);
    setWidget(body);
    setFocusProxy(m_view);

    connect(m_add, &QAction::triggered, this, &LeadsDock::add);
    connect(m_edit, &QAction::triggered, this, &LeadsDock::edit);
    connect(m_close, &QAction::triggered, this, &LeadsDock::closeLead);
    connect(m_delete, &QAction::triggered, this, &LeadsDock::remove);
    connect(m_view, &QTableView::activated, this, &LeadsDock::activate);
    connect(m_filter, &QComboBox::activated, this, [this] {
        if (m_model) {
            m_model->setOpenOnly(m_filter->currentData().toBool());
        }
    });
    setCase(nullptr, nullptr);
}

LeadsDock::~LeadsDock() = default;

void LeadsDock::setCase(CaseFile *caseFile, CaseEditor *editor) {
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_case = caseFile;
    m_editor = editor;
    m_current = {};
    if (caseFile) {
        m_model = new LeadsModel(*caseFile, this);
        m_model->setOpenOnly(m_filter->currentData().toBool());
        m_view->setModel(m_model);
        auto *header = m_view->horizontalHeader();
        header->setSectionResizeMode(LeadsModel::TitleColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(LeadsModel::StatusColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(LeadsModel::AssigneeColumn, QHeaderView::ResizeToContents);
        header->setSectionResizeMode(LeadsModel::TargetColumn, QHeaderView::Interactive);
        header->resizeSection(LeadsModel::TargetColumn, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LeadsDock::updateActions);
        connect(m_model, &QAbstractItemModel::modelReset, this, &LeadsDock::updateCount);
        connect(m_model, &QAbstractItemModel::modelReset, this, &LeadsDock::updateActions);
    }
    m_filter->setEnabled(caseFile);
    updateCount();
    updateActions();
}

qint64 LeadsDock::currentLeadId() const {
    const QModelIndex i = m_view->currentIndex();
    return i.isValid() ? i.data(LeadsModel::LeadIdRole).toLongLong() : 0;
}

void LeadsDock::selectLead(qint64 leadId) {
    if (!m_model) {
        return;
    }
    int row = m_model->rowOfLead(leadId);
    if (row < 0 && m_model->openOnly()) {
        m_filter->setCurrentIndex(m_filter->findData(false));
        m_model->setOpenOnly(false);
        row = m_model->rowOfLead(leadId);
    }
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, LeadsModel::TitleColumn));
        m_view->scrollTo(m_view->currentIndex());
    }
    show();
    raise();
}

qint64 LeadsDock::addLead(const Lead &lead) {
    if (!m_editor) {
        return 0;
    }
    const auto id = AnnotationEditor(*m_editor).addLead(lead);
    if (!id) {
        m_count->setText(id.error().toString());
        return 0;
    }
    selectLead(*id);
    return *id;
}

void LeadsDock::add() {
    if (!m_case || !m_editor) {
        return;
    }
    LeadDialog dialog(*m_case, Lead{}, m_current, this);
    if (dialog.exec() == QDialog::Accepted) {
        addLead(dialog.lead());
    }
}

void LeadsDock::edit() {
    const auto lead = m_case && m_editor ? m_case->leads().lead(currentLeadId()) : std::nullopt;
    if (!lead) {
        return;
    }
    LeadDialog dialog(*m_case, *lead, m_current, this);
    if (dialog.exec() == QDialog::Accepted) {
        if (auto st = AnnotationEditor(*m_editor).editLead(dialog.lead()); !st) {
            m_count->setText(st.error().toString());
        }
        selectLead(lead->id);
    }
}

void LeadsDock::closeLead() {
    const qint64 id = currentLeadId();
    if (!m_editor || !id) {
        return;
    }
    if (auto st = AnnotationEditor(*m_editor).setLeadStatus(id, Lead::Status::Done); !st) {
        m_count->setText(st.error().toString());
    }
}

void LeadsDock::remove() {
    const qint64 id = currentLeadId();
    if (!m_editor || !id) {
        return;
    }
    if (auto st = AnnotationEditor(*m_editor).deleteLead(id); !st) {
        m_count->setText(st.error().toString());
    }
}

void LeadsDock::activate(const QModelIndex &index) {
    const Target target{index.data(LeadsModel::TargetKindRole).toString(),
                        index.data(LeadsModel::TargetIdRole).toLongLong()};
    if (target.isValid()) {
        Q_EMIT targetActivated(target);
    } else {
        edit();
    }
}

void LeadsDock::updateActions() {
    const bool writable = m_case && m_editor && !m_case->isReadOnly();
    const qint64 id = currentLeadId();
    m_add->setEnabled(writable);
    m_edit->setEnabled(writable && id);
    m_delete->setEnabled(writable && id);
    m_close->setEnabled(writable && id && m_view->currentIndex().data(LeadsModel::OpenRole).toBool());
}

void LeadsDock::updateCount() {
    if (!m_case) {
        m_count->setText(tr("No case open"));
        return;
    }
    const qint64 open = m_case->leads().count(true);
    const qint64 all = m_case->leads().count(false);
    m_count->setText(tr("%1 open of %Ln lead(s)", nullptr, int(all)).arg(open));
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "duplicatesdialog.h"
#include "screenroom.h"
#include "caseworker.h"

#include "commands/caseeditor.h"
#include "commands/mergecommands.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

DuplicatesDialog::DuplicatesDialog(CaseEditor &editor, QWidget *parent) : QDialog(parent), m_editor(editor)
{
    setWindowTitle(tr("Find Duplicates"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("&Likely duplicates (same normalised name, shared identifier or address):"), this);
    m_pairs = new QListWidget(this);
    label->setBuddy(m_pairs);
    layout->addWidget(label);
    layout->addWidget(m_pairs, 1);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    for (QTreeWidget **view : {&m_left, &m_right}) {
        *view = new QTreeWidget(this);
        (*view)->setHeaderLabels({tr("Property"), tr("Value"), tr("From")});
        (*view)->setRootIsDecorated(false);
        (*view)->setAccessibleName(view == &m_left ? tr("Left entity") : tr("Right entity"));
        sides->addWidget(*view);
    }
    layout->addWidget(sides, 2);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto *buttons = new QDialogButtonBox(this);
    m_keepLeft = buttons->addButton(tr("Merge into &Left"), QDialogButtonBox::ActionRole);
    m_keepLeft->setToolTip(tr("Keep the left entity; the right one's values, claims and links move to it."));
    m_keepRight = buttons->addButton(tr("Merge into &Right"), QDialogButtonBox::ActionRole);
    auto *again = buttons->addButton(tr("&Search Again"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(1100, 680));

    connect(m_pairs, &QListWidget::currentRowChanged, this, &DuplicatesDialog::showPair);
    connect(m_keepLeft, &QPushButton::clicked, this, [this] { mergeCurrent(true); });
    connect(m_keepRight, &QPushButton::clicked, this, [this] { mergeCurrent(false); });
    connect(again, &QPushButton::clicked, this, &DuplicatesDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &DuplicatesDialog::reject);
    refresh();
}

DuplicatesDialog::~DuplicatesDialog()
{
    stopCaseWorker(m_thread);
}

void DuplicatesDialog::reject()
{
    stopCaseWorker(m_thread);
    QDialog::reject();
}

void DuplicatesDialog::refresh()
{
    if (m_thread) {
        return;
    }
    m_status->setText(tr("Searching the case for duplicates…"));
    m_keepLeft->setEnabled(false);
    m_keepRight->setEnabled(false);
    m_thread = startCaseWorker<QList<DuplicatePair>>(
        this, m_editor.caseFile(),
        [](CaseFile &worker) -> Result<QList<DuplicatePair>> { return DuplicateFinder::find(worker); },
        [this](const std::shared_ptr<Result<QList<DuplicatePair>>> &result) {
            m_thread->wait();
            m_thread = nullptr;
            m_pairs->clear();
            m_found = result->ok() ? result->value() : QList<DuplicatePair>();
            for (const DuplicatePair &p : std::as_const(m_found)) {
                m_pairs->addItem(tr("%1  ↔  %2 — %3").arg(p.firstCaption, p.secondCaption,
                                                          p.reasons.join(QLatin1String("; "))));
                // The reasons run past the list's edge: the tool tip has them on lines of their own.
                m_pairs->item(m_pairs->count() - 1)->setToolTip(
                    tr("%1  ↔  %2").arg(p.firstCaption, p.secondCaption) + QLatin1Char('\n') + p.reasons.join(QLatin1Char('\n')));
            }
            m_status->setText(result->ok() ? tr("%n likely duplicate pair(s).", nullptr, int(m_found.size()))
                                           : result->error().toString());
            if (!m_found.isEmpty()) {
                m_pairs->setCurrentRow(0);
                m_pairs->setFocus();
            }
            showPair();
            Q_EMIT searchFinished();
        });
}

void DuplicatesDialog::fill(QTreeWidget *view, qint64 rowId)
{
    view->clear();
    const auto entity = m_editor.caseFile().entities().entity(rowId);
    if (!entity) {
        view->setHeaderLabels({tr("(merged or deleted)")});
        return;
    }
    view->setHeaderLabels({tr("Property"), tr("Value"), tr("From")});
    new QTreeWidgetItem(view, {tr("(schema)"), entity->schema, entity->id});
    for (const PropertyValue &v : entity->values) {
        const auto prov = m_editor.caseFile().provenance(v.provenanceId);
        auto *item = new QTreeWidgetItem(view, {v.property, v.value,
                                                prov ? tr("%1 (%2, %3)").arg(prov->label, prov->actor,
                                                                              prov->at.toString(Qt::ISODate))
                                                     : QString()});
        item->setToolTip(1, v.value);
        item->setToolTip(2, item->text(2));
    }
    const int claims = int(m_editor.caseFile().evidence().claimsFor(rowId).size());
    new QTreeWidgetItem(view, {tr("(claims)"), QString::number(claims), QString()});
    view->resizeColumnToContents(0);
    view->resizeColumnToContents(1);
    // A long address or alias took the whole width and pushed "From", where each value came from,
    // out of sight: the value gives way (its tool tip holds it whole).
    view->setColumnWidth(1, std::min(view->columnWidth(1), std::max(120, view->viewport()->width() * 2 / 5)));
}

void DuplicatesDialog::showPair()
{
    const int row = m_pairs->currentRow();
    const bool has = row >= 0 && row < m_found.size() && !m_editor.caseFile().isReadOnly();
    m_keepLeft->setEnabled(has);
    m_keepRight->setEnabled(has);
    if (row < 0 || row >= m_found.size()) {
        m_left->clear();
        m_right->clear();
        return;
    }
    fill(m_left, m_found.at(row).first);
    fill(m_right, m_found.at(row).second);
}

bool DuplicatesDialog::mergeCurrent(bool keepLeft)
{
    const int row = m_pairs->currentRow();
    if (row < 0 || row >= m_found.size()) {
        return false;
    }
    const DuplicatePair p = m_found.at(row);
    const qint64 kept = keepLeft ? p.first : p.second;
    const qint64 merged = keepLeft ? p.second : p.first;
    // With the merged one's id: duplicates mostly share their caption ("Merge X into X").
    const auto mergedEntity = m_editor.caseFile().entities().entity(merged);
    const QString text = tr("Merge %1 (%2) into %3")
                             .arg(keepLeft ? p.secondCaption : p.firstCaption, mergedEntity ? mergedEntity->id : QString(),
                                  keepLeft ? p.firstCaption : p.secondCaption);
    if (auto st = m_editor.push(std::make_unique<MergeEntitiesCommand>(m_editor, kept, merged, text)); !st) {
        QMessageBox::warning(this, windowTitle(), st.error().toString());
        return false;
    }
    m_status->setText(tr("Merged. Edit → Undo, or Edit → Split Merged Entity later, separates them again."));
    // Pairs involving the merged entity are stale now.
    for (int i = int(m_found.size()) - 1; i >= 0; --i) {
        if (m_found.at(i).first == merged || m_found.at(i).second == merged) {
            m_found.removeAt(i);
            delete m_pairs->takeItem(i);
        }
    }
    showPair();
    return true;
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencelistsdialog.h"
#include "screenroom.h"
#include "caseworker.h"

#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/referenceliststore.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {

QString itemsText(const QString &heading, const QList<ReferenceListDiff::Item> &items)
{
    if (items.isEmpty()) {
        return {};
    }
    QString out = heading + QLatin1Char('\n');
    for (const auto &i : items) {
        out += QStringLiteral("  %1 [%2]\n").arg(i.caption, i.id);
    }
    return out + QLatin1Char('\n');
}

} // namespace

ReferenceListsDialog::ReferenceListsDialog(CaseFile &caseFile, QWidget *parent) : QDialog(parent), m_case(caseFile)
{
    setWindowTitle(tr("Reference Lists"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("&Lists loaded into this case (kept apart from the case's own entities):"), this);
    m_lists = new QTreeWidget(this);
    label->setBuddy(m_lists);
    m_lists->setRootIsDecorated(true);
    m_lists->setHeaderLabels({tr("List"), tr("Version"), tr("Entries"), tr("Added"), tr("Removed"), tr("Changed"),
                              tr("File"), tr("Loaded"), tr("By"), tr("SHA-256")});
    layout->addWidget(label);
    layout->addWidget(m_lists, 2);
    auto *row = new QHBoxLayout;
    m_load = new QPushButton(tr("Load &List…"), this);
    m_newVersion = new QPushButton(tr("Load New &Version of Selected…"), this);
    m_cancel = new QPushButton(tr("Ca&ncel"), this);
    m_cancel->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    row->addWidget(m_load);
    row->addWidget(m_newVersion);
    row->addWidget(m_cancel);
    row->addWidget(m_progress, 1);
    row->addWidget(m_status, 2);
    layout->addLayout(row);
    auto *changesLabel = new QLabel(tr("C&hanges against the previous version:"), this);
    m_changes = new QPlainTextEdit(this);
    m_changes->setReadOnly(true);
    m_changes->setPlaceholderText(tr("Loading a list, or a new version of one, shows here what it added, removed and "
                                     "changed."));
    changesLabel->setBuddy(m_changes);
    layout->addWidget(changesLabel);
    layout->addWidget(m_changes, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(980, 560));

    connect(buttons, &QDialogButtonBox::rejected, this, &ReferenceListsDialog::reject);
    connect(m_load, &QPushButton::clicked, this, [this] { chooseFile(false); });
    connect(m_newVersion, &QPushButton::clicked, this, [this] { chooseFile(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_cancelled) {
            m_cancelled->store(true);
        }
    });
    connect(m_lists, &QTreeWidget::currentItemChanged, this,
            [this] { m_newVersion->setEnabled(m_lists->currentItem() && !m_case.isReadOnly() && !m_thread); });
    reload();
}

ReferenceListsDialog::~ReferenceListsDialog()
{
    stopCaseWorker(m_thread, m_cancelled);
}

void ReferenceListsDialog::reject()
{
    stopCaseWorker(m_thread, m_cancelled);
    QDialog::reject();
}

void ReferenceListsDialog::reload()
{
    m_lists->clear();
    const QLocale locale;
    const auto &store = m_case.referenceLists();
    for (const auto &latest : store.lists()) {
        QTreeWidgetItem *top = nullptr;
        const auto versions = store.versions(latest.listName);
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            const ReferenceListVersion &v = *it;
            const QStringList cells{v.listName,
                                    QString::number(v.id),
                                    locale.toString(v.entries),
                                    locale.toString(v.added),
                                    locale.toString(v.removed),
                                    locale.toString(v.changed),
                                    v.fileName,
                                    locale.toString(v.loadedAt.toLocalTime(), QLocale::ShortFormat),
                                    v.loadedBy,
                                    v.sha256};
            auto *item = top ? new QTreeWidgetItem(top, cells) : new QTreeWidgetItem(m_lists, cells);
            item->setData(0, Qt::UserRole, v.listName);
            item->setToolTip(9, v.sha256);
            if (!top) {
                top = item;
            } else {
                item->setText(0, tr("earlier version"));
            }
        }
    }
    for (int c = 0; c < m_lists->columnCount() - 1; ++c) {
        m_lists->resizeColumnToContents(c);
    }
    if (m_lists->topLevelItemCount() > 0) {
        m_lists->setCurrentItem(m_lists->topLevelItem(0));
    }
    m_load->setEnabled(!m_case.isReadOnly());
    m_newVersion->setEnabled(m_lists->currentItem() && !m_case.isReadOnly());
    if (m_lists->topLevelItemCount() == 0) {
        m_status->setText(tr("No list loaded yet."));
    }
}

void ReferenceListsDialog::chooseFile(bool newVersion)
{
    QString name;
    if (newVersion) {
        if (!m_lists->currentItem()) {
            return;
        }
        name = m_lists->currentItem()->data(0, Qt::UserRole).toString();
    }
    const QString path = QFileDialog::getOpenFileName(
        this, newVersion ? tr("Load a New Version of %1").arg(name) : tr("Load a Reference List"), {},
        tr("Sanctions and entity lists (*.csv *.json *.jsonl *.ftm *.xml);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    if (!newVersion) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Load a Reference List"), tr("List &name:"), QLineEdit::Normal,
                                     ReferenceListLoader::defaultName(path), &ok);
        if (!ok) {
            return;
        }
    }
    loadFile(path, name);
}

void ReferenceListsDialog::loadFile(const QString &path, const QString &name)
{
    if (m_thread) {
        return;
    }
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancelled = cancelled;
    m_progress->setRange(0, 0);
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_load->setEnabled(false);
    m_newVersion->setEnabled(false);
    m_status->setText(tr("Loading %1…").arg(path));
    m_thread = startCaseWorker<ReferenceListLoad>(
        this, m_case,
        [this, path, name, cancelled](CaseFile &worker) {
            return ReferenceListLoader::load(worker, path, name, {}, [this, cancelled](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(
                    this,
                    [this, done, total] {
                        m_progress->setRange(0, 1000);
                        m_progress->setValue(total > 0 ? int(done * 1000 / total) : 0);
                    },
                    Qt::QueuedConnection);
                return !cancelled->load();
            });
        },
        [this](const std::shared_ptr<Result<ReferenceListLoad>> &result) { finishLoad(result); });
}

void ReferenceListsDialog::finishLoad(const std::shared_ptr<Result<ReferenceListLoad>> &result)
{
    if (m_thread) {
        m_thread->wait();
        m_thread = nullptr;
    }
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    if (!result->ok()) {
        m_status->setText(tr("Not loaded: %1").arg(result->error().toString()));
        reload();
        Q_EMIT loadFinished();
        return;
    }
    const ReferenceListLoad &load = result->value();
    const ReferenceListVersion &v = load.version;
    if (load.unchanged) {
        m_status->setText(tr("Unchanged: version %1 of “%2” is already this file.").arg(v.id).arg(v.listName));
        m_changes->setPlainText(tr("The file's SHA-256 (%1) is that of the latest version; nothing was added.")
                                    .arg(v.sha256));
    } else if (load.firstVersion) {
        m_status->setText(tr("Loaded “%1”: %n entries.", nullptr, int(v.entries)).arg(v.listName));
        m_changes->setPlainText(tr("First version of “%1”: %n entries.", nullptr, int(v.entries)).arg(v.listName)
                                + (load.skipped ? QLatin1Char('\n')
                                                      + tr("%n unreadable record(s) skipped.", nullptr, int(load.skipped))
                                                : QString()));
    } else {
        const ReferenceListDiff &d = load.diff;
        m_status->setText(tr("Loaded version %1 of “%2”: %3 added, %4 removed, %5 changed.")
                              .arg(v.id)
                              .arg(v.listName)
                              .arg(d.added.size())
                              .arg(d.removed.size())
                              .arg(d.changed.size()));
        m_changes->setPlainText(itemsText(tr("Added (%1):").arg(d.added.size()), d.added)
                                + itemsText(tr("Removed (%1):").arg(d.removed.size()), d.removed)
                                + itemsText(tr("Changed (%1):").arg(d.changed.size()), d.changed));
    }
    // The worker's connection wrote the rows; tell this thread's views.
    Q_EMIT m_case.screeningChanged();
    reload();
    Q_EMIT loadFinished();
}

} // namespace Casegraph::Ui

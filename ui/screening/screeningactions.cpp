// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screeningactions.h"

#include "duplicatesdialog.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "listedpanel.h"
#include "mergedpanel.h"
#include "mainwindow.h"
#include "referencelistsdialog.h"
#include "screeningdialog.h"

#include "commands/caseeditor.h"
#include "commands/mergecommands.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/mergestore.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ScreeningActions::ScreeningActions(MainWindow *window) : QObject(window), m_window(window)
{
    const auto make = [this](const QString &text, const QString &name, const QKeySequence &key) {
        auto *action = new QAction(text, m_window);
        action->setObjectName(name);
        if (!key.isEmpty()) {
            action->setShortcut(key);
        }
        return action;
    };
    m_screen = make(tr("&Screen…"), QStringLiteral("screenAction"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_screen->setToolTip(tr("Screen all or the selected entities against a loaded sanctions list"));
    // Ctrl+Alt+R: Ctrl+Alt+L is Add Lead.
    m_lists = make(tr("&Reference Lists…"), QStringLiteral("referenceListsAction"),
                   QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    m_duplicates = make(tr("Find &Duplicates…"), QStringLiteral("findDuplicatesAction"),
                        QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_D));
    m_split = make(tr("Sp&lit Merged Entity"), QStringLiteral("splitMergedAction"), {});
    m_split->setToolTip(tr("Undo the latest merge into the current entity, restoring both as they were"));
    connect(m_screen, &QAction::triggered, this, &ScreeningActions::showScreening);
    connect(m_lists, &QAction::triggered, this, &ScreeningActions::showLists);
    connect(m_duplicates, &QAction::triggered, this, &ScreeningActions::showDuplicates);
    connect(m_split, &QAction::triggered, this, &ScreeningActions::splitCurrent);
    InspectorDock *inspector = m_window->inspectorDock();
    m_listed = new ListedPanel(inspector);
    inspector->addHeaderWidget(m_listed);
    m_merged = new MergedPanel(inspector);
    inspector->addHeaderWidget(m_merged);
    connect(m_merged, &MergedPanel::splitRequested, this, &ScreeningActions::splitCurrent);
    connect(m_listed, &ListedPanel::errorOccurred, inspector, &InspectorDock::showError);
    update();
}

void ScreeningActions::addTo(QMenu *analysis, QMenu *edit)
{
    analysis->addAction(m_screen);
    analysis->addAction(m_lists);
    analysis->addSeparator();
    analysis->addAction(m_duplicates);
    edit->addAction(m_split);
    // Whether the current entity holds a merge is only known when the menu opens.
    connect(edit, &QMenu::aboutToShow, this, &ScreeningActions::update);
}

void ScreeningActions::update()
{
    CaseFile *caseFile = m_window->caseFile();
    const bool open = caseFile && m_window->editor();
    m_screen->setEnabled(open);
    m_lists->setEnabled(open);
    m_duplicates->setEnabled(open);
    InspectorDock *inspector = m_window->inspectorDock();
    const qint64 current = open ? inspector->entityRowId() : 0;
    // The Inspector makes a new model per case: follow the one it shows.
    m_listed->setCase(open ? caseFile : nullptr, open ? m_window->editor() : nullptr);
    if (m_watchedModel != inspector->model()) {
        if (m_watchedModel) {
            disconnect(m_watchedModel, nullptr, this, nullptr);
        }
        m_watchedModel = inspector->model();
        if (PropertiesModel *model = inspector->model()) {
            connect(model, &PropertiesModel::entityLoaded, this,
                    [this] {
                        m_listed->setEntity(m_window->inspectorDock()->entityRowId());
                        m_merged->setEntity(m_window->inspectorDock()->entityRowId());
                    });
        }
    }
    m_listed->setEntity(current);
    m_merged->setCase(open ? caseFile : nullptr, open && !caseFile->isReadOnly());
    m_merged->setEntity(current);
    m_split->setEnabled(open && !caseFile->isReadOnly() && current && !caseFile->merges().merges(current).isEmpty());
}

QList<qint64> ScreeningActions::selectedRowIds() const
{
    QList<qint64> out;
    const QTableView *view = m_window->entitiesDock()->view();
    if (!view->selectionModel()) {
        return out;
    }
    for (const QModelIndex &index : view->selectionModel()->selectedRows()) {
        const qint64 row = index.data(ItemDataRole::EntityRowIdRole).toLongLong();
        if (row) {
            out << row;
        }
    }
    return out;
}

template <typename Dialog, typename Make> Dialog *ScreeningActions::show(QPointer<Dialog> &slot, Make make)
{
    if (!m_window->caseFile() || !m_window->editor()) {
        return nullptr;
    }
    if (!slot) {
        slot = make();
        slot->setAttribute(Qt::WA_DeleteOnClose);
        // The dialog works on the case's editor: it goes when the case closes.
        Dialog *dialog = slot;
        connect(m_window->editor(), &QObject::destroyed, dialog, [dialog] { delete dialog; });
        dialog->show();
    }
    slot->raise();
    slot->activateWindow();
    return slot;
}

ScreeningDialog *ScreeningActions::showScreening()
{
    return show(m_screening, [this] {
        auto *dialog = new ScreeningDialog(*m_window->editor(), selectedRowIds(), m_window);
        connect(dialog, &ScreeningDialog::entityActivated, m_window, &MainWindow::showEntity);
        connect(dialog, &ScreeningDialog::loadListRequested, this, [this] {
            if (ReferenceListsDialog *lists = showLists()) {
                // Queued: the file dialog opens once the lists dialog shows.
                QMetaObject::invokeMethod(lists, [lists] { lists->chooseFile(false); }, Qt::QueuedConnection);
            }
        });
        return dialog;
    });
}

ReferenceListsDialog *ScreeningActions::showLists()
{
    return show(m_listsDialog, [this] { return new ReferenceListsDialog(*m_window->caseFile(), m_window); });
}

DuplicatesDialog *ScreeningActions::showDuplicates()
{
    return show(m_duplicatesDialog, [this] { return new DuplicatesDialog(*m_window->editor(), m_window); });
}

bool ScreeningActions::splitCurrent()
{
    CaseEditor *editor = m_window->editor();
    const qint64 current = editor ? m_window->inspectorDock()->entityRowId() : 0;
    const auto standing = current ? editor->caseFile().merges().merges(current) : QList<EntityMerge>();
    if (standing.isEmpty()) {
        return false;
    }
    const EntityMerge &m = standing.first();
    // Named by both captions and the merged id: duplicates mostly share one caption, and the
    // dock's title ("Inspector") said nothing.
    const auto kept = editor->caseFile().entities().entity(current);
    const QString text = tr("Split %1 (%2) from %3").arg(m.mergedCaption, m.mergedId, kept ? kept->caption : QString());
    if (auto st = editor->push(std::make_unique<SplitEntityCommand>(*editor, m.id, text)); !st) {
        QMessageBox::warning(m_window, tr("Split Merged Entity"), st.error().toString());
        return false;
    }
    update();
    return true;
}

} // namespace Casegraph::Ui

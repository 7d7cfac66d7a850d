// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotationspanel.h"
#include "leadsdock.h"
#include "notesdock.h"
#include "tagwidgets.h"

#include "elidingcombobox.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "sourcesdock.h"

#include "commands/caseeditor.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/leadstore.h"
#include "storage/tagstore.h"

#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QTableView>
#include <QTreeView>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

AnnotationsPanel::AnnotationsPanel(QMainWindow *window, EntitiesDock *entities, InspectorDock *inspector,
                                   SourcesDock *sources)
    : QObject(window), m_window(window), m_entities(entities), m_inspector(inspector), m_sources(sources) {
    m_notes = new NotesDock(window);
    m_leads = new LeadsDock(window);
    m_chips = new TagChips(inspector);
    inspector->addHeaderWidget(m_chips);

    // Gives way to the name search beside it on a narrow dock; the list opens wide enough.
    m_tagFilter = new ElidingComboBox(6, 12, entities);
    m_tagFilter->setToolTip(tr("Show only entities with one tag"));
    m_tagFilter->setAccessibleName(tr("Tag filter"));
    entities->addFilterWidget(m_tagFilter);
    connect(m_tagFilter, &QComboBox::activated, this,
            [this] { m_entities->setTagFilter(m_tagFilter->currentData().toLongLong()); });

    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(entities->view()),
                                    static_cast<QAbstractItemView *>(inspector->view())}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint &pos) {
            qint64 rowId = 0;
            if (view == m_entities->view()) {
                const QModelIndex index = view->indexAt(pos);
                const auto row = index.isValid() && m_entities->model() ? m_entities->model()->rowAt(index.row())
                                                                        : std::nullopt;
                rowId = row ? row->rowId : 0;
            } else {
                rowId = m_inspector->entityRowId();
            }
            contextMenu(view, pos, rowId);
        });
    }
    connect(m_leads, &LeadsDock::targetActivated, this, &AnnotationsPanel::goTo);
}

AnnotationsPanel::~AnnotationsPanel() = default;

void AnnotationsPanel::setCase(CaseFile *caseFile, CaseEditor *editor) {
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_editor = editor;
    m_notes->setCase(caseFile, editor);
    m_leads->setCase(caseFile, editor);
    m_chips->setCase(caseFile);
    if (caseFile) {
        connect(caseFile, &CaseFile::tagsChanged, this, &AnnotationsPanel::updateTagFilter);
        // The Inspector's model is made by its setCase(), which runs before this one.
        if (m_inspector->model()) {
            connect(m_inspector->model(), &PropertiesModel::entityLoaded, this, &AnnotationsPanel::onEntityShown);
        }
    }
    updateTagFilter();
}

void AnnotationsPanel::onEntityShown() {
    const qint64 rowId = m_inspector->entityRowId();
    const bool exists = rowId && m_inspector->model() && m_inspector->model()->entity();
    m_chips->setTarget(exists ? Target{Target::entityKind(), rowId} : Target{});
    m_notes->setEntity(exists ? rowId : 0);
    m_leads->setCurrentTarget(exists ? Target{Target::entityKind(), rowId} : Target{});
}

void AnnotationsPanel::updateTagFilter() {
    const qint64 current = m_tagFilter->currentData().toLongLong();
    m_tagFilter->clear();
    const auto tags = m_case ? m_case->tags().tags() : QList<Tag>();
    m_tagFilter->addItem(tr("All tags"), qint64(0));
    for (const auto &tag : tags) {
        m_tagFilter->addItem(tagIcon(tag.colour), tr("%1 (%2)").arg(tag.name).arg(tag.uses), tag.id);
    }
    const int index = m_tagFilter->findData(current);
    m_tagFilter->setCurrentIndex(qMax(0, index));
    m_tagFilter->setEnabled(m_case && !tags.isEmpty());
    m_tagFilter->setVisible(m_case && !tags.isEmpty());
    if (index < 0 && current) {
        m_entities->setTagFilter(0); // the tag was deleted
    }
}

QMenu *AnnotationsPanel::tagMenu(qint64 entityRowId, QWidget *parent) {
    if (!m_case || !m_editor || !entityRowId) {
        return nullptr;
    }
    auto *menu = new TagMenu(*m_editor, Target{Target::entityKind(), entityRowId}, parent);
    connect(menu, &TagMenu::errorOccurred, this, &AnnotationsPanel::errorOccurred);
    return menu;
}

void AnnotationsPanel::contextMenu(QWidget *view, const QPoint &pos, qint64 rowId) {
    QMenu menu(view);
    QMenu *tags = tagMenu(rowId, &menu);
    if (!tags) {
        return;
    }
    menu.addMenu(tags);
    menu.addAction(m_notes->newNoteAction());
    menu.addAction(tr("Add &Lead About This…"), this, [this, rowId] {
        m_leads->setCurrentTarget(Target{Target::entityKind(), rowId});
        m_leads->show();
        m_leads->raise();
        Lead about; // the row the menu was opened on, as the action says (not "nothing in particular")
        about.target = Target{Target::entityKind(), rowId};
        LeadDialog dialog(*m_case, about, about.target, m_window);
        if (dialog.exec() == QDialog::Accepted) {
            m_leads->addLead(dialog.lead());
        }
    });
    menu.exec(view->mapToGlobal(pos));
}

void AnnotationsPanel::showNote(qint64 noteId) {
    m_notes->showNote(noteId);
    const auto target = m_notes->target();
    if (target.kind != Target::caseKind()) {
        goTo(target);
        m_notes->showNote(noteId); // the selection moved the dock to the entity: back to the note
    }
}

void AnnotationsPanel::showLead(qint64 leadId) {
    m_leads->selectLead(leadId);
}

void AnnotationsPanel::goTo(const Target &target) {
    if (!m_case) {
        return;
    }
    const TargetInfo info = CaseSearch::resolve(*m_case, target);
    if (target.kind == Target::caseKind()) {
        m_notes->setTarget(target);
        m_notes->show();
        m_notes->raise();
        return;
    }
    if (info.entityRowId) {
        Q_EMIT entityRequested(info.entityRowId);
    }
    if (info.sourceId) {
        m_sources->showExcerpt(info.sourceId, 0);
    }
}

} // namespace Casegraph::Ui

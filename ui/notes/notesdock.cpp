// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "notesdock.h"
#include "markdownview.h"

#include "commands/annotationeditor.h"
#include "commands/caseeditor.h"
#include "itemmodels/entitytext.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/evidencestore.h"
#include "storage/notestore.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScopedValueRollback>
#include <QTimer>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int KindRole = Qt::UserRole;
constexpr int IdRole = Qt::UserRole + 1;

/// The first line of a note without Markdown marks, for the list.
QString headline(const QString &markdown) {
    for (QString line : markdown.split(QLatin1Char('\n'))) {
        line = line.trimmed();
        while (line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('>')) ||
               line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* "))) {
            line = line.mid(1).trimmed();
        }
        line.remove(QLatin1String("**")).remove(QLatin1Char('*')).remove(QLatin1Char('`'));
        if (!line.isEmpty()) {
            return line;
        }
    }
    return NotesDock::tr("(empty note)");
}
} // namespace

NotesDock::NotesDock(QWidget *parent) : QDockWidget(tr("Notes"), parent) {
    setObjectName(QStringLiteral("NotesDock"));
    toggleViewAction()->setText(tr("&Notes"));
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);

    auto *top = new QHBoxLayout;
    auto *on = new QLabel(tr("Notes &on"), body);
    m_scope = new QComboBox(body);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scope->setMinimumContentsLength(16);
    m_scope->setAccessibleName(tr("What the notes are about"));
    on->setBuddy(m_scope);
    top->addWidget(on);
    top->addWidget(m_scope, 1);
    layout->addLayout(top);

    auto *bar = new QToolBar(body);
    bar->setIconSize(QSize(16, 16));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newNote = bar->addAction(SchemaIcons::named(QStringLiteral("add-value")), tr("New &Note"));
    m_newNote->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    m_newNote->setToolTip(tr("Write a new note on what is selected (Ctrl+Alt+N)"));
    m_save = bar->addAction(SchemaIcons::named(QStringLiteral("edit")), tr("&Save Note"));
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_save->setToolTip(tr("Store the note (Ctrl+Enter); Undo takes it back"));
    m_delete = bar->addAction(SchemaIcons::named(QStringLiteral("remove")), tr("&Delete Note"));
    m_delete->setToolTip(tr("Delete the selected note"));
    layout->addWidget(bar);

    auto *split = new QSplitter(Qt::Vertical, body);
    m_list = new QListWidget(split);
    m_list->setAccessibleName(tr("Notes"));
    m_list->setAlternatingRowColors(true);
    m_list->setUniformItemSizes(true);
    // A long headline is cut in the middle, keeping who wrote it and when, rather than scrolled
    // sideways (the scroll bar took one of the list's few rows in a laptop's dock).
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setTextElideMode(Qt::ElideMiddle);
    m_tabs = new QTabWidget(split);
    m_preview = new MarkdownView(m_tabs);
    m_preview->setAccessibleName(tr("Note, rendered"));
    m_editor = new QPlainTextEdit(m_tabs);
    m_editor->setAccessibleName(tr("Note, Markdown"));
    m_editor->setPlaceholderText(tr("Write in Markdown: # heading, **bold**, *italic*, - list, > quote, [link](url)"));
    m_editor->setTabChangesFocus(true);
    m_editor->addAction(m_save); // Ctrl+Enter while writing
    m_tabs->addTab(m_preview, tr("&Preview"));
    m_tabs->addTab(m_editor, tr("&Markdown"));
    split->addWidget(m_list);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    // Less than the list's and the tabs' own minimums: tabbed with the Sources under the
    // Inspector, this dock's minimum otherwise made a 768 px window grow past the screen when a
    // bottom dock (Paths) opened.
    split->setMinimumHeight(fontMetrics().height() * 7);
    layout->addWidget(split, 1);
    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    setWidget(body);
    setFocusProxy(m_list);

    connect(m_scope, &QComboBox::activated, this, &NotesDock::onScopeChosen);
    connect(m_list, &QListWidget::currentRowChanged, this, &NotesDock::onNoteSelected);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        m_preview->setMarkdownText(m_editor->toPlainText());
        updateActions();
    });
    connect(m_newNote, &QAction::triggered, this, &NotesDock::newNote);
    connect(m_save, &QAction::triggered, this, &NotesDock::save);
    connect(m_delete, &QAction::triggered, this, &NotesDock::deleteNote);
    setCase(nullptr, nullptr);
}

NotesDock::~NotesDock() = default;

void NotesDock::setCase(CaseFile *caseFile, CaseEditor *editor) {
    storeDraft(); // closing the case (or the window) keeps what was being written
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_caseEditor = editor;
    m_entityRowId = 0;
    m_noteId = 0;
    m_target = caseFile ? Target{Target::caseKind(), 0} : Target{};
    if (caseFile) {
        connect(caseFile, &CaseFile::notesChanged, this, [this](const QString &kind, qint64 id) {
            if (Target{kind, id} == m_target) {
                if (m_storing) {
                    QTimer::singleShot(0, this, &NotesDock::reload); // not inside the list's own signal
                } else {
                    reload();
                }
            }
        });
    }
    rebuildScopes();
    reload();
}

void NotesDock::setEntity(qint64 entityRowId) {
    storeDraft();
    m_entityRowId = entityRowId;
    // Follow the selection unless the user is looking at the case's notes.
    if (m_case && m_target.kind != Target::caseKind()) {
        m_target = entityRowId ? Target{Target::entityKind(), entityRowId} : Target{Target::caseKind(), 0};
    } else if (m_case && m_target.kind == Target::caseKind() && entityRowId && m_list->count() == 0) {
        m_target = Target{Target::entityKind(), entityRowId};
    }
    rebuildScopes();
    reload();
}

void NotesDock::setTarget(const Target &target) {
    if (!m_case || !target.isValid()) {
        return;
    }
    storeDraft();
    m_target = target;
    const TargetInfo info = CaseSearch::resolve(*m_case, target);
    if (info.entityRowId) {
        m_entityRowId = info.entityRowId;
    }
    rebuildScopes();
    reload();
}

void NotesDock::showNote(qint64 noteId) {
    const auto note = m_case ? m_case->notes().note(noteId) : std::nullopt;
    if (!note) {
        return;
    }
    setTarget(Target{note->targetKind, note->targetId});
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toLongLong() == noteId) {
            m_list->setCurrentRow(i);
        }
    }
    m_tabs->setCurrentWidget(m_preview);
    show();
    raise();
}

void NotesDock::rebuildScopes() {
    m_scope->clear();
    if (!m_case) {
        m_scope->setEnabled(false);
        return;
    }
    m_scope->setEnabled(true);
    const auto add = [this](const QIcon &icon, const QString &text, const Target &t) {
        m_scope->addItem(icon, text);
        m_scope->setItemData(m_scope->count() - 1, t.kind, KindRole);
        m_scope->setItemData(m_scope->count() - 1, t.id, IdRole);
        const int count = int(m_case->notes().notesFor(t).size());
        if (count > 0) {
            m_scope->setItemText(m_scope->count() - 1, tr("%1 (%2)").arg(text).arg(count));
        }
    };
    add(SchemaIcons::named(QStringLiteral("casegraph")), tr("The case"), Target{Target::caseKind(), 0});
    if (const auto row = m_entityRowId ? m_case->entities().row(m_entityRowId) : std::nullopt) {
        // A relationship by its ends, each claim by what it says: "Claim on Thermo Fisher" for
        // every claim of Thermo Fisher told none of them apart.
        add(SchemaIcons::forSchema(row->schema), EntityText::label(m_case->entities(), m_entityRowId),
            Target{Target::entityKind(), m_entityRowId});
        if (const auto source = m_case->evidence().sourceForEntity(m_entityRowId)) {
            add(SchemaIcons::named(QStringLiteral("quote")), tr("Source: %1").arg(source->fileName),
                Target{Target::sourceKind(), source->id});
        }
        // Its claims (what a passage supports): a note on one says why it is graded as it is.
        constexpr int MaxClaimScopes = 30;
        const QList<Claim> claims = m_case->evidence().claimsFor(m_entityRowId);
        for (qsizetype i = 0; i < std::min<qsizetype>(claims.size(), MaxClaimScopes); ++i) {
            const Claim &claim = claims.at(i);
            add(SchemaIcons::named(QStringLiteral("quote")),
                tr("Claim: %1").arg(EntityText::fact(m_case->entities(), row->schema, claim.property, claim.value)),
                Target{Target::claimKind(), claim.id});
        }
    }
    int index = -1;
    for (int i = 0; i < m_scope->count(); ++i) {
        if (m_scope->itemData(i, KindRole).toString() == m_target.kind &&
            m_scope->itemData(i, IdRole).toLongLong() == m_target.id) {
            index = i;
        }
    }
    if (index < 0) { // a claim, or a target the selection does not offer
        m_scope->addItem(CaseSearch::resolve(*m_case, m_target).label);
        index = m_scope->count() - 1;
        m_scope->setItemData(index, m_target.kind, KindRole);
        m_scope->setItemData(index, m_target.id, IdRole);
    }
    m_scope->setCurrentIndex(index);
}

void NotesDock::onScopeChosen(int index) {
    storeDraft();
    m_target = Target{m_scope->itemData(index, KindRole).toString(), m_scope->itemData(index, IdRole).toLongLong()};
    reload();
}

void NotesDock::reload() {
    storeDraft(); // before the note in the editor is forgotten below
    const qint64 keep = m_noteId;
    m_loading = true;
    m_list->clear();
    m_noteId = 0;
    if (m_case && m_target.isValid()) {
        const QLocale locale;
        for (const auto &note : m_case->notes().notesFor(m_target)) {
            auto *item = new QListWidgetItem(
                tr("%1 — %2, %3")
                    .arg(headline(note.body), note.actor,
                         locale.toString(note.modifiedAt.toLocalTime().date(), QLocale::ShortFormat)),
                m_list);
            item->setData(IdRole, note.id);
            item->setToolTip(note.body);
        }
    }
    m_loading = false;
    int row = m_list->count() > 0 ? 0 : -1;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(IdRole).toLongLong() == keep) {
            row = i;
        }
    }
    m_list->setCurrentRow(row);
    if (row < 0) {
        onNoteSelected();
    }
    m_status->setText(m_case ? (m_list->count() == 0 ? tr("No notes yet. New Note (Ctrl+Alt+N) starts one.")
                                                     : tr("%n note(s)", nullptr, m_list->count()))
                             : tr("No case open"));
}

void NotesDock::onNoteSelected() {
    if (m_loading) {
        return;
    }
    storeDraft();
    const auto *item = m_list->currentItem();
    m_noteId = item ? item->data(IdRole).toLongLong() : 0;
    const auto note = m_case && m_noteId ? m_case->notes().note(m_noteId) : std::nullopt;
    m_editor->blockSignals(true);
    m_editor->setPlainText(note ? note->body : QString());
    m_editor->document()->setModified(false);
    m_editor->blockSignals(false);
    m_preview->setMarkdownText(note ? note->body : QString());
    updateActions();
}

void NotesDock::newNote() {
    if (!m_case || !m_caseEditor) {
        return;
    }
    show();
    raise();
    storeDraft();
    m_list->clearSelection();
    m_list->setCurrentRow(-1);
    m_noteId = 0;
    m_editor->clear();
    m_tabs->setCurrentWidget(m_editor);
    m_editor->setFocus(Qt::OtherFocusReason);
    m_status->setText(tr("New note on %1. Ctrl+Enter stores it.").arg(CaseSearch::resolve(*m_case, m_target).label));
    updateActions();
}

void NotesDock::save() {
    if (!m_caseEditor || !m_target.isValid()) {
        return;
    }
    const bool added = m_noteId == 0;
    if (!writeNote()) {
        return;
    }
    if (added) {
        reload(); // selects the new note
    }
    rebuildScopes();
    m_tabs->setCurrentWidget(m_preview);
    updateActions();
}

void NotesDock::deleteNote() {
    if (!m_caseEditor || !m_noteId) {
        return;
    }
    if (auto st = AnnotationEditor(*m_caseEditor).deleteNote(m_noteId); !st) {
        showError(st.error().toString());
        return;
    }
    rebuildScopes();
}

void NotesDock::storeDraft() {
    if (m_storing || !m_case || !m_caseEditor || m_case->isReadOnly() || !m_target.isValid() ||
        !m_editor->document()->isModified()) {
        return;
    }
    if (m_editor->toPlainText().trimmed().isEmpty()) {
        m_editor->document()->setModified(false);
        return;
    }
    const QScopedValueRollback storing(m_storing, true);
    writeNote();
}

bool NotesDock::writeNote() {
    const QString text = m_editor->toPlainText();
    // Stored from here on: the reload that the write's notesChanged() causes must not store it again.
    m_editor->document()->setModified(false);
    AnnotationEditor annotations(*m_caseEditor);
    if (m_noteId) {
        if (auto st = annotations.editNote(m_noteId, text); !st) {
            m_editor->document()->setModified(true);
            showError(st.error().toString());
            return false;
        }
        return true;
    }
    const auto id = annotations.addNote(m_target, text);
    if (!id) {
        m_editor->document()->setModified(true);
        showError(id.error().toString());
        return false;
    }
    m_noteId = *id;
    return true;
}

void NotesDock::updateActions() {
    const bool writable = m_case && m_caseEditor && !m_case->isReadOnly();
    m_newNote->setEnabled(writable);
    m_save->setEnabled(writable && !m_editor->toPlainText().trimmed().isEmpty() &&
                       (m_noteId == 0 || m_editor->document()->isModified()));
    m_delete->setEnabled(writable && m_noteId != 0);
    m_editor->setReadOnly(!writable);
}

void NotesDock::showError(const QString &message) {
    m_status->setText(QStringLiteral("<span style='color:#8a1f1f'>%1</span>").arg(message.toHtmlEscaped()));
}

} // namespace Casegraph::Ui

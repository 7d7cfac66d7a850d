// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/annotationeditor.h"
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "globalsearch.h"
#include "inspectordock.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/leadsmodel.h"
#include "mainwindow.h"
#include "notes/annotationspanel.h"
#include "notes/leadsdock.h"
#include "notes/markdownview.h"
#include "notes/notesdock.h"
#include "notes/tagwidgets.h"
#include "recentfiles.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/leadstore.h"
#include "storage/notestore.h"
#include "storage/tagstore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QInputMethodEvent>
#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QCompleter>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// Notes, tags, leads and the search box in the main window, offscreen, on the demo case: a
/// Markdown note is written and seen rendered, found by the search box with its words
/// highlighted, and opened from there; tags show as chips and filter the Entities list; leads
/// are added and closed.
class NotesUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void markdownNoteIsRenderedAndUndoable();
    void searchFindsNoteWithHighlightAndOpensIt();
    void cjkNoteSearch();
    void tagsShowAsChipsAndFilterEntities();
    void leadsAddCloseAndFilter();
    void leadAndTagDialogs();
    void noteOnAClaim();

private:
    qint64 entityNamed(const QString &name) const;
    /// Types into the search box and waits for the popup's rows.
    QStandardItemModel *search(const QString &text);
    /// Rows of the popup under the heading `heading`, as plain text.
    QStringList hitsUnder(const QString &heading) const;

    QTemporaryDir m_dir;
    QString m_pristine;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void NotesUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_pristine = m_dir.filePath(QStringLiteral("demo.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_pristine).ok());
    QVERIFY(DemoCase::write(cf).ok());
}

void NotesUiTest::init() {
    const QString path = m_dir.filePath(QStringLiteral("case-%1.casegraph").arg(QDateTime::currentMSecsSinceEpoch()));
    QVERIFY(QFile::copy(m_pristine, path));
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    m_window->show();
    QVERIFY(m_window->openCase(path).ok());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(10000));
}

void NotesUiTest::cleanup() {
    m_window.reset();
    m_recent.reset();
}

qint64 NotesUiTest::entityNamed(const QString &name) const {
    const auto hits = m_window->caseFile()->entities().search(QLatin1Char('"') + name + QLatin1Char('"'));
    for (const auto &h : hits) {
        if (h.kind == SearchHit::Kind::Entity && h.caption == name) {
            return h.rowId;
        }
    }
    return 0;
}

QStandardItemModel *NotesUiTest::search(const QString &text) {
    GlobalSearch *box = m_window->globalSearch();
    box->setFocus();
    box->clear();
    // Typed text arrives as an input method's commit (how Chinese is typed, too).
    QInputMethodEvent typed;
    typed.setCommitString(text);
    QApplication::sendEvent(box, &typed);
    // The box searches 150 ms after the last key.
    if (!QTest::qWaitFor([box] { return box->hitCount() > 0; }, 5000)) {
        qWarning("no hits for %s", qPrintable(text));
    }
    return box->hits();
}

QStringList NotesUiTest::hitsUnder(const QString &heading) const {
    QStringList out;
    const QStandardItemModel *hits = m_window->globalSearch()->hits();
    bool inside = false;
    for (int i = 0; i < hits->rowCount(); ++i) {
        const QStandardItem *item = hits->item(i);
        const bool isHeading = item->flags() == Qt::NoItemFlags && item->font().bold();
        if (isHeading) {
            inside = item->text() == heading;
        } else if (inside) {
            out << item->text();
        }
    }
    return out;
}

void NotesUiTest::markdownNoteIsRenderedAndUndoable() {
    const qint64 thermo = entityNamed(QStringLiteral("Thermo Fisher Scientific"));
    QVERIFY(thermo);
    m_window->showEntity(thermo);
    NotesDock *notes = m_window->annotations()->notesDock();
    QTRY_COMPARE(notes->target(), (Target{Target::entityKind(), thermo}));
    const int before = notes->noteList()->count();

    notes->newNote();
    QCOMPARE(notes->tabs()->currentWidget(), notes->editor());
    QTest::keyClicks(notes->editor(), QStringLiteral("# Distributor check"));
    notes->editor()->insertPlainText(QStringLiteral("\n\nThe **Urumqi** distributor is *unconfirmed*."));
    // The preview follows the typing.
    QCOMPARE(notes->preview()->document()->firstBlock().text(), QStringLiteral("Distributor check"));
    QVERIFY(notes->saveAction()->isEnabled());
    QTest::keyClick(notes->editor(), Qt::Key_Return, Qt::ControlModifier); // Ctrl+Enter stores it
    QCOMPARE(notes->noteList()->count(), before + 1);
    QVERIFY(notes->currentNoteId() > 0);
    QCOMPARE(notes->tabs()->currentWidget(), notes->preview());

    // Rendered: a level-1 heading and a bold word, not the Markdown marks.
    const QTextDocument *doc = notes->preview()->document();
    QCOMPARE(doc->firstBlock().blockFormat().headingLevel(), 1);
    QVERIFY(!doc->toPlainText().contains(QLatin1String("**")));
    bool boldUrumqi = false;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            boldUrumqi = boldUrumqi || (f.text() == QLatin1String("Urumqi") && f.charFormat().fontWeight() >= QFont::Bold);
        }
    }
    QVERIFY(boldUrumqi);
    QVERIFY(notes->noteList()->currentItem()->text().startsWith(QLatin1String("Distributor check")));

    // One Ctrl+Z takes the note back; redo restores it.
    QUndoStack *stack = m_window->editor()->undoStack();
    QCOMPARE(stack->undoText(), QStringLiteral("Add Note"));
    stack->undo();
    QCOMPARE(notes->noteList()->count(), before);
    stack->redo();
    QCOMPARE(notes->noteList()->count(), before + 1);
}

void NotesUiTest::searchFindsNoteWithHighlightAndOpensIt() {
    const qint64 promega = entityNamed(QStringLiteral("Promega"));
    QVERIFY(promega);
    const auto id = AnnotationEditor(*m_window->editor())
                        .addNote(Target{Target::entityKind(), promega},
                                 QStringLiteral("Check the **Kashgar** tender records before publishing."));
    QVERIFY(id.ok());
    m_window->showEntity(entityNamed(QStringLiteral("Thermo Fisher Scientific")));

    QStandardItemModel *hits = search(QStringLiteral("kashgar tender"));
    const QStringList noteHits = hitsUnder(QStringLiteral("Notes"));
    QCOMPARE(noteHits.size(), 1);
    QVERIFY2(noteHits.first().contains(QLatin1String("Kashgar")) && noteHits.first().contains(QLatin1String("Promega")),
             qPrintable(noteHits.first()));
    // The popup paints rich text with the matched words in bold.
    int row = -1;
    for (int i = 0; i < hits->rowCount(); ++i) {
        if (hits->item(i)->text() == noteHits.first()) {
            row = i;
        }
    }
    const QString html = hits->item(row)->data(Qt::UserRole + 40).toString();
    QVERIFY2(html.contains(QLatin1String(">Kashgar</b>")) && html.contains(QLatin1String(">tender</b>")), qPrintable(html));

    // Arrow keys move over the hits; Enter opens the note's entity and the note.
    QAbstractItemView *popup = m_window->globalSearch()->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    popup->setCurrentIndex(m_window->globalSearch()->completer()->completionModel()->index(row, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), promega);
    QCOMPARE(m_window->annotations()->notesDock()->currentNoteId(), *id);
    QVERIFY(m_window->annotations()->notesDock()->preview()->toPlainText().contains(QLatin1String("Kashgar")));
}

void NotesUiTest::cjkNoteSearch() {
    const auto id = AnnotationEditor(*m_window->editor())
                        .addNote(Target{Target::caseKind(), 0}, QStringLiteral("待核实：新疆公安局的采购记录"));
    QVERIFY(id.ok());
    search(QStringLiteral("公安"));
    const QStringList noteHits = hitsUnder(QStringLiteral("Notes"));
    QCOMPARE(noteHits.size(), 1);
    QVERIFY2(noteHits.first().contains(QStringLiteral("新疆公安局的采购记录")), qPrintable(noteHits.first()));
    QTest::keyClick(m_window->globalSearch(), Qt::Key_Escape);
    m_window->annotations()->showNote(*id);
    QCOMPARE(m_window->annotations()->notesDock()->target(), (Target{Target::caseKind(), 0}));
    QCOMPARE(m_window->annotations()->notesDock()->currentNoteId(), *id);
}

void NotesUiTest::tagsShowAsChipsAndFilterEntities() {
    const qint64 thermo = entityNamed(QStringLiteral("Thermo Fisher Scientific"));
    const qint64 promega = entityNamed(QStringLiteral("Promega"));
    AnnotationsPanel *panel = m_window->annotations();
    // The context menu lists the case's tags, checkable, and New Tag….
    AnnotationEditor ed(*m_window->editor());
    const auto tag = ed.createTag(QStringLiteral("to verify"), QStringLiteral("#ffb4a2"));
    QVERIFY(tag.ok());
    std::unique_ptr<QMenu> menu(panel->tagMenu(thermo, m_window.get()));
    QVERIFY(menu);
    QStringList items;
    for (QAction *a : menu->actions()) {
        items << a->text();
    }
    QVERIFY2(items.contains(QStringLiteral("to verify")) && items.contains(QStringLiteral("&New Tag…")),
             qPrintable(items.join(QLatin1Char('|'))));
    QAction *toggle = nullptr;
    for (QAction *a : menu->actions()) {
        toggle = a->text() == QLatin1String("to verify") ? a : toggle;
    }
    QVERIFY(toggle && toggle->isCheckable() && !toggle->isChecked());
    toggle->trigger(); // tags Thermo Fisher
    QVERIFY(ed.assignTag(*tag, Target{Target::entityKind(), promega}).ok());

    m_window->showEntity(thermo);
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), thermo);
    QTRY_COMPARE(panel->tagChips()->tagNames(), QStringList{QStringLiteral("to verify")});
    QVERIFY(panel->tagChips()->isVisible());
    QVERIFY(panel->tagChips()->text().contains(QLatin1String("#ffb4a2")));

    QComboBox *filter = panel->tagFilter();
    QVERIFY(filter->isVisible());
    const int index = filter->findData(*tag);
    QVERIFY(index > 0);
    QCOMPARE(filter->itemText(index), QStringLiteral("to verify (2)"));
    filter->setCurrentIndex(index);
    Q_EMIT filter->activated(index);
    QTRY_COMPARE(m_window->entitiesDock()->model()->rowCount(), 2);

    m_window->editor()->undoStack()->undo(); // Promega untagged
    QTRY_COMPARE(filter->itemText(filter->currentIndex()), QStringLiteral("to verify (1)"));
    QCOMPARE(m_window->caseFile()->tags().entitiesWithTag(*tag), QSet<qint64>{thermo});
}

void NotesUiTest::leadsAddCloseAndFilter() {
    LeadsDock *leads = m_window->annotations()->leadsDock();
    // The demo case brings its open questions.
    const int demoOpen = leads->model()->rowCount();
    QVERIFY(demoOpen >= 2);
    Lead lead;
    lead.title = QStringLiteral("Find the 2019 customs records");
    lead.assignee = QStringLiteral("AR");
    lead.target = Target{Target::entityKind(), entityNamed(QStringLiteral("Promega"))};
    const qint64 id = leads->addLead(lead);
    QVERIFY(id);
    QCOMPARE(leads->model()->rowCount(), demoOpen + 1);
    const int row = leads->model()->rowOfLead(id);
    QCOMPARE(leads->model()->index(row, LeadsModel::AssigneeColumn).data().toString(), QStringLiteral("AR"));
    QCOMPARE(leads->model()->index(row, LeadsModel::TargetColumn).data().toString(), QStringLiteral("Promega"));

    // Enter goes to what the lead is about.
    leads->view()->setCurrentIndex(leads->model()->index(row, 0));
    Q_EMIT leads->view()->activated(leads->view()->currentIndex());
    QTRY_COMPARE(m_window->inspectorDock()->entityRowId(), lead.target.id);

    // Done: gone from the open list, shown with all.
    QVERIFY(AnnotationEditor(*m_window->editor()).setLeadStatus(id, Lead::Status::Done).ok());
    QCOMPARE(leads->model()->rowCount(), demoOpen);
    leads->filter()->setCurrentIndex(1);
    Q_EMIT leads->filter()->activated(1);
    QCOMPARE(leads->model()->index(leads->model()->rowOfLead(id), LeadsModel::StatusColumn).data().toString(),
             QStringLiteral("Done"));
    // The search box finds leads too.
    search(QStringLiteral("customs"));
    QCOMPARE(hitsUnder(QStringLiteral("Leads")).size(), 1);
}

void NotesUiTest::leadAndTagDialogs() {
    const qint64 promega = entityNamed(QStringLiteral("Promega"));
    LeadDialog dialog(*m_window->caseFile(), Lead{}, Target{Target::entityKind(), promega}, m_window.get());
    dialog.titleField()->setText(QStringLiteral("  Check the tender  "));
    dialog.assigneeField()->setText(QStringLiteral("mk"));
    Lead lead = dialog.lead();
    QCOMPARE(lead.title, QStringLiteral("Check the tender"));
    QCOMPARE(lead.assignee, QStringLiteral("MK"));
    QCOMPARE(lead.status, Lead::Status::Open);
    QVERIFY(!lead.target.isValid()); // "nothing in particular" unless chosen
    auto *about = dialog.findChildren<QComboBox *>().last();
    QVERIFY(about->findText(QStringLiteral("Promega")) > 0);
    about->setCurrentIndex(about->findText(QStringLiteral("Promega")));
    QCOMPARE(dialog.lead().target, (Target{Target::entityKind(), promega}));

    NewTagDialog tagDialog(QStringLiteral("#8ecae6"), m_window.get());
    tagDialog.nameField()->setText(QStringLiteral(" sanctioned "));
    QCOMPARE(tagDialog.name(), QStringLiteral("sanctioned"));
    QCOMPARE(tagDialog.colour(), QStringLiteral("#8ecae6"));
}

void NotesUiTest::noteOnAClaim() {
    // The Notes dock offers the selected entity's claims as places for a note: why a passage
    // is graded as it is belongs with the claim it supports.
    const qint64 thermo = entityNamed(QStringLiteral("Thermo Fisher Scientific"));
    const QList<Claim> claims = m_window->caseFile()->evidence().claimsFor(thermo);
    QVERIFY(!claims.isEmpty());
    m_window->showEntity(thermo);
    NotesDock *notes = m_window->annotations()->notesDock();
    QTRY_COMPARE(notes->target(), (Target{Target::entityKind(), thermo}));
    int claimItem = -1;
    for (int i = 0; i < notes->scopeBox()->count(); ++i) {
        if (notes->scopeBox()->itemText(i).startsWith(QLatin1String("Claim: "))) {
            claimItem = claimItem < 0 ? i : claimItem;
        }
    }
    QVERIFY(claimItem > 0);
    notes->scopeBox()->setCurrentIndex(claimItem);
    Q_EMIT notes->scopeBox()->activated(claimItem);
    QCOMPARE(notes->target().kind, Target::claimKind());
    const Target claim = notes->target();
    notes->newNote();
    QTest::keyClicks(notes->editor(), QStringLiteral("Graded *B*: the statement is on the company's letterhead."));
    QTest::keyClick(notes->editor(), Qt::Key_Return, Qt::ControlModifier);
    const auto stored = m_window->caseFile()->notes().notesFor(claim);
    QCOMPARE(stored.size(), 1);
    QVERIFY(stored.first().body.contains(QLatin1String("letterhead")));
    QVERIFY(!notes->preview()->document()->toPlainText().contains(QLatin1Char('*'))); // rendered
}

QTEST_MAIN(NotesUiTest)
#include "notes_uitest.moc"

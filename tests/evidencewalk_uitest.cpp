// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "capturedialog.h"
#include "custodydialog.h"
#include "globalsearch.h"
#include "integrityactions.h"
#include "entitypicker.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "notes/tagwidgets.h"
#include "notes/annotationspanel.h"
#include "notes/leadsdock.h"
#include "notes/notesdock.h"
#include "sourceviewer/unsupportedfactsdock.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "sourcesdock.h"
#include "sourceviewer/evidencedialogs.h"
#include "sourceviewer/evidenceui.h"
#include "sourceviewer/sourceviewer.h"

#include "commands/caseeditor.h"
#include "core/evidence.h"
#include "demo/democase.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "itemmodels/sourcesmodel.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "commands/evidenceeditor.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/notestore.h"
#include "core/annotation.h"
#include "notes/markdownview.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"
#include "support/testsupport.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QToolBar>
#include <QToolButton>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSet>
#include <QStatusBar>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// An investigator's walk through the evidence workflow of the demo case, in the real main
/// window at 1366 × 768: quoting a passage of an article in support of a value and of a
/// relationship, grading it, notes, tags and leads, the integrity tools and the Unsupported
/// Facts dock. Screenshots go to $CASEGRAPH_SCREENSHOT_DIR when it is set.
class EvidenceWalkUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void attachedPassageShowsInTheInspectorAtOnce();
    void attachStartsOnTheInspectorsRelationship();
    void passagesSayWhatTheyAreAbout();
    void unsupportedRelationshipNamesItsEnds();
    void undoButtonKeepsTheSearchBoxWide();
    void custodyReportOfTheSourceBeingRead();
    void noteBeingWrittenIsNotLost();
    void notesOnARelationshipAndItsClaims();
    void tagsLeadsAndSearch();
    void integrityTools();

private:
    qint64 rowOf(const QString &key) const {
        return m_window->caseFile()->entities().rowIdOf(DemoCase::idForKey(key));
    }
    void shot(const QString &name) const;
    /// Runs `act` on the modal dialog that `trigger` opens, then closes it if `act` did not.
    static void withModal(const std::function<void()> &trigger, const std::function<void(QWidget *)> &act);
    /// Opens the demo article whose title contains `title` as the investigator does: its row in
    /// the Sources list, Enter. Returns its source id.
    qint64 openArticle(const QString &title);
    /// Code point offset of `text` in the shown source (-1: absent).
    qint64 offsetOf(const QString &text) const;
    /// The Inspector's evidence row of this excerpt (invalid: not shown).
    QModelIndex inspectorRowOf(qint64 excerptId) const;
    void activate();

    QTemporaryDir m_dir;
    QString m_template;
    QString m_path;
    RecentFiles *m_recent = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void EvidenceWalkUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp);
    m_template = m_dir.filePath(QStringLiteral("template.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_template).ok());
    QVERIFY(DemoCase::write(c).ok());
}

void EvidenceWalkUiTest::init() {
    m_path = m_dir.filePath(QStringLiteral("walk-%1.casegraph").arg(QTest::currentTestFunction()));
    QFile::remove(m_path);
    QVERIFY(QFile::copy(m_template, m_path));
    m_recent = new RecentFiles;
    m_window = std::make_unique<MainWindow>(m_recent);
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_path).ok());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(5000));
    QTRY_COMPARE(m_window->size(), QSize(1366, 768));
}

void EvidenceWalkUiTest::cleanup() {
    m_window.reset();
    delete m_recent;
    m_recent = nullptr;
}

void EvidenceWalkUiTest::shot(const QString &name) const {
    QApplication::processEvents();
    Casegraph::Tests::saveShot(m_window->grab(), name);
}

void EvidenceWalkUiTest::activate() {
    // Window shortcuts (Del, Ctrl+Alt+G) only reach an active window.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void EvidenceWalkUiTest::withModal(const std::function<void()> &trigger, const std::function<void(QWidget *)> &act) {
    bool seen = false;
    QTimer::singleShot(0, qApp, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        QVERIFY2(modal, "no dialog opened");
        seen = true;
        act(modal);
        if (modal->isVisible()) {
            modal->close();
        }
    });
    trigger();
    QVERIFY2(seen, "the dialog never showed");
}

qint64 EvidenceWalkUiTest::openArticle(const QString &title) {
    SourcesDock *sources = m_window->sourcesDock();
    sources->raise();
    QAbstractItemModel *model = sources->view()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, SourcesModel::TitleColumn);
        if (index.data().toString().contains(title)) {
            sources->view()->setFocus();
            sources->view()->setCurrentIndex(index);
            QTest::keyClick(sources->view(), Qt::Key_Return);
            return m_window->evidenceUi()->viewer()->sourceId();
        }
    }
    return 0;
}

qint64 EvidenceWalkUiTest::offsetOf(const QString &text) const {
    const SourceViewer *viewer = m_window->evidenceUi()->viewer();
    const auto source = m_window->caseFile()->evidence().source(viewer->sourceId());
    const qsizetype at = source ? source->text.indexOf(text) : -1;
    return at < 0 ? -1 : utf16ToCodePoints(source->text, at);
}

QModelIndex EvidenceWalkUiTest::inspectorRowOf(qint64 excerptId) const {
    const PropertiesModel *props = m_window->inspectorDock()->model();
    QModelIndexList pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeFirst();
        for (int r = 0; r < props->rowCount(parent); ++r) {
            const QModelIndex i = props->index(r, 0, parent);
            if (i.data(ItemDataRole::ExcerptIdRole).toLongLong() == excerptId) {
                return i;
            }
            pending << i;
        }
    }
    return {};
}

void EvidenceWalkUiTest::attachedPassageShowsInTheInspectorAtOnce() {
    // Reading Rubio's letter, the investigator selects "Massachusetts-based" with the keyboard,
    // presses Ctrl+E and quotes it for Thermo Fisher's country, graded B2.
    const qint64 source = openArticle(QStringLiteral("Senator expresses concerns"));
    QVERIFY(source > 0);
    SourceViewer *viewer = m_window->evidenceUi()->viewer();
    shot(QStringLiteral("evidence-01-article.png"));
    QTextBrowser *text = viewer->textView();
    const qint64 at = offsetOf(QStringLiteral("Massachusetts-based company"));
    QVERIFY(at > 0);
    QTextCursor cursor(text->document());
    cursor.setPosition(int(at)); // the article is plain ASCII before it: code points = UTF-16
    text->setTextCursor(cursor);
    text->setFocus();
    for (int i = 0; i < int(QStringLiteral("Massachusetts-based").size()); ++i) {
        QTest::keyClick(text, Qt::Key_Right, Qt::ShiftModifier);
    }
    QCOMPARE(text->textCursor().selectedText(), QStringLiteral("Massachusetts-based"));
    const qint64 thermo = rowOf(QStringLiteral("thermo-fisher"));
    const int passagesBefore = viewer->excerptCount();
    qint64 excerpt = 0;
    withModal([&] { QTest::keyClick(text, Qt::Key_E, Qt::ControlModifier); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<AttachExcerptDialog *>(modal);
                  QVERIFY(dialog);
                  dialog->setEntity(thermo, QStringLiteral("country"), QStringLiteral("us"));
                  QCOMPARE(dialog->valueBox()->currentData().toStringList().value(0), QStringLiteral("country"));
                  // Tab from the search field passes through the list of entities on the way to
                  // the Claim box: that must not choose its first row instead.
                  const QAbstractItemModel *names = dialog->picker()->list()->model();
                  QTRY_VERIFY(names->rowCount() > 0 && !names->index(0, 0).data(ItemDataRole::LoadingRole).toBool());
                  dialog->picker()->searchField()->setFocus();
                  QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
                  QCOMPARE(QApplication::focusWidget(), dialog->picker()->list());
                  QCOMPARE(dialog->picker()->selected()->rowId, thermo);
                  QCOMPARE(dialog->valueBox()->currentData().toStringList().value(0), QStringLiteral("country"));
                  dialog->grading()->reliabilityBox()->setCurrentIndex(dialog->grading()->reliabilityBox()->findData(QStringLiteral("B")));
                  dialog->grading()->credibilityBox()->setCurrentIndex(dialog->grading()->credibilityBox()->findData(QStringLiteral("2")));
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-02-attach-dialog.png"));
                  dialog->accept();
                  excerpt = dialog->resultId();
              });
    QVERIFY(excerpt > 0);
    QCOMPARE(viewer->excerptCount(), passagesBefore + 1);
    // At once, without looking for it: the Inspector shows Thermo Fisher with the new passage
    // under its country, graded and supporting.
    QCOMPARE(m_window->inspectorDock()->entityRowId(), thermo);
    QModelIndex row = inspectorRowOf(excerpt);
    QVERIFY2(row.isValid(), "the Inspector does not list the passage just attached");
    QCOMPARE(row.parent().data(ItemDataRole::PropertyRole).toString(), QStringLiteral("country"));
    QVERIFY2(row.data().toString().startsWith(QStringLiteral("B2 · supports")), qPrintable(row.data().toString()));
    shot(QStringLiteral("evidence-03-attached.png"));

    // Undo takes it out of the Inspector and the text, redo puts it back.
    QUndoStack *stack = m_window->editor()->undoStack();
    stack->undo();
    QTRY_COMPARE(viewer->excerptCount(), passagesBefore);
    QTRY_VERIFY(!inspectorRowOf(excerpt).isValid());
    stack->redo();
    QTRY_COMPARE(viewer->excerptCount(), passagesBefore + 1);
    QTRY_VERIFY(inspectorRowOf(excerpt).isValid());

    // Closed and opened again, the passage is still highlighted where it was.
    m_window->closeCase();
    QVERIFY(m_window->openCase(m_path).ok());
    QVERIFY(m_window->waitUntilLoaded(5000));
    m_window->evidenceUi()->openExcerpt(source, excerpt);
    QTRY_COMPARE(viewer->sourceId(), source);
    QVERIFY(viewer->excerptsAt(at + 3).contains(excerpt));
    QTextCursor probe(viewer->textView()->document());
    probe.setPosition(int(at) + 3);
    QVERIFY(probe.charFormat().background().color().isValid());
    QVERIFY(probe.charFormat().background().style() != Qt::NoBrush);
}

void EvidenceWalkUiTest::attachStartsOnTheInspectorsRelationship() {
    // The investigator goes to the Supply "Thermo Fisher → Xinjiang police" first, then selects,
    // with the mouse, the sentence that states it: the passage names Thermo Fisher, but it is the
    // supply that the Attach dialog must start on.
    const qint64 supply = rowOf(QStringLiteral("supply-thermo-xinjiang"));
    const qint64 source = openArticle(QStringLiteral("Senator expresses concerns"));
    QVERIFY(source > 0);
    m_window->showEntity(supply);
    QCOMPARE(m_window->inspectorDock()->entityRowId(), supply);
    SourceViewer *viewer = m_window->evidenceUi()->viewer();
    m_window->evidenceUi()->openSource(source);
    QTRY_VERIFY(viewer->mentionsReady());
    const QString sentence = QStringLiteral("Thermo Fisher Scientific had supplied equipment for use there.");
    const qint64 start = offsetOf(sentence);
    QVERIFY(start > 0);
    viewer->selectRange(start, start); // scrolls the sentence into view
    QTextBrowser *text = viewer->textView();
    const auto pointAt = [text](qint64 offset) {
        QTextCursor c(text->document());
        c.setPosition(int(offset));
        return text->cursorRect(c).center();
    };
    activate();
    QTest::mousePress(text->viewport(), Qt::LeftButton, {}, pointAt(start) + QPoint(1, 0));
    QTest::mouseMove(text->viewport(), pointAt(start + sentence.size() / 2));
    QTest::mouseMove(text->viewport(), pointAt(start + sentence.size()));
    QTest::mouseRelease(text->viewport(), Qt::LeftButton, {}, pointAt(start + sentence.size()));
    QVERIFY2(text->textCursor().selectedText().startsWith(QStringLiteral("Thermo Fisher Scientific had supplied")),
             qPrintable(text->textCursor().selectedText()));
    shot(QStringLiteral("evidence-04-mouse-selection.png"));
    qint64 excerpt = 0;
    withModal([&] { QTest::keyClick(text, Qt::Key_E, Qt::ControlModifier); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<AttachExcerptDialog *>(modal);
                  QVERIFY(dialog);
                  QTest::qWait(200); // the picker's list loads on its worker
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-05-attach-relationship.png"));
                  QVERIFY(dialog->picker()->selected().has_value());
                  QVERIFY2(dialog->picker()->selected()->rowId == supply,
                           qPrintable(QStringLiteral("starts on “%1”").arg(dialog->picker()->selected()->caption)));
                  QCOMPARE(dialog->valueBox()->currentIndex(), 0); // the relationship itself
                  dialog->accept();
                  excerpt = dialog->resultId();
              });
    QVERIFY(excerpt > 0);
    QCOMPARE(m_window->inspectorDock()->entityRowId(), supply);
    QTRY_VERIFY(inspectorRowOf(excerpt).isValid());
    QVERIFY(inspectorRowOf(excerpt).data().toString().contains(QStringLiteral("supports")));

    // Grade it from the passage list (Ctrl+Alt+G): A3; the Inspector shows the grade at once.
    QTreeWidget *passages = viewer->passageList();
    for (int i = 0; i < passages->topLevelItemCount(); ++i) {
        if (passages->topLevelItem(i)->data(0, Qt::UserRole).toLongLong() == excerpt) {
            passages->setCurrentItem(passages->topLevelItem(i));
        }
    }
    QVERIFY(passages->currentItem());
    activate();
    passages->setFocus();
    withModal([&] { QTest::keyClick(passages, Qt::Key_G, Qt::ControlModifier | Qt::AltModifier); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<GradePassageDialog *>(modal);
                  QVERIFY(dialog);
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-06-grade.png"));
                  dialog->grading()->reliabilityBox()->setCurrentIndex(dialog->grading()->reliabilityBox()->findData(QStringLiteral("A")));
                  dialog->grading()->credibilityBox()->setCurrentIndex(dialog->grading()->credibilityBox()->findData(QStringLiteral("3")));
                  dialog->accept();
              });
    QTRY_VERIFY(inspectorRowOf(excerpt).data().toString().startsWith(QStringLiteral("A3 · supports")));
    // Its tip says the grades and the status in words, in the case's scheme.
    const QString tip = inspectorRowOf(excerpt).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Reliability: A — Completely reliable")) &&
                 tip.contains(QStringLiteral("Credibility: 3 — Possibly true")) && tip.contains(QStringLiteral("Status: Unverified")),
             qPrintable(tip));

    // The case's grading scheme changes to i2; every step undoes and redoes.
    withModal([&] { m_window->evidenceUi()->gradingSchemeAction()->trigger(); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<GradingSchemeDialog *>(modal);
                  QVERIFY(dialog);
                  dialog->presetBox()->setCurrentIndex(dialog->presetBox()->findData(QStringLiteral("i2")));
                  Q_EMIT dialog->presetBox()->activated(dialog->presetBox()->currentIndex());
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-07-scheme.png"));
                  dialog->accept();
              });
    QCOMPARE(SupportStore(*m_window->caseFile()).gradingScheme().name, QStringLiteral("i2"));
    QUndoStack *stack = m_window->editor()->undoStack();
    stack->undo();
    QCOMPARE(SupportStore(*m_window->caseFile()).gradingScheme().name, QStringLiteral("admiralty"));
    stack->undo();
    QTRY_VERIFY(inspectorRowOf(excerpt).data().toString().startsWith(QStringLiteral("supports")));
    stack->undo();
    QTRY_VERIFY(!inspectorRowOf(excerpt).isValid());
    stack->redo();
    stack->redo();
    stack->redo();
    QTRY_VERIFY(inspectorRowOf(excerpt).data().toString().startsWith(QStringLiteral("A3 · supports")));
    QCOMPARE(SupportStore(*m_window->caseFile()).gradingScheme().name, QStringLiteral("i2"));
    shot(QStringLiteral("evidence-08-graded.png"));
}

void EvidenceWalkUiTest::passagesSayWhatTheyAreAbout() {
    // The passage list of Rubio's letter says what each passage is about as the Inspector would:
    // an organiser by name (not "demo-marco-rubio"), a country by name, a directorship by the
    // two people it joins (not "Chairman — Role: Chairman").
    openArticle(QStringLiteral("Senator expresses concerns"));
    SourceViewer *viewer = m_window->evidenceUi()->viewer();
    QTreeWidget *passages = viewer->passageList();
    QVERIFY(passages->topLevelItemCount() > 20);
    QStringList about;
    for (int i = 0; i < passages->topLevelItemCount(); ++i) {
        about << passages->topLevelItem(i)->text(1);
    }
    for (const QString &a : std::as_const(about)) {
        QVERIFY2(!a.contains(QStringLiteral("demo-")), qPrintable(a));
    }
    const auto has = [&](const QString &text) {
        return std::any_of(about.cbegin(), about.cend(), [&](const QString &a) { return a.contains(text); });
    };
    QVERIFY2(has(QStringLiteral("Organizer: Marco Rubio")), qPrintable(about.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("Thermo Fisher Scientific — Country: United States (us)")), qPrintable(about.join(QLatin1Char('\n'))));
    QVERIFY2(has(QStringLiteral("Chairman: Marco Rubio → Congressional-Executive Commission on China — Role: Chairman")),
             qPrintable(about.join(QLatin1Char('\n'))));
    // The Grade dialog says the same, with the property's label, not its FtM name.
    for (int i = 0; i < passages->topLevelItemCount(); ++i) {
        if (passages->topLevelItem(i)->text(1).contains(QStringLiteral("Organizer"))) {
            passages->setCurrentItem(passages->topLevelItem(i));
            break;
        }
    }
    withModal([&] { viewer->gradeAction()->trigger(); },
              [&](QWidget *modal) {
                  QStringList labels;
                  for (const QLabel *l : modal->findChildren<QLabel *>()) {
                      labels << l->text();
                  }
                  QVERIFY2(labels.contains(QStringLiteral("About: Letter from Senator Marco Rubio to Thermo Fisher CEO Marc "
                                                          "Casper — Organizer: Marco Rubio")),
                           qPrintable(labels.join(QLatin1Char('\n'))));
              });
    // And the Attach dialog's values: the country by name.
    viewer->selectRange(0, 5);
    withModal([&] { viewer->attachAction()->trigger(); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<AttachExcerptDialog *>(modal);
                  dialog->setEntity(rowOf(QStringLiteral("thermo-fisher")), QStringLiteral("country"), QStringLiteral("us"));
                  QCOMPARE(dialog->valueBox()->currentText(), QStringLiteral("Country: United States (us)"));
              });
    shot(QStringLiteral("evidence-09-passages.png"));
}

void EvidenceWalkUiTest::unsupportedRelationshipNamesItsEnds() {
    // A new ownership with no passage: the Unsupported Facts dock lists it and says between whom
    // ("Ownership | Ownership" named neither end); a supporting passage takes it off the list.
    UnsupportedFactsDock *dock = m_window->evidenceUi()->unsupportedDock();
    dock->show();
    dock->raise();
    UnsupportedFactsModel *model = dock->model();
    QTRY_VERIFY(!model->isLoading());
    QCOMPARE(model->rowCount(), 0);
    const auto rel = m_window->editor()->createRelationship(QStringLiteral("Ownership"), rowOf(QStringLiteral("netposa")),
                                                           rowOf(QStringLiteral("sensenets")));
    QVERIFY(rel.ok());
    QTRY_COMPARE(model->rowCount(), 1);
    QTRY_VERIFY(!model->isLoading());
    const QString fact = model->index(0, UnsupportedFactsModel::FactColumn).data().toString();
    QCOMPARE(fact, QStringLiteral("NetPosa → SenseNets"));
    shot(QStringLiteral("evidence-10-unsupported.png"));

    const qint64 source = openArticle(QStringLiteral("Biometrics providers among Chinese companies"));
    QVERIFY(source > 0);
    const qint64 at = offsetOf(QStringLiteral("SenseNets"));
    QVERIFY(at >= 0);
    ExcerptAttachment a;
    a.entityRowId = *rel;
    a.sourceId = source;
    a.start = at;
    a.end = at + 9;
    a.quote = QStringLiteral("SenseNets");
    QVERIFY(EvidenceEditor(*m_window->editor()).attachExcerpt(a).ok());
    QTRY_COMPARE(model->rowCount(), 0);
    m_window->editor()->undoStack()->undo();
    QTRY_COMPARE(model->rowCount(), 1);
}

void EvidenceWalkUiTest::undoButtonKeepsTheSearchBoxWide() {
    // After quoting a long passage, the tool bar's Undo says "Undo" (the Edit menu and its tip say
    // what): its text once grew with the quote and squeezed the search box at 1366 px.
    QWidget *search = m_window->globalSearch();
    QApplication::processEvents();
    const int searchWidth = search->width();
    const qint64 source = openArticle(QStringLiteral("Senator expresses concerns"));
    const qint64 start = offsetOf(QStringLiteral("Thermo Fisher Scientific had supplied equipment"));
    ExcerptAttachment a;
    a.entityRowId = rowOf(QStringLiteral("supply-thermo-xinjiang"));
    a.sourceId = source;
    a.start = start;
    a.end = start + 120;
    const auto text = m_window->caseFile()->evidence().source(source)->text;
    a.quote = codePointSlice(text, a.start, a.end);
    QVERIFY(EvidenceEditor(*m_window->editor()).attachExcerpt(a).ok());
    QApplication::processEvents();
    shot(QStringLiteral("evidence-11-toolbar.png"));
    QToolButton *undo = nullptr;
    for (QToolButton *b : m_window->findChildren<QToolButton *>()) {
        if (b->defaultAction() && b->defaultAction()->toolTip().startsWith(QStringLiteral("Undo Attach"))) {
            undo = b;
        }
    }
    QVERIFY2(undo, "no tool bar button tells what Undo undoes");
    QCOMPARE(undo->text(), QStringLiteral("Undo"));
    QVERIFY(undo->isEnabled());
    QVERIFY2(search->width() >= searchWidth - 2,
             qPrintable(QStringLiteral("the search box shrank from %1 to %2 px").arg(searchWidth).arg(search->width())));
    undo->click();
    QTRY_VERIFY(!m_window->editor()->undoStack()->canUndo());
    QVERIFY(!undo->isEnabled());
}

void EvidenceWalkUiTest::custodyReportOfTheSourceBeingRead() {
    // Reading an article, the investigator asks for its chain of custody from the File menu.
    const qint64 first = openArticle(QStringLiteral("Senator expresses concerns"));
    QVERIFY(first > 0);
    // The Sources list still has that row current; the viewer then goes on to another article
    // (a passage in the Inspector): the report is of the article being read.
    const auto sources = m_window->caseFile()->evidence().sources();
    qint64 other = 0;
    for (const auto &s : sources) {
        other = s.id != first && s.title.contains(QStringLiteral("Entity List")) ? s.id : other;
    }
    QVERIFY(other > 0);
    m_window->evidenceUi()->openSource(other);
    QTRY_COMPARE(m_window->evidenceUi()->viewer()->sourceId(), other);
    QMenu *file = m_window->menuBar()->actions().at(0)->menu();
    QVERIFY(file->actions().contains(m_window->integrityActions()->custodyAction()));
    // Each item of the File menu keeps its own Alt key.
    QMap<QChar, QStringList> keys;
    for (QAction *action : file->actions()) {
        const QString t = action->text();
        const qsizetype amp = t.indexOf(QLatin1Char('&'));
        if (amp >= 0 && amp + 1 < t.size()) {
            keys[t.at(amp + 1).toUpper()] << t;
        }
    }
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        QVERIFY2(it->size() == 1, qPrintable(it->join(QStringLiteral(" | "))));
    }
    const QString sha = m_window->caseFile()->evidence().source(other)->sha256;
    const QString html = m_dir.filePath(QStringLiteral("custody.html"));
    withModal([&] { m_window->integrityActions()->custodyAction()->trigger(); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<CustodyDialog *>(modal);
                  QVERIFY(dialog);
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-12-custody.png"));
                  QVERIFY2(dialog->browser()->toPlainText().contains(sha), "the report is not of the source being read");
                  QString error;
                  QVERIFY2(dialog->saveTo(html, &error), qPrintable(error));
              });
    QFile saved(html);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QByteArray bytes = saved.readAll();
    QVERIFY(bytes.contains(sha.toLatin1()));
    QVERIFY(bytes.contains("<html") || bytes.contains("<!DOCTYPE"));
}

void EvidenceWalkUiTest::noteBeingWrittenIsNotLost() {
    // The investigator starts a Markdown note on Thermo Fisher (Ctrl+Alt+N), then, before pressing
    // Ctrl+Enter, clicks a name in the article to look something up. What was typed is kept, as
    // every other edit is: stored on Thermo Fisher as one undoable step, not silently dropped.
    const qint64 thermo = rowOf(QStringLiteral("thermo-fisher"));
    m_window->showEntity(thermo);
    NotesDock *notes = m_window->annotations()->notesDock();
    const auto count = [this](qint64 rowId) {
        return m_window->caseFile()->notes().notesFor(Target{Target::entityKind(), rowId}).size();
    };
    const qsizetype before = count(thermo);
    activate();
    notes->newNoteAction()->trigger();
    QCOMPARE(QApplication::focusWidget(), notes->editor());
    QTest::keyClicks(notes->editor(), QStringLiteral("## Resale"));
    QTest::keyClick(notes->editor(), Qt::Key_Return);
    QTest::keyClicks(notes->editor(), QStringLiteral("Ask **HRW** for the 2019 letters."));
    notes->tabs()->setCurrentWidget(notes->preview());
    shot(QStringLiteral("evidence-13-note.png"));
    QVERIFY(notes->preview()->toPlainText().contains(QStringLiteral("Ask HRW for the 2019 letters.")));
    m_window->showEntity(rowOf(QStringLiteral("marco-rubio")));
    QCOMPARE(count(thermo), before + 1);
    const QString body = m_window->caseFile()->notes().notesFor(Target{Target::entityKind(), thermo}).constLast().body;
    QCOMPARE(body, QStringLiteral("## Resale\nAsk **HRW** for the 2019 letters."));
    QVERIFY(notes->editor()->toPlainText().isEmpty()); // Rubio has no notes
    // The same for an edit of an existing note left for another note of the list.
    m_window->showEntity(thermo);
    QListWidget *list = notes->noteList();
    QTRY_VERIFY(list->count() >= 1);
    list->setCurrentRow(0);
    notes->tabs()->setCurrentWidget(notes->editor());
    notes->editor()->moveCursor(QTextCursor::End);
    QTest::keyClicks(notes->editor(), QStringLiteral(" Done."));
    notes->newNoteAction()->trigger();
    const auto all = m_window->caseFile()->notes().notesFor(Target{Target::entityKind(), thermo});
    QVERIFY(std::any_of(all.cbegin(), all.cend(), [](const Note &n) { return n.body.endsWith(QStringLiteral(" Done.")); }));
    QCOMPARE(all.size(), before + 1); // stored once, not once more as a new note
    // Undo takes the stored draft back.
    m_window->editor()->undoStack()->undo();
    m_window->editor()->undoStack()->undo();
    QCOMPARE(count(thermo), before);
    // Closing the case while writing keeps the note too.
    notes->newNoteAction()->trigger();
    QTest::keyClicks(notes->editor(), QStringLiteral("Check the distributor list."));
    m_window->closeCase();
    CaseFile reopened;
    QVERIFY(reopened.open(m_path).ok());
    const auto kept = reopened.notes().notesFor(Target{Target::entityKind(), thermo});
    QVERIFY(std::any_of(kept.cbegin(), kept.cend(),
                        [](const Note &n) { return n.body == QLatin1String("Check the distributor list."); }));
}

void EvidenceWalkUiTest::notesOnARelationshipAndItsClaims() {
    // On the Supply from Thermo Fisher to the police, the Notes dock offers the relationship by
    // its ends and each of its claims by what it says; a note on the claim about its product is
    // stored on that claim.
    const qint64 supply = rowOf(QStringLiteral("supply-thermo-xinjiang"));
    m_window->showEntity(supply);
    NotesDock *notes = m_window->annotations()->notesDock();
    notes->show();
    notes->raise();
    QComboBox *scope = notes->scopeBox();
    QStringList scopes;
    for (int i = 0; i < scope->count(); ++i) {
        scopes << scope->itemText(i);
    }
    QVERIFY2(scopes.value(1).startsWith(QStringLiteral("DNA sequencing equipment: Thermo Fisher Scientific → Xinjiang police")),
             qPrintable(scopes.join(QLatin1Char('\n'))));
    // Below the relationship: its claims by the value they are about, which a narrow dock shows.
    const int product = int(scopes.indexOf(QStringLiteral("Claim: Product: DNA sequencing equipment")));
    QVERIFY(scopes.contains(QStringLiteral("Claim: the Supply itself")));
    QVERIFY2(product > 0, qPrintable(scopes.join(QLatin1Char('\n'))));
    QCOMPARE(QSet<QString>(scopes.cbegin(), scopes.cend()).size(), scopes.size()); // told apart
    scope->setCurrentIndex(product);
    Q_EMIT scope->activated(product);
    QCOMPARE(notes->target().kind, Target::claimKind());
    activate();
    notes->newNoteAction()->trigger();
    QTest::keyClicks(notes->editor(), QStringLiteral("Which models? HRW names none."));
    QTest::keyClick(notes->editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(m_window->caseFile()->notes().notesFor(notes->target()).size(), 1);
    shot(QStringLiteral("evidence-13b-note-on-claim.png"));
}

void EvidenceWalkUiTest::tagsLeadsAndSearch() {
    // A new tag on the Xinjiang police from the Inspector's context menu (the Menu key reaches it
    // too); its name field shows its examples whole; the Entities dock filters by it.
    const qint64 police = rowOf(QStringLiteral("xinjiang-police"));
    m_window->showEntity(police);
    std::unique_ptr<QMenu> menu(m_window->annotations()->tagMenu(police, m_window.get()));
    QVERIFY(menu);
    QAction *newTag = nullptr;
    for (QAction *a : menu->actions()) {
        newTag = a->text().contains(QStringLiteral("New Tag")) ? a : newTag;
    }
    QVERIFY(newTag);
    withModal([&] { newTag->trigger(); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<NewTagDialog *>(modal);
                  QVERIFY(dialog);
                  QApplication::processEvents();
                  Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-14-new-tag.png"));
                  QLineEdit *name = dialog->nameField();
                  const int room = name->width() - 2 * name->fontMetrics().averageCharWidth();
                  QVERIFY2(room >= name->fontMetrics().horizontalAdvance(name->placeholderText()),
                           qPrintable(QStringLiteral("“%1” in a %2 px field").arg(name->placeholderText()).arg(name->width())));
                  QTest::keyClicks(name, QStringLiteral("Police"));
                  dialog->accept();
              });
    QTRY_COMPARE(m_window->annotations()->tagChips()->tagNames().contains(QStringLiteral("Police")), true);
    QComboBox *filter = m_window->annotations()->tagFilter();
    const int police_tag = filter->findText(QStringLiteral("Police (1)"));
    QVERIFY2(police_tag > 0, qPrintable(filter->itemText(filter->count() - 1)));
    filter->setCurrentIndex(police_tag);
    Q_EMIT filter->activated(police_tag);
    QTRY_COMPARE(m_window->entitiesDock()->view()->model()->rowCount(), 1);
    shot(QStringLiteral("evidence-15-tag-filter.png"));

    // A lead (Ctrl+Alt+L), assigned and closed; the dock's filter shows it again under All leads.
    LeadsDock *leads = m_window->annotations()->leadsDock();
    activate();
    withModal([&] { QTest::keyClick(m_window.get(), Qt::Key_L, Qt::ControlModifier | Qt::AltModifier); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<LeadDialog *>(modal);
                  QVERIFY(dialog);
                  QTest::keyClicks(dialog->titleField(), QStringLiteral("Who sold the sequencers to the police?"));
                  QTest::keyClicks(dialog->assigneeField(), QStringLiteral("AR"));
                  dialog->accept();
              });
    QTableView *view = leads->view();
    QTRY_VERIFY(view->currentIndex().isValid());
    QVERIFY(view->currentIndex().siblingAtColumn(0).data().toString().startsWith(QStringLiteral("Who sold")));
    // "Add Lead About This…" from the police's row in the Entities list (right click or the Menu
    // key): the lead is about the police, as the item says.
    QAbstractItemView *entities = m_window->entitiesDock()->view();
    QCOMPARE(entities->model()->rowCount(), 1); // still filtered by the Police tag
    entities->setCurrentIndex(entities->model()->index(0, 0));
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *popup = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY2(popup, "no context menu");
        QAction *about = nullptr;
        for (QAction *a : popup->actions()) {
            about = a->text().contains(QStringLiteral("Lead About This")) ? a : about;
        }
        QVERIFY(about);
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<LeadDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            asked = true;
            Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("evidence-16a-lead-about.png"));
            QCOMPARE(dialog->lead().target, (Target{Target::entityKind(), police}));
            dialog->reject();
        });
        popup->close();
        about->trigger();
    });
    Q_EMIT entities->customContextMenuRequested(entities->visualRect(entities->currentIndex()).center());
    QVERIFY(asked);
    const int open = view->model()->rowCount();
    shot(QStringLiteral("evidence-16-leads.png"));

    // Ctrl+K finds the demo's note on the police and opens it in the Notes dock.
    GlobalSearch *search = m_window->globalSearch();
    activate();
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    QTest::keyClicks(search, QStringLiteral("sequencers"));
    QTRY_VERIFY(search->hitCount() > 0);
    QAbstractItemView *popup = search->completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    Casegraph::Tests::saveShot(popup->grab(), QStringLiteral("evidence-17-search.png"));
    // Every hit is as tall as its text at the popup's width: a long name wraps onto a second line
    // that the one-line row cut in half.
    for (int r = 0; r < popup->model()->rowCount(); ++r) {
        const QModelIndex hit = popup->model()->index(r, 0);
        QTextDocument doc;
        doc.setDefaultFont(popup->font());
        doc.setDocumentMargin(1);
        doc.setPlainText(hit.data().toString());
        doc.setTextWidth(popup->viewport()->width() - 40); // less the icon and the margins
        QVERIFY2(popup->visualRect(hit).height() >= int(doc.size().height()) - 2,
                 qPrintable(QStringLiteral("“%1” gets %2 px of the %3 it needs")
                                .arg(hit.data().toString()).arg(popup->visualRect(hit).height()).arg(doc.size().height())));
    }
    QTest::keyClick(search, Qt::Key_Escape);
    Q_UNUSED(open);
}

void EvidenceWalkUiTest::integrityTools() {
    // Verify Case Integrity runs off the GUI thread and says what it checked.
    QString verdict;
    QTimer poll;
    poll.setInterval(50);
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            verdict = box->text();
            Casegraph::Tests::saveShot(box->grab(), QStringLiteral("evidence-18-verify.png"));
            box->accept();
        }
    });
    poll.start();
    m_window->integrityActions()->verifyAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!verdict.isEmpty(), 8000);
    poll.stop();
    QVERIFY2(verdict.startsWith(QStringLiteral("No problem found.")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("5 sources")), qPrintable(verdict));
    withModal([&] { m_window->integrityActions()->preferencesAction()->trigger(); },
              [&](QWidget *modal) {
                  QApplication::processEvents();
                  Casegraph::Tests::saveShot(modal->grab(), QStringLiteral("evidence-19-preferences.png"));
              });
    // Capture a page from a server of our own on 127.0.0.1 (never the internet): it opens in the
    // Source Viewer, to be read and quoted, and the status bar says what was captured.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->peek(socket->bytesAvailable()).contains("\r\n\r\n")) {
                return;
            }
            socket->readAll();
            const QByteArray body = "<html><head><title>Police procurement notice</title></head><body><p>The Xinjiang "
                                    "police bought DNA sequencers through a reseller.</p></body></html>";
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                          QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    });
    const QString url = QStringLiteral("http://127.0.0.1:%1/notice.html").arg(server.serverPort());
    withModal([&] { m_window->integrityActions()->captureAction()->trigger(); },
              [&](QWidget *modal) {
                  auto *dialog = qobject_cast<CaptureDialog *>(modal);
                  QVERIFY(dialog);
                  QTest::keyClicks(dialog->urlEdit(), url);
                  Casegraph::Tests::saveShot(modal->grab(), QStringLiteral("evidence-20-capture.png"));
                  QTest::keyClick(dialog->urlEdit(), Qt::Key_Return);
                  QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), 8000);
              });
    SourceViewer *viewer = m_window->evidenceUi()->viewer();
    QTRY_COMPARE(viewer->sourceTitle(), QStringLiteral("Police procurement notice"));
    QVERIFY(viewer->isVisible() && !viewer->visibleRegion().isEmpty());
    QVERIFY(viewer->textView()->toPlainText().contains(QStringLiteral("bought DNA sequencers")));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Police procurement notice")),
             qPrintable(m_window->statusBar()->currentMessage()));
    shot(QStringLiteral("evidence-21-captured.png"));
}

QTEST_MAIN(EvidenceWalkUiTest)
#include "evidencewalk_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "core/schema.h"
#include "demo/democase.h"
#include "entitypicker.h"
#include "inspectordock.h"
#include "itemmodels/sourcesmodel.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "sourcesdock.h"
#include "sourceviewer/evidencedialogs.h"
#include "sourceviewer/evidenceui.h"
#include "sourceviewer/originalview.h"
#include "sourceviewer/sourceviewer.h"
#include "sourceviewer/unsupportedfactsdock.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"
#include "support/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The Source viewer offscreen: demo articles with every passage highlighted by stance and
/// every known name underlined; a selection attached as an excerpt through the dialog stays
/// highlighted after the case is reopened; originals render offline.
class SourceViewerUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyDemoPassageIsHighlighted();
    void detailsGiveWayInAShortViewer();
    void everyDemoRelationshipShowsItsExcerpt();
    void namesAreUnderlinedAndOpenTheirEntity();
    void attachedPassageSurvivesReopen();
    void ctrlEAttachesInTheText();
    void createEntityFromSelection();
    void originalHtmlRendersOffline();
    void originalPdfPagesRender();
    void gradingSchemeDialogIsUndoable();
    void mainWindowWiring();

private:
    /// Background colour of the character at this code point in the viewer's text.
    static QColor backgroundAt(SourceViewer &viewer, qint64 codePoint);
    static QTextCharFormat formatAt(SourceViewer &viewer, qint64 codePoint);
    static QPoint pointOf(SourceViewer &viewer, qint64 codePoint);
    qint64 addSource(CaseFile &cf, const QString &title, const QByteArray &original, const QString &mime,
                     const QString &text);

    QTemporaryDir m_dir;
    QString m_demoPath;
};

void SourceViewerUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_demoPath = m_dir.filePath(QStringLiteral("demo.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_demoPath).ok());
    QVERIFY(DemoCase::write(cf).ok());
}

QTextCharFormat SourceViewerUiTest::formatAt(SourceViewer &viewer, qint64 codePoint) {
    const QString text = viewer.textView()->toPlainText();
    QTextCursor cursor(viewer.textView()->document());
    cursor.setPosition(int(codePointsToUtf16(text, codePoint)) + 1); // the format of the character before
    return cursor.charFormat();
}

QColor SourceViewerUiTest::backgroundAt(SourceViewer &viewer, qint64 codePoint) {
    const QTextCharFormat format = formatAt(viewer, codePoint);
    return format.hasProperty(QTextFormat::BackgroundBrush) ? format.background().color() : QColor();
}

QPoint SourceViewerUiTest::pointOf(SourceViewer &viewer, qint64 codePoint) {
    QTextCursor cursor(viewer.textView()->document());
    cursor.setPosition(int(codePointsToUtf16(viewer.textView()->toPlainText(), codePoint)));
    viewer.textView()->setTextCursor(cursor);
    viewer.textView()->ensureCursorVisible();
    const QRect r = viewer.textView()->cursorRect(cursor);
    return QPoint(r.right() + 3, r.center().y()); // inside the character after the cursor
}

qint64 SourceViewerUiTest::addSource(CaseFile &cf, const QString &title, const QByteArray &original,
                                     const QString &mime, const QString &text) {
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, title);
    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), title);
    article.add(QStringLiteral("publisher"), QStringLiteral("The Test Gazette"));
    Source s;
    s.entityRowId = *cf.entities().create(article, prov);
    s.fileName = title + QStringLiteral(".bin");
    s.mimeType = mime;
    s.original = original;
    s.text = text;
    s.url = QStringLiteral("https://example.org/article");
    const auto id = cf.evidence().addSource(s);
    return id ? *id : 0;
}

void SourceViewerUiTest::everyDemoPassageIsHighlighted() {
    CaseFile cf;
    QVERIFY(cf.open(m_demoPath).ok());
    CaseEditor editor(cf);
    SourceViewer viewer;
    viewer.resize(900, 800);
    viewer.setCase(&cf, &editor);
    int total = 0;
    int contradicting = 0;
    for (const auto &summary : cf.evidence().sources()) {
        viewer.showSource(summary.id);
        QCOMPARE(viewer.sourceId(), summary.id);
        int expected = 0;
        for (const auto &claim : cf.evidence().claimsForSource(summary.id)) {
            for (const auto &x : claim.excerpts) {
                if (x.sourceId != summary.id) {
                    continue;
                }
                ++expected;
                // Highlighted by stance (where passages overlap, the one applied last shows).
                const QColor shown = backgroundAt(viewer, (x.start + x.end) / 2);
                QVERIFY2(shown == QColor(0xfd, 0xe6, 0x8a) || shown == QColor(0xf7, 0xc6, 0xc6),
                         qPrintable(x.quote));
                if (x.stance == Excerpt::Stance::Contradicts) {
                    ++contradicting;
                }
            }
        }
        QCOMPARE(viewer.excerptCount(), expected);
        QCOMPARE(viewer.passageList()->topLevelItemCount(), expected);
        total += expected;
        // The header gives the metadata a reader checks first.
        const QString header = viewer.header()->text();
        QVERIFY(header.contains(QStringLiteral("Publisher")));
        QCOMPARE(viewer.hashField()->text(), summary.sha256);
    }
    QVERIFY2(total >= 257, qPrintable(QString::number(total)));
    qInfo("%d passages highlighted, %d of them contradicting", total, contradicting);
}

void SourceViewerUiTest::detailsGiveWayInAShortViewer() {
    CaseFile cf;
    QVERIFY(cf.open(m_demoPath).ok());
    CaseEditor editor(cf);
    SourceViewer viewer;
    viewer.setCase(&cf, &editor);
    viewer.showSource(cf.evidence().sources().first().id);
    // Docked on a laptop (about 370 px tall at 1366 x 768): the title and counts only, so that
    // the text keeps room; a link brings the metadata back.
    viewer.resize(460, 370);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QVERIFY(!viewer.detailsShown());
    QVERIFY(!viewer.header()->text().contains(QStringLiteral("Publisher")));
    QVERIFY(viewer.header()->text().contains(QStringLiteral("Show details")));
    QVERIFY(!viewer.hashField()->isVisible());
    const int shortHeader = viewer.header()->height();
    Casegraph::Tests::saveShot(viewer.grab(), QStringLiteral("sourceviewer-short.png"));
    Q_EMIT viewer.header()->linkActivated(QStringLiteral("casegraph:details"));
    QVERIFY(viewer.detailsShown());
    QVERIFY(viewer.header()->text().contains(QStringLiteral("Publisher")));
    QVERIFY(viewer.hashField()->isVisible());
    QTRY_VERIFY(viewer.header()->height() > shortHeader + 30);
    // The reader's choice stands when the viewer is resized; a tall viewer shows details anyway.
    viewer.resize(460, 360);
    QCoreApplication::processEvents();
    QVERIFY(viewer.detailsShown());
    SourceViewer tall;
    tall.setCase(&cf, &editor);
    tall.showSource(cf.evidence().sources().first().id);
    tall.resize(700, 800);
    tall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tall));
    QVERIFY(tall.detailsShown());
    QVERIFY(tall.header()->text().contains(QStringLiteral("Hide details")));
}

void SourceViewerUiTest::everyDemoRelationshipShowsItsExcerpt() {
    // The quality bar: every relationship of the demo has a supporting passage, and opening
    // each of its passages in the viewer selects exactly the quote, highlighted by stance.
    CaseFile cf;
    QVERIFY(cf.open(m_demoPath).ok());
    SourceViewer viewer;
    viewer.resize(900, 800);
    viewer.setCase(&cf, nullptr);
    int relationships = 0;
    int passages = 0;
    QStringList missing;
    QVERIFY(cf.entities()
                .forEach([&](const Entity &e) {
                    const Schema *schema = SchemaRegistry::instance().schema(e.schema);
                    if (!schema || !schema->isEdge()) {
                        return true;
                    }
                    ++relationships;
                    bool supported = false;
                    for (const Claim &claim : cf.evidence().claimsFor(e.rowId)) {
                        for (const Excerpt &x : claim.excerpts) {
                            supported = supported || x.stance == Excerpt::Stance::Supports;
                            viewer.showExcerpt(x.sourceId, x.id);
                            ++passages;
                            const QTextCursor cursor = viewer.textView()->textCursor();
                            const QString text = viewer.textView()->toPlainText();
                            const QColor shown = backgroundAt(viewer, (x.start + x.end) / 2);
                            const QTreeWidgetItem *current = viewer.passageList()->currentItem();
                            if (viewer.sourceId() != x.sourceId || codePointSlice(text, x.start, x.end) != x.quote ||
                                cursor.selectionStart() != codePointsToUtf16(text, x.start) ||
                                cursor.selectionEnd() != codePointsToUtf16(text, x.end) || !current ||
                                current->data(0, Qt::UserRole).toLongLong() != x.id ||
                                (shown != QColor(0xfd, 0xe6, 0x8a) && shown != QColor(0xf7, 0xc6, 0xc6))) {
                                missing << e.caption + QStringLiteral(": ") + x.quote.left(60);
                            }
                        }
                    }
                    if (!supported) {
                        missing << e.caption + QStringLiteral(": no supporting passage");
                    }
                    return true;
                })
                .ok());
    QVERIFY(relationships >= 20);
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
    qInfo("%d relationships, %d passages opened and highlighted", relationships, passages);
}

void SourceViewerUiTest::namesAreUnderlinedAndOpenTheirEntity() {
    CaseFile cf;
    QVERIFY(cf.open(m_demoPath).ok());
    SourceViewer viewer;
    viewer.resize(1000, 900);
    viewer.setCase(&cf, nullptr);
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.showSource(cf.evidence().sources().first().id);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.mentionsReady(), 5000);
    QTRY_VERIFY(!viewer.mentions().isEmpty());
    const Mention m = viewer.mentions().first();
    const QTextCharFormat format = formatAt(viewer, m.start);
    QCOMPARE(format.underlineStyle(), QTextCharFormat::DashUnderline);
    QCOMPARE(format.foreground().color(), QColor(0x1a, 0x56, 0xa8));
    // A click on the name opens its entity (a real mouse click on the viewport).
    QSignalSpy opened(&viewer, &SourceViewer::entityActivated);
    const QPoint at = pointOf(viewer, m.start + 1);
    QTextCursor none(viewer.textView()->document());
    viewer.textView()->setTextCursor(none);
    QTest::mouseClick(viewer.textView()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toLongLong(), m.entityRowIds.first());
    // "Show Names" off removes the underlines.
    viewer.showMentionsAction()->setChecked(false);
    QCOMPARE(formatAt(viewer, m.start).underlineStyle(), QTextCharFormat::NoUnderline);
    viewer.showMentionsAction()->setChecked(true);
    QCOMPARE(formatAt(viewer, m.start).underlineStyle(), QTextCharFormat::DashUnderline);
}

void SourceViewerUiTest::attachedPassageSurvivesReopen() {
    const QString path = m_dir.filePath(QStringLiteral("attach.casegraph"));
    const QString text = QStringLiteral("🧬 报道：华大基因（BGI）于2019年5月向新疆警方出售测序仪。Re\u0301sume\u0301 👩‍🔬 "
                                        "Promega sequencers were resold in China as recently as May.");
    const QString quote = QStringLiteral("Promega sequencers were resold in China as recently as May");
    qint64 source = 0;
    qint64 supply = 0;
    qint64 start = 0;
    {
        CaseFile cf;
        QVERIFY(cf.create(path).ok());
        source = addSource(cf, QStringLiteral("Resale"), text.toUtf8(), QStringLiteral("text/plain"), text);
        CaseEditor editor(cf);
        const qint64 promega = *editor.createEntity(QStringLiteral("Company"), QStringLiteral("Promega"));
        const qint64 police = *editor.createEntity(QStringLiteral("PublicBody"), QStringLiteral("Xinjiang police"));
        supply = *editor.createRelationship(QStringLiteral("Supply"), promega, police,
                                            {{QStringLiteral("startDate"), QStringLiteral("2019-05")}});
        SourceViewer viewer;
        viewer.resize(900, 700);
        viewer.setCase(&cf, &editor);
        viewer.showSource(source);
        start = utf16ToCodePoints(text, text.indexOf(quote));
        viewer.selectRange(start, start + quote.size());
        QVERIFY(viewer.attachAction()->isEnabled());
        bool seen = false;
        QTimer::singleShot(0, this, [&] {
            auto *dialog = qobject_cast<AttachExcerptDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            seen = true;
            QCOMPARE(dialog->attachment().quote, quote);
            dialog->setEntity(supply, QStringLiteral("startDate"), QStringLiteral("2019-05"));
            QCOMPARE(dialog->valueBox()->currentData().toStringList().value(0), QStringLiteral("startDate"));
            dialog->grading()->setValues(Excerpt::Stance::Supports, QStringLiteral("B"), QStringLiteral("2"),
                                         ClaimStatus::Corroborated);
            dialog->accept();
        });
        viewer.attachAction()->trigger();
        QVERIFY(seen);
        QCOMPARE(viewer.excerptCount(), 1);
        QCOMPARE(backgroundAt(viewer, start + 3), QColor(0xfd, 0xe6, 0x8a));
        QCOMPARE(viewer.passageList()->topLevelItem(0)->text(3), QStringLiteral("B2"));
        QCOMPARE(editor.undoStack()->count(), 4);
    }
    // Reopened: the passage is still highlighted at the same characters, and graded.
    CaseFile cf;
    QVERIFY(cf.open(path).ok());
    SourceViewer viewer;
    viewer.resize(900, 700);
    viewer.setCase(&cf, nullptr);
    viewer.showSource(source);
    QCOMPARE(viewer.excerptCount(), 1);
    QCOMPARE(viewer.excerptsAt(start), QList<qint64>{viewer.passageList()->topLevelItem(0)->data(0, Qt::UserRole).toLongLong()});
    QVERIFY(viewer.excerptsAt(start - 1).isEmpty());
    QVERIFY(viewer.excerptsAt(start + qint64(quote.size())).isEmpty());
    QCOMPARE(backgroundAt(viewer, start), QColor(0xfd, 0xe6, 0x8a));
    QVERIFY(!backgroundAt(viewer, start - 2).isValid());
    const Support s = SupportStore(cf).supportOf(supply, QStringLiteral("startDate"));
    QCOMPARE(s.excerpts, 1);
    QCOMPARE(s.badge(), QStringLiteral("B2 ×1"));
    // The header shows the source's metadata.
    QVERIFY(viewer.header()->text().contains(QStringLiteral("The Test Gazette")));
    QVERIFY(viewer.header()->text().contains(QStringLiteral("https://example.org/article")));
}

void SourceViewerUiTest::ctrlEAttachesInTheText() {
    CaseFile cf;
    QVERIFY(cf.open(m_demoPath).ok());
    CaseEditor editor(cf);
    QMainWindow window; // with a window-wide Ctrl+E, as the main window has ("New Entity")
    auto *viewer = new SourceViewer(&window);
    window.setCentralWidget(viewer);
    auto *newEntity = new QAction(QStringLiteral("New Entity"), &window);
    newEntity->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    window.addAction(newEntity);
    QSignalSpy newEntitySpy(newEntity, &QAction::triggered);
    window.resize(900, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    viewer->setCase(&cf, &editor);
    viewer->showSource(cf.evidence().sources().first().id);
    viewer->selectRange(0, 5);
    viewer->textView()->setFocus();
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        if (auto *dialog = qobject_cast<AttachExcerptDialog *>(QApplication::activeModalWidget())) {
            seen = true;
            dialog->reject();
        }
    });
    QTest::keyClick(viewer->textView(), Qt::Key_E, Qt::ControlModifier);
    QVERIFY(seen);
    QCOMPARE(newEntitySpy.size(), 0);
}

void SourceViewerUiTest::createEntityFromSelection() {
    const QString path = m_dir.filePath(QStringLiteral("create.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(path).ok());
    const QString text = QStringLiteral("据报道，深网视界的母公司东方网力也在名单上。");
    const qint64 source = addSource(cf, QStringLiteral("名单"), text.toUtf8(), QStringLiteral("text/plain"), text);
    CaseEditor editor(cf);
    SourceViewer viewer;
    viewer.setCase(&cf, &editor);
    viewer.showSource(source);
    QSignalSpy opened(&viewer, &SourceViewer::entityActivated);
    viewer.selectRange(12, 16); // 东方网力
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<AttachExcerptDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("东方网力"));
        dialog->schemaBox()->setCurrentIndex(dialog->schemaBox()->findData(QStringLiteral("Company")));
        dialog->accept();
    });
    viewer.createEntityAction()->trigger();
    QCOMPARE(opened.size(), 1);
    const qint64 created = opened.first().first().toLongLong();
    QCOMPARE(cf.entities().row(created)->caption, QStringLiteral("东方网力"));
    QCOMPARE(viewer.excerptCount(), 1);
    // The new name is found in the text once the names are rebuilt.
    QTRY_VERIFY_WITH_TIMEOUT(!viewer.mentions().isEmpty(), 5000);
    QCOMPARE(viewer.mentions().first().start, 12);
    editor.undoStack()->undo();
    QVERIFY(!cf.entities().row(created));
    QTRY_COMPARE(viewer.excerptCount(), 0);
}

void SourceViewerUiTest::originalHtmlRendersOffline() {
    const QString path = m_dir.filePath(QStringLiteral("html.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(path).ok());
    const QByteArray html = "<html><head><meta charset=\"utf-8\"><script>document.write('INJECTED')</script>"
                            "<link rel=\"stylesheet\" href=\"https://tracker.example/s.css\"></head>"
                            "<body onload=\"alert(1)\"><h1>Sequencers resold</h1><p>Body text 华大基因.</p>"
                            "<img src=\"https://tracker.example/pixel.png\"><img src=\"data:image/png;base64,"
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\">"
                            "</body></html>";
    const qint64 source =
        addSource(cf, QStringLiteral("Page"), html, QStringLiteral("text/html"), QStringLiteral("Sequencers resold\nBody text 华大基因."));
    SourceViewer viewer;
    viewer.resize(900, 700);
    viewer.setCase(&cf, nullptr);
    viewer.show();
    viewer.showSource(source);
    viewer.tabs()->setCurrentWidget(viewer.originalView());
    OfflineBrowser *browser = viewer.originalView()->htmlView();
    QTRY_VERIFY(browser->isVisible());
    const QString shown = browser->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("Sequencers resold")));
    QVERIFY(shown.contains(QStringLiteral("华大基因")));
    QVERIFY(!shown.contains(QStringLiteral("INJECTED")));
    QVERIFY(!browser->toHtml().contains(QStringLiteral("alert")));
    QVERIFY(viewer.originalView()->notice()->text().contains(QStringLiteral("not loaded")));
    // The view refuses anything but data: images.
    QVERIFY(browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://tracker.example/p.png"))).isNull());
    QVERIFY(browser->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd"))).isNull());
    QVERIFY(browser->refusedCount() >= 2);
}

void SourceViewerUiTest::originalPdfPagesRender() {
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(200, 200, QStringLiteral("Page one: Promega"));
        writer.newPage();
        painter.drawText(200, 200, QStringLiteral("Page two"));
    }
    QVERIFY(pdf.startsWith("%PDF"));
    const QString path = m_dir.filePath(QStringLiteral("pdf.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(path).ok());
    const qint64 source = addSource(cf, QStringLiteral("Filing"), pdf, QStringLiteral("application/pdf"),
                                    QStringLiteral("Page one: Promega\fPage two"));
    SourceViewer viewer;
    viewer.resize(900, 700);
    viewer.setCase(&cf, nullptr);
    viewer.show();
    viewer.showSource(source);
    QCOMPARE(viewer.originalView()->pageCount(), 2);
    QCOMPARE(viewer.originalView()->renderedPages(), 0); // nothing rendered until the tab is shown
    viewer.tabs()->setCurrentWidget(viewer.originalView());
    QTRY_COMPARE(viewer.originalView()->renderedPages(), 2);
}

void SourceViewerUiTest::gradingSchemeDialogIsUndoable() {
    const QString path = m_dir.filePath(QStringLiteral("scheme.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(path).ok());
    CaseEditor editor(cf);
    GradingSchemeDialog dialog(editor);
    QCOMPARE(dialog.scheme(), GradingScheme::admiralty());
    dialog.presetBox()->setCurrentIndex(dialog.presetBox()->findData(QStringLiteral("i2")));
    Q_EMIT dialog.presetBox()->activated(dialog.presetBox()->currentIndex());
    QCOMPARE(dialog.scheme(), GradingScheme::i2());
    dialog.accept();
    QCOMPARE(SupportStore(cf).gradingScheme(), GradingScheme::i2());
    editor.undoStack()->undo();
    QCOMPARE(SupportStore(cf).gradingScheme().reliability.size(), 6);
}

void SourceViewerUiTest::mainWindowWiring() {
    RecentFiles recent;
    MainWindow window(&recent);
    window.setLayoutPersistence(false);
    window.setInteractive(false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(window.openCase(m_demoPath).ok());
    QVERIFY(window.waitUntilLoaded(10000));
    EvidenceUi *evidence = window.evidenceUi();
    QVERIFY(evidence);
    // Double-click (activate) on a source reads it in the viewer.
    QTableView *sources = window.sourcesDock()->view();
    const QModelIndex first = sources->model()->index(0, 0);
    Q_EMIT sources->activated(first);
    const qint64 sourceId = window.sourcesDock()->model()->summary(0).id;
    QCOMPARE(evidence->viewer()->sourceId(), sourceId);
    QVERIFY(evidence->viewerDock()->isVisible());
    // A passage in the Inspector opens the viewer at that passage.
    const auto claims = window.caseFile()->evidence().claimsForSource(window.sourcesDock()->model()->summary(1).id);
    QVERIFY(!claims.isEmpty());
    const Excerpt x = claims.last().excerpts.first();
    Q_EMIT window.inspectorDock()->excerptActivated(x.sourceId, x.id);
    QCOMPARE(evidence->viewer()->sourceId(), x.sourceId);
    QCOMPARE(evidence->viewer()->textView()->textCursor().selectedText().size(), qsizetype(x.quote.size()));
    // Analysis → Unsupported Facts shows the demo as fully supported.
    evidence->unsupportedDock()->toggleViewAction()->trigger();
    QVERIFY(evidence->unsupportedDock()->isVisible());
    QTRY_VERIFY(!evidence->unsupportedDock()->model()->isLoading());
    QCOMPARE(evidence->unsupportedDock()->model()->count(UnsupportedFact::Kind::Relationship), 0);
    QCOMPARE(evidence->unsupportedDock()->model()->count(UnsupportedFact::Kind::DatedFact), 0);
    evidence->unsupportedDock()->hide();

    // The screenshot for the documentation: a Supply relationship in the Inspector, and the
    // viewer at the passage that supports its date, with the neighbouring passages and names.
    const qint64 supply = window.caseFile()->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("supply-thermo-resale")));
    window.showEntity(supply);
    Excerpt dated;
    for (const auto &c : window.caseFile()->evidence().claimsFor(supply)) {
        if (c.property == QLatin1String("startDate")) {
            dated = c.excerpts.first();
        }
    }
    QVERIFY(dated.id);
    evidence->openExcerpt(dated.sourceId, dated.id);
    QTRY_VERIFY_WITH_TIMEOUT(evidence->viewer()->mentionsReady(), 5000);
    window.resizeDocks({window.inspectorDock(), evidence->viewerDock()}, {330, 620}, Qt::Vertical);
    evidence->viewer()->showExcerpt(dated.sourceId, dated.id);
    for (int i = 0; i < 5; ++i) {
        QCoreApplication::processEvents();
    }
    const QImage shot = window.grab().toImage();
    QVERIFY(!shot.isNull());
    const QString out = qEnvironmentVariable("CASEGRAPH_SOURCEVIEWER_SCREENSHOT");
    if (!out.isEmpty()) {
        QVERIFY(shot.save(out));
    }
    window.closeCase();
}

QTEST_MAIN(SourceViewerUiTest)
#include "sourceviewer_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "screening/referencelists.h"
#include "sourceviewer/listedentrydialog.h"
#include "sourceviewer/sourceviewer.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// Names of a loaded reference list highlighted in the Source viewer, apart from the case's
/// names: the demo case with a small Entity List (tests/fixtures/evidence), as a reporter
/// reading the BIS article would see it. Set CASEGRAPH_SHOTS to a folder to keep a screenshot.
class ListedMentionsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listedNamesAreASecondKind();
    void clickShowsTheEntryAndScreens();
    void createEntityFromTheEntry();

private:
    /// The viewer on the BIS article, its names found.
    void openArticle(SourceViewer &viewer);
    const Mention *mentionOf(const SourceViewer &viewer, const QString &quote) const;
    static QTextCharFormat formatAt(SourceViewer &viewer, qint64 codePoint);

    QTemporaryDir m_dir;
    QString m_path;
    CaseFile m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_article = 0;
};

const QColor ListedColor(0xa3, 0x3b, 0x00);
const QColor MentionColor(0x1a, 0x56, 0xa8);

void ListedMentionsUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_path = m_dir.filePath(QStringLiteral("demo-listed.casegraph"));
    QVERIFY(m_case.create(m_path).ok());
    QVERIFY(DemoCase::write(m_case).ok());
    const auto loaded = ReferenceListLoader::load(
        m_case, Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/evidence/entity-list-2020-06.ftm.json")),
        QStringLiteral("Entity List (June 2020 additions)"));
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded->version.entries, 6);
    m_editor = std::make_unique<CaseEditor>(m_case);
    for (const auto &summary : m_case.evidence().sources()) {
        if (m_case.evidence().source(summary.id)->text.contains(QStringLiteral("Institute of Forensic Science"))) {
            m_article = summary.id;
        }
    }
    QVERIFY(m_article);
    // Weak aliases never come back; single words are left to the viewer's filter.
    for (const auto &n : SupportStore(m_case).listedNames()) {
        QVERIFY2(n.name != QLatin1String("Public Security"), "a weak alias was read as a name");
    }
}

QTextCharFormat ListedMentionsUiTest::formatAt(SourceViewer &viewer, qint64 codePoint) {
    const QString text = viewer.textView()->toPlainText();
    QTextCursor cursor(viewer.textView()->document());
    cursor.setPosition(int(codePointsToUtf16(text, codePoint)) + 1);
    return cursor.charFormat();
}

void ListedMentionsUiTest::openArticle(SourceViewer &viewer) {
    viewer.resize(1300, 900);
    viewer.setCase(&m_case, m_editor.get());
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    viewer.showSource(m_article);
    QTRY_VERIFY_WITH_TIMEOUT(viewer.mentionsReady(), 10000);
    QTRY_VERIFY(!viewer.listedEntries().isEmpty());
}

const Mention *ListedMentionsUiTest::mentionOf(const SourceViewer &viewer, const QString &quote) const {
    const QString text = m_case.evidence().source(m_article)->text;
    for (const auto &m : viewer.mentions()) {
        if (codePointSlice(text, m.start, m.end) == quote) {
            return &m;
        }
    }
    return nullptr;
}

void ListedMentionsUiTest::listedNamesAreASecondKind() {
    SourceViewer viewer;
    openArticle(viewer);
    // The Institute is not in the case under this name: a listed name, orange and dotted. Its
    // listed alias is longer than the case's "Ministry of Public Security" and wins.
    const Mention *institute = mentionOf(viewer, QStringLiteral("Ministry of Public Security’s Institute of Forensic Science"));
    QVERIFY(institute);
    QVERIFY(institute->isListedOnly());
    QCOMPARE(viewer.listedEntries().at(institute->listedKeys.first()).entryId, QStringLiteral("el20-ifs"));
    QTextCharFormat format = formatAt(viewer, institute->start + 3);
    QCOMPARE(format.foreground().color(), ListedColor);
    QCOMPARE(format.underlineStyle(), QTextCharFormat::DotLine);
    QVERIFY(format.toolTip().contains(QStringLiteral("Entity List (June 2020 additions)")));
    // CloudWalk Technology is a case entity and listed: blue, with the list's dotted line.
    const Mention *cloudwalk = mentionOf(viewer, QStringLiteral("CloudWalk Technology"));
    QVERIFY(cloudwalk);
    QVERIFY(!cloudwalk->entityRowIds.isEmpty());
    QVERIFY(!cloudwalk->listedKeys.isEmpty());
    format = formatAt(viewer, cloudwalk->start + 3);
    QCOMPARE(format.foreground().color(), MentionColor);
    QCOMPARE(format.underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(format.underlineColor(), ListedColor);
    QVERIFY(format.toolTip().contains(QStringLiteral("Also on a loaded list")));
    // A case name that is on no list keeps the dashed blue line.
    const Mention *megvii = mentionOf(viewer, QStringLiteral("Megvii"));
    QVERIFY(megvii && megvii->listedKeys.isEmpty());
    QCOMPARE(formatAt(viewer, megvii->start + 1).underlineStyle(), QTextCharFormat::DashUnderline);
    // An ordinary word a list carries as a name ("PEOPLE") does not light up prose; a
    // distinctive one-word alias ("Intellifusion") does: the case's entity, also on the list.
    for (const auto &m : viewer.mentions()) {
        QVERIFY2(!m.isListedOnly() || viewer.listedEntries().at(m.listedKeys.first()).entryId != QLatin1String("el20-people"),
                 "a single-word listed name was highlighted");
    }
    const Mention *intellifusion = mentionOf(viewer, QStringLiteral("Intellifusion"));
    QVERIFY(intellifusion && !intellifusion->entityRowIds.isEmpty());
    QCOMPARE(intellifusion->listedKeys.size(), 1);
    QCOMPARE(viewer.listedEntries().at(intellifusion->listedKeys.first()).entryId, QStringLiteral("el20-intellifusion"));
    format = formatAt(viewer, intellifusion->start + 3);
    QCOMPARE(format.foreground().color(), MentionColor);
    QCOMPARE(format.underlineStyle(), QTextCharFormat::DotLine);
    QCOMPARE(format.underlineColor(), ListedColor);
    // The toggle hides listed names only.
    viewer.showListedAction()->setChecked(false);
    QCOMPARE(formatAt(viewer, institute->start + 3).underlineStyle(), QTextCharFormat::NoUnderline);
    QCOMPARE(formatAt(viewer, cloudwalk->start + 3).underlineStyle(), QTextCharFormat::DashUnderline);
    viewer.showListedAction()->setChecked(true);
    QVERIFY(viewer.legend()->pixmap().width() > 300);

    if (const QString shots = qEnvironmentVariable("CASEGRAPH_SHOTS"); !shots.isEmpty()) {
        viewer.selectRange(institute->start, institute->start); // scroll there
        QVERIFY(viewer.grab().save(shots + QStringLiteral("/sourceviewer-listed.png")));
    }
}

void ListedMentionsUiTest::clickShowsTheEntryAndScreens() {
    SourceViewer viewer;
    openArticle(viewer);
    const Mention *institute = mentionOf(viewer, QStringLiteral("Ministry of Public Security’s Institute of Forensic Science"));
    QVERIFY(institute);
    // A real click on the name.
    QSignalSpy opened(&viewer, &SourceViewer::entityActivated);
    QTextCursor cursor(viewer.textView()->document());
    cursor.setPosition(int(codePointsToUtf16(viewer.textView()->toPlainText(), institute->start + 4)));
    viewer.textView()->setTextCursor(cursor);
    viewer.textView()->ensureCursorVisible();
    const QRect r = viewer.textView()->cursorRect(cursor);
    viewer.textView()->setTextCursor(QTextCursor(viewer.textView()->document()));
    QTest::mouseClick(viewer.textView()->viewport(), Qt::LeftButton, {}, QPoint(r.right() + 3, r.center().y()));
    QCOMPARE(opened.size(), 0); // not a case entity
    ListedEntryDialog *dialog = viewer.listedEntryDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    const QString details = dialog->details()->text();
    for (const char *expected : {"Ministry of Public Security's Institute of Forensic Science of China", "Entity List",
                                 "2020-06-05", "85 FR 34495", "Entity List (June 2020 additions)", "el20-ifs",
                                 "entity-list-2020-06.ftm.json", "SHA-256"}) {
        QVERIFY2(details.contains(QString::fromUtf8(expected).toHtmlEscaped()), expected);
    }
    QVERIFY(dialog->createButton()->isEnabled());
    if (const QString shots = qEnvironmentVariable("CASEGRAPH_SHOTS"); !shots.isEmpty()) {
        QVERIFY(dialog->grab().save(shots + QStringLiteral("/listed-entry.png")));
    }
    dialog->close();

    // Screening CloudWalk's entry against the case finds the case's CloudWalk Technology.
    const Mention *cloudwalk = mentionOf(viewer, QStringLiteral("CloudWalk Technology"));
    QVERIFY(cloudwalk);
    dialog = viewer.showListedEntry(*cloudwalk);
    QVERIFY(dialog);
    QSignalSpy finished(dialog, &ListedEntryDialog::screeningFinished);
    dialog->screenButton()->click();
    QVERIFY(finished.wait(15000));
    QVERIFY(dialog->candidates()->topLevelItemCount() >= 1);
    QTreeWidgetItem *best = dialog->candidates()->topLevelItem(0);
    QCOMPARE(best->text(0), QStringLiteral("CloudWalk Technology"));
    QCOMPARE(best->data(0, Qt::UserRole).toLongLong(), cloudwalk->entityRowIds.first());
    // Activating a candidate opens it.
    Q_EMIT dialog->candidates()->itemActivated(best, 0);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.first().first().toLongLong(), cloudwalk->entityRowIds.first());
    dialog->close();
}

void ListedMentionsUiTest::createEntityFromTheEntry() {
    SourceViewer viewer;
    openArticle(viewer);
    const Mention *institute = mentionOf(viewer, QStringLiteral("Ministry of Public Security’s Institute of Forensic Science"));
    QVERIFY(institute);
    const Mention copy = *institute;
    ListedEntryDialog *dialog = viewer.showListedEntry(copy);
    QVERIFY(dialog);
    QSignalSpy opened(&viewer, &SourceViewer::entityActivated);
    const int before = m_editor->undoStack()->count();
    dialog->createButton()->click();
    QCOMPARE(opened.size(), 1);
    const qint64 created = opened.first().first().toLongLong();
    const auto entity = m_case.entities().entity(created);
    QVERIFY(entity);
    QCOMPARE(entity->schema, QStringLiteral("PublicBody"));
    QCOMPARE(entity->first(QStringLiteral("name")), QStringLiteral("Ministry of Public Security's Institute of Forensic Science of China"));
    QVERIFY(entity->valuesOf(QStringLiteral("alias")).contains(QStringLiteral("公安部物证鉴定中心")));
    QCOMPARE(entity->first(QStringLiteral("country")), QStringLiteral("cn"));
    // The clicked passage is attached to it, so the new entity is sourced from the start.
    const auto claims = m_case.evidence().claimsFor(created);
    QCOMPARE(claims.size(), 1);
    QCOMPARE(claims.first().excerpts.size(), 1);
    QCOMPARE(claims.first().excerpts.first().sourceId, m_article);
    QCOMPARE(claims.first().excerpts.first().quote, QStringLiteral("Ministry of Public Security’s Institute of Forensic Science"));
    QCOMPARE(m_editor->undoStack()->count(), before + 1); // one step
    // Now the name is a case entity's (blue), still listed (dotted orange).
    const auto named = [&] {
        const Mention *m = mentionOf(viewer, QStringLiteral("Ministry of Public Security’s Institute of Forensic Science"));
        return m && m->entityRowIds.contains(created) && !m->listedKeys.isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(named(), 5000);
    m_editor->undoStack()->undo();
    QVERIFY(!m_case.entities().row(created));
    QVERIFY(m_case.evidence().claimsFor(created).isEmpty());
}

QTEST_MAIN(ListedMentionsUiTest)
#include "listedmentions_uitest.moc"

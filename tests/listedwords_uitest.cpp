// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "evidence/mentionfinder.h"
#include "screening/referencelists.h"
#include "sourceviewer/sourceviewer.h"
#include "storage/casefile.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"
#include "support/testsupport.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <map>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// One-word names of loaded lists in the Source viewer: the demo case with the real OFAC, UN
/// and BIS lists of the shared test data and the two small hand-written Entity List fixtures
/// (tests/fixtures/evidence, tests/fixtures/screening) loaded, every demo article opened in the
/// viewer. Distinctive words (Intellifusion, Hikvision
/// …) are underlined as listed; ordinary words the lists carry as aliases never are. Set
/// CASEGRAPH_SHOTS to a folder to keep a screenshot.
class ListedWordsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oneWordNamesInTheDemoArticles();
    void whatTheRuleKeepsOut();

private:
    QTemporaryDir m_dir;
    CaseFile m_case;
    std::unique_ptr<CaseEditor> m_editor;
};

const QColor ListedColor(0xa3, 0x3b, 0x00);

void ListedWordsUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_case.create(m_dir.filePath(QStringLiteral("demo-words.casegraph"))).ok());
    QVERIFY(DemoCase::write(m_case).ok());
    QStringList files;
    for (const char *name : {"sanctions/ofac_sdn_2024-05-03.csv", "sanctions/ofac_consolidated_nonsdn_2018-04-06.xml",
                             "sanctions/un_sc_consolidated_2018-10-29.xml", "sanctions/bis_entity_list_cn_universities.json"}) {
        const QString path = Casegraph::Tests::testData(QString::fromLatin1(name));
        if (path.isEmpty()) {
            QSKIP("the shared test data is not present");
        }
        files << path;
    }
    files << Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/evidence/entity-list-2020-06.ftm.json"))
          << Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json"));
    for (const QString &file : std::as_const(files)) {
        const auto loaded = ReferenceListLoader::load(m_case, file, {});
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    }
    m_editor = std::make_unique<CaseEditor>(m_case);
}

void ListedWordsUiTest::oneWordNamesInTheDemoArticles() {
    SourceViewer viewer;
    viewer.resize(1300, 900);
    viewer.setCase(&m_case, m_editor.get());
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    // What the viewer underlines as a listed one-word name, over all demo articles: quote → entry.
    std::map<QString, QString> words;
    qint64 shotSource = 0;
    qint64 shotAt = 0;
    for (const auto &summary : m_case.evidence().sources()) {
        viewer.showSource(summary.id);
        QTRY_VERIFY_WITH_TIMEOUT(viewer.mentionsReady(), 10000);
        QTRY_VERIFY(!viewer.listedEntries().isEmpty());
        const QString text = m_case.evidence().source(summary.id)->text;
        const QString shown = viewer.textView()->toPlainText();
        for (const auto &m : viewer.mentions()) {
            if (m.listedKeys.isEmpty()) {
                continue;
            }
            const ListedName &entry = viewer.listedEntries().at(m.listedKeys.first());
            const QString quote = codePointSlice(text, m.start, m.end);
            if (MentionFinder::listedNameUse(entry.name, entry.schema) != ListedNameUse::Capitalised) {
                continue; // several words or Chinese: highlighted as before
            }
            // Never an ordinary word, always capitalised in the text, a whole word.
            QVERIFY2(!MentionFinder::isOrdinaryWord(quote), qPrintable(quote));
            QVERIFY2(quote != quote.toLower(), qPrintable(quote));
            QVERIFY2(m.start == 0 || !text.at(codePointsToUtf16(text, m.start) - 1).isLetterOrNumber(), qPrintable(quote));
            // What the reader sees: the list's dotted orange underline.
            QTextCursor cursor(viewer.textView()->document());
            cursor.setPosition(int(codePointsToUtf16(shown, m.start)) + 1);
            QCOMPARE(cursor.charFormat().underlineStyle(), QTextCharFormat::DotLine);
            QCOMPARE(cursor.charFormat().underlineColor(), ListedColor);
            words.emplace(quote, entry.listName + QStringLiteral(": ") + entry.caption);
            if (quote == QLatin1String("Hikvision") && !shotSource) {
                shotSource = summary.id;
                shotAt = m.start;
            }
        }
    }
    QStringList found;
    for (const auto &[quote, entry] : words) {
        qInfo("one-word listed name: %s (%s)", qPrintable(quote), qPrintable(entry));
        found << quote;
    }
    QCOMPARE(found, (QStringList{QStringLiteral("Hikvision"), QStringLiteral("Intellifusion"), QStringLiteral("Megvii"),
                                 QStringLiteral("SenseTime")}));

    if (const QString shots = qEnvironmentVariable("CASEGRAPH_SHOTS"); !shots.isEmpty() && shotSource) {
        viewer.showSource(shotSource);
        QTRY_VERIFY_WITH_TIMEOUT(viewer.mentionsReady(), 10000);
        viewer.selectRange(shotAt, shotAt);
        QVERIFY(viewer.grab().save(shots + QStringLiteral("/sourceviewer-listed-words.png")));
    }
}

// Every one-word name of the loaded lists, unfiltered, over the demo articles: what each rule
// keeps out of the viewer (printed), and that only the distinctive, capitalised one is left.
void ListedWordsUiTest::whatTheRuleKeepsOut() {
    QList<MentionPattern> patterns;
    QList<ListedName> entries;
    for (const auto &n : SupportStore(m_case).listedNames()) {
        if (MentionFinder::listedNameUse(n.name, n.schema) != ListedNameUse::Anywhere) {
            patterns.append({qint64(entries.size()), n.name, true});
            entries << n;
        }
    }
    qInfo("%lld one-word names in the loaded lists", qlonglong(entries.size()));
    QVERIFY(entries.size() > 100);
    MentionFinder everyWord;
    everyWord.setPatterns(patterns);
    std::map<QString, QString> outcome; // quote → why it is (not) highlighted
    for (const auto &summary : m_case.evidence().sources()) {
        const QString text = m_case.evidence().source(summary.id)->text;
        for (const auto &m : everyWord.find(text)) {
            const ListedName &entry = entries.at(m.listedKeys.first());
            const QString quote = codePointSlice(text, m.start, m.end);
            QString why;
            switch (MentionFinder::listedNameUse(entry.name, entry.schema)) {
            case ListedNameUse::Skip:
                why = entry.schema == QLatin1String("Person") ? QStringLiteral("a person's one name")
                      : MentionFinder::isOrdinaryWord(entry.name) ? QStringLiteral("ordinary word")
                                                                  : QStringLiteral("short, a code or a common term");
                break;
            case ListedNameUse::Capitalised:
                why = quote == quote.toLower() ? QStringLiteral("not capitalised here") : QStringLiteral("HIGHLIGHTED");
                break;
            case ListedNameUse::Anywhere:
                break;
            }
            outcome.emplace(quote, why + QStringLiteral(" (") + entry.listName + QStringLiteral(": ") + entry.name + QLatin1Char(')'));
        }
    }
    QStringList highlighted;
    for (const auto &[quote, why] : outcome) {
        qInfo("  %s: %s", qPrintable(quote), qPrintable(why));
        if (why.startsWith(QLatin1String("HIGHLIGHTED"))) {
            highlighted << quote;
        }
    }
    QVERIFY(outcome.size() > highlighted.size()); // the rule had something to keep out
    QCOMPARE(highlighted, (QStringList{QStringLiteral("Hikvision"), QStringLiteral("Intellifusion"), QStringLiteral("Megvii"),
                                       QStringLiteral("SenseTime")}));
}

QTEST_MAIN(ListedWordsUiTest)
#include "listedwords_uitest.moc"

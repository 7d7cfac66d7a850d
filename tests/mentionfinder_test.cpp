// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/evidence.h"
#include "evidence/mentionfinder.h"

#include <QTest>

using namespace Casegraph::Models;

/// Mentions of known names in English and Chinese text, found across case, width and
/// diacritics, reported at code-point offsets of the original text.
class MentionFinderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void english_data();
    void english();
    void chinese();
    void offsetsAcrossUnicode();
    void leftmostLongestAndSharedNames();
    void shortNamesAreSkipped();
    void listedNamesAreASecondKind();
    void oneWordListedNames_data();
    void oneWordListedNames();
    void oneWordListedNamesNeedACapital();

private:
    static QStringList quotes(const QString &text, const QList<Mention> &mentions);
};

QStringList MentionFinderTest::quotes(const QString &text, const QList<Mention> &mentions) {
    QStringList out;
    for (const auto &m : mentions) {
        out << codePointSlice(text, m.start, m.end);
    }
    return out;
}

void MentionFinderTest::english_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("exact") << QStringLiteral("Thermo Fisher sold sequencers.") << QStringList{QStringLiteral("Thermo Fisher")};
    QTest::newRow("case") << QStringLiteral("THERMO FISHER sold") << QStringList{QStringLiteral("THERMO FISHER")};
    QTest::newRow("line break and spaces")
        << QStringLiteral("sold by Thermo\n   Fisher.") << QStringList{QStringLiteral("Thermo\n   Fisher")};
    QTest::newRow("diacritics") << QStringLiteral("Thérmo Físher and Cafe Noir")
                                << QStringList{QStringLiteral("Thérmo Físher"), QStringLiteral("Cafe Noir")};
    QTest::newRow("full width") << QStringLiteral("ＴＨＥＲＭＯ ＦＩＳＨＥＲ") << QStringList{QStringLiteral("ＴＨＥＲＭＯ ＦＩＳＨＥＲ")};
    QTest::newRow("possessive") << QStringLiteral("Thermo Fisher’s sales") << QStringList{QStringLiteral("Thermo Fisher")};
    QTest::newRow("inside a word") << QStringLiteral("Thermo Fishermen and xThermo Fisher") << QStringList{};
    QTest::newRow("sharp s folds") << QStringLiteral("Großmann AG reported") << QStringList{QStringLiteral("Großmann AG")};
}

void MentionFinderTest::english() {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    MentionFinder finder;
    finder.setPatterns({{1, QStringLiteral("Thermo Fisher")}, {2, QStringLiteral("Café Noir")},
                        {3, QStringLiteral("GROSSMANN AG")}});
    QCOMPARE(quotes(text, finder.find(text)), expected);
}

void MentionFinderTest::chinese() {
    MentionFinder finder;
    finder.setPatterns({{1, QStringLiteral("华大基因")},
                        {2, QStringLiteral("新疆维吾尔自治区公安厅")},
                        {3, QStringLiteral("深网视界")},
                        {4, QStringLiteral("BGI")}});
    // No spaces between words in Chinese: names match anywhere, also beside Latin text.
    const QString text = QStringLiteral("据报道，华大基因向新疆维吾尔自治区公安厅出售了设备；深网视界BGI也在名单上。");
    const auto found = finder.find(text);
    QCOMPARE(quotes(text, found), (QStringList{QStringLiteral("华大基因"), QStringLiteral("新疆维吾尔自治区公安厅"),
                                               QStringLiteral("深网视界"), QStringLiteral("BGI")}));
    QCOMPARE(found.at(0).entityRowIds, QList<qint64>{1});
    QCOMPARE(found.at(0).start, 4);
    QCOMPARE(found.at(0).end, 8);
    // Full-width Latin inside Chinese text.
    const QString wide = QStringLiteral("华大基因（ＢＧＩ）");
    QCOMPARE(quotes(wide, finder.find(wide)), (QStringList{QStringLiteral("华大基因"), QStringLiteral("ＢＧＩ")}));
    // A Latin name glued to Latin letters does not match, one glued to Han does.
    const QString glued = QStringLiteral("BGIX 华大BGI");
    QCOMPARE(quotes(glued, finder.find(glued)), QStringList{QStringLiteral("BGI")});
}

void MentionFinderTest::offsetsAcrossUnicode() {
    MentionFinder finder;
    finder.setPatterns({{1, QStringLiteral("Zoë Lee")}, {2, QStringLiteral("华大")}});
    // Emoji (surrogate pairs), a decomposed ë (e + U+0308) and CJK before the names.
    const QString text = QStringLiteral("👩‍🔬 met Zoe\u0308 Lee 🧬 at 华大 today; 𠀀Zoë Lee.");
    const auto found = finder.find(text);
    QCOMPARE(found.size(), 3);
    QCOMPARE(quotes(text, found),
             (QStringList{QStringLiteral("Zoe\u0308 Lee"), QStringLiteral("华大"), QStringLiteral("Zoë Lee")}));
    // Offsets are code points: the emoji ZWJ sequence is three, "met " four more.
    QCOMPARE(found.at(0).start, 8);
    QCOMPARE(found.at(0).end, 16); // the combining diaeresis belongs to the mention
    // Back to UTF-16 indices through the helpers the viewer uses.
    const qint64 a = codePointsToUtf16(text, found.at(2).start);
    QCOMPARE(text.mid(a, 7), QStringLiteral("Zoë Lee"));
    QCOMPARE(utf16ToCodePoints(text, a), found.at(2).start);
}

void MentionFinderTest::leftmostLongestAndSharedNames() {
    MentionFinder finder;
    finder.setPatterns({{1, QStringLiteral("Thermo Fisher")},
                        {2, QStringLiteral("Thermo Fisher Scientific")},
                        {3, QStringLiteral("Fisher Scientific")},
                        {4, QStringLiteral("thermo fisher")}});
    const QString text = QStringLiteral("Thermo Fisher Scientific and Thermo Fisher");
    const auto found = finder.find(text);
    QCOMPARE(quotes(text, found), (QStringList{QStringLiteral("Thermo Fisher Scientific"), QStringLiteral("Thermo Fisher")}));
    QCOMPARE(found.at(0).entityRowIds, QList<qint64>{2});
    QCOMPARE(found.at(1).entityRowIds, (QList<qint64>{1, 4})); // same folded name: both entities
}

void MentionFinderTest::shortNamesAreSkipped() {
    MentionFinder finder;
    finder.setPatterns({{1, QStringLiteral("A")}, {2, QStringLiteral("华")}, {3, QStringLiteral("  ")}});
    QCOMPARE(finder.patternCount(), 0);
    QVERIFY(finder.find(QStringLiteral("A 华")).isEmpty());
}

void MentionFinderTest::listedNamesAreASecondKind() {
    // Case entity 1 and listed entries 0 and 7 (the caller's keys). A name both in the case
    // and on a list carries both; a name only on a list is "listed only".
    MentionFinder finder;
    finder.setPatterns({{0, QStringLiteral("深网视界"), true},
                        {7, QStringLiteral("Xinjiang Public Security Bureau"), true},
                        {1, QStringLiteral("SenseNets")},
                        {0, QStringLiteral("SenseNets Technology"), true},
                        {7, QStringLiteral("XPSB"), true}});
    const QString text = QStringLiteral("SenseNets (深网视界) sold to the xinjiang public security bureau, the XPSB; "
                                        "SenseNets Technology Ltd.");
    const auto found = finder.find(text);
    QCOMPARE(quotes(text, found),
             (QStringList{QStringLiteral("SenseNets"), QStringLiteral("深网视界"),
                          QStringLiteral("xinjiang public security bureau"), QStringLiteral("XPSB"),
                          QStringLiteral("SenseNets Technology")}));
    QCOMPARE(found.at(0).entityRowIds, QList<qint64>{1});
    QVERIFY(!found.at(0).isListedOnly());
    QVERIFY(found.at(1).isListedOnly());
    QCOMPARE(found.at(1).listedKeys, QList<qint64>{0});
    QCOMPARE(found.at(2).listedKeys, QList<qint64>{7});
    QCOMPARE(found.at(3).listedKeys, QList<qint64>{7});
    QCOMPARE(found.at(4).listedKeys, QList<qint64>{0}); // the longer listed name wins over the case's
    // The same folded name in the case and on a list: one mention, both kinds, named as in the case.
    finder.setPatterns({{3, QStringLiteral("HUAWEI"), true}, {5, QStringLiteral("Huawei")}});
    const auto both = finder.find(QStringLiteral("Huawei said"));
    QCOMPARE(both.size(), 1);
    QCOMPARE(both.first().entityRowIds, QList<qint64>{5});
    QCOMPARE(both.first().listedKeys, QList<qint64>{3});
    QCOMPARE(both.first().name, QStringLiteral("Huawei"));
    QVERIFY(!both.first().isListedOnly());
}

void MentionFinderTest::oneWordListedNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<int>("use");
    const auto row = [](const char *tag, const QString &name, const QString &schema, ListedNameUse use) {
        QTest::newRow(tag) << name << schema << int(use);
    };
    const QString company = QStringLiteral("Company");
    row("brand", QStringLiteral("Hikvision"), company, ListedNameUse::Capitalised);
    row("brand in capitals", QStringLiteral("NUCTECH"), company, ListedNameUse::Capitalised);
    row("five letters", QStringLiteral("Dahua"), company, ListedNameUse::Capitalised);
    row("four letters", QStringLiteral("Yitu"), company, ListedNameUse::Skip);
    row("a country", QStringLiteral("EGYPT"), QStringLiteral("Vessel"), ListedNameUse::Skip);
    row("a given name", QStringLiteral("Christina"), company, ListedNameUse::Skip);
    row("a ship's one name", QStringLiteral("SASADJA"), QStringLiteral("Vessel"), ListedNameUse::Skip);
    row("hyphenated name", QStringLiteral("AL-QAIDA"), QStringLiteral("Organization"), ListedNameUse::Capitalised);
    row("OFAC alias PEOPLE", QStringLiteral("PEOPLE"), company, ListedNameUse::Skip);
    row("OFAC alias SAID", QStringLiteral("SAID"), company, ListedNameUse::Skip);
    row("OFAC alias HUMANITY", QStringLiteral("HUMANITY"), company, ListedNameUse::Skip);
    row("ordinary hyphenated", QStringLiteral("Well-Being"), company, ListedNameUse::Skip);
    row("acronym", QStringLiteral("AQAP"), company, ListedNameUse::Skip);
    row("digits", QStringLiteral("A1B2C3"), company, ListedNameUse::Skip);
    row("screening place", QStringLiteral("Xinjiang"), company, ListedNameUse::Skip);
    row("screening common term", QStringLiteral("Technologies"), company, ListedNameUse::Skip);
    row("a person's one name", QStringLiteral("Rubio"), QStringLiteral("Person"), ListedNameUse::Skip);
    row("several words", QStringLiteral("Said Trading"), company, ListedNameUse::Anywhere);
    row("Chinese", QStringLiteral("海康"), company, ListedNameUse::Anywhere);
}

// Which one-word names of a loaded list are highlighted: distinctive ones, not ordinary words.
void MentionFinderTest::oneWordListedNames() {
    QFETCH(QString, name);
    QFETCH(QString, schema);
    QFETCH(int, use);
    QCOMPARE(int(MentionFinder::listedNameUse(name, schema)), use);
}

void MentionFinderTest::oneWordListedNamesNeedACapital() {
    MentionFinder finder;
    finder.setPatterns({{4, QStringLiteral("DAHUA"), true, true}, {6, QStringLiteral("iFlytek"), true, true}, {2, QStringLiteral("Promega")}});
    const QString text = QStringLiteral("Dahua and DAHUA, not dahua nor dahuas; iFlytek; promega is the case's own name.");
    const auto found = finder.find(text);
    QCOMPARE(quotes(text, found),
             (QStringList{QStringLiteral("Dahua"), QStringLiteral("DAHUA"), QStringLiteral("iFlytek"), QStringLiteral("promega")}));
    QCOMPARE(found.at(0).listedKeys, QList<qint64>{4});
    QVERIFY(found.at(0).isListedOnly());
    // Offsets after a character outside the BMP still find the capital.
    const QString emoji = QStringLiteral("😀 Dahua 😀 dahua");
    QCOMPARE(quotes(emoji, finder.find(emoji)), QStringList{QStringLiteral("Dahua")});
    // The case's own one-word name with the same spelling lifts the capital rule for it.
    finder.setPatterns({{4, QStringLiteral("DAHUA"), true, true}, {9, QStringLiteral("Dahua")}});
    QCOMPARE(finder.find(QStringLiteral("dahua")).size(), 1);
}

QTEST_GUILESS_MAIN(MentionFinderTest)
#include "mentionfinder_test.moc"

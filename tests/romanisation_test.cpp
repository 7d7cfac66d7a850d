// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screening/romanisation.h"

#include <QTest>

using namespace Casegraph::Models;

// Our own romanisation rules: the Uyghur table, the folding keys, skeletons and numerals.
class RomanisationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uyghurToLatin_data();
    void uyghurToLatin();
    void detectsUyghur_data();
    void detectsUyghur();
    void foldRules_data();
    void foldRules();
    void foldKeepsApart_data();
    void foldKeepsApart();
    void xHasThreeReadings();
    void skeleton_data();
    void skeleton();
    void transcriptionFold_data();
    void transcriptionFold();
    void hanNumerals_data();
    void hanNumerals();
    void ordinals_data();
    void ordinals();
};

void RomanisationTest::uyghurToLatin_data()
{
    QTest::addColumn<QString>("arabic");
    QTest::addColumn<QString>("latin");
    QTest::newRow("Ürümchi: silent initial hamza, ۈ ü, چ ch, ى i") << QStringLiteral("ئۈرۈمچى") << QStringLiteral("ürümchi");
    QTest::newRow("Qeshqer: ق q, ە e, ش sh") << QStringLiteral("قەشقەر") << QStringLiteral("qeshqer");
    QTest::newRow("Uyghur: ۇ u, ي y, غ gh") << QStringLiteral("ئۇيغۇر") << QStringLiteral("uyghur");
    QTest::newRow("Xoten: خ x, و o") << QStringLiteral("خوتەن") << QStringLiteral("xoten");
    QTest::newRow("Turpan") << QStringLiteral("تۇرپان") << QStringLiteral("turpan");
    QTest::newRow("Ghulja: ج j") << QStringLiteral("غۇلجا") << QStringLiteral("ghulja");
    QTest::newRow("Ilham Toxti: ھ h, two words") << QStringLiteral("ئىلھام توختى") << QStringLiteral("ilham toxti");
    QTest::newRow("Junggo: ڭ ng, گ g") << QStringLiteral("جۇڭگو") << QStringLiteral("junggo");
    QTest::newRow("ۋ w, ې é, ۆ ö, ژ zh") << QStringLiteral("ۋې ئۆژ") << QStringLiteral("wé özh");
    QTest::newRow("hamza inside a word separates syllables") << QStringLiteral("مەسئۇل") << QStringLiteral("mes'ul");
    QTest::newRow("Arabic heh at the end of a word is e") << QStringLiteral("بالە باله") << QStringLiteral("bale bale");
    QTest::newRow("harakat dropped") << QStringLiteral("تۇرپانْ") << QStringLiteral("turpan");
}

void RomanisationTest::uyghurToLatin()
{
    QFETCH(QString, arabic);
    QFETCH(QString, latin);
    QCOMPARE(Romanisation::uyghurToLatin(arabic), latin);
}

void RomanisationTest::detectsUyghur_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("uyghur");
    QTest::newRow("ۈ") << QStringLiteral("ئۈرۈمچى") << true;
    QTest::newRow("initial hamza carrier, ھ") << QStringLiteral("ئىلھام توختى") << true;
    QTest::newRow("Arabic") << QStringLiteral("تنظيم القاعدة في العراق") << false;
    QTest::newRow("Latin") << QStringLiteral("Urumqi") << false;
}

void RomanisationTest::detectsUyghur()
{
    QFETCH(QString, text);
    QFETCH(bool, uyghur);
    QCOMPARE(Romanisation::isUyghurArabic(text), uyghur);
}

void RomanisationTest::foldRules_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("ULY ü, ö") << QStringLiteral("ürümchi") << QStringLiteral("urumchi");
    QTest::newRow("ULY é, ä = e") << QStringLiteral("héyit") << QStringLiteral("heyit");
    QTest::newRow("ULY ä") << QStringLiteral("rahilä") << QStringLiteral("rahile");
    QTest::newRow("q = ch (pinyin/English)") << QStringLiteral("urumqi") << QStringLiteral("urumchi");
    QTest::newRow("q = k") << QStringLiteral("aqsu") << QStringLiteral("aksu");
    QTest::newRow("gh = g") << QStringLiteral("uighur") << QStringLiteral("uigur");
    QTest::newRow("y = i") << QStringLiteral("uyghur") << QStringLiteral("uighur");
    QTest::newRow("kh = h") << QStringLiteral("zakharova") << QStringLiteral("zaharova");
    QTest::newRow("zh = ž = j") << QStringLiteral("zhuravleva") << QStringLiteral("žuravleva");
    QTest::newRow("shch = ŝ = sch") << QStringLiteral("shchukin") << QStringLiteral("schukin");
    QTest::newRow("doubled schch") << QStringLiteral("obschchestvo") << QStringLiteral("obshchestvo");
    QTest::newRow("š = sh") << QStringLiteral("šukin") << QStringLiteral("shukin");
    QTest::newRow("č = ch") << QStringLiteral("vjačeslavovič") << QStringLiteral("vjacheslavovich");
    QTest::newRow("j glide = y") << QStringLiteral("vjacheslav") << QStringLiteral("vyacheslav");
    QTest::newRow("dzh = j") << QStringLiteral("dzhamaat") << QStringLiteral("jamaat");
    QTest::newRow("ts = c = k") << QStringLiteral("kontsern") << QStringLiteral("concern");
    QTest::newRow("ts (ц)") << QStringLiteral("tsst") << QStringLiteral("cst");
    QTest::newRow("w = v") << QStringLiteral("kalasznikow") << QStringLiteral("kalashnikov");
    QTest::newRow("doubled letters") << QStringLiteral("mariia") << QStringLiteral("maria");
    QTest::newRow("y between vowels") << QStringLiteral("aktsionernoye") << QStringLiteral("aktsionernoe");
    QTest::newRow("-iy = -ii = -i") << QStringLiteral("lavrentiy") << QStringLiteral("lavrentii");
    QTest::newRow("ae = ai (Nayef/Naif)") << QStringLiteral("nayef") << QStringLiteral("naif");
    QTest::newRow("Belarusian ў: w = u after a vowel") << QStringLiteral("pawlawna") << QStringLiteral("paulauna");
    QTest::newRow("initial u before a vowel = w") << QStringLiteral("uaal") << QStringLiteral("waal");
    QTest::newRow("-ique = -ic") << QStringLiteral("islamique") << QStringLiteral("islamic");
    QTest::newRow("ph = f") << QStringLiteral("kalashnikoph") << QStringLiteral("kalashnikof");
}

void RomanisationTest::foldRules()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(Romanisation::foldKeys(a).constFirst(), Romanisation::foldKeys(b).constFirst());
    QCOMPARE(Romanisation::foldKey(a), Romanisation::foldKey(b));
}

void RomanisationTest::foldKeepsApart_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("vowels stay") << QStringLiteral("sensetime") << QStringLiteral("sensenets");
    QTest::newRow("Hotan/Aksu") << QStringLiteral("hotan") << QStringLiteral("aksu");
    QTest::newRow("m/n") << QStringLiteral("mykyta") << QStringLiteral("nikita");
}

void RomanisationTest::foldKeepsApart()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QVERIFY(Romanisation::foldKey(a) != Romanisation::foldKey(b));
}

void RomanisationTest::xHasThreeReadings()
{
    // Alexander (ks), Xinjiang/Kaxgar (sh), Xoten/Toxti (kh)
    const QStringList keys = Romanisation::foldKeys(QStringLiteral("toxti"));
    QVERIFY(keys.contains(Romanisation::foldKey(QStringLiteral("tohti"))));
    QVERIFY(Romanisation::foldKeys(QStringLiteral("xinjiang")).contains(Romanisation::foldKey(QStringLiteral("shinjiang"))));
    QVERIFY(Romanisation::foldKeys(QStringLiteral("alexander")).contains(Romanisation::foldKey(QStringLiteral("aleksander"))));
}

void RomanisationTest::skeleton_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("skeleton");
    QTest::newRow("tanzim") << QStringLiteral("tanzim") << QStringLiteral("tnzm");
    QTest::newRow("abjad spelling") << QStringLiteral("tnzim") << QStringLiteral("tnzm");
    QTest::newRow("w/v dropped (mnswr)") << QStringLiteral("mansvr") << QStringLiteral("mnsr");
    QTest::newRow("doubles collapsed") << QStringLiteral("hassan") << QStringLiteral("hsn");
}

void RomanisationTest::skeleton()
{
    QFETCH(QString, key);
    QFETCH(QString, skeleton);
    QCOMPARE(Romanisation::consonantSkeleton(key), skeleton);
}

void RomanisationTest::transcriptionFold_data()
{
    QTest::addColumn<QString>("pinyin");
    QTest::addColumn<QString>("folded");
    QTest::newRow("yi- and final -u") << QStringLiteral("yilihamu") << QStringLiteral("iliham");
    QTest::newRow("final -i") << QStringLiteral("tuheti") << QStringLiteral("tuhet");
    QTest::newRow("wu-") << QStringLiteral("wusiman") << QStringLiteral("usiman");
    QTest::newRow("short words stay") << QStringLiteral("mumu") << QStringLiteral("mumu");
}

void RomanisationTest::transcriptionFold()
{
    QFETCH(QString, pinyin);
    QFETCH(QString, folded);
    QCOMPARE(Romanisation::pinyinTranscriptionFold(pinyin), folded);
}

void RomanisationTest::hanNumerals_data()
{
    QTest::addColumn<QString>("han");
    QTest::addColumn<QString>("digits");
    QTest::newRow("一") << QStringLiteral("一") << QStringLiteral("1");
    QTest::newRow("十二") << QStringLiteral("十二") << QStringLiteral("12");
    QTest::newRow("二十") << QStringLiteral("二十") << QStringLiteral("20");
    QTest::newRow("五百零二") << QStringLiteral("五百零二") << QStringLiteral("502");
    QTest::newRow("digit by digit") << QStringLiteral("五〇二") << QStringLiteral("502");
    QTest::newRow("not a numeral") << QStringLiteral("十所") << QString();
}

void RomanisationTest::hanNumerals()
{
    QFETCH(QString, han);
    QFETCH(QString, digits);
    QCOMPARE(Romanisation::hanNumeralToDigits(han), digits);
}

void RomanisationTest::ordinals_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("digits");
    QTest::newRow("second") << QStringLiteral("second") << QStringLiteral("2");
    QTest::newRow("3rd") << QStringLiteral("3rd") << QStringLiteral("3");
    QTest::newRow("12th") << QStringLiteral("12th") << QStringLiteral("12");
    QTest::newRow("not an ordinal") << QStringLiteral("north") << QString();
}

void RomanisationTest::ordinals()
{
    QFETCH(QString, word);
    QFETCH(QString, digits);
    QCOMPARE(Romanisation::ordinalToDigits(word), digits);
}

QTEST_MAIN(RomanisationTest)
#include "romanisation_test.moc"

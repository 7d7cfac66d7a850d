// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screening/namenormalizer.h"

#include <QTest>

using namespace Casegraph::Models;

// One data row per normalisation rule: what goes in, the tokens that come out, and the
// rule id that must appear in the trace (what explanations quote).
class NameNormalizerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void legalForms_data();
    void legalForms();
    void legalFormsOnlyForOrganisations();
    void legalFormNeverTheWholeName();
    void transliteration_data();
    void transliteration();
    void hanGlossaryKeepsPinyinReading();
    void commonTermsWeighLess();
    void scripts_data();
    void scripts();
    void traceDescribesSteps();

private:
    NameNormalizer m_normalizer;
};

static QString tokens(const NormalizedName &n)
{
    return n.text();
}

void NameNormalizerTest::rules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("rule");
    QTest::newRow("NFKC ligature") << QStringLiteral("Ｓｃｉｅｎ\uFB01c") << QStringLiteral("scienfic") << QStringLiteral("fullwidth");
    QTest::newRow("NFKC circled digit") << QStringLiteral("Unit \u2464") << QStringLiteral("unit 5") << QStringLiteral("nfkc");
    QTest::newRow("full-width to ASCII") << QStringLiteral("ＨＩＫＶＩＳＩＯＮ") << QStringLiteral("hikvision") << QStringLiteral("fullwidth");
    QTest::newRow("case folding ß") << QStringLiteral("Straße") << QStringLiteral("strasse") << QStringLiteral("casefold");
    QTest::newRow("case folding Greek final sigma") << QStringLiteral("ΟΔΟΣ") << QStringLiteral("odos") << QStringLiteral("casefold");
    QTest::newRow("initialism S.A.") << QStringLiteral("Zaldo Rojo S.A.") << QStringLiteral("zaldo rojo") << QStringLiteral("initialism");
    QTest::newRow("initialism U.S.A.") << QStringLiteral("Trade U.S.A.") << QStringLiteral("trading usa") << QStringLiteral("initialism");
    QTest::newRow("spaced initials join") << QStringLiteral("N P C International Ltd") << QStringLiteral("npc international")
                                          << QStringLiteral("initialism");
    QTest::newRow("initials stay apart") << QStringLiteral("J. R. Smith") << QStringLiteral("j r smith") << QStringLiteral("punctuation");
    QTest::newRow("punctuation") << QStringLiteral("Transneft-Sever, (North)") << QStringLiteral("transneft sever northern") << QStringLiteral("punctuation");
    QTest::newRow("apostrophe joins") << QStringLiteral("IS’Vision") << QStringLiteral("isvision") << QStringLiteral("punctuation");
    QTest::newRow("diacritics") << QStringLiteral("Pachodavová") << QStringLiteral("pachodavova") << QStringLiteral("diacritics");
    QTest::newRow("diacritics ł ø") << QStringLiteral("Kałasznikow Søren") << QStringLiteral("kalasznikow soren") << QStringLiteral("diacritics");
    QTest::newRow("stopwords") << QStringLiteral("Bank of the East") << QStringLiteral("bank eastern") << QStringLiteral("stopword");
    QTest::newRow("only stopwords stay") << QStringLiteral("The And") << QStringLiteral("the and") << QStringLiteral("stopword");
    QTest::newRow("English ordinal") << QStringLiteral("Second Academy") << QStringLiteral("2 academy") << QStringLiteral("ordinal");
    QTest::newRow("Han ordinal") << QStringLiteral("第十二研究所") << QStringLiteral("12 institute") << QStringLiteral("ordinal");
    QTest::newRow("common term variant") << QStringLiteral("Haokun Technologies") << QStringLiteral("haokun technology") << QStringLiteral("common-term");
    QTest::newRow("common term by fold key") << QStringLiteral("Gazprom Telekom") << QStringLiteral("gazprom communication") << QStringLiteral("common-term");
    QTest::newRow("Cyrillic common term") << QStringLiteral("Группа Зала") << QStringLiteral("group zala") << QStringLiteral("common-term");
    QTest::newRow("Uyghur place equivalent") << QStringLiteral("Wulumuqi") << QStringLiteral("urumqi") << QStringLiteral("equivalent");
    QTest::newRow("ethnonym equivalent") << QStringLiteral("Weiwuer") << QStringLiteral("uyghur") << QStringLiteral("equivalent");
    QTest::newRow("Ukrainian given-name stem") << QStringLiteral("Volodymyrivna") << QStringLiteral("vladimirivna") << QStringLiteral("equivalent");
    QTest::newRow("Arabic article") << QStringLiteral("القاعدة") << QStringLiteral("qada") << QStringLiteral("arabic-article");
    QTest::newRow("Chinese transcription of a foreign name") << QStringLiteral("伊力哈木·土赫提") << QStringLiteral("yilihamu tuheti")
                                                             << QStringLiteral("han-transcription");
    QTest::newRow("acronym of the name") << QStringLiteral("Beijing University of Posts and Telecommunications (BUPT)")
                                         << QStringLiteral("beijing university posts communication bupt") << QStringLiteral("acronym");
}

void NameNormalizerTest::rules()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QFETCH(QString, rule);
    const NormalizedName n = m_normalizer.normalize(name, NameKind::Organization);
    QCOMPARE(tokens(n), expected);
    QVERIFY2(n.fired(rule), qPrintable(rule));
}

void NameNormalizerTest::legalForms_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("form");
    QTest::addColumn<QString>("rest");
    QTest::newRow("Co., Ltd.") << QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd.") << QStringLiteral("CO_LTD")
                               << QStringLiteral("hangzhou hikvision digital technology");
    QTest::newRow("Limited") << QStringLiteral("Nuctech Company Limited") << QStringLiteral("CO_LTD") << QStringLiteral("nuctech");
    QTest::newRow("有限公司") << QStringLiteral("东方网力有限公司") << QStringLiteral("CO_LTD") << QStringLiteral("dong fang wang li");
    QTest::newRow("股份有限公司") << QStringLiteral("东方网力科技股份有限公司") << QStringLiteral("JOINT_STOCK_LTD")
                                 << QStringLiteral("dong fang wang li technology");
    QTest::newRow("GmbH") << QStringLiteral("Intra Chem Trading GmbH") << QStringLiteral("GMBH") << QStringLiteral("intra chem trading");
    QTest::newRow("LLC first") << QStringLiteral("LLC “Inter Tobacco”") << QStringLiteral("LLC") << QStringLiteral("inter tobacco");
    QTest::newRow("ООО") << QStringLiteral("ООО «ЦСТ»") << QStringLiteral("LLC") << QStringLiteral("tsst");
    QTest::newRow("Russian in full") << QStringLiteral("Общество с ограниченной ответственностью \"Аэроскан\"") << QStringLiteral("LLC")
                                     << QStringLiteral("aeroskan");
    QTest::newRow("romanised with a variant spelling") << QStringLiteral("OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU 'GAZPROM INVEST'")
                                                       << QStringLiteral("LLC") << QStringLiteral("gazprom investment");
    QTest::newRow("Ukrainian JSC") << QStringLiteral("Акціонерне товариство \"Зала Аеро\"") << QStringLiteral("JSC")
                                   << QStringLiteral("zala aero");
    QTest::newRow("OAO at the end") << QStringLiteral("NPO Izhmash OAO") << QStringLiteral("OJSC") << QStringLiteral("npo izhmash");
    QTest::newRow("Greek") << QStringLiteral("Εταιρία περιορισμένης ευθύνης “Inter Tobacco”") << QStringLiteral("LLC")
                           << QStringLiteral("inter tobacco");
    QTest::newRow("S.A.") << QStringLiteral("Bluemarine S.A.") << QStringLiteral("SA") << QStringLiteral("bluemarine");
    QTest::newRow("Sp. z o.o.") << QStringLiteral("Inter Tobacco Sp. z o.o.") << QStringLiteral("LLC") << QStringLiteral("inter tobacco");
    QTest::newRow("Kft") << QStringLiteral("Az Aeroscan Kft") << QStringLiteral("LLC") << QStringLiteral("az aeroscan");
    QTest::newRow("株式会社") << QStringLiteral("株式会社カラシニコフ") << QStringLiteral("KK") << QStringLiteral("karashinikofu");
    QTest::newRow("Aktiengesellschaft") << QStringLiteral("Siemens Aktiengesellschaft") << QStringLiteral("AG") << QStringLiteral("siemens");
    QTest::newRow("no form") << QStringLiteral("Hikvision") << QString() << QStringLiteral("hikvision");
}

void NameNormalizerTest::legalForms()
{
    QFETCH(QString, name);
    QFETCH(QString, form);
    QFETCH(QString, rest);
    const NormalizedName n = m_normalizer.normalize(name, NameKind::Organization);
    QCOMPARE(n.legalForm, form);
    QCOMPARE(tokens(n), rest);
    QCOMPARE(n.fired(QStringLiteral("legal-form")), !form.isEmpty());
}

void NameNormalizerTest::legalFormsOnlyForOrganisations()
{
    // "Sa" and "AG" are parts of people's names, not forms
    const NormalizedName person = m_normalizer.normalize(QStringLiteral("Ahmad Sa"), NameKind::Person);
    QVERIFY(person.legalForm.isEmpty());
    QCOMPARE(tokens(person), QStringLiteral("ahmad sa"));
    const NormalizedName org = m_normalizer.normalize(QStringLiteral("Ahmad Sa"), NameKind::Organization);
    QCOMPARE(org.legalForm, QStringLiteral("SA"));
}

void NameNormalizerTest::legalFormNeverTheWholeName()
{
    const NormalizedName n = m_normalizer.normalize(QStringLiteral("Limited"), NameKind::Organization);
    QCOMPARE(tokens(n), QStringLiteral("limited"));
    QVERIFY(n.legalForm.isEmpty());
}

void NameNormalizerTest::transliteration_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("rule");
    QTest::newRow("Han → pinyin, no tones") << QStringLiteral("东方网力") << QStringLiteral("dong fang wang li") << QStringLiteral("translit-han");
    QTest::newRow("Han place glossary") << QStringLiteral("哈尔滨工程大学") << QStringLiteral("harbin engineering university")
                                       << QStringLiteral("han-glossary");
    QTest::newRow("Russian BGN") << QStringLiteral("Мария Александровна Захарова") << QStringLiteral("mariya aleksandrovna zakharova")
                                 << QStringLiteral("translit-cyrillic");
    QTest::newRow("Ukrainian BGN") << QStringLiteral("Захарова Марія") << QStringLiteral("zakharova mariya")
                                   << QStringLiteral("translit-cyrillic");
    QTest::newRow("Belarusian BGN") << QStringLiteral("Святлана Паўлаўна") << QStringLiteral("svyatlana pawlawna")
                                    << QStringLiteral("translit-cyrillic");
    QTest::newRow("Greek") << QStringLiteral("Όμιλος") << QStringLiteral("omilos") << QStringLiteral("translit-greek");
    QTest::newRow("Arabic") << QStringLiteral("جانان آغا") << QStringLiteral("janan agha") << QStringLiteral("translit-arabic");
    QTest::newRow("Arabic initial ayn") << QStringLiteral("طارق عزيز") << QStringLiteral("tarq azyz") << QStringLiteral("translit-arabic");
    QTest::newRow("Uyghur (own table)") << QStringLiteral("ئىلھام توختى") << QStringLiteral("ilham toxti") << QStringLiteral("translit-uyghur");
    QTest::newRow("Uyghur place to its usual name") << QStringLiteral("قەشقەر") << QStringLiteral("kashgar") << QStringLiteral("equivalent");
    QTest::newRow("Katakana") << QStringLiteral("ザラ・アエロ") << QStringLiteral("zara aero") << QStringLiteral("translit-other");
}

void NameNormalizerTest::transliteration()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QFETCH(QString, rule);
    const NormalizedName n = m_normalizer.normalize(name, NameKind::Unknown);
    QCOMPARE(tokens(n), expected);
    QVERIFY2(n.fired(rule), qPrintable(rule));
}

void NameNormalizerTest::hanGlossaryKeepsPinyinReading()
{
    const NormalizedName n = m_normalizer.normalize(QStringLiteral("北京航空航天大学"));
    QCOMPARE(tokens(n), QStringLiteral("beijing aeronautics aerospace university"));
    QStringList pinyin;
    for (const auto &t : n.pinyinTokens) {
        pinyin << t.text;
    }
    QCOMPARE(pinyin.join(QLatin1Char(' ')), QStringLiteral("bei jing hang kong hang tian da xue"));
    QVERIFY(n.tokens.at(2).alternatives.contains(QStringLiteral("astronautics")));
}

void NameNormalizerTest::commonTermsWeighLess()
{
    const NormalizedName n = m_normalizer.normalize(QStringLiteral("Hikvision Technology Group"));
    QCOMPARE(n.tokens.size(), 3);
    QCOMPARE(n.tokens.at(0).prior, 1.0);
    QVERIFY(n.tokens.at(1).has(NameToken::Common) && n.tokens.at(1).prior < 0.5);
    QVERIFY(n.tokens.at(2).has(NameToken::Common) && n.tokens.at(2).prior < 0.5);
    QVERIFY(m_normalizer.commonWeight(QStringLiteral("technology")) < 1.0);
    const NormalizedName han = m_normalizer.normalize(QStringLiteral("海康威视科技集团"));
    QVERIFY(han.text().endsWith(QLatin1String("technology group")));
    QVERIFY(han.tokens.constLast().has(NameToken::Common));
}

void NameNormalizerTest::scripts_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("script");
    QTest::newRow("Latin") << QStringLiteral("Hikvision") << int(NameScript::Latin);
    QTest::newRow("Han") << QStringLiteral("海康威视") << int(NameScript::Han);
    QTest::newRow("Cyrillic") << QStringLiteral("Захарова") << int(NameScript::Cyrillic);
    QTest::newRow("Arabic") << QStringLiteral("طارق عزيز") << int(NameScript::Arabic);
    QTest::newRow("Uyghur") << QStringLiteral("ئۈرۈمچى") << int(NameScript::Uyghur);
    QTest::newRow("Greek") << QStringLiteral("Όμιλος") << int(NameScript::Greek);
    QTest::newRow("Japanese") << QStringLiteral("株式会社カラシニコフ") << int(NameScript::Kana);
    QTest::newRow("Mixed") << QStringLiteral("OOO Аэро") << int(NameScript::Mixed);
}

void NameNormalizerTest::scripts()
{
    QFETCH(QString, name);
    QFETCH(int, script);
    QCOMPARE(int(m_normalizer.normalize(name).script), script);
}

void NameNormalizerTest::traceDescribesSteps()
{
    const NormalizedName n = m_normalizer.normalize(QStringLiteral("东方网力"));
    bool found = false;
    for (const auto &s : n.trace) {
        if (s.rule == QLatin1String("translit-han")) {
            QCOMPARE(s.describe(), QStringLiteral("Han→Latin: 东方网力 → dong fang wang li"));
            found = true;
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(NameNormalizerTest)
#include "namenormalizer_test.moc"

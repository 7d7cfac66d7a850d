// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screening/namematcher.h"
#include "screening/namenormalizer.h"
#include "screening/screener.h"

#include <QTest>

using namespace Casegraph::Models;

class NameMatcherTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jaroWinkler_data();
    void jaroWinkler();
    void levenshtein();
    void tokenMethods_data();
    void tokenMethods();
    void rareTokensOutweighCommonOnes();
    void genericNamesDoNotSwamp();
    void orderDoesNotMatter();
    void initials();
    void compounds();
    void numbersMustAgree();
    void placesMustAgree();
    void aBodyIsNotItsCollege();
    void policeIsThePublicSecurityBureau_data();
    void policeIsThePublicSecurityBureau();
    void longerNameMustBeCovered();
    void legalFormAdjustment();
    void acronyms();
    void pinyinReading();
    void emptyNames();

private:
    double score(const QString &a, const QString &b, const TokenStats *stats = nullptr) const
    {
        const NameMatcher matcher(stats);
        return matcher.compare(m_normalizer.normalize(a), m_normalizer.normalize(b)).score;
    }
    NameNormalizer m_normalizer;
};

void NameMatcherTest::jaroWinkler_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<double>("expected");
    // Winkler's textbook pairs
    QTest::newRow("martha/marhta") << QStringLiteral("martha") << QStringLiteral("marhta") << 0.961;
    QTest::newRow("dwayne/duane") << QStringLiteral("dwayne") << QStringLiteral("duane") << 0.840;
    QTest::newRow("dixon/dicksonx") << QStringLiteral("dixon") << QStringLiteral("dicksonx") << 0.813;
    QTest::newRow("equal") << QStringLiteral("abc") << QStringLiteral("abc") << 1.0;
    QTest::newRow("nothing shared") << QStringLiteral("abc") << QStringLiteral("xyz") << 0.0;
}

void NameMatcherTest::jaroWinkler()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(double, expected);
    QVERIFY(qAbs(NameMatcher::jaroWinkler(a, b) - expected) < 0.001);
}

void NameMatcherTest::levenshtein()
{
    QCOMPARE(NameMatcher::levenshtein(u"kitten", u"sitting"), 3);
    QCOMPARE(NameMatcher::levenshtein(u"", u"abc"), 3);
    QCOMPARE(NameMatcher::levenshtein(u"zakharov", u"zakharova"), 1);
}

void NameMatcherTest::tokenMethods_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("method");
    QTest::addColumn<bool>("matched");
    QTest::newRow("exact") << QStringLiteral("hikvision") << QStringLiteral("Hikvision") << QStringLiteral("exact") << true;
    QTest::newRow("spelling") << QStringLiteral("zakharova") << QStringLiteral("zakharov") << QStringLiteral("jaro-winkler") << true;
    QTest::newRow("romanisation") << QStringLiteral("Vjačeslavovič") << QStringLiteral("Vyacheslavovich") << QStringLiteral("romanisation") << true;
    QTest::newRow("ULY x as h") << QStringLiteral("Toxti") << QStringLiteral("Tohti") << QStringLiteral("romanisation") << true;
    QTest::newRow("prefix is not enough") << QStringLiteral("SenseTime") << QStringLiteral("SenseNets") << QStringLiteral("none") << false;
    QTest::newRow("eastern/western") << QStringLiteral("eastern") << QStringLiteral("western") << QString() << false;
    QTest::newRow("short tokens exact only") << QStringLiteral("Kim") << QStringLiteral("Kin") << QString() << false;
    QTest::newRow("short tokens by key") << QStringLiteral("ЦСТ") << QStringLiteral("CST") << QStringLiteral("romanisation") << true;
    QTest::newRow("initial") << QStringLiteral("J") << QStringLiteral("John") << QStringLiteral("initial") << true;
    QTest::newRow("glossary alternative") << QStringLiteral("航天") << QStringLiteral("astronautics") << QStringLiteral("glossary") << true;
    QTest::newRow("abjad spelling") << QStringLiteral("تنظيم") << QStringLiteral("Tanzim") << QString() << true;
    QTest::newRow("abjad skeleton") << QStringLiteral("منصور") << QStringLiteral("Mansur") << QStringLiteral("skeleton") << true;
}

void NameMatcherTest::tokenMethods()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, method);
    QFETCH(bool, matched);
    const NameMatcher matcher;
    const NameToken ta = m_normalizer.normalize(a).tokens.constFirst();
    const NameToken tb = m_normalizer.normalize(b).tokens.constFirst();
    QString how;
    const double s = matcher.tokenSimilarity(ta, tb, &how);
    QCOMPARE(s >= matcher.settings().tokenThreshold, matched);
    if (!method.isEmpty()) {
        QCOMPARE(how, method);
    }
}

static TokenStats listStats(const NameNormalizer &normalizer)
{
    // A list where Technology, Group and China are everywhere and each brand is once.
    TokenStats stats;
    const QStringList brands = {QStringLiteral("Alpha"), QStringLiteral("Borealis"), QStringLiteral("Corvid"), QStringLiteral("Delphi"),
                                QStringLiteral("Ember"), QStringLiteral("Fathom"), QStringLiteral("Gossamer"), QStringLiteral("Halcyon")};
    for (const QString &b : brands) {
        for (const QString &suffix : {QStringLiteral("Technology Group"), QStringLiteral("Technology Co., Ltd."),
                                      QStringLiteral("China Group")}) {
            stats.addEntry({normalizer.normalize(b + QLatin1Char(' ') + suffix)});
        }
    }
    stats.addEntry({normalizer.normalize(QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd."))});
    stats.addEntry({normalizer.normalize(QStringLiteral("China Electronics Technology Group Corporation"))});
    return stats;
}

void NameMatcherTest::rareTokensOutweighCommonOnes()
{
    const TokenStats stats = listStats(m_normalizer);
    const NameMatcher matcher(&stats);
    const NormalizedName n = m_normalizer.normalize(QStringLiteral("Hikvision Technology Group"));
    const double rare = matcher.weight(n.tokens.at(0));
    const double common = matcher.weight(n.tokens.at(1));
    QVERIFY2(rare > 5 * common, qPrintable(QStringLiteral("%1 vs %2").arg(rare).arg(common)));
    QVERIFY(stats.idf(QStringLiteral("hikvision")) > stats.idf(QStringLiteral("technology")));
    QCOMPARE(stats.idf(QStringLiteral("neverseen")), 1.0);
    // A short true name is not lost among common words
    const double threshold = ScreeningSettings().threshold;
    QVERIFY(score(QStringLiteral("Hikvision"), QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd."), &stats) >= threshold);
}

void NameMatcherTest::genericNamesDoNotSwamp()
{
    const TokenStats stats = listStats(m_normalizer);
    const double threshold = ScreeningSettings().threshold;
    QVERIFY(score(QStringLiteral("China Technology Group"), QStringLiteral("China Electronics Technology Group Corporation"), &stats)
            < threshold);
    QVERIFY(score(QStringLiteral("Technology Group"), QStringLiteral("Alpha Technology Group"), &stats) < threshold);
    QVERIFY(score(QStringLiteral("Alpha Technology Group"), QStringLiteral("Borealis Technology Group"), &stats) < threshold);
    QVERIFY(score(QStringLiteral("Alpha Technology Group"), QStringLiteral("Alpha Technology Co., Ltd."), &stats) >= threshold);
}

void NameMatcherTest::orderDoesNotMatter()
{
    QCOMPARE(score(QStringLiteral("Zakharov Nikita"), QStringLiteral("Nikita ZAKHAROV")), 1.0);
    QCOMPARE(score(QStringLiteral("HAMDAN, Fadel"), QStringLiteral("Fadel Hamdan")), 1.0);
}

void NameMatcherTest::initials()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("M. Rubio")),
                                             m_normalizer.normalize(QStringLiteral("Marco Rubio")));
    QVERIFY(c.score >= ScreeningSettings().threshold);
    bool initial = false;
    for (const auto &p : c.pairs) {
        initial = initial || p.method == QLatin1String("initial");
    }
    QVERIFY(initial);
}

void NameMatcherTest::compounds()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("东方网力")),
                                             m_normalizer.normalize(QStringLiteral("Dongfang Wangli")));
    QVERIFY2(c.score >= ScreeningSettings().threshold, qPrintable(QString::number(c.score)));
    QCOMPARE(c.pairs.size(), 2);
    QCOMPARE(c.pairs.at(0).method, QStringLiteral("compound"));
    QVERIFY(score(QStringLiteral("Starry Sky Communication"), QStringLiteral("Starrysky Communication")) >= ScreeningSettings().threshold);
}

void NameMatcherTest::numbersMustAgree()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("China Academy of Space Technology 502 Research Institute")),
                                             m_normalizer.normalize(QStringLiteral("China Academy of Space Technology 513 Research Institute")));
    QVERIFY(c.numbersConflict);
    QVERIFY(c.score < ScreeningSettings().threshold);
    QVERIFY(score(QStringLiteral("502 Research Institute"), QStringLiteral("中国空间技术研究院502研究所")) > c.score);
}

void NameMatcherTest::placesMustAgree()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("Nanjing University of Aeronautics and Astronautics")),
                                             m_normalizer.normalize(QStringLiteral("北京航空航天大学")));
    QVERIFY(c.placesConflict);
    QVERIFY(c.score < ScreeningSettings().threshold);
}

void NameMatcherTest::aBodyIsNotItsCollege()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("Xinjiang police")),
                                             m_normalizer.normalize(QStringLiteral("Xinjiang Police College")));
    QCOMPARE(c.institutionLeft, QStringLiteral("college"));
    QVERIFY(c.score < ScreeningSettings().threshold);
    // Both sides naming an institution (a translation) is no conflict.
    const NameComparison both = matcher.compare(m_normalizer.normalize(QStringLiteral("Beijing Institute of Technology")),
                                                m_normalizer.normalize(QStringLiteral("Beijing Institute of Technology")));
    QVERIFY(both.institutionLeft.isEmpty());
}

void NameMatcherTest::policeIsThePublicSecurityBureau_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::addColumn<bool>("match");
    QTest::addColumn<bool>("synonym");
    const QString xpsb = QStringLiteral("XINJIANG PUBLIC SECURITY BUREAU");
    QTest::newRow("police = bureau") << QStringLiteral("Xinjiang police") << xpsb << true << true;
    QTest::newRow("PSB") << QStringLiteral("Xinjiang PSB") << xpsb << true << true;
    QTest::newRow("Chinese department") << QStringLiteral("Xinjiang police") << QStringLiteral("新疆维吾尔自治区公安厅") << true << true;
    QTest::newRow("qualifiers not counted") << QStringLiteral("Xinjiang police")
                                            << QStringLiteral("Xinjiang Uighur Autonomous Region (XUAR) People's Government Public Security Bureau")
                                            << true << true;
    QTest::newRow("municipal") << QStringLiteral("Urumqi police") << QStringLiteral("Urumqi Municipal Public Security Bureau") << true << true;
    QTest::newRow("another region") << QStringLiteral("Xinjiang police") << QStringLiteral("Tibet Public Security Bureau") << false << false;
    QTest::newRow("another province") << QStringLiteral("Xinjiang police") << QStringLiteral("Sichuan Provincial Public Security Department")
                                      << false << false;
    QTest::newRow("a city's bureau") << QStringLiteral("Xinjiang police") << QStringLiteral("Urumqi Municipal Public Security Bureau") << false
                                     << false;
    QTest::newRow("no place") << QStringLiteral("Police") << xpsb << false << false;
    QTest::newRow("the XPCC's bureau") << QStringLiteral("Xinjiang police")
                                       << QStringLiteral("Xinjiang Production and Construction Corps Public Security Bureau") << false << true;
    QTest::newRow("the police college") << QStringLiteral("Xinjiang Public Security Bureau") << QStringLiteral("Xinjiang Police College")
                                        << false << true;
}

// "Xinjiang police" is OFAC's "Xinjiang Public Security Bureau": two names of one kind of
// institution, paired only when the place agrees.
void NameMatcherTest::policeIsThePublicSecurityBureau()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QFETCH(bool, match);
    QFETCH(bool, synonym);
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(left), m_normalizer.normalize(right));
    const bool paired = std::any_of(c.pairs.cbegin(), c.pairs.cend(), [](const TokenPair &p) { return p.method == QLatin1String("synonym"); });
    QCOMPARE(paired, synonym);
    QVERIFY2((c.score >= ScreeningSettings().threshold) == match, qPrintable(QString::number(c.score)));
    if (paired) {
        Candidate candidate;
        candidate.names = c;
        candidate.queryName = m_normalizer.normalize(left);
        candidate.entryName = m_normalizer.normalize(right);
        candidate.score = candidate.nameScore = c.score;
        QVERIFY2(candidate.explanation().contains(QStringLiteral("another name for the same kind of institution")),
                 qPrintable(candidate.explanation()));
    }
    if (QTest::currentDataTag() == QLatin1String("municipal")) {
        QCOMPARE(c.qualifiersIgnored, QStringList{QStringLiteral("municipal")});
    }
}

void NameMatcherTest::longerNameMustBeCovered()
{
    // One shared word of a long listing with other distinctive words is not a match…
    const NameMatcher matcher;
    const NameComparison times = matcher.compare(
        m_normalizer.normalize(QStringLiteral("The Times")),
        m_normalizer.normalize(QStringLiteral("Russian Institute of Radionavigation and Time"), NameKind::Organization));
    QVERIFY(times.longSideUncovered);
    QVERIFY(times.score < ScreeningSettings().threshold);
    // …but a short distinctive name still carries a listing of place and common words.
    const NameComparison hik = matcher.compare(m_normalizer.normalize(QStringLiteral("Hikvision")),
                                               m_normalizer.normalize(QStringLiteral("Hangzhou Hikvision Technology Co., Ltd."),
                                                                      NameKind::Organization));
    QVERIFY(!hik.longSideUncovered);
    QVERIFY(hik.score >= ScreeningSettings().threshold);
}

void NameMatcherTest::legalFormAdjustment()
{
    const NameMatcher matcher;
    auto cmp = [&](const QString &a, const QString &b) {
        return matcher.compare(m_normalizer.normalize(a, NameKind::Organization), m_normalizer.normalize(b, NameKind::Organization));
    };
    const NameComparison same = cmp(QStringLiteral("Aeroscan LLC"), QStringLiteral("OOO Aeroscan"));
    QCOMPARE(same.formRelation, NameComparison::FormRelation::Agree);
    const NameComparison kind = cmp(QStringLiteral("Aeroscan LLC"), QStringLiteral("Aeroscan GmbH"));
    QCOMPARE(kind.formRelation, NameComparison::FormRelation::SameKind);
    const NameComparison family = cmp(QStringLiteral("Aeroscan LLC"), QStringLiteral("Aeroscan JSC"));
    QCOMPARE(family.formRelation, NameComparison::FormRelation::SameFamily);
    const NameComparison conflict = cmp(QStringLiteral("Aeroscan LLC"), QStringLiteral("Aeroscan Limited Partnership"));
    QCOMPARE(conflict.formRelation, NameComparison::FormRelation::Conflict);
    const NameComparison none = cmp(QStringLiteral("Aeroscan LLC"), QStringLiteral("Aeroscan"));
    QCOMPARE(none.formRelation, NameComparison::FormRelation::None);
    // a form is compared as a form: it never counts as a matching word
    QCOMPARE(none.pairs.size(), 1);
    QVERIFY(conflict.score < none.score);
    QVERIFY(none.score <= same.score);
    QVERIFY(conflict.score >= ScreeningSettings().threshold); // a small adjustment, not a veto
}

void NameMatcherTest::acronyms()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("IRGC")),
                                             m_normalizer.normalize(QStringLiteral("Iranian Revolutionary Guard Corps")));
    QVERIFY(c.acronym);
    QCOMPARE(c.score, matcher.settings().acronymScore);
    QVERIFY(score(QStringLiteral("IRGC"), QStringLiteral("Islamic Revolution Guards")) < ScreeningSettings().threshold);
}

void NameMatcherTest::pinyinReading()
{
    const NameMatcher matcher;
    const NameComparison c = matcher.compare(m_normalizer.normalize(QStringLiteral("北京航空航天大学")),
                                             m_normalizer.normalize(QStringLiteral("Beijing Hangkong Hangtian Daxue")));
    QVERIFY(c.pinyinReading);
    QVERIFY(c.score >= ScreeningSettings().threshold);
}

void NameMatcherTest::emptyNames()
{
    QCOMPARE(score(QString(), QStringLiteral("Hikvision")), 0.0);
    QCOMPARE(score(QStringLiteral("---"), QStringLiteral("---")), 0.0);
}

QTEST_MAIN(NameMatcherTest)
#include "namematcher_test.moc"

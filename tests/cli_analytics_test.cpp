// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using Casegraph::Tests::ProcessResult;

/// `casegraph-cli paths|diversion|exposure|centrality` and the chart list of `info`, run as a user
/// would: on the demo case and on a case imported from the OFAC FAQ 401 examples.
class CliAnalyticsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void infoListsCharts();
    void pathsText();
    void pathsJsonAndOptions();
    void pathsByName();
    void pathsCrossAFamilyBackwards();
    void diversionFromTheSequencerManufacturer();
    void diversionJson();
    void diversionFollowsTheGivenTypes();
    void exposureOfTheFaqExamples();
    void exposureThresholdAndEntity();
    void centrality();
    void errors_data();
    void errors();

private:
    ProcessResult cli(const QStringList &args) const { return Casegraph::Tests::run(m_cli, args); }
    static QJsonObject json(const ProcessResult &r)
    {
        QJsonParseError e;
        const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
        if (e.error != QJsonParseError::NoError) {
            qWarning() << "not JSON:" << r.out << r.err;
        }
        return doc.object();
    }
    QString m_cli;
    QTemporaryDir m_dir;
    QString m_demo;
    QString m_faq;
};

void CliAnalyticsTest::initTestCase()
{
#ifdef CASEGRAPH_CLI
    m_cli = QStringLiteral(CASEGRAPH_CLI);
#endif
    if (m_cli.isEmpty() || !QFileInfo::exists(m_cli)) {
        QSKIP("casegraph-cli is not built");
    }
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath(QStringLiteral("demo.casegraph"));
    const auto demo = cli({QStringLiteral("demo"), m_demo});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    m_faq = m_dir.filePath(QStringLiteral("faq.casegraph"));
    QCOMPARE(cli({QStringLiteral("new"), m_faq}).exitCode, 0);
    const auto imported = cli({QStringLiteral("import"), m_faq,
                               Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/ftm/ofac-faq-401.ftm.json"))});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
}

void CliAnalyticsTest::infoListsCharts()
{
    const auto text = cli({QStringLiteral("info"), m_demo});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("Charts            1")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("  Sequencers to Xinjiang (")), qPrintable(text.out));
    const auto j = json(cli({QStringLiteral("--json"), QStringLiteral("info"), m_demo}));
    const QJsonArray charts = j.value(QStringLiteral("charts")).toArray();
    QCOMPARE(charts.size(), 1);
    QCOMPARE(charts.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Sequencers to Xinjiang"));
    QVERIFY(charts.first().toObject().value(QStringLiteral("nodes")).toInt() >= 4);
    // A case without charts says so.
    const auto none = json(cli({QStringLiteral("info"), m_faq, QStringLiteral("--json")}));
    QVERIFY(none.value(QStringLiteral("charts")).toArray().isEmpty());
}

void CliAnalyticsTest::pathsText()
{
    const auto r = cli({QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("x1"),
                        QStringLiteral("--to"), QStringLiteral("b1")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("Shortest path: 2 hops, 0 excerpts in all"));
    QVERIFY2(lines.value(1).contains(QStringLiteral("x1 —[Ownership own-x1-a1: 50%, 2015 – open, 0 excerpts]→ a1 —[")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QStringLiteral("Simple paths of at most 6 hops: 1")));
    // The legend names the entities on the paths.
    QVERIFY2(r.out.contains(QStringLiteral("  b1  Bravo One Trading (Company)")), qPrintable(r.out));
    // No path against the direction of ownership.
    const auto back = cli({QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("b1"),
                           QStringLiteral("--to"), QStringLiteral("x1")});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.out.trimmed(), QStringLiteral("No path from b1 to x1 within 6 hops."));
}

void CliAnalyticsTest::pathsJsonAndOptions()
{
    const QStringList base = {QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("x1"),
                              QStringLiteral("--to"), QStringLiteral("b1"), QStringLiteral("--json")};
    auto j = json(cli(base));
    QCOMPARE(j.value(QStringLiteral("from")).toString(), QStringLiteral("x1"));
    const QJsonObject shortest = j.value(QStringLiteral("shortest")).toObject();
    QCOMPARE(shortest.value(QStringLiteral("length")).toInt(), 2);
    const QJsonObject hop = shortest.value(QStringLiteral("hops")).toArray().first().toObject();
    QCOMPARE(hop.value(QStringLiteral("relationship")).toString(), QStringLiteral("own-x1-a1"));
    QCOMPARE(hop.value(QStringLiteral("schema")).toString(), QStringLiteral("Ownership"));
    QCOMPARE(hop.value(QStringLiteral("start")).toString(), QStringLiteral("2015"));
    QCOMPARE(hop.value(QStringLiteral("percentage")).toObject().value(QStringLiteral("min")).toDouble(), 50.0);
    QCOMPARE(j.value(QStringLiteral("paths")).toArray().size(), 1);
    QCOMPARE(j.value(QStringLiteral("capped")).toBool(), false);
    // --as-of before the second ownership started: no path.
    j = json(cli(base + QStringList{QStringLiteral("--as-of"), QStringLiteral("2017-01-01")}));
    QVERIFY(j.value(QStringLiteral("shortest")).isNull());
    QVERIFY(j.value(QStringLiteral("paths")).toArray().isEmpty());
    j = json(cli(base + QStringList{QStringLiteral("--as-of"), QStringLiteral("2019-01-01")}));
    QCOMPARE(j.value(QStringLiteral("paths")).toArray().size(), 1);
    // --max-hops 1 is too short; --types without Ownership finds nothing.
    j = json(cli(base + QStringList{QStringLiteral("--max-hops"), QStringLiteral("1")}));
    QVERIFY(j.value(QStringLiteral("paths")).toArray().isEmpty());
    j = json(cli(base + QStringList{QStringLiteral("--types"), QStringLiteral("Directorship,Supply")}));
    QVERIFY(j.value(QStringLiteral("paths")).toArray().isEmpty());
    j = json(cli(base + QStringList{QStringLiteral("--types"), QStringLiteral("Interest")}));
    QCOMPARE(j.value(QStringLiteral("paths")).toArray().size(), 1);
    // Undirected, backwards; the cap is reported.
    auto r = cli({QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("c3"), QStringLiteral("--to"),
                  QStringLiteral("x3"), QStringLiteral("--undirected"), QStringLiteral("--max-paths"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("Stopped at the limit of 1 paths")), qPrintable(r.out));
}

void CliAnalyticsTest::pathsCrossAFamilyBackwards()
{
    // The demo case records Hu Jintao → Hu Haifeng as Family ("son"). FtM's Family has no
    // direction, so the son reaches the father in directed mode; Nuctech does not reach its
    // chairman, since a Directorship has one.
    const QString haifeng = QStringLiteral("demo-hu-haifeng");
    const auto r = cli({QStringLiteral("paths"), m_demo, QStringLiteral("--from"), haifeng, QStringLiteral("--to"),
                        QStringLiteral("demo-hu-jintao")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.value(0).startsWith(QStringLiteral("Shortest path: 1 hop, ")), qPrintable(r.out));
    QVERIFY2(lines.value(1).contains(QStringLiteral("demo-hu-haifeng —[Family demo-hu-family: ")), qPrintable(r.out));
    QVERIFY2(lines.value(1).endsWith(QStringLiteral("]— demo-hu-jintao")), qPrintable(r.out)); // no arrowhead
    const auto j = json(cli({QStringLiteral("paths"), m_demo, QStringLiteral("--from"), haifeng, QStringLiteral("--to"),
                             QStringLiteral("demo-hu-jintao"), QStringLiteral("--json")}));
    const QJsonObject hop =
        j.value(QStringLiteral("shortest")).toObject().value(QStringLiteral("hops")).toArray().first().toObject();
    QCOMPARE(hop.value(QStringLiteral("schema")).toString(), QStringLiteral("Family"));
    QCOMPARE(hop.value(QStringLiteral("forward")).toBool(true), false);
    QCOMPARE(hop.value(QStringLiteral("directed")).toBool(true), false);
    const auto back = cli({QStringLiteral("paths"), m_demo, QStringLiteral("--from"), QStringLiteral("demo-nuctech"),
                           QStringLiteral("--to"), haifeng});
    QCOMPARE(back.exitCode, 0);
    QCOMPARE(back.out.trimmed(), QStringLiteral("No path from demo-nuctech to demo-hu-haifeng within 6 hops."));
}

void CliAnalyticsTest::pathsByName()
{
    // An unambiguous name works as well as an id (exact caption, any case).
    auto j = json(cli({QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("listed person one"),
                       QStringLiteral("--to"), QStringLiteral("Bravo One Trading"), QStringLiteral("--json")}));
    QCOMPARE(j.value(QStringLiteral("from")).toString(), QStringLiteral("x1"));
    QCOMPARE(j.value(QStringLiteral("to")).toString(), QStringLiteral("b1"));
    // Two entities carry this name: the error lists both ids.
    const auto r = cli({QStringLiteral("paths"), m_faq, QStringLiteral("--from"), QStringLiteral("Twin Name Ltd"),
                        QStringLiteral("--to"), QStringLiteral("b1")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("ambiguous")) && r.err.contains(QStringLiteral("twin-1")) &&
                 r.err.contains(QStringLiteral("twin-2")),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void CliAnalyticsTest::diversionFromTheSequencerManufacturer()
{
    // What the demo holds: article 000 reports a U.S. ban on selling DNA sequencers to the Xinjiang
    // police (a Sanction on them), so the default, listed-only search finds them, directly and
    // through the unnamed resellers, with each hop's evidence count.
    auto r = cli({QStringLiteral("diversion"), m_demo, QStringLiteral("--from"), QStringLiteral("Thermo Fisher Scientific")});
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("2 paths from demo-thermo-fisher to 1 listed end user: demo-xinjiang-police"));
    QCOMPARE(lines.value(1), QStringLiteral("1. demo-xinjiang-police (listed: demo-sanction-xinjiang-police-sequencers), 1 hop:"));
    QVERIFY2(lines.value(2).contains(QStringLiteral("demo-thermo-fisher —[Supply demo-supply-thermo-xinjiang: 2 excerpts]→ "
                                                   "demo-xinjiang-police")),
             qPrintable(r.out));
    QCOMPARE(lines.value(3), QStringLiteral("2. demo-xinjiang-police (listed: demo-sanction-xinjiang-police-sequencers), 2 hops:"));
    QVERIFY2(lines.value(4).contains(QStringLiteral("manufacturer → supplier")) &&
                 lines.value(4).contains(QStringLiteral("→ demo-unnamed-resellers —[Supply demo-supply-thermo-resale: "
                                                       "2019-05 – open, 5 excerpts]→ demo-xinjiang-police")),
             qPrintable(lines.value(4)));
    QVERIFY(r.out.contains(QStringLiteral("  demo-xinjiang-police  Xinjiang police (PublicBody)")));
}

void CliAnalyticsTest::diversionJson()
{
    const auto j = json(cli({QStringLiteral("diversion"), m_demo, QStringLiteral("--from"),
                             QStringLiteral("demo-thermo-fisher"), QStringLiteral("--all-end-users"),
                             QStringLiteral("--json")}));
    QCOMPARE(j.value(QStringLiteral("listedOnly")).toBool(), false);
    QCOMPARE(j.value(QStringLiteral("endUsers")).toArray(), QJsonArray{QStringLiteral("demo-xinjiang-police")});
    const QJsonArray paths = j.value(QStringLiteral("paths")).toArray();
    QCOMPARE(paths.size(), 2);
    const QJsonObject resale = paths.at(1).toObject();
    QCOMPARE(resale.value(QStringLiteral("endUserName")).toString(), QStringLiteral("Xinjiang police"));
    QCOMPARE(resale.value(QStringLiteral("listed")).toBool(), true);
    const QJsonArray hops = resale.value(QStringLiteral("hops")).toArray();
    QCOMPARE(hops.size(), 2);
    QCOMPARE(hops.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("manufacturer"));
    QCOMPARE(hops.at(1).toObject().value(QStringLiteral("evidence")).toInt(), 5);
    // Nuctech is listed itself, but none of its buyers is.
    const auto nuctech = json(cli({QStringLiteral("diversion"), m_demo, QStringLiteral("--from"),
                                   QStringLiteral("demo-nuctech"), QStringLiteral("--json")}));
    QVERIFY(nuctech.value(QStringLiteral("paths")).toArray().isEmpty());
    // In text, the CLI says so and how to see the unlisted buyers.
    const auto text = cli({QStringLiteral("diversion"), m_demo, QStringLiteral("--from"), QStringLiteral("demo-nuctech")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith(QStringLiteral("No supply path from demo-nuctech reaches listed end users")),
             qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("--all-end-users")));
}

void CliAnalyticsTest::diversionFollowsTheGivenTypes()
{
    // Nuctech's buyers are not listed; asked to follow the article's unspecified links too
    // (UnknownLink, undirected), the search reaches Hikvision through the Chinese government,
    // crossing each link against the direction it was stored in.
    const QStringList nuctech{QStringLiteral("diversion"), m_demo, QStringLiteral("--from"), QStringLiteral("demo-nuctech")};
    const auto plain = cli(nuctech);
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(!plain.out.contains(QStringLiteral("demo-hikvision")));
    const auto wider = cli(nuctech + QStringList{QStringLiteral("--types"), QStringLiteral("Supply,UnknownLink")});
    QCOMPARE(wider.exitCode, 0);
    QVERIFY2(wider.out.startsWith(QStringLiteral("1 path from demo-nuctech to 1 listed end user: demo-hikvision")),
             qPrintable(wider.out));
    QVERIFY2(wider.out.contains(QStringLiteral("—[UnknownLink demo-nuctech-data-concern: 2 excerpts]— demo-chinese-government")),
             qPrintable(wider.out));
    // Without Supply in the list, the sales themselves are not followed.
    const auto family = cli(nuctech + QStringList{QStringLiteral("--types"), QStringLiteral("Family"),
                                                  QStringLiteral("--all-end-users")});
    QCOMPARE(family.exitCode, 0);
    QVERIFY2(family.out.startsWith(QStringLiteral("No supply path from demo-nuctech")), qPrintable(family.out));
    // A misspelt type is refused, naming it.
    const auto bad = cli(nuctech + QStringList{QStringLiteral("--types"), QStringLiteral("Suply")});
    QVERIFY(bad.exitCode != 0);
    QVERIFY2(bad.err.contains(QStringLiteral("unknown relationship type: Suply")), qPrintable(bad.err));
}

void CliAnalyticsTest::exposureOfTheFaqExamples()
{
    const auto r = cli({QStringLiteral("exposure"), m_faq});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("Ownership rule at 50% (inclusive): 5 listed, 3 restricted, 0 undetermined")),
             qPrintable(r.out));
    const auto j = json(cli({QStringLiteral("exposure"), m_faq, QStringLiteral("--json")}));
    QCOMPARE(j.value(QStringLiteral("restricted")).toInt(), 3);
    QHash<QString, QString> verdicts;
    for (const auto &v : j.value(QStringLiteral("entities")).toArray()) {
        verdicts.insert(v.toObject().value(QStringLiteral("id")).toString(),
                        v.toObject().value(QStringLiteral("verdict")).toString());
    }
    QCOMPARE(verdicts.value(QStringLiteral("x1")), QStringLiteral("listed"));
    QCOMPARE(verdicts.value(QStringLiteral("a1")), QStringLiteral("restricted"));
    QCOMPARE(verdicts.value(QStringLiteral("b1")), QStringLiteral("restricted")); // through restricted a1
    QCOMPARE(verdicts.value(QStringLiteral("a2")), QStringLiteral("restricted")); // 25% + 25%
    QCOMPARE(verdicts.value(QStringLiteral("a3")), QStringLiteral("notRestricted"));
    QVERIFY(!verdicts.contains(QStringLiteral("c3")) || verdicts.value(QStringLiteral("c3")) == QStringLiteral("notRestricted"));
    QCOMPARE(verdicts.value(QStringLiteral("c4")), QStringLiteral("notRestricted")); // only the direct 10% counts
}

void CliAnalyticsTest::exposureThresholdAndEntity()
{
    // At 25%, a3 and b3 are restricted, so their 50% stakes restrict c3.
    auto j = json(cli({QStringLiteral("exposure"), m_faq, QStringLiteral("--threshold"), QStringLiteral("25"),
                       QStringLiteral("--entity"), QStringLiteral("c3"), QStringLiteral("--json")}));
    QCOMPARE(j.value(QStringLiteral("threshold")).toDouble(), 25.0);
    QJsonObject c3 = j.value(QStringLiteral("entities")).toArray().first().toObject();
    QCOMPARE(c3.value(QStringLiteral("verdict")).toString(), QStringLiteral("restricted"));
    QCOMPARE(c3.value(QStringLiteral("minimumSum")).toDouble(), 100.0);
    j = json(cli({QStringLiteral("exposure"), m_faq, QStringLiteral("--entity"), QStringLiteral("c3"),
                  QStringLiteral("--json")}));
    c3 = j.value(QStringLiteral("entities")).toArray().first().toObject();
    QCOMPARE(c3.value(QStringLiteral("verdict")).toString(), QStringLiteral("notRestricted"));
    // The text explanation walks the chain down to the listed owner.
    const auto r = cli({QStringLiteral("exposure"), m_faq, QStringLiteral("--entity"), QStringLiteral("b1")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith(QStringLiteral("b1 — restricted")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QStringLiteral("x1")) && r.out.contains(QStringLiteral("own-a1-b1")), qPrintable(r.out));
}

void CliAnalyticsTest::centrality()
{
    const auto r = cli({QStringLiteral("centrality"), m_demo, QStringLiteral("--top"), QStringLiteral("3")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.startsWith(QStringLiteral("Betweenness (exact):")));
    QVERIFY(r.out.contains(QStringLiteral("Degree (in / out / total):")));
    QVERIFY(r.out.contains(QStringLiteral("Weakly connected components: ")));
    const auto j = json(cli({QStringLiteral("centrality"), m_demo, QStringLiteral("--json"), QStringLiteral("--top"),
                             QStringLiteral("3")}));
    QCOMPARE(j.value(QStringLiteral("degree")).toArray().size(), 3);
    QCOMPARE(j.value(QStringLiteral("betweenness")).toObject().value(QStringLiteral("scores")).toArray().size(), 3);
    QVERIFY(!j.value(QStringLiteral("degree")).toArray().first().toObject().value(QStringLiteral("name")).toString().isEmpty());
    QVERIFY(j.value(QStringLiteral("components")).toObject().value(QStringLiteral("count")).toInt() >= 1);
}

void CliAnalyticsTest::errors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");
    const QString faq = QStringLiteral("FAQ");
    QTest::newRow("unknown from") << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"),
                                                 QStringLiteral("nobody"), QStringLiteral("--to"), QStringLiteral("b1")}
                                  << 1 << QStringLiteral("unknown entity \"nobody\"");
    QTest::newRow("relationship as end")
        << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"), QStringLiteral("own-x1-a1"),
                       QStringLiteral("--to"), QStringLiteral("b1")}
        << 1 << QStringLiteral("own-x1-a1 is a relationship (Ownership)");
    QTest::newRow("missing --to") << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"), QStringLiteral("x1")}
                                  << 2 << QStringLiteral("paths needs --from ID and --to ID");
    QTest::newRow("bad date") << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"), QStringLiteral("x1"),
                                             QStringLiteral("--to"), QStringLiteral("b1"), QStringLiteral("--as-of"),
                                             QStringLiteral("2019-13-45")}
                              << 2 << QStringLiteral("--as-of needs a day as YYYY-MM-DD, not \"2019-13-45\"");
    QTest::newRow("bad hops") << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"), QStringLiteral("x1"),
                                             QStringLiteral("--to"), QStringLiteral("b1"), QStringLiteral("--max-hops"),
                                             QStringLiteral("six")}
                              << 2 << QStringLiteral("--max-hops needs a whole number from 1 to 50, not \"six\"");
    QTest::newRow("unknown type") << QStringList{QStringLiteral("paths"), faq, QStringLiteral("--from"), QStringLiteral("x1"),
                                                 QStringLiteral("--to"), QStringLiteral("b1"), QStringLiteral("--types"),
                                                 QStringLiteral("Owner")}
                                  << 1 << QStringLiteral("Owner");
    QTest::newRow("diversion unknown") << QStringList{QStringLiteral("diversion"), faq, QStringLiteral("--from"),
                                                      QStringLiteral("no-such-maker")}
                                       << 1 << QStringLiteral("unknown entity \"no-such-maker\"");
    QTest::newRow("bad threshold") << QStringList{QStringLiteral("exposure"), faq, QStringLiteral("--threshold"),
                                                  QStringLiteral("150")}
                                   << 2 << QStringLiteral("--threshold needs a percentage above 0 and at most 100");
    QTest::newRow("bad top") << QStringList{QStringLiteral("centrality"), faq, QStringLiteral("--top"), QStringLiteral("0")}
                             << 2 << QStringLiteral("--top needs a whole number");
    QTest::newRow("no case") << QStringList{QStringLiteral("exposure"), QStringLiteral("/nonexistent/x.casegraph")} << 1
                             << QStringLiteral("x.casegraph");
}

void CliAnalyticsTest::errors()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);
    args.replaceInStrings(QStringLiteral("FAQ"), m_faq);
    const auto r = cli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(reason), qPrintable(r.err));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
}

QTEST_MAIN(CliAnalyticsTest)
#include "cli_analytics_test.moc"

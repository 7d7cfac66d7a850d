// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/schema.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "timeline/timelinemodel.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

FtmDate d(const char *text)
{
    return FtmDate::parse(QString::fromLatin1(text));
}

TimelineItem eventItem(const char *id, const char *date, TimelineTheme theme = TimelineTheme::OtherEvents,
                   const char *lane = nullptr)
{
    TimelineItem i;
    i.kind = TimelineItem::Kind::Event;
    i.entityId = QString::fromLatin1(id);
    i.label = i.entityId;
    i.start = d(date);
    i.theme = theme;
    i.laneEntityId = lane ? QString::fromLatin1(lane) : i.entityId;
    return i;
}

TimelineItem interval(const char *id, const char *from, const char *to, const char *lane = "owner")
{
    TimelineItem i;
    i.kind = TimelineItem::Kind::Interval;
    i.entityId = QString::fromLatin1(id);
    i.label = i.entityId;
    i.start = from ? d(from) : FtmDate();
    i.end = to ? d(to) : FtmDate();
    i.theme = TimelineTheme::Relationships;
    i.laneEntityId = QString::fromLatin1(lane);
    return i;
}

TimelineItem amount(const char *id, double value, const char *currency, const char *date)
{
    TimelineItem i;
    i.kind = TimelineItem::Kind::Amount;
    i.entityId = QString::fromLatin1(id);
    i.amount = value;
    i.currency = QString::fromLatin1(currency);
    i.start = d(date);
    i.theme = TimelineTheme::ContractsAwards;
    return i;
}

qint64 ms(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

class TimelineModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void partialDatesAreSpans();
    void openIntervals();
    void laneAssignmentByTheme();
    void laneAssignmentByEntity();
    void intervalRowsNeverOverlap();
    void clipping_data();
    void clipping();
    void currenciesAreNeverMixed();
    void ratesConvertOnlyWhatTheyName();
    void partialAmountsStayFuzzy();
    void itemsOfEntities();
    void demoCaseShowsWhatTheArticlesState();
    void demoCaseUndatedAreListed();
    void demoCaseKnownAtIsOpen();
    void demoCaseLanesAndThemes();
    void chartSubset();
    void articlePublicationIsKnownAt();

private:
    QTemporaryDir m_dir;
    CaseFile m_case;
    TimelineModel m_demo;
    const TimelineItem *demoItem(const QString &key, TimelineItem::Kind kind) const;
};

void TimelineModelTest::initTestCase()
{
    QVERIFY(m_case.create(m_dir.filePath(QStringLiteral("demo.casegraph"))).ok());
    QVERIFY(DemoCase::write(m_case).ok());
    auto model = TimelineModel::fromCase(m_case);
    QVERIFY2(model.ok(), qPrintable(model ? QString() : model.error().toString()));
    m_demo = *model;
}

const TimelineItem *TimelineModelTest::demoItem(const QString &key, TimelineItem::Kind kind) const
{
    for (const auto &i : m_demo.items()) {
        if (i.entityId == DemoCase::idForKey(key) && i.kind == kind) {
            return &i;
        }
    }
    return nullptr;
}

void TimelineModelTest::partialDatesAreSpans()
{
    TimelineModel m;
    m.addItem(eventItem("y", "2019"));
    m.addItem(eventItem("m", "2019-05"));
    m.addItem(eventItem("d", "2019-05-14"));
    m.addItem(eventItem("t", "2019-05-14T10:30:00"));
    m.finish();
    const auto &items = m.items();
    QCOMPARE(items.size(), 4);
    // Sorted by first instant: the year starts first.
    QCOMPARE(items.at(0).entityId, QStringLiteral("y"));
    QCOMPARE(items.at(0).fromMs, ms("2019-01-01T00:00:00Z"));
    QCOMPARE(items.at(0).toMs, ms("2020-01-01T00:00:00Z") - 1);
    const auto find = [&](const char *id) {
        return *std::find_if(items.begin(), items.end(),
                             [&](const TimelineItem &i) { return i.entityId == QLatin1String(id); });
    };
    QCOMPARE(find("m").toMs - find("m").fromMs, qint64(31) * 86400000 - 1);
    QCOMPARE(find("d").toMs - find("d").fromMs, qint64(86400000) - 1);
    QCOMPARE(find("t").toMs - find("t").fromMs, qint64(999));
    QCOMPARE(m.extent(), qMakePair(ms("2019-01-01T00:00:00Z"), ms("2020-01-01T00:00:00Z") - 1));
}

void TimelineModelTest::openIntervals()
{
    TimelineModel m;
    m.addItem(interval("since", "2018", nullptr));
    m.addItem(interval("until", nullptr, "2020-06"));
    m.finish();
    const TimelineItem &until = m.items().at(0);
    const TimelineItem &since = m.items().at(1);
    QVERIFY(since.openEnd() && !since.openStart());
    QCOMPARE(since.toMs, TimelineItem::OpenEnd);
    QVERIFY(until.openStart() && !until.openEnd());
    QCOMPARE(until.fromMs, TimelineItem::OpenStart);
    // Open ends do not stretch the extent.
    QCOMPARE(m.extent(), qMakePair(ms("2018-01-01T00:00:00Z"), ms("2020-07-01T00:00:00Z") - 1));
}

void TimelineModelTest::laneAssignmentByTheme()
{
    TimelineModel m;
    m.addItem(eventItem("a", "2019-10", TimelineTheme::ListAdditions));
    m.addItem(eventItem("b", "2021", TimelineTheme::BansCancellations));
    m.addItem(eventItem("c", "2018", TimelineTheme::ListAdditions));
    m.addItem(interval("own", "2010", "2015"));
    m.addItem(amount("pay", 5, "EUR", "2019"));
    m.finish();
    const auto lanes = m.lanes(TimelineModel::LaneMode::Theme);
    QCOMPARE(lanes.size(), 3); // amounts are not in lanes
    QCOMPARE(lanes.at(0).theme, TimelineTheme::ListAdditions);
    QCOMPARE(lanes.at(0).label, QStringLiteral("List additions"));
    QCOMPARE(lanes.at(0).events.size(), 2);
    QCOMPARE(m.items().at(lanes.at(0).events.at(0)).entityId, QStringLiteral("c")); // time order
    QCOMPARE(lanes.at(1).theme, TimelineTheme::BansCancellations);
    QCOMPARE(lanes.at(2).theme, TimelineTheme::Relationships);
    QCOMPARE(lanes.at(2).intervals.size(), 1);
}

void TimelineModelTest::laneAssignmentByEntity()
{
    TimelineModel m;
    TimelineItem listed = eventItem("sanction-1", "2019-10", TimelineTheme::ListAdditions, "megvii");
    listed.laneLabel = QStringLiteral("Megvii");
    m.addItem(listed);
    m.addItem(eventItem("e2", "2015", TimelineTheme::OtherEvents, "thermo"));
    m.addItem(eventItem("e3", "2020", TimelineTheme::LettersReports, "megvii"));
    m.finish();
    const auto lanes = m.lanes(TimelineModel::LaneMode::Entity);
    QCOMPARE(lanes.size(), 2);
    QCOMPARE(lanes.at(0).key, QStringLiteral("thermo")); // lanes ordered by their first item
    QCOMPARE(lanes.at(1).key, QStringLiteral("megvii"));
    QCOMPARE(lanes.at(1).label, QStringLiteral("Megvii"));
    QCOMPARE(lanes.at(1).events.size(), 2);
}

void TimelineModelTest::intervalRowsNeverOverlap()
{
    TimelineModel m;
    m.addItem(interval("a", "2010", "2012"));
    m.addItem(interval("b", "2011", "2013"));
    m.addItem(interval("c", "2013", "2014"));   // after a: reuses a's row
    m.addItem(interval("d", "2011-06", nullptr)); // open end: its row is never free again
    m.addItem(interval("e", "2015", "2016"));
    m.finish();
    const TimelineLane lane = m.lanes(TimelineModel::LaneMode::Theme).at(0);
    QCOMPARE(lane.intervals.size(), 5);
    QCOMPARE(lane.intervalRows, 3);
    for (int i = 0; i < lane.intervals.size(); ++i) {
        for (int j = i + 1; j < lane.intervals.size(); ++j) {
            if (lane.intervalRow.at(i) != lane.intervalRow.at(j)) {
                continue;
            }
            const auto &a = m.items().at(lane.intervals.at(i));
            const auto &b = m.items().at(lane.intervals.at(j));
            QVERIFY2(a.toMs < b.fromMs || b.toMs < a.fromMs, qPrintable(a.entityId + QLatin1Char('/') + b.entityId));
        }
    }
}

void TimelineModelTest::clipping_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("visible");
    QTest::addColumn<bool>("clippedStart");
    QTest::addColumn<bool>("clippedEnd");
    QTest::addColumn<bool>("openEnd");
    // Window 2019-01-01 .. 2020-12-31.
    QTest::newRow("inside") << "2019-03" << "2019-06" << true << false << false << false;
    QTest::newRow("starts before") << "2015" << "2019-06" << true << true << false << false;
    QTest::newRow("ends after") << "2020-05" << "2023" << true << false << true << false;
    QTest::newRow("spans window") << "2010" << "2030" << true << true << true << false;
    QTest::newRow("open end") << "2019-05" << "" << true << false << true << true;
    QTest::newRow("open start") << "" << "2019-05" << true << true << false << false;
    QTest::newRow("before") << "2010" << "2012" << false << false << false << false;
    QTest::newRow("after") << "2021-01-01" << "2022" << false << false << false << false;
    QTest::newRow("year touching the window") << "2018" << "2018" << false << false << false << false;
}

void TimelineModelTest::clipping()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, visible);
    QFETCH(bool, clippedStart);
    QFETCH(bool, clippedEnd);
    QFETCH(bool, openEnd);
    TimelineItem i = interval("x", nullptr, nullptr);
    i.start = FtmDate::parse(from);
    i.end = FtmDate::parse(to);
    i.updateSpan();
    const qint64 w0 = ms("2019-01-01T00:00:00Z"), w1 = ms("2021-01-01T00:00:00Z") - 1;
    const ClippedSpan c = TimelineModel::clip(i, w0, w1);
    QCOMPARE(c.visible, visible);
    QCOMPARE(c.openEnd, openEnd);
    if (!visible) {
        return;
    }
    QCOMPARE(c.clippedStart, clippedStart);
    QCOMPARE(c.clippedEnd, clippedEnd);
    QVERIFY(c.fromMs >= w0 && c.toMs <= w1 && c.fromMs <= c.toMs);
    if (openEnd) {
        QCOMPARE(c.toMs, w1); // an open end reaches the window's edge
    }
}

void TimelineModelTest::currenciesAreNeverMixed()
{
    TimelineModel m;
    m.addItem(amount("a", 100, "EUR", "2019-03-01"));
    m.addItem(amount("b", 50, "EUR", "2019-07"));
    m.addItem(amount("c", 1000, "USD", "2019-05-02"));
    m.addItem(amount("d", 7, "", "2019-05-02")); // no currency stated
    m.addItem(amount("e", 30, "EUR", "2020-01-01"));
    m.finish();
    QCOMPARE(m.currencies(), (QStringList{QString(), QStringLiteral("EUR"), QStringLiteral("USD")}));
    const auto series = m.amountSeries(TimelineModel::Bucket::Year);
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.at(0).currency, QString());
    QCOMPARE(series.at(0).maxTotal, 7.0);
    const AmountSeries &eur = series.at(1);
    QCOMPARE(eur.currency, QStringLiteral("EUR"));
    QCOMPARE(eur.bars.size(), 2);
    QCOMPARE(eur.bars.at(0).total, 150.0);
    QCOMPARE(eur.bars.at(0).count, 2);
    QCOMPARE(eur.bars.at(0).fromMs, ms("2019-01-01T00:00:00Z"));
    QCOMPARE(eur.bars.at(1).total, 30.0);
    QVERIFY(eur.convertedFrom.isEmpty());
    QCOMPARE(series.at(2).currency, QStringLiteral("USD"));
    QCOMPARE(series.at(2).bars.at(0).total, 1000.0);
    // Monthly: the March and July amounts are apart.
    const auto monthly = m.amountSeries(TimelineModel::Bucket::Month);
    QCOMPARE(monthly.at(1).bars.size(), 3);
}

void TimelineModelTest::ratesConvertOnlyWhatTheyName()
{
    TimelineModel m;
    m.addItem(amount("a", 100, "EUR", "2019-03-01"));
    m.addItem(amount("b", 1000, "USD", "2019-05-02"));
    m.addItem(amount("c", 500, "CNY", "2019-05-02"));
    m.finish();
    CurrencyRates rates;
    rates.target = QStringLiteral("EUR");
    rates.rates.insert(QStringLiteral("USD"), 0.9);
    const auto series = m.amountSeries(TimelineModel::Bucket::Year, rates);
    QCOMPARE(series.size(), 2); // CNY has no rate: it stays apart
    QCOMPARE(series.at(0).currency, QStringLiteral("CNY"));
    QCOMPARE(series.at(0).bars.at(0).total, 500.0);
    QCOMPARE(series.at(1).currency, QStringLiteral("EUR"));
    QCOMPARE(series.at(1).convertedFrom, QStringList{QStringLiteral("USD")});
    QCOMPARE(series.at(1).bars.at(0).total, 1000.0); // 100 + 1000 × 0.9
}

void TimelineModelTest::partialAmountsStayFuzzy()
{
    TimelineModel m;
    m.addItem(amount("a", 100, "EUR", "2019-03-01"));
    m.addItem(amount("b", 40, "EUR", "2019")); // year only: not put into January
    m.finish();
    const auto eur = m.amountSeries(TimelineModel::Bucket::Month).at(0);
    QCOMPARE(eur.bars.size(), 2);
    const AmountBar &fuzzy = eur.bars.at(0).fuzzy ? eur.bars.at(0) : eur.bars.at(1);
    const AmountBar &exact = eur.bars.at(0).fuzzy ? eur.bars.at(1) : eur.bars.at(0);
    QVERIFY(fuzzy.fuzzy && !exact.fuzzy);
    QCOMPARE(fuzzy.total, 40.0);
    QCOMPARE(fuzzy.fromMs, ms("2019-01-01T00:00:00Z"));
    QCOMPARE(fuzzy.toMs, ms("2020-01-01T00:00:00Z") - 1);
    QCOMPARE(exact.fromMs, ms("2019-03-01T00:00:00Z"));
}

void TimelineModelTest::itemsOfEntities()
{
    TimelineModel m;
    TimelineItem e = eventItem("evt", "2019", TimelineTheme::OtherEvents, "org");
    e.relatedIds = QStringList{QStringLiteral("org"), QStringLiteral("other")};
    m.addItem(e);
    m.addItem(eventItem("x", "2020"));
    m.finish();
    QCOMPARE(m.itemsOfEntities({QStringLiteral("other")}), QList<int>{0});
    QCOMPARE(m.itemsOfEntities({QStringLiteral("evt")}), QList<int>{0});
    QCOMPARE(m.itemsOfEntities({QStringLiteral("x")}), QList<int>{1});
    QVERIFY(m.itemsOfEntities({}).isEmpty());
}

void TimelineModelTest::demoCaseShowsWhatTheArticlesState()
{
    using K = TimelineItem::Kind;
    // Entity List tranche of October 2019, at month precision.
    const TimelineItem *tranche = demoItem(QStringLiteral("entity-list-tranche-2019-10"), K::Event);
    QVERIFY(tranche);
    QCOMPARE(tranche->start.toString(), QStringLiteral("2019-10"));
    QCOMPARE(tranche->start.precision(), FtmDate::Precision::Month);
    QCOMPARE(tranche->theme, TimelineTheme::ListAdditions);
    const TimelineItem *megvii = demoItem(QStringLiteral("sanction-megvii"), K::Event);
    QVERIFY(megvii);
    QCOMPARE(megvii->label, QStringLiteral("Megvii — Entity List"));
    QCOMPARE(megvii->laneEntityId, DemoCase::idForKey(QStringLiteral("megvii")));
    // Resales from May 2019 on: an interval with an open end.
    const TimelineItem *resale = demoItem(QStringLiteral("supply-thermo-resale"), K::Interval);
    QVERIFY(resale);
    QCOMPARE(resale->start.toString(), QStringLiteral("2019-05"));
    QVERIFY(resale->openEnd());
    QVERIFY2(resale->dateNote.contains(QLatin1String("left open")), qPrintable(resale->dateNote));
    // Thermo Fisher's 2019 statements, year and month precision.
    QCOMPARE(demoItem(QStringLiteral("thermo-2019-conclusion"), K::Event)->start.precision(), FtmDate::Precision::Year);
    QCOMPARE(demoItem(QStringLiteral("thermo-2019-03-stop-china"), K::Event)->start.toString(), QStringLiteral("2019-03"));
    // Newborn DNA collection since 2018: open-ended.
    const TimelineItem *newborn = demoItem(QStringLiteral("guangdong-newborn-dna"), K::Interval);
    QVERIFY(newborn && newborn->openEnd());
    QCOMPARE(newborn->start.toString(), QStringLiteral("2018"));
    // Lithuania cancels in 2021: a cancellation.
    const TimelineItem *lithuania = demoItem(QStringLiteral("lithuania-cancels-contract-2021"), K::Event);
    QVERIFY(lithuania);
    QCOMPARE(lithuania->theme, TimelineTheme::BansCancellations);
    // Minjiang tender: "mid-2022" kept as the year, a fuzzy span with the note saying why.
    const TimelineItem *minjiang = demoItem(QStringLiteral("award-smart-campus-hikvision"), K::Event);
    QVERIFY(minjiang);
    QVERIFY(minjiang->start.isPartial());
    QCOMPARE(minjiang->start.precision(), FtmDate::Precision::Year);
    QVERIFY2(minjiang->dateNote.contains(QLatin1String("mid-2022")), qPrintable(minjiang->dateNote));
    QCOMPARE(minjiang->theme, TimelineTheme::ContractsAwards);
    // Nothing is dated that the articles leave undated.
    for (const char *undatedKey : {"rubio-letter", "entity-list-tranche-xuar", "sanction-cloudwalk",
                                   "belgium-scraps-nuctech-scanners", "nyt-report"}) {
        QVERIFY2(!demoItem(QLatin1String(undatedKey), K::Event) && !demoItem(QLatin1String(undatedKey), K::Interval),
                 undatedKey);
    }
}

void TimelineModelTest::demoCaseUndatedAreListed()
{
    QSet<QString> undated;
    for (const auto &i : m_demo.undated()) {
        undated.insert(i.entityId);
    }
    for (const char *key : {"rubio-letter", "entity-list-tranche-xuar", "sanction-cloudwalk",
                            "belgium-scraps-nuctech-scanners", "a000", "contract-nuctech-italy", "dna-kit-purchases"}) {
        QVERIFY2(undated.contains(DemoCase::idForKey(QLatin1String(key))), key);
    }
    // Companies and people are not facts in time: they are not listed.
    QVERIFY(!undated.contains(DemoCase::idForKey(QStringLiteral("megvii"))));
    // A relationship names its ends, with an arrow only when it has a direction.
    const auto labelOf = [&](const char *key) {
        for (const auto &i : m_demo.undated()) {
            if (i.entityId == DemoCase::idForKey(QLatin1String(key))) {
                return i.label;
            }
        }
        return QString();
    };
    QCOMPARE(labelOf("hu-family"), QStringLiteral("Family: Hu Jintao — Hu Haifeng"));
    QCOMPARE(labelOf("hu-haifeng-chairs-nuctech"), QStringLiteral("Directorship: Hu Haifeng → Nuctech"));
    // An undated amount keeps its currency and stated equivalent.
    const auto kits = std::find_if(m_demo.undated().begin(), m_demo.undated().end(), [](const TimelineItem &i) {
        return i.entityId == DemoCase::idForKey(QStringLiteral("dna-kit-purchases"));
    });
    QCOMPARE(kits->kind, TimelineItem::Kind::Amount);
    QCOMPARE(kits->currency, QStringLiteral("CNY"));
    QCOMPARE(kits->amount, 10000000.0);
    QVERIFY2(kits->amountNote.contains(QLatin1String("USD")), qPrintable(kits->amountNote));
    // Sorted by theme.
    for (qsizetype i = 1; i < m_demo.undated().size(); ++i) {
        QVERIFY(int(m_demo.undated().at(i - 1).theme) <= int(m_demo.undated().at(i).theme));
    }
    // No dated amounts in the demo: the amounts chart is empty rather than invented.
    QVERIFY(m_demo.amountSeries(TimelineModel::Bucket::Year).isEmpty());
}

void TimelineModelTest::demoCaseKnownAtIsOpen()
{
    // The seed articles carry no publication dates: no fact has a known-at date, but each
    // says which article it is known from.
    QCOMPARE(m_demo.knownDated(), 0);
    QVERIFY(m_demo.knownUndated() > 10);
    const TimelineItem *tranche =
        demoItem(QStringLiteral("entity-list-tranche-2019-10"), TimelineItem::Kind::Event);
    QVERIFY(!tranche->knownAt.isValid());
    QCOMPARE(tranche->knownFrom,
             QStringList{QStringLiteral("Biometrics providers among Chinese companies added to U.S. Entity List for "
                                        "rights abuses")});
}

void TimelineModelTest::demoCaseLanesAndThemes()
{
    const auto themes = m_demo.lanes(TimelineModel::LaneMode::Theme);
    QStringList names;
    for (const auto &l : themes) {
        names << l.label;
    }
    QVERIFY2(names.contains(QStringLiteral("List additions")), qPrintable(names.join(QLatin1Char(','))));
    QVERIFY(names.contains(QStringLiteral("Bans and cancellations")));
    QVERIFY(names.contains(QStringLiteral("Relationships")));
    const auto entities = m_demo.lanes(TimelineModel::LaneMode::Entity);
    const auto nuctech = std::find_if(entities.begin(), entities.end(), [](const TimelineLane &l) {
        return l.key == DemoCase::idForKey(QStringLiteral("nuctech"));
    });
    QVERIFY(nuctech != entities.end());
    QCOMPARE(nuctech->label, QStringLiteral("Nuctech"));
    // The Serbia supply (since 2009) and the 2020 listing are both Nuctech's.
    QCOMPARE(nuctech->intervals.size(), 1);
    QCOMPARE(nuctech->events.size(), 1);
}

void TimelineModelTest::chartSubset()
{
    const QString nuctech = DemoCase::idForKey(QStringLiteral("nuctech"));
    auto model = TimelineModel::fromCase(m_case, {nuctech});
    QVERIFY(model.ok());
    QVERIFY(!model->items().isEmpty());
    for (const auto &i : model->items()) {
        QVERIFY2(i.entityId == nuctech || i.relatedIds.contains(nuctech), qPrintable(i.label));
    }
    QVERIFY(model->items().size() < m_demo.items().size());
}

void TimelineModelTest::articlePublicationIsKnownAt()
{
    QTemporaryDir dir;
    CaseFile c;
    QVERIFY(c.create(dir.filePath(QStringLiteral("k.casegraph"))).ok());
    const auto prov = c.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
    Entity article;
    article.id = QStringLiteral("art");
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Report"));
    article.add(QStringLiteral("publishedAt"), QStringLiteral("2021-03-04"));
    const auto articleRow = c.entities().create(article, *prov);
    QVERIFY(articleRow.ok());
    Source s;
    s.entityRowId = *articleRow;
    s.fileName = QStringLiteral("r.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.original = "Listed in May 2019.";
    s.text = QString::fromLatin1(s.original);
    const auto sourceId = c.evidence().addSource(s);
    QVERIFY(sourceId.ok());
    Entity ev;
    ev.id = QStringLiteral("ev");
    ev.schema = QStringLiteral("Event");
    ev.add(QStringLiteral("name"), QStringLiteral("Listing"));
    ev.add(QStringLiteral("date"), QStringLiteral("2019-05"));
    const auto evRow = c.entities().create(ev, *prov);
    Claim claim;
    claim.entityRowId = *evRow;
    claim.property = QStringLiteral("date");
    claim.value = QStringLiteral("2019-05");
    Excerpt x;
    x.sourceId = *sourceId;
    x.start = 10;
    x.end = 18;
    x.quote = QStringLiteral("May 2019");
    claim.excerpts << x;
    QVERIFY(c.evidence().addClaim(claim).ok());

    auto model = TimelineModel::fromCase(c);
    QVERIFY(model.ok());
    const auto it = std::find_if(model->items().begin(), model->items().end(),
                                 [](const TimelineItem &i) { return i.entityId == QLatin1String("ev"); });
    QVERIFY(it != model->items().end());
    QCOMPARE(it->knownAt.toString(), QStringLiteral("2021-03-04"));
    QCOMPARE(it->knownFrom, QStringList{QStringLiteral("Report")});
    QCOMPARE(model->knownDated(), 2); // the event, and the article's own publication
    const auto articleItem = std::find_if(model->items().begin(), model->items().end(),
                                          [](const TimelineItem &i) { return i.entityId == QLatin1String("art"); });
    QCOMPARE(articleItem->theme, TimelineTheme::Articles);
    QCOMPARE(articleItem->label, QStringLiteral("Report"));
    // The reporting lag widens the extent only when asked.
    QCOMPARE(model->extent().second, d("2021-03-04").latestMSecs());
}

QTEST_GUILESS_MAIN(TimelineModelTest)
#include "timelinemodel_test.moc"

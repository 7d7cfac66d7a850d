// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The time bar: "as of" a day shows only the relationships that may hold on that day, and
/// "between" those that may hold at some day of the range; partial dates count as their span.
class ChartTimeFilterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_case.create(m_dir.filePath(QStringLiteral("time.casegraph"))));
        m_editor = std::make_unique<CaseEditor>(m_case);
        const qint64 a = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Owner A"));
        const qint64 b = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Target B"));
        const qint64 c = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Target C"));
        const qint64 d = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Target D"));
        // May 2019 (month precision) to the end of 2020 (year precision).
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), a, b,
                                             {{QStringLiteral("startDate"), QStringLiteral("2019-05")},
                                              {QStringLiteral("endDate"), QStringLiteral("2020")}}));
        // From 14 March 2021, open-ended.
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), a, c,
                                             {{QStringLiteral("startDate"), QStringLiteral("2021-03-14")}}));
        // No dates at all: always shown.
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), a, d));
        m_chartId = *m_case.charts().create(QStringLiteral("Time"));
        QVERIFY(m_case.charts().setNodes(m_chartId, {ChartNode{a, 0, 0}, ChartNode{b, 200, 0}, ChartNode{c, 200, 200},
                                                     ChartNode{d, 200, 400}}));
        m_rows = {b, c, d};
    }

    void cleanupTestCase() { m_editor.reset(); }

    void asOf_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("visible"); // targets whose ownership shows, "BCD" order
        QTest::newRow("before anything") << QDate(2019, 4, 30) << QStringLiteral("D");
        QTest::newRow("first day of the start month") << QDate(2019, 5, 1) << QStringLiteral("BD");
        QTest::newRow("last day of the end year") << QDate(2020, 12, 31) << QStringLiteral("BD");
        QTest::newRow("gap between the two") << QDate(2021, 1, 1) << QStringLiteral("D");
        QTest::newRow("the day before an exact start") << QDate(2021, 3, 13) << QStringLiteral("D");
        QTest::newRow("an exact start day") << QDate(2021, 3, 14) << QStringLiteral("CD");
        QTest::newRow("open end") << QDate(2030, 1, 1) << QStringLiteral("CD");
    }

    void asOf()
    {
        QFETCH(QDate, day);
        QFETCH(QString, visible);
        auto data = ChartData::load(m_case, m_chartId);
        QVERIFY(data);
        data.value().applyFilters(TimeFilter::asOf(day), {}, {});
        QCOMPARE(shown(*data), visible);
    }

    void range()
    {
        auto data = ChartData::load(m_case, m_chartId);
        QVERIFY(data);
        data.value().applyFilters(TimeFilter::range(QDate(2020, 6, 1), QDate(2021, 4, 1)), {}, {});
        QCOMPARE(shown(*data), QStringLiteral("BCD"));
        data.value().applyFilters(TimeFilter::range(QDate(2021, 1, 1), QDate(2021, 3, 1)), {}, {});
        QCOMPARE(shown(*data), QStringLiteral("D"));
        data.value().applyFilters(TimeFilter(), {}, {});
        QCOMPARE(shown(*data), QStringLiteral("BCD"));
    }

    void theTimeBarFiltersTheView()
    {
        ChartPanel panel(&m_case, m_editor->undoStack(), m_chartId);
        panel.resize(900, 600);
        QCOMPARE(shown(panel.view()->data()), QStringLiteral("BCD"));
        panel.setTimeMode(ChartPanel::TimeMode::AsOf);
        panel.setDates(QDate(2019, 6, 1));
        QCOMPARE(shown(panel.view()->data()), QStringLiteral("BD"));
        panel.setTimeMode(ChartPanel::TimeMode::Range);
        panel.setDates(QDate(2019, 6, 1), QDate(2022, 1, 1));
        QCOMPARE(shown(panel.view()->data()), QStringLiteral("BCD"));
        panel.setTimeMode(ChartPanel::TimeMode::All);
        QCOMPARE(shown(panel.view()->data()), QStringLiteral("BCD"));
    }

private:
    QString shown(const ChartData &data) const
    {
        QString out;
        for (int k = 0; k < m_rows.size(); ++k) {
            const qint32 node = data.indexOf(m_rows.at(k));
            for (qint32 e = 0; e < data.edgeCount(); ++e) {
                if (data.edgeTo[size_t(e)] == node && data.isEdgeVisible(e)) {
                    out += QLatin1Char(char('B' + k));
                }
            }
        }
        return out;
    }

    QTemporaryDir m_dir;
    CaseFile m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_chartId = 0;
    QList<qint64> m_rows;
};

QTEST_MAIN(ChartTimeFilterTest)
#include "charttimefilter_uitest.moc"

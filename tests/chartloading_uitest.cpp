// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartframe.h"
#include "chart/chartview.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/sqlite.h"

#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// A chart large enough to load on the worker (ChartView::AsyncLoadNodes): a real case file on
/// disk, a real ChartView on the offscreen platform. Also the frame cache: a frame scrolled after a
/// pan must be the frame a full repaint draws.
class ChartLoadingTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("large.casegraph"));
        CaseFile c;
        QVERIFY(c.create(m_path));
        const qint64 prov = *c.addProvenance(Provenance::Kind::Edit, QStringLiteral("test"));
        {
            Sql::Transaction tx(c.database());
            for (int i = 0; i < Nodes; ++i) {
                Entity e;
                e.id = QStringLiteral("c%1").arg(i);
                e.schema = QStringLiteral("Company");
                e.add(QStringLiteral("name"), QStringLiteral("Company %1").arg(i));
                QVERIFY(c.entities().write(e, prov).ok());
            }
            // A chain c0 → c1 → … of Ownerships with percentages.
            for (int i = 0; i + 1 < Nodes; ++i) {
                Entity o;
                o.id = QStringLiteral("o%1").arg(i);
                o.schema = QStringLiteral("Ownership");
                o.add(QStringLiteral("owner"), QStringLiteral("c%1").arg(i));
                o.add(QStringLiteral("asset"), QStringLiteral("c%1").arg(i + 1));
                o.add(QStringLiteral("percentage"), QStringLiteral("51%"));
                QVERIFY(c.entities().write(o, prov).ok());
            }
            QVERIFY(tx.commit().ok());
        }
        auto chart = c.charts().create(QStringLiteral("Large"));
        QVERIFY(chart);
        m_chartId = *chart;
        QList<ChartNode> nodes;
        for (int i = 0; i < Nodes; ++i) {
            const qint64 row = c.entities().rowIdOf(QStringLiteral("c%1").arg(i));
            QVERIFY(row);
            nodes << ChartNode{row, (i % 80) * 120.0, (i / 80) * 120.0};
        }
        QVERIFY(c.charts().setNodes(m_chartId, nodes));
    }

    void init()
    {
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path));
        m_view = std::make_unique<ChartView>();
        m_view->resize(800, 600);
        m_view->show();
    }

    void cleanup()
    {
        m_view.reset();
        m_case.reset();
    }

    void loadsOnTheWorkerWithProgress()
    {
        ChartView &view = *m_view;
        view.setChart(m_case.get(), nullptr, m_chartId);
        QVERIFY(view.isLoading()); // setChart returned at once
        auto *button = view.findChild<QPushButton *>(QStringLiteral("chartLoadButton"));
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Cancel"));
        // What the tab shows meanwhile: "Loading chart… N %" over the Cancel button.
        const QImage loading = view.grab().toImage();
        if (const QString dir = qEnvironmentVariable("CASEGRAPH_SHOT_DIR"); !dir.isEmpty()) {
            loading.save(dir + QStringLiteral("/chart-loading.png"));
        }
        QVERIFY(inked(loading) > 5);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 20000);
        QCOMPARE(view.data().nodeCount(), qsizetype(Nodes));
        QCOMPARE(view.data().edgeCount(), qsizetype(Nodes - 1));
        QCOMPARE(view.data().labels.value(view.data().edgeLabel[0]), QStringLiteral("owns 51%"));
        QVERIFY(!button->isVisible());
        // The whole chart is on screen after the first fit, drawn as an overview.
        const int drawn = inked(view.grab().toImage());
        QVERIFY2(drawn > 500, qPrintable(QString::number(drawn)));
    }

    void cancelOffersToLoadAgain()
    {
        ChartView &view = *m_view;
        view.setChart(m_case.get(), nullptr, m_chartId);
        QVERIFY(view.isLoading());
        auto *button = view.findChild<QPushButton *>(QStringLiteral("chartLoadButton"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!view.isLoading());
        QCOMPARE(view.data().nodeCount(), qsizetype(0));
        QCOMPARE(button->text(), QStringLiteral("Load Again"));
        QTest::qWait(200); // a result that still arrives is dropped
        QCOMPARE(view.data().nodeCount(), qsizetype(0));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(view.isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 20000);
        QCOMPARE(view.data().nodeCount(), qsizetype(Nodes));
    }

    void cancelStopsReadingTheCase()
    {
        // Cancel answered while the relationships are read into the graph (the progress stays at
        // 20% there) ends the load at once, before the 75% mark that follows the reading.
        QList<int> seen;
        bool reading = false;
        const auto loaded = ChartData::load(*m_case, m_chartId, [&](int percent) {
            seen << percent;
            if (percent == 20 && !reading) {
                reading = true; // the nodes are in; the projection comes next
                return true;
            }
            return !reading;
        });
        QVERIFY(!loaded);
        QCOMPARE(loaded.error().message, QStringLiteral("Loading the chart was cancelled."));
        QVERIFY2(!seen.contains(75), qPrintable(QString::number(seen.last())));
        QCOMPARE(seen.last(), 20);
        // Nothing is kept from the cancelled load: a new one is complete.
        const auto again = ChartData::load(*m_case, m_chartId);
        QVERIFY(again);
        QCOMPARE(again->edgeCount(), qsizetype(Nodes - 1));
    }

    void scrolledFrameEqualsFullFrame()
    {
        auto loaded = ChartData::load(*m_case, m_chartId);
        QVERIFY(loaded);
        ChartData data = std::move(loaded.value());
        data.nodeFlags[10] |= NodeSelected;
        data.edgeConfidence[3] = quint8(Confidence::SingleSource);
        for (const double scale : {0.05, 0.2}) { // points, then discs with arrowheads
            ChartFrame::View view{QSize(640, 400), 1, scale, QPointF(-100, -100)};
            ChartFrame panned;
            panned.render(data, 1, view, false);
            for (const QPoint step : {QPoint(37, -21), QPoint(-90, 0), QPoint(0, 55)}) {
                view.topLeft += QPointF(step) / scale;
                panned.render(data, 1, view, true);
                QCOMPARE(panned.lastKind(), ChartFrame::Kind::Scrolled);
            }
            ChartFrame full;
            const QImage expected = full.render(data, 1, view, false);
            QCOMPARE(full.lastKind(), ChartFrame::Kind::Full);
            QCOMPARE(panned.render(data, 1, view, true), expected);
            QCOMPARE(panned.lastKind(), ChartFrame::Kind::Reused);
            // A change to the data is never hidden by the cache.
            data.nodeFlags[20] ^= NodeSelected;
            panned.render(data, 1, view, true);
            QCOMPARE(panned.lastKind(), ChartFrame::Kind::Full);
        }
    }

private:
    /// Pixels that are not white, on a 4-pixel grid.
    static int inked(const QImage &image)
    {
        int n = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                n += image.pixel(x, y) != qRgb(255, 255, 255);
            }
        }
        return n;
    }
    static constexpr int Nodes = int(ChartView::AsyncLoadNodes) + 400;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<ChartView> m_view;
    qint64 m_chartId = 0;
};

QTEST_MAIN(ChartLoadingTest)
#include "chartloading_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartlayout.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Casegraph::Ui;

/// A chart layout runs on a worker: a new start() drops the old result, and a runner that goes
/// (the chart closes, the window closes) stops its worker and waits for it, so no layout runs
/// on into the program's exit.
class ChartLayoutRunnerUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void finishesOnTheGuiThread();
    void goingAwayStopsAndWaits();
};

namespace {
ChartLayoutInput line(int n) {
    ChartLayoutInput input;
    input.nodeCount = n;
    input.positions.assign(size_t(n), QPointF(qQNaN(), 0));
    input.pinned.assign(size_t(n), false);
    for (int i = 1; i < n; ++i) {
        input.edges.emplace_back(i - 1, i);
    }
    return input;
}
} // namespace

void ChartLayoutRunnerUiTest::finishesOnTheGuiThread() {
    ChartLayoutRunner runner;
    QSignalSpy done(&runner, &ChartLayoutRunner::finished);
    runner.start(*ChartLayouts::find(QStringLiteral("grid")), line(9));
    QVERIFY(runner.isRunning());
    QVERIFY(done.wait(5000));
    QVERIFY(!runner.isRunning());
    QCOMPARE(done.first().at(0).value<std::vector<QPointF>>().size(), size_t(9));
}

void ChartLayoutRunnerUiTest::goingAwayStopsAndWaits() {
    // A layout that runs until it is told to stop.
    auto running = std::make_shared<std::atomic_bool>(false);
    auto ended = std::make_shared<std::atomic_bool>(false);
    ChartLayoutSpec endless{QStringLiteral("endless"), QStringLiteral("Endless"), false,
                            [running, ended](const ChartLayoutInput &, std::vector<QPointF> &,
                                             const std::function<bool(int, int)> &progress) -> Casegraph::Models::Status {
                                running->store(true);
                                while (progress(0, 1)) {
                                    QThread::msleep(5);
                                }
                                QThread::msleep(200); // slow to wind down, as a large layout is
                                ended->store(true);
                                return Casegraph::Models::Error{QStringLiteral("stopped")};
                            }};
    {
        ChartLayoutRunner runner;
        runner.start(endless, line(3));
        QTRY_VERIFY(running->load());
    }
    QVERIFY(ended->load()); // the destructor waited for the worker to end
}

QTEST_MAIN(ChartLayoutRunnerUiTest)
#include "chartlayoutrunner_uitest.moc"

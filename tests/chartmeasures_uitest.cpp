// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartmeasure.h"
#include "chart/chartpainter.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "support/chartpanelcase.h"
#include "support/testsupport.h"

#include "commands/caseeditor.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonObject>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;
using Size = ChartNodeMeasures::Size;
using Colour = ChartMeasureSetting::Colour;

namespace {
bool near(QColor a, QColor b, int tolerance = 40)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue()) <= tolerance;
}

/// Pixels of `image` within a small distance of `colour`.
int countNear(const QImage &image, QColor colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            n += near(image.pixelColor(x, y), colour, 12);
        }
    }
    return n;
}

/// The pale fill of a disc coloured by component (as ChartPainter mixes it).
QColor tintOf(QColor c)
{
    return QColor::fromRgbF(0.8f + 0.2f * c.redF(), 0.8f + 0.2f * c.greenF(), 0.8f + 0.2f * c.blueF());
}
} // namespace

/// Size by degree or betweenness and colour by component on a real ChartPanel over a case file on
/// disk: a star (a holding company owning five firms) and, apart, a pair of associates.
class ChartMeasuresTest : public Tests::ChartPanelCase {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(createCase(QStringLiteral("star")));
        const auto make = [this](const char *schema, const QString &name) {
            return *m_editor->createEntity(QLatin1String(schema), name);
        };
        m_hub = make("Company", QStringLiteral("Hub Holdings Ltd"));
        QList<ChartNode> nodes{ChartNode{m_hub, 0, 0, false, false, {}}};
        // Leaves left, right and below: up-right of the hub stays clear of edges and labels.
        const QList<QPointF> places{{-320, 0}, {320, 0}, {-200, 260}, {0, 300}, {200, 260}};
        for (int k = 0; k < places.size(); ++k) {
            const qint64 leaf = make("Company", QStringLiteral("Firm %1").arg(k + 1));
            m_leaves << leaf;
            QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), m_hub, leaf));
            nodes << ChartNode{leaf, places[k].x(), places[k].y(), false, false, {}};
        }
        m_pairA = make("Person", QStringLiteral("Associate A"));
        m_pairB = make("Person", QStringLiteral("Associate B"));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Associate"), m_pairA, m_pairB));
        nodes << ChartNode{m_pairA, 700, -200, false, false, {}} << ChartNode{m_pairB, 700, 100, false, false, {}};
        m_chartId = *m_case->charts().create(QStringLiteral("Star"), QJsonObject());
        QVERIFY(m_case->charts().setNodes(m_chartId, nodes));
        showChart();
    }

    void cleanup() { closeCase(); }

    void sizeByDegreeDrawsTheHubLarger()
    {
        ChartView *view = m_panel->view();
        const qint32 hub = view->data().indexOf(m_hub), leaf = view->data().indexOf(m_leaves.first());
        QCOMPARE(view->nodeRect(hub).width(), view->nodeRect(leaf).width());
        // The probe: up-right of the hub, between its rim at 1× and at 3×; selected, its disc is blue.
        view->setSelection({hub});
        const QPointF probe = view->worldTransform().map(QPointF(46, -46));
        QVERIFY(near(view->grab().toImage().pixelColor(probe.toPoint()), Qt::white, 6));

        chooseFromMenu(QStringLiteral("Degree"));
        QCOMPARE(view->measure(), (ChartMeasureSetting{Size::Degree, Colour::Type}));
        const double ratio = view->nodeRect(hub).width() / view->nodeRect(leaf).width();
        QVERIFY2(qAbs(ratio - 3.0) < 1e-3, qPrintable(QString::number(ratio))); // degree 5 vs 1: 3×
        QCOMPARE(view->nodeRect(view->data().indexOf(m_pairA)).width(), view->nodeRect(leaf).width());
        const QImage sized = view->grab().toImage();
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-measure-degree.png"));
        QVERIFY2(near(sized.pixelColor(probe.toPoint()), QColor(0xd6, 0xe6, 0xfb)),
                 qPrintable(sized.pixelColor(probe.toPoint()).name()));
        // The label moved down under the larger disc: nothing drawn just under the 1× rim.
        const QRectF hubRect = view->nodeRect(hub);
        QVERIFY(near(sized.pixelColor(QPointF(hubRect.center().x(), hubRect.bottom() - hubRect.height() * 0.12).toPoint()), QColor(0xd6, 0xe6, 0xfb)));
        // The tooltip text: score and rank.
        QCOMPARE(ChartMeasures::describe(view->data(), hub), QStringLiteral("degree 5, rank 1 of 8"));
        QCOMPARE(ChartMeasures::describe(view->data(), leaf), QStringLiteral("degree 1, rank 2 of 8"));

        // Hit-testing follows the radius: a click at the probe picks the hub, at 1× it was empty.
        view->setSelection({});
        QSignalSpy picked(view, &ChartView::entitySelected);
        QTest::mouseClick(view, Qt::LeftButton, {}, probe.toPoint());
        QCOMPARE(view->selectedRowIds(), QList<qint64>{m_hub});
        chooseFromMenu(QStringLiteral("Nothing"));
        QTest::mouseClick(view, Qt::LeftButton, {}, probe.toPoint());
        QVERIFY(view->selectedRowIds().isEmpty());
    }

    void betweennessRanksTheBroker()
    {
        ChartView *view = m_panel->view();
        view->setMeasure(ChartMeasureSetting{Size::Betweenness, Colour::Type});
        const qint32 hub = view->data().indexOf(m_hub);
        // The hub lies between each pair of the five firms: 10 of the C(7,2) = 21 pairs without it.
        QCOMPARE(ChartMeasures::describe(view->data(), hub), QStringLiteral("betweenness 0.48, rank 1 of 8"));
        QVERIFY(view->nodeRect(hub).width() > 2.9 * view->nodeRect(view->data().indexOf(m_pairA)).width());
        // Hiding the hub measures what is left: every node alike.
        view->setSelection({hub});
        view->hideSelection();
        QVERIFY(!view->data().isVisible(hub));
        const qint32 leaf = view->data().indexOf(m_leaves.first());
        QCOMPARE(ChartMeasures::describe(view->data(), leaf), QStringLiteral("betweenness 0.00, rank 1 of 7"));
    }

    void colourByComponent()
    {
        ChartView *view = m_panel->view();
        chooseFromMenu(QStringLiteral("Component"));
        QCOMPARE(view->measure(), (ChartMeasureSetting{Size::None, Colour::Component}));
        const qint32 hub = view->data().indexOf(m_hub), pair = view->data().indexOf(m_pairA);
        QCOMPARE(ChartMeasures::describe(view->data(), hub), QStringLiteral("component 1 of 2, 6 entities"));
        QCOMPARE(ChartMeasures::describe(view->data(), pair), QStringLiteral("component 2 of 2, 2 entities"));
        // Pixels: a point inside each disc, above the icon, has its component's tint.
        const QImage image = view->grab().toImage();
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-measure-component.png"));
        const QColor first = ChartMeasures::componentColour(0), second = ChartMeasures::componentColour(1);
        QVERIFY(!near(first, second));
        const auto insideTop = [&](qint32 node) {
            const QRectF r = view->nodeRect(node);
            return image.pixelColor(QPointF(r.center().x(), r.top() + r.height() * 0.14).toPoint());
        };
        QVERIFY2(near(insideTop(hub), tintOf(first), 12), qPrintable(insideTop(hub).name()));
        QVERIFY2(near(insideTop(pair), tintOf(second), 12), qPrintable(insideTop(pair).name()));

        // Edit → Undo: the plain chart again, white discs.
        m_editor->undoStack()->undo();
        QCOMPARE(view->measure(), ChartMeasureSetting());
        QVERIFY(view->data().measures.isEmpty());
        QCOMPARE(ChartMeasures::describe(view->data(), hub), QString());
        const QImage plain = view->grab().toImage();
        const QRectF r = view->nodeRect(hub);
        const QColor after = plain.pixelColor(QPointF(r.center().x(), r.top() + r.height() * 0.14).toPoint());
        QVERIFY2(near(after, Qt::white, 6), qPrintable(after.name()));
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(ChartMeasures::ColourKey));
    }

    void settingSurvivesReopeningAndUndo()
    {
        ChartView *view = m_panel->view();
        view->setMeasure(ChartMeasureSetting{Size::Degree, Colour::Component});
        QCOMPARE(m_editor->undoStack()->count(), 1); // both keys, one step
        auto settings = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(settings.value(ChartMeasures::SizeKey).toString(), QStringLiteral("degree"));
        QCOMPARE(settings.value(ChartMeasures::ColourKey).toString(), QStringLiteral("component"));

        reopen();
        view = m_panel->view();
        QCOMPARE(view->measure(), (ChartMeasureSetting{Size::Degree, Colour::Component}));
        const qint32 hub = view->data().indexOf(m_hub), leaf = view->data().indexOf(m_leaves.first());
        QVERIFY(view->nodeRect(hub).width() > 2.9 * view->nodeRect(leaf).width());

        // Undo (in a fresh session the step is pushed anew): the plain chart, the keys gone.
        view->setMeasure(ChartMeasureSetting{Size::Betweenness, Colour::Component});
        view->setMeasure(ChartMeasureSetting{Size::Betweenness, Colour::Type});
        m_editor->undoStack()->undo();
        m_editor->undoStack()->undo();
        QCOMPARE(view->measure(), (ChartMeasureSetting{Size::Degree, Colour::Component}));
        view->setMeasure({});
        QCOMPARE(view->nodeRect(hub).width(), view->nodeRect(leaf).width());
        QVERIFY(view->data().measures.isEmpty());
        settings = m_case->charts().chart(m_chartId)->settings;
        QVERIFY(!settings.contains(ChartMeasures::SizeKey) && !settings.contains(ChartMeasures::ColourKey));
        m_editor->undoStack()->undo();
        QCOMPARE(view->measure(), (ChartMeasureSetting{Size::Degree, Colour::Component}));
    }

    void renderDrawsTheMeasures()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.png"));
        QVERIFY(ChartExport::write(m_panel->view()->data(), plain));
        m_panel->view()->setMeasure(ChartMeasureSetting{Size::Degree, Colour::Component});
        const QString shown = m_dir.filePath(QStringLiteral("shown.png"));
        QVERIFY(ChartExport::write(m_panel->view()->data(), shown));
        closeCase(); // the CLI opens the file itself
        const QString cli = m_dir.filePath(QStringLiteral("cli.png"));
        const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                  {QStringLiteral("render"), m_path, QStringLiteral("--chart"), QStringLiteral("Star"), cli});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage a(shown), b(cli);
        QCOMPARE(b.size(), a.size()); // the same content rectangle and legend as the view's export
        QVERIFY(QImage(plain) != b);
        // The star's tint covers the hub's disc at 3× (9 × the area) and five small ones, the
        // pair's tint two small discs: about 14 to 2 (at one size it would be 6 to 2).
        const int starTint = countNear(b, tintOf(ChartMeasures::componentColour(0)));
        const int pairTint = countNear(b, tintOf(ChartMeasures::componentColour(1)));
        QVERIFY2(pairTint > 200, qPrintable(QString::number(pairTint)));
        QVERIFY2(starTint > 5 * pairTint, qPrintable(QStringLiteral("%1 %2").arg(starTint).arg(pairTint)));
        if (const QByteArray dir = qgetenv("CASEGRAPH_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QFile::remove(QString::fromLocal8Bit(dir) + QStringLiteral("/chart-measure-export.png"));
            QFile::copy(cli, QString::fromLocal8Bit(dir) + QStringLiteral("/chart-measure-export.png"));
        }
    }

    void largeChartMeasuresOnAWorker()
    {
        // 6,000 nodes on a ring: exact betweenness would take a while, so it runs off the GUI thread.
        ChartData data;
        for (qint32 i = 0; i < 6000; ++i) {
            data.addNode(i + 1, QStringLiteral("Company"), QString::number(i), QPointF(i % 100 * 80, i / 100 * 80));
        }
        for (qint32 i = 0; i < 6000; ++i) {
            data.addEdge(i, (i + 1) % 6000, QStringLiteral("Ownership"), QString(), Confidence::Unsourced, true);
        }
        ChartMeasures::Input input = ChartMeasures::input(data, ChartMeasureSetting{Size::Betweenness, Colour::Component});
        QVERIFY(ChartMeasures::isSlow(input));
        ChartMeasureRunner runner;
        QSignalSpy progress(&runner, &ChartMeasureRunner::progressed);
        QSignalSpy done(&runner, &ChartMeasureRunner::finished);
        QElapsedTimer timer;
        timer.start();
        runner.start(input);
        QVERIFY(timer.elapsed() < 100); // start() returns at once
        QVERIFY(runner.isRunning());
        QVERIFY(done.wait(8000));
        QVERIFY(progress.count() > 0);
        const auto m = done.first().first().value<ChartNodeMeasures>();
        QCOMPARE(m.componentSizes, QList<qsizetype>{6000});
        QCOMPARE(m.rank.size(), size_t(6000));
        // Above 5,000 nodes, sampled: 5·10^7 / (6,000 + 2 × 6,000) sources.
        QVERIFY(m.approximate);
        QCOMPARE(m.samples, 2777);
        QVERIFY(std::all_of(m.rank.begin(), m.rank.end(), [](qint32 r) { return r >= 1; }));
        // Cancel: nothing arrives.
        runner.start(input);
        runner.cancel();
        QVERIFY(!runner.isRunning());
        QVERIFY(!done.wait(300));
    }

    void betweennessOfALargeChartRunsOnTheWorkerAndCancels()
    {
        // 4,500 companies, each owning the next, the 7th and the 31st after it: exact betweenness
        // costs about 1.4·10^8 steps, well over the GUI thread's budget.
        constexpr int n = 4500;
        const QString file = m_dir.filePath(QStringLiteral("ring.ftm.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            for (int i = 0; i < n; ++i) {
                out.write(QStringLiteral(R"({"id":"c%1","schema":"Company","properties":{"name":["Company %1"]}})"
                                         "\n").arg(i).toUtf8());
                for (const int step : {1, 7, 31}) {
                    out.write(QStringLiteral(R"({"id":"o%1-%2","schema":"Ownership","properties":{"owner":["c%1"],"asset":["c%3"]}})"
                                             "\n").arg(i).arg(step).arg((i + step) % n).toUtf8());
                }
            }
        }
        QVERIFY(ImportJob::run(*m_case, file));
        QList<ChartNode> nodes;
        for (int i = 0; i < n; ++i) {
            const qint64 row = m_case->entities().rowIdOf(QStringLiteral("c%1").arg(i));
            QVERIFY(row > 0);
            nodes << ChartNode{row, double(i % 75) * 90, double(i / 75) * 90, false, false, {}};
        }
        m_chartId = *m_case->charts().create(QStringLiteral("Ring"), QJsonObject());
        QVERIFY(m_case->charts().setNodes(m_chartId, nodes));
        m_editor->undoStack()->clear();
        m_panel.reset();
        openPanel();
        ChartView *view = m_panel->view();
        QCOMPARE(view->data().nodeCount(), qsizetype(n));

        QSignalSpy running(view, &ChartView::measuringChanged);
        QElapsedTimer timer;
        timer.start();
        view->setMeasure(ChartMeasureSetting{Size::Betweenness, Colour::Type});
        QVERIFY2(timer.elapsed() < 250, qPrintable(QString::number(timer.elapsed()))); // not computed here
        QVERIFY(view->isMeasuring());
        QVERIFY(running.count() >= 1 && running.last().first().toBool());
        // After a moment the tool bar shows the progress and Cancel.
        QToolButton *cancel = nullptr;
        for (QToolButton *b : m_panel->findChildren<QToolButton *>()) {
            cancel = b->text() == QStringLiteral("Cancel") ? b : cancel;
        }
        QVERIFY(cancel);
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isVisible(), 2000);
        QVERIFY(view->isMeasuring());
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-measure-progress.png"));
        cancel->click();
        QVERIFY(!view->isMeasuring());
        QTRY_VERIFY(!cancel->isVisible());
        QCOMPARE(view->measure(), ChartMeasureSetting());
        QVERIFY(view->data().measures.isEmpty());
        QCOMPARE(m_editor->undoStack()->count(), 2); // sizing on, then off again
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(ChartMeasures::SizeKey));
    }

    void fitLeavesTheLegendClear_data()
    {
        QTest::addColumn<bool>("size");
        QTest::addColumn<bool>("colour");
        QTest::newRow("colour by component") << false << true;
        QTest::newRow("both legends") << true << true;
    }

    void fitLeavesTheLegendClear()
    {
        QFETCH(bool, size);
        QFETCH(bool, colour);
        ChartView *view = m_panel->view();
        const qint32 corner = placeOnGrid();
        const double fitted = view->scale();

        view->setMeasure(ChartMeasureSetting{size ? Size::Degree : Size::None, colour ? Colour::Component : Colour::Type});
        const QRectF legend = view->legendRect();
        QVERIFY(!legend.isNull());
        // The user drags Firm 3 under the legend, then presses Fit.
        view->panBy((view->nodeRect(corner).center() - legend.center()).toPoint());
        QVERIFY(view->nodeRect(corner).intersects(legend));
        view->viewActions().first()->trigger(); // Fit to View
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-legend-fit-%1.png")
                                             .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        QCOMPARE(view->legendRect(), legend);
        verifyLegendClear(legend);
        // Only the legend's room is given up: the chart is not shrunk much.
        QVERIFY2(view->scale() > 0.75 * fitted, qPrintable(QStringLiteral("%1 → %2").arg(fitted).arg(view->scale())));
    }

    void switchingAMeasureOnKeepsNodesClearOfTheLegend_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::newRow("colour by component") << QStringLiteral("Component");
        QTest::newRow("size by degree") << QStringLiteral("Degree");
        QTest::newRow("size by betweenness") << QStringLiteral("Betweenness");
    }

    void switchingAMeasureOnKeepsNodesClearOfTheLegend()
    {
        // Fitted, Firm 3 sits in the view's bottom-left corner, where the legend appears.
        QFETCH(QString, choice);
        ChartView *view = m_panel->view();
        const qint32 corner = placeOnGrid();
        const QRectF cornerBefore = view->nodeRect(corner);
        QUndoStack *stack = m_editor->undoStack();
        const int steps = stack->count();

        chooseFromMenu(choice);
        QTRY_VERIFY(!view->isMeasuring());
        const QRectF legend = view->legendRect();
        QVERIFY(!legend.isNull());
        QVERIFY(cornerBefore.intersects(legend)); // where Firm 3 was, the legend now is
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-legend-measure-%1.png").arg(choice.toLower()));
        verifyLegendClear(legend);
        if (QTest::currentTestFailed()) {
            return;
        }
        // One undo step, the measure's: the view change is not on the stack.
        QCOMPARE(stack->count(), steps + 1);
        stack->undo();
        QVERIFY(view->legendRect().isNull());
        stack->redo();
        QTRY_VERIFY(!view->isMeasuring());
        verifyLegendClear(view->legendRect());
    }

    void switchingAMeasureOnKeepsTheUsersView_data()
    {
        QTest::addColumn<double>("zoom");
        QTest::newRow("zoomed out: nothing under the legend") << 0.4;
        QTest::newRow("zoomed in on a part") << 2.5;
    }

    void switchingAMeasureOnKeepsTheUsersView()
    {
        QFETCH(double, zoom);
        ChartView *view = m_panel->view();
        placeOnGrid();
        view->zoomBy(zoom);
        const QTransform before = view->worldTransform();
        chooseFromMenu(QStringLiteral("Component"));
        QVERIFY(!view->legendRect().isNull());
        QCOMPARE(view->worldTransform(), before);
        if (zoom < 1) {
            verifyLegendClear(view->legendRect()); // the small chart in the middle, clear of the legend
        }
    }

private:
    /// The nodes on a grid of the view's shape, Firm 3 in its bottom-left corner, fitted: the
    /// chart reaches the view's corners, where the legend of sizes and colours is drawn. Returns Firm 3.
    qint32 placeOnGrid()
    {
        ChartView *view = m_panel->view();
        const double aspect = double(view->width()) / view->height();
        const double w = 900, h = std::max(200.0, (w + 100) / aspect - 100);
        QList<qint64> order{m_leaves.at(2), m_hub, m_leaves.at(0), m_leaves.at(1),
                            m_leaves.at(3), m_leaves.at(4), m_pairA, m_pairB};
        std::vector<QPointF> positions(size_t(view->data().nodeCount()));
        for (qsizetype k = 0; k < order.size(); ++k) {
            positions[size_t(view->data().indexOf(order.at(k)))] = QPointF(w / 3 * double(k / 2), k % 2 ? 0 : h);
        }
        view->applyPositions(positions, QStringLiteral("Grid"));
        return view->data().indexOf(m_leaves.at(2));
    }

    /// No node's disc or label under `legend`, and every node in view.
    void verifyLegendClear(const QRectF &legend)
    {
        ChartView *view = m_panel->view();
        QVERIFY(!legend.isNull());
        for (qint32 i = 0; i < view->data().nodeCount(); ++i) {
            const QRectF disc = view->nodeRect(i);
            const QRectF withLabel = view->worldTransform().mapRect(ChartPainter::nodeBounds(view->data(), i));
            const QString name = view->data().nodeLabel[size_t(i)];
            QVERIFY2(!disc.intersects(legend), qPrintable(name));
            QVERIFY2(!withLabel.intersects(legend), qPrintable(name));
            QVERIFY2(QRectF(view->rect()).contains(disc), qPrintable(name)); // every node shows
        }
    }

    void chooseFromMenu(const QString &text)
    {
        QToolButton *button = m_panel->measureButton();
        QMenu *menu = button->menu();
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions()) {
            if (QString(a->text()).remove(QLatin1Char('&')) == text) {
                a->trigger();
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no %1 in the Measure menu").arg(text)));
    }

    qint64 m_hub = 0, m_pairA = 0, m_pairB = 0;
    QList<qint64> m_leaves;
};

QTEST_MAIN(ChartMeasuresTest)
#include "chartmeasures_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartpainter.h"
#include "chart/chartview.h"

#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// Direction on a link chart as a user sees it: a relationship FtM calls undirected (the demo
/// case's Family of Hu Jintao and Hu Haifeng) is drawn without an arrowhead, a directed one (Hu
/// Haifeng's chairmanship of Nuctech) with one. Checked on the pixels of a real ChartView.
class ChartEdgeDirectionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void flagsFollowTheSchema();
    void noArrowheadOnAnUndirectedEdge();
    void anArrowFromBelowEndsAtTheLabel();

private:
    /// Dark pixels beside the line just before it reaches `to` (where an arrowhead's wings are),
    /// in the view's image; the line itself is not counted.
    static int inkBesideTheEnd(const QImage &image, const QTransform &world, QPointF from, QPointF to,
                               double tip = ChartStyle::NodeRadius + 2);
    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_chart = 0;
    qint64 m_jintao = 0, m_haifeng = 0, m_nuctech = 0;
};

void ChartEdgeDirectionTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_case = std::make_unique<CaseFile>();
    QVERIFY(m_case->create(m_dir.filePath(QStringLiteral("demo.casegraph"))));
    QVERIFY(DemoCase::write(*m_case));
    m_editor = std::make_unique<CaseEditor>(*m_case);
    const auto &store = m_case->entities();
    m_jintao = store.rowIdOf(DemoCase::idForKey(QStringLiteral("hu-jintao")));
    m_haifeng = store.rowIdOf(DemoCase::idForKey(QStringLiteral("hu-haifeng")));
    m_nuctech = store.rowIdOf(DemoCase::idForKey(QStringLiteral("nuctech")));
    QVERIFY(m_jintao && m_haifeng && m_nuctech);
    const auto chart = m_case->charts().create(QStringLiteral("Hu family and Nuctech"));
    QVERIFY(chart.ok());
    m_chart = *chart;
    // Family Jintao → Haifeng runs left to right, the Directorship Haifeng → Nuctech downwards.
    QVERIFY(m_case->charts().setNodes(m_chart, {ChartNode{m_jintao, 0, 0, true}, ChartNode{m_haifeng, 300, 0, true},
                                                ChartNode{m_nuctech, 300, 300, true}}));
}

void ChartEdgeDirectionTest::flagsFollowTheSchema()
{
    const auto data = ChartData::load(*m_case, m_chart);
    QVERIFY(data);
    QCOMPARE(data->edgeCount(), 2);
    for (qint32 e = 0; e < data->edgeCount(); ++e) {
        const qint64 to = data->nodeRowId[size_t(data->edgeTo[size_t(e)])];
        const bool directed = data->edgeFlags[size_t(e)] & EdgeDirected;
        QCOMPARE(directed, to == m_nuctech); // the Directorship; the Family has no direction
    }
}

int ChartEdgeDirectionTest::inkBesideTheEnd(const QImage &image, const QTransform &world, QPointF from, QPointF to,
                                            double tip)
{
    // The arrowhead's tip touches the node's rim (radius + 2) and is 10 long and 9 wide; its wings
    // reach 2 to 3 units beside the line 6 to 8 units back from the tip. The line is 1.5 wide.
    const QPointF v = to - from;
    const double l = std::hypot(v.x(), v.y());
    const QPointF u = v / l, n(-u.y(), u.x());
    int ink = 0;
    for (const double back : {6.0, 7.0, 8.0}) {
        for (const double side : {-2.4, 2.4}) {
            const QPoint p = world.map(to - u * (tip + back) + n * side).toPoint();
            if (image.rect().contains(p) && image.pixelColor(p).lightness() < 200) {
                ++ink;
            }
        }
    }
    return ink;
}

void ChartEdgeDirectionTest::noArrowheadOnAnUndirectedEdge()
{
    ChartView view;
    view.resize(900, 700);
    view.setChart(m_case.get(), m_editor->undoStack(), m_chart);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToView();
    const QImage image = view.grab().toImage();
    const QString out = m_dir.filePath(QStringLiteral("direction.png"));
    QVERIFY(image.save(out));
    qInfo("chart screenshot: %s", qPrintable(out));
    const QTransform world = view.worldTransform();
    // Zoomed in enough that an arrowhead is several pixels wide.
    QVERIFY2(world.m11() >= 1.0, qPrintable(QString::number(world.m11())));
    const QPointF jintao(0, 0), haifeng(300, 0), nuctech(300, 300);
    const int directed = inkBesideTheEnd(image, world, haifeng, nuctech);
    const int family = inkBesideTheEnd(image, world, jintao, haifeng);
    QVERIFY2(directed >= 4, qPrintable(QString::number(directed))); // the Directorship's arrowhead
    QCOMPARE(family, 0);                                             // none on the Family
}

void ChartEdgeDirectionTest::anArrowFromBelowEndsAtTheLabel()
{
    // Nuctech above Hu Haifeng: the Directorship arrives from below, where Nuctech's name is
    // written; its arrowhead must end below the name, not under it.
    const auto chart = m_case->charts().create(QStringLiteral("Nuctech above its chairman"));
    QVERIFY(chart.ok());
    QVERIFY(m_case->charts().setNodes(*chart, {ChartNode{m_haifeng, 0, 300, true}, ChartNode{m_nuctech, 0, 0, true}}));
    ChartView view;
    view.resize(500, 700);
    view.setChart(m_case.get(), m_editor->undoStack(), *chart);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.fitToView();
    const QPixmap shot = view.grab();
    Tests::saveShot(shot, QStringLiteral("chart-arrow-from-below.png"));
    const QImage image = shot.toImage();
    const QString out = m_dir.filePath(QStringLiteral("from-below.png"));
    QVERIFY(image.save(out));
    const QTransform world = view.worldTransform();
    QVERIFY2(world.m11() >= 1.0, qPrintable(QString::number(world.m11())));
    // The label box as the chart draws it: one line of LabelSize pixels under the disc.
    QFont font;
    font.setPixelSize(int(ChartStyle::LabelSize));
    font.setHintingPreference(QFont::PreferNoHinting);
    const double labelBottom = ChartStyle::NodeRadius + 2 + QFontMetricsF(font).height() + 2;
    const QPointF haifeng(0, 300), nuctech(0, 0);
    QVERIFY2(inkBesideTheEnd(image, world, haifeng, nuctech, labelBottom + 1) >= 4, qPrintable(out));
}

QTEST_MAIN(ChartEdgeDirectionTest)
#include "chartedgedirection_uitest.moc"

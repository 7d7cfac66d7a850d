// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartpainter.h"

#include <QImage>
#include <QPainter>
#include <QTest>

#include <cmath>

using namespace Casegraph::Ui;

namespace {

/// A big chart whose edges all cross its middle: 120 nodes on a circle 40,000 units across, each
/// joined to the node opposite and to one a little off (every confidence, some directed), plus
/// parallel pairs, which are drawn as curves.
ChartData crossingChart()
{
    ChartData d;
    constexpr int N = 120;
    for (int k = 0; k < N; ++k) {
        const double a = 2 * M_PI * k / N;
        d.addNode(k + 1, k % 2 ? QStringLiteral("Person") : QStringLiteral("Company"), QStringLiteral("Node %1").arg(k),
                  QPointF(20000 * std::cos(a), 20000 * std::sin(a)));
    }
    const Confidence levels[] = {Confidence::Unsourced, Confidence::SingleSource, Confidence::Corroborated};
    for (int k = 0; k < N / 2; ++k) {
        d.addEdge(k, k + N / 2, QStringLiteral("Ownership"), QString(), levels[k % 3], k % 2 == 0);
        d.addEdge(k, (k + N / 2 + 3) % N, QStringLiteral("Directorship"), QString(), levels[(k + 1) % 3], false);
        if (k % 4 == 0) { // a parallel pair: two curves either side of the straight line
            d.addEdge(k + N / 2, k, QStringLiteral("Payment"), QString(), levels[(k + 2) % 3], true);
        }
    }
    d.assignCurves();
    return d;
}

/// The chart drawn at `scale` with the chart point `topLeft` in the image's corner.
QImage draw(const ChartData &d, QPointF topLeft, double scale, const ChartPaintOptions &options = {})
{
    QImage image(640, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-topLeft);
    ChartPainter::paint(painter, d, QRectF(topLeft, QSizeF(image.width() / scale, image.height() / scale)), options);
    return image;
}

/// Pixels of `a` and `b` (within `area`) whose colours differ by more than `tolerance` in a channel.
int differing(const QImage &a, const QImage &b, const QRect &area, QPoint offsetB = {}, int tolerance = 48)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x + offsetB.x(), y + offsetB.y());
            if (std::abs(qRed(p) - qRed(q)) > tolerance || std::abs(qGreen(p) - qGreen(q)) > tolerance ||
                std::abs(qBlue(p) - qBlue(q)) > tolerance) {
                ++count;
            }
        }
    }
    return count;
}

} // namespace

class ChartPainterUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    /// Zoomed in on a small piece of a big chart, the painter strokes only the pieces of the long
    /// edges that cross the view (Qt dashes a line over its whole length before clipping: seconds
    /// per frame at 64× on a big chart), and the picture is the one the whole edges give.
    void zoomedInViewStrokesOnlyVisiblePieces()
    {
        const ChartData d = crossingChart();
        const double scale = 2; // detail: icons, dashes and dots a few pixels long
        const QPointF corner(-150, -100);
        const QImage cut = draw(d, corner, scale);
        const ChartPaintStats cutStats = ChartPainter::lastStats();
        ChartPaintOptions whole;
        whole.wholeEdges = true;
        const QImage full = draw(d, corner, scale, whole);
        const ChartPaintStats fullStats = ChartPainter::lastStats();

        // The 60 diameters and the curves beside them cross the view, each some 40,000 units × 2 px long.
        QVERIFY2(cutStats.edgesStroked >= 60, qPrintable(QString::number(cutStats.edgesStroked)));
        QCOMPARE(cutStats.edgesStroked, fullStats.edgesStroked);
        QVERIFY(fullStats.strokedLength > 60 * 70000.0);
        // Cut: at most the view's diagonal (plus the margin) per edge.
        const double diagonal = std::hypot(640.0 + 40, 400.0 + 40);
        QVERIFY2(cutStats.strokedLength <= double(cutStats.edgesStroked) * diagonal,
                 qPrintable(QStringLiteral("%1 px for %2 edges").arg(cutStats.strokedLength).arg(cutStats.edgesStroked)));
        // The same picture: dashes and dots in the same places. Not to the pixel: over 40,000 units Qt's
        // dasher and the exact cut-off length may part by a fraction of a dash on a few edges.
        const int off = differing(cut, full, cut.rect());
        if (qEnvironmentVariableIsSet("CHARTPAINTER_TEST_SAVE")) { // for looking at them
            cut.save(QStringLiteral("chartpainter-cut.png"));
            full.save(QStringLiteral("chartpainter-whole.png"));
        }
        qInfo("stroked %lld edges: %.0f px cut, %.0f px whole; %d pixels differ", qint64(cutStats.edgesStroked),
              cutStats.strokedLength, fullStats.strokedLength, off);
        QVERIFY2(off < cut.width() * cut.height() / 100, qPrintable(QStringLiteral("%1 pixels differ").arg(off)));
    }

    /// Panning does not make dashes and dots crawl: the part two views share is drawn alike.
    void panKeepsDashesInPlace()
    {
        const ChartData d = crossingChart();
        const double scale = 2;
        const QPointF corner(-150, -100), panned(-150 + 37.5, -100 + 20);
        const QImage a = draw(d, corner, scale);
        const QImage b = draw(d, panned, scale);
        const QPoint shift(75, 40); // pixels of the pan
        const QRect shared(shift, QSize(a.width() - shift.x(), a.height() - shift.y()));
        const int off = differing(a, b, shared.adjusted(10, 10, -10, -10), -shift);
        qInfo("%d pixels differ where the views overlap", off);
        QVERIFY2(off < shared.width() * shared.height() / 500, qPrintable(QStringLiteral("%1 pixels differ").arg(off)));
    }
};

QTEST_MAIN(ChartPainterUiTest)
#include "chartpainter_uitest.moc"

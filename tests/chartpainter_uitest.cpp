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

/// A zoomed-in detail frame's worth of everything: a 7 × 5 grid of labelled nodes 150 units apart
/// (some selected, sanctioned, pinned, highlighted), joined to their neighbours by labelled edges of
/// every confidence, half directed, parallel pairs as curves, and the long edges of crossingChart()
/// running across the whole view at every angle.
ChartData denseDetailChart()
{
    ChartData d = crossingChart();
    const qint32 first = d.nodeCount();
    constexpr int Cols = 7, Rows = 5;
    const Confidence levels[] = {Confidence::Unsourced, Confidence::SingleSource, Confidence::Corroborated};
    for (int k = 0; k < Cols * Rows; ++k) {
        const quint8 flags = k % 7 == 3 ? NodeSelected : k % 11 == 5 ? NodeSanctioned | NodePinned : k % 13 == 8 ? NodeHighlighted : 0;
        d.addNode(1000 + k, k % 3 ? QStringLiteral("Company") : QStringLiteral("Person"),
                  k % 4 ? QStringLiteral("Grid node %1").arg(k) : QStringLiteral("Grid node %1 with a name long enough to wrap").arg(k),
                  QPointF(-450 + 150 * (k % Cols) + (k % 3) * 9, -300 + 150 * (k / Cols) + (k % 5) * 7), flags);
    }
    for (int k = 0; k < Cols * Rows; ++k) {
        const qint32 a = first + k;
        const Confidence level = levels[k % 3];
        if (k % Cols + 1 < Cols) {
            d.addEdge(a, a + 1, QStringLiteral("Ownership"), QStringLiteral("owns %1 %").arg(k), level, k % 2 == 0);
        }
        if (k + Cols < Cols * Rows) {
            d.addEdge(a + Cols, a, QStringLiteral("Directorship"), k % 3 ? QStringLiteral("director") : QString(), level, true);
            if (k % 4 == 1) { // parallel: both become curves
                d.addEdge(a, a + Cols, QStringLiteral("Payment"), QStringLiteral("paid"), levels[(k + 1) % 3], true);
            }
        }
        if (k % 6 == 0) { // out to the ring, across the seams at a slant
            d.addEdge(a, k % 120, QStringLiteral("Ownership"), QString(), level, true);
        }
    }
    d.assignCurves();
    for (qint32 e = 0; e < d.edgeCount(); e += 9) {
        d.edgeFlags[size_t(e)] |= EdgeHighlighted;
    }
    return d;
}

/// The chart drawn at `scale` with the chart point `topLeft` in the image's corner.
QImage draw(const ChartData &d, QPointF topLeft, double scale, const ChartPaintOptions &options = {},
            QSize size = QSize(640, 400))
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    painter.translate(-topLeft);
    ChartPainter::paint(painter, d, QRectF(topLeft, QSizeF(image.width() / scale, image.height() / scale)), options);
    return image;
}

/// The largest difference of a colour channel between `a` and `b`.
int largestDifference(const QImage &a, const QImage &b)
{
    int most = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            most = std::max({most, std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q))});
        }
    }
    return most;
}

/// The first rows where `a` and `b` differ, for a failure message.
QString differentRows(const QImage &a, const QImage &b)
{
    QStringList rows;
    for (int y = 0; y < a.height() && rows.size() < 8; ++y) {
        for (int x = 0; x < a.width(); ++x) {
            if (a.pixel(x, y) != b.pixel(x, y)) {
                rows << QStringLiteral("row %1 from x %2").arg(y).arg(x);
                break;
            }
        }
    }
    return rows.join(QStringLiteral(", "));
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

    /// A detail frame painted in bands of rows on several threads is the one-pass frame to the
    /// pixel: every edge, dot, arrowhead, label and node that crosses a seam is drawn by each band
    /// it touches, clipped to its rows, and none is left out or drawn twice (a semi-transparent
    /// label box drawn twice would darken). Odd band counts put seams at uneven rows.
    void bandsPaintTheOnePassFrame()
    {
        const ChartData d = denseDetailChart();
        const QPointF corner(-520, -360);
        constexpr int Tolerance = 4;
        for (const double scale : {0.5, 1.0, 1.7, 2.5}) { // dots from 2.2 px, labels and icons at several sizes
            ChartPaintOptions one;
            one.bands = 1;
            const QSize size(960, 600);
            const QImage reference = draw(d, corner, scale, one, size);
            const ChartPaintStats oneStats = ChartPainter::lastStats();
            QVERIFY2(oneStats.edgesStroked >= 30, qPrintable(QString::number(oneStats.edgesStroked)));
            for (const int bands : {2, 3, 7}) {
                ChartPaintOptions banded;
                banded.bands = bands;
                const QImage image = draw(d, corner, scale, banded, size);
                if (qEnvironmentVariableIsSet("CHARTPAINTER_TEST_SAVE")) {
                    reference.save(QStringLiteral("chartpainter-bands1-%1.png").arg(scale));
                    image.save(QStringLiteral("chartpainter-bands%1-%2.png").arg(bands).arg(scale));
                }
                const int off = differing(reference, image, reference.rect(), {}, Tolerance);
                qInfo("scale %.1f, %d bands: %d pixels differ at all, %d by more than %d, most by %d", scale, bands,
                      differing(reference, image, reference.rect(), {}, 0), off, Tolerance, largestDifference(reference, image));
                QVERIFY2(off == 0, qPrintable(QStringLiteral("scale %1, %2 bands: %3 pixels differ (%4)")
                                                  .arg(scale).arg(bands).arg(off).arg(differentRows(reference, image))));
                // The counts are the frame's, not a band's.
                QCOMPARE(ChartPainter::lastStats().edgesStroked, oneStats.edgesStroked);
            }
        }
    }
};

QTEST_MAIN(ChartPainterUiTest)
#include "chartpainter_uitest.moc"

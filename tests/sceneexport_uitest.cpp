// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/sceneexport.h"

#include <QFile>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Ui;

/// The exporter that charts and timelines share: what lands on disk is what the user asked for.
class SceneExportTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_scene = std::make_unique<QGraphicsScene>();
        m_scene->addRect(QRectF(0, 0, 300, 100), QPen(Qt::black), QBrush(Qt::darkBlue));
        auto *label = m_scene->addSimpleText(QStringLiteral("Xinjiang Public Security Bureau"));
        label->setPos(0, 120);
    }

    void pngHasTheDrawingAtTheRequestedScale()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.png"));
        const auto st = SceneExporter::exportScene(*m_scene, path, {}, {.pngScale = 2.0, .margin = 10});
        QVERIFY2(st, qPrintable(st ? QString() : st.error().toString()));
        QImage image(path);
        QVERIFY(!image.isNull());
        const QRectF drawn = m_scene->itemsBoundingRect().adjusted(-10, -10, 10, 10);
        QCOMPARE(image.width(), int(std::ceil(drawn.width() * 2)));
        // The blue box is there, and the margin is the white background.
        QCOMPARE(image.pixelColor(image.width() / 4, 60).rgb(), QColor(Qt::darkBlue).rgb());
        QCOMPARE(image.pixelColor(2, 2).rgb(), QColor(Qt::white).rgb());
    }

    void svgKeepsTextAsText()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(SceneExporter::exportScene(*m_scene, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("Xinjiang Public Security Bureau"));
    }

    void pdfIsAOnePageDocument()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY(SceneExporter::exportScene(*m_scene, path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdf.count("/Type /Page\n") + pdf.count("/Type /Page\r") + pdf.count("/Type /Page "), 1);
    }

    void unknownSuffixIsAClearErrorAndWritesNothing()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.bmp"));
        const auto st = SceneExporter::exportScene(*m_scene, path);
        QVERIFY(!st);
        QVERIFY(st.error().message.contains(QLatin1String("unknown image format")));
        QVERIFY(!QFile::exists(path));
    }

    void emptySceneIsRefused()
    {
        QGraphicsScene empty;
        const QString path = m_dir.filePath(QStringLiteral("empty.png"));
        const auto st = SceneExporter::exportScene(empty, path);
        QVERIFY(!st);
        QVERIFY(st.error().message.contains(QLatin1String("nothing to draw")));
        QVERIFY(!QFile::exists(path));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QGraphicsScene> m_scene;
};

QTEST_MAIN(SceneExportTest)
#include "sceneexport_uitest.moc"

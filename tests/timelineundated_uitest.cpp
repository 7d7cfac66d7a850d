// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/democase.h"
#include "support/testsupport.h"
#include "storage/casefile.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinerenderer.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The timeline's list of undated facts beside the axis: how it flows into columns (export) or
/// scrolls (screen). Checked on the renderer's geometry, at many sizes of the demo case.
class TimelineUndatedUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoExportKeepsBansHeadingWithItsItems();
    void noHeadingIsOrphanedAtAnySize_data();
    void noHeadingIsOrphanedAtAnySize();
    void exportMakesRoomForALongList();
    void paintsAtCommonSizes_data();
    void paintsAtCommonSizes();

private:
    using Line = TimelineRenderer::UndatedLine;
    /// Lays out the demo at `size`; empty when every heading has its first fact under it in the
    /// same column, else a description of the first orphan.
    QString orphanAt(const QSizeF &size, bool printMode, int scroll = 0,
                     std::shared_ptr<const TimelineModel> model = nullptr) const;
    /// Paints the last layout, as an export does.
    static QImage picture(TimelineRenderer &r, const QSizeF &size);
    QTemporaryDir m_dir;
    std::shared_ptr<const TimelineModel> m_model;
};

void TimelineUndatedUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    CaseFile c;
    QVERIFY(c.create(m_dir.filePath(QStringLiteral("demo.casegraph"))).ok());
    QVERIFY(DemoCase::write(c).ok());
    auto model = TimelineModel::fromCase(c);
    QVERIFY(model.ok());
    m_model = std::make_shared<const TimelineModel>(std::move(*model));
    QVERIFY(m_model->undated().size() > 40); // enough to need columns
}

QString TimelineUndatedUiTest::orphanAt(const QSizeF &size, bool printMode, int scroll,
                                        std::shared_ptr<const TimelineModel> model) const
{
    model = model ? model : m_model;
    TimelineRenderer r;
    r.state().printMode = printMode;
    r.state().undatedScroll = scroll;
    r.setModel(model);
    r.fit();
    r.layout(size);
    const QList<Line> &lines = r.undatedLines();
    const QString where = QStringLiteral("%1x%2%3").arg(size.width()).arg(size.height()).arg(printMode ? " export" : "");
    if (lines.isEmpty()) {
        return where + QStringLiteral(": no undated list");
    }
    QFont bold; // the renderer's heading font (12 px bold; facts are 11 px)
    bold.setPixelSize(12);
    bold.setBold(true);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line &heading = lines.at(i);
        if ((heading.undated == Line::Title || heading.undated == Line::ThemeHeading) &&
            QFontMetricsF(bold).horizontalAdvance(heading.text) > heading.rect.width()) {
            return QStringLiteral("%1: \"%2\" is cut at its column's edge").arg(where, heading.text);
        }
        if (heading.undated != Line::ThemeHeading) {
            continue;
        }
        const Line *next = i + 1 < lines.size() ? &lines.at(i + 1) : nullptr;
        // Its first fact: the next line, of the same theme, right below it in the same column
        // (facts are indented under their heading).
        const bool underIt = next && next->undated >= 0 && next->theme == heading.theme &&
                             std::abs(next->rect.top() - heading.rect.bottom()) < 0.5 &&
                             next->rect.left() > heading.rect.left() &&
                             next->rect.left() - heading.rect.left() < heading.rect.width() / 2;
        if (!underIt) {
            return QStringLiteral("%1: \"%2\" at (%3, %4) is followed by %5")
                .arg(where, heading.text)
                .arg(heading.rect.left())
                .arg(heading.rect.top())
                .arg(next ? QStringLiteral("\"%1\" at (%2, %3)").arg(next->text).arg(next->rect.left()).arg(next->rect.top())
                          : QStringLiteral("nothing"));
        }
    }
    if (printMode) {
        // On paper nothing scrolls: every undated fact is listed once, none is cut off.
        QSet<int> listed;
        for (const Line &line : lines) {
            if (line.undated == Line::More) {
                return where + QStringLiteral(": the export says there is more");
            }
            if (line.undated >= 0) {
                if (listed.contains(line.undated)) {
                    return QStringLiteral("%1: \"%2\" is listed twice").arg(where, line.text);
                }
                listed.insert(line.undated);
            }
            if (!r.undatedRect().contains(line.rect.adjusted(0.5, 0.5, -0.5, -0.5))) {
                return QStringLiteral("%1: \"%2\" lies outside the undated area").arg(where, line.text);
            }
        }
        if (listed.size() != model->undated().size()) {
            return QStringLiteral("%1: %2 of %3 undated facts listed")
                .arg(where)
                .arg(listed.size())
                .arg(model->undated().size());
        }
    }
    return {};
}

void TimelineUndatedUiTest::demoExportKeepsBansHeadingWithItsItems()
{
    // The demo's default export (1600×900): "Bans and cancellations (3)" used to sit alone at the
    // foot of the first column, its three facts at the top of the second.
    const QString orphan = orphanAt(QSizeF(1600, 900), true);
    QVERIFY2(orphan.isEmpty(), qPrintable(orphan));
}

void TimelineUndatedUiTest::noHeadingIsOrphanedAtAnySize_data()
{
    QTest::addColumn<bool>("printMode");
    QTest::addColumn<int>("width");
    QTest::newRow("export 1600 wide") << true << 1600;
    QTest::newRow("export 1000 wide") << true << 1000;
    QTest::newRow("screen 1600 wide") << false << 1600;
    QTest::newRow("screen 900 wide") << false << 900;
}

void TimelineUndatedUiTest::noHeadingIsOrphanedAtAnySize()
{
    QFETCH(bool, printMode);
    QFETCH(int, width);
    // Every height from small to tall, a pixel at a time over one line's height and then in
    // steps, so that each heading falls on the last row of a column somewhere in the sweep.
    for (int height = 300; height <= 1400; height += height < 400 ? 1 : 7) {
        const QString orphan = orphanAt(QSizeF(width, height), printMode);
        QVERIFY2(orphan.isEmpty(), qPrintable(orphan));
    }
    if (!printMode) {
        // Scrolled on screen: the list moves a line at a time under its two title lines.
        for (int scroll = 0; scroll < 90; ++scroll) {
            const QString orphan = orphanAt(QSizeF(width, 700), printMode, scroll);
            QVERIFY2(orphan.isEmpty(), qPrintable(orphan + QStringLiteral(" scrolled %1").arg(scroll)));
        }
    }
}

void TimelineUndatedUiTest::exportMakesRoomForALongList()
{
    // 600 undated facts (a case built from a large leak): the export grows tall enough for the
    // list in three readable columns instead of squeezing it into many narrow ones.
    TimelineModel model;
    TimelineItem dated;
    dated.label = QStringLiteral("Contract signed");
    dated.start = FtmDate::parse(QStringLiteral("2019-05-14"));
    model.addItem(dated);
    for (int i = 0; i < 600; ++i) {
        TimelineItem u;
        u.entityId = QStringLiteral("u%1").arg(i);
        u.label = QStringLiteral("Undated fact %1").arg(i, 3, 10, QLatin1Char('0'));
        u.theme = TimelineTheme(i % TimelineThemeCount);
        model.addUndated(u);
    }
    model.finish();
    auto shared = std::make_shared<const TimelineModel>(std::move(model));
    TimelineRenderer r;
    r.state().printMode = true;
    r.setModel(shared);
    r.fit();
    const QSizeF size = r.preferredSize(1600);
    QVERIFY2(size.height() > 900, qPrintable(QString::number(size.height())));
    r.layout(size);
    QSet<qreal> columns;
    for (const auto &line : r.undatedLines()) {
        columns.insert(line.rect.left() - (line.undated >= 0 ? 12 : 0));
    }
    QVERIFY2(columns.size() <= 3, qPrintable(QString::number(columns.size())));
    const QString orphan = orphanAt(size, true, 0, shared);
    QVERIFY2(orphan.isEmpty(), qPrintable(orphan));
    Casegraph::Tests::saveShot(QPixmap::fromImage(picture(r, size)), QStringLiteral("timeline-undated-600.png"));
}

QImage TimelineUndatedUiTest::picture(TimelineRenderer &r, const QSizeF &size)
{
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    r.paint(p);
    return image;
}

void TimelineUndatedUiTest::paintsAtCommonSizes_data()
{
    QTest::addColumn<bool>("printMode");
    QTest::addColumn<QSize>("size");
    for (const QSize size : {QSize(1600, 900), QSize(1280, 720), QSize(1000, 600), QSize(1920, 1080)}) {
        QTest::addRow("export %dx%d", size.width(), size.height()) << true << size;
        QTest::addRow("screen %dx%d", size.width(), size.height()) << false << size;
    }
}

void TimelineUndatedUiTest::paintsAtCommonSizes()
{
    // The pictures a person checks by eye (CASEGRAPH_SCREENSHOT_DIR): the undated list whole,
    // in columns on paper and scrolling on screen, headings with their facts.
    QFETCH(bool, printMode);
    QFETCH(QSize, size);
    QVERIFY2(orphanAt(size, printMode).isEmpty(), qPrintable(orphanAt(size, printMode)));
    TimelineRenderer r;
    r.state().printMode = printMode;
    r.state().title = QStringLiteral("Demo timeline");
    r.setModel(m_model);
    r.fit();
    r.layout(size);
    const QImage image = picture(r, size);
    // Something is drawn in the undated area beyond its background.
    const QRect area = r.undatedRect().toAlignedRect().intersected(image.rect());
    int dark = 0;
    for (int y = area.top(); y <= area.bottom(); y += 2) {
        for (int x = area.left(); x <= area.right(); x += 2) {
            dark += qGray(image.pixel(x, y)) < 128;
        }
    }
    QVERIFY(dark > 500);
    Casegraph::Tests::saveShot(QPixmap::fromImage(image), QStringLiteral("timeline-undated-%1-%2x%3.png")
                                                              .arg(printMode ? "export" : "screen")
                                                              .arg(size.width())
                                                              .arg(size.height()));
}

QTEST_MAIN(TimelineUndatedUiTest)
#include "timelineundated_uitest.moc"

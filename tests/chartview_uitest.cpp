// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartview.h"
#include "support/testsupport.h"

#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"

#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The demo case's chart "Sequencers to Xinjiang", opened in a real ChartView on the offscreen
/// platform and drawn to PNG, SVG and PDF, as a user and a reader of the export would see it.
class ChartViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo.casegraph"));
        CaseFile c;
        QVERIFY(c.create(m_path));
        const auto st = DemoCase::write(c);
        QVERIFY2(st, qPrintable(st ? QString() : st.error().toString()));
    }

    void init()
    {
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        const auto chart = m_case->charts().chartByName(QStringLiteral("Sequencers to Xinjiang"));
        QVERIFY(chart);
        m_chartId = chart->id;
    }

    void cleanup()
    {
        m_editor.reset();
        m_case.reset();
    }

    void demoChartHasTheSupplyChain()
    {
        auto data = ChartData::load(*m_case, m_chartId);
        QVERIFY(data);
        QStringList labels(data->nodeLabel.begin(), data->nodeLabel.end());
        // Manufacturers, the resellers the article does not name, and the buyers.
        QVERIFY2(labels.filter(QStringLiteral("Thermo Fisher")).size() == 1, qPrintable(labels.join(u'|')));
        QVERIFY2(labels.filter(QStringLiteral("Promega")).size() == 1, qPrintable(labels.join(u'|')));
        QVERIFY2(labels.filter(QStringLiteral("nnamed")).size() == 1, qPrintable(labels.join(u'|')));
        QVERIFY2(labels.filter(QStringLiteral("Xinjiang")).size() >= 1, qPrintable(labels.join(u'|')));
        QVERIFY(data->edgeCount() >= 4);
        QVERIFY(data->labels.contains(QStringLiteral("resold to")));
        QVERIFY(data->labels.contains(QStringLiteral("goods resold by")));
        // Every demo relationship quotes the article: none is drawn as unsourced.
        for (const quint8 c : data->edgeConfidence) {
            QVERIFY(Confidence(c) != Confidence::Unsourced);
        }
        // Arrows point from the manufacturers towards the police.
        const qint32 police = data->indexOf(m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("xinjiang-police"))));
        QVERIFY(police >= 0);
        int into = 0;
        for (qint32 e = 0; e < data->edgeCount(); ++e) {
            into += data->edgeTo[size_t(e)] == police;
        }
        QVERIFY(into >= 2);
    }

    void viewRendersTheChartOffscreen()
    {
        ChartView view;
        view.resize(1200, 800);
        view.setChart(m_case.get(), m_editor->undoStack(), m_chartId);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), QSize(1200, 800));
        // Something besides the white background is drawn, across a good part of the view.
        int inked = 0;
        for (int y = 0; y < image.height(); y += 4) {
            for (int x = 0; x < image.width(); x += 4) {
                inked += image.pixelColor(x, y).lightness() < 200;
            }
        }
        QVERIFY2(inked > 200, qPrintable(QString::number(inked)));
        const QString out = m_dir.filePath(QStringLiteral("view.png"));
        QVERIFY(image.save(out));
        qInfo("view screenshot: %s", qPrintable(out));
    }

    void selectingANodeNamesItsEntity()
    {
        ChartView view;
        view.resize(1000, 700);
        view.setChart(m_case.get(), m_editor->undoStack(), m_chartId);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy spy(&view, &ChartView::entitySelected);
        const qint32 node = 0;
        const QPoint at = view.worldTransform().map(view.data().position(node)).toPoint();
        QTest::mouseClick(&view, Qt::LeftButton, {}, at);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.first().first().toLongLong(), view.data().nodeRowId[0]);
        QCOMPARE(view.selectedRowIds(), QList<qint64>{view.data().nodeRowId[0]});
    }

    void exportsPngSvgAndPdf()
    {
        auto data = ChartData::load(*m_case, m_chartId);
        QVERIFY(data);
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        auto st = ChartExport::write(*data, png, QStringLiteral("Sequencers to Xinjiang"));
        QVERIFY2(st, qPrintable(st ? QString() : st.error().toString()));
        const QImage image(png);
        QVERIFY(image.width() > 600);
        const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY(ChartExport::write(*data, svg));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        // Labels stay text (legible at any zoom), edge labels and the legend too.
        QVERIFY(text.contains(QStringLiteral("Promega")));
        QVERIFY(text.contains(QStringLiteral("resold to")));
        QVERIFY(text.contains(QStringLiteral("single source")));
        const QString pdf = m_dir.filePath(QStringLiteral("chart.pdf"));
        QVERIFY(ChartExport::write(*data, pdf));
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.readAll().startsWith("%PDF-"));
    }

    void cliRendersTheChart()
    {
#ifdef CASEGRAPH_CLI
        for (const char *suffix : {"png", "svg", "pdf"}) {
            const QString out = m_dir.filePath(QStringLiteral("cli.") + QLatin1String(suffix));
            const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                      {QStringLiteral("render"), m_path, out, QStringLiteral("--chart"),
                                       QStringLiteral("Sequencers to Xinjiang")});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY(QFile(out).size() > 1000);
        }
        const auto missing = Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                        {QStringLiteral("render"), m_path, m_dir.filePath(QStringLiteral("x.png")),
                                         QStringLiteral("--chart"), QStringLiteral("No such chart")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(QStringLiteral("No such chart")));
        const auto path = Tests::run(
            QStringLiteral(CASEGRAPH_CLI),
            {QStringLiteral("render"), m_path, m_dir.filePath(QStringLiteral("path.png")), QStringLiteral("--chart"),
             QStringLiteral("Sequencers to Xinjiang"), QStringLiteral("--highlight-path"),
             DemoCase::idForKey(QStringLiteral("promega")) + QLatin1Char(',') +
                 DemoCase::idForKey(QStringLiteral("xinjiang-police"))});
        QVERIFY2(path.exitCode == 0, qPrintable(path.err));
#else
        QSKIP("casegraph-cli is not built");
#endif
    }

    void highlightPathFollowsTheArrows()
    {
        auto data = ChartData::load(*m_case, m_chartId);
        QVERIFY(data);
        const qint32 from = data->indexOf(m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("promega"))));
        const qint32 to = data->indexOf(m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("xinjiang-police"))));
        ChartData &chart = data.value();
        QVERIFY(chart.highlightPath(from, to));
        int edges = 0;
        for (const quint8 f : chart.edgeFlags) {
            edges += (f & EdgeHighlighted) != 0;
        }
        QCOMPARE(edges, 2); // Promega → resellers → police
    }

    void sanctionedEntitiesCarryTheBadge()
    {
        const qint64 hikvision = m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("hikvision")));
        const qint64 nuctech = m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("nuctech")));
        const qint64 serbia = m_case->entities().rowIdOf(DemoCase::idForKey(QStringLiteral("serbian-government")));
        QVERIFY(hikvision && nuctech && serbia);
        auto chart = m_case->charts().create(QStringLiteral("Listed"));
        QVERIFY(chart);
        QVERIFY(m_case->charts().setNodes(*chart, {ChartNode{hikvision, 0, 0}, ChartNode{nuctech, 0, 200},
                                                   ChartNode{serbia, 300, 200}}));
        auto data = ChartData::load(*m_case, *chart);
        QVERIFY(data);
        QVERIFY(data->nodeFlags[size_t(data->indexOf(hikvision))] & NodeSanctioned);
        QVERIFY(data->nodeFlags[size_t(data->indexOf(nuctech))] & NodeSanctioned);
        QVERIFY(!(data->nodeFlags[size_t(data->indexOf(serbia))] & NodeSanctioned));
        const QString png = m_dir.filePath(QStringLiteral("listed.png"));
        QVERIFY(ChartExport::write(*data, png));
        qInfo("sanctions chart: %s", qPrintable(png));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    qint64 m_chartId = 0;
};

QTEST_MAIN(ChartViewTest)
#include "chartview_uitest.moc"

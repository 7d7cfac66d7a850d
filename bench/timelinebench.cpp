// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline at scale: N events and M intervals (default 50,000 and 20,000) over 30 years with
// mixed date precision, in 7 themes and 2,000 entity lanes (or LANES). Prints the time to
// assemble the model (with both modes' lanes), to lay out and paint the first frame at 1600x900,
// and the frame time while zooming, panning and scrolling through the lanes, for theme and
// entity lanes. Runs offscreen: bench/timeline.sh [EVENTS INTERVALS [LANES]].
#include "timeline/timelinemodel.h"
#include "timeline/timelinerenderer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {

QString randomDate(QRandomGenerator &rng)
{
    const int year = 1995 + int(rng.bounded(30));
    switch (rng.bounded(10)) {
    case 0:
        return QString::number(year);
    case 1:
    case 2:
        return QStringLiteral("%1-%2").arg(year).arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0'));
    default:
        return QStringLiteral("%1-%2-%3")
            .arg(year)
            .arg(1 + rng.bounded(12), 2, 10, QLatin1Char('0'))
            .arg(1 + rng.bounded(28), 2, 10, QLatin1Char('0'));
    }
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    const int events = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50000;
    const int intervals = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 20000;
    const int laneCount = argc > 3 ? std::max(1, QString::fromLocal8Bit(argv[3]).toInt()) : 2000;
    QTextStream out(stdout);
    QRandomGenerator rng(42);

    QElapsedTimer t;
    // The items as a case would give them (labels, dates parsed); only the model's work is timed.
    std::vector<TimelineItem> generated;
    generated.reserve(events + intervals);
    for (int i = 0; i < events + intervals; ++i) {
        TimelineItem item;
        const bool isEvent = i < events;
        item.kind = isEvent ? TimelineItem::Kind::Event : TimelineItem::Kind::Interval;
        item.entityId = QStringLiteral("e%1").arg(i);
        item.label = isEvent ? QStringLiteral("Event %1 of a synthetic case").arg(i) : QStringLiteral("Ownership %1").arg(i);
        item.theme = isEvent ? TimelineTheme(rng.bounded(5) == 0 ? 6 : rng.bounded(5)) : TimelineTheme::Relationships;
        item.laneEntityId = QStringLiteral("lane%1").arg(rng.bounded(laneCount));
        item.laneLabel = QStringLiteral("Company %1").arg(item.laneEntityId.mid(4));
        item.start = FtmDate::parse(randomDate(rng));
        if (!isEvent && rng.bounded(5) != 0) {
            FtmDate end = FtmDate::parse(randomDate(rng));
            if (end < item.start) {
                std::swap(end, item.start);
            }
            item.end = end; // one in five stays open-ended
        }
        generated.push_back(std::move(item));
    }
    t.start();
    auto model = std::make_shared<TimelineModel>();
    for (auto &item : generated) {
        model->addItem(std::move(item));
    }
    model->finish();
    const double buildMs = t.nsecsElapsed() / 1e6;
    out << "items: " << events << " events + " << intervals << " intervals, " << laneCount << " entities with lanes\n";
    out << "assemble+sort model, lanes of both modes: " << QString::number(buildMs, 'f', 1) << " ms\n";

    QImage image(1600, 900, QImage::Format_ARGB32_Premultiplied);
    for (auto mode : {TimelineModel::LaneMode::Theme, TimelineModel::LaneMode::Entity}) {
        const char *name = mode == TimelineModel::LaneMode::Theme ? "theme" : "entity";
        TimelineRenderer renderer;
        t.restart();
        renderer.state().laneMode = mode;
        renderer.setModel(model);
        const double lanesMs = t.nsecsElapsed() / 1e6;
        renderer.fit();
        t.restart();
        renderer.layout(image.size());
        {
            QPainter p(&image);
            renderer.paint(p);
        }
        const double firstMs = t.nsecsElapsed() / 1e6;
        const TimelineRenderer::Stats first = renderer.stats();
        // Zoom in 12 steps around the middle, pan 12 steps, zoom out again: one frame each.
        std::vector<double> frames;
        const qint64 mid = (renderer.state().fromMs + renderer.state().toMs) / 2;
        for (int k = 0; k < 36; ++k) {
            if (k < 12) {
                renderer.zoom(0.7, mid);
            } else if (k < 24) {
                renderer.pan((renderer.state().toMs - renderer.state().fromMs) / 8);
            } else {
                renderer.zoom(1.0 / 0.7, mid);
            }
            t.restart();
            renderer.layout(image.size());
            QPainter p(&image);
            renderer.paint(p);
            p.end();
            frames.push_back(t.nsecsElapsed() / 1e6);
        }
        // Scroll down through the lanes in 12 page steps, as the scroll bar does.
        renderer.fit();
        std::vector<double> scrolls;
        for (int k = 1; k <= 12; ++k) {
            renderer.state().scrollY = int(qint64(renderer.contentHeight()) * k / 13);
            t.restart();
            renderer.layout(image.size());
            QPainter p(&image);
            renderer.paint(p);
            p.end();
            scrolls.push_back(t.nsecsElapsed() / 1e6);
        }
        out << name << " lanes: set model " << QString::number(lanesMs, 'f', 1) << " ms, first frame "
            << QString::number(firstMs, 'f', 1) << " ms (" << first.markers << " markers, " << first.labels
            << " labels, " << first.intervals << " bars), zoom/pan frame median "
            << QString::number(median(frames), 'f', 1) << " ms, max " << QString::number(*std::max_element(frames.begin(), frames.end()), 'f', 1)
            << " ms, scroll frame median " << QString::number(median(scrolls), 'f', 1) << " ms\n";
        out << name << " build-to-first-paint: " << QString::number(buildMs + lanesMs + firstMs, 'f', 1) << " ms\n";
        out.flush();
    }
    return 0;
}

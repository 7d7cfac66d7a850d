// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineRenderer's painting: header and legend, axis, lanes, amounts and the undated list.
#include "timelinerenderer.h"
#include "timelinerenderer_p.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;
using namespace TimelineDetail;

void TimelineRenderer::paint(QPainter &p)
{
    m_hits.resize(m_layoutHits); // bars and amounts add theirs as they are painted
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.fillRect(QRectF(QPointF(0, 0), m_size), Qt::white);
    if (!m_model) {
        p.restore();
        return;
    }
    paintAxis(p);
    paintLanes(p);
    paintAmounts(p);
    paintUndated(p);
    paintHeader(p);
    p.restore();
}

void TimelineRenderer::paintHeader(QPainter &p) const
{
    p.fillRect(m_header, Qt::white);
    QFont title = m_bold;
    title.setPixelSize(15);
    p.setFont(title);
    p.setPen(TextColor);
    const QString heading = m_state.title.isEmpty() ? tr("Timeline") : m_state.title;
    const QRectF titleRect(12, 6, std::min(m_size.width() * 0.45, QFontMetricsF(title).horizontalAdvance(heading) + 2), 20);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(title).elidedText(heading, Qt::ElideRight, titleRect.width()));
    // The second line: what is shown, and what the reader must know about the dates.
    p.setFont(m_small);
    p.setPen(MutedColor);
    const auto &items = m_model->items();
    // In the locale's digits ("1,911 dated facts" on the UN list) and the right number ("1 dated fact").
    QString info = tr("%Ln dated fact(s) · %1 undated · partial dates drawn as shaded spans over their whole "
                      "year or month", nullptr, int(items.size()))
                       .arg(QLocale().toString(qint64(m_model->undated().size())));
    if (m_state.showLag) {
        const int dated = m_model->knownDated(), open = m_model->knownUndated();
        info += dated ? tr(" · reporting lag shown for %1 facts").arg(dated)
                      : tr(" · reporting lag: none of the sources is dated (%1 facts known only from undated "
                           "sources)")
                            .arg(open);
    }
    // The second line, right-aligned: how the outlines say a fact is sourced (as chart edges do).
    const QFontMetricsF sfm(m_small);
    qreal sx = m_size.width() - 12;
    for (const SupportLevel level : {SupportLevel::Unsourced, SupportLevel::SingleSource, SupportLevel::Corroborated}) {
        const QString text = supportLevelName(level);
        const qreal w = sfm.horizontalAdvance(text);
        sx -= w;
        p.setPen(TextColor);
        p.drawText(QRectF(sx, 28, w + 2, 16), Qt::AlignLeft | Qt::AlignVCenter, text);
        sx -= 28;
        p.setPen(outlineOf(level, MutedColor.darker(130), false));
        p.setBrush(alpha(MutedColor, fillAlpha(level, 70)));
        p.drawRoundedRect(QRectF(sx, 31, 22, 10), 2, 2);
        sx -= 14;
    }
    const qreal infoWidth = std::max<qreal>(0, sx - 12);
    p.setPen(MutedColor);
    p.drawText(QRectF(12, 28, infoWidth, 16), Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(m_small).elidedText(info, Qt::ElideRight, infoWidth));
    // Legend, right-aligned: themes present, then the symbols.
    QList<QPair<QColor, QString>> legend;
    QSet<int> present;
    for (const auto &lane : m_laneData) {
        present.insert(int(lane.theme));
    }
    for (const auto &item : items) {
        present.insert(int(item.theme));
    }
    for (int t = 0; t < TimelineThemeCount; ++t) {
        if (present.contains(t)) {
            legend.append({timelineThemeColor(TimelineTheme(t)), timelineThemeName(TimelineTheme(t))});
        }
    }
    // Entries that would run into the title are left out, whole.
    const QFontMetricsF fm(m_small);
    qreal x = m_size.width() - 12;
    for (auto it = legend.crbegin(); it != legend.crend(); ++it) {
        const qreal w = fm.horizontalAdvance(it->second);
        if (x - w - 26 < titleRect.right() + 16) {
            break;
        }
        x -= w;
        p.setPen(TextColor);
        p.drawText(QRectF(x, 8, w + 2, 16), Qt::AlignLeft | Qt::AlignVCenter, it->second);
        x -= 14;
        p.setPen(Qt::NoPen);
        p.setBrush(it->first);
        p.drawRoundedRect(QRectF(x, 11, 10, 10), 2, 2);
        x -= 12;
    }
}

void TimelineRenderer::paintAxis(QPainter &p) const
{
    const qint64 from = m_state.fromMs, to = m_state.toMs;
    const double pxPerDay = m_plot.width() / std::max(1.0, double(to - from) / DayMs);
    // Pick the finest step whose labels are at least ~90 px apart.
    enum Unit { Day, Month, Year };
    struct Step {
        Unit unit;
        int n;
        double days;
    };
    static const Step steps[] = {{Day, 1, 1},      {Day, 2, 2},       {Day, 7, 7},       {Day, 14, 14},
                                 {Month, 1, 30.4}, {Month, 3, 91.3},  {Month, 6, 182.6}, {Year, 1, 365.25},
                                 {Year, 2, 730.5}, {Year, 5, 1826},   {Year, 10, 3652},  {Year, 20, 7305},
                                 {Year, 50, 18262}, {Year, 100, 36525}};
    Step step = steps[std::size(steps) - 1];
    for (const Step &s : steps) {
        if (s.days * pxPerDay >= 90) {
            step = s;
            break;
        }
    }
    QDate d = QDateTime::fromMSecsSinceEpoch(from, Qt::UTC).date();
    if (step.unit == Year) {
        d = QDate(d.year() - (d.year() % step.n + step.n) % step.n, 1, 1);
    } else if (step.unit == Month) {
        d = QDate(d.year(), 1 + ((d.month() - 1) / step.n) * step.n, 1);
    }
    const QRectF grid(m_plot.left(), m_axis.bottom(), m_plot.width(), m_lanes.bottom() - m_axis.bottom());
    p.setFont(m_small);
    for (int guard = 0; guard < 500; ++guard) {
        const qint64 ms = QDateTime(d, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        if (ms > to) {
            break;
        }
        const qreal x = xAt(ms);
        if (x >= m_plot.left() - 0.5) {
            p.setPen(QPen(GridColor, 1));
            p.drawLine(QPointF(x, grid.top()), QPointF(x, grid.bottom()));
            if (m_amounts.height() > 0) {
                p.drawLine(QPointF(x, m_amounts.top()), QPointF(x, m_amounts.bottom()));
            }
            p.setPen(MutedColor);
            const QString text = step.unit == Year    ? QString::number(d.year())
                                 : step.unit == Month ? QLocale::c().toString(d, QStringLiteral("MMM yyyy"))
                                                      : QLocale::c().toString(d, QStringLiteral("d MMM yyyy"));
            p.drawLine(QPointF(x, m_axis.bottom() - 5), QPointF(x, m_axis.bottom()));
            if (x + 4 < m_plot.right() - 20) {
                p.drawText(QRectF(x + 3, m_axis.top(), 90, m_axis.height() - 4), Qt::AlignLeft | Qt::AlignVCenter,
                           text);
            }
        }
        d = step.unit == Year ? d.addYears(step.n) : step.unit == Month ? d.addMonths(step.n) : d.addDays(step.n);
    }
    p.setPen(QPen(MutedColor, 1));
    p.drawLine(QPointF(m_plot.left(), m_axis.bottom()), QPointF(m_plot.right(), m_axis.bottom()));
    if (m_state.hasBrush) {
        const qreal x0 = std::max(m_plot.left(), xAt(std::min(m_state.brushFrom, m_state.brushTo)));
        const qreal x1 = std::min(m_plot.right(), xAt(std::max(m_state.brushFrom, m_state.brushTo)));
        if (x1 > x0) {
            p.fillRect(QRectF(x0, m_axis.top(), x1 - x0, m_lanes.bottom() - m_axis.top()), QColor(0, 114, 178, 28));
            p.setPen(QPen(QColor(0, 114, 178), 1, Qt::DashLine));
            p.drawLine(QPointF(x0, m_axis.top()), QPointF(x0, m_lanes.bottom()));
            p.drawLine(QPointF(x1, m_axis.top()), QPointF(x1, m_lanes.bottom()));
        }
    }
}

void TimelineRenderer::paintLanes(QPainter &p) const
{
    const auto &items = m_model->items();
    const qint64 from = m_state.fromMs, to = m_state.toMs;
    const QFontMetricsF fm(m_small);
    auto &hits = const_cast<QList<QPair<QRectF, TimelineHit>> &>(m_hits);
    auto &stats = const_cast<Stats &>(m_stats);
    stats.intervals = 0; // counted per frame
    p.save();
    p.setClipRect(m_lanes);
    for (const LaneGeometry &g : m_lanesGeo) {
        if (g.top > m_lanes.bottom() || g.top + g.height < m_lanes.top()) {
            continue;
        }
        const TimelineLane &lane = m_laneData.at(g.lane);
        const QColor laneColor = timelineThemeColor(lane.theme);
        // Lane band, separator and name in the gutter. The band and stripe are cut to what is in
        // sight first: a lane of a hundred thousand relationships is a million pixels tall, and
        // the painter would fill all of it before clipping.
        const QRectF sight = m_lanes.adjusted(-2, -2, 2, 2);
        if (g.lane % 2 == 1) {
            p.fillRect(QRectF(0, g.top, m_lanes.width(), g.height).intersected(sight), QColor(0, 0, 0, 7)); // grid shows through
        }
        p.setPen(QPen(GridColor, 1));
        p.drawLine(QPointF(0, g.top + g.height), QPointF(m_lanes.right(), g.top + g.height));
        p.setPen(Qt::NoPen);
        p.setBrush(laneColor);
        p.drawRect(QRectF(m_gutter.left(), g.top + 4, 3, g.height - 8).intersected(sight));
        p.setFont(m_bold);
        p.setPen(TextColor);
        const QRectF nameRect(m_gutter.left() + 8, g.top + 3, m_gutter.width() - 8, std::max<qreal>(g.height - 6, 16));
        const QFontMetricsF bfm(m_bold);
        // Up to two lines of the lane's name, elided; the full name is in the tooltip.
        QString name = lane.label;
        if (bfm.horizontalAdvance(name) > nameRect.width() && nameRect.height() >= 30) {
            p.drawText(nameRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                       bfm.elidedText(name, Qt::ElideRight, nameRect.width() * 1.8));
        } else {
            p.drawText(nameRect, Qt::AlignLeft | Qt::AlignTop, bfm.elidedText(name, Qt::ElideRight, nameRect.width()));
        }

        // Intervals: Gantt bars, fuzzy where a date is partial, faded where open or cut.
        for (int k = 0; k < lane.intervals.size(); ++k) {
            // The row first: of a lane with thousands of rows most are out of sight, and the row
            // is read without touching the item.
            const qreal y = g.top + LanePad + lane.intervalRow.at(k) * RowHeight;
            if (y > m_lanes.bottom() || y + BarHeight < m_lanes.top()) {
                continue;
            }
            const int index = lane.intervals.at(k);
            const TimelineItem &item = items.at(index);
            if (item.fromMs > to && item.fromMs != TimelineItem::OpenStart) {
                break;
            }
            const ClippedSpan span = TimelineModel::clip(item, from, to);
            if (!span.visible) {
                continue;
            }
            ++stats.intervals;
            const qreal x0 = xAt(span.fromMs), x1 = std::max(x0 + 3, xAt(span.toMs));
            const QRectF bar(x0, y, x1 - x0, BarHeight);
            const QColor color = timelineThemeColor(item.theme);
            // Where the certain part begins and ends: a partial start date is a span of doubt.
            qreal solid0 = x0, solid1 = x1;
            if (item.start.isValid() && item.start.latestMSecs() > span.fromMs) {
                solid0 = std::min(x1, xAt(std::min(item.start.latestMSecs(), to)));
            }
            if (item.end.isValid() && item.end.earliestMSecs() < span.toMs) {
                solid1 = std::max(solid0, xAt(std::max(item.end.earliestMSecs(), from)));
            }
            if (span.openStart) {
                solid0 = std::min(x1, x0 + 28);
            }
            if (span.openEnd) {
                solid1 = std::max(solid0, x1 - 28);
            }
            QLinearGradient grad(bar.topLeft(), bar.topRight());
            const qreal w = std::max<qreal>(1, bar.width());
            const QColor full = alpha(color, fillAlpha(item.support.level(), 150)), faint = alpha(color, 25);
            grad.setColorAt(0, solid0 > x0 + 0.5 ? faint : full);
            grad.setColorAt(std::clamp((solid0 - x0) / w, 0.0, 1.0), full);
            grad.setColorAt(std::clamp((solid1 - x0) / w, 0.0, 1.0), full);
            grad.setColorAt(1, solid1 < x1 - 0.5 ? faint : full);
            p.setPen(outlineOf(item.support, color, m_highlighted.at(index)));
            p.setBrush(grad);
            p.drawRoundedRect(bar.adjusted(0.7, 0.7, -0.7, -0.7), 3, 3);
            // Open end: an arrow; cut by the window: a chevron. A reader tells "still running" from
            // "goes on beyond the view".
            p.setPen(QPen(alpha(color.darker(140), 220), 1.5));
            const qreal cy = bar.center().y();
            if (span.openEnd) {
                // An arrow past the fade: no end is stated.
                p.drawLine(QPointF(x1 - 14, cy), QPointF(x1 - 1, cy));
                p.drawLine(QPointF(x1 - 1, cy), QPointF(x1 - 6, cy - 4));
                p.drawLine(QPointF(x1 - 1, cy), QPointF(x1 - 6, cy + 4));
            } else if (span.clippedEnd) {
                p.drawLine(QPointF(x1 - 6, cy - 4), QPointF(x1 - 2, cy));
                p.drawLine(QPointF(x1 - 2, cy), QPointF(x1 - 6, cy + 4));
            }
            if (span.clippedStart && !span.openStart) {
                p.drawLine(QPointF(x0 + 6, cy - 4), QPointF(x0 + 2, cy));
                p.drawLine(QPointF(x0 + 2, cy), QPointF(x0 + 6, cy + 4));
            }
            if (bar.width() > 40) {
                p.setFont(m_highlighted.at(index) ? m_bold : m_small);
                p.setPen(TextColor);
                const QRectF textRect = bar.adjusted(10, 0, -12, 0);
                p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                           fm.elidedText(item.label, Qt::ElideRight, textRect.width()));
            }
            hits.append({bar, TimelineHit{{index}, -1}});
        }

        // Events: markers (a diamond for an exact date, a shaded span for a partial one) and labels.
        const qreal my = g.eventsTop + MarkerRow / 2;
        for (const Cluster &c : g.clusters) {
            const QColor color = timelineThemeColor(items.at(representative(c)).theme);
            const Support &support = items.at(c.weakest).support; // found by the layout
            QRectF markerRect;
            if (c.fuzzy && c.x1 - c.x0 < 10 && !c.highlighted) {
                // Narrow spans (a month at a decade's zoom, or thousands of them): a plain bar.
                markerRect = QRectF(c.x0, my - 5, std::max<qreal>(3, c.x1 - c.x0), 10);
                p.fillRect(markerRect, alpha(color, fillAlpha(support.level(), 190)));
            } else if (c.fuzzy) {
                markerRect = QRectF(c.x0, my - 5, std::max<qreal>(3, c.x1 - c.x0), 10);
                QLinearGradient grad(markerRect.topLeft(), markerRect.topRight());
                const qreal w = markerRect.width();
                const qreal edge = std::min(0.3, 6.0 / w);
                // Narrow spans (a month at a decade's zoom) stay strong enough to see.
                const int core = fillAlpha(support.level(), w < 10 ? 210 : 130);
                grad.setColorAt(0, alpha(color, w < 10 ? 150 : 40));
                grad.setColorAt(edge, alpha(color, core));
                grad.setColorAt(1 - edge, alpha(color, core));
                grad.setColorAt(1, alpha(color, w < 10 ? 150 : 40));
                // The outline, once the span is wide enough to show it, says how well it is sourced.
                p.setPen(c.highlighted || w >= 14 ? outlineOf(support, color, c.highlighted) : QPen(Qt::NoPen));
                p.setBrush(grad);
                p.drawRoundedRect(markerRect, 4, 4);
            } else {
                markerRect = QRectF(c.x0 - 6, my - 6, 12, 12);
                const QPointF diamond[4] = {{c.x0, my - 6}, {c.x0 + 6, my}, {c.x0, my + 6}, {c.x0 - 6, my}};
                p.setPen(outlineOf(support, color, c.highlighted));
                p.setBrush(alpha(color, fillAlpha(support.level(), 255)));
                p.drawConvexPolygon(diamond, 4);
            }
            if (c.items.size() > 1 && !c.fuzzy) {
                p.setPen(TextColor);
                p.setFont(m_small);
            }
            if (c.labelRow >= 0) {
                const QRectF r = c.labelRect.translated(0, g.eventsTop);
                p.setPen(Qt::NoPen);
                p.setBrush(color);
                p.drawRect(QRectF(r.left(), r.top() + 4, 3, r.height() - 7));
                p.setFont(c.highlighted ? m_bold : m_small);
                p.setPen(TextColor);
                p.drawText(r.adjusted(7, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                           c.highlighted ? QFontMetricsF(m_bold).elidedText(c.text, Qt::ElideRight, r.width() - 8)
                                         : c.text);
            }
            // The reporting lag: from the fact to when a dated source first reported it.
            if (m_state.showLag) {
                for (int index : c.items) {
                    const TimelineItem &item = items.at(index);
                    if (!item.knownAt.isValid()) {
                        continue;
                    }
                    const qreal kx = xAt(item.knownAt.earliestMSecs());
                    p.setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
                    p.drawLine(QPointF(c.x0, my), QPointF(kx, my));
                    p.setBrush(Qt::white);
                    p.setPen(QPen(QColor(0x33, 0x33, 0x33), 1.2));
                    p.drawEllipse(QPointF(kx, my), 3.5, 3.5);
                }
            }
        }
        if (m_state.showLag) {
            for (qsizetype k = 0; k < lane.intervals.size(); ++k) {
                const TimelineItem &item = items.at(lane.intervals.at(k));
                if (!item.knownAt.isValid() || !item.start.isValid()) {
                    continue;
                }
                const qreal y = g.top + LanePad + lane.intervalRow.at(k) * RowHeight + BarHeight;
                const qreal x0 = xAt(item.start.earliestMSecs()), kx = xAt(item.knownAt.earliestMSecs());
                p.setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
                p.drawLine(QPointF(x0, y), QPointF(kx, y));
                p.setBrush(Qt::white);
                p.drawEllipse(QPointF(kx, y), 3, 3);
            }
        }
    }
    if (m_lanesGeo.empty()) {
        p.setPen(MutedColor);
        p.setFont(m_font);
        p.drawText(m_lanes.adjusted(m_plot.left(), 0, 0, 0), Qt::AlignCenter,
                   m_model->undated().isEmpty() ? tr("Nothing in this case has a date.")
                                                : tr("No fact in this case has a date: the undated ones are listed "
                                                     "on the right."));
    }
    p.restore();
}

void TimelineRenderer::paintAmounts(QPainter &p) const
{
    if (m_series.isEmpty()) {
        return;
    }
    auto &hits = const_cast<QList<QPair<QRectF, TimelineHit>> &>(m_hits);
    p.save();
    for (int s = 0; s < m_series.size(); ++s) {
        const AmountSeries &series = m_series.at(s);
        const QRectF band(m_amounts.left(), m_amounts.top() + s * AmountBand, m_amounts.width(), AmountBand - 8);
        p.setPen(QPen(GridColor, 1));
        p.drawLine(QPointF(band.left(), band.bottom()), QPointF(band.right(), band.bottom()));
        // Currency and scale in the gutter: one scale per currency, never summed across them.
        p.setFont(m_bold);
        p.setPen(TextColor);
        const QString name = series.currency.isEmpty() ? tr("No currency") : series.currency;
        p.drawText(QRectF(m_gutter.left() + 8, band.top(), m_gutter.width() - 8, 16), Qt::AlignLeft, name);
        p.setFont(m_small);
        p.setPen(MutedColor);
        QString sub = tr("max %1").arg(formatAmount(series.maxTotal));
        if (!series.convertedFrom.isEmpty()) {
            sub += tr(" · incl. %1 converted").arg(series.convertedFrom.join(QLatin1String(", ")));
        }
        p.drawText(QRectF(m_gutter.left() + 8, band.top() + 16, m_gutter.width() - 8, 30),
                   Qt::AlignLeft | Qt::TextWordWrap, sub);
        p.setClipRect(band.adjusted(0, -2, 0, 2));
        for (const AmountBar &bar : series.bars) {
            if (bar.toMs < m_state.fromMs || bar.fromMs > m_state.toMs) {
                continue;
            }
            const qreal x0 = xAt(bar.fromMs), x1 = std::max(x0 + 2, xAt(bar.toMs) - 1);
            const qreal h = series.maxTotal > 0 ? (band.height() - 4) * bar.total / series.maxTotal : 0;
            const QRectF r(x0, band.bottom() - std::max<qreal>(h, 1.5), x1 - x0, std::max<qreal>(h, 1.5));
            const QColor color = timelineThemeColor(TimelineTheme::ContractsAwards);
            if (bar.fuzzy) {
                QLinearGradient grad(r.topLeft(), r.topRight());
                grad.setColorAt(0, alpha(color, 30));
                grad.setColorAt(0.5, alpha(color, 90));
                grad.setColorAt(1, alpha(color, 30));
                p.setBrush(grad);
                p.setPen(QPen(color, 1, Qt::DashLine));
            } else {
                p.setBrush(alpha(color, 190));
                p.setPen(Qt::NoPen);
            }
            p.drawRect(r);
            hits.append({r.adjusted(-1, -3, 1, 0), TimelineHit{bar.items, -1}});
        }
        p.setClipping(false);
    }
    p.restore();
}

void TimelineRenderer::paintUndated(QPainter &p) const
{
    if (m_undatedRect.isEmpty()) {
        return;
    }
    p.save();
    p.fillRect(m_undatedRect, QColor(0xfa, 0xfa, 0xfa));
    p.setPen(QPen(GridColor, 1));
    p.drawLine(m_undatedRect.topLeft(), m_undatedRect.bottomLeft());
    const auto &undated = m_model->undated();
    for (const UndatedLine &line : m_undatedLines) {
        if (line.undated == UndatedLine::Title) {
            p.setFont(m_bold);
            p.setPen(TextColor);
        } else if (line.undated == UndatedLine::Subtitle || line.undated == UndatedLine::More) {
            p.setFont(m_small);
            p.setPen(MutedColor);
        } else if (line.undated == UndatedLine::ThemeHeading) {
            p.setFont(m_bold);
            p.setPen(timelineThemeColor(line.theme).darker(130));
        } else {
            const bool selected = m_state.selected.contains(undated.at(line.undated).entityId);
            p.setFont(selected ? m_bold : m_small);
            p.setPen(TextColor);
            p.setBrush(timelineThemeColor(line.theme));
            p.save();
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(line.rect.left() - 6, line.rect.center().y()), 2.5, 2.5);
            p.restore();
        }
        p.drawText(line.rect, Qt::AlignLeft | Qt::AlignVCenter, line.text);
    }
    p.restore();
}

// ---------------------------------------------------------------- hits and tooltips

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinerenderer.h"
#include "timelinerenderer_p.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QHash>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Casegraph::Ui {

using namespace Casegraph::Models;
using namespace TimelineDetail;

QColor timelineThemeColor(TimelineTheme theme)
{
    switch (theme) {
    case TimelineTheme::ListAdditions:
        return QColor(0xD5, 0x5E, 0x00);
    case TimelineTheme::ContractsAwards:
        return QColor(0x00, 0x72, 0xB2);
    case TimelineTheme::Articles:
        return QColor(0x80, 0x80, 0x80);
    case TimelineTheme::LettersReports:
        return QColor(0x00, 0x9E, 0x73);
    case TimelineTheme::BansCancellations:
        return QColor(0xCC, 0x79, 0xA7);
    case TimelineTheme::Relationships:
        return QColor(0xE6, 0x9F, 0x00);
    case TimelineTheme::OtherEvents:
        return QColor(0x56, 0xB4, 0xE9);
    }
    return Qt::gray;
}

TimelineRenderer::TimelineRenderer()
{
    setFont(QFont());
}

TimelineRenderer::~TimelineRenderer() = default;

void TimelineRenderer::setFont(const QFont &font)
{
    m_font = font;
    m_font.setPixelSize(12);
    m_small = m_font;
    m_small.setPixelSize(11);
    m_bold = m_font;
    m_bold.setBold(true);
    m_labelWidth.fill(-1);
}

void TimelineRenderer::setModel(std::shared_ptr<const TimelineModel> model)
{
    m_model = std::move(model);
    m_labelWidth = QVector<float>(m_model ? m_model->items().size() : 0, -1);
    updateLanes();
    updateSelection();
}

void TimelineRenderer::updateLanes()
{
    m_laneData = m_model ? m_model->lanes(m_state.laneMode) : QList<TimelineLane>();
}

void TimelineRenderer::updateSelection()
{
    m_highlighted = QVector<bool>(m_model ? m_model->items().size() : 0, false);
    if (m_model) {
        for (int i : m_model->itemsOfEntities(m_state.selected)) {
            m_highlighted[i] = true;
        }
    }
}

void TimelineRenderer::fit()
{
    if (!m_model) {
        return;
    }
    auto [lo, hi] = m_model->extent(m_state.showLag);
    if (lo == 0 && hi == 0) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        lo = now - 365 * DayMs * 5;
        hi = now;
    }
    const qint64 span = std::max<qint64>(hi - lo, 30 * DayMs);
    // Room on the right for the labels of the last events and the arrows of open ends.
    m_state.fromMs = lo - span / 20;
    m_state.toMs = hi + span / 6;
}

void TimelineRenderer::zoom(double factor, qint64 anchorMs)
{
    const double span = double(m_state.toMs - m_state.fromMs);
    double newSpan = std::clamp(span * factor, double(3600000), double(400.0 * 365 * DayMs));
    const double t = span > 0 ? double(anchorMs - m_state.fromMs) / span : 0.5;
    m_state.fromMs = anchorMs - qint64(t * newSpan);
    m_state.toMs = m_state.fromMs + qint64(newSpan);
}

void TimelineRenderer::pan(qint64 deltaMs)
{
    m_state.fromMs += deltaMs;
    m_state.toMs += deltaMs;
}

qreal TimelineRenderer::xAt(qint64 ms) const
{
    const double span = double(std::max<qint64>(1, m_state.toMs - m_state.fromMs));
    return m_plot.left() + double(ms - m_state.fromMs) * m_plot.width() / span;
}

qint64 TimelineRenderer::msAt(qreal x) const
{
    const double span = double(m_state.toMs - m_state.fromMs);
    return m_state.fromMs + qint64((x - m_plot.left()) * span / std::max<qreal>(1, m_plot.width()));
}

qreal TimelineRenderer::labelWidth(int item) const
{
    if (m_labelWidth.at(item) < 0) {
        m_labelWidth[item] = float(QFontMetricsF(m_small).horizontalAdvance(m_model->items().at(item).label));
    }
    return m_labelWidth.at(item);
}

int TimelineRenderer::representative(const Cluster &c) const
{
    // Several facts on the same pixels: name the event itself (the Entity List tranche) rather
    // than one of the listings it made.
    for (int index : c.items) {
        if (m_model->items().at(index).schema == QLatin1String("Event")) {
            return index;
        }
    }
    return c.items.first();
}

QString TimelineRenderer::clusterLabel(const Cluster &c) const
{
    const QString first = m_model->items().at(representative(c)).label;
    return c.items.size() == 1 ? first : tr("%1 (+%2)").arg(first).arg(c.items.size() - 1);
}

// ---------------------------------------------------------------- layout

void TimelineRenderer::layout(const QSizeF &size)
{
    m_size = size;
    m_hits.clear();
    m_stats = {};
    m_lanesGeo.clear();
    m_undatedLines.clear();
    const qreal w = size.width(), h = size.height();
    m_header = QRectF(0, 0, w, HeaderHeight);
    // The undated list beside the axis: one column on screen (it scrolls), as many as needed to
    // fit the page in an export (the width allows for three; preferredSize() makes room for them).
    QList<UndatedLine> undatedLines = m_model ? undatedEntries() : QList<UndatedLine>();
    const int undatedCount = int(undatedLines.size());
    qreal undatedWidth = 0;
    if (undatedCount > 0) {
        const int columns =
            m_state.printMode ? std::min(3, undatedColumns(undatedLines, undatedRowsFor(h))) : 1;
        undatedWidth = std::clamp(w * 0.2, 220.0, 340.0) * (columns > 1 ? 0.8 * columns : 1.0);
        undatedWidth = std::min(undatedWidth, w * 0.45);
    }
    m_undatedRect = undatedCount ? QRectF(w - undatedWidth - 8, HeaderHeight, undatedWidth, h - HeaderHeight - 8) : QRectF();
    const qreal right = undatedCount ? m_undatedRect.left() - 18 : w - 12;
    const qreal gutter = std::clamp(w * 0.13, 120.0, 190.0);
    m_gutter = QRectF(8, HeaderHeight, gutter, h - HeaderHeight);
    m_axis = QRectF(gutter + 16, HeaderHeight, std::max<qreal>(50, right - gutter - 16), AxisHeight);
    m_plot = QRectF(m_axis.left(), m_axis.top(), m_axis.width(), h - m_axis.top() - 8);

    if (m_model) {
        const bool years = (m_state.toMs - m_state.fromMs) > 5 * 365 * DayMs;
        m_series = m_model->amountSeries(years ? TimelineModel::Bucket::Year : TimelineModel::Bucket::Month,
                                         m_state.rates);
    } else {
        m_series.clear();
    }
    const qreal amountsHeight = m_series.size() * AmountBand;
    m_amounts = QRectF(m_plot.left(), h - 8 - amountsHeight, m_plot.width(), amountsHeight);
    m_lanes = QRectF(0, m_axis.bottom() + 2, right, m_amounts.top() - m_axis.bottom() - (amountsHeight > 0 ? 10 : 2));
    if (m_model) {
        layoutLanes();
        layoutUndated(std::move(undatedLines));
    }
    m_layoutHits = m_hits.size();
}

QRectF TimelineRenderer::laneRectOf(int index) const
{
    for (const LaneGeometry &g : m_lanesGeo) {
        const TimelineLane &lane = m_laneData.at(g.lane);
        if (lane.events.contains(index) || lane.intervals.contains(index)) {
            return QRectF(m_lanes.left(), g.top, m_lanes.width(), g.height);
        }
    }
    return {};
}

void TimelineRenderer::layoutLanes()
{
    const auto &items = m_model->items();
    const QFontMetricsF fm(m_small);
    // On screen a few label rows per lane (the tooltip names the rest); on paper there is no
    // tooltip, so more rows before a label is left out.
    const int maxRows = m_state.printMode ? 10 : (m_state.laneMode == TimelineModel::LaneMode::Theme ? 4 : 2);
    qreal y = m_lanes.top() - (m_state.printMode ? 0 : m_state.scrollY);
    const qint64 from = m_state.fromMs, to = m_state.toMs;
    for (int li = 0; li < m_laneData.size(); ++li) {
        const TimelineLane &lane = m_laneData.at(li);
        LaneGeometry g;
        g.lane = li;
        g.top = y;
        g.eventsTop = y + LanePad + lane.intervalRows * RowHeight + (lane.intervalRows ? 2 : 0);
        // On screen a lane's height does not change with the zoom (label rows are reserved up to
        // the number of its events), so scrolling is stable and lanes out of sight are not laid
        // out at all: with thousands of entity lanes a frame costs only what is visible.
        const int reservedRows = int(std::min<qsizetype>(maxRows, lane.events.size()));
        const qreal screenHeight =
            std::max(MinLaneHeight, (g.eventsTop - y) + (lane.events.isEmpty() ? 0 : MarkerRow + reservedRows * LabelRow) +
                                        LanePad);
        if (!m_state.printMode && (y > m_lanes.bottom() || y + screenHeight < m_lanes.top())) {
            g.height = screenHeight;
            y += g.height;
            m_lanesGeo.push_back(std::move(g));
            continue;
        }
        // Events: merge those that fall on the same pixels, then place labels greedily in rows.
        // Events come in start order, so a marker merges with the last exact-date marker, and a
        // span (a month or a year) with a span of the same pixels begun at the same place: exact
        // dates between the spans of a year no longer split them into thousands of markers.
        auto it = std::lower_bound(lane.events.begin(), lane.events.end(), from - LongestEventMs,
                                   [&](int index, qint64 v) { return items.at(index).fromMs < v; });
        qsizetype lastExact = -1;
        std::vector<qsizetype> openSpans; // spans that begin within a pixel of the current event
        for (; it != lane.events.end(); ++it) {
            const TimelineItem &item = items.at(*it);
            if (item.fromMs > to) {
                break;
            }
            if (item.toMs < from) {
                continue;
            }
            const qreal x0 = xAt(std::max(item.fromMs, from)), x1 = xAt(std::min(item.toMs, to));
            const bool fuzzy = x1 - x0 >= 3;
            qsizetype same = -1;
            if (!fuzzy) {
                if (lastExact >= 0 && std::abs(g.clusters[size_t(lastExact)].x0 - x0) < 3) {
                    same = lastExact;
                }
            } else {
                std::erase_if(openSpans, [&](qsizetype c) { return g.clusters[size_t(c)].x0 < x0 - 1; });
                for (const qsizetype c : openSpans) {
                    if (std::abs(g.clusters[size_t(c)].x1 - x1) < 1) {
                        same = c;
                        break;
                    }
                }
            }
            if (same >= 0) {
                Cluster &into = g.clusters[size_t(same)];
                into.items.append(*it);
                into.highlighted = into.highlighted || m_highlighted.at(*it);
                if (item.support.level() < items.at(into.weakest).support.level()) {
                    into.weakest = *it;
                }
                continue;
            }
            (fuzzy ? openSpans.emplace_back() : lastExact) = qsizetype(g.clusters.size());
            Cluster c;
            c.x0 = x0;
            c.x1 = fuzzy ? x1 : x0;
            c.fuzzy = fuzzy;
            c.items = {*it};
            c.weakest = *it;
            c.highlighted = m_highlighted.at(*it);
            g.clusters.push_back(std::move(c));
        }
        std::vector<qreal> rowRight(maxRows, -1e9);
        for (Cluster &c : g.clusters) {
            ++m_stats.markers;
            qreal anchor = std::max(m_plot.left(), c.fuzzy ? c.x0 : c.x0 - 4);
            if (*std::min_element(rowRight.begin(), rowRight.end()) + 8 > anchor) {
                // Every row is taken here: skip measuring; the tooltip names it.
                ++m_stats.unlabelled;
                continue;
            }
            const QString full = clusterLabel(c);
            const int first = representative(c);
            const qreal width = labelWidth(first) + 12 +
                                (c.items.size() > 1 ? fm.horizontalAdvance(full) - labelWidth(first) : 0);
            // Where the label may go: from the marker. If it runs past the plot: moved a little to
            // the left (never so far that it reads as another date), else cut short at the edge,
            // and only when there is no room at all moved left as far as needed.
            struct Place {
                qreal anchor;
                qreal width;
            };
            QList<Place> places{{anchor, width}};
            if (anchor + width > m_plot.right()) {
                const qreal shifted = std::max(m_plot.left(), m_plot.right() - width);
                places.clear();
                if (anchor - shifted <= 60) {
                    places.append({shifted, width});
                }
                if (m_plot.right() - anchor >= 90) {
                    places.append({anchor, m_plot.right() - anchor});
                } else {
                    places.append({shifted, std::min(width, m_plot.right() - shifted)});
                }
            }
            int row = -1;
            QString text = full;
            for (const Place &place : std::as_const(places)) {
                for (int r = 0; r < maxRows && row < 0; ++r) {
                    if (rowRight[r] + 8 <= place.anchor) {
                        row = r;
                    }
                }
                if (row >= 0) {
                    anchor = place.anchor;
                    if (place.width < width - 0.5) {
                        text = fm.elidedText(full, Qt::ElideRight, place.width - 12);
                    }
                    break;
                }
            }
            if (row < 0) {
                ++m_stats.unlabelled;
                continue;
            }
            const qreal used = std::min(width, m_plot.right() - anchor);
            rowRight[row] = anchor + used;
            c.labelRow = row;
            c.text = text;
            c.labelRect = QRectF(anchor, MarkerRow + row * LabelRow, used, LabelRow);
            g.labelRows = std::max(g.labelRows, row + 1);
            ++m_stats.labels;
        }
        // Hits are known here, so a click or tooltip works before the first paint.
        const qreal my = g.eventsTop + MarkerRow / 2;
        for (const Cluster &c : g.clusters) {
            const TimelineHit hit{c.items, -1};
            m_hits.append({c.fuzzy ? QRectF(c.x0 - 2, my - 8, std::max<qreal>(3, c.x1 - c.x0) + 4, 16)
                                   : QRectF(c.x0 - 7, my - 8, 14, 16),
                           hit});
            if (c.labelRow >= 0) {
                const QRectF r = c.labelRect.translated(0, g.eventsTop);
                m_stats.labelRects.append(r);
                m_hits.append({r, hit});
            }
        }
        const bool anyEvents = !lane.events.isEmpty();
        g.height = m_state.printMode
                       ? std::max(MinLaneHeight,
                                  (g.eventsTop - y) + (anyEvents ? MarkerRow + g.labelRows * LabelRow : 0) + LanePad)
                       : screenHeight;
        y += g.height;
        m_lanesGeo.push_back(std::move(g));
    }
    m_contentHeight = int(std::ceil(y - (m_lanes.top() - (m_state.printMode ? 0 : m_state.scrollY))));
}

QList<TimelineRenderer::UndatedLine> TimelineRenderer::undatedEntries() const
{
    const auto &undated = m_model->undated();
    QList<UndatedLine> lines;
    if (undated.isEmpty()) {
        return lines;
    }
    lines.append({QRectF(), tr("Undated (%1)").arg(undated.size()), UndatedLine::Title, TimelineTheme::OtherEvents});
    lines.append({QRectF(), tr("No date in the sources: not on the axis"), UndatedLine::Subtitle,
                  TimelineTheme::OtherEvents});
    int currentTheme = -1;
    const QLocale c = QLocale::c();
    for (int i = 0; i < undated.size(); ++i) {
        const TimelineItem &u = undated.at(i);
        if (int(u.theme) != currentTheme) {
            currentTheme = int(u.theme);
            lines.append({QRectF(), QString(), UndatedLine::ThemeHeading, u.theme}); // text: at layout
        }
        QString text = u.label;
        if (u.kind == TimelineItem::Kind::Amount) {
            text = tr("%1 — %2 %3").arg(u.label, c.toString(u.amount, 'f', 0),
                                        u.currency.isEmpty() ? tr("(no currency)") : u.currency);
        }
        lines.append({QRectF(), text, i, u.theme});
    }
    return lines;
}

int TimelineRenderer::undatedRowsFor(qreal height)
{
    // The list's area runs from the header to 8 px above the bottom, less its 6 + 4 px padding.
    return std::max(1, int((height - HeaderHeight - 18) / UndatedLineHeight));
}

int TimelineRenderer::flowUndated(const QList<UndatedLine> &lines, int first, int perColumn, int capacity,
                                  QList<UndatedSlot> &placed)
{
    // Slots are numbered down each column, then across. The title and subtitle take the first
    // two; the list goes on from line `first` (scrolled on screen). A theme heading never ends
    // a column, nor takes the last slot: it moves on with its first fact.
    placed.clear();
    int slot = 0;
    for (int k = 0; k < lines.size(); k = k == 1 ? first : k + 1) {
        if (lines.at(k).undated == UndatedLine::ThemeHeading &&
            (slot % perColumn == perColumn - 1 || slot + 1 >= capacity)) {
            slot = (slot / perColumn + 1) * perColumn;
        }
        if (slot >= capacity) {
            return k;
        }
        placed.append({k, slot++});
    }
    return int(lines.size());
}

int TimelineRenderer::undatedColumns(const QList<UndatedLine> &lines, int perColumn)
{
    QList<UndatedSlot> placed;
    flowUndated(lines, 2, perColumn, std::numeric_limits<int>::max(), placed);
    return placed.isEmpty() ? 1 : placed.last().slot / perColumn + 1;
}

void TimelineRenderer::layoutUndated(QList<UndatedLine> lines)
{
    if (lines.isEmpty()) {
        return;
    }
    const QFontMetricsF fm(m_small), boldMetrics(m_bold); // as paintUndated() draws them
    QHash<int, int> themeCounts;
    for (const TimelineItem &u : m_model->undated()) {
        ++themeCounts[int(u.theme)];
    }
    const auto headingText = [&](TimelineTheme theme, qreal width) -> QString {
        // A narrow column shortens the theme's name, never its count.
        const QString count = tr(" (%1)").arg(themeCounts.value(int(theme)));
        return boldMetrics.elidedText(timelineThemeName(theme), Qt::ElideRight,
                                      width - boldMetrics.horizontalAdvance(count)) + count;
    };
    const QRectF r = m_undatedRect.adjusted(8, 6, -4, -4);
    const int perColumn = std::max(1, int(r.height() / UndatedLineHeight));
    // The two heading lines stay; the rest scrolls on screen.
    const int scroll = m_state.printMode ? 0 : std::clamp(m_state.undatedScroll, 0, std::max(0, int(lines.size()) - perColumn));
    const int first = 2 + scroll;
    QList<UndatedSlot> placed;
    int columns = 1;
    int stoppedAt = 0;
    if (m_state.printMode) {
        // On paper as many columns as the list needs.
        stoppedAt = flowUndated(lines, first, perColumn, std::numeric_limits<int>::max(), placed);
        columns = placed.last().slot / perColumn + 1;
    } else if (stoppedAt = flowUndated(lines, first, perColumn, perColumn, placed); stoppedAt < lines.size()) {
        // On screen one column; when it overflows, its last row says how many more there are.
        stoppedAt = flowUndated(lines, first, perColumn, perColumn - 1, placed);
    }
    m_undatedHidden = int(std::count_if(lines.begin() + stoppedAt, lines.end(),
                                        [](const UndatedLine &line) { return line.undated >= 0; }));
    const qreal colWidth = r.width() / columns;
    const auto rectOf = [&](int slot, qreal indent) {
        return QRectF(r.left() + (slot / perColumn) * colWidth + indent, r.top() + (slot % perColumn) * UndatedLineHeight,
                      colWidth - indent - 6, UndatedLineHeight);
    };
    for (const UndatedSlot &p : std::as_const(placed)) {
        UndatedLine line = lines.at(p.line);
        line.rect = rectOf(p.slot, line.undated >= 0 ? 12 : 0);
        if (line.undated == UndatedLine::ThemeHeading) {
            line.text = headingText(line.theme, line.rect.width() - 2);
        } else {
            line.text = (line.undated == UndatedLine::Title ? boldMetrics : fm)
                            .elidedText(line.text, Qt::ElideRight, line.rect.width() - 2);
        }
        if (line.undated >= 0) {
            m_hits.append({line.rect, TimelineHit{{}, line.undated}});
        }
        m_undatedLines.append(line);
    }
    if (stoppedAt < lines.size()) {
        // Nothing is dropped silently.
        m_undatedLines.append({rectOf(perColumn - 1, 12), tr("… %1 more (scroll)").arg(m_undatedHidden),
                               UndatedLine::More, TimelineTheme::OtherEvents});
    }
}

QSizeF TimelineRenderer::preferredSize(qreal width) const
{
    TimelineRenderer probe;
    probe.m_model = m_model;
    probe.m_state = m_state;
    probe.m_state.printMode = true;
    probe.m_laneData = m_laneData;
    probe.m_highlighted = m_highlighted;
    probe.m_labelWidth = m_labelWidth;
    probe.setFont(m_font);
    probe.layout(QSizeF(width, 100000));
    const qreal lanes = probe.m_contentHeight;
    qreal height = HeaderHeight + AxisHeight + lanes + probe.m_series.size() * AmountBand + 40;
    // Tall enough for the undated list in at most the three columns layout() makes room for.
    if (m_model) {
        const QList<UndatedLine> lines = probe.undatedEntries();
        if (!lines.isEmpty()) {
            int rows = int(std::ceil(lines.size() / 3.0));
            while (undatedColumns(lines, rows) > 3) {
                ++rows;
            }
            height = std::max(height, HeaderHeight + 18 + rows * UndatedLineHeight + 1);
        }
    }
    return QSizeF(width, height);
}

// ---------------------------------------------------------------- painting

TimelineHit TimelineRenderer::hitTest(const QPointF &point) const
{
    for (auto it = m_hits.crbegin(); it != m_hits.crend(); ++it) {
        if (it->first.contains(point)) {
            const bool inLanes = m_lanes.contains(point) || m_amounts.contains(point) || m_undatedRect.contains(point);
            if (inLanes) {
                return it->second;
            }
        }
    }
    return {};
}

QString TimelineRenderer::toolTip(const TimelineHit &hit) const
{
    if (!m_model || hit.isEmpty()) {
        return {};
    }
    const auto esc = [](const QString &s) { return s.toHtmlEscaped(); };
    const QLocale c = QLocale::c();
    const auto describeItem = [&](const TimelineItem &item, bool undated) -> QString {
        QString html = QStringLiteral("<b>") + esc(item.label) + QStringLiteral("</b>");
        html += QStringLiteral("<br/>") + esc(timelineThemeName(item.theme)) + QStringLiteral(" · ") + esc(item.schema);
        if (undated) {
            html += QStringLiteral("<br/>") + esc(tr("Date: not stated in the sources"));
        } else if (item.kind == TimelineItem::Kind::Interval) {
            html += QStringLiteral("<br/>") +
                    esc(tr("From %1 to %2")
                            .arg(item.start.isValid() ? item.start.describe() : tr("an unknown start"),
                                 item.end.isValid() ? item.end.describe() : tr("an open end (no end stated)")));
        } else {
            html += QStringLiteral("<br/>") + esc(tr("Date: %1").arg(item.start.describe()));
        }
        if (item.kind == TimelineItem::Kind::Amount) {
            html += QStringLiteral("<br/>") +
                    esc(tr("Amount: %1 %2")
                            .arg(c.toString(item.amount, 'f', item.amount == std::floor(item.amount) ? 0 : 2),
                                 item.currency.isEmpty() ? tr("(no currency stated)") : item.currency));
            if (!item.amountNote.isEmpty()) {
                html += QStringLiteral(" (") + esc(item.amountNote) + QLatin1Char(')');
            }
        }
        html += QStringLiteral("<br/>") + esc(tr("Support: %1").arg(item.support.describe()));
        if (item.support.isSupported()) {
            html += QStringLiteral(" (") + esc(supportLevelName(item.support.level())) + QLatin1Char(')');
        }
        html += QStringLiteral("<br/><i>") + esc(tr("Click to list its passages in the Inspector.")) +
                QStringLiteral("</i>");
        if (!item.knownFrom.isEmpty()) {
            html += QStringLiteral("<br/>") +
                    esc(item.knownAt.isValid()
                            ? tr("Known since %1, from: %2").arg(item.knownAt.describe(), item.knownFrom.join(QLatin1String("; ")))
                            : tr("Known from: %1 (the source carries no date)").arg(item.knownFrom.join(QLatin1String("; "))));
        }
        if (!item.dateNote.isEmpty()) {
            html += QStringLiteral("<br/><i>") + esc(item.dateNote) + QStringLiteral("</i>");
        }
        return html;
    };
    if (hit.undated >= 0) {
        return QStringLiteral("<qt>") + describeItem(m_model->undated().at(hit.undated), true) + QStringLiteral("</qt>");
    }
    QStringList parts;
    const int shown = std::min<int>(int(hit.items.size()), 6);
    for (int i = 0; i < shown; ++i) {
        parts << describeItem(m_model->items().at(hit.items.at(i)), false);
    }
    if (hit.items.size() > shown) {
        parts << esc(tr("… and %1 more").arg(hit.items.size() - shown));
    }
    return QStringLiteral("<qt>") + parts.join(QStringLiteral("<hr/>")) + QStringLiteral("</qt>");
}

} // namespace Casegraph::Ui

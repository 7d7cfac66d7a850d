// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinerenderer.h"
#include "supportstyle.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr qreal HeaderHeight = 50;
constexpr qreal AxisHeight = 24;
constexpr qreal LanePad = 6;
constexpr qreal RowHeight = 19;   // one interval row
constexpr qreal BarHeight = 15;
constexpr qreal MarkerRow = 14;   // the row of event markers
constexpr qreal LabelRow = 15;    // one row of event labels
constexpr qreal MinLaneHeight = 34;
constexpr qreal AmountBand = 64;
constexpr qreal UndatedLineHeight = 15;
constexpr qint64 DayMs = 86400000;
constexpr qint64 LongestEventMs = 367 * DayMs; // a year-only date is the widest event span

const QColor TextColor(0x22, 0x22, 0x22);
const QColor MutedColor(0x66, 0x66, 0x66);
const QColor GridColor(0xe4, 0xe4, 0xe4);
const QColor HighlightColor(0x10, 0x10, 0x10);

QColor alpha(QColor c, int a)
{
    c.setAlpha(a);
    return c;
}

/// The outline of a bar or marker: how well its fact is sourced (solid, dashed, dotted), the
/// selection drawn heavier in the same style.
QPen outlineOf(const Support &support, const QColor &color, bool highlighted)
{
    return highlighted ? supportPen(support.level(), HighlightColor, 2)
                       : supportPen(support.level(), color.darker(170), 1.4);
}

/// Unsourced facts are filled paler, so that a gap in the evidence shows even at a glance.
int fillAlpha(SupportLevel level, int alpha)
{
    return level == SupportLevel::Unsourced ? alpha / 2 : alpha;
}

QString formatAmount(double v)
{
    const QLocale c = QLocale::c();
    if (std::abs(v) >= 1e9) {
        return c.toString(v / 1e9, 'f', 1) + QLatin1Char('B');
    }
    if (std::abs(v) >= 1e6) {
        return c.toString(v / 1e6, 'f', 1) + QLatin1Char('M');
    }
    if (std::abs(v) >= 1e4) {
        return c.toString(v / 1e3, 'f', 0) + QLatin1Char('k');
    }
    return c.toString(v, 'f', v == std::floor(v) ? 0 : 2);
}
} // namespace

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

struct TimelineRenderer::Cluster {
    qreal x0 = 0;
    qreal x1 = 0;
    bool fuzzy = false;       ///< drawn as a span (the date is coarser than a pixel)
    bool highlighted = false;
    QList<int> items;
    int labelRow = -1;
    QRectF labelRect;         ///< relative to the lane's label area top
    QString text;
};

struct TimelineRenderer::LaneGeometry {
    int lane = 0;
    qreal top = 0;
    qreal height = 0;
    qreal eventsTop = 0;
    int labelRows = 0;
    std::vector<Cluster> clusters;
};

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
    // fit the page in an export.
    const int undatedCount = m_model ? int(m_model->undated().size()) : 0;
    qreal undatedWidth = 0;
    int columns = 1;
    if (undatedCount > 0) {
        QSet<int> themes;
        for (const auto &u : m_model->undated()) {
            themes.insert(int(u.theme));
        }
        const int lines = undatedCount + int(themes.size()) + 2;
        const qreal avail = std::max<qreal>(UndatedLineHeight * 4, h - HeaderHeight - 16);
        columns = m_state.printMode ? std::clamp(int(std::ceil(lines * UndatedLineHeight / avail)), 1, 3) : 1;
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
        layoutUndated();
    }
    m_layoutHits = m_hits.size();
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
        auto it = std::lower_bound(lane.events.begin(), lane.events.end(), from - LongestEventMs,
                                   [&](int index, qint64 v) { return items.at(index).fromMs < v; });
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
            if (!g.clusters.empty()) {
                Cluster &last = g.clusters.back();
                const bool same = last.fuzzy == fuzzy && std::abs(last.x0 - x0) < (fuzzy ? 1 : 3) &&
                                  std::abs(last.x1 - x1) < (fuzzy ? 1 : 3);
                if (same) {
                    last.items.append(*it);
                    last.highlighted = last.highlighted || m_highlighted.at(*it);
                    continue;
                }
            }
            Cluster c;
            c.x0 = x0;
            c.x1 = fuzzy ? x1 : x0;
            c.fuzzy = fuzzy;
            c.items = {*it};
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

void TimelineRenderer::layoutUndated()
{
    const auto &undated = m_model->undated();
    if (undated.isEmpty()) {
        return;
    }
    const QFontMetricsF fm(m_small);
    QList<UndatedLine> lines;
    lines.append({QRectF(), tr("Undated (%1)").arg(undated.size()), -1, TimelineTheme::OtherEvents});
    lines.append({QRectF(), tr("No date in the sources: not on the axis"), -2, TimelineTheme::OtherEvents});
    int currentTheme = -1;
    const QLocale c = QLocale::c();
    for (int i = 0; i < undated.size(); ++i) {
        const TimelineItem &u = undated.at(i);
        if (int(u.theme) != currentTheme) {
            currentTheme = int(u.theme);
            const auto count = std::count_if(undated.begin(), undated.end(),
                                             [&](const TimelineItem &o) { return int(o.theme) == currentTheme; });
            lines.append({QRectF(), tr("%1 (%2)").arg(timelineThemeName(u.theme)).arg(count), -3, u.theme});
        }
        QString text = u.label;
        if (u.kind == TimelineItem::Kind::Amount) {
            text = tr("%1 — %2 %3").arg(u.label, c.toString(u.amount, 'f', 0),
                                        u.currency.isEmpty() ? tr("(no currency)") : u.currency);
        }
        lines.append({QRectF(), text, i, u.theme});
    }
    const QRectF r = m_undatedRect.adjusted(8, 6, -4, -4);
    const int perColumn = std::max(1, int(r.height() / UndatedLineHeight));
    const int columns = m_state.printMode ? std::max(1, int(std::ceil(double(lines.size()) / perColumn))) : 1;
    const qreal colWidth = r.width() / columns;
    // The two heading lines stay; the rest scrolls on screen.
    const int scroll = m_state.printMode ? 0 : std::clamp(m_state.undatedScroll, 0, std::max(0, int(lines.size()) - perColumn));
    const int first = 2 + scroll;
    m_undatedHidden = 0;
    for (int k = 0; k < lines.size(); ++k) {
        if (k >= 2 && k < first) {
            continue;
        }
        const int slot = k < 2 ? k : 2 + (k - first);
        const int col = slot / perColumn;
        const int row = slot % perColumn;
        if (col >= columns) {
            m_undatedHidden = int(lines.size()) - k;
            break;
        }
        UndatedLine line = lines.at(k);
        const qreal indent = line.undated >= 0 ? 12 : 0;
        line.rect = QRectF(r.left() + col * colWidth + indent, r.top() + row * UndatedLineHeight, colWidth - indent - 6,
                           UndatedLineHeight);
        line.text = fm.elidedText(line.text, Qt::ElideRight, line.rect.width() - 2);
        if (line.undated >= 0) {
            m_hits.append({line.rect, TimelineHit{{}, line.undated}});
        }
        m_undatedLines.append(line);
    }
    if (m_undatedHidden > 0 && !m_undatedLines.isEmpty()) {
        // The last visible line says how many more there are; nothing is dropped silently.
        UndatedLine &last = m_undatedLines.last();
        last.text = tr("… %1 more (scroll)").arg(m_undatedHidden + 1);
        last.undated = -4;
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
    return QSizeF(width, HeaderHeight + AxisHeight + lanes + probe.m_series.size() * AmountBand + 40);
}

// ---------------------------------------------------------------- painting

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
    const QRectF titleRect(12, 6, m_size.width() * 0.45, 20);
    const QString heading = m_state.title.isEmpty() ? tr("Timeline") : m_state.title;
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
               QFontMetricsF(title).elidedText(heading, Qt::ElideRight, titleRect.width()));
    // The second line: what is shown, and what the reader must know about the dates.
    p.setFont(m_small);
    p.setPen(MutedColor);
    const auto &items = m_model->items();
    QString info = tr("%1 dated facts · %2 undated · partial dates drawn as shaded spans over their whole "
                      "year or month")
                       .arg(items.size())
                       .arg(m_model->undated().size());
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
        p.setPen(supportPen(level, MutedColor.darker(130), 1.4));
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
    const QFontMetricsF fm(m_small);
    qreal x = m_size.width() - 12;
    for (auto it = legend.crbegin(); it != legend.crend(); ++it) {
        const qreal w = fm.horizontalAdvance(it->second);
        x -= w;
        p.setPen(TextColor);
        p.drawText(QRectF(x, 8, w + 2, 16), Qt::AlignLeft | Qt::AlignVCenter, it->second);
        x -= 14;
        p.setPen(Qt::NoPen);
        p.setBrush(it->first);
        p.drawRoundedRect(QRectF(x, 11, 10, 10), 2, 2);
        x -= 12;
        if (x < m_size.width() * 0.45) {
            break;
        }
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
        // Lane band, separator and name in the gutter.
        if (g.lane % 2 == 1) {
            p.fillRect(QRectF(0, g.top, m_lanes.width(), g.height), QColor(0, 0, 0, 7)); // grid shows through
        }
        p.setPen(QPen(GridColor, 1));
        p.drawLine(QPointF(0, g.top + g.height), QPointF(m_lanes.right(), g.top + g.height));
        p.setPen(Qt::NoPen);
        p.setBrush(laneColor);
        p.drawRect(QRectF(m_gutter.left(), g.top + 4, 3, g.height - 8));
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
            const int index = lane.intervals.at(k);
            const TimelineItem &item = items.at(index);
            if (item.fromMs > to && item.fromMs != TimelineItem::OpenStart) {
                break;
            }
            const qreal y = g.top + LanePad + lane.intervalRow.at(k) * RowHeight;
            if (y > m_lanes.bottom() || y + BarHeight < m_lanes.top()) {
                continue;
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
            // Merged facts draw with the weakest support among them: a solid outline promises
            // that every fact under it is corroborated.
            Support support = items.at(c.items.first()).support;
            for (int index : c.items) {
                if (items.at(index).support.level() < support.level()) {
                    support = items.at(index).support;
                }
            }
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
        if (line.undated == -1) {
            p.setFont(m_bold);
            p.setPen(TextColor);
        } else if (line.undated == -2 || line.undated == -4) {
            p.setFont(m_small);
            p.setPen(MutedColor);
        } else if (line.undated == -3) {
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

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinemodel.h"

#include <QDateTime>

#include <algorithm>
#include <functional>
#include <map>
#include <queue>

namespace Casegraph::Models {

QString timelineThemeName(TimelineTheme theme)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Casegraph::Models::TimelineModel", text); };
    switch (theme) {
    case TimelineTheme::ListAdditions:
        return tr("List additions");
    case TimelineTheme::ContractsAwards:
        return tr("Contracts and awards");
    case TimelineTheme::Articles:
        return tr("Articles");
    case TimelineTheme::LettersReports:
        return tr("Letters and reports");
    case TimelineTheme::BansCancellations:
        return tr("Bans and cancellations");
    case TimelineTheme::Relationships:
        return tr("Relationships");
    case TimelineTheme::OtherEvents:
        return tr("Other events");
    }
    return {};
}

void TimelineItem::updateSpan()
{
    if (kind == Kind::Interval) {
        fromMs = start.isValid() ? start.earliestMSecs() : OpenStart;
        toMs = end.isValid() ? end.latestMSecs() : OpenEnd;
        // A start written after its end (a data error) still shows, as a point at the start.
        if (start.isValid() && end.isValid() && toMs < fromMs) {
            toMs = start.latestMSecs();
        }
    } else {
        fromMs = start.earliestMSecs();
        toMs = start.latestMSecs();
    }
}

void TimelineModel::addItem(TimelineItem item)
{
    item.updateSpan();
    m_items.append(std::move(item));
}

void TimelineModel::addUndated(TimelineItem item)
{
    m_undated.append(std::move(item));
}

void TimelineModel::finish()
{
    // Sort keys, then move each item once: items are large (strings, dates).
    std::vector<std::pair<qint64, int>> order;
    order.reserve(m_items.size());
    for (int i = 0; i < m_items.size(); ++i) {
        order.emplace_back(m_items.at(i).fromMs, i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<TimelineItem> sorted;
    sorted.reserve(m_items.size());
    for (const auto &[key, index] : order) {
        sorted.append(std::move(m_items[index]));
    }
    m_items = std::move(sorted);
    std::stable_sort(m_undated.begin(), m_undated.end(), [](const TimelineItem &a, const TimelineItem &b) {
        if (a.theme != b.theme) {
            return int(a.theme) < int(b.theme);
        }
        return a.label.localeAwareCompare(b.label) < 0;
    });
    bool any = false;
    for (const auto &it : std::as_const(m_items)) {
        for (qint64 v : {it.fromMs, it.toMs}) {
            if (v == TimelineItem::OpenStart || v == TimelineItem::OpenEnd) {
                continue;
            }
            m_minMs = any ? std::min(m_minMs, v) : v;
            m_maxMs = any ? std::max(m_maxMs, v) : v;
            any = true;
        }
    }
    // Lanes are laid out here, on the thread that builds the model: for a million items the
    // entity lanes take over a second, which the window's thread must not spend.
    m_themeLanes = computeLanes(LaneMode::Theme);
    m_entityLanes = computeLanes(LaneMode::Entity);
}

const QList<TimelineLane> &TimelineModel::lanes(LaneMode mode) const
{
    return mode == LaneMode::Theme ? m_themeLanes : m_entityLanes;
}

QPair<qint64, qint64> TimelineModel::extent(bool withKnown) const
{
    qint64 lo = m_minMs, hi = m_maxMs;
    if (withKnown) {
        for (const auto &it : m_items) {
            if (it.knownAt.isValid()) {
                lo = std::min(lo, it.knownAt.earliestMSecs());
                hi = std::max(hi, it.knownAt.latestMSecs());
            }
        }
    }
    return {lo, hi};
}

int TimelineModel::knownDated() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const TimelineItem &i) { return i.knownAt.isValid(); }));
}

int TimelineModel::knownUndated() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const TimelineItem &i) {
        return !i.knownAt.isValid() && !i.knownFrom.isEmpty();
    }));
}

QList<TimelineLane> TimelineModel::computeLanes(LaneMode mode) const
{
    QList<TimelineLane> lanes;
    QHash<QString, int> laneOf;
    const auto laneFor = [&](const TimelineItem &item) -> TimelineLane & {
        const QString key = mode == LaneMode::Theme ? QString::number(int(item.theme))
                                                    : (item.laneEntityId.isEmpty() ? item.entityId : item.laneEntityId);
        auto it = laneOf.constFind(key);
        if (it == laneOf.cend()) {
            TimelineLane lane;
            lane.key = key;
            lane.theme = item.theme;
            lane.label = mode == LaneMode::Theme ? timelineThemeName(item.theme)
                                                 : (item.laneLabel.isEmpty() ? item.label : item.laneLabel);
            lanes.append(lane);
            it = laneOf.insert(key, int(lanes.size() - 1));
        }
        return lanes[*it];
    };
    // m_items is sorted by fromMs, so each lane's lists come out sorted.
    for (int i = 0; i < m_items.size(); ++i) {
        const TimelineItem &item = m_items.at(i);
        if (item.kind == TimelineItem::Kind::Amount) {
            continue;
        }
        TimelineLane &lane = laneFor(item);
        (item.kind == TimelineItem::Kind::Event ? lane.events : lane.intervals).append(i);
    }
    // Pack intervals into rows: the row that has been free the longest takes the next interval,
    // so the number of rows is the largest number of intervals that overlap (interval graph
    // colouring). An open end never frees its row.
    for (auto &lane : lanes) {
        using Slot = std::pair<qint64, int>; // end of the row's last interval, row
        std::priority_queue<Slot, std::vector<Slot>, std::greater<Slot>> free;
        lane.intervalRow.reserve(lane.intervals.size());
        for (int index : std::as_const(lane.intervals)) {
            const TimelineItem &item = m_items.at(index);
            int row = 0;
            if (!free.empty() && free.top().first < item.fromMs) {
                row = free.top().second;
                free.pop();
            } else {
                row = lane.intervalRows++;
            }
            lane.intervalRow.append(row);
            free.push({item.toMs, row});
        }
    }
    if (mode == LaneMode::Theme) {
        std::sort(lanes.begin(), lanes.end(),
                  [](const TimelineLane &a, const TimelineLane &b) { return int(a.theme) < int(b.theme); });
    } else {
        const auto first = [&](const TimelineLane &l) {
            qint64 v = TimelineItem::OpenEnd;
            if (!l.events.isEmpty()) {
                v = m_items.at(l.events.first()).fromMs;
            }
            if (!l.intervals.isEmpty()) {
                v = std::min(v, m_items.at(l.intervals.first()).fromMs);
            }
            return v;
        };
        std::stable_sort(lanes.begin(), lanes.end(),
                         [&](const TimelineLane &a, const TimelineLane &b) { return first(a) < first(b); });
    }
    return lanes;
}

QList<int> TimelineModel::itemsOfEntities(const QSet<QString> &entityIds) const
{
    QList<int> out;
    if (entityIds.isEmpty()) {
        return out;
    }
    for (int i = 0; i < m_items.size(); ++i) {
        const TimelineItem &item = m_items.at(i);
        bool hit = entityIds.contains(item.entityId) || entityIds.contains(item.laneEntityId);
        for (qsizetype k = 0; !hit && k < item.relatedIds.size(); ++k) {
            hit = entityIds.contains(item.relatedIds.at(k));
        }
        if (hit) {
            out.append(i);
        }
    }
    return out;
}

ClippedSpan TimelineModel::clip(const TimelineItem &item, qint64 fromMs, qint64 toMs)
{
    ClippedSpan c;
    c.openStart = item.openStart();
    c.openEnd = item.openEnd();
    if (item.toMs < fromMs || item.fromMs > toMs || fromMs > toMs) {
        return c;
    }
    c.visible = true;
    c.fromMs = std::max(item.fromMs, fromMs);
    c.toMs = std::min(item.toMs, toMs);
    c.clippedStart = item.fromMs < fromMs;
    c.clippedEnd = item.toMs > toMs;
    return c;
}

QStringList TimelineModel::currencies() const
{
    QSet<QString> set;
    for (const auto &item : m_items) {
        if (item.kind == TimelineItem::Kind::Amount) {
            set.insert(item.currency);
        }
    }
    QStringList out(set.begin(), set.end());
    out.sort();
    return out;
}

QList<AmountSeries> TimelineModel::amountSeries(Bucket bucket, const CurrencyRates &rates) const
{
    const auto bucketOf = [bucket](const FtmDate &d) -> QPair<qint64, qint64> {
        const QDate day = d.earliest().date();
        const QDate first = bucket == Bucket::Year ? QDate(day.year(), 1, 1) : QDate(day.year(), day.month(), 1);
        const QDate next = bucket == Bucket::Year ? first.addYears(1) : first.addMonths(1);
        return {QDateTime(first, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
                QDateTime(next, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - 1};
    };
    const FtmDate::Precision finest = bucket == Bucket::Year ? FtmDate::Precision::Year : FtmDate::Precision::Month;
    // currency -> (bar start, fuzzy?) -> bar; std::map keeps the bars in time order.
    std::map<QString, std::map<std::pair<qint64, bool>, AmountBar>> byCurrency;
    std::map<QString, QSet<QString>> convertedFrom;
    for (int i = 0; i < m_items.size(); ++i) {
        const TimelineItem &item = m_items.at(i);
        if (item.kind != TimelineItem::Kind::Amount || !item.start.isValid()) {
            continue;
        }
        QString currency = item.currency;
        double value = item.amount;
        if (!rates.isEmpty() && currency != rates.target && rates.rates.contains(currency)) {
            convertedFrom[rates.target].insert(currency);
            value *= rates.rates.value(currency);
            currency = rates.target;
        }
        const bool fuzzy = item.start.precision() < finest;
        const QPair<qint64, qint64> span = fuzzy ? QPair<qint64, qint64>{item.fromMs, item.toMs} : bucketOf(item.start);
        AmountBar &bar = byCurrency[currency][{span.first, fuzzy}];
        bar.fromMs = span.first;
        bar.toMs = span.second;
        bar.fuzzy = fuzzy;
        bar.total += value;
        bar.count += 1;
        bar.items.append(i);
    }
    QList<AmountSeries> out;
    for (auto &[currency, bars] : byCurrency) {
        AmountSeries s;
        s.currency = currency;
        if (auto it = convertedFrom.find(currency); it != convertedFrom.end()) {
            s.convertedFrom = QStringList(it->second.begin(), it->second.end());
            s.convertedFrom.sort();
        }
        for (auto &[key, bar] : bars) {
            s.maxTotal = std::max(s.maxTotal, bar.total);
            s.bars.append(std::move(bar));
        }
        out.append(std::move(s));
    }
    return out;
}

} // namespace Casegraph::Models

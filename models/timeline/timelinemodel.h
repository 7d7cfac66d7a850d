// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ftmdate.h"
#include "core/grading.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <limits>

namespace Casegraph::Models {

class CaseFile;

/// The themes a timeline can be laned by. Events are sorted into a theme by schema, and Event
/// entities by the words of their caption (see timelinecase.cpp); intervals of relationships
/// (ownership, directorship, supply …) have their own theme.
enum class TimelineTheme {
    ListAdditions,     ///< sanctions and list entries, Entity List tranches
    ContractsAwards,   ///< contracts, awards, tenders, payments, projects, debts
    Articles,          ///< publication of articles and documents
    LettersReports,    ///< letters, reports, statements, findings
    BansCancellations, ///< bans, restrictions, cancellations
    Relationships,     ///< ownerships, directorships, supply relationships …
    OtherEvents,
};
constexpr int TimelineThemeCount = 7;
/// A translated name for the theme ("List additions", "Contracts and awards" …).
QString timelineThemeName(TimelineTheme theme);

/// One thing on a timeline: an event (a date), an interval (start and end, either may be open)
/// or an amount (a value in one currency at a date). Dates keep their FtM precision.
struct TimelineItem {
    enum class Kind { Event, Interval, Amount };
    static constexpr qint64 OpenStart = std::numeric_limits<qint64>::min();
    static constexpr qint64 OpenEnd = std::numeric_limits<qint64>::max();

    Kind kind = Kind::Event;
    QString entityId;        ///< the FtM id of the entity that holds the date
    qint64 entityRowId = 0;
    QString schema;
    QString property;        ///< the date property ("date", "listingDate", "startDate" …)
    QString label;
    TimelineTheme theme = TimelineTheme::OtherEvents;
    QString laneEntityId;    ///< the entity whose lane the item goes in (owner, sanctioned party …)
    QString laneLabel;
    QStringList relatedIds;  ///< every entity the item references (ends, parties, involved)
    FtmDate start;           ///< event or amount date; interval start (invalid: open start)
    FtmDate end;             ///< interval end (invalid: open end)
    double amount = 0;       ///< for amounts
    QString currency;        ///< ISO code as stated, upper case; empty when the source gives none
    QString amountNote;      ///< equivalents the source states ("also stated: 1,400,000 USD")
    /// When the fact became known: the earliest publication date of the sources that state it.
    /// Invalid when no source is dated (the demo's articles carry no dates) or there is none.
    FtmDate knownAt;
    QStringList knownFrom;   ///< titles of the sources behind the item
    QString dateNote;        ///< how a vague date was stated or handled (claim comment or note)
    /// What supports the entity that holds the date (every claim about it, as a chart edge
    /// counts them): its level draws the item's outline, its grade and passages the tooltip.
    Support support;

    /// The span drawn, in ms since the epoch: an event's or amount's whole precision span; an
    /// interval from the earliest instant of its start to the latest of its end. Open ends are
    /// OpenStart / OpenEnd.
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool openStart() const { return kind == Kind::Interval && !start.isValid(); }
    bool openEnd() const { return kind == Kind::Interval && !end.isValid(); }
    /// Fills fromMs/toMs from the dates.
    void updateSpan();
};

/// One lane: its events (sorted by fromMs) and intervals (sorted by fromMs) with the row of each
/// interval. Rows are packed so that intervals in one row never overlap in time.
struct TimelineLane {
    QString key;   ///< theme number or entity id
    QString label;
    TimelineTheme theme = TimelineTheme::OtherEvents;
    QList<int> events;        ///< item indexes
    QList<int> intervals;     ///< item indexes
    QList<int> intervalRow;   ///< parallel to intervals
    int intervalRows = 0;
};

/// An interval cut to a window, as drawn.
struct ClippedSpan {
    bool visible = false;
    qint64 fromMs = 0;
    qint64 toMs = 0;
    bool clippedStart = false; ///< the item goes on before the window (or is open there)
    bool clippedEnd = false;
    bool openStart = false;    ///< the start is unknown, not just outside the window
    bool openEnd = false;
};

/// Exchange rates the user enters: one unit of `currency` is `rate` units of `target`.
struct CurrencyRates {
    QString target;
    QHash<QString, double> rates;
    bool isEmpty() const { return target.isEmpty() || rates.isEmpty(); }
};

/// A bar of the amounts chart: the sum of the amounts dated within [fromMs, toMs].
struct AmountBar {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    double total = 0;
    int count = 0;
    /// The amounts' dates are coarser than the bucket (a year-only amount on a monthly chart):
    /// drawn as a fuzzy span over their whole precision, never put into a single month.
    bool fuzzy = false;
    QList<int> items;
};

/// All bars of one currency. Currencies are never added together unless the user gave a rate;
/// a converted series names the currencies it was converted from.
struct AmountSeries {
    QString currency; ///< empty: the source gave no currency
    QStringList convertedFrom;
    QList<AmountBar> bars;
    double maxTotal = 0;
};

/// The data behind a Timeline view: every dated fact of a case (or of a set of entities, e.g. a
/// chart) and every undated one, with lanes, clipping to a window and amounts per currency.
/// Plain data without Qt object ownership: build it on a worker thread and hand it over.
class TimelineModel {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::TimelineModel)
public:
    enum class LaneMode { Theme, Entity };
    enum class Bucket { Year, Month };

    /// Reads the case: dated properties of every entity become items; undated events, sanctions,
    /// relationships, contracts and documents go to undated(). When `entityIds` is not empty
    /// only entities in it, or referencing one of them, are taken. Gives up with an error once
    /// `*cancel` is set (a million-entity case takes seconds).
    static Result<TimelineModel> fromCase(const CaseFile &caseFile, const QSet<QString> &entityIds = {},
                                          const std::atomic_bool *cancel = nullptr);

    /// For callers that assemble a timeline themselves (tests, benchmarks): add, then finish().
    void addItem(TimelineItem item);
    void addUndated(TimelineItem item);
    /// Sorts the items by time, computes the extent and lays out the lanes of both modes; call
    /// once after adding.
    void finish();

    const QList<TimelineItem> &items() const { return m_items; }
    /// Facts without any date, in theme then label order: listed beside the axis.
    const QList<TimelineItem> &undated() const { return m_undated; }
    bool isEmpty() const { return m_items.isEmpty() && m_undated.isEmpty(); }
    /// The span of all dated items (closed ends only), and of their known-at dates when
    /// `withKnown`. {0, 0} when nothing is dated.
    QPair<qint64, qint64> extent(bool withKnown = false) const;
    /// How many items have a known-at date, and how many have sources that are all undated.
    int knownDated() const;
    int knownUndated() const;

    /// The lanes for a mode, empty lanes left out. Theme lanes follow the theme order; entity
    /// lanes are ordered by their first item. Amount items are not in lanes (see amountSeries).
    /// Computed by finish().
    const QList<TimelineLane> &lanes(LaneMode mode) const;
    /// The indexes of the items of these entities (as entity, lane entity or referenced).
    QList<int> itemsOfEntities(const QSet<QString> &entityIds) const;

    /// Cuts an item to the window [fromMs, toMs]; open ends reach the window's edge.
    static ClippedSpan clip(const TimelineItem &item, qint64 fromMs, qint64 toMs);

    /// The amounts per currency, summed per bucket; with rates, currencies that have a rate are
    /// converted into the target and summed with it, the others stay apart.
    QList<AmountSeries> amountSeries(Bucket bucket, const CurrencyRates &rates = {}) const;
    /// The currencies of the dated amounts, sorted ("" for amounts without a currency).
    QStringList currencies() const;

private:
    QList<TimelineLane> computeLanes(LaneMode mode) const;

    QList<TimelineItem> m_items;
    QList<TimelineLane> m_themeLanes;
    QList<TimelineLane> m_entityLanes;
    QList<TimelineItem> m_undated;
    qint64 m_minMs = 0;
    qint64 m_maxMs = 0;
};

} // namespace Casegraph::Models

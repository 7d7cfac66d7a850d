// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QStringList>

namespace Casegraph::Ui {

/// The time bar's choice: all dates, as of a day, or between two days (both inclusive).
struct ChartTime {
    enum class Mode { All, AsOf, Range };
    Mode mode = Mode::All;
    QDate from; ///< as of: the day; between: the first day
    QDate to;   ///< between: the last day (not earlier than `from`)
    static ChartTime asOf(const QDate &day) { return {Mode::AsOf, day, {}}; }
    /// Between two days, in either order.
    static ChartTime between(const QDate &a, const QDate &b) { return {Mode::Range, std::min(a, b), std::max(a, b)}; }
    /// The filter ChartData::applyFilters takes (All, or a choice without a valid day: none).
    TimeFilter filter() const;
    bool isActive() const { return filter().enabled; }
    bool operator==(const ChartTime &) const = default;
};

/// The schema and time filters of a link chart, saved with it in its settings like the tag filter
/// (ChartTags) and changed through undoable ChartSettingCommands:
///   "hiddenSchemata":      ["Person", "PublicBody"]   entity schemata left out (sorted)
///   "hiddenRelationships": ["Directorship"]           relationship schemata left out (sorted)
///   "timeFilter":          {"mode": "asOf", "date": "2019-06-01"} or
///                          {"mode": "between", "from": "2019-01-01", "to": "2020-12-31"}
/// The default (nothing hidden, all dates) writes no key. Reading is forgiving: a schema name
/// neither the schema registry nor the chart knows, a value that is no name, and a time filter
/// without a valid date are ignored; dates outside the chart's range are kept as they are.
class ChartFilters {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartFilters)
public:
    static inline const QString NodeSchemataKey = QStringLiteral("hiddenSchemata");
    static inline const QString EdgeSchemataKey = QStringLiteral("hiddenRelationships");
    static inline const QString TimeKey = QStringLiteral("timeFilter");

    /// The hidden schemata saved under `key` (NodeSchemataKey or EdgeSchemataKey), sorted, without
    /// the names that are no schema (`data` adds the names its nodes and edges use).
    static QStringList hiddenSchemata(const QJsonObject &settings, const QString &key, const ChartData &data);
    /// The key's value for these hidden schemata (undefined, which removes the key, for none).
    static QJsonValue setting(QStringList schemata);
    static ChartTime savedTime(const QJsonObject &settings);
    static QJsonValue setting(const ChartTime &time);

    /// Applies every saved filter (schemata, time, tags) to `data` as ChartView does; call after
    /// ChartTags::load(). Collapsed groups are left to ChartGroups::apply.
    static void applySaved(ChartData &data, const QJsonObject &settings);

    /// Undo text for a change of the hidden schemata ("Hide People on the Chart" …).
    static QString changeText(const QStringList &before, const QStringList &after);
    /// Undo text for a change of the time filter ("Time Filter: As of 1 June 2019" …).
    static QString changeText(const ChartTime &time);
    /// The plural display name of a schema ("People"), or the name itself.
    static QString plural(const QString &schema);
};

} // namespace Casegraph::Ui

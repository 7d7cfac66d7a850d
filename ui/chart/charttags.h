// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QPointF>
#include <QSet>

class QPainter;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

class ChartData;

/// Which nodes a chart's tag filter keeps.
struct ChartTagFilter {
    enum class Mode {
        ShowOnly, ///< only entities that carry at least one of the tags
        Hide,     ///< every entity except those that carry one of the tags
    };
    QSet<qint64> tags; ///< empty: no tag filter
    Mode mode = Mode::ShowOnly;
    bool isActive() const { return !tags.isEmpty(); }
    bool operator==(const ChartTagFilter &) const = default;
};

/// Tags on a link chart: reads the tags of the chart's entities into ChartData (nodeTags,
/// tagColours), filters nodes by tag, and draws a node's tags as small coloured dots.
///
/// The tag filter is saved with the chart as its setting "tagFilter", an object such as
/// {"mode": "hide", "tags": [{"id": 3, "created": "2026-05-01T09:30:00.000Z"}]} ("mode" is
/// "showOnly" or "hide"; a tag is its id and creation time, so that a new tag that reuses a
/// deleted tag's id is not taken for it), changed through an undoable ChartSettingCommand like
/// the collapsed groups. A saved tag the case no longer has is ignored, the others still filter.
class ChartTags {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartTags)
public:
    /// Fills `data.nodeTags`, `data.tagColours` and `data.tagStamps` from the case (two queries).
    static void load(const Models::CaseFile &caseFile, ChartData &data);

    static inline const QString SettingKey = QStringLiteral("tagFilter");
    /// The filter saved in a chart's settings, without the tags the case no longer has (call
    /// after load()).
    static ChartTagFilter savedFilter(const QJsonObject &settings, const ChartData &data);
    /// The key's value for a filter (undefined, which removes the key, for the default filter).
    static QJsonValue setting(const ChartTagFilter &filter, const ChartData &data);
    /// The filter without the tags missing from `data.tagColours` (deleted from the case).
    static ChartTagFilter existing(ChartTagFilter filter, const ChartData &data);

    /// Sets NodeFiltered on the entity nodes the filter leaves out (after ChartData::applyFilters,
    /// which clears it); group nodes are left to ChartGroups.
    static void applyFilter(ChartData &data, const ChartTagFilter &filter);
    /// How many of the chart's entity nodes carry each tag.
    static QHash<qint64, int> counts(const ChartData &data);
    /// Draws the node's tag colours as dots along the bottom of its disc of `radius` (chart units).
    static void paintDots(QPainter &painter, const ChartData &data, qint32 node, QPointF centre, double radius);
    static constexpr int MaxDots = 5;
};

} // namespace Casegraph::Ui

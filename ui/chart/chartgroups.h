// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QRectF>
#include <QStringList>

#include <vector>

class QPainter;

namespace Casegraph::Ui {

class ChartData;

/// Groups on a link chart. A node's group is its chart_node.grp (ChartData::nodeGroup); which
/// groups are collapsed is the chart's setting "collapsedGroups" (a JSON array of names), changed
/// through an undoable ChartSettingCommand.
///
/// An expanded group is drawn as a labelled rounded frame around its members. A collapsed group
/// is drawn as one node: apply() appends, per collapsed group with members, a node flagged
/// NodeGroup (row id = −group index, label "Name (n)", at the members' centre) and flags the
/// members NodeCollapsed (not drawn, not hit). Edges between a member and an outside node are
/// redirected to the group node; parallel ones (same ends, same direction) merge into one
/// EdgeMerged edge labelled with their count. Those nodes and edges exist only in memory: they
/// are rebuilt after every filter change and never written to the case.
class ChartGroups {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartGroups)
public:
    /// The settings key; ChartSettingCommand writes it, so that collapsing is undoable.
    static inline const QString SettingKey = QStringLiteral("collapsedGroups");
    static QStringList collapsed(const QJsonObject &settings);
    /// The key's value for these collapsed groups (undefined, which removes the key, for none).
    static QJsonValue setting(const QStringList &groups);

    /// Removes the group nodes and edges of an earlier apply() and clears NodeCollapsed.
    static void strip(ChartData &data);
    /// strip(), then collapses these groups as described above. Call after the filters (a member
    /// hidden or filtered out is not counted; a group with no member left is not drawn).
    static void apply(ChartData &data, const QStringList &collapsedGroups);

    /// The group name of a node (entity or group node); empty for none.
    static QString groupOf(const ChartData &data, qint32 node);
    static bool isGroupNode(const ChartData &data, qint32 node);
    /// The entity nodes of a group, visible or not.
    static std::vector<qint32> members(const ChartData &data, const QString &group);
    /// `nodes` with every group node replaced by its members (duplicates removed).
    static std::vector<qint32> entityNodes(const ChartData &data, const std::vector<qint32> &nodes);
    /// The group node drawn for a group, or -1 when it is not collapsed.
    static qint32 groupNode(const ChartData &data, const QString &group);

    /// The frames of the expanded groups (chart units), with room for the name tab above.
    static QRectF framesRect(const ChartData &data);
    /// Draws the frames of the expanded groups that meet `visible` (under everything else).
    static void paintFrames(QPainter &painter, const ChartData &data, const QRectF &visible, bool vector);
    /// Draws the frames' name tabs (over everything, so that no line runs through a name).
    static void paintTabs(QPainter &painter, const ChartData &data, const QRectF &visible, bool vector);
    /// Draws a group node's body (a stacked rounded square) centred on `c`.
    static void paintGroupNode(QPainter &painter, QPointF c, bool selected, bool highlighted);
};

} // namespace Casegraph::Ui

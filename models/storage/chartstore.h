// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// A named link chart: a chosen set of entities with positions, and the view's settings.
struct Chart {
    qint64 id = 0;
    QString name;
    QDateTime createdAt;  ///< UTC
    QDateTime modifiedAt; ///< UTC; any change to the chart or its nodes
    QJsonObject settings; ///< the view's own keys (layout, filters, styles); stored as JSON text
    qint64 nodeCount = 0; ///< filled by charts() and chart()
};

/// One entity placed on a chart.
struct ChartNode {
    qint64 entityRowId = 0;
    double x = 0;
    double y = 0;
    bool pinned = false; ///< layouts leave it where it is
    bool hidden = false;
    QString group;       ///< cluster name; empty for none
    bool operator==(const ChartNode &) const = default;
};

/// A chart node with what a view draws of its entity (ChartStore::nodeInfos()).
struct ChartNodeInfo {
    ChartNode node;
    QString id;      ///< FtM id
    QString schema;
    QString caption;
};

/// Charts of a case (schema version 3). Owned by a CaseFile; same thread affinity. Each write is
/// its own transaction unless the caller has one open; every change emits CaseFile::chartChanged.
/// Deleting an entity removes it from every chart (ON DELETE CASCADE); EntityStore::remove keeps
/// its placements() in the snapshot, so that restoring the entity (undo) puts it back where it was.
class ChartStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ChartStore)
public:
    explicit ChartStore(CaseFile &caseFile);

    /// Creates an empty chart. Fails when the name is empty or taken.
    Result<qint64> create(const QString &name, const QJsonObject &settings = {});
    Status rename(qint64 chartId, const QString &name);
    Status setSettings(qint64 chartId, const QJsonObject &settings);
    /// Deletes the chart and its nodes (never the entities).
    Status remove(qint64 chartId);
    /// All charts by name.
    QList<Chart> charts() const;
    std::optional<Chart> chart(qint64 chartId) const;
    std::optional<Chart> chartByName(const QString &name) const;

    /// Adds or updates these nodes (by entity), in one transaction; other nodes stay.
    Status setNodes(qint64 chartId, const QList<ChartNode> &nodes);
    /// Replaces the chart's node set with exactly these nodes, in one transaction.
    Status replaceNodes(qint64 chartId, const QList<ChartNode> &nodes);
    Status removeNodes(qint64 chartId, const QList<qint64> &entityRowIds);
    /// The chart's nodes in entity row order.
    QList<ChartNode> nodes(qint64 chartId) const;
    /// Every chart the entity is on, with its place there (chart id, node), by chart id.
    QList<QPair<qint64, ChartNode>> placements(qint64 entityRowId) const;
    /// The chart's nodes with their entities' id, schema and caption (one joined query).
    QList<ChartNodeInfo> nodeInfos(qint64 chartId) const;
    /// One row of scanNodes(): the text columns are UTF-8 views, valid only during the callback.
    struct NodeRow {
        qint64 entityRowId;
        double x, y;
        bool pinned, hidden;
        QByteArrayView group, schema, caption, id;
    };
    /// nodeInfos() streamed without a QString per row (charts of 100,000 nodes); stops early and
    /// returns an error when `fn` returns false.
    Status scanNodes(qint64 chartId, const std::function<bool(const NodeRow &)> &fn) const;
    /// For a worker connection that reads a chart once (ChartLoader): sets this connection's page
    /// cache (64 MB by default) to `kib`; one pass over the case gains nothing from a big one.
    void setScanCacheSize(qint64 kib) const;
    /// How many nodes the chart holds (an index count, cheap on any size).
    qint64 nodeCount(qint64 chartId) const;

private:
    Status touch(qint64 chartId);
    Status writeNodes(qint64 chartId, const QList<ChartNode> &nodes, bool replace);
    CaseFile &m_case;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/evidence.h"
#include "core/grading.h"
#include "storage/evidencestore.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>

#include <optional>
#include <vector>

class QTimer;

namespace Casegraph::Models {

class CaseEditor;
class CaseFile;

/// One entity as the Inspector shows it, a tree of three columns (Property, Value, Source):
///
///   Properties            one row per value: property label, value, where it came from
///                         (its provenance); below each value, the claims that support or
///                         contradict it, one row per quoted excerpt with its source's title
///   Claims                claims about the entity as a whole (and any that match no value)
///   Referenced by         relationships, sanctions … whose entity properties point at it
///
/// Values are editable in place (not entity references: those are added and removed); the edit
/// goes through CaseEditor as an undoable command, and a refused edit emits editFailed().
/// The model reloads itself when the case reports a change. Thread affinity: the GUI thread.
class PropertiesModel final : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PropertiesModel)
public:
    enum Column { PropertyColumn, ValueColumn, SourceColumn, ColumnCount };
    enum class NodeKind { Section, Value, Evidence, Reference };
    enum class Section { Properties, Claims, ReferencedBy };

    explicit PropertiesModel(CaseFile &caseFile, QObject *parent = nullptr);
    ~PropertiesModel() override;

    /// Enables editing through `editor`; without one the model is read-only.
    void setEditor(CaseEditor *editor);
    /// Shows this entity (0 for none). Loads synchronously.
    void setEntity(qint64 rowId);
    qint64 entityRowId() const { return m_rowId; }
    /// The entity shown, as loaded; nullopt when there is none (or it was deleted).
    const std::optional<Entity> &entity() const { return m_entity; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    /// The row of a value (column PropertyColumn), or an invalid index.
    QModelIndex indexOfValue(qint64 valueId) const;
    /// The row of a section, or an invalid index when the section is empty and hidden.
    QModelIndex indexOfSection(Section section) const;

Q_SIGNALS:
    void editFailed(const QString &message);
    /// The entity shown was loaded again (after setEntity() or a change in the case).
    void entityLoaded();

private:
    struct Node {
        NodeKind kind = NodeKind::Section;
        Section section = Section::Properties;
        int parent = -1;
        int row = 0;
        QList<int> children;
        QString text[ColumnCount];
        QString toolTip[ColumnCount];
        QString iconSchema;  ///< schema whose icon decorates the first column (references)
        QString valueSchema; ///< schema whose icon decorates the value (entity references)
        QString property;
        QString raw;
        qint64 valueId = 0;
        qint64 entityRowId = 0; ///< the entity a reference row or reference value points at
        qint64 sourceId = 0;
        qint64 claimId = 0;
        qint64 excerptId = 0;
        bool editable = false;
        bool contradicts = false;
        bool unknownProperty = false;
    };
    void reload();
    void scheduleReload();
    int addNode(Node node, int parent);
    void addEvidence(const Claim &claim, int parent, const QString &about);
    void buildProperties(const QList<Claim> &claims, QList<qint64> &usedClaims);
    void buildReferences();
    QString provenanceSummary(qint64 id, QString *details) const;
    QString sourceTitle(qint64 sourceId) const;
    QString displayValue(const PropertyValue &value, const QString &typeName, qint64 *targetRowId,
                         QString *targetSchema) const;
    const Node *node(const QModelIndex &index) const;

    CaseFile &m_case;
    QPointer<CaseEditor> m_editor;
    QTimer *m_reloadTimer = nullptr;
    qint64 m_rowId = 0;
    std::optional<Entity> m_entity;
    GradingScheme m_scheme; ///< the case's, for the grades' labels in tips
    std::vector<Node> m_nodes;
    QList<int> m_roots;
    mutable QHash<qint64, QPair<QString, QString>> m_provenance; ///< id → summary, details
    mutable QHash<qint64, QString> m_sourceTitles;
};

} // namespace Casegraph::Models

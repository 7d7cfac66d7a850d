// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"
#include "storage/entitystore.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QUndoStack;

namespace Casegraph::Models {

class CaseFile;
class EditCommand;

/// The user's edits to one open case, as undoable commands on its own QUndoStack.
///
/// Each method checks the edit, applies it through EntityStore (which commits it: there is no
/// unsaved state) with a Provenance of kind Edit, and pushes the command only when it succeeded,
/// so a refused edit returns its Error and leaves the stack as it was. Undo and redo restore
/// ids and provenance exactly; a later failure of either is reported by errorOccurred().
/// Thread affinity: the CaseFile's (the GUI thread).
class CaseEditor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseEditor)
public:
    explicit CaseEditor(CaseFile &caseFile, QObject *parent = nullptr);
    ~CaseEditor() override;

    CaseFile &caseFile() const { return m_case; }
    QUndoStack *undoStack() const { return m_stack; }

    /// Returns the new value's row id.
    Result<qint64> addValue(qint64 entityRowId, const QString &property, const QString &value);
    Status changeValue(qint64 entityRowId, qint64 valueId, const QString &value);
    Status removeValue(qint64 entityRowId, qint64 valueId);
    /// Creates an entity of a concrete schema named `name`; returns its row id.
    Result<qint64> createEntity(const QString &schema, const QString &name);
    /// Creates an entity with all its values (its id is generated when empty).
    Result<qint64> createEntity(const Entity &entity);
    /// Creates a relationship (an edge schema such as Ownership) between two entities, with
    /// optional further values (role, percentage, dates …).
    Result<qint64> createRelationship(const QString &schema, qint64 sourceRowId, qint64 targetRowId,
                                      const QList<QPair<QString, QString>> &values = {});
    /// Deletes the entity, its claims, and relationshipsOf() it.
    Status deleteEntity(qint64 rowId);
    /// The relationships whose source or target end is this entity (deleted with it).
    QList<EntityRow> relationshipsOf(qint64 rowId) const;

    /// Checks a value against its property's type without changing anything.
    Status validate(const QString &schema, const QString &property, const QString &value) const;
    /// The property that holds an entity's name when it is created: "name", or the schema's
    /// first caption property.
    static QString nameProperty(const QString &schema);
    /// Concrete schemata for the "New Entity" chooser, the common ones first.
    static QStringList entitySchemata();
    /// Edge schemata for the "New Relationship" chooser, the common ones first.
    static QStringList relationshipSchemata();

    /// Applies a command built elsewhere (screening decisions, merges) and pushes it when it succeeded.
    Status push(std::unique_ptr<EditCommand> command);

Q_SIGNALS:
    /// An undo or redo failed; `message` says what and why.
    void errorOccurred(const QString &message);

private:
    friend class EditCommand;
    friend class EvidenceEditor; // pushes its passage and grading commands on this stack
    friend class AnnotationEditor; // pushes its note, tag and lead commands here
    void reportError(const QString &what, const Error &error);
    QString captionOf(qint64 rowId) const;

    CaseFile &m_case;
    QUndoStack *m_stack = nullptr;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Casegraph::Models {
class CaseEditor;
}

namespace Casegraph::Ui {

class EntityPicker;

/// Creates a relationship: an edge schema (Ownership, Supply, Directorship, ContractAward …),
/// its two ends chosen from the case's entities, and optionally its role and dates.
class RelationshipDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelationshipDialog)
public:
    /// `sourceRowId`: the entity to start from (the Inspector's), or 0.
    RelationshipDialog(Models::CaseEditor &editor, qint64 sourceRowId, QWidget *parent = nullptr);
    ~RelationshipDialog() override;

    qint64 rowId() const { return m_rowId; }
    /// Preselects a relationship schema, e.g. "Ownership".
    void setSchema(const QString &name);
    QComboBox *schemaBox() const { return m_schema; }
    EntityPicker *sourcePicker() const { return m_source; }
    EntityPicker *targetPicker() const { return m_target; }

    void accept() override;

private:
    void onSchemaChanged();
    void updateState();
    void swapEnds();

    Models::CaseEditor &m_editor;
    qint64 m_rowId = 0;
    QComboBox *m_schema = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_targetLabel = nullptr;
    EntityPicker *m_source = nullptr;
    EntityPicker *m_target = nullptr;
    QLineEdit *m_role = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_end = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Casegraph::Ui

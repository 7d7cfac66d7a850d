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

/// Creates an entity: a concrete schema (the common ones first) and a name. Choosing a
/// relationship schema (Ownership, Supply …) hands over to the relationship dialog, which asks
/// for its two ends instead of a name.
class NewEntityDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewEntityDialog)
public:
    explicit NewEntityDialog(Models::CaseEditor &editor, QWidget *parent = nullptr);
    ~NewEntityDialog() override;

    /// The new entity's row id after accept().
    qint64 rowId() const { return m_rowId; }
    /// The relationship schema chosen, when the dialog handed over (rowId() is then 0).
    QString relationshipSchema() const { return m_relationshipSchema; }
    QComboBox *schemaBox() const { return m_schema; }
    QLineEdit *nameField() const { return m_name; }

    void accept() override;

private:
    void updateState();

    Models::CaseEditor &m_editor;
    qint64 m_rowId = 0;
    QString m_relationshipSchema;
    QComboBox *m_schema = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Casegraph::Ui

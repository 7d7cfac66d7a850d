// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"

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

/// Adds a value to one of an entity's properties. The property list holds the schema's
/// properties only; the value is checked as it is typed and the reason shown under it.
/// Entity-typed properties pick an entity of the case instead of typing an id.
class AddValueDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddValueDialog)
public:
    AddValueDialog(Models::CaseEditor &editor, const Models::Entity &entity, QWidget *parent = nullptr);
    ~AddValueDialog() override;

    /// Preselects a property (e.g. the one under the cursor in the Inspector).
    void setProperty(const QString &name);
    /// The new value's row id after accept().
    qint64 valueId() const { return m_valueId; }
    QComboBox *propertyBox() const { return m_property; }
    QLineEdit *valueField() const { return m_value; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    QString currentValue() const;
    bool isEntityProperty() const;
    void onPropertyChanged();
    void validate();

    Models::CaseEditor &m_editor;
    Models::Entity m_entity;
    qint64 m_valueId = 0;
    QComboBox *m_property = nullptr;
    QLineEdit *m_value = nullptr;
    EntityPicker *m_picker = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Casegraph::Ui

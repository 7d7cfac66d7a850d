// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"

#include <QDialog>
#include <QLabel>
#include <QMenu>

class QLineEdit;
class QPushButton;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// A small square icon of a tag's colour.
QIcon tagIcon(const QString &colour);

/// "Tags ▸": every tag of the case as a checkable item (checked: the target carries it), then
/// "New Tag…" and a Colour submenu. Each change is an undoable command.
class TagMenu final : public QMenu {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagMenu)
public:
    TagMenu(Models::CaseEditor &editor, const Models::Target &target, QWidget *parent = nullptr);
    ~TagMenu() override;

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void rebuild();
    void newTag();
    Models::CaseEditor &m_editor;
    Models::Target m_target;
};

/// Asks for a tag's name and colour.
class NewTagDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewTagDialog)
public:
    NewTagDialog(const QString &colour, QWidget *parent = nullptr);
    ~NewTagDialog() override;
    QString name() const;
    QString colour() const { return m_colour; }
    QLineEdit *nameField() const { return m_name; }

private:
    void chooseColour();
    void updateButton();
    QLineEdit *m_name = nullptr;
    QPushButton *m_colourButton = nullptr;
    QString m_colour;
};

/// The tags on one target as coloured chips (the Inspector shows the entity's).
class TagChips final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagChips)
public:
    explicit TagChips(QWidget *parent = nullptr);
    ~TagChips() override;
    void setCase(Models::CaseFile *caseFile);
    void setTarget(const Models::Target &target);
    /// Names of the tags shown, in order.
    QStringList tagNames() const { return m_names; }

private:
    void refresh();
    Models::CaseFile *m_case = nullptr;
    Models::Target m_target;
    QStringList m_names;
};

} // namespace Casegraph::Ui

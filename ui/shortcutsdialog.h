// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QLineEdit;
class QMainWindow;
class QTreeWidget;

namespace Casegraph::Ui {

/// One command with a keyboard shortcut, and where it works.
struct ShortcutEntry {
    QString place;   ///< "File", "Edit › …" for menu commands; a dock's or list's title otherwise
    QString command; ///< the action's text, without mnemonics
    QList<QKeySequence> keys;
    bool windowWide = false; ///< works anywhere in the window (not only in its list or view)
    QString focusIn;         ///< for a menu command that is not window-wide: the dock it works in
};

/// Every command of the window that has a shortcut, read from the live actions so that the list
/// never goes stale: the menus' commands first, in menu order, then those of the docks and views.
QList<ShortcutEntry> collectShortcuts(QMainWindow *window);

/// Help → Keyboard Shortcuts: the commands with their keys, grouped by menu or dock, with a
/// filter on the command's name or its keys.
class ShortcutsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)
public:
    explicit ShortcutsDialog(QMainWindow *window);
    ~ShortcutsDialog() override;

    QTreeWidget *tree() const { return m_tree; }
    QLineEdit *filterField() const { return m_filter; }

private:
    void applyFilter(const QString &text);

    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_tree = nullptr;
};

} // namespace Casegraph::Ui

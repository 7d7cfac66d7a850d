// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutsdialog.h"
#include "fittingprompt.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

namespace {

QString plainText(const QAction *action) {
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    return text.replace(QLatin1String("&&"), QLatin1String("&"));
}

/// The dock an action outside the menus belongs to; "On a chart" for the open chart's own keys.
QString placeOf(const QAction *action, const QMainWindow *window) {
    bool onChart = false;
    for (QObject *owner : action->associatedObjects()) {
        for (auto *widget = qobject_cast<QWidget *>(owner); widget && widget != window; widget = widget->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(widget)) {
                return dock->windowTitle();
            }
            onChart = onChart || widget == window->centralWidget();
        }
    }
    for (QObject *parent = action->parent(); parent && parent != window; parent = parent->parent()) {
        if (auto *dock = qobject_cast<QDockWidget *>(parent)) {
            return dock->windowTitle();
        }
        onChart = onChart || parent == window->centralWidget();
    }
    return onChart ? ShortcutsDialog::tr("On a chart") : ShortcutsDialog::tr("Elsewhere in the window");
}

bool worksWindowWide(const QAction *action) {
    return action->shortcutContext() == Qt::WindowShortcut || action->shortcutContext() == Qt::ApplicationShortcut;
}

void collectMenu(const QMainWindow *window, const QMenu *menu, const QString &place, QList<ShortcutEntry> &into, QSet<const QAction *> &seen) {
    for (QAction *action : menu->actions()) {
        if (action->isSeparator()) {
            continue;
        }
        if (const QMenu *sub = action->menu()) {
            collectMenu(window, sub, ShortcutsDialog::tr("%1 › %2").arg(place, plainText(action)), into, seen);
            continue;
        }
        seen.insert(action);
        if (!action->shortcuts().isEmpty()) {
            const bool windowWide = worksWindowWide(action);
            into.append({place, plainText(action), action->shortcuts(), windowWide, windowWide ? QString() : placeOf(action, window)});
        }
    }
}

} // namespace

QList<ShortcutEntry> collectShortcuts(QMainWindow *window) {
    QList<ShortcutEntry> entries;
    QSet<const QAction *> seen;
    for (QAction *top : window->menuBar()->actions()) {
        if (const QMenu *menu = top->menu()) {
            collectMenu(window, menu, plainText(top), entries, seen);
        }
    }
    // The docks' and views' own commands (Delete in a list, zoom on a chart …), once per
    // command, key and place.
    QSet<QString> listed;
    for (const ShortcutEntry &e : std::as_const(entries)) {
        listed.insert(e.command + QLatin1Char('\n') + QKeySequence::listToString(e.keys));
    }
    QList<ShortcutEntry> others;
    for (QAction *action : window->findChildren<QAction *>()) {
        if (seen.contains(action) || action->shortcuts().isEmpty() || action->menu()) {
            continue;
        }
        ShortcutEntry entry{placeOf(action, window), plainText(action), action->shortcuts(), worksWindowWide(action), {}};
        const QString key = entry.command + QLatin1Char('\n') + QKeySequence::listToString(entry.keys);
        if (listed.contains(key) || listed.contains(entry.place + QLatin1Char('\n') + key)) {
            continue;
        }
        listed.insert(entry.place + QLatin1Char('\n') + key);
        others.append(entry);
    }
    std::stable_sort(others.begin(), others.end(), [](const ShortcutEntry &a, const ShortcutEntry &b) {
        return a.place.localeAwareCompare(b.place) < 0;
    });
    return entries + others;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window) : QDialog(window) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *layout = new QVBoxLayout(this);
    m_filter = new QLineEdit(this);
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter shortcuts"));
    new FittingPrompt(m_filter, {tr("Filter by command or key, e.g. “chart” or “Ctrl+F”"), tr("Filter")});
    layout->addWidget(m_filter);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Command"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    QTreeWidgetItem *group = nullptr;
    for (const ShortcutEntry &entry : collectShortcuts(window)) {
        if (!group || group->text(0) != entry.place) {
            group = new QTreeWidgetItem(m_tree, {entry.place});
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
            group->setFirstColumnSpanned(true);
            group->setFlags(Qt::ItemIsEnabled);
        }
        QStringList keys;
        for (const QKeySequence &key : entry.keys) {
            keys << key.toString(QKeySequence::NativeText);
        }
        QString shown = keys.join(tr(" or "));
        if (!entry.focusIn.isEmpty()) {
            shown = tr("%1 in %2").arg(shown, entry.focusIn);
        }
        auto *item = new QTreeWidgetItem(group, {entry.command, shown});
        if (!entry.windowWide) {
            const QString where = entry.focusIn.isEmpty() ? entry.place : entry.focusIn;
            item->setToolTip(0, tr("Works while the focus is in %1").arg(where));
            item->setToolTip(1, item->toolTip(0));
        }
    }
    m_tree->expandAll();
    layout->addWidget(m_tree, 1);

    auto *note = new QLabel(tr("Commands listed under a dock or view work while the focus is there."), this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    resize(560, 620);
}

ShortcutsDialog::~ShortcutsDialog() = default;

void ShortcutsDialog::applyFilter(const QString &text) {
    const QString wanted = text.trimmed();
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_tree->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem *item = group->child(i);
            const bool match = wanted.isEmpty() || item->text(0).contains(wanted, Qt::CaseInsensitive) ||
                               item->text(1).contains(wanted, Qt::CaseInsensitive) ||
                               group->text(0).contains(wanted, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match ? 1 : 0;
        }
        group->setHidden(shown == 0);
    }
}

} // namespace Casegraph::Ui

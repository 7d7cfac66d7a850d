// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/democase.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "shortcutsdialog.h"
#include "storage/casefile.h"
#include "support/testsupport.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMap>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// Help → Keyboard Shortcuts on the real main window with the demo case open (docks, a chart).
class ShortcutsDialogUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void listsTheWindowsCommandsWithTheirKeys();
    void filterNarrowsTheList();
    void noTwoWindowWideCommandsShareAKey();
    void noDockCommandSharesAKeyWithAWindowWideOne();

private:
    /// The dialog as the user opens it: Help → Keyboard Shortcuts.
    ShortcutsDialog *openDialog();
    /// Command → keys, as the dialog shows them, for the rows under `place` (all when empty).
    static QMap<QString, QString> rows(const QTreeWidget *tree, const QString &place = {}, bool visibleOnly = false);

    QTemporaryDir m_dir;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void ShortcutsDialogUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QString demo = m_dir.filePath(QStringLiteral("demo.casegraph"));
    {
        CaseFile cf;
        QVERIFY(cf.create(demo).ok());
        QVERIFY(DemoCase::write(cf).ok());
    }
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(demo).ok());
    m_window->resize(1366, 768);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->waitUntilLoaded(10000));
}

void ShortcutsDialogUiTest::cleanupTestCase() { m_window.reset(); }

ShortcutsDialog *ShortcutsDialogUiTest::openDialog() {
    auto *action = m_window->findChild<QAction *>(QStringLiteral("KeyboardShortcutsAction"));
    if (!action) {
        return nullptr;
    }
    // It is on the Help menu, under its name, with F1.
    bool onHelp = false;
    for (QAction *top : m_window->menuBar()->actions()) {
        if (top->text() == QStringLiteral("&Help") && top->menu()->actions().contains(action)) {
            onHelp = true;
        }
    }
    if (!onHelp || action->shortcut() != QKeySequence(QKeySequence::HelpContents)) {
        return nullptr;
    }
    action->trigger();
    ShortcutsDialog *dialog = nullptr;
    QTest::qWaitFor([&] {
        dialog = m_window->findChild<ShortcutsDialog *>();
        return dialog && dialog->isVisible();
    });
    return dialog;
}

QMap<QString, QString> ShortcutsDialogUiTest::rows(const QTreeWidget *tree, const QString &place, bool visibleOnly) {
    QMap<QString, QString> found;
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem *group = tree->topLevelItem(g);
        if ((!place.isEmpty() && group->text(0) != place) || (visibleOnly && group->isHidden())) {
            continue;
        }
        for (int i = 0; i < group->childCount(); ++i) {
            if (!visibleOnly || !group->child(i)->isHidden()) {
                found.insert(group->child(i)->text(0), group->child(i)->text(1));
            }
        }
    }
    return found;
}

void ShortcutsDialogUiTest::listsTheWindowsCommandsWithTheirKeys() {
    ShortcutsDialog *dialog = openDialog();
    QVERIFY(dialog);
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("keyboard-shortcuts.png"));
    QTreeWidget *tree = dialog->tree();
    tree->scrollToBottom();
    Casegraph::Tests::saveShot(dialog->grab(), QStringLiteral("keyboard-shortcuts-end.png"));
    const QMap<QString, QString> edit = rows(tree, QStringLiteral("Edit"));
    QCOMPARE(edit.value(QStringLiteral("Undo")), QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText));
    QVERIFY2(edit.contains(QStringLiteral("New Chart…")), qPrintable(QStringList(edit.keys()).join(u", ")));
    QCOMPARE(rows(tree, QStringLiteral("File")).value(QStringLiteral("Open…")), QStringLiteral("Ctrl+O"));
    // Commands outside the menus are listed under their dock or view: the Charts list's Rename.
    QCOMPARE(rows(tree, QStringLiteral("Charts")).value(QStringLiteral("Rename…")), QStringLiteral("F2"));
    QCOMPARE(rows(tree, QStringLiteral("On a chart")).value(QStringLiteral("Fit to View")), QStringLiteral("0"));
    // A menu command that works in one dock only says where: Delete in the Entities list.
    QCOMPARE(edit.value(QStringLiteral("Delete Entity…")), QStringLiteral("Del in Entities"));
    // The dialog fits a laptop screen and every key text fits its column.
    QVERIFY(dialog->frameGeometry().height() <= 768 && dialog->width() <= 1366);
    for (int g = 0; g < tree->topLevelItemCount(); ++g) {
        for (int i = 0; i < tree->topLevelItem(g)->childCount(); ++i) {
            const QTreeWidgetItem *item = tree->topLevelItem(g)->child(i);
            QVERIFY2(tree->fontMetrics().horizontalAdvance(item->text(1)) < tree->columnWidth(1), qPrintable(item->text(1)));
        }
    }
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<ShortcutsDialog *>()); // deleted on close
}

void ShortcutsDialogUiTest::filterNarrowsTheList() {
    ShortcutsDialog *dialog = openDialog();
    QVERIFY(dialog);
    const int all = rows(dialog->tree(), {}, true).size();
    QTest::keyClicks(dialog->filterField(), QStringLiteral("chart"));
    const QMap<QString, QString> shown = rows(dialog->tree(), {}, true);
    QVERIFY(!shown.isEmpty() && shown.size() < all);
    QVERIFY(shown.contains(QStringLiteral("New Chart…")));
    QVERIFY(!shown.contains(QStringLiteral("Undo")));
    dialog->filterField()->clear();
    QTest::keyClicks(dialog->filterField(), QStringLiteral("Ctrl+Z"));
    QCOMPARE(rows(dialog->tree(), {}, true).keys(), QStringList{QStringLiteral("Undo")});
    dialog->close();
}

void ShortcutsDialogUiTest::noTwoWindowWideCommandsShareAKey() {
    // Two window-wide commands on one key make Qt refuse both ("ambiguous shortcut"): the user
    // presses the key and nothing happens.
    QMap<QString, QStringList> byKey;
    for (const ShortcutEntry &entry : collectShortcuts(m_window.get())) {
        if (!entry.windowWide) {
            continue;
        }
        for (const QKeySequence &key : entry.keys) {
            byKey[key.toString(QKeySequence::PortableText)] << entry.place + QStringLiteral(": ") + entry.command;
        }
    }
    QVERIFY(byKey.size() > 10);
    QStringList clashes;
    for (auto it = byKey.begin(); it != byKey.end(); ++it) {
        if (it.value().size() > 1) {
            clashes << it.key() + QStringLiteral(" → ") + it.value().join(QStringLiteral(" / "));
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

void ShortcutsDialogUiTest::noDockCommandSharesAKeyWithAWindowWideOne() {
    // A command that works while the focus is in one dock, on the key of a window-wide command:
    // with the focus there both are live, Qt calls the key ambiguous and runs neither.
    QMap<QString, QString> windowWide;
    const QList<ShortcutEntry> all = collectShortcuts(m_window.get());
    for (const ShortcutEntry &entry : all) {
        if (entry.windowWide) {
            for (const QKeySequence &key : entry.keys) {
                windowWide.insert(key.toString(QKeySequence::PortableText), entry.place + QStringLiteral(": ") + entry.command);
            }
        }
    }
    // Deliberate: in the source text Ctrl+E attaches the selection; SourceViewer takes the key
    // before the shortcut map sees it (ShortcutOverride), sourceviewer_uitest ctrlEAttachesInTheText.
    const QStringList taken{QStringLiteral("Attach as Excerpt…")};
    QStringList clashes;
    for (const ShortcutEntry &entry : all) {
        if (entry.windowWide || taken.contains(entry.command)) {
            continue;
        }
        for (const QKeySequence &key : entry.keys) {
            const QString text = key.toString(QKeySequence::PortableText);
            if (windowWide.contains(text)) {
                clashes << QStringLiteral("%1 → %2 / %3: %4").arg(text, windowWide.value(text),
                                                                  entry.focusIn.isEmpty() ? entry.place : entry.focusIn, entry.command);
            }
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

QTEST_MAIN(ShortcutsDialogUiTest)
#include "shortcutsdialog_uitest.moc"

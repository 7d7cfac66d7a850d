// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace Casegraph::Ui {

class DuplicatesDialog;
class ListedPanel;
class MergedPanel;
class MainWindow;
class ReferenceListsDialog;
class ScreeningDialog;

/// The screening and entity-resolution actions of the main window: Analysis → Screen…,
/// Reference Lists…, Find Duplicates…, and Edit → Split Merged Entity. Owns nothing but its
/// actions; the dialogs are children of the window and close with the case.
class ScreeningActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreeningActions)
public:
    explicit ScreeningActions(MainWindow *window);

    void addTo(QMenu *analysis, QMenu *edit);
    /// Enables the actions for the open case (call when a case opens or closes).
    void update();

    QAction *screenAction() const { return m_screen; }
    QAction *listsAction() const { return m_lists; }
    QAction *duplicatesAction() const { return m_duplicates; }
    QAction *splitAction() const { return m_split; }
    /// The accepted matches of the Inspector's entity, under its title.
    ListedPanel *listedPanel() const { return m_listed; }
    MergedPanel *mergedPanel() const { return m_merged; }

    /// Opens (or raises) the dialogs; also what the tests call.
    ScreeningDialog *showScreening();
    ReferenceListsDialog *showLists();
    DuplicatesDialog *showDuplicates();
    /// Splits the latest standing merge into the Inspector's entity; false when there is none.
    bool splitCurrent();

private:
    QList<qint64> selectedRowIds() const;
    /// Opens the dialog in `slot` (made by `make` the first time) or raises it.
    template <typename Dialog, typename Make> Dialog *show(QPointer<Dialog> &slot, Make make);

    MainWindow *m_window = nullptr;
    QAction *m_screen = nullptr;
    QAction *m_lists = nullptr;
    QAction *m_duplicates = nullptr;
    QAction *m_split = nullptr;
    QPointer<ScreeningDialog> m_screening;
    QPointer<ReferenceListsDialog> m_listsDialog;
    QPointer<DuplicatesDialog> m_duplicatesDialog;
    ListedPanel *m_listed = nullptr;
    MergedPanel *m_merged = nullptr;
    QPointer<QObject> m_watchedModel; ///< the Inspector's model whose entityLoaded feeds m_listed
};

} // namespace Casegraph::Ui

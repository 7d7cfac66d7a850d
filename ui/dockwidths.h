// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QDockWidget;
class QMainWindow;

namespace Casegraph::Ui {

/// The widths of the default layout's side docks, kept at their share of a window narrower than
/// the default one. QMainWindow gives the central widget the whole of a change in width: on a
/// 1366 px laptop screen the default 440 + 520 px of docks left the chart under 400 px. While
/// active (the default layout, until the user drags a dock separator or a saved layout is
/// restored), every resize of the window shrinks the docks in proportion, each down to the least
/// width its controls need; a window wider than the default keeps them at their widths and gives
/// the chart the rest.
class DefaultDockWidths final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DefaultDockWidths)
public:
    /// The window width the `widths` are meant for.
    static constexpr int ReferenceWidth = 1600;

    /// `widths` at ReferenceWidth, never less than `least`.
    DefaultDockWidths(QMainWindow *window, const QList<QDockWidget *> &docks, const QList<int> &widths,
                      const QList<int> &least);

    /// Gives the docks their widths for the window's width now and follows its resizes.
    void apply();
    /// Leaves the docks as they are from now on (a restored or user-made layout).
    void stop() { m_active = false; }
    bool isActive() const { return m_active; }
    /// The width dock `index` gets in a window `windowWidth` wide.
    int widthFor(qsizetype index, int windowWidth) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void resizeDocks();

    QMainWindow *m_window = nullptr;
    QList<QDockWidget *> m_docks;
    QList<int> m_widths;
    QList<int> m_least;
    bool m_active = false;
    bool m_queued = false;
};

} // namespace Casegraph::Ui

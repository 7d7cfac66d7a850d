// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenroom.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace Casegraph::Ui {

QSize roomOnScreen(const QScreen *screen) {
    if (!screen) {
        screen = QGuiApplication::primaryScreen();
    }
    if (!screen) {
        return {QWIDGETSIZE_MAX, QWIDGETSIZE_MAX};
    }
    const QSize available = screen->availableGeometry().size();
    return {available.width() * 94 / 100, available.height() * 88 / 100};
}

void resizeWithinScreen(QWidget *window, QSize preferred) {
    // A dialog opens on its parent's screen; before it is shown it may not know that yet.
    const QWidget *anchor = window->parentWidget() ? window->parentWidget()->window() : window;
    const QSize room = roomOnScreen(anchor->screen());
    window->resize(preferred.boundedTo(room).expandedTo(window->minimumSizeHint()));
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>

class QScreen;
class QWidget;

namespace Casegraph::Ui {

/// The largest size a dialog may take on `screen` and still show whole, title bar and buttons
/// included, above a desktop panel: 94 % of the available width and 88 % of the available height
/// (on a 1366 × 768 laptop 1284 × 675, leaving 93 px for a title bar and a task bar).
QSize roomOnScreen(const QScreen *screen);

/// Resizes the top-level `window` (a dialog or wizard, before it is shown) to `preferred`, made no
/// larger than roomOnScreen() of the screen it opens on (its parent's), and no smaller than its
/// layout allows.
void resizeWithinScreen(QWidget *window, QSize preferred);

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAction;
class QObject;

namespace Casegraph::Ui {

/// A tool bar's stand-in for an action whose text grows, such as QUndoGroup's "Undo Attach “…”
/// to “…”": it shows `shortText` beside the icon and the full text (with the shortcut) as its
/// tip, is enabled with `full` and triggers it. Menus keep `full`. On a 1366 px tool bar the undo
/// text of one attached passage took 560 px and squeezed the search box to half its width.
QAction *shortToolAction(QAction *full, const QString &shortText, QObject *parent);

} // namespace Casegraph::Ui

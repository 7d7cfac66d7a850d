// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demo/democopy.h"

#include <QObject>

class QAction;

namespace Casegraph::Ui {

class MainWindow;

/// The demo copy's action, kept out of MainWindow: Help > Reset Demo Case… asks, then replaces
/// the one demo copy (Models::DemoCopy) with a fresh one and opens it. Writing the demo takes
/// well under a second, so it runs on the GUI thread.
class DemoActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoActions)
public:
    explicit DemoActions(MainWindow *window);
    QAction *resetAction() const { return m_reset; }

    /// Asks for confirmation, resets the copy in DemoCopy::defaultFolder() and opens it.
    /// Returns false when the user cancelled or the copy could not be written (the error is shown).
    bool reset();

    /// What the status bar says after `casegraph --demo` opened the copy; empty when there is
    /// nothing the user needs to know (a new or reused copy).
    static QString describe(Models::DemoCopy::Outcome outcome);

private:
    MainWindow *m_window;
    QAction *m_reset = nullptr;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;

namespace Casegraph::Ui {

class MainWindow;

/// The integrity features' actions, kept out of MainWindow: File > Capture Web Page,
/// File > Verify Case Integrity, Edit > Preferences, and Chain of Custody Report in the Sources
/// dock's context menu. Applies the stored investigator name at construction (startup).
class IntegrityActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrityActions)
public:
    explicit IntegrityActions(MainWindow *window);
    QAction *captureAction() const { return m_capture; }
    QAction *verifyAction() const { return m_verify; }
    QAction *preferencesAction() const { return m_preferences; }
    QAction *custodyAction() const { return m_custody; }
    /// Called by MainWindow::updateActions().
    void updateActions(bool open, bool writable);

    void capture();
    void verify();
    void preferences();
    /// The report of the Sources dock's current source.
    void custody();

Q_SIGNALS:
    /// The verification of `path` finished (on the GUI thread); `text` is what was shown.
    void verified(const QString &path, bool ok, const QString &text);

private:
    MainWindow *m_window;
    QAction *m_capture = nullptr;
    QAction *m_verify = nullptr;
    QAction *m_preferences = nullptr;
    QAction *m_custody = nullptr;
    bool m_interactive = true;
};

} // namespace Casegraph::Ui

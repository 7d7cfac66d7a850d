// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QSize>

#include <memory>

namespace Casegraph {

namespace Ui {
class MainWindow;
class RecentFiles;
} // namespace Ui

/// The casegraph executable: reads the command line, installs the translations, and opens the
/// window on a case file, on the demo case (--demo: one copy, reused; see Models::DemoCopy), or
/// renders the window to a PNG and exits (--screenshot FILE [--size WxH]).
class Application final : public QApplication {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Application)
public:
    Application(int &argc, char **argv);
    ~Application() override;

    /// Returns the process exit code.
    int run();

private:
    int screenshot(const QString &output, const QSize &size);

    std::unique_ptr<Ui::RecentFiles> m_recentFiles;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace Casegraph

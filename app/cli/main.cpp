// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

namespace {
/// `render` paints with Qt's GUI classes and needs a QApplication; every other command runs on
/// a plain QCoreApplication, so the CLI starts without a display.
bool wantsGui(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (argv[i][0] != '-') {
            return std::strcmp(argv[i], "render") == 0;
        }
    }
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> app;
    if (wantsGui(argc, argv)) {
        // A command-line tool never shows a window: draw offscreen unless told otherwise.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("casegraph-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Casegraph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEGRAPH_VERSION));
    Casegraph::Cli::CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}

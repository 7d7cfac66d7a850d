// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"
#include "catalogues.h"

#include <QApplication>
#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i) {
        arguments << QString::fromLocal8Bit(argv[i]);
    }
    // Only `render` draws: it gets a QApplication (fonts, SVG, QGraphicsScene), on the offscreen
    // platform when there is no display; every other command stays a plain QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (Casegraph::Cli::CliApplication::needsWidgets(arguments)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
            qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("casegraph-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Casegraph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEGRAPH_VERSION));
    // The English catalogue gives the plural forms ("1 hop", "3 hops") as in the window.
    Casegraph::Translations::install(*app);
    Casegraph::Cli::CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliapplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("casegraph-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Casegraph"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASEGRAPH_VERSION));
    Casegraph::Cli::CliApplication cli(QCoreApplication::arguments());
    return cli.run();
}

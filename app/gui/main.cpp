// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"

int main(int argc, char *argv[]) {
    Casegraph::Application app(argc, argv);
    return app.run();
}

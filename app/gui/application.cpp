// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "application.h"
#include "catalogues.h"

#include "demo/democopy.h"
#include "demoactions.h"
#include "entitiesdock.h"
#include "itemmodels/schemaicons.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "sourcesdock.h"
#include "storage/casefile.h"

#include <QCommandLineParser>
#include <QImage>
#include <QLocale>
#include <QMessageBox>
#include <QPixmap>
#include <QRegularExpression>
#include <QStatusBar>

#include <cstdio>

namespace Casegraph {

namespace {
constexpr int LoadTimeoutMs = 20000;

void printError(const QString &message) {
    std::fprintf(stderr, "casegraph: %s\n", qUtf8Printable(message));
}
} // namespace

Application::Application(int &argc, char **argv) : QApplication(argc, argv) {
    setOrganizationName(QStringLiteral("Casegraph"));
    setOrganizationDomain(QStringLiteral("casegraph.org"));
    setApplicationName(QStringLiteral("casegraph"));
    setApplicationDisplayName(QStringLiteral("Casegraph"));
    setApplicationVersion(QStringLiteral(CASEGRAPH_VERSION));
    setDesktopFileName(QStringLiteral("casegraph"));
    setWindowIcon(Models::SchemaIcons::named(QStringLiteral("casegraph")));
}

Application::~Application() {
    m_window.reset(); // before the recent-files list it refers to
}

int Application::run() {
    Translations::install(*this);
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Casegraph: a workbench for investigations, their entities and sources."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("case"), tr("The .casegraph case file to open."),
                                 QStringLiteral("[case]"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Open the demo case (a copy of the bundled demo, kept with your changes)."));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  tr("Render the window to a PNG file and exit (default layout)."), tr("file"));
    const QCommandLineOption size(QStringLiteral("size"), tr("Window size for --screenshot, e.g. 1600x1000."),
                                  tr("WxH"), QStringLiteral("1600x1000"));
    parser.addOptions({demo, shot, size});
    parser.process(*this);

    QString path = parser.positionalArguments().value(0);
    QString demoMessage;
    if (parser.isSet(demo)) {
        // One copy, reused: kept as it is once the user has worked in it (DemoCopy).
        auto copy = Models::DemoCopy::prepare();
        if (!copy) {
            printError(tr("cannot write the demo case: %1").arg(copy.error().toString()));
            return 1;
        }
        path = copy->path;
        demoMessage = Ui::DemoActions::describe(copy->outcome);
    }

    m_recentFiles = std::make_unique<Ui::RecentFiles>();
    m_window = std::make_unique<Ui::MainWindow>(m_recentFiles.get());

    if (parser.isSet(shot)) {
        static const QRegularExpression sizeRe(QStringLiteral("^(\\d+)x(\\d+)$"));
        const auto m = sizeRe.match(parser.value(size));
        if (!m.hasMatch()) {
            printError(tr("--size expects WIDTHxHEIGHT, e.g. 1600x1000"));
            return 2;
        }
        if (!path.isEmpty()) {
            if (auto st = m_window->openCase(path); !st) {
                printError(st.error().toString());
                return 1;
            }
        }
        return screenshot(parser.value(shot), QSize(m.captured(1).toInt(), m.captured(2).toInt()));
    }

    m_window->restoreLayout();
    m_window->show();
    if (!path.isEmpty()) {
        if (auto st = m_window->openCase(path); !st) {
            QMessageBox::warning(m_window.get(), tr("Cannot open the case"), st.error().toString());
        } else if (!demoMessage.isEmpty()) {
            m_window->statusBar()->showMessage(demoMessage, 15000);
        }
    }
    return exec();
}

int Application::screenshot(const QString &output, const QSize &size) {
    // The default layout, not the user's saved one, so that screenshots are reproducible.
    m_window->setLayoutPersistence(false);
    m_window->setInteractive(false);
    m_window->resize(size);
    m_window->show();
    if (!m_window->waitUntilLoaded(LoadTimeoutMs)) {
        printError(tr("the case did not finish loading"));
    }
    // The first source, then the first entity: the Inspector ends on the entity, the Sources
    // dock keeps showing the source with its highlighted passages.
    m_window->sourcesDock()->selectRow(0);
    m_window->entitiesDock()->selectRow(0);
    m_window->waitUntilLoaded(LoadTimeoutMs);
    for (int i = 0; i < 5; ++i) {
        processEvents();
    }
    const QPixmap pixmap = m_window->grab();
    if (!pixmap.save(output, "PNG")) {
        printError(tr("cannot write %1").arg(output));
        return 1;
    }
    m_window->close();
    return 0;
}

} // namespace Casegraph

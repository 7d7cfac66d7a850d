// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTextStream>

#include <memory>

class QCommandLineParser;

namespace Casegraph::Models {
class CaseFile;
struct ReferenceListVersion;
}

namespace Casegraph::Cli {

/// The `casegraph-cli` subcommands. Each prints readable text, or JSON with --json, and on
/// failure prints `FILE:LINE: reason` (or a plain reason) to stderr.
/// Exit codes: 0 success, 1 failure (including an unhealthy `check`), 2 usage error.
class CliApplication {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Cli::CliApplication)
    Q_DISABLE_COPY_MOVE(CliApplication)
public:
    explicit CliApplication(QStringList arguments);
    ~CliApplication();
    int run();

private:
    enum Exit { Success = 0, Failure = 1, Usage = 2 };

public:
    // The subcommands, public only so that the command table can point at them.
    int runNew(QCommandLineParser &parser);
    int runDemo(QCommandLineParser &parser);
    int runInfo(QCommandLineParser &parser);
    int runImport(QCommandLineParser &parser);
    int runExport(QCommandLineParser &parser);
    int runSearch(QCommandLineParser &parser);
    int runCheck(QCommandLineParser &parser);
    // commands_analytics.cpp
    int runPaths(QCommandLineParser &parser);
    int runDiversion(QCommandLineParser &parser);
    int runExposure(QCommandLineParser &parser);
    int runCentrality(QCommandLineParser &parser);
    int runRender(QCommandLineParser &parser); ///< commands_render.cpp; needs a QApplication
    int runVerify(QCommandLineParser &parser);   // commands_integrity.cpp
    int runCapture(QCommandLineParser &parser);  // commands_integrity.cpp
    int runCustody(QCommandLineParser &parser);  // commands_integrity.cpp
    // commands_screening.cpp
    int runLists(QCommandLineParser &parser);
    int runListLoad(QCommandLineParser &parser);
    int runScreen(QCommandLineParser &parser);
    int runDecide(QCommandLineParser &parser);
    // commands_merge.cpp
    int runDuplicates(QCommandLineParser &parser);
    int runMerge(QCommandLineParser &parser);
    int runSplit(QCommandLineParser &parser);
    int renderChart(QCommandLineParser &parser);    ///< commands_render.cpp
    int renderTimeline(QCommandLineParser &parser); ///< commands_timeline.cpp

private:
    /// Sets up the parser for `command`: its positional arguments and options.
    void describe(const QString &command, QCommandLineParser &parser) const;
    void describeIntegrity(const QString &command, QCommandLineParser &parser) const;
    void describeScreening(const QString &command, QCommandLineParser &parser) const;
    void describeMerge(const QString &command, QCommandLineParser &parser) const;
    void describeRender(QCommandLineParser &parser) const; ///< commands_timeline.cpp
    QString usage() const;
    /// A command's help, naming the program as users type it rather than by its full path.
    static QString commandHelp(const QCommandLineParser &parser);
public:
    /// Whether the command line runs a command that draws (render): main() then makes a QApplication.
    static bool needsWidgets(const QStringList &arguments);

private:
    int usageError(const QString &message, const QString &help = {});
    int fail(const Models::Error &error);
    int printJson(const QJsonObject &object);
    /// Opens an existing case; prints the error and returns nullptr on failure.
    std::unique_ptr<Models::CaseFile> openCase(const QString &path, bool readOnly = false);
    /// The analytics commands' options (commands_analytics.cpp).
    void describeAnalytics(const QString &command, QCommandLineParser &parser) const;
    /// A loaded list's latest version by name, or a list file loaded into the case on the fly.
    Models::Result<Models::ReferenceListVersion> resolveList(Models::CaseFile &caseFile, const QString &list,
                                                             const QString &format);

    QStringList m_arguments;
    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
};

} // namespace Casegraph::Cli

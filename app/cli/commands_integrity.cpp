// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-cli verify, capture and custody: the integrity commands.
#include "cliapplication.h"

#include "capture/custodyreport.h"
#include "capture/webcapture.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/caseverifier.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Casegraph::Models;

namespace Casegraph::Cli {

void CliApplication::describeIntegrity(const QString &command, QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("The case file."));
    if (command == QLatin1String("capture")) {
        parser.addPositionalArgument(QStringLiteral("URL"), tr("The page to fetch (http or https)."));
        parser.addOption({QStringLiteral("proxy"),
                          tr("Fetch through a proxy: http://HOST:PORT or socks5://HOST:PORT (Tor: "
                             "socks5://127.0.0.1:9050)."),
                          tr("URL")});
        parser.addOption({QStringLiteral("timeout"), tr("Give up when the server sends nothing for S seconds "
                                                        "(default: 30)."),
                          tr("S"), QStringLiteral("30")});
        parser.addOption({QStringLiteral("max-mb"), tr("Refuse pages larger than N MB (default: 50)."), tr("N"),
                          QStringLiteral("50")});
    } else {
        parser.addPositionalArgument(QStringLiteral("SOURCE-ID"), tr("The source's number (see `info`)."));
        parser.addOption({QStringLiteral("html"), tr("Write the report as HTML to OUT."), tr("OUT")});
    }
}

int CliApplication::runVerify(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    // Read-only: verification must not add to the log it checks.
    const auto caseFile = openCase(casePath, true);
    if (!caseFile) {
        return Failure;
    }
    const auto report = CaseVerifier::verify(*caseFile);
    if (!report) {
        return fail(Error{report.error().message, casePath});
    }
    if (m_json) {
        QJsonObject json = report->toJson();
        json.insert(QStringLiteral("case"), casePath);
        printJson(json);
    } else {
        for (const auto &p : report->problems) {
            m_out << casePath << ": " << p.message << '\n';
        }
        m_out << tr("%n source(s) checked", nullptr, int(report->sources)) << ", "
              << tr("%n audit entries", nullptr, int(report->entries)) << ", "
              << (report->ok() ? tr("no problem found") : tr("%n problem(s) found", nullptr, int(report->problems.size())))
              << '\n';
        if (!report->headHash.isEmpty()) {
            m_out << tr("head of the audit log: %1").arg(report->headHash) << '\n';
        }
    }
    m_out.flush();
    return report->ok() ? Success : Failure;
}

int CliApplication::runCapture(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    const QUrl url = QUrl::fromUserInput(parser.positionalArguments().at(2));
    CaptureSettings settings;
    const auto proxy = CaptureSettings::proxyFromUrl(parser.value(QStringLiteral("proxy")));
    if (!proxy) {
        return usageError(proxy.error().message);
    }
    settings.proxy = *proxy;
    bool ok = false;
    settings.timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || settings.timeoutSeconds <= 0) {
        return usageError(tr("--timeout needs a number of seconds"));
    }
    const double maxMb = parser.value(QStringLiteral("max-mb")).toDouble(&ok);
    if (!ok || maxMb <= 0) {
        return usageError(tr("--max-mb needs a positive number"));
    }
    settings.maxBytes = qint64(maxMb * 1024 * 1024);
    const auto caseFile = openCase(casePath);
    if (!caseFile) {
        return Failure;
    }
    const auto page = WebCapture::fetch(url, settings);
    if (!page) {
        return fail(Error{page.error().message, url.toString()});
    }
    const auto sourceId = WebCapture::store(*caseFile, *page);
    if (!sourceId) {
        return fail(Error{sourceId.error().message, url.toString()});
    }
    const auto source = caseFile->evidence().source(*sourceId);
    const auto entity = caseFile->entities().row(source ? source->entityRowId : 0);
    if (m_json) {
        QJsonObject json = page->record.toJson();
        json.insert(QStringLiteral("case"), casePath);
        json.insert(QStringLiteral("source"), *sourceId);
        json.insert(QStringLiteral("sha256"), page->sha256);
        json.insert(QStringLiteral("bytes"), source ? qint64(source->original.size()) : 0);
        json.insert(QStringLiteral("entity"), entity ? entity->id : QString());
        json.insert(QStringLiteral("title"), entity ? entity->caption : QString());
        return printJson(json);
    }
    m_out << tr("Captured %1 as source %2 (\"%3\")").arg(page->record.finalUrl.toString()).arg(*sourceId)
                 .arg(entity ? entity->caption : QString())
          << '\n'
          << tr("SHA-256 %1, %n byte(s), fetched %2 UTC", nullptr, source ? int(source->original.size()) : 0)
                 .arg(page->sha256, page->record.fetchedAt.toString(Qt::ISODate))
          << '\n';
    m_out.flush();
    return Success;
}

int CliApplication::runCustody(QCommandLineParser &parser)
{
    const QString casePath = parser.positionalArguments().at(1);
    bool ok = false;
    const qint64 sourceId = parser.positionalArguments().at(2).toLongLong(&ok);
    if (!ok || sourceId <= 0) {
        return usageError(tr("SOURCE-ID must be a source's number"));
    }
    const auto caseFile = openCase(casePath, true);
    if (!caseFile) {
        return Failure;
    }
    const auto report = CustodyReport::build(*caseFile, sourceId);
    if (!report) {
        return fail(Error{report.error().message, casePath});
    }
    const QString htmlPath = parser.value(QStringLiteral("html"));
    if (!htmlPath.isEmpty()) {
        QSaveFile file(htmlPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(report->toHtml().toUtf8()) < 0 || !file.commit()) {
            return fail(Error{tr("cannot write the report: %1").arg(file.errorString()), htmlPath});
        }
    }
    if (m_json) {
        QJsonObject json{{QStringLiteral("case"), casePath},
                         {QStringLiteral("source"), sourceId},
                         {QStringLiteral("intact"), report->intact()},
                         {QStringLiteral("text"), report->toText()}};
        return printJson(json);
    }
    if (htmlPath.isEmpty()) {
        m_out << report->toText();
    } else {
        m_out << tr("Wrote %1").arg(htmlPath) << '\n';
    }
    m_out.flush();
    return report->intact() ? Success : Failure;
}

} // namespace Casegraph::Cli

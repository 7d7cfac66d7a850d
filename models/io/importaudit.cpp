// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importaudit.h"
#include "importjob.h"
#include "storage/casefile.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace Casegraph::Models::ImportAudit {

std::future<QString> hashFile(const QString &path)
{
    return std::async(std::launch::async, [path]() -> QString {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            return {};
        }
        return QString::fromLatin1(hash.result().toHex());
    });
}

Status record(CaseFile &caseFile, const QString &path, const ImportResult &result, std::future<QString> &hash)
{
    const QJsonObject after{{QStringLiteral("file"), QFileInfo(path).fileName()},
                            {QStringLiteral("path"), QFileInfo(path).absoluteFilePath()},
                            {QStringLiteral("format"), result.format},
                            {QStringLiteral("sha256"), hash.valid() ? hash.get() : QString()},
                            {QStringLiteral("provenance"), result.provenanceId},
                            {QStringLiteral("created"), result.created},
                            {QStringLiteral("merged"), result.merged},
                            {QStringLiteral("unchanged"), result.unchanged},
                            {QStringLiteral("rejected"), qint64(result.rejected.size())},
                            {QStringLiteral("sources"), result.sources}};
    return caseFile.appendAudit(QStringLiteral("import"), {}, after);
}

} // namespace Casegraph::Models::ImportAudit

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importaudit.h"
#include "importjob.h"
#include "storage/casefile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

#include <sodium.h>

namespace Casegraph::Models::ImportAudit {

std::future<QString> hashFile(const QString &path)
{
    return std::async(std::launch::async, [path]() -> QString {
        // libsodium's SHA-256 is about five times faster than QCryptographicHash's, and this thread
        // shares the machine with the parser and the writer. Reading the file a second time costs
        // little beside the hashing: both reads go through the same page cache.
        QFile file(path);
        if (sodium_init() < 0 || !file.open(QIODevice::ReadOnly)) {
            return {};
        }
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (;;) {
            const qint64 n = file.read(buffer.data(), buffer.size());
            if (n < 0) {
                return {};
            }
            if (n == 0) {
                break;
            }
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(buffer.constData()),
                                      quint64(n));
        }
        unsigned char out[crypto_hash_sha256_BYTES];
        crypto_hash_sha256_final(&state, out);
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(out), sizeof out).toHex());
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

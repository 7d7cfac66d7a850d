// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Casegraph::Models {

class CaseFile;

/// How a source's bytes were fetched from the web (table `capture`, schema version 4).
struct CaptureRecord {
    qint64 id = 0;
    qint64 sourceId = 0;
    QUrl requestedUrl;
    QUrl finalUrl;             ///< after redirects
    QList<QUrl> redirects;     ///< every URL redirected to, in order
    int status = 0;            ///< HTTP status of the final response
    QList<QPair<QByteArray, QByteArray>> headers; ///< as received
    QDateTime fetchedAt;       ///< UTC
    QString proxy;             ///< "socks5://host:port", or empty for a direct fetch
    QString actor;
    QJsonObject toJson() const;
};

/// Stores and reads capture records. Owned by nobody: call with an open CaseFile.
class CaptureStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CaptureStore)
public:
    /// Inside the caller's transaction.
    static Result<qint64> add(CaseFile &caseFile, const CaptureRecord &record);
    static QList<CaptureRecord> forSource(const CaseFile &caseFile, qint64 sourceId);
};

} // namespace Casegraph::Models

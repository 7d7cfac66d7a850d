// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "storage/capturestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QObject>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace Casegraph::Models {

class CaseFile;

/// How to fetch: from the preferences (GUI) or the command line.
struct CaptureSettings {
    int timeoutSeconds = 30;                    ///< give up when the server sends nothing this long
    qint64 maxBytes = 50LL * 1024 * 1024;       ///< larger bodies are refused, nothing is stored
    int maxRedirects = 10;
    QNetworkProxy proxy{QNetworkProxy::NoProxy}; ///< HTTP or SOCKS5 (Tor); host names resolve at the proxy
    /// "http://HOST:PORT", "socks5://HOST:PORT" (or socks5h), or empty for none.
    static Result<QNetworkProxy> proxyFromUrl(const QString &url);
    static QString proxyToUrl(const QNetworkProxy &proxy);
};

/// A fetched page: the exact body bytes with everything needed to say where and when they came from.
struct CapturedPage {
    CaptureRecord record; ///< URLs, redirects, status, headers, time, proxy
    QByteArray body;      ///< exactly as received (Accept-Encoding: identity, so never re-encoded)
    QString sha256;       ///< hex, of body
    QString contentType;  ///< MIME type without parameters
    QString charset;      ///< from the Content-Type header, or empty
};

/// Fetches one URL with Qt Network, only when the user asks (File > Capture Web Page,
/// `casegraph-cli capture`). Asynchronous: start(), then finished(); the GUI stays responsive and
/// can cancel(). fetch() wraps it in a local event loop for the command line.
///
/// Redirects are followed (no https → http downgrade) up to a limit and recorded; the body is
/// capped (over the cap the transfer is aborted and nothing is kept); a server that sends nothing
/// for the timeout is given up on; HTTP errors (404 …) are errors. Thread affinity: the thread
/// that created it (it needs that thread's event loop).
class WebCapture final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebCapture)
public:
    explicit WebCapture(QObject *parent = nullptr);
    ~WebCapture() override;

    void start(const QUrl &url, const CaptureSettings &settings);
    void cancel();
    bool isRunning() const { return m_reply != nullptr; }
    /// After finished(): the page, or why there is none.
    const Result<CapturedPage> &result() const { return m_result; }

    static Result<CapturedPage> fetch(const QUrl &url, const CaptureSettings &settings);
    /// Keeps a fetched page in the case, in one transaction: the source (original bytes, SHA-256,
    /// text), an Article entity, the capture record and a "source.capture" audit entry. Bytes
    /// the case already holds gain only a new capture record. Returns the source id.
    static Result<qint64> store(CaseFile &caseFile, const CapturedPage &page);

Q_SIGNALS:
    void progressed(qint64 received, qint64 total);
    void finished();

private:
    void onReadyRead();
    void onMetaData();
    void onFinished();
    void abortWith(const QString &message);

    QNetworkAccessManager *m_manager = nullptr;
    QNetworkReply *m_reply = nullptr;
    QTimer m_idle;
    CaptureSettings m_settings;
    CapturedPage m_page;
    std::optional<QString> m_abortReason;
    Result<CapturedPage> m_result{Error{}};
};

} // namespace Casegraph::Models

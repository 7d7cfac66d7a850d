// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "webcapture.h"
#include "io/documentreader.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/sqlite.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Casegraph::Models {

namespace {

/// The MIME type and charset parameter of a Content-Type header.
QPair<QString, QString> splitContentType(const QByteArray &header)
{
    const QList<QByteArray> parts = header.split(';');
    QString charset;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QByteArray p = parts.at(i).trimmed();
        if (p.toLower().startsWith("charset=")) {
            charset = QString::fromLatin1(p.mid(8)).remove(QLatin1Char('"')).remove(QLatin1Char('\'')).trimmed();
        }
    }
    return {QString::fromLatin1(parts.value(0).trimmed()).toLower(), charset};
}

/// What DocumentReader should read the body as, from the MIME type or, failing that, the bytes.
std::optional<DocumentReader::Kind> kindOf(const CapturedPage &page)
{
    const QString &type = page.contentType;
    if (type == QLatin1String("text/html") || type == QLatin1String("application/xhtml+xml")) {
        return DocumentReader::Kind::Html;
    }
    if (type == QLatin1String("application/pdf") || page.body.startsWith("%PDF-")) {
        return DocumentReader::Kind::Pdf;
    }
    if (DocumentReader::sniffHtml(QString(), page.body.left(1024)) > 0) {
        return DocumentReader::Kind::Html;
    }
    if (type.startsWith(QLatin1String("text/"))) {
        return DocumentReader::Kind::Text;
    }
    return std::nullopt;
}

/// "host/last-segment" (or "host/" for the root): readable in the Sources dock and reports.
QString fileNameFor(const QUrl &url)
{
    const QString name = url.fileName();
    return url.host() + QLatin1Char('/') + (name.isEmpty() ? QString() : name);
}

} // namespace

Result<QNetworkProxy> CaptureSettings::proxyFromUrl(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        return QNetworkProxy(QNetworkProxy::NoProxy);
    }
    const QUrl url(text.trimmed());
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type;
    if (scheme == QLatin1String("http")) {
        type = QNetworkProxy::HttpProxy;
    } else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h")) {
        type = QNetworkProxy::Socks5Proxy;
    } else {
        return Error{WebCapture::tr("unsupported proxy \"%1\": use http://HOST:PORT or socks5://HOST:PORT").arg(text)};
    }
    if (url.host().isEmpty() || url.port() <= 0) {
        return Error{WebCapture::tr("the proxy \"%1\" needs a host and a port").arg(text)};
    }
    QNetworkProxy proxy(type, url.host(), quint16(url.port()), url.userName(), url.password());
    // Name lookups at the proxy: with Tor, the destination's name never reaches the local resolver.
    proxy.setCapabilities(proxy.capabilities() | QNetworkProxy::HostNameLookupCapability);
    return proxy;
}

QString CaptureSettings::proxyToUrl(const QNetworkProxy &proxy)
{
    switch (proxy.type()) {
    case QNetworkProxy::HttpProxy:
        return QStringLiteral("http://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    case QNetworkProxy::Socks5Proxy:
        return QStringLiteral("socks5://%1:%2").arg(proxy.hostName()).arg(proxy.port());
    default:
        return {};
    }
}

WebCapture::WebCapture(QObject *parent) : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        abortWith(tr("the server sent nothing for %n second(s); nothing was stored", nullptr,
                     m_settings.timeoutSeconds));
    });
}

WebCapture::~WebCapture()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void WebCapture::start(const QUrl &url, const CaptureSettings &settings)
{
    cancel();
    m_settings = settings;
    m_page = CapturedPage{};
    m_page.record.requestedUrl = url;
    m_page.record.proxy = CaptureSettings::proxyToUrl(settings.proxy);
    m_abortReason.reset();
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        m_result = Error{tr("\"%1\" is not a web address (http:// or https://)").arg(url.toString())};
        QMetaObject::invokeMethod(this, &WebCapture::finished, Qt::QueuedConnection);
        return;
    }
    m_manager->setProxy(settings.proxy);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(settings.maxRedirects);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // The evidentiary copy is the body as the server sent it: ask for no content coding, so
    // that Qt neither negotiates gzip nor decompresses behind our back.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Casegraph/%1 (evidence capture)")
                                                            .arg(QCoreApplication::applicationVersion()));
    m_reply = m_manager->get(request);
    connect(m_reply, &QNetworkReply::readyRead, this, &WebCapture::onReadyRead);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &WebCapture::onMetaData);
    connect(m_reply, &QNetworkReply::finished, this, &WebCapture::onFinished);
    connect(m_reply, &QNetworkReply::redirected, this, [this](const QUrl &to) {
        m_page.record.redirects.append(to);
        m_idle.start();
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progressed(received, total);
    });
    m_idle.start(std::max(1, settings.timeoutSeconds) * 1000);
}

void WebCapture::cancel()
{
    if (m_reply) {
        abortWith(tr("cancelled; nothing was stored"));
    }
}

void WebCapture::abortWith(const QString &message)
{
    if (!m_reply || m_abortReason) {
        return;
    }
    m_abortReason = message;
    m_reply->abort(); // finished() follows, synchronously
}

void WebCapture::onMetaData()
{
    m_idle.start();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > m_settings.maxBytes) {
        abortWith(tr("the page is %1 MB, over the limit of %2 MB; nothing was stored")
                      .arg(double(length.toLongLong()) / (1024 * 1024), 0, 'f', 1)
                      .arg(double(m_settings.maxBytes) / (1024 * 1024), 0, 'f', 1));
    }
}

void WebCapture::onReadyRead()
{
    m_idle.start();
    m_page.body += m_reply->readAll();
    if (m_page.body.size() > m_settings.maxBytes) {
        m_page.body.clear();
        abortWith(tr("the page is larger than the limit of %1 MB; nothing was stored")
                      .arg(double(m_settings.maxBytes) / (1024 * 1024), 0, 'f', 1));
    }
}

void WebCapture::onFinished()
{
    m_idle.stop();
    QNetworkReply *reply = std::exchange(m_reply, nullptr);
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    if (m_abortReason) {
        m_result = Error{*m_abortReason};
    } else if (reply->error() == QNetworkReply::TooManyRedirectsError) {
        m_result = Error{tr("more than %1 redirects; nothing was stored").arg(m_settings.maxRedirects)};
    } else if (reply->error() == QNetworkReply::InsecureRedirectError) {
        m_result = Error{tr("the server redirected from https to plain http; nothing was stored")};
    } else if (status >= 400) {
        m_result = Error{tr("the server answered %1 %2; nothing was stored").arg(status).arg(reason)};
    } else if (reply->error() != QNetworkReply::NoError) {
        m_result = Error{tr("cannot fetch the page: %1").arg(reply->errorString())};
    } else {
        m_page.body += reply->readAll();
        if (m_page.body.size() > m_settings.maxBytes) {
            m_result = Error{tr("the page is larger than the limit of %1 MB; nothing was stored")
                                 .arg(double(m_settings.maxBytes) / (1024 * 1024), 0, 'f', 1)};
        } else {
            CaptureRecord &r = m_page.record;
            r.fetchedAt = QDateTime::currentDateTimeUtc();
            r.finalUrl = reply->url();
            r.status = status;
            r.headers = reply->rawHeaderPairs();
            const auto [type, charset] = splitContentType(reply->rawHeader("Content-Type"));
            m_page.contentType = type;
            m_page.charset = charset;
            m_page.sha256 =
                QString::fromLatin1(QCryptographicHash::hash(m_page.body, QCryptographicHash::Sha256).toHex());
            m_result = m_page;
        }
    }
    m_page.body.clear();
    Q_EMIT finished();
}

Result<CapturedPage> WebCapture::fetch(const QUrl &url, const CaptureSettings &settings)
{
    WebCapture capture;
    QEventLoop loop;
    connect(&capture, &WebCapture::finished, &loop, &QEventLoop::quit);
    capture.start(url, settings);
    loop.exec();
    return capture.result();
}

Result<qint64> WebCapture::store(CaseFile &caseFile, const CapturedPage &page)
{
    const auto kind = kindOf(page);
    if (!kind) {
        return Error{tr("Casegraph keeps web pages, PDF and text; this address returned \"%1\"")
                         .arg(page.contentType.isEmpty() ? tr("no content type") : page.contentType)};
    }
    auto read = DocumentReader::read(*kind, page.body, fileNameFor(page.record.finalUrl), page.charset, true);
    if (!read) {
        return read.error();
    }
    DocumentReader::Document document = std::move(read).value();
    // The address it was fetched from is the article's source URL (unless the page names its own).
    if (document.entity.first(QStringLiteral("sourceUrl")).isEmpty()) {
        document.entity.add(QStringLiteral("sourceUrl"), page.record.finalUrl.toString());
    }
    auto &db = caseFile.database();
    Sql::Transaction tx(db);
    if (!tx.isActive()) {
        return Error{db.lastError()};
    }
    qint64 sourceId = caseFile.evidence().sourceIdByHash(page.sha256);
    const bool known = sourceId > 0;
    if (!known) {
        const auto prov = caseFile.addProvenance(Provenance::Kind::Import, page.record.finalUrl.toString(), 0,
                                                 QStringLiteral("capture"));
        if (!prov) {
            return prov.error();
        }
        if (auto written = caseFile.entities().write(document.entity, *prov); !written) {
            return written.error();
        }
        Source source = document.source;
        source.entityRowId = caseFile.entities().rowIdOf(document.entity.id);
        source.url = page.record.finalUrl.toString();
        source.importedAt = page.record.fetchedAt;
        auto added = caseFile.evidence().addSource(source);
        if (!added) {
            return added.error();
        }
        sourceId = *added;
    }
    CaptureRecord record = page.record;
    record.sourceId = sourceId;
    record.actor = caseFile.actor();
    if (auto id = CaptureStore::add(caseFile, record); !id) {
        return id.error();
    }
    QJsonObject after = record.toJson();
    after.insert(QStringLiteral("sha256"), page.sha256);
    after.insert(QStringLiteral("bytes"), qint64(page.body.size()));
    after.insert(QStringLiteral("entity"), document.entity.id);
    after.insert(QStringLiteral("newSource"), !known);
    if (auto st = caseFile.appendAudit(QStringLiteral("source.capture"), {}, after,
                                       QStringLiteral("source:%1").arg(sourceId));
        !st) {
        return st.error();
    }
    if (auto st = tx.commit(); !st) {
        return st.error();
    }
    Q_EMIT caseFile.entitiesReset();
    Q_EMIT caseFile.sourcesChanged();
    return sourceId;
}

} // namespace Casegraph::Models

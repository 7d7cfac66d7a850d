// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capture/custodyreport.h"
#include "capture/webcapture.h"
#include "commands/caseeditor.h"
#include "commands/evidenceeditor.h"
#include "storage/auditlog.h"
#include "storage/capturestore.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "support/testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

/// A tiny HTTP/1.1 server on 127.0.0.1 with the cases web capture must handle. It also answers
/// proxy requests (absolute URLs in the request line), so that it can stand in for a proxy.
class TestServer : public QTcpServer {
public:
    QStringList requestLines;
    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray &buffer = m_buffers[socket];
            buffer += socket->readAll();
            if (!buffer.contains("\r\n\r\n")) {
                return;
            }
            const QByteArray line = buffer.left(buffer.indexOf("\r\n"));
            requestLines << QString::fromLatin1(line);
            buffer.clear();
            answer(socket, line.split(' ').value(1));
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    static void reply(QTcpSocket *socket, const QByteArray &status, const QByteArray &headers, const QByteArray &body)
    {
        socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " + QByteArray::number(body.size()) +
                      "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    void answer(QTcpSocket *socket, const QByteArray &target)
    {
        if (target.startsWith("http://evidence.invalid/")) {
            reply(socket, "200 OK", "Content-Type: text/html; charset=utf-8\r\n",
                  "<html><head><title>Via proxy</title></head><body><p>Fetched through the proxy.</p></body></html>");
        } else if (target == "/r1") {
            reply(socket, "302 Found", "Location: /r2\r\n", {});
        } else if (target == "/r2") {
            reply(socket, "301 Moved Permanently", "Location: /final.html\r\n", {});
        } else if (target == "/final.html") {
            reply(socket, "200 OK", "Content-Type: text/html; charset=utf-8\r\nX-Evidence: kept\r\n",
                  "<html><head><title>Final page</title></head><body><p>SenseNets tracked 2.5 million "
                  "people.</p></body></html>");
        } else if (target == "/loop") {
            reply(socket, "302 Found", "Location: /loop\r\n", {});
        } else if (target == "/cp1252") {
            // windows-1252 declared only in the header: é = E9, curly quotes = 93/94.
            reply(socket, "200 OK", "Content-Type: text/html; charset=windows-1252\r\n",
                  "<html><head><title>Caf\xe9</title></head><body><p>The \x93" "caf\xe9\x94 list.</p></body></html>");
        } else if (target == "/gb18030") {
            // GB18030 declared only in a <meta>: 华为 = BB AA CE AA.
            reply(socket, "200 OK", "Content-Type: text/html\r\n",
                  "<html><head><meta charset=\"gb18030\"><title>\xbb\xaa\xce\xaa</title></head><body><p>\xbb\xaa\xce"
                  "\xaa\xbc\xbc\xca\xf5</p></body></html>");
        } else if (target == "/missing") {
            reply(socket, "404 Not Found", "Content-Type: text/html\r\n", "<html><body>gone</body></html>");
        } else if (target == "/slow") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<html>");
        } else if (target == "/huge") {
            // No Content-Length: the cap must hold while the body streams in.
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body>");
            socket->write(QByteArray(3 * 1024 * 1024, 'x'));
            socket->disconnectFromHost();
        } else if (target == "/huge-declared") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 104857600\r\n\r\n<html>");
        } else {
            reply(socket, "500 Internal Server Error", {}, {});
        }
    }
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

/// Web capture against a server of our own on 127.0.0.1: redirects, charsets, errors, timeouts,
/// the size cap and a proxy. What is stored is compared byte for byte with what was served.
class CaptureTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void redirectChainIsFollowedAndRecorded();
    void headerCharsetWindows1252();
    void metaCharsetGb18030();
    void notFoundStoresNothing();
    void tooManyRedirects();
    void timeout();
    void hugeBodyIsCapped();
    void hugeDeclaredLengthIsRefusedEarly();
    void proxyIsHonoured();
    void sameBytesTwiceKeepOneSource();
    void cancelStopsTheTransfer();
    void cliCapture();
    void custodyReportOfACapturedSource();

private:
    void expectNothingStored(const Result<CapturedPage> &page, const QString &message);
    TestServer m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<CaseFile> m_case;
    CaptureSettings m_settings;
};

void CaptureTest::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

void CaptureTest::init()
{
    m_case = std::make_unique<CaseFile>();
    const QString path = m_dir.filePath(QStringLiteral("%1.casegraph").arg(QTest::currentTestFunction()));
    QVERIFY(m_case->create(path).ok());
    m_settings = CaptureSettings{};
    m_settings.timeoutSeconds = 2;
}

void CaptureTest::expectNothingStored(const Result<CapturedPage> &page, const QString &message)
{
    QVERIFY(!page.ok());
    QVERIFY2(page.error().message.contains(message), qPrintable(page.error().message));
    QVERIFY(page.error().message.contains(QLatin1String("nothing was stored")));
    QCOMPARE(m_case->info().sources, 0);
}

void CaptureTest::redirectChainIsFollowedAndRecorded()
{
    const auto page = WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/r1"))), m_settings);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    QCOMPARE(page->record.finalUrl.path(), QStringLiteral("/final.html"));
    QCOMPARE(page->record.redirects.size(), 2);
    QCOMPARE(page->record.status, 200);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const auto sourceId = WebCapture::store(*m_case, *page);
    QVERIFY2(sourceId.ok(), qPrintable(sourceId.ok() ? QString() : sourceId.error().message));
    const auto source = m_case->evidence().source(*sourceId);
    QVERIFY(source.has_value());
    // The exact bytes, their hash, the final URL and the text.
    QCOMPARE(source->original, QByteArray("<html><head><title>Final page</title></head><body><p>SenseNets tracked "
                                          "2.5 million people.</p></body></html>"));
    QCOMPARE(source->sha256, page->sha256);
    QCOMPARE(source->url, m_server.url(QStringLiteral("/final.html")));
    QVERIFY(source->text.contains(QLatin1String("SenseNets tracked 2.5 million people.")));
    const auto entity = m_case->entities().entity(source->entityRowId);
    QCOMPARE(entity->schema, QStringLiteral("Article"));
    QCOMPARE(entity->first(QStringLiteral("title")), QStringLiteral("Final page"));
    // The capture record: requested URL, redirects, headers, UTC time.
    const auto captures = CaptureStore::forSource(*m_case, *sourceId);
    QCOMPARE(captures.size(), 1);
    const CaptureRecord &r = captures.first();
    QCOMPARE(r.requestedUrl.path(), QStringLiteral("/r1"));
    QCOMPARE(r.redirects.first().path(), QStringLiteral("/r2"));
    QVERIFY(r.headers.contains(qMakePair(QByteArray("X-Evidence"), QByteArray("kept"))));
    QCOMPARE(r.fetchedAt.timeSpec(), Qt::UTC);
    QVERIFY(qAbs(r.fetchedAt.secsTo(before)) < 60);
    // Logged, and the case verifies.
    const auto last = m_case->audit().entries().last();
    QCOMPARE(last.action, QStringLiteral("source.capture"));
    QCOMPARE(last.target, QStringLiteral("source:%1").arg(*sourceId));
    QCOMPARE(last.after.value(QStringLiteral("sha256")).toString(), page->sha256);
    const auto report = CaseVerifier::verify(*m_case);
    QVERIFY(report.ok() && report->ok());
}

void CaptureTest::headerCharsetWindows1252()
{
    const auto page = WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/cp1252"))), m_settings);
    QVERIFY(page.ok());
    QCOMPARE(page->charset, QStringLiteral("windows-1252"));
    const auto id = WebCapture::store(*m_case, *page);
    QVERIFY(id.ok());
    const auto source = m_case->evidence().source(*id);
    QVERIFY2(source->text.contains(QStringLiteral("The \u201ccaf\u00e9\u201d list.")), qPrintable(source->text));
    QVERIFY(source->original.contains("\x93" "caf\xe9\x94")); // the original stays as served
}

void CaptureTest::metaCharsetGb18030()
{
    const auto page = WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/gb18030"))), m_settings);
    QVERIFY(page.ok());
    const auto id = WebCapture::store(*m_case, *page);
    QVERIFY(id.ok());
    const auto source = m_case->evidence().source(*id);
    QVERIFY2(source->text.contains(QStringLiteral("华为技术")), qPrintable(source->text));
    QCOMPARE(m_case->entities().entity(source->entityRowId)->first(QStringLiteral("title")), QStringLiteral("华为"));
}

void CaptureTest::notFoundStoresNothing()
{
    const int entries = m_case->audit().entries().size();
    expectNothingStored(WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/missing"))), m_settings),
                        QStringLiteral("the server answered 404 Not Found"));
    QCOMPARE(m_case->audit().entries().size(), entries);
}

void CaptureTest::tooManyRedirects()
{
    m_settings.maxRedirects = 3;
    expectNothingStored(WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/loop"))), m_settings),
                        QStringLiteral("more than 3 redirects"));
}

void CaptureTest::timeout()
{
    m_settings.timeoutSeconds = 1;
    QElapsedTimer timer;
    timer.start();
    expectNothingStored(WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/slow"))), m_settings),
                        QStringLiteral("sent nothing for 1 second"));
    QVERIFY(timer.elapsed() < 5000);
}

void CaptureTest::hugeBodyIsCapped()
{
    m_settings.maxBytes = 1024 * 1024;
    expectNothingStored(WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/huge"))), m_settings),
                        QStringLiteral("larger than the limit of 1.0 MB"));
}

void CaptureTest::hugeDeclaredLengthIsRefusedEarly()
{
    m_settings.maxBytes = 1024 * 1024;
    expectNothingStored(WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/huge-declared"))), m_settings),
                        QStringLiteral("the page is 100.0 MB, over the limit of 1.0 MB"));
}

void CaptureTest::proxyIsHonoured()
{
    auto proxy = CaptureSettings::proxyFromUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    QVERIFY(proxy.ok());
    m_settings.proxy = *proxy;
    // A name that cannot resolve: only the proxy can answer it.
    const auto page = WebCapture::fetch(QUrl(QStringLiteral("http://evidence.invalid/page")), m_settings);
    QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
    QVERIFY(m_server.requestLines.last().startsWith(QLatin1String("GET http://evidence.invalid/page ")));
    const auto id = WebCapture::store(*m_case, *page);
    QVERIFY(id.ok());
    QCOMPARE(CaptureStore::forSource(*m_case, *id).first().proxy,
             QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    QVERIFY(!CaptureSettings::proxyFromUrl(QStringLiteral("ftp://x:1")).ok());
    QCOMPARE(CaptureSettings::proxyFromUrl(QStringLiteral("socks5://127.0.0.1:9050"))->type(),
             QNetworkProxy::Socks5Proxy);
}

void CaptureTest::sameBytesTwiceKeepOneSource()
{
    const QUrl url(m_server.url(QStringLiteral("/final.html")));
    const auto first = WebCapture::store(*m_case, *WebCapture::fetch(url, m_settings));
    const auto second = WebCapture::store(*m_case, *WebCapture::fetch(url, m_settings));
    QVERIFY(first.ok() && second.ok());
    QCOMPARE(*first, *second);
    QCOMPARE(m_case->info().sources, 1);
    QCOMPARE(CaptureStore::forSource(*m_case, *first).size(), 2);
}

void CaptureTest::cancelStopsTheTransfer()
{
    WebCapture capture;
    QSignalSpy done(&capture, &WebCapture::finished);
    capture.start(QUrl(m_server.url(QStringLiteral("/slow"))), m_settings);
    QTest::qWait(200);
    QVERIFY(capture.isRunning());
    capture.cancel();
    QVERIFY(done.count() == 1 || done.wait(2000));
    QVERIFY(!capture.result().ok());
    QVERIFY(capture.result().error().message.contains(QLatin1String("cancelled")));
}

void CaptureTest::cliCapture()
{
#ifdef CASEGRAPH_CLI
    // The server runs in this process: wait for the CLI with the event loop running.
    QProcess cli;
    cli.start(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("--actor"), QStringLiteral("dana"),
                                                QStringLiteral("capture"), m_case->path(),
                                                m_server.url(QStringLiteral("/r1")), QStringLiteral("--json")});
    QSignalSpy finished(&cli, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    const QString out = QString::fromUtf8(cli.readAllStandardOutput());
    QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
    QVERIFY(out.contains(QLatin1String("final.html")));
    CaseFile reopened;
    QVERIFY(reopened.open(m_case->path(), CaseFile::OpenMode::ReadOnly).ok());
    QCOMPARE(reopened.info().sources, 1);
    QCOMPARE(reopened.audit().entries().last().actor, QStringLiteral("dana"));
#else
    QSKIP("casegraph-cli is not built");
#endif
}

void CaptureTest::custodyReportOfACapturedSource()
{
    // Capture, quote a passage as support for a claim, grade it: the report names the capture
    // (URL, redirects, time), every change that touched the source and every claim using it.
    const auto page = WebCapture::fetch(QUrl(m_server.url(QStringLiteral("/r1"))), m_settings);
    QVERIFY(page.ok());
    const auto sourceId = WebCapture::store(*m_case, *page);
    QVERIFY(sourceId.ok());
    const auto source = m_case->evidence().source(*sourceId);
    CaseEditor editor(*m_case);
    const auto sensenets = editor.createEntity(QStringLiteral("Company"), QStringLiteral("SenseNets"));
    QVERIFY(sensenets.ok());
    const QString quote = QStringLiteral("SenseNets tracked 2.5 million people.");
    ExcerptAttachment a;
    a.entityRowId = *sensenets;
    a.sourceId = *sourceId;
    a.start = source->text.indexOf(quote); // ASCII text: UTF-16 index = code points
    a.end = a.start + quote.size();
    a.quote = quote;
    a.reliability = QStringLiteral("B");
    const auto excerpt = EvidenceEditor(editor).attachExcerpt(a);
    QVERIFY(excerpt.ok());
    QVERIFY(EvidenceEditor(editor).grade(*excerpt, QStringLiteral("A"), Excerpt::Stance::Supports, QStringLiteral("2"),
                                         ClaimStatus::Corroborated)
                .ok());

    const auto report = CustodyReport::build(*m_case, *sourceId);
    QVERIFY(report.ok());
    QVERIFY(report->intact());
    const QString text = report->toText();
    for (const QString &expected : {m_server.url(QStringLiteral("/r1")), m_server.url(QStringLiteral("/final.html")),
                                    source->sha256, QStringLiteral("source.capture"), quote, QStringLiteral("SenseNets")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    }
    const QString html = report->toHtml();
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")) || html.contains(QLatin1String("<html")));
    QVERIFY(html.contains(source->sha256));
    QVERIFY(html.contains(quote.toHtmlEscaped()));
    QVERIFY(!html.contains(QLatin1String("<script")));
}

QTEST_MAIN(CaptureTest)
#include "capture_test.moc"

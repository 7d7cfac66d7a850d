// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "support/testsupport.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

/// Runs the real `casegraph` executable with --screenshot, as the documentation and CI do, and
/// checks that the PNG shows a window: the requested size, and not a blank or one-colour image.
class ScreenshotUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void screenshotOfACase();
    void screenshotOfTheDemo();
    void missingCaseFails();

private:
    /// Variance of the grey level and the number of distinct colours.
    static QPair<double, int> spread(const QImage &image);
    QProcess::ProcessError runGui(const QStringList &args, int *exitCode, QString *err);

    QTemporaryDir m_dir;
    QString m_case;
};

void ScreenshotUiTest::initTestCase() {
#ifndef CASEGRAPH_GUI
    QSKIP("the casegraph executable is not built");
#endif
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("shot.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_case, QStringLiteral("Screenshot case")).ok());
    const qint64 prov = *cf.addProvenance(Provenance::Kind::Import, QStringLiteral("shot.json"));
    qint64 first = 0;
    for (const char *name : {"Acme Vision Ltd", "Baltic Logistics", "Orion Holdings", "Zenith Mining"}) {
        Entity e;
        e.schema = QStringLiteral("Company");
        e.add(QStringLiteral("name"), QString::fromUtf8(name));
        e.add(QStringLiteral("country"), QStringLiteral("cn"));
        const qint64 row = *cf.entities().create(e, prov);
        first = first ? first : row;
    }
    Entity article;
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Cameras for the police"));
    Source s;
    s.entityRowId = *cf.entities().create(article, prov);
    s.fileName = QStringLiteral("cameras.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.text = QStringLiteral("Acme Vision Ltd sold cameras to the police in 2019.");
    s.original = s.text.toUtf8();
    const qint64 source = *cf.evidence().addSource(s);
    Claim c;
    c.entityRowId = first;
    c.property = QStringLiteral("name");
    c.value = QStringLiteral("Acme Vision Ltd");
    c.excerpts << Excerpt{0, 0, source, 0, 15, QStringLiteral("Acme Vision Ltd")};
    QVERIFY(cf.evidence().addClaim(c).ok());
}

QPair<double, int> ScreenshotUiTest::spread(const QImage &image) {
    double sum = 0, sumSquares = 0;
    QSet<QRgb> colours;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            const double g = qGray(p);
            sum += g;
            sumSquares += g * g;
            colours.insert(p);
            ++n;
        }
    }
    const double mean = sum / double(n);
    return {sumSquares / double(n) - mean * mean, int(colours.size())};
}

QProcess::ProcessError ScreenshotUiTest::runGui(const QStringList &args, int *exitCode, QString *err) {
#ifdef CASEGRAPH_GUI
    QProcess p;
    // The demo goes to AppLocalDataLocation and settings to the config folder: keep both here.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASEGRAPH_GUI), args);
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        *err = p.errorString();
        return p.error();
    }
    *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    *err = QString::fromUtf8(p.readAllStandardError());
    return QProcess::UnknownError;
#else
    Q_UNUSED(args);
    Q_UNUSED(exitCode);
    Q_UNUSED(err);
    return QProcess::FailedToStart;
#endif
}

void ScreenshotUiTest::screenshotOfACase() {
    const QString png = m_dir.filePath(QStringLiteral("case.png"));
    int exitCode = -1;
    QString err;
    QCOMPARE(runGui({m_case, QStringLiteral("--screenshot"), png, QStringLiteral("--size"), QStringLiteral("1280x800")},
                    &exitCode, &err),
             QProcess::UnknownError);
    QVERIFY2(exitCode == 0, qPrintable(err));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1280, 800));
    const auto [variance, colours] = spread(image);
    QVERIFY2(variance > 100, qPrintable(QString::number(variance)));
    QVERIFY2(colours > 50, qPrintable(QString::number(colours)));
    // The layout is the default one, never the user's: nothing was saved either.
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("config/Casegraph/casegraph.conf"))) ||
            !QString::fromUtf8([&] {
                 QFile f(m_dir.filePath(QStringLiteral("config/Casegraph/casegraph.conf")));
                 return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
             }())
                 .contains(QLatin1String("mainWindow/state")));
}

void ScreenshotUiTest::screenshotOfTheDemo() {
    const QString png = m_dir.filePath(QStringLiteral("demo.png"));
    int exitCode = -1;
    QString err;
    QCOMPARE(runGui({QStringLiteral("--demo"), QStringLiteral("--screenshot"), png}, &exitCode, &err),
             QProcess::UnknownError);
    QVERIFY2(exitCode == 0, qPrintable(err));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1600, 1000)); // the default size
    const auto [variance, colours] = spread(image);
    QVERIFY2(variance > 100, qPrintable(QString::number(variance)));
    QVERIFY2(colours > 50, qPrintable(QString::number(colours)));
    // The demo was written to its one copy under the application's data folder.
    const QStringList demos = QDir(m_dir.filePath(QStringLiteral("data/Casegraph/casegraph")))
                                  .entryList({QStringLiteral("*.casegraph")});
    QCOMPARE(demos, QStringList{QStringLiteral("demo.casegraph")});
}

void ScreenshotUiTest::missingCaseFails() {
    int exitCode = 0;
    QString err;
    QCOMPARE(runGui({m_dir.filePath(QStringLiteral("nope.casegraph")), QStringLiteral("--screenshot"),
                     m_dir.filePath(QStringLiteral("nope.png"))},
                    &exitCode, &err),
             QProcess::UnknownError);
    QVERIFY(exitCode != 0);
    QVERIFY2(err.contains(QLatin1String("no such file")), qPrintable(err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("nope.png"))));
}

QTEST_MAIN(ScreenshotUiTest)
#include "screenshot_uitest.moc"

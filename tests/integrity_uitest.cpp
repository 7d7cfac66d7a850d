// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"
#include "capturedialog.h"
#include "custodydialog.h"
#include "integrityactions.h"
#include "io/importjob.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "recentfiles.h"
#include "sourcesdock.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// Preferences, capture, verify and custody as a user meets them, offscreen. Set
/// CASEGRAPH_SCREENSHOT_DIR to keep PNGs of the dialogs.
class IntegrityUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void preferencesSetTheActor();
    void menusOfferTheActions();
    void captureErrorKeepsTheDialogOpen();
    void custodyReportShowsTheImport();
    void verifyRunsOffTheGuiThread();

private:
    void shoot(QWidget *widget, const QString &name);
    QTemporaryDir m_dir;
    QString m_path;
};

void IntegrityUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Casegraph::Translations::install(*qApp); // the plural forms a user reads ("1 source")
    QCoreApplication::setOrganizationName(QStringLiteral("CasegraphTests"));
    QCoreApplication::setApplicationName(QStringLiteral("integrity_uitest"));
    m_path = m_dir.filePath(QStringLiteral("case.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_path).ok());
    const QString article = m_dir.filePath(QStringLiteral("entity-list.html"));
    QFile f(article);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<html><head><title>Entity List additions</title></head><body><p>SenseNets was added.</p></body></html>");
    f.close();
    QVERIFY(ImportJob::run(cf, article, ImportOptions{}).ok());
}

void IntegrityUiTest::shoot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CASEGRAPH_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        widget->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
    }
}

void IntegrityUiTest::preferencesSetTheActor()
{
    PreferencesDialog dialog;
    auto *name = dialog.findChild<QLineEdit *>();
    QVERIFY(name);
    name->setText(QStringLiteral("Ines Investigator"));
    dialog.show();
    shoot(&dialog, QStringLiteral("preferences"));
    dialog.accept();
    QCOMPARE(Preferences::investigator(), QStringLiteral("Ines Investigator"));
    QCOMPARE(CaseFile::defaultActor(), QStringLiteral("Ines Investigator"));
    const QString path = m_dir.filePath(QStringLiteral("actor.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(path).ok());
    QCOMPARE(cf.audit().entries().first().actor, QStringLiteral("Ines Investigator"));
}

void IntegrityUiTest::menusOfferTheActions()
{
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    IntegrityActions *actions = window.integrityActions();
    QVERIFY(!actions->captureAction()->isEnabled());
    QVERIFY(window.openCase(m_path).ok());
    QVERIFY(actions->captureAction()->isEnabled());
    QStringList texts;
    for (QAction *menu : window.menuBar()->actions()) {
        for (QAction *a : menu->menu()->actions()) {
            texts << a->text();
        }
    }
    QVERIFY(texts.contains(QStringLiteral("Capture &Web Page…")));
    QVERIFY(texts.contains(QStringLiteral("&Verify Case Integrity…")));
    QVERIFY(texts.contains(QStringLiteral("&Preferences…")));
    QVERIFY(window.sourcesDock()->view()->actions().contains(actions->custodyAction()));
}

void IntegrityUiTest::captureErrorKeepsTheDialogOpen()
{
    CaseFile cf;
    QVERIFY(cf.open(m_path).ok());
    CaptureDialog dialog(cf);
    dialog.show();
    // Port 1 on this machine refuses connections.
    dialog.urlEdit()->setText(QStringLiteral("http://127.0.0.1:1/page"));
    dialog.startCapture();
    QLabel *status = nullptr;
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->text().startsWith(QLatin1String("Fetching"))) {
            status = label;
        }
    }
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QLatin1String("Not captured")), 10000);
    shoot(&dialog, QStringLiteral("capture-error"));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.sourceId(), 0);
    QCOMPARE(cf.info().sources, 1); // only the imported article
}

void IntegrityUiTest::custodyReportShowsTheImport()
{
    CaseFile cf;
    QVERIFY(cf.open(m_path, CaseFile::OpenMode::ReadOnly).ok());
    const auto report = CustodyReport::build(cf, 1);
    QVERIFY(report.ok());
    CustodyDialog dialog(*report);
    dialog.show();
    shoot(&dialog, QStringLiteral("custody"));
    const QString text = dialog.browser()->toPlainText();
    QVERIFY2(text.contains(QLatin1String("intact: the preserved original matches its hash")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("not captured from the web: imported from a file")));
    QVERIFY(text.contains(QLatin1String(": import {")));
    const QString saved = m_dir.filePath(QStringLiteral("custody.txt"));
    QVERIFY(dialog.saveTo(saved));
    QFile f(saved);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("Chain of custody: source 1"));
}

void IntegrityUiTest::verifyRunsOffTheGuiThread()
{
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    QVERIFY(window.openCase(m_path).ok());
    QSignalSpy done(window.integrityActions(), &IntegrityActions::verified);
    window.integrityActions()->verifyAction()->trigger();
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(1).toBool(), true);
    QVERIFY(done.first().at(2).toString().contains(QLatin1String("Checked 1 source and ")));
}

QTEST_MAIN(IntegrityUiTest)
#include "integrity_uitest.moc"

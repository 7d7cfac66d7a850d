// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "demo/democopy.h"
#include "demoactions.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "storage/auditlog.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Casegraph::Models;
using Casegraph::Tests::countEntitiesMatching;
using Casegraph::Tests::fileSha256;
using namespace Casegraph::Ui;

/// `casegraph --demo` as `scripts/run` calls it, run for real in a scratch data folder: the
/// second run reuses the copy, a copy the user edited is kept, and Help > Reset Demo Case…
/// replaces it after asking. Earlier builds' timestamped copies are never touched.
class DemoActionsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void secondLaunchReusesTheCopy();
    void anEditedCopyIsKeptByTheNextLaunch();
    void resetAsksThenReplacesAndOpens();

private:
    /// Runs `casegraph --demo --screenshot` (the window opens the demo, then exits).
    void launchDemo();
    QString folder() const { return m_dir.filePath(QStringLiteral("data/Casegraph/casegraph")); }
    QString demoPath() const { return DemoCopy::pathIn(folder()); }
    QString oldCopy() const { return QDir(folder()).filePath(QStringLiteral("demo-20250314-093000.casegraph")); }
    static QString headOf(const QString &path);
    /// Whether the copy is still as the demo writer left it (DemoCopy reuses it, not "keeps" it).
    static bool untouched(const QString &path);
    /// Clicks the button with `text` in the message box that the next modal loop shows.
    void answerNextQuestion(const QString &text, QString *shownText);

    QTemporaryDir m_dir;
};

void DemoActionsUiTest::initTestCase()
{
#ifndef CASEGRAPH_GUI
    QSKIP("the casegraph executable is not built");
#endif
    QVERIFY(m_dir.isValid());
    // Data and settings in the scratch folder, for the executable (it inherits the environment)
    // and for this process alike. QStandardPaths' test mode would ignore XDG_DATA_HOME, and the
    // point here is that both look in the same place.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setOrganizationName(QStringLiteral("Casegraph"));
    QCoreApplication::setApplicationName(QStringLiteral("casegraph"));
    QCOMPARE(DemoCopy::defaultFolder(), folder());
    // What an earlier build left: a timestamped copy, with the user's work.
    QVERIFY(QDir().mkpath(folder()));
    CaseFile old;
    QVERIFY(old.create(oldCopy(), QStringLiteral("My notes in an old demo copy")).ok());
}

QString DemoActionsUiTest::headOf(const QString &path)
{
    CaseFile c;
    return c.open(path, CaseFile::OpenMode::ReadOnly) ? c.audit().head().hash : QString();
}

bool DemoActionsUiTest::untouched(const QString &path)
{
    CaseFile c;
    return c.open(path).ok() && !DemoCase::changedSinceWritten(c) && DemoCase::digestOf(c) == DemoCase::bundledDigest();
}

void DemoActionsUiTest::launchDemo()
{
#ifdef CASEGRAPH_GUI
    const auto r = Casegraph::Tests::run(QStringLiteral(CASEGRAPH_GUI),
                                         {QStringLiteral("--demo"), QStringLiteral("--screenshot"),
                                          m_dir.filePath(QStringLiteral("demo.png")), QStringLiteral("--size"),
                                          QStringLiteral("1000x700")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!QImage(m_dir.filePath(QStringLiteral("demo.png"))).isNull());
#endif
}

void DemoActionsUiTest::secondLaunchReusesTheCopy()
{
    const QByteArray oldBytes = fileSha256(oldCopy());
    launchDemo();
    QVERIFY(QFile::exists(demoPath()));
    const QString head = headOf(demoPath());
    QVERIFY(!head.isEmpty());
    launchDemo();
    QCOMPARE(headOf(demoPath()), head); // the same file, not a rewrite
    QVERIFY(untouched(demoPath()));     // opening and showing it changed nothing
    QCOMPARE(QDir(folder()).entryList({QStringLiteral("*.casegraph")}, QDir::Files),
             QStringList({QStringLiteral("demo-20250314-093000.casegraph"), QStringLiteral("demo.casegraph")}));
    QCOMPARE(fileSha256(oldCopy()), oldBytes);
}

void DemoActionsUiTest::anEditedCopyIsKeptByTheNextLaunch()
{
    {
        CaseFile c;
        QVERIFY(c.open(demoPath()).ok());
        CaseEditor editor(c);
        QVERIFY(editor.createEntity(QStringLiteral("Person"), QStringLiteral("Jane Fieldworker")).ok());
    }
    const QString head = headOf(demoPath());
    launchDemo();
    QCOMPARE(headOf(demoPath()), head);
    QCOMPARE(countEntitiesMatching(demoPath(), QStringLiteral("Fieldworker")), 1);
}

void DemoActionsUiTest::answerNextQuestion(const QString &text, QString *shownText)
{
    QTimer::singleShot(0, this, [=] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        *shownText = box->text() + QLatin1Char('\n') + box->informativeText();
        Casegraph::Tests::saveShot(box->grab(), QStringLiteral("reset-demo-question.png"));
        for (QAbstractButton *button : box->buttons()) {
            if (button->text().remove(QLatin1Char('&')) == text) {
                button->click();
                return;
            }
        }
        QFAIL(qPrintable(QStringLiteral("no button %1").arg(text)));
    });
}

void DemoActionsUiTest::resetAsksThenReplacesAndOpens()
{
    QVERIFY(countEntitiesMatching(demoPath(), QStringLiteral("Fieldworker")) == 1);
    const QByteArray oldBytes = fileSha256(oldCopy());
    RecentFiles recent;
    MainWindow window(&recent);
    window.setLayoutPersistence(false);
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.openCase(demoPath()).ok());

    // In the Help menu.
    QAction *reset = window.findChild<QAction *>(QStringLiteral("resetDemoCaseAction"));
    QVERIFY(reset);
    QMenu *help = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->text().remove(QLatin1Char('&')) == QLatin1String("Help")) {
            help = menu->menu();
        }
    }
    QVERIFY(help && help->actions().contains(reset));

    // Cancel: nothing happens.
    const QString head = headOf(demoPath());
    QString asked;
    answerNextQuestion(QStringLiteral("Cancel"), &asked);
    reset->trigger();
    QVERIFY2(asked.contains(QLatin1String("changes you made to the demo case will be lost")), qPrintable(asked));
    QCOMPARE(headOf(demoPath()), head);
    QVERIFY(window.caseFile());

    // Confirmed: a fresh copy, open in the window, without the edit.
    answerNextQuestion(QStringLiteral("Reset Demo Case"), &asked);
    reset->trigger();
    QVERIFY(window.caseFile());
    QCOMPARE(window.caseFile()->path(), demoPath());
    QVERIFY(headOf(demoPath()) != head);
    QCOMPARE(countEntitiesMatching(demoPath(), QStringLiteral("Fieldworker")), 0);
    QVERIFY(window.caseFile()->entities().count() > 100);
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("fresh copy")));
    QVERIFY(window.waitUntilLoaded(10000));
    Casegraph::Tests::saveShot(window.grab(), QStringLiteral("reset-demo-window.png"));
    window.closeCase();

    // And the next launch reuses the fresh copy; the earlier build's copy was never touched.
    const QString freshHead = headOf(demoPath());
    launchDemo();
    QCOMPARE(headOf(demoPath()), freshHead);
    QVERIFY(untouched(demoPath()));
    QCOMPARE(fileSha256(oldCopy()), oldBytes);
    QCOMPARE(QDir(folder()).entryList({QStringLiteral("*.casegraph")}, QDir::Files).size(), 2);
}

QTEST_MAIN(DemoActionsUiTest)
#include "demoactions_uitest.moc"

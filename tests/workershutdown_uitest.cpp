// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "recentfiles.h"
#include "timeline/timelinedock.h"

#include "io/importjob.h"
#include "storage/casefile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
/// Names of this process's threads (Linux: /proc/self/task), but those of Qt's global thread
/// pool, which Qt itself waits for at exit.
QStringList threadNames() {
    QStringList out;
    for (const QString &t : QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(QStringLiteral("/proc/self/task/%1/comm").arg(t));
        const QString name = f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
        if (name != QLatin1String("Thread (pooled)")) {
            out << name;
        }
    }
    out.sort();
    return out;
}
} // namespace

/// Closing the window while its workers read a large case (the Source viewer's names for
/// mention highlighting, the timeline) stops and waits for them. Before, they ran on after the
/// window was gone and crashed the program at exit, when the schema registry they read was
/// destroyed under them.
class WorkerShutdownUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void closingTheWindowStopsItsWorkers();

private:
    QTemporaryDir m_dir;
    QString m_case;
};

void WorkerShutdownUiTest::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    if (!QDir(QStringLiteral("/proc/self/task")).exists()) {
        QSKIP("needs /proc/self/task to count threads");
    }
    // 40,000 dated, named companies: seconds of work for the window's workers.
    const QString data = m_dir.filePath(QStringLiteral("companies.json"));
    QFile f(data);
    QVERIFY(f.open(QIODevice::WriteOnly));
    for (int i = 0; i < 40000; ++i) {
        f.write(QStringLiteral("{\"id\":\"c%1\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Company %1 "
                               "Holdings\"],\"alias\":[\"C%1 Group\"],\"incorporationDate\":[\"19%2-01-01\"]}}\n")
                    .arg(i)
                    .arg(50 + i % 50)
                    .toUtf8());
    }
    f.close();
    m_case = m_dir.filePath(QStringLiteral("large.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_case).ok());
    const auto imported = ImportJob::run(cf, data, ImportOptions{});
    QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
}

void WorkerShutdownUiTest::closingTheWindowStopsItsWorkers() {
    const QStringList before = threadNames();
    {
        RecentFiles recent;
        MainWindow window(&recent);
        window.setInteractive(false);
        window.setLayoutPersistence(false);
        QVERIFY(window.openCase(m_case).ok());
        window.show();
        window.timelineDock()->toggleViewAction()->trigger(); // builds the timeline
        QTest::qWait(400); // the mention names are read after a short delay
        QVERIFY2(threadNames().size() > before.size(), "no worker was running to stop");
    }
    // Every worker the window started has stopped with it.
    QCOMPARE(threadNames(), before);
}

QTEST_MAIN(WorkerShutdownUiTest)
#include "workershutdown_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// How long the window's thread stops answering while a user works on a large case: opens CASE
// in the real main window (offscreen, 1600x1000) and, for the opening and for each step, prints
// the longest gap between two ticks of a 2 ms timer on the GUI thread (what a user feels as a
// freeze) and every event that took longer than 40 ms to handle. Steps: search (types "Shen"
// in the Entities search), select (the first row), end (Ctrl+End in the Entities list), wait
// (30 s for workers to report back), or the text an action starts with ("Find Paths",
// "Timeline", "Unsupported Facts" …). Usage: bench/gui.sh CASE [STEP,STEP,…]
#include "entitiesdock.h"
#include "mainwindow.h"
#include "recentfiles.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Casegraph::Ui;

namespace {

/// Reports each event that keeps the GUI thread longer than 40 ms, with its receiver.
class TimingApplication final : public QApplication {
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        QElapsedTimer t;
        t.start();
        const bool handled = QApplication::notify(receiver, event);
        if (const qint64 ms = t.elapsed(); ms > 40) {
            const QObject *parent = receiver->parent();
            std::printf("    slow event %d to %s%s%s: %lld ms\n", int(event->type()),
                        receiver->metaObject()->className(), parent ? " in " : "",
                        parent ? parent->metaObject()->className() : "", ms);
        }
        return handled;
    }
};

/// The longest interval between two ticks since the last reset().
class GapMeter final {
public:
    GapMeter()
    {
        m_clock.start();
        m_tick.setInterval(2);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
        });
        m_tick.start();
    }
    void reset()
    {
        m_last = m_clock.elapsed();
        m_worst = 0;
    }
    /// Lets the event loop run for `ms` and prints the longest gap seen since reset().
    void settle(const QString &what, int ms)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < ms) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            QThread::msleep(1);
        }
        std::printf("%-32s longest GUI-thread gap %lld ms\n", qPrintable(what), m_worst);
        std::fflush(stdout);
    }

private:
    QElapsedTimer m_clock;
    QTimer m_tick;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

QAction *actionStartingWith(MainWindow &window, const QString &text)
{
    const auto actions = window.findChildren<QAction *>();
    const auto it = std::find_if(actions.begin(), actions.end(),
                                 [&](QAction *a) { return a->text().remove(u'&').startsWith(text); });
    return it == actions.end() ? nullptr : *it;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QStandardPaths::setTestModeEnabled(true); // recent files and window state stay out of the user's settings
    TimingApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: casegraph-guibench CASE [STEP,STEP,...]\n");
        return 2;
    }
    const QString casePath = QString::fromLocal8Bit(argv[1]);
    const QStringList steps = argc > 2 ? QString::fromLocal8Bit(argv[2]).split(u',', Qt::SkipEmptyParts) : QStringList();

    GapMeter meter;
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    window.resize(1600, 1000);
    window.show();
    meter.reset();
    QElapsedTimer open;
    open.start();
    if (auto st = window.openCase(casePath); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    std::printf("open: MainWindow::openCase returned after %lld ms\n", open.elapsed());
    meter.settle(QStringLiteral("open, then 15 s"), 15000);
    for (const QString &step : steps) {
        meter.reset();
        if (step == QLatin1String("wait")) {
            meter.settle(QStringLiteral("wait 30 s"), 30000);
            continue;
        }
        if (step == QLatin1String("search")) {
            QTest::keyClicks(window.entitiesDock()->findChild<QLineEdit *>(), QStringLiteral("Shen"));
        } else if (step == QLatin1String("select") || step == QLatin1String("end")) {
            QTableView *view = window.entitiesDock()->view();
            view->setFocus();
            if (step == QLatin1String("select")) {
                view->setCurrentIndex(view->model()->index(0, 0));
            } else {
                QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
            }
        } else if (QAction *action = actionStartingWith(window, step)) {
            action->trigger();
        } else {
            std::printf("%-32s no such step or action\n", qPrintable(step));
            continue;
        }
        meter.settle(step, 4000);
    }
    return 0;
}

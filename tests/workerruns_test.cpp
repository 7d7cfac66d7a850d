// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workerruns.h"

#include <QAtomicPointer>
#include <QTest>
#include <QThreadPool>

using namespace Casegraph::Models;

/// releaseOffThread: the timeline of a million facts, a large case's graph projection and the
/// names automaton are dropped by the window without being freed on its thread (seconds of
/// frozen window when a timeline was rebuilt or the case closed).
class WorkerRunsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lastReferenceIsFreedOnAPoolThread();
    void sharedObjectOnlyLosesThisReference();
};

namespace {
/// A stand-in for a large result that notes the thread it is destroyed on.
struct Tracked {
    explicit Tracked(QAtomicPointer<QThread> *where) : m_where(where) {}
    ~Tracked() { m_where->storeRelease(QThread::currentThread()); }
    QAtomicPointer<QThread> *m_where;
};
} // namespace

void WorkerRunsTest::lastReferenceIsFreedOnAPoolThread()
{
    QAtomicPointer<QThread> freedOn;
    auto model = std::make_shared<const Tracked>(&freedOn);
    releaseOffThread(std::move(model));
    QVERIFY(!model); // the caller's reference is gone at once
    QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
    QVERIFY(freedOn.loadAcquire() != nullptr);
    QVERIFY(freedOn.loadAcquire() != QThread::currentThread());
}

void WorkerRunsTest::sharedObjectOnlyLosesThisReference()
{
    // A run still holding the projection keeps it; the object is freed by whoever lets go last.
    QAtomicPointer<QThread> freedOn;
    auto model = std::make_shared<const Tracked>(&freedOn);
    std::shared_ptr<const Tracked> stillRunning = model;
    releaseOffThread(std::move(model));
    QVERIFY(QThreadPool::globalInstance()->waitForDone(5000));
    QVERIFY(!model);
    QCOMPARE(freedOn.loadAcquire(), nullptr);
    QCOMPARE(stillRunning.use_count(), 1);
    stillRunning.reset();
    QCOMPARE(freedOn.loadAcquire(), QThread::currentThread());
}

QTEST_GUILESS_MAIN(WorkerRunsTest)
#include "workerruns_test.moc"

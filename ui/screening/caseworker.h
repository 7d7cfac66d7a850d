// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "storage/casefile.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace Casegraph::Ui {

/// Runs `work` on a new thread against its own CaseFile opened on `caseFile`'s path (a CaseFile
/// belongs to the thread that opened it), then calls `done` with the result on `context`'s thread.
/// The caller keeps the returned thread to wait() for it before `context` goes away; it deletes
/// itself when finished.
template <typename T>
QThread *startCaseWorker(QObject *context, const Models::CaseFile &caseFile,
                         std::function<Models::Result<T>(Models::CaseFile &)> work,
                         std::function<void(const std::shared_ptr<Models::Result<T>> &)> done)
{
    const QString path = caseFile.path();
    const QString actor = caseFile.actor();
    QThread *thread = QThread::create([context, path, actor, work = std::move(work), done = std::move(done)] {
        Models::CaseFile worker;
        worker.setActor(actor);
        std::shared_ptr<Models::Result<T>> result;
        if (auto st = worker.open(path); !st) {
            result = std::make_shared<Models::Result<T>>(st.error());
        } else {
            result = std::make_shared<Models::Result<T>>(work(worker));
        }
        QMetaObject::invokeMethod(context, [done, result] { done(result); }, Qt::QueuedConnection);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

/// Asks a worker to stop (when it has a cancel flag) and waits for it; nothing when none runs.
inline void stopCaseWorker(QThread *thread, const std::shared_ptr<std::atomic<bool>> &cancelled = {})
{
    if (!thread) {
        return;
    }
    if (cancelled) {
        cancelled->store(true);
    }
    thread->wait();
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposurerunner.h"

#include "storage/casefile.h"

#include <QCoreApplication>
#include <QThread>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ExposureRunner::ExposureRunner(QObject *parent) : QObject(parent) {}

ExposureRunner::~ExposureRunner()
{
    cancel();
    ++m_listsGeneration;
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
        }
    }
}

void ExposureRunner::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    ++m_runGeneration; // whatever is still running reports to nobody
    m_running = false;
}

template <typename Work> void ExposureRunner::launch(const QString &path, quint64 ExposureRunner::*generation, Work work)
{
    const quint64 expected = this->*generation;
    QPointer<ExposureRunner> self(this);
    // Results travel back through the application object (it lives on the GUI thread); `self`
    // and the generation tell whether anyone still waits for them.
    const auto post = [self, generation, expected](auto fn) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, expected, fn] {
                if (self && (*self).*generation == expected) {
                    fn(*self);
                }
            },
            Qt::QueuedConnection);
    };
    QThread *thread = QThread::create([path, generation, post, work] {
        CaseFile caseFile;
        if (auto st = caseFile.open(path, CaseFile::OpenMode::ReadOnly); !st) {
            const QString message = st.error().toString();
            if (generation == &ExposureRunner::m_runGeneration) { // a list reading fails quietly
                post([message](ExposureRunner &runner) {
                    runner.m_running = false;
                    Q_EMIT runner.failed(message);
                });
            }
            return;
        }
        work(caseFile, post);
        caseFile.close();
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(QPointer<QThread>());
    m_threads << thread;
    thread->start();
}

void ExposureRunner::start(const QString &path, const ExposureOptions &options)
{
    cancel();
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelled;
    m_running = true;
    launch(path, &ExposureRunner::m_runGeneration, [options, cancelled](CaseFile &caseFile, auto post) {
        auto result = std::make_shared<Result<ExposureRun>>(
            ExposureRun::compute(caseFile, options, cancelled.get(), [&](ExposureRun::Stage stage) {
                post([stage](ExposureRunner &runner) { Q_EMIT runner.stageChanged(stage); });
            }));
        post([result](ExposureRunner &runner) {
            runner.m_running = false;
            if (*result) {
                Q_EMIT runner.finished(std::make_shared<const ExposureRun>(std::move(result->value())));
            } else {
                Q_EMIT runner.failed(result->error().toString());
            }
        });
    });
}

void ExposureRunner::readLists(const QString &path)
{
    ++m_listsGeneration;
    launch(path, &ExposureRunner::m_listsGeneration, [](CaseFile &caseFile, auto post) {
        auto lists = ExposureRun::sanctionLists(caseFile);
        if (lists) {
            post([lists = *lists](ExposureRunner &runner) { Q_EMIT runner.listsRead(lists); });
        }
    });
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartloader.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QCoreApplication>
#include <QThread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartLoader::ChartLoader(QObject *parent) : QObject(parent)
{
}

ChartLoader::~ChartLoader()
{
    cancel();
    for (const QPointer<QThread> &thread : std::as_const(m_threads)) {
        if (thread) {
            thread->wait();
        }
    }
}

void ChartLoader::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
    }
    ++m_generation; // whatever is still running reports to nobody
    m_running = false;
}

void ChartLoader::start(const QString &path, qint64 chartId)
{
    cancel();
    const quint64 generation = m_generation;
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancelled;
    m_running = true;
    m_percent = 0;
    QPointer<ChartLoader> self(this);
    // Results travel back through the application object (it lives on the GUI thread); `self`
    // and the generation tell whether anyone still waits for them.
    const auto post = [self, generation](auto fn) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, fn] {
                if (self && self->m_generation == generation) {
                    fn(*self);
                }
            },
            Qt::QueuedConnection);
    };
    QThread *thread = QThread::create([path, chartId, cancelled, post] {
        CaseFile caseFile;
        std::shared_ptr<Result<ChartData>> result;
        if (auto st = caseFile.open(path, CaseFile::OpenMode::ReadOnly); !st) {
            result = std::make_shared<Result<ChartData>>(st.error());
        } else {
            caseFile.charts().setScanCacheSize(8 * 1024);
            int last = -1;
            result = std::make_shared<Result<ChartData>>(ChartData::load(caseFile, chartId, [&](int percent) {
                if (percent != last) {
                    last = percent;
                    post([percent](ChartLoader &loader) {
                        loader.m_percent = percent;
                        Q_EMIT loader.progressed(percent);
                    });
                }
                return !cancelled->load();
            }));
        }
        caseFile.close();
#ifdef __GLIBC__
        malloc_trim(0); // the projection's memory goes back to the system, not to this thread's arena
#endif
        post([result](ChartLoader &loader) {
            loader.m_running = false;
            if (*result) {
                Q_EMIT loader.loaded(std::make_shared<ChartData>(std::move(result->value())));
            } else {
                Q_EMIT loader.failed(result->error().toString());
            }
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    m_threads.removeAll(QPointer<QThread>());
    m_threads << thread;
    thread->start();
}

} // namespace Casegraph::Ui

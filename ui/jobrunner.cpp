// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobrunner.h"

#include <QProgressDialog>
#include <QThread>

namespace Casegraph::Ui {

JobRunner::JobRunner(QObject *parent) : QObject(parent) {}

JobRunner::~JobRunner() {
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void JobRunner::start(Work work) {
    Q_ASSERT(!isRunning());
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    m_cancelled = false;
    m_thread = QThread::create([this, work = std::move(work)] { work(*this); });
    m_thread->setObjectName(QStringLiteral("JobRunner"));
    // Queued to this (GUI) thread: the receiver runs after the worker has returned.
    connect(m_thread, &QThread::finished, this, &JobRunner::finished);
    m_thread->start();
}

bool JobRunner::isRunning() const {
    return m_thread && m_thread->isRunning();
}

bool JobRunner::report(qint64 done, qint64 total, qint64 count) {
    Q_EMIT progressed(done, total, count);
    return !m_cancelled;
}

void JobRunner::setStage(const QString &text) {
    Q_EMIT stageChanged(text);
}

QProgressDialog *showJobProgress(JobRunner *runner, QWidget *parent, const QString &title, const QString &label) {
    auto *progress = new QProgressDialog(label, JobRunner::tr("Cancel"), 0, 0, parent);
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    QObject::connect(progress, &QProgressDialog::canceled, runner, &JobRunner::cancel);
    QObject::connect(runner, &JobRunner::stageChanged, progress, &QProgressDialog::setLabelText);
    QObject::connect(runner, &JobRunner::progressed, progress, [progress](qint64 done, qint64 total) {
        if (total > 0) {
            progress->setRange(0, 1000);
            progress->setValue(int(done * 1000 / total));
        }
    });
    QObject::connect(runner, &JobRunner::finished, progress, &QObject::deleteLater);
    return progress;
}

} // namespace Casegraph::Ui

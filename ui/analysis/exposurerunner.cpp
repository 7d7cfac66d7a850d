// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposurerunner.h"

#include "storage/casefile.h"

#include <QCoreApplication>
#include <QThread>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ExposureRunner::ExposureRunner(QObject *parent) : QObject(parent) {}

ExposureRunner::~ExposureRunner() = default; // the WorkerRuns cancel and wait for their threads

void ExposureRunner::cancel()
{
    m_runs.cancel();
}

template <typename Work> void ExposureRunner::launch(const QString &path, WorkerRuns ExposureRunner::*runs, Work work)
{
    const auto post = WorkerRuns::poster(this, [runs](ExposureRunner &r) -> WorkerRuns & { return r.*runs; });
    const bool reportFailure = runs == &ExposureRunner::m_runs; // a list reading fails quietly
    (this->*runs).start([path, post, reportFailure, work] {
        CaseFile caseFile;
        if (auto st = caseFile.open(path, CaseFile::OpenMode::ReadOnly); !st) {
            if (reportFailure) {
                post([message = st.error().toString()](ExposureRunner &runner) {
                    runner.m_runs.finished();
                    Q_EMIT runner.failed(message);
                });
            }
            return;
        }
        work(caseFile, post);
        caseFile.close();
    });
}

void ExposureRunner::start(const QString &path, const ExposureOptions &options)
{
    const auto cancelled = m_runs.begin();
    launch(path, &ExposureRunner::m_runs, [options, cancelled](CaseFile &caseFile, auto post) {
        auto result = std::make_shared<Result<ExposureRun>>(
            ExposureRun::compute(caseFile, options, cancelled.get(), [&](ExposureRun::Stage stage) {
                post([stage](ExposureRunner &runner) { Q_EMIT runner.stageChanged(stage); });
            }));
        post([result](ExposureRunner &runner) {
            runner.m_runs.finished();
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
    m_lists.begin();
    launch(path, &ExposureRunner::m_lists, [](CaseFile &caseFile, auto post) {
        auto lists = ExposureRun::sanctionLists(caseFile);
        if (lists) {
            post([lists = *lists](ExposureRunner &runner) {
                runner.m_lists.finished();
                Q_EMIT runner.listsRead(lists);
            });
        }
    });
}

} // namespace Casegraph::Ui

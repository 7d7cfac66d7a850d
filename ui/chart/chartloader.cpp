// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartloader.h"

#include "storage/casefile.h"
#include "storage/chartstore.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartLoader::ChartLoader(QObject *parent) : QObject(parent)
{
}

ChartLoader::~ChartLoader() = default;

void ChartLoader::cancel()
{
    m_runs.cancel();
}

void ChartLoader::start(const QString &path, qint64 chartId)
{
    const auto cancelled = m_runs.begin();
    m_percent = 0;
    const auto post = WorkerRuns::poster(this, [](ChartLoader &l) -> WorkerRuns & { return l.m_runs; });
    m_runs.start([path, chartId, cancelled, post] {
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
            loader.m_runs.finished();
            if (*result) {
                Q_EMIT loader.loaded(std::make_shared<ChartData>(std::move(result->value())));
            } else {
                Q_EMIT loader.failed(result->error().toString());
            }
        });
    });
}

} // namespace Casegraph::Ui

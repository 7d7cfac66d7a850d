// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pipelinedreader.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace Casegraph::Models {

namespace {

/// One record as the inner reader returned it, with the state that goes with it.
struct Record {
    RecordReader::Step step = RecordReader::Step::End;
    Entity entity;
    Error error;
    qint64 line = 0;
    qint64 bytesDone = 0;
    std::optional<Source> source;
};

using Batch = std::vector<Record>;

// Big enough to amortise the hand-over, small enough to keep memory flat (a few MB ahead).
constexpr size_t kBatchSize = 512;
constexpr size_t kMaxQueuedBatches = 8;

} // namespace

struct PipelinedReader::Private {
    std::unique_ptr<RecordReader> inner;
    std::thread thread;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Batch> queue;
    bool stop = false;     ///< the consumer is gone
    bool finished = false; ///< the producer sent its last record (End or Failed)
    qint64 bytesTotal = 0; ///< read once at open: the inner reader is busy on its thread after

    Batch current;
    size_t at = 0;
    Record last; ///< the record last handed out: its error, line, progress and source

    void produce()
    {
        Batch batch;
        batch.reserve(kBatchSize);
        for (;;) {
            Record r;
            r.step = inner->next(r.entity);
            r.line = inner->line();
            r.bytesDone = inner->bytesDone();
            if (r.step == Step::Rejected || r.step == Step::Failed) {
                r.error = inner->error();
            }
            if (r.step == Step::Entity) {
                r.source = inner->takeSource();
            }
            const bool last = r.step == Step::End || r.step == Step::Failed;
            batch.push_back(std::move(r));
            if (last || batch.size() >= kBatchSize) {
                std::unique_lock lock(mutex);
                changed.wait(lock, [this] { return stop || queue.size() < kMaxQueuedBatches; });
                if (stop) {
                    return;
                }
                queue.push_back(std::move(batch));
                finished = last;
                changed.notify_all();
                if (last) {
                    return;
                }
                batch = Batch();
                batch.reserve(kBatchSize);
            }
        }
    }
};

PipelinedReader::PipelinedReader(std::unique_ptr<RecordReader> inner) : d(std::make_unique<Private>())
{
    d->inner = std::move(inner);
}

PipelinedReader::~PipelinedReader()
{
    if (d->thread.joinable()) {
        {
            std::lock_guard lock(d->mutex);
            d->stop = true;
        }
        d->changed.notify_all();
        d->thread.join();
    }
}

Status PipelinedReader::open(const QString &path, const QString &displayName)
{
    if (auto st = d->inner->open(path, displayName); !st) {
        d->last.error = d->inner->error();
        return st;
    }
    d->bytesTotal = d->inner->bytesTotal();
    d->thread = std::thread([this] { d->produce(); });
    return {};
}

RecordReader::Step PipelinedReader::next(Entity &entity)
{
    if (d->at >= d->current.size()) {
        if (!d->current.empty() && (d->current.back().step == Step::End || d->current.back().step == Step::Failed)) {
            return d->current.back().step; // asked again after the end
        }
        std::unique_lock lock(d->mutex);
        d->changed.wait(lock, [this] { return !d->queue.empty(); });
        d->current = std::move(d->queue.front());
        d->queue.pop_front();
        d->at = 0;
        d->changed.notify_all();
    }
    Record &r = d->current[d->at];
    // Keep the last one for End/Failed re-asks; hand the entity over by swapping.
    const bool terminal = r.step == Step::End || r.step == Step::Failed;
    if (!terminal) {
        ++d->at;
    } else {
        d->at = d->current.size();
    }
    d->last.step = r.step;
    d->last.line = r.line;
    d->last.bytesDone = r.bytesDone;
    d->last.error = r.error;
    d->last.source = std::move(r.source);
    if (r.step == Step::Entity) {
        std::swap(entity, r.entity);
    }
    return r.step;
}

const Error &PipelinedReader::error() const
{
    return d->last.error;
}

qint64 PipelinedReader::line() const
{
    return d->last.line;
}

qint64 PipelinedReader::bytesDone() const
{
    return d->last.bytesDone;
}

qint64 PipelinedReader::bytesTotal() const
{
    return d->bytesTotal;
}

std::optional<Source> PipelinedReader::takeSource()
{
    return std::exchange(d->last.source, std::nullopt);
}

} // namespace Casegraph::Models

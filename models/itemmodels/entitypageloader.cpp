// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitypageloader.h"
#include "core/schema.h"
#include "entitytext.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QHash>
#include <QMutexLocker>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {
QString describe(const EntityStore &store, const EntityRow &row) {
    const Schema *schema = SchemaRegistry::instance().schema(row.schema);
    if (!schema || (!schema->isEdge() && !schema->isA(QStringLiteral("Sanction")))) {
        return {};
    }
    const auto entity = store.entity(row.rowId);
    if (!entity) {
        return {};
    }
    if (schema->isEdge()) {
        return EntityText::ends(store, *entity);
    }
    return EntityText::value(store, entity->schema, QStringLiteral("entity"), entity->first(QStringLiteral("entity")));
}
} // namespace

EntityPageLoader::EntityPageLoader(const QString &path, QObject *parent) : QThread(parent), m_path(path) {
    setObjectName(QStringLiteral("EntityPageLoader"));
}

EntityPageLoader::~EntityPageLoader() {
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_urgent.clear();
        m_pages.clear();
        // Safe from another thread; only a result nobody waits for is lost.
        if (m_handle) {
            sqlite3_interrupt(m_handle);
        }
        m_wake.wakeAll();
    }
    wait();
}

void EntityPageLoader::enqueue(Request request) {
    {
        QMutexLocker lock(&m_mutex);
        if (request.kind == Request::Kind::Page) {
            m_pages.push_back(std::move(request));
        } else {
            m_urgent.push_back(std::move(request));
        }
        m_wake.wakeOne();
    }
    if (!isRunning() && !m_failed) {
        start(QThread::LowPriority);
    }
}

void EntityPageLoader::requestCount(quint64 generation, const EntityFilter &filter) {
    enqueue(Request{Request::Kind::Count, generation, filter});
}

void EntityPageLoader::requestSummary(quint64 generation) {
    enqueue(Request{Request::Kind::Summary, generation});
}

void EntityPageLoader::requestPage(quint64 generation, const EntityFilter &filter, qint64 page, qint64 offset,
                                   int limit, const std::optional<EntityRow> &after) {
    enqueue(Request{Request::Kind::Page, generation, filter, page, offset, limit, after});
}

void EntityPageLoader::run() {
    CaseFile caseFile;
    if (auto st = caseFile.open(m_path, CaseFile::OpenMode::ReadOnly); !st) {
        m_failed = true;
        Q_EMIT failed(st.error().toString());
        return;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_handle = caseFile.database().handle();
    }
    const EntityStore &store = caseFile.entities();
    QHash<qint64, EntityRow> lastRows; ///< last row of each page read, for keyset continuation
    quint64 lastRowsGeneration = 0;
    for (;;) {
        Request request;
        QList<Request> skipped;
        {
            QMutexLocker lock(&m_mutex);
            while (!m_stopping && m_urgent.empty() && m_pages.empty()) {
                m_wake.wait(&m_mutex);
            }
            if (m_stopping) {
                m_handle = nullptr;
                break;
            }
            while (m_pages.size() > size_t(MaxQueuedPages)) {
                skipped.append(std::move(m_pages.front()));
                m_pages.pop_front();
            }
            if (!m_urgent.empty()) {
                request = std::move(m_urgent.front());
                m_urgent.pop_front();
            } else {
                // Newest first, but when the page before it waits too, serve that one first:
                // a view asks for the pages it shows top to bottom, and the next one can then
                // continue from its last row instead of counting an offset from the start.
                auto pick = std::prev(m_pages.end());
                for (bool found = true; found;) {
                    found = false;
                    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
                        if (it->generation == pick->generation && it->page == pick->page - 1) {
                            pick = it;
                            found = true;
                            break;
                        }
                    }
                }
                request = std::move(*pick);
                m_pages.erase(pick);
            }
        }
        for (const auto &s : std::as_const(skipped)) {
            Q_EMIT pageSkipped(s.generation, s.page);
        }
        if (request.generation < m_minimumGeneration) {
            if (request.kind == Request::Kind::Page) {
                Q_EMIT pageSkipped(request.generation, request.page);
            }
            continue;
        }
        switch (request.kind) {
        case Request::Kind::Count:
            Q_EMIT countLoaded(request.generation, store.count(request.filter));
            break;
        case Request::Kind::Summary:
            Q_EMIT summaryLoaded(request.generation, store.countsBySchema());
            break;
        case Request::Kind::Page: {
            if (request.generation != lastRowsGeneration) {
                lastRows.clear();
                lastRowsGeneration = request.generation;
            }
            std::optional<EntityRow> after = request.after;
            if (!after && request.page > 0) {
                // The model did not have the previous page yet, but this thread just read it.
                const auto it = lastRows.constFind(request.page - 1);
                if (it != lastRows.cend()) {
                    after = *it;
                }
            }
            const auto rows = after ? store.page(request.filter, 0, request.limit, &*after)
                                    : store.page(request.filter, request.offset, request.limit);
            if (rows.size() == request.limit) {
                lastRows.insert(request.page, rows.constLast());
                if (lastRows.size() > 256) {
                    lastRows.clear(); // a long scroll: only neighbours matter
                    lastRows.insert(request.page, rows.constLast());
                }
            }
            QStringList details;
            details.reserve(rows.size());
            for (const auto &row : rows) {
                details << describe(store, row);
            }
            Q_EMIT pageLoaded(request.generation, request.page, rows, details);
            break;
        }
        }
    }
}

} // namespace Casegraph::Models

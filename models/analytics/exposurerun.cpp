// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exposurerun.h"

#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/graphscan.h"

#include <QSet>

#include <algorithm>

namespace Casegraph::Models {

namespace {

/// Collects values once, whatever their case, keeping the first spelling met.
class TermSet {
public:
    void add(const QStringList &values)
    {
        for (const QString &v : values) {
            const QString t = v.simplified();
            if (!t.isEmpty() && !m_seen.contains(t.toCaseFolded())) {
                m_seen.insert(t.toCaseFolded());
                m_terms << t;
            }
        }
    }
    QStringList sorted() const
    {
        QStringList out = m_terms;
        std::sort(out.begin(), out.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        return out;
    }

private:
    QSet<QString> m_seen;
    QStringList m_terms;
};

bool isCancelled(const std::atomic_bool *cancelled)
{
    return cancelled && cancelled->load();
}

} // namespace

QString ExposureRun::caption(const QString &id) const
{
    const QString c = captions.value(id);
    return c.isEmpty() ? id : c;
}

QString ExposureRun::name(const QString &id) const
{
    const QString c = captions.value(id);
    return c.isEmpty() || c == id ? id : tr("%1 [%2]").arg(c, id);
}

Result<ExposureRun> ExposureRun::compute(const CaseFile &caseFile, const ExposureOptions &options,
                                         const std::atomic_bool *cancelled, const std::function<void(Stage)> &stage)
{
    const auto tell = [&](Stage s) {
        if (stage) {
            stage(s);
        }
    };
    const Error cancelError = GraphScan::cancelledError();
    tell(Stage::Reading);
    ProjectionOptions projection;
    projection.cancel = cancelled; // the build stops too, with the same error
    auto graph = GraphProjection::fromCase(caseFile, projection);
    if (!graph) {
        return graph.error();
    }
    tell(Stage::Computing);
    ExposureRun run;
    run.nodeCount = graph->nodeCount();
    TermSet authorities, programs;
    for (const SanctionRecord &s : graph->sanctions()) {
        authorities.add(s.authorities);
        programs.add(s.programs);
    }
    run.lists = {authorities.sorted(), programs.sorted()};
    run.report = computeExposure(*graph, options);
    run.entries = run.report.entities();
    if (isCancelled(cancelled)) {
        return cancelError;
    }

    // Captions of the listed entities and of every owner named in a stake (owners are flagged, so
    // they are entries themselves; the stakes are read anyway in case a caller trims the entries).
    tell(Stage::Naming);
    const EntityStore &store = caseFile.entities();
    const auto name = [&](qint64 rowId, const QString &id) {
        if (!run.captions.contains(id)) {
            const auto row = store.row(rowId);
            run.captions.insert(id, row ? row->caption : QString());
        }
    };
    for (qsizetype i = 0; i < run.entries.size(); ++i) {
        if (i % 1024 == 0 && isCancelled(cancelled)) {
            return cancelError;
        }
        const EntityExposure &x = run.entries.at(i);
        name(x.rowId, x.id);
        for (const ExposureStake &s : x.stakes) {
            name(s.ownerRowId, s.owner);
        }
    }
    run.finishedAt = QDateTime::currentDateTimeUtc();
    return run;
}

Result<SanctionLists> ExposureRun::sanctionLists(const CaseFile &caseFile)
{
    TermSet authorities, programs;
    const EntityStore &store = caseFile.entities();
    EntityFilter filter;
    filter.schema = QStringLiteral("Sanction");
    constexpr int PageSize = 500;
    QList<EntityRow> rows;
    for (;;) {
        const std::optional<EntityRow> after = rows.isEmpty() ? std::nullopt : std::optional(rows.last());
        rows = store.page(filter, 0, PageSize, after ? &*after : nullptr);
        for (const EntityRow &row : rows) {
            if (const auto e = store.entity(row.rowId)) {
                authorities.add(e->valuesOf(QStringLiteral("authority")));
                programs.add(e->valuesOf(QStringLiteral("program")));
            }
        }
        if (rows.size() < PageSize) {
            break;
        }
    }
    const auto st = GraphScan(caseFile).acceptedMatches(
        [&](qint64, QByteArrayView, QByteArrayView, const QString &listAuthorities, const QString &listPrograms) {
            authorities.add(listAuthorities.split(QStringLiteral("; "), Qt::SkipEmptyParts));
            programs.add(listPrograms.split(QStringLiteral("; "), Qt::SkipEmptyParts));
        });
    if (!st) {
        return st.error();
    }
    return SanctionLists{authorities.sorted(), programs.sorted()};
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// casegraph-cli duplicates, merge and split: entity resolution inside a case, as Analysis → Find
// Duplicates… and Edit → Split Merged Entity do it in the window.
#include "cliapplication.h"

#include "screening/duplicatefinder.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/mergestore.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace Casegraph::Cli {

using namespace Casegraph::Models;

void CliApplication::describeMerge(const QString &command, QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("CASE"), tr("The case file."));
    if (command == QLatin1String("merge")) {
        parser.addPositionalArgument(QStringLiteral("KEPT"), tr("The id of the entity that stays."));
        parser.addPositionalArgument(QStringLiteral("MERGED"),
                                     tr("The id of the entity whose values, claims and links move to KEPT."));
    } else if (command == QLatin1String("split")) {
        parser.addPositionalArgument(QStringLiteral("ENTITY"),
                                     tr("The id of an entity that holds a merge: its latest merge is split."));
    }
}

int CliApplication::runDuplicates(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1), true);
    if (!caseFile) {
        return Failure;
    }
    const QList<DuplicatePair> pairs = DuplicateFinder::find(*caseFile);
    const auto idOf = [&caseFile](qint64 row) -> QString {
        const auto e = caseFile->entities().entity(row);
        return e ? e->id : QString();
    };
    if (m_json) {
        QJsonArray out;
        for (const DuplicatePair &p : pairs) {
            out.append(QJsonObject{{QStringLiteral("first"), idOf(p.first)},
                                   {QStringLiteral("firstCaption"), p.firstCaption},
                                   {QStringLiteral("second"), idOf(p.second)},
                                   {QStringLiteral("secondCaption"), p.secondCaption},
                                   {QStringLiteral("reasons"), QJsonArray::fromStringList(p.reasons)}});
        }
        return printJson({{QStringLiteral("pairs"), out}});
    }
    m_out << tr("%n likely duplicate pair(s).", nullptr, int(pairs.size())) << '\n';
    for (const DuplicatePair &p : pairs) {
        m_out << '\n'
              << tr("%1 [%2] ↔ %3 [%4]").arg(p.firstCaption, idOf(p.first), p.secondCaption, idOf(p.second)) << '\n'
              << "  " << p.reasons.join(QLatin1String("; ")) << '\n';
    }
    return Success;
}

int CliApplication::runMerge(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    const QString keptId = parser.positionalArguments().at(2);
    const QString mergedId = parser.positionalArguments().at(3);
    if (keptId == mergedId) {
        return usageError(tr("KEPT and MERGED are the same entity"), commandHelp(parser));
    }
    qint64 rows[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const QString &id = i == 0 ? keptId : mergedId;
        rows[i] = caseFile->entities().rowIdOf(id);
        if (!rows[i]) {
            return fail(Error{tr("no entity with id \"%1\" in the case").arg(id)});
        }
    }
    const QString mergedCaption = caseFile->entities().entity(rows[1])->caption;
    const auto merge = caseFile->merges().merge(rows[0], rows[1]);
    if (!merge) {
        return fail(merge.error());
    }
    const QString keptCaption = caseFile->entities().entity(rows[0])->caption;
    if (m_json) {
        return printJson({{QStringLiteral("merge"), *merge},
                          {QStringLiteral("kept"), keptId},
                          {QStringLiteral("merged"), mergedId}});
    }
    m_out << tr("Merged %1 [%2] into %3 [%4] (merge %5); every value keeps its provenance. "
                "\"casegraph-cli split CASE %4\" separates them again.")
                 .arg(mergedCaption, mergedId, keptCaption, keptId)
                 .arg(*merge)
          << '\n';
    return Success;
}

int CliApplication::runSplit(QCommandLineParser &parser)
{
    const auto caseFile = openCase(parser.positionalArguments().at(1));
    if (!caseFile) {
        return Failure;
    }
    const QString id = parser.positionalArguments().at(2);
    const qint64 row = caseFile->entities().rowIdOf(id);
    if (!row) {
        return fail(Error{tr("no entity with id \"%1\" in the case").arg(id)});
    }
    const QList<EntityMerge> standing = caseFile->merges().merges(row);
    if (standing.isEmpty()) {
        return fail(Error{tr("%1 holds no merge to split").arg(id)});
    }
    const EntityMerge &m = standing.first();
    if (auto st = caseFile->merges().split(m.id); !st) {
        return fail(st.error());
    }
    if (m_json) {
        return printJson({{QStringLiteral("split"), m.id},
                          {QStringLiteral("kept"), id},
                          {QStringLiteral("restored"), m.mergedId}});
    }
    m_out << tr("Split %1 [%2] from %3 (merge %4): both are as they were before the merge.")
                 .arg(m.mergedCaption, m.mergedId, id)
                 .arg(m.id)
          << '\n';
    return Success;
}

} // namespace Casegraph::Cli

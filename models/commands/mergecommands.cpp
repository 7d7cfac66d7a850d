// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergecommands.h"
#include "storage/casefile.h"
#include "storage/mergestore.h"

namespace Casegraph::Models {

namespace {

Status mergeInto(CaseFile &caseFile, qint64 kept, qint64 merged, qint64 &mergeId)
{
    auto id = caseFile.merges().merge(kept, merged);
    if (!id) {
        return id.error();
    }
    mergeId = *id;
    return {};
}

} // namespace

MergeEntitiesCommand::MergeEntitiesCommand(CaseEditor &editor, qint64 keptRowId, qint64 mergedRowId, const QString &text)
    : EditCommand(editor, text), m_kept(keptRowId), m_merged(mergedRowId)
{
}

Status MergeEntitiesCommand::doRedo()
{
    return mergeInto(caseFile(), m_kept, m_merged, m_mergeId);
}

Status MergeEntitiesCommand::doUndo()
{
    return caseFile().merges().split(m_mergeId);
}

SplitEntityCommand::SplitEntityCommand(CaseEditor &editor, qint64 mergeId, const QString &text)
    : EditCommand(editor, text), m_mergeId(mergeId)
{
}

Status SplitEntityCommand::doRedo()
{
    if (!m_kept) {
        for (const auto &m : caseFile().merges().merges(0, true)) {
            if (m.id == m_mergeId) {
                m_kept = m.keptRowId;
                m_merged = m.mergedRowId;
            }
        }
    }
    return caseFile().merges().split(m_mergeId);
}

Status SplitEntityCommand::doUndo()
{
    return mergeInto(caseFile(), m_kept, m_merged, m_mergeId);
}

AuditRecord MergeEntitiesCommand::auditRecord() const
{
    return {QStringLiteral("entity.merge"), QStringLiteral("entity:%1").arg(m_kept),
            QJsonObject{{QStringLiteral("kept"), m_kept}, {QStringLiteral("merged"), m_merged}},
            QJsonObject{{QStringLiteral("kept"), m_kept}, {QStringLiteral("merge"), m_mergeId}}};
}

AuditRecord SplitEntityCommand::auditRecord() const
{
    return {QStringLiteral("entity.split"), QStringLiteral("entity:%1").arg(m_kept),
            QJsonObject{{QStringLiteral("kept"), m_kept}, {QStringLiteral("merge"), m_mergeId}},
            QJsonObject{{QStringLiteral("kept"), m_kept}, {QStringLiteral("restored"), m_merged}}};
}

} // namespace Casegraph::Models

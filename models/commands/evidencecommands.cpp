// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencecommands.h"
#include "storage/casefile.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"

namespace Casegraph::Models {

AttachExcerptCommand::AttachExcerptCommand(CaseEditor &editor, const ExcerptAttachment &attachment,
                                           const QString &text)
    : EditCommand(editor, text), m_attachment(attachment) {}

Status AttachExcerptCommand::doRedo() {
    SupportStore support(caseFile());
    const ExcerptAttachment &a = m_attachment;
    Excerpt x;
    x.id = m_excerptId; // 0 the first time; the same id on redo
    x.sourceId = a.sourceId;
    x.start = a.start;
    x.end = a.end;
    x.quote = a.quote;
    x.stance = a.stance;
    x.reliability = a.reliability;
    x.comment = a.comment;
    return inTransaction([&]() -> Status {
        if (!m_done) {
            m_claimId = support.findClaim(a.entityRowId, a.property, a.value);
            m_newClaim = m_claimId == 0;
            if (!m_newClaim) {
                const auto existing = support.claim(m_claimId);
                m_oldCredibility = existing ? existing->credibility : QString();
                m_oldStatus = existing ? existing->status : ClaimStatus::Unverified;
            }
        }
        if (m_newClaim) {
            Claim c;
            c.id = m_claimId;
            c.entityRowId = a.entityRowId;
            c.property = a.property;
            c.value = a.property.isEmpty() ? QString() : a.value;
            c.credibility = a.credibility;
            c.status = a.status;
            c.excerpts = {x};
            const auto id = caseFile().evidence().addClaim(c);
            if (!id) {
                return id.error();
            }
            m_claimId = *id;
            if (!m_excerptId) {
                const auto stored = support.claim(m_claimId);
                m_excerptId = stored && !stored->excerpts.isEmpty() ? stored->excerpts.first().id : 0;
            }
        } else {
            x.claimId = m_claimId;
            const auto id = support.addExcerpt(x);
            if (!id) {
                return id.error();
            }
            m_excerptId = *id;
            if (a.credibility != m_oldCredibility || a.status != m_oldStatus) {
                if (auto st = support.setClaimGrading(m_claimId, a.credibility, a.status); !st) {
                    return st;
                }
            }
        }
        m_done = true;
        return {};
    });
}

Status AttachExcerptCommand::doUndo() {
    SupportStore support(caseFile());
    return inTransaction([&]() -> Status {
        if (m_newClaim) {
            return support.removeClaim(m_claimId);
        }
        if (auto st = support.removeExcerpt(m_excerptId); !st) {
            return st;
        }
        return support.setClaimGrading(m_claimId, m_oldCredibility, m_oldStatus);
    });
}

GradeCommand::GradeCommand(CaseEditor &editor, qint64 excerptId, qint64 claimId, const Grades &before,
                           const Grades &after, const QString &text)
    : EditCommand(editor, text), m_excerptId(excerptId), m_claimId(claimId), m_before(before), m_after(after) {}

Status GradeCommand::write(const Grades &grades) {
    SupportStore support(caseFile());
    return inTransaction([&]() -> Status {
        if (auto st = support.setExcerptGrading(m_excerptId, grades.reliability, grades.stance); !st) {
            return st;
        }
        return support.setClaimGrading(m_claimId, grades.credibility, grades.status);
    });
}

Status GradeCommand::doRedo() {
    return write(m_after);
}

Status GradeCommand::doUndo() {
    return write(m_before);
}

GradingSchemeCommand::GradingSchemeCommand(CaseEditor &editor, const GradingScheme &before,
                                           const GradingScheme &after, const QString &text)
    : EditCommand(editor, text), m_before(before), m_after(after) {}

Status GradingSchemeCommand::doRedo() {
    return SupportStore(caseFile()).setGradingScheme(m_after);
}

Status GradingSchemeCommand::doUndo() {
    return SupportStore(caseFile()).setGradingScheme(m_before);
}

AuditRecord AttachExcerptCommand::auditRecord() const
{
    const auto &a = m_attachment;
    return {QStringLiteral("excerpt.attach"), QStringLiteral("entity:%1").arg(a.entityRowId), {},
            QJsonObject{{QStringLiteral("excerpt"), m_excerptId},
                        {QStringLiteral("claim"), m_claimId},
                        {QStringLiteral("property"), a.property},
                        {QStringLiteral("value"), a.value},
                        {QStringLiteral("source"), a.sourceId},
                        {QStringLiteral("start"), a.start},
                        {QStringLiteral("end"), a.end},
                        {QStringLiteral("quote"), a.quote},
                        {QStringLiteral("stance"), a.stance == Excerpt::Stance::Supports ? QStringLiteral("supports")
                                                                                          : QStringLiteral("contradicts")},
                        {QStringLiteral("reliability"), a.reliability},
                        {QStringLiteral("credibility"), a.credibility},
                        {QStringLiteral("status"), a.status}}};
}

namespace {
QJsonObject gradesJson(const GradeCommand::Grades &g)
{
    return {{QStringLiteral("reliability"), g.reliability},
            {QStringLiteral("stance"),
             g.stance == Excerpt::Stance::Supports ? QStringLiteral("supports") : QStringLiteral("contradicts")},
            {QStringLiteral("credibility"), g.credibility},
            {QStringLiteral("status"), g.status}};
}
} // namespace

AuditRecord GradeCommand::auditRecord() const
{
    QJsonObject before = gradesJson(m_before);
    QJsonObject after = gradesJson(m_after);
    before.insert(QStringLiteral("claim"), m_claimId);
    after.insert(QStringLiteral("claim"), m_claimId);
    return {QStringLiteral("excerpt.grade"), QStringLiteral("excerpt:%1").arg(m_excerptId), before, after};
}

AuditRecord GradingSchemeCommand::auditRecord() const
{
    return {QStringLiteral("grading.scheme"), QString(), QJsonObject{{QStringLiteral("edit"), text()}},
            QJsonObject{{QStringLiteral("edit"), text()}}};
}

} // namespace Casegraph::Models

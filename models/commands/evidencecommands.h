// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/evidence.h"
#include "core/grading.h"
#include "editcommand.h"
#include "evidenceeditor.h"

namespace Casegraph::Models {

/// Attaches a passage to a claim (a new one, or the existing claim on the same value). Undo
/// removes the passage (and the claim, if this command made it); redo restores both with the
/// same ids.
class AttachExcerptCommand final : public EditCommand {
public:
    AttachExcerptCommand(CaseEditor &editor, const ExcerptAttachment &attachment, const QString &text);
    qint64 excerptId() const { return m_excerptId; }

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    ExcerptAttachment m_attachment;
    qint64 m_claimId = 0;
    qint64 m_excerptId = 0;
    bool m_newClaim = false;
    bool m_done = false;
    QString m_oldCredibility;
    QString m_oldStatus;
};

/// Changes the grading of one passage and its claim; undo puts the previous grades back.
class GradeCommand final : public EditCommand {
public:
    struct Grades {
        QString reliability;
        Excerpt::Stance stance = Excerpt::Stance::Supports;
        QString credibility;
        QString status;
    };
    GradeCommand(CaseEditor &editor, qint64 excerptId, qint64 claimId, const Grades &before, const Grades &after,
                 const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    Status write(const Grades &grades);
    qint64 m_excerptId = 0;
    qint64 m_claimId = 0;
    Grades m_before;
    Grades m_after;
};

/// Replaces the case's grading scheme; undo restores the previous one.
class GradingSchemeCommand final : public EditCommand {
public:
    GradingSchemeCommand(CaseEditor &editor, const GradingScheme &before, const GradingScheme &after,
                         const QString &text);

protected:
    Status doRedo() override;
    Status doUndo() override;
    AuditRecord auditRecord() const override;

private:
    GradingScheme m_before;
    GradingScheme m_after;
};

} // namespace Casegraph::Models

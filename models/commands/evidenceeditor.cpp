// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidenceeditor.h"
#include "caseeditor.h"
#include "evidencecommands.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"

#include <QUndoStack>

namespace Casegraph::Models {

EvidenceEditor::EvidenceEditor(CaseEditor &editor) : m_editor(editor) {}

Status EvidenceEditor::checkQuote(const ExcerptAttachment &a) const {
    const auto source = m_editor.caseFile().evidence().source(a.sourceId);
    if (!source) {
        return Error{tr("the source no longer exists")};
    }
    if (a.start < 0 || a.end <= a.start) {
        return Error{tr("select the passage to quote")};
    }
    if (codePointSlice(source->text, a.start, a.end) != a.quote) {
        return Error{tr("the quote does not match the source text at %1-%2").arg(a.start).arg(a.end)};
    }
    const GradingScheme scheme = SupportStore(m_editor.caseFile()).gradingScheme();
    if (!a.reliability.isEmpty() && scheme.reliabilityRank(a.reliability) < 0) {
        return Error{tr("\"%1\" is not a reliability grade of this case").arg(a.reliability)};
    }
    if (!a.credibility.isEmpty() && scheme.credibilityRank(a.credibility) < 0) {
        return Error{tr("\"%1\" is not a credibility grade of this case").arg(a.credibility)};
    }
    if (!ClaimStatus::all().contains(a.status)) {
        return Error{tr("unknown claim status \"%1\"").arg(a.status)};
    }
    return {};
}

Result<qint64> EvidenceEditor::attachExcerpt(const ExcerptAttachment &a) {
    const auto row = m_editor.caseFile().entities().row(a.entityRowId);
    if (!row) {
        return Error{tr("choose the entity the passage is about")};
    }
    if (auto st = checkQuote(a); !st) {
        return st.error();
    }
    QString quote = a.quote.simplified();
    if (quote.size() > 40) {
        quote = quote.left(39) + QChar(0x2026);
    }
    auto command = std::make_unique<AttachExcerptCommand>(
        m_editor, a, tr("Attach “%1” to “%2”").arg(quote, row->caption));
    auto *raw = command.get();
    if (auto st = m_editor.push(std::move(command)); !st) {
        return st.error();
    }
    return raw->excerptId();
}

Result<qint64> EvidenceEditor::createEntityWithExcerpt(const QString &schema, const QString &name,
                                                       ExcerptAttachment attachment) {
    return createWithExcerpt(name, [&] { return m_editor.createEntity(schema, name); }, std::move(attachment));
}

Result<qint64> EvidenceEditor::createEntityWithExcerpt(const Entity &entity, ExcerptAttachment attachment) {
    return createWithExcerpt(entity.caption, [&] { return m_editor.createEntity(entity); }, std::move(attachment));
}

Result<qint64> EvidenceEditor::createWithExcerpt(const QString &name, const std::function<Result<qint64>()> &create,
                                                 ExcerptAttachment attachment) {
    attachment.entityRowId = 0;
    if (auto st = checkQuote(attachment); !st) {
        return st.error();
    }
    QUndoStack *stack = m_editor.undoStack();
    stack->beginMacro(tr("Create “%1” from a passage").arg(name.trimmed()));
    const auto rowId = create();
    if (rowId) {
        attachment.entityRowId = *rowId;
        if (const auto attached = attachExcerpt(attachment); !attached) {
            stack->endMacro();
            stack->undo(); // take the entity back out: the step is all or nothing
            return attached.error();
        }
    }
    stack->endMacro();
    return rowId;
}

Status EvidenceEditor::grade(qint64 excerptId, const QString &reliability, Excerpt::Stance stance,
                             const QString &credibility, const QString &status) {
    SupportStore support(m_editor.caseFile());
    const auto x = support.excerpt(excerptId);
    const auto claim = x ? support.claim(x->claimId) : std::nullopt;
    if (!claim) {
        return Error{tr("the passage no longer exists")};
    }
    const GradingScheme scheme = support.gradingScheme();
    if (!reliability.isEmpty() && scheme.reliabilityRank(reliability) < 0) {
        return Error{tr("\"%1\" is not a reliability grade of this case").arg(reliability)};
    }
    if (!credibility.isEmpty() && scheme.credibilityRank(credibility) < 0) {
        return Error{tr("\"%1\" is not a credibility grade of this case").arg(credibility)};
    }
    if (!ClaimStatus::all().contains(status)) {
        return Error{tr("unknown claim status \"%1\"").arg(status)};
    }
    const GradeCommand::Grades before{x->reliability, x->stance, claim->credibility, claim->status};
    const GradeCommand::Grades after{reliability, stance, credibility, status};
    if (before.reliability == after.reliability && before.stance == after.stance &&
        before.credibility == after.credibility && before.status == after.status) {
        return {};
    }
    const auto row = m_editor.caseFile().entities().row(claim->entityRowId);
    return m_editor.push(std::make_unique<GradeCommand>(m_editor, excerptId, claim->id, before, after,
                                                        tr("Grade a passage about “%1”").arg(row ? row->caption
                                                                                                 : QString())));
}

Status EvidenceEditor::setGradingScheme(const GradingScheme &scheme) {
    SupportStore support(m_editor.caseFile());
    const GradingScheme before = support.gradingScheme();
    if (before == scheme) {
        return {};
    }
    return m_editor.push(
        std::make_unique<GradingSchemeCommand>(m_editor, before, scheme, tr("Change the grading scheme")));
}

} // namespace Casegraph::Models

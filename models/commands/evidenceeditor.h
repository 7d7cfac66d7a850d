// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/evidence.h"
#include "core/grading.h"
#include "core/result.h"

#include <QCoreApplication>

#include <functional>

namespace Casegraph::Models {

class CaseEditor;

/// A passage of a source to attach to a claim: what it is about (an entity or relationship,
/// optionally one of its values), the quote with its code-point offsets, and its grading.
struct ExcerptAttachment {
    qint64 entityRowId = 0;
    QString property; ///< empty: the entity or relationship itself
    QString value;
    qint64 sourceId = 0;
    qint64 start = 0; ///< Unicode code points into the source text
    qint64 end = 0;
    QString quote;
    Excerpt::Stance stance = Excerpt::Stance::Supports;
    QString reliability; ///< of the source, for this passage (scheme code or empty)
    QString credibility; ///< of the claim (scheme code or empty)
    QString status = ClaimStatus::Unverified;
    QString comment;
};

/// Undoable edits of evidence: attaching passages, grading passages and claims, the case's
/// grading scheme. Each goes on the CaseEditor's undo stack, so Ctrl+Z in the main window
/// undoes it like any other edit. Thread affinity: the CaseFile's (the GUI thread).
class EvidenceEditor {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::EvidenceEditor)
public:
    explicit EvidenceEditor(CaseEditor &editor);

    /// Attaches the passage to the claim on (entity, property, value), creating the claim
    /// when there is none; an existing claim takes the given credibility and status. The
    /// quote must equal the source text at its offsets. Returns the new excerpt's id.
    Result<qint64> attachExcerpt(const ExcerptAttachment &attachment);
    /// Creates an entity named by the selection and attaches the passage to it, as one
    /// undoable step. Returns the new entity's row id.
    Result<qint64> createEntityWithExcerpt(const QString &schema, const QString &name, ExcerptAttachment attachment);
    /// The same with a whole entity (e.g. a reference-list entry's names, countries and
    /// identifiers); its FtM id is generated when empty.
    Result<qint64> createEntityWithExcerpt(const Entity &entity, ExcerptAttachment attachment);
    /// Changes a passage's reliability and stance and its claim's credibility and status.
    Status grade(qint64 excerptId, const QString &reliability, Excerpt::Stance stance, const QString &credibility,
                 const QString &status);
    Status setGradingScheme(const GradingScheme &scheme);

private:
    Status checkQuote(const ExcerptAttachment &a) const;
    Result<qint64> createWithExcerpt(const QString &name, const std::function<Result<qint64>()> &create,
                                     ExcerptAttachment attachment);
    CaseEditor &m_editor;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/evidence.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>

#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// Sources (preserved originals and their text), claims, excerpts and notes.
class EvidenceStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::EvidenceStore)
public:
    explicit EvidenceStore(CaseFile &caseFile);

    /// Stores a source for an existing Article/Document entity. sha256 is computed here.
    Result<qint64> addSource(Source source);
    std::optional<Source> source(qint64 id) const;
    std::optional<Source> sourceForEntity(qint64 entityRowId) const;
    /// The id of a source whose original bytes have this SHA-256 (hex), or 0 when none has.
    /// Importers use it so that the same file imported twice is stored once.
    qint64 sourceIdByHash(const QString &sha256) const;
    /// id, entity row id, file name and the entity's caption, without the (large) bodies.
    struct SourceSummary {
        qint64 id = 0;
        qint64 entityRowId = 0;
        QString title;
        QString fileName;
        QString mimeType;
        QString sha256;
        QDateTime importedAt;
        qint64 claims = 0;
    };
    QList<SourceSummary> sources() const;

    /// Stores a claim with its excerpts. Each excerpt's quote must equal the source text at
    /// its offsets, else nothing is stored and the error says where they differ.
    Result<qint64> addClaim(Claim claim);
    QList<Claim> claimsFor(qint64 entityRowId) const;
    QList<Claim> claimsForSource(qint64 sourceId) const;
    Status restoreClaims(const QList<Claim> &claims); ///< undo of an entity deletion
    /// Per entity row id: how many distinct sources its claims (retracted ones aside) quote in
    /// supporting excerpts, as Support::sources counts them
    /// (entities without any are absent). One grouped query over the case.
    QHash<qint64, int> supportingSourceCounts() const;

    Result<qint64> addNote(Note note);

    /// One claim's link to a source, for views that need the evidence of many entities at once
    /// (the timeline's "when it became known"): one row per claim and quoted source.
    struct ClaimSourceLink {
        qint64 entityRowId = 0;       ///< the entity the claim is about
        QString property;             ///< the claimed property, empty for the whole entity
        QString comment;              ///< the claim's comment (how a vague value was handled)
        qint64 sourceEntityRowId = 0; ///< the Article/Document entity of the quoted source; 0 if none
    };
    /// Every claim with the sources its excerpts quote, in one query, in entity order.
    QList<ClaimSourceLink> claimSourceLinks() const;
    /// The first note on each entity that has one (entity row id -> Markdown body), in one query.
    QHash<qint64, QString> entityNotes() const;
    QList<Note> notesFor(const QString &targetKind, qint64 targetId) const;

private:
    QList<Claim> loadClaims(const char *sql, qint64 key) const;
    CaseFile &m_case;
};

} // namespace Casegraph::Models

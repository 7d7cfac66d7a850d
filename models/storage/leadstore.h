// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "core/result.h"
#include "notestore.h"

#include <QCoreApplication>

#include <optional>

namespace Casegraph::Models {

class CaseFile;

/// The Leads list: the investigation's open questions with status and assignee (schema
/// version 4), searchable by title and text (lead_fts). Owned by a CaseFile; same thread
/// affinity. Every change emits CaseFile::leadsChanged().
class LeadStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::LeadStore)
public:
    explicit LeadStore(CaseFile &caseFile);

    /// Stores a new lead (it needs a title). A lead with an id, times or actor keeps them
    /// (undo of a deletion); otherwise they are now and the case's actor. Returns the id.
    Result<qint64> add(Lead lead);
    /// Writes every field of the lead but its id and creation time; an invalid modification
    /// time or empty actor become now and the case's actor.
    Status update(const Lead &lead);
    Status remove(qint64 leadId);
    std::optional<Lead> lead(qint64 leadId) const;
    /// Leads in the order they were written down; only open and in-progress ones when asked.
    QList<Lead> leads(bool openOnly = false) const;
    qint64 count(bool openOnly = false) const;
    /// Leads whose title or text matches (EntityStore::ftsQuery syntax).
    QList<TextHit> search(const QString &query, int limit = 50) const;

private:
    Status check(const Lead &lead) const;
    Status writeFts(const Lead &lead, bool replace);
    CaseFile &m_case;
};

} // namespace Casegraph::Models

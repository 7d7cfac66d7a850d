// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "entitystore.h"

#include <QCoreApplication>

namespace Casegraph::Models {

class CaseFile;

/// What a note, tag or lead target is, for display and navigation.
struct TargetInfo {
    Target target;
    bool exists = false;
    qint64 entityRowId = 0; ///< the entity to show: the target itself, a source's or a claim's entity
    qint64 sourceId = 0;    ///< for source targets
    QString schema;         ///< of entityRowId
    QString caption;        ///< the entity's caption, the source's title, or the case title
    QString label;          ///< translated: "Entity: …", "Source: …", "Claim on …", "The case"
};

/// Search over a whole case: names and aliases, source text (EntityStore::search), note bodies
/// (NoteStore::search) and leads (LeadStore::search), grouped by kind in that order.
class CaseSearch {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CaseSearch)
public:
    /// At most `limitPerKind` hits of each kind; snippets mark matches with [brackets].
    static QList<SearchHit> search(const CaseFile &caseFile, const QString &query, int limitPerKind = 50);
    static TargetInfo resolve(const CaseFile &caseFile, const Target &target);
    /// The search-hit kind as written by `casegraph-cli search`: entity, source, note, lead.
    static QString kindName(SearchHit::Kind kind);
};

} // namespace Casegraph::Models

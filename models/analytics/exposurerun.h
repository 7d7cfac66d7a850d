// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exposure.h"

#include <QDateTime>
#include <QHash>

#include <atomic>
#include <functional>

namespace Casegraph::Models {

class CaseFile;

/// The authorities and programs named by the case's Sanctions and accepted screening matches:
/// what a SanctionFilter can usefully ask for. Sorted, case-insensitively unique.
struct SanctionLists {
    QStringList authorities;
    QStringList programs;
    bool isEmpty() const { return authorities.isEmpty() && programs.isEmpty(); }
};

/// One run of the ownership rule over a whole case, with what a view needs to show it: the report,
/// its entries (every entity ExposureReport::entities() lists, with stakes) and the captions of
/// those entities and of their owners.
struct ExposureRun {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ExposureRun)
public:
    ExposureReport report;
    QList<EntityExposure> entries;
    QHash<QString, QString> captions; ///< FtM id → caption
    SanctionLists lists;              ///< present in the case when it ran (all Sanctions, not only the accepted)
    qsizetype nodeCount = 0;
    QDateTime finishedAt;

    /// "Caption [id]", or the id alone when the caption is the id or unknown.
    QString name(const QString &id) const;
    /// The caption, else the id.
    QString caption(const QString &id) const;

    enum class Stage { Reading, Computing, Naming };
    /// Projects the case (read-only use of `caseFile`), applies the rule and reads the captions.
    /// `stage` is told when each stage starts; a set `cancelled` stops the projection's reads (every
    /// few thousand rows), the stages and the pages of captions with the error "cancelled". Runs on
    /// the thread that owns `caseFile`.
    static Result<ExposureRun> compute(const CaseFile &caseFile, const ExposureOptions &options,
                                       const std::atomic_bool *cancelled = nullptr,
                                       const std::function<void(Stage)> &stage = {});
    /// The Sanctions' authorities and programs only (one query per Sanction; no projection).
    static Result<SanctionLists> sanctionLists(const CaseFile &caseFile);
};

} // namespace Casegraph::Models

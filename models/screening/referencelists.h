// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"
#include "screener.h"
#include "storage/referenceliststore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace Casegraph::Models {

class CaseFile;

/// What changed between two versions of a list: entry ids with their captions.
struct ReferenceListDiff {
    struct Item {
        QString id;
        QString caption;
    };
    QList<Item> added;
    QList<Item> removed;
    QList<Item> changed;
    bool isEmpty() const { return added.isEmpty() && removed.isEmpty() && changed.isEmpty(); }
};

/// The outcome of loading a list file.
struct ReferenceListLoad {
    ReferenceListVersion version; ///< the version stored (or the existing one when unchanged)
    bool unchanged = false;       ///< the latest version already had this file's SHA-256: nothing stored
    bool firstVersion = false;
    ReferenceListDiff diff;       ///< against the previous version
    qint64 skipped = 0;           ///< records the reader could not read (skipped, as in a lenient import)
};

/// Called with bytes read and the file size; returning false cancels.
using ListProgress = std::function<bool(qint64 done, qint64 total)>;

/// Loads sanctions and export-control lists into a case's reference tables, through the
/// importers (every format of importFormats(): csl, ofac-csv, ofac-xml, un-xml, bis-json, ftm …).
/// The listed parties (legal entities, vessels, aircraft) become entries carrying their Sanction
/// entities; relationships and other entities in the file are not kept.
class ReferenceListLoader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ReferenceListLoader)
public:
    /// Whether files of this import format are sanctions or export-control lists (csl, ofac-csv,
    /// ofac-xml, un-xml, bis-json): the import dialog says they screen only when loaded as lists.
    static bool isListFormat(const QString &format);
    /// Reads a list file into entries (format detected when empty). `skipped` counts bad records.
    static Result<QList<ReferenceEntry>> read(const QString &path, QString &format, qint64 *skipped = nullptr,
                                              const ListProgress &progress = {});
    /// Reads `path` and stores it as a new version of `name` (default: the file's base name)
    /// unless the latest version of that list has the same SHA-256.
    static Result<ReferenceListLoad> load(CaseFile &caseFile, const QString &path, const QString &name = {},
                                          const QString &format = {}, const ListProgress &progress = {});
    static ReferenceListDiff diff(const QList<ReferenceEntry> &before, const QList<ReferenceEntry> &after);
    static QString fileSha256(const QString &path);
    /// The list's default name for a file: its base name without extensions.
    static QString defaultName(const QString &path);

    /// The entity a screening sees for an entry, and its Sanction entities.
    static Entity entity(const ReferenceEntry &entry);
    static QList<Entity> sanctions(const ReferenceEntry &entry);
    static Entity entityFromJson(const QJsonObject &object);
    /// True for the schemata screening compares: legal entities, vessels and aircraft.
    static bool isParty(const QString &schema);
};

/// One candidate a screening run found, with the decision in force for it, if any.
struct ScreeningMatch {
    qint64 entityRowId = 0;
    QString entityId;
    QString entityCaption;
    QString entitySchema;
    QString entryId;
    QString entryCaption;
    QString entrySchema;
    QString authority;
    QString program;
    Candidate candidate;
    std::optional<ScreeningDecision> decision;

    /// For `casegraph-cli screen --json` and reports.
    QJsonObject toJson() const;
    /// Who lists the entry, translated: "Listed by OFAC: SDGT", "Listed by BIS", or, for a list
    /// that names neither (the BIS extract's Chinese names), a sentence saying so.
    QString listedBy() const;
};

struct ScreeningRequest {
    qint64 versionId = 0;
    ScreeningSettings settings; ///< threshold and the matcher's settings
    QList<qint64> entityRowIds; ///< empty: every party in the case
    bool record = true;         ///< store the run in the case
};

struct ScreeningOutcome {
    ReferenceListVersion version;
    ScreeningRun run;
    QList<ScreeningMatch> matches; ///< by case entity, best score first
};

/// Screens case entities against one stored list version. Synchronous; the GUI runs it on a
/// worker thread with its own CaseFile. `progress(done, total)` is called between batches of
/// parties; returning false cancels (nothing is recorded).
class CaseScreening {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CaseScreening)
public:
    static Result<ScreeningOutcome> run(CaseFile &caseFile, const ScreeningRequest &request,
                                        const std::function<bool(qint64, qint64)> &progress = {});
    /// The full comparison of one case entity with one entry of a version, whatever the score
    /// (what a decision made outside a run records).
    static Result<ScreeningMatch> explain(CaseFile &caseFile, qint64 versionId, qint64 entityRowId,
                                          const QString &entryId, const ScreeningSettings &settings = {});
    /// The case entities a screening compares (all parties, or the parties among `rowIds`).
    static QList<Entity> parties(const CaseFile &caseFile, const QList<qint64> &rowIds = {});
};

} // namespace Casegraph::Models

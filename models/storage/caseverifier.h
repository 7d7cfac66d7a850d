// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Casegraph::Models {

class CaseFile;

/// One thing `verify` found wrong.
struct VerifyProblem {
    enum class Kind {
        SourceHash,     ///< a preserved original no longer matches its SHA-256
        EntryChanged,   ///< an audit entry's content no longer matches its hash
        EntryDeleted,   ///< a gap in the sequence
        EntryReordered, ///< an entry names a later entry as its predecessor
        ChainBroken,    ///< an entry does not follow the one before it
        HeadMismatch,   ///< the newest entries are missing
        ContentChanged, ///< a table's rows differ from the digest the last entry recorded
    };
    Kind kind = Kind::SourceHash;
    qint64 entry = 0;    ///< audit seq, when it is about an entry
    qint64 sourceId = 0; ///< when it is about a source
    QString table;       ///< when it is about a table's content
    QString message;     ///< translated, names what broke
    static QString kindName(Kind kind);
};

/// The outcome of `casegraph-cli verify`.
struct VerifyReport {
    qint64 sources = 0;
    qint64 entries = 0;
    QString headHash; ///< the last entry's hash: note it elsewhere to detect a rewritten log
    QList<VerifyProblem> problems;
    bool ok() const { return problems.isEmpty(); }
    QJsonObject toJson() const;
};

/// What a caller of a long verification is told and may ask (a million-entity case takes seconds).
struct VerifyControl {
    std::function<void(const QString &stage)> stage; ///< told before each step ("Checking …")
    std::function<bool()> cancelled;                 ///< polled often; true stops the check
};

/// Checks a case's integrity: every source's SHA-256, the audit chain (stops at the first broken
/// link and says whether an entry was changed, deleted or reordered), the head recorded in
/// meta, and the content digest of the tracked tables against the last entry. Read-only.
class CaseVerifier {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CaseVerifier)
public:
    /// Fails with "verification cancelled" once `control.cancelled` says so.
    static Result<VerifyReport> verify(const CaseFile &caseFile, const VerifyControl &control = {});
    /// The SHA-256 (hex) of a source's preserved original as it is now, or an empty string
    /// when there is no such source.
    static QString currentSourceHash(const CaseFile &caseFile, qint64 sourceId);
};

} // namespace Casegraph::Models

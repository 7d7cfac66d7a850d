// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "caseverifier.h"
#include "auditlog.h"
#include "casefile.h"
#include "sqlite.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

namespace Casegraph::Models {

namespace {

QString shortHash(const QString &hash)
{
    return hash.left(12) + QStringLiteral("…");
}

QString describe(const AuditEntry &e)
{
    return CaseVerifier::tr("entry %1 (%2 by %3 at %4)")
        .arg(e.seq)
        .arg(e.action, e.actor, e.at.toString(Qt::ISODate));
}

/// Walks the chain in stored order and appends the first broken link, if any.
void checkChain(const QList<AuditEntry> &entries, QList<VerifyProblem> &problems)
{
    using Kind = VerifyProblem::Kind;
    QHash<QString, qsizetype> byHash;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        byHash.insert(entries.at(i).hash, i);
    }
    QString prevHash(64, QLatin1Char('0'));
    qint64 expected = 1;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AuditEntry &e = entries.at(i);
        if (e.seq != expected) {
            const QString message =
                e.seq > expected + 1
                    ? CaseVerifier::tr("entries %1 to %2 of the audit log are missing (deleted): the log goes from "
                                       "entry %3 to entry %4")
                          .arg(expected)
                          .arg(e.seq - 1)
                          .arg(expected - 1)
                          .arg(e.seq)
                    : CaseVerifier::tr("entry %1 of the audit log is missing (deleted): the log goes from entry %2 "
                                       "to entry %3")
                          .arg(expected)
                          .arg(expected - 1)
                          .arg(e.seq);
            problems.append({Kind::EntryDeleted, expected, 0, {}, message});
            return;
        }
        const bool selfOk = AuditLog::entryHash(e) == e.hash;
        const bool linkOk = e.prev == prevHash;
        if (selfOk && linkOk) {
            prevHash = e.hash;
            ++expected;
            continue;
        }
        const auto it = byHash.constFind(e.prev);
        if (!linkOk && it != byHash.cend() && *it != i - 1) {
            problems.append({Kind::EntryReordered, e.seq, 0, {},
                             CaseVerifier::tr("entry %1 of the audit log is out of order (reordered): it was written "
                                              "right after the entry now numbered %2")
                                 .arg(e.seq)
                                 .arg(entries.at(*it).seq)});
        } else if (!selfOk) {
            problems.append({Kind::EntryChanged, e.seq, 0, {},
                             CaseVerifier::tr("%1 of the audit log was changed: its content no longer matches its "
                                              "hash %2")
                                 .arg(describe(e), shortHash(e.hash))});
        } else {
            problems.append({Kind::ChainBroken, e.seq, 0, {},
                             CaseVerifier::tr("entry %1 of the audit log does not follow entry %2: the earlier entry "
                                              "was replaced or its hash rewritten")
                                 .arg(e.seq)
                                 .arg(e.seq - 1)});
        }
        return;
    }
}

QString digestMessage(const QString &table, const TableDigest &recorded, const TableDigest &now)
{
    if (now.rows < recorded.rows) {
        return CaseVerifier::tr("table %1 has %2 rows where the audit log recorded %3: rows were deleted outside "
                                "Casegraph")
            .arg(table)
            .arg(now.rows)
            .arg(recorded.rows);
    }
    if (now.rows > recorded.rows) {
        return CaseVerifier::tr("table %1 has %2 rows where the audit log recorded %3: rows were added outside "
                                "Casegraph")
            .arg(table)
            .arg(now.rows)
            .arg(recorded.rows);
    }
    return CaseVerifier::tr("table %1 differs from what the audit log recorded: rows were changed outside Casegraph")
        .arg(table);
}

} // namespace

QString VerifyProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::SourceHash:
        return QStringLiteral("source-hash");
    case Kind::EntryChanged:
        return QStringLiteral("entry-changed");
    case Kind::EntryDeleted:
        return QStringLiteral("entry-deleted");
    case Kind::EntryReordered:
        return QStringLiteral("entry-reordered");
    case Kind::ChainBroken:
        return QStringLiteral("chain-broken");
    case Kind::HeadMismatch:
        return QStringLiteral("head-mismatch");
    case Kind::ContentChanged:
        return QStringLiteral("content-changed");
    }
    return {};
}

QJsonObject VerifyReport::toJson() const
{
    QJsonArray list;
    for (const auto &p : problems) {
        QJsonObject o{{QStringLiteral("kind"), VerifyProblem::kindName(p.kind)},
                      {QStringLiteral("message"), p.message}};
        if (p.entry) {
            o.insert(QStringLiteral("entry"), p.entry);
        }
        if (p.sourceId) {
            o.insert(QStringLiteral("source"), p.sourceId);
        }
        if (!p.table.isEmpty()) {
            o.insert(QStringLiteral("table"), p.table);
        }
        list.append(o);
    }
    return QJsonObject{{QStringLiteral("ok"), ok()},
                       {QStringLiteral("sources"), sources},
                       {QStringLiteral("entries"), entries},
                       {QStringLiteral("head"), headHash},
                       {QStringLiteral("problems"), list}};
}

QString CaseVerifier::currentSourceHash(const CaseFile &caseFile, qint64 sourceId)
{
    auto *s = caseFile.database().cached("SELECT original FROM source WHERE id=?");
    s->bind(1, sourceId);
    QString hash;
    if (s->step()) {
        hash = QString::fromLatin1(QCryptographicHash::hash(s->view(0), QCryptographicHash::Sha256).toHex());
    }
    s->reset();
    return hash;
}

Result<VerifyReport> CaseVerifier::verify(const CaseFile &caseFile, const VerifyControl &control)
{
    using Kind = VerifyProblem::Kind;
    auto &db = caseFile.database();
    VerifyReport report;
    const auto stage = [&](const QString &text) {
        if (control.stage) {
            control.stage(text);
        }
    };
    // A cancel interrupts a running scan through SQLite's progress handler.
    const auto cancelled = [&] { return control.cancelled && control.cancelled(); };
    struct Interrupt {
        sqlite3 *handle;
        Interrupt(sqlite3 *h, const std::function<bool()> *ask) : handle(h) {
            if (ask && *ask) {
                sqlite3_progress_handler(
                    handle, 20000, [](void *f) { return (*static_cast<const std::function<bool()> *>(f))() ? 1 : 0; },
                    const_cast<std::function<bool()> *>(ask));
            }
        }
        ~Interrupt() { sqlite3_progress_handler(handle, 0, nullptr, nullptr); }
    } interrupt(db.handle(), &control.cancelled);
    const auto failed = [&](const Error &e) -> Error { return cancelled() ? Error{tr("verification cancelled")} : e; };

    stage(tr("Checking each source against its SHA-256…"));

    // 1. Every preserved original against its recorded SHA-256.
    auto src = db.prepare(QStringLiteral("SELECT id, file_name, sha256, original FROM source ORDER BY id"));
    if (!src) {
        return failed(src.error());
    }
    while ((*src)->step()) {
        if (cancelled()) {
            return failed({});
        }
        const auto &s = **src;
        ++report.sources;
        const QString now =
            QString::fromLatin1(QCryptographicHash::hash(s.view(3), QCryptographicHash::Sha256).toHex());
        if (now != s.text(2)) {
            report.problems.append({Kind::SourceHash, 0, s.int64(0), {},
                                    tr("source %1 (%2): the preserved original no longer matches its SHA-256 "
                                       "(recorded %3, now %4)")
                                        .arg(s.int64(0))
                                        .arg(s.text(1), shortHash(s.text(2)), shortHash(now))});
        }
    }

    if (cancelled()) {
        return failed({});
    }

    // 2. The chain, up to its first broken link.
    stage(tr("Checking the audit log's chain…"));
    auto entries = AuditLog::readEntries(db);
    if (!entries) {
        return failed(entries.error());
    }
    report.entries = entries->size();
    checkChain(*entries, report.problems);
    if (!entries->isEmpty()) {
        const AuditEntry &last = entries->constLast();
        report.headHash = last.hash;
        const QString head = caseFile.meta(QStringLiteral("auditHead"));
        const QString expected = QString::number(last.seq) + QLatin1Char(' ') + last.hash;
        if (head != expected) {
            report.problems.append({Kind::HeadMismatch, last.seq, 0, {},
                                    tr("the audit log ends at entry %1 but the case recorded %2 as its newest "
                                       "entry: the newest entries were removed or replaced")
                                        .arg(last.seq)
                                        .arg(head.section(QLatin1Char(' '), 0, 0))});
        }
    }

    // 3. The content as it is now against the digest of the last entry.
    stage(tr("Checking every row against the audit log's digest…"));
    auto now = AuditLog::scanDigest(db);
    if (!now || cancelled()) {
        return failed(now ? Error{} : now.error());
    }
    const ContentDigest recorded = entries->isEmpty()
                                       ? ContentDigest()
                                       : AuditLog::digestFromJson(
                                             QJsonDocument::fromJson(entries->constLast().digest.toUtf8()).object());
    for (auto it = now->cbegin(); it != now->cend(); ++it) {
        const TableDigest r = recorded.value(it.key());
        if (!(r == *it)) {
            report.problems.append({Kind::ContentChanged, 0, 0, it.key(), digestMessage(it.key(), r, *it)});
        }
    }
    return report;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace Casegraph::Models {

/// What a note, tag or lead is attached to. Kinds: "case" (id 0), "entity" (entity row id; a
/// relationship is an entity too), "source" (source id), "claim" (claim id).
struct Target {
    QString kind;
    qint64 id = 0;
    bool isValid() const { return !kind.isEmpty(); }
    bool operator==(const Target &) const = default;
    static QString caseKind() { return QStringLiteral("case"); }
    static QString entityKind() { return QStringLiteral("entity"); }
    static QString sourceKind() { return QStringLiteral("source"); }
    static QString claimKind() { return QStringLiteral("claim"); }
};

/// A label with a colour that can be put on anything (schema version 4).
struct Tag {
    qint64 id = 0;
    QString name;   ///< unique, case-insensitively
    QString colour; ///< #rrggbb
    QDateTime createdAt;
    qint64 uses = 0; ///< filled by TagStore::tags(): how many things carry it
    bool operator==(const Tag &) const = default;
};

/// An open question of the investigation: a to-do with a status and who follows it up.
struct Lead {
    enum class Status { Open, InProgress, Done, Dropped };
    qint64 id = 0;
    QString title;
    QString body;     ///< Markdown
    Status status = Status::Open;
    QString assignee; ///< initials
    Target target;    ///< optional: what the lead is about
    QDateTime createdAt;
    QDateTime modifiedAt;
    QString actor;
    bool isOpen() const { return status == Status::Open || status == Status::InProgress; }
    bool operator==(const Lead &) const = default;

    /// The stored names: "open", "in progress", "done", "dropped".
    static QString statusName(Status status);
    static Status statusFromName(const QString &name);
    /// Translated, for display.
    static QString statusLabel(Status status);
};

} // namespace Casegraph::Models

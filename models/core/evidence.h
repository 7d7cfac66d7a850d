// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Casegraph::Models {

/// A preserved source: the original bytes (never modified), their SHA-256, and extracted text.
/// Each source belongs to an Article or Document entity that carries its title, publisher, etc.
struct Source {
    qint64 id = 0;
    qint64 entityRowId = 0;
    QString fileName;
    QString mimeType;
    QString sha256;   ///< hex of the original bytes
    QByteArray original;
    QString text;     ///< extracted text; excerpt offsets count Unicode code points into it
    QString url;
    QDateTime importedAt;
    QString addedBy;
};

/// A passage of a source quoted in support of (or against) a claim.
struct Excerpt {
    enum class Stance { Supports, Contradicts };
    qint64 id = 0;
    qint64 claimId = 0;
    qint64 sourceId = 0;
    qint64 start = 0; ///< Unicode code points into Source::text
    qint64 end = 0;
    QString quote;
    Stance stance = Stance::Supports;
    QString reliability; ///< grading of the source for this excerpt (e.g. Admiralty A-F)
    QString comment;
    QDateTime createdAt;
    QString actor;
    static QString stanceName(Stance s) { return s == Stance::Supports ? QStringLiteral("supports") : QStringLiteral("contradicts"); }
};

/// Something asserted about an entity: that it (or the relationship) exists, or that one of
/// its properties has a value. Claims carry grading and the excerpts that support them.
struct Claim {
    qint64 id = 0;
    qint64 entityRowId = 0;
    QString property; ///< empty for a claim about the entity as a whole
    QString value;
    QString credibility; ///< e.g. 1-6
    QString status = QStringLiteral("unverified");
    QString comment;  ///< how a vague or relative statement was handled
    QDateTime createdAt;
    QString actor;
    QList<Excerpt> excerpts;
};

struct Note {
    qint64 id = 0;
    QString targetKind; ///< "case", "entity", "source", "claim"
    qint64 targetId = 0;
    QString body;       ///< Markdown
    QDateTime createdAt;
    QDateTime modifiedAt;
    QString actor;
    bool operator==(const Note &) const = default;
};

/// Code-point offsets <-> QString (UTF-16) indices, so stored offsets are independent of
/// the in-memory encoding.
qint64 codePointsToUtf16(const QString &text, qint64 codePoints);
qint64 utf16ToCodePoints(const QString &text, qint64 utf16Index);
/// text[start, end) in code points.
QString codePointSlice(const QString &text, qint64 start, qint64 end);

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <functional>
#include <optional>

namespace Casegraph::Models {

class CaseFile;
namespace Sql {
class Statement;
}

/// Tags with colours, put on anything (schema version 4). Owned by a CaseFile; same thread
/// affinity. Every change emits CaseFile::tagsChanged(). Views filter with entitiesWithTag().
class TagStore {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::TagStore)
public:
    explicit TagStore(CaseFile &caseFile);

    /// Creates a tag; fails on an empty or taken name (case-insensitive) or a colour that is
    /// not #rrggbb. A tag with an id keeps it (undo of a deletion).
    Result<qint64> create(Tag tag);
    Status rename(qint64 tagId, const QString &name);
    Status setColour(qint64 tagId, const QString &colour);
    /// Deletes the tag and takes it off everything.
    Status remove(qint64 tagId);
    /// All tags by name, with their use counts.
    QList<Tag> tags() const;
    std::optional<Tag> tag(qint64 tagId) const;
    std::optional<Tag> tagByName(const QString &name) const;

    /// Puts the tag on a target (no-op when it is already there).
    Status assign(qint64 tagId, const Target &target);
    Status unassign(qint64 tagId, const Target &target);
    /// Tags on one target, by name.
    QList<Tag> tagsOf(const Target &target) const;
    /// Everything that carries the tag.
    QList<Target> targets(qint64 tagId) const;
    /// Entity row ids (relationships included) that carry the tag and still exist.
    QSet<qint64> entitiesWithTag(qint64 tagId) const;
    /// Every tagged entity (by row id) with its tag ids, in one query (chart tag dots and filters).
    QHash<qint64, QList<qint64>> entityTagIds() const;

    /// A pleasant default colour for the n-th tag.
    static QString defaultColour(int n);

private:
    Status checkName(const QString &name, qint64 exceptId) const;
    Status run(const char *sql, const std::function<void(Sql::Statement *)> &bind);
    CaseFile &m_case;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers shared by NoteStore, TagStore and LeadStore (private to models/storage).

#include "core/annotation.h"
#include "sqlite.h"

#include <QDateTime>

#include <functional>
#include <optional>

#include <sqlite3.h>

namespace Casegraph::Models::AnnotationSql {

inline QString toIso(const QDateTime &t)
{
    return (t.isValid() ? t : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

inline QDateTime fromIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

inline void bindText(Sql::Statement *s, int i, const QString &v)
{
    if (v.isEmpty()) {
        s->bindNull(i);
    } else {
        s->bind(i, v);
    }
}

inline void bindTarget(Sql::Statement *s, int kindIndex, const Target &t)
{
    bindText(s, kindIndex, t.kind);
    if (t.id > 0) {
        s->bind(kindIndex + 1, t.id);
    } else {
        s->bindNull(kindIndex + 1);
    }
}

using Sql::inTransaction;

} // namespace Casegraph::Models::AnnotationSql

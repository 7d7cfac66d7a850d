// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QJsonValue>
#include <QSet>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Walks a JSON document from a file without holding it in memory, and hands out its top-level
/// values, or the items of a large top-level array, one at a time as JSON text with the line and
/// column where each starts. Readers of whole-document formats (OCDS packages, BODS arrays,
/// screening-list exports) parse each piece on its own, so memory stays bounded by the largest
/// piece and every error can name a line and column.
///
/// The walk checks the structure it needs (brackets, strings, depth, stray bytes, truncation)
/// and reports the first problem with its position. Values are checked fully only by parse().
///
/// Not thread-safe; use one stream per thread.
class JsonElementStream {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::JsonElementStream)
    Q_DISABLE_COPY_MOVE(JsonElementStream)
public:
    /// Largest single value handed out, and deepest nesting accepted, so that a broken or
    /// hostile file cannot exhaust memory or the stack.
    static constexpr qint64 MaxElementBytes = qint64(64) << 20;
    static constexpr int MaxDepth = 64;

    enum class Mode {
        /// One or more top-level values (a document, or JSON lines). A top-level array gives its
        /// items one by one; any other top-level value is given whole.
        Items,
        /// A single top-level object, given member by member. A member whose name is in the
        /// stream keys and whose value is an array gives its items one by one instead.
        Members,
        /// Like Members, but only the names: values are skipped, not copied (a quick survey).
        Keys,
    };

    struct Element {
        QByteArray json;   ///< the value's JSON text (empty in Keys mode)
        QString key;       ///< Members and Keys: the member's name
        char first = 0;    ///< the value's first byte: '{', '[', '"', 't', 'f', 'n', '-' or a digit
        qint64 index = -1; ///< 0-based position in the array it was streamed from, else -1
        qint64 offset = 0; ///< file offset of the first byte
        qint64 line = 0;   ///< 1-based line of the first byte
        qint64 column = 0; ///< 1-based column (in characters) of the first byte
    };
    enum class Next { Element, End, Error };

    JsonElementStream();
    ~JsonElementStream();

    /// Opens the file. Errors name `displayName` (or `path` when it is empty).
    Status open(const QString &path, const QString &displayName = {});
    /// The first byte that is not white space (a byte order mark is skipped), or 0 for a file
    /// that is empty or blank. Valid after open().
    char firstByte() const;
    /// Starts a walk from the beginning of the file.
    Status rewind(Mode mode, const QSet<QString> &streamKeys = {});
    Next next(Element &element);
    const Error &error() const;

    /// Parses an element's text. On a syntax error, `error` names the file and the line and
    /// column of the offending byte.
    bool parse(const Element &element, QJsonValue &value, Error &error) const;

    const QString &name() const;
    qint64 bytesDone() const;
    qint64 bytesTotal() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

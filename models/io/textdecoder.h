// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Turns text in any encoding ICU knows into UTF-8, in chunks, for the CSV and plain-text
/// importers. Qt 6.4's QStringConverter lacks GB18030/GBK, Big5 and most code pages, so the
/// conversion is ICU's (ucnv); detection is by byte order mark, then UTF-8 validity, then ICU's
/// charset detector (ucsdet).
///
/// Bytes that are invalid in the encoding become U+FFFD and are counted (invalidSequences()), so
/// a strict importer can refuse the record that holds one. Not thread-safe; one per reader.
class TextDecoder {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::TextDecoder)
    Q_DISABLE_COPY_MOVE(TextDecoder)
public:
    struct Detection {
        QString encoding;    ///< an ICU converter name, e.g. "UTF-8", "UTF-16LE", "GB18030", "Big5"
        int bomBytes = 0;    ///< length of the byte order mark to skip
        int confidence = 0;  ///< 100 for a BOM or valid UTF-8; ICU's 0-100 otherwise
        bool binary = false; ///< NUL bytes without a UTF-16/32 pattern: not text at all
    };

    TextDecoder();
    ~TextDecoder();

    /// Looks at a file's first bytes (64 KiB is plenty). A UTF-8 sequence cut by the end of
    /// `head` does not count against UTF-8.
    static Detection detect(const QByteArray &head);
    /// The ICU name for a user-given encoding name ("gbk" → "GB18030", "latin1" →
    /// "windows-1252", "utf8" → "UTF-8"), or an empty string when ICU has no such converter.
    static QString canonicalName(const QString &name);
    /// True for "UTF-8" (and its aliases): the bytes pass through unchanged.
    static bool isUtf8(const QString &encoding);

    /// Prepares to convert from `encoding` (a canonicalName()).
    Status start(const QString &encoding);
    /// Converts `size` bytes and appends the UTF-8 to `out`; `last` flushes a partial
    /// sequence at the end of the input (which then counts as invalid).
    void convert(const char *data, qsizetype size, bool last, QByteArray &out);
    /// Bytes ICU could not convert since start(); each became U+FFFD.
    qint64 invalidSequences() const { return m_invalid; }
    QString encoding() const { return m_encoding; }

    /// Converts a whole byte array (BOM already removed) to a QString.
    static Result<QString> decode(const QByteArray &bytes, const QString &encoding, qint64 *invalid = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
    QString m_encoding;
    qint64 m_invalid = 0;
};

} // namespace Casegraph::Models

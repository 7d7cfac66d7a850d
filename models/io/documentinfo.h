// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

/// What an article or document file tells about itself, and its text. Empty fields are unknown.
struct DocumentInfo {
    bool article = false; ///< HTML with article metadata (og:type article, <article>, published time)
    QString title;
    QString publisher;
    QStringList authors;
    QString publishedAt; ///< an FtM date
    QString url;         ///< canonical or og:url
    QString language;    ///< ISO 639-3, as FtM's language type
    QString summary;
    QString generator; ///< PDF creator/producer
    QString encoding;  ///< of the original bytes, for text formats
    QString text;      ///< extracted text
};

/// Text and metadata from HTML, through the gumbo HTML5 parser (the same tree a browser builds,
/// so broken markup is read as browsers read it). The encoding comes from a BOM, a <meta>
/// charset, UTF-8 validity or ICU's detector, in that order. Body text excludes script, style,
/// noscript and template content; block elements are separated by newlines and other runs of
/// white space collapse to one space, except inside <pre>. Parsing runs on a thread with a
/// large stack, so deeply nested markup cannot overflow the caller's.
class HtmlDocument {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::HtmlDocument)
public:
    /// Deepest element nesting read: deeper pages are refused, as parsing them takes minutes.
    static constexpr int MaxNesting = 2048;
    /// `charset` (e.g. from an HTTP Content-Type header) wins over a <meta> declaration, as in
    /// browsers; a byte order mark wins over both.
    static Result<DocumentInfo> extract(const QByteArray &bytes, const QString &charset = {});
    /// The charset a <meta> element declares in the first 4 KiB, or an empty string.
    static QString declaredCharset(const QByteArray &bytes);
};

/// Text and metadata from PDF, through poppler: the text of each page, pages separated by a
/// form feed (\f); Title, Author, Creator/Producer and CreationDate from the document info.
/// Encrypted files that need a password are refused.
class PdfDocument {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::PdfDocument)
public:
    static Result<DocumentInfo> extract(const QByteArray &bytes);
};

/// Converts a date as pages and PDFs give it ("2019-05-14T10:30:00+02:00", "2019-05-14") to an
/// FtM date, in UTC when a zone is given. Empty when it is not a date.
QString documentDate(const QString &text);

} // namespace Casegraph::Models

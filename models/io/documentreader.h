// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/evidence.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QFile>

#include <optional>

namespace Casegraph::Models {

/// Imports one article or document file (HTML, plain text, PDF) as one entity plus its preserved
/// source: the original bytes (stored unmodified with their SHA-256), the file name, MIME type,
/// import time and the extracted text.
///
/// The entity is an Article (HTML with article metadata) or a Document, with title, publisher,
/// author, publishedAt, sourceUrl, summary, language, fileName, mimeType, fileSize and encoding
/// where the file tells them. Its id is `doc-` and the first 40 hex digits of the SHA-256 of
/// the bytes, so importing the same file again (under any name) merges into the same entity;
/// ImportJob stores no second copy of bytes whose SHA-256 the case already holds.
///
/// A file that cannot be read as its format (binary garbage as HTML, a damaged PDF) is a bad
/// record: the import fails in strict mode and reports it in lenient mode.
class DocumentReader final : public RecordReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::DocumentReader)
    Q_DISABLE_COPY_MOVE(DocumentReader)
public:
    enum class Kind { Html, Text, Pdf };
    /// Largest file accepted: the whole file is read and kept in the case.
    static constexpr qint64 MaxBytes = 256 * 1024 * 1024;

    explicit DocumentReader(Kind kind, bool lenient = false);

    Status open(const QString &path, const QString &displayName = {}) override;
    Step next(Entity &entity) override;
    const Error &error() const override { return m_error; }
    qint64 line() const override { return m_done ? 1 : 0; }
    qint64 bytesDone() const override { return m_done ? m_bytes.size() : 0; }
    qint64 bytesTotal() const override { return m_bytes.size(); }
    std::optional<Source> takeSource() override;

    /// An entity and its source, as the import stores them.
    struct Document {
        Entity entity;
        Source source;
    };
    /// Extracts text and metadata from `bytes` and builds the entity (Article when the page
    /// says it is one, or `article` is set; else Document) and its source. `charset` overrides
    /// the detected encoding of HTML and text (a BOM still wins). Web capture uses it too.
    static Result<Document> read(Kind kind, const QByteArray &bytes, const QString &fileName,
                                 const QString &charset = {}, bool article = false);
    /// Format sniffers.
    static int sniffHtml(const QString &path, const QByteArray &head);
    static int sniffText(const QString &path, const QByteArray &head);
    static int sniffPdf(const QString &path, const QByteArray &head);

private:
    Kind m_kind;
    bool m_lenient;
    QString m_name;
    QString m_fileName;
    QByteArray m_bytes;
    bool m_done = false;
    Error m_error;
    std::optional<Source> m_source;
};

} // namespace Casegraph::Models

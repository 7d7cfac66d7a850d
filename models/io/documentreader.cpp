// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentreader.h"
#include "core/schema.h"
#include "documentinfo.h"
#include "textdecoder.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>

namespace Casegraph::Models {

namespace {

QString suffixOf(const QString &path) {
    return QFileInfo(path).suffix().toLower();
}

/// Plain text: the encoding as for CSV, no metadata.
Result<DocumentInfo> extractText(const QByteArray &bytes, const QString &charset) {
    auto detection = TextDecoder::detect(bytes.left(1 << 20));
    if (detection.binary) {
        return Error{DocumentReader::tr("this is not a text file (it holds binary data)")};
    }
    if (detection.bomBytes == 0 && !TextDecoder::canonicalName(charset).isEmpty()) {
        detection.encoding = TextDecoder::canonicalName(charset);
    }
    qint64 invalid = 0;
    auto text = TextDecoder::decode(bytes.mid(detection.bomBytes), detection.encoding, &invalid);
    if (!text) {
        return text.error();
    }
    DocumentInfo info;
    info.encoding = detection.encoding;
    info.text = *text;
    return info;
}

} // namespace

DocumentReader::DocumentReader(Kind kind, bool lenient) : m_kind(kind), m_lenient(lenient) {}

Status DocumentReader::open(const QString &path, const QString &displayName) {
    m_name = displayName.isEmpty() ? path : displayName;
    m_fileName = QFileInfo(path).fileName();
    m_done = false;
    m_source.reset();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(file.errorString()), m_name};
    }
    if (file.size() > MaxBytes) {
        return Error{tr("the file is larger than %1 MiB").arg(MaxBytes >> 20), m_name};
    }
    m_bytes = file.readAll();
    if (m_bytes.isEmpty()) {
        return Error{tr("the file is empty"), m_name};
    }
    return {};
}

DocumentReader::Step DocumentReader::next(Entity &entity) {
    if (m_done) {
        return Step::End;
    }
    m_done = true;
    auto document = read(m_kind, m_bytes, m_fileName);
    if (!document) {
        m_error = Error{document.error().message, m_name, 1};
        return m_lenient ? Step::Rejected : Step::Failed;
    }
    entity = std::move(document->entity);
    m_source = std::move(document->source);
    return Step::Entity;
}

Result<DocumentReader::Document> DocumentReader::read(Kind kind, const QByteArray &bytes, const QString &fileName,
                                                      const QString &charset, bool article) {
    Result<DocumentInfo> extracted = DocumentInfo{};
    QString mime;
    switch (kind) {
    case Kind::Html:
        extracted = HtmlDocument::extract(bytes, charset);
        mime = QStringLiteral("text/html");
        break;
    case Kind::Text:
        extracted = extractText(bytes, charset);
        mime = QStringLiteral("text/plain");
        break;
    case Kind::Pdf:
        extracted = PdfDocument::extract(bytes);
        mime = QStringLiteral("application/pdf");
        break;
    }
    if (!extracted) {
        return extracted.error();
    }
    const DocumentInfo &info = *extracted;
    const QString sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());

    Document out;
    Entity &entity = out.entity;
    entity.id = QLatin1String("doc-") + sha256.left(40);
    entity.schema = info.article || article ? QStringLiteral("Article") : QStringLiteral("Document");
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    // Values that fail their type's check (an odd date, say) are left out rather than failing
    // the document: the original and its text are what matter.
    const auto add = [&](const char *property, const QString &value) {
        const QString v = value.trimmed();
        const QString p = QLatin1String(property);
        if (!v.isEmpty() && SchemaRegistry::instance().validate(*schema, p, v) &&
            !entity.values.contains(PropertyValue{0, p, v, 0, NoValueFlag})) {
            entity.add(p, v);
        }
    };
    add("title", info.title);
    add("fileName", fileName);
    add("mimeType", mime);
    add("publisher", info.publisher);
    for (const QString &a : info.authors) {
        add("author", a);
    }
    add("publishedAt", info.publishedAt);
    add("sourceUrl", info.url);
    add("summary", info.summary.left(4000));
    add("language", info.language);
    add("encoding", info.encoding);
    add("generator", info.generator);
    add("fileSize", QString::number(bytes.size()));

    Source &source = out.source;
    source.fileName = fileName;
    source.mimeType = mime;
    source.sha256 = sha256;
    source.original = bytes;
    source.text = info.text;
    source.url = info.url;
    source.importedAt = QDateTime::currentDateTimeUtc();
    return out;
}

std::optional<Source> DocumentReader::takeSource() {
    return std::exchange(m_source, std::nullopt);
}

int DocumentReader::sniffHtml(const QString &path, const QByteArray &head) {
    const QString suffix = suffixOf(path);
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm") || suffix == QLatin1String("xhtml")) {
        return 80;
    }
    const QByteArray start = head.left(1024).trimmed().toLower();
    const QByteArray bare = start.startsWith("\xef\xbb\xbf") ? start.mid(3).trimmed() : start;
    if (bare.startsWith("<!doctype html") || bare.startsWith("<html") ||
        (bare.startsWith("<!--") && start.contains("<html"))) {
        return 70;
    }
    return 0;
}

int DocumentReader::sniffText(const QString &path, const QByteArray &head) {
    const QString suffix = suffixOf(path);
    if (suffix != QLatin1String("txt") && suffix != QLatin1String("text") && suffix != QLatin1String("md")) {
        return 0;
    }
    return TextDecoder::detect(head).binary ? 0 : 50;
}

int DocumentReader::sniffPdf(const QString &path, const QByteArray &head) {
    if (head.startsWith("%PDF-")) {
        return 95;
    }
    return suffixOf(path) == QLatin1String("pdf") ? 40 : 0;
}

} // namespace Casegraph::Models

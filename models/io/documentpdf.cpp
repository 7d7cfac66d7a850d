// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentinfo.h"

#include <QDateTime>
#include <QVariant>

#include <poppler-qt6.h>

namespace Casegraph::Models {

namespace {

/// poppler reports every oddity of a damaged file on stderr; the import reports what matters.
void quietPoppler(const QString &, const QVariant &) {}

} // namespace

Result<DocumentInfo> PdfDocument::extract(const QByteArray &bytes) {
    if (!bytes.startsWith("%PDF-")) {
        return Error{tr("this is not a PDF file (it does not start with %PDF-)")};
    }
    Poppler::setDebugErrorFunction(quietPoppler, QVariant());
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc) {
        return Error{tr("cannot read the PDF: it is damaged or truncated")};
    }
    if (doc->isLocked()) {
        return Error{tr("the PDF is protected by a password")};
    }
    DocumentInfo info;
    info.title = doc->info(QStringLiteral("Title")).trimmed();
    const QString author = doc->info(QStringLiteral("Author")).trimmed();
    if (!author.isEmpty()) {
        info.authors << author;
    }
    info.summary = doc->info(QStringLiteral("Subject")).trimmed();
    QString generator = doc->info(QStringLiteral("Creator")).trimmed();
    const QString producer = doc->info(QStringLiteral("Producer")).trimmed();
    if (generator.isEmpty() || (!producer.isEmpty() && producer != generator)) {
        generator = generator.isEmpty() ? producer : generator + QLatin1String("; ") + producer;
    }
    info.generator = generator;
    const QDateTime created = doc->creationDate();
    if (created.isValid()) {
        info.publishedAt = created.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    }
    QStringList pages;
    const int n = doc->numPages();
    pages.reserve(n);
    for (int i = 0; i < n; ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        pages << (page ? page->text(QRectF()) : QString());
    }
    info.text = pages.join(QLatin1Char('\f'));
    return info;
}

} // namespace Casegraph::Models

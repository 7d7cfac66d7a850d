// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfpages.h"

#include <poppler-qt6.h>

namespace Casegraph::Models {

struct PdfPages::Doc {
    std::unique_ptr<Poppler::Document> doc;
};

PdfPages::PdfPages(const QByteArray &bytes) : d(std::make_unique<Doc>()) {
    d->doc = Poppler::Document::loadFromData(bytes);
    if (d->doc && d->doc->isLocked()) {
        d->doc.reset();
    }
    if (d->doc) {
        d->doc->setRenderHint(Poppler::Document::Antialiasing);
        d->doc->setRenderHint(Poppler::Document::TextAntialiasing);
    }
}

PdfPages::~PdfPages() = default;

bool PdfPages::isValid() const {
    return d->doc != nullptr;
}

int PdfPages::count() const {
    return d->doc ? d->doc->numPages() : 0;
}

QImage PdfPages::render(int index, double dpi) const {
    if (!d->doc || index < 0 || index >= d->doc->numPages()) {
        return {};
    }
    const std::unique_ptr<Poppler::Page> page = d->doc->page(index);
    return page ? page->renderToImage(dpi, dpi) : QImage();
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownview.h"

#include <QToolTip>

namespace Casegraph::Ui {

MarkdownView::MarkdownView(QWidget *parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    document()->setDocumentMargin(8);
    connect(this, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, [this](const QUrl &url) {
        if (url.isValid()) {
            QToolTip::showText(QCursor::pos(), url.toDisplayString(), this);
        } else {
            QToolTip::hideText();
        }
    });
}

MarkdownView::~MarkdownView() = default;

void MarkdownView::setMarkdownText(const QString &markdown) {
    // No raw HTML from a note: it could name remote images or styles.
    document()->setMarkdown(markdown, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub) |
                                          QTextDocument::MarkdownNoHTML);
}

QVariant MarkdownView::loadResource(int, const QUrl &) {
    return {};
}

} // namespace Casegraph::Ui

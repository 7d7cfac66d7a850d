// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextBrowser>

namespace Casegraph::Ui {

/// Shows Markdown (QTextDocument::setMarkdown, GitHub dialect) read-only. Nothing is loaded from
/// outside: images and other resources resolve to nothing, and links are only shown (their
/// address in a tooltip), never followed, so reading a note never touches the network.
class MarkdownView final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarkdownView)
public:
    explicit MarkdownView(QWidget *parent = nullptr);
    ~MarkdownView() override;

    void setMarkdownText(const QString &markdown);
    QVariant loadResource(int type, const QUrl &name) override;
};

} // namespace Casegraph::Ui

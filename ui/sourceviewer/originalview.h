// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStackedWidget>
#include <QTextBrowser>

#include <memory>

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QTimer;
class QVBoxLayout;

namespace Casegraph::Models {
class PdfPages;
}

namespace Casegraph::Ui {

/// A QTextBrowser that never fetches anything: remote and local resources (images, style
/// sheets) of a preserved page are refused and counted; only data: images embedded in the page
/// itself are shown. QTextDocument runs no scripts; they are removed beforehand all the same.
class OfflineBrowser final : public QTextBrowser {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OfflineBrowser)
public:
    explicit OfflineBrowser(QWidget *parent = nullptr);
    QVariant loadResource(int type, const QUrl &name) override;
    int refusedCount() const { return m_refused; }
    void resetRefused() { m_refused = 0; }

private:
    int m_refused = 0;
};

/// The "Original" tab of the Source viewer: the preserved bytes as they were captured —
/// an HTML page rendered offline, the pages of a PDF as images, or plain text as it is.
class OriginalView final : public QStackedWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginalView)
public:
    explicit OriginalView(QWidget *parent = nullptr);
    ~OriginalView() override;

    /// Shows `bytes` of this MIME type. Rendering (of PDF pages) happens when the view is shown.
    void setOriginal(const QByteArray &bytes, const QString &mimeType, const QString &fileName);
    void clear();
    OfflineBrowser *htmlView() const { return m_html; }
    /// PDF pages rendered so far, and in all.
    int renderedPages() const { return m_rendered; }
    int pageCount() const;
    /// A line above the rendering: what is shown, what was refused.
    QLabel *notice() const { return m_notice; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void renderNextPage();
    static QString sanitisedHtml(const QByteArray &bytes);

    QLabel *m_notice = nullptr;
    QWidget *m_empty = nullptr;
    OfflineBrowser *m_html = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QScrollArea *m_pdfArea = nullptr;
    QVBoxLayout *m_pdfLayout = nullptr;
    QTimer *m_pageTimer = nullptr;
    std::unique_ptr<Models::PdfPages> m_pdf;
    int m_rendered = 0;
    QWidget *m_page = nullptr;
};

} // namespace Casegraph::Ui

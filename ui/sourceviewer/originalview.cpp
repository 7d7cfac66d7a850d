// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "originalview.h"

#include "evidence/pdfpages.h"
#include "io/documentinfo.h"
#include "io/textdecoder.h"

#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr double PdfDpi = 110;
constexpr int MaxEmbeddedImageBytes = 8 * 1024 * 1024;

QString decodeText(const QByteArray &bytes, const QString &declared = {}) {
    QString encoding = declared.isEmpty() ? QString() : TextDecoder::canonicalName(declared);
    int skip = 0;
    if (encoding.isEmpty()) {
        const auto detected = TextDecoder::detect(bytes.left(64 * 1024));
        encoding = detected.encoding;
        skip = detected.bomBytes;
    }
    const auto text = TextDecoder::decode(bytes.mid(skip), encoding.isEmpty() ? QStringLiteral("UTF-8") : encoding);
    return text ? *text : QString::fromUtf8(bytes);
}
} // namespace

OfflineBrowser::OfflineBrowser(QWidget *parent) : QTextBrowser(parent) {
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QVariant OfflineBrowser::loadResource(int type, const QUrl &name) {
    // Only images the page carries inside itself; nothing from the network or the disk.
    if (type == QTextDocument::ImageResource && name.scheme() == QLatin1String("data")) {
        const QString path = name.toString(QUrl::FullyEncoded);
        const int comma = path.indexOf(QLatin1Char(','));
        if (comma > 0 && path.left(comma).endsWith(QLatin1String(";base64")) && path.size() < MaxEmbeddedImageBytes) {
            QImage image;
            if (image.loadFromData(QByteArray::fromBase64(path.mid(comma + 1).toLatin1()))) {
                return image;
            }
        }
    }
    ++m_refused;
    return {};
}

OriginalView::OriginalView(QWidget *parent) : QStackedWidget(parent) {
    // Each page: a notice line above the rendering.
    const auto page = [this](QWidget *content) {
        auto *holder = new QWidget(this);
        auto *layout = new QVBoxLayout(holder);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(content, 1);
        addWidget(holder);
        return holder;
    };
    m_notice = new QLabel;
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(6, 4, 6, 4);
    m_notice->setStyleSheet(QStringLiteral("QLabel { color: #5f6368; }"));
    auto *emptyLabel = new QLabel(tr("No source is open."));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setEnabled(false);
    m_empty = page(emptyLabel);
    m_html = new OfflineBrowser;
    m_html->setAccessibleName(tr("Original page"));
    page(m_html);
    m_text = new QPlainTextEdit;
    m_text->setReadOnly(true);
    m_text->setAccessibleName(tr("Original text"));
    page(m_text);
    m_pdfArea = new QScrollArea;
    m_pdfArea->setWidgetResizable(true);
    m_pdfArea->setBackgroundRole(QPalette::Dark);
    auto *pages = new QWidget;
    m_pdfLayout = new QVBoxLayout(pages);
    m_pdfLayout->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_pdfLayout->setSpacing(12);
    m_pdfArea->setWidget(pages);
    m_pdfArea->setAccessibleName(tr("Original PDF pages"));
    page(m_pdfArea);
    m_pageTimer = new QTimer(this);
    m_pageTimer->setInterval(0);
    connect(m_pageTimer, &QTimer::timeout, this, &OriginalView::renderNextPage);
    clear();
}

OriginalView::~OriginalView() = default;

void OriginalView::clear() {
    m_pageTimer->stop();
    m_pdf.reset();
    m_rendered = 0;
    while (QLayoutItem *item = m_pdfLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_html->clear();
    m_text->clear();
    m_notice->setParent(this);
    m_notice->hide();
    setCurrentWidget(m_empty);
}

int OriginalView::pageCount() const {
    return m_pdf ? m_pdf->count() : 0;
}

QString OriginalView::sanitisedHtml(const QByteArray &bytes) {
    QString html = decodeText(bytes, HtmlDocument::declaredCharset(bytes));
    // QTextDocument executes nothing, but the preserved page should not even carry active
    // content into the view: scripts, frames, objects and event-handler attributes go.
    static const QRegularExpression blocks(
        QStringLiteral("<(script|iframe|object|embed|noscript|template)\\b[^>]*>.*?</\\1\\s*>|"
                       "<(script|iframe|object|embed|link|meta|base)\\b[^>]*/?>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression handlers(QStringLiteral("\\son[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"),
                                             QRegularExpression::CaseInsensitiveOption);
    html.remove(blocks);
    html.remove(handlers);
    return html;
}

void OriginalView::setOriginal(const QByteArray &bytes, const QString &mimeType, const QString &fileName) {
    clear();
    const QString lowerName = fileName.toLower();
    QWidget *shown = nullptr;
    QString notice;
    if (mimeType.contains(QLatin1String("pdf")) || lowerName.endsWith(QLatin1String(".pdf"))) {
        m_pdf = std::make_unique<PdfPages>(bytes);
        if (m_pdf->isValid()) {
            shown = m_pdfArea;
            notice = tr("PDF, %n page(s), rendered from the preserved file.", nullptr, m_pdf->count());
            if (isVisible()) {
                m_pageTimer->start();
            }
        } else {
            m_pdf.reset();
            notice = tr("This PDF cannot be rendered (damaged or password-protected); the Text tab shows what was "
                        "extracted from it.");
        }
    } else if (mimeType.contains(QLatin1String("html")) || lowerName.endsWith(QLatin1String(".html")) ||
               lowerName.endsWith(QLatin1String(".htm"))) {
        const QString html = sanitisedHtml(bytes);
        // Images the page would fetch (anything but data: URLs): counted here, refused when
        // the document asks for them at layout time.
        static const QRegularExpression fetched(QStringLiteral("<img\\b[^>]*\\bsrc\\s*=\\s*[\"']?(?!data:)"),
                                                QRegularExpression::CaseInsensitiveOption);
        const qsizetype images = html.count(fetched);
        m_html->resetRefused();
        m_html->setHtml(html);
        shown = m_html;
        notice = images > 0 ? tr("Page rendered offline: scripts removed, %n image(s) from elsewhere not loaded.",
                                 nullptr, int(images))
                            : tr("Page rendered offline: scripts removed, nothing loaded from the network.");
    } else {
        m_text->setPlainText(decodeText(bytes));
        shown = m_text;
        notice = tr("The preserved file as it is (%1).").arg(mimeType.isEmpty() ? tr("unknown type") : mimeType);
    }
    if (!shown) {
        shown = m_text;
    }
    auto *layout = static_cast<QVBoxLayout *>(shown->parentWidget()->layout());
    layout->insertWidget(0, m_notice);
    m_notice->setText(notice);
    m_notice->show();
    setCurrentWidget(shown->parentWidget());
}

void OriginalView::showEvent(QShowEvent *event) {
    QStackedWidget::showEvent(event);
    if (m_pdf && m_rendered < m_pdf->count()) {
        m_pageTimer->start();
    }
}

void OriginalView::renderNextPage() {
    // One page per event-loop turn, so that a long PDF never freezes the window.
    if (!m_pdf || m_rendered >= m_pdf->count() || !isVisible()) {
        m_pageTimer->stop();
        return;
    }
    const QImage image = m_pdf->render(m_rendered, PdfDpi * devicePixelRatioF());
    auto *label = new QLabel;
    if (image.isNull()) {
        label->setText(tr("Page %1 cannot be rendered.").arg(m_rendered + 1));
    } else {
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(devicePixelRatioF());
        label->setPixmap(pixmap);
    }
    label->setAccessibleName(tr("Page %1").arg(m_rendered + 1));
    m_pdfLayout->addWidget(label);
    ++m_rendered;
}

} // namespace Casegraph::Ui

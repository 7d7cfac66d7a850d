// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcesdock.h"
#include "listtable.h"

#include "itemmodels/itemdatarole.h"
#include "itemmodels/provenancetext.h"
#include "itemmodels/sourcesmodel.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QCursor>
#include <QHeaderView>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const QString ExcerptScheme = QStringLiteral("excerpt");
const QColor SupportsColor(0xfd, 0xe6, 0x8a);
const QColor ContradictsColor(0xf7, 0xc6, 0xc6);
/// A title is readable when this many average characters of it show.
constexpr int TitleChars = 24;
/// The reader beside the list needs about this many average characters a line.
constexpr int ReaderChars = 40;
} // namespace

SourcesDock::SourcesDock(QWidget *parent) : QDockWidget(tr("Sources"), parent) {
    setObjectName(QStringLiteral("SourcesDock"));
    toggleViewAction()->setText(tr("&Sources")); // dock titles show no mnemonics; the View menu does
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setChildrenCollapsible(false);

    m_view = makeListTable(m_splitter, tr("Sources"));
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->viewport()->installEventFilter(this); // the secondary columns give way to the title

    auto *reader = new QWidget(m_splitter);
    auto *layout = new QVBoxLayout(reader);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_header = new QLabel(reader);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setContentsMargins(4, 2, 4, 0);
    m_text = new QTextBrowser(reader);
    m_text->setOpenLinks(false);
    m_text->setAccessibleName(tr("Source text"));
    m_text->document()->setDocumentMargin(10);
    layout->addWidget(m_header);
    layout->addWidget(m_text, 1);

    m_splitter->addWidget(m_view);
    m_splitter->addWidget(reader);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({400, 600});
    setWidget(m_splitter);
    setFocusProxy(m_view);
    setTabOrder(m_view, m_text);

    connect(m_text, &QTextBrowser::anchorClicked, this, &SourcesDock::onAnchorClicked);
    connect(m_text, qOverload<const QUrl &>(&QTextBrowser::highlighted), this, &SourcesDock::onAnchorHovered);
    setCase(nullptr);
}

SourcesDock::~SourcesDock() = default;

void SourcesDock::setCase(CaseFile *caseFile) {
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_case = caseFile;
    showSource(0);
    if (!caseFile) {
        return;
    }
    m_model = new SourcesModel(*caseFile, this);
    m_view->setModel(m_model);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(SourcesModel::TitleColumn, QHeaderView::Stretch);
    for (const int column : {SourcesModel::FileColumn, SourcesModel::ClaimsColumn, SourcesModel::ImportedColumn}) {
        header->resizeSection(column, columnWidth(column));
    }
    fitColumns();
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SourcesDock::onCurrentChanged);
    connect(m_view, &QTableView::clicked, this,
            [this](const QModelIndex &index) { Q_EMIT entityActivated(m_model->summary(index.row()).entityRowId); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Sources and claim counts reloaded: keep showing the same source, highlights refreshed.
        const qint64 id = m_sourceId;
        const int row = m_model->rowOfSource(id);
        m_silent = true;
        if (row >= 0) {
            m_view->setCurrentIndex(m_model->index(row, SourcesModel::TitleColumn));
        }
        m_silent = false;
        showSource(row >= 0 ? id : 0);
    });
    // Open on the first source, without taking the Inspector away from the user's entity.
    if (m_model->rowCount() > 0) {
        m_silent = true;
        selectRow(0);
        m_silent = false;
    } else {
        showSource(0);
    }
}

int SourcesDock::columnWidth(int column) const {
    const QFontMetrics fm = m_view->fontMetrics();
    const int em = fm.horizontalAdvance(QLatin1Char('M'));
    switch (column) {
    case SourcesModel::TitleColumn: // the icon, its gap and a readable stretch of the title
        return m_view->iconSize().width() + em + fm.averageCharWidth() * TitleChars;
    case SourcesModel::FileColumn:
        return em * 7;
    case SourcesModel::ClaimsColumn:
        return fm.horizontalAdvance(tr("Claims")) + em;
    case SourcesModel::ImportedColumn:
        return fm.horizontalAdvance(QStringLiteral("2026-11-22")) + em;
    }
    return 0;
}

int SourcesDock::listWidth() const {
    int width = 0;
    for (int column = 0; column < SourcesModel::ColumnCount; ++column) {
        width += columnWidth(column);
    }
    return width + m_view->verticalScrollBar()->sizeHint().width() + 2 * m_view->frameWidth();
}

void SourcesDock::fitColumns() {
    if (!m_model) {
        return;
    }
    // The title keeps a readable width; Claims, then File, then Imported show while room is left
    // (the row's tool tip and the reader's header still give the file and the import date).
    auto *header = m_view->horizontalHeader();
    int room = m_view->viewport()->width() - columnWidth(SourcesModel::TitleColumn);
    for (const int column : {SourcesModel::ClaimsColumn, SourcesModel::FileColumn, SourcesModel::ImportedColumn}) {
        const int width = columnWidth(column);
        const bool shown = room >= width;
        room = shown ? room - width : -1; // keep the columns' order: none after a hidden one
        if (header->isSectionHidden(column) == shown) {
            header->setSectionHidden(column, !shown);
        }
    }
}

bool SourcesDock::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    }
    return QDockWidget::eventFilter(watched, event);
}

void SourcesDock::resizeEvent(QResizeEvent *event) {
    QDockWidget::resizeEvent(event);
    // Side by side when the dock is wide (at the bottom) and both halves get a readable width:
    // the list its columns with a readable title, the reader a line of text. Otherwise (at a
    // side, or a narrow bottom dock) stacked, the list above the reader.
    const QSize size = m_splitter->size();
    const int list = listWidth();
    const int reader = m_text->fontMetrics().averageCharWidth() * ReaderChars;
    const bool wide = size.width() > size.height() * 1.3 && size.width() >= list + reader + m_splitter->handleWidth();
    const Qt::Orientation wanted = wide ? Qt::Horizontal : Qt::Vertical;
    if (m_splitter->orientation() != wanted) {
        m_splitter->setOrientation(wanted);
        if (wanted == Qt::Horizontal) {
            const int listShare = std::max(list, size.width() * 2 / 5);
            m_splitter->setSizes({listShare, size.width() - listShare});
        } else {
            m_splitter->setSizes({size.height() * 2 / 5, size.height() * 3 / 5});
        }
    }
}

void SourcesDock::selectRow(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        return;
    }
    if (m_view->currentIndex().row() == row) {
        // Already shown (the dock opens on the first source): selecting it again still opens
        // its entity, as a click does.
        if (!m_silent) {
            Q_EMIT entityActivated(m_model->summary(row).entityRowId);
        }
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, SourcesModel::TitleColumn));
}

bool SourcesDock::selectSourceOfEntity(qint64 entityRowId) {
    const int row = m_model ? m_model->rowOfEntity(entityRowId) : -1;
    if (row < 0) {
        return false;
    }
    m_silent = true;
    selectRow(row);
    m_silent = false;
    return true;
}

void SourcesDock::showExcerpt(qint64 sourceId, qint64 excerptId) {
    const int row = m_model ? m_model->rowOfSource(sourceId) : -1;
    if (row < 0) {
        return;
    }
    if (isHidden()) {
        show();
    }
    raise();
    m_silent = true;
    selectRow(row);
    m_silent = false;
    const auto it = m_excerpts.constFind(excerptId);
    if (it == m_excerpts.cend()) {
        return;
    }
    const QString &text = m_text->toPlainText();
    QTextCursor cursor(m_text->document());
    cursor.setPosition(int(codePointsToUtf16(text, it->excerpt.start)));
    cursor.setPosition(int(codePointsToUtf16(text, it->excerpt.end)), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
}

void SourcesDock::onCurrentChanged() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || !m_model) {
        return;
    }
    const auto &summary = m_model->summary(current.row());
    if (summary.id != m_sourceId) {
        showSource(summary.id);
    }
    if (!m_silent) {
        Q_EMIT entityActivated(summary.entityRowId);
    }
}

void SourcesDock::showSource(qint64 sourceId) {
    m_sourceId = sourceId;
    m_excerpts.clear();
    const auto source = m_case && sourceId ? m_case->evidence().source(sourceId) : std::nullopt;
    if (!source) {
        m_sourceId = 0;
        const bool none = !m_model || m_model->rowCount() == 0;
        m_header->setText(!m_case ? QString()
                          : none  ? tr("This case has no sources yet: import articles or documents to quote them.")
                                  : tr("Select a source to read it with its quoted passages highlighted."));
        m_text->clear();
        return;
    }
    const int row = m_model->rowOfSource(sourceId);
    const QString title = row >= 0 ? m_model->summary(row).title : source->fileName;
    m_text->setPlainText(source->text);

    // Highlight every quoted passage; offsets are code points, the document counts UTF-16 units.
    QTextCursor cursor(m_text->document());
    const auto claims = m_case->evidence().claimsForSource(sourceId);
    for (const auto &claim : claims) {
        const auto about = m_case->entities().row(claim.entityRowId);
        for (const auto &x : claim.excerpts) {
            if (x.sourceId != sourceId) {
                continue;
            }
            const bool contradicts = x.stance == Excerpt::Stance::Contradicts;
            QString tip = about ? about->caption : QString();
            if (!claim.property.isEmpty()) {
                tip += QStringLiteral(" — ") + claim.property + QLatin1String(": ") + claim.value;
            }
            tip += QLatin1Char('\n') + (contradicts ? tr("contradicts the claim") : tr("supports the claim"));
            if (!claim.comment.isEmpty()) {
                tip += QLatin1Char('\n') + claim.comment;
            }
            tip += QLatin1Char('\n') + tr("Click to open the entity.");
            cursor.setPosition(int(codePointsToUtf16(source->text, x.start)));
            cursor.setPosition(int(codePointsToUtf16(source->text, x.end)), QTextCursor::KeepAnchor);
            QTextCharFormat format;
            format.setBackground(contradicts ? ContradictsColor : SupportsColor);
            format.setAnchor(true);
            format.setAnchorHref(ExcerptScheme + QLatin1Char(':') + QString::number(x.id));
            format.setToolTip(tip);
            cursor.mergeCharFormat(format);
            m_excerpts.insert(x.id, Passage{x, claim.entityRowId, tip});
        }
    }
    m_text->moveCursor(QTextCursor::Start);

    QStringList meta{source->fileName, source->mimeType,
                     tr("imported %1 by %2").arg(ProvenanceText::time(source->importedAt), source->addedBy),
                     tr("SHA-256 %1…").arg(source->sha256.left(12))};
    const QString passages =
        m_excerpts.isEmpty() ? tr("no quoted passages") : tr("%1 quoted passages highlighted").arg(m_excerpts.size());
    m_header->setText(QStringLiteral("<b>%1</b><br><span style=\"color:#5f6368\">%2 · %3</span>")
                          .arg(title.toHtmlEscaped(), meta.join(QStringLiteral(" · ")).toHtmlEscaped(), passages));
}

void SourcesDock::onAnchorClicked(const QUrl &url) {
    if (url.scheme() != ExcerptScheme) {
        return;
    }
    const auto it = m_excerpts.constFind(url.path().toLongLong());
    if (it != m_excerpts.cend() && it->entityRowId) {
        Q_EMIT entityActivated(it->entityRowId);
    }
}

void SourcesDock::onAnchorHovered(const QUrl &url) {
    if (url.scheme() != ExcerptScheme) {
        QToolTip::hideText();
        return;
    }
    const auto it = m_excerpts.constFind(url.path().toLongLong());
    if (it != m_excerpts.cend()) {
        QToolTip::showText(QCursor::pos(), it->tip, m_text);
    }
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "globalsearch.h"

#include "core/schema.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/entitystore.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCompleter>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int HitsPerKind = 25;
constexpr int HtmlRole = Qt::UserRole + 40;   ///< QString: rich text of a row
constexpr int KindRole = Qt::UserRole + 41;   ///< int: SearchHit::Kind, -1 for a heading
constexpr int ItemIdRole = Qt::UserRole + 42; ///< qint64: note or lead id

/// "[Huawei] Technologies" → "<b>Huawei</b> Technologies", everything else escaped.
QString htmlSnippet(const QString &snippet) {
    QString out;
    QString run;
    const auto flush = [&] {
        out += run.toHtmlEscaped();
        run.clear();
    };
    for (const QChar c : snippet) {
        if (c == QLatin1Char('[')) {
            flush();
            out += QLatin1String("<b style='background-color:#fff0a0'>");
        } else if (c == QLatin1Char(']')) {
            flush();
            out += QLatin1String("</b>");
        } else {
            run += c;
        }
    }
    flush();
    return out;
}

/// Paints a row's HtmlRole (bold, highlighted matches) instead of its plain text.
class HitDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString html = index.data(HtmlRole).toString();
        if (html.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        opt.text.clear();
        QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget);
        QTextDocument doc;
        layOut(doc, opt, html, textRect.width()); // a passage wraps onto its second line
        painter->save();
        painter->translate(textRect.topLeft() + QPoint(0, std::max(0, (textRect.height() - int(doc.size().height())) / 2)));
        painter->setClipRect(QRect(QPoint(0, 0), textRect.size()));
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.palette = opt.palette;
        if (opt.state & QStyle::State_Selected) {
            ctx.palette.setColor(QPalette::Text, opt.palette.color(QPalette::HighlightedText));
        }
        doc.documentLayout()->draw(painter, ctx);
        painter->restore();
    }
    /// Three lines for a passage or a note: its snippet (16 words) and where it is from were cut
    /// off after ~60 letters in one line of the popup, so the source's title never showed.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const int kind = index.data(KindRole).isValid() ? index.data(KindRole).toInt() : -1;
        if (kind == int(SearchHit::Kind::Source) || kind == int(SearchHit::Kind::Note)) {
            size.setHeight(std::max(size.height(), 3 * option.fontMetrics.lineSpacing() + 6));
        }
        // A long name or lead wraps too in the popup of a laptop's narrower search box ("New York
        // Times reporting on U.S. DNA sequencers reaching Xinjiang police — Event"): as tall as
        // its text at the popup's width, so that its second line is not cut in half.
        const auto *view = qobject_cast<const QAbstractItemView *>(option.widget);
        const QString html = index.data(HtmlRole).toString();
        if (view && !html.isEmpty()) {
            QStyleOptionViewItem opt = option;
            initStyleOption(&opt, index);
            opt.rect = QRect(0, 0, view->viewport()->width(), size.height());
            QStyle *style = view->style();
            QTextDocument doc;
            layOut(doc, opt, html, style->subElementRect(QStyle::SE_ItemViewItemText, &opt, view).width());
            size.setHeight(std::max(size.height(), int(std::ceil(doc.size().height())) + 4));
        }
        return size;
    }

private:
    static void layOut(QTextDocument &doc, const QStyleOptionViewItem &opt, const QString &html, int width) {
        doc.setDocumentMargin(1);
        doc.setDefaultFont(opt.font);
        doc.setHtml(html);
        doc.setTextWidth(width);
    }
};
} // namespace

GlobalSearch::GlobalSearch(QWidget *parent) : QLineEdit(parent) {
    setPlaceholderText(tr("Search names, sources and notes (Ctrl+K)"));
    setClearButtonEnabled(true);
    addAction(SchemaIcons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    setAccessibleName(tr("Search the case"));
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 22);
    m_hits = new QStandardItemModel(this);
    m_completer = new QCompleter(m_hits, this);
    // The hits come from full-text search, not from a prefix of the typed text.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(14);
    m_completer->setWidget(this);
    m_completer->popup()->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 48);
    m_completer->popup()->setItemDelegate(new HitDelegate(m_completer->popup()));
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(this, &QLineEdit::textEdited, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &GlobalSearch::runSearch);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &GlobalSearch::activateHit);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_timer->stop();
        runSearch();
        const QModelIndex current = m_completer->popup()->currentIndex();
        if (current.isValid()) {
            activateHit(current);
        } else if (m_hits->rowCount() > 1) {
            activateHit(m_hits->index(1, 0)); // the first hit under the first heading
        }
    });
    setEnabled(false);
}

GlobalSearch::~GlobalSearch() = default;

void GlobalSearch::setCase(CaseFile *caseFile) {
    m_case = caseFile;
    m_hits->clear();
    clear();
    setEnabled(caseFile);
}

int GlobalSearch::hitCount() const {
    return m_hits->rowCount();
}

void GlobalSearch::runSearch() {
    m_hits->clear();
    if (!m_case || text().trimmed().isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    // Unranked and limited: a few milliseconds even on a million names (EntityStore::search).
    const auto hits = CaseSearch::search(*m_case, text(), HitsPerKind);
    const auto &reg = SchemaRegistry::instance();
    int lastKind = -1;
    for (const auto &hit : hits) {
        if (int(hit.kind) != lastKind) {
            lastKind = int(hit.kind);
            static const char *const headings[] = {QT_TR_NOOP("Names"), QT_TR_NOOP("Passages in sources"),
                                                   QT_TR_NOOP("Notes"), QT_TR_NOOP("Leads")};
            auto *heading = new QStandardItem(tr(headings[lastKind]));
            heading->setFlags(Qt::NoItemFlags); // skipped by the arrow keys, never activated
            QFont bold = font();
            bold.setBold(true);
            heading->setFont(bold);
            heading->setData(-1, KindRole);
            m_hits->appendRow(heading);
        }
        const Schema *schema = reg.schema(hit.schema);
        auto *item = new QStandardItem(SchemaIcons::forSchema(hit.schema), QString());
        QString html;
        switch (hit.kind) {
        case SearchHit::Kind::Entity:
            item->setText(tr("%1 — %2").arg(hit.caption, schema ? schema->label : hit.schema));
            html = tr("%1 — %2").arg(htmlSnippet(hit.snippet), (schema ? schema->label : hit.schema).toHtmlEscaped());
            break;
        case SearchHit::Kind::Source:
            item->setIcon(SchemaIcons::named(QStringLiteral("quote")));
            item->setText(tr("“%1” — %2").arg(QString(hit.snippet).remove(QLatin1Char('[')).remove(QLatin1Char(']')),
                                             hit.caption));
            html = tr("“%1” — %2").arg(htmlSnippet(hit.snippet), hit.caption.toHtmlEscaped());
            item->setToolTip(tr("A passage of %1").arg(hit.caption));
            break;
        case SearchHit::Kind::Note:
            item->setIcon(SchemaIcons::named(QStringLiteral("edit")));
            item->setText(tr("%1 — note on %2").arg(QString(hit.snippet).remove(QLatin1Char('[')).remove(QLatin1Char(']')),
                                                   hit.caption));
            html = tr("%1 — note on %2").arg(htmlSnippet(hit.snippet), hit.caption.toHtmlEscaped());
            break;
        case SearchHit::Kind::Lead:
            item->setIcon(SchemaIcons::named(QStringLiteral("search")));
            item->setText(tr("%1 — lead").arg(hit.caption));
            html = tr("%1 — lead").arg(htmlSnippet(hit.snippet));
            break;
        }
        item->setData(html, HtmlRole);
        item->setData(int(hit.kind), KindRole);
        item->setData(hit.itemId, ItemIdRole);
        item->setData(hit.rowId, ItemDataRole::EntityRowIdRole);
        item->setData(hit.sourceId, ItemDataRole::SourceIdRole);
        m_hits->appendRow(item);
    }
    if (hits.isEmpty()) {
        auto *item = new QStandardItem(tr("Nothing matches “%1”").arg(text().trimmed()));
        item->setEnabled(false);
        m_hits->appendRow(item);
    }
    m_completer->complete();
    // QCompleter sizes its popup by the first row (a one-line heading): make room for the
    // three-line passages it holds, up to the usual number of lines.
    QAbstractItemView *popup = m_completer->popup();
    const int most = m_completer->maxVisibleItems() * popup->sizeHintForRow(0);
    int height = 2 * popup->frameWidth();
    for (int r = 0; r < m_hits->rowCount() && height < most; ++r) {
        height += popup->sizeHintForRow(r);
    }
    popup->resize(popup->width(), std::min(height, most + 2 * popup->frameWidth()));
    // Start on the first hit, not on a heading.
    if (m_hits->rowCount() > 1 && m_hits->item(0)->data(KindRole).toInt() == -1) {
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(1, 0));
    }
}

void GlobalSearch::activateHit(const QModelIndex &index) {
    const int kind = index.data(KindRole).isValid() ? index.data(KindRole).toInt() : -1;
    const qint64 rowId = index.data(ItemDataRole::EntityRowIdRole).toLongLong();
    const qint64 sourceId = index.data(ItemDataRole::SourceIdRole).toLongLong();
    const qint64 itemId = index.data(ItemIdRole).toLongLong();
    m_completer->popup()->hide();
    switch (kind) {
    case int(SearchHit::Kind::Note):
        Q_EMIT noteActivated(itemId);
        break;
    case int(SearchHit::Kind::Lead):
        Q_EMIT leadActivated(itemId);
        break;
    case int(SearchHit::Kind::Source):
        Q_EMIT sourceActivated(sourceId, rowId);
        break;
    case int(SearchHit::Kind::Entity):
        Q_EMIT entityActivated(rowId);
        break;
    default:
        break; // a heading
    }
}

} // namespace Casegraph::Ui

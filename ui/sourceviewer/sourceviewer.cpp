// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceviewer.h"
#include "evidencedialogs.h"
#include "listedentrydialog.h"
#include "originalview.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/entitytext.h"
#include "itemmodels/provenancetext.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QToolTip>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const QColor SupportsColor(0xfd, 0xe6, 0x8a);
const QColor ContradictsColor(0xf7, 0xc6, 0xc6);
const QColor MentionColor(0x1a, 0x56, 0xa8);
const QColor ListedColor(0xa3, 0x3b, 0x00); // listed names: burnt orange, dotted
constexpr int ReloadDelayMs = 150;
constexpr int MentionRebuildDelayMs = 600;
constexpr int QuoteColumnChars = 90;
enum PassageColumn { QuoteColumn, AboutColumn, StanceColumn, GradeColumn, StatusColumn };
constexpr int ExcerptIdRole = Qt::UserRole;
constexpr int EntityRole = Qt::UserRole + 1;
const QKeySequence AttachKey(Qt::CTRL | Qt::Key_E);

/// The marks of the text, as they look in it: underlined names and highlighted passages.
QPixmap legendPixmap(const QFont &font, qreal dpr) {
    struct Sample {
        QString text;
        QColor color;
        QColor underline;
        Qt::PenStyle style;
        QColor background;
    };
    const Sample samples[] = {
        {SourceViewer::tr("case entity"), MentionColor, MentionColor, Qt::DashLine, {}},
        {SourceViewer::tr("listed name"), ListedColor, ListedColor, Qt::DotLine, {}},
        {SourceViewer::tr("case entity, also listed"), MentionColor, ListedColor, Qt::DotLine, {}},
        {SourceViewer::tr("supports"), Qt::black, {}, Qt::NoPen, SupportsColor},
        {SourceViewer::tr("contradicts"), Qt::black, {}, Qt::NoPen, ContradictsColor},
    };
    const QFontMetrics fm(font);
    constexpr int Gap = 14;
    int width = 6;
    for (const Sample &sample : samples) {
        width += fm.horizontalAdvance(sample.text) + 6 + Gap;
    }
    const int height = fm.height() + 6;
    QPixmap pixmap(QSize(width, height) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setFont(font);
    int x = 6;
    for (const Sample &sample : samples) {
        const int w = fm.horizontalAdvance(sample.text) + 6;
        const QRect box(x, 1, w, fm.height() + 2);
        if (sample.background.isValid()) {
            p.fillRect(box, sample.background);
        }
        p.setPen(sample.color);
        p.drawText(box, Qt::AlignCenter, sample.text);
        if (sample.style != Qt::NoPen) {
            p.setPen(QPen(sample.underline, 1, sample.style));
            p.drawLine(box.left() + 3, box.bottom(), box.right() - 3, box.bottom());
        }
        x += w + Gap;
    }
    return pixmap;
}
} // namespace

SourceViewer::SourceViewer(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("SourceViewer"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                      Qt::LinksAccessibleByKeyboard);
    m_header->setOpenExternalLinks(false); // a click never goes to the network by itself
    m_header->setContentsMargins(8, 6, 8, 2);
    m_header->setAccessibleName(tr("Source metadata"));
    connect(m_header, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("casegraph:details")) {
            m_detailsChosen = true;
            setDetailsShown(!m_detailsShown);
        }
    });
    layout->addWidget(m_header);
    // The hash in a read-only field of its own: whole and copyable, but scrolled rather than
    // setting the dock's width (64 monospace digits in the header made the viewer 584 px wide,
    // squeezing the Entities list and the chart on a 1366 px screen).
    m_hashRow = new QWidget(this);
    auto *hashLayout = new QHBoxLayout(m_hashRow);
    hashLayout->setContentsMargins(8, 0, 8, 2);
    auto *hashLabel = new QLabel(tr("SHA-256"), m_hashRow);
    hashLabel->setStyleSheet(QStringLiteral("color:#5f6368"));
    m_hash = new QLineEdit(m_hashRow);
    m_hash->setReadOnly(true);
    m_hash->setFrame(false);
    m_hash->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hash->setAccessibleName(tr("SHA-256 of the stored bytes"));
    m_hash->setStyleSheet(QStringLiteral("background: transparent"));
    hashLabel->setBuddy(m_hash);
    hashLayout->addWidget(hashLabel);
    hashLayout->addWidget(m_hash, 1);
    m_hashRow->hide();
    layout->addWidget(m_hashRow);

    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    layout->addWidget(m_toolBar);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    // Less than its parts' own minimums, as in the Notes dock tabbed beside it: a short dock
    // shows less of each instead of making the window taller than a laptop screen.
    splitter->setMinimumHeight(fontMetrics().height() * 7);
    m_tabs = new QTabWidget(splitter);
    m_tabs->setDocumentMode(true);
    m_text = new QTextBrowser(m_tabs);
    m_text->setOpenLinks(false);
    m_text->setAccessibleName(tr("Source text"));
    m_text->document()->setDocumentMargin(12);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_tabs->addTab(m_text, tr("&Text"));
    m_original = new OriginalView(m_tabs);
    m_tabs->addTab(m_original, tr("O&riginal"));

    m_passages = new QTreeWidget(splitter);
    m_passages->setRootIsDecorated(false);
    m_passages->setAlternatingRowColors(true);
    m_passages->setUniformRowHeights(true);
    m_passages->setAllColumnsShowFocus(true);
    m_passages->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_passages->setAccessibleName(tr("Passages of this source"));
    m_passages->setHeaderLabels({tr("Passage"), tr("About"), tr("Stance"), tr("Grade"), tr("Status")});
    m_passages->header()->setStretchLastSection(false);
    m_passages->header()->setSectionResizeMode(QuoteColumn, QHeaderView::Stretch);
    m_passages->header()->setSectionResizeMode(AboutColumn, QHeaderView::Interactive);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_passages->header()->resizeSection(AboutColumn, em * 18);
    m_passages->header()->resizeSection(StanceColumn, em * 7);
    m_passages->header()->resizeSection(GradeColumn, em * 4);
    m_passages->header()->resizeSection(StatusColumn, em * 7);
    m_passages->setContextMenuPolicy(Qt::ActionsContextMenu);
    splitter->addWidget(m_tabs);
    splitter->addWidget(m_passages);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({500, 110});
    layout->addWidget(splitter, 1);

    m_attach = new QAction(tr("&Attach as Excerpt…"), this);
    m_attach->setShortcut(AttachKey);
    m_attach->setShortcutContext(Qt::WidgetShortcut); // taken by the event filter, see eventFilter()
    m_attach->setToolTip(tr("Quote the selected passage in support of (or against) a claim about an entity, one of "
                            "its values or a relationship (Ctrl+E)"));
    m_createEntity = new QAction(tr("Create &Entity from Selection…"), this);
    m_createEntity->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_createEntity->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_createEntity->setToolTip(tr("Create an entity named by the selection, with the passage attached (Ctrl+Alt+E)"));
    m_grade = new QAction(tr("&Grade Passage…"), this);
    m_grade->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_G));
    m_grade->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_grade->setToolTip(tr("Grade the source reliability, stance, credibility and status of the current passage "
                           "(Ctrl+Alt+G)"));
    m_showMentions = new QAction(tr("Show &Names"), this);
    m_showMentions->setCheckable(true);
    m_showMentions->setChecked(true);
    m_showMentions->setToolTip(tr("Underline every name or alias of an entity of the case that occurs in the text"));
    m_showListed = new QAction(tr("Show &Listed Names"), this);
    m_showListed->setCheckable(true);
    m_showListed->setChecked(true);
    m_showListed->setToolTip(tr("Underline every name or alias of an entry of a loaded reference list (sanctions, "
                                "export controls) that occurs in the text"));
    m_toolBar->addAction(m_attach);
    m_toolBar->addAction(m_createEntity);
    m_toolBar->addAction(m_grade);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_showMentions);
    m_toolBar->addAction(m_showListed);
    // The legend of the text's marks, beside the toggles: painted, as rich text in a label
    // cannot draw dashed or dotted underlines.
    m_legend = new QLabel(m_toolBar);
    m_legend->setObjectName(QStringLiteral("SourceViewerLegend"));
    m_legend->setPixmap(legendPixmap(font(), devicePixelRatio()));
    m_legend->setAccessibleName(tr("Legend: case entity, listed name, case entity also listed, supporting passage, "
                                   "contradicting passage"));
    m_legend->setToolTip(tr("Blue dashed: a name of an entity of the case. Orange dotted: a name on a loaded "
                            "reference list (blue with an orange dotted line: both). Yellow: a quoted passage that supports a claim; red: one that "
                            "contradicts it."));
    m_toolBar->addWidget(m_legend);
    addAction(m_createEntity);
    addAction(m_grade);
    m_text->addAction(m_attach);
    m_passages->addAction(m_grade);
    auto *openEntity = new QAction(tr("&Open Entity"), m_passages);
    m_passages->addAction(openEntity);
    connect(openEntity, &QAction::triggered, this, [this] {
        if (auto *item = m_passages->currentItem()) {
            Q_EMIT entityActivated(item->data(AboutColumn, EntityRole).toLongLong());
        }
    });

    m_text->installEventFilter(this);
    m_text->viewport()->installEventFilter(this);
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_text, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        std::unique_ptr<QMenu> menu(m_text->createStandardContextMenu(pos));
        menu->addSeparator();
        menu->addAction(m_attach);
        menu->addAction(m_createEntity);
        menu->exec(m_text->viewport()->mapToGlobal(pos));
    });
    connect(m_attach, &QAction::triggered, this, &SourceViewer::attachSelection);
    connect(m_createEntity, &QAction::triggered, this, &SourceViewer::createEntityFromSelection);
    connect(m_grade, &QAction::triggered, this, &SourceViewer::gradeCurrentPassage);
    connect(m_showMentions, &QAction::toggled, this, &SourceViewer::applyHighlights);
    connect(m_showListed, &QAction::toggled, this, &SourceViewer::applyHighlights);
    connect(m_text, &QTextBrowser::selectionChanged, this, &SourceViewer::updateActions);
    connect(m_passages, &QTreeWidget::currentItemChanged, this, &SourceViewer::onPassageChanged);
    connect(m_passages, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT entityActivated(item->data(AboutColumn, EntityRole).toLongLong());
    });

    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &SourceViewer::reload);
    m_mentionTimer = new QTimer(this);
    m_mentionTimer->setSingleShot(true);
    m_mentionTimer->setInterval(MentionRebuildDelayMs);
    connect(m_mentionTimer, &QTimer::timeout, this, &SourceViewer::rebuildMentions);
    setCase(nullptr, nullptr);
}

SourceViewer::~SourceViewer() = default;

void SourceViewer::setCase(CaseFile *caseFile, CaseEditor *editor) {
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_editor = editor;
    releaseOffThread(std::move(m_finder)); // a million names' automaton takes a while to free
    m_listed.clear();
    m_mentions.clear();
    m_mentionRuns.cancel(); // a build for the previous case stops and its result is dropped
    m_contextEntity = 0;
    showSource(0);
    if (!m_case) {
        return;
    }
    const auto names = [this] { m_mentionTimer->start(); };
    connect(m_case, &CaseFile::entityAdded, this, names);
    connect(m_case, &CaseFile::entityChanged, this, names);
    connect(m_case, &CaseFile::entityRemoved, this, names);
    connect(m_case, &CaseFile::entitiesReset, this, names);
    connect(m_case, &CaseFile::screeningChanged, this, names); // a reference list loaded or replaced
    connect(m_case, &CaseFile::evidenceChanged, this, [this] { m_reloadTimer->start(); });
    connect(m_case, &CaseFile::entityChanged, this, [this] { m_reloadTimer->start(); });
    rebuildMentions();
}

void SourceViewer::showSource(qint64 sourceId) {
    const bool same = sourceId == m_sourceId && sourceId != 0;
    m_sourceId = sourceId;
    if (!same) {
        m_sourceText.clear();
        m_text->clear();
        m_original->clear();
    }
    reload();
    if (!same) {
        m_text->moveCursor(QTextCursor::Start);
        Q_EMIT sourceShown(m_sourceId);
    }
}

void SourceViewer::reload() {
    m_excerpts.clear();
    const auto source = m_case && m_sourceId ? m_case->evidence().source(m_sourceId) : std::nullopt;
    if (!source) {
        m_sourceId = 0;
        m_title.clear();
        m_sourceText.clear();
        m_text->clear();
        m_original->clear();
        m_passages->clear();
        m_mentions.clear();
        m_header->setText(m_case ? tr("Double-click a source in the Sources list, or a passage in the Inspector, "
                                      "to read it here.")
                                 : QString());
        m_hash->clear();
        m_hashRow->hide();
        m_headerTitle.clear();
        updateActions();
        return;
    }
    m_scheme = SupportStore(*m_case).gradingScheme();
    const bool fresh = m_sourceText != source->text || m_text->document()->isEmpty();
    if (fresh) {
        m_sourceText = source->text;
        m_text->setPlainText(source->text);
        m_original->setOriginal(source->original, source->mimeType, source->fileName);
        findMentions();
    }
    for (const auto &claim : m_case->evidence().claimsForSource(m_sourceId)) {
        // In the Inspector's words: a relationship by its ends, an entity value by its name.
        const QString about = EntityText::claim(m_case->entities(), claim.entityRowId, claim.property, claim.value);
        for (const auto &x : claim.excerpts) {
            if (x.sourceId == m_sourceId) {
                m_excerpts.insert(x.id, Passage{x, claim, about});
            }
        }
    }
    updateHeader(*source);
    fillPassages();
    applyHighlights();
    updateActions();
}

void SourceViewer::updateHeader(const Source &source) {
    const auto entity = m_case->entities().entity(source.entityRowId);
    const QString title = entity && !entity->caption.isEmpty() ? entity->caption : source.fileName;
    m_title = title;
    const auto first = [&](std::initializer_list<const char *> props) -> QString {
        for (const char *p : props) {
            if (entity) {
                if (const QString v = entity->first(QString::fromLatin1(p)); !v.isEmpty()) {
                    return v;
                }
            }
        }
        return {};
    };
    const QString url = source.url.isEmpty() ? first({"sourceUrl"}) : source.url;
    const QString unknown = QStringLiteral("<span style=\"color:#9aa0a6\">%1</span>").arg(tr("not stated"));
    const auto value = [&](const QString &v) { return v.isEmpty() ? unknown : v.toHtmlEscaped(); };
    // Two label/value pairs per line, the hash on a line of its own: the header stays short.
    const auto cell = [](const QString &label, const QString &html) -> QString {
        return QStringLiteral("<td nowrap style=\"color:#5f6368; padding-right:8px\">%1</td>"
                              "<td style=\"padding-right:24px\">%2</td>")
            .arg(label.toHtmlEscaped(), html);
    };
    QString rows;
    rows += QStringLiteral("<tr>") + cell(tr("Publisher"), value(first({"publisher"}))) +
            cell(tr("Author"), value(first({"author"}))) + QStringLiteral("</tr>");
    rows += QStringLiteral("<tr>") + cell(tr("Published"), value(first({"publishedAt", "date"}))) +
            cell(tr("URL"), url.isEmpty() ? unknown : QStringLiteral("<a href=\"%1\">%1</a>").arg(url.toHtmlEscaped())) +
            QStringLiteral("</tr>");
    rows += QStringLiteral("<tr>") +
            cell(tr("Captured or imported"),
                 tr("%1 by %2").arg(ProvenanceText::time(source.importedAt), source.addedBy).toHtmlEscaped()) +
            cell(tr("File"), tr("%1 (%2, %3)")
                                 .arg(source.fileName, source.mimeType,
                                      QLocale().formattedDataSize(source.original.size()))
                                 .toHtmlEscaped()) +
            QStringLiteral("</tr>");
    m_hash->setText(source.sha256);
    m_hash->setCursorPosition(0);
    m_hash->setToolTip(source.sha256);
    int supports = 0;
    for (const auto &p : std::as_const(m_excerpts)) {
        supports += p.excerpt.stance == Excerpt::Stance::Supports ? 1 : 0;
    }
    QString counts = tr("%n passage(s) quoted", nullptr, int(m_excerpts.size()));
    if (!m_excerpts.isEmpty()) {
        counts += QStringLiteral(" (") +
                  tr("%1 supporting, %2 contradicting").arg(supports).arg(m_excerpts.size() - supports) +
                  QLatin1Char(')');
    }
    m_headerTitle = title;
    m_headerRows = rows;
    m_headerCounts = counts;
    composeHeader();
}

void SourceViewer::composeHeader() {
    if (m_headerTitle.isEmpty()) {
        return; // no source shown: the header holds its hint
    }
    const QString toggle = QStringLiteral("<a href=\"casegraph:details\">%1</a>")
                               .arg(m_detailsShown ? tr("Hide details") : tr("Show details"));
    m_header->setText(QStringLiteral("<div style=\"font-size:large; font-weight:bold\">%1</div>%2"
                                     "<div style=\"color:#5f6368\">%3 · %4</div>")
                          .arg(m_headerTitle.toHtmlEscaped(),
                               m_detailsShown ? QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\">%1</table>")
                                                    .arg(m_headerRows)
                                              : QString(),
                               m_headerCounts.toHtmlEscaped(), toggle));
    m_hashRow->setVisible(m_detailsShown);
}

void SourceViewer::setDetailsShown(bool shown) {
    m_detailsShown = shown;
    composeHeader();
}

void SourceViewer::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if (!m_detailsChosen && (height() >= DetailsMinHeight) != m_detailsShown) {
        setDetailsShown(height() >= DetailsMinHeight);
    }
}

void SourceViewer::fillPassages() {
    m_filling = true;
    const qint64 current = m_passages->currentItem() ? m_passages->currentItem()->data(QuoteColumn, ExcerptIdRole).toLongLong() : 0;
    m_passages->clear();
    QList<const Passage *> ordered;
    for (const auto &p : std::as_const(m_excerpts)) {
        ordered << &p;
    }
    std::sort(ordered.begin(), ordered.end(), [](const Passage *a, const Passage *b) {
        return a->excerpt.start != b->excerpt.start ? a->excerpt.start < b->excerpt.start : a->excerpt.id < b->excerpt.id;
    });
    QTreeWidgetItem *restore = nullptr;
    for (const Passage *p : std::as_const(ordered)) {
        auto *item = new QTreeWidgetItem(m_passages);
        QString quote = p->excerpt.quote.simplified();
        if (quote.size() > QuoteColumnChars) {
            quote = quote.left(QuoteColumnChars - 1) + QChar(0x2026);
        }
        const bool contradicts = p->excerpt.stance == Excerpt::Stance::Contradicts;
        item->setText(QuoteColumn, QStringLiteral("“%1”").arg(quote));
        item->setText(AboutColumn, p->about);
        item->setText(StanceColumn, contradicts ? tr("contradicts") : tr("supports"));
        item->setText(GradeColumn, p->excerpt.reliability + p->claim.credibility);
        item->setText(StatusColumn, ClaimStatus::label(p->claim.status));
        item->setBackground(StanceColumn, contradicts ? ContradictsColor : SupportsColor);
        item->setToolTip(QuoteColumn, passageTip(*p));
        item->setToolTip(AboutColumn, p->about);
        item->setData(QuoteColumn, ExcerptIdRole, p->excerpt.id);
        item->setData(AboutColumn, EntityRole, p->claim.entityRowId);
        if (p->excerpt.id == current) {
            restore = item;
        }
    }
    if (restore) {
        m_passages->setCurrentItem(restore);
    }
    m_filling = false;
}

QString SourceViewer::passageTip(const Passage &p) const {
    const GradingScheme &scheme = m_scheme;
    QStringList lines{p.about};
    lines << (p.excerpt.stance == Excerpt::Stance::Contradicts ? tr("Contradicts the claim") : tr("Supports the claim"));
    lines << tr("Source reliability: %1")
                 .arg(p.excerpt.reliability.isEmpty() ? tr("not graded") : scheme.describeReliability(p.excerpt.reliability));
    lines << tr("Credibility: %1")
                 .arg(p.claim.credibility.isEmpty() ? tr("not graded") : scheme.describeCredibility(p.claim.credibility));
    lines << tr("Status: %1").arg(ClaimStatus::label(p.claim.status));
    if (!p.claim.comment.isEmpty()) {
        lines << p.claim.comment;
    }
    if (!p.excerpt.comment.isEmpty()) {
        lines << p.excerpt.comment;
    }
    return lines.join(QLatin1Char('\n'));
}

QString SourceViewer::mentionTip(const Mention &m) const {
    QStringList lines;
    if (const qint64 entity = m.entityRowIds.value(0)) {
        const auto row = m_case->entities().row(entity);
        const Schema *schema = row ? SchemaRegistry::instance().schema(row->schema) : nullptr;
        if (row) {
            lines << tr("%1 (%2): click to open").arg(row->caption, schema ? schema->label : row->schema);
        }
        if (m.entityRowIds.size() > 1) {
            lines << tr("%n other entities have this name", nullptr, int(m.entityRowIds.size() - 1));
        }
    }
    QStringList lists;
    for (const qint64 key : m.listedKeys) {
        const ListedName &ref = m_listed.at(key);
        lists << tr("%1 — %2").arg(ref.listName, ref.caption) +
                     (ref.program.isEmpty() ? QString() : QStringLiteral(" (") + ref.program + QLatin1Char(')'));
    }
    if (!lists.isEmpty()) {
        lines << (m.isListedOnly() ? tr("On a loaded list: click to show the entry") : tr("Also on a loaded list:"));
        const qsizetype shown = std::min<qsizetype>(lists.size(), 4);
        lines << lists.mid(0, shown);
        if (lists.size() > shown) {
            lines << tr("… and %n more", nullptr, int(lists.size() - shown));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

void SourceViewer::applyHighlights() {
    QTextDocument *doc = m_text->document();
    if (m_sourceText.isEmpty()) {
        return;
    }
    // Clear earlier formats, then passages (background), then names (colour, underline) on
    // top; a name inside a passage gets both tooltips.
    QTextCursor cursor(doc);
    cursor.select(QTextCursor::Document);
    cursor.setCharFormat(QTextCharFormat());
    const auto range = [&](qint64 start, qint64 end) {
        cursor.setPosition(int(codePointsToUtf16(m_sourceText, start)));
        cursor.setPosition(int(codePointsToUtf16(m_sourceText, end)), QTextCursor::KeepAnchor);
    };
    const auto passageTips = [this](qint64 codePoint) -> QString {
        QStringList tips;
        for (const qint64 id : excerptsAt(codePoint)) {
            tips << passageTip(m_excerpts.value(id));
        }
        return tips.isEmpty() ? QString() : tips.join(QStringLiteral("\n\n")) + QLatin1Char('\n') + tr("Click to show the claim.");
    };
    for (const auto &p : std::as_const(m_excerpts)) {
        QTextCharFormat format;
        format.setBackground(p.excerpt.stance == Excerpt::Stance::Contradicts ? ContradictsColor : SupportsColor);
        format.setToolTip(passageTips(p.excerpt.start));
        range(p.excerpt.start, p.excerpt.end);
        cursor.mergeCharFormat(format);
    }
    if (m_case && (m_showMentions->isChecked() || m_showListed->isChecked())) {
        QHash<qint64, QString> tips; // by case entity, or by -1 - listed key
        for (const auto &m : std::as_const(m_mentions)) {
            const bool listed = m.isListedOnly();
            if ((listed && !m_showListed->isChecked()) || (!listed && !m_showMentions->isChecked())) {
                continue;
            }
            const qint64 key = listed ? -1 - m.listedKeys.value(0) : m.entityRowIds.value(0);
            auto tip = tips.constFind(key);
            if (tip == tips.cend()) {
                tip = tips.insert(key, mentionTip(m));
            }
            // A case entity that is also on a list: blue text, the list's dotted orange underline.
            const bool alsoListed = !listed && !m.listedKeys.isEmpty() && m_showListed->isChecked();
            QTextCharFormat format;
            format.setForeground(listed ? ListedColor : MentionColor);
            format.setFontUnderline(true);
            format.setUnderlineStyle(listed || alsoListed ? QTextCharFormat::DotLine : QTextCharFormat::DashUnderline);
            format.setUnderlineColor(listed || alsoListed ? ListedColor : MentionColor);
            const QString passages = passageTips(m.start);
            format.setToolTip(passages.isEmpty() ? *tip : *tip + QStringLiteral("\n\n") + passages);
            range(m.start, m.end);
            cursor.mergeCharFormat(format);
        }
    }
}

void SourceViewer::rebuildMentions() {
    if (!m_case) {
        return;
    }
    // The names are read and the automaton built on a worker with its own connection to the
    // case file: a case with a million names must not stall the window.
    const QString path = m_case->path();
    struct Built {
        std::shared_ptr<const MentionFinder> finder;
        QList<ListedName> listed; ///< one per listed entry; a listed pattern's key is its index
    };
    auto result = std::make_shared<Built>();
    // A newer build, another case or closing the window cancels it (between its steps); the
    // window waits for it.
    const auto cancelled = m_mentionRuns.begin();
    const auto post = WorkerRuns::poster(this, [](SourceViewer &v) -> WorkerRuns & { return v.m_mentionRuns; });
    m_mentionRuns.start([path, result, cancelled, post] {
        CaseFile reader;
        if (!reader.open(path, CaseFile::OpenMode::ReadOnly)) {
            return;
        }
        const SupportStore store(reader);
        QList<MentionPattern> patterns;
        for (const auto &n : store.entityNames()) {
            patterns.append({n.entityRowId, n.name});
        }
        if (cancelled->load()) {
            return;
        }
        // Names of loaded lists' entries (rows come ordered by version and entry).
        for (const auto &n : store.listedNames()) {
            const ListedNameUse use = MentionFinder::listedNameUse(n.name, n.schema);
            if (use == ListedNameUse::Skip) {
                continue;
            }
            const ListedName *last = result->listed.isEmpty() ? nullptr : &result->listed.constLast();
            if (!last || last->versionId != n.versionId || last->entryId != n.entryId) {
                result->listed.append(n);
            }
            patterns.append({qint64(result->listed.size() - 1), n.name, true, use == ListedNameUse::Capitalised});
        }
        if (cancelled->load()) {
            return;
        }
        auto finder = std::make_shared<MentionFinder>();
        finder->setPatterns(patterns, cancelled.get());
        if (cancelled->load()) {
            return;
        }
        result->finder = std::move(finder);
        // The poster drops the result of a run that a newer one or another case replaced.
        post([result](SourceViewer &v) {
            v.m_mentionRuns.finished();
            releaseOffThread(std::exchange(v.m_finder, result->finder));
            v.m_listed = std::move(result->listed);
            v.findMentions();
            v.applyHighlights();
        });
    });
}

void SourceViewer::findMentions() {
    m_mentions = m_finder && !m_sourceText.isEmpty() ? m_finder->find(m_sourceText) : QList<Mention>();
}

QList<qint64> SourceViewer::excerptsAt(qint64 codePoint) const {
    QList<qint64> out;
    for (const auto &p : std::as_const(m_excerpts)) {
        if (p.excerpt.start <= codePoint && codePoint < p.excerpt.end) {
            out << p.excerpt.id;
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

void SourceViewer::selectRange(qint64 start, qint64 end) {
    // Anchored at the end, so that the cursor (what the view scrolls to) is the passage's start.
    QTextCursor cursor(m_text->document());
    cursor.setPosition(int(codePointsToUtf16(m_sourceText, end)));
    cursor.setPosition(int(codePointsToUtf16(m_sourceText, start)), QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
    placeCursorInView();
}

void SourceViewer::placeCursorInView() {
    // A third of the way down, with the text before it in view.
    QScrollBar *bar = m_text->verticalScrollBar();
    bar->setValue(bar->value() + m_text->cursorRect().top() - m_text->viewport()->height() / 3);
}

std::optional<ExcerptAttachment> SourceViewer::selectedPassage() const {
    const QTextCursor cursor = m_text->textCursor();
    if (!m_sourceId || !cursor.hasSelection()) {
        return std::nullopt;
    }
    // QTextDocument turns line breaks into paragraph separators in selectedText(): take the
    // quote from the stored text instead, so that it matches byte for byte.
    ExcerptAttachment a;
    a.sourceId = m_sourceId;
    a.start = utf16ToCodePoints(m_sourceText, cursor.selectionStart());
    a.end = utf16ToCodePoints(m_sourceText, cursor.selectionEnd());
    a.quote = codePointSlice(m_sourceText, a.start, a.end);
    if (a.quote.trimmed().isEmpty()) {
        return std::nullopt;
    }
    return a;
}

void SourceViewer::activateAt(qint64 codePoint) {
    const QList<qint64> here = excerptsAt(codePoint);
    if (!here.isEmpty()) {
        m_filling = true;
        m_passages->clearSelection();
        QTreeWidgetItem *first = nullptr;
        for (int i = 0; i < m_passages->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_passages->topLevelItem(i);
            if (here.contains(item->data(QuoteColumn, ExcerptIdRole).toLongLong())) {
                item->setSelected(true);
                first = first ? first : item;
            }
        }
        if (first) {
            m_passages->setCurrentItem(first, 0, QItemSelectionModel::NoUpdate);
            m_passages->scrollToItem(first);
        }
        m_filling = false;
        updateActions();
    }
    for (const auto &m : std::as_const(m_mentions)) {
        if (m.start > codePoint || codePoint >= m.end) {
            continue;
        }
        if (!m.isListedOnly() && m_showMentions->isChecked()) {
            Q_EMIT entityActivated(m.entityRowIds.value(0));
            return;
        }
        if (m.isListedOnly() && m_showListed->isChecked()) {
            showListedEntry(m);
            return;
        }
    }
}

bool SourceViewer::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_text && event->type() == QEvent::ShortcutOverride) {
        // Ctrl+E is "New Entity" in the main window; in the text it attaches the selection.
        auto *key = static_cast<QKeyEvent *>(event);
        if (QKeySequence(key->keyCombination()) == AttachKey) {
            event->accept();
            return true;
        }
    }
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (QKeySequence(key->keyCombination()) == AttachKey) {
            m_attach->trigger();
            return true;
        }
    }
    if (watched == m_text->viewport() && event->type() == QEvent::Resize) {
        // A passage shown from the Inspector is placed before the dock settles; when the view then
        // shrinks (a laptop's tabbed dock) it must not end up below the fold.
        QTimer::singleShot(0, this, [this] {
            if (m_text->textCursor().hasSelection() && !m_text->viewport()->rect().intersects(m_text->cursorRect())) {
                placeCursorInView();
            }
        });
    }
    if (watched == m_text->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && !m_text->textCursor().hasSelection() && !m_sourceText.isEmpty()) {
            const QPointF at = mouse->position() + QPointF(m_text->horizontalScrollBar()->value(),
                                                           m_text->verticalScrollBar()->value());
            const int pos = m_text->document()->documentLayout()->hitTest(at, Qt::ExactHit);
            if (pos >= 0) {
                activateAt(utf16ToCodePoints(m_sourceText, pos));
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SourceViewer::onPassageChanged(QTreeWidgetItem *item) {
    updateActions();
    if (m_filling || !item) {
        return;
    }
    const auto it = m_excerpts.constFind(item->data(QuoteColumn, ExcerptIdRole).toLongLong());
    if (it != m_excerpts.cend()) {
        m_tabs->setCurrentWidget(m_text);
        selectRange(it->excerpt.start, it->excerpt.end);
    }
}

void SourceViewer::showExcerpt(qint64 sourceId, qint64 excerptId) {
    if (sourceId != m_sourceId) {
        showSource(sourceId);
    }
    m_tabs->setCurrentWidget(m_text);
    for (int i = 0; i < m_passages->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_passages->topLevelItem(i);
        if (item->data(QuoteColumn, ExcerptIdRole).toLongLong() == excerptId) {
            m_passages->setCurrentItem(item);
            m_passages->scrollToItem(item);
            return;
        }
    }
}

ListedEntryDialog *SourceViewer::listedEntryDialog() const {
    return m_listedDialog;
}

ListedEntryDialog *SourceViewer::showListedEntry(const Mention &mention) {
    if (!m_case || mention.listedKeys.isEmpty()) {
        return nullptr;
    }
    if (m_listedDialog) {
        m_listedDialog->close();
    }
    ExcerptAttachment passage;
    passage.sourceId = m_sourceId;
    passage.start = mention.start;
    passage.end = mention.end;
    passage.quote = codePointSlice(m_sourceText, mention.start, mention.end);
    const bool writable = m_editor && !m_case->isReadOnly();
    auto *dialog = new ListedEntryDialog(*m_case, writable ? m_editor : nullptr, m_listed.at(mention.listedKeys.first()),
                                         passage, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ListedEntryDialog::entityActivated, this, [this](qint64 rowId) {
        m_mentionTimer->start(); // the new entity's names are case mentions now
        Q_EMIT entityActivated(rowId);
    });
    m_listedDialog = dialog;
    dialog->show();
    return dialog;
}

void SourceViewer::updateActions() {
    const bool writable = m_editor && m_case && !m_case->isReadOnly();
    const bool selection = m_text->textCursor().hasSelection() && m_sourceId;
    m_attach->setEnabled(writable && selection);
    m_createEntity->setEnabled(writable && selection);
    m_grade->setEnabled(writable && m_passages->currentItem() != nullptr);
}

void SourceViewer::attachSelection() {
    const auto passage = selectedPassage();
    if (!passage || !m_editor) {
        return;
    }
    AttachExcerptDialog dialog(*m_editor, *passage, AttachExcerptDialog::Mode::ExistingEntity, this);
    if (const qint64 about = startingEntity(*passage)) {
        dialog.setEntity(about);
    }
    if (dialog.exec() == QDialog::Accepted) {
        const QTextCursor cursor = m_text->textCursor();
        reload();
        QTextCursor collapsed(m_text->document());
        collapsed.setPosition(cursor.selectionEnd());
        m_text->setTextCursor(collapsed);
        // The Inspector shows what the passage now supports, with its stance and grade.
        Q_EMIT entityActivated(dialog.resultEntity());
    }
}

qint64 SourceViewer::startingEntity(const ExcerptAttachment &passage) const {
    // The case entities the passage names (a listed-only name names none).
    QList<qint64> named;
    for (const auto &m : std::as_const(m_mentions)) {
        if (m.start < passage.end && passage.start < m.end && !m.entityRowIds.isEmpty()) {
            named << m.entityRowIds.value(0);
        }
    }
    // The entity in the Inspector when the passage names it or, for a relationship the user went
    // to first, one of its ends: "Thermo Fisher … supplied equipment" is about that Supply.
    QList<qint64> context{m_contextEntity};
    const auto entity = m_case && m_contextEntity ? m_case->entities().entity(m_contextEntity) : std::nullopt;
    const Schema *schema = entity ? SchemaRegistry::instance().schema(entity->schema) : nullptr;
    if (schema && schema->isEdge()) {
        for (const QString &end : {schema->edgeSource, schema->edgeTarget}) {
            context << m_case->entities().rowIdOf(entity->first(end));
        }
    }
    for (const qint64 rowId : std::as_const(context)) {
        if (rowId && named.contains(rowId)) {
            return m_contextEntity;
        }
    }
    return named.isEmpty() ? m_contextEntity : named.first();
}

void SourceViewer::createEntityFromSelection() {
    const auto passage = selectedPassage();
    if (!passage || !m_editor) {
        return;
    }
    AttachExcerptDialog dialog(*m_editor, *passage, AttachExcerptDialog::Mode::NewEntity, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        m_mentionTimer->start();
        Q_EMIT entityActivated(dialog.resultId());
    }
}

void SourceViewer::gradeCurrentPassage() {
    QTreeWidgetItem *item = m_passages->currentItem();
    if (!item || !m_editor) {
        return;
    }
    GradePassageDialog dialog(*m_editor, item->data(QuoteColumn, ExcerptIdRole).toLongLong(), this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
    }
}

} // namespace Casegraph::Ui

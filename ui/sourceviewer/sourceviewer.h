// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/evidenceeditor.h"
#include "core/evidence.h"
#include "core/workerruns.h"
#include "evidence/mentionfinder.h"
#include "storage/supportstore.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTextBrowser;
class QTimer;
class QToolBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class ListedEntryDialog;
class OriginalView;

/// The Source viewer: one article or document of the case, read in full. A header gives its
/// metadata (title, publisher, author, publication date, URL, when and by whom it was captured
/// or imported, the SHA-256 of the preserved bytes). The Text tab shows the stored text with
/// every quoted passage highlighted by stance (yellow supports, red contradicts), every
/// known name of an entity underlined in blue (dashed) and every name of an entry of a loaded
/// reference list in orange (dotted; a click shows the entry: ListedEntryDialog); the Original tab renders the preserved file
/// offline (HTML without scripts or remote loads, PDF pages as images). Below the text, the
/// passages of this source with what they support and their grading.
///
/// Selecting text offers "Attach as Excerpt…" (Ctrl+E) and "Create Entity from Selection…";
/// clicking a passage shows its claims, clicking a name opens its entity. Mentions are found
/// with MentionFinder, built from the case's names on a worker thread.
class SourceViewer final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceViewer)
public:
    explicit SourceViewer(QWidget *parent = nullptr);
    ~SourceViewer() override;

    /// Edits go through `editor` (nullptr: read-only).
    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    void showSource(qint64 sourceId);
    /// Shows the source scrolled to one of its passages, selected.
    void showExcerpt(qint64 sourceId, qint64 excerptId);
    qint64 sourceId() const { return m_sourceId; }
    /// The shown source's title (its Article/Document entity's caption), or empty.
    QString sourceTitle() const { return m_title; }
    /// The entity the user is looking at elsewhere (the Inspector's): the Attach dialog starts on it.
    void setContextEntity(qint64 rowId) { m_contextEntity = rowId; }

    QLabel *header() const { return m_header; }
    /// Whether the header shows the source's metadata (publisher, dates, file, SHA-256) or only
    /// its title and passage counts. Hidden by default in a viewer under DetailsMinHeight px tall,
    /// so that a laptop's docked viewer keeps room for the text; the header's "Show details" /
    /// "Hide details" link sets it, and then it stays as the user left it.
    bool detailsShown() const { return m_detailsShown; }
    void setDetailsShown(bool shown);
    static constexpr int DetailsMinHeight = 480;
    /// The source's SHA-256 (read-only, selectable), under the header.
    QLineEdit *hashField() const { return m_hash; }
    QTabWidget *tabs() const { return m_tabs; }
    QTextBrowser *textView() const { return m_text; }
    OriginalView *originalView() const { return m_original; }
    QTreeWidget *passageList() const { return m_passages; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *attachAction() const { return m_attach; }
    QAction *createEntityAction() const { return m_createEntity; }
    QAction *gradeAction() const { return m_grade; }
    QAction *showMentionsAction() const { return m_showMentions; }
    QAction *showListedAction() const { return m_showListed; }
    QLabel *legend() const { return m_legend; }
    /// Entries of loaded lists whose names the finder knows (Mention::listedKeys index it).
    const QList<Models::ListedName> &listedEntries() const { return m_listed; }
    /// Opens the entry of a listed name (what a click on it does); the dialog deletes itself.
    ListedEntryDialog *showListedEntry(const Models::Mention &mention);
    ListedEntryDialog *listedEntryDialog() const;

    /// Passages of this source that are highlighted.
    int excerptCount() const { return int(m_excerpts.size()); }
    /// Known names found in the text (empty until the finder is built: mentionsReady()).
    const QList<Models::Mention> &mentions() const { return m_mentions; }
    bool mentionsReady() const { return m_finder != nullptr; }
    /// Excerpt ids whose passage covers this code point.
    QList<qint64> excerptsAt(qint64 codePoint) const;
    /// Selects [start, end) (code points) in the text and scrolls to it.
    void selectRange(qint64 start, qint64 end);
    /// The selected text as a passage to attach, or nothing when there is no selection.
    std::optional<Models::ExcerptAttachment> selectedPassage() const;
    /// What a click at this code point does: show the passages there, open a mentioned entity.
    void activateAt(qint64 codePoint);

    void attachSelection();
    void createEntityFromSelection();
    void gradeCurrentPassage();

Q_SIGNALS:
    /// Open this entity (a clicked name, a passage's entity, a new entity).
    void entityActivated(qint64 rowId);
    /// The viewer now shows this source (0: none).
    void sourceShown(qint64 sourceId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Passage {
        Models::Excerpt excerpt;
        Models::Claim claim;
        QString about; ///< "Entity — Property: value"
    };
    void reload();
    void updateHeader(const Models::Source &source);
    void composeHeader();
    /// Scrolls the text so that its cursor (a passage's start) is a third of the way down.
    void placeCursorInView();
    void fillPassages();
    void applyHighlights();
    void rebuildMentions();
    void findMentions();
    void updateActions();
    /// The entity the Attach dialog starts on for this passage.
    qint64 startingEntity(const Models::ExcerptAttachment &passage) const;
    void onPassageChanged(QTreeWidgetItem *item);
    QString passageTip(const Passage &p) const;
    QString mentionTip(const Models::Mention &m) const;

    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
    qint64 m_sourceId = 0;
    qint64 m_contextEntity = 0;
    QString m_sourceText;
    QString m_title;
    Models::GradingScheme m_scheme;
    QLabel *m_header = nullptr;
    QWidget *m_hashRow = nullptr;
    QString m_headerTitle, m_headerRows, m_headerCounts; ///< the shown source's header, in parts
    bool m_detailsShown = true;
    bool m_detailsChosen = false; ///< the user set it: the viewer's height no longer does
    QLineEdit *m_hash = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_text = nullptr;
    OriginalView *m_original = nullptr;
    QTreeWidget *m_passages = nullptr;
    QAction *m_attach = nullptr;
    QAction *m_createEntity = nullptr;
    QAction *m_grade = nullptr;
    QAction *m_showMentions = nullptr;
    QAction *m_showListed = nullptr;
    QLabel *m_legend = nullptr;
    QPointer<ListedEntryDialog> m_listedDialog;
    QTimer *m_reloadTimer = nullptr;
    QTimer *m_mentionTimer = nullptr;
    QHash<qint64, Passage> m_excerpts; ///< by excerpt id
    std::shared_ptr<const Models::MentionFinder> m_finder;
    QList<Models::Mention> m_mentions;
    QList<Models::ListedName> m_listed;
    bool m_filling = false;
    Models::WorkerRuns m_mentionRuns; ///< last: cancels and waits for a running build before the rest goes
};

} // namespace Casegraph::Ui

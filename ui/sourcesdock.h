// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/evidence.h"

#include <QDockWidget>
#include <QHash>

class QLabel;
class QSplitter;
class QTableView;
class QTextBrowser;
class QUrl;

namespace Casegraph::Models {
class CaseFile;
class SourcesModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// The Sources dock: the case's preserved sources, and the selected one's text, read-only, with
/// every passage quoted by a claim highlighted (yellow: supports, red: contradicts). Clicking a
/// passage opens the entity the claim is about.
class SourcesDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesDock)
public:
    explicit SourcesDock(QWidget *parent = nullptr);
    ~SourcesDock() override;

    void setCase(Models::CaseFile *caseFile);
    Models::SourcesModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTextBrowser *textView() const { return m_text; }
    /// The source shown in the text view, or 0.
    qint64 currentSourceId() const { return m_sourceId; }
    /// Passages highlighted in the text view.
    int highlightCount() const { return int(m_excerpts.size()); }

    /// Selects a row; entityActivated() follows with the source's entity.
    void selectRow(int row);
    /// Selects the source held by this entity without announcing it; false if it holds none.
    bool selectSourceOfEntity(qint64 entityRowId);
    /// Shows a source scrolled to one of its passages.
    void showExcerpt(qint64 sourceId, qint64 excerptId);

Q_SIGNALS:
    /// The source's Article/Document entity (a selected source), or a claim's entity (a
    /// clicked passage).
    void entityActivated(qint64 rowId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// The width a column is given; the title's is the least it may shrink to.
    int columnWidth(int column) const;
    /// The width the list needs to show every column with a readable title.
    int listWidth() const;
    /// Hides the secondary columns that would squeeze the title below its readable width.
    void fitColumns();
    void onCurrentChanged();
    void showSource(qint64 sourceId);
    void onAnchorClicked(const QUrl &url);
    void onAnchorHovered(const QUrl &url);

    struct Passage {
        Models::Excerpt excerpt;
        qint64 entityRowId = 0;
        QString tip;
    };
    Models::CaseFile *m_case = nullptr;
    Models::SourcesModel *m_model = nullptr;
    QSplitter *m_splitter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_header = nullptr;
    QTextBrowser *m_text = nullptr;
    qint64 m_sourceId = 0;
    bool m_silent = false;
    QHash<qint64, Passage> m_excerpts; ///< by excerpt id, for the shown source
};

} // namespace Casegraph::Ui

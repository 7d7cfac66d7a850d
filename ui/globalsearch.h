// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>

class QCompleter;
class QStandardItemModel;
class QTimer;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

/// The toolbar's search box (Ctrl+K): searches names, aliases, the text of every source, notes
/// and leads (CaseSearch::search) and lists the hits in a popup as one types, grouped by kind
/// under headings, with the matched words highlighted. Arrow keys move, Enter opens a hit.
class GlobalSearch final : public QLineEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalSearch)
public:
    explicit GlobalSearch(QWidget *parent = nullptr);
    ~GlobalSearch() override;

    void setCase(Models::CaseFile *caseFile);
    /// Hits listed for the current text.
    int hitCount() const;
    /// The popup's rows: headings and hits (for tests).
    QStandardItemModel *hits() const { return m_hits; }
    QCompleter *completer() const { return m_completer; }

Q_SIGNALS:
    void entityActivated(qint64 rowId);
    /// A passage of a source matched: show the source (its Article/Document entity is `rowId`).
    void sourceActivated(qint64 sourceId, qint64 rowId);
    /// A note matched: show it (in the Notes dock) and what it is about.
    void noteActivated(qint64 noteId);
    void leadActivated(qint64 leadId);

private:
    void runSearch();
    void activateHit(const QModelIndex &index);

    Models::CaseFile *m_case = nullptr;
    QStandardItemModel *m_hits = nullptr;
    QCompleter *m_completer = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace Casegraph::Ui

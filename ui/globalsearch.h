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

/// The toolbar's search box (Ctrl+K): searches names, aliases and the text of every source
/// (EntityStore::search) and lists the hits in a popup as one types.
class GlobalSearch final : public QLineEdit {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GlobalSearch)
public:
    explicit GlobalSearch(QWidget *parent = nullptr);
    ~GlobalSearch() override;

    void setCase(Models::CaseFile *caseFile);
    /// Hits listed for the current text.
    int hitCount() const;

Q_SIGNALS:
    void entityActivated(qint64 rowId);
    /// A passage of a source matched: show the source (its Article/Document entity is `rowId`).
    void sourceActivated(qint64 sourceId, qint64 rowId);

private:
    void runSearch();
    void activateHit(const QModelIndex &index);

    Models::CaseFile *m_case = nullptr;
    QStandardItemModel *m_hits = nullptr;
    QCompleter *m_completer = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace Casegraph::Ui

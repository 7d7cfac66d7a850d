// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "screening/duplicatefinder.h"

#include <QDialog>

#include <memory>

class QLabel;
class QListWidget;
class QPushButton;
class QThread;
class QTreeWidget;

namespace Casegraph::Models {
class CaseEditor;
}

namespace Casegraph::Ui {

/// Analysis → Find Duplicates…: likely duplicates in the case (DuplicateFinder, found on a worker
/// thread) and, for the chosen pair, both entities side by side with every value and where it came
/// from. Merge keeps one of the two with all values, claims, excerpts and chart places of both
/// (an undoable edit; Edit → Split Merged Entity undoes it later, even after reopening).
class DuplicatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesDialog)
public:
    explicit DuplicatesDialog(Models::CaseEditor &editor, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    /// Searches the case again (on a worker thread).
    void refresh();
    bool isSearching() const { return m_thread != nullptr; }
    /// Merges the current pair: keeps the left entity (true) or the right one.
    bool mergeCurrent(bool keepLeft);

    QListWidget *pairList() const { return m_pairs; }
    QTreeWidget *leftView() const { return m_left; }
    QTreeWidget *rightView() const { return m_right; }
    const QList<Models::DuplicatePair> &pairs() const { return m_found; }

Q_SIGNALS:
    void searchFinished();

protected:
    void reject() override;

private:
    void showPair();
    void fill(QTreeWidget *view, qint64 rowId);

    Models::CaseEditor &m_editor;
    QList<Models::DuplicatePair> m_found;
    QListWidget *m_pairs = nullptr;
    QTreeWidget *m_left = nullptr;
    QTreeWidget *m_right = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_keepLeft = nullptr;
    QPushButton *m_keepRight = nullptr;
    QThread *m_thread = nullptr;
};

} // namespace Casegraph::Ui

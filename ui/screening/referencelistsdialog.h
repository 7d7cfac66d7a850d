// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "screening/referencelists.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QThread;
class QTreeWidget;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

/// Analysis → Reference Lists…: the sanctions and export-control lists loaded into the case with
/// their versions (file, SHA-256, load time, who); Load List… reads a file on a worker thread as
/// a new list or a new version of the selected one and shows what was added, removed and changed.
class ReferenceListsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReferenceListsDialog)
public:
    explicit ReferenceListsDialog(Models::CaseFile &caseFile, QWidget *parent = nullptr);
    ~ReferenceListsDialog() override;

    /// Loads `path` as a version of the list `name` (empty: the file's base name) on a worker thread.
    void loadFile(const QString &path, const QString &name = {});
    bool isLoading() const { return m_thread != nullptr; }
    /// Asks for a file (and, for a new list, its name) and loads it: the Load List… and Load New
    /// Version buttons, and the Screening dialog's Load List….
    void chooseFile(bool newVersion);

    QTreeWidget *listView() const { return m_lists; }
    QPlainTextEdit *changesView() const { return m_changes; }

Q_SIGNALS:
    void loadFinished();

protected:
    void reject() override;

private:
    void reload();
    void finishLoad(const std::shared_ptr<Models::Result<Models::ReferenceListLoad>> &result);

    Models::CaseFile &m_case;
    QTreeWidget *m_lists = nullptr;
    QPlainTextEdit *m_changes = nullptr;
    QPushButton *m_load = nullptr;
    QPushButton *m_newVersion = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

} // namespace Casegraph::Ui

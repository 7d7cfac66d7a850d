// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exportdialog.h"
#include "importdialog.h"
#include "jobprogressdialog.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;

namespace Casegraph::Ui {

class CsvMappingWizard;
class MainWindow;

/// File → Import…, Import CSV with Mapping…, Export…, and files dropped on the main window.
///
/// Imports and exports run on a JobRunner thread that opens its own CaseFile on the window's
/// case path; a window-modal JobProgressDialog shows records, rate and time left, with Cancel.
/// Each file is one ImportJob (one transaction): a failure or Cancel leaves the case as it was
/// before that file and ends the batch; files already imported stay (a large file is not lost to
/// a later one), and the outcome lists every file as imported or not. After a commit the window's CaseFile emits entitiesReset() and
/// sourcesChanged(), so the Entities dock, Inspector and Sources reload.
class ImportExportController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportExportController)
public:
    explicit ImportExportController(MainWindow *window);
    ~ImportExportController() override;

    QAction *importAction() const { return m_importAction; }
    QAction *importCsvAction() const { return m_importCsvAction; }
    QAction *exportAction() const { return m_exportAction; }
    /// Enables the actions for the window's case (imports need it writable).
    void updateActions();

    /// Opens the Import dialog with these files already listed (a drop, or File → Import…).
    void importFiles(const QStringList &paths = {});
    /// Opens the CSV mapping wizard on `path` (asks for a file when empty).
    void importCsvWithMapping(const QString &path = {});
    void exportCase();

    /// Imports what an accepted wizard describes, with its current mapping.
    void importFromWizard(const CsvMappingWizard &wizard);
    /// Starts importing without asking; importFinished() follows. `keepAlive` is held until the
    /// work ends (a temporary mapping file).
    void startImport(const QList<ImportRequest> &requests, std::shared_ptr<void> keepAlive = {});
    /// Starts exporting without asking; exportFinished() follows.
    void startExport(const ExportRequest &request);
    bool isBusy() const;
    /// The progress (then outcome) dialog of the last job, while it is open.
    JobProgressDialog *progressDialog() const { return m_progress; }

Q_SIGNALS:
    /// `committed`: files whose import was committed (the others left the case unchanged).
    void importFinished(int committed, int failed, bool cancelled);
    void exportFinished(bool ok);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    JobProgressDialog *makeProgressDialog(const QString &title);

    MainWindow *m_window = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_importCsvAction = nullptr;
    QAction *m_exportAction = nullptr;
    QPointer<JobProgressDialog> m_progress;
};

} // namespace Casegraph::Ui

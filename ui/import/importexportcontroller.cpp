// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importexportcontroller.h"
#include "csvmappingwizard.h"
#include "entitiesdock.h"
#include "jobprogressdialog.h"
#include "jobrunner.h"
#include "mainwindow.h"

#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QAction>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <optional>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {

/// What happened to one file of an import batch (filled on the worker, read on the GUI thread
/// after JobRunner::finished()).
struct FileOutcome {
    ImportRequest request;
    std::optional<ImportResult> result;
    Error error;
    Error reportError;
};

struct ImportBatch {
    QList<ImportRequest> requests;
    QList<FileOutcome> files; ///< the files attempted, in order; the rest of `requests` never started
    bool cancelled = false;
    std::shared_ptr<void> keep; ///< a wizard's unsaved mapping, alive until the end
};

/// The files dropped; a dropped folder gives the files in it (not its subfolders or hidden
/// files), by name: a folder of OCDS releases or of a registry's CSVs is one drop.
QStringList localFiles(const QMimeData *mime) {
    QStringList out;
    if (!mime || !mime->hasUrls()) {
        return out;
    }
    for (const QUrl &url : mime->urls()) {
        const QFileInfo info(url.toLocalFile());
        if (!url.isLocalFile() || !(info.isFile() || info.isDir())) {
            return {};
        }
        if (info.isFile()) {
            out << info.absoluteFilePath();
            continue;
        }
        const QFileInfoList inside = QDir(info.absoluteFilePath()).entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo &f : inside) {
            out << f.absoluteFilePath();
        }
    }
    return out;
}

QString summaryOf(const FileOutcome &f) {
    const QLocale l;
    const QString name = QFileInfo(f.request.path).fileName();
    if (!f.result) {
        return ImportExportController::tr("%1: nothing imported; the case is as it was before this file.").arg(name);
    }
    const ImportResult &r = *f.result;
    QString text = ImportExportController::tr("%1 imported (%2, %3): %Ln record(s) — %4 created, %5 merged, %6 "
                                              "unchanged, %7 rejected.",
                                              nullptr, int(r.records() + r.rejected.size()))
                       .arg(name, r.format,
                            f.request.options.lenient ? ImportExportController::tr("lenient")
                                                      : ImportExportController::tr("strict"),
                            l.toString(r.created), l.toString(r.merged), l.toString(r.unchanged),
                            l.toString(r.rejected.size()));
    if (r.sources > 0) {
        text += QLatin1Char(' ') + ImportExportController::tr("%Ln source(s) kept.", nullptr, int(r.sources));
    }
    // What a strict import refuses and a lenient one keeps, and what the CLI also reports: said
    // here, or a user who ticked Lenient after "has no property" cannot tell what became of it.
    if (r.unknownProperties > 0) {
        const int n = int(r.unknownProperties);
        text += QLatin1Char(' ') +
                ImportExportController::tr("%n values of properties that the schema does not define were kept.",
                                           nullptr, n);
    }
    if (r.dangling > 0) {
        const int n = int(r.dangling);
        text += QLatin1Char(' ') +
                ImportExportController::tr("%n references point to entities that are not in the case.", nullptr, n);
    }
    if (!r.rejected.isEmpty() && f.reportError.message.isEmpty()) {
        text += QLatin1Char(' ') +
                ImportExportController::tr("Rejected records are listed in %1.").arg(f.request.reportPath);
    }
    return text;
}

} // namespace

ImportExportController::ImportExportController(MainWindow *window) : QObject(window), m_window(window) {
    m_importAction = new QAction(tr("&Import…"), this);
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import FtM, CSV, GEXF, GraphML, sanctions lists, articles … (Ctrl+I)"));
    m_importCsvAction = new QAction(tr("Import CSV with &Mapping…"), this);
    m_importCsvAction->setToolTip(tr("Map the columns of a table to entities and relationships"));
    m_exportAction = new QAction(tr("E&xport…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X));
    m_exportAction->setToolTip(tr("Export the case, a chart or the selected entities (Ctrl+Shift+X)"));
    connect(m_importAction, &QAction::triggered, this, [this] { importFiles(); });
    connect(m_importCsvAction, &QAction::triggered, this, [this] { importCsvWithMapping(); });
    connect(m_exportAction, &QAction::triggered, this, &ImportExportController::exportCase);
    window->setAcceptDrops(true);
    window->installEventFilter(this);
    updateActions();
}

ImportExportController::~ImportExportController() = default;

void ImportExportController::updateActions() {
    const CaseFile *c = m_window->caseFile();
    const bool writable = c && !c->isReadOnly() && !isBusy();
    m_importAction->setEnabled(writable);
    m_importCsvAction->setEnabled(writable);
    m_exportAction->setEnabled(c && !isBusy());
}

bool ImportExportController::isBusy() const {
    return m_progress && m_progress->findChild<JobRunner *>() && m_progress->findChild<JobRunner *>()->isRunning();
}

bool ImportExportController::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_window && event->type() == QEvent::DragEnter) {
        auto *e = static_cast<QDragEnterEvent *>(event);
        if (!localFiles(e->mimeData()).isEmpty()) {
            e->acceptProposedAction();
            return true;
        }
    } else if (watched == m_window && event->type() == QEvent::Drop) {
        auto *e = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(e->mimeData());
        if (!paths.isEmpty()) {
            e->acceptProposedAction();
            // Not inside the drop handler: the drag source waits for it to return.
            QTimer::singleShot(0, this, [this, paths] {
                if (paths.size() == 1 && paths.first().endsWith(QLatin1String(".casegraph"))) {
                    if (auto st = m_window->openCase(paths.first()); !st) {
                        QMessageBox::warning(m_window, tr("Cannot open the case"), st.error().toString());
                    }
                    return;
                }
                importFiles(paths);
            });
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void ImportExportController::importFiles(const QStringList &paths) {
    CaseFile *c = m_window->caseFile();
    if (!c || c->isReadOnly()) {
        QMessageBox::warning(m_window, tr("Cannot import"),
                             tr("Open or create a case first; files are imported into it."));
        return;
    }
    if (isBusy()) {
        return;
    }
    ImportDialog dialog(c->path(), m_window);
    dialog.addFiles(paths);
    const int answer = dialog.exec();
    if (answer == ImportDialog::WizardRequested) {
        QString csv;
        for (const auto &r : dialog.requests()) {
            if (r.options.format == QLatin1String("csv")) {
                csv = r.path;
                break;
            }
        }
        importCsvWithMapping(csv);
        return;
    }
    if (answer == QDialog::Accepted) {
        startImport(dialog.requests());
    }
}

void ImportExportController::importCsvWithMapping(const QString &path) {
    CaseFile *c = m_window->caseFile();
    if (!c || c->isReadOnly() || isBusy()) {
        return;
    }
    QString file = path;
    if (file.isEmpty()) {
        QSettings settings;
        file = QFileDialog::getOpenFileName(m_window, tr("Import CSV"),
                                            settings.value(QStringLiteral("import/lastFolder")).toString(),
                                            tr("Tables (*.csv *.tsv *.tab *.txt);;All files (*)"));
        if (file.isEmpty()) {
            return;
        }
        settings.setValue(QStringLiteral("import/lastFolder"), QFileInfo(file).absolutePath());
    }
    CsvMappingWizard wizard(file, m_window);
    if (wizard.exec() == QDialog::Accepted) {
        importFromWizard(wizard);
    }
}

void ImportExportController::importFromWizard(const CsvMappingWizard &wizard) {
    CaseFile *c = m_window->caseFile();
    if (!c || c->isReadOnly() || isBusy()) {
        return;
    }
    ImportRequest request;
    request.path = wizard.csvPath();
    request.options.format = QStringLiteral("csv");
    request.options.lenient = wizard.isLenient();
    request.reportPath = ImportJob::defaultReportPath(c->path(), request.path);
    // The mapping as the pages show it now (a saved copy may predate the last change), in a
    // temporary file that lives as long as the import.
    auto keep = std::make_shared<QTemporaryDir>();
    request.options.mappingPath = keep->filePath(QStringLiteral("mapping.json"));
    if (auto st = wizard.mapping().save(request.options.mappingPath); !st) {
        QMessageBox::warning(m_window, tr("Cannot import"), st.error().toString());
        return;
    }
    startImport({request}, keep);
}

JobProgressDialog *ImportExportController::makeProgressDialog(const QString &title) {
    if (m_progress) {
        m_progress->close();
        delete m_progress;
    }
    auto *runner = new JobRunner;
    m_progress = new JobProgressDialog(runner, title, m_window);
    runner->setParent(m_progress);
    m_progress->setAttribute(Qt::WA_DeleteOnClose);
    m_progress->show();
    return m_progress;
}

void ImportExportController::startImport(const QList<ImportRequest> &requests, std::shared_ptr<void> keepAlive) {
    CaseFile *c = m_window->caseFile();
    if (!c || requests.isEmpty() || isBusy()) {
        return;
    }
    const QString casePath = c->path();
    auto batch = std::make_shared<ImportBatch>();
    batch->requests = requests;
    batch->keep = std::move(keepAlive);
    JobProgressDialog *dialog = makeProgressDialog(tr("Import"));
    auto *runner = dialog->findChild<JobRunner *>();

    connect(runner, &JobRunner::finished, this, [this, batch, dialog = QPointer<JobProgressDialog>(dialog)] {
        int committed = 0;
        int failed = 0;
        QStringList summary;
        QStringList details;
        for (const auto &f : std::as_const(batch->files)) {
            committed += f.result.has_value();
            failed += !f.result.has_value();
            summary << summaryOf(f);
            if (!f.result && !batch->cancelled) {
                details << f.error.toString();
            }
            if (!f.reportError.message.isEmpty()) {
                details << f.reportError.toString();
            }
        }
        // Files after a cancel or a failure were not started.
        for (qsizetype i = batch->files.size(); i < batch->requests.size(); ++i) {
            const QString name = QFileInfo(batch->requests.at(i).path).fileName();
            summary << (batch->cancelled ? tr("%1: not imported (cancelled before it started).").arg(name)
                                         : tr("%1: not imported (the import stopped at an earlier file).").arg(name));
        }
        if (batch->cancelled) {
            summary.prepend(batch->requests.size() > 1
                                ? tr("Import cancelled. Each file is imported in its own transaction, so a large "
                                     "file already imported is not lost to a later one: the files listed as "
                                     "imported stay in the case; the others were not imported.")
                                : tr("Import cancelled."));
        }
        if (committed > 0 && m_window->caseFile()) {
            // The worker wrote through its own connection: tell the window's views to reload.
            Q_EMIT m_window->caseFile()->entitiesReset();
            Q_EMIT m_window->caseFile()->sourcesChanged();
        }
        if (dialog) {
            dialog->showOutcome(summary.join(QLatin1Char('\n')), details.join(QLatin1Char('\n')),
                                failed > 0 || batch->cancelled);
        }
        updateActions();
        Q_EMIT importFinished(committed, failed, batch->cancelled);
    });

    runner->start([casePath, requests, batch](JobRunner &r) {
        CaseFile worker;
        if (auto st = worker.open(casePath); !st) {
            FileOutcome f{requests.first(), std::nullopt, st.error(), {}};
            batch->files << f;
            return;
        }
        int n = 0;
        for (const auto &request : requests) {
            if (r.isCancelled()) {
                // Cancel stops the whole batch, also between files and during a short file.
                batch->cancelled = true;
                return;
            }
            const QString name = QFileInfo(request.path).fileName();
            r.setStage(tr("Importing %1 (%2 of %3)").arg(name).arg(++n).arg(requests.size()));
            FileOutcome f{request, std::nullopt, {}, {}};
            auto result = ImportJob::run(worker, request.path, request.options,
                                         [&r](qint64 done, qint64 total, qint64 records) {
                                             return r.report(done, total, records);
                                         });
            if (result) {
                f.result = *result;
                if (!result->rejected.isEmpty()) {
                    if (auto st = ImportJob::writeReport(*result, request.reportPath); !st) {
                        f.reportError = st.error();
                    }
                }
            } else {
                f.error = result.error();
                batch->cancelled = r.isCancelled();
            }
            batch->files << f;
            if (!result) {
                return; // stop at the first failure: the user fixes it and imports the rest
            }
        }
    });
    updateActions();
}

void ImportExportController::exportCase() {
    CaseFile *c = m_window->caseFile();
    if (!c || isBusy()) {
        return;
    }
    ExportDialog dialog(*c, m_window->entitiesDock()->selectedRowIds(), m_window);
    if (dialog.exec() == QDialog::Accepted) {
        startExport(dialog.request());
    }
}

void ImportExportController::startExport(const ExportRequest &request) {
    CaseFile *c = m_window->caseFile();
    if (!c || isBusy()) {
        return;
    }
    const QString casePath = c->path();
    struct Outcome {
        std::optional<ExportResult> result;
        Error error;
    };
    auto outcome = std::make_shared<Outcome>();
    JobProgressDialog *dialog = makeProgressDialog(tr("Export"));
    auto *runner = dialog->findChild<JobRunner *>();
    connect(runner, &JobRunner::finished, this,
            [this, outcome, request, runner, dialog = QPointer<JobProgressDialog>(dialog)] {
                const bool ok = outcome->result.has_value();
                QString summary;
                if (ok) {
                    summary = tr("Exported %Ln entity(s) to %1.", nullptr, int(outcome->result->entities))
                                  .arg(request.path);
                    if (outcome->result->skipped > 0) {
                        summary += QLatin1Char(' ') + tr("%Ln selected entity(s) could not be written in this format.",
                                                         nullptr, int(outcome->result->skipped));
                    }
                } else if (runner->isCancelled()) {
                    summary = tr("Export cancelled; nothing was written.");
                } else {
                    summary = tr("The export failed; nothing was written.");
                }
                if (dialog) {
                    dialog->showOutcome(summary, ok || runner->isCancelled() ? QString() : outcome->error.toString(),
                                        !ok);
                }
                updateActions();
                Q_EMIT exportFinished(ok);
            });
    runner->start([casePath, request, outcome](JobRunner &r) {
        CaseFile worker;
        if (auto st = worker.open(casePath, CaseFile::OpenMode::ReadOnly); !st) {
            outcome->error = st.error();
            return;
        }
        ExportOptions options = request.options;
        qint64 expected = request.expected;
        if (!request.chart.isEmpty()) {
            if (auto st = ExportJob::selectChart(worker, request.chart, options); !st) {
                outcome->error = st.error();
                return;
            }
            expected = options.selection ? options.selection->size() : 0;
        }
        r.setStage(tr("Exporting to %1").arg(request.path));
        auto result = ExportJob::run(worker, request.path, options,
                                     [&r, expected](qint64 n) { return r.report(n, expected, n); });
        if (result) {
            outcome->result = *result;
        } else {
            outcome->error = result.error();
        }
    });
    updateActions();
}

} // namespace Casegraph::Ui

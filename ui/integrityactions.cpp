// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrityactions.h"
#include "capturedialog.h"
#include "custodydialog.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "sourcesdock.h"
#include "sourceviewer/evidenceui.h"
#include "sourceviewer/sourceviewer.h"
#include "jobrunner.h"

#include "itemmodels/itemdatarole.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/evidencestore.h"

#include <QAction>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>

namespace Casegraph::Ui {

IntegrityActions::IntegrityActions(MainWindow *window) : QObject(window), m_window(window)
{
    Preferences::apply();
    m_capture = new QAction(tr("Capture &Web Page…"), this);
    m_capture->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_capture->setToolTip(tr("Fetch a web page and keep its exact bytes as a source (Ctrl+Shift+U)"));
    m_verify = new QAction(tr("&Verify Case Integrity…"), this);
    m_preferences = new QAction(tr("&Preferences…"), this);
    m_preferences->setShortcut(QKeySequence::Preferences);
    m_preferences->setMenuRole(QAction::PreferencesRole);
    m_custody = new QAction(tr("Chain of C&ustody Report…"), this);
    connect(m_capture, &QAction::triggered, this, &IntegrityActions::capture);
    connect(m_verify, &QAction::triggered, this, &IntegrityActions::verify);
    connect(m_preferences, &QAction::triggered, this, &IntegrityActions::preferences);
    connect(m_custody, &QAction::triggered, this, &IntegrityActions::custody);
    QTableView *view = window->sourcesDock()->view();
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_custody);
    updateActions(false, false);
}

void IntegrityActions::updateActions(bool open, bool writable)
{
    m_capture->setEnabled(writable);
    m_verify->setEnabled(open);
    m_custody->setEnabled(open);
}

void IntegrityActions::capture()
{
    Models::CaseFile *caseFile = m_window->caseFile();
    if (!caseFile || caseFile->isReadOnly()) {
        return;
    }
    CaptureDialog dialog(*caseFile, m_window);
    if (dialog.exec() == QDialog::Accepted) {
        // The page is there to be read and quoted: it opens in the Source Viewer, its Article in
        // the Inspector ("Captured as source 6" said neither what nor where).
        if (const auto source = caseFile->evidence().source(dialog.sourceId())) {
            m_window->showEntity(source->entityRowId);
            m_window->evidenceUi()->openSource(source->id);
            m_window->statusBar()->showMessage(
                tr("Captured “%1”: it is open in the Source Viewer.").arg(m_window->evidenceUi()->viewer()->sourceTitle()),
                8000);
        }
    }
}

void IntegrityActions::verify()
{
    Models::CaseFile *caseFile = m_window->caseFile();
    if (!caseFile) {
        return;
    }
    // Reading every row and hashing every source takes seconds on a large case: a worker
    // thread with its own read-only connection does it, with the step shown and Cancel.
    const QString path = caseFile->path();
    m_verify->setEnabled(false);
    auto *runner = new JobRunner(this);
    showJobProgress(runner, m_window, tr("Verify Case Integrity"),
                    tr("Verifying %1…").arg(QFileInfo(path).fileName()));
    struct Outcome {
        bool ok = false;
        QString text;
    };
    auto outcome = std::make_shared<Outcome>();
    connect(runner, &JobRunner::finished, this, [this, runner, outcome, path] {
        runner->deleteLater();
        m_verify->setEnabled(m_window->caseFile() != nullptr);
        Q_EMIT verified(path, outcome->ok, outcome->text);
        if (runner->isCancelled() && !outcome->ok) {
            m_window->statusBar()->showMessage(tr("Verification cancelled."), 8000);
        } else if (m_window->isVisible()) {
            if (outcome->ok) {
                QMessageBox::information(m_window, tr("Verify Case Integrity"),
                                         tr("No problem found.\n\n%1").arg(outcome->text));
            } else {
                QMessageBox::warning(m_window, tr("Verify Case Integrity"), outcome->text);
            }
        }
    });
    runner->start([path, outcome](JobRunner &r) {
        Models::CaseFile reader;
        if (auto st = reader.open(path, Models::CaseFile::OpenMode::ReadOnly); !st) {
            outcome->text = st.error().toString();
            return;
        }
        Models::VerifyControl control;
        control.stage = [&r](const QString &text) { r.setStage(text); };
        control.cancelled = [&r] { return r.isCancelled(); };
        const auto report = Models::CaseVerifier::verify(reader, control);
        if (!report) {
            outcome->text = report.error().toString();
            return;
        }
        outcome->ok = report->ok();
        QStringList lines;
        for (const auto &p : report->problems) {
            lines << p.message;
        }
        lines << tr("Checked %1 and %2.")
                     .arg(tr("%Ln source(s)", nullptr, int(report->sources)),
                          tr("%Ln audit entry(s)", nullptr, int(report->entries)));
        lines << tr("Head of the audit log: %1").arg(report->headHash);
        outcome->text = lines.join(QLatin1Char('\n'));
    });
}

void IntegrityActions::preferences()
{
    PreferencesDialog dialog(m_window);
    if (dialog.exec() == QDialog::Accepted && m_window->caseFile()) {
        m_window->caseFile()->setActor(Models::CaseFile::defaultActor());
    }
}

void IntegrityActions::custody()
{
    Models::CaseFile *caseFile = m_window->caseFile();
    if (!caseFile) {
        return;
    }
    // The source being read in the Source Viewer when it is in view (File › Chain of Custody
    // Report… while reading), else the one chosen in the Sources list.
    const SourceViewer *viewer = m_window->evidenceUi()->viewer();
    SourcesDock *dock = m_window->sourcesDock();
    qint64 sourceId = viewer->isVisible() && !viewer->visibleRegion().isEmpty() ? viewer->sourceId() : 0;
    if (sourceId <= 0) {
        sourceId = dock->view()->currentIndex().data(Models::ItemDataRole::SourceIdRole).toLongLong();
    }
    if (sourceId <= 0) {
        sourceId = dock->currentSourceId();
    }
    if (sourceId <= 0) {
        m_window->statusBar()->showMessage(
            tr("Choose a source in the Sources list, or open one in the Source Viewer, for its chain of custody."),
            8000);
        return;
    }
    const auto report = Models::CustodyReport::build(*caseFile, sourceId);
    if (!report) {
        QMessageBox::warning(m_window, tr("Chain of Custody Report"), report.error().message);
        return;
    }
    CustodyDialog dialog(*report, m_window);
    dialog.exec();
}

} // namespace Casegraph::Ui

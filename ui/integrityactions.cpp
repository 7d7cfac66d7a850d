// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "integrityactions.h"
#include "capturedialog.h"
#include "custodydialog.h"
#include "mainwindow.h"
#include "preferencesdialog.h"
#include "sourcesdock.h"

#include "itemmodels/itemdatarole.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/evidencestore.h"

#include <QAction>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QThread>

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
    m_custody = new QAction(tr("Chain of &Custody Report…"), this);
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
        m_window->statusBar()->showMessage(tr("Captured as source %1").arg(dialog.sourceId()), 8000);
        if (const auto source = caseFile->evidence().source(dialog.sourceId())) {
            m_window->showEntity(source->entityRowId);
        }
    }
}

void IntegrityActions::verify()
{
    Models::CaseFile *caseFile = m_window->caseFile();
    if (!caseFile) {
        return;
    }
    // Reading every row and hashing every source takes a while on a large case: a worker
    // thread with its own read-only connection does it.
    const QString path = caseFile->path();
    m_verify->setEnabled(false);
    m_window->statusBar()->showMessage(tr("Verifying %1…").arg(path));
    QPointer<IntegrityActions> self(this);
    QThread *worker = QThread::create([self, path] {
        QString text;
        bool ok = false;
        Models::CaseFile reader;
        if (auto st = reader.open(path, Models::CaseFile::OpenMode::ReadOnly); !st) {
            text = st.error().toString();
        } else if (auto report = Models::CaseVerifier::verify(reader); !report) {
            text = report.error().toString();
        } else {
            ok = report->ok();
            QStringList lines;
            for (const auto &p : report->problems) {
                lines << p.message;
            }
            lines << tr("Checked %1 and %2.")
                         .arg(tr("%Ln source(s)", nullptr, int(report->sources)),
                              tr("%Ln audit entry(s)", nullptr, int(report->entries)));
            lines << tr("Head of the audit log: %1").arg(report->headHash);
            text = lines.join(QLatin1Char('\n'));
        }
        QMetaObject::invokeMethod(
            qApp,
            [self, path, ok, text] {
                if (!self) {
                    return;
                }
                self->m_verify->setEnabled(self->m_window->caseFile() != nullptr);
                self->m_window->statusBar()->clearMessage();
                Q_EMIT self->verified(path, ok, text);
                if (self->m_window->isVisible()) {
                    if (ok) {
                        QMessageBox::information(self->m_window, tr("Verify Case Integrity"),
                                                 tr("No problem found.\n\n%1").arg(text));
                    } else {
                        QMessageBox::warning(self->m_window, tr("Verify Case Integrity"), text);
                    }
                }
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
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
    SourcesDock *dock = m_window->sourcesDock();
    qint64 sourceId = dock->view()->currentIndex().data(Models::ItemDataRole::SourceIdRole).toLongLong();
    if (sourceId <= 0) {
        sourceId = dock->currentSourceId();
    }
    if (sourceId <= 0) {
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

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/progressmeter.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace Casegraph::Ui {

class JobRunner;

/// Shows a JobRunner's progress (records done, rate, time left) with Cancel, then its outcome:
/// the summary, and errors as `FILE:LINE: reason`, with Close. Window-modal, so the rest of the
/// window keeps painting while the work runs but cannot be edited under it.
class JobProgressDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobProgressDialog)
public:
    JobProgressDialog(JobRunner *runner, const QString &title, QWidget *parent = nullptr);

    /// Switches to the outcome: `summary` (plain text), and `details` (errors, one a line) if any.
    void showOutcome(const QString &summary, const QString &details, bool failed);

    QLabel *stageLabel() const { return m_stage; }
    QLabel *meterLabel() const { return m_meter; }
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPlainTextEdit *detailsView() const { return m_details; }
    QDialogButtonBox *buttonBox() const { return m_buttons; }

protected:
    void reject() override;

private:
    void onProgress(qint64 done, qint64 total, qint64 count);

    JobRunner *m_runner = nullptr;
    Models::ProgressMeter m_progress;
    QLabel *m_stage = nullptr;
    QProgressBar *m_bar = nullptr;
    QLabel *m_meter = nullptr;
    QPlainTextEdit *m_details = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_cancel = nullptr;
    bool m_done = false;
    bool m_finishing = false; ///< the current file is read; its commit is running
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobprogressdialog.h"
#include "jobrunner.h"
#include "screenroom.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Casegraph::Ui {

JobProgressDialog::JobProgressDialog(JobRunner *runner, const QString &title, QWidget *parent)
    : QDialog(parent), m_runner(runner) {
    setWindowTitle(title);
    setObjectName(QStringLiteral("JobProgressDialog"));
    setWindowModality(Qt::WindowModal);
    setMinimumWidth(520);

    m_stage = new QLabel(this);
    m_stage->setWordWrap(true);
    m_stage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 0); // busy until the first report says how big the work is
    m_meter = new QLabel(tr("Starting…"), this);
    m_details = new QPlainTextEdit(this);
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setAccessibleName(tr("Errors"));
    m_details->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = m_buttons->button(QDialogButtonBox::Cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stage);
    layout->addWidget(m_bar);
    layout->addWidget(m_meter);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &JobProgressDialog::reject);
    connect(runner, &JobRunner::stageChanged, this, [this](const QString &text) {
        m_stage->setText(text);
        m_progress.restart();
        m_finishing = false;
        m_bar->setRange(0, 0);
    });
    connect(runner, &JobRunner::progressed, this, &JobProgressDialog::onProgress);
}

void JobProgressDialog::onProgress(qint64 done, qint64 total, qint64 count) {
    const bool shown = m_progress.update(done, total, count);
    if (m_done || m_finishing) {
        return;
    }
    if (m_progress.isFinishing()) {
        // The commit can take seconds on a large file: a busy bar, not a full one.
        m_finishing = true;
        m_bar->setRange(0, 0);
        m_meter->setText(m_progress.text());
        return;
    }
    if (!shown) {
        return;
    }
    if (total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(m_progress.permille());
    }
    m_meter->setText(m_progress.text());
}

void JobProgressDialog::showOutcome(const QString &summary, const QString &details, bool failed) {
    m_done = true;
    m_stage->setText(failed ? tr("Stopped.") : tr("Done."));
    m_bar->setRange(0, 1000);
    m_bar->setValue(failed ? 0 : 1000);
    m_bar->setVisible(!failed);
    m_meter->setText(summary);
    m_meter->setWordWrap(true);
    m_meter->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setPlainText(details);
    m_details->setVisible(!details.isEmpty());
    if (!details.isEmpty()) {
        resize(qMax(width(), 720), qMax(height(), 360));
    }
    if (summary.contains(QLatin1Char('\n'))) {
        // A line per file of a batch: wide enough that each reads as one line, not a ragged
        // paragraph of "0 merged, 0 / unchanged" breaks.
        resize(qMax(width(), qMin(900, roomOnScreen(screen()).width())), height());
    }
    // The summary may wrap to more lines than the progress text had: grow to show them all, up to
    // what the screen holds. A long one (a line per file of a folder) scrolls past a share of the
    // screen instead of pushing Close below its edge.
    const QSize room = roomOnScreen(screen());
    const QMargins margins = layout()->contentsMargins();
    const int share = room.height() * (details.isEmpty() ? 6 : 4) / 10;
    if (m_meter->parentWidget() == this && m_meter->heightForWidth(width() - margins.left() - margins.right()) > share) {
        auto *scroll = new QScrollArea(this);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        delete layout()->replaceWidget(m_meter, scroll);
        scroll->setWidget(m_meter);
        scroll->setFixedHeight(share);
    }
    layout()->activate();
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height();
    resize(width(), qMin(qMax(height(), wanted), room.height()));
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    m_cancel = nullptr;
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
}

void JobProgressDialog::reject() {
    if (!m_done && m_runner->isRunning()) {
        // Stay open until the work has stopped and rolled back; the outcome says so.
        m_runner->cancel();
        m_meter->setText(tr("Cancelling…"));
        if (m_cancel) {
            m_cancel->setEnabled(false);
        }
        return;
    }
    QDialog::reject();
}

} // namespace Casegraph::Ui

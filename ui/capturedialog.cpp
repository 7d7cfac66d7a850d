// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturedialog.h"
#include "capture/webcapture.h"
#include "preferencesdialog.h"
#include "storage/casefile.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

CaptureDialog::CaptureDialog(Models::CaseFile &caseFile, QWidget *parent)
    : QDialog(parent), m_case(caseFile), m_capture(new Models::WebCapture(this))
{
    setWindowTitle(tr("Capture Web Page"));
    setMinimumWidth(560);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_url = new QLineEdit(this);
    m_url->setPlaceholderText(QStringLiteral("https://"));
    form->addRow(tr("&Address:"), m_url);
    layout->addLayout(form);
    const auto settings = Preferences::captureSettings();
    const QString proxy = Models::CaptureSettings::proxyToUrl(settings.proxy);
    auto *how = new QLabel(tr("Fetched %1, at most %2 MB, giving up after %3 s without data. The exact bytes, headers, "
                              "final address and time are kept as evidence.")
                               .arg(proxy.isEmpty() ? tr("directly (no proxy)") : tr("through %1").arg(proxy))
                               .arg(double(settings.maxBytes) / (1024 * 1024), 0, 'f', 1)
                               .arg(settings.timeoutSeconds),
                           this);
    how->setWordWrap(true);
    layout->addWidget(how);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_captureButton = m_buttons->addButton(tr("&Capture"), QDialogButtonBox::AcceptRole);
    m_captureButton->setDefault(true);
    layout->addWidget(m_buttons);
    connect(m_captureButton, &QPushButton::clicked, this, &CaptureDialog::startCapture);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CaptureDialog::reject);
    connect(m_url, &QLineEdit::returnPressed, this, &CaptureDialog::startCapture);
    connect(m_capture, &Models::WebCapture::finished, this, &CaptureDialog::onFinished);
    connect(m_capture, &Models::WebCapture::progressed, this, [this](qint64 received, qint64 total) {
        m_progress->setRange(0, total > 0 ? 1000 : 0);
        if (total > 0) {
            m_progress->setValue(int(received * 1000 / total));
        }
        m_status->setText(tr("Received %1 KB…").arg(received / 1024));
    });
}

CaptureDialog::~CaptureDialog() = default;

void CaptureDialog::setRunning(bool running)
{
    m_url->setEnabled(!running);
    m_captureButton->setEnabled(!running);
    m_progress->setVisible(running);
    m_progress->setRange(0, 0);
}

void CaptureDialog::startCapture()
{
    if (m_capture->isRunning()) {
        return;
    }
    const QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    m_status->setText(tr("Fetching %1…").arg(url.toString()));
    setRunning(true);
    m_capture->start(url, Preferences::captureSettings());
}

void CaptureDialog::onFinished()
{
    setRunning(false);
    const auto &page = m_capture->result();
    if (!page) {
        m_status->setText(tr("Not captured: %1").arg(page.error().message));
        return;
    }
    const auto id = Models::WebCapture::store(m_case, *page);
    if (!id) {
        m_status->setText(tr("Fetched, but not stored: %1").arg(id.error().message));
        return;
    }
    m_sourceId = *id;
    QDialog::accept();
}

void CaptureDialog::reject()
{
    if (m_capture->isRunning()) {
        m_capture->cancel(); // onFinished() reports it; the dialog stays open
        return;
    }
    QDialog::reject();
}

} // namespace Casegraph::Ui

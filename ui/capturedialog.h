// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Casegraph::Models {
class CaseFile;
class WebCapture;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// File > Capture Web Page: asks for a URL, fetches it without blocking the window (progress,
/// Cancel) with the preferences' proxy, timeout and size cap, and keeps it in the case as a
/// source and Article. Accepts when the page is stored; sourceId() then names it.
class CaptureDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaptureDialog)
public:
    CaptureDialog(Models::CaseFile &caseFile, QWidget *parent = nullptr);
    ~CaptureDialog() override;
    qint64 sourceId() const { return m_sourceId; }
    QLineEdit *urlEdit() const { return m_url; }

    void startCapture();
    void reject() override;

private:
    void onFinished();
    void setRunning(bool running);
    Models::CaseFile &m_case;
    Models::WebCapture *m_capture = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_captureButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    qint64 m_sourceId = 0;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capture/webcapture.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace Casegraph::Ui {

/// The stored preferences (QSettings): who the investigator is, and how web capture fetches.
namespace Preferences {
/// The investigator's name: the actor of provenance and audit entries. Empty when not set.
QString investigator();
void setInvestigator(const QString &name);
/// Timeout, size cap and proxy for web capture.
Models::CaptureSettings captureSettings();
/// Sets CaseFile's default actor from the stored name (startup and after a change).
void apply();
} // namespace Preferences

/// Edit > Preferences: investigator name, capture proxy (none, HTTP, SOCKS5 such as Tor),
/// capture timeout and size cap. Saves on OK.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    void accept() override;

private:
    void updateProxyFields();
    QLineEdit *m_name = nullptr;
    QComboBox *m_proxyType = nullptr;
    QLineEdit *m_proxyHost = nullptr;
    QSpinBox *m_proxyPort = nullptr;
    QSpinBox *m_timeout = nullptr;
    QDoubleSpinBox *m_maxMb = nullptr;
};

} // namespace Casegraph::Ui

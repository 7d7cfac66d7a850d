// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "preferencesdialog.h"
#include "storage/casefile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Casegraph::Ui {

namespace {
const QString NameKey = QStringLiteral("investigator/name");
const QString ProxyTypeKey = QStringLiteral("capture/proxyType"); // none, http, socks5
const QString ProxyHostKey = QStringLiteral("capture/proxyHost");
const QString ProxyPortKey = QStringLiteral("capture/proxyPort");
const QString TimeoutKey = QStringLiteral("capture/timeoutSeconds");
const QString MaxMbKey = QStringLiteral("capture/maxMegabytes");
} // namespace

namespace Preferences {

QString investigator()
{
    return QSettings().value(NameKey).toString().trimmed();
}

void setInvestigator(const QString &name)
{
    QSettings().setValue(NameKey, name.trimmed());
    apply();
}

Models::CaptureSettings captureSettings()
{
    QSettings s;
    Models::CaptureSettings c;
    c.timeoutSeconds = std::max(1, s.value(TimeoutKey, 30).toInt());
    c.maxBytes = qint64(std::max(0.1, s.value(MaxMbKey, 50.0).toDouble()) * 1024 * 1024);
    const QString type = s.value(ProxyTypeKey, QStringLiteral("none")).toString();
    const QString host = s.value(ProxyHostKey).toString();
    const int port = s.value(ProxyPortKey, 9050).toInt();
    if (type != QLatin1String("none") && !host.isEmpty()) {
        if (auto proxy = Models::CaptureSettings::proxyFromUrl(QStringLiteral("%1://%2:%3").arg(type, host).arg(port))) {
            c.proxy = *proxy;
        }
    }
    return c;
}

void apply()
{
    Models::CaseFile::setDefaultActor(investigator());
}

} // namespace Preferences

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    QSettings s;
    auto *layout = new QVBoxLayout(this);

    auto *who = new QGroupBox(tr("Investigator"), this);
    auto *whoForm = new QFormLayout(who);
    m_name = new QLineEdit(s.value(NameKey).toString(), who);
    m_name->setPlaceholderText(Models::CaseFile::defaultActor());
    whoForm->addRow(tr("&Name:"), m_name);
    auto *hint = new QLabel(tr("Recorded with every import, edit and capture in the case's audit log."), who);
    hint->setWordWrap(true);
    whoForm->addRow(hint);
    layout->addWidget(who);

    auto *capture = new QGroupBox(tr("Web capture"), this);
    auto *form = new QFormLayout(capture);
    m_proxyType = new QComboBox(capture);
    m_proxyType->addItem(tr("No proxy"), QStringLiteral("none"));
    m_proxyType->addItem(tr("HTTP proxy"), QStringLiteral("http"));
    m_proxyType->addItem(tr("SOCKS5 proxy (Tor)"), QStringLiteral("socks5"));
    m_proxyType->setCurrentIndex(std::max(0, m_proxyType->findData(s.value(ProxyTypeKey, QStringLiteral("none")))));
    form->addRow(tr("&Proxy:"), m_proxyType);
    m_proxyHost = new QLineEdit(s.value(ProxyHostKey, QStringLiteral("127.0.0.1")).toString(), capture);
    form->addRow(tr("&Host:"), m_proxyHost);
    m_proxyPort = new QSpinBox(capture);
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setValue(s.value(ProxyPortKey, 9050).toInt());
    form->addRow(tr("P&ort:"), m_proxyPort);
    m_timeout = new QSpinBox(capture);
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(s.value(TimeoutKey, 30).toInt());
    form->addRow(tr("&Timeout without data:"), m_timeout);
    m_maxMb = new QDoubleSpinBox(capture);
    m_maxMb->setRange(0.1, 2048);
    m_maxMb->setDecimals(1);
    m_maxMb->setSuffix(tr(" MB"));
    m_maxMb->setValue(s.value(MaxMbKey, 50.0).toDouble());
    form->addRow(tr("&Largest page:"), m_maxMb);
    layout->addWidget(capture);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &PreferencesDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PreferencesDialog::reject);
    layout->addWidget(buttons);
    connect(m_proxyType, &QComboBox::currentIndexChanged, this, &PreferencesDialog::updateProxyFields);
    updateProxyFields();
}

void PreferencesDialog::updateProxyFields()
{
    const bool proxy = m_proxyType->currentData().toString() != QLatin1String("none");
    m_proxyHost->setEnabled(proxy);
    m_proxyPort->setEnabled(proxy);
}

void PreferencesDialog::accept()
{
    QSettings s;
    s.setValue(ProxyTypeKey, m_proxyType->currentData());
    s.setValue(ProxyHostKey, m_proxyHost->text().trimmed());
    s.setValue(ProxyPortKey, m_proxyPort->value());
    s.setValue(TimeoutKey, m_timeout->value());
    s.setValue(MaxMbKey, m_maxMb->value());
    Preferences::setInvestigator(m_name->text());
    QDialog::accept();
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "custodydialog.h"
#include "screenroom.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace Casegraph::Ui {

CustodyDialog::CustodyDialog(const Models::CustodyReport &report, QWidget *parent) : QDialog(parent), m_report(report)
{
    setWindowTitle(report.title());
    resizeWithinScreen(this, QSize(820, 640));
    auto *layout = new QVBoxLayout(this);
    m_browser = new QTextBrowser(this);
    m_browser->setHtml(report.toHtml());
    layout->addWidget(m_browser);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Save As…"), QDialogButtonBox::ActionRole);
    connect(save, &QPushButton::clicked, this, &CustodyDialog::saveAs);
    connect(buttons, &QDialogButtonBox::rejected, this, &CustodyDialog::reject);
    layout->addWidget(buttons);
}

bool CustodyDialog::saveTo(const QString &path, QString *error) const
{
    const bool text = path.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write((text ? m_report.toText() : m_report.toHtml()).toUtf8()) < 0 || !file.commit()) {
        if (error) {
            *error = file.errorString();
        }
        return false;
    }
    return true;
}

void CustodyDialog::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Chain of Custody Report"), QString(),
                                                      tr("HTML (*.html);;Text (*.txt)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!saveTo(path, &error)) {
        QMessageBox::warning(this, tr("Save Chain of Custody Report"), tr("Cannot write %1: %2").arg(path, error));
    }
}

} // namespace Casegraph::Ui

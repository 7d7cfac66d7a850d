// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "capture/custodyreport.h"

#include <QDialog>

class QTextBrowser;

namespace Casegraph::Ui {

/// Shows a source's chain-of-custody report, with Save As (HTML, or text for .txt).
class CustodyDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustodyDialog)
public:
    CustodyDialog(const Models::CustodyReport &report, QWidget *parent = nullptr);
    QTextBrowser *browser() const { return m_browser; }
    /// Writes the report; HTML unless the name ends in .txt.
    bool saveTo(const QString &path, QString *error = nullptr) const;

private:
    void saveAs();
    Models::CustodyReport m_report;
    QTextBrowser *m_browser = nullptr;
};

} // namespace Casegraph::Ui

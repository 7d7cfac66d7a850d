// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoactions.h"
#include "mainwindow.h"

#include "storage/casefile.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace Casegraph::Ui {

using Models::DemoCopy;

DemoActions::DemoActions(MainWindow *window) : QObject(window), m_window(window)
{
    m_reset = new QAction(tr("Reset &Demo Case…"), this);
    m_reset->setObjectName(QStringLiteral("resetDemoCaseAction"));
    m_reset->setToolTip(tr("Replace the demo case with a fresh copy of the bundled demo and open it"));
    connect(m_reset, &QAction::triggered, this, &DemoActions::reset);
}

QString DemoActions::describe(DemoCopy::Outcome outcome)
{
    switch (outcome) {
    case DemoCopy::Outcome::Kept:
        return tr("This is the demo case with your changes. Help > Reset Demo Case… starts again from a fresh copy.");
    case DemoCopy::Outcome::Refreshed:
        return tr("The demo case was updated to the one bundled with this version.");
    case DemoCopy::Outcome::Reset:
        return tr("The demo case was reset to a fresh copy.");
    case DemoCopy::Outcome::Created:
    case DemoCopy::Outcome::Reused:
        break;
    }
    return {};
}

bool DemoActions::reset()
{
    const QString folder = DemoCopy::defaultFolder();
    const QString path = DemoCopy::pathIn(folder);
    QMessageBox ask(QMessageBox::Warning, tr("Reset Demo Case"),
                    tr("Replace the demo case with a fresh copy of the bundled demo?"), QMessageBox::Cancel, m_window);
    ask.setInformativeText(tr("Any changes you made to the demo case will be lost: entities, notes, leads, chart "
                              "layouts and its history. Your other cases are not touched.\n\n%1")
                               .arg(QDir::toNativeSeparators(path)));
    QPushButton *confirm = ask.addButton(tr("&Reset Demo Case"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != confirm) {
        return false;
    }
    // The copy is replaced on disk: close it first if this window has it open.
    const Models::CaseFile *current = m_window->caseFile();
    const bool wasOpen = current && QFileInfo(current->path()).canonicalFilePath() == QFileInfo(path).canonicalFilePath();
    if (wasOpen) {
        m_window->closeCase();
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto fresh = DemoCopy::reset(folder);
    QGuiApplication::restoreOverrideCursor();
    if (!fresh) {
        if (wasOpen) {
            (void)m_window->openCase(path); // the old copy is still in place
        }
        QMessageBox::warning(m_window, tr("Cannot reset the demo case"), fresh.error().toString());
        return false;
    }
    if (auto st = m_window->openCase(fresh->path); !st) {
        QMessageBox::warning(m_window, tr("Cannot open the case"), st.error().toString());
        return false;
    }
    m_window->statusBar()->showMessage(describe(fresh->outcome), 8000);
    return true;
}

} // namespace Casegraph::Ui

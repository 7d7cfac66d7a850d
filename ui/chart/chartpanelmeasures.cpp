// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// ChartPanel's Measure button (ChartMeasures); the rest is in chartpanel.cpp.
#include "chartlayout.h"
#include "chartpanel.h"
#include "chartview.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QProgressBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

namespace Casegraph::Ui {

using Size = ChartNodeMeasures::Size;
using Colour = ChartMeasureSetting::Colour;

void ChartPanel::buildMeasureButton()
{
    m_measureButton = new QToolButton(m_toolBar);
    m_measureButton->setText(tr("&Measure"));
    m_measureButton->setToolTip(tr("Size the entities by degree or betweenness, colour them by connected component"));
    m_measureButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_measureButton);
    connect(menu, &QMenu::aboutToShow, this, &ChartPanel::fillMeasureMenu);
    m_measureButton->setMenu(menu);
    m_toolBar->addWidget(m_measureButton);
    // Betweenness of a large chart runs on a worker: the progress bar and Cancel after a moment.
    connect(m_view, &ChartView::measureProgressed, this, [this](int percent) {
        m_progress->setRange(0, 100);
        m_progress->setValue(percent);
    });
    connect(m_view, &ChartView::measuringChanged, this, [this](bool running) {
        if (!running) {
            showProgress(m_runner->isRunning());
            return;
        }
        m_progress->setFormat(tr("Measuring %p%"));
        m_progress->setRange(0, 0);
        QTimer::singleShot(300, this, [this] { showProgress(m_view->isMeasuring() || m_runner->isRunning()); });
    });
}

void ChartPanel::fillMeasureMenu()
{
    QMenu *menu = m_measureButton->menu();
    menu->clear();
    const ChartMeasureSetting current = m_view->measure();
    const auto addChoice = [&](QActionGroup *group, const QString &text, bool checked, ChartMeasureSetting setting) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(checked);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, setting] { m_view->setMeasure(setting); });
    };
    menu->addSection(tr("Size by"));
    auto *sizes = new QActionGroup(menu);
    for (const auto &[size, text] : {std::pair{Size::None, tr("&Nothing")}, std::pair{Size::Degree, tr("&Degree")},
                                     std::pair{Size::Betweenness, tr("&Betweenness")}}) {
        addChoice(sizes, text, current.size == size, ChartMeasureSetting{size, current.colour});
    }
    menu->addSection(tr("Colour by"));
    auto *colours = new QActionGroup(menu);
    for (const auto &[colour, text] : {std::pair{Colour::Type, tr("&Type")}, std::pair{Colour::Component, tr("&Component")}}) {
        addChoice(colours, text, current.colour == colour, ChartMeasureSetting{current.size, colour});
    }
    menu->addSeparator();
    QAction *note = menu->addAction(tr("Counts what is shown: filtered and hidden entities are left out, a "
                                       "collapsed group is one node"));
    note->setEnabled(false);
}

void ChartPanel::cancelMeasuring()
{
    m_view->cancelMeasuring();
    showProgress(m_runner->isRunning());
    Q_EMIT statusMessage(tr("Measuring cancelled; the entities are drawn at one size."));
}

} // namespace Casegraph::Ui

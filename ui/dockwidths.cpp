// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dockwidths.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

#include <algorithm>

namespace Casegraph::Ui {

DefaultDockWidths::DefaultDockWidths(QMainWindow *window, const QList<QDockWidget *> &docks, const QList<int> &widths,
                                     const QList<int> &least)
    : QObject(window), m_window(window), m_docks(docks), m_widths(widths), m_least(least) {
    Q_ASSERT(docks.size() == widths.size() && docks.size() == least.size());
    window->installEventFilter(this);
}

void DefaultDockWidths::apply() {
    m_active = true;
    resizeDocks();
}

int DefaultDockWidths::widthFor(qsizetype index, int windowWidth) const {
    const int width = m_widths.at(index);
    return windowWidth >= ReferenceWidth ? width : std::max(m_least.at(index), width * windowWidth / ReferenceWidth);
}

void DefaultDockWidths::resizeDocks() {
    QList<int> widths;
    for (qsizetype i = 0; i < m_docks.size(); ++i) {
        widths << widthFor(i, m_window->width());
    }
    m_window->resizeDocks(m_docks, widths, Qt::Horizontal);
}

bool DefaultDockWidths::eventFilter(QObject *watched, QEvent *event) {
    if (watched != m_window || !m_active) {
        return QObject::eventFilter(watched, event);
    }
    if (event->type() == QEvent::MouseButtonPress) {
        // A press on the window itself, not on a dock or the chart, is on a dock separator:
        // the user sizes the docks from now on.
        stop();
    } else if (event->type() == QEvent::Resize && !m_queued) {
        // The window's layout takes its new size after the filters have seen the event.
        m_queued = true;
        QTimer::singleShot(0, this, [this] {
            m_queued = false;
            if (m_active) {
                resizeDocks();
            }
        });
    }
    return QObject::eventFilter(watched, event);
}

} // namespace Casegraph::Ui

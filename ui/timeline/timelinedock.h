// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ftmdate.h"
#include "core/workerruns.h"
#include "timeline/timelinemodel.h"

#include <QDockWidget>
#include <QSet>
#include <QStringList>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QTimer;
class QToolBar;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

class TimelineView;

/// The Timeline dock: a toolbar (lanes by theme or entity, reporting lag, fit, zoom to the
/// brushed range, exchange rates, export) over a TimelineView. The timeline is built on a worker
/// thread with its own connection to the case and rebuilt when the case changes.
///
/// Linked selection: entitiesSelected() when the user picks facts; setSelectedEntities() to show
/// a selection made elsewhere (Entities dock, Inspector, a chart). dateRangeBrushed() for a
/// chart's time filter.
class TimelineDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineDock)
public:
    explicit TimelineDock(QWidget *parent = nullptr);
    ~TimelineDock() override;

    /// Shows this case (nullptr: none). The dock does not own it.
    void setCase(Models::CaseFile *caseFile);
    /// Limits the timeline to these entities and what references them (a chart's entities);
    /// an empty set shows the whole case. `scopeName` names it in the title ("chart X").
    void setScope(const QSet<QString> &entityIds, const QString &scopeName = {});
    TimelineView *view() const { return m_view; }
    /// The model shown, once built (nullptr before).
    std::shared_ptr<const Models::TimelineModel> model() const { return m_model; }
    /// Builds the timeline now, on this thread (tests, export without a running event loop).
    Models::Status rebuildNow();
    QAction *exportAction() const { return m_exportAction; }

public Q_SLOTS:
    void setSelectedEntities(const QStringList &entityIds);
    /// Selects the facts of one entity (row id), e.g. the Inspector's entity.
    void setSelectedEntityRow(qint64 rowId);

Q_SIGNALS:
    void entitiesSelected(const QStringList &entityIds);
    void entityActivated(qint64 rowId);
    void dateRangeBrushed(const Casegraph::Models::FtmDate &from, const Casegraph::Models::FtmDate &to);
    /// A build finished and the view shows it.
    void timelineReady();

private:
    void scheduleRebuild();
    void rebuild();
    void apply(std::shared_ptr<const Models::TimelineModel> model, quint64 generation, const QString &error);
    /// Gives the view this model (nullptr: none) and frees the one it replaces off this thread.
    void setShownModel(std::shared_ptr<const Models::TimelineModel> model);
    void editRates();
    void exportTimeline();
    QString title() const;

    Models::CaseFile *m_case = nullptr;
    TimelineView *m_view = nullptr;
    QToolBar *m_toolBar = nullptr;
    QComboBox *m_lanes = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_lagAction = nullptr;
    QAction *m_fitAction = nullptr;
    QAction *m_brushZoomAction = nullptr;
    QAction *m_ratesAction = nullptr;
    QAction *m_exportAction = nullptr;
    QTimer *m_rebuildTimer = nullptr;
    std::shared_ptr<const Models::TimelineModel> m_model;
    QSet<QString> m_scope;
    QString m_scopeName;
    quint64 m_generation = 0;
    bool m_firstFit = true;
    Models::WorkerRuns m_runs; ///< last: cancels and waits for a running build before the rest goes
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analytics/diversion.h"
#include "analytics/paths.h"
#include "storage/entitystore.h"
#include "core/workerruns.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

namespace Casegraph::Ui {

/// What the Paths dock asks: paths between two entities, or diversion paths from a manufacturer.
/// The queries name entities by FtM id.
struct PathRequest {
    enum class Mode { Paths, Diversion };
    Mode mode = Mode::Paths;
    Models::PathQuery paths;
    Models::DiversionQuery diversion;
};

/// One path of a run as the dock lists it: the hops, and for diversion the end user's marks.
struct FoundPath {
    Models::GraphPath path;
    const Models::DiversionPath *diversion = nullptr; ///< into PathOutcome::diversion; null for Paths
};

/// A finished run: the request, the library's results (the same ones `casegraph-cli paths` and
/// `diversion` print) and the names of every entity and relationship on the paths.
struct PathOutcome {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::PathOutcome)
public:
    PathRequest request;
    Models::PathResult shortest; ///< Paths
    Models::PathResult all;      ///< Paths: every simple path, shortest first
    Models::DiversionResult diversion;
    QHash<qint64, Models::EntityRow> rows; ///< entities and relationships on the paths, by row id
    QString fromName, toName;              ///< captions of the ends asked for (toName: Paths only)
    /// The paths in the order the dock lists them (shortest first).
    QList<FoundPath> found() const;
    bool capped() const;
    bool workLimitReached() const;
    /// "Thermo Fisher Scientific", else the FtM id.
    QString caption(qint64 rowId, const QString &id) const;
    /// A list row: "Xinjiang police (listed) · 2 hops · weakest hop 4 excerpts · A → B → C".
    QString rowText(const FoundPath &path) const;
    /// What a hop's relationship says: "Ownership · 51% · 2019 – open", "Supply (manufacturer → supplier)".
    static QString relationshipText(const Models::PathHop &hop);
    /// "along", "against its direction", "no direction".
    static QString directionText(const Models::PathHop &hop);
    /// AnalyticsText::path() of the path, then the names of its entities (what Copy puts on the clipboard).
    QString copyText(const FoundPath &path) const;
    /// "1 hop" / "3 hops", "1 excerpt" / "2 excerpts" … (the English plurals without a catalogue).
    static QString counted(int n, const char *one, const char *many);
    static QString hops(int n) { return counted(n, QT_TR_NOOP("1 hop"), QT_TR_NOOP("%1 hops")); }
    static QString excerpts(int n) { return counted(n, QT_TR_NOOP("1 excerpt"), QT_TR_NOOP("%1 excerpts")); }
    /// The line above the list: how many paths, from what to what.
    QString summary() const;
    /// "ownership rule at 50%": the threshold a diversion run used (the box may show another since,
    /// its setting being shared); empty without the rule.
    QString ruleText() const;
    /// Why the list may be incomplete (the cap or the work limit), or empty.
    QString limitWarning() const;
};

/// Runs a path search on a worker thread with its own read-only connection to the case (the
/// ChartLoader pattern). The projection of the case is built there once and handed back, so that
/// the next search reuses it until the case changes (pass it to start(), or null to rebuild).
/// cancel() makes the running search report to nobody and leaves it idle at once; the worker
/// stops at its next check. Thread affinity: the GUI thread; signals arrive there.
class PathSearch final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PathSearch)
public:
    explicit PathSearch(QObject *parent = nullptr);
    ~PathSearch() override;

    void start(const QString &casePath, const PathRequest &request,
               std::shared_ptr<const Models::GraphProjection> graph);
    void cancel();
    bool isRunning() const { return m_runs.isRunning(); }

Q_SIGNALS:
    /// "Reading the case…", "Searching…".
    void phaseChanged(const QString &text);
    /// The projection the search used (to keep for the next run).
    void projected(const std::shared_ptr<const Models::GraphProjection> &graph);
    void finished(const std::shared_ptr<const Casegraph::Ui::PathOutcome> &outcome);
    void failed(const QString &message);

private:
    Models::WorkerRuns m_runs;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinedock.h"

#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "timelineexport.h"
#include "timelineview.h"

#include <QAction>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

TimelineDock::TimelineDock(QWidget *parent) : QDockWidget(tr("Timeline"), parent)
{
    setObjectName(QStringLiteral("TimelineDock"));
    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar = new QToolBar(content);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_lanes = new QComboBox(m_toolBar);
    m_lanes->addItem(tr("Lanes by theme"), int(TimelineModel::LaneMode::Theme));
    m_lanes->addItem(tr("Lanes by entity"), int(TimelineModel::LaneMode::Entity));
    m_lanes->setToolTip(tr("One lane per theme (list additions, contracts, letters …) or per entity"));
    m_toolBar->addWidget(m_lanes);
    m_lagAction = m_toolBar->addAction(tr("Reporting &lag"));
    m_lagAction->setCheckable(true);
    m_lagAction->setToolTip(tr("Show when each fact became known: a line from the fact's date to the date of the "
                               "first dated source that reports it"));
    m_fitAction = m_toolBar->addAction(tr("&Fit"));
    m_fitAction->setToolTip(tr("Show all dated facts (Home)"));
    m_brushZoomAction = m_toolBar->addAction(tr("&Zoom to range"));
    m_brushZoomAction->setToolTip(tr("Zoom to the brushed date range (Shift+drag on the timeline to brush one)"));
    m_ratesAction = m_toolBar->addAction(tr("&Rates…"));
    m_ratesAction->setToolTip(tr("Convert amounts with exchange rates you enter; currencies without a rate stay "
                                 "apart"));
    m_exportAction = m_toolBar->addAction(tr("&Export…"));
    m_exportAction->setToolTip(tr("Save the timeline as PNG, SVG or PDF"));
    m_status = new QLabel(m_toolBar);
    m_status->setContentsMargins(8, 0, 8, 0);
    m_status->setMinimumWidth(m_status->fontMetrics().horizontalAdvance(tr("00000 dated, 00000 undated")) + 16);
    m_toolBar->addWidget(m_status);
    layout->addWidget(m_toolBar);
    m_view = new TimelineView(content);
    layout->addWidget(m_view, 1);
    setWidget(content);

    m_rebuildTimer = new QTimer(this);
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(300);
    connect(m_rebuildTimer, &QTimer::timeout, this, &TimelineDock::rebuild);
    connect(m_lanes, &QComboBox::currentIndexChanged, this, [this] {
        m_view->setLaneMode(TimelineModel::LaneMode(m_lanes->currentData().toInt()));
    });
    connect(m_lagAction, &QAction::toggled, m_view, &TimelineView::setShowLag);
    connect(m_fitAction, &QAction::triggered, m_view, &TimelineView::fitToData);
    connect(m_brushZoomAction, &QAction::triggered, m_view, &TimelineView::zoomToBrush);
    connect(m_ratesAction, &QAction::triggered, this, &TimelineDock::editRates);
    connect(m_exportAction, &QAction::triggered, this, &TimelineDock::exportTimeline);
    connect(m_view, &TimelineView::entitiesSelected, this, &TimelineDock::entitiesSelected);
    connect(m_view, &TimelineView::entityActivated, this, &TimelineDock::entityActivated);
    connect(m_view, &TimelineView::dateRangeBrushed, this, &TimelineDock::dateRangeBrushed);
    // Build when first shown rather than with every case opened while the dock is hidden.
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_case && !m_model) {
            scheduleRebuild();
        }
        // Docked under the others it would open a few lines high: give it room for its lanes.
        if (visible && !isFloating()) {
            QTimer::singleShot(50, this, [this] {
                auto *window = qobject_cast<QMainWindow *>(parentWidget());
                if (window && height() < window->height() / 3) {
                    window->resizeDocks({this}, {int(window->height() * 0.4)}, Qt::Vertical);
                }
            });
        }
    });
}

TimelineDock::~TimelineDock()
{
    ++m_generation; // a build still running finds its result stale
    setShownModel(nullptr); // the window closes at once, the memory follows
}

void TimelineDock::setCase(CaseFile *caseFile)
{
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_scope.clear();
    m_scopeName.clear();
    m_firstFit = true;
    ++m_generation;
    m_runs.cancel(); // a build of the previous case stops
    setShownModel(nullptr);
    m_status->clear();
    if (!m_case) {
        return;
    }
    for (auto signal : {&CaseFile::entityAdded, &CaseFile::entityChanged, &CaseFile::entityRemoved,
                        &CaseFile::evidenceChanged}) {
        connect(m_case, signal, this, &TimelineDock::scheduleRebuild);
    }
    connect(m_case, &CaseFile::entitiesReset, this, &TimelineDock::scheduleRebuild);
    connect(m_case, &CaseFile::sourcesChanged, this, &TimelineDock::scheduleRebuild);
    if (isVisible()) {
        scheduleRebuild();
    }
}

void TimelineDock::setScope(const QSet<QString> &entityIds, const QString &scopeName)
{
    m_scope = entityIds;
    m_scopeName = scopeName;
    m_firstFit = true;
    scheduleRebuild();
}

void TimelineDock::scheduleRebuild()
{
    if (m_case && isVisible()) {
        m_rebuildTimer->start();
    } else {
        m_model.reset(); // built again when shown
    }
}

QString TimelineDock::title() const
{
    const QString caseTitle = m_case ? m_case->title() : QString();
    return m_scopeName.isEmpty() ? tr("Timeline: %1").arg(caseTitle) : tr("Timeline: %1 (%2)").arg(caseTitle, m_scopeName);
}

Status TimelineDock::rebuildNow()
{
    if (!m_case) {
        return Error{tr("no case is open")};
    }
    auto model = TimelineModel::fromCase(*m_case, m_scope);
    if (!model) {
        return model.error();
    }
    apply(std::make_shared<const TimelineModel>(std::move(*model)), ++m_generation, {});
    return {};
}

void TimelineDock::rebuild()
{
    if (!m_case) {
        return;
    }
    const quint64 generation = ++m_generation;
    const QString path = m_case->path();
    const QSet<QString> scope = m_scope;
    m_status->setText(tr("Building…"));
    // Own connection on the worker (a CaseFile belongs to the thread that opened it); WAL lets
    // it read beside the GUI's connection.
    // A newer build, another case or closing the window cancels it; the window waits for it.
    const auto cancelled = m_runs.begin();
    const auto post = WorkerRuns::poster(this, [](TimelineDock &d) -> WorkerRuns & { return d.m_runs; });
    m_runs.start([post, path, scope, generation, cancelled] {
        CaseFile caseFile;
        std::shared_ptr<const TimelineModel> model;
        QString error;
        if (auto st = caseFile.open(path, CaseFile::OpenMode::ReadOnly); !st) {
            error = st.error().message;
        } else if (auto built = TimelineModel::fromCase(caseFile, scope, cancelled.get()); !built) {
            error = built.error().message;
        } else {
            model = std::make_shared<const TimelineModel>(std::move(*built));
        }
        // Back on the GUI thread, unless the dock is gone or a newer run replaced this one.
        post([model, generation, error](TimelineDock &d) {
            d.m_runs.finished();
            d.apply(model, generation, error);
        });
    });
}

void TimelineDock::setShownModel(std::shared_ptr<const TimelineModel> model)
{
    std::shared_ptr<const TimelineModel> old = std::exchange(m_model, std::move(model));
    m_view->setModel(m_model);
    releaseOffThread(std::move(old)); // the view has let go of it too; a million facts take seconds to free
}

void TimelineDock::apply(std::shared_ptr<const TimelineModel> model, quint64 generation, const QString &error)
{
    if (generation != m_generation) {
        return; // a newer build is under way, or the case changed
    }
    if (!error.isEmpty()) {
        m_status->setText(tr("Cannot build the timeline: %1").arg(error));
        return;
    }
    const TimelineViewState keep = m_view->state();
    setShownModel(std::move(model));
    m_view->setTitle(title());
    if (!m_firstFit) {
        m_view->setWindow(keep.fromMs, keep.toMs); // an edit does not move the view
    }
    m_firstFit = false;
    m_view->setSelectedEntities(QStringList(keep.selected.begin(), keep.selected.end()));
    const QLocale locale;
    m_status->setText(tr("%1 dated, %2 undated")
                          .arg(locale.toString(qint64(m_model->items().size())),
                               locale.toString(qint64(m_model->undated().size()))));
    Q_EMIT timelineReady();
}

void TimelineDock::setSelectedEntities(const QStringList &entityIds)
{
    m_view->setSelectedEntities(entityIds);
}

void TimelineDock::setSelectedEntityRow(qint64 rowId)
{
    if (!m_case || !rowId) {
        return;
    }
    const auto row = m_case->entities().row(rowId);
    if (row && !m_view->state().selected.contains(row->id)) {
        m_view->setSelectedEntities({row->id});
    }
}

void TimelineDock::editRates()
{
    const CurrencyRates current = m_view->state().rates;
    QStringList pairs;
    for (auto it = current.rates.cbegin(); it != current.rates.cend(); ++it) {
        pairs << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    }
    const QString initial = current.target.isEmpty() ? QStringLiteral("EUR: USD=0.92") : current.target + QLatin1String(": ") + pairs.join(QLatin1String(", "));
    bool ok = false;
    const QString text = QInputDialog::getText(
        this, tr("Exchange rates"),
        tr("Target currency, then one rate per currency (1 unit = rate × target).\n"
           "Example: EUR: USD=0.92, CNY=0.13. Leave empty to keep every currency apart."),
        QLineEdit::Normal, initial, &ok);
    if (!ok) {
        return;
    }
    CurrencyRates rates;
    static const QRegularExpression form(QStringLiteral("^\\s*([A-Za-z]{3})\\s*:\\s*(.*)$"));
    static const QRegularExpression pair(QStringLiteral("([A-Za-z]{3})\\s*=\\s*([0-9]*\\.?[0-9]+)"));
    if (!text.trimmed().isEmpty()) {
        const auto m = form.match(text);
        if (!m.hasMatch()) {
            QMessageBox::warning(this, tr("Exchange rates"), tr("Write the target currency first, e.g. \"EUR: USD=0.92\"."));
            return;
        }
        rates.target = m.captured(1).toUpper();
        for (auto it = pair.globalMatch(m.captured(2)); it.hasNext();) {
            const auto p = it.next();
            rates.rates.insert(p.captured(1).toUpper(), p.captured(2).toDouble());
        }
    }
    m_view->setRates(rates);
}

void TimelineDock::exportTimeline()
{
    if (!m_model) {
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export timeline"), {},
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) {
        return;
    }
    TimelineExporter::Options options;
    options.pngScale = 2.0;
    if (auto st = TimelineExporter::exportTimeline(m_model, m_view->state(), path, options); !st) {
        QMessageBox::warning(this, tr("Export timeline"), st.error().message);
    }
}

} // namespace Casegraph::Ui

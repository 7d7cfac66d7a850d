// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartpanel.h"
#include "chartexport.h"
#include "chartlayout.h"
#include "chartview.h"
#include "fittingprompt.h"
#include "notes/tagwidgets.h"

#include "core/schema.h"
#include "itemmodels/schemaicons.h"
#include "export/sceneexport.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/tagstore.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDate>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ChartPanel::ChartPanel(CaseFile *caseFile, QUndoStack *undoStack, qint64 chartId, QWidget *parent) : QWidget(parent)
{
    m_view = new ChartView(this);
    m_runner = new ChartLayoutRunner(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    buildToolBar();
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view, 1);
    buildTimeBar();
    connect(m_view, &ChartView::statusMessage, this, &ChartPanel::statusMessage);
    connect(m_view, &ChartView::contentChanged, this, &ChartPanel::syncTimeBar);
    connect(m_view, &ChartView::contentChanged, this, &ChartPanel::updateFilterButton);
    connect(m_runner, &ChartLayoutRunner::progressed, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_runner, &ChartLayoutRunner::finished, this,
            [this](const std::vector<QPointF> &positions, const QString &label) {
                showProgress(false);
                m_view->applyPositions(positions, tr("Layout: %1").arg(QString(label).remove(QLatin1Char('&'))));
            });
    connect(m_runner, &ChartLayoutRunner::failed, this, [this](const QString &message) {
        showProgress(false);
        Q_EMIT statusMessage(tr("Layout failed: %1").arg(message));
    });
    m_view->setChart(caseFile, undoStack, chartId);
}

QSize ChartPanel::minimumSizeHint() const
{
    QSize least = QWidget::minimumSizeHint();
    int bar = m_toolBar->sizeHint().width() - std::max(0, m_find->sizeHint().width() - m_find->minimumWidth());
    // A running layout's progress bar and Cancel come and go; the panel's least width stays.
    for (QAction *shown : {m_progressAction, m_cancelAction}) {
        if (shown->isVisible()) {
            bar -= m_toolBar->widgetForAction(shown)->sizeHint().width() + m_toolBar->layout()->spacing();
        }
    }
    least.setWidth(std::max(least.width(), bar + contentsMargins().left() + contentsMargins().right()));
    return least;
}

qint64 ChartPanel::chartId() const
{
    return m_view->chartId();
}

void ChartPanel::buildToolBar()
{
    m_toolBar = new QToolBar(this);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_find = new QLineEdit(m_toolBar);
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(240);
    new FittingPrompt(m_find, {tr("Find on chart…"), tr("Find…")});
    m_find->setAccessibleName(tr("Find on chart"));
    m_find->setObjectName(QStringLiteral("ChartFind"));
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_view->findNode(m_find->text())) {
            Q_EMIT statusMessage(tr("No entity on this chart matches “%1”.").arg(m_find->text()));
        }
    });
    m_toolBar->addWidget(m_find);
    m_toolBar->addSeparator();
    // Fit and zoom as icons (their names and shortcuts in the tool tips), so that Layout, Filter,
    // Measure and Export keep their place in the tool bar on a laptop screen.
    const QStringList viewIcons{QStringLiteral("fit-view"), QStringLiteral("zoom-in"), QStringLiteral("zoom-out")};
    const QList<QAction *> viewActions = m_view->viewActions();
    for (qsizetype k = 0; k < viewActions.size(); ++k) {
        QAction *action = viewActions.at(k);
        action->setIcon(SchemaIcons::named(viewIcons.value(k)));
        action->setToolTip(tr("%1 (%2)").arg(QString(action->text()).remove(QLatin1Char('&')),
                                             action->shortcut().toString(QKeySequence::NativeText)));
        auto *button = new QToolButton(m_toolBar);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        m_toolBar->addWidget(button);
    }
    m_toolBar->addSeparator();

    auto *layoutButton = new QToolButton(m_toolBar);
    layoutButton->setText(tr("&Layout"));
    layoutButton->setPopupMode(QToolButton::InstantPopup);
    auto *layoutMenu = new QMenu(layoutButton);
    connect(layoutMenu, &QMenu::aboutToShow, this, [this, layoutMenu] {
        layoutMenu->clear();
        for (const auto &spec : ChartLayouts::all()) {
            QAction *a = layoutMenu->addAction(spec.label, this, [this, id = spec.id] { runLayout(id); });
            a->setEnabled(!spec.needsCentre || m_view->selection().size() == 1);
        }
    });
    layoutButton->setMenu(layoutMenu);
    m_toolBar->addWidget(layoutButton);

    m_filterButton = new QToolButton(m_toolBar);
    m_filterButton->setText(tr("F&ilter"));
    m_filterButton->setPopupMode(QToolButton::InstantPopup);
    auto *filterMenu = new QMenu(m_filterButton);
    connect(filterMenu, &QMenu::aboutToShow, this, &ChartPanel::fillFilterMenu);
    m_filterButton->setMenu(filterMenu);
    m_toolBar->addWidget(m_filterButton);

    buildMeasureButton();

    auto *exportButton = new QToolButton(m_toolBar);
    exportButton->setText(tr("E&xport…"));
    exportButton->setToolTip(tr("Export the chart as PNG, SVG or PDF"));
    connect(exportButton, &QToolButton::clicked, this, &ChartPanel::exportChart);
    m_toolBar->addWidget(exportButton);

    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_progress = new QProgressBar(m_toolBar);
    m_progress->setMaximumWidth(160);
    m_progress->setFormat(tr("Layout %p%"));
    m_cancel = new QToolButton(m_toolBar);
    m_cancel->setText(tr("Cancel"));
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        if (!m_runner->isRunning() && m_view->isMeasuring()) {
            cancelMeasuring();
            return;
        }
        m_runner->cancel();
        showProgress(false);
        Q_EMIT statusMessage(tr("Layout cancelled; the chart is as it was."));
    });
    // Widgets in a tool bar show and hide through their actions.
    m_progressAction = m_toolBar->addWidget(m_progress);
    m_cancelAction = m_toolBar->addWidget(m_cancel);
    showProgress(false);
}

void ChartPanel::fillFilterMenu()
{
    QMenu *menu = m_filterButton->menu();
    menu->clear();
    const ChartData &d = m_view->data();
    QMap<QString, int> nodeCounts, edgeCounts;
    // Group nodes and merged edges (ChartGroups) are drawn for their members, not counted here.
    for (size_t i = 0; i < d.nodeSchema.size(); ++i) {
        if (!(d.nodeFlags[i] & NodeGroup)) {
            ++nodeCounts[d.schemata.value(d.nodeSchema[i])];
        }
    }
    // Relationships, not lines: a Supply that names its manufacturer is drawn as two.
    QSet<std::pair<quint16, qint64>> counted;
    for (size_t e = 0; e < d.edgeSchema.size(); ++e) {
        const qint64 relationship = d.edgeRelationship[e];
        if (!(d.edgeFlags[e] & EdgeMerged) && (relationship <= 0 || !counted.contains({d.edgeSchema[e], relationship}))) {
            counted.insert({d.edgeSchema[e], relationship});
            ++edgeCounts[d.schemata.value(d.edgeSchema[e])];
        }
    }
    QStringList hiddenNodes = m_view->hiddenNodeSchemata(), hiddenEdges = m_view->hiddenEdgeSchemata();
    // A hidden schema with nothing on the chart is listed too (0), so that it can be shown again.
    for (const QString &name : hiddenNodes) {
        nodeCounts[name] += 0;
    }
    for (const QString &name : hiddenEdges) {
        edgeCounts[name] += 0;
    }
    const auto addSection = [&](const QString &title, const QMap<QString, int> &counts, bool nodes) {
        menu->addSection(title);
        const QStringList &hidden = nodes ? hiddenNodes : hiddenEdges;
        for (auto it = counts.begin(); it != counts.end(); ++it) {
            QAction *a = menu->addAction(tr("%1 (%2)").arg(ChartFilters::plural(it.key())).arg(it.value()));
            a->setCheckable(true);
            a->setChecked(!hidden.contains(it.key()));
            connect(a, &QAction::toggled, this, [this, nodes, name = it.key()](bool on) {
                QStringList n = m_view->hiddenNodeSchemata(), e = m_view->hiddenEdgeSchemata();
                QStringList &list = nodes ? n : e;
                if (on) {
                    list.removeAll(name);
                } else if (!list.contains(name)) {
                    list << name;
                }
                m_view->setHiddenSchemata(n, e);
            });
        }
    };
    addSection(tr("Entities"), nodeCounts, true);
    addSection(tr("Relationships"), edgeCounts, false);
    if (!hiddenNodes.isEmpty() || !hiddenEdges.isEmpty()) {
        menu->addAction(tr("Show All Types"), this, [this] { m_view->setHiddenSchemata({}, {}); });
    }
    fillTagSection(menu);
}

void ChartPanel::fillTagSection(QMenu *menu)
{
    menu->addSection(tr("Tags"));
    const CaseFile *c = m_view->caseFile();
    const QList<Tag> tags = c ? c->tags().tags() : QList<Tag>();
    if (tags.isEmpty()) {
        menu->addAction(tr("No tags in this case"))->setEnabled(false);
        return;
    }
    const ChartTagFilter filter = m_view->tagFilter();
    auto *modes = new QActionGroup(menu);
    const auto addMode = [&](const QString &text, ChartTagFilter::Mode mode) {
        QAction *a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(filter.mode == mode);
        a->setActionGroup(modes);
        connect(a, &QAction::triggered, this, [this, mode] {
            ChartTagFilter f = m_view->tagFilter();
            f.mode = mode;
            setTagFilter(f);
        });
    };
    addMode(tr("Show only entities with a ticked tag"), ChartTagFilter::Mode::ShowOnly);
    addMode(tr("Hide entities with a ticked tag"), ChartTagFilter::Mode::Hide);
    menu->addSeparator();
    const QHash<qint64, int> counts = ChartTags::counts(m_view->data());
    for (const Tag &tag : tags) {
        QAction *a = menu->addAction(tagIcon(tag.colour), tr("%1 (%2 on the chart)").arg(tag.name).arg(counts.value(tag.id)));
        a->setCheckable(true);
        a->setChecked(filter.tags.contains(tag.id));
        connect(a, &QAction::toggled, this, [this, id = tag.id](bool on) {
            ChartTagFilter f = m_view->tagFilter();
            if (on) {
                f.tags.insert(id);
            } else {
                f.tags.remove(id);
            }
            setTagFilter(f);
        });
    }
    if (filter.isActive()) {
        menu->addAction(tr("Clear the Tag Filter"), this, [this] { setTagFilter({}); });
    }
}

void ChartPanel::setTagFilter(const ChartTagFilter &filter)
{
    m_view->setTagFilter(filter);
    updateFilterButton();
}

void ChartPanel::updateFilterButton()
{
    const ChartTagFilter f = m_view->tagFilter();
    const QStringList hidden = m_view->hiddenNodeSchemata() + m_view->hiddenEdgeSchemata();
    QStringList names;
    for (const QString &schema : hidden) {
        names << ChartFilters::plural(schema);
    }
    // Say on the button what the filters do, so a thinned-out chart is never a surprise; the
    // hidden types go in the tool tip, as the tool bar is often too narrow for them.
    m_filterButton->setText(f.isActive() ? (f.mode == ChartTagFilter::Mode::ShowOnly
                                                ? tr("F&ilter: only tagged (%n)", nullptr, int(f.tags.size()))
                                                : tr("F&ilter: tagged hidden (%n)", nullptr, int(f.tags.size())))
                            : hidden.isEmpty() ? tr("F&ilter")
                                               : tr("F&ilter (on)"));
    m_filterButton->setToolTip(hidden.isEmpty() ? tr("Filter the chart by type and by tag")
                                                : tr("Filter: %1 hidden").arg(names.join(tr(", "))));
}

void ChartPanel::buildTimeBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(6, 3, 6, 3);
    m_timeMode = new QComboBox(bar);
    m_timeMode->addItem(tr("All dates"));
    m_timeMode->addItem(tr("As of"));
    m_timeMode->addItem(tr("Between"));
    m_timeMode->setAccessibleName(tr("Time filter"));
    m_fromSlider = new QSlider(Qt::Horizontal, bar);
    m_toSlider = new QSlider(Qt::Horizontal, bar);
    m_fromSlider->setAccessibleName(tr("Date"));
    m_toSlider->setAccessibleName(tr("End date"));
    m_commitTimer = new QTimer(this);
    m_commitTimer->setSingleShot(true);
    m_commitTimer->setInterval(TimeCommitDelayMs);
    connect(m_commitTimer, &QTimer::timeout, this, &ChartPanel::commitTime);
    for (QSlider *s : {m_fromSlider, m_toSlider}) {
        s->setPageStep(30);
        // Every day passed shows at once; the filter is saved (one undo step) when the slider is
        // released, or when keys that moved it have rested a moment.
        connect(s, &QSlider::valueChanged, this, &ChartPanel::previewTime);
        connect(s, &QSlider::sliderReleased, this, &ChartPanel::commitTime);
    }
    m_timeLabel = new QLabel(bar);
    m_timeLabel->setObjectName(QStringLiteral("ChartTimeLabel"));
    {
        // As wide as its longest text, in bold, so that the sliders do not jump as it changes.
        QFont bold = m_timeLabel->font();
        bold.setBold(true);
        const QFontMetrics metrics(bold);
        const QString longestDay = QLocale().toString(QDate(2000, 12, 28), QLocale::ShortFormat);
        m_timeLabel->setMinimumWidth(std::max({metrics.horizontalAdvance(tr("every relationship shown")),
                                               metrics.horizontalAdvance(tr("as of %1").arg(longestDay)),
                                               metrics.horizontalAdvance(tr("%1 – %2").arg(longestDay, longestDay))}));
    }
    m_timeLabel->setToolTip(tr("Relationships without dates always show; a partial date such as “2019-05” "
                               "counts as the whole month."));
    row->addWidget(new QLabel(tr("Time:"), bar));
    row->addWidget(m_timeMode);
    row->addWidget(m_fromSlider, 1);
    row->addWidget(m_toSlider, 1);
    row->addWidget(m_timeLabel);
    row->addStretch(); // takes the sliders' room while they are hidden
    layout()->addWidget(bar);
    connect(m_timeMode, &QComboBox::currentIndexChanged, this, &ChartPanel::commitTime);
    syncTimeBar();
}

ChartPanel::~ChartPanel()
{
    // A key-moved slider still waiting to be saved is saved now.
    if (m_commitTimer->isActive()) {
        commitTime();
    }
}

void ChartPanel::syncTimeBar()
{
    if (m_commitTimer->isActive() || m_fromSlider->isSliderDown() || m_toSlider->isSliderDown()) {
        return; // the user is moving a slider: the view shows what the controls say
    }
    const ChartTime time = m_view->chartTime();
    {
        const QSignalBlocker block(m_timeMode);
        m_timeMode->setCurrentIndex(int(time.mode));
    }
    showTimeInControls(time);
    updateTimeControls(time);
}

void ChartPanel::showTimeInControls(const ChartTime &time)
{
    const auto range = m_view->dateRange();
    const QDate first = range.first.isValid() ? range.first : QDate(2000, 1, 1);
    const QDate last = range.second.isValid() ? range.second : QDate::currentDate();
    // A year of margin before, up to today, so "before anything started" and "today" are
    // reachable; a saved day outside that (the chart's dates changed since) widens the range.
    qint64 lo = first.addYears(-1).toJulianDay(), hi = std::max(last, QDate::currentDate()).toJulianDay();
    for (const QDate &d : {time.from, time.to}) {
        if (d.isValid()) {
            lo = std::min(lo, d.toJulianDay());
            hi = std::max(hi, d.toJulianDay());
        }
    }
    // All dates: the sliders wait on the chart's last date and today for "as of" and "between".
    const QDate from = time.from.isValid() ? time.from : last;
    const QDate to = time.to.isValid() ? time.to : QDate::fromJulianDay(hi);
    for (const auto &[slider, day] : {std::pair{m_fromSlider, from}, std::pair{m_toSlider, to}}) {
        const QSignalBlocker block(slider);
        slider->setRange(int(lo), int(hi));
        slider->setValue(int(day.toJulianDay()));
    }
}

ChartTime ChartPanel::timeFromControls() const
{
    const QDate from = QDate::fromJulianDay(m_fromSlider->value());
    switch (TimeMode(m_timeMode->currentIndex())) {
    case TimeMode::All:
        break;
    case TimeMode::AsOf:
        return ChartTime::asOf(from);
    case TimeMode::Range:
        return ChartTime::between(from, QDate::fromJulianDay(m_toSlider->value()));
    }
    return {};
}

void ChartPanel::updateTimeControls(const ChartTime &time)
{
    // "All dates" has no day to pick: the label gets the room a disabled slider would squeeze.
    m_fromSlider->setVisible(time.mode != TimeMode::All);
    m_toSlider->setVisible(time.mode == TimeMode::Range);
    const QLocale locale;
    switch (time.mode) {
    case TimeMode::All:
        m_timeLabel->setText(tr("every relationship shown"));
        break;
    case TimeMode::AsOf:
        m_timeLabel->setText(tr("as of %1").arg(locale.toString(time.from, QLocale::ShortFormat)));
        break;
    case TimeMode::Range:
        m_timeLabel->setText(tr("%1 – %2").arg(locale.toString(time.from, QLocale::ShortFormat),
                                               locale.toString(time.to, QLocale::ShortFormat)));
        break;
    }
    // Bold while the filter leaves relationships out, like a filter button that says "on".
    QFont font = m_timeLabel->font();
    font.setBold(time.isActive());
    m_timeLabel->setFont(font);
}

void ChartPanel::previewTime()
{
    const ChartTime time = timeFromControls();
    updateTimeControls(time);
    m_view->previewChartTime(time);
    if (!m_fromSlider->isSliderDown() && !m_toSlider->isSliderDown()) {
        m_commitTimer->start();
    }
}

void ChartPanel::commitTime()
{
    m_commitTimer->stop();
    const ChartTime time = timeFromControls();
    updateTimeControls(time);
    m_view->setChartTime(time);
}

void ChartPanel::setTimeMode(TimeMode mode)
{
    m_timeMode->setCurrentIndex(int(mode));
}

void ChartPanel::setDates(const QDate &from, const QDate &to)
{
    const auto mode = TimeMode(m_timeMode->currentIndex());
    setTime(ChartTime{mode, from, to.isValid() ? to : QDate::fromJulianDay(m_toSlider->value())});
}

void ChartPanel::setTime(const ChartTime &time)
{
    {
        const QSignalBlocker block(m_timeMode);
        m_timeMode->setCurrentIndex(int(time.mode));
    }
    showTimeInControls(time);
    commitTime();
}

void ChartPanel::runLayout(const QString &id)
{
    const ChartLayoutSpec *spec = ChartLayouts::find(id);
    if (!spec) {
        return;
    }
    const auto sel = m_view->selection();
    const ChartLayoutInput input = ChartLayoutInput::from(m_view->data(), sel.size() == 1 ? sel.front() : -1);
    if (spec->needsCentre && input.centre < 0) {
        Q_EMIT statusMessage(tr("Select the entity to put in the centre first."));
        return;
    }
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Layout %p%"));
    m_runner->start(*spec, input);
    // Only show progress for layouts that take a noticeable time.
    QTimer::singleShot(300, this, [this] {
        showProgress(m_runner->isRunning());
    });
}

void ChartPanel::showProgress(bool visible)
{
    m_progressAction->setVisible(visible);
    m_cancelAction->setVisible(visible);
}

bool ChartPanel::isLayoutRunning() const
{
    return m_runner->isRunning();
}

void ChartPanel::exportChart()
{
    const QString folder =
        QSettings().value(QStringLiteral("chart/exportFolder"),
                          QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    const auto chart = m_view->caseFile() ? m_view->caseFile()->charts().chart(chartId()) : std::nullopt;
    const QString name = chart ? chart->name : tr("chart");
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), folder + QLatin1Char('/') + name + QStringLiteral(".png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"),
                                                      &selected);
    if (path.isEmpty()) {
        return;
    }
    QSettings().setValue(QStringLiteral("chart/exportFolder"), QFileInfo(path).absolutePath());
    if (auto st = ChartExport::write(m_view->data(), path, name); !st) {
        QMessageBox::warning(this, tr("Cannot export the chart"), st.error().toString());
        return;
    }
    Q_EMIT statusMessage(tr("Exported the chart to %1").arg(path));
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartfilters.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "support/chartshown.h"
#include "support/chartpanelcase.h"
#include "support/testsupport.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSlider>
#include <QStyleOptionSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
using Tests::shownEdges;
using Tests::shownLabels;

const QString Golden = QStringLiteral("Golden Dragon Holdings");
const QString Harbour = QStringLiteral("Harbour Capital Ltd.");
const QString Tianshan = QStringLiteral("Tianshan Textiles");
const QString ChartName = QStringLiteral("Who owns Tianshan");
} // namespace

/// The schema and time filters of a link chart are saved with it like the tag filter: reopening
/// the case shows the same chart and the same controls, Edit → Undo restores the previous filter,
/// dragging a slider is one undo step, and export and `casegraph-cli render --chart` draw the
/// filtered chart. A real ChartPanel on the offscreen platform over a case file on disk: a textile
/// mill owned by one holding until mid-2019 and by another since 2020, with two directors.
class ChartFiltersTest : public Tests::ChartPanelCase {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(createCase(QStringLiteral("mill")));
        const auto make = [this](const char *schema, const QString &name) {
            return *m_editor->createEntity(QLatin1String(schema), name);
        };
        const qint64 tianshan = make("Company", Tianshan), golden = make("Company", Golden),
                     harbour = make("Company", Harbour), li = make("Person", QStringLiteral("Li Wei")),
                     costa = make("Person", QStringLiteral("Maria Costa"));
        const auto dates = [](const char *start, const char *end) {
            QList<QPair<QString, QString>> out{{QStringLiteral("startDate"), QLatin1String(start)}};
            if (*end) {
                out.append({QStringLiteral("endDate"), QLatin1String(end)});
            }
            return out;
        };
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), golden, tianshan, dates("2015-03", "2019-06-30")));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), harbour, tianshan, dates("2020-01-15", "")));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Directorship"), li, tianshan, dates("2016", "")));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Directorship"), costa, harbour)); // undated
        m_people = {li, costa};
        m_chartId = *m_case->charts().create(ChartName, QJsonObject{{QStringLiteral("layout"), QStringLiteral("manual")}});
        QVERIFY(m_case->charts().setNodes(m_chartId, {ChartNode{tianshan, 0, 0}, ChartNode{golden, -300, -150},
                                                      ChartNode{harbour, 300, -150}, ChartNode{li, -300, 220},
                                                      ChartNode{costa, 300, -420}}));
        showChart();
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(shownEdges(data()).size(), 4);
    }

    void cleanup() { closeCase(); }

    void filtersSurviveReopening()
    {
        setPeopleHiddenAsOf2018();
        const QStringList labels = shownLabels(data()), edges = shownEdges(data());
        QCOMPARE(labels, (QStringList{Golden, Harbour, Tianshan}));
        QCOMPARE(edges, QStringList{Golden + QStringLiteral(" → ") + Tianshan + QStringLiteral(": owns")});
        // Saved beside the chart's other settings, in a form a person can read.
        const QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(settings.value(QStringLiteral("layout")).toString(), QStringLiteral("manual"));
        QCOMPARE(settings.value(QStringLiteral("hiddenSchemata")).toArray(), QJsonArray{QStringLiteral("Person")});
        QVERIFY(!settings.contains(QStringLiteral("hiddenRelationships")));
        QCOMPARE(settings.value(QStringLiteral("timeFilter")).toObject(),
                 (QJsonObject{{QStringLiteral("mode"), QStringLiteral("asOf")}, {QStringLiteral("date"), QStringLiteral("2018-01-01")}}));

        reopen();
        QCOMPARE(shownLabels(data()), labels);
        QCOMPARE(shownEdges(data()), edges);
        // The controls say so: the Filter button, the People entry unticked, the time bar.
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter (on)"));
        QVERIFY(m_panel->filterButton()->toolTip().contains(QStringLiteral("People")));
        QVERIFY(!filterEntry(QStringLiteral("People (2)"))->isChecked());
        QVERIFY(filterEntry(QStringLiteral("Companies (3)"))->isChecked());
        QCOMPARE(timeMode()->currentText(), QStringLiteral("As of"));
        QCOMPARE(fromSlider()->value(), int(QDate(2018, 1, 1).toJulianDay()));
        QVERIFY(!fromSlider()->isHidden());
        QVERIFY(timeLabel()->text().startsWith(QStringLiteral("as of")));
        QVERIFY(timeLabel()->font().bold());
        QCoreApplication::processEvents();
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-filters-reopened.png"));

        // Ticking People again and choosing all dates is saved too: no key left.
        QVERIFY(triggerFilter(QStringLiteral("People (2)")));
        m_panel->setTimeMode(ChartPanel::TimeMode::All);
        QCOMPARE(shownEdges(data()).size(), 4);
        reopen();
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(shownEdges(data()).size(), 4);
        const QJsonObject cleared = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(cleared, (QJsonObject{{QStringLiteral("layout"), QStringLiteral("manual")}}));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
        QCOMPARE(timeMode()->currentText(), QStringLiteral("All dates"));
        QVERIFY(fromSlider()->isHidden()); // "All dates": no day to pick
    }

    void undoRestoresTheUnfilteredChart()
    {
        setPeopleHiddenAsOf2018();
        QUndoStack *stack = m_editor->undoStack();
        // Three steps: People hidden; "As of" chosen (at the chart's last date); the day moved.
        QCOMPARE(stack->count(), 3);
        const QLocale locale;
        QCOMPARE(stack->undoText(), QStringLiteral("Time Filter: As of %1").arg(locale.toString(QDate(2018, 1, 1), QLocale::ShortFormat)));
        stack->undo();
        QCOMPARE(timeMode()->currentText(), QStringLiteral("As of"));
        QCOMPARE(fromSlider()->value(), int(QDate(2020, 1, 15).toJulianDay()));
        QCOMPARE(shownEdges(data()), QStringList{Harbour + QStringLiteral(" → ") + Tianshan + QStringLiteral(": owns")});
        QCOMPARE(stack->undoText(), QStringLiteral("Time Filter: As of %1").arg(locale.toString(QDate(2020, 1, 15), QLocale::ShortFormat)));
        stack->undo();
        // People stay hidden; every relationship between the rest shows; the time bar says so.
        QCOMPARE(shownEdges(data()).size(), 2);
        QCOMPARE(timeMode()->currentText(), QStringLiteral("All dates"));
        QVERIFY(fromSlider()->isHidden()); // "All dates": no day to pick
        QVERIFY(!timeLabel()->font().bold());
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(QStringLiteral("timeFilter")));
        QCOMPARE(stack->undoText(), QStringLiteral("Hide People on the Chart"));
        stack->undo();
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(shownEdges(data()).size(), 4);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
        QVERIFY(filterEntry(QStringLiteral("People (2)"))->isChecked());
        QCOMPARE(m_case->charts().chart(m_chartId)->settings, (QJsonObject{{QStringLiteral("layout"), QStringLiteral("manual")}}));
        // Redo brings them back, controls included.
        stack->redo();
        stack->redo();
        stack->redo();
        QCOMPARE(shownLabels(data()), (QStringList{Golden, Harbour, Tianshan}));
        QCOMPARE(shownEdges(data()).size(), 1);
        QCOMPARE(timeMode()->currentText(), QStringLiteral("As of"));
        QCOMPARE(fromSlider()->value(), int(QDate(2018, 1, 1).toJulianDay()));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter (on)"));
        // Undo still writes the chart once its tab is closed; the chart opens as undone.
        m_panel.reset();
        while (stack->canUndo()) {
            stack->undo();
        }
        openPanel();
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(timeMode()->currentText(), QStringLiteral("All dates"));
    }

    void relationshipTypesAndShowAll()
    {
        QUndoStack *stack = m_editor->undoStack();
        QVERIFY(triggerFilter(QStringLiteral("Directorships (2)")));
        QVERIFY(triggerFilter(QStringLiteral("Companies (3)")));
        QCOMPARE(shownLabels(data()), (QStringList{QStringLiteral("Li Wei"), QStringLiteral("Maria Costa")}));
        QCOMPARE(shownEdges(data()).size(), 0);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter (on)"));
        QCOMPARE(m_panel->filterButton()->toolTip(), QStringLiteral("Filter: Companies, Directorships hidden"));
        const QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(settings.value(QStringLiteral("hiddenRelationships")).toArray(), QJsonArray{QStringLiteral("Directorship")});
        QCOMPARE(settings.value(QStringLiteral("hiddenSchemata")).toArray(), QJsonArray{QStringLiteral("Company")});
        // "Show All Types" clears both lists in one step, and its undo hides both again.
        QCOMPARE(stack->count(), 2);
        QVERIFY(triggerFilter(QStringLiteral("Show All Types")));
        QCOMPARE(stack->count(), 3);
        QCOMPARE(shownEdges(data()).size(), 4);
        QCOMPARE(m_case->charts().chart(m_chartId)->settings, (QJsonObject{{QStringLiteral("layout"), QStringLiteral("manual")}}));
        stack->undo();
        QCOMPARE(shownLabels(data()).size(), 2);
        QVERIFY(!filterEntry(QStringLiteral("Directorships (2)"))->isChecked());
        // A hidden type with nothing left on the chart is still listed, so it can be shown again.
        stack->undo();
        stack->undo();
        QVERIFY(triggerFilter(QStringLiteral("People (2)")));
        QVERIFY(m_case->charts().removeNodes(m_chartId, m_people));
        QTRY_COMPARE(data().nodeCount(), 3);
        QAction *people = filterEntry(QStringLiteral("People (0)"));
        QVERIFY(people && !people->isChecked());
        people->trigger();
        QVERIFY(m_panel->view()->hiddenNodeSchemata().isEmpty());
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
    }

    void draggingASliderIsOneStep()
    {
        m_panel->setTimeMode(ChartPanel::TimeMode::AsOf);
        QUndoStack *stack = m_editor->undoStack();
        const int steps = stack->count();
        QSignalSpy writes(m_case.get(), &CaseFile::chartChanged);
        // Drag the handle with the mouse, far to the left: the chart follows every move …
        QSlider *slider = fromSlider();
        QStyleOptionSlider option;
        option.initFrom(slider);
        option.orientation = slider->orientation();
        option.minimum = slider->minimum();
        option.maximum = slider->maximum();
        option.sliderPosition = option.sliderValue = slider->value();
        const QRect handle = slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider);
        QPoint at = handle.center();
        QTest::mousePress(slider, Qt::LeftButton, {}, at);
        QVERIFY(slider->isSliderDown());
        int moves = 0;
        while (at.x() > 12) {
            at.rx() -= 6;
            QMouseEvent move(QEvent::MouseMove, at, slider->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(slider, &move);
            ++moves;
        }
        QVERIFY(moves > 20);
        QVERIFY(slider->value() < int(QDate(2015, 1, 1).toJulianDay()));
        QCOMPARE(shownEdges(data()).size(), 1); // before any ownership: only the undated directorship
        // … without an undo step or a write to the case.
        QCOMPARE(stack->count(), steps);
        QCOMPARE(writes.count(), 0);
        QTest::mouseRelease(slider, Qt::LeftButton, {}, at);
        QCOMPARE(stack->count(), steps + 1);
        QCOMPARE(writes.count(), 1);
        QCOMPARE(ChartFilters::savedTime(m_case->charts().chart(m_chartId)->settings),
                 ChartTime::asOf(QDate::fromJulianDay(slider->value())));

        // Keys: each press shows at once; one step once they rest.
        slider->setFocus();
        for (int k = 0; k < 8; ++k) {
            QTest::keyClick(slider, Qt::Key_PageUp);
        }
        QCOMPARE(stack->count(), steps + 1);
        QTRY_COMPARE(stack->count(), steps + 2);
        QCOMPARE(writes.count(), 2);
        stack->undo();
        QCOMPARE(ChartFilters::savedTime(m_case->charts().chart(m_chartId)->settings).from, QDate::fromJulianDay(slider->value()));
    }

    void renderDrawsTheSavedFilters()
    {
        const QString all = m_dir.filePath(QStringLiteral("all.svg"));
        QVERIFY(ChartExport::write(data(), all));
        setPeopleHiddenAsOf2018();
        const QString inView = m_dir.filePath(QStringLiteral("view.png"));
        QVERIFY(ChartExport::write(data(), inView, ChartName));
        closeCase(); // the CLI opens the file itself
        const QString svg = m_dir.filePath(QStringLiteral("cli.svg")), png = m_dir.filePath(QStringLiteral("cli.png"));
        for (const QString &out : {svg, png}) {
            const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("render"), m_path, QStringLiteral("--chart"), ChartName, out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        // The SVG names the three companies and not the hidden people; the unfiltered one names all.
        const auto text = [](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
        };
        const QString drawn = text(svg), everything = text(all);
        for (const QString &name : {Golden, Harbour, Tianshan}) {
            QVERIFY2(drawn.contains(name), qPrintable(name));
        }
        QVERIFY(everything.contains(QStringLiteral("Li Wei")) && everything.contains(QStringLiteral("Maria Costa")));
        QVERIFY(!drawn.contains(QStringLiteral("Li Wei")));
        QVERIFY(!drawn.contains(QStringLiteral("Maria Costa")));
        // The PNG is the picture the GUI exports from the filtered view, pixel for pixel.
        const QImage cli(png), gui(inView);
        QVERIFY(!cli.isNull());
        QCOMPARE(cli.size(), gui.size());
        QVERIFY(cli == gui);
    }

    void unknownSchemataAndOddDatesAreIgnored()
    {
        // Written by hand (or by another version): a schema that does not exist, values that are
        // no names, a time filter without a valid date.
        m_panel.reset();
        QVERIFY(m_case->charts().setSettings(
            m_chartId, QJsonObject{{QStringLiteral("hiddenSchemata"), QJsonArray{QStringLiteral("NoSuchSchema"), 42, QStringLiteral("Person")}},
                                   {QStringLiteral("hiddenRelationships"), QJsonArray{QStringLiteral("Sponsorship2")}},
                                   {QStringLiteral("timeFilter"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("asOf")},
                                                                              {QStringLiteral("date"), QStringLiteral("2019-13-45")}}}}));
        openPanel();
        QCOMPARE(m_panel->view()->hiddenNodeSchemata(), QStringList{QStringLiteral("Person")});
        QVERIFY(m_panel->view()->hiddenEdgeSchemata().isEmpty());
        QCOMPARE(shownLabels(data()), (QStringList{Golden, Harbour, Tianshan}));
        QCOMPARE(shownEdges(data()).size(), 2);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter (on)"));
        QCOMPARE(timeMode()->currentText(), QStringLiteral("All dates"));

        // The key deleted while the case is closed: nothing hidden.
        m_panel.reset();
        QVERIFY(m_case->charts().setSettings(m_chartId, QJsonObject()));
        openPanel();
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));

        // Dates far outside the chart's (the relationships' dates changed since): kept as saved,
        // and the slider reaches them.
        m_panel.reset();
        QVERIFY(m_case->charts().setSettings(
            m_chartId, QJsonObject{{QStringLiteral("timeFilter"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("between")},
                                                                             {QStringLiteral("from"), QStringLiteral("1962-01-01")},
                                                                             {QStringLiteral("to"), QStringLiteral("1950-06-30")}}}}));
        openPanel();
        QCOMPARE(m_panel->view()->chartTime(), ChartTime::between(QDate(1950, 6, 30), QDate(1962, 1, 1)));
        QCOMPARE(timeMode()->currentText(), QStringLiteral("Between"));
        QCOMPARE(fromSlider()->value(), int(QDate(1950, 6, 30).toJulianDay()));
        QCOMPARE(toSlider()->value(), int(QDate(1962, 1, 1).toJulianDay()));
        QVERIFY(toSlider()->isVisibleTo(m_panel.get()));
        QCOMPARE(shownEdges(data()).size(), 1); // the undated directorship only
        QCOMPARE(shownLabels(data()).size(), 5);
        // Reopening without a change writes nothing and leaves no undo step.
        QCOMPARE(m_editor->undoStack()->count(), 0);
    }

    void readOnlyCaseKeepsFiltersInMemory()
    {
        setPeopleHiddenAsOf2018();
        reopen(CaseFile::OpenMode::ReadOnly);
        QCOMPARE(shownLabels(data()).size(), 3);
        QVERIFY(triggerFilter(QStringLiteral("People (2)")));
        m_panel->setTimeMode(ChartPanel::TimeMode::All);
        QCOMPARE(shownLabels(data()).size(), 5);
        QCOMPARE(shownEdges(data()).size(), 4);
        QCOMPARE(m_editor->undoStack()->count(), 0);
        QCOMPARE(m_case->charts().chart(m_chartId)->settings.value(QStringLiteral("hiddenSchemata")).toArray(),
                 QJsonArray{QStringLiteral("Person")});
    }

private:
    const ChartData &data() const { return m_panel->view()->data(); }

    /// Through the controls: Filter → untick People; time bar → As of, 1 January 2018.
    void setPeopleHiddenAsOf2018()
    {
        QVERIFY(triggerFilter(QStringLiteral("People (2)")));
        QCOMPARE(shownLabels(data()).size(), 3);
        timeMode()->setCurrentIndex(1);
        m_panel->setDates(QDate(2018, 1, 1));
        QCOMPARE(shownEdges(data()), QStringList{Golden + QStringLiteral(" → ") + Tianshan + QStringLiteral(": owns")});
    }

    /// The Filter menu's entry with this text, as the menu shows when it opens.
    QAction *filterEntry(const QString &text)
    {
        QMenu *menu = m_panel->filterButton()->menu();
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions()) {
            if (a->text() == text) {
                return a;
            }
        }
        qWarning("no entry %s in the Filter menu", qPrintable(text));
        return nullptr;
    }

    bool triggerFilter(const QString &text)
    {
        QAction *a = filterEntry(text);
        if (a) {
            a->trigger();
        }
        return a;
    }

    QComboBox *timeMode() const { return m_panel->findChild<QComboBox *>(); }
    QSlider *fromSlider() const { return m_panel->findChildren<QSlider *>().value(0); }
    QSlider *toSlider() const { return m_panel->findChildren<QSlider *>().value(1); }
    QLabel *timeLabel() const { return m_panel->findChild<QLabel *>(QStringLiteral("ChartTimeLabel")); }

    QList<qint64> m_people;
};

QTEST_MAIN(ChartFiltersTest)
#include "chartfilters_uitest.moc"

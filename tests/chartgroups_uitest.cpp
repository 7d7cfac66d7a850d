// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartgroups.h"
#include "chart/chartpanel.h"
#include "chart/charttags.h"
#include "chart/chartview.h"
#include "entitiesdock.h"
#include "itemmodels/entitytablemodel.h"
#include "support/chartshown.h"
#include "support/chartpanelcase.h"
#include "support/testsupport.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/tagstore.h"

#include <QAction>
#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
using Tests::shownEdges;
using Tests::shownLabels;

QAction *actionNamed(const ChartView *view, const QString &text)
{
    for (QAction *a : view->chartActions()) {
        if (QString(a->text()).remove(QLatin1Char('&')) == text) {
            return a;
        }
    }
    return nullptr;
}
} // namespace

/// Groups, the tag filter (saved with the chart: reopening, undo, export, deleted tags) and the
/// keyboard and mouse interactions of a link chart, in a real ChartPanel on the offscreen platform
/// over a case file on disk: a supply chain from two manufacturers through two resellers to three
/// police bureaus.
class ChartGroupsTest : public Tests::ChartPanelCase {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(createCase(QStringLiteral("chain")));
        const auto make = [this](const char *schema, const char *name) {
            return *m_editor->createEntity(QLatin1String(schema), QLatin1String(name));
        };
        m_thermo = make("Company", "Thermo Fisher Scientific");
        m_promega = make("Company", "Promega");
        m_resellerA = make("Company", "Reseller A Trading Co.");
        m_resellerB = make("Company", "Reseller B Biotech Ltd.");
        m_kashgar = make("PublicBody", "Kashgar Public Security Bureau");
        m_aksu = make("PublicBody", "Aksu Public Security Bureau");
        m_urumqi = make("PublicBody", "Urumqi Public Security Bureau");
        m_director = make("Person", "Wang Director");
        const QList<std::pair<qint64, qint64>> supplies{{m_thermo, m_resellerA}, {m_thermo, m_resellerB},
                                                        {m_promega, m_resellerA}};
        for (const auto &[from, to] : supplies) {
            QVERIFY(m_editor->createRelationship(QStringLiteral("Supply"), from, to));
        }
        const QList<std::pair<qint64, qint64>> resales{
            {m_resellerA, m_kashgar}, {m_resellerA, m_aksu}, {m_resellerB, m_urumqi}, {m_resellerB, m_kashgar}};
        for (const auto &[from, to] : resales) {
            QVERIFY(m_editor->createRelationship(QStringLiteral("Supply"), from, to, {{QStringLiteral("resale"), QStringLiteral("yes")}}));
        }
        QVERIFY(m_editor->createRelationship(QStringLiteral("Directorship"), m_director, m_resellerA));
        m_chartId = *m_case->charts().create(QStringLiteral("Sequencers to Xinjiang"),
                                             QJsonObject{{QStringLiteral("layout"), QStringLiteral("layered")}});
        QList<ChartNode> nodes;
        const QList<std::tuple<qint64, double, double>> places{
            {m_thermo, -420, -160}, {m_promega, -420, 160}, {m_director, -140, -320}, {m_resellerA, -80, -100},
            {m_resellerB, -80, 140}, {m_kashgar, 330, -200}, {m_aksu, 330, 20}, {m_urumqi, 330, 240}};
        for (const auto &[row, x, y] : places) {
            nodes << ChartNode{row, x, y, false, false, {}};
        }
        QVERIFY(m_case->charts().setNodes(m_chartId, nodes));
        showChart();
    }

    void cleanup() { closeCase(); }

    void groupCollapseExpandUndo()
    {
        ChartView *view = m_panel->view();
        QUndoStack *stack = m_editor->undoStack();
        QCOMPARE(shownLabels(view->data()).size(), 8);
        // Ctrl+G on the three bureaus asks for a name.
        view->selectRowIds({m_kashgar, m_aksu, m_urumqi});
        QTimer::singleShot(0, this, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->setTextValue(QStringLiteral("Xinjiang police"));
            dialog->accept();
        });
        QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier);
        QCOMPARE(stack->count(), 1);
        QCOMPARE(ChartGroups::members(view->data(), QStringLiteral("Xinjiang police")).size(), size_t(3));
        // Expanded: still every entity, framed.
        QCOMPARE(shownLabels(view->data()).size(), 8);
        QVERIFY(!ChartGroups::framesRect(view->data()).isNull());

        // Ctrl+Shift+G collapses the selection's group into one node.
        // (The offscreen platform gives the focus back to no window after a dialog; a desktop does.)
        m_panel->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(stack->count(), 2);
        const ChartData &d = view->data();
        QCOMPARE(shownLabels(d), (QStringList{QStringLiteral("Promega"), QStringLiteral("Reseller A Trading Co."),
                                              QStringLiteral("Reseller B Biotech Ltd."), QStringLiteral("Thermo Fisher Scientific"),
                                              QStringLiteral("Wang Director"), QStringLiteral("Xinjiang police (3)")}));
        // The resellers' four resales end at the group node, two by two.
        QCOMPARE(shownEdges(d), (QStringList{QStringLiteral("Promega → Reseller A Trading Co.: supplied"),
                                             QStringLiteral("Reseller A Trading Co. → Xinjiang police (3): resold to ×2"),
                                             QStringLiteral("Reseller B Biotech Ltd. → Xinjiang police (3): resold to ×2"),
                                             QStringLiteral("Thermo Fisher Scientific → Reseller A Trading Co.: supplied"),
                                             QStringLiteral("Thermo Fisher Scientific → Reseller B Biotech Ltd.: supplied"),
                                             QStringLiteral("Wang Director → Reseller A Trading Co.: director")}));
        const qint32 group = ChartGroups::groupNode(d, QStringLiteral("Xinjiang police"));
        QVERIFY(group >= 0);
        QCOMPARE(view->selection(), std::vector<qint32>{group});
        // The group node sits among its members and is what a click there hits.
        QCOMPARE(d.position(group), QPointF(330, 20));
        // Stored in the chart's settings, beside the keys that were there.
        QCOMPARE(m_case->charts().chart(m_chartId)->settings.value(QStringLiteral("layout")).toString(),
                 QStringLiteral("layered"));
        QCOMPARE(ChartGroups::collapsed(m_case->charts().chart(m_chartId)->settings), QStringList{QStringLiteral("Xinjiang police")});
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-group-collapsed.png"));
        // On screen: the members' places are empty, the group node is drawn among them.
        const QImage shown = view->grab().toImage();
        const auto inkAround = [&](QPointF chartPoint) {
            const QPoint c = view->worldTransform().map(chartPoint).toPoint();
            int ink = 0;
            for (int y = c.y() - 12; y <= c.y() + 12; ++y) {
                for (int x = c.x() - 12; x <= c.x() + 12; ++x) {
                    ink += shown.pixelColor(x, y) != QColor(Qt::white);
                }
            }
            return ink;
        };
        QCOMPARE(inkAround(QPointF(330, -200)), 0); // Kashgar
        QCOMPARE(inkAround(QPointF(330, 240)), 0);  // Urumqi
        QVERIFY(inkAround(QPointF(330, 20)) > 100); // the group node (over Aksu's place)

        // Dragging the group node moves its members with it, as one step.
        const QPoint at = view->worldTransform().map(d.position(group)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, {}, at);
        QTest::mouseMove(view, at + QPoint(20, 30));
        QTest::mouseMove(view, at + QPoint(40, 60));
        QTest::mouseRelease(view, Qt::LeftButton, {}, at + QPoint(40, 60));
        QCOMPARE(stack->count(), 3);
        const double dx = 40 / view->scale(), dy = 60 / view->scale();
        const auto nodeAt = [this](qint64 row) {
            for (const auto &n : m_case->charts().nodes(m_chartId)) {
                if (n.entityRowId == row) {
                    return QPointF(n.x, n.y);
                }
            }
            return QPointF();
        };
        QVERIFY(std::abs(nodeAt(m_aksu).x() - (330 + dx)) < 0.01 && std::abs(nodeAt(m_aksu).y() - (20 + dy)) < 0.01);
        QVERIFY(std::abs(nodeAt(m_thermo).x() + 420) < 0.01); // not selected: stays
        stack->undo();
        QCOMPARE(nodeAt(m_aksu), QPointF(330, 20));

        // Double-click expands; undo collapses again; undo again expands; redo twice collapses.
        const QPoint groupAt = view->worldTransform().map(view->data().position(
                                   ChartGroups::groupNode(view->data(), QStringLiteral("Xinjiang police"))))
                                   .toPoint();
        QTest::mouseDClick(view, Qt::LeftButton, {}, groupAt);
        QCOMPARE(ChartGroups::groupNode(view->data(), QStringLiteral("Xinjiang police")), -1);
        QCOMPARE(shownLabels(view->data()).size(), 8);
        QCOMPARE(view->selectedRowIds().size(), 3);
        stack->undo(); // the expansion
        QVERIFY(ChartGroups::groupNode(view->data(), QStringLiteral("Xinjiang police")) >= 0);
        stack->undo(); // the move (already undone: the collapse)
        QCOMPARE(view->collapsedGroups(), QStringList());
        QCOMPARE(shownLabels(view->data()).size(), 8);
        stack->undo(); // the grouping
        QVERIFY(ChartGroups::members(view->data(), QStringLiteral("Xinjiang police")).empty());
        QVERIFY(ChartGroups::framesRect(view->data()).isNull());
        stack->redo();
        stack->redo();
        QCOMPARE(shownLabels(view->data()).size(), 6);
        QVERIFY(shownLabels(view->data()).contains(QStringLiteral("Xinjiang police (3)")));
    }

    void groupsSurviveReopeningAndExport()
    {
        ChartView *view = m_panel->view();
        view->selectRowIds({m_kashgar, m_aksu, m_urumqi});
        view->groupSelection(QStringLiteral("Xinjiang police"));
        view->setGroupCollapsed(QStringLiteral("Xinjiang police"), true);
        view->selectRowIds({m_resellerA, m_resellerB});
        view->groupSelection(QStringLiteral("Resellers"));
        view->setSelection({});
        const QStringList labels = shownLabels(view->data());
        const QStringList edges = shownEdges(view->data());
        QCOMPARE(labels.size(), 6);
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-groups-frame-and-collapsed.png"));

        reopen();
        view = m_panel->view();
        QCOMPARE(shownLabels(view->data()), labels);
        QCOMPARE(shownEdges(view->data()), edges);
        QCOMPARE(view->collapsedGroups(), QStringList{QStringLiteral("Xinjiang police")});
        QCOMPARE(ChartGroups::members(view->data(), QStringLiteral("Resellers")).size(), size_t(2));

        // Export draws what the view shows: the collapsed group as one node, the frame.
        const QString png = m_dir.filePath(QStringLiteral("groups.png"));
        QVERIFY(ChartExport::write(view->data(), png, QStringLiteral("Sequencers to Xinjiang")));
        QVERIFY(!QImage(png).isNull());
        m_case.reset(); // the CLI opens the file itself
        const QString cliPng = m_dir.filePath(QStringLiteral("groups-cli.png"));
        const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI),
                                  {QStringLiteral("render"), m_path, QStringLiteral("--chart"),
                                   QStringLiteral("Sequencers to Xinjiang"), cliPng});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QImage a(png), b(cliPng);
        QCOMPARE(b.size(), a.size()); // same content rectangle: same nodes, frame and group node
        if (const QByteArray dir = qgetenv("CASEGRAPH_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QFile::remove(QString::fromLocal8Bit(dir) + QStringLiteral("/chart-groups-export.png"));
            QFile::copy(cliPng, QString::fromLocal8Bit(dir) + QStringLiteral("/chart-groups-export.png"));
        }
        m_panel.reset();
        m_editor.reset();
    }

    void ungroupIsOneStep()
    {
        ChartView *view = m_panel->view();
        view->selectRowIds({m_kashgar, m_aksu});
        view->groupSelection(QStringLiteral("Bureaus"));
        view->setGroupCollapsed(QStringLiteral("Bureaus"), true);
        QCOMPARE(shownLabels(view->data()).size(), 7);
        QAction *ungroup = actionNamed(view, QStringLiteral("Ungroup"));
        QVERIFY(ungroup && ungroup->isEnabled());
        ungroup->trigger();
        QCOMPARE(shownLabels(view->data()).size(), 8);
        QVERIFY(ChartGroups::members(view->data(), QStringLiteral("Bureaus")).empty());
        QCOMPARE(ChartGroups::collapsed(m_case->charts().chart(m_chartId)->settings), QStringList());
        m_editor->undoStack()->undo();
        QCOMPARE(shownLabels(view->data()).size(), 7);
        QVERIFY(shownLabels(view->data()).contains(QStringLiteral("Bureaus (2)")));
    }

    void tagFilterShowsAndHides()
    {
        const auto [priority, verify] = createTags();
        ChartView *view = m_panel->view();
        // The chart follows tag changes at once: the dots are there.
        QCOMPARE(view->data().nodeTags.value(m_thermo), QList<qint64>{priority});

        // Filter → Tags lists the case's tags with their counts on the chart; ticking one shows
        // only what carries it.
        QMenu *menu = m_panel->filterButton()->menu();
        Q_EMIT menu->aboutToShow();
        QAction *tick = nullptr;
        QAction *hideMode = nullptr;
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("priority (2 on the chart)")) {
                tick = a;
            } else if (a->text() == QStringLiteral("Hide entities with a ticked tag")) {
                hideMode = a;
            }
        }
        QVERIFY(tick && hideMode);
        tick->trigger();
        QCOMPARE(shownLabels(view->data()), (QStringList{QStringLiteral("Kashgar Public Security Bureau"),
                                                         QStringLiteral("Thermo Fisher Scientific")}));
        QVERIFY(m_panel->filterButton()->text().contains(QStringLiteral("only tagged")));
        QCoreApplication::processEvents(); // the tool bar lays the longer button text out
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-tag-filter-only.png"));

        // Collapsed groups count what the filter leaves.
        view->setTagFilter({});
        view->selectRowIds({m_kashgar, m_aksu, m_urumqi});
        view->groupSelection(QStringLiteral("Xinjiang police"));
        view->setGroupCollapsed(QStringLiteral("Xinjiang police"), true);
        m_panel->setTagFilter(ChartTagFilter{{priority}, ChartTagFilter::Mode::ShowOnly});
        QCOMPARE(shownLabels(view->data()), (QStringList{QStringLiteral("Thermo Fisher Scientific"),
                                                         QStringLiteral("Xinjiang police (1)")}));

        // Hide mode: everything but the tagged.
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions()) {
            if (a->text() == QStringLiteral("Hide entities with a ticked tag")) {
                a->trigger();
            }
        }
        QCOMPARE(view->tagFilter().mode, ChartTagFilter::Mode::Hide);
        QCOMPARE(shownLabels(view->data()), (QStringList{QStringLiteral("Promega"), QStringLiteral("Reseller A Trading Co."),
                                                         QStringLiteral("Reseller B Biotech Ltd."), QStringLiteral("Wang Director"),
                                                         QStringLiteral("Xinjiang police (2)")}));
        QVERIFY(m_panel->filterButton()->text().contains(QStringLiteral("tagged hidden")));
        Q_EMIT menu->aboutToShow();
        menu->adjustSize();
        Tests::saveShot(menu->grab(), QStringLiteral("chart-tag-filter-menu.png"));
        QCoreApplication::processEvents();
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-tag-filter-hide.png"));

        // A new tagging shows at once; deleting the tag lifts its filter.
        QVERIFY(m_case->tags().assign(priority, Target{Target::entityKind(), m_promega}));
        QVERIFY(!shownLabels(view->data()).contains(QStringLiteral("Promega")));
        QVERIFY(m_case->tags().remove(priority));
        QVERIFY(!view->tagFilter().isActive());
        QCOMPARE(shownLabels(view->data()).size(), 6);
        QVERIFY(m_panel->filterButton()->text() == QStringLiteral("F&ilter"));
    }

    void tagFilterSurvivesReopening()
    {
        createTags();
        // Filter → "priority": only the two tagged entities stay.
        QVERIFY(triggerFilter(QStringLiteral("priority (2 on the chart)")));
        QCOMPARE(shownLabels(m_panel->view()->data()), (QStringList{QStringLiteral("Kashgar Public Security Bureau"),
                                                                    QStringLiteral("Thermo Fisher Scientific")}));
        // "Hide entities with a ticked tag", and tick "to verify" too.
        QVERIFY(triggerFilter(QStringLiteral("Hide entities with a ticked tag")));
        QVERIFY(triggerFilter(QStringLiteral("to verify (1 on the chart)")));
        const QStringList shown = shownLabels(m_panel->view()->data());
        QCOMPARE(shown, (QStringList{QStringLiteral("Aksu Public Security Bureau"), QStringLiteral("Promega"),
                                     QStringLiteral("Reseller A Trading Co."), QStringLiteral("Urumqi Public Security Bureau"),
                                     QStringLiteral("Wang Director")}));
        const ChartTagFilter filter = m_panel->view()->tagFilter();
        // Saved beside the chart's other settings.
        const QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(settings.value(QStringLiteral("layout")).toString(), QStringLiteral("layered"));
        QCOMPARE(settings.value(QStringLiteral("tagFilter")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("hide"));

        // Close the chart and the case, open both again: the same entities are hidden.
        reopen();
        QCOMPARE(shownLabels(m_panel->view()->data()), shown);
        QCOMPARE(m_panel->view()->tagFilter(), filter);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter: tagged hidden (2)"));
        QCoreApplication::processEvents();
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-tag-filter-reopened.png"));

        // Clearing it is saved too.
        QVERIFY(triggerFilter(QStringLiteral("Clear the Tag Filter")));
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(QStringLiteral("tagFilter")));
        reopen();
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
    }

    void tagFilterChangesAreUndoable()
    {
        const auto [priority, verify] = createTags();
        QUndoStack *stack = m_editor->undoStack();
        QVERIFY(triggerFilter(QStringLiteral("priority (2 on the chart)")));
        QVERIFY(triggerFilter(QStringLiteral("Hide entities with a ticked tag")));
        QCOMPARE(stack->count(), 2);
        QCOMPARE(stack->undoText(), QStringLiteral("Hide Tagged Entities"));
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 6);
        stack->undo();
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 2);
        QCOMPARE(ChartTags::savedFilter(m_case->charts().chart(m_chartId)->settings, m_panel->view()->data()),
                 (ChartTagFilter{{priority}, ChartTagFilter::Mode::ShowOnly}));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter: only tagged (1)"));
        stack->undo();
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(QStringLiteral("tagFilter")));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
        stack->redo();
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 2);
        // Undo still writes the chart once its tab is closed; the chart opens as undone.
        m_panel.reset();
        stack->undo();
        openPanel();
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
    }

    void deletedTagLeavesTheRestOfTheFilter()
    {
        const auto [priority, verify] = createTags();
        m_panel->view()->setTagFilter(ChartTagFilter{{priority, verify}, ChartTagFilter::Mode::Hide});
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 5);
        // Deleting "to verify" while the chart is open lifts it from the filter; restoring it
        // as undoing the deletion does (same id, same creation time) puts it back.
        const Tag deleted = *m_case->tags().tag(verify);
        QVERIFY(m_case->tags().remove(verify));
        QCOMPARE(m_panel->view()->tagFilter(), (ChartTagFilter{{priority}, ChartTagFilter::Mode::Hide}));
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 6);
        QTest::qWait(2);
        QCOMPARE(*m_case->tags().create(deleted), verify);
        QVERIFY(m_case->tags().assign(verify, Target{Target::entityKind(), m_resellerB}));
        QCOMPARE(m_panel->view()->tagFilter(), (ChartTagFilter{{priority, verify}, ChartTagFilter::Mode::Hide}));
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 5);
        // While the chart is closed, "to verify" is deleted and a new tag on Promega takes its id
        // (SQLite reuses the highest); the setting gains a tag that never existed and values that
        // are no tags at all.
        m_panel.reset();
        QVERIFY(m_case->tags().remove(verify));
        QTest::qWait(2); // another creation time than the deleted tag's
        QCOMPARE(*m_case->tags().create(Tag{0, QStringLiteral("new lead"), QStringLiteral("#a0c4ff"), {}, 0}), verify);
        QVERIFY(m_case->tags().assign(verify, Target{Target::entityKind(), m_promega}));
        QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QJsonObject saved = settings.value(QStringLiteral("tagFilter")).toObject();
        saved.insert(QStringLiteral("tags"),
                     saved.value(QStringLiteral("tags")).toArray() +
                         QJsonArray{QJsonObject{{QStringLiteral("id"), 987654}, {QStringLiteral("created"), QStringLiteral("2020")}},
                                    987654, QStringLiteral("x")});
        settings.insert(QStringLiteral("tagFilter"), saved);
        QVERIFY(m_case->charts().setSettings(m_chartId, settings));
        reopen();
        // The rest holds: the "priority" entities stay hidden; the reseller shows again, and so
        // does Promega, whose new tag is not the one the filter was saved with.
        QCOMPARE(m_panel->view()->tagFilter(), (ChartTagFilter{{priority}, ChartTagFilter::Mode::Hide}));
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 6);
        QVERIFY(shownLabels(m_panel->view()->data()).contains(QStringLiteral("Reseller B Biotech Ltd.")));
        QVERIFY(shownLabels(m_panel->view()->data()).contains(QStringLiteral("Promega")));

        // A filter left with no tag at all filters nothing, rather than hiding the whole chart.
        m_panel.reset();
        QVERIFY(m_case->charts().setSettings(
            m_chartId, QJsonObject{{QStringLiteral("tagFilter"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("showOnly")},
                                                                             {QStringLiteral("tags"), QJsonArray{987654}}}}}));
        reopen();
        QVERIFY(!m_panel->view()->tagFilter().isActive());
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
    }

    void exportDrawsTheSavedTagFilter()
    {
        const auto [priority, verify] = createTags();
        const QString all = m_dir.filePath(QStringLiteral("all.png"));
        QVERIFY(ChartExport::write(m_panel->view()->data(), all));
        // Only "priority": Thermo Fisher and Kashgar, side by side: a much lower picture.
        m_panel->view()->setTagFilter(ChartTagFilter{{priority}, ChartTagFilter::Mode::ShowOnly});
        const QString shown = m_dir.filePath(QStringLiteral("shown.png"));
        QVERIFY(ChartExport::write(m_panel->view()->data(), shown));
        QVERIFY(QImage(shown).height() < QImage(all).height() - 100);
        closeCase(); // the CLI opens the file itself
        const QString cli = m_dir.filePath(QStringLiteral("cli.png"));
        const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("render"), m_path, QStringLiteral("--chart"),
                                                                  QStringLiteral("Sequencers to Xinjiang"), cli});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QImage(cli).size(), QImage(shown).size());
        // A path to an entity the filter hides is refused with the reason.
        CaseFile reader;
        QVERIFY(reader.open(m_path, CaseFile::OpenMode::ReadOnly));
        const auto st = ChartExport::write(reader, QStringLiteral("Sequencers to Xinjiang"),
                                           m_dir.filePath(QStringLiteral("path.png")), reader.entities().entity(m_thermo)->id,
                                           reader.entities().entity(m_promega)->id);
        QVERIFY(!st);
        QVERIFY2(st.error().message.contains(QStringLiteral("hidden")), qPrintable(st.error().message));
    }

    void readOnlyCaseKeepsTheTagFilterInMemory()
    {
        const auto [priority, verify] = createTags();
        m_panel->view()->setTagFilter(ChartTagFilter{{priority}, ChartTagFilter::Mode::ShowOnly});
        reopen(CaseFile::OpenMode::ReadOnly);
        // The saved filter applies; changing it works on screen and writes nothing.
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 2);
        m_panel->view()->setTagFilter({});
        QCOMPARE(shownLabels(m_panel->view()->data()).size(), 8);
        QCOMPARE(m_editor->undoStack()->count(), 0);
        QCOMPARE(ChartTags::savedFilter(m_case->charts().chart(m_chartId)->settings, m_panel->view()->data()),
                 (ChartTagFilter{{priority}, ChartTagFilter::Mode::ShowOnly}));
    }

    void entitiesDockFiltersByTag()
    {
        // Tags are filters elsewhere too: the Entities dock asks SQL for the tagged rows only.
        const qint64 priority = *m_case->tags().create(Tag{0, QStringLiteral("priority"), QStringLiteral("#ffb4a2"), {}, 0});
        QVERIFY(m_case->tags().assign(priority, Target{Target::entityKind(), m_thermo}));
        QVERIFY(m_case->tags().assign(priority, Target{Target::entityKind(), m_kashgar}));
        EntitiesDock dock;
        dock.setCase(m_case.get());
        QTRY_VERIFY(dock.model()->rowCount() > 8); // entities and relationships
        dock.setTagFilter(priority);
        QTRY_COMPARE(dock.model()->rowCount(), 2);
        QStringList names;
        for (int r = 0; r < 2; ++r) {
            QTRY_VERIFY(dock.model()->rowAt(r).has_value());
            names << dock.model()->rowAt(r)->caption;
        }
        QCOMPARE(names, (QStringList{QStringLiteral("Kashgar Public Security Bureau"), QStringLiteral("Thermo Fisher Scientific")}));
        dock.setTagFilter(0);
        QTRY_VERIFY(dock.model()->rowCount() > 8);
    }

    void hidePinAndLayout()
    {
        ChartView *view = m_panel->view();
        QUndoStack *stack = m_editor->undoStack();
        view->selectRowIds({m_director});
        QTest::keyClick(view, Qt::Key_H);
        QVERIFY(!shownLabels(view->data()).contains(QStringLiteral("Wang Director")));
        QTest::keyClick(view, Qt::Key_H, Qt::ShiftModifier); // show hidden
        QVERIFY(shownLabels(view->data()).contains(QStringLiteral("Wang Director")));
        stack->undo();
        QVERIFY(!shownLabels(view->data()).contains(QStringLiteral("Wang Director")));
        stack->undo();
        QVERIFY(shownLabels(view->data()).contains(QStringLiteral("Wang Director")));

        view->selectRowIds({m_promega});
        QTest::keyClick(view, Qt::Key_P);
        const qint32 promega = view->data().indexOf(m_promega);
        QVERIFY(view->data().nodeFlags[size_t(promega)] & NodePinned);
        const QPointF pinnedAt = view->data().position(promega);
        const QPointF thermoAt = view->data().position(view->data().indexOf(m_thermo));
        m_panel->runLayout(QStringLiteral("grid"));
        QTRY_VERIFY(!m_panel->isLayoutRunning());
        QCOMPARE(view->data().position(view->data().indexOf(m_promega)), pinnedAt);
        QVERIFY(view->data().position(view->data().indexOf(m_thermo)) != thermoAt);
        stack->undo(); // layout
        stack->undo(); // pin
        QVERIFY(!(view->data().nodeFlags[size_t(view->data().indexOf(m_promega))] & NodePinned));
    }

    void layoutMovesACollapsedGroupAsOne()
    {
        ChartView *view = m_panel->view();
        view->selectRowIds({m_kashgar, m_aksu, m_urumqi});
        view->groupSelection(QStringLiteral("Xinjiang police"));
        view->setGroupCollapsed(QStringLiteral("Xinjiang police"), true);
        const auto &d = view->data();
        const QPointF groupBefore = d.position(ChartGroups::groupNode(d, QStringLiteral("Xinjiang police")));
        const QPointF aksuBefore = d.position(d.indexOf(m_aksu));
        const int steps = m_editor->undoStack()->count();
        m_panel->runLayout(QStringLiteral("grid"));
        QTRY_VERIFY(!m_panel->isLayoutRunning());
        QCOMPARE(m_editor->undoStack()->count(), steps + 1);
        const QPointF shift = d.position(ChartGroups::groupNode(d, QStringLiteral("Xinjiang police"))) - groupBefore;
        QVERIFY(!shift.isNull());
        const QPointF aksuAfter = d.position(d.indexOf(m_aksu));
        QVERIFY((aksuAfter - (aksuBefore + shift)).manhattanLength() < 0.01);
        QCOMPARE(shownLabels(d).size(), 6);
    }

    void rubberBandKeyboardAndFind()
    {
        ChartView *view = m_panel->view();
        view->setSelection({});
        const QTransform t = view->worldTransform();
        // Shift-drag around the two resellers only.
        const QPoint from = t.map(QPointF(-160, -160)).toPoint(), to = t.map(QPointF(0, 200)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(view, (from + to) / 2);
        QTest::mouseMove(view, to);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::ShiftModifier, to);
        QList<qint64> selected = view->selectedRowIds();
        std::sort(selected.begin(), selected.end());
        QCOMPARE(selected, (QList<qint64>{m_resellerA, m_resellerB}));

        const double fitted = view->scale();
        QTest::keyClick(view, Qt::Key_Plus);
        QVERIFY(std::abs(view->scale() - fitted * 1.25) < 1e-9);
        QTest::keyClick(view, Qt::Key_Minus);
        QVERIFY(std::abs(view->scale() - fitted) < 1e-9);
        const QRectF before = view->visibleRect();
        QTest::keyClick(view, Qt::Key_Right);
        QVERIFY(view->visibleRect().left() > before.left());
        QTest::keyClick(view, Qt::Key_Down);
        QVERIFY(view->visibleRect().top() > before.top());
        QTest::keyClick(view, Qt::Key_0);
        QCOMPARE(view->visibleRect(), before);

        // The find box selects and centres the match; inside a collapsed group, its node.
        auto *find = m_panel->findChild<QLineEdit *>();
        QVERIFY(find);
        QTest::keyClicks(find, QStringLiteral("promega"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(view->selectedRowIds(), QList<qint64>{m_promega});
        QVERIFY((view->visibleRect().center() - QPointF(-420, 160)).manhattanLength() < 1);
        view->selectRowIds({m_kashgar, m_aksu, m_urumqi});
        view->groupSelection(QStringLiteral("Xinjiang police"));
        view->setGroupCollapsed(QStringLiteral("Xinjiang police"), true);
        QVERIFY(view->findNode(QStringLiteral("aksu")));
        QCOMPARE(view->selection(), std::vector<qint32>{ChartGroups::groupNode(view->data(), QStringLiteral("Xinjiang police"))});
        // Showing a member elsewhere (the Entities dock) selects the group's node on the chart.
        view->setSelection({});
        view->selectRowIds({m_urumqi});
        QCOMPARE(view->selection(), std::vector<qint32>{ChartGroups::groupNode(view->data(), QStringLiteral("Xinjiang police"))});
    }

private:
    /// "priority" on Thermo Fisher and Kashgar, "to verify" on Reseller B; returns their ids.
    std::pair<qint64, qint64> createTags()
    {
        const qint64 priority = *m_case->tags().create(Tag{0, QStringLiteral("priority"), QStringLiteral("#ffb4a2"), {}, 0});
        const qint64 verify = *m_case->tags().create(Tag{0, QStringLiteral("to verify"), QStringLiteral("#8ecae6"), {}, 0});
        for (const auto &[tag, row] : {std::pair{priority, m_thermo}, {priority, m_kashgar}, {verify, m_resellerB}}) {
            if (!m_case->tags().assign(tag, Target{Target::entityKind(), row})) {
                qWarning("cannot tag %lld", row);
            }
        }
        return {priority, verify};
    }

    /// Picks the Filter menu's entry with this text, as the menu shows when it opens; false when
    /// there is none.
    bool triggerFilter(const QString &text)
    {
        QMenu *menu = m_panel->filterButton()->menu();
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        qWarning("no entry %s in the Filter menu", qPrintable(text));
        return false;
    }

    qint64 m_thermo = 0, m_promega = 0, m_resellerA = 0, m_resellerB = 0, m_kashgar = 0, m_aksu = 0, m_urumqi = 0,
           m_director = 0;
};

QTEST_MAIN(ChartGroupsTest)
#include "chartgroups_uitest.moc"

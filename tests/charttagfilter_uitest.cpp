// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartexport.h"
#include "chart/chartpanel.h"
#include "chart/charttags.h"
#include "chart/chartview.h"
#include "support/testsupport.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/tagstore.h"

#include <QAction>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QMenu>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Casegraph;
using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
QStringList shownLabels(const ChartData &d)
{
    QStringList out;
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        if (d.isVisible(i)) {
            out << d.nodeLabel[size_t(i)];
        }
    }
    out.sort();
    return out;
}
} // namespace

/// The chart's tag filter is saved with the chart: set through the Filter menu of a real
/// ChartPanel (offscreen) over a case file on disk, it comes back after closing and reopening the
/// case, it is one step of Edit → Undo, exports draw it, and a saved tag that was deleted since
/// is ignored without losing the rest.
class ChartTagFilterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("tags%1.casegraph").arg(++m_n));
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->create(m_path));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        const auto make = [this](const char *schema, const char *name) {
            return *m_editor->createEntity(QLatin1String(schema), QLatin1String(name));
        };
        m_thermo = make("Company", "Thermo Fisher Scientific");
        m_promega = make("Company", "Promega");
        m_reseller = make("Company", "Reseller A Trading Co.");
        m_kashgar = make("PublicBody", "Kashgar Public Security Bureau");
        m_aksu = make("PublicBody", "Aksu Public Security Bureau");
        for (const auto &[from, to] : QList<std::pair<qint64, qint64>>{
                 {m_thermo, m_reseller}, {m_promega, m_reseller}, {m_reseller, m_kashgar}, {m_reseller, m_aksu}}) {
            QVERIFY(m_editor->createRelationship(QStringLiteral("Supply"), from, to));
        }
        m_chartId = *m_case->charts().create(QStringLiteral("Sequencers"),
                                             QJsonObject{{QStringLiteral("layout"), QStringLiteral("layered")}});
        QList<ChartNode> nodes;
        // Promega alone on the far left and Aksu alone at the bottom, so that hiding either
        // changes the size of an export.
        const QList<std::tuple<qint64, double, double>> places{{m_thermo, -420, -160}, {m_promega, -900, 160},
                                                               {m_reseller, -80, -100}, {m_kashgar, 330, -200},
                                                               {m_aksu, 330, 600}};
        for (const auto &[row, x, y] : places) {
            nodes << ChartNode{row, x, y, false, false, {}};
        }
        QVERIFY(m_case->charts().setNodes(m_chartId, nodes));
        m_priority = *m_case->tags().create(Tag{0, QStringLiteral("priority"), QStringLiteral("#ffb4a2"), {}, 0});
        m_verify = *m_case->tags().create(Tag{0, QStringLiteral("to verify"), QStringLiteral("#8ecae6"), {}, 0});
        QVERIFY(m_case->tags().assign(m_priority, Target{Target::entityKind(), m_thermo}));
        QVERIFY(m_case->tags().assign(m_priority, Target{Target::entityKind(), m_kashgar}));
        QVERIFY(m_case->tags().assign(m_verify, Target{Target::entityKind(), m_promega}));
        m_editor->undoStack()->clear();
        openPanel();
    }

    void cleanup() { close(); }

    void filterSurvivesReopening()
    {
        QCOMPARE(shownLabels(view()->data()).size(), 5);
        // Filter → "priority": only the two tagged entities stay.
        QVERIFY(trigger(QStringLiteral("priority (2 on the chart)")));
        const QStringList only{QStringLiteral("Kashgar Public Security Bureau"), QStringLiteral("Thermo Fisher Scientific")};
        QCOMPARE(shownLabels(view()->data()), only);
        // Filter → "Hide entities with a ticked tag", then tick "to verify" too.
        QVERIFY(trigger(QStringLiteral("Hide entities with a ticked tag")));
        QVERIFY(trigger(QStringLiteral("to verify (1 on the chart)")));
        const QStringList hidden{QStringLiteral("Aksu Public Security Bureau"), QStringLiteral("Reseller A Trading Co.")};
        QCOMPARE(shownLabels(view()->data()), hidden);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter: tagged hidden (2)"));
        // Saved beside the chart's other settings.
        const QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QCOMPARE(settings.value(QStringLiteral("layout")).toString(), QStringLiteral("layered"));
        QCOMPARE(settings.value(QStringLiteral("tagFilter")).toObject().value(QStringLiteral("mode")).toString(),
                 QStringLiteral("hide"));

        // Close the chart and the case; open both again: the same nodes are hidden.
        reopen();
        QCOMPARE(shownLabels(view()->data()), hidden);
        QCOMPARE(view()->tagFilter(), (ChartTagFilter{{m_priority, m_verify}, ChartTagFilter::Mode::Hide}));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter: tagged hidden (2)"));
        Tests::saveShot(m_panel->grab(), QStringLiteral("chart-tag-filter-reopened.png"));

        // Clearing it is saved too.
        QVERIFY(trigger(QStringLiteral("Clear the Tag Filter")));
        QCOMPARE(shownLabels(view()->data()).size(), 5);
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(QStringLiteral("tagFilter")));
        reopen();
        QCOMPARE(shownLabels(view()->data()).size(), 5);
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
    }

    void everyChangeIsOneUndoStep()
    {
        QUndoStack *stack = m_editor->undoStack();
        QVERIFY(trigger(QStringLiteral("priority (2 on the chart)")));
        QVERIFY(trigger(QStringLiteral("Hide entities with a ticked tag")));
        QCOMPARE(stack->count(), 2);
        QCOMPARE(stack->undoText(), QStringLiteral("Hide Tagged Entities"));
        QCOMPARE(shownLabels(view()->data()).size(), 3);
        stack->undo();
        QCOMPARE(shownLabels(view()->data()).size(), 2);
        QCOMPARE(ChartTags::savedFilter(m_case->charts().chart(m_chartId)->settings, view()->data()),
                 (ChartTagFilter{{m_priority}, ChartTagFilter::Mode::ShowOnly}));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter: only tagged (1)"));
        stack->undo();
        QCOMPARE(shownLabels(view()->data()).size(), 5);
        QVERIFY(!m_case->charts().chart(m_chartId)->settings.contains(QStringLiteral("tagFilter")));
        QCOMPARE(m_panel->filterButton()->text(), QStringLiteral("F&ilter"));
        stack->redo();
        QCOMPARE(shownLabels(view()->data()).size(), 2);

        // Undo still writes the chart once its tab is closed; the chart opens as undone.
        m_panel.reset();
        stack->undo();
        openPanel();
        QCOMPARE(shownLabels(view()->data()).size(), 5);
    }

    void deletedTagIsIgnored()
    {
        view()->setTagFilter(ChartTagFilter{{m_priority, m_verify}, ChartTagFilter::Mode::Hide});
        QCOMPARE(shownLabels(view()->data()).size(), 2);
        close();
        // While the chart is closed, "to verify" is deleted, and a later version left a tag id
        // that never existed and a value that is no id at all.
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path));
        QVERIFY(m_case->tags().remove(m_verify));
        QJsonObject settings = m_case->charts().chart(m_chartId)->settings;
        QJsonObject filter = settings.value(QStringLiteral("tagFilter")).toObject();
        QJsonArray tags = filter.value(QStringLiteral("tags")).toArray();
        tags << 987654 << QStringLiteral("not an id");
        filter.insert(QStringLiteral("tags"), tags);
        settings.insert(QStringLiteral("tagFilter"), filter);
        QVERIFY(m_case->charts().setSettings(m_chartId, settings));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        openPanel();
        // The rest of the filter holds: "priority" entities are hidden, Promega shows again.
        QCOMPARE(view()->tagFilter(), (ChartTagFilter{{m_priority}, ChartTagFilter::Mode::Hide}));
        QCOMPARE(shownLabels(view()->data()), (QStringList{QStringLiteral("Aksu Public Security Bureau"),
                                                           QStringLiteral("Promega"), QStringLiteral("Reseller A Trading Co.")}));

        // A filter left with no tag at all filters nothing (rather than hiding the whole chart).
        close();
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path));
        QVERIFY(m_case->charts().setSettings(
            m_chartId, QJsonObject{{QStringLiteral("tagFilter"),
                                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("showOnly")},
                                                {QStringLiteral("tags"), QJsonArray{987654}}}}}));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        openPanel();
        QVERIFY(!view()->tagFilter().isActive());
        QCOMPARE(shownLabels(view()->data()).size(), 5);
    }

    void exportDrawsTheSavedFilter()
    {
        const QString all = m_dir.filePath(QStringLiteral("all.png"));
        QVERIFY(ChartExport::write(view()->data(), all));
        // Hiding "to verify" takes Promega, far on the left, off the chart: a narrower picture.
        view()->setTagFilter(ChartTagFilter{{m_verify}, ChartTagFilter::Mode::Hide});
        const QString shown = m_dir.filePath(QStringLiteral("shown.png"));
        QVERIFY(ChartExport::write(view()->data(), shown));
        QVERIFY(QImage(shown).width() < QImage(all).width());
        close(); // the CLI opens the file itself
        const QString cli = m_dir.filePath(QStringLiteral("cli.png"));
        const auto r = Tests::run(QStringLiteral(CASEGRAPH_CLI), {QStringLiteral("render"), m_path, QStringLiteral("--chart"),
                                                                  QStringLiteral("Sequencers"), cli});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QImage(cli).size(), QImage(shown).size());
        // A path to an entity the filter hides is refused with a reason.
        CaseFile reader;
        QVERIFY(reader.open(m_path, CaseFile::OpenMode::ReadOnly));
        const auto st = ChartExport::write(reader, QStringLiteral("Sequencers"), m_dir.filePath(QStringLiteral("path.png")),
                                           reader.entities().entity(m_thermo)->id, reader.entities().entity(m_promega)->id);
        QVERIFY(!st);
        QVERIFY2(st.error().message.contains(QStringLiteral("hidden")), qPrintable(st.error().message));
    }

    void readOnlyCaseKeepsChangesInMemory()
    {
        view()->setTagFilter(ChartTagFilter{{m_priority}, ChartTagFilter::Mode::ShowOnly});
        close();
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path, CaseFile::OpenMode::ReadOnly));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        openPanel();
        // The saved filter applies; changing it works on screen and writes nothing.
        QCOMPARE(shownLabels(view()->data()).size(), 2);
        view()->setTagFilter({});
        QCOMPARE(shownLabels(view()->data()).size(), 5);
        QCOMPARE(m_editor->undoStack()->count(), 0);
        QCOMPARE(ChartTags::savedFilter(m_case->charts().chart(m_chartId)->settings, view()->data()),
                 (ChartTagFilter{{m_priority}, ChartTagFilter::Mode::ShowOnly}));
    }

private:
    ChartView *view() const { return m_panel->view(); }

    void openPanel()
    {
        m_panel = std::make_unique<ChartPanel>(m_case.get(), m_editor->undoStack(), m_chartId);
        m_panel->resize(1000, 650);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        view()->fitToView();
    }

    void close()
    {
        m_panel.reset();
        m_editor.reset();
        m_case.reset();
    }

    void reopen()
    {
        close();
        m_case = std::make_unique<CaseFile>();
        QVERIFY(m_case->open(m_path));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        openPanel();
    }

    /// Picks the Filter menu's entry with this text, as the menu shows when it opens; false when
    /// there is none.
    bool trigger(const QString &text)
    {
        QMenu *menu = m_panel->filterButton()->menu();
        Q_EMIT menu->aboutToShow();
        for (QAction *a : menu->actions()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        qWarning("no menu entry %s", qPrintable(text));
        return false;
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    std::unique_ptr<ChartPanel> m_panel;
    qint64 m_chartId = 0;
    qint64 m_priority = 0, m_verify = 0;
    qint64 m_thermo = 0, m_promega = 0, m_reseller = 0, m_kashgar = 0, m_aksu = 0;
};

QTEST_MAIN(ChartTagFilterTest)
#include "charttagfilter_uitest.moc"

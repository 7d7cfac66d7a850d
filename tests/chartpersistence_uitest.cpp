// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartlayout.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"

#include "analytics/layout.h"

#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;
using Casegraph::Models::IndexEdges;
using namespace Casegraph::Ui;

/// A chart's entities and their positions are saved in the case file as the user works, come
/// back the same after reopening, and every change is one step of Edit → Undo.
class ChartPersistenceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("case%1.casegraph").arg(++m_n));
        open(true);
        m_owner = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Holding Ltd"));
        m_owned = *m_editor->createEntity(QStringLiteral("Company"), QStringLiteral("Subsidiary GmbH"));
        m_person = *m_editor->createEntity(QStringLiteral("Person"), QStringLiteral("Jane Director"));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Ownership"), m_owner, m_owned,
                                             {{QStringLiteral("percentage"), QStringLiteral("51%")}}));
        QVERIFY(m_editor->createRelationship(QStringLiteral("Directorship"), m_person, m_owned));
        m_chartId = *m_case->charts().create(QStringLiteral("Ownership"));
        m_editor->undoStack()->clear();
        m_view->setChart(m_case.get(), m_editor->undoStack(), m_chartId);
    }

    void cleanup()
    {
        m_view.reset();
        m_editor.reset();
        m_case.reset();
    }

    void positionsSurviveReopening()
    {
        m_view->addEntities({m_owner, m_owned});
        QCOMPARE(m_view->data().nodeCount(), 2);
        QCOMPARE(m_view->data().edgeCount(), 1);
        QCOMPARE(m_view->data().labels.value(m_view->data().edgeLabel[0]), QStringLiteral("owns 51%"));
        std::vector<QPointF> positions{QPointF(-300.5, 12.25), QPointF(410, -77.75)};
        if (m_view->data().nodeRowId[0] != m_owner) {
            std::swap(positions[0], positions[1]);
        }
        m_view->applyPositions(positions, QStringLiteral("Move"));
        m_view->selectRowIds({m_owned});
        m_view->setSelectionPinned(true);

        reopen();
        const QList<ChartNode> nodes = m_case->charts().nodes(m_chartId);
        QCOMPARE(nodes.size(), 2);
        const auto &d = m_view->data();
        const qint32 owner = d.indexOf(m_owner), owned = d.indexOf(m_owned);
        QCOMPARE(d.position(owner), QPointF(-300.5, 12.25));
        QCOMPARE(d.position(owned), QPointF(410, -77.75));
        QVERIFY(d.nodeFlags[size_t(owned)] & NodePinned);
        QVERIFY(!(d.nodeFlags[size_t(owner)] & NodePinned));
    }

    void everyEditIsUndoable()
    {
        QUndoStack *stack = m_editor->undoStack();
        m_view->addEntities({m_owner});
        QCOMPARE(stack->count(), 1);
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 1);
        // Expanding the company brings its owner-side neighbours: the subsidiary.
        const qint32 owner = m_view->data().indexOf(m_owner);
        QCOMPARE(m_view->neighboursOf(owner), QList<qint64>{m_owned});
        QCOMPARE(m_view->expandNode(owner, 10), 1);
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 2);
        // The subsidiary's neighbours: the director (the owner is on the chart already).
        QCOMPARE(m_view->neighboursOf(m_view->data().indexOf(m_owned)), QList<qint64>{m_person});
        const QPointF before = m_view->data().position(m_view->data().indexOf(m_owned));
        std::vector<QPointF> moved(size_t(m_view->data().nodeCount()), QPointF(qQNaN(), qQNaN()));
        moved[size_t(m_view->data().indexOf(m_owned))] = QPointF(999, 999);
        m_view->applyPositions(moved, QStringLiteral("Move"));
        m_view->selectRowIds({m_owner});
        m_view->hideSelection();
        QVERIFY(!m_view->data().isVisible(m_view->data().indexOf(m_owner)));
        QCOMPARE(stack->count(), 4);

        stack->undo(); // hide
        QVERIFY(m_view->data().isVisible(m_view->data().indexOf(m_owner)));
        stack->undo(); // move
        QCOMPARE(m_view->data().position(m_view->data().indexOf(m_owned)), before);
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 2);
        stack->undo(); // expand
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 1);
        QCOMPARE(m_view->data().nodeCount(), 1);
        stack->redo();
        QCOMPARE(m_view->data().nodeCount(), 2);
        m_view->selectRowIds({m_owned});
        m_view->removeSelection();
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 1);
        stack->undo();
        QCOMPARE(m_case->charts().nodes(m_chartId).size(), 2);
        QCOMPARE(m_view->data().position(m_view->data().indexOf(m_owned)), before);
    }

    void expandHonoursTheCap()
    {
        m_view->addEntities({m_owned});
        const qint32 node = m_view->data().indexOf(m_owned);
        QCOMPARE(m_view->neighboursOf(node).size(), 2);
        QCOMPARE(m_view->expandNode(node, 1), 1);
        QCOMPARE(m_view->data().nodeCount(), 2);
        QCOMPARE(m_view->expandNode(m_view->data().indexOf(m_owned), -1), 1);
        QCOMPARE(m_view->data().nodeCount(), 3);
    }

    void layoutRunsOnAWorkerAndIsOneUndoStep()
    {
        m_view.reset();
        ChartPanel panel(m_case.get(), m_editor->undoStack(), m_chartId);
        panel.resize(900, 700);
        ChartView *view = panel.view();
        view->addEntities({m_owner, m_owned, m_person});
        const int steps = m_editor->undoStack()->count();
        const auto before = m_case->charts().nodes(m_chartId);

        panel.runLayout(QStringLiteral("hierarchical"));
        QTRY_VERIFY(!panel.isLayoutRunning());
        QCOMPARE(m_editor->undoStack()->count(), steps + 1);
        // Top-down: owners and directors above the company they own or direct.
        const auto &d = view->data();
        QVERIFY(d.position(d.indexOf(m_owner)).y() < d.position(d.indexOf(m_owned)).y());
        QVERIFY(d.position(d.indexOf(m_person)).y() < d.position(d.indexOf(m_owned)).y());
        m_editor->undoStack()->undo();
        // Back where they were (to the float precision the view keeps positions in).
        const auto after = m_case->charts().nodes(m_chartId);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].entityRowId, before[i].entityRowId);
            QVERIFY(std::abs(after[i].x - before[i].x) < 1e-3 && std::abs(after[i].y - before[i].y) < 1e-3);
        }
    }

    void radialAndGridLayouts()
    {
        // A star around node 0 and a pinned node that must stay put.
        const IndexEdges edges{{0, 1}, {0, 2}, {3, 0}, {1, 4}};
        std::vector<QPointF> positions(6, QPointF(5, 5));
        std::vector<bool> pinned{false, false, false, false, false, true};
        radialLayout(6, edges, 0, positions, pinned, 100);
        QCOMPARE(positions[0], QPointF(0, 0));
        for (const int ring1 : {1, 2, 3}) {
            QVERIFY(std::abs(std::hypot(positions[size_t(ring1)].x(), positions[size_t(ring1)].y()) - 100) < 1e-6);
        }
        QVERIFY(std::hypot(positions[4].x(), positions[4].y()) > 150);
        QCOMPARE(positions[5], QPointF(5, 5));
        gridLayout(positions, pinned, 10);
        QCOMPARE(positions[0], QPointF(0, 0));
        QCOMPARE(positions[1], QPointF(10, 0));
        QCOMPARE(positions[3], QPointF(0, 10));
        QCOMPARE(positions[5], QPointF(5, 5));
    }

private:
    void open(bool create)
    {
        m_case = std::make_unique<CaseFile>();
        QVERIFY(create ? m_case->create(m_path) : m_case->open(m_path));
        m_editor = std::make_unique<CaseEditor>(*m_case);
        m_view = std::make_unique<ChartView>();
        m_view->resize(800, 600);
        if (!create) {
            m_view->setChart(m_case.get(), m_editor->undoStack(), m_chartId);
        }
    }
    void reopen()
    {
        cleanup();
        open(false);
    }

    QTemporaryDir m_dir;
    QString m_path;
    int m_n = 0;
    std::unique_ptr<CaseFile> m_case;
    std::unique_ptr<CaseEditor> m_editor;
    std::unique_ptr<ChartView> m_view;
    qint64 m_chartId = 0;
    qint64 m_owner = 0, m_owned = 0, m_person = 0;
};

QTEST_MAIN(ChartPersistenceTest)
#include "chartpersistence_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chart/chartdata.h"
#include "chart/chartpanel.h"
#include "chart/chartview.h"
#include "chart/chartworkspace.h"
#include "commands/caseeditor.h"
#include "commands/decidematchcommand.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "screening/listedpanel.h"
#include "screening/referencelists.h"
#include "screening/screeningactions.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/referenceliststore.h"
#include "support/testsupport.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// An accepted screening match shows where the user looks, without reopening the case: the
/// sanction badge on the chart, a "Listed: …" line with Revoke in the Inspector, a badge in the
/// Entities list; revoking and undoing follow at once, and everything survives a reopen.
/// The demo case in the real main window (offscreen), the test list from tests/fixtures.
class AcceptedMatchUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void acceptedMatchShowsOnChartInspectorAndEntities();

private:
    void open();
    /// The chart's flags of an entity once the chart has reloaded (-1 when not on the chart).
    int chartFlags(qint64 rowId);
    QString entitiesListed(qint64 rowId);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void AcceptedMatchUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_path = m_dir.filePath(QStringLiteral("accepted.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_path).ok());
    QVERIFY(DemoCase::write(cf).ok());
    const QString list = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json"));
    QVERIFY(ReferenceListLoader::load(cf, list, QStringLiteral("Entity List")).ok());
}

void AcceptedMatchUiTest::cleanup()
{
    m_window.reset();
    m_recent.reset();
}

void AcceptedMatchUiTest::open()
{
    m_window.reset();
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(m_path).ok());
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

int AcceptedMatchUiTest::chartFlags(qint64 rowId)
{
    ChartPanel *panel = m_window->chartWorkspace()->currentPanel();
    if (!panel) {
        return -1;
    }
    QTest::qWait(50); // the chart reloads on a zero-delay timer after a change
    const ChartData &data = panel->view()->data();
    const qint32 i = data.indexOf(rowId);
    return i < 0 ? -1 : int(data.nodeFlags[size_t(i)]);
}

QString AcceptedMatchUiTest::entitiesListed(qint64 rowId)
{
    EntityTableModel *model = m_window->entitiesDock()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        const QModelIndex index = model->index(r, EntityTableModel::NameColumn);
        if (index.data(ItemDataRole::EntityRowIdRole).toLongLong() == rowId) {
            return index.data(ItemDataRole::ListedRole).toString();
        }
    }
    return QStringLiteral("(row not loaded)");
}

void AcceptedMatchUiTest::acceptedMatchShowsOnChartInspectorAndEntities()
{
    open();
    CaseFile *cf = m_window->caseFile();
    const qint64 police = cf->entities().rowIdOf(QStringLiteral("demo-xinjiang-police"));
    QVERIFY(police);
    CaseEditor *editor = m_window->editor();
    // The demo records the U.S. ban on sales to the police as a Sanction; the investigator deletes
    // it first, so that the accepted match is what lists them.
    QVERIFY(editor->deleteEntity(cf->entities().rowIdOf(QStringLiteral("demo-sanction-xinjiang-police-sequencers"))).ok());
    // A chart with the Xinjiang police on it, open in the middle of the window.
    const qint64 chart = m_window->chartWorkspace()->createChart(QStringLiteral("Supply to Xinjiang"));
    QVERIFY(chart);
    m_window->chartWorkspace()->openChart(chart);
    m_window->chartWorkspace()->addToCurrentChart({police});
    QTRY_VERIFY(chartFlags(police) >= 0);
    QVERIFY(!(chartFlags(police) & NodeSanctioned));
    QTRY_VERIFY(entitiesListed(police).isEmpty());
    m_window->showEntity(police);
    ListedPanel *panel = m_window->screeningActions()->listedPanel();
    QVERIFY(panel->isHidden());

    // Accept the match as the Screen dialog's Accept does: an undoable edit.
    const auto version = cf->referenceLists().latest(QStringLiteral("Entity List"));
    QVERIFY(version);
    auto match = CaseScreening::explain(*cf, version->id, police, QStringLiteral("el-xpsb"));
    QVERIFY(match.ok());
    ScreeningDecision d;
    d.entityRowId = police;
    d.versionId = version->id;
    d.entryId = QStringLiteral("el-xpsb");
    d.decision = ScreeningDecision::Kind::Accepted;
    d.score = match->candidate.score;
    d.explanation = match->candidate.explanation();
    QVERIFY(editor->push(std::make_unique<DecideMatchCommand>(*editor, d, QStringLiteral("Accept match"))).ok());

    // The chart shows the badge without reopening.
    QTRY_VERIFY(chartFlags(police) & NodeSanctioned);
    // The Inspector says what, on which list version, who and when, with a way to revoke.
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->lines().size(), 1);
    const QString line = panel->lines().first();
    QVERIFY2(line.startsWith(QStringLiteral("Listed: Xinjiang Uyghur Autonomous Region People's Government Public Security "
                                            "Bureau — Entity List version %1, US Commerce Department: Entity List, accepted by ")
                                 .arg(version->id)),
             qPrintable(line));
    QVERIFY2(line.contains(cf->actor()), qPrintable(line));
    QVERIFY(panel->findChild<QLabel *>()->text().contains(QStringLiteral("Revoke")));
    // The Entities list marks the entity, with the listing in the tooltip.
    QTRY_VERIFY(entitiesListed(police).startsWith(QStringLiteral("Listed: Xinjiang Uyghur")));

    // Revoke (a rejection, undoable): every view follows; undo brings the listing back.
    QVERIFY(panel->revoke(version->id, QStringLiteral("el-xpsb")));
    QTRY_VERIFY(panel->isHidden());
    QTRY_VERIFY(!(chartFlags(police) & NodeSanctioned));
    QTRY_VERIFY(entitiesListed(police).isEmpty());
    editor->undoStack()->undo();
    QTRY_VERIFY(panel->isVisible());
    QTRY_VERIFY(chartFlags(police) & NodeSanctioned);

    // The decision (who, when, list version) survives closing and reopening the file.
    const QString before = panel->lines().first();
    open();
    m_window->showEntity(m_window->caseFile()->entities().rowIdOf(QStringLiteral("demo-xinjiang-police")));
    panel = m_window->screeningActions()->listedPanel();
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->lines(), QStringList{before});
    QTest::qWait(100); // let the Inspector lay out the new line before the picture
    Casegraph::Tests::saveShot(m_window->grab(), QStringLiteral("accepted-match.png"));
}

QTEST_MAIN(AcceptedMatchUiTest)
#include "acceptedmatch_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analytics/exposurerun.h"
#include "itemmodels/exposurefiltermodel.h"
#include "itemmodels/exposuretablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/exposurenetwork.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMap>
#include <QTest>

using namespace Casegraph::Models;
using Casegraph::Tests::GraphFixture;

/// The table of an ownership-exposure run over a real case file: rows, verdicts, sums, the
/// explanation with names, the rows a chart needs, sorting and filtering, CSV.
class ExposureTableModelTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsAndVerdicts();
    void explanationNamesTheChain();
    void chainRowsForTheChart();
    void sharedOwnerExplainedOnce();
    void sortsNumbersAsNumbers();
    void filtersByVerdictAndText();
    void csvEscapesFormulas();
    void listsOfTheCase();
    void cancelledBeforeNaming();
    void timingOnALargeCase();

private:
    int rowOf(const QString &id) const;
    std::unique_ptr<GraphFixture> m_fixture;
    ExposureTableModel *m_model = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void ExposureTableModelTest::init()
{
    m_fixture = std::make_unique<GraphFixture>();
    QVERIFY(m_fixture->isValid());
    Casegraph::Tests::buildExposureNetwork(*m_fixture);
    m_model = new ExposureTableModel(this);
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto run = ExposureRun::compute(m_fixture->caseFile(), {});
    QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message));
    m_model->setRun(std::make_shared<const ExposureRun>(std::move(run.value())));
}

void ExposureTableModelTest::cleanup()
{
    m_tester.reset();
    delete m_model;
    m_model = nullptr;
    m_fixture.reset();
}

int ExposureTableModelTest::rowOf(const QString &id) const
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->index(r, 0).data(ItemDataRole::EntityIdRole).toString() == id) {
            return r;
        }
    }
    return -1;
}

void ExposureTableModelTest::rowsAndVerdicts()
{
    // Listed x and y, restricted a and b, undetermined u, not restricted p and q (FAQ 401); r holds
    // no stake of a flagged owner and is not a row.
    QCOMPARE(m_model->rowCount(), 7);
    QCOMPARE(m_model->columnCount(), int(ExposureTableModel::ColumnCount));
    QCOMPARE(rowOf(QStringLiteral("r")), -1);
    const auto cell = [&](const QString &id, int column) {
        return m_model->index(rowOf(id), column).data().toString();
    };
    QCOMPARE(cell(QStringLiteral("x"), ExposureTableModel::EntityColumn), QStringLiteral("X Trading"));
    QCOMPARE(cell(QStringLiteral("x"), ExposureTableModel::TypeColumn), QStringLiteral("Company"));
    QCOMPARE(cell(QStringLiteral("x"), ExposureTableModel::VerdictColumn), QStringLiteral("Listed"));
    QCOMPARE(cell(QStringLiteral("a"), ExposureTableModel::VerdictColumn), QStringLiteral("Restricted"));
    QCOMPARE(cell(QStringLiteral("b"), ExposureTableModel::VerdictColumn), QStringLiteral("Restricted"));
    QCOMPARE(cell(QStringLiteral("u"), ExposureTableModel::VerdictColumn), QStringLiteral("Undetermined"));
    QCOMPARE(cell(QStringLiteral("p"), ExposureTableModel::VerdictColumn), QStringLiteral("Not restricted"));
    QCOMPARE(cell(QStringLiteral("q"), ExposureTableModel::VerdictColumn), QStringLiteral("Not restricted"));
    // Best and worst case: u has 25% at the lowest reading of its range, 60% at the highest.
    QCOMPARE(cell(QStringLiteral("u"), ExposureTableModel::BestColumn), QStringLiteral("25%"));
    QCOMPARE(cell(QStringLiteral("u"), ExposureTableModel::WorstColumn), QStringLiteral("60%"));
    QCOMPARE(cell(QStringLiteral("b"), ExposureTableModel::BestColumn), QStringLiteral("50%"));
    QCOMPARE(cell(QStringLiteral("p"), ExposureTableModel::WorstColumn), QStringLiteral("25%"));
    // Look-through: x holds 50% of 50% of b.
    QCOMPARE(cell(QStringLiteral("b"), ExposureTableModel::LookThroughColumn), QStringLiteral("25%"));
    QCOMPARE(cell(QStringLiteral("u"), ExposureTableModel::LookThroughColumn), QStringLiteral("25–60%"));
    QCOMPARE(cell(QStringLiteral("b"), ExposureTableModel::StakesColumn), QStringLiteral("1"));
    // A listed entity's own sums are not shown: its Sanction decides.
    QCOMPARE(cell(QStringLiteral("x"), ExposureTableModel::BestColumn), QStringLiteral("—"));
    QCOMPARE(cell(QStringLiteral("x"), ExposureTableModel::LookThroughColumn), QStringLiteral("—"));
    QCOMPARE(m_model->count(ExposureVerdict::Listed), 2);
    QCOMPARE(m_model->count(ExposureVerdict::Restricted), 2);
    QCOMPARE(m_model->count(ExposureVerdict::Undetermined), 1);
    QCOMPARE(m_model->count(ExposureVerdict::NotRestricted), 2);
    // The verdict is a word with a colour, never the colour alone.
    const QModelIndex verdict = m_model->index(rowOf(QStringLiteral("x")), ExposureTableModel::VerdictColumn);
    QVERIFY(verdict.data(Qt::BackgroundRole).value<QColor>().isValid());
    QVERIFY(!verdict.data(Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(verdict.data(ItemDataRole::VerdictRole).toInt(), int(ExposureVerdict::Listed));
    QCOMPARE(verdict.data(ItemDataRole::EntityRowIdRole).toLongLong(),
             m_fixture->caseFile().entities().rowIdOf(QStringLiteral("x")));
}

void ExposureTableModelTest::explanationNamesTheChain()
{
    const QStringList lines = m_model->explanation(rowOf(QStringLiteral("b")));
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("B Components [b] — restricted")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).contains(QStringLiteral("← 50% held by A Holdings [a] (restricted) through ownership ab, 1 excerpt")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).contains(QStringLiteral("← 50% held by X Trading [x] (listed) through ownership xa, 2 excerpt")),
             qPrintable(lines.at(2)));
    QVERIFY2(lines.at(3).contains(QStringLiteral("listed by Sanction sx (OFAC; SDN)")), qPrintable(lines.at(3)));
    // Deeper stakes are indented further.
    QVERIFY(lines.at(2).indexOf(QStringLiteral("←")) > lines.at(1).indexOf(QStringLiteral("←")));
    const QStringList u = m_model->explanation(rowOf(QStringLiteral("u")));
    QVERIFY2(u.at(0).contains(QStringLiteral("undetermined")), qPrintable(u.at(0)));
    QVERIFY2(u.at(1).contains(QStringLiteral("25–60%")), qPrintable(u.at(1)));
    QVERIFY(m_model->explanation(-1).isEmpty());
    // A cut explanation says so.
    const QStringList cut = m_model->run()->report.explain(QStringLiteral("b"), 8, {}, 2);
    QCOMPARE(cut.size(), 3);
    QVERIFY2(cut.at(2).startsWith(QStringLiteral("… (cut at 2 line")), qPrintable(cut.at(2)));
}

void ExposureTableModelTest::chainRowsForTheChart()
{
    const EntityStore &store = m_fixture->caseFile().entities();
    const auto rows = m_model->chainRows(rowOf(QStringLiteral("b")));
    QCOMPARE(rows.entities, (QList<qint64>{store.rowIdOf(QStringLiteral("b")), store.rowIdOf(QStringLiteral("a")),
                                           store.rowIdOf(QStringLiteral("x"))}));
    QCOMPARE(rows.relationships, (QList<qint64>{store.rowIdOf(QStringLiteral("ab")), store.rowIdOf(QStringLiteral("xa"))}));
    // A listed entity alone: itself, no relationships.
    const auto listed = m_model->chainRows(rowOf(QStringLiteral("y")));
    QCOMPARE(listed.entities, QList<qint64>{store.rowIdOf(QStringLiteral("y"))});
    QVERIFY(listed.relationships.isEmpty());
    QVERIFY(m_model->chainRows(99).entities.isEmpty());
}

void ExposureTableModelTest::sharedOwnerExplainedOnce()
{
    // X (listed) owns A wholly; A holds 50% of B and of C; B and C hold 50% each of D. D's text
    // reaches A twice: the second time it says so instead of writing A's owners again.
    GraphFixture f;
    for (const char *id : {"X", "A", "B", "C", "D"}) {
        f.node(QLatin1String(id));
    }
    f.sanction(QStringLiteral("sX"), QStringLiteral("X"));
    f.ownership(QStringLiteral("xa"), QStringLiteral("X"), QStringLiteral("A"), QStringLiteral("100%"));
    f.ownership(QStringLiteral("ab"), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("ac"), QStringLiteral("A"), QStringLiteral("C"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("bd"), QStringLiteral("B"), QStringLiteral("D"), QStringLiteral("50%"));
    f.ownership(QStringLiteral("cd"), QStringLiteral("C"), QStringLiteral("D"), QStringLiteral("50%"));
    auto run = ExposureRun::compute(f.caseFile(), {});
    QVERIFY(run.ok());
    const QStringList lines = run->report.explain(QStringLiteral("D"));
    QCOMPARE(lines.size(), 8);
    QCOMPARE(lines.count(QStringLiteral("        listed by Sanction sX (OFAC; SDN)")), 1);
    QCOMPARE(lines.filter(QStringLiteral("held by A (restricted)")).size(), 2);
    QCOMPARE(lines.last(), QStringLiteral("      … (its owners are shown above)"));
}

void ExposureTableModelTest::sortsNumbersAsNumbers()
{
    ExposureFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model);
    proxy.sort(ExposureTableModel::WorstColumn, Qt::DescendingOrder);
    // 60% before 50% before 25%: numbers, not text ("60%" < "100%" as text would be wrong elsewhere).
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r) {
        order << proxy.index(r, ExposureTableModel::WorstColumn).data().toString();
    }
    QCOMPARE(order.first(), QStringLiteral("60%"));
    for (int r = 1; r < proxy.rowCount(); ++r) {
        QVERIFY(proxy.index(r - 1, ExposureTableModel::WorstColumn).data(ItemDataRole::SortRole).toDouble() >=
                proxy.index(r, ExposureTableModel::WorstColumn).data(ItemDataRole::SortRole).toDouble());
    }
    proxy.sort(ExposureTableModel::VerdictColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, ExposureTableModel::VerdictColumn).data().toString(), QStringLiteral("Listed"));
    QCOMPARE(proxy.index(proxy.rowCount() - 1, ExposureTableModel::VerdictColumn).data().toString(),
             QStringLiteral("Not restricted"));
}

void ExposureTableModelTest::filtersByVerdictAndText()
{
    ExposureFilterModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model);
    QCOMPARE(proxy.rowCount(), 7);
    proxy.setVerdict(ExposureVerdict::Restricted);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setText(QStringLiteral("compon"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("B Components"));
    proxy.setVerdict(std::nullopt);
    proxy.setText(QStringLiteral("  Q  "));
    QCOMPARE(proxy.rowCount(), 1); // "Q Ventures" (caption) — ids are matched too, so only one "q"
    proxy.setText(QStringLiteral("x"));
    QCOMPARE(proxy.rowCount(), 1); // the id "x" and "X Trading"
    proxy.setVerdict(ExposureVerdict::Undetermined);
    proxy.setText({});
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(ItemDataRole::EntityIdRole).toString(), QStringLiteral("u"));
    // A new run (model reset) keeps the filter.
    m_model->setRun(m_model->run());
    QCOMPARE(proxy.rowCount(), 1);
}

void ExposureTableModelTest::csvEscapesFormulas()
{
    // A listed entity whose name a spreadsheet would run as a formula.
    GraphFixture f;
    f.node(QStringLiteral("evil"), QStringLiteral("Company"), QStringLiteral("=HYPERLINK(\"http://x.test\",\"click\")"));
    f.node(QStringLiteral("plus"), QStringLiteral("Company"), QStringLiteral("+Plus Ltd, Shenzhen"));
    f.sanction(QStringLiteral("se"), QStringLiteral("evil"), QStringLiteral("OFAC"), QStringLiteral("@SDN"));
    f.ownership(QStringLiteral("ep"), QStringLiteral("evil"), QStringLiteral("plus"), QStringLiteral("100%"));
    auto run = ExposureRun::compute(f.caseFile(), {});
    QVERIFY(run.ok());
    ExposureTableModel model;
    model.setRun(std::make_shared<const ExposureRun>(std::move(run.value())));
    QCOMPARE(model.rowCount(), 2);
    const QByteArray csv = model.csv({0, 1});
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(csv.mid(3)).split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 4); // header, two rows, the empty rest after the last CRLF
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("Entity,FtM id,Type,Verdict,Best case %")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\",evil,Company,Listed,")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("\"'+Plus Ltd, Shenzhen\",plus,Company,Restricted,100,100,100,100,1")),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(3).isEmpty());
}

void ExposureTableModelTest::listsOfTheCase()
{
    const auto lists = ExposureRun::sanctionLists(m_fixture->caseFile());
    QVERIFY(lists.ok());
    QCOMPARE(lists->authorities, (QStringList{QStringLiteral("Bureau of Industry and Security"), QStringLiteral("OFAC")}));
    QCOMPARE(lists->programs, (QStringList{QStringLiteral("Entity List"), QStringLiteral("SDN")}));
    // The run reports the same lists, and a filter on one program leaves the other listed entity out.
    QCOMPARE(m_model->run()->lists.programs, lists->programs);
    ExposureOptions options;
    options.lists.programs = {QStringLiteral("entity list")};
    auto run = ExposureRun::compute(m_fixture->caseFile(), options);
    QVERIFY(run.ok());
    QCOMPARE(run->report.verdict(QStringLiteral("x")), ExposureVerdict::NotRestricted);
    QCOMPARE(run->report.verdict(QStringLiteral("y")), ExposureVerdict::Listed);
    QCOMPARE(run->report.verdict(QStringLiteral("b")), ExposureVerdict::NotRestricted);
}

void ExposureTableModelTest::cancelledBeforeNaming()
{
    std::atomic_bool cancelled = false;
    QList<ExposureRun::Stage> stages;
    auto run = ExposureRun::compute(m_fixture->caseFile(), {}, &cancelled, [&](ExposureRun::Stage s) {
        stages << s;
        if (s == ExposureRun::Stage::Computing) {
            cancelled = true;
        }
    });
    QVERIFY(!run.ok());
    QCOMPARE(run.error().message, QStringLiteral("cancelled"));
    QCOMPARE(stages, (QList<ExposureRun::Stage>{ExposureRun::Stage::Reading, ExposureRun::Stage::Computing}));
}

void ExposureTableModelTest::timingOnALargeCase()
{
    // A measurement, not a check: CASEGRAPH_EXPOSURE_CASE=FILE times what Run does on the worker
    // (ExposureRun::compute) and what the GUI thread does with the result (setRun, a sort).
    const QString path = qEnvironmentVariable("CASEGRAPH_EXPOSURE_CASE");
    if (path.isEmpty()) {
        QSKIP("set CASEGRAPH_EXPOSURE_CASE to a case file to time a run");
    }
    CaseFile caseFile;
    QVERIFY(caseFile.open(path, CaseFile::OpenMode::ReadOnly).ok());
    QElapsedTimer timer;
    timer.start();
    QMap<ExposureRun::Stage, qint64> started;
    auto run = ExposureRun::compute(caseFile, {}, nullptr, [&](ExposureRun::Stage s) { started[s] = timer.elapsed(); });
    const qint64 total = timer.elapsed();
    QVERIFY(run.ok());
    const qsizetype rows = run->entries.size();
    timer.restart();
    m_tester.reset();
    m_model->setRun(std::make_shared<const ExposureRun>(std::move(run.value())));
    ExposureFilterModel proxy;
    proxy.setSourceModel(m_model);
    proxy.sort(ExposureTableModel::WorstColumn, Qt::DescendingOrder);
    const qint64 gui = timer.elapsed();
    qInfo("exposure run: %lld ms (projection %lld, rule and entries %lld, captions %lld); %lld rows; "
          "setRun + sort on the GUI thread %lld ms",
          total, started[ExposureRun::Stage::Computing] - started[ExposureRun::Stage::Reading],
          started[ExposureRun::Stage::Naming] - started[ExposureRun::Stage::Computing],
          total - started[ExposureRun::Stage::Naming], qint64(rows), gui);
    // The explanation of the rows with the most stakes (what a click on them costs).
    proxy.sort(ExposureTableModel::StakesColumn, Qt::DescendingOrder);
    qint64 slowest = 0;
    qsizetype longest = 0;
    for (int r = 0; r < std::min(20, proxy.rowCount()); ++r) {
        timer.restart();
        longest = std::max(longest, m_model->explanation(proxy.mapToSource(proxy.index(r, 0)).row()).size());
        slowest = std::max(slowest, timer.elapsed());
    }
    qInfo("explanation of the 20 rows with most stakes: slowest %lld ms, longest %lld lines", slowest, qint64(longest));
}

QTEST_GUILESS_MAIN(ExposureTableModelTest)
#include "exposuretablemodel_test.moc"

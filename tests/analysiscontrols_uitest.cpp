// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysis/analysiscontrols.h"
#include "analysis/exposuredock.h"
#include "analysis/pathsdock.h"
#include "entitypicker.h"
#include "mainwindow.h"
#include "recentfiles.h"

#include "demo/democase.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "support/testsupport.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

/// The controls both analysis docks share, in the main window on the demo case: the ownership
/// threshold is one setting, so every open threshold box shows a change made in another.
class AnalysisControlsUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thresholdBoxesFollowEachOther();

private:
    /// Types `value` into `box` as a user does (select all, type, Enter).
    static void typeValue(QDoubleSpinBox *box, const QString &value);

    QTemporaryDir m_dir;
};

void AnalysisControlsUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("exposure"));
}

void AnalysisControlsUiTest::typeValue(QDoubleSpinBox *box, const QString &value)
{
    box->setFocus();
    QTest::keyClick(box, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(box, value);
    QTest::keyClick(box, Qt::Key_Return);
}

void AnalysisControlsUiTest::thresholdBoxesFollowEachOther()
{
    const QString path = m_dir.filePath(QStringLiteral("demo.casegraph"));
    {
        CaseFile demo;
        QVERIFY(demo.create(path).ok());
        QVERIFY(DemoCase::write(demo).ok());
    }
    RecentFiles recent;
    MainWindow window(&recent);
    window.setInteractive(false);
    window.setLayoutPersistence(false);
    QVERIFY(window.openCase(path).ok());
    window.show();
    QVERIFY(window.waitUntilLoaded(5000));

    // Both docks open: the diversion search with the ownership rule, and the exposure table, each
    // run once at the saved 50%.
    window.showEntity(window.caseFile()->entities().rowIdOf(QStringLiteral("demo-thermo-fisher")));
    PathsDock *paths = window.pathsDock();
    paths->diversionAction()->trigger();
    QVERIFY(paths->isVisible());
    paths->ownershipRuleCheck()->setChecked(true);
    ExposureDock *exposure = window.exposureDock();
    exposure->showAction()->trigger();
    QVERIFY(exposure->isVisible());
    QDoubleSpinBox *pathsBox = paths->thresholdBox();
    QDoubleSpinBox *exposureBox = exposure->thresholdBox();
    QCOMPARE(pathsBox->value(), 50.0);
    QCOMPARE(exposureBox->value(), 50.0);

    QSignalSpy pathsEnded(paths, &PathsDock::searchEnded);
    QVERIFY(paths->run());
    QVERIFY(pathsEnded.wait(8000));
    QVERIFY2(paths->statusText().endsWith(QStringLiteral(" · ownership rule at 50%")), qPrintable(paths->statusText()));
    QSignalSpy exposureEnded(exposure, &ExposureDock::runEnded);
    QTest::mouseClick(exposure->runButton(), Qt::LeftButton);
    QVERIFY(exposureEnded.wait(10000));
    QVERIFY2(exposure->countsLabel()->text().contains(QStringLiteral("threshold 50%")),
             qPrintable(exposure->countsLabel()->text()));

    // The user types 25 in the Exposure dock: the Paths dock's box shows it at once, the setting
    // holds it, and no signal goes round in a loop.
    QSignalSpy pathsChanged(pathsBox, &QDoubleSpinBox::valueChanged);
    QSignalSpy exposureChanged(exposureBox, &QDoubleSpinBox::valueChanged);
    exposure->raise();
    typeValue(exposureBox, QStringLiteral("25"));
    QCOMPARE(exposureBox->value(), 25.0);
    QCOMPARE(pathsBox->value(), 25.0);
    QCOMPARE(pathsBox->text(), QStringLiteral("25.0 %"));
    QCOMPARE(QSettings().value(QStringLiteral("exposure/threshold")).toDouble(), 25.0);
    // The follower took each value typed once ("2", then "25"); Enter made the leader announce 25
    // again, which changed nothing in the follower.
    QList<double> followed;
    for (const QList<QVariant> &change : std::as_const(pathsChanged)) {
        followed << change.at(0).toDouble();
    }
    QCOMPARE(followed, (QList<double>{2.0, 25.0}));
    QCOMPARE(exposureChanged.last().at(0).toDouble(), 25.0);
    // The results on screen still say which threshold they were computed with.
    QVERIFY2(exposure->countsLabel()->text().contains(QStringLiteral("threshold 50%")),
             qPrintable(exposure->countsLabel()->text()));
    QVERIFY2(paths->statusText().endsWith(QStringLiteral(" · ownership rule at 50%")), qPrintable(paths->statusText()));
    paths->raise();
    Casegraph::Tests::saveShot(window.grab(), QStringLiteral("analysis-threshold-paths.png"));
    exposure->raise();
    Casegraph::Tests::saveShot(window.grab(), QStringLiteral("analysis-threshold-exposure.png"));

    // And the other way round: the Paths dock's box leads, the Exposure dock's follows.
    paths->raise();
    typeValue(pathsBox, QStringLiteral("75.5"));
    QCOMPARE(pathsBox->value(), 75.5);
    QCOMPARE(exposureBox->value(), 75.5);
    QCOMPARE(exposureBox->text(), QStringLiteral("75.5 %"));
    QCOMPARE(QSettings().value(QStringLiteral("exposure/threshold")).toDouble(), 75.5);
    // The next runs use the threshold shown.
    QVERIFY(paths->run());
    QVERIFY(pathsEnded.wait(8000));
    QVERIFY2(paths->statusText().endsWith(QStringLiteral(" · ownership rule at 75.5%")), qPrintable(paths->statusText()));
    QCOMPARE(exposure->options().threshold, 75.5);

    // A box made later (a dock opened afterwards) starts from the setting, and follows too.
    auto *later = AnalysisControls::thresholdSpinBox(nullptr);
    QCOMPARE(later->value(), 75.5);
    exposureBox->setValue(60);
    QCOMPARE(later->value(), 60.0);
    QCOMPARE(pathsBox->value(), 60.0);
    delete later;
    exposureBox->setValue(50); // a box gone is no longer told
    QCOMPARE(pathsBox->value(), 50.0);
    QCOMPARE(QSettings().value(QStringLiteral("exposure/threshold")).toDouble(), 50.0);
}

QTEST_MAIN(AnalysisControlsUiTest)
#include "analysiscontrols_uitest.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/caseeditor.h"
#include "demo/democase.h"
#include "entitiesdock.h"
#include "inspectordock.h"
#include "mainwindow.h"
#include "recentfiles.h"
#include "screening/duplicatesdialog.h"
#include "screening/referencelistsdialog.h"
#include "screening/screeningactions.h"
#include "screening/screeningdialog.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/mergestore.h"
#include "storage/referenceliststore.h"
#include "support/testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using namespace Casegraph::Models;
using namespace Casegraph::Ui;

namespace {
// CASEGRAPH_SCREENSHOT_DIR=/tmp/x saves what the dialogs look like, for a person to review.
void keepScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CASEGRAPH_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
}
} // namespace

/// Analysis → Reference Lists…, Screen… and Find Duplicates…, and Edit → Split Merged Entity, on
/// the demo case in the real main window (offscreen).
class ScreeningUiTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void menusAndShortcuts();
    void loadListShowsTheChanges();
    void screenAcceptRejectUndo();
    void duplicatesMergeAndSplit();

private:
    ReferenceListsDialog *loadList(const QString &path, const QString &name);

    QTemporaryDir m_dir;
    QString m_pristine;
    std::unique_ptr<RecentFiles> m_recent;
    std::unique_ptr<MainWindow> m_window;
};

void ScreeningUiTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_pristine = m_dir.filePath(QStringLiteral("pristine.casegraph"));
    CaseFile cf;
    QVERIFY(cf.create(m_pristine).ok());
    QVERIFY(DemoCase::write(cf).ok());
}

void ScreeningUiTest::init()
{
    static int n = 0;
    const QString copy = m_dir.filePath(QStringLiteral("case-%1.casegraph").arg(++n));
    QVERIFY(QFile::copy(m_pristine, copy));
    m_recent = std::make_unique<RecentFiles>();
    m_window = std::make_unique<MainWindow>(m_recent.get());
    m_window->setInteractive(false);
    m_window->setLayoutPersistence(false);
    QVERIFY(m_window->openCase(copy).ok());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void ScreeningUiTest::cleanup()
{
    m_window.reset();
    m_recent.reset();
}

ReferenceListsDialog *ScreeningUiTest::loadList(const QString &path, const QString &name)
{
    ReferenceListsDialog *dialog = m_window->screeningActions()->showLists();
    if (!dialog) {
        return nullptr;
    }
    QSignalSpy done(dialog, &ReferenceListsDialog::loadFinished);
    dialog->loadFile(path, name);
    if (!done.wait(10000)) {
        return nullptr;
    }
    return dialog;
}

void ScreeningUiTest::menusAndShortcuts()
{
    QMenu *analysis = nullptr;
    for (QAction *a : m_window->menuBar()->actions()) {
        if (a->text() == QLatin1String("&Analysis")) {
            analysis = a->menu();
        }
    }
    QVERIFY(analysis);
    QStringList texts;
    for (QAction *a : analysis->actions()) {
        texts << a->text();
    }
    QVERIFY(texts.contains(QStringLiteral("&Screen…")));
    QVERIFY(texts.contains(QStringLiteral("&Reference Lists…")));
    QVERIFY(texts.contains(QStringLiteral("Find &Duplicates…")));
    auto *actions = m_window->screeningActions();
    QCOMPARE(actions->screenAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    QVERIFY(actions->screenAction()->isEnabled());
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // The shortcut opens the dialog; with no list loaded it says what to do.
    QTest::keyClick(m_window.get(), Qt::Key_S, Qt::ControlModifier | Qt::AltModifier);
    auto *dialog = m_window->findChild<ScreeningDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Reference Lists")));
    QVERIFY(!actions->splitAction()->isEnabled());
}

void ScreeningUiTest::loadListShowsTheChanges()
{
    const QString list = Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json"));
    ReferenceListsDialog *dialog = loadList(list, QStringLiteral("Entity List"));
    QVERIFY(dialog);
    QCOMPARE(dialog->listView()->topLevelItemCount(), 1);
    QCOMPARE(dialog->listView()->topLevelItem(0)->text(0), QStringLiteral("Entity List"));
    QCOMPARE(dialog->listView()->topLevelItem(0)->text(2), QStringLiteral("12"));
    QVERIFY(dialog->changesView()->toPlainText().contains(QStringLiteral("First version")));

    // A second version without two entries.
    QFile original(list);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray v2;
    for (const QByteArray &line : original.readAll().split('\n')) {
        if (!line.contains("el-yitu") && !line.contains("el-meiya") && !line.isEmpty()) {
            v2 += line + '\n';
        }
    }
    const QString v2path = m_dir.filePath(QStringLiteral("v2.json"));
    QFile out(v2path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(v2);
    out.close();
    QVERIFY(loadList(v2path, QStringLiteral("Entity List")));
    const QString changes = dialog->changesView()->toPlainText();
    QVERIFY2(changes.contains(QStringLiteral("Removed (2):")), qPrintable(changes));
    QVERIFY(changes.contains(QStringLiteral("Shanghai Yitu Network Technology Co., Ltd. [el-yitu]")));
    QCOMPARE(dialog->listView()->topLevelItem(0)->childCount(), 1); // the earlier version
    QCOMPARE(dialog->listView()->topLevelItem(0)->text(4), QStringLiteral("2"));
    keepScreenshot(dialog, QStringLiteral("reference-lists"));
}

void ScreeningUiTest::screenAcceptRejectUndo()
{
    QVERIFY(loadList(Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/screening/entity-list-test.ftm.json")),
                     QStringLiteral("Entity List")));
    ScreeningDialog *dialog = m_window->screeningActions()->showScreening();
    QVERIFY(dialog);
    QCOMPARE(dialog->listChooser()->count(), 1);
    QCOMPARE(dialog->thresholdBox()->value(), 0.72);
    QSignalSpy finished(dialog, &ScreeningDialog::screeningFinished);
    QTest::mouseClick(dialog->screenButton(), Qt::LeftButton);
    if (finished.isEmpty()) {
        QVERIFY(finished.wait(20000));
    }
    QVERIFY2(dialog->resultModel()->rowCount() >= 3, qPrintable(dialog->statusLabel()->text()));
    int hikvision = -1;
    for (int r = 0; r < dialog->resultModel()->rowCount(); ++r) {
        if (dialog->resultModel()->item(r, ScreeningDialog::EntityColumn)->text() == QLatin1String("Hikvision")) {
            hikvision = r;
        }
    }
    QVERIFY(hikvision >= 0);
    QCOMPARE(dialog->resultModel()->item(hikvision, ScreeningDialog::EntryColumn)->text(),
             QStringLiteral("Hangzhou Hikvision Digital Technology Co., Ltd."));
    QCOMPARE(dialog->resultModel()->item(hikvision, ScreeningDialog::DecisionColumn)->text(), QStringLiteral("open"));
    QVERIFY(!dialog->resultModel()->item(hikvision, ScreeningDialog::ExplanationColumn)->text().isEmpty());

    keepScreenshot(dialog, QStringLiteral("screening"));
    // Accept by keyboard (focus on the button, Space), then undo from the main window's stack, then reject.
    dialog->resultView()->selectRow(hikvision);
    QVERIFY(dialog->acceptButton()->isEnabled());
    QVERIFY(!dialog->undoButton()->isEnabled()); // no decision yet
    dialog->acceptButton()->setFocus();
    QTest::keyClick(dialog->acceptButton(), Qt::Key_Space);
    CaseFile &cf = *m_window->caseFile();
    QCOMPARE(cf.referenceLists().acceptedMatches().size(), 1);
    QVERIFY(dialog->resultModel()->item(hikvision, ScreeningDialog::DecisionColumn)->text().startsWith(QStringLiteral("accepted")));
    QVERIFY(dialog->undoButton()->isEnabled());
    m_window->editor()->undoStack()->undo();
    QVERIFY(!dialog->undoButton()->isEnabled());
    QVERIFY(cf.referenceLists().decisions().isEmpty());
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->resultModel()->item(hikvision, ScreeningDialog::DecisionColumn)->text(), QStringLiteral("open"));
    dialog->resultView()->selectRow(hikvision);
    QTest::mouseClick(dialog->rejectButton(), Qt::LeftButton);
    QCOMPARE(cf.referenceLists().decisions().size(), 1);
    QCOMPARE(cf.referenceLists().decisions().first().decision, ScreeningDecision::Kind::Rejected);
    QCOMPARE(cf.referenceLists().runs().size(), 1);
    QCOMPARE(cf.referenceLists().runs().first().threshold, 0.72);
}

void ScreeningUiTest::duplicatesMergeAndSplit()
{
    CaseFile &cf = *m_window->caseFile();
    // A second Hikvision, as an import of a company register would bring it.
    const auto prov = cf.addProvenance(Provenance::Kind::Import, QStringLiteral("register.json"));
    Entity copy;
    copy.id = QStringLiteral("register-hikvision");
    copy.schema = QStringLiteral("Company");
    copy.add(QStringLiteral("name"), QStringLiteral("HIKVISION"));
    copy.add(QStringLiteral("jurisdiction"), QStringLiteral("cn"));
    const qint64 copyRow = *cf.entities().create(copy, *prov);

    DuplicatesDialog *dialog = m_window->screeningActions()->showDuplicates();
    QVERIFY(dialog);
    if (dialog->isSearching()) {
        QSignalSpy done(dialog, &DuplicatesDialog::searchFinished);
        QVERIFY(done.wait(20000));
    }
    int row = -1;
    for (int i = 0; i < dialog->pairs().size(); ++i) {
        if (dialog->pairs().at(i).second == copyRow) {
            row = i;
        }
    }
    QVERIFY(row >= 0);
    dialog->pairList()->setCurrentRow(row);
    const qint64 kept = dialog->pairs().at(row).first;
    QVERIFY(dialog->leftView()->topLevelItemCount() > 1);
    QCOMPARE(dialog->rightView()->topLevelItem(1)->text(1), QStringLiteral("HIKVISION"));
    QVERIFY(dialog->rightView()->topLevelItem(1)->text(2).contains(QStringLiteral("register.json")));
    keepScreenshot(dialog, QStringLiteral("duplicates"));
    QVERIFY(dialog->mergeCurrent(true));
    QVERIFY(!cf.entities().entity(copyRow));
    QVERIFY(cf.entities().entity(kept)->valuesOf(QStringLiteral("name")).contains(QStringLiteral("HIKVISION")));

    // Edit → Split Merged Entity on the kept entity restores both.
    m_window->showEntity(kept);
    auto *actions = m_window->screeningActions();
    actions->update();
    QVERIFY(actions->splitAction()->isEnabled());
    actions->splitAction()->trigger();
    QVERIFY(cf.entities().entity(copyRow));
    QCOMPARE(cf.entities().entity(copyRow)->id, QStringLiteral("register-hikvision"));
    QVERIFY(!cf.entities().entity(kept)->valuesOf(QStringLiteral("name")).contains(QStringLiteral("HIKVISION")));
    QVERIFY(cf.merges().merges(kept).isEmpty());
    // Undo of the split merges them again.
    m_window->editor()->undoStack()->undo();
    QVERIFY(!cf.entities().entity(copyRow));
}

QTEST_MAIN(ScreeningUiTest)
#include "screening_uitest.moc"

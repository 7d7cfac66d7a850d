// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Tests;

/// `casegraph-cli search` finds notes and leads as well as names and passages, in text and
/// JSON; `casegraph-cli info` counts tags and leads. Runs the real executable on the demo case.
class NotesCliTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void searchFindsNotesAndLeads();
    void infoCountsLeadsAndTags();

private:
    ProcessResult cli(const QStringList &args) const { return run(QStringLiteral(CASEGRAPH_CLI), args); }
    QTemporaryDir m_dir;
    QString m_case;
};

void NotesCliTest::initTestCase()
{
    m_case = m_dir.filePath(QStringLiteral("demo.casegraph"));
    const auto r = cli({QStringLiteral("demo"), m_case});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void NotesCliTest::searchFindsNotesAndLeads()
{
    // A demo note explains that an entity is a placeholder for unnamed companies.
    auto r = cli({QStringLiteral("search"), m_case, QStringLiteral("placeholder"), QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray hits = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("hits")).toArray();
    QJsonObject note;
    for (const auto &h : hits) {
        if (h.toObject().value(QLatin1String("kind")).toString() == QLatin1String("note")) {
            note = h.toObject();
        }
    }
    QVERIFY2(!note.isEmpty(), qPrintable(r.out));
    QVERIFY(note.value(QLatin1String("snippet")).toString().contains(QLatin1String("[Placeholder]")));
    QVERIFY(note.value(QLatin1String("noteId")).toInteger() > 0);
    QCOMPARE(note.value(QLatin1String("target")).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("entity"));

    r = cli({QStringLiteral("search"), m_case, QStringLiteral("resold")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QLatin1String("\nlead\t")) || r.out.startsWith(QLatin1String("lead\t")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("note\t")), qPrintable(r.out));
}

void NotesCliTest::infoCountsLeadsAndTags()
{
    const auto r = cli({QStringLiteral("info"), m_case, QStringLiteral("--json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject info = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(info.value(QLatin1String("leads")).toInteger(), 4);
    QCOMPARE(info.value(QLatin1String("openLeads")).toInteger(), 3);
    QCOMPARE(info.value(QLatin1String("tags")).toInteger(), 2);
    QCOMPARE(info.value(QLatin1String("taggings")).toInteger(), 25);
    QVERIFY(info.value(QLatin1String("notes")).toInteger() > 50);
    const auto text = cli({QStringLiteral("info"), m_case});
    QVERIFY(text.out.contains(QLatin1String("3 open")));
}

QTEST_MAIN(NotesCliTest)
#include "notescli_test.moc"

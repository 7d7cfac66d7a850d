// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/ftmreader.h"
#include "io/importjob.h"
#include "io/pipelinedreader.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

/// What a reader hands out, record by record, as a caller sees it.
struct Seen {
    RecordReader::Step step;
    QString id;
    int values = 0;
    qint64 line = 0;
    QString error;
    bool operator==(const Seen &) const = default;
};

QList<Seen> drain(RecordReader &reader)
{
    QList<Seen> out;
    Entity e;
    for (;;) {
        const auto step = reader.next(e);
        Seen s{step, {}, 0, reader.line(), {}};
        if (step == RecordReader::Step::Entity) {
            s.id = e.id;
            s.values = int(e.values.size());
        } else if (step != RecordReader::Step::End) {
            s.error = reader.error().toString();
        }
        out << s;
        if (step == RecordReader::Step::End || step == RecordReader::Step::Failed) {
            return out;
        }
    }
}

} // namespace

/// The import's read-ahead thread must be invisible: same records, lines and errors, in order.
class PipelinedReaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // More records than one hand-over batch holds, with a bad line deep inside.
        QFile f(m_dir.filePath(QStringLiteral("people.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 3000; ++i) {
            if (i == 2345) {
                f.write("{\"id\": \"broken\", \"schema\": \"Person\", \"properties\": {\"name\": [\"x\"]\n");
                continue;
            }
            f.write(QStringLiteral("{\"id\":\"p%1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person %1\"],"
                                   "\"nationality\":[\"cn\"]}}\n")
                        .arg(i)
                        .toUtf8());
        }
        m_path = f.fileName();
    }

    void sameRecordsLinesAndErrors_data()
    {
        QTest::addColumn<bool>("lenient");
        QTest::newRow("strict") << false;
        QTest::newRow("lenient") << true;
    }

    void sameRecordsLinesAndErrors()
    {
        QFETCH(bool, lenient);
        const auto mode = lenient ? FtmReader::Mode::Lenient : FtmReader::Mode::Strict;
        FtmReader direct(mode);
        QVERIFY(direct.open(m_path));
        const auto expected = drain(direct);

        PipelinedReader piped(std::make_unique<FtmReader>(mode));
        QVERIFY(piped.open(m_path));
        const auto got = drain(piped);
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got == expected);
        if (lenient) {
            QCOMPARE(got.last().step, RecordReader::Step::End);
            QCOMPARE(got.size(), 3001);
        } else {
            // Strict: the bad line ends the read, and its number is the file's line.
            QCOMPARE(got.last().step, RecordReader::Step::Failed);
            QCOMPARE(got.last().line, 2345);
            QVERIFY(got.last().error.contains(QLatin1String(":2345")));
        }
        QCOMPARE(piped.bytesTotal(), QFileInfo(m_path).size());
    }

    void openErrorComesAtOnce()
    {
        PipelinedReader piped(std::make_unique<FtmReader>());
        const auto st = piped.open(m_dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(!st);
    }

    void stoppingEarlyDoesNotHang()
    {
        // The import stops after the first record (a cancel): destroying the reader must join
        // a producer that is blocked on a full queue.
        PipelinedReader piped(std::make_unique<FtmReader>(FtmReader::Mode::Lenient));
        QVERIFY(piped.open(m_path));
        Entity e;
        QCOMPARE(piped.next(e), RecordReader::Step::Entity);
        QCOMPARE(e.id, QStringLiteral("p1"));
        QTest::qWait(50); // let the producer fill the queue and block
    }

    void largeImportThroughThePipelineLeavesTheCaseWholeOnError()
    {
        // Above the pipeline's size threshold; strict mode fails at the bad line and rolls back.
        QFile big(m_dir.filePath(QStringLiteral("big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray pad(2000, 'a');
        for (int i = 1; i <= 3000; ++i) {
            big.write(QStringLiteral("{\"id\":\"b%1\",\"schema\":\"Note\",\"properties\":{\"description\":[\"")
                          .arg(i)
                          .toUtf8() +
                      pad + "\"]}}\n");
        }
        big.write("{\"id\":\"bad\",\"schema\":\"NoSuchSchema\",\"properties\":{}}\n");
        big.close();
        QVERIFY(big.size() > 4 * 1024 * 1024);

        CaseFile cf;
        QVERIFY(cf.create(m_dir.filePath(QStringLiteral("case.casegraph"))));
        const auto result = ImportJob::run(cf, big.fileName(), {});
        QVERIFY(!result);
        QCOMPARE(result.error().line, 3001);
        QCOMPARE(cf.entities().count(), 0);

        ImportOptions lenient;
        lenient.lenient = true;
        const auto ok = ImportJob::run(cf, big.fileName(), lenient);
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
        QCOMPARE(ok->created, 3000);
        QCOMPARE(ok->rejected.size(), 1);
        QCOMPARE(cf.entities().count(), 3000);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(PipelinedReaderTest)
#include "pipelinedreader_test.moc"

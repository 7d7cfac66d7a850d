// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Casegraph::Models;

namespace {
/// "A few seconds" on a loaded machine (the suite runs two tests at a time on two cores); the
/// 100 MB files get longer, being read once at disk speed. A hang or an expansion takes minutes.
constexpr qint64 TimeLimitMs = 5000;
constexpr qint64 HugeTimeLimitMs = 20000;

bool writeFile(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

QByteArray billionLaughs(const QByteArray &root, const QByteArray &body) {
    QByteArray dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY lol \"lol\">\n";
    QByteArray prev = "lol";
    for (int i = 1; i <= 9; ++i) {
        const QByteArray name = "lol" + QByteArray::number(i);
        QByteArray value;
        for (int j = 0; j < 10; ++j) {
            value += "&" + prev + ";";
        }
        dtd += "<!ENTITY " + name + " \"" + value + "\">\n";
        prev = name;
    }
    dtd += "]>\n";
    QByteArray out = dtd + body;
    out.replace("@ENTITY@", "&lol9;");
    return out;
}

QByteArray externalEntity(const QByteArray &root, const QByteArray &body, const QString &secret) {
    QByteArray out = "<?xml version=\"1.0\"?>\n<!DOCTYPE " + root + " [\n<!ENTITY xxe SYSTEM \"file://" +
                     secret.toUtf8() + "\">\n]>\n" + body;
    out.replace("@ENTITY@", "&xxe;");
    return out;
}

const QByteArray GraphmlBody = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
                               "<key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
                               "<graph edgedefault=\"directed\"><node id=\"a\"><data key=\"n\">@ENTITY@</data></node>"
                               "</graph></graphml>\n";
const QByteArray GexfBody = "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\"><graph><nodes>"
                            "<node id=\"a\" label=\"@ENTITY@\"/></nodes></graph></gexf>\n";
const QByteArray OfacBody = "<sdnList xmlns=\"http://tempuri.org/sdnList.xsd\"><publshInformation><Publish_Date>"
                            "01/01/2020</Publish_Date></publshInformation><sdnEntry><uid>1</uid><lastName>@ENTITY@"
                            "</lastName><sdnType>Entity</sdnType></sdnEntry></sdnList>\n";
const QByteArray UnBody = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>@ENTITY@"
                          "</FIRST_NAME><REFERENCE_NUMBER>QDi.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>"
                          "</CONSOLIDATED_LIST>\n";
/// One timed import into the case, with the case's counts before and after.
struct Attempt {
    std::optional<Result<ImportResult>> result;
    qint64 ms = 0;
    CaseInfo before;
    CaseInfo after;
};

Attempt attempt(const QString &casePath, const QString &path, const QString &format) {
    Attempt a;
    CaseFile c;
    if (!c.open(casePath)) {
        return a;
    }
    a.before = c.info();
    ImportOptions options;
    options.format = format;
    QElapsedTimer clock;
    clock.start();
    a.result = ImportJob::run(c, path, options);
    a.ms = clock.elapsed();
    a.after = c.info();
    return a;
}
} // namespace

/// Hostile and broken files through the real importers: each gives a clear error naming the
/// file (and the line where that makes sense) within a few seconds, never a crash or a hang,
/// and the case stays as it was. XML entities are never fetched from outside, and nested entity
/// definitions (billion laughs) are refused instead of expanded.
class HostileInputTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void utf16WithoutBom();
    void externalEntitiesAreNotRead_data();
    void externalEntitiesAreNotRead();

private:
    QTemporaryDir m_dir;
    QString m_case;
    QString m_secret;
};

void HostileInputTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_case = m_dir.filePath(QStringLiteral("hostile.casegraph"));
    CaseFile c;
    QVERIFY(c.create(m_case).ok());
    const qint64 prov = *c.addProvenance(Provenance::Kind::Import, QStringLiteral("seed"));
    Entity e;
    e.schema = QStringLiteral("Company");
    e.id = QStringLiteral("seed");
    e.add(QStringLiteral("name"), QStringLiteral("Seed Ltd"));
    QVERIFY(c.entities().create(e, prov).ok());
    m_secret = m_dir.filePath(QStringLiteral("secret.txt"));
    QVERIFY(writeFile(m_secret, "TOPSECRET-CONTENT"));
}

void HostileInputTest::refused_data() {
    QTest::addColumn<QString>("format"); // empty: detect
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("namesLine");

    // 100 MB in one line, looking like the start of an FtM entity.
    QByteArray huge = "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"";
    huge += QByteArray(100 * 1024 * 1024, 'a');
    huge += "\"]}}\n";
    QTest::newRow("huge-line-ftm") << "ftm" << "huge.json" << huge << true;
    huge.clear();
    QByteArray hugeCell = "id,schema,name\np1,Person,";
    hugeCell += QByteArray(100 * 1024 * 1024, 'a');
    QTest::newRow("huge-line-csv") << "csv" << "huge.csv" << hugeCell << true;
    hugeCell.clear();

    const QByteArray deep = QByteArray(100000, '[') + QByteArray(100000, ']') + "\n";
    const QByteArray deepObject = "{\"a\":" + QByteArray(100000, '[') + QByteArray(100000, ']') + "}\n";
    QTest::newRow("deep-json-ftm") << "ftm" << "deep.json" << deepObject << true;
    QTest::newRow("deep-json-detect") << "" << "deep.json" << deep << false;
    QTest::newRow("deep-json-ocds") << "ocds" << "deep.json" << deepObject << false;
    QTest::newRow("deep-json-bods") << "bods" << "deep.json" << deep << false;
    QTest::newRow("deep-json-bis") << "bis-json" << "deep.json" << deepObject << false;

    QByteArray random(1024 * 1024, Qt::Uninitialized);
    QRandomGenerator gen(42);
    gen.fillRange(reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
    for (const char *f : {"", "ftm", "csv", "gexf", "graphml", "ocds", "bods", "csl", "ofac-csv", "ofac-xml", "un-xml",
                          "bis-json", "html", "pdf", "text"}) {
        QTest::newRow(qPrintable(QStringLiteral("binary-%1").arg(*f ? QString::fromLatin1(f) : QStringLiteral("detect"))))
            << QString::fromLatin1(f) << "random.bin" << random << false;
    }

    QTest::newRow("truncated-ftm") << "ftm" << "cut.json"
                                   << QByteArray("{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n"
                                                 "{\"id\":\"p2\",\"schema\":\"Person\",\"prop")
                                   << true;
    QTest::newRow("truncated-csv") << "csv" << "cut.csv" << QByteArray("id,schema,name\np1,Person,\"Ann") << true;
    QTest::newRow("truncated-gexf") << "gexf" << "cut.gexf"
                                    << QByteArray("<?xml version=\"1.0\"?><gexf xmlns=\"http://gexf.net/1.3\"><graph>"
                                                  "<nodes><node id=\"a\" label=\"A\"/><node id=")
                                    << true;
    QTest::newRow("truncated-graphml") << "graphml" << "cut.graphml" << GraphmlBody.left(GraphmlBody.size() / 2) << true;
    QTest::newRow("truncated-ofac-xml") << "ofac-xml" << "cut.xml" << OfacBody.left(OfacBody.size() - 30) << true;
    QTest::newRow("truncated-ocds") << "ocds" << "cut.json"
                                    << QByteArray("{\"uri\":\"x\",\"releases\":[{\"ocid\":\"ocds-1\",\"id\":\"1\",\"tag\":[")
                                    << false;
    QTest::newRow("truncated-pdf") << "pdf" << "cut.pdf" << QByteArray("%PDF-1.4\n1 0 obj\n<< /Type /Catalog") << false;

    QTest::newRow("billion-laughs-graphml") << "graphml" << "laughs.graphml" << billionLaughs("graphml", GraphmlBody)
                                            << false;
    QTest::newRow("billion-laughs-gexf") << "gexf" << "laughs.gexf" << billionLaughs("gexf", GexfBody) << false;
    QTest::newRow("billion-laughs-ofac") << "ofac-xml" << "laughs.xml" << billionLaughs("sdnList", OfacBody) << false;
    QTest::newRow("billion-laughs-un") << "un-xml" << "laughs.xml" << billionLaughs("CONSOLIDATED_LIST", UnBody)
                                       << false;
    QTest::newRow("billion-laughs-detect") << "" << "laughs.graphml" << billionLaughs("graphml", GraphmlBody) << false;

}

void HostileInputTest::refused() {
    QFETCH(QString, format);
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, namesLine);
    const QString path = m_dir.filePath(name);
    QVERIFY(writeFile(path, bytes));
    const qint64 limit = bytes.size() > 50 * 1024 * 1024 ? HugeTimeLimitMs : TimeLimitMs;
    bytes.clear();

    const Attempt a = attempt(m_case, path, format);
    QVERIFY(a.result);
    QVERIFY2(!a.result->ok(), "the import should have failed");
    const Error &e = a.result->error();
    qInfo().noquote() << QTest::currentDataTag() << a.ms << "ms:" << e.toString().left(200);
    QVERIFY2(a.ms < limit, qPrintable(QStringLiteral("took %1 ms").arg(a.ms)));
    QCOMPARE(e.file, path);
    QVERIFY(!e.message.isEmpty());
    if (namesLine) {
        QVERIFY2(e.line > 0, qPrintable(e.toString()));
    }
    QCOMPARE(a.after.entities, a.before.entities);
    QCOMPARE(a.after.values, a.before.values);
    QFile::remove(path);
}

void HostileInputTest::utf16WithoutBom() {
    // FtM JSON lines must be UTF-8: the error says what the file looks like.
    const QString line = QStringLiteral("{\"id\":\"u1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Ann\"]}}\n");
    const QString json = m_dir.filePath(QStringLiteral("utf16.json"));
    QVERIFY(writeFile(json, QByteArray(reinterpret_cast<const char *>(line.utf16()), line.size() * 2)));
    const Attempt a = attempt(m_case, json, QStringLiteral("ftm"));
    QVERIFY(a.result && !a.result->ok());
    QVERIFY2(a.result->error().message.contains(QLatin1String("UTF-16")), qPrintable(a.result->error().toString()));
    QCOMPARE(a.result->error().line, qint64(1));

    // A CSV table in UTF-16 without a byte order mark is recognised by its NUL pattern and read.
    const QString table = QStringLiteral("id,schema,name\nu2,Person,Zoë Ngô\n");
    const QString csv = m_dir.filePath(QStringLiteral("utf16.csv"));
    QVERIFY(writeFile(csv, QByteArray(reinterpret_cast<const char *>(table.utf16()), table.size() * 2)));
    const Attempt b = attempt(m_case, csv, QString());
    QVERIFY(b.result);
    QVERIFY2(b.result->ok(), qPrintable(b.result->ok() ? QString() : b.result->error().toString()));
    CaseFile c;
    QVERIFY(c.open(m_case, CaseFile::OpenMode::ReadOnly).ok());
    QCOMPARE(c.entities().entityById(QStringLiteral("u2"))->first(QStringLiteral("name")), QStringLiteral("Zoë Ngô"));
}

void HostileInputTest::externalEntitiesAreNotRead_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("graphml") << "graphml" << externalEntity("graphml", GraphmlBody, m_secret);
    QTest::newRow("gexf") << "gexf" << externalEntity("gexf", GexfBody, m_secret);
    QTest::newRow("ofac-xml") << "ofac-xml" << externalEntity("sdnList", OfacBody, m_secret);
    QTest::newRow("un-xml") << "un-xml" << externalEntity("CONSOLIDATED_LIST", UnBody, m_secret);
}

void HostileInputTest::externalEntitiesAreNotRead() {
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    const QString path = m_dir.filePath(QStringLiteral("xxe-%1.xml").arg(format));
    QVERIFY(writeFile(path, bytes));
    const Attempt a = attempt(m_case, path, format);
    QVERIFY(a.result);
    QVERIFY(a.ms < TimeLimitMs);
    if (!a.result->ok()) {
        // Refused: a clear error naming the file, and the case as it was.
        QCOMPARE(a.result->error().file, path);
        QCOMPARE(a.after.entities, a.before.entities);
        return;
    }
    CaseFile c;
    QVERIFY(c.open(m_case, CaseFile::OpenMode::ReadOnly).ok());
    // Imported: the entity reference stays unexpanded; the file it names was never read.
    bool leaked = false;
    QVERIFY(c.entities()
                .forEach([&](const Entity &e) {
                    for (const auto &v : e.values) {
                        leaked = leaked || v.value.contains(QLatin1String("TOPSECRET"));
                    }
                    return true;
                })
                .ok());
    QVERIFY(!leaked);
}

QTEST_MAIN(HostileInputTest)
#include "hostileinput_test.moc"

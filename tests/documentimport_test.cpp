// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/documentinfo.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "support/scratchdir.h"
#include "support/testsupport.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace Casegraph::Models;

namespace {

QString fixture(const QString &name) {
    return Casegraph::Tests::sourcePath(QStringLiteral("tests/fixtures/documents/") + name);
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString sha256(const QByteArray &bytes) {
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class DocumentImportTest : public Casegraph::Tests::ScratchTest {
    Q_OBJECT
private Q_SLOTS:
    void htmlArticle();
    void htmlTextExtraction();
    void htmlWithoutArticleMetadata();
    void htmlLegacyCharset();
    void pdf();
    void plainTextGb18030();
    void reimportStoresOnce();
    void detectsFormats();
    void hostileInput_data();
    void hostileInput();
    void deeplyNestedHtml();

};

void DocumentImportTest::htmlArticle() {
    const QString file = fixture(QStringLiteral("article.html"));
    const QByteArray bytes = readAll(file);
    QVERIFY(!bytes.isEmpty());
    auto cf = newCase(QStringLiteral("a.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("html"));
    QCOMPARE(r->created, 1);
    QCOMPARE(r->sources, 1);
    const auto e = cf->entities().entityById(QLatin1String("doc-") + sha256(bytes).left(40));
    QVERIFY(e);
    QCOMPARE(e->schema, QStringLiteral("Article"));
    QCOMPARE(e->first(QStringLiteral("title")), QStringLiteral("Harbour deal draws scrutiny"));
    QCOMPARE(e->first(QStringLiteral("publisher")), QStringLiteral("The Coastal Ledger"));
    QCOMPARE(e->first(QStringLiteral("author")), QStringLiteral("Mei Lin"));
    QCOMPARE(e->first(QStringLiteral("publishedAt")), QStringLiteral("2023-05-14T08:30:00"));
    QCOMPARE(e->first(QStringLiteral("sourceUrl")), QStringLiteral("https://ledger.example/2023/05/harbour-deal"));
    QCOMPARE(e->first(QStringLiteral("language")), QStringLiteral("eng"));
    QCOMPARE(e->first(QStringLiteral("fileName")), QStringLiteral("article.html"));
    QCOMPARE(e->first(QStringLiteral("mimeType")), QStringLiteral("text/html"));

    const auto source = cf->evidence().sourceForEntity(e->rowId);
    QVERIFY(source);
    QCOMPARE(source->original, bytes); // the bytes as they were, never re-encoded
    QCOMPARE(source->sha256, sha256(bytes));
    QCOMPARE(source->fileName, QStringLiteral("article.html"));
    QCOMPARE(source->mimeType, QStringLiteral("text/html"));
    QCOMPARE(source->url, QStringLiteral("https://ledger.example/2023/05/harbour-deal"));
    QVERIFY(source->importedAt.isValid());
    QVERIFY(source->text.contains(QStringLiteral("Northwind Trading")));
    // The text is searchable.
    const auto hits = cf->entities().search(QStringLiteral("Northwind"), 5);
    QVERIFY(
        std::any_of(hits.cbegin(), hits.cend(), [](const SearchHit &h) { return h.kind == SearchHit::Kind::Source; }));
}

void DocumentImportTest::htmlTextExtraction() {
    const auto info = HtmlDocument::extract(readAll(fixture(QStringLiteral("article.html"))));
    QVERIFY(info.ok());
    const QString text = info->text;
    QVERIFY2(!text.contains(QStringLiteral("trackVisitor")), qPrintable(text));                  // script
    QVERIFY(!text.contains(QStringLiteral("font-family")));                                      // style
    QVERIFY(!text.contains(QStringLiteral("Enable JavaScript")));                                // noscript
    QVERIFY(!text.contains(QStringLiteral("Harbour deal draws scrutiny | The Coastal Ledger"))); // head
    // Blocks on their own lines, inline runs joined with single spaces.
    const QStringList lines = text.split(QLatin1Char('\n'));
    QVERIFY2(lines.contains(QStringLiteral("Harbour deal draws scrutiny")), qPrintable(text));
    QVERIFY(lines.contains(QStringLiteral("Northwind Trading Ltd bought the quay from Acme Holdings for $4 million, "
                                          "records show.")));
    QVERIFY(lines.contains(QStringLiteral("First line")));
    QVERIFY(lines.contains(QStringLiteral("second line")));
    QVERIFY(lines.contains(QStringLiteral("Name Share")));
    QVERIFY(text.contains(QStringLiteral("  keep   spacing")));
    QVERIFY(!text.contains(QStringLiteral("\n\n")));
}

void DocumentImportTest::htmlWithoutArticleMetadata() {
    const QString file =
        write(QStringLiteral("page.html"), "<html><head><title>Company register  search</title></head>"
                                           "<body><h1>Results</h1><p>Nothing found.</p></body></html>");
    auto cf = newCase(QStringLiteral("p.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY(r.ok());
    Entity doc;
    (void)cf->entities().forEach([&](const Entity &e) {
        doc = e;
        return true;
    });
    QCOMPARE(doc.schema, QStringLiteral("Document"));
    QCOMPARE(doc.first(QStringLiteral("title")), QStringLiteral("Company register search"));
    QCOMPARE(cf->evidence().sourceForEntity(doc.rowId)->text, QStringLiteral("Results\nNothing found."));
}

void DocumentImportTest::htmlLegacyCharset() {
    const QString file = fixture(QStringLiteral("legacy-1252.html"));
    const QByteArray bytes = readAll(file);
    QVERIFY(bytes.contains('\xE9')); // é in Windows-1252, invalid as UTF-8
    auto cf = newCase(QStringLiteral("l.casegraph"));
    QVERIFY(ImportJob::run(*cf, file).ok());
    Entity doc;
    (void)cf->entities().forEach([&](const Entity &e) {
        doc = e;
        return true;
    });
    QCOMPARE(doc.first(QStringLiteral("title")), QString::fromUtf8("Société Générale – résultats"));
    QCOMPARE(doc.first(QStringLiteral("encoding")), QStringLiteral("windows-1252"));
    const auto source = cf->evidence().sourceForEntity(doc.rowId);
    QCOMPARE(source->original, bytes);
    QVERIFY(source->text.contains(QString::fromUtf8("Bénéfice net: 3,2 M€")));
}

void DocumentImportTest::pdf() {
    const QString file = path(QStringLiteral("report.pdf"));
    {
        QPdfWriter writer(file);
        writer.setTitle(QStringLiteral("Annual report 2022"));
        writer.setCreator(QStringLiteral("Casegraph test"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        QPainter painter(&writer);
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSize(12);
        painter.setFont(font);
        painter.drawText(QPointF(200, 400), QStringLiteral("Northwind Trading shareholders"));
        writer.newPage();
        painter.drawText(QPointF(200, 400), QStringLiteral("Second page total 4200"));
    }
    const QByteArray bytes = readAll(file);
    QVERIFY(bytes.startsWith("%PDF-"));
    auto cf = newCase(QStringLiteral("pdf.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("pdf"));
    const auto e = cf->entities().entityById(QLatin1String("doc-") + sha256(bytes).left(40));
    QVERIFY(e);
    QCOMPARE(e->schema, QStringLiteral("Document"));
    QCOMPARE(e->first(QStringLiteral("title")), QStringLiteral("Annual report 2022"));
    QCOMPARE(e->first(QStringLiteral("mimeType")), QStringLiteral("application/pdf"));
    QVERIFY(!e->first(QStringLiteral("publishedAt")).isEmpty()); // the creation date
    const auto source = cf->evidence().sourceForEntity(e->rowId);
    QVERIFY(source);
    QCOMPARE(source->original, bytes);
    const QStringList pages = source->text.split(QLatin1Char('\f'));
    QCOMPARE(pages.size(), 2);
    QVERIFY2(pages.at(0).simplified().contains(QStringLiteral("Northwind Trading shareholders")),
             qPrintable(source->text));
    QVERIFY(pages.at(1).simplified().contains(QStringLiteral("Second page total 4200")));
}

void DocumentImportTest::plainTextGb18030() {
    const QString file = fixture(QStringLiteral("notes-gb18030.txt"));
    auto cf = newCase(QStringLiteral("t.casegraph"));
    const auto r = ImportJob::run(*cf, file);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(r->format, QStringLiteral("text"));
    Entity doc;
    (void)cf->entities().forEach([&](const Entity &e) {
        doc = e;
        return true;
    });
    QCOMPARE(doc.schema, QStringLiteral("Document"));
    QCOMPARE(doc.first(QStringLiteral("encoding")), QStringLiteral("GB18030"));
    QCOMPARE(doc.first(QStringLiteral("mimeType")), QStringLiteral("text/plain"));
    const auto source = cf->evidence().sourceForEntity(doc.rowId);
    QVERIFY(source->text.contains(QString::fromUtf8("北京航空航天大学")));
    QVERIFY(source->text.contains(QString::fromUtf8("华为技术有限公司")));
    QCOMPARE(source->original, readAll(file));
    // CJK text is searchable by substring.
    const auto hits = cf->entities().search(QString::fromUtf8("航空"), 5);
    QVERIFY(!hits.isEmpty());
}

void DocumentImportTest::reimportStoresOnce() {
    auto cf = newCase(QStringLiteral("r.casegraph"));
    const QString file = fixture(QStringLiteral("article.html"));
    QVERIFY(ImportJob::run(*cf, file).ok());
    const auto again = ImportJob::run(*cf, file);
    QVERIFY(again.ok());
    QCOMPARE(again->created, 0);
    QCOMPARE(again->unchanged, 1);
    QCOMPARE(again->sources, 0);
    // The same bytes under another name: the same entity (it gains the file name), one source.
    const QString copy = write(QStringLiteral("copy.htm"), readAll(file));
    const auto renamed = ImportJob::run(*cf, copy);
    QVERIFY(renamed.ok());
    QCOMPARE(renamed->created, 0);
    QCOMPARE(renamed->sources, 0);
    QCOMPARE(cf->evidence().sources().size(), 1);
    QCOMPARE(cf->entities().count(), 1);
}

void DocumentImportTest::detectsFormats() {
    QCOMPARE(*ImportJob::detectFormat(fixture(QStringLiteral("article.html"))), QStringLiteral("html"));
    QCOMPARE(*ImportJob::detectFormat(fixture(QStringLiteral("notes-gb18030.txt"))), QStringLiteral("text"));
    const QString pdfNoSuffix = write(QStringLiteral("download"), "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    QCOMPARE(*ImportJob::detectFormat(pdfNoSuffix), QStringLiteral("pdf"));
    const QString htmlNoSuffix = write(QStringLiteral("saved"), "<!DOCTYPE html>\n<html><body>x</body></html>");
    QCOMPARE(*ImportJob::detectFormat(htmlNoSuffix), QStringLiteral("html"));
}

void DocumentImportTest::hostileInput_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QByteArray garbage(8192, '\0');
    for (int i = 0; i < garbage.size(); ++i) {
        garbage[i] = char((i * 7919 + 13) % 256);
    }
    QTest::newRow("binary garbage as HTML") << QStringLiteral("x.html") << garbage << QStringLiteral("binary");
    QTest::newRow("binary garbage as text") << QStringLiteral("x.txt") << garbage << QStringLiteral("binary");
    QTest::newRow("garbage with a PDF header")
        << QStringLiteral("x.pdf") << QByteArray("%PDF-1.7\n" + garbage) << QStringLiteral("PDF");
    QTest::newRow("truncated PDF") << QStringLiteral("t.pdf") << QByteArray("%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
                                   << QStringLiteral("PDF");
    QTest::newRow("not a PDF") << QStringLiteral("n.pdf") << QByteArray("hello") << QStringLiteral("PDF");
    QTest::newRow("empty") << QStringLiteral("e.html") << QByteArray() << QStringLiteral("empty");
}

void DocumentImportTest::hostileInput() {
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    const QString file = write(name, content);
    auto cf = newCase(QStringLiteral("h.casegraph"));
    ImportOptions options;
    options.format = name.endsWith(QLatin1String(".pdf"))   ? QStringLiteral("pdf")
                     : name.endsWith(QLatin1String(".txt")) ? QStringLiteral("text")
                                                            : QStringLiteral("html");
    const auto r = ImportJob::run(*cf, file, options);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(reason), qPrintable(r.error().toString()));
    QCOMPARE(r.error().file, file);
    QCOMPARE(cf->entities().count(), 0);
    QCOMPARE(cf->evidence().sources().size(), 0);
    options.lenient = true;
    const auto lenient = ImportJob::run(*cf, file, options);
    if (lenient.ok()) {
        QCOMPARE(lenient->rejected.size(), 1); // reported, nothing stored
    }
    QCOMPARE(cf->entities().count(), 0);
}

void DocumentImportTest::deeplyNestedHtml() {
    // Deep but plausible nesting is read; hostile nesting (which would keep the HTML parser busy
    // for minutes) is refused at once.
    const auto nested = [](int depth, const char *tag) -> QByteArray {
        QByteArray html = "<html><body><script>if (a<b) {}</script>";
        for (int i = 0; i < depth; ++i) {
            html += tag;
        }
        return html + "deep text";
    };
    auto cf = newCase(QStringLiteral("d.casegraph"));
    const auto ok = ImportJob::run(*cf, write(QStringLiteral("ok.html"), nested(1500, "<div>")));
    QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
    Entity doc;
    (void)cf->entities().forEach([&](const Entity &e) {
        doc = e;
        return true;
    });
    QCOMPARE(cf->evidence().sourceForEntity(doc.rowId)->text, QStringLiteral("deep text"));
    // Unclosed paragraphs and list items do not nest.
    QVERIFY(ImportJob::run(*cf, write(QStringLiteral("flat.html"), nested(100000, "<p>x"))).ok());

    for (const char *tag : {"<div>", "<b>", "<div><font color=1>"}) {
        QElapsedTimer timer;
        timer.start();
        const auto r = ImportJob::run(*cf, write(QStringLiteral("deep.html"), nested(200000, tag)));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QStringLiteral("deep")), qPrintable(r.error().toString()));
        QVERIFY(timer.elapsed() < 20000);
    }
    QCOMPARE(cf->entities().count(), 2);
}

QTEST_MAIN(DocumentImportTest)
#include "documentimport_test.moc"

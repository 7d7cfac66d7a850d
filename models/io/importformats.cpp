// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bodsreader.h"
#include "csvreader.h"
#include "documentreader.h"
#include "ftmreader.h"
#include "gexfreader.h"
#include "graphmlreader.h"
#include "importjob.h"
#include "ocdsreader.h"
#include "recordreader.h"
#include "sanctionsreader.h"

#include <QCoreApplication>

namespace Casegraph::Models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Casegraph::Models::ImportFormats", text);
}
} // namespace

QByteArray firstLine(const QByteArray &head)
{
    QByteArray h = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    for (const QByteArray &line : h.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            return line;
        }
    }
    return {};
}

const QList<ImportFormat> &importFormats()
{
    // Listed explicitly (no static registration) so that linking the static library keeps them.
    static const QList<ImportFormat> formats = [] {
        QList<ImportFormat> f;
        f.append(ImportFormat{
            QStringLiteral("ftm"), tr("FollowTheMoney entities, JSON lines (Aleph, OpenSanctions)"),
            {QStringLiteral("*.json"), QStringLiteral("*.jsonl"), QStringLiteral("*.ijson"), QStringLiteral("*.ftm")},
            [](const QString &, const QByteArray &head) { return FtmReader::looksLikeFtm(firstLine(head)) ? 90 : 0; },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<FtmReader>(o.lenient ? FtmReader::Mode::Lenient : FtmReader::Mode::Strict);
            }});
        f.append(ImportFormat{
            QStringLiteral("gexf"), tr("GEXF graph, 1.1 to 1.3 (Gephi, NetworkX)"), {QStringLiteral("*.gexf")},
            &GexfReader::sniff,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<GexfReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("graphml"), tr("GraphML graph (yEd, Cytoscape, igraph)"), {QStringLiteral("*.graphml")},
            &GraphmlReader::sniff,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<GraphmlReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("csv"), tr("CSV or TSV table, with a column mapping or id/schema columns"),
            {QStringLiteral("*.csv"), QStringLiteral("*.tsv"), QStringLiteral("*.tab")}, &CsvReader::sniff,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<CsvReader>(o.lenient, o.mappingPath);
            }});
        f.append(ImportFormat{
            QStringLiteral("html"), tr("Web page or article, HTML (kept whole, with its text)"),
            {QStringLiteral("*.html"), QStringLiteral("*.htm"), QStringLiteral("*.xhtml")}, &DocumentReader::sniffHtml,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<DocumentReader>(DocumentReader::Kind::Html, o.lenient);
            }});
        f.append(ImportFormat{
            QStringLiteral("pdf"), tr("PDF document (kept whole, with its text)"), {QStringLiteral("*.pdf")},
            &DocumentReader::sniffPdf,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<DocumentReader>(DocumentReader::Kind::Pdf, o.lenient);
            }});
        f.append(ImportFormat{
            QStringLiteral("text"), tr("Plain text document in any encoding (kept whole)"),
            {QStringLiteral("*.txt"), QStringLiteral("*.text"), QStringLiteral("*.md")}, &DocumentReader::sniffText,
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<DocumentReader>(DocumentReader::Kind::Text, o.lenient);
            }});
        // Open data standards and sanctions lists (ocdsreader, bodsreader, sanctionsreader*).
        const QStringList json = {QStringLiteral("*.json"), QStringLiteral("*.jsonl")};
        f.append(ImportFormat{
            QStringLiteral("ocds"), tr("Open Contracting (OCDS) release or record package, release or record, JSON"),
            json, [](const QString &, const QByteArray &head) { return OcdsReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<OcdsReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("bods"), tr("Beneficial Ownership Data Standard (BODS) 0.2 to 0.4 statements, JSON"), json,
            [](const QString &, const QByteArray &head) { return BodsReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<BodsReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("csl"), tr("US Consolidated Screening List (trade.gov), CSV or JSON"),
            {QStringLiteral("*.csv"), QStringLiteral("*.json")},
            [](const QString &, const QByteArray &head) { return CslReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<CslReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("ofac-csv"), tr("OFAC SDN or consolidated list, legacy CSV (primary, alias or address table)"),
            {QStringLiteral("*.csv")}, [](const QString &, const QByteArray &head) { return OfacCsvReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<OfacCsvReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("ofac-xml"), tr("OFAC SDN or consolidated list, sdnList XML"), {QStringLiteral("*.xml")},
            [](const QString &, const QByteArray &head) { return OfacXmlReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<OfacXmlReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("un-xml"), tr("UN Security Council consolidated sanctions list, XML"), {QStringLiteral("*.xml")},
            [](const QString &, const QByteArray &head) { return UnXmlReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<UnXmlReader>(o.lenient); }});
        f.append(ImportFormat{
            QStringLiteral("bis-json"), tr("BIS Entity List extract, JSON (entries with Federal Register text, or name translations)"),
            json, [](const QString &, const QByteArray &head) { return BisReader::sniff(head); },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> { return std::make_unique<BisReader>(o.lenient); }});
        return f;
    }();
    return formats;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphmlwriter.h"
#include "core/schema.h"
#include "gexfwriter.h"
#include "storage/casefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamWriter>

namespace Casegraph::Models {

Result<ExportResult> GraphmlWriter::write(const CaseFile &caseFile, QIODevice &device, const ExportOptions &options,
                                          const ExportProgress &progress) {
    auto planned = GraphExportPlan::make(caseFile, options);
    if (!planned) {
        return planned.error();
    }
    const GraphExportPlan &plan = *planned;
    const auto &reg = SchemaRegistry::instance();
    const QString ns = QStringLiteral("http://graphml.graphdrawing.org/xmlns");
    const QString xsi = QStringLiteral("http://www.w3.org/2001/XMLSchema-instance");
    QXmlStreamWriter xml(&device);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(ns);
    xml.writeNamespace(xsi, QStringLiteral("xsi"));
    xml.writeStartElement(ns, QStringLiteral("graphml"));
    xml.writeAttribute(xsi, QStringLiteral("schemaLocation"),
                       QStringLiteral("http://graphml.graphdrawing.org/xmlns "
                                      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"));
    // Key ids: n0…/e0… in the order label, schema, ftm_id, then the properties.
    const QStringList names =
        QStringList{QStringLiteral("label"), QStringLiteral("schema"), QStringLiteral("ftm_id")} + plan.properties;
    for (const char *domain : {"node", "edge"}) {
        for (qsizetype i = 0; i < names.size(); ++i) {
            xml.writeEmptyElement(ns, QStringLiteral("key"));
            xml.writeAttribute(QStringLiteral("id"), QLatin1Char(domain[0]) + QString::number(i));
            xml.writeAttribute(QStringLiteral("for"), QLatin1String(domain));
            xml.writeAttribute(QStringLiteral("attr.name"), names.at(i));
            xml.writeAttribute(QStringLiteral("attr.type"), QStringLiteral("string"));
            if (plan.multiValued.contains(names.at(i))) {
                xml.writeAttribute(QStringLiteral("casegraph.list"), QStringLiteral("true"));
            }
        }
    }
    QHash<QString, int> keyIndex;
    for (qsizetype i = 0; i < names.size(); ++i) {
        keyIndex.insert(names.at(i), int(i));
    }
    xml.writeStartElement(ns, QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("id"), QStringLiteral("G"));
    xml.writeAttribute(QStringLiteral("edgedefault"),
                       plan.undirectedByDefault() ? QStringLiteral("undirected") : QStringLiteral("directed"));

    ExportResult result;
    result.format = QStringLiteral("graphml");
    bool cancelled = false;
    const auto element = [&](const Entity &e, bool edge) {
        const QChar domain = edge ? QLatin1Char('e') : QLatin1Char('n');
        const auto data = [&](const QString &name, const QString &value) {
            xml.writeStartElement(ns, QStringLiteral("data"));
            xml.writeAttribute(QStringLiteral("key"), domain + QString::number(keyIndex.value(name)));
            xml.writeCharacters(xmlSafe(value));
            xml.writeEndElement();
        };
        xml.writeStartElement(ns, edge ? QStringLiteral("edge") : QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), xmlSafe(e.id));
        if (edge) {
            const Schema *schema = reg.schema(e.schema);
            xml.writeAttribute(QStringLiteral("source"), xmlSafe(e.first(schema->edgeSource)));
            xml.writeAttribute(QStringLiteral("target"), xmlSafe(e.first(schema->edgeTarget)));
            if (plan.differsFromDefault(e.rowId)) {
                xml.writeAttribute(QStringLiteral("directed"), plan.undirected.contains(e.rowId)
                                                                   ? QStringLiteral("false")
                                                                   : QStringLiteral("true"));
            }
        }
        data(QStringLiteral("label"), e.caption.isEmpty() ? e.id : e.caption);
        data(QStringLiteral("schema"), e.schema);
        data(QStringLiteral("ftm_id"), e.id);
        QStringList done;
        for (const auto &v : e.values) {
            if (done.contains(v.property) || (edge && plan.isEndpointProperty(e, v.property))) {
                continue;
            }
            done << v.property;
            if (plan.multiValued.contains(v.property)) {
                data(v.property, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(e.valuesOf(v.property)))
                                                       .toJson(QJsonDocument::Compact)));
            } else {
                data(v.property, v.value);
            }
        }
        xml.writeEndElement();
        ++result.entities;
        if (progress && result.entities % 1000 == 0 && !progress(result.entities)) {
            cancelled = true;
            return false;
        }
        return !xml.hasError();
    };
    // Nodes first: some readers (Cytoscape among them) want them before the edges.
    for (const bool edges : {false, true}) {
        const auto st = ExportJob::forEach(caseFile, options, [&](const Entity &e) {
            return plan.edges.contains(e.rowId) == edges ? element(e, edges) : true;
        });
        if (!st) {
            return st.error();
        }
        if (cancelled) {
            return Error{tr("export cancelled")};
        }
    }
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // graphml
    xml.writeEndDocument();
    if (xml.hasError()) {
        return Error{tr("cannot write the file: %1").arg(device.errorString())};
    }
    return result;
}

} // namespace Casegraph::Models

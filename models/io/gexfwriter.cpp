// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gexfwriter.h"
#include "core/ftmdate.h"
#include "core/schema.h"
#include "storage/casefile.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QXmlStreamWriter>

namespace Casegraph::Models {

namespace {

const QString Schema_ = QStringLiteral("schema");
const QString FtmId = QStringLiteral("ftm_id");

/// Properties in first-seen order with all their values.
QList<QPair<QString, QStringList>> grouped(const Entity &e) {
    QList<QPair<QString, QStringList>> out;
    for (const auto &v : e.values) {
        auto it = std::find_if(out.begin(), out.end(), [&](const auto &p) { return p.first == v.property; });
        if (it == out.end()) {
            out.append({v.property, {v.value}});
        } else {
            it->second << v.value;
        }
    }
    return out;
}

QString listText(const QStringList &values) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

/// The day a spell starts (first day of a partial date) or ends (its last day).
QString spellDay(const QString &ftmDate, bool end) {
    const FtmDate d = FtmDate::parse(ftmDate);
    if (!d.isValid()) {
        return {};
    }
    return (end ? d.latest() : d.earliest()).date().toString(Qt::ISODate);
}

} // namespace

QString xmlSafe(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || c.isSurrogate() || u == 0xFFFE || u == 0xFFFF) {
            continue;
        }
        out += c;
    }
    return out;
}

Result<GraphExportPlan> GraphExportPlan::make(const CaseFile &caseFile, const ExportOptions &options) {
    const auto &reg = SchemaRegistry::instance();
    GraphExportPlan plan;
    QSet<QString> nodeIds;
    struct Candidate {
        qint64 row;
        QStringList from, to;
        bool undirected;
    };
    QList<Candidate> candidates;
    QSet<QString> properties;
    const auto st = ExportJob::forEach(caseFile, options, [&](const Entity &e) {
        ++plan.entities;
        const Schema *schema = reg.schema(e.schema);
        if (schema && schema->isEdge()) {
            candidates.append(
                {e.rowId, e.valuesOf(schema->edgeSource), e.valuesOf(schema->edgeTarget), schema->isUndirectedEdge()});
        } else {
            nodeIds.insert(e.id);
        }
        QHash<QString, int> counts;
        for (const auto &v : e.values) {
            properties.insert(v.property);
            if (++counts[v.property] == 2) {
                plan.multiValued.insert(v.property);
            }
            plan.hasTime =
                plan.hasTime || v.property == QLatin1String("startDate") || v.property == QLatin1String("endDate");
        }
        return true;
    });
    if (!st) {
        return st.error();
    }
    for (const auto &c : std::as_const(candidates)) {
        if (c.from.size() == 1 && c.to.size() == 1 && nodeIds.contains(c.from.first()) &&
            nodeIds.contains(c.to.first())) {
            plan.edges.insert(c.row);
            if (c.undirected) {
                plan.undirected.insert(c.row);
            }
        }
    }
    plan.properties = QStringList(properties.cbegin(), properties.cend());
    plan.properties.sort();
    return plan;
}

bool GraphExportPlan::isEndpointProperty(const Entity &entity, const QString &property) const {
    if (!edges.contains(entity.rowId)) {
        return false;
    }
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    return schema && (property == schema->edgeSource || property == schema->edgeTarget);
}

Result<ExportResult> GexfWriter::write(const CaseFile &caseFile, QIODevice &device, const ExportOptions &options,
                                       const ExportProgress &progress) {
    auto planned = GraphExportPlan::make(caseFile, options);
    if (!planned) {
        return planned.error();
    }
    const GraphExportPlan &plan = *planned;
    const auto &reg = SchemaRegistry::instance();
    const QString ns = QStringLiteral("http://gexf.net/1.3");
    const QString vizNs = QStringLiteral("http://gexf.net/1.3/viz");
    QXmlStreamWriter xml(&device);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(ns);
    xml.writeNamespace(vizNs, QStringLiteral("viz"));
    xml.writeNamespace(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("xsi"));
    xml.writeStartElement(ns, QStringLiteral("gexf"));
    xml.writeAttribute(QStringLiteral("http://www.w3.org/2001/XMLSchema-instance"), QStringLiteral("schemaLocation"),
                       QStringLiteral("http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"));
    xml.writeAttribute(QStringLiteral("version"), QStringLiteral("1.3"));
    xml.writeStartElement(ns, QStringLiteral("meta"));
    xml.writeAttribute(QStringLiteral("lastmodifieddate"), QDate::currentDate().toString(Qt::ISODate));
    xml.writeTextElement(ns, QStringLiteral("creator"),
                         QStringLiteral("Casegraph %1").arg(QCoreApplication::applicationVersion()).trimmed());
    xml.writeTextElement(ns, QStringLiteral("description"),
                         xmlSafe(options.title.isEmpty() ? caseFile.title() : options.title));
    xml.writeEndElement();

    xml.writeStartElement(ns, QStringLiteral("graph"));
    xml.writeAttribute(QStringLiteral("defaultedgetype"),
                       plan.undirectedByDefault() ? QStringLiteral("undirected") : QStringLiteral("directed"));
    xml.writeAttribute(QStringLiteral("mode"), plan.hasTime ? QStringLiteral("dynamic") : QStringLiteral("static"));
    if (plan.hasTime) {
        xml.writeAttribute(QStringLiteral("timeformat"), QStringLiteral("date"));
    }
    for (const char *cls : {"node", "edge"}) {
        xml.writeStartElement(ns, QStringLiteral("attributes"));
        xml.writeAttribute(QStringLiteral("class"), QLatin1String(cls));
        xml.writeAttribute(QStringLiteral("mode"), QStringLiteral("static"));
        for (const QString &name : QStringList{Schema_, FtmId} + plan.properties) {
            xml.writeEmptyElement(ns, QStringLiteral("attribute"));
            xml.writeAttribute(QStringLiteral("id"), name);
            xml.writeAttribute(QStringLiteral("title"), name);
            xml.writeAttribute(QStringLiteral("type"), plan.multiValued.contains(name) ? QStringLiteral("liststring")
                                                                                       : QStringLiteral("string"));
        }
        xml.writeEndElement();
    }

    ExportResult result;
    result.format = QStringLiteral("gexf");
    bool cancelled = false;
    const auto element = [&](const Entity &e, bool edge) {
        const Schema *schema = reg.schema(e.schema);
        xml.writeStartElement(ns, edge ? QStringLiteral("edge") : QStringLiteral("node"));
        xml.writeAttribute(QStringLiteral("id"), xmlSafe(e.id));
        if (edge) {
            xml.writeAttribute(QStringLiteral("source"), xmlSafe(e.first(schema->edgeSource)));
            xml.writeAttribute(QStringLiteral("target"), xmlSafe(e.first(schema->edgeTarget)));
            if (plan.differsFromDefault(e.rowId)) {
                xml.writeAttribute(QStringLiteral("type"), plan.undirected.contains(e.rowId)
                                                               ? QStringLiteral("undirected")
                                                               : QStringLiteral("directed"));
            }
        }
        xml.writeAttribute(QStringLiteral("label"), xmlSafe(e.caption.isEmpty() ? e.id : e.caption));
        xml.writeStartElement(ns, QStringLiteral("attvalues"));
        const auto attvalue = [&](const QString &name, const QString &value) {
            xml.writeEmptyElement(ns, QStringLiteral("attvalue"));
            xml.writeAttribute(QStringLiteral("for"), name);
            xml.writeAttribute(QStringLiteral("value"), xmlSafe(value));
        };
        attvalue(Schema_, e.schema);
        attvalue(FtmId, e.id);
        for (const auto &[property, values] : grouped(e)) {
            if (edge && plan.isEndpointProperty(e, property)) {
                continue;
            }
            attvalue(property, plan.multiValued.contains(property) ? listText(values) : values.first());
        }
        xml.writeEndElement();
        const QString start = spellDay(e.first(QStringLiteral("startDate")), false);
        const QString end = spellDay(e.first(QStringLiteral("endDate")), true);
        if (!start.isEmpty() || !end.isEmpty()) {
            xml.writeStartElement(ns, QStringLiteral("spells"));
            xml.writeEmptyElement(ns, QStringLiteral("spell"));
            if (!start.isEmpty()) {
                xml.writeAttribute(QStringLiteral("start"), start);
            }
            if (!end.isEmpty()) {
                xml.writeAttribute(QStringLiteral("end"), end);
            }
            xml.writeEndElement();
        }
        if (!edge && options.positions.contains(e.rowId)) {
            const QPointF p = options.positions.value(e.rowId);
            xml.writeEmptyElement(vizNs, QStringLiteral("position"));
            xml.writeAttribute(QStringLiteral("x"), QString::number(p.x()));
            xml.writeAttribute(QStringLiteral("y"), QString::number(p.y()));
            xml.writeAttribute(QStringLiteral("z"), QStringLiteral("0.0"));
        }
        xml.writeEndElement();
        ++result.entities;
        if (progress && result.entities % 1000 == 0 && !progress(result.entities)) {
            cancelled = true;
            return false;
        }
        return !xml.hasError();
    };
    for (const bool edges : {false, true}) {
        xml.writeStartElement(ns, edges ? QStringLiteral("edges") : QStringLiteral("nodes"));
        const auto st = ExportJob::forEach(caseFile, options, [&](const Entity &e) {
            return plan.edges.contains(e.rowId) == edges ? element(e, edges) : true;
        });
        if (!st) {
            return st.error();
        }
        if (cancelled) {
            return Error{tr("export cancelled")};
        }
        xml.writeEndElement();
    }
    xml.writeEndElement(); // graph
    xml.writeEndElement(); // gexf
    xml.writeEndDocument();
    if (xml.hasError()) {
        return Error{tr("cannot write the file: %1").arg(device.errorString())};
    }
    return result;
}

} // namespace Casegraph::Models

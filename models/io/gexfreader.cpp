// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "gexfreader.h"

#include <QFileInfo>

namespace Casegraph::Models {

GexfReader::GexfReader(bool lenient) : GraphXmlReader(lenient, QStringLiteral("gexf-")) {}

int GexfReader::sniff(const QString &path, const QByteArray &head) {
    if (headHasRoot(head, "gexf")) {
        return 95;
    }
    return QFileInfo(path).suffix().compare(QLatin1String("gexf"), Qt::CaseInsensitive) == 0 ? 40 : 0;
}

void GexfReader::reset() {
    m_class = QStringLiteral("node");
    m_nodeAttributes.clear();
    m_edgeAttributes.clear();
    m_attributeId.clear();
}

void GexfReader::startElement() {
    const auto a = m_xml.attributes();
    const QStringView name = m_xml.name();
    if (name == u"attributes") {
        m_class = a.value(QLatin1String("class")).toString().toLower();
        if (m_class.isEmpty()) {
            m_class = QStringLiteral("node");
        }
    } else if (name == u"attribute") {
        Attribute attribute;
        m_attributeId = a.value(QLatin1String("id")).toString();
        attribute.title = a.value(QLatin1String("title")).toString();
        if (attribute.title.isEmpty()) {
            attribute.title = m_attributeId;
        }
        attribute.list = a.value(QLatin1String("type")).startsWith(QLatin1String("list"));
        (m_class == QLatin1String("edge") ? m_edgeAttributes : m_nodeAttributes).insert(m_attributeId, attribute);
    } else if (name == u"default" && !m_attributeId.isEmpty()) {
        auto &table = m_class == QLatin1String("edge") ? m_edgeAttributes : m_nodeAttributes;
        table[m_attributeId].defaultValue = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
    } else if (name == u"node" || name == u"edge") {
        // A node inside a node (a hierarchy): the parent is complete as far as we read it.
        if (!m_stack.isEmpty() && !m_stack.last().emitted && !m_stack.last().edge) {
            finishElement();
        }
        Element e;
        e.edge = name == u"edge";
        e.fileId = a.value(QLatin1String("id")).toString();
        e.label = a.value(QLatin1String("label")).toString();
        e.line = m_xml.lineNumber();
        e.column = m_xml.columnNumber();
        if (e.edge) {
            e.source = a.value(QLatin1String("source")).toString();
            e.target = a.value(QLatin1String("target")).toString();
            e.weight = a.value(QLatin1String("weight")).toString();
            e.kind = a.value(QLatin1String("kind")).toString();
        }
        const QString start =
            a.value(QLatin1String("start")).toString() + a.value(QLatin1String("startopen")).toString();
        const QString end = a.value(QLatin1String("end")).toString() + a.value(QLatin1String("endopen")).toString();
        const QString timestamp = a.value(QLatin1String("timestamp")).toString();
        if (!start.isEmpty() || !end.isEmpty()) {
            e.spells.append({start, end});
        } else if (!timestamp.isEmpty()) {
            e.spells.append({timestamp, timestamp});
        }
        m_stack.append(e);
    } else if (name == u"attvalue" && !m_stack.isEmpty()) {
        Element &e = m_stack.last();
        const QString id = a.hasAttribute(QLatin1String("for")) ? a.value(QLatin1String("for")).toString()
                                                                : a.value(QLatin1String("id")).toString();
        const auto &table = e.edge ? m_edgeAttributes : m_nodeAttributes;
        const auto it = table.constFind(id);
        const QString title = it == table.cend() ? id : it->title;
        const QString value = a.value(QLatin1String("value")).toString();
        const QStringList values = it != table.cend() && it->list ? splitList(value) : QStringList{value};
        // Dynamic attributes repeat the same attvalue with other spells: keep every value.
        for (auto &[t, v] : e.attributes) {
            if (t == title) {
                v += values;
                return;
            }
        }
        e.attributes.append({title, values});
    } else if ((name == u"spell" || name == u"timestamp") && !m_stack.isEmpty()) {
        QString start = a.value(QLatin1String("start")).toString() + a.value(QLatin1String("startopen")).toString();
        QString end = a.value(QLatin1String("end")).toString() + a.value(QLatin1String("endopen")).toString();
        if (name == u"timestamp") {
            start = end = a.value(QLatin1String("timestamp")).toString();
        }
        m_stack.last().spells.append({start, end});
    }
}

void GexfReader::finishElement() {
    Element &e = m_stack.last();
    if (e.emitted) {
        return;
    }
    e.emitted = true;
    const auto &table = e.edge ? m_edgeAttributes : m_nodeAttributes;
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        if (it->defaultValue.isEmpty()) {
            continue;
        }
        addDefault(e, it->title, it->defaultValue, it->list);
    }
    queueFinished(e);
}

QStringView GexfReader::rootElement() const {
    return u"gexf";
}

QString GexfReader::formatName() const {
    return QStringLiteral("GEXF");
}

void GexfReader::endOtherElement(QStringView name) {
    if (name == u"attribute") {
        m_attributeId.clear();
    }
}

} // namespace Casegraph::Models

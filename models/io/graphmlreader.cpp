// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphmlreader.h"

#include <QFileInfo>

namespace Casegraph::Models {

GraphmlReader::GraphmlReader(bool lenient) : GraphXmlReader(lenient, QStringLiteral("graphml-")) {}

int GraphmlReader::sniff(const QString &path, const QByteArray &head) {
    if (headHasRoot(head, "graphml")) {
        return 95;
    }
    return QFileInfo(path).suffix().compare(QLatin1String("graphml"), Qt::CaseInsensitive) == 0 ? 40 : 0;
}

void GraphmlReader::reset() {
    m_keys.clear();
    m_keyId.clear();
}

void GraphmlReader::readData() {
    const QString keyId = m_xml.attributes().value(QLatin1String("key")).toString();
    const auto it = m_keys.constFind(keyId);
    if (m_stack.isEmpty() || m_stack.last().emitted) {
        m_xml.skipCurrentElement(); // data of the graph or the document
        return;
    }
    Element &e = m_stack.last();
    if (it != m_keys.cend() && !it->yfiles.isEmpty()) {
        // yEd graphics: only the label text matters to us.
        QString label;
        int depth = 1;
        while (depth > 0 && !m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                ++depth;
                if ((m_xml.name() == u"NodeLabel" || m_xml.name() == u"EdgeLabel") && label.isEmpty()) {
                    label = m_xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                    --depth;
                }
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
            }
        }
        if (e.label.isEmpty()) {
            e.label = label;
        }
        return;
    }
    const QString value = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
    const QString title = it == m_keys.cend() || it->name.isEmpty() ? keyId : it->name;
    const QString lower = title.toLower();
    if (lower == QLatin1String("label")) {
        e.label = value;
    } else if (lower == QLatin1String("weight") && e.edge) {
        e.weight = value;
    } else if (lower == QLatin1String("start")) {
        e.spells.append({value, QString()});
    } else if (lower == QLatin1String("end")) {
        if (!e.spells.isEmpty() && e.spells.last().second.isEmpty()) {
            e.spells.last().second = value;
        } else {
            e.spells.append({QString(), value});
        }
    } else {
        e.attributes.append({title, it != m_keys.cend() && it->list ? splitList(value) : QStringList{value}});
    }
}

void GraphmlReader::startElement() {
    const auto a = m_xml.attributes();
    const QStringView name = m_xml.name();
    if (name == u"key") {
        Key key;
        m_keyId = a.value(QLatin1String("id")).toString();
        key.name = a.value(QLatin1String("attr.name")).toString();
        key.domain = a.value(QLatin1String("for")).toString().toLower();
        key.yfiles = a.value(QLatin1String("yfiles.type")).toString();
        key.list = a.value(QLatin1String("casegraph.list")) == u"true";
        m_keys.insert(m_keyId, key);
    } else if (name == u"default" && !m_keyId.isEmpty()) {
        m_keys[m_keyId].defaultValue = m_xml.readElementText(QXmlStreamReader::SkipChildElements);
    } else if (name == u"node" || name == u"edge") {
        if (!m_stack.isEmpty() && !m_stack.last().emitted && !m_stack.last().edge) {
            finishElement(); // a node holding a nested graph
        }
        Element e;
        e.edge = name == u"edge";
        e.fileId = a.value(QLatin1String("id")).toString();
        e.line = m_xml.lineNumber();
        e.column = m_xml.columnNumber();
        if (e.edge) {
            e.source = a.value(QLatin1String("source")).toString();
            e.target = a.value(QLatin1String("target")).toString();
        }
        m_stack.append(e);
    } else if (name == u"data") {
        readData();
    } else if (name == u"graph" && !m_stack.isEmpty() && !m_stack.last().emitted && !m_stack.last().edge) {
        finishElement(); // the nested graph's nodes follow
    } else if (name == u"hyperedge") {
        addBadRecord(tr("hyperedges are not supported"));
        ++m_queued;
        m_xml.skipCurrentElement();
    }
}

void GraphmlReader::finishElement() {
    Element &e = m_stack.last();
    if (e.emitted) {
        return;
    }
    e.emitted = true;
    const QString domain = e.edge ? QStringLiteral("edge") : QStringLiteral("node");
    for (auto it = m_keys.cbegin(); it != m_keys.cend(); ++it) {
        if (it->defaultValue.isEmpty() || !it->yfiles.isEmpty() ||
            (it->domain != domain && it->domain != QLatin1String("all"))) {
            continue;
        }
        const QString title = it->name.isEmpty() ? it.key() : it->name;
        const QString lower = title.toLower();
        if (lower == QLatin1String("label") || lower == QLatin1String("weight") || lower == QLatin1String("start") ||
            lower == QLatin1String("end")) {
            continue;
        }
        addDefault(e, title, it->defaultValue, it->list);
    }
    queueFinished(e);
}

QStringView GraphmlReader::rootElement() const {
    return u"graphml";
}

QString GraphmlReader::formatName() const {
    return QStringLiteral("GraphML");
}

void GraphmlReader::endOtherElement(QStringView name) {
    if (name == u"key") {
        m_keyId.clear();
    }
}

} // namespace Casegraph::Models

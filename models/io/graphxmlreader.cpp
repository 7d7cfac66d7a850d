// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphxmlreader.h"
#include "core/ftmdate.h"
#include "core/schema.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace Casegraph::Models {

namespace {

const Schema *schemaByName(const QString &text) {
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> out;
        for (const QString &n : SchemaRegistry::instance().names()) {
            out.insert(n.toLower(), n);
        }
        return out;
    }();
    const QString n = names.value(text.trimmed().toLower());
    return n.isEmpty() ? nullptr : SchemaRegistry::instance().schema(n);
}

/// The property named `title` (exactly, else case-insensitively), or nullptr.
const PropertySpec *propertyFor(const Schema &schema, const QString &title) {
    if (const PropertySpec *p = schema.property(title)) {
        return p;
    }
    for (const auto &p : schema.properties) {
        if (p.name.compare(title, Qt::CaseInsensitive) == 0) {
            return &p;
        }
    }
    return nullptr;
}

/// Where unmapped attributes go: notes for things, description for relationships.
QString textProperty(const Schema &schema) {
    for (const char *name : {"notes", "description", "summary"}) {
        if (schema.property(QLatin1String(name))) {
            return QLatin1String(name);
        }
    }
    return {};
}

void addUnique(Entity &e, const QString &property, const QString &value, int flags = NoValueFlag) {
    const PropertyValue v{0, property, value, 0, flags};
    if (!e.values.contains(v)) {
        e.values.append(v);
    }
}

bool hasProperty(const Entity &e, const QString &property) {
    return std::any_of(e.values.cbegin(), e.values.cend(),
                       [&](const PropertyValue &v) { return v.property == property; });
}

/// A GEXF time as an FtM date: ISO dates and datetimes (any zone, stored in UTC), and numbers
/// that are plausible years. Empty when it is none of these.
QString ftmDateFrom(const QString &text) {
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    if (const QString iso = FtmDate::storedForm(t); !iso.isEmpty()) {
        return iso;
    }
    bool ok = false;
    const double number = t.toDouble(&ok);
    if (ok && number == std::floor(number) && number >= 1000 && number <= 2999) {
        return QString::number(int(number));
    }
    return {};
}

} // namespace

GraphXmlReader::GraphXmlReader(bool lenient, const QString &idPrefix) : m_lenient(lenient), m_prefix(idPrefix) {}

GraphXmlReader::~GraphXmlReader() = default;

bool GraphXmlReader::headHasRoot(const QByteArray &head, const char *rootElement) {
    // The root element comes after the declaration, comments and processing instructions;
    // a namespace prefix (<g:gexf) is allowed.
    const QByteArray h = head.left(8192);
    const QByteArray name(rootElement);
    for (qsizetype at = h.indexOf('<'); at >= 0; at = h.indexOf('<', at + 1)) {
        qsizetype i = at + 1;
        if (i < h.size() && (h.at(i) == '?' || h.at(i) == '!')) {
            continue;
        }
        const qsizetype colon = h.indexOf(':', i);
        const qsizetype end = h.indexOf(name, i);
        if (end == i || (colon >= 0 && colon < i + 16 && end == colon + 1)) {
            const qsizetype after = end + name.size();
            return after < h.size() && (h.at(after) == ' ' || h.at(after) == '>' || h.at(after) == '\n' ||
                                        h.at(after) == '\r' || h.at(after) == '\t' || h.at(after) == '/');
        }
        return false; // the first element is something else
    }
    return false;
}

Status GraphXmlReader::open(const QString &path, const QString &displayName) {
    m_name = displayName.isEmpty() ? path : displayName;
    m_scope = QFileInfo(path).fileName();
    m_file.close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(m_file.errorString()), m_name};
    }
    m_xml.clear();
    m_xml.setDevice(&m_file);
    m_xml.setNamespaceProcessing(true);
    m_queue.clear();
    m_nodeIds.clear();
    m_parallel.clear();
    m_deferred.clear();
    m_finished = m_failed = false;
    m_line = 0;
    m_rootSeen = false;
    m_namespace.clear();
    m_stack.clear();
    m_queued = 0;
    reset();
    return {};
}

bool GraphXmlReader::tokenIsSafe() {
    if (m_xml.tokenType() == QXmlStreamReader::DTD &&
        (!m_xml.entityDeclarations().isEmpty() || !m_xml.notationDeclarations().isEmpty())) {
        return fail(tr("the file declares XML entities in a DTD; Casegraph does not expand them "
                       "(they can hide entity bombs and external files)"));
    }
    if (m_xml.tokenType() == QXmlStreamReader::EntityReference) {
        return fail(tr("the file uses the undeclared XML entity &%1;").arg(m_xml.name()));
    }
    return true;
}

bool GraphXmlReader::fail(const QString &message) {
    if (!m_failed) {
        m_failed = true;
        m_error = Error{message, m_name, m_xml.lineNumber(), m_xml.columnNumber()};
    }
    return false;
}

bool GraphXmlReader::xmlError() {
    if (!m_xml.hasError()) {
        return false;
    }
    if (m_xml.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
        return fail(tr("the file ends early (truncated?): %1").arg(m_xml.errorString()));
    }
    return fail(tr("malformed XML: %1").arg(m_xml.errorString()));
}

QStringList GraphXmlReader::splitList(const QString &value) {
    const QString t = value.trimmed();
    if (t.startsWith(QLatin1Char('['))) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &pe);
        if (pe.error == QJsonParseError::NoError && doc.isArray()) {
            QStringList out;
            for (const auto &v : doc.array()) {
                out << (v.isString() ? v.toString() : v.toVariant().toString());
            }
            return out;
        }
        if (t.endsWith(QLatin1Char(']'))) {
            QStringList out = t.mid(1, t.size() - 2).split(QLatin1Char(','));
            for (auto &s : out) {
                s = s.trimmed();
            }
            return out;
        }
    }
    return t.split(QLatin1Char('|'));
}

void GraphXmlReader::addBadRecord(const QString &message) {
    Item item;
    item.ok = false;
    item.error = Error{message, m_name, m_xml.lineNumber(), m_xml.columnNumber()};
    item.line = m_xml.lineNumber();
    m_queue.push_back(std::move(item));
}

void GraphXmlReader::addDefault(Element &element, const QString &title, const QString &defaultValue, bool list) {
    const bool present = std::any_of(element.attributes.cbegin(), element.attributes.cend(),
                                     [&](const auto &pair) { return pair.first == title; });
    if (!present) {
        element.attributes.append({title, list ? splitList(defaultValue) : QStringList{defaultValue}});
    }
}

void GraphXmlReader::queueFinished(const Element &element) {
    if (element.edge && (element.source.isEmpty() || element.target.isEmpty())) {
        addBadRecord(tr("an edge without a source or a target"));
    } else {
        addElement(element);
    }
    ++m_queued;
}

bool GraphXmlReader::readMore() {
    const qsizetype before = m_queued;
    while (!m_xml.atEnd()) {
        const auto token = m_xml.readNext();
        if (!tokenIsSafe()) {
            return false;
        }
        if (token == QXmlStreamReader::StartElement) {
            if (!m_rootSeen) {
                if (m_xml.name() != rootElement()) {
                    return fail(tr("not a %1 file: the root element is <%2>").arg(formatName(), m_xml.name()));
                }
                m_rootSeen = true;
                m_namespace = m_xml.namespaceUri().toString();
                continue;
            }
            if (m_xml.namespaceUri() != m_namespace) {
                m_xml.skipCurrentElement(); // viz: and other extensions
                continue;
            }
            startElement();
        } else if (token == QXmlStreamReader::EndElement && m_xml.namespaceUri() == m_namespace) {
            const QStringView name = m_xml.name();
            if ((name == u"node" || name == u"edge") && !m_stack.isEmpty()) {
                finishElement();
                m_stack.removeLast();
            } else {
                endOtherElement(name);
            }
        }
        // A whole top-level element, or enough of a deep hierarchy to hand on.
        if (m_queued > before && (m_stack.isEmpty() || m_queued > before + 1000)) {
            return true;
        }
    }
    if (xmlError()) {
        return false;
    }
    if (!m_rootSeen) {
        return fail(tr("not a %1 file: no root element").arg(formatName()));
    }
    return m_queued > before;
}

void GraphXmlReader::addElement(const Element &element) {
    if (element.edge && (!m_nodeIds.contains(element.source) || !m_nodeIds.contains(element.target))) {
        m_deferred.append(element); // GraphML allows edges before their nodes
        return;
    }
    build(element);
}

const Schema *GraphXmlReader::schemaFor(const Element &element, qsizetype &consumed) const {
    consumed = -1;
    for (qsizetype i = 0; i < element.attributes.size(); ++i) {
        const QString title = element.attributes.at(i).first.toLower();
        if (title != QLatin1String("schema") && title != QLatin1String("type") && title != QLatin1String("kind")) {
            continue;
        }
        const Schema *s = schemaByName(element.attributes.at(i).second.value(0));
        // Nodes may carry any concrete schema (our exporter writes relationships with a missing
        // end as nodes); edges need an edge schema.
        if (s && !s->abstract && (!element.edge || s->isEdge())) {
            consumed = i;
            return s;
        }
    }
    if (element.edge && !element.kind.isEmpty()) {
        const Schema *s = schemaByName(element.kind);
        if (s && !s->abstract && s->isEdge()) {
            return s;
        }
    }
    return SchemaRegistry::instance().schema(element.edge ? QStringLiteral("UnknownLink")
                                                          : QStringLiteral("LegalEntity"));
}

QString GraphXmlReader::nodeEntityId(const Element &element) const {
    for (const auto &[title, values] : element.attributes) {
        if (title == QLatin1String("ftm_id") && !values.value(0).trimmed().isEmpty()) {
            return values.first().trimmed();
        }
    }
    const QString key =
        m_scope + QLatin1Char('\n') + (element.edge ? QLatin1String("edge\n") : QLatin1String()) + element.fileId;
    return m_prefix + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex());
}

void GraphXmlReader::addTime(Entity &e, const Schema &schema, const QString &property, const QString &text,
                             const QString &textProperty) {
    if (text.trimmed().isEmpty()) {
        return;
    }
    const QString date = ftmDateFrom(text);
    if (!date.isEmpty() && schema.property(property)) {
        addUnique(e, property, date);
    } else if (!textProperty.isEmpty()) {
        const QString label = property == QLatin1String("startDate") ? QStringLiteral("start") : QStringLiteral("end");
        addUnique(e, textProperty, label + QLatin1String(": ") + text.trimmed());
    }
}

void GraphXmlReader::build(const Element &element) {
    const auto &reg = SchemaRegistry::instance();
    Item item;
    item.line = element.line;
    const auto bad = [&](const QString &message) {
        item.ok = false;
        item.error = Error{message, m_name, element.line, element.column};
        m_queue.push_back(std::move(item));
    };
    if (element.fileId.isEmpty() && !element.edge) {
        return bad(tr("a node without an id"));
    }
    qsizetype consumed = -1;
    const Schema *schema = schemaFor(element, consumed);
    Entity &e = item.entity;
    e.schema = schema->name;
    bool ownId = false;
    for (const auto &[title, values] : element.attributes) {
        ownId = ownId || (title == QLatin1String("ftm_id") && !values.value(0).trimmed().isEmpty());
    }
    const QString text = textProperty(*schema);

    if (element.edge) {
        const QString from = m_nodeIds.value(element.source), to = m_nodeIds.value(element.target);
        if (from.isEmpty() || to.isEmpty()) {
            return bad(tr("edge %1 refers to node \"%2\", which the file does not declare")
                           .arg(element.fileId, from.isEmpty() ? element.source : element.target));
        }
        e.add(schema->edgeSource, from);
        e.add(schema->edgeTarget, to);
        Element keyed = element;
        if (keyed.fileId.isEmpty()) {
            const QString pair = element.source + QChar(0x1F) + element.target;
            keyed.fileId = pair + QChar(0x1F) + QString::number(m_parallel[pair]++);
        }
        e.id = nodeEntityId(keyed);
    } else {
        e.id = nodeEntityId(element);
    }

    for (qsizetype i = 0; i < element.attributes.size(); ++i) {
        const auto &[title, values] = element.attributes.at(i);
        if (i == consumed || title == QLatin1String("ftm_id")) {
            continue;
        }
        const PropertySpec *spec = propertyFor(*schema, title);
        // The ends of a relationship come from the edge itself.
        if (spec && element.edge && (spec->name == schema->edgeSource || spec->name == schema->edgeTarget)) {
            spec = nullptr;
        }
        for (QString value : values) {
            value = value.trimmed();
            if (value.isEmpty()) {
                continue;
            }
            if (spec && spec->type == PropertyType::Country) {
                value = value.toLower();
            }
            if (spec && spec->type == PropertyType::Date) {
                const QString date = ftmDateFrom(value);
                value = date.isEmpty() ? value : date;
            }
            if (spec && reg.validate(*schema, spec->name, value)) {
                addUnique(e, spec->name, value);
            } else if (!text.isEmpty()) {
                addUnique(e, text, title + QLatin1String(": ") + value);
            }
        }
    }
    const bool explicitStart = hasProperty(e, QStringLiteral("startDate"));
    const bool explicitEnd = hasProperty(e, QStringLiteral("endDate"));
    for (const auto &[start, end] : element.spells) {
        if (!explicitStart) {
            addTime(e, *schema, QStringLiteral("startDate"), start, text);
        }
        if (!explicitEnd) {
            addTime(e, *schema, QStringLiteral("endDate"), end, text);
        }
    }
    if (!ownId) {
        const QString label = element.label.trimmed();
        if (element.edge) {
            if (!label.isEmpty()) {
                addUnique(e, schema->property(QStringLiteral("role")) ? QStringLiteral("role") : text,
                          schema->property(QStringLiteral("role")) ? label : QLatin1String("label: ") + label);
            }
            const QString weight = element.weight.trimmed();
            if (!weight.isEmpty() && weight.toDouble() != 1.0 && !text.isEmpty()) {
                addUnique(e, text, QLatin1String("weight: ") + weight);
            }
        } else if (schema->property(QStringLiteral("name")) && !hasProperty(e, QStringLiteral("name"))) {
            addUnique(e, QStringLiteral("name"), label.isEmpty() ? element.fileId.trimmed() : label);
        }
    }
    if (!element.edge) {
        m_nodeIds.insert(element.fileId, e.id);
    }
    m_queue.push_back(std::move(item));
}

GraphXmlReader::Step GraphXmlReader::next(Entity &entity) {
    for (;;) {
        if (!m_queue.empty()) {
            Item item = std::move(m_queue.front());
            m_queue.pop_front();
            m_line = item.line;
            if (!item.ok) {
                m_error = item.error;
                return m_lenient ? Step::Rejected : Step::Failed;
            }
            entity = std::move(item.entity);
            return Step::Entity;
        }
        if (m_failed) {
            return Step::Failed;
        }
        if (m_finished) {
            if (m_deferred.isEmpty()) {
                return Step::End;
            }
            // Edges whose nodes came later; an end still unknown is a bad record now.
            const QList<Element> deferred = std::exchange(m_deferred, {});
            for (const Element &e : deferred) {
                build(e);
            }
            continue;
        }
        if (!readMore()) {
            if (m_failed) {
                m_line = m_error.line;
                return Step::Failed;
            }
            m_finished = true;
        }
    }
}

const Error &GraphXmlReader::error() const {
    return m_error;
}

qint64 GraphXmlReader::line() const {
    return m_line;
}

qint64 GraphXmlReader::bytesDone() const {
    return m_xml.characterOffset(); // characters, close enough to bytes for progress
}

qint64 GraphXmlReader::bytesTotal() const {
    return m_file.size();
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// OFAC's sdnList XML and the UN Security Council consolidated list.
#include "importvalues.h"
#include "sanctionsreader.h"

#include <QFile>
#include <QXmlStreamReader>

namespace Casegraph::Models {

namespace {

namespace IV = ImportValues;

constexpr int MaxDepth = 32;
constexpr qsizetype MaxEntryText = qsizetype(16) << 20;

} // namespace

// --- XmlSanctionsReader ----------------------------------------------------------------------

const XmlSanctionsReader::Node *XmlSanctionsReader::Node::child(const QString &n) const
{
    for (const auto &c : children) {
        if (c.name == n) {
            return &c;
        }
    }
    return nullptr;
}

QList<const XmlSanctionsReader::Node *> XmlSanctionsReader::Node::all(const QString &n) const
{
    QList<const Node *> out;
    for (const auto &c : children) {
        if (c.name == n) {
            out << &c;
        }
    }
    return out;
}

QString XmlSanctionsReader::Node::value(const QString &n) const
{
    const Node *c = child(n);
    return c ? c->text.simplified() : QString();
}

struct XmlSanctionsReader::Private {
    QFile file;
    QXmlStreamReader xml;
    bool rootSeen = false;
    QMap<QString, QString> rootAttributes;
    qint64 entries = 0;
};

XmlSanctionsReader::XmlSanctionsReader(bool lenient) : SanctionsReader(lenient), d(std::make_unique<Private>()) {}

XmlSanctionsReader::~XmlSanctionsReader() = default;

Status XmlSanctionsReader::openFile(const QString &path)
{
    d->file.close();
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), name()};
    }
    if (d->file.size() == 0) {
        return Error{tr("empty file: expected XML"), name()};
    }
    d->xml.clear();
    d->xml.setDevice(&d->file);
    d->rootSeen = false;
    d->rootAttributes.clear();
    d->entries = 0;
    return {};
}

const QMap<QString, QString> &XmlSanctionsReader::rootAttributes() const
{
    return d->rootAttributes;
}

BatchReader::Read XmlSanctionsReader::readRecord()
{
    QXmlStreamReader &xml = d->xml;
    const auto where = [&]() { return std::pair{xml.lineNumber(), xml.columnNumber() + 1}; };
    const auto xmlError = [&]() {
        const auto [line, column] = where();
        QString message = xml.errorString();
        if (xml.error() == QXmlStreamReader::PrematureEndOfDocumentError) {
            message = tr("the document ends early (truncated file?)");
        }
        return fatal(Error{tr("malformed XML: %1").arg(message), name(), line, column});
    };
    // Reads one element (the reader is on its start) with everything in it.
    std::function<bool(Node &, int, qsizetype &)> readNode = [&](Node &node, int depth, qsizetype &budget) {
        node.name = xml.name().toString();
        for (const auto &a : xml.attributes()) {
            node.attributes.insert(a.name().toString(), a.value().toString());
        }
        while (!xml.atEnd()) {
            switch (xml.readNext()) {
            case QXmlStreamReader::StartElement:
                if (depth >= MaxDepth) {
                    const auto [line, column] = where();
                    fatal(Error{tr("XML nested deeper than %1 levels inside an entry").arg(MaxDepth), name(), line,
                                column});
                    return false;
                }
                if (!readNode(node.children.emplace_back(), depth + 1, budget)) {
                    return false;
                }
                break;
            case QXmlStreamReader::Characters:
                budget -= xml.text().size();
                if (budget < 0) {
                    const auto [line, column] = where();
                    fatal(Error{tr("an entry with more than %1 MiB of text").arg(MaxEntryText >> 20), name(), line,
                                column});
                    return false;
                }
                node.text += xml.text();
                break;
            case QXmlStreamReader::EntityReference: {
                const auto [line, column] = where();
                fatal(Error{tr("reference to the undeclared entity \"%1\"").arg(xml.name().toString()), name(), line,
                            column});
                return false;
            }
            case QXmlStreamReader::EndElement:
                return true;
            default:
                break;
            }
        }
        xmlError();
        return false;
    };

    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::DTD:
            // Internal entities are what billion-laughs attacks are made of; list files never need them.
            if (!xml.entityDeclarations().isEmpty()) {
                const auto [line, column] = where();
                return fatal(
                    Error{tr("the XML declares entities in its DTD; such files are refused"), name(), line, column});
            }
            break;
        case QXmlStreamReader::EntityReference: {
            const auto [line, column] = where();
            return fatal(Error{tr("reference to the undeclared entity \"%1\"").arg(xml.name().toString()), name(), line,
                               column});
        }
        case QXmlStreamReader::StartElement: {
            const QString element = xml.name().toString();
            if (!d->rootSeen) {
                d->rootSeen = true;
                if (element != rootName()) {
                    const auto [line, column] = where();
                    return fatal(Error{tr("unexpected root element <%1>; expected <%2>").arg(element, rootName()),
                                       name(), line, column});
                }
                for (const auto &a : xml.attributes()) {
                    d->rootAttributes.insert(a.name().toString(), a.value().toString());
                }
                break;
            }
            if (!isEntry(element)) {
                break; // containers (INDIVIDUALS, ENTITIES) and headers (publshInformation)
            }
            const auto [line, column] = where();
            setRecord(line, column, tr("entry %1").arg(++d->entries));
            Node node;
            qsizetype budget = MaxEntryText;
            if (!readNode(node, 0, budget)) {
                return Read::Fatal;
            }
            return entry(node);
        }
        default:
            break;
        }
    }
    if (xml.hasError()) {
        return xmlError();
    }
    if (!d->rootSeen) {
        return fatal(Error{tr("no XML element found"), name(), 1, 1});
    }
    return Read::End;
}

qint64 XmlSanctionsReader::bytesDone() const
{
    return d->file.pos();
}

qint64 XmlSanctionsReader::bytesTotal() const
{
    return d->file.size();
}

// --- OFAC sdnList ----------------------------------------------------------------------------

QString OfacXmlReader::rootName() const
{
    return QStringLiteral("sdnList");
}

bool OfacXmlReader::isEntry(const QString &name) const
{
    return name == QLatin1String("sdnEntry");
}

BatchReader::Read OfacXmlReader::entry(const Node &n)
{
    const QString uid = n.value(QStringLiteral("uid"));
    if (uid.isEmpty()) {
        return fail(tr("the sdnEntry has no <uid>"));
    }
    const QString first = n.value(QStringLiteral("firstName"));
    const QString last = n.value(QStringLiteral("lastName"));
    const QString name = QStringList{first, last}.join(QLatin1Char(' ')).simplified();
    if (name.isEmpty()) {
        return fail(tr("sdnEntry %1 has no name").arg(uid));
    }
    const QString id = QStringLiteral("ofac-") + uid;
    const QString schema = partySchema(n.value(QStringLiteral("sdnType")), name);
    Entity &p = entity(id, schema);
    const bool person = schema == QLatin1String("Person");
    add(p, QStringLiteral("name"), name);
    if (person) {
        add(p, QStringLiteral("firstName"), first);
        add(p, QStringLiteral("lastName"), last);
        add(p, QStringLiteral("position"), n.value(QStringLiteral("title")));
    }
    add(p, QStringLiteral("notes"), n.value(QStringLiteral("remarks")));
    if (const Node *aka = n.child(QStringLiteral("akaList"))) {
        for (const Node *a : aka->all(QStringLiteral("aka"))) {
            const QString alias =
                QStringList{a->value(QStringLiteral("firstName")), a->value(QStringLiteral("lastName"))}
                    .join(QLatin1Char(' '))
                    .simplified();
            const bool weak =
                a->value(QStringLiteral("category")).compare(QLatin1String("weak"), Qt::CaseInsensitive) == 0;
            const bool former = a->value(QStringLiteral("type")).startsWith(QLatin1String("f.k.a"));
            add(p,
                former ? QStringLiteral("previousName")
                : weak ? QStringLiteral("weakAlias")
                       : QStringLiteral("alias"),
                alias);
        }
    }
    if (const Node *list = n.child(QStringLiteral("addressList"))) {
        for (const Node *a : list->all(QStringLiteral("address"))) {
            QStringList parts;
            for (const char *key :
                 {"address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"}) {
                if (const QString part = a->value(QLatin1String(key)); !part.isEmpty()) {
                    parts << part;
                }
            }
            add(p, QStringLiteral("address"), parts.join(QLatin1String(", ")));
            add(p, QStringLiteral("country"), IV::countryCode(a->value(QStringLiteral("country"))));
        }
    }
    Entity &s = sanction(id, QStringLiteral("OFAC"), QStringLiteral("us"));
    if (const Node *programs = n.child(QStringLiteral("programList"))) {
        for (const Node *program : programs->all(QStringLiteral("program"))) {
            add(s, QStringLiteral("program"), program->text.simplified());
        }
    }
    add(s, QStringLiteral("authorityId"), uid);
    if (const Node *ids = n.child(QStringLiteral("idList"))) {
        for (const Node *i : ids->all(QStringLiteral("id"))) {
            const QString type = i->value(QStringLiteral("idType"));
            const QString number = i->value(QStringLiteral("idNumber"));
            const QString lower = type.toLower();
            if (lower.startsWith(QLatin1String("additional sanctions information"))) {
                add(s, QStringLiteral("provisions"), number);
            } else if (lower.startsWith(QLatin1String("passport")) && person) {
                add(p, QStringLiteral("passportNumber"), number);
            } else if (lower == QLatin1String("gender") && person) {
                add(p, QStringLiteral("gender"), number.toLower());
            } else if (lower.startsWith(QLatin1String("vessel registration identification")) &&
                       schema == QLatin1String("Vessel")) {
                add(p, QStringLiteral("imoNumber"), number.section(QLatin1Char(' '), -1));
            } else if (lower == QLatin1String("website") && !person && schema != QLatin1String("Vessel")) {
                add(p, QStringLiteral("website"), number);
            } else if (!number.isEmpty()) {
                add(p, QStringLiteral("notes"), type.isEmpty() ? number : type + QLatin1Char(' ') + number);
            }
        }
    }
    if (person) {
        if (const Node *list = n.child(QStringLiteral("dateOfBirthList"))) {
            for (const Node *item : list->all(QStringLiteral("dateOfBirthItem"))) {
                add(p, QStringLiteral("birthDate"), IV::looseDate(item->value(QStringLiteral("dateOfBirth"))));
            }
        }
        if (const Node *list = n.child(QStringLiteral("placeOfBirthList"))) {
            for (const Node *item : list->all(QStringLiteral("placeOfBirthItem"))) {
                add(p, QStringLiteral("birthPlace"), item->value(QStringLiteral("placeOfBirth")));
            }
        }
        for (const auto &[listName, property] :
             {std::pair{"nationalityList", "nationality"}, std::pair{"citizenshipList", "citizenship"}}) {
            if (const Node *list = n.child(QLatin1String(listName))) {
                for (const auto &item : list->children) {
                    add(p, QLatin1String(property), IV::countryCode(item.value(QStringLiteral("country"))));
                }
            }
        }
    }
    if (const Node *vessel = n.child(QStringLiteral("vesselInfo")); vessel && schema == QLatin1String("Vessel")) {
        add(p, QStringLiteral("callSign"), vessel->value(QStringLiteral("callSign")));
        add(p, QStringLiteral("type"), vessel->value(QStringLiteral("vesselType")));
        add(p, QStringLiteral("flag"), IV::countryCode(vessel->value(QStringLiteral("vesselFlag"))));
        add(p, QStringLiteral("tonnage"), vessel->value(QStringLiteral("tonnage")).remove(QLatin1Char(',')));
        add(p, QStringLiteral("grossRegisteredTonnage"),
            vessel->value(QStringLiteral("grossRegisteredTonnage")).remove(QLatin1Char(',')));
        if (const QString owner = vessel->value(QStringLiteral("vesselOwner")); !owner.isEmpty()) {
            add(p, QStringLiteral("notes"), tr("Owner: %1").arg(owner));
        }
    }
    return Read::Record;
}

int OfacXmlReader::sniff(const QByteArray &head)
{
    return head.contains("<sdnList") && (head.contains("sdnList.xsd") || head.contains("<sdnEntry")) ? 95 : 0;
}

// --- UN Security Council consolidated list ---------------------------------------------------

QString UnXmlReader::rootName() const
{
    return QStringLiteral("CONSOLIDATED_LIST");
}

bool UnXmlReader::isEntry(const QString &name) const
{
    return name == QLatin1String("INDIVIDUAL") || name == QLatin1String("ENTITY");
}

BatchReader::Read UnXmlReader::entry(const Node &n)
{
    const QString dataId = n.value(QStringLiteral("DATAID"));
    if (dataId.isEmpty()) {
        return fail(tr("the %1 has no DATAID").arg(n.name));
    }
    const bool person = n.name == QLatin1String("INDIVIDUAL");
    QStringList parts;
    for (const char *key : {"FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"}) {
        if (const QString part = n.value(QLatin1String(key)); !part.isEmpty()) {
            parts << part;
        }
    }
    const QString name = parts.join(QLatin1Char(' '));
    if (name.isEmpty()) {
        return fail(tr("%1 %2 has no name").arg(n.name, dataId));
    }
    const QString id = QStringLiteral("un-") + dataId;
    const QString schema = person ? QStringLiteral("Person") : partySchema({}, name);
    Entity &p = entity(id, schema);
    add(p, QStringLiteral("name"), name);
    add(p, QStringLiteral("alias"), n.value(QStringLiteral("NAME_ORIGINAL_SCRIPT")));
    const QString prefix = person ? QStringLiteral("INDIVIDUAL_") : QStringLiteral("ENTITY_");
    for (const Node *a : n.all(prefix + QLatin1String("ALIAS"))) {
        const QString quality = a->value(QStringLiteral("QUALITY")).toLower();
        add(p, quality == QLatin1String("low") ? QStringLiteral("weakAlias") : QStringLiteral("alias"),
            a->value(QStringLiteral("ALIAS_NAME")));
    }
    for (const Node *a : n.all(prefix + QLatin1String("ADDRESS"))) {
        QStringList address;
        for (const char *key : {"STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE"}) {
            if (const QString part = a->value(QLatin1String(key)); !part.isEmpty()) {
                address << part;
            }
        }
        add(p, QStringLiteral("address"), address.join(QLatin1String(", ")));
        add(p, QStringLiteral("country"), IV::countryCode(a->value(QStringLiteral("COUNTRY"))));
    }
    if (person) {
        add(p, QStringLiteral("firstName"), n.value(QStringLiteral("FIRST_NAME")));
        add(p, QStringLiteral("secondName"), n.value(QStringLiteral("SECOND_NAME")));
        for (const char *list : {"TITLE", "DESIGNATION", "NATIONALITY"}) {
            if (const Node *values = n.child(QLatin1String(list))) {
                for (const Node *v : values->all(QStringLiteral("VALUE"))) {
                    const QString text = v->text.simplified();
                    if (qstrcmp(list, "TITLE") == 0) {
                        add(p, QStringLiteral("title"), text);
                    } else if (qstrcmp(list, "DESIGNATION") == 0) {
                        add(p, QStringLiteral("position"), text);
                    } else {
                        add(p, QStringLiteral("nationality"), IV::countryCode(text));
                    }
                }
            }
        }
        add(p, QStringLiteral("gender"), n.value(QStringLiteral("GENDER")).toLower());
        for (const Node *b : n.all(QStringLiteral("INDIVIDUAL_DATE_OF_BIRTH"))) {
            QString date = IV::looseDate(b->value(QStringLiteral("DATE")));
            if (date.isEmpty()) {
                date = IV::looseDate(b->value(QStringLiteral("YEAR")));
            }
            add(p, QStringLiteral("birthDate"), date);
        }
        for (const Node *b : n.all(QStringLiteral("INDIVIDUAL_PLACE_OF_BIRTH"))) {
            QStringList place;
            for (const char *key : {"CITY", "STATE_PROVINCE", "COUNTRY"}) {
                if (const QString part = b->value(QLatin1String(key)); !part.isEmpty()) {
                    place << part;
                }
            }
            add(p, QStringLiteral("birthPlace"), place.join(QLatin1String(", ")));
        }
        for (const Node *doc : n.all(QStringLiteral("INDIVIDUAL_DOCUMENT"))) {
            const QString number = doc->value(QStringLiteral("NUMBER"));
            const bool passport =
                doc->value(QStringLiteral("TYPE_OF_DOCUMENT")).contains(QLatin1String("Passport"), Qt::CaseInsensitive);
            add(p, passport ? QStringLiteral("passportNumber") : QStringLiteral("idNumber"), number);
        }
    }

    Entity &s = sanction(id, QStringLiteral("UN Security Council"));
    add(s, QStringLiteral("program"), n.value(QStringLiteral("UN_LIST_TYPE")));
    add(s, QStringLiteral("unscId"), n.value(QStringLiteral("REFERENCE_NUMBER")));
    add(s, QStringLiteral("reason"), n.value(QStringLiteral("COMMENTS1")));
    const QString listed = n.value(QStringLiteral("LISTED_ON"));
    const auto listingDate = IV::isoDate(listed);
    if (!listingDate) {
        return fail(tr("invalid LISTED_ON date \"%1\"").arg(listed));
    }
    add(s, QStringLiteral("listingDate"), *listingDate);
    if (const Node *updated = n.child(QStringLiteral("LAST_DAY_UPDATED"))) {
        for (const Node *v : updated->all(QStringLiteral("VALUE"))) {
            add(s, QStringLiteral("modifiedAt"), IV::isoDate(v->text.simplified()).value_or(QString()));
        }
    }
    return Read::Record;
}

int UnXmlReader::sniff(const QByteArray &head)
{
    return head.contains("<CONSOLIDATED_LIST") ? 95 : 0;
}

} // namespace Casegraph::Models

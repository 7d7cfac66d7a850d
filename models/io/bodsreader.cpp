// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "bodsreader.h"
#include "importvalues.h"
#include "jsonelementstream.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>
#include <limits>

namespace Casegraph::Models {

namespace {

namespace IV = ImportValues;

QString str(const QJsonValue &v)
{
    return IV::text(v).trimmed();
}

QString str(const QJsonObject &o, const char *key)
{
    return str(o.value(QLatin1String(key)));
}

/// A number given as a JSON number or a numeric string; NaN when absent or not a number.
double numberOf(const QJsonValue &v)
{
    if (v.isDouble()) {
        return v.toDouble();
    }
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    return ok ? d : std::numeric_limits<double>::quiet_NaN();
}

/// A country given as a code string (0.2) or as {name, code} (0.4).
QString countryOf(const QJsonValue &v)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        const QString code = IV::countryCode(str(o, "code"));
        return code.isEmpty() ? IV::countryCode(str(o, "name")) : code;
    }
    return IV::countryCode(str(v));
}

} // namespace

struct BodsReader::Private {
    explicit Private(BodsReader *reader) : q(reader) {}

    Read statement(const QJsonObject &o);
    bool entityDetails(Entity &e, const QJsonObject &details);
    bool person(Entity &e, const QJsonObject &details);
    bool interests(Entity &e, const QJsonValue &value);
    bool date(Entity &e, const QString &property, const QJsonValue &value)
    {
        if (value.isUndefined() || value.isNull()) {
            return true;
        }
        const auto converted = IV::isoDate(str(value));
        if (!converted) {
            q->fail(tr("invalid date \"%1\" for %2").arg(str(value), property));
            return false;
        }
        add(e, property, *converted);
        return true;
    }
    void addresses(Entity &e, const QJsonValue &value);
    static void common(Entity &e, const QJsonObject &statement);

    BodsReader *q;
    JsonElementStream stream;
    qint64 statements = 0;
};

void BodsReader::Private::common(Entity &e, const QJsonObject &o)
{
    add(e, QStringLiteral("publisher"),
        str(o.value(QLatin1String("publicationDetails")).toObject().value(QLatin1String("publisher")).toObject(),
            "name"));
    add(e, QStringLiteral("sourceUrl"), str(o.value(QLatin1String("source")).toObject(), "url"));
    if (str(o, "recordStatus") == QLatin1String("closed")) {
        add(e, QStringLiteral("status"), QStringLiteral("closed"));
    }
}

void BodsReader::Private::addresses(Entity &e, const QJsonValue &value)
{
    for (const auto &a : value.toArray()) {
        const QJsonObject o = a.toObject();
        // The address text often already holds its postcode and country.
        QString text = str(o, "address");
        const QJsonValue country = o.value(QLatin1String("country"));
        const QString countryName = country.isObject() ? str(country.toObject(), "name") : str(country);
        for (const QString &part : {str(o, "postCode"), countryName}) {
            if (!part.isEmpty() && !text.contains(part, Qt::CaseInsensitive)) {
                text += (text.isEmpty() ? QString() : QStringLiteral(", ")) + part;
            }
        }
        add(e, QStringLiteral("address"), text);
        add(e, QStringLiteral("country"), countryOf(country));
    }
}

bool BodsReader::Private::entityDetails(Entity &e, const QJsonObject &d)
{
    const QJsonValue typeValue = d.value(QLatin1String("entityType"));
    const QString type = typeValue.isObject() ? str(typeValue.toObject(), "type") : str(typeValue);
    if (type == QLatin1String("registeredEntity") || type == QLatin1String("legalEntity")) {
        e.schema = QStringLiteral("Company");
    } else if (type == QLatin1String("state") || type == QLatin1String("stateBody")) {
        e.schema = QStringLiteral("PublicBody");
    }
    add(e, QStringLiteral("name"), str(d, "name"));
    for (const auto &alt : d.value(QLatin1String("alternateNames")).toArray()) {
        add(e, QStringLiteral("alias"), str(alt));
    }
    for (const auto &i : d.value(QLatin1String("identifiers")).toArray()) {
        const QJsonObject ident = i.toObject();
        const bool lei = str(ident, "scheme") == QLatin1String("XI-LEI");
        add(e, lei ? QStringLiteral("leiCode") : QStringLiteral("registrationNumber"), str(ident, "id"));
    }
    for (const char *key : {"jurisdiction", "incorporatedInJurisdiction"}) {
        add(e, QStringLiteral("jurisdiction"), countryOf(d.value(QLatin1String(key))));
    }
    addresses(e, d.value(QLatin1String("addresses")));
    add(e, QStringLiteral("website"), str(d, "uri"));
    return date(e, QStringLiteral("incorporationDate"), d.value(QLatin1String("foundingDate"))) &&
           date(e, QStringLiteral("dissolutionDate"), d.value(QLatin1String("dissolutionDate")));
}

bool BodsReader::Private::person(Entity &e, const QJsonObject &d)
{
    const QJsonArray names = d.value(QLatin1String("names")).toArray();
    qsizetype main = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QString type = str(names.at(i).toObject(), "type");
        if (type == QLatin1String("individual") || type == QLatin1String("legal")) {
            main = i;
            break;
        }
    }
    for (qsizetype i = 0; i < names.size(); ++i) {
        const QJsonObject n = names.at(i).toObject();
        QString full = str(n, "fullName");
        if (full.isEmpty()) {
            full = QStringList{str(n, "givenName"), str(n, "patronymicName"), str(n, "familyName")}
                       .join(QLatin1Char(' '))
                       .simplified();
        }
        if (i == main) {
            add(e, QStringLiteral("name"), full);
            add(e, QStringLiteral("firstName"), str(n, "givenName"));
            add(e, QStringLiteral("lastName"), str(n, "familyName"));
            add(e, QStringLiteral("fatherName"), str(n, "patronymicName"));
        } else {
            add(e, QStringLiteral("alias"), full);
        }
    }
    for (const auto &n : d.value(QLatin1String("nationalities")).toArray()) {
        add(e, QStringLiteral("nationality"), countryOf(n.isObject() ? n : QJsonValue(str(n))));
    }
    addresses(e, d.value(QLatin1String("addresses")));
    const QJsonObject birthPlace = d.value(QLatin1String("placeOfBirth")).toObject();
    add(e, QStringLiteral("birthPlace"), str(birthPlace, "address"));
    for (const auto &i : d.value(QLatin1String("identifiers")).toArray()) {
        add(e, QStringLiteral("idNumber"), str(i.toObject(), "id"));
    }
    return date(e, QStringLiteral("birthDate"), d.value(QLatin1String("birthDate"))) &&
           date(e, QStringLiteral("deathDate"), d.value(QLatin1String("deathDate")));
}

bool BodsReader::Private::interests(Entity &e, const QJsonValue &value)
{
    if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
        q->fail(tr("\"interests\" must be an array"));
        return false;
    }
    for (const auto &i : value.toArray()) {
        const QJsonObject interest = i.toObject();
        add(e, QStringLiteral("ownershipType"), str(interest, "type"));
        add(e, QStringLiteral("role"), str(interest, "directOrIndirect")); // 0.4
        add(e, QStringLiteral("role"), str(interest, "interestLevel"));    // 0.2, 0.3
        add(e, QStringLiteral("summary"), str(interest, "details"));
        const QJsonObject share = interest.value(QLatin1String("share")).toObject();
        add(e, QStringLiteral("percentage"),
            shareText(numberOf(share.value(QLatin1String("exact"))), numberOf(share.value(QLatin1String("minimum"))),
                      numberOf(share.value(QLatin1String("maximum"))),
                      share.value(QLatin1String("exclusiveMinimum")).toBool(),
                      share.value(QLatin1String("exclusiveMaximum")).toBool()));
        if (!date(e, QStringLiteral("startDate"), interest.value(QLatin1String("startDate"))) ||
            !date(e, QStringLiteral("endDate"), interest.value(QLatin1String("endDate")))) {
            return false;
        }
    }
    return true;
}

BatchReader::Read BodsReader::Private::statement(const QJsonObject &o)
{
    const bool v04 = o.contains(QLatin1String("recordType"));
    if (!v04 && !o.contains(QLatin1String("statementType"))) {
        return q->fail(tr("not a BODS statement: it has neither \"statementType\" nor \"recordType\""));
    }
    // 0.4 refers to records; 0.2 and 0.3 refer to statements.
    const QString key = v04                                ? str(o, "recordId")
                        : !str(o, "statementID").isEmpty() ? str(o, "statementID")
                                                           : str(o, "statementId");
    if (key.isEmpty()) {
        return q->fail(v04 ? tr("the statement has no \"recordId\"") : tr("the statement has no \"statementID\""));
    }
    const QString id = QStringLiteral("bods-") + key;
    const QString type = v04 ? str(o, "recordType") : str(o, "statementType");
    const QJsonValue detailsValue = v04 ? o.value(QLatin1String("recordDetails")) : QJsonValue(o);
    if (!detailsValue.isObject()) {
        return q->fail(tr("\"recordDetails\" must be an object"));
    }
    const QJsonObject details = detailsValue.toObject();
    if (type == QLatin1String("entity") || type == QLatin1String("entityStatement")) {
        Entity &e = q->entity(id, QStringLiteral("Organization"));
        common(e, o);
        return entityDetails(e, details) ? Read::Record : Read::Bad;
    }
    if (type == QLatin1String("person") || type == QLatin1String("personStatement")) {
        Entity &e = q->entity(id, QStringLiteral("Person"));
        common(e, o);
        return person(e, details) ? Read::Record : Read::Bad;
    }
    if (type != QLatin1String("relationship") && type != QLatin1String("ownershipOrControlStatement")) {
        return q->fail(tr("unknown statement type \"%1\"").arg(type));
    }
    Entity &e = q->entity(id, QStringLiteral("Ownership"));
    common(e, o);
    add(e, QStringLiteral("recordId"), key);
    // Subject and interested party: a record id (0.4) or {describedBy…Statement: id} (0.2, 0.3);
    // an unspecified party is {reason, description}.
    const auto target = [](const QJsonValue &v) {
        if (v.isString()) {
            return str(v);
        }
        const QJsonObject p = v.toObject();
        for (const char *k : {"describedByEntityStatement", "describedByPersonStatement"}) {
            if (const QString ref = str(p, k); !ref.isEmpty()) {
                return ref;
            }
        }
        return QString();
    };
    const QJsonValue subject = details.value(QLatin1String("subject"));
    const QJsonValue party = details.value(QLatin1String("interestedParty"));
    if (const QString asset = target(subject); !asset.isEmpty()) {
        add(e, QStringLiteral("asset"), QStringLiteral("bods-") + asset);
    }
    if (const QString owner = target(party); !owner.isEmpty()) {
        add(e, QStringLiteral("owner"), QStringLiteral("bods-") + owner);
    } else {
        const QJsonObject p = party.toObject();
        const QJsonObject unspecified =
            p.contains(QLatin1String("unspecified")) ? p.value(QLatin1String("unspecified")).toObject() : p;
        const QString reason = str(unspecified, "reason");
        const QString text = str(unspecified, "description");
        add(e, QStringLiteral("description"),
            reason.isEmpty() ? text
            : text.isEmpty() ? reason
                             : reason + QLatin1String(": ") + text);
    }
    if (!interests(e, details.value(QLatin1String("interests"))) ||
        !date(e, QStringLiteral("date"), o.value(QLatin1String("statementDate")))) {
        return Read::Bad;
    }
    return Read::Record;
}

BodsReader::BodsReader(bool lenient) : BatchReader(lenient), d(std::make_unique<Private>(this))
{
    followProgress(d->stream);
}

BodsReader::~BodsReader() = default;

Status BodsReader::openFile(const QString &path)
{
    if (auto st = d->stream.open(path, name()); !st) {
        return st;
    }
    d->statements = 0;
    const char first = d->stream.firstByte();
    if (first == 0) {
        return Error{tr("empty file: expected BODS statements"), name()};
    }
    if (first != '[' && first != '{') {
        return Error{tr("not a BODS file: JSON data starts with \"[\" or \"{\""), name(), 1, 1};
    }
    return {};
}

BatchReader::Read BodsReader::readRecord()
{
    JsonElementStream::Element e;
    if (Read stop; !nextElement(d->stream, e, stop)) {
        return stop;
    }
    setRecord(e.line, e.column, tr("statement %1").arg(++d->statements));
    QJsonValue v;
    if (!parseElement(d->stream, e, v)) {
        return Read::Bad;
    }
    if (!v.isObject()) {
        return fail(tr("expected a statement object"));
    }
    return d->statement(v.toObject());
}

int BodsReader::sniff(const QByteArray &head)
{
    const QByteArray t = (head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head).trimmed();
    if (!t.startsWith('[') && !t.startsWith('{')) {
        return 0;
    }
    const bool v04 = t.contains("\"recordType\"") && t.contains("\"recordId\"");
    const bool v02 =
        t.contains("\"statementType\"") && (t.contains("\"statementID\"") || t.contains("\"statementId\""));
    if (v04 || v02) {
        return 92;
    }
    return t.contains("\"bodsVersion\"") ? 80 : 0;
}

QString BodsReader::shareText(double exact, double minimum, double maximum, bool exclusiveMinimum,
                              bool exclusiveMaximum)
{
    const auto n = [](double v) { return ImportValues::number(v); };
    if (!std::isnan(exact)) {
        return n(exact) + QLatin1Char('%');
    }
    const bool hasMin = !std::isnan(minimum), hasMax = !std::isnan(maximum);
    if (hasMin && hasMax) {
        if (minimum == maximum) {
            return n(minimum) + QLatin1Char('%');
        }
        return n(minimum) + QLatin1Char('-') + n(maximum) + QLatin1Char('%');
    }
    if (hasMin) {
        return (exclusiveMinimum ? QStringLiteral("more than ") : QStringLiteral("at least ")) + n(minimum) +
               QLatin1Char('%');
    }
    if (hasMax) {
        return (exclusiveMaximum ? QStringLiteral("less than ") : QStringLiteral("up to ")) + n(maximum) +
               QLatin1Char('%');
    }
    return {};
}

} // namespace Casegraph::Models

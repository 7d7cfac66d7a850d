// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocdsreader.h"
#include "importvalues.h"
#include "jsonelementstream.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Casegraph::Models {

namespace {

namespace IV = ImportValues;

QString str(const QJsonValue &v)
{
    return IV::text(v).trimmed();
}

/// "ocds-213czf-000-00001" → "ocds-213czf": the publisher's registered prefix.
QString prefixOf(const QString &ocid)
{
    const QStringList parts = ocid.split(QLatin1Char('-'));
    return parts.size() >= 3 ? parts.at(0) + QLatin1Char('-') + parts.at(1) : ocid;
}

QString kindOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Array:
        return OcdsReader::tr("an array");
    case QJsonValue::Object:
        return OcdsReader::tr("an object");
    case QJsonValue::Double:
        return OcdsReader::tr("a number");
    case QJsonValue::String:
        return OcdsReader::tr("a string");
    case QJsonValue::Bool:
        return OcdsReader::tr("a boolean");
    default:
        return OcdsReader::tr("null");
    }
}

bool absent(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull();
}

} // namespace

struct OcdsReader::Private {
    enum class Shape { Items, ReleasePackage, RecordPackage };

    explicit Private(OcdsReader *reader) : q(reader) {}

    Read record(const QJsonObject &record);
    Read release(const QJsonObject &release, const QString &where);
    /// Adds the organisation (a party or an OCDS 1.0 organisation reference) and returns its
    /// entity id, or "" when it cannot be identified.
    QString party(const QJsonValue &value, const QStringList &roles, QString *key = nullptr);
    bool value(Entity &e, const QJsonValue &value, const QString &what);
    bool date(Entity &e, const QString &property, const QJsonValue &value, const QString &what);
    bool period(Entity &e, const QJsonValue &value, const QString &what);
    bool fail(const QString &message)
    {
        q->fail(prefix + message);
        return false;
    }

    OcdsReader *q;
    JsonElementStream stream;
    Shape shape = Shape::Items;
    qint64 units = 0;
    QString ocid; ///< of the release being read
    QString ocidPrefix;
    QString prefix; ///< "release 2 of the record: " for a record's embedded releases
};

QString OcdsReader::Private::party(const QJsonValue &v, const QStringList &roles, QString *keyOut)
{
    if (!v.isObject()) {
        return {};
    }
    const QJsonObject o = v.toObject();
    const QJsonObject identifier = o.value(QLatin1String("identifier")).toObject();
    const QString scheme = str(identifier.value(QLatin1String("scheme")));
    const QString identifierId = str(identifier.value(QLatin1String("id")));
    const QString fromIdentifier = identifierId.isEmpty() ? QString()
                                   : scheme.isEmpty()     ? identifierId
                                                          : scheme + QLatin1Char('-') + identifierId;
    const QString legalName = str(identifier.value(QLatin1String("legalName")));
    QString name = str(o.value(QLatin1String("name")));
    if (name.isEmpty()) {
        name = legalName;
    }
    // An id that embeds the ocid names the party in this process only (Taiwan: "<ocid>-buyer").
    QString key = str(o.value(QLatin1String("id")));
    if (key.isEmpty() || (key.startsWith(ocid) && !fromIdentifier.isEmpty())) {
        key = !fromIdentifier.isEmpty() ? fromIdentifier : name.simplified();
    }
    if (key.isEmpty()) {
        return {};
    }
    if (keyOut) {
        *keyOut = key;
    }
    const QString id = QStringLiteral("ocds-party-") + ocidPrefix + QLatin1Char('-') + key;
    Entity &e = q->entity(id, QStringLiteral("Organization"));
    add(e, QStringLiteral("name"), name);
    if (legalName != name) {
        add(e, QStringLiteral("alias"), legalName);
    }
    const auto addIdentifier = [&](const QJsonObject &ident) {
        const QString number = str(ident.value(QLatin1String("id")));
        const QString s = str(ident.value(QLatin1String("scheme")));
        add(e, s == QLatin1String("XI-LEI") ? QStringLiteral("leiCode") : QStringLiteral("registrationNumber"), number);
        const QString other = str(ident.value(QLatin1String("legalName")));
        if (other != name) {
            add(e, QStringLiteral("alias"), other);
        }
    };
    addIdentifier(identifier);
    for (const auto &extra : o.value(QLatin1String("additionalIdentifiers")).toArray()) {
        addIdentifier(extra.toObject());
    }
    const QJsonObject address = o.value(QLatin1String("address")).toObject();
    QStringList parts;
    for (const char *field : {"streetAddress", "locality", "region", "postalCode", "countryName"}) {
        const QString part = str(address.value(QLatin1String(field)));
        if (!part.isEmpty()) {
            parts << part;
        }
    }
    add(e, QStringLiteral("address"), parts.join(QLatin1String(", ")));
    add(e, QStringLiteral("country"), IV::countryCode(str(address.value(QLatin1String("countryName")))));
    const QJsonObject contact = o.value(QLatin1String("contactPoint")).toObject();
    add(e, QStringLiteral("email"), str(contact.value(QLatin1String("email"))));
    add(e, QStringLiteral("phone"), str(contact.value(QLatin1String("telephone"))));
    add(e, QStringLiteral("website"), str(contact.value(QLatin1String("url"))));

    QStringList allRoles = roles;
    const QJsonValue own = o.value(QLatin1String("roles"));
    if (own.isString()) {
        allRoles << own.toString();
    }
    for (const auto &r : own.toArray()) {
        allRoles << str(r);
    }
    add(e, QStringLiteral("keywords"), allRoles);
    // Schema from every role the party has in this record: public roles win over trading ones.
    static const QSet<QString> publicRoles = {QStringLiteral("buyer"), QStringLiteral("procuringEntity"),
                                              QStringLiteral("payer"), QStringLiteral("reviewBody")};
    static const QSet<QString> tradingRoles = {QStringLiteral("supplier"), QStringLiteral("tenderer"),
                                               QStringLiteral("payee")};
    bool isPublic = false, isTrading = false;
    for (const QString &role : e.valuesOf(QStringLiteral("keywords"))) {
        isPublic = isPublic || publicRoles.contains(role);
        isTrading = isTrading || tradingRoles.contains(role);
    }
    e.schema = isPublic    ? QStringLiteral("PublicBody")
               : isTrading ? QStringLiteral("Company")
                           : QStringLiteral("Organization");
    return id;
}

bool OcdsReader::Private::value(Entity &e, const QJsonValue &v, const QString &what)
{
    if (absent(v)) {
        return true;
    }
    if (!v.isObject()) {
        return fail(tr("%1 must be an object, found %2").arg(what, kindOf(v)));
    }
    const QJsonObject o = v.toObject();
    const auto amount = IV::amount(o.value(QLatin1String("amount")));
    if (!amount) {
        return fail(tr("%1: the amount %2 is not a number").arg(what, str(o.value(QLatin1String("amount")))));
    }
    add(e, QStringLiteral("amount"), *amount);
    add(e, QStringLiteral("currency"), IV::currency(str(o.value(QLatin1String("currency")))));
    return true;
}

bool OcdsReader::Private::date(Entity &e, const QString &property, const QJsonValue &v, const QString &what)
{
    if (absent(v)) {
        return true;
    }
    if (!v.isString()) {
        return fail(tr("%1 must be a date string, found %2").arg(what, kindOf(v)));
    }
    const auto converted = IV::isoDate(v.toString());
    if (!converted) {
        return fail(tr("%1: invalid date \"%2\" (expected ISO 8601)").arg(what, v.toString()));
    }
    add(e, property, *converted);
    return true;
}

bool OcdsReader::Private::period(Entity &e, const QJsonValue &v, const QString &what)
{
    const QJsonObject p = v.toObject();
    return date(e, QStringLiteral("startDate"), p.value(QLatin1String("startDate")), tr("%1, start date").arg(what)) &&
           date(e, QStringLiteral("endDate"), p.value(QLatin1String("endDate")), tr("%1, end date").arg(what));
}

BatchReader::Read OcdsReader::Private::record(const QJsonObject &record)
{
    const QJsonValue compiled = record.value(QLatin1String("compiledRelease"));
    if (compiled.isObject()) {
        return release(compiled.toObject(), tr("compiledRelease: "));
    }
    const QJsonValue releases = record.value(QLatin1String("releases"));
    if (!absent(releases) && !releases.isArray()) {
        return q->fail(tr("\"releases\" must be an array, found %1").arg(kindOf(releases)));
    }
    const QJsonArray list = releases.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = tr("release %1 of the record: ").arg(i + 1);
        if (!list.at(i).isObject()) {
            return q->fail(where + tr("expected an object, found %1").arg(kindOf(list.at(i))));
        }
        const QJsonObject r = list.at(i).toObject();
        if (!r.contains(QLatin1String("ocid"))) {
            continue; // a linked release: {url, date, tag}
        }
        if (const Read st = release(r, where); st != Read::Record) {
            return st;
        }
    }
    return Read::Record;
}

BatchReader::Read OcdsReader::Private::release(const QJsonObject &rel, const QString &where)
{
    prefix = where;
    ocid = str(rel.value(QLatin1String("ocid")));
    if (ocid.isEmpty()) {
        fail(tr("the release has no \"ocid\""));
        return Read::Bad;
    }
    ocidPrefix = prefixOf(ocid);
    const auto arrayOf = [&](const QJsonValue &v, const QString &key, QJsonArray &out) {
        if (v.isArray()) {
            out = v.toArray();
        } else if (v.isObject()) {
            out = QJsonArray{v}; // Taiwan: "awards": {…}
        } else if (!absent(v)) {
            return fail(tr("\"%1\" must be an array, found %2").arg(key, kindOf(v)));
        }
        return true;
    };
    QJsonArray parties, tenderers, awards, contracts;
    const QJsonValue tenderValue = rel.value(QLatin1String("tender"));
    if (!absent(tenderValue) && !tenderValue.isObject()) {
        fail(tr("\"tender\" must be an object, found %1").arg(kindOf(tenderValue)));
        return Read::Bad;
    }
    const QJsonObject tender = tenderValue.toObject();
    if (!arrayOf(rel.value(QLatin1String("parties")), QStringLiteral("parties"), parties) ||
        !arrayOf(tender.value(QLatin1String("tenderers")), QStringLiteral("tenderers"), tenderers) ||
        !arrayOf(rel.value(QLatin1String("awards")), QStringLiteral("awards"), awards) ||
        !arrayOf(rel.value(QLatin1String("contracts")), QStringLiteral("contracts"), contracts)) {
        return Read::Bad;
    }

    for (qsizetype i = 0; i < parties.size(); ++i) {
        if (!parties.at(i).isObject()) {
            fail(tr("party %1 must be an object, found %2").arg(i + 1).arg(kindOf(parties.at(i))));
            return Read::Bad;
        }
        party(parties.at(i), {});
    }
    const QString buyer = party(rel.value(QLatin1String("buyer")), {QStringLiteral("buyer")});
    const QString procuring =
        party(tender.value(QLatin1String("procuringEntity")), {QStringLiteral("procuringEntity")});
    for (const auto &t : std::as_const(tenderers)) {
        party(t, {QStringLiteral("tenderer")});
    }

    const QString tenderId = QStringLiteral("ocds-tender-") + ocid;
    if (!tender.isEmpty() || !awards.isEmpty()) {
        Entity &c = q->entity(tenderId, QStringLiteral("Contract"));
        const QString title = str(tender.value(QLatin1String("title")));
        QString name = title;
        for (const char *key : {"title", "name"}) { // Taiwan puts the title on the release
            if (name.isEmpty()) {
                name = str(rel.value(QLatin1String(key)));
            }
        }
        add(c, QStringLiteral("name"), name);
        add(c, QStringLiteral("title"), title);
        add(c, QStringLiteral("description"), IV::plainText(str(tender.value(QLatin1String("description")))));
        add(c, QStringLiteral("procedureNumber"), ocid);
        add(c, QStringLiteral("noticeId"), str(tender.value(QLatin1String("id"))));
        add(c, QStringLiteral("authority"), QStringList{buyer, procuring});
        add(c, QStringLiteral("method"), str(tender.value(QLatin1String("procurementMethod"))));
        add(c, QStringLiteral("procedure"), str(tender.value(QLatin1String("procurementMethodDetails"))));
        add(c, QStringLiteral("classification"), str(tender.value(QLatin1String("mainProcurementCategory"))));
        add(c, QStringLiteral("status"), str(tender.value(QLatin1String("status"))));
        add(c, QStringLiteral("criteria"), str(tender.value(QLatin1String("awardCriteria"))));
        add(c, QStringLiteral("language"), str(rel.value(QLatin1String("language"))).toLower());
        if (!value(c, tender.value(QLatin1String("value")), tr("the tender value"))) {
            return Read::Bad;
        }
    }

    QHash<QString, QStringList> contractsOfAward;
    for (qsizetype i = 0; i < contracts.size(); ++i) {
        const QString what = tr("contract %1").arg(i + 1);
        if (!contracts.at(i).isObject()) {
            fail(tr("%1 must be an object, found %2").arg(what, kindOf(contracts.at(i))));
            return Read::Bad;
        }
        const QJsonObject k = contracts.at(i).toObject();
        const QString contractId = str(k.value(QLatin1String("id")));
        if (contractId.isEmpty()) {
            fail(tr("%1 has no \"id\"").arg(what));
            return Read::Bad;
        }
        const QString id = QStringLiteral("ocds-contract-") + ocid + QLatin1Char('-') + contractId;
        Entity &c = q->entity(id, QStringLiteral("Contract"));
        const QString title = str(k.value(QLatin1String("title")));
        add(c, QStringLiteral("name"), title.isEmpty() ? contractId : title);
        add(c, QStringLiteral("title"), title);
        add(c, QStringLiteral("description"), IV::plainText(str(k.value(QLatin1String("description")))));
        add(c, QStringLiteral("procedureNumber"), ocid);
        add(c, QStringLiteral("noticeId"), contractId);
        add(c, QStringLiteral("authority"), buyer);
        add(c, QStringLiteral("status"), str(k.value(QLatin1String("status"))));
        if (!value(c, k.value(QLatin1String("value")), what) ||
            !date(c, QStringLiteral("contractDate"), k.value(QLatin1String("dateSigned")), what)) {
            return Read::Bad;
        }
        const QString awardId = str(k.value(QLatin1String("awardID")));
        if (!awardId.isEmpty()) {
            contractsOfAward[awardId] << id;
        }
    }

    for (qsizetype i = 0; i < awards.size(); ++i) {
        const QString what = tr("award %1").arg(i + 1);
        if (!awards.at(i).isObject()) {
            fail(tr("%1 must be an object, found %2").arg(what, kindOf(awards.at(i))));
            return Read::Bad;
        }
        const QJsonObject a = awards.at(i).toObject();
        const QString awardId = str(a.value(QLatin1String("id")));
        if (awardId.isEmpty()) {
            fail(tr("%1 has no \"id\"").arg(what));
            return Read::Bad;
        }
        // Suppliers on the award, or (Taiwan) on its items with their own values and periods.
        QJsonArray suppliers = a.value(QLatin1String("suppliers")).toArray();
        if (suppliers.isEmpty()) {
            for (const auto &item : a.value(QLatin1String("items")).toArray()) {
                for (const auto &s : item.toObject().value(QLatin1String("suppliers")).toArray()) {
                    suppliers.append(s);
                }
            }
        }
        if (suppliers.isEmpty()) {
            suppliers.append(QJsonValue());
        }
        for (const auto &s : std::as_const(suppliers)) {
            QString key;
            const QString supplier = party(s, {QStringLiteral("supplier")}, &key);
            QString id = QStringLiteral("ocds-award-") + ocid + QLatin1Char('-') + awardId;
            if (!key.isEmpty()) {
                id += QLatin1Char('-') + key;
            }
            Entity &w = q->entity(id, QStringLiteral("ContractAward"));
            add(w, QStringLiteral("contract"), tenderId);
            add(w, QStringLiteral("contract"), contractsOfAward.value(awardId));
            add(w, QStringLiteral("supplier"), supplier);
            add(w, QStringLiteral("status"), str(a.value(QLatin1String("status"))));
            add(w, QStringLiteral("summary"), str(a.value(QLatin1String("title"))));
            add(w, QStringLiteral("description"), IV::plainText(str(a.value(QLatin1String("description")))));
            add(w, QStringLiteral("documentNumber"), awardId);
            add(w, QStringLiteral("recordId"), ocid);
            const QJsonObject so = s.toObject();
            QJsonValue amount = so.value(QLatin1String("awardValue"));
            if (absent(amount)) {
                amount = a.value(QLatin1String("value"));
            }
            if (absent(amount) && suppliers.size() == 1) {
                amount = a.value(QLatin1String("totalAwardValue"));
            }
            QJsonValue when = a.value(QLatin1String("date"));
            if (absent(when)) {
                when = a.value(QLatin1String("awardDate"));
            }
            QJsonValue contractPeriod = a.value(QLatin1String("contractPeriod"));
            if (absent(contractPeriod)) {
                contractPeriod = so.value(QLatin1String("contractPeriod"));
            }
            if (!value(w, amount, what) || !date(w, QStringLiteral("date"), when, what) ||
                !period(w, contractPeriod, tr("%1, contract period").arg(what))) {
                return Read::Bad;
            }
        }
    }
    return Read::Record;
}

OcdsReader::OcdsReader(bool lenient) : BatchReader(lenient), d(std::make_unique<Private>(this))
{
    keepSchema(true);
    followProgress(d->stream);
}

OcdsReader::~OcdsReader() = default;

Status OcdsReader::openFile(const QString &path)
{
    if (auto st = d->stream.open(path, name()); !st) {
        return st;
    }
    d->units = 0;
    const char first = d->stream.firstByte();
    if (first == 0) {
        return Error{tr("empty file: expected an OCDS release package, record package, release or record"), name()};
    }
    if (first == '[') {
        d->shape = Private::Shape::Items;
        return d->stream.rewind(JsonElementStream::Mode::Items);
    }
    if (first != '{') {
        return Error{tr("not an OCDS file: JSON data starts with \"{\" or \"[\""), name(), 1, 1};
    }
    // A quick survey of the top-level keys tells a package (streamed release by release) from a
    // bare release or record (read whole); the order of keys varies between publishers.
    if (auto st = d->stream.rewind(JsonElementStream::Mode::Keys); !st) {
        return st;
    }
    QSet<QString> keys;
    JsonElementStream::Element e;
    for (auto n = d->stream.next(e); n != JsonElementStream::Next::End; n = d->stream.next(e)) {
        if (n == JsonElementStream::Next::Error) {
            return d->stream.error();
        }
        keys.insert(e.key);
    }
    const bool bare = keys.contains(QStringLiteral("ocid")) || keys.contains(QStringLiteral("compiledRelease")) ||
                      keys.contains(QStringLiteral("versionedRelease"));
    if (keys.contains(QStringLiteral("records"))) {
        d->shape = Private::Shape::RecordPackage;
        return d->stream.rewind(JsonElementStream::Mode::Members, {QStringLiteral("records")});
    }
    if (keys.contains(QStringLiteral("releases")) && !bare) {
        d->shape = Private::Shape::ReleasePackage;
        return d->stream.rewind(JsonElementStream::Mode::Members, {QStringLiteral("releases")});
    }
    if (bare || keys.contains(QStringLiteral("releases"))) {
        d->shape = Private::Shape::Items;
        return d->stream.rewind(JsonElementStream::Mode::Items);
    }
    return Error{tr("not an OCDS file: the top-level object has no \"releases\", \"records\" or \"ocid\""), name(), 1,
                 1};
}

BatchReader::Read OcdsReader::readRecord()
{
    using Shape = Private::Shape;
    for (;;) {
        JsonElementStream::Element e;
        if (Read stop; !nextElement(d->stream, e, stop)) {
            return stop;
        }
        const QString member =
            d->shape == Shape::RecordPackage ? QStringLiteral("records") : QStringLiteral("releases");
        if (d->shape != Shape::Items && e.key != member) {
            continue; // package metadata: uri, publisher, extensions …
        }
        ++d->units;
        d->prefix.clear();
        const bool inRecordPackage = d->shape == Shape::RecordPackage;
        setRecord(e.line, e.column, (inRecordPackage ? tr("record %1") : tr("release %1")).arg(d->units));
        if (e.index < 0 && d->shape != Shape::Items) {
            return fail(tr("\"%1\" must be an array").arg(member));
        }
        QJsonValue v;
        if (!parseElement(d->stream, e, v)) {
            return Read::Bad;
        }
        if (!v.isObject()) {
            return fail(tr("expected an OCDS release or record object, found %1").arg(kindOf(v)));
        }
        const QJsonObject o = v.toObject();
        const bool isRecord = inRecordPackage ||
                              (d->shape == Shape::Items &&
                               (o.contains(QLatin1String("compiledRelease")) || o.contains(QLatin1String("releases"))));
        if (isRecord && !inRecordPackage) {
            setRecord(e.line, e.column, tr("record %1").arg(d->units));
        }
        return isRecord ? d->record(o) : d->release(o, {});
    }
}

int OcdsReader::sniff(const QByteArray &head)
{
    const QByteArray t = (head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head).trimmed();
    if (!t.startsWith('{') && !t.startsWith('[')) {
        return 0;
    }
    if (t.contains("\"ocid\"")) {
        return 95;
    }
    if ((t.contains("\"releases\"") || t.contains("\"records\"")) &&
        (t.contains("\"publishedDate\"") || t.contains("\"publisher\""))) {
        return 80;
    }
    return 0;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// The trade.gov Consolidated Screening List, as CSV and as JSON.
#include "importvalues.h"
#include "jsonelementstream.h"
#include "sanctionsreader.h"
#include "sanctionsreader_p.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace Casegraph::Models {

namespace {

namespace IV = ImportValues;

/// The columns that hold several values (";"-separated in the CSV, arrays in the JSON).
const QStringList &multiValued()
{
    static const QStringList keys = {QStringLiteral("alt_names"),       QStringLiteral("addresses"),
                                     QStringLiteral("programs"),        QStringLiteral("citizenships"),
                                     QStringLiteral("nationalities"),   QStringLiteral("dates_of_birth"),
                                     QStringLiteral("places_of_birth"), QStringLiteral("ids")};
    return keys;
}

using Fields = QHash<QString, QStringList>;

/// A JSON value as a list of texts: arrays item by item; address and id objects joined.
QStringList texts(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList out;
        for (const auto &item : v.toArray()) {
            out << texts(item);
        }
        return out;
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        QStringList parts;
        for (const char *key : {"type", "number", "address", "city", "state", "postal_code", "country"}) {
            const QString part = IV::text(o.value(QLatin1String(key))).trimmed();
            if (!part.isEmpty()) {
                parts << part;
            }
        }
        return {parts.join(QLatin1String(", "))};
    }
    const QString t = IV::text(v).trimmed();
    return t.isEmpty() ? QStringList() : QStringList{t};
}

} // namespace

struct CslReader::Private {
    explicit Private(CslReader *reader) : q(reader) {}
    Read entry(const Fields &fields);

    CslReader *q;
    bool json = false;
    CsvSource csv;
    QStringList header;
    JsonElementStream stream;
    qint64 entries = 0;
};

BatchReader::Read CslReader::Private::entry(const Fields &f)
{
    const auto one = [&](const char *key) { return f.value(QLatin1String(key)).join(QLatin1String("; ")).trimmed(); };
    const auto many = [&](const char *key) { return f.value(QLatin1String(key)); };
    const QString name = one("name");
    if (name.isEmpty()) {
        return q->fail(tr("the entry has no name"));
    }
    // "Entity List (EL) - Bureau of Industry and Security": the list, then the agency.
    const QString source = one("source");
    const auto dash = source.lastIndexOf(QLatin1String(" - "));
    const QString list = dash > 0 ? source.left(dash).trimmed() : source;
    const QString agency = dash > 0 ? source.mid(dash + 3).trimmed() : source;
    static const QRegularExpression abbreviation(QStringLiteral(R"(\(([A-Za-z0-9-]+)\))"));
    const auto m = abbreviation.match(list);
    const QString listKey = m.hasMatch() ? m.captured(1).toLower() : IV::slug(list);
    QString key = one("_id");
    if (key.isEmpty()) {
        key = one("id");
    }
    if (key.isEmpty()) {
        const QString number = one("entity_number");
        key = number.isEmpty() ? IV::slug(source + QLatin1Char(' ') + name) : listKey + QLatin1Char('-') + number;
    }
    const QString id = QStringLiteral("csl-") + key;
    const QString schema = partySchema(one("type"), name);

    Entity &p = q->entity(id, schema);
    add(p, QStringLiteral("name"), name);
    add(p, QStringLiteral("alias"), many("alt_names"));
    for (const QString &address : many("addresses")) {
        add(p, QStringLiteral("address"), address);
        add(p, QStringLiteral("country"), IV::countryCode(address.section(QLatin1Char(','), -1)));
    }
    add(p, QStringLiteral("notes"), one("remarks"));
    add(p, QStringLiteral("sourceUrl"), one("source_information_url"));
    if (schema == QLatin1String("Person")) {
        add(p, QStringLiteral("position"), one("title"));
        for (const QString &c : many("citizenships")) {
            add(p, QStringLiteral("citizenship"), IV::countryCode(c));
        }
        for (const QString &c : many("nationalities")) {
            add(p, QStringLiteral("nationality"), IV::countryCode(c));
        }
        for (const QString &date : many("dates_of_birth")) {
            add(p, QStringLiteral("birthDate"), IV::looseDate(date));
        }
        add(p, QStringLiteral("birthPlace"), many("places_of_birth"));
    }
    if (schema == QLatin1String("Vessel")) {
        add(p, QStringLiteral("callSign"), one("call_sign"));
        add(p, QStringLiteral("type"), one("vessel_type"));
        add(p, QStringLiteral("tonnage"), one("gross_tonnage").remove(QLatin1Char(',')));
        add(p, QStringLiteral("grossRegisteredTonnage"), one("gross_registered_tonnage").remove(QLatin1Char(',')));
        add(p, QStringLiteral("flag"), IV::countryCode(one("vessel_flag")));
        if (const QString owner = one("vessel_owner"); !owner.isEmpty()) {
            add(p, QStringLiteral("notes"), tr("Owner: %1").arg(owner));
        }
        for (const QString &i : many("ids")) {
            static const QRegularExpression imo(QStringLiteral(R"(^IMO\b\D*(\d{7})\b)"));
            const auto m = imo.match(i);
            add(p, m.hasMatch() ? QStringLiteral("imoNumber") : QStringLiteral("notes"),
                m.hasMatch() ? m.captured(1) : i);
        }
    } else if (schema == QLatin1String("Airplane")) {
        add(p, QStringLiteral("notes"), many("ids"));
    } else {
        add(p, QStringLiteral("idNumber"), many("ids"));
    }

    Entity &s = q->sanction(id, agency, QStringLiteral("us"));
    add(s, QStringLiteral("program"), list);
    add(s, QStringLiteral("program"), many("programs"));
    add(s, QStringLiteral("authorityId"), one("federal_register_notice"));
    add(s, QStringLiteral("provisions"), one("license_policy"));
    add(s, QStringLiteral("reason"), one("license_requirement"));
    add(s, QStringLiteral("sourceUrl"), one("source_list_url"));
    for (const auto &[column, properties] :
         {std::pair{"start_date", QStringList{QStringLiteral("listingDate"), QStringLiteral("startDate")}},
          std::pair{"end_date", QStringList{QStringLiteral("endDate")}}}) {
        const QString text = one(column);
        const auto date = IV::isoDate(text);
        if (!date) {
            return q->fail(tr("invalid date \"%1\" in %2").arg(text, QLatin1String(column)));
        }
        for (const auto &property : properties) {
            add(s, property, *date);
        }
    }
    return Read::Record;
}

CslReader::CslReader(bool lenient) : SanctionsReader(lenient), d(std::make_unique<Private>(this)) {}

CslReader::~CslReader() = default;

Status CslReader::openFile(const QString &path)
{
    d->entries = 0;
    if (auto st = d->stream.open(path, name()); !st) {
        return st;
    }
    const char first = d->stream.firstByte();
    if (first == 0) {
        return Error{tr("empty file: expected a Consolidated Screening List"), name()};
    }
    d->json = first == '{' || first == '[';
    if (d->json) {
        return d->stream.rewind(first == '{' ? JsonElementStream::Mode::Members : JsonElementStream::Mode::Items,
                                {QStringLiteral("results")});
    }
    if (auto st = d->csv.open(path, name()); !st) {
        return st;
    }
    if (d->csv.next(d->header) == CsvSource::Row::Error) {
        return d->csv.error();
    }
    for (auto &h : d->header) {
        h = h.trimmed().toLower();
    }
    if (!d->header.contains(QLatin1String("name")) || !d->header.contains(QLatin1String("source"))) {
        return Error{tr("not a Consolidated Screening List CSV: the header row has no \"source\" and \"name\" columns"),
                     name(), d->csv.line()};
    }
    return {};
}

BatchReader::Read CslReader::readRecord()
{
    Fields fields;
    if (!d->json) {
        QStringList cells;
        switch (d->csv.next(cells)) {
        case CsvSource::Row::End:
            return Read::End;
        case CsvSource::Row::Error:
            return fatal(d->csv.error());
        case CsvSource::Row::Ok:
            break;
        }
        setRecord(d->csv.line(), 0, {});
        if (cells.size() != d->header.size()) {
            return fail(tr("expected %1 cells as in the header row, found %2").arg(d->header.size()).arg(cells.size()));
        }
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const QString &column = d->header.at(i);
            if (multiValued().contains(column)) {
                QStringList values;
                for (const QString &v : cells.at(i).split(QLatin1Char(';'))) {
                    if (!v.trimmed().isEmpty()) {
                        values << v.trimmed();
                    }
                }
                fields.insert(column, values);
            } else {
                fields.insert(column, {cells.at(i)});
            }
        }
        return d->entry(fields);
    }
    for (;;) {
        JsonElementStream::Element e;
        if (Read stop; !nextElement(d->stream, e, stop)) {
            return stop;
        }
        if (!e.key.isEmpty() && (e.key != QLatin1String("results") || e.index < 0)) {
            if (e.key == QLatin1String("results")) {
                setRecord(e.line, e.column, {});
                return fail(tr("\"results\" must be an array"));
            }
            continue; // total, sources, search_performed_at …
        }
        setRecord(e.line, e.column, tr("entry %1").arg(++d->entries));
        QJsonValue v;
        if (!parseElement(d->stream, e, v)) {
            return Read::Bad;
        }
        if (!v.isObject()) {
            return fail(tr("expected an object"));
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            fields.insert(it.key().toLower(), texts(it.value()));
        }
        return d->entry(fields);
    }
}

qint64 CslReader::bytesDone() const
{
    return d->json ? d->stream.bytesDone() : d->csv.bytesDone();
}

qint64 CslReader::bytesTotal() const
{
    return d->stream.bytesTotal();
}

int CslReader::sniff(const QByteArray &head)
{
    const QByteArray t = (head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head).trimmed();
    if (t.startsWith('{') || t.startsWith('[')) {
        return t.contains("\"federal_register_notice\"") || t.contains("\"source_list_url\"") ? 92 : 0;
    }
    const QByteArray header = firstLine(head).toLower();
    return header.contains("source") && header.contains("name") &&
                   (header.contains("federal_register_notice") || header.contains("license_requirement") ||
                    header.contains("alt_names"))
               ? 95
               : 0;
}

} // namespace Casegraph::Models

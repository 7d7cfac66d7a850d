// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// Extracts of the BIS Entity List (Federal Register text per entry) and their name translations.
#include "importvalues.h"
#include "jsonelementstream.h"
#include "sanctionsreader.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace Casegraph::Models {

namespace {

namespace IV = ImportValues;

constexpr QChar EmDash(0x2014);

struct ParsedEntry {
    QStringList aliases;
    QStringList addresses;
};

/// Drops list glue ("; and", ",", ".") from the ends of a piece of Federal Register text.
QString tidy(QString text)
{
    static const QRegularExpression lead(QStringLiteral(R"(^(?:[\s,;.:]|and\s)+)"));
    static const QRegularExpression trail(QStringLiteral(R"((?:[\s,;:]|\band|\.)+$)"));
    text.remove(lead);
    text.remove(trail);
    return text.simplified();
}

/// Roughly splits an entry's text: "NAME, a.k.a., the following two aliases: —A; and —B.
/// ADDRESS 1; and ADDRESS 2." The name is removed first; aliases run from the first "—" to the
/// end of the sentence (or ";") after the last one; the rest are addresses separated by ";".
ParsedEntry parseRaw(const QString &name, const QString &raw)
{
    ParsedEntry out;
    QString rest = raw.simplified();
    if (rest.startsWith(name)) {
        rest = rest.mid(name.size());
    }
    QString addressPart = rest;
    const auto firstDash = rest.indexOf(EmDash);
    if (firstDash >= 0) {
        const auto lastDash = rest.lastIndexOf(EmDash);
        static const QRegularExpression sentenceEnd(QStringLiteral(R"(\.\s|;)"));
        auto end = rest.indexOf(sentenceEnd, lastDash);
        if (end < 0) {
            end = rest.size();
        }
        for (const QString &alias : rest.mid(firstDash, end - firstDash).split(EmDash)) {
            if (const QString a = tidy(alias); !a.isEmpty()) {
                out.aliases << a;
            }
        }
        addressPart = rest.mid(end + 1);
    } else {
        static const QRegularExpression akaWithoutList(QStringLiteral(R"(^[\s,]*a\.k\.a\.?,?)"));
        addressPart.remove(akaWithoutList);
    }
    for (const QString &piece : addressPart.split(QLatin1Char(';'))) {
        const QString address = tidy(piece);
        if (address.size() > 3) {
            out.addresses << address;
        }
    }
    return out;
}

} // namespace

struct BisReader::Private {
    JsonElementStream stream;
    bool translations = false; ///< the companion file of {name, zh} pairs
    QString generatedAt;
    qint64 entries = 0;
};

BisReader::BisReader(bool lenient) : SanctionsReader(lenient), d(std::make_unique<Private>())
{
    followProgress(d->stream);
}

BisReader::~BisReader() = default;

Status BisReader::openFile(const QString &path)
{
    if (auto st = d->stream.open(path, name()); !st) {
        return st;
    }
    d->entries = 0;
    d->generatedAt.clear();
    const char first = d->stream.firstByte();
    if (first == 0) {
        return Error{tr("empty file: expected an Entity List extract"), name()};
    }
    if (first != '{' && first != '[') {
        return Error{tr("not an Entity List extract: JSON data starts with \"{\" or \"[\""), name(), 1, 1};
    }
    d->translations = first == '[';
    return d->stream.rewind(d->translations ? JsonElementStream::Mode::Items : JsonElementStream::Mode::Members,
                            {QStringLiteral("entries")});
}

BatchReader::Read BisReader::readRecord()
{
    for (;;) {
        JsonElementStream::Element e;
        if (Read stop; !nextElement(d->stream, e, stop)) {
            return stop;
        }
        QJsonValue v;
        Error parseError;
        if (!d->translations && e.key == QLatin1String("generatedAt")) {
            if (d->stream.parse(e, v, parseError)) {
                d->generatedAt = IV::isoDate(v.toString()).value_or(QString());
            }
            continue;
        }
        if (!d->translations && (e.key != QLatin1String("entries") || e.index < 0)) {
            if (e.key == QLatin1String("entries")) {
                setRecord(e.line, e.column, {});
                return fail(tr("\"entries\" must be an array"));
            }
            continue;
        }
        setRecord(e.line, e.column, tr("entry %1").arg(++d->entries));
        if (!parseElement(d->stream, e, v)) {
            return Read::Bad;
        }
        const QJsonObject o = v.toObject();
        const QString name = o.value(QLatin1String("name")).toString().simplified();
        if (!v.isObject() || name.isEmpty()) {
            return fail(tr("expected an object with a \"name\""));
        }
        const QString id = QStringLiteral("bis-") + IV::slug(name);
        Entity &p = entity(id, partySchema({}, name));
        add(p, QStringLiteral("name"), name);
        if (d->translations) {
            add(p, QStringLiteral("alias"), o.value(QLatin1String("zh")).toString());
            return Read::Record;
        }
        const QString raw = o.value(QLatin1String("raw")).toString();
        const ParsedEntry parsed = parseRaw(name, raw);
        add(p, QStringLiteral("alias"), parsed.aliases);
        for (const QString &address : parsed.addresses) {
            add(p, QStringLiteral("address"), address);
            const QString country = address.contains(QLatin1String("China"))
                                        ? QStringLiteral("cn")
                                        : IV::countryCode(address.section(QLatin1Char(','), -1));
            add(p, QStringLiteral("country"), country);
        }
        add(p, QStringLiteral("notes"), raw);
        Entity &s = sanction(id, QStringLiteral("BIS"), QStringLiteral("us"));
        add(s, QStringLiteral("program"), QStringLiteral("Entity List"));
        add(s, QStringLiteral("retrievedAt"), d->generatedAt);
        return Read::Record;
    }
}

int BisReader::sniff(const QByteArray &head)
{
    const QByteArray t = (head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head).trimmed();
    if (t.startsWith('{')) {
        return t.contains("\"entries\"") && t.contains("\"raw\"") ? 85 : 0;
    }
    // The translation companion: [{"name": "…", "zh": "…"}, …]
    static const QRegularExpression pair(QStringLiteral(R"(^\[\s*\{\s*"name"\s*:\s*"[^"]*"\s*,\s*"zh"\s*:)"));
    return t.startsWith('[') && pair.match(QString::fromUtf8(t.left(4096))).hasMatch() ? 85 : 0;
}

} // namespace Casegraph::Models

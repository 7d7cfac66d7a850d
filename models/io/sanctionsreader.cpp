// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sanctionsreader.h"
#include "importvalues.h"
#include "sanctionsreader_p.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

#include <utility>

namespace Casegraph::Models {

namespace IV = ImportValues;

// --- SanctionsReader -------------------------------------------------------------------------

QString SanctionsReader::partySchema(const QString &type, const QString &name)
{
    const QString t = type.trimmed().toLower();
    if (t == QLatin1String("individual") || t == QLatin1String("person")) {
        return QStringLiteral("Person");
    }
    if (t == QLatin1String("vessel")) {
        return QStringLiteral("Vessel");
    }
    if (t == QLatin1String("aircraft") || t == QLatin1String("airplane")) {
        return QStringLiteral("Airplane");
    }
    return IV::looksLikeCompany(name) ? QStringLiteral("Company") : QStringLiteral("Organization");
}

Entity &SanctionsReader::sanction(const QString &partyId, const QString &authority, const QString &country)
{
    Entity &s = entity(partyId + QLatin1String("-sanction"), QStringLiteral("Sanction"));
    add(s, QStringLiteral("entity"), partyId);
    add(s, QStringLiteral("authority"), authority);
    add(s, QStringLiteral("country"), country);
    return s;
}

// --- CsvSource -------------------------------------------------------------------------------

struct CsvSource::Private {
    bool fill()
    {
        if (eof) {
            return false;
        }
        base += end;
        pos = end = 0;
        const qint64 n = file.read(buf.get(), Chunk);
        if (n <= 0) {
            eof = true;
            readError = n < 0;
            return false;
        }
        end = qsizetype(n);
        if (base == 0 && n >= 3 && buf[0] == '\xEF' && buf[1] == '\xBB' && buf[2] == '\xBF') {
            pos = 3;
        }
        return true;
    }
    int peek()
    {
        if (pos == end && !fill()) {
            return -1;
        }
        return static_cast<unsigned char>(buf[pos]);
    }
    void take()
    {
        if (buf[pos++] == '\n') {
            ++lineNo;
        }
    }
    Row fail(const QString &message, qint64 line)
    {
        error = Error{message, name, line};
        return Row::Error;
    }
    static QString decode(const QByteArray &bytes)
    {
        bool ascii = true;
        for (const char c : bytes) {
            ascii = ascii && static_cast<unsigned char>(c) < 0x80;
        }
        if (ascii) {
            return QString::fromLatin1(bytes);
        }
        QStringDecoder utf8(QStringDecoder::Utf8);
        QString text = utf8(bytes);
        return utf8.hasError() ? QString::fromLatin1(bytes) : text;
    }

    static constexpr qsizetype Chunk = qsizetype(1) << 20;
    QFile file;
    QString name;
    Error error;
    std::unique_ptr<char[]> buf = std::make_unique<char[]>(size_t(Chunk));
    qsizetype pos = 0;
    qsizetype end = 0;
    qint64 base = 0;
    bool eof = false;
    bool readError = false;
    qint64 lineNo = 1;
    qint64 rowLine = 0;
};

CsvSource::CsvSource() : d(std::make_unique<Private>()) {}

CsvSource::~CsvSource() = default;

Status CsvSource::open(const QString &path, const QString &displayName)
{
    d->name = displayName.isEmpty() ? path : displayName;
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    return {};
}

CsvSource::Row CsvSource::next(QStringList &cells)
{
    cells.clear();
    for (;;) { // blank lines, and the DOS end-of-file byte
        const int c = d->peek();
        if (c < 0) {
            return d->readError ? d->fail(tr("cannot read the file: %1").arg(d->file.errorString()), d->lineNo)
                                : Row::End;
        }
        if (c != '\n' && c != '\r' && c != 0x1A) {
            break;
        }
        d->take();
    }
    d->rowLine = d->lineNo;
    QList<QByteArray> raw;
    QByteArray cell;
    bool inQuotes = false;
    bool cellStart = true;
    qint64 bytes = 0;
    for (;;) {
        const int c = d->peek();
        if (c < 0) {
            if (d->readError) {
                return d->fail(tr("cannot read the file: %1").arg(d->file.errorString()), d->lineNo);
            }
            if (inQuotes) {
                return d->fail(tr("a quoted cell is not closed (truncated file?)"), d->rowLine);
            }
            raw << cell;
            break;
        }
        if (c == 0) {
            return d->fail(tr("binary data (a NUL byte) where CSV text was expected"), d->lineNo);
        }
        if (++bytes > MaxRowBytes) {
            return d->fail(tr("the row is longer than %1 MiB").arg(MaxRowBytes >> 20), d->rowLine);
        }
        d->take();
        if (inQuotes) {
            if (c == '"') {
                if (d->peek() == '"') {
                    d->take();
                    cell += '"';
                } else {
                    inQuotes = false;
                }
            } else {
                cell += char(c);
            }
        } else if (c == ',') {
            raw << cell;
            cell.clear();
            cellStart = true;
            continue;
        } else if (c == '\n') {
            if (cell.endsWith('\r')) {
                cell.chop(1);
            }
            raw << cell;
            break;
        } else if (c == '"' && cellStart) {
            inQuotes = true;
        } else {
            cell += char(c);
        }
        cellStart = false;
    }
    if (!raw.isEmpty() && raw.constLast().endsWith('\r')) {
        raw.last().chop(1);
    }
    cells.reserve(raw.size());
    for (const auto &r : std::as_const(raw)) {
        cells << Private::decode(r);
    }
    return Row::Ok;
}

qint64 CsvSource::line() const
{
    return d->rowLine;
}

const Error &CsvSource::error() const
{
    return d->error;
}

qint64 CsvSource::bytesDone() const
{
    return d->base + qint64(d->pos);
}

qint64 CsvSource::bytesTotal() const
{
    return d->file.size();
}

// --- OfacCsvReader ---------------------------------------------------------------------------

namespace {

/// A cell of OFAC's legacy CSV: "-0-" (with or without its trailing space) means empty.
QString ofacCell(const QString &cell)
{
    const QString t = cell.trimmed();
    return t == QLatin1String("-0-") ? QString() : t;
}

/// The file beside `info` named like it with `to` in place of the first of `from` found in its
/// name (the case of the replaced word kept), or "" when there is none.
QString siblingOf(const QFileInfo &info, const QStringList &from, const QString &to)
{
    const QString file = info.fileName();
    for (const QString &word : from) {
        const auto at = file.indexOf(word, 0, Qt::CaseInsensitive);
        if (at < 0) {
            continue;
        }
        const QString name = QString(file).replace(at, word.size(), file.at(at).isUpper() ? to.toUpper() : to);
        const QString path = info.dir().filePath(name);
        return QFileInfo(path) != info && QFileInfo::exists(path) ? path : QString();
    }
    return {};
}

bool isNumber(const QString &text)
{
    bool ok = false;
    text.toLongLong(&ok);
    return ok;
}

} // namespace

struct OfacCsvReader::Private {
    enum class Table { Primary, Aliases, Addresses };
    static constexpr int Columns[] = {12, 5, 6};

    /// Reads a sibling table into `rows` by ent_num. Strict: the first bad row is an error;
    /// lenient: bad rows are kept in `siblingErrors` and reported as rejected records.
    Status loadSibling(const QString &path, Table table, QHash<QString, QList<QStringList>> &rows, bool lenient);

    CsvSource csv;
    Table table = Table::Primary;
    QStringList pending;
    bool hasPending = false;
    QHash<QString, QList<QStringList>> aliases;
    QHash<QString, QList<QStringList>> addresses;
    QList<Error> siblingErrors;
    QHash<QString, QString> schemaOf; ///< alias and address tables: ent_num → schema, from the primary table
};

Status OfacCsvReader::Private::loadSibling(const QString &path, Table t, QHash<QString, QList<QStringList>> &rows,
                                           bool lenient)
{
    CsvSource source;
    if (auto st = source.open(path, path); !st) {
        return st;
    }
    QStringList cells;
    for (;;) {
        const auto r = source.next(cells);
        if (r == CsvSource::Row::End) {
            return {};
        }
        if (r == CsvSource::Row::Error) {
            return source.error();
        }
        for (auto &c : cells) {
            c = ofacCell(c);
        }
        Error bad;
        if (cells.size() != Columns[int(t)]) {
            bad = Error{tr("expected %1 fields, found %2").arg(Columns[int(t)]).arg(cells.size()), path, source.line()};
        } else if (!isNumber(cells.at(0))) {
            bad = Error{tr("the entity number \"%1\" is not a number").arg(cells.at(0)), path, source.line()};
        }
        if (!bad.message.isEmpty()) {
            if (!lenient) {
                return bad;
            }
            siblingErrors << bad;
            continue;
        }
        rows[cells.at(0)] << cells;
    }
}

OfacCsvReader::OfacCsvReader(bool lenient) : SanctionsReader(lenient), d(std::make_unique<Private>()) {}

OfacCsvReader::~OfacCsvReader() = default;

Status OfacCsvReader::openFile(const QString &path)
{
    if (auto st = d->csv.open(path, name()); !st) {
        return st;
    }
    switch (d->csv.next(d->pending)) {
    case CsvSource::Row::End:
        return Error{tr("empty file: expected an OFAC CSV table"), name()};
    case CsvSource::Row::Error:
        return d->csv.error();
    case CsvSource::Row::Ok:
        break;
    }
    d->hasPending = true;
    const auto n = d->pending.size();
    if ((n != 12 && n != 5 && n != 6) || !isNumber(ofacCell(d->pending.at(0)))) {
        return Error{tr("not an OFAC legacy CSV table: expected an entity number and 12 (primary), 5 (aliases) or "
                        "6 (addresses) fields, found %1 fields")
                         .arg(n),
                     name(), d->csv.line()};
    }
    d->table = n == 12 ? Private::Table::Primary : n == 5 ? Private::Table::Aliases : Private::Table::Addresses;
    d->aliases.clear();
    d->addresses.clear();
    d->siblingErrors.clear();
    d->schemaOf.clear();
    // cons_prim.csv → cons_alt.csv, cons_add.csv; sdn.csv → alt.csv, add.csv; and back, for the
    // schema of the entries an alias or address table names.
    const QFileInfo info(path);
    if (d->table == Private::Table::Primary) {
        for (const auto &[table, word] : {std::pair{Private::Table::Aliases, QStringLiteral("alt")},
                                          std::pair{Private::Table::Addresses, QStringLiteral("add")}}) {
            const QString sibling = siblingOf(info, {QStringLiteral("prim"), QStringLiteral("sdn")}, word);
            auto &rows = table == Private::Table::Aliases ? d->aliases : d->addresses;
            if (auto st = sibling.isEmpty() ? Status() : d->loadSibling(sibling, table, rows, isLenient()); !st) {
                return st;
            }
        }
        return {};
    }
    const QString own = d->table == Private::Table::Aliases ? QStringLiteral("alt") : QStringLiteral("add");
    QString primary = siblingOf(info, {own}, QStringLiteral("prim"));
    if (primary.isEmpty()) {
        primary = siblingOf(info, {own}, QStringLiteral("sdn"));
    }
    QHash<QString, QList<QStringList>> rows;
    // Read leniently: the primary table's own problems are reported when it is imported.
    if (auto st = primary.isEmpty() ? Status() : d->loadSibling(primary, Private::Table::Primary, rows, true); !st) {
        return st;
    }
    d->siblingErrors.clear();
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        d->schemaOf.insert(it.key(), partySchema(it->constFirst().at(2), it->constFirst().at(1)));
    }
    return {};
}

BatchReader::Read OfacCsvReader::readRecord()
{
    if (!d->siblingErrors.isEmpty()) {
        return fail(d->siblingErrors.takeFirst());
    }
    QStringList cells;
    if (d->hasPending) {
        cells = d->pending;
        d->hasPending = false;
    } else {
        switch (d->csv.next(cells)) {
        case CsvSource::Row::End:
            return Read::End;
        case CsvSource::Row::Error:
            return fatal(d->csv.error());
        case CsvSource::Row::Ok:
            break;
        }
    }
    setRecord(d->csv.line(), 0, {});
    for (auto &c : cells) {
        c = ofacCell(c);
    }
    const int expected = Private::Columns[int(d->table)];
    if (cells.size() != expected) {
        return fail(tr("expected %1 fields, found %2").arg(expected).arg(cells.size()));
    }
    if (!isNumber(cells.at(0))) {
        return fail(tr("the entity number \"%1\" is not a number").arg(cells.at(0)));
    }
    const QString entNum = cells.at(0);
    const QString id = QStringLiteral("ofac-") + entNum;
    const auto addAlias = [](Entity &e, const QStringList &row) {
        const QString type = row.at(2).toLower().remove(QLatin1Char('.'));
        add(e, type == QLatin1String("fka") ? QStringLiteral("previousName") : QStringLiteral("alias"), row.at(3));
    };
    const auto addAddress = [](Entity &e, const QStringList &row) {
        QStringList parts;
        for (int i = 2; i <= 4; ++i) {
            if (!row.at(i).isEmpty()) {
                parts << row.at(i);
            }
        }
        add(e, QStringLiteral("address"), parts.join(QLatin1String(", ")));
        add(e, QStringLiteral("country"), IV::countryCode(row.at(4)));
    };
    if (d->table == Private::Table::Aliases) {
        addAlias(entity(id, d->schemaOf.value(entNum, QStringLiteral("LegalEntity"))), cells);
        return Read::Record;
    }
    if (d->table == Private::Table::Addresses) {
        addAddress(entity(id, d->schemaOf.value(entNum, QStringLiteral("LegalEntity"))), cells);
        return Read::Record;
    }

    const QString &sdnName = cells.at(1);
    if (sdnName.isEmpty()) {
        return fail(tr("entry %1 has no name").arg(entNum));
    }
    const QString schema = partySchema(cells.at(2), sdnName);
    Entity &p = entity(id, schema);
    add(p, QStringLiteral("name"), sdnName);
    const QString &remarks = cells.at(11);
    add(p, QStringLiteral("notes"), remarks);
    if (schema == QLatin1String("Person")) {
        const auto comma = sdnName.indexOf(QLatin1String(", "));
        if (comma > 0) {
            add(p, QStringLiteral("lastName"), sdnName.left(comma));
            add(p, QStringLiteral("firstName"), sdnName.mid(comma + 2));
        }
        add(p, QStringLiteral("position"), cells.at(4));
        // Remarks: "DOB 10 Dec 1948; alt. DOB 1950; POB Giza, Egypt; nationality Iran; Gender Male; …"
        static const QRegularExpression dob(QStringLiteral(R"(\bDOB ([^;]+))"));
        static const QRegularExpression pob(QStringLiteral(R"(\bPOB ([^;]+))"));
        static const QRegularExpression nationality(QStringLiteral(R"(\b(?:nationality|citizen) ([^;]+))"));
        static const QRegularExpression gender(QStringLiteral(R"(\bGender (Male|Female)\b)"));
        const auto clean = [](QString text) {
            text = text.trimmed();
            if (text.endsWith(QLatin1Char('.'))) {
                text.chop(1);
            }
            return text;
        };
        for (auto it = dob.globalMatch(remarks); it.hasNext();) {
            add(p, QStringLiteral("birthDate"), IV::looseDate(clean(it.next().captured(1))));
        }
        for (auto it = pob.globalMatch(remarks); it.hasNext();) {
            add(p, QStringLiteral("birthPlace"), clean(it.next().captured(1)));
        }
        for (auto it = nationality.globalMatch(remarks); it.hasNext();) {
            add(p, QStringLiteral("nationality"), IV::countryCode(clean(it.next().captured(1))));
        }
        if (const auto m = gender.match(remarks); m.hasMatch()) {
            add(p, QStringLiteral("gender"), m.captured(1).toLower());
        }
    } else if (schema == QLatin1String("Vessel")) {
        add(p, QStringLiteral("callSign"), cells.at(5));
        add(p, QStringLiteral("type"), cells.at(6));
        add(p, QStringLiteral("tonnage"), QString(cells.at(7)).remove(QLatin1Char(',')));
        add(p, QStringLiteral("grossRegisteredTonnage"), QString(cells.at(8)).remove(QLatin1Char(',')));
        add(p, QStringLiteral("flag"), IV::countryCode(cells.at(9)));
        if (!cells.at(10).isEmpty()) {
            add(p, QStringLiteral("notes"), tr("Owner: %1").arg(cells.at(10)));
        }
    }
    static const QRegularExpression aka(QStringLiteral(R"(\b([af])\.k\.a\.,? '([^']+)')"));
    for (auto it = aka.globalMatch(remarks); it.hasNext();) {
        const auto m = it.next();
        add(p, m.captured(1) == QLatin1String("f") ? QStringLiteral("previousName") : QStringLiteral("alias"),
            m.captured(2));
    }
    for (const auto &row : d->aliases.value(entNum)) {
        addAlias(p, row);
    }
    for (const auto &row : d->addresses.value(entNum)) {
        addAddress(p, row);
    }

    Entity &s = sanction(id, QStringLiteral("OFAC"), QStringLiteral("us"));
    for (QString program : cells.at(3).split(QLatin1String("] ["))) {
        add(s, QStringLiteral("program"), program.remove(QLatin1Char('[')).remove(QLatin1Char(']')));
    }
    add(s, QStringLiteral("authorityId"), entNum);
    return Read::Record;
}

qint64 OfacCsvReader::bytesDone() const
{
    return d->csv.bytesDone();
}

qint64 OfacCsvReader::bytesTotal() const
{
    return d->csv.bytesTotal();
}

int OfacCsvReader::sniff(const QByteArray &head)
{
    // 36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,…  or  4632,3553,"aka","CENTRAL BANK…",-0-
    static const QRegularExpression primary(QStringLiteral(R"(^\d+,"[^"]*",(?:-0- ?|"[^"]*"),"[^"]*",)"));
    static const QRegularExpression table(QStringLiteral(R"(^\d+,\d+,(?:"[^"]*"|-0- ?),)"));
    const QString line = QString::fromLatin1(firstLine(head)).trimmed();
    if (primary.match(line).hasMatch() && line.contains(QLatin1String("-0-"))) {
        return 92;
    }
    return table.match(line).hasMatch() && line.contains(QLatin1String("-0-")) ? 85 : 0;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftmreader.h"
#include "core/schema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>

namespace Casegraph::Models {

namespace {

namespace dom = simdjson::dom;

/// Lets the caches below look up a std::string_view without building a std::string.
struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <typename T> using ViewMap = std::unordered_map<std::string, T, ViewHash, std::equal_to<>>;

QString fromView(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

bool isBlank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') {
            return false;
        }
    }
    return true;
}

/// Number of code points in the first `bytes` bytes of UTF-8 text (for column numbers).
qint64 codePoints(const char *p, qint64 bytes)
{
    qint64 n = 0;
    for (qint64 i = 0; i < bytes; ++i) {
        n += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
    }
    return n;
}

QString typeName(dom::element_type type)
{
    switch (type) {
    case dom::element_type::ARRAY:
        return FtmReader::tr("an array");
    case dom::element_type::OBJECT:
        return FtmReader::tr("an object");
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
        return FtmReader::tr("a number");
    case dom::element_type::STRING:
        return FtmReader::tr("a string");
    case dom::element_type::BOOL:
        return FtmReader::tr("a boolean");
    case dom::element_type::NULL_VALUE:
        return FtmReader::tr("null");
    }
    return {};
}

/// Short JSON text of an element for messages.
QString excerpt(dom::element e)
{
    QString text = QString::fromStdString(simdjson::minify(e));
    if (text.size() > 40) {
        text = text.left(39) + QChar(0x2026);
    }
    return text;
}

/// Numbers and booleans as text, for lenient mode. Doubles use the shortest form that reads back
/// to the same value.
std::optional<QString> scalarText(dom::element e)
{
    switch (e.type()) {
    case dom::element_type::INT64:
        return QString::number(int64_t(e.get_int64()));
    case dom::element_type::UINT64:
        return QString::number(uint64_t(e.get_uint64()));
    case dom::element_type::DOUBLE: {
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, double(e.get_double()));
        return QString::fromLatin1(buf, r.ptr - buf);
    }
    case dom::element_type::BOOL:
        return bool(e.get_bool()) ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return std::nullopt;
    }
}

QJsonValue toJson(dom::element e)
{
    switch (e.type()) {
    case dom::element_type::ARRAY: {
        QJsonArray a;
        for (dom::element x : dom::array(e)) {
            a.append(toJson(x));
        }
        return a;
    }
    case dom::element_type::OBJECT: {
        QJsonObject o;
        for (dom::key_value_pair kv : dom::object(e)) {
            o.insert(fromView(kv.key), toJson(kv.value));
        }
        return o;
    }
    case dom::element_type::INT64:
        return qint64(int64_t(e.get_int64()));
    case dom::element_type::UINT64:
        return double(uint64_t(e.get_uint64()));
    case dom::element_type::DOUBLE:
        return double(e.get_double());
    case dom::element_type::STRING:
        return fromView(std::string_view(e.get_string()));
    case dom::element_type::BOOL:
        return bool(e.get_bool());
    case dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

enum class LineStatus { Ok, TooLong, End, ReadError };

} // namespace

struct FtmReader::Private {
    explicit Private(Mode m) : mode(m), parser(size_t(MaxLineBytes)) {}

    LineStatus readLine(const char *&ptr, size_t &len);
    /// Parses one line into `entity`; false with `error` set on a bad record.
    bool parseRecord(const char *ptr, size_t len, Entity &entity);
    bool fail(const QString &message, qint64 column = 0)
    {
        error = Error{message, name, recordLine, column};
        return false;
    }
    bool jsonError(simdjson::error_code code, const char *ptr, size_t len);
    const QString &propertyName(std::string_view key);
    const Schema *schema(std::string_view name, QString &canonical);

    Mode mode;
    QFile file;
    QString name;
    Error error;
    dom::parser parser;

    // The read buffer: [pos, end) is unread; SIMDJSON_PADDING readable bytes follow `cap`, so
    // any line in the buffer can be parsed in place.
    std::unique_ptr<char[]> buf;
    size_t cap = 0;
    size_t pos = 0;
    size_t end = 0;
    qint64 base = 0; ///< file offset of buf[0]
    bool eof = false;
    qint64 total = 0;
    qint64 linesRead = 0;
    qint64 recordLine = 0;

    ViewMap<QString> propertyNames;
    ViewMap<std::pair<const Schema *, QString>> schemata;
};

const QString &FtmReader::Private::propertyName(std::string_view key)
{
    auto it = propertyNames.find(key);
    if (it == propertyNames.end()) {
        it = propertyNames.emplace(std::string(key), fromView(key)).first;
    }
    return it->second;
}

const Schema *FtmReader::Private::schema(std::string_view key, QString &canonical)
{
    auto it = schemata.find(key);
    if (it == schemata.end()) {
        const QString n = fromView(key);
        const Schema *s = SchemaRegistry::instance().schema(n);
        if (!s) {
            canonical = n;
            return nullptr;
        }
        it = schemata.emplace(std::string(key), std::make_pair(s, n)).first;
    }
    canonical = it->second.second;
    return it->second.first;
}

LineStatus FtmReader::Private::readLine(const char *&ptr, size_t &len)
{
    constexpr size_t maxCap = size_t(MaxLineBytes) + 1; // a longest line and its newline
    bool skipping = false; // dropping the rest of an over-long line
    for (;;) {
        const char *start = buf.get() + pos;
        if (const void *nl = std::memchr(start, '\n', end - pos)) {
            const size_t n = static_cast<const char *>(nl) - start;
            ++linesRead;
            pos += n + 1;
            ptr = start;
            len = n;
            return skipping || n > size_t(MaxLineBytes) ? LineStatus::TooLong : LineStatus::Ok;
        }
        if (eof) {
            if (pos == end && !skipping) {
                return LineStatus::End;
            }
            ++linesRead;
            ptr = start;
            len = end - pos;
            pos = end;
            return skipping || len > size_t(MaxLineBytes) ? LineStatus::TooLong : LineStatus::Ok;
        }
        // No newline in the buffer: keep the partial line, make room and read on.
        const size_t partial = end - pos;
        if (skipping || partial > size_t(MaxLineBytes)) {
            skipping = true;
            base += qint64(end);
            pos = end = 0;
        } else if (pos > 0) {
            std::memmove(buf.get(), buf.get() + pos, partial);
            base += qint64(pos);
            pos = 0;
            end = partial;
        }
        if (end == cap && cap < maxCap) {
            const size_t grown = std::min(cap * 2, maxCap);
            auto bigger = std::make_unique<char[]>(grown + simdjson::SIMDJSON_PADDING);
            std::memcpy(bigger.get(), buf.get(), end);
            buf = std::move(bigger);
            cap = grown;
        }
        const qint64 n = file.read(buf.get() + end, qint64(cap - end));
        if (n < 0) {
            return LineStatus::ReadError;
        }
        if (n == 0) {
            eof = true;
        }
        if (base == 0 && end == 0 && n >= 3 && std::memcmp(buf.get(), "\xEF\xBB\xBF", 3) == 0) {
            pos = 3; // a UTF-8 byte order mark
        }
        end += size_t(n);
    }
}

bool FtmReader::Private::jsonError(simdjson::error_code code, const char *ptr, size_t len)
{
    if (code == simdjson::DEPTH_ERROR) {
        return fail(tr("JSON nested deeper than %1 levels").arg(MaxDepth));
    }
    if (code == simdjson::UTF8_ERROR) {
        return fail(tr("the line is not valid UTF-8"));
    }
    // JSON text never holds a NUL byte; UTF-16 does for every ASCII character. Say so rather
    // than report the JSON error the NULs cause.
    if (std::memchr(ptr, 0, len)) {
        return fail(tr("the line holds NUL bytes: UTF-16 text without a byte order mark, or binary data; FtM JSON "
                       "lines must be UTF-8"));
    }
    // simdjson does not say where; Qt's parser does. Only bad lines pay for the second parse.
    QJsonParseError pe;
    QJsonDocument::fromJson(QByteArray::fromRawData(ptr, qsizetype(len)), &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qint64 offset = std::clamp<qint64>(pe.offset, 0, qint64(len));
        return fail(tr("malformed JSON: %1").arg(pe.errorString()), codePoints(ptr, offset) + 1);
    }
    return fail(tr("malformed JSON: %1").arg(QString::fromUtf8(simdjson::error_message(code))));
}

bool FtmReader::Private::parseRecord(const char *ptr, size_t len, Entity &entity)
{
    dom::element doc;
    if (const auto code = parser.parse(ptr, len, false).get(doc); code != simdjson::SUCCESS) {
        return jsonError(code, ptr, len);
    }
    if (doc.type() != dom::element_type::OBJECT) {
        return fail(tr("expected a JSON object, found %1").arg(typeName(doc.type())));
    }
    dom::object object = doc;

    // A delta line wraps the entity: {"op": "ADD"|"MOD", "entity": {…}}.
    dom::element op;
    if (object.at_key("op").get(op) == simdjson::SUCCESS) {
        std::string_view opName;
        if (op.get_string().get(opName) != simdjson::SUCCESS) {
            return fail(tr("\"op\" must be a string (ADD or MOD), found %1").arg(typeName(op.type())));
        }
        if (opName == "DEL") {
            return fail(tr("delta operation DEL is not supported; only ADD and MOD can be imported"));
        }
        if (opName != "ADD" && opName != "MOD") {
            return fail(tr("unknown delta operation \"%1\"; expected ADD or MOD").arg(fromView(opName)));
        }
        dom::element inner;
        if (object.at_key("entity").get(inner) != simdjson::SUCCESS) {
            return fail(tr("delta line without an \"entity\""));
        }
        if (inner.type() != dom::element_type::OBJECT) {
            return fail(tr("\"entity\" must be an object, found %1").arg(typeName(inner.type())));
        }
        object = dom::object(inner);
    }

    bool haveId = false, haveSchema = false, haveProperties = false;
    dom::element idValue, schemaValue, propertiesValue;
    for (dom::key_value_pair kv : object) {
        if (kv.key == "id") {
            idValue = kv.value;
            haveId = true;
        } else if (kv.key == "schema") {
            schemaValue = kv.value;
            haveSchema = true;
        } else if (kv.key == "properties") {
            propertiesValue = kv.value;
            haveProperties = true;
        } else {
            // caption, datasets, referents, target, first_seen … kept for a lossless export.
            entity.extra.insert(fromView(kv.key), toJson(kv.value));
        }
    }

    std::string_view text;
    if (!haveId) {
        return fail(tr("the entity has no \"id\""));
    }
    if (idValue.get_string().get(text) != simdjson::SUCCESS) {
        return fail(tr("\"id\" must be a string, found %1").arg(typeName(idValue.type())));
    }
    if (isBlank(text.data(), text.size())) {
        return fail(tr("the entity has an empty \"id\""));
    }
    entity.id = fromView(text);

    if (!haveSchema) {
        return fail(tr("entity \"%1\" has no \"schema\"").arg(entity.id));
    }
    if (schemaValue.get_string().get(text) != simdjson::SUCCESS) {
        return fail(tr("\"schema\" must be a string, found %1").arg(typeName(schemaValue.type())));
    }
    const Schema *schema = this->schema(text, entity.schema);
    if (!schema) {
        return fail(tr("unknown schema \"%1\"").arg(entity.schema));
    }
    if (schema->abstract) {
        return fail(tr("schema \"%1\" is abstract; entities must have a concrete schema").arg(entity.schema));
    }

    if (!haveProperties || propertiesValue.type() == dom::element_type::NULL_VALUE) {
        return true; // FtM allows an entity without properties
    }
    if (propertiesValue.type() != dom::element_type::OBJECT) {
        return fail(tr("\"properties\" must be an object, found %1").arg(typeName(propertiesValue.type())));
    }
    const auto &registry = SchemaRegistry::instance();
    for (dom::key_value_pair kv : dom::object(propertiesValue)) {
        const QString &property = propertyName(kv.key);
        if (kv.value.type() != dom::element_type::ARRAY) {
            return fail(tr("property \"%1\" must be an array of strings, found %2")
                            .arg(property, typeName(kv.value.type())));
        }
        int flags = NoValueFlag;
        if (!schema->property(property)) {
            if (mode == Mode::Strict) {
                return fail(tr("schema %1 has no property \"%2\"; a lenient import keeps it")
                                .arg(schema->name, property));
            }
            flags = UnknownProperty;
        }
        for (dom::element item : dom::array(kv.value)) {
            QString value;
            if (item.get_string().get(text) == simdjson::SUCCESS) {
                value = fromView(text);
            } else if (auto converted = mode == Mode::Lenient ? scalarText(item) : std::nullopt) {
                value = *converted;
            } else {
                return fail(tr("property \"%1\" has a value that is not a string: %2").arg(property, excerpt(item)));
            }
            if (flags == NoValueFlag) {
                if (auto st = registry.validate(*schema, property, value); !st) {
                    return fail(st.error().message);
                }
            }
            entity.values.append(PropertyValue{0, property, value, 0, flags});
        }
    }
    return true;
}

FtmReader::FtmReader(Mode mode) : d(std::make_unique<Private>(mode)) {}

FtmReader::~FtmReader() = default;

Status FtmReader::open(const QString &path, const QString &displayName)
{
    d->name = displayName.isEmpty() ? path : displayName;
    d->file.close();
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    if (const auto code = d->parser.allocate(1 << 16, MaxDepth); code != simdjson::SUCCESS) {
        return Error{tr("out of memory"), d->name};
    }
    d->total = d->file.size();
    d->cap = 4 << 20;
    d->buf = std::make_unique<char[]>(d->cap + simdjson::SIMDJSON_PADDING);
    d->pos = d->end = 0;
    d->base = 0;
    d->eof = false;
    d->linesRead = d->recordLine = 0;
    return {};
}

FtmReader::Step FtmReader::next(Entity &entity)
{
    const Step bad = d->mode == Mode::Strict ? Step::Failed : Step::Rejected;
    for (;;) {
        const char *ptr = nullptr;
        size_t len = 0;
        switch (d->readLine(ptr, len)) {
        case LineStatus::End:
            return Step::End;
        case LineStatus::ReadError:
            d->error = Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name, d->linesRead + 1};
            return Step::Failed;
        case LineStatus::TooLong:
            d->recordLine = d->linesRead;
            d->fail(tr("the line is longer than %1 MiB").arg(MaxLineBytes >> 20));
            return bad;
        case LineStatus::Ok:
            break;
        }
        if (isBlank(ptr, len)) {
            continue;
        }
        d->recordLine = d->linesRead;
        entity.rowId = 0;
        entity.id.clear();
        entity.schema.clear();
        entity.caption.clear();
        entity.extra = QJsonObject();
        entity.values.clear();
        return d->parseRecord(ptr, len, entity) ? Step::Entity : bad;
    }
}

const Error &FtmReader::error() const
{
    return d->error;
}

qint64 FtmReader::line() const
{
    return d->recordLine;
}

qint64 FtmReader::bytesDone() const
{
    return d->base + qint64(d->pos);
}

qint64 FtmReader::bytesTotal() const
{
    return d->total;
}

bool FtmReader::looksLikeFtm(const QByteArray &line)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &pe);
    if (pe.error != QJsonParseError::NoError) {
        // The first line may be valid JSON that Qt rejects only for depth or size; fall back to
        // a look at the keys.
        const QByteArray t = line.trimmed();
        return t.startsWith('{') && (t.contains("\"schema\"") || t.contains("\"op\""));
    }
    return doc.isObject() && (doc.object().contains(QLatin1String("schema")) || doc.object().contains(QLatin1String("op")));
}

} // namespace Casegraph::Models

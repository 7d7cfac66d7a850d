// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonelementstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cstring>

namespace Casegraph::Models {

namespace {

constexpr qsizetype Chunk = qsizetype(1) << 20;

bool isSpace(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/// Bytes that may appear outside strings inside a value: numbers, the literals true/false/null
/// (letters are let through here and checked by the parser), and the separators.
bool isPlainByte(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '+' ||
           c == '.' || c == ',' || c == ':' || isSpace(c);
}

bool isScalarStart(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
}

QString describe(unsigned char c)
{
    if (c >= 0x21 && c < 0x7f) {
        return QLatin1Char('"') + QLatin1Char(char(c)) + QLatin1Char('"');
    }
    return QStringLiteral("0x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
}

} // namespace

struct JsonElementStream::Private {
    enum class State { Top, Array, Object, ObjectArray, After, Done };

    bool fill();
    int peek()
    {
        if (pos == end && !fill()) {
            return -1;
        }
        return static_cast<unsigned char>(buf[pos]);
    }
    void advance()
    {
        const unsigned char c = static_cast<unsigned char>(buf[pos++]);
        if (c == '\n') {
            ++line;
            col = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++col;
        }
    }
    void skipSpace()
    {
        for (int c = peek(); c >= 0 && isSpace(c); c = peek()) {
            advance();
        }
    }
    bool fail(const QString &message)
    {
        error = Error{message, name, line, col + 1};
        state = State::Done;
        return false;
    }
    bool failAtEnd(const QString &what);
    bool scanValue(Element &out, bool capture);
    bool readKey(QString &key);
    bool item(Element &out, bool &done);

    QFile file;
    QString name;
    Error error;
    Mode mode = Mode::Items;
    QSet<QString> streamKeys;
    std::unique_ptr<char[]> buf = std::make_unique<char[]>(size_t(Chunk));
    qsizetype pos = 0;
    qsizetype end = 0;
    qint64 base = 0; ///< file offset of buf[0]
    bool eof = false;
    bool readError = false;
    qint64 line = 1;
    qint64 col = 0; ///< characters before the current byte on its line
    char first = 0;
    qint64 total = 0;

    State state = State::Top;
    bool needComma = false;
    QString arrayKey;
    qint64 arrayIndex = 0;
    qint64 arrayLine = 0;
    qint64 arrayColumn = 0;
};

bool JsonElementStream::Private::fill()
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
    if (base == 0 && n >= 3 && std::memcmp(buf.get(), "\xEF\xBB\xBF", 3) == 0) {
        pos = 3; // a UTF-8 byte order mark
    }
    return true;
}

bool JsonElementStream::Private::failAtEnd(const QString &what)
{
    if (readError) {
        return fail(tr("cannot read the file: %1").arg(file.errorString()));
    }
    return fail(tr("unexpected end of file: %1 is not closed (truncated file?)").arg(what));
}

bool JsonElementStream::Private::scanValue(Element &out, bool capture)
{
    out.json.clear();
    out.offset = base + pos;
    out.line = line;
    out.column = col + 1;
    const unsigned char c0 = static_cast<unsigned char>(buf[pos]);
    out.first = char(c0);
    const bool scalar = c0 != '{' && c0 != '[' && c0 != '"';
    if (scalar && !isScalarStart(c0)) {
        return fail(tr("not valid JSON: unexpected character %1").arg(describe(c0)));
    }
    const auto what = [&out]() {
        return tr("the value that starts at line %1, column %2").arg(out.line).arg(out.column);
    };
    char stack[MaxDepth];
    int depth = 0;
    bool inString = false;
    bool escape = false;
    qsizetype segment = pos;
    const auto keep = [&]() {
        if (capture && pos > segment) {
            if (out.json.size() + (pos - segment) > MaxElementBytes) {
                return false;
            }
            out.json.append(buf.get() + segment, pos - segment);
        }
        return true;
    };
    const auto tooLarge = [&]() { return fail(tr("%1 is larger than %2 MiB").arg(what()).arg(MaxElementBytes >> 20)); };
    for (;;) {
        if (pos == end) {
            if (!keep()) {
                return tooLarge();
            }
            if (!fill()) {
                if (scalar && !readError) {
                    break; // a number or literal may end the file
                }
                return failAtEnd(what());
            }
            segment = pos;
        }
        const unsigned char c = static_cast<unsigned char>(buf[pos]);
        if (inString) {
            if (escape) {
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '"') {
                inString = false;
                if (depth == 0) {
                    advance();
                    break;
                }
            } else if (c < 0x20) {
                return fail(tr("not valid JSON: control character %1 in a string").arg(describe(c)));
            }
        } else if (scalar) {
            if (isSpace(c) || c == ',' || c == ']' || c == '}') {
                break;
            }
            if (!isScalarStart(c) && c != '+' && c != '.') {
                return fail(tr("not valid JSON: unexpected character %1").arg(describe(c)));
            }
        } else {
            switch (c) {
            case '"':
                inString = true;
                break;
            case '{':
            case '[':
                if (depth == MaxDepth) {
                    return fail(tr("JSON nested deeper than %1 levels").arg(MaxDepth));
                }
                stack[depth++] = char(c);
                break;
            case '}':
            case ']':
                if (depth == 0 || stack[depth - 1] != (c == '}' ? '{' : '[')) {
                    return fail(tr("not valid JSON: unexpected %1").arg(describe(c)));
                }
                --depth;
                break;
            default:
                if (!isPlainByte(c)) {
                    return fail(tr("not valid JSON: unexpected character %1").arg(describe(c)));
                }
            }
            if (depth == 0 && !inString) {
                advance();
                break;
            }
        }
        advance();
    }
    if (!keep()) {
        return tooLarge();
    }
    return true;
}

bool JsonElementStream::Private::readKey(QString &key)
{
    Element e;
    if (!scanValue(e, true)) {
        return false;
    }
    const QByteArray inner = e.json.mid(1, e.json.size() - 2);
    if (!inner.contains('\\')) {
        key = QString::fromUtf8(inner);
        return true;
    }
    const QJsonDocument doc = QJsonDocument::fromJson('[' + e.json + ']');
    if (!doc.isArray() || !doc.array().at(0).isString()) {
        error = Error{tr("malformed JSON: invalid member name"), name, e.line, e.column};
        state = State::Done;
        return false;
    }
    key = doc.array().at(0).toString();
    return true;
}

/// The next item of the array being streamed; `done` when its closing bracket was read.
bool JsonElementStream::Private::item(Element &out, bool &done)
{
    done = false;
    skipSpace();
    int c = peek();
    const auto what = [this]() {
        return tr("the array that starts at line %1, column %2").arg(arrayLine).arg(arrayColumn);
    };
    if (c < 0) {
        return failAtEnd(what());
    }
    if (c == ']') {
        advance();
        done = true;
        return true;
    }
    if (needComma) {
        if (c != ',') {
            return fail(tr("not valid JSON: expected \",\" or \"]\", found %1").arg(describe(uchar(c))));
        }
        advance();
        skipSpace();
        c = peek();
        if (c < 0) {
            return failAtEnd(what());
        }
    }
    if (!scanValue(out, true)) {
        return false;
    }
    out.index = arrayIndex++;
    needComma = true;
    return true;
}

JsonElementStream::JsonElementStream() : d(std::make_unique<Private>()) {}

JsonElementStream::~JsonElementStream() = default;

Status JsonElementStream::open(const QString &path, const QString &displayName)
{
    d->name = displayName.isEmpty() ? path : displayName;
    d->file.close();
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    d->total = d->file.size();
    if (auto st = rewind(Mode::Items); !st) {
        return st;
    }
    d->skipSpace();
    if (d->readError) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    const int c = d->peek();
    d->first = c < 0 ? 0 : char(c);
    return rewind(Mode::Items);
}

char JsonElementStream::firstByte() const
{
    return d->first;
}

Status JsonElementStream::rewind(Mode mode, const QSet<QString> &streamKeys)
{
    if (!d->file.seek(0)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    d->mode = mode;
    d->streamKeys = streamKeys;
    d->pos = d->end = 0;
    d->base = 0;
    d->eof = d->readError = false;
    d->line = 1;
    d->col = 0;
    d->state = Private::State::Top;
    d->needComma = false;
    d->error = Error{};
    return {};
}

JsonElementStream::Next JsonElementStream::next(Element &element)
{
    using State = Private::State;
    element.key.clear();
    element.index = -1;
    for (;;) {
        switch (d->state) {
        case State::Done:
            return d->error.message.isEmpty() ? Next::End : Next::Error;
        case State::Top: {
            d->skipSpace();
            const int c = d->peek();
            if (c < 0) {
                if (d->readError) {
                    d->failAtEnd({});
                    return Next::Error;
                }
                d->state = State::Done;
                continue;
            }
            if (d->mode != Mode::Items) {
                if (c != '{') {
                    d->fail(tr("expected a JSON object, found %1").arg(describe(uchar(c))));
                    return Next::Error;
                }
                d->advance();
                d->state = State::Object;
                d->needComma = false;
                continue;
            }
            if (c == '[') {
                d->arrayLine = d->line;
                d->arrayColumn = d->col + 1;
                d->advance();
                d->state = State::Array;
                d->needComma = false;
                d->arrayIndex = 0;
                continue;
            }
            return d->scanValue(element, true) ? Next::Element : Next::Error;
        }
        case State::Array:
        case State::ObjectArray: {
            bool done = false;
            if (!d->item(element, done)) {
                return Next::Error;
            }
            if (done) {
                d->state = d->state == State::Array ? State::Top : State::Object;
                d->needComma = true;
                continue;
            }
            if (d->state == State::ObjectArray) {
                element.key = d->arrayKey;
            }
            return Next::Element;
        }
        case State::Object: {
            d->skipSpace();
            int c = d->peek();
            if (c < 0) {
                d->failAtEnd(tr("the top-level object"));
                return Next::Error;
            }
            if (c == '}') {
                d->advance();
                d->state = State::After;
                continue;
            }
            if (d->needComma) {
                if (c != ',') {
                    d->fail(tr("not valid JSON: expected \",\" or \"}\", found %1").arg(describe(uchar(c))));
                    return Next::Error;
                }
                d->advance();
                d->skipSpace();
                c = d->peek();
            }
            if (c != '"') {
                if (c < 0) {
                    d->failAtEnd(tr("the top-level object"));
                } else {
                    d->fail(tr("not valid JSON: expected a member name, found %1").arg(describe(uchar(c))));
                }
                return Next::Error;
            }
            QString key;
            if (!d->readKey(key)) {
                return Next::Error;
            }
            d->skipSpace();
            c = d->peek();
            if (c != ':') {
                if (c < 0) {
                    d->failAtEnd(tr("the top-level object"));
                } else {
                    d->fail(tr("not valid JSON: expected \":\", found %1").arg(describe(uchar(c))));
                }
                return Next::Error;
            }
            d->advance();
            d->skipSpace();
            c = d->peek();
            if (c < 0) {
                d->failAtEnd(tr("the top-level object"));
                return Next::Error;
            }
            d->needComma = true;
            if (c == '[' && d->streamKeys.contains(key)) {
                d->arrayLine = d->line;
                d->arrayColumn = d->col + 1;
                d->advance();
                d->state = State::ObjectArray;
                d->arrayKey = key;
                d->arrayIndex = 0;
                d->needComma = false;
                continue;
            }
            if (!d->scanValue(element, d->mode != Mode::Keys)) {
                return Next::Error;
            }
            element.key = key;
            return Next::Element;
        }
        case State::After: {
            d->skipSpace();
            const int c = d->peek();
            if (c >= 0) {
                d->fail(tr("not valid JSON: unexpected data after the end of the top-level object"));
                return Next::Error;
            }
            if (d->readError) {
                d->failAtEnd({});
                return Next::Error;
            }
            d->state = State::Done;
            continue;
        }
        }
    }
}

const Error &JsonElementStream::error() const
{
    return d->error;
}

bool JsonElementStream::parse(const Element &element, QJsonValue &value, Error &error) const
{
    const bool container = element.first == '{' || element.first == '[';
    const QByteArray text = container ? element.json : '[' + element.json + ']';
    const int shift = container ? 0 : 1;
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError) {
        const qsizetype offset = std::clamp<qsizetype>(pe.offset - shift, 0, element.json.size());
        qint64 line = element.line;
        qint64 column = element.column;
        for (qsizetype i = 0; i < offset; ++i) {
            const auto c = static_cast<unsigned char>(element.json.at(i));
            if (c == '\n') {
                ++line;
                column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
        error = Error{tr("malformed JSON: %1").arg(pe.errorString()), d->name, line, column};
        return false;
    }
    if (!container) {
        value = doc.array().at(0);
    } else if (doc.isObject()) {
        value = doc.object();
    } else {
        value = doc.array();
    }
    return true;
}

const QString &JsonElementStream::name() const
{
    return d->name;
}

qint64 JsonElementStream::bytesDone() const
{
    return d->base + qint64(d->pos);
}

qint64 JsonElementStream::bytesTotal() const
{
    return d->total;
}

} // namespace Casegraph::Models

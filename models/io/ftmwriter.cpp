// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftmwriter.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>
#include <QVarLengthArray>

#include <charconv>
#include <cmath>

namespace Casegraph::Models {

namespace {

/// Appends `text` as a JSON string. Only the characters JSON requires are escaped; everything
/// else, non-ASCII included, is written as UTF-8.
void appendString(QByteArray &out, const QString &text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out += '"';
    qsizetype clean = 0; // start of the run not yet copied
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto c = static_cast<unsigned char>(utf8.at(i));
        if (c >= 0x20 && c != '"' && c != '\\') {
            continue;
        }
        out.append(utf8.constData() + clean, i - clean);
        clean = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out.append(esc, sizeof esc);
        }
        }
    }
    out.append(utf8.constData() + clean, utf8.size() - clean);
    out += '"';
}

void appendValue(QByteArray &out, const QJsonValue &value);

void appendObject(QByteArray &out, const QJsonObject &object)
{
    out += '{';
    bool first = true;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!first) {
            out += ',';
        }
        first = false;
        appendString(out, it.key());
        out += ':';
        appendValue(out, it.value());
    }
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        // Integers stay integers; other numbers take the shortest text that reads back exactly.
        if (value.toVariant().metaType().id() == QMetaType::LongLong) {
            out += QByteArray::number(value.toInteger());
            break;
        }
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            out += "null";
            break;
        }
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, d);
        out.append(buf, r.ptr - buf);
        break;
    }
    case QJsonValue::String:
        appendString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const auto &v : value.toArray()) {
            if (!first) {
                out += ',';
            }
            first = false;
            appendValue(out, v);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        appendObject(out, value.toObject());
        break;
    }
}

} // namespace

void FtmWriter::appendLine(QByteArray &out, const Entity &entity)
{
    out += "{\"id\":";
    appendString(out, entity.id);
    out += ",\"schema\":";
    appendString(out, entity.schema);
    out += ",\"properties\":{";
    // Properties in order of first appearance, each with all its values in stored order.
    QVarLengthArray<QString, 32> properties;
    for (const auto &v : entity.values) {
        if (!properties.contains(v.property)) {
            properties.append(v.property);
        }
    }
    bool firstProperty = true;
    for (const auto &property : properties) {
        if (!firstProperty) {
            out += ',';
        }
        firstProperty = false;
        appendString(out, property);
        out += ":[";
        bool firstValue = true;
        for (const auto &v : entity.values) {
            if (v.property != property) {
                continue;
            }
            if (!firstValue) {
                out += ',';
            }
            firstValue = false;
            appendString(out, v.value);
        }
        out += ']';
    }
    out += '}';
    for (auto it = entity.extra.begin(); it != entity.extra.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("id") || key == QLatin1String("schema") || key == QLatin1String("properties")) {
            continue;
        }
        out += ',';
        appendString(out, key);
        out += ':';
        appendValue(out, it.value());
    }
    out += "}\n";
}

Result<qint64> FtmWriter::write(const CaseFile &caseFile, QIODevice &device, const std::function<bool(qint64)> &progress)
{
    return write([&caseFile](const std::function<bool(const Entity &)> &fn) { return caseFile.entities().forEach(fn); },
                 device, progress);
}

Result<qint64> FtmWriter::write(const EntitySource &source, QIODevice &device, const std::function<bool(qint64)> &progress)
{
    constexpr qsizetype flushAt = 1 << 20;
    QByteArray buffer;
    buffer.reserve(flushAt + (64 << 10));
    qint64 written = 0;
    bool cancelled = false;
    QString writeError;
    const auto flush = [&] {
        if (device.write(buffer) != buffer.size()) {
            writeError = device.errorString();
            return false;
        }
        buffer.clear();
        return true;
    };
    const auto st = source([&](const Entity &entity) {
        appendLine(buffer, entity);
        ++written;
        if (buffer.size() >= flushAt && !flush()) {
            return false;
        }
        if (progress && written % 1000 == 0 && !progress(written)) {
            cancelled = true;
            return false;
        }
        return true;
    });
    if (!st) {
        return st.error();
    }
    if (cancelled) {
        return Error{tr("export cancelled")};
    }
    if (writeError.isEmpty() && !buffer.isEmpty()) {
        flush();
    }
    if (!writeError.isEmpty()) {
        return Error{tr("cannot write the file: %1").arg(writeError)};
    }
    return written;
}

Result<qint64> FtmWriter::write(const CaseFile &caseFile, const QString &path, const std::function<bool(qint64)> &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{tr("cannot write the file: %1").arg(file.errorString()), path};
    }
    auto n = write(caseFile, file, progress);
    if (!n) {
        file.cancelWriting();
        return Error{n.error().message, path};
    }
    if (!file.commit()) {
        return Error{tr("cannot write the file: %1").arg(file.errorString()), path};
    }
    return n;
}

} // namespace Casegraph::Models

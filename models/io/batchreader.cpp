// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchreader.h"
#include "core/schema.h"

#include <deque>

namespace Casegraph::Models {

struct BatchReader::Private {
    bool lenient = false;
    QString name;
    Error error;
    qint64 line = 0;
    qint64 column = 0;
    QString label;
    qint64 returnedLine = 0;
    const JsonElementStream *progress = nullptr;

    std::deque<Entity> batch;     ///< a deque: references from entity() stay valid as it grows
    QHash<QString, size_t> index; ///< id → position in batch
    std::deque<Entity> ready;
    bool keepSchema = false;
    QHash<QString, QString> schemaOf; ///< with keepSchema: the schema each id was first given
};

BatchReader::BatchReader(bool lenient) : d(std::make_unique<Private>())
{
    d->lenient = lenient;
}

BatchReader::~BatchReader() = default;

qint64 BatchReader::bytesDone() const
{
    return d->progress ? d->progress->bytesDone() : 0;
}

qint64 BatchReader::bytesTotal() const
{
    return d->progress ? d->progress->bytesTotal() : 0;
}

void BatchReader::followProgress(const JsonElementStream &stream)
{
    d->progress = &stream;
}

bool BatchReader::nextElement(JsonElementStream &stream, JsonElementStream::Element &element, Read &stop)
{
    switch (stream.next(element)) {
    case JsonElementStream::Next::Element:
        return true;
    case JsonElementStream::Next::End:
        stop = Read::End;
        return false;
    case JsonElementStream::Next::Error:
        break;
    }
    stop = fatal(stream.error());
    return false;
}

bool BatchReader::parseElement(const JsonElementStream &stream, const JsonElementStream::Element &element,
                               QJsonValue &value)
{
    Error parseError;
    if (stream.parse(element, value, parseError)) {
        return true;
    }
    fail(parseError.message, parseError.line, parseError.column);
    return false;
}

Status BatchReader::open(const QString &path, const QString &displayName)
{
    d->name = displayName.isEmpty() ? path : displayName;
    d->ready.clear();
    d->batch.clear();
    d->index.clear();
    d->schemaOf.clear();
    d->line = d->column = d->returnedLine = 0;
    return openFile(path);
}

RecordReader::Step BatchReader::next(Entity &entity)
{
    while (d->ready.empty()) {
        d->batch.clear();
        d->index.clear();
        switch (readRecord()) {
        case Read::End:
            return Step::End;
        case Read::Fatal:
            return Step::Failed;
        case Read::Bad:
            d->returnedLine = d->error.line;
            return d->lenient ? Step::Rejected : Step::Failed;
        case Read::Record:
            break;
        }
        if (!validateBatch()) {
            d->returnedLine = d->error.line;
            return d->lenient ? Step::Rejected : Step::Failed;
        }
        for (auto &e : d->batch) {
            if (d->keepSchema) {
                const auto it = d->schemaOf.constFind(e.id);
                if (it == d->schemaOf.cend()) {
                    d->schemaOf.insert(e.id, e.schema);
                } else if (*it != e.schema) {
                    // The store merges into the more specific schema; an unrelated one keeps the first.
                    const Schema *common = SchemaRegistry::instance().common(*it, e.schema);
                    e.schema = common ? common->name : *it;
                    d->schemaOf[e.id] = e.schema;
                }
            }
            d->ready.push_back(std::move(e));
        }
    }
    entity = std::move(d->ready.front());
    d->ready.pop_front();
    d->returnedLine = d->line;
    return Step::Entity;
}

bool BatchReader::validateBatch()
{
    const auto &registry = SchemaRegistry::instance();
    for (const auto &e : d->batch) {
        const Schema *schema = registry.schema(e.schema);
        if (e.id.trimmed().isEmpty()) {
            fail(tr("an entity without an id"));
            return false;
        }
        if (!schema || schema->abstract) {
            fail(tr("unknown or abstract schema \"%1\"").arg(e.schema));
            return false;
        }
        for (const auto &v : e.values) {
            if (auto st = registry.validate(*schema, v.property, v.value); !st) {
                fail(st.error().message);
                return false;
            }
        }
    }
    return true;
}

const Error &BatchReader::error() const
{
    return d->error;
}

qint64 BatchReader::line() const
{
    return d->returnedLine;
}

bool BatchReader::isLenient() const
{
    return d->lenient;
}

const QString &BatchReader::name() const
{
    return d->name;
}

void BatchReader::setRecord(qint64 line, qint64 column, const QString &label)
{
    d->line = line;
    d->column = column;
    d->label = label;
}

Entity &BatchReader::entity(const QString &id, const QString &schema)
{
    const auto it = d->index.constFind(id);
    if (it != d->index.cend()) {
        Entity &e = d->batch[*it];
        if (e.schema != schema) {
            if (const Schema *common = SchemaRegistry::instance().common(e.schema, schema)) {
                e.schema = common->name;
            }
        }
        return e;
    }
    d->index.insert(id, d->batch.size());
    Entity &e = d->batch.emplace_back();
    e.id = id;
    e.schema = schema;
    return e;
}

void BatchReader::add(Entity &entity, const QString &property, const QString &value)
{
    const QString v = value.trimmed();
    if (v.isEmpty()) {
        return;
    }
    for (const auto &existing : std::as_const(entity.values)) {
        if (existing.property == property && existing.value == v) {
            return;
        }
    }
    entity.add(property, v);
}

void BatchReader::add(Entity &entity, const QString &property, const QStringList &values)
{
    for (const auto &v : values) {
        add(entity, property, v);
    }
}

void BatchReader::keepSchema(bool keep)
{
    d->keepSchema = keep;
}

BatchReader::Read BatchReader::fail(const QString &message, qint64 line, qint64 column)
{
    const QString text = d->label.isEmpty() ? message : d->label + QLatin1String(": ") + message;
    d->error = Error{text, d->name, line < 0 ? d->line : line, column < 0 ? d->column : column};
    return Read::Bad;
}

BatchReader::Read BatchReader::fail(const Error &error)
{
    d->error = error;
    return Read::Bad;
}

BatchReader::Read BatchReader::fatal(const Error &error)
{
    d->error = error;
    if (d->error.file.isEmpty()) {
        d->error.file = d->name;
    }
    return Read::Fatal;
}

} // namespace Casegraph::Models

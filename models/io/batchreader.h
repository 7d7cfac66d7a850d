// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"
#include "jsonelementstream.h"
#include "recordreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace Casegraph::Models {

/// Base of the readers whose source records each give several entities: an OCDS release gives
/// parties, contracts and awards; a sanctions-list entry gives the listed party and its Sanction.
/// A subclass reads one source record per readRecord() call into a batch; the batch is checked
/// against the schemata as a whole before any of it is handed out, so a bad record fails the
/// import (strict) or is skipped entirely (lenient) and is never half-imported.
///
/// Not thread-safe; use one reader per thread.
class BatchReader : public RecordReader {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::BatchReader)
    Q_DISABLE_COPY_MOVE(BatchReader)
public:
    explicit BatchReader(bool lenient);
    ~BatchReader() override;

    Status open(const QString &path, const QString &displayName = {}) final;
    Step next(Entity &entity) final;
    const Error &error() const final;
    /// The line where the source record of the entity last returned starts.
    qint64 line() const final;
    /// The progress of the stream given to followProgress(), else 0.
    qint64 bytesDone() const override;
    qint64 bytesTotal() const override;

protected:
    enum class Read {
        Record, ///< the batch holds the record's entities (possibly none)
        Bad,    ///< the record is bad; fail() said why. Strict: the import stops; lenient: skipped
        Fatal,  ///< the file cannot be read on; fail() said why
        End,
    };

    /// Opens the source. Errors should name name().
    virtual Status openFile(const QString &path) = 0;
    /// Reads the next source record. Call setRecord() first, then add entities with entity().
    virtual Read readRecord() = 0;

    /// Reports progress (bytesDone(), bytesTotal()) from `stream`, which must outlive the reader.
    void followProgress(const JsonElementStream &stream);
    /// Takes the next element of a JSON document: false at its end (`stop` = End) or when it
    /// cannot be read on (`stop` = Fatal, after fatal() named the error).
    bool nextElement(JsonElementStream &stream, JsonElementStream::Element &element, Read &stop);
    /// Parses an element: false after fail() named the parse error's line and column.
    bool parseElement(const JsonElementStream &stream, const JsonElementStream::Element &element, QJsonValue &value);

    bool isLenient() const;
    /// The file name used in messages.
    const QString &name() const;

    /// Where the current record starts and how messages name it ("release 3", "row 12").
    void setRecord(qint64 line, qint64 column, const QString &label);
    /// The entity with this id in the current batch, added with `schema` if new; the reference
    /// stays valid until the next record. An id already
    /// handed out with an unrelated schema in this import keeps that schema (see keepSchema()).
    Entity &entity(const QString &id, const QString &schema);
    /// Adds a value, trimmed; empty values and exact duplicates are dropped.
    static void add(Entity &entity, const QString &property, const QString &value);
    static void add(Entity &entity, const QString &property, const QStringList &values);
    /// Remembers the schema each id is first given, so that an id whose schema is derived from
    /// varying data (an OCDS party's roles) stays one schema throughout the import.
    void keepSchema(bool keep);

    /// Sets the error for the current record (its line and column unless given) and returns Bad.
    Read fail(const QString &message, qint64 line = -1, qint64 column = -1);
    /// Sets a ready-made error for a bad record (in another file, say) and returns Bad.
    Read fail(const Error &error);
    /// Sets a ready-made error and returns Fatal.
    Read fatal(const Error &error);

private:
    bool validateBatch();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Casegraph::Models

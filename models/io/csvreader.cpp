// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"
#include "core/schema.h"
#include "csvmapping.h"
#include "csvparser.h"
#include "csvpreview.h"
#include "textdecoder.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <optional>

namespace Casegraph::Models {

namespace {

constexpr qint64 HeadBytes = 64 * 1024;

bool isEscapedFormula(const QString &text) {
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char('\'')) {
        ++i;
    }
    if (i == 0 || i == text.size()) {
        return false;
    }
    const char16_t c = text.at(i).unicode();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

struct Row {
    QStringList fields;
    qint64 line = 0;
    bool invalid = false; ///< holds bytes that are not valid in the file's encoding
};

} // namespace

struct CsvReader::Private {
    Private(bool l, const QString &m) : lenient(l), mappingPath(m) {}

    Step bad(const Error &e) {
        error = e;
        error.file = name;
        if (error.line == 0) {
            error.line = rowLine;
        }
        return lenient ? Step::Rejected : Step::Failed;
    }
    /// Reads a record into `row`; false at the end or on a read error (then `failed` is set).
    bool read(Row &row, bool &failed);
    /// One entity from a row of an id/schema file; false with `rowError` set on a bad row.
    bool shapeEntity(const Row &row, Entity &e, Error &rowError) const;

    bool lenient;
    QString mappingPath;
    std::optional<CsvMapping> mapping;
    QFile file;
    QString name;
    QString encoding;
    CsvParser parser;
    Error error;
    qint64 rowLine = 0;
    QList<Entity> queue;          ///< entities of the current row still to hand out
    QList<Error> pendingErrors;   ///< lenient: bad continuation rows found while merging
    std::optional<Row> lookahead; ///< a row read while merging, not yet used
    // id/schema files
    QStringList header;
    int idColumn = -1;
    int schemaColumn = -1;
};

bool CsvReader::Private::read(Row &row, bool &failed) {
    failed = false;
    if (lookahead) {
        row = std::move(*lookahead);
        lookahead.reset();
        return true;
    }
    switch (parser.next(row.fields)) {
    case CsvParser::Next::End:
        return false;
    case CsvParser::Next::Error:
        failed = true;
        error = parser.error();
        error.file = name;
        return false;
    case CsvParser::Next::Record:
        break;
    }
    row.line = parser.line();
    row.invalid = parser.recordHasInvalidText();
    return true;
}

bool CsvReader::Private::shapeEntity(const Row &row, Entity &e, Error &rowError) const {
    const auto &reg = SchemaRegistry::instance();
    const auto cell = [&](int i) { return i < row.fields.size() ? row.fields.at(i).trimmed() : QString(); };
    const auto fail = [&](const QString &message, int column) {
        rowError = Error{message, {}, row.line, column + 1};
        return false;
    };
    if (row.fields.size() > header.size()) {
        for (qsizetype i = header.size(); i < row.fields.size(); ++i) {
            if (!row.fields.at(i).trimmed().isEmpty()) {
                return fail(
                    tr("the row has %1 fields but the header only %2").arg(row.fields.size()).arg(header.size()),
                    int(i));
            }
        }
    }
    e = Entity{};
    e.id = cell(idColumn);
    if (e.id.isEmpty()) {
        return fail(tr("the row has no id"), idColumn);
    }
    const QString schemaText = cell(schemaColumn);
    const Schema *schema = reg.schema(schemaText);
    if (!schema) {
        for (const QString &n : reg.names()) {
            if (n.compare(schemaText, Qt::CaseInsensitive) == 0) {
                schema = reg.schema(n);
            }
        }
    }
    if (!schema) {
        return fail(schemaText.isEmpty() ? tr("the row has no schema") : tr("unknown schema \"%1\"").arg(schemaText),
                    schemaColumn);
    }
    if (schema->abstract) {
        return fail(tr("schema \"%1\" is abstract; entities must have a concrete schema").arg(schema->name),
                    schemaColumn);
    }
    e.schema = schema->name;
    for (int i = 0; i < header.size(); ++i) {
        if (i == idColumn || i == schemaColumn) {
            continue;
        }
        QString value = cell(i);
        if (value.isEmpty()) {
            continue;
        }
        if (isEscapedFormula(value)) {
            value.remove(0, 1);
        }
        const QString &property = header.at(i);
        const PropertySpec *spec = schema->property(property);
        int flags = NoValueFlag;
        if (!spec) {
            if (!lenient) {
                return fail(
                    tr("schema %1 has no property \"%2\"; a lenient import keeps it").arg(schema->name, property), i);
            }
            flags = UnknownProperty;
        } else {
            if (spec->type == PropertyType::Country) {
                value = value.toLower();
            }
            if (auto st = reg.validate(*schema, property, value); !st) {
                return fail(st.error().message, i);
            }
        }
        const PropertyValue pv{0, property, value, 0, flags};
        if (!e.values.contains(pv)) {
            e.values.append(pv);
        }
    }
    return true;
}

CsvReader::CsvReader(bool lenient, const QString &mappingPath) : d(std::make_unique<Private>(lenient, mappingPath)) {}

CsvReader::~CsvReader() = default;

Status CsvReader::open(const QString &path, const QString &displayName) {
    d->name = displayName.isEmpty() ? path : displayName;
    if (!d->mappingPath.isEmpty()) {
        auto mapping = CsvMapping::load(d->mappingPath);
        if (!mapping) {
            return mapping.error();
        }
        d->mapping = *mapping;
    }
    d->file.close();
    d->file.setFileName(path);
    if (!d->file.open(QIODevice::ReadOnly)) {
        return Error{tr("cannot read the file: %1").arg(d->file.errorString()), d->name};
    }
    const QByteArray head = d->file.read(HeadBytes);
    d->file.seek(0);

    auto layout = CsvLayout::resolve(head, d->name, d->mapping ? *d->mapping : CsvMapping(), d->mappingPath);
    if (!layout) {
        return layout.error();
    }
    const TextDecoder::Detection &detection = layout->detection;
    const CsvParser::Dialect dialect = layout->dialect;
    d->encoding = detection.encoding;

    if (auto st = d->parser.open(&d->file, detection.encoding, detection.bomBytes, dialect, !d->lenient); !st) {
        return Error{st.error().message, d->name};
    }
    d->queue.clear();
    d->pendingErrors.clear();
    d->lookahead.reset();

    const int skip = d->mapping ? d->mapping->skipRows : 0;
    const bool wantHeader = !d->mapping || d->mapping->header;
    Row first;
    bool failed = false;
    for (int i = 0; i < skip + (wantHeader ? 1 : 0); ++i) {
        if (!d->read(first, failed)) {
            if (failed) {
                return d->error;
            }
            return Error{tr("the file has no rows"), d->name};
        }
    }
    if (first.invalid) {
        return Error{tr("the header holds bytes that are not valid %1 text").arg(d->encoding), d->name, first.line};
    }
    if (!wantHeader) {
        // No header: peek at the first row for its width, and keep it for next().
        if (!d->read(first, failed)) {
            if (failed) {
                return d->error;
            }
            return Error{tr("the file has no rows"), d->name};
        }
        d->lookahead = first;
    }
    if (d->mapping) {
        const QStringList header = wantHeader ? first.fields : QStringList();
        if (auto st = d->mapping->resolve(header, first.fields.size(), d->mappingPath); !st) {
            Error e = st.error();
            if (wantHeader) {
                e.file = d->name;
                e.line = first.line;
                e.message += tr(" (mapping %1)").arg(d->mappingPath);
            }
            return e;
        }
        return {};
    }
    d->header.clear();
    for (const QString &h : std::as_const(first.fields)) {
        d->header << h.trimmed();
    }
    for (int i = 0; i < d->header.size(); ++i) {
        if (d->idColumn < 0 && d->header.at(i).compare(QLatin1String("id"), Qt::CaseInsensitive) == 0) {
            d->idColumn = i;
        } else if (d->schemaColumn < 0 && d->header.at(i).compare(QLatin1String("schema"), Qt::CaseInsensitive) == 0) {
            d->schemaColumn = i;
        }
    }
    if (d->idColumn < 0 || d->schemaColumn < 0) {
        return Error{tr("this CSV needs a column mapping (--mapping M.json, see docs/import-mapping.md): without one, "
                        "the header must have \"id\" and \"schema\" columns"),
                     d->name, first.line};
    }
    return {};
}

CsvReader::Step CsvReader::next(Entity &entity) {
    for (;;) {
        if (!d->queue.isEmpty()) {
            entity = d->queue.takeFirst();
            return Step::Entity;
        }
        if (!d->pendingErrors.isEmpty()) {
            d->error = d->pendingErrors.takeFirst();
            return Step::Rejected;
        }
        Row row;
        bool failed = false;
        if (!d->read(row, failed)) {
            return failed ? Step::Failed : Step::End;
        }
        d->rowLine = row.line;
        if (row.invalid) {
            return d->bad(Error{tr("the row holds bytes that are not valid %1 text").arg(d->encoding)});
        }
        if (d->mapping) {
            QList<Entity> out;
            if (auto st = d->mapping->apply(row.fields, d->lenient, out); !st) {
                return d->bad(st.error());
            }
            d->queue = out;
            continue;
        }
        Entity e;
        Error rowError;
        if (!d->shapeEntity(row, e, rowError)) {
            return d->bad(rowError);
        }
        // Rows that continue the same entity (further values of multi-valued properties).
        for (;;) {
            Row more;
            if (!d->read(more, failed)) {
                if (failed) {
                    return Step::Failed;
                }
                break;
            }
            if (d->idColumn >= more.fields.size() || more.fields.at(d->idColumn).trimmed() != e.id) {
                d->lookahead = std::move(more);
                break;
            }
            Entity extra;
            if (more.invalid) {
                rowError = Error{tr("the row holds bytes that are not valid %1 text").arg(d->encoding), {}, more.line};
            } else if (d->shapeEntity(more, extra, rowError)) {
                if (extra.schema != e.schema) {
                    rowError = Error{
                        tr("entity \"%1\" is a %2 in the row above but a %3 here").arg(e.id, e.schema, extra.schema),
                        {},
                        more.line,
                        d->schemaColumn + 1};
                } else {
                    for (const auto &v : std::as_const(extra.values)) {
                        if (!e.values.contains(v)) {
                            e.values.append(v);
                        }
                    }
                    continue;
                }
            }
            rowError.file = d->name;
            if (!d->lenient) {
                d->error = rowError;
                return Step::Failed;
            }
            d->pendingErrors.append(rowError);
        }
        entity = e;
        return Step::Entity;
    }
}

const Error &CsvReader::error() const {
    return d->error;
}

qint64 CsvReader::line() const {
    return d->rowLine;
}

qint64 CsvReader::bytesDone() const {
    return d->parser.bytesDone();
}

qint64 CsvReader::bytesTotal() const {
    return d->file.size();
}

int CsvReader::sniff(const QString &path, const QByteArray &head) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    static const QStringList tabular = {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("tab")};
    static const QStringList other = {QStringLiteral("txt"),     QStringLiteral("text"),  QStringLiteral("md"),
                                      QStringLiteral("html"),    QStringLiteral("htm"),   QStringLiteral("xml"),
                                      QStringLiteral("json"),    QStringLiteral("jsonl"), QStringLiteral("gexf"),
                                      QStringLiteral("graphml"), QStringLiteral("pdf")};
    if (tabular.contains(suffix)) {
        return 50;
    }
    if (other.contains(suffix)) {
        return 0;
    }
    const auto detection = TextDecoder::detect(head);
    if (detection.binary) {
        return 0;
    }
    const QByteArray sample = CsvLayout::decodedSample(head, detection);
    return CsvParser::consistency(sample, CsvParser::sniff(sample, path)) >= 80 ? 30 : 0;
}

} // namespace Casegraph::Models

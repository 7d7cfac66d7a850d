// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/entity.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

class Schema;

/// How the columns of a CSV file become entities: per row, one or more entities (each with a
/// schema, an id and properties taken from columns) and relationships between them. Saved as
/// JSON (docs/import-mapping.md describes the format); `casegraph-cli import --mapping M.json`
/// and the GUI's import wizard read it.
///
/// Columns are named by their header text, or by a 1-based number when the file has no header.
class CsvMapping {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CsvMapping)
public:
    /// Where one property's values come from.
    struct Source {
        enum class Kind { Column, Constant, Entity };
        Kind kind = Kind::Column;
        QString column;     ///< header text, or "#N" for the N-th column
        int index = -1;     ///< 0-based, after resolve()
        QString constant;   ///< Kind::Constant
        QString entity;     ///< Kind::Entity: the key of another entity of the same row
        QString split;      ///< split the cell at this text into several values
        QString dateFormat; ///< Qt date format of the cell (e.g. dd/MM/yyyy), converted to ISO
    };
    struct Property {
        QString name;
        QList<Source> sources;
    };
    struct Target {
        QString key;                          ///< names the entity for relationships and Entity sources
        QString schema;                       ///< fixed schema, or the default when schemaColumn is set
        Source schemaColumn;                  ///< per-row schema from this column, when index >= 0 / column set
        QHash<QString, QString> schemaValues; ///< lower-cased cell text → schema name
        QList<Source> idColumns;              ///< empty: the id is a hash of the property values
        bool idHashed = true;                 ///< false: prefix + the single id column's text
        QString idPrefix = QStringLiteral("csv-");
        QList<Property> properties;
        QString source, target; ///< relationships: the entity keys at either end
        bool isRelationship() const { return !source.isEmpty(); }
    };

    QString encoding = QStringLiteral("auto");
    QString delimiter = QStringLiteral("auto"); ///< "auto", ",", ";", "\t" (or "tab"), "|"
    QString quote = QStringLiteral("auto");     ///< "auto", "\"", "'" or "none"
    bool header = true;
    int skipRows = 0;              ///< lines before the header (titles in spreadsheet exports)
    bool unescapeFormulas = false; ///< drop the ' our CSV export puts before =, +, -, @
    QList<Target> entities;        ///< plain entities first, then relationships

    static Result<CsvMapping> load(const QString &path);
    /// `file` names the mapping in errors.
    static Result<CsvMapping> fromJson(const QJsonObject &json, const QString &file = {});
    QJsonObject toJson() const;
    Status save(const QString &path) const;

    /// Binds column names to positions in `header` (or checks "#N" against `columns`).
    Status resolve(const QStringList &header, qsizetype columns, const QString &file = {});

    /// The entities of one row, plain ones before relationships. An entity whose id columns
    /// (or, without id columns, all its property cells) are empty is left out, and so is any
    /// relationship that needs it. The error's column is the offending cell's 1-based number.
    Status apply(const QStringList &row, bool lenient, QList<Entity> &out) const;

    /// The deterministic id for `parts` under `prefix`: prefix + SHA-1 hex of the parts.
    static QString hashId(const QString &prefix, const QStringList &parts);

private:
    Status checkSchemata(const QString &file) const;
};

} // namespace Casegraph::Models

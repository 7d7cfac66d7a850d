// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/csvmapping.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Casegraph::Ui {

/// One entity (or relationship) of a CSV mapping: its schema, where its id comes from, and
/// which column fills which property, with a combo per column that lists only the properties of
/// the chosen schema. Used twice by the CSV mapping wizard for entities, once for relationships.
class EntityMappingEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityMappingEditor)
public:
    enum class Mode { Entity, Relationship };
    EntityMappingEditor(Mode mode, QWidget *parent = nullptr);

    /// The file's columns and a few rows for the Example column; keeps choices by column name.
    void setColumns(const QStringList &header, const QList<QStringList> &rows);
    QStringList columns() const { return m_header; }

    QString schema() const;
    void setSchema(const QString &name);
    /// Maps a column (by header text) to a property; an empty property unmaps it.
    void setColumnProperty(const QString &column, const QString &property);
    QString columnProperty(const QString &column) const;
    /// Entity mode: the schema per row from a column, cell texts mapped by "p=Person, c=Company".
    void setSchemaColumn(const QString &column, const QString &values = {});
    /// Entity mode: the id from these columns' cells (empty: a hash of the mapped values).
    void setIdColumn(const QString &column, const QString &prefix, bool hashed);
    /// Relationship mode: whether the first entity of the row is the relationship's source end.
    bool firstIsSource() const;
    void setFirstIsSource(bool first);

    int mappedCount() const;
    /// The mapping's target; relationships get source/target from the two entity keys.
    Models::CsvMapping::Target target(const QString &key, const QString &firstKey = {},
                                      const QString &secondKey = {}) const;
    /// One line for the summary page: "Company: name ← owner, country ← owner_country".
    QString describe() const;

    QComboBox *schemaCombo() const { return m_schema; }
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    /// Shares the table's width out so that the examples stay readable when the editor is half
    /// a page wide (the second entity and the relationship side by side).
    void fitColumns();
    void fillProperties();
    void updateDirection();

    Mode m_mode;
    QStringList m_header;
    QComboBox *m_schema = nullptr;
    QComboBox *m_schemaColumn = nullptr;
    QLineEdit *m_schemaValues = nullptr;
    QComboBox *m_idColumn = nullptr;
    QLineEdit *m_idPrefix = nullptr;
    QCheckBox *m_idHashed = nullptr;
    QComboBox *m_direction = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace Casegraph::Ui

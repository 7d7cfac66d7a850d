// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitymappingeditor.h"

#include "core/schema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
enum Column { ColumnName, ExampleColumn, PropertyColumn };

/// Schemata the user can pick: concrete ones, entities or relationships, by label.
QList<const Schema *> schemataFor(EntityMappingEditor::Mode mode) {
    const auto &reg = SchemaRegistry::instance();
    QList<const Schema *> out;
    for (const QString &name : reg.names()) {
        const Schema *s = reg.schema(name);
        if (s && !s->abstract && s->isEdge() == (mode == EntityMappingEditor::Mode::Relationship)) {
            out << s;
        }
    }
    std::sort(out.begin(), out.end(), [](const Schema *a, const Schema *b) {
        return QString::localeAwareCompare(a->label, b->label) < 0;
    });
    return out;
}

CsvMapping::Source columnSource(const QString &column) {
    CsvMapping::Source s;
    s.kind = CsvMapping::Source::Kind::Column;
    s.column = column;
    return s;
}
} // namespace

EntityMappingEditor::EntityMappingEditor(Mode mode, QWidget *parent) : QWidget(parent), m_mode(mode) {
    m_schema = new QComboBox(this);
    for (const Schema *s : schemataFor(mode)) {
        m_schema->addItem(QStringLiteral("%1 (%2)").arg(s->label, s->name), s->name);
    }
    m_schema->setAccessibleName(tr("Schema"));
    auto *form = new QFormLayout;
    form->addRow(mode == Mode::Entity ? tr("&Schema:") : tr("&Relationship:"), m_schema);

    if (mode == Mode::Entity) {
        m_schemaColumn = new QComboBox(this);
        m_schemaColumn->setAccessibleName(tr("Schema per row from column"));
        m_schemaValues = new QLineEdit(this);
        m_schemaValues->setPlaceholderText(tr("cell=Schema, … e.g. p=Person, c=Company"));
        m_schemaValues->setToolTip(tr("Cells that name a schema (\"Person\", \"company\") need no entry; other cells "
                                      "and empty ones get the schema chosen above"));
        m_schemaValues->setEnabled(false);
        m_idColumn = new QComboBox(this);
        m_idColumn->setAccessibleName(tr("Id from column"));
        m_idPrefix = new QLineEdit(QStringLiteral("csv-"), this);
        m_idPrefix->setAccessibleName(tr("Id prefix"));
        m_idHashed = new QCheckBox(tr("&hash the cell"), this);
        m_idHashed->setChecked(true);
        m_idHashed->setToolTip(tr("Hash the cell (SHA-1) instead of using its text as the id"));
        auto *idRow = new QHBoxLayout;
        idRow->addWidget(m_idPrefix, 1);
        idRow->addWidget(m_idHashed);
        const auto row = [&](const QString &text, QWidget *buddy, QLayout *layout = nullptr) {
            auto *label = new QLabel(text, this);
            label->setBuddy(buddy);
            if (layout) {
                form->addRow(label, layout);
            } else {
                form->addRow(label, buddy);
            }
        };
        row(tr("Schema &per row from:"), m_schemaColumn);
        row(tr("Cell &values:"), m_schemaValues);
        row(tr("&Id from:"), m_idColumn);
        row(tr("Id pre&fix:"), m_idPrefix, idRow);
        connect(m_schemaColumn, &QComboBox::currentIndexChanged, this, [this] {
            m_schemaValues->setEnabled(m_schemaColumn->currentIndex() > 0);
            Q_EMIT changed();
        });
        connect(m_schemaValues, &QLineEdit::textChanged, this, &EntityMappingEditor::changed);
        connect(m_idColumn, &QComboBox::currentIndexChanged, this, &EntityMappingEditor::changed);
        connect(m_idPrefix, &QLineEdit::textChanged, this, &EntityMappingEditor::changed);
        connect(m_idHashed, &QCheckBox::toggled, this, &EntityMappingEditor::changed);
    } else {
        m_direction = new QComboBox(this);
        m_direction->setAccessibleName(tr("Direction"));
        form->addRow(tr("&Direction:"), m_direction);
        connect(m_direction, &QComboBox::currentIndexChanged, this, &EntityMappingEditor::changed);
    }

    m_table = new QTableWidget(0, 3, this);
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Example"), tr("Property")});
    m_table->horizontalHeader()->setSectionResizeMode(ColumnName, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ExampleColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(PropertyColumn, QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(PropertyColumn, 240);
    // One line per column: a long example ends in "…" (whole in its tool tip) rather than
    // wrapping into a second line that the row cuts in half.
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->viewport()->installEventFilter(this);
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setAccessibleName(tr("Columns and properties"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);

    connect(m_schema, &QComboBox::currentIndexChanged, this, [this] {
        fillProperties();
        updateDirection();
        Q_EMIT changed();
    });
    updateDirection();
}

bool EntityMappingEditor::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_table->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    }
    return QWidget::eventFilter(watched, event);
}

void EntityMappingEditor::fitColumns() {
    // The column names take what they need up to 30 % of the width and the property boxes up to
    // 35 %; the examples stretch over the rest.
    const int width = m_table->viewport()->width();
    int names = m_table->horizontalHeader()->sectionSizeHint(ColumnName);
    for (const QString &name : std::as_const(m_header)) {
        names = std::max(names, m_table->fontMetrics().horizontalAdvance(name) + 12); // + cell padding
    }
    m_table->horizontalHeader()->resizeSection(ColumnName, std::min(names, width * 30 / 100));
    m_table->horizontalHeader()->resizeSection(PropertyColumn, std::min(240, width * 35 / 100));
}

void EntityMappingEditor::setColumns(const QStringList &header, const QList<QStringList> &rows) {
    QHash<QString, QString> chosen;
    for (const QString &c : std::as_const(m_header)) {
        chosen.insert(c, columnProperty(c));
    }
    m_header = header;
    m_table->setRowCount(int(header.size()));
    for (int i = 0; i < header.size(); ++i) {
        auto *name = new QTableWidgetItem(header.at(i));
        name->setFlags(Qt::ItemIsEnabled);
        m_table->setItem(i, ColumnName, name);
        QStringList examples;
        for (const auto &r : rows) {
            if (i < r.size() && !r.at(i).trimmed().isEmpty() && examples.size() < 3) {
                examples << r.at(i).trimmed().replace(QLatin1Char('\n'), QLatin1Char(' '));
            }
        }
        auto *example = new QTableWidgetItem(examples.join(QStringLiteral(" · ")));
        example->setFlags(Qt::ItemIsEnabled);
        example->setToolTip(examples.join(QLatin1Char('\n')));
        m_table->setItem(i, ExampleColumn, example);
        auto *combo = new QComboBox(m_table);
        combo->setAccessibleName(tr("Property for column %1").arg(header.at(i)));
        combo->setProperty("wanted", chosen.value(header.at(i)));
        m_table->setCellWidget(i, PropertyColumn, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, &EntityMappingEditor::changed);
    }
    for (QComboBox *c : {m_schemaColumn, m_idColumn}) {
        if (!c) {
            continue;
        }
        const QString current = c->currentData().toString();
        const QSignalBlocker block(c);
        c->clear();
        const QString none =
            c == m_schemaColumn ? tr("— the same for every row —") : tr("— a hash of the mapped values —");
        c->addItem(none, QString());
        for (const QString &h : header) {
            c->addItem(h, h);
        }
        c->setCurrentIndex(qMax(0, c->findData(current)));
    }
    fillProperties();
    fitColumns();
    Q_EMIT changed();
}

void EntityMappingEditor::fillProperties() {
    const Schema *schema = SchemaRegistry::instance().schema(this->schema());
    QList<const PropertySpec *> props;
    if (schema) {
        for (const auto &p : schema->properties) {
            // References are filled from other entities of the row, not from cells.
            if (p.hidden || p.type == PropertyType::Entity || p.name == schema->edgeSource ||
                p.name == schema->edgeTarget) {
                continue;
            }
            props << &p;
        }
    }
    std::sort(props.begin(), props.end(), [](const PropertySpec *a, const PropertySpec *b) {
        return QString::localeAwareCompare(a->label, b->label) < 0;
    });
    for (int i = 0; i < m_table->rowCount(); ++i) {
        auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(i, PropertyColumn));
        QString wanted = combo->property("wanted").toString();
        if (combo->count() > 0) {
            wanted = combo->currentData().toString();
        }
        const QSignalBlocker block(combo);
        combo->clear();
        combo->addItem(tr("— not imported —"), QString());
        for (const PropertySpec *p : std::as_const(props)) {
            combo->addItem(QStringLiteral("%1 (%2)").arg(p->label, p->name), p->name);
        }
        combo->setCurrentIndex(qMax(0, combo->findData(wanted)));
    }
}

void EntityMappingEditor::updateDirection() {
    if (!m_direction) {
        return;
    }
    const Schema *schema = SchemaRegistry::instance().schema(this->schema());
    const bool first = firstIsSource();
    const QSignalBlocker block(m_direction);
    m_direction->clear();
    if (schema && schema->isEdge()) {
        const PropertySpec *src = schema->property(schema->edgeSource);
        const PropertySpec *dst = schema->property(schema->edgeTarget);
        const QString s = src ? src->label : schema->edgeSource;
        const QString t = dst ? dst->label : schema->edgeTarget;
        m_direction->addItem(tr("first entity is the %1, second the %2").arg(s, t), true);
        m_direction->addItem(tr("second entity is the %1, first the %2").arg(s, t), false);
    }
    m_direction->setCurrentIndex(first ? 0 : 1);
}

QString EntityMappingEditor::schema() const {
    return m_schema->currentData().toString();
}

void EntityMappingEditor::setSchema(const QString &name) {
    m_schema->setCurrentIndex(qMax(0, m_schema->findData(name)));
}

void EntityMappingEditor::setColumnProperty(const QString &column, const QString &property) {
    const int row = int(m_header.indexOf(column));
    if (row < 0) {
        return;
    }
    auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, PropertyColumn));
    combo->setCurrentIndex(qMax(0, combo->findData(property)));
}

QString EntityMappingEditor::columnProperty(const QString &column) const {
    const int row = int(m_header.indexOf(column));
    auto *combo = row < 0 ? nullptr : qobject_cast<QComboBox *>(m_table->cellWidget(row, PropertyColumn));
    return combo ? combo->currentData().toString() : QString();
}

void EntityMappingEditor::setSchemaColumn(const QString &column, const QString &values) {
    if (m_schemaColumn) {
        m_schemaColumn->setCurrentIndex(qMax(0, m_schemaColumn->findData(column)));
        m_schemaValues->setText(values);
    }
}

void EntityMappingEditor::setIdColumn(const QString &column, const QString &prefix, bool hashed) {
    if (m_idColumn) {
        m_idColumn->setCurrentIndex(qMax(0, m_idColumn->findData(column)));
        m_idPrefix->setText(prefix);
        m_idHashed->setChecked(hashed);
    }
}

bool EntityMappingEditor::firstIsSource() const {
    return !m_direction || m_direction->currentIndex() <= 0;
}

void EntityMappingEditor::setFirstIsSource(bool first) {
    if (m_direction) {
        m_direction->setCurrentIndex(first ? 0 : 1);
    }
}

int EntityMappingEditor::mappedCount() const {
    int n = 0;
    for (const QString &c : m_header) {
        n += !columnProperty(c).isEmpty();
    }
    return n;
}

CsvMapping::Target EntityMappingEditor::target(const QString &key, const QString &firstKey,
                                               const QString &secondKey) const {
    CsvMapping::Target t;
    t.key = key;
    t.schema = schema();
    if (m_schemaColumn && m_schemaColumn->currentIndex() > 0) {
        t.schemaColumn = columnSource(m_schemaColumn->currentData().toString());
        const QStringList pairs = m_schemaValues->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &pair : pairs) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq > 0) {
                t.schemaValues.insert(pair.left(eq).trimmed().toLower(), pair.mid(eq + 1).trimmed());
            }
        }
    }
    if (m_idColumn && m_idColumn->currentIndex() > 0) {
        t.idColumns << columnSource(m_idColumn->currentData().toString());
        t.idHashed = m_idHashed->isChecked();
        t.idPrefix = m_idPrefix->text();
    }
    // Several columns may fill one property (aliases): one Property with several sources.
    for (const QString &c : m_header) {
        const QString p = columnProperty(c);
        if (p.isEmpty()) {
            continue;
        }
        auto it = std::find_if(t.properties.begin(), t.properties.end(),
                               [&](const CsvMapping::Property &x) { return x.name == p; });
        if (it == t.properties.end()) {
            t.properties.append(CsvMapping::Property{p, {columnSource(c)}});
        } else {
            it->sources.append(columnSource(c));
        }
    }
    if (m_mode == Mode::Relationship) {
        t.source = firstIsSource() ? firstKey : secondKey;
        t.target = firstIsSource() ? secondKey : firstKey;
    }
    return t;
}

QString EntityMappingEditor::describe() const {
    QStringList parts;
    for (const QString &c : m_header) {
        const QString p = columnProperty(c);
        if (!p.isEmpty()) {
            parts << QStringLiteral("%1 ← %2").arg(p, c);
        }
    }
    QString text = schema();
    if (m_schemaColumn && m_schemaColumn->currentIndex() > 0) {
        text = tr("%1 or the schema in column %2").arg(schema(), m_schemaColumn->currentData().toString());
    }
    if (m_direction) {
        text += QStringLiteral(" (%1)").arg(m_direction->currentText());
    }
    return parts.isEmpty() ? text : text + QStringLiteral(": ") + parts.join(QStringLiteral(", "));
}

} // namespace Casegraph::Ui

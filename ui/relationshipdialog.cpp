// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "relationshipdialog.h"
#include "screenroom.h"
#include "entitypicker.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

RelationshipDialog::RelationshipDialog(CaseEditor &editor, qint64 sourceRowId, QWidget *parent)
    : QDialog(parent), m_editor(editor) {
    setWindowTitle(tr("New Relationship"));
    auto *layout = new QVBoxLayout(this);
    // Grow when an error or the entity picker appears, instead of squeezing the rows.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *top = new QFormLayout;
    m_schema = new QComboBox(this);
    m_schema->setMaxVisibleItems(20);
    for (const auto &name : CaseEditor::relationshipSchemata()) {
        const Schema *schema = SchemaRegistry::instance().schema(name);
        m_schema->addItem(SchemaIcons::forSchema(name), schema->label, name);
    }
    top->addRow(tr("&Relationship:"), m_schema);
    layout->addLayout(top);

    auto *ends = new QGridLayout;
    m_sourceLabel = new QLabel(this);
    m_targetLabel = new QLabel(this);
    // Made in the order they stand, left to right, which is the order Tab takes them in.
    m_source = new EntityPicker(editor.caseFile(), this);
    auto *swap = new QPushButton(tr("S&wap"), this);
    swap->setToolTip(tr("Exchange the two ends"));
    m_target = new EntityPicker(editor.caseFile(), this);
    m_sourceLabel->setBuddy(m_source->searchField());
    m_targetLabel->setBuddy(m_target->searchField());
    ends->addWidget(m_sourceLabel, 0, 0);
    ends->addWidget(m_targetLabel, 0, 2);
    ends->addWidget(m_source, 1, 0);
    ends->addWidget(swap, 1, 1, Qt::AlignVCenter);
    ends->addWidget(m_target, 1, 2);
    ends->setColumnStretch(0, 1);
    ends->setColumnStretch(2, 1);
    layout->addLayout(ends, 1);

    auto *details = new QFormLayout;
    m_role = new QLineEdit(this);
    m_role->setPlaceholderText(tr("optional, e.g. shareholder, supplier of sequencers"));
    m_start = new QLineEdit(this);
    m_start->setPlaceholderText(tr("optional: 2019, 2019-05 or 2019-05-14"));
    m_end = new QLineEdit(this);
    m_end->setPlaceholderText(tr("optional"));
    details->addRow(tr("R&ole:"), m_role);
    details->addRow(tr("&Start date:"), m_start);
    details->addRow(tr("&End date:"), m_end);
    layout->addLayout(details);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a11d1d; }"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    layout->addWidget(m_buttons);
    resizeWithinScreen(this, QSize(760, 520));

    if (const auto row = sourceRowId ? editor.caseFile().entities().row(sourceRowId) : std::nullopt) {
        m_source->setSelected(*row);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RelationshipDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RelationshipDialog::reject);
    connect(m_schema, &QComboBox::currentIndexChanged, this, &RelationshipDialog::onSchemaChanged);
    connect(m_source, &EntityPicker::selectionChanged, this, &RelationshipDialog::updateState);
    connect(m_target, &EntityPicker::selectionChanged, this, &RelationshipDialog::updateState);
    connect(swap, &QPushButton::clicked, this, &RelationshipDialog::swapEnds);
    for (auto *field : {m_role, m_start, m_end}) {
        connect(field, &QLineEdit::textChanged, this, &RelationshipDialog::updateState);
    }
    onSchemaChanged();
    (sourceRowId ? m_target : m_source)->setFocus();
}

RelationshipDialog::~RelationshipDialog() = default;

void RelationshipDialog::setSchema(const QString &name) {
    const int index = m_schema->findData(name);
    if (index >= 0) {
        m_schema->setCurrentIndex(index);
    }
}

void RelationshipDialog::onSchemaChanged() {
    const Schema *schema = SchemaRegistry::instance().schema(m_schema->currentData().toString());
    if (!schema) {
        return;
    }
    const auto labelOf = [&](const QString &property) {
        const PropertySpec *spec = schema->property(property);
        return spec ? spec->label : property;
    };
    m_sourceLabel->setText(tr("&From (%1):").arg(labelOf(schema->edgeSource)));
    m_targetLabel->setText(tr("&To (%1):").arg(labelOf(schema->edgeTarget)));
    // Each end offers only what FtM allows there (the property's range): an Ownership's owner is
    // a legal entity, not an event or an article.
    for (const auto &[picker, property] : {std::pair{m_source, schema->edgeSource}, std::pair{m_target, schema->edgeTarget}}) {
        const PropertySpec *spec = schema->property(property);
        picker->setRange(spec ? spec->range : QString());
    }
    m_role->setEnabled(schema->property(QStringLiteral("role")));
    m_start->setEnabled(schema->property(QStringLiteral("startDate")));
    m_end->setEnabled(schema->property(QStringLiteral("endDate")));
    updateState();
}

void RelationshipDialog::swapEnds() {
    const auto a = m_source->selected();
    const auto b = m_target->selected();
    if (b) {
        m_source->setSelected(*b);
    }
    if (a) {
        m_target->setSelected(*a);
    }
}

void RelationshipDialog::updateState() {
    QString error;
    const QString schema = m_schema->currentData().toString();
    const QList<QPair<QLineEdit *, QString>> fields = {{m_start, QStringLiteral("startDate")},
                                                       {m_end, QStringLiteral("endDate")}};
    for (const auto &[field, property] : fields) {
        if (field->isEnabled() && !field->text().trimmed().isEmpty()) {
            if (auto st = m_editor.validate(schema, property, field->text().trimmed()); !st) {
                error = st.error().message;
            }
        }
    }
    // An end chosen before the relationship changed may not fit the new one.
    if (const Schema *relationship = SchemaRegistry::instance().schema(schema)) {
        for (const auto &[picker, property] : {std::pair{m_source, relationship->edgeSource}, std::pair{m_target, relationship->edgeTarget}}) {
            const PropertySpec *spec = relationship->property(property);
            const Schema *range = SchemaRegistry::instance().schema(picker->range());
            if (spec && range && !picker->selectionFitsRange()) {
                const Schema *end = SchemaRegistry::instance().schema(picker->selected()->schema);
                error = tr("“%1” (%2) cannot be the %3: %4 takes only %5 there.")
                            .arg(picker->selected()->caption, end->label, spec->label, relationship->label,
                                 (range->plural.isEmpty() ? range->label : range->plural).toLower());
            }
        }
    }
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(error.isEmpty() && m_source->selected() && m_target->selected());
}

void RelationshipDialog::accept() {
    QList<QPair<QString, QString>> values;
    if (m_role->isEnabled()) {
        values.append({QStringLiteral("role"), m_role->text()});
    }
    if (m_start->isEnabled()) {
        values.append({QStringLiteral("startDate"), m_start->text()});
    }
    if (m_end->isEnabled()) {
        values.append({QStringLiteral("endDate"), m_end->text()});
    }
    const auto rowId = m_editor.createRelationship(m_schema->currentData().toString(), m_source->selected()->rowId,
                                                   m_target->selected()->rowId, values);
    if (!rowId) {
        m_error->setText(rowId.error().toString());
        m_error->show();
        return;
    }
    m_rowId = *rowId;
    QDialog::accept();
}

} // namespace Casegraph::Ui

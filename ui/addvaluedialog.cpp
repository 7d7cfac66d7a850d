// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "addvaluedialog.h"
#include "entitypicker.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "storage/casefile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
QString hintFor(const PropertySpec &spec) {
    switch (spec.type) {
    case PropertyType::Date:
        return AddValueDialog::tr("A date as precise as the source: 2019, 2019-05 or 2019-05-14.");
    case PropertyType::Country:
        return AddValueDialog::tr("A country code in lower case, such as cn, us or gb.");
    case PropertyType::Url:
        return AddValueDialog::tr("A web address, such as https://example.org/page.");
    case PropertyType::Number:
        return AddValueDialog::tr("A number; put the unit or currency in its own property.");
    case PropertyType::Entity:
        return AddValueDialog::tr("Choose an entity of the case.");
    default:
        return {};
    }
}
} // namespace

AddValueDialog::AddValueDialog(CaseEditor &editor, const Entity &entity, QWidget *parent)
    : QDialog(parent), m_editor(editor), m_entity(entity) {
    setWindowTitle(tr("Add Value to “%1”").arg(entity.caption));
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36);
    auto *layout = new QVBoxLayout(this);
    // Grow when an error or the entity picker appears, instead of squeezing the rows.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *form = new QFormLayout;
    m_property = new QComboBox(this);
    m_property->setMaxVisibleItems(20);
    const Schema *schema = SchemaRegistry::instance().schema(entity.schema);
    if (schema) {
        for (const auto &spec : schema->properties) {
            if (!spec.hidden) {
                m_property->addItem(tr("%1 (%2)").arg(spec.label, spec.typeName), spec.name);
            }
        }
    }
    form->addRow(tr("&Property:"), m_property);

    // Text or an entity picker, whichever the property takes; the hidden one takes no space.
    auto *valueBox = new QWidget(this);
    auto *valueLayout = new QVBoxLayout(valueBox);
    valueLayout->setContentsMargins(0, 0, 0, 0);
    m_value = new QLineEdit(valueBox);
    m_value->setMinimumWidth(m_value->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28);
    m_picker = new EntityPicker(editor.caseFile(), valueBox);
    valueLayout->addWidget(m_value);
    valueLayout->addWidget(m_picker);
    auto *valueLabel = new QLabel(tr("&Value:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueBox);
    layout->addLayout(form);

    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setEnabled(false);
    layout->addWidget(m_hint);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a11d1d; }"));
    layout->addWidget(m_error);
    layout->addStretch(1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddValueDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &AddValueDialog::reject);
    connect(m_property, &QComboBox::currentIndexChanged, this, &AddValueDialog::onPropertyChanged);
    connect(m_value, &QLineEdit::textChanged, this, &AddValueDialog::validate);
    connect(m_picker, &EntityPicker::selectionChanged, this, &AddValueDialog::validate);
    onPropertyChanged();
}

AddValueDialog::~AddValueDialog() = default;

void AddValueDialog::setProperty(const QString &name) {
    const int index = m_property->findData(name);
    if (index >= 0) {
        m_property->setCurrentIndex(index);
    }
}

bool AddValueDialog::isEntityProperty() const {
    const Schema *schema = SchemaRegistry::instance().schema(m_entity.schema);
    const PropertySpec *spec = schema ? schema->property(m_property->currentData().toString()) : nullptr;
    return spec && spec->type == PropertyType::Entity;
}

QString AddValueDialog::currentValue() const {
    if (isEntityProperty()) {
        return m_picker->selected() ? m_picker->selected()->id : QString();
    }
    return m_value->text().trimmed();
}

void AddValueDialog::onPropertyChanged() {
    const Schema *schema = SchemaRegistry::instance().schema(m_entity.schema);
    const PropertySpec *spec = schema ? schema->property(m_property->currentData().toString()) : nullptr;
    const bool entity = isEntityProperty();
    m_value->setVisible(!entity);
    m_picker->setVisible(entity);
    m_picker->setRange(entity ? spec->range : QString()); // e.g. an Event's organizer: legal entities only
    setFocusProxy(entity ? static_cast<QWidget *>(m_picker) : m_value);
    m_hint->setText(spec ? hintFor(*spec) : QString());
    m_hint->setVisible(!m_hint->text().isEmpty());
    validate();
    if (isVisible()) {
        adjustSize();
    }
}

void AddValueDialog::validate() {
    const QString value = currentValue();
    QString error;
    if (!value.isEmpty()) {
        if (auto st = m_editor.validate(m_entity.schema, m_property->currentData().toString(), value); !st) {
            error = st.error().message;
        } else if (isEntityProperty()) {
            // An Ownership's owner must be a legal entity, a Directorship's director a person …
            const Schema *schema = SchemaRegistry::instance().schema(m_entity.schema);
            const PropertySpec *spec = schema->property(m_property->currentData().toString());
            if (!m_picker->selectionFitsRange()) {
                const Schema *target = SchemaRegistry::instance().schema(m_picker->selected()->schema);
                const Schema *range = SchemaRegistry::instance().schema(spec->range);
                error = tr("%1 must be of type %2; “%3” is of type %4")
                            .arg(spec->label, range ? range->label : spec->range, m_picker->selected()->caption,
                                 target->label);
            }
        }
    }
    const bool changed = m_error->text() != error;
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!value.isEmpty() && error.isEmpty());
    if (changed && isVisible()) {
        adjustSize(); // wrapped labels need the height for the dialog's width
    }
}

void AddValueDialog::accept() {
    const auto id = m_editor.addValue(m_entity.rowId, m_property->currentData().toString(), currentValue());
    if (!id) {
        m_error->setText(id.error().toString());
        m_error->show();
        return;
    }
    m_valueId = *id;
    QDialog::accept();
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "newentitydialog.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/schemaicons.h"

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
bool isEdge(const QString &name) {
    const Schema *schema = SchemaRegistry::instance().schema(name);
    return schema && schema->isEdge();
}
} // namespace

NewEntityDialog::NewEntityDialog(CaseEditor &editor, QWidget *parent) : QDialog(parent), m_editor(editor) {
    setWindowTitle(tr("New Entity"));
    auto *layout = new QVBoxLayout(this);
    // Grow when an error or the entity picker appears, instead of squeezing the rows.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *form = new QFormLayout;
    m_schema = new QComboBox(this);
    m_schema->setMaxVisibleItems(24);
    const auto &reg = SchemaRegistry::instance();
    const QStringList common = {QStringLiteral("Company"),      QStringLiteral("Person"),
                                QStringLiteral("Organization"), QStringLiteral("PublicBody"),
                                QStringLiteral("Ownership"),    QStringLiteral("Supply"),
                                QStringLiteral("Directorship"), QStringLiteral("ContractAward")};
    const auto add = [&](const QString &name) {
        if (const Schema *schema = reg.schema(name)) {
            m_schema->addItem(SchemaIcons::forSchema(name),
                              schema->isEdge() ? tr("%1 (relationship)").arg(schema->label) : schema->label, name);
        }
    };
    for (const auto &name : common) {
        add(name);
    }
    m_schema->insertSeparator(m_schema->count());
    for (const auto &name : CaseEditor::entitySchemata()) {
        if (!common.contains(name)) {
            add(name);
        }
    }
    form->addRow(tr("&Schema:"), m_schema);
    m_name = new QLineEdit(this);
    m_name->setMinimumWidth(m_name->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 26);
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #a11d1d; }"));
    m_error->hide();
    layout->addWidget(m_error);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewEntityDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewEntityDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &NewEntityDialog::updateState);
    connect(m_schema, &QComboBox::currentIndexChanged, this, &NewEntityDialog::updateState);
    m_name->setFocus();
    updateState();
}

NewEntityDialog::~NewEntityDialog() = default;

void NewEntityDialog::updateState() {
    m_error->hide();
    const bool edge = isEdge(m_schema->currentData().toString());
    m_name->setEnabled(!edge);
    m_name->setPlaceholderText(edge ? tr("a relationship has two ends instead: choose them next") : QString());
    auto *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(edge ? tr("&Next…") : tr("&Create"));
    ok->setEnabled(edge || !m_name->text().trimmed().isEmpty());
}

void NewEntityDialog::accept() {
    if (isEdge(m_schema->currentData().toString())) {
        m_relationshipSchema = m_schema->currentData().toString();
        QDialog::accept();
        return;
    }
    const auto rowId = m_editor.createEntity(m_schema->currentData().toString(), m_name->text());
    if (!rowId) {
        m_error->setText(rowId.error().toString());
        m_error->show();
        adjustSize();
        return;
    }
    m_rowId = *rowId;
    QDialog::accept();
}

} // namespace Casegraph::Ui

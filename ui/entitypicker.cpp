// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitypicker.h"
#include "fittingprompt.h"

#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/schemaicons.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QHeaderView>
#include <QScopedValueRollback>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
/// The "Chosen: …" line: wrapped, with room for two lines, but without a height for each width.
/// In a scroll area (the Paths dock's form) a single height-for-width child makes the whole form
/// as tall as it would like to be: at 1366 × 768 that pushed this line and the options out of view.
class ChoiceLabel final : public QLabel {
public:
    using QLabel::QLabel;
    bool hasHeightForWidth() const override { return false; }
};
} // namespace

EntityPicker::EntityPicker(CaseFile &caseFile, QWidget *parent) : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_search->addAction(SchemaIcons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    // Whole words in the narrow From/To columns of the Paths dock, too.
    new FittingPrompt(m_search, {tr("Type to search names and aliases"), tr("Search names and aliases"),
                                 tr("Search names")});
    m_model = new EntityTableModel(caseFile, this);
    // A one-column table rather than a QListView: a list view lays out every row when it is
    // shown (a quarter of a second for the two Paths pickers on a million entities), a table's
    // fixed-height rows cost nothing until they are drawn.
    m_list = new QTableView(this);
    m_list->setModel(m_model);
    const auto showNamesOnly = [this] { // a model reset shows every column again
        for (int column = 0; column < m_model->columnCount(); ++column) {
            m_list->setColumnHidden(column, column != EntityTableModel::NameColumn);
        }
    };
    showNamesOnly();
    connect(m_model, &QAbstractItemModel::modelReset, this, showNamesOnly);
    m_list->horizontalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->verticalHeader()->hide();
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 4);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 7);
    m_label = new ChoiceLabel(this);
    m_label->setWordWrap(true);
    m_label->setMinimumHeight(m_label->fontMetrics().lineSpacing() * 2);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_label);
    setFocusProxy(m_search);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &EntityPicker::applyFilter);
    // Down from the search field goes to the list, as in a completer.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_list->setFocus();
        if (!m_list->currentIndex().isValid() && m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0, EntityTableModel::NameColumn));
        }
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &EntityPicker::onCurrentChanged);
    m_list->installEventFilter(this);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_list->currentIndex().isValid() && !m_selected) {
            onCurrentChanged();
        }
    });
    updateLabel();
}

EntityPicker::~EntityPicker() = default;

void EntityPicker::setSelected(const EntityRow &row) {
    m_selected = row;
    updateLabel();
    Q_EMIT selectionChanged();
}

bool EntityPicker::eventFilter(QObject *watched, QEvent *event) {
    // A list view given focus without a current row makes its first row current. Tabbing
    // through the list (from the search field to the Claim box) must not change what was
    // chosen, so that row becomes current quietly, before the view does it; the arrow keys
    // then choose as usual.
    if (watched == m_list && event->type() == QEvent::FocusIn && m_selected && !m_list->currentIndex().isValid() &&
        m_model->rowCount() > 0) {
        const QScopedValueRollback quiet(m_quiet, true);
        m_list->selectionModel()->setCurrentIndex(m_model->index(0, EntityTableModel::NameColumn),
                                                  QItemSelectionModel::NoUpdate);
    }
    return QWidget::eventFilter(watched, event);
}

void EntityPicker::onCurrentChanged() {
    if (m_quiet) {
        return;
    }
    const QModelIndex current = m_list->currentIndex();
    const auto row = current.isValid() ? m_model->rowAt(current.row()) : std::nullopt;
    if (!row) {
        return; // still loading: dataChanged() brings us back
    }
    if (m_selected && m_selected->rowId == row->rowId) {
        return;
    }
    setSelected(*row);
}

void EntityPicker::updateLabel() {
    if (!m_selected) {
        m_label->setText(tr("Nothing chosen yet"));
        return;
    }
    const Schema *schema = SchemaRegistry::instance().schema(m_selected->schema);
    m_label->setText(tr("Chosen: <b>%1</b> (%2)")
                         .arg(m_selected->caption.toHtmlEscaped(), schema ? schema->label : m_selected->schema));
}

void EntityPicker::setSchemata(const QStringList &schemata) {
    if (schemata != m_schemata) {
        m_schemata = schemata;
        applyFilter();
    }
}

void EntityPicker::setRange(const QString &range) {
    m_range = range;
    QStringList names;
    if (!range.isEmpty()) {
        const SchemaRegistry &registry = SchemaRegistry::instance();
        for (const QString &name : registry.names()) {
            if (const Schema *candidate = registry.schema(name); candidate && candidate->isA(range)) {
                names << name;
            }
        }
    }
    setSchemata(names);
}

bool EntityPicker::selectionFitsRange() const {
    const Schema *chosen = m_selected ? SchemaRegistry::instance().schema(m_selected->schema) : nullptr;
    return m_range.isEmpty() || !chosen || chosen->isA(m_range);
}

void EntityPicker::applyFilter() {
    EntityFilter filter;
    filter.search = m_search->text();
    filter.schemata = m_schemata;
    m_model->setFilter(filter);
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitiesdock.h"
#include "elidingcombobox.h"
#include "fittingprompt.h"
#include "listtable.h"

#include "core/schema.h"
#include "itemmodels/entitytablemodel.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int SearchDelayMs = 150;
} // namespace

EntitiesDock::EntitiesDock(QWidget *parent) : QDockWidget(tr("Entities"), parent) {
    setObjectName(QStringLiteral("EntitiesDock"));
    toggleViewAction()->setText(tr("&Entities")); // dock titles show no mnemonics; the View menu does
    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    auto *filters = m_filterRow = new QHBoxLayout;
    filters->setSpacing(6);
    m_search = new QLineEdit(body);
    m_search->setClearButtonEnabled(true);
    m_search->addAction(SchemaIcons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setToolTip(tr("Words match as prefixes; put a \"quoted phrase\" in quotes."));
    m_search->setAccessibleName(tr("Search entities"));
    // On a narrow dock the filter gives way (its text elided; the list it opens stays whole) so
    // that the search field keeps a readable prompt.
    m_schemaFilter = new ElidingComboBox(6, 12, body);
    m_schemaFilter->setToolTip(tr("Show only entities of one schema"));
    m_schemaFilter->setAccessibleName(tr("Schema filter"));
    new FittingPrompt(m_search, {tr("Search names and aliases (Ctrl+F)"), tr("Search names (Ctrl+F)"), tr("Search (Ctrl+F)")});
    filters->addWidget(m_search, 1);
    filters->addWidget(m_schemaFilter);
    layout->addLayout(filters);

    m_view = makeListTable(body, tr("Entities"), QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(false); // always by caption: the order the pages are read in
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Fixed row heights: a million sections stay cheap for the header.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(false);
    layout->addWidget(m_view, 1);

    m_countLabel = new QLabel(body);
    m_countLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_countLabel);
    setWidget(body);

    setTabOrder(m_search, m_schemaFilter);
    setTabOrder(m_schemaFilter, m_view);
    setFocusProxy(m_view);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);
    connect(m_searchTimer, &QTimer::timeout, this, &EntitiesDock::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        applyFilter();
        m_view->setFocus();
        if (m_view->model() && m_view->model()->rowCount() > 0 && !m_view->currentIndex().isValid()) {
            selectRow(0);
        }
    });
    connect(m_schemaFilter, &QComboBox::activated, this, &EntitiesDock::applyFilter);
    setCase(nullptr);
}

EntitiesDock::~EntitiesDock() = default;

void EntitiesDock::setCase(CaseFile *caseFile) {
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_case = caseFile;
    m_tagId = 0;
    m_pendingRow = -1;
    m_activeRowId = 0;
    m_search->blockSignals(true);
    m_search->clear();
    m_search->blockSignals(false);
    m_searchTimer->stop();
    m_schemaFilter->clear();
    m_search->setEnabled(caseFile);
    m_schemaFilter->setEnabled(caseFile);
    if (!caseFile) {
        m_countLabel->setText(tr("No case open"));
        return;
    }
    m_model = new EntityTableModel(*caseFile, this);
    m_view->setModel(m_model);
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(EntityTableModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(EntityTableModel::SchemaColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(EntityTableModel::IdColumn, QHeaderView::Interactive);
    // The name matters most; the schema fits "Contract award", the id its start (tooltip: all).
    header->resizeSection(EntityTableModel::SchemaColumn,
                          m_view->fontMetrics().horizontalAdvance(QStringLiteral("Contract award ")) + 12);
    header->resizeSection(EntityTableModel::IdColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 12);
    m_view->setTextElideMode(Qt::ElideRight);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EntitiesDock::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &EntitiesDock::onDataChanged);
    connect(m_model, &EntityTableModel::summaryChanged, this, &EntitiesDock::updateSchemaFilter);
    connect(m_model, &EntityTableModel::summaryChanged, this, &EntitiesDock::updateCountLabel);
    connect(m_model, &EntityTableModel::filterApplied, this, &EntitiesDock::updateCountLabel);
    // New results start at the top (and the top is cheap to read: no deep offset).
    connect(m_model, &EntityTableModel::filterApplied, m_view, &QTableView::scrollToTop);
    connect(m_model, &EntityTableModel::loadingChanged, this, &EntitiesDock::updateCountLabel);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &EntitiesDock::updateCountLabel);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &EntitiesDock::updateCountLabel);
    updateSchemaFilter();
    updateCountLabel();
}

void EntitiesDock::applyFilter() {
    if (!m_model) {
        return;
    }
    m_model->setFilter(EntityFilter{m_schemaFilter->currentData().toString(), m_search->text(), m_tagId});
    updateCountLabel();
}

void EntitiesDock::updateSchemaFilter() {
    if (!m_model) {
        return;
    }
    const QString current = m_schemaFilter->currentData().toString();
    const QLocale locale;
    m_schemaFilter->blockSignals(true);
    m_schemaFilter->clear();
    m_schemaFilter->addItem(tr("All schemata (%1)").arg(locale.toString(m_model->totalCount())), QString());
    const auto &reg = SchemaRegistry::instance();
    for (const auto &[name, count] : m_model->schemaCounts()) {
        const Schema *schema = reg.schema(name);
        m_schemaFilter->addItem(SchemaIcons::forSchema(name),
                                tr("%1 (%2)").arg(schema ? schema->plural : name, locale.toString(count)), name);
    }
    const int index = m_schemaFilter->findData(current);
    if (index >= 0) {
        m_schemaFilter->setCurrentIndex(index);
    } else if (!current.isEmpty()) {
        // The schema's last entity is gone: keep the filter visible until the user changes it.
        m_schemaFilter->addItem(SchemaIcons::forSchema(current), tr("%1 (0)").arg(current), current);
        m_schemaFilter->setCurrentIndex(m_schemaFilter->count() - 1);
    }
    m_schemaFilter->blockSignals(false);
}

void EntitiesDock::updateCountLabel() {
    if (!m_model) {
        return;
    }
    const QLocale locale;
    const qint64 shown = m_model->rowCount();
    const EntityFilter f = m_model->filter();
    QString text;
    if (f.schema.isEmpty() && f.search.trimmed().isEmpty() && f.tagId == 0) {
        text = tr("%Ln entity(s)", nullptr, int(qMin<qint64>(shown, INT_MAX)));
    } else {
        text = tr("%1 of %Ln entity(s) match", nullptr, int(qMin<qint64>(m_model->totalCount(), INT_MAX)))
                   .arg(locale.toString(shown));
    }
    const EntityFilter wanted{m_schemaFilter->currentData().toString(), m_search->text(), m_tagId};
    if (m_model->isLoading() && (!(wanted == f) || m_searchTimer->isActive())) {
        text += QStringLiteral(" · ") + tr("searching…");
    }
    m_countLabel->setText(text);
}

void EntitiesDock::selectRow(int row) {
    if (!m_model || row < 0 || row >= m_model->rowCount()) {
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, EntityTableModel::NameColumn));
    m_view->scrollTo(m_view->currentIndex());
    onCurrentChanged();
}

bool EntitiesDock::selectEntity(qint64 rowId) {
    if (!m_model) {
        return false;
    }
    m_activeRowId = rowId; // already shown elsewhere: do not announce it again
    m_pendingRow = -1;
    const int row = m_model->findLoadedRow(rowId);
    if (row < 0) {
        m_view->selectionModel()->clear();
        return false;
    }
    m_view->setCurrentIndex(m_model->index(row, EntityTableModel::NameColumn));
    m_view->scrollTo(m_view->currentIndex());
    return true;
}

void EntitiesDock::focusSearch() {
    if (isHidden()) {
        show();
    }
    raise();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void EntitiesDock::setTagFilter(qint64 tagId) {
    if (m_tagId != tagId) {
        m_tagId = tagId;
        applyFilter();
    }
}

void EntitiesDock::addFilterWidget(QWidget *widget) {
    m_filterRow->addWidget(widget);
}

void EntitiesDock::onCurrentChanged() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_pendingRow = -1;
        return;
    }
    const auto row = m_model->rowAt(current.row());
    if (!row) {
        m_pendingRow = current.row(); // reported by onDataChanged() when the page arrives
        return;
    }
    m_pendingRow = -1;
    if (row->rowId != m_activeRowId) {
        m_activeRowId = row->rowId;
        Q_EMIT entityActivated(row->rowId);
    }
}

void EntitiesDock::onDataChanged() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    if (m_pendingRow >= 0 && current.row() == m_pendingRow) {
        onCurrentChanged();
        return;
    }
    // Rows move under the selection when an entity is added, renamed or deleted: follow the
    // entity, or let go of the row when its new place is not loaded.
    const auto row = m_model->rowAt(current.row());
    if (row && m_activeRowId && row->rowId != m_activeRowId) {
        const int moved = m_model->findLoadedRow(m_activeRowId);
        if (moved >= 0) {
            m_view->setCurrentIndex(m_model->index(moved, EntityTableModel::NameColumn));
        } else {
            m_view->selectionModel()->clear();
        }
    }
}

QList<qint64> EntitiesDock::selectedRowIds() const {
    QList<qint64> out;
    if (!m_model) {
        return out;
    }
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const auto row = m_model->rowAt(index.row())) {
            out << row->rowId;
        }
    }
    return out;
}

} // namespace Casegraph::Ui

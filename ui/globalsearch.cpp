// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "globalsearch.h"

#include "core/schema.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QStandardItemModel>
#include <QTimer>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
constexpr int HitsPerKind = 25;

/// "[Huawei] Technologies" → "Huawei Technologies": the popup shows plain text.
QString plainSnippet(QString snippet) {
    return snippet.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
}
} // namespace

GlobalSearch::GlobalSearch(QWidget *parent) : QLineEdit(parent) {
    setPlaceholderText(tr("Search names and sources (Ctrl+K)"));
    setClearButtonEnabled(true);
    addAction(SchemaIcons::named(QStringLiteral("search")), QLineEdit::LeadingPosition);
    setAccessibleName(tr("Search the case"));
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 22);
    m_hits = new QStandardItemModel(this);
    m_completer = new QCompleter(m_hits, this);
    // The hits come from full-text search, not from a prefix of the typed text.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setMaxVisibleItems(14);
    m_completer->setWidget(this);
    m_completer->popup()->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(150);
    connect(this, &QLineEdit::textEdited, m_timer, qOverload<>(&QTimer::start));
    connect(m_timer, &QTimer::timeout, this, &GlobalSearch::runSearch);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &GlobalSearch::activateHit);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        m_timer->stop();
        runSearch();
        if (m_hits->rowCount() > 0 && !m_completer->popup()->currentIndex().isValid()) {
            activateHit(m_hits->index(0, 0));
        }
    });
    setEnabled(false);
}

GlobalSearch::~GlobalSearch() = default;

void GlobalSearch::setCase(CaseFile *caseFile) {
    m_case = caseFile;
    m_hits->clear();
    clear();
    setEnabled(caseFile);
}

int GlobalSearch::hitCount() const {
    return m_hits->rowCount();
}

void GlobalSearch::runSearch() {
    m_hits->clear();
    if (!m_case || text().trimmed().isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    // Unranked and limited: a few milliseconds even on a million names (EntityStore::search).
    const auto hits = m_case->entities().search(text(), HitsPerKind);
    const auto &reg = SchemaRegistry::instance();
    for (const auto &hit : hits) {
        const Schema *schema = reg.schema(hit.schema);
        auto *item = new QStandardItem(SchemaIcons::forSchema(hit.schema), QString());
        if (hit.kind == SearchHit::Kind::Entity) {
            item->setText(tr("%1 — %2").arg(hit.caption, schema ? schema->label : hit.schema));
            item->setToolTip(plainSnippet(hit.snippet));
        } else {
            item->setIcon(SchemaIcons::named(QStringLiteral("quote")));
            item->setText(tr("“%1” — %2").arg(plainSnippet(hit.snippet), hit.caption));
            item->setToolTip(tr("A passage of %1").arg(hit.caption));
        }
        item->setData(hit.rowId, ItemDataRole::EntityRowIdRole);
        item->setData(hit.sourceId, ItemDataRole::SourceIdRole);
        m_hits->appendRow(item);
    }
    if (hits.isEmpty()) {
        auto *item = new QStandardItem(tr("No entity or passage matches “%1”").arg(text().trimmed()));
        item->setEnabled(false);
        m_hits->appendRow(item);
    }
    m_completer->complete();
}

void GlobalSearch::activateHit(const QModelIndex &index) {
    const qint64 rowId = index.data(ItemDataRole::EntityRowIdRole).toLongLong();
    const qint64 sourceId = index.data(ItemDataRole::SourceIdRole).toLongLong();
    m_completer->popup()->hide();
    if (sourceId) {
        Q_EMIT sourceActivated(sourceId, rowId);
    } else if (rowId) {
        Q_EMIT entityActivated(rowId);
    }
}

} // namespace Casegraph::Ui

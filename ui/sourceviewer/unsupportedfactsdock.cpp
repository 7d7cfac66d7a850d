// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "unsupportedfactsdock.h"
#include "listtable.h"

#include "itemmodels/itemdatarole.h"
#include "itemmodels/unsupportedfactsmodel.h"
#include "storage/casefile.h"
#include "storage/supportstore.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

UnsupportedFactsDock::UnsupportedFactsDock(QWidget *parent) : QDockWidget(tr("Unsupported Facts"), parent) {
    setObjectName(QStringLiteral("UnsupportedFactsDock"));
    toggleViewAction()->setText(tr("&Unsupported Facts"));
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    auto *row = new QHBoxLayout;
    m_summary = new QLabel(page);
    m_summary->setWordWrap(true);
    m_threshold = new QComboBox(page);
    m_threshold->setToolTip(tr("Claims whose every passage comes from a source graded below this are listed"));
    auto *label = new QLabel(tr("Weak &below:"), page);
    label->setBuddy(m_threshold);
    row->addWidget(m_summary, 1);
    row->addWidget(label);
    row->addWidget(m_threshold);
    layout->addLayout(row);
    m_view = makeListTable(page, tr("Unsupported facts"));
    layout->addWidget(m_view, 1);
    setWidget(page);
    setFocusProxy(m_view);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT entityActivated(index.data(ItemDataRole::EntityRowIdRole).toLongLong());
    });
    connect(m_threshold, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling && m_case && !m_case->isReadOnly()) {
            if (auto st = SupportStore(*m_case).setSupportThreshold(m_threshold->currentData().toString()); !st) {
                m_summary->setText(st.error().toString());
            }
        }
    });
    setCase(nullptr);
}

UnsupportedFactsDock::~UnsupportedFactsDock() = default;

void UnsupportedFactsDock::setCase(CaseFile *caseFile) {
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    fillThresholds();
    if (!m_case) {
        m_summary->setText(tr("No case open."));
        return;
    }
    m_model = new UnsupportedFactsModel(*m_case, this);
    m_view->setModel(m_model);
    auto *header = m_view->horizontalHeader();
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    header->resizeSection(UnsupportedFactsModel::ProblemColumn, em * 16);
    header->resizeSection(UnsupportedFactsModel::EntityColumn, em * 20);
    header->setStretchLastSection(true);
    connect(m_model, &QAbstractItemModel::modelReset, this, &UnsupportedFactsDock::updateSummary);
    connect(m_case, &CaseFile::evidenceChanged, this, [this](qint64 entity) {
        if (entity == 0) {
            fillThresholds(); // the scheme or the threshold changed
        }
    });
    updateSummary();
}

void UnsupportedFactsDock::fillThresholds() {
    m_filling = true;
    m_threshold->clear();
    if (m_case) {
        SupportStore support(*m_case);
        const GradingScheme scheme = support.gradingScheme();
        for (const auto &level : scheme.reliability) {
            m_threshold->addItem(scheme.describeReliability(level.code), level.code);
        }
        m_threshold->setCurrentIndex(m_threshold->findData(support.supportThreshold()));
    }
    m_threshold->setEnabled(m_case && !m_case->isReadOnly());
    m_filling = false;
}

void UnsupportedFactsDock::updateSummary() {
    if (!m_model) {
        return;
    }
    using Kind = UnsupportedFact::Kind;
    if (m_model->isLoading() && m_model->rowCount() == 0) {
        // Not "every relationship has a passage" before the first read is done.
        m_summary->setText(tr("Checking the relationships and dates of the case…"));
        return;
    }
    m_summary->setText(m_model->rowCount() == 0
                           ? tr("Every relationship and date has a supporting passage, and no claim rests on weak "
                                "sources only.")
                           : tr("%1 relationships and %2 dates without a passage; %3 claims on weak sources only.")
                                 .arg(m_model->count(Kind::Relationship))
                                 .arg(m_model->count(Kind::DatedFact))
                                 .arg(m_model->count(Kind::WeakSupport)));
}

} // namespace Casegraph::Ui

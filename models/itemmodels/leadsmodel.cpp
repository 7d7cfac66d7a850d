// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "leadsmodel.h"
#include "storage/casefile.h"
#include "storage/casesearch.h"
#include "storage/leadstore.h"

#include <QColor>
#include <QFont>

namespace Casegraph::Models {

LeadsModel::LeadsModel(CaseFile &caseFile, QObject *parent) : QAbstractTableModel(parent), m_case(caseFile) {
    connect(&m_case, &CaseFile::leadsChanged, this, &LeadsModel::reload);
    connect(&m_case, &CaseFile::entitiesReset, this, &LeadsModel::reload);
    connect(&m_case, &CaseFile::entityChanged, this, &LeadsModel::reload);
    connect(&m_case, &CaseFile::entityRemoved, this, &LeadsModel::reload);
    reload();
}

LeadsModel::~LeadsModel() = default;

void LeadsModel::setOpenOnly(bool openOnly) {
    if (m_openOnly != openOnly) {
        m_openOnly = openOnly;
        reload();
    }
}

void LeadsModel::reload() {
    beginResetModel();
    m_leads = m_case.isOpen() ? m_case.leads().leads(m_openOnly) : QList<Lead>();
    m_targets.clear();
    for (const auto &l : std::as_const(m_leads)) {
        m_targets.append(l.target.isValid() ? CaseSearch::resolve(m_case, l.target).label : QString());
    }
    endResetModel();
}

Lead LeadsModel::lead(int row) const {
    return row >= 0 && row < m_leads.size() ? m_leads.at(row) : Lead{};
}

int LeadsModel::rowOfLead(qint64 leadId) const {
    for (int i = 0; i < m_leads.size(); ++i) {
        if (m_leads.at(i).id == leadId) {
            return i;
        }
    }
    return -1;
}

int LeadsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_leads.size());
}

int LeadsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_leads.size()) {
        return {};
    }
    const Lead &l = m_leads.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return l.title;
        case StatusColumn:
            return Lead::statusLabel(l.status);
        case AssigneeColumn:
            return l.assignee;
        case TargetColumn:
            return m_targets.value(index.row());
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == TitleColumn && !l.body.isEmpty() ? l.body : QVariant();
    case Qt::ForegroundRole:
        return l.isOpen() ? QVariant() : QVariant(QColor(0x6b, 0x70, 0x75));
    case Qt::FontRole:
        if (l.status == Lead::Status::Dropped && index.column() == TitleColumn) {
            QFont f;
            f.setStrikeOut(true);
            return f;
        }
        return {};
    case LeadIdRole:
        return l.id;
    case TargetKindRole:
        return l.target.kind;
    case TargetIdRole:
        return l.target.id;
    case OpenRole:
        return l.isOpen();
    }
    return {};
}

QVariant LeadsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case TitleColumn:
        return tr("Lead");
    case StatusColumn:
        return tr("Status");
    case AssigneeColumn:
        return tr("Who");
    case TargetColumn:
        return tr("About");
    }
    return {};
}

} // namespace Casegraph::Models

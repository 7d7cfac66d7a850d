// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"

#include <QAbstractTableModel>

namespace Casegraph::Models {

class CaseFile;

/// The Leads dock's table: title, status, assignee and what the lead is about. Reloads on
/// CaseFile::leadsChanged (and on entity changes, for the target captions). Lists open and
/// in-progress leads only, or all of them.
class LeadsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadsModel)
public:
    enum Column { TitleColumn, StatusColumn, AssigneeColumn, TargetColumn, ColumnCount };
    enum Role { LeadIdRole = Qt::UserRole + 64, TargetKindRole, TargetIdRole, OpenRole };

    explicit LeadsModel(CaseFile &caseFile, QObject *parent = nullptr);
    ~LeadsModel() override;

    void setOpenOnly(bool openOnly);
    bool openOnly() const { return m_openOnly; }
    /// The lead shown in a row (an invalid Lead when out of range).
    Lead lead(int row) const;
    int rowOfLead(qint64 leadId) const;
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    CaseFile &m_case;
    QList<Lead> m_leads;
    QList<QString> m_targets; ///< target labels, per row
    bool m_openOnly = true;
};

} // namespace Casegraph::Models

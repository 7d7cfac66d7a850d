// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/supportstore.h"

#include <QAbstractTableModel>

class QTimer;

namespace Casegraph::Models {

class CaseFile;

/// The facts of a case that lack support (SupportStore::unsupportedFacts()): relationships and
/// dated values without a supporting passage, and claims supported only by sources graded
/// below the case's threshold. Reloads shortly after any change to entities or evidence.
/// Thread affinity: the GUI thread.
class UnsupportedFactsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnsupportedFactsModel)
public:
    enum Column { ProblemColumn, EntityColumn, FactColumn, ColumnCount };

    explicit UnsupportedFactsModel(CaseFile &caseFile, QObject *parent = nullptr);
    ~UnsupportedFactsModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const UnsupportedFact &fact(int row) const { return m_facts.at(row); }
    /// Rows of one kind.
    int count(UnsupportedFact::Kind kind) const;
    void reload();

private:
    CaseFile &m_case;
    QTimer *m_reloadTimer = nullptr;
    QList<UnsupportedFact> m_facts;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workerruns.h"
#include "storage/supportstore.h"

#include <QAbstractTableModel>
#include <QHash>

class QTimer;

namespace Casegraph::Models {

class CaseFile;

/// The facts of a case that lack support (SupportStore::unsupportedFactList()): relationships and
/// dated values without a supporting passage, and claims supported only by sources graded
/// below the case's threshold. Loads on a worker thread with its own read-only connection (a
/// million-entity case takes seconds), at first and shortly after any change to entities or
/// evidence; counts every fact but lists at most listLimit() of each kind.
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

    const UnsupportedFact &fact(int row) const { return m_list.facts.at(row); }
    /// Facts of one kind, listed or not.
    qint64 count(UnsupportedFact::Kind kind) const { return m_list.count(kind); }
    /// Whether every fact is listed (else the first listLimit() of each kind are).
    bool isComplete() const { return m_list.complete(); }
    /// True from a reload until its result is in (the rows shown are the previous ones).
    bool isLoading() const { return m_runs.isRunning(); }
    /// Most rows listed of each kind (default 1000); takes effect at the next reload.
    qint64 listLimit() const { return m_listLimit; }
    void setListLimit(qint64 limit) { m_listLimit = limit; }
    /// Starts loading again (a newer reload cancels the one under way).
    void reload();

Q_SIGNALS:
    void loadingChanged(bool loading);
    void failed(const QString &message);

private:
    void apply(UnsupportedFactList list, QHash<qint64, QString> ends);

    CaseFile &m_case;
    QTimer *m_reloadTimer = nullptr;
    UnsupportedFactList m_list;
    QHash<qint64, QString> m_ends; ///< listed relationships' ends ("NetPosa → Promega"), by row id
    qint64 m_listLimit = 1000;
    WorkerRuns m_runs;
};

} // namespace Casegraph::Models

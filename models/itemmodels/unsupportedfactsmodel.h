// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/supportstore.h"

#include <QAbstractTableModel>

#include <memory>

class QTimer;

namespace Casegraph::Models {

class CaseFile;

/// The facts of a case that lack support (SupportStore::unsupportedFacts()): relationships and
/// dated values without a supporting passage, and claims supported only by sources graded
/// below the case's threshold. Reloads shortly after any change to entities or evidence.
///
/// The query reads every relationship and dated value of the case: seconds on a case of
/// hundreds of thousands of entities, so after a change (an import's entitiesReset() above all)
/// and when the model is made, it runs on a worker thread with its own read-only connection
/// (committed data only, as EntityPageLoader) and the rows are swapped in when it is done; a
/// change meanwhile queues one more run. A case without a file (in memory) loads synchronously.
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
    /// Reads the facts now, on this thread.
    void reload();
    /// Reads the facts on a worker thread; the rows change (modelReset) when it is done.
    void reloadInBackground();
    /// A background read is running or queued.
    bool isLoading() const;

private:
    class Loader;
    void onLoaded();

    CaseFile &m_case;
    QTimer *m_reloadTimer = nullptr;
    QList<UnsupportedFact> m_facts;
    std::unique_ptr<Loader> m_loader;
    bool m_again = false; ///< a change arrived while the loader ran: run it once more
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/evidencestore.h"

#include <QAbstractTableModel>

class QTimer;

namespace Casegraph::Models {

class CaseFile;

/// The sources of a case (EvidenceStore::sources()): title, file name, claim count, import time.
/// Reloads when the case reports new sources or evidence. Thread affinity: the GUI thread.
class SourcesModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesModel)
public:
    enum Column { TitleColumn, FileColumn, ClaimsColumn, ImportedColumn, ColumnCount };

    explicit SourcesModel(CaseFile &caseFile, QObject *parent = nullptr);
    ~SourcesModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const EvidenceStore::SourceSummary &summary(int row) const { return m_sources.at(row); }
    /// The row of a source, or -1.
    int rowOfSource(qint64 sourceId) const;
    /// The row of the source held by this Article/Document entity, or -1.
    int rowOfEntity(qint64 entityRowId) const;
    void reload();

private:
    CaseFile &m_case;
    QTimer *m_reloadTimer = nullptr;
    QList<EvidenceStore::SourceSummary> m_sources;
};

} // namespace Casegraph::Models

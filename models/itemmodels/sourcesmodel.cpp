// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcesmodel.h"
#include "itemdatarole.h"
#include "provenancetext.h"
#include "schemaicons.h"
#include "storage/casefile.h"

#include <QTimer>

namespace Casegraph::Models {

SourcesModel::SourcesModel(CaseFile &caseFile, QObject *parent) : QAbstractTableModel(parent), m_case(caseFile) {
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0); // once per burst, after the change committed
    connect(m_reloadTimer, &QTimer::timeout, this, &SourcesModel::reload);
    const auto schedule = [this] { m_reloadTimer->start(); };
    connect(&m_case, &CaseFile::sourcesChanged, this, schedule);
    connect(&m_case, &CaseFile::evidenceChanged, this, schedule); // claim counts
    connect(&m_case, &CaseFile::entitiesReset, this, schedule);
    // A source's title is its entity's caption: renaming the article renames the source.
    connect(&m_case, &CaseFile::entityChanged, this, [this, schedule](qint64 rowId) {
        if (rowOfEntity(rowId) >= 0) {
            schedule();
        }
    });
    reload();
}

SourcesModel::~SourcesModel() = default;

void SourcesModel::reload() {
    beginResetModel();
    m_sources = m_case.isOpen() ? m_case.evidence().sources() : QList<EvidenceStore::SourceSummary>();
    endResetModel();
}

int SourcesModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int SourcesModel::rowOfSource(qint64 sourceId) const {
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).id == sourceId) {
            return int(i);
        }
    }
    return -1;
}

int SourcesModel::rowOfEntity(qint64 entityRowId) const {
    for (qsizetype i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).entityRowId == entityRowId) {
            return int(i);
        }
    }
    return -1;
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_sources.size()) {
        return {};
    }
    const auto &s = m_sources.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return s.title;
        case FileColumn:
            return s.fileName;
        case ClaimsColumn:
            return s.claims;
        case ImportedColumn:
            return s.importedAt.toLocalTime().date().toString(Qt::ISODate);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1\n%2 (%3)\nimported %4\nSHA-256 %5")
            .arg(s.title, s.fileName, s.mimeType, ProvenanceText::time(s.importedAt), s.sha256);
    case Qt::DecorationRole:
        return index.column() == TitleColumn ? SchemaIcons::named(QStringLiteral("article")) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == ClaimsColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case ItemDataRole::SourceIdRole:
        return s.id;
    case ItemDataRole::EntityRowIdRole:
        return s.entityRowId;
    default:
        return {};
    }
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case FileColumn:
        return tr("File");
    case ClaimsColumn:
        return tr("Claims");
    case ImportedColumn:
        return tr("Imported");
    }
    return {};
}

} // namespace Casegraph::Models

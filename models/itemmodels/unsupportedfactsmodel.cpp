// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "unsupportedfactsmodel.h"
#include "core/schema.h"
#include "entitytext.h"
#include "itemdatarole.h"
#include "schemaicons.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QTimer>

namespace Casegraph::Models {

namespace {
constexpr int ReloadDelayMs = 300;

QString propertyLabel(const QString &schemaName, const QString &property) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    const PropertySpec *spec = schema ? schema->property(property) : nullptr;
    return spec ? spec->label : property;
}
} // namespace

UnsupportedFactsModel::UnsupportedFactsModel(CaseFile &caseFile, QObject *parent)
    : QAbstractTableModel(parent), m_case(caseFile) {
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &UnsupportedFactsModel::reload);
    const auto later = [this] { m_reloadTimer->start(); };
    connect(&m_case, &CaseFile::entityAdded, this, later);
    connect(&m_case, &CaseFile::entityChanged, this, later);
    connect(&m_case, &CaseFile::entityRemoved, this, later);
    connect(&m_case, &CaseFile::entitiesReset, this, later);
    connect(&m_case, &CaseFile::evidenceChanged, this, later);
    reload();
}

UnsupportedFactsModel::~UnsupportedFactsModel() = default;

void UnsupportedFactsModel::reload() {
    m_reloadTimer->stop();
    const auto cancelled = m_runs.begin();
    const auto post = WorkerRuns::poster(this, [](UnsupportedFactsModel &m) -> WorkerRuns & { return m.m_runs; });
    const QString path = m_case.path();
    const qint64 limit = m_listLimit;
    Q_EMIT loadingChanged(true);
    m_runs.start([path, limit, cancelled, post] {
        CaseFile reader;
        if (auto st = reader.open(path, CaseFile::OpenMode::ReadOnly); !st) {
            post([message = st.error().toString()](UnsupportedFactsModel &m) {
                m.m_runs.finished();
                Q_EMIT m.loadingChanged(false);
                Q_EMIT m.failed(message);
            });
            return;
        }
        auto list = SupportStore(reader).unsupportedFactList({}, limit, cancelled.get());
        if (cancelled->load()) {
            return;
        }
        // A relationship is told apart by its ends: "Ownership" alone names none of them.
        QHash<qint64, QString> ends;
        for (const auto &f : std::as_const(list.facts)) {
            if (f.kind == UnsupportedFact::Kind::Relationship) {
                if (const auto entity = reader.entities().entity(f.entityRowId)) {
                    ends.insert(f.entityRowId, EntityText::ends(reader.entities(), *entity));
                }
            }
        }
        post([list = std::move(list), ends = std::move(ends)](UnsupportedFactsModel &m) { m.apply(list, ends); });
    });
}

void UnsupportedFactsModel::apply(UnsupportedFactList list, QHash<qint64, QString> ends) {
    m_runs.finished();
    beginResetModel();
    m_list = std::move(list);
    m_ends = std::move(ends);
    endResetModel();
    Q_EMIT loadingChanged(false);
}

int UnsupportedFactsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_list.facts.size());
}

int UnsupportedFactsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnsupportedFactsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_list.facts.size()) {
        return {};
    }
    const UnsupportedFact &f = m_list.facts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProblemColumn:
            switch (f.kind) {
            case UnsupportedFact::Kind::Relationship:
                return tr("Relationship without a passage");
            case UnsupportedFact::Kind::DatedFact:
                return tr("Date without a passage");
            case UnsupportedFact::Kind::WeakSupport:
                return tr("Only weak sources (best %1)").arg(f.bestReliability);
            }
            return {};
        case EntityColumn:
            return f.caption;
        case FactColumn:
            if (f.kind == UnsupportedFact::Kind::Relationship && !m_ends.value(f.entityRowId).isEmpty()) {
                return m_ends.value(f.entityRowId);
            }
            if (f.property.isEmpty()) {
                const Schema *schema = SchemaRegistry::instance().schema(f.schema);
                return f.kind == UnsupportedFact::Kind::WeakSupport ? tr("the %1 itself").arg(schema ? schema->label
                                                                                                      : f.schema)
                                                                     : (schema ? schema->label : f.schema);
            }
            return tr("%1: %2").arg(propertyLabel(f.schema, f.property), f.value);
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == EntityColumn ? SchemaIcons::forSchema(f.schema) : QVariant();
    case Qt::ToolTipRole:
        switch (f.kind) {
        case UnsupportedFact::Kind::Relationship:
            return tr("No passage of any source supports this relationship. Select one in the Source viewer "
                      "and attach it (Ctrl+E).");
        case UnsupportedFact::Kind::DatedFact:
            return tr("No passage supports this date. Attach one from the Source viewer (Ctrl+E).");
        case UnsupportedFact::Kind::WeakSupport:
            return tr("Every passage behind this claim comes from a source graded below the threshold.");
        }
        return {};
    case ItemDataRole::EntityRowIdRole:
        return f.entityRowId;
    case ItemDataRole::SchemaRole:
        return f.schema;
    case ItemDataRole::PropertyRole:
        return f.property;
    case ItemDataRole::ClaimIdRole:
        return f.claimId;
    default:
        return {};
    }
}

QVariant UnsupportedFactsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case ProblemColumn:
        return tr("Problem");
    case EntityColumn:
        return tr("Entity");
    case FactColumn:
        return tr("Fact");
    default:
        return {};
    }
}

} // namespace Casegraph::Models

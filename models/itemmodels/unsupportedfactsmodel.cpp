// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "unsupportedfactsmodel.h"
#include "core/schema.h"
#include "itemdatarole.h"
#include "schemaicons.h"
#include "storage/casefile.h"
#include "storage/sqlite.h"

#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>

namespace Casegraph::Models {

namespace {
constexpr int ReloadDelayMs = 300;

QString propertyLabel(const QString &schemaName, const QString &property) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    const PropertySpec *spec = schema ? schema->property(property) : nullptr;
    return spec ? spec->label : property;
}
} // namespace

/// One background read of SupportStore::unsupportedFacts() on its own read-only connection.
class UnsupportedFactsModel::Loader final : public QThread {
public:
    explicit Loader(const QString &path) : m_path(path) { setObjectName(QStringLiteral("UnsupportedFactsLoader")); }
    /// Interrupts a running query (its result is dropped) and waits for the thread.
    ~Loader() override {
        {
            QMutexLocker lock(&m_mutex);
            m_stopping = true;
            if (m_handle) {
                sqlite3_interrupt(m_handle); // safe from another thread
            }
        }
        wait();
    }
    QList<UnsupportedFact> takeFacts() { return std::move(m_facts); }
    /// The case could be opened and read (after finished()).
    bool succeeded() const { return m_succeeded; }

protected:
    void run() override {
        CaseFile c;
        if (auto st = c.open(m_path, CaseFile::OpenMode::ReadOnly); !st) {
            return;
        }
        {
            QMutexLocker lock(&m_mutex);
            if (m_stopping) {
                return;
            }
            m_handle = c.database().handle();
        }
        m_facts = SupportStore(c).unsupportedFacts();
        QMutexLocker lock(&m_mutex);
        m_handle = nullptr;
        m_succeeded = !m_stopping;
    }

private:
    QString m_path;
    QMutex m_mutex;
    sqlite3 *m_handle = nullptr;
    bool m_stopping = false;
    bool m_succeeded = false;
    QList<UnsupportedFact> m_facts;
};

UnsupportedFactsModel::UnsupportedFactsModel(CaseFile &caseFile, QObject *parent)
    : QAbstractTableModel(parent), m_case(caseFile) {
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &UnsupportedFactsModel::reloadInBackground);
    const auto later = [this] { m_reloadTimer->start(); };
    connect(&m_case, &CaseFile::entityAdded, this, later);
    connect(&m_case, &CaseFile::entityChanged, this, later);
    connect(&m_case, &CaseFile::entityRemoved, this, later);
    connect(&m_case, &CaseFile::entitiesReset, this, later);
    connect(&m_case, &CaseFile::evidenceChanged, this, later);
    reloadInBackground();
}

UnsupportedFactsModel::~UnsupportedFactsModel() = default;

void UnsupportedFactsModel::reload() {
    beginResetModel();
    m_facts = SupportStore(m_case).unsupportedFacts();
    endResetModel();
}

void UnsupportedFactsModel::reloadInBackground() {
    if (m_case.path().isEmpty() || m_case.path() == QLatin1String(":memory:")) {
        reload(); // no file a second connection could open
        return;
    }
    if (m_loader && m_loader->isRunning()) {
        m_again = true;
        return;
    }
    m_again = false;
    m_loader = std::make_unique<Loader>(m_case.path());
    connect(m_loader.get(), &QThread::finished, this, &UnsupportedFactsModel::onLoaded);
    m_loader->start(QThread::LowPriority);
}

void UnsupportedFactsModel::onLoaded() {
    if (!m_loader || m_loader->isRunning()) {
        return;
    }
    if (m_again) {
        reloadInBackground(); // a change arrived during the read: its rows may be stale
        return;
    }
    if (!m_loader->succeeded()) {
        m_loader.reset();
        reload(); // the second connection could not open the file: read on this one
        return;
    }
    QList<UnsupportedFact> facts = m_loader->takeFacts();
    m_loader.reset(); // before the reset: its handlers see isLoading() false
    beginResetModel();
    m_facts = std::move(facts);
    endResetModel();
}

bool UnsupportedFactsModel::isLoading() const {
    return m_loader != nullptr || m_reloadTimer->isActive();
}

int UnsupportedFactsModel::count(UnsupportedFact::Kind kind) const {
    return int(std::count_if(m_facts.cbegin(), m_facts.cend(), [kind](const UnsupportedFact &f) { return f.kind == kind; }));
}

int UnsupportedFactsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_facts.size());
}

int UnsupportedFactsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnsupportedFactsModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_facts.size()) {
        return {};
    }
    const UnsupportedFact &f = m_facts.at(index.row());
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

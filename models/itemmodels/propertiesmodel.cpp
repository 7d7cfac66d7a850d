// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "propertiesmodel.h"
#include "commands/caseeditor.h"
#include "core/schema.h"
#include "entitytext.h"
#include "itemdatarole.h"
#include "provenancetext.h"
#include "schemaicons.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/supportstore.h"

#include <QColor>
#include <QFont>
#include <QLocale>
#include <QTimer>

namespace Casegraph::Models {

namespace {
constexpr int MaxReferences = 500;

QString quoted(const QString &text) {
    return PropertiesModel::tr("“%1”").arg(text.simplified());
}
} // namespace

PropertiesModel::PropertiesModel(CaseFile &caseFile, QObject *parent) : QAbstractItemModel(parent), m_case(caseFile) {
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    // One reload after a burst of changes (a command touching several rows), once they committed.
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &PropertiesModel::reload);
    const auto changed = [this](qint64 rowId) {
        if (rowId == m_rowId) {
            scheduleReload();
        }
    };
    connect(&m_case, &CaseFile::entityChanged, this, changed);
    connect(&m_case, &CaseFile::evidenceChanged, this, changed);
    // Any entity coming or going can change the "Referenced by" rows and reference captions.
    connect(&m_case, &CaseFile::entityAdded, this, &PropertiesModel::scheduleReload);
    connect(&m_case, &CaseFile::entityRemoved, this, &PropertiesModel::scheduleReload);
    connect(&m_case, &CaseFile::entitiesReset, this, &PropertiesModel::scheduleReload);
    connect(&m_case, &CaseFile::sourcesChanged, this, [this] {
        m_sourceTitles.clear();
        scheduleReload();
    });
}

PropertiesModel::~PropertiesModel() = default;

void PropertiesModel::setEditor(CaseEditor *editor) {
    m_editor = editor;
    reload();
}

void PropertiesModel::setEntity(qint64 rowId) {
    m_rowId = rowId;
    m_reloadTimer->stop();
    reload();
}

void PropertiesModel::scheduleReload() {
    if (m_rowId) {
        m_reloadTimer->start();
    }
}

int PropertiesModel::addNode(Node node, int parent) {
    const int id = int(m_nodes.size());
    node.parent = parent;
    if (parent < 0) {
        node.row = int(m_roots.size());
        m_roots.append(id);
    } else {
        node.row = int(m_nodes[parent].children.size());
        m_nodes[parent].children.append(id);
    }
    m_nodes.push_back(std::move(node));
    return id;
}

QString PropertiesModel::provenanceSummary(qint64 id, QString *details) const {
    auto it = m_provenance.constFind(id);
    if (it == m_provenance.cend()) {
        const auto p = m_case.provenance(id);
        const QPair<QString, QString> text = p ? qMakePair(ProvenanceText::summary(*p), ProvenanceText::details(*p))
                                               : qMakePair(tr("unknown"), QString());
        it = m_provenance.insert(id, text);
    }
    if (details) {
        *details = it->second;
    }
    return it->first;
}

QString PropertiesModel::sourceTitle(qint64 sourceId) const {
    if (m_sourceTitles.isEmpty()) {
        for (const auto &s : m_case.evidence().sources()) {
            m_sourceTitles.insert(s.id, s.title.isEmpty() ? s.fileName : s.title);
        }
    }
    return m_sourceTitles.value(sourceId, tr("source %1").arg(sourceId));
}

QString PropertiesModel::displayValue(const PropertyValue &value, const QString &typeName, qint64 *targetRowId,
                                      QString *targetSchema) const {
    if (value.flags & Reference) {
        const qint64 target = m_case.entities().rowIdOf(value.value);
        if (const auto row = target ? m_case.entities().row(target) : std::nullopt) {
            *targetRowId = target;
            *targetSchema = row->schema;
            return row->caption;
        }
        return tr("%1 (not in the case)").arg(value.value);
    }
    return typeName == QLatin1String("country") ? EntityText::country(value.value) : value.value;
}

void PropertiesModel::addEvidence(const Claim &claim, int parent, const QString &about) {
    const QString details = [&] {
        QStringList lines;
        if (!about.isEmpty()) {
            lines << tr("Claim: %1").arg(about);
        }
        // In words, as the Grade dialog offers them ("unverified", "2" said less).
        lines << tr("Status: %1").arg(ClaimStatus::label(claim.status));
        if (!claim.credibility.isEmpty()) {
            lines << tr("Credibility: %1").arg(m_scheme.describeCredibility(claim.credibility));
        }
        if (!claim.comment.isEmpty()) {
            lines << claim.comment;
        }
        lines << tr("Recorded by %1, %2").arg(claim.actor, ProvenanceText::time(claim.createdAt));
        return lines.join(QLatin1Char('\n'));
    }();
    if (claim.excerpts.isEmpty()) {
        Node n;
        n.kind = NodeKind::Evidence;
        n.claimId = claim.id;
        n.text[PropertyColumn] = about.isEmpty() ? tr("claim") : about;
        n.text[ValueColumn] = claim.comment.isEmpty() ? tr("(no quoted passage)") : claim.comment;
        n.text[SourceColumn] = ClaimStatus::label(claim.status);
        for (auto &t : n.toolTip) {
            t = details;
        }
        addNode(std::move(n), parent);
        return;
    }
    for (const auto &x : claim.excerpts) {
        Node n;
        n.kind = NodeKind::Evidence;
        n.claimId = claim.id;
        n.excerptId = x.id;
        n.sourceId = x.sourceId;
        n.contradicts = x.stance == Excerpt::Stance::Contradicts;
        // The grade (source reliability + claim credibility, e.g. "B2"), then the stance: in the
        // narrow first column of a laptop's Inspector the text is cut at the right, and the stance
        // also shows as the row's icon and colour, the grade only here.
        const QString grade = x.reliability + claim.credibility;
        const QString stance = (grade.isEmpty() ? QString() : grade + QStringLiteral(" · ")) +
                               (n.contradicts ? tr("contradicts") : tr("supports"));
        n.text[PropertyColumn] = about.isEmpty() ? stance : tr("%1 (%2)").arg(about, stance);
        n.text[ValueColumn] = quoted(x.quote);
        n.text[SourceColumn] = sourceTitle(x.sourceId);
        QString tip = quoted(x.quote) + QLatin1String("\n\n") + tr("Source: %1").arg(sourceTitle(x.sourceId));
        if (!x.reliability.isEmpty()) {
            tip += QLatin1Char('\n') + tr("Reliability: %1").arg(m_scheme.describeReliability(x.reliability));
        }
        if (!x.comment.isEmpty()) {
            tip += QLatin1Char('\n') + x.comment;
        }
        tip += QLatin1Char('\n') + details;
        for (auto &t : n.toolTip) {
            t = tip;
        }
        addNode(std::move(n), parent);
    }
}

void PropertiesModel::buildProperties(const QList<Claim> &claims, QList<qint64> &usedClaims) {
    const Schema *schema = SchemaRegistry::instance().schema(m_entity->schema);
    Node section;
    section.kind = NodeKind::Section;
    section.section = Section::Properties;
    const int sectionId = addNode(std::move(section), -1);

    // Schema order (featured properties first), then values in the order they were added;
    // properties the schema lacks (kept by a lenient import) come last.
    QHash<QString, int> order;
    if (schema) {
        for (qsizetype i = 0; i < schema->properties.size(); ++i) {
            order.insert(schema->properties.at(i).name, int(i));
        }
    }
    QList<PropertyValue> values = m_entity->values;
    std::stable_sort(values.begin(), values.end(), [&](const PropertyValue &a, const PropertyValue &b) {
        return order.value(a.property, INT_MAX) < order.value(b.property, INT_MAX);
    });
    const bool editable = m_editor && !m_case.isReadOnly();
    for (const auto &v : std::as_const(values)) {
        const PropertySpec *spec = schema ? schema->property(v.property) : nullptr;
        Node n;
        n.kind = NodeKind::Value;
        n.valueId = v.id;
        n.property = v.property;
        n.raw = v.value;
        n.unknownProperty = !spec;
        n.text[PropertyColumn] = spec ? spec->label : v.property;
        n.toolTip[PropertyColumn] =
            spec ? tr("%1 (%2, %3)").arg(spec->label, spec->name, spec->typeName)
                 : tr("%1: not a property of this schema (kept from the import)").arg(v.property);
        n.text[ValueColumn] = displayValue(v, spec ? spec->typeName : QString(), &n.entityRowId, &n.valueSchema);
        n.toolTip[ValueColumn] =
            n.entityRowId ? tr("%1\n%2 (double-click to open)").arg(n.text[ValueColumn], v.value) : v.value;
        n.text[SourceColumn] = provenanceSummary(v.provenanceId, &n.toolTip[SourceColumn]);
        n.editable = editable && !(v.flags & Reference);
        const int id = addNode(std::move(n), sectionId);
        for (const auto &c : claims) {
            if (c.property == v.property && c.value == v.value) {
                addEvidence(c, id, {});
                usedClaims << c.id;
            }
        }
    }
    m_nodes[sectionId].text[PropertyColumn] = tr("Properties (%1)").arg(values.size());
}

void PropertiesModel::buildReferences() {
    const auto refs = m_case.entities().referencing(m_entity->id, MaxReferences + 1);
    if (refs.isEmpty()) {
        return;
    }
    const auto &reg = SchemaRegistry::instance();
    Node section;
    section.kind = NodeKind::Section;
    section.section = Section::ReferencedBy;
    section.text[PropertyColumn] = refs.size() > MaxReferences ? tr("Referenced by (more than %1)").arg(MaxReferences)
                                                               : tr("Referenced by (%1)").arg(refs.size());
    const int sectionId = addNode(std::move(section), -1);
    for (const auto &ref : refs.mid(0, MaxReferences)) {
        const Schema *schema = reg.schema(ref.schema);
        const auto other = m_case.entities().entity(ref.rowId);
        Node n;
        n.kind = NodeKind::Reference;
        n.entityRowId = ref.rowId;
        n.iconSchema = ref.schema;
        n.text[PropertyColumn] = schema ? schema->label : ref.schema;
        n.text[ValueColumn] = ref.caption;
        QStringList via;
        if (other) {
            for (const auto &v : other->values) {
                if ((v.flags & Reference) && v.value == m_entity->id) {
                    const PropertySpec *spec = schema ? schema->property(v.property) : nullptr;
                    via << (spec ? spec->label : v.property);
                }
            }
            // A relationship reads best as its two ends: "Huawei → HiSilicon" (no arrow if undirected).
            if (schema && schema->isEdge()) {
                const auto captionOf = [&](const QString &id) {
                    if (id == m_entity->id) {
                        return m_entity->caption;
                    }
                    const auto row = m_case.entities().row(m_case.entities().rowIdOf(id));
                    return row ? row->caption : id;
                };
                n.text[ValueColumn] = schema->endsText(captionOf(other->first(schema->edgeSource)),
                                                       captionOf(other->first(schema->edgeTarget)));
            }
        }
        n.text[SourceColumn] = via.isEmpty() ? QString() : tr("as %1").arg(via.join(QLatin1String(", ")));
        n.toolTip[ValueColumn] = tr("%1 %2 (double-click to open)").arg(n.text[PropertyColumn], ref.caption);
        addNode(std::move(n), sectionId);
    }
}

void PropertiesModel::reload() {
    beginResetModel();
    m_nodes.clear();
    m_roots.clear();
    m_entity = m_rowId ? m_case.entities().entity(m_rowId) : std::nullopt;
    if (m_entity) {
        m_scheme = SupportStore(m_case).gradingScheme();
        const auto claims = m_case.evidence().claimsFor(m_rowId);
        QList<qint64> used;
        buildProperties(claims, used);
        QList<Claim> rest;
        for (const auto &c : claims) {
            if (!used.contains(c.id)) {
                rest << c;
            }
        }
        if (!rest.isEmpty()) {
            Node section;
            section.kind = NodeKind::Section;
            section.section = Section::Claims;
            section.text[PropertyColumn] = tr("Claims (%1)").arg(rest.size());
            const int sectionId = addNode(std::move(section), -1);
            const Schema *schema = SchemaRegistry::instance().schema(m_entity->schema);
            for (const auto &c : std::as_const(rest)) {
                QString about;
                if (!c.property.isEmpty()) {
                    const PropertySpec *spec = schema ? schema->property(c.property) : nullptr;
                    about = tr("%1: %2").arg(spec ? spec->label : c.property, c.value);
                }
                addEvidence(c, sectionId, about);
            }
        }
        buildReferences();
    }
    endResetModel();
    Q_EMIT entityLoaded();
}

const PropertiesModel::Node *PropertiesModel::node(const QModelIndex &index) const {
    if (!index.isValid() || index.model() != this || index.internalId() >= m_nodes.size()) {
        return nullptr;
    }
    return &m_nodes[index.internalId()];
}

QModelIndex PropertiesModel::index(int row, int column, const QModelIndex &parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount) {
        return {};
    }
    if (parent.isValid() && (parent.column() != 0 || !node(parent))) {
        return {};
    }
    const QList<int> &children = parent.isValid() ? m_nodes[parent.internalId()].children : m_roots;
    if (row >= children.size()) {
        return {};
    }
    return createIndex(row, column, quintptr(children.at(row)));
}

QModelIndex PropertiesModel::parent(const QModelIndex &child) const {
    const Node *n = node(child);
    if (!n || n->parent < 0) {
        return {};
    }
    return createIndex(m_nodes[n->parent].row, 0, quintptr(n->parent));
}

int PropertiesModel::rowCount(const QModelIndex &parent) const {
    if (!parent.isValid()) {
        return int(m_roots.size());
    }
    if (parent.column() != 0) {
        return 0;
    }
    const Node *n = node(parent);
    return n ? int(n->children.size()) : 0;
}

int PropertiesModel::columnCount(const QModelIndex &) const {
    return ColumnCount;
}

QVariant PropertiesModel::data(const QModelIndex &index, int role) const {
    const Node *n = node(index);
    if (!n) {
        return {};
    }
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return n->text[column];
    case Qt::EditRole:
        return column == ValueColumn && n->kind == NodeKind::Value ? n->raw : n->text[column];
    case Qt::ToolTipRole:
        return n->toolTip[column].isEmpty() ? QVariant() : QVariant(n->toolTip[column]);
    case Qt::DecorationRole:
        if (column == PropertyColumn && n->kind == NodeKind::Reference) {
            return SchemaIcons::forSchema(n->iconSchema);
        }
        if (column == PropertyColumn && n->kind == NodeKind::Evidence) {
            return SchemaIcons::named(n->contradicts ? QStringLiteral("contradicts") : QStringLiteral("quote"));
        }
        if (column == ValueColumn && !n->valueSchema.isEmpty()) {
            return SchemaIcons::forSchema(n->valueSchema);
        }
        return {};
    case Qt::FontRole:
        if (n->kind == NodeKind::Section || (n->kind == NodeKind::Value && n->entityRowId && column == ValueColumn)) {
            QFont f;
            f.setBold(n->kind == NodeKind::Section);
            f.setUnderline(n->kind != NodeKind::Section);
            return f;
        }
        if (n->unknownProperty && column == PropertyColumn) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (n->kind == NodeKind::Evidence && n->contradicts && column == PropertyColumn) {
            return QColor(0xb0, 0x28, 0x28);
        }
        if (column == SourceColumn || (n->kind == NodeKind::Evidence && column == PropertyColumn)) {
            return QColor(0x5f, 0x63, 0x68);
        }
        return {};
    case ItemDataRole::NodeKindRole:
        return int(n->kind);
    case ItemDataRole::ValueIdRole:
        return n->valueId;
    case ItemDataRole::PropertyRole:
        return n->property;
    case ItemDataRole::RawValueRole:
        return n->raw;
    case ItemDataRole::EntityRowIdRole:
        return n->entityRowId;
    case ItemDataRole::SourceIdRole:
        return n->sourceId;
    case ItemDataRole::ClaimIdRole:
        return n->claimId;
    case ItemDataRole::ExcerptIdRole:
        return n->excerptId;
    default:
        return {};
    }
}

QVariant PropertiesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    switch (section) {
    case PropertyColumn:
        return tr("Property");
    case ValueColumn:
        return tr("Value");
    case SourceColumn:
        return tr("Source");
    }
    return {};
}

Qt::ItemFlags PropertiesModel::flags(const QModelIndex &index) const {
    const Node *n = node(index);
    if (!n) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->kind == NodeKind::Value && n->editable && index.column() == ValueColumn) {
        f |= Qt::ItemIsEditable;
    }
    if (n->children.isEmpty()) {
        f |= Qt::ItemNeverHasChildren;
    }
    return f;
}

bool PropertiesModel::setData(const QModelIndex &index, const QVariant &value, int role) {
    const Node *n = node(index);
    if (role != Qt::EditRole || !n || !(flags(index) & Qt::ItemIsEditable) || !m_editor) {
        return false;
    }
    const QString text = value.toString().trimmed();
    if (text == n->raw) {
        return true;
    }
    if (auto st = m_editor->changeValue(m_rowId, n->valueId, text); !st) {
        Q_EMIT editFailed(st.error().toString());
        return false;
    }
    return true; // the case reports the change and the model reloads
}

QModelIndex PropertiesModel::indexOfValue(qint64 valueId) const {
    for (size_t i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes[i].kind == NodeKind::Value && m_nodes[i].valueId == valueId) {
            return createIndex(m_nodes[i].row, 0, quintptr(i));
        }
    }
    return {};
}

QModelIndex PropertiesModel::indexOfSection(Section section) const {
    for (const int id : m_roots) {
        if (m_nodes[id].section == section) {
            return createIndex(m_nodes[id].row, 0, quintptr(id));
        }
    }
    return {};
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "democase.h"
#include "analytics/graphprojection.h"
#include "analytics/layout.h"
#include "core/evidence.h"
#include "core/schema.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/auditlog.h"
#include "storage/leadstore.h"
#include "storage/sqlite.h"
#include "storage/tagstore.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace Casegraph::Models {

namespace {

const QString kResource = QStringLiteral(":/casegraph/demo/");
/// Raise when write() builds a different case from the same data (a new chart, new keys …), so
/// that unchanged copies written by older builds are replaced.
constexpr int WriterRevision = 1;
const QString kDigestKey = QStringLiteral("demo.digest");
const QString kHeadKey = QStringLiteral("demo.auditHead");
const QString kChartsKey = QStringLiteral("demo.charts");

/// The charts as they are: chart layouts are not in the audit log, so their times say whether
/// someone moved, added, renamed or deleted one.
QString chartsFingerprint(const CaseFile &caseFile)
{
    QStringList parts;
    for (const Chart &chart : caseFile.charts().charts()) {
        parts << QString::number(chart.id) + QLatin1Char('\t') + chart.name + QLatin1Char('\t') +
                     chart.modifiedAt.toString(Qt::ISODateWithMs) + QLatin1Char('\t') + QString::number(chart.nodeCount);
    }
    return parts.join(QLatin1Char('\n'));
}

/// Records what write() made, after its transaction committed (the meta table is not audited,
/// so the stamp adds no entry of its own).
Status stamp(CaseFile &caseFile)
{
    Sql::Transaction tx(caseFile.database());
    for (const auto &[key, value] : {std::pair{kDigestKey, DemoCase::bundledDigest()},
                                     std::pair{kHeadKey, caseFile.audit().head().hash},
                                     std::pair{kChartsKey, chartsFingerprint(caseFile)}}) {
        if (auto st = caseFile.setMeta(key, value); !st) {
            return st;
        }
    }
    return tx.commit();
}

Entity entityFromJson(const QJsonObject &o)
{
    Entity e;
    e.id = DemoCase::idForKey(o.value(QLatin1String("key")).toString());
    e.schema = o.value(QLatin1String("schema")).toString();
    const QJsonObject props = o.value(QLatin1String("properties")).toObject();
    for (auto it = props.begin(); it != props.end(); ++it) {
        for (const auto &v : it.value().toArray()) {
            QString s = v.toString();
            if (s.startsWith(QLatin1Char('@'))) {
                s = DemoCase::idForKey(s.mid(1));
            }
            e.add(it.key(), s);
        }
    }
    return e;
}

/// The link chart "Sequencers to Xinjiang": the manufacturers, the resellers and the Xinjiang police,
/// i.e. the ends of the three DNA-sequencer Supply relationships, laid out left to right.
Status writeSequencerChart(CaseFile &caseFile, const QHash<QString, qint64> &rowIds, const QJsonArray &entities)
{
    static const QStringList supplies = {QStringLiteral("supply-thermo-resale"), QStringLiteral("supply-promega-resale"),
                                         QStringLiteral("supply-thermo-xinjiang")};
    QList<qint64> rows;
    const auto add = [&](const QString &key) {
        const qint64 row = rowIds.value(key);
        if (row && !rows.contains(row)) {
            rows << row;
        }
    };
    for (const char *key : {"thermo-fisher", "promega", "unnamed-resellers", "xinjiang-police"}) {
        add(QLatin1String(key));
    }
    for (const auto &v : entities) {
        const QJsonObject o = v.toObject();
        if (!supplies.contains(o.value(QLatin1String("key")).toString())) {
            continue;
        }
        const QJsonObject props = o.value(QLatin1String("properties")).toObject();
        for (const char *prop : {"manufacturer", "supplier", "recipient"}) {
            for (const auto &ref : props.value(QLatin1String(prop)).toArray()) {
                add(ref.toString().mid(1)); // "@key"
            }
        }
    }
    ProjectionOptions options;
    options.entities = rows;
    options.includeReferences = false;
    auto graph = GraphProjection::fromCase(caseFile, options);
    if (!graph) {
        return graph.error();
    }
    auto chart = caseFile.charts().create(QStringLiteral("Sequencers to Xinjiang"),
                                          QJsonObject{{QStringLiteral("layout"), QStringLiteral("layered")}});
    if (!chart) {
        return chart.error();
    }
    QList<ChartNode> nodes;
    for (const auto &p : layeredLayout(*graph)) {
        nodes << ChartNode{p.rowId, p.x, p.y, false, false, {}};
    }
    return caseFile.charts().setNodes(*chart, nodes);
}

} // namespace

Status DemoCase::write(CaseFile &caseFile)
{
    QFile f(kResource + QLatin1String("demo-case.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{tr("the demo case data is missing from this build")};
    }
    QJsonParseError perr;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll(), &perr).object();
    if (perr.error != QJsonParseError::NoError) {
        return Error{tr("the demo case data is damaged: %1").arg(perr.errorString())};
    }

    Sql::Transaction tx(caseFile.database());
    auto prov = caseFile.addProvenance(Provenance::Kind::Demo, tr("Demo case built from the bundled seed articles"));
    if (!prov) {
        return prov.error();
    }
    (void)caseFile.setTitle(root.value(QLatin1String("caseTitle")).toString());

    QHash<QString, qint64> sourceIds; // key -> source row
    QHash<QString, qint64> rowIds;    // key -> entity row
    QList<QPair<qint64, QJsonObject>> pending; // entity row, its JSON (claims and comment)

    for (const auto &v : root.value(QLatin1String("sources")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString file = o.value(QLatin1String("file")).toString();
        QFile article(kResource + QLatin1String("articles/") + file);
        if (!article.open(QIODevice::ReadOnly)) {
            return Error{tr("the demo article %1 is missing from this build").arg(file)};
        }
        const QByteArray bytes = article.readAll();
        Entity e = entityFromJson(o);
        e.add(QStringLiteral("fileName"), file);
        e.add(QStringLiteral("mimeType"), QStringLiteral("text/plain"));
        auto row = caseFile.entities().create(e, *prov);
        if (!row) {
            return Error{tr("demo source %1: %2").arg(file, row.error().message)};
        }
        Source s;
        s.entityRowId = *row;
        s.fileName = file;
        s.mimeType = QStringLiteral("text/plain; charset=utf-8");
        s.original = bytes;
        s.text = QString::fromUtf8(bytes);
        auto sid = caseFile.evidence().addSource(s);
        if (!sid) {
            return sid.error();
        }
        const QString key = o.value(QLatin1String("key")).toString();
        sourceIds.insert(key, *sid);
        rowIds.insert(key, *row);
        pending.append({*row, o});
    }

    for (const auto &v : root.value(QLatin1String("entities")).toArray()) {
        const QJsonObject o = v.toObject();
        auto row = caseFile.entities().create(entityFromJson(o), *prov);
        if (!row) {
            return Error{tr("demo entity %1: %2").arg(o.value(QLatin1String("key")).toString(), row.error().message)};
        }
        rowIds.insert(o.value(QLatin1String("key")).toString(), *row);
        pending.append({*row, o});
    }

    for (const auto &[rowId, o] : std::as_const(pending)) {
        const QString key = o.value(QLatin1String("key")).toString();
        for (const auto &cv : o.value(QLatin1String("claims")).toArray()) {
            const QJsonObject c = cv.toObject();
            Claim claim;
            claim.entityRowId = rowId;
            claim.property = c.value(QLatin1String("property")).toString();
            claim.value = c.value(QLatin1String("value")).toString();
            if (claim.value.startsWith(QLatin1Char('@'))) {
                claim.value = idForKey(claim.value.mid(1));
            }
            claim.comment = c.value(QLatin1String("comment")).toString();
            Excerpt x;
            x.sourceId = sourceIds.value(c.value(QLatin1String("source")).toString());
            x.start = c.value(QLatin1String("start")).toInteger();
            x.end = c.value(QLatin1String("end")).toInteger();
            x.quote = c.value(QLatin1String("quote")).toString();
            x.stance = c.value(QLatin1String("stance")).toString() == QLatin1String("contradicts")
                           ? Excerpt::Stance::Contradicts
                           : Excerpt::Stance::Supports;
            claim.excerpts.append(x);
            if (auto r = caseFile.evidence().addClaim(claim); !r) {
                return Error{tr("demo claim on %1: %2").arg(key, r.error().message)};
            }
        }
        const QString comment = o.value(QLatin1String("comment")).toString();
        if (!comment.isEmpty()) {
            Note n;
            n.targetKind = QStringLiteral("entity");
            n.targetId = rowId;
            n.body = comment;
            if (auto r = caseFile.evidence().addNote(n); !r) {
                return r.error();
            }
        }
    }
    // The investigation's open questions (schema version 4).
    for (const auto &v : root.value(QLatin1String("leads")).toArray()) {
        const QJsonObject o = v.toObject();
        Lead lead;
        lead.title = o.value(QLatin1String("title")).toString();
        lead.body = o.value(QLatin1String("body")).toString();
        lead.status = Lead::statusFromName(o.value(QLatin1String("status")).toString());
        lead.assignee = o.value(QLatin1String("assignee")).toString();
        if (const qint64 about = rowIds.value(o.value(QLatin1String("about")).toString())) {
            lead.target = Target{Target::entityKind(), about};
        }
        if (auto r = caseFile.leads().add(lead); !r) {
            return Error{tr("demo lead: %1").arg(r.error().message)};
        }
    }
    // Tags an investigator put on entities: statements without a date, parties the articles do not name.
    for (const auto &v : root.value(QLatin1String("tags")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto tag = caseFile.tags().create(
            Tag{0, o.value(QLatin1String("name")).toString(), o.value(QLatin1String("colour")).toString(), {}, 0});
        if (!tag) {
            return Error{tr("demo tag: %1").arg(tag.error().message)};
        }
        for (const auto &key : o.value(QLatin1String("on")).toArray()) {
            if (auto st = caseFile.tags().assign(*tag, Target{Target::entityKind(), rowIds.value(key.toString())}); !st) {
                return Error{tr("demo tag: %1").arg(st.error().message)};
            }
        }
    }
    if (auto st = writeSequencerChart(caseFile, rowIds, root.value(QLatin1String("entities")).toArray()); !st) {
        return Error{tr("demo chart: %1").arg(st.error().message)};
    }
    if (auto st = tx.commit(); !st) {
        return st;
    }
    Q_EMIT caseFile.entitiesReset();
    Q_EMIT caseFile.sourcesChanged();
    return stamp(caseFile);
}

QString DemoCase::bundledDigest()
{
    static const QString digest = [] {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(QByteArray(QByteArray::number(WriterRevision) + ' ' + QByteArray::number(CaseFile::SchemaVersion) + '\n'));
        QStringList files;
        for (QDirIterator it(kResource, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            files << it.next();
        }
        files.sort(); // the iterator's order is not specified
        for (const QString &name : std::as_const(files)) {
            QFile f(name);
            if (f.open(QIODevice::ReadOnly)) {
                hash.addData(QByteArray(name.toUtf8() + '\n' + QByteArray::number(f.size()) + '\n'));
                hash.addData(f.readAll());
            }
        }
        return QString::fromLatin1(hash.result().toHex());
    }();
    return digest;
}

QString DemoCase::digestOf(const CaseFile &caseFile)
{
    return caseFile.meta(kDigestKey);
}

bool DemoCase::changedSinceWritten(const CaseFile &caseFile)
{
    const QString head = caseFile.meta(kHeadKey);
    if (head.isEmpty() || caseFile.meta(kChartsKey) != chartsFingerprint(caseFile)) {
        return true;
    }
    const QList<AuditEntry> entries = caseFile.audit().entries();
    const auto stamped = std::find_if(entries.begin(), entries.end(), [&](const AuditEntry &e) { return e.hash == head; });
    if (stamped == entries.end()) {
        return true; // the log no longer holds the entry write() ended with
    }
    // Opening the copy with a newer build upgrades it; that is not the user's work.
    return std::any_of(stamped + 1, entries.end(),
                       [](const AuditEntry &e) { return e.action != QLatin1String("upgrade"); });
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "referencelists.h"

#include "core/schema.h"
#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "io/recordreader.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace Casegraph::Models {

namespace {

QJsonObject entityJson(const Entity &entity)
{
    QByteArray line;
    FtmWriter::appendLine(line, entity);
    return QJsonDocument::fromJson(line).object();
}

QString captionOf(const Entity &e)
{
    for (const char *prop : {"name", "alias", "previousName", "weakAlias"}) {
        const QString v = e.first(QLatin1String(prop));
        if (!v.isEmpty()) {
            return v;
        }
    }
    return e.id;
}

/// Adds the values of `from` that `into` lacks (an entry given in several records or files).
void mergeValues(Entity &into, const Entity &from)
{
    for (const PropertyValue &v : from.values) {
        const bool present = std::any_of(into.values.cbegin(), into.values.cend(), [&](const PropertyValue &w) {
            return w.property == v.property && w.value == v.value;
        });
        if (!present) {
            into.values << PropertyValue{0, v.property, v.value, 0, v.flags};
        }
    }
}

QStringList uniqueValues(const QList<Entity> &entities, const QString &property)
{
    QStringList out;
    for (const Entity &e : entities) {
        for (const QString &v : e.valuesOf(property)) {
            if (!out.contains(v)) {
                out << v;
            }
        }
    }
    return out;
}

} // namespace

bool ReferenceListLoader::isParty(const QString &schemaName)
{
    const Schema *s = SchemaRegistry::instance().schema(schemaName);
    if (!s || s->isEdge()) {
        return false;
    }
    return s->isA(QStringLiteral("LegalEntity")) || s->isA(QStringLiteral("Vessel"))
           || s->isA(QStringLiteral("Airplane"));
}

QString ReferenceListLoader::fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return QString::fromLatin1(h.result().toHex());
}

QString ReferenceListLoader::defaultName(const QString &path)
{
    return QFileInfo(path).completeBaseName().section(QLatin1Char('.'), 0, 0);
}

Entity ReferenceListLoader::entityFromJson(const QJsonObject &object)
{
    Entity e;
    e.id = object.value(QLatin1String("id")).toString();
    e.schema = object.value(QLatin1String("schema")).toString();
    const QJsonObject props = object.value(QLatin1String("properties")).toObject();
    for (auto it = props.constBegin(); it != props.constEnd(); ++it) {
        for (const QJsonValue &v : it.value().toArray()) {
            e.add(it.key(), v.toString());
        }
    }
    e.caption = captionOf(e);
    return e;
}

Entity ReferenceListLoader::entity(const ReferenceEntry &entry)
{
    Entity e = entityFromJson(entry.data.value(QLatin1String("entity")).toObject());
    e.caption = entry.caption;
    return e;
}

QList<Entity> ReferenceListLoader::sanctions(const ReferenceEntry &entry)
{
    QList<Entity> out;
    for (const QJsonValue &v : entry.data.value(QLatin1String("sanctions")).toArray()) {
        out << entityFromJson(v.toObject());
    }
    return out;
}

Result<QList<ReferenceEntry>> ReferenceListLoader::read(const QString &path, QString &format, qint64 *skipped,
                                                         const ListProgress &progress)
{
    if (format.isEmpty()) {
        auto detected = ImportJob::detectFormat(path);
        if (!detected) {
            return detected.error();
        }
        format = *detected;
    }
    const auto &all = importFormats();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const ImportFormat &f) { return f.name == format; });
    if (it == all.cend()) {
        return Error{tr("unknown format \"%1\"; supported formats: %2")
                         .arg(format, ImportJob::formats().join(QLatin1String(", ")))};
    }
    // Lenient: a list with one odd record still loads; the skipped records are counted.
    ImportOptions options;
    options.format = format;
    options.lenient = true;
    std::unique_ptr<RecordReader> reader = it->create(options);
    if (auto st = reader->open(path, QFileInfo(path).fileName()); !st) {
        return st.error();
    }
    QHash<QString, qsizetype> index;
    QList<Entity> entities;
    Entity entity;
    qint64 bad = 0, records = 0;
    for (;;) {
        const auto step = reader->next(entity);
        if (step == RecordReader::Step::End) {
            break;
        }
        if (step == RecordReader::Step::Failed) {
            return reader->error();
        }
        if (step == RecordReader::Step::Rejected) {
            ++bad;
            continue;
        }
        const auto found = index.constFind(entity.id);
        if (found == index.constEnd()) {
            index.insert(entity.id, entities.size());
            entities << entity;
        } else {
            mergeValues(entities[*found], entity);
        }
        if (progress && ++records % 1000 == 0 && !progress(reader->bytesDone(), reader->bytesTotal())) {
            return Error{tr("cancelled")};
        }
    }
    if (skipped) {
        *skipped = bad;
    }
    // Sanctions to their parties.
    QHash<QString, QList<Entity>> sanctionsOf;
    const auto &registry = SchemaRegistry::instance();
    for (const Entity &e : std::as_const(entities)) {
        const Schema *s = registry.schema(e.schema);
        if (s && s->isA(QStringLiteral("Sanction"))) {
            for (const QString &target : e.valuesOf(QStringLiteral("entity"))) {
                sanctionsOf[target] << e;
            }
        }
    }
    QList<ReferenceEntry> out;
    for (const Entity &e : std::as_const(entities)) {
        if (!isParty(e.schema)) {
            continue;
        }
        const QList<Entity> sanctions = sanctionsOf.value(e.id);
        QJsonArray sanctionJson;
        for (const Entity &s : sanctions) {
            sanctionJson.append(entityJson(s));
        }
        ReferenceEntry r;
        r.id = e.id;
        r.schema = e.schema;
        r.caption = captionOf(e);
        r.authority = uniqueValues(sanctions, QStringLiteral("authority")).join(QLatin1String("; "));
        r.program = uniqueValues(sanctions, QStringLiteral("program")).join(QLatin1String("; "));
        r.data = QJsonObject{{QStringLiteral("entity"), entityJson(e)}, {QStringLiteral("sanctions"), sanctionJson}};
        r.digest = QString::fromLatin1(
            QCryptographicHash::hash(QJsonDocument(r.data).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256)
                .toHex());
        out << r;
    }
    std::sort(out.begin(), out.end(), [](const ReferenceEntry &a, const ReferenceEntry &b) { return a.id < b.id; });
    return out;
}

ReferenceListDiff ReferenceListLoader::diff(const QList<ReferenceEntry> &before, const QList<ReferenceEntry> &after)
{
    ReferenceListDiff d;
    QHash<QString, const ReferenceEntry *> old;
    for (const auto &e : before) {
        old.insert(e.id, &e);
    }
    QSet<QString> seen;
    for (const auto &e : after) {
        seen.insert(e.id);
        const ReferenceEntry *o = old.value(e.id);
        if (!o) {
            d.added << ReferenceListDiff::Item{e.id, e.caption};
        } else if (o->digest != e.digest) {
            d.changed << ReferenceListDiff::Item{e.id, e.caption};
        }
    }
    for (const auto &e : before) {
        if (!seen.contains(e.id)) {
            d.removed << ReferenceListDiff::Item{e.id, e.caption};
        }
    }
    return d;
}

Result<ReferenceListLoad> ReferenceListLoader::load(CaseFile &caseFile, const QString &path, const QString &name,
                                                    const QString &format, const ListProgress &progress)
{
    if (!caseFile.isOpen() || caseFile.isReadOnly()) {
        return Error{tr("the case is not open for writing")};
    }
    if (!QFileInfo::exists(path)) {
        return Error{tr("no such file"), path};
    }
    ReferenceListLoad out;
    const QString listName = name.trimmed().isEmpty() ? defaultName(path) : name.trimmed();
    const QString sha = fileSha256(path);
    auto &store = caseFile.referenceLists();
    const auto previous = store.latest(listName);
    if (previous && previous->sha256 == sha) {
        out.version = *previous;
        out.unchanged = true;
        return out;
    }
    QString fmt = format;
    auto entries = read(path, fmt, &out.skipped, progress);
    if (!entries) {
        return entries.error();
    }
    out.firstVersion = !previous;
    if (previous) {
        out.diff = diff(store.entries(previous->id), *entries);
    } else {
        for (const auto &e : *entries) {
            out.diff.added << ReferenceListDiff::Item{e.id, e.caption};
        }
    }
    out.version.listName = listName;
    out.version.sha256 = sha;
    out.version.fileName = QFileInfo(path).fileName();
    out.version.format = fmt;
    if (auto id = store.addVersion(out.version, *entries); !id) {
        return id.error();
    }
    return out;
}

// ------------------------------------------------------------------ screening a case

bool ReferenceListLoader::isListFormat(const QString &format)
{
    static const QStringList lists{QStringLiteral("csl"), QStringLiteral("ofac-csv"), QStringLiteral("ofac-xml"),
                                   QStringLiteral("un-xml"), QStringLiteral("bis-json")};
    return lists.contains(format);
}

QString ScreeningMatch::listedBy() const
{
    const char *const context = "Casegraph::Models::ScreeningMatch";
    if (authority.isEmpty() && program.isEmpty()) {
        return QCoreApplication::translate(context, "The list names no authority or program for this entry.");
    }
    if (program.isEmpty()) {
        return QCoreApplication::translate(context, "Listed by %1").arg(authority);
    }
    if (authority.isEmpty()) {
        return QCoreApplication::translate(context, "Listed under %1").arg(program);
    }
    return QCoreApplication::translate(context, "Listed by %1: %2").arg(authority, program);
}

QJsonObject ScreeningMatch::toJson() const
{
    QJsonObject o{
        {QStringLiteral("entity"), QJsonObject{{QStringLiteral("id"), entityId},
                                               {QStringLiteral("caption"), entityCaption},
                                               {QStringLiteral("schema"), entitySchema}}},
        {QStringLiteral("entry"), QJsonObject{{QStringLiteral("id"), entryId},
                                              {QStringLiteral("caption"), entryCaption},
                                              {QStringLiteral("schema"), entrySchema},
                                              {QStringLiteral("authority"), authority},
                                              {QStringLiteral("program"), program}}},
        {QStringLiteral("score"), candidate.score},
        {QStringLiteral("explanation"), candidate.explanation()},
        {QStringLiteral("detail"), candidate.toJson()},
    };
    if (decision) {
        o.insert(QStringLiteral("decision"),
                 QJsonObject{{QStringLiteral("decision"), ScreeningDecision::kindName(decision->decision)},
                             {QStringLiteral("actor"), decision->actor},
                             {QStringLiteral("at"), decision->at.toString(Qt::ISODate)},
                             {QStringLiteral("listVersion"), decision->versionId}});
    }
    return o;
}

namespace {

ScreeningMatch makeMatch(const Entity &party, const ReferenceEntry *entry, const Candidate &c)
{
    ScreeningMatch m;
    m.entityRowId = party.rowId;
    m.entityId = party.id;
    m.entityCaption = party.caption;
    m.entitySchema = party.schema;
    m.entryId = c.entryId;
    m.entryCaption = entry ? entry->caption : c.entryCaption;
    m.entrySchema = entry ? entry->schema : QString();
    m.authority = entry ? entry->authority : QString();
    m.program = entry ? entry->program : QString();
    m.candidate = c;
    return m;
}

/// The screener over a stored version's entries, with id → entry.
struct LoadedList {
    QList<ReferenceEntry> entries;
    QHash<QString, qsizetype> index;
    std::unique_ptr<Screener> screener;
};

LoadedList loadList(const ReferenceListStore &store, qint64 versionId, const ScreeningSettings &settings)
{
    LoadedList l;
    l.entries = store.entries(versionId);
    QList<ScreeningRecord> records;
    records.reserve(l.entries.size());
    for (qsizetype i = 0; i < l.entries.size(); ++i) {
        records << ScreeningRecord::fromEntity(ReferenceListLoader::entity(l.entries.at(i)));
        l.index.insert(l.entries.at(i).id, i);
    }
    l.screener = std::make_unique<Screener>(settings);
    l.screener->setList(records);
    return l;
}

} // namespace

Result<ScreeningMatch> CaseScreening::explain(CaseFile &caseFile, qint64 versionId, qint64 entityRowId,
                                              const QString &entryId, const ScreeningSettings &settings)
{
    const auto party = caseFile.entities().entity(entityRowId);
    if (!party) {
        return Error{tr("no entity with row id %1 in the case").arg(entityRowId)};
    }
    const LoadedList list = loadList(caseFile.referenceLists(), versionId, settings);
    const qsizetype at = list.index.value(entryId, -1);
    if (at < 0) {
        return Error{tr("list version %1 has no entry %2").arg(versionId).arg(entryId)};
    }
    return makeMatch(*party, &list.entries.at(at),
                     list.screener->compare(ScreeningRecord::fromEntity(*party), at));
}

QList<Entity> CaseScreening::parties(const CaseFile &caseFile, const QList<qint64> &rowIds)
{
    QList<Entity> out;
    if (rowIds.isEmpty()) {
        (void)caseFile.entities().forEach([&](const Entity &e) {
            if (ReferenceListLoader::isParty(e.schema)) {
                out << e;
            }
            return true;
        });
        return out;
    }
    for (qint64 id : rowIds) {
        if (auto e = caseFile.entities().entity(id); e && ReferenceListLoader::isParty(e->schema)) {
            out << *e;
        }
    }
    return out;
}

Result<ScreeningOutcome> CaseScreening::run(CaseFile &caseFile, const ScreeningRequest &request,
                                            const std::function<bool(qint64, qint64)> &progress)
{
    auto &store = caseFile.referenceLists();
    const auto version = store.version(request.versionId);
    if (!version) {
        return Error{tr("no reference list version %1 in the case").arg(request.versionId)};
    }
    const LoadedList list = loadList(store, version->id, request.settings);

    const QList<Entity> parties = CaseScreening::parties(caseFile, request.entityRowIds);
    QList<ScreeningRecord> records;
    records.reserve(parties.size());
    for (const Entity &e : parties) {
        records << ScreeningRecord::fromEntity(e);
    }
    // Decisions in force, to show next to the candidates they are about.
    QHash<QPair<qint64, QString>, ScreeningDecision> decided;
    for (const auto &d : store.decisions()) {
        decided.insert({d.entityRowId, d.entryId}, d);
    }
    ScreeningOutcome out;
    out.version = *version;
    constexpr qsizetype batch = 256;
    for (qsizetype from = 0; from < records.size(); from += batch) {
        if (progress && !progress(from, records.size())) {
            return Error{tr("cancelled")};
        }
        const auto results = list.screener->screenAll(records.mid(from, batch));
        for (qsizetype i = 0; i < results.size(); ++i) {
            const Entity &party = parties.at(from + i);
            for (const Candidate &c : results.at(i)) {
                const qsizetype at = list.index.value(c.entryId, -1);
                ScreeningMatch m = makeMatch(party, at < 0 ? nullptr : &list.entries.at(at), c);
                const auto it = decided.constFind({party.rowId, c.entryId});
                if (it != decided.constEnd()) {
                    m.decision = *it;
                }
                out.matches << m;
            }
        }
    }
    if (progress) {
        progress(records.size(), records.size());
    }
    out.run.versionId = version->id;
    out.run.threshold = request.settings.threshold;
    out.run.scope = request.entityRowIds.isEmpty() ? QStringLiteral("all") : QStringLiteral("selected");
    out.run.screened = records.size();
    out.run.candidates = out.matches.size();
    if (request.record && !caseFile.isReadOnly()) {
        if (auto id = store.addRun(out.run); !id) {
            return id.error();
        }
    }
    return out;
}

} // namespace Casegraph::Models

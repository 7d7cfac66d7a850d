// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineModel::fromCase: which properties of which schemata become events, intervals and
// amounts, the theme of each, its lane entity, and when each fact became known.
#include "core/schema.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"
#include "storage/supportstore.h"
#include "timelinemodel.h"

#include <QLocale>
#include <QRegularExpression>

namespace Casegraph::Models {

namespace {

/// Record-keeping dates that say nothing about when a fact was true.
bool isHousekeepingDate(const QString &property)
{
    static const QSet<QString> skip = {QStringLiteral("modifiedAt"), QStringLiteral("retrievedAt"),
                                       QStringLiteral("createdAt"), QStringLiteral("processedAt")};
    return skip.contains(property);
}

/// Document dates that say when a source was published (its "known at" for what it states).
const QStringList &publicationProperties()
{
    static const QStringList props = {QStringLiteral("publishedAt"), QStringLiteral("authoredAt"),
                                      QStringLiteral("date")};
    return props;
}

/// Event entities carry no theme of their own; the words of their caption decide. The order
/// matters: "letter asking to exclude" is a letter, "cancels contract" a cancellation. A
/// heuristic over English captions: an event that matches nothing is an "other event".
TimelineTheme eventTheme(const QString &caption)
{
    static const struct {
        TimelineTheme theme;
        QRegularExpression words;
    } rules[] = {
        {TimelineTheme::ListAdditions,
         QRegularExpression(QStringLiteral("\\b(entity list|blacklist|sanction\\w*|listing|listed|designat\\w*)\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
        {TimelineTheme::LettersReports,
         QRegularExpression(QStringLiteral("\\b(letters?|report\\w*|statements?|says|said|tells|notice|findings|"
                                           "assessment|denies|rejects|announces|accuses|account|defends|"
                                           "testimony|hearing)\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
        {TimelineTheme::BansCancellations,
         QRegularExpression(QStringLiteral("\\b(bans?|banned|cancel\\w*|scrap\\w*|restrict\\w*|exclu\\w*|revok\\w*|"
                                           "terminat\\w*|prohibit\\w*|suspend\\w*|withdraw\\w*)\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
        {TimelineTheme::ContractsAwards,
         QRegularExpression(QStringLiteral("\\b(contracts?|tenders?|procure\\w*|purchas\\w*|award\\w*|"
                                           "fundraising|donation)\\b"),
                            QRegularExpression::CaseInsensitiveOption)},
    };
    for (const auto &rule : rules) {
        if (rule.words.match(caption).hasMatch()) {
            return rule.theme;
        }
    }
    return TimelineTheme::OtherEvents;
}

TimelineTheme schemaTheme(const Schema &schema, const QString &caption)
{
    if (schema.isA(QStringLiteral("Sanction"))) {
        return TimelineTheme::ListAdditions;
    }
    for (const char *s : {"Contract", "ContractAward", "CallForTenders", "Payment", "Project", "Debt"}) {
        if (schema.isA(QLatin1String(s))) {
            return TimelineTheme::ContractsAwards;
        }
    }
    if (schema.isA(QStringLiteral("Document"))) {
        return TimelineTheme::Articles;
    }
    if (schema.isA(QStringLiteral("Event"))) {
        return eventTheme(caption);
    }
    if (schema.isEdge() || schema.isA(QStringLiteral("Interval"))) {
        return TimelineTheme::Relationships;
    }
    return TimelineTheme::OtherEvents;
}

/// Entities whose lack of any date is itself worth showing: facts that happened at some time.
bool belongsOnTimeline(const Schema &schema)
{
    if (schema.isEdge() || schema.isA(QStringLiteral("Document"))) {
        return true;
    }
    for (const char *s : {"Event", "Sanction", "Contract", "CallForTenders", "Payment", "Project", "Debt"}) {
        if (schema.isA(QLatin1String(s))) {
            return true;
        }
    }
    return false;
}

/// "10,000,000" / "1.4e6" / "9 100 000" -> a number; nullopt when it is not one.
std::optional<double> parseAmount(QString text)
{
    text.remove(QLatin1Char(',')).remove(QLatin1Char(' ')).remove(QChar(0x00A0));
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

struct EntityEvidence {
    QList<qint64> sourceRows;
    QHash<QString, QString> propertyComments;
};

} // namespace

Result<TimelineModel> TimelineModel::fromCase(const CaseFile &caseFile, const QSet<QString> &entityIds,
                                              const std::atomic_bool *cancel)
{
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const SchemaRegistry &registry = SchemaRegistry::instance();
    QHash<QString, QString> captions; // every entity, for the labels of relationships
    QHash<qint64, QString> captionOfRow;
    QHash<qint64, FtmDate> publishedOfRow; // Document entities: their publication date
    QList<Entity> candidates;
    auto st = caseFile.entities().forEach([&](const Entity &e) {
        if ((e.rowId & 1023) == 0 && cancelled()) {
            return false;
        }
        captions.insert(e.id, e.caption);
        captionOfRow.insert(e.rowId, e.caption);
        const Schema *schema = registry.schema(e.schema);
        if (!schema) {
            return true;
        }
        if (schema->isA(QStringLiteral("Document"))) {
            for (const QString &prop : publicationProperties()) {
                const FtmDate d = FtmDate::parse(e.first(prop));
                if (d.isValid()) {
                    publishedOfRow.insert(e.rowId, d);
                    break;
                }
            }
        }
        bool dated = false;
        for (const auto &v : e.values) {
            const PropertySpec *spec = schema->property(v.property);
            if (spec && spec->type == PropertyType::Date && !isHousekeepingDate(v.property)) {
                dated = true;
                break;
            }
        }
        // Companies are Values in FtM (Asset): only those stating an amount are kept.
        const bool amount = schema->isA(QStringLiteral("Value")) &&
                            (!e.first(QStringLiteral("amount")).isEmpty() || !e.first(QStringLiteral("amountEur")).isEmpty() ||
                             !e.first(QStringLiteral("amountUsd")).isEmpty());
        if (dated || amount || belongsOnTimeline(*schema)) {
            candidates.append(e);
        }
        return true;
    });
    if (!st) {
        return st.error();
    }
    if (cancelled()) {
        return Error{tr("cancelled")};
    }

    QHash<qint64, EntityEvidence> evidence;
    for (const auto &link : caseFile.evidence().claimSourceLinks()) {
        EntityEvidence &ev = evidence[link.entityRowId];
        if (link.sourceEntityRowId && !ev.sourceRows.contains(link.sourceEntityRowId)) {
            ev.sourceRows.append(link.sourceEntityRowId);
        }
        if (!link.property.isEmpty() && !link.comment.isEmpty() && !ev.propertyComments.contains(link.property)) {
            ev.propertyComments.insert(link.property, link.comment);
        }
    }
    const QHash<qint64, QString> notes = caseFile.evidence().entityNotes();
    // SupportStore only reads here; it takes a non-const case because it also grades.
    const QHash<qint64, Support> support = SupportStore(const_cast<CaseFile &>(caseFile)).supportOfAll();

    TimelineModel model;
    const QLocale c = QLocale::c();
    if (cancelled()) {
        return Error{tr("cancelled")};
    }
    qsizetype done = 0;
    for (const Entity &e : std::as_const(candidates)) {
        if ((++done & 1023) == 0 && cancelled()) {
            return Error{tr("cancelled")};
        }
        const Schema &schema = *registry.schema(e.schema);
        // References: every entity-typed value, in property order.
        QStringList related;
        for (const auto &v : e.values) {
            const PropertySpec *spec = schema.property(v.property);
            if (spec && spec->type == PropertyType::Entity && !related.contains(v.value)) {
                related.append(v.value);
            }
        }
        if (!entityIds.isEmpty() && !entityIds.contains(e.id) &&
            std::none_of(related.begin(), related.end(), [&](const QString &id) { return entityIds.contains(id); })) {
            continue;
        }
        const auto captionOf = [&](const QString &id) -> QString {
            const QString c = captions.value(id);
            return c.isEmpty() ? id : c;
        };

        TimelineItem base;
        base.entityId = e.id;
        base.entityRowId = e.rowId;
        base.schema = e.schema;
        base.relatedIds = related;
        // The lane entity: who the fact is about or who acted.
        QString lane;
        if (schema.isA(QStringLiteral("Sanction"))) {
            lane = e.first(QStringLiteral("entity"));
        } else if (schema.isA(QStringLiteral("Event"))) {
            lane = e.first(QStringLiteral("organizer"));
            if (lane.isEmpty()) {
                lane = e.first(QStringLiteral("involved"));
            }
        } else if (schema.isA(QStringLiteral("ContractAward"))) {
            lane = e.first(QStringLiteral("supplier")); // the award is news about who won it
        } else if (schema.isEdge()) {
            lane = e.first(schema.edgeSource);
        } else if (schema.isA(QStringLiteral("Contract"))) {
            lane = e.first(QStringLiteral("authority"));
        }
        base.laneEntityId = lane.isEmpty() ? e.id : lane;
        // Labels: relationships name their ends, sanctions the listed party and the list.
        if (schema.isA(QStringLiteral("Sanction"))) {
            QString list = e.first(QStringLiteral("program"));
            if (list.isEmpty()) {
                list = e.first(QStringLiteral("authority"));
            }
            base.label = list.isEmpty() ? tr("%1 listed").arg(captionOf(lane)) : tr("%1 — %2").arg(captionOf(lane), list);
        } else if (schema.isEdge()) {
            const QString to = e.first(schema.edgeTarget);
            // A resale names the maker too: two resellers' supplies would read alike otherwise.
            const QString maker = e.first(QStringLiteral("manufacturer"));
            const QString kind = maker.isEmpty() || maker == e.first(schema.edgeSource) ? schema.label
                                                                  : tr("%1 (%2)").arg(schema.label, captionOf(maker));
            const QString from = e.first(schema.edgeSource);
            base.label = tr("%1: %2").arg(kind, schema.endsText(from.isEmpty() ? tr("?") : captionOf(from),
                                                                to.isEmpty() ? tr("?") : captionOf(to)));
        } else {
            base.label = e.caption.isEmpty() ? schema.label : e.caption;
        }
        base.laneLabel = base.laneEntityId == e.id ? base.label : captionOf(base.laneEntityId);
        base.theme = schemaTheme(schema, base.label);
        base.support = support.value(e.rowId);
        const EntityEvidence ev = evidence.value(e.rowId);
        if (schema.isA(QStringLiteral("Document"))) {
            base.knownFrom << base.label;
            base.knownAt = publishedOfRow.value(e.rowId);
        }
        for (qint64 sourceRow : ev.sourceRows) {
            const QString title = captionOfRow.value(sourceRow);
            if (!base.knownFrom.contains(title)) {
                base.knownFrom << title;
            }
            const FtmDate published = publishedOfRow.value(sourceRow);
            if (published.isValid() && (!base.knownAt.isValid() || published < base.knownAt)) {
                base.knownAt = published;
            }
        }
        const QString note = notes.value(e.rowId);
        const auto noteFor = [&](const QString &prop) -> QString {
            const QString comment = ev.propertyComments.value(prop);
            return comment.isEmpty() ? note : comment;
        };

        int added = 0;
        // Intervals: startDate/endDate (every Interval schema: relationships, sanctions, events).
        const QStringList starts = e.valuesOf(QStringLiteral("startDate"));
        const QStringList ends = e.valuesOf(QStringLiteral("endDate"));
        if (!starts.isEmpty() || !ends.isEmpty()) {
            TimelineItem item = base;
            item.kind = TimelineItem::Kind::Interval;
            item.property = QStringLiteral("startDate");
            // Several values: the earliest start and the latest end, each kept at its precision.
            for (const QString &s : starts) {
                const FtmDate d = FtmDate::parse(s);
                if (d.isValid() && (!item.start.isValid() || d < item.start)) {
                    item.start = d;
                }
            }
            for (const QString &s : ends) {
                const FtmDate d = FtmDate::parse(s);
                if (d.isValid() && (!item.end.isValid() || item.end.latestMSecs() < d.latestMSecs())) {
                    item.end = d;
                }
            }
            if (item.start.isValid() || item.end.isValid()) {
                item.dateNote = noteFor(item.start.isValid() ? QStringLiteral("startDate") : QStringLiteral("endDate"));
                model.addItem(item);
                ++added;
            }
        }
        // Events: every other date property, one item per value.
        for (const auto &v : e.values) {
            if (v.property == QLatin1String("startDate") || v.property == QLatin1String("endDate") ||
                isHousekeepingDate(v.property)) {
                continue;
            }
            const PropertySpec *spec = schema.property(v.property);
            if (!spec || spec->type != PropertyType::Date) {
                continue;
            }
            const FtmDate d = FtmDate::parse(v.value);
            if (!d.isValid()) {
                continue;
            }
            TimelineItem item = base;
            item.kind = TimelineItem::Kind::Event;
            item.property = v.property;
            item.start = d;
            item.dateNote = noteFor(v.property);
            // "date" is the event itself; other dates name what happened to the entity.
            const bool ownDate = v.property == QLatin1String("date") || v.property == QLatin1String("listingDate") ||
                                 (schema.isA(QStringLiteral("Document")) && publicationProperties().contains(v.property));
            if (!ownDate) {
                item.label = tr("%1: %2").arg(base.label, spec->label);
            }
            model.addItem(item);
            ++added;
        }
        // Amounts: Value schemata (contracts, awards, payments, debts, projects).
        if (schema.isA(QStringLiteral("Value"))) {
            TimelineItem item = base;
            item.kind = TimelineItem::Kind::Amount;
            std::optional<double> value;
            QStringList equivalents;
            for (const auto &[prop, currency] : {std::pair{"amount", QString()}, std::pair{"amountEur", QStringLiteral("EUR")},
                                                 std::pair{"amountUsd", QStringLiteral("USD")}}) {
                const auto parsed = parseAmount(e.first(QLatin1String(prop)));
                if (!parsed) {
                    continue;
                }
                const QString code = currency.isEmpty() ? e.first(QStringLiteral("currency")).trimmed().toUpper() : currency;
                if (!value) {
                    value = parsed;
                    item.currency = code;
                } else {
                    equivalents << tr("%1 %2").arg(c.toString(*parsed, 'f', 0), code);
                }
            }
            if (value) {
                item.amount = *value;
                item.amountNote = equivalents.isEmpty() ? QString() : tr("also stated: %1").arg(equivalents.join(QLatin1String("; ")));
                // The date of the payment or award, else the start of the period, else the contract's.
                for (const char *prop : {"date", "startDate", "contractDate", "awardingDate"}) {
                    item.start = FtmDate::parse(e.first(QLatin1String(prop)));
                    if (item.start.isValid()) {
                        item.property = QLatin1String(prop);
                        break;
                    }
                }
                if (item.start.isValid()) {
                    item.dateNote = noteFor(item.property);
                    model.addItem(item);
                } else {
                    item.dateNote = note;
                    model.addUndated(item);
                    continue; // listed once, with its amount
                }
            }
        }
        if (added == 0 && belongsOnTimeline(schema)) {
            TimelineItem item = base;
            item.dateNote = note;
            model.addUndated(item);
        }
    }
    if (cancelled()) {
        return Error{tr("cancelled")};
    }
    model.finish();
    return model;
}

} // namespace Casegraph::Models

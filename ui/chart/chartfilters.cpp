// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartfilters.h"
#include "charttags.h"

#include "core/schema.h"

#include <QJsonArray>
#include <QLocale>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {
const QString ModeKey = QStringLiteral("mode");
const QString DateKey = QStringLiteral("date");
const QString FromKey = QStringLiteral("from");
const QString ToKey = QStringLiteral("to");
const QString AsOfMode = QStringLiteral("asOf");
const QString BetweenMode = QStringLiteral("between");

QDate isoDate(const QJsonValue &v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

QString shortDate(const QDate &d)
{
    return QLocale().toString(d, QLocale::ShortFormat);
}
} // namespace

TimeFilter ChartTime::filter() const
{
    switch (mode) {
    case Mode::All:
        break;
    case Mode::AsOf:
        return from.isValid() ? TimeFilter::asOf(from) : TimeFilter();
    case Mode::Range:
        return from.isValid() && to.isValid() ? TimeFilter::range(from, to) : TimeFilter();
    }
    return {};
}

QStringList ChartFilters::hiddenSchemata(const QJsonObject &settings, const QString &key, const ChartData &data)
{
    QStringList out;
    for (const QJsonValue &v : settings.value(key).toArray()) {
        const QString name = v.toString();
        if (!name.isEmpty() && !out.contains(name) &&
            (SchemaRegistry::instance().schema(name) || data.schemata.contains(name))) {
            out << name;
        }
    }
    out.sort();
    return out;
}

QJsonValue ChartFilters::setting(QStringList schemata)
{
    schemata.removeDuplicates();
    schemata.sort(); // the same filter writes the same text
    return schemata.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QJsonArray::fromStringList(schemata));
}

ChartTime ChartFilters::savedTime(const QJsonObject &settings)
{
    const QJsonObject saved = settings.value(TimeKey).toObject();
    const QString mode = saved.value(ModeKey).toString();
    if (mode == AsOfMode) {
        if (const QDate day = isoDate(saved.value(DateKey)); day.isValid()) {
            return ChartTime::asOf(day);
        }
    } else if (mode == BetweenMode) {
        const QDate from = isoDate(saved.value(FromKey)), to = isoDate(saved.value(ToKey));
        if (from.isValid() && to.isValid()) {
            return ChartTime::between(from, to);
        }
    }
    return {};
}

QJsonValue ChartFilters::setting(const ChartTime &time)
{
    if (!time.isActive()) {
        return QJsonValue::Undefined;
    }
    if (time.mode == ChartTime::Mode::AsOf) {
        return QJsonObject{{ModeKey, AsOfMode}, {DateKey, time.from.toString(Qt::ISODate)}};
    }
    return QJsonObject{{ModeKey, BetweenMode},
                       {FromKey, time.from.toString(Qt::ISODate)},
                       {ToKey, time.to.toString(Qt::ISODate)}};
}

void ChartFilters::applySaved(ChartData &data, const QJsonObject &settings)
{
    data.applyFilters(savedTime(settings).filter(), hiddenSchemata(settings, NodeSchemataKey, data),
                      hiddenSchemata(settings, EdgeSchemataKey, data));
    ChartTags::applyFilter(data, ChartTags::savedFilter(settings, data));
}

QString ChartFilters::plural(const QString &schema)
{
    const Schema *s = SchemaRegistry::instance().schema(schema);
    return s && !s->plural.isEmpty() ? s->plural : schema;
}

QString ChartFilters::changeText(const QStringList &before, const QStringList &after)
{
    QStringList hidden, shown;
    for (const QString &s : after) {
        if (!before.contains(s)) {
            hidden << plural(s);
        }
    }
    for (const QString &s : before) {
        if (!after.contains(s)) {
            shown << plural(s);
        }
    }
    if (hidden.size() == 1 && shown.isEmpty()) {
        return tr("Hide %1 on the Chart").arg(hidden.constFirst());
    }
    if (shown.size() == 1 && hidden.isEmpty()) {
        return tr("Show %1 on the Chart").arg(shown.constFirst());
    }
    return tr("Change the Chart's Type Filter");
}

QString ChartFilters::changeText(const ChartTime &time)
{
    if (!time.isActive()) {
        return tr("Time Filter: All Dates");
    }
    if (time.mode == ChartTime::Mode::AsOf) {
        return tr("Time Filter: As of %1").arg(shortDate(time.from));
    }
    return tr("Time Filter: %1 – %2").arg(shortDate(time.from), shortDate(time.to));
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "charttags.h"
#include "chartdata.h"
#include "chartpainter.h"

#include "storage/casefile.h"
#include "storage/tagstore.h"

#include <QJsonArray>
#include <QPainter>

#include <algorithm>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

void ChartTags::load(const CaseFile &caseFile, ChartData &data)
{
    data.nodeTags.clear();
    data.tagColours.clear();
    data.tagStamps.clear();
    const QHash<qint64, QList<qint64>> all = caseFile.tags().entityTagIds();
    // The chart usually holds fewer entities than the case has tagged, or the other way round:
    // walk the smaller side.
    if (qsizetype(all.size()) < data.nodeCount()) {
        for (auto it = all.begin(); it != all.end(); ++it) {
            if (data.indexOf(it.key()) >= 0) {
                data.nodeTags.insert(it.key(), it.value());
            }
        }
    } else {
        for (const qint64 row : data.nodeRowId) {
            if (const auto it = all.constFind(row); it != all.constEnd()) {
                data.nodeTags.insert(row, *it);
            }
        }
    }
    for (const Tag &tag : caseFile.tags().tags()) {
        data.tagColours.insert(tag.id, QColor(tag.colour).rgb());
        data.tagStamps.insert(tag.id, tag.createdAt.toUTC().toString(Qt::ISODateWithMs));
    }
}

namespace {
const QString ModeKey = QStringLiteral("mode");
const QString TagsKey = QStringLiteral("tags");
const QString IdKey = QStringLiteral("id");
const QString CreatedKey = QStringLiteral("created");
const QString HideMode = QStringLiteral("hide");
const QString ShowOnlyMode = QStringLiteral("showOnly");
} // namespace

ChartTagFilter ChartTags::savedFilter(const QJsonObject &settings, const ChartData &data)
{
    const QJsonObject saved = settings.value(SettingKey).toObject();
    ChartTagFilter filter;
    filter.mode = saved.value(ModeKey).toString() == HideMode ? ChartTagFilter::Mode::Hide : ChartTagFilter::Mode::ShowOnly;
    for (const QJsonValue &tag : saved.value(TagsKey).toArray()) {
        const auto id = qint64(tag[IdKey].toDouble());
        const auto stamp = data.tagStamps.constFind(id);
        if (stamp != data.tagStamps.constEnd() && *stamp == tag[CreatedKey].toString()) {
            filter.tags.insert(id);
        }
    }
    return filter;
}

QJsonValue ChartTags::setting(const ChartTagFilter &filter, const ChartData &data)
{
    if (filter == ChartTagFilter()) {
        return QJsonValue::Undefined;
    }
    QList<qint64> ids(filter.tags.begin(), filter.tags.end());
    std::sort(ids.begin(), ids.end()); // the same filter writes the same text
    QJsonArray tags;
    for (const qint64 id : ids) {
        tags.append(QJsonObject{{IdKey, id}, {CreatedKey, data.tagStamps.value(id)}});
    }
    return QJsonObject{{ModeKey, filter.mode == ChartTagFilter::Mode::Hide ? HideMode : ShowOnlyMode}, {TagsKey, tags}};
}

ChartTagFilter ChartTags::existing(ChartTagFilter filter, const ChartData &data)
{
    filter.tags.removeIf([&](qint64 tag) { return !data.tagColours.contains(tag); });
    return filter;
}

void ChartTags::applyFilter(ChartData &data, const ChartTagFilter &filter)
{
    if (!filter.isActive()) {
        return;
    }
    const bool only = filter.mode == ChartTagFilter::Mode::ShowOnly;
    for (size_t i = 0; i < data.nodeRowId.size(); ++i) {
        if (data.nodeFlags[i] & NodeGroup) {
            continue;
        }
        bool carries = false;
        if (const auto it = data.nodeTags.constFind(data.nodeRowId[i]); it != data.nodeTags.constEnd()) {
            for (const qint64 tag : *it) {
                carries = carries || filter.tags.contains(tag);
            }
        }
        if (carries != only) {
            data.nodeFlags[i] |= NodeFiltered;
        }
    }
}

QHash<qint64, int> ChartTags::counts(const ChartData &data)
{
    QHash<qint64, int> out;
    for (auto it = data.nodeTags.begin(); it != data.nodeTags.end(); ++it) {
        for (const qint64 tag : it.value()) {
            ++out[tag];
        }
    }
    return out;
}

void ChartTags::paintDots(QPainter &painter, const ChartData &data, qint32 node, QPointF centre, double discRadius)
{
    if (data.nodeTags.isEmpty()) {
        return;
    }
    const auto it = data.nodeTags.constFind(data.nodeRowId[size_t(node)]);
    if (it == data.nodeTags.constEnd() || it->isEmpty()) {
        return;
    }
    const int n = int(std::min<qsizetype>(it->size(), MaxDots));
    // A row of dots across the bottom of the disc, outlined so that pale tag colours still show.
    constexpr double radius = 5, step = 11;
    const double y = centre.y() + discRadius - radius;
    const double x0 = centre.x() - step * (n - 1) / 2.0;
    painter.setPen(QPen(QColor(0x55, 0x60, 0x6b), 1.2));
    for (int k = 0; k < n; ++k) {
        painter.setBrush(QColor::fromRgb(data.tagColours.value(it->at(k), qRgb(0x9a, 0xa3, 0xad))));
        painter.drawEllipse(QPointF(x0 + step * k, y), radius, radius);
    }
}

} // namespace Casegraph::Ui

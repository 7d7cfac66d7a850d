// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartgroups.h"
#include "chartdata.h"
#include "chartpainter.h"

#include <QFontMetricsF>
#include <QJsonArray>
#include <QPainter>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

namespace {

const QColor FrameStroke(0x7a, 0x86, 0x99);
const QColor FrameFill(0x2f, 0x6d, 0xb5, 14);
const QColor TabFill(0xe4, 0xeb, 0xf4);
const QColor TabText(0x2b, 0x36, 0x45);
constexpr float GroupHalf = 20;     ///< half the side of a group node's square (corners stay inside the edges' trim)
constexpr float FramePadding = 10;  ///< between a member's disc and label and the frame
constexpr float TabFontSize = 11;
constexpr qsizetype MeasureLimit = 2000; ///< grouped nodes whose labels frameRects() measures

QFont tabFont()
{
    QFont font;
    font.setPixelSize(int(TabFontSize));
    font.setBold(true);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QFont labelFont()
{
    QFont font;
    font.setPixelSize(int(ChartStyle::LabelSize));
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

/// The frame of every expanded group with a visible member, by group index (null: none).
std::vector<QRectF> frameRects(const ChartData &d)
{
    std::vector<QRectF> rects(size_t(d.groups.size()));
    if (d.groups.size() <= 1) {
        return rects;
    }
    std::vector<char> collapsed(size_t(d.groups.size()), 0);
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        if (d.nodeFlags[size_t(i)] & NodeGroup) {
            collapsed[d.nodeGroup[size_t(i)]] = 1;
        }
    }
    const QFontMetricsF fm(labelFont());
    // Measuring every label costs ~10 µs; past a few thousand members (a frame per paint) the
    // width is estimated from the length instead, which only moves the frames a little.
    qsizetype members = 0;
    for (qint32 i = 0; i < d.nodeCount() && members <= MeasureLimit; ++i) {
        members += d.nodeGroup[size_t(i)] != 0;
    }
    const bool measure = members <= MeasureLimit;
    const double charWidth = fm.averageCharWidth();
    for (qint32 i = 0; i < d.nodeCount(); ++i) {
        const quint16 g = d.nodeGroup[size_t(i)];
        if (g == 0 || collapsed[g] || !d.isVisible(i)) {
            continue;
        }
        const QPointF c = d.position(i);
        const QString &label = d.nodeLabel[size_t(i)];
        const double advance = measure ? fm.horizontalAdvance(label) : charWidth * double(label.size());
        const double radius = ChartPainter::nodeRadius(d, i); // sized by a measure: larger
        const double half = std::max(radius + 8, std::min(advance, double(ChartStyle::LabelWidth)) / 2 + 3);
        const int rows = advance > ChartStyle::LabelWidth ? 2 : 1;
        const QRectF box(c.x() - half - FramePadding, c.y() - radius - 8 - FramePadding, 2 * (half + FramePadding),
                         2 * radius + 8 + 4 + fm.height() * rows + 2 * FramePadding);
        QRectF &r = rects[g];
        r = r.isNull() ? box : r.united(box);
    }
    return rects;
}

QSizeF tabSize(const QString &name)
{
    const QFontMetricsF fm(tabFont());
    return {std::min(fm.horizontalAdvance(name), 2.0 * ChartStyle::LabelWidth) + 12, fm.height() + 4};
}

} // namespace

QStringList ChartGroups::collapsed(const QJsonObject &settings)
{
    QStringList out;
    for (const auto &v : settings.value(SettingKey).toArray()) {
        if (!v.toString().isEmpty()) {
            out << v.toString();
        }
    }
    return out;
}

QJsonValue ChartGroups::setting(const QStringList &groups)
{
    return groups.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(QJsonArray::fromStringList(groups));
}

void ChartGroups::strip(ChartData &d)
{
    std::vector<qint32> synthetic;
    for (size_t i = 0; i < d.nodeFlags.size(); ++i) {
        if (d.nodeFlags[i] & NodeGroup) {
            synthetic.push_back(qint32(i));
        }
        d.nodeFlags[i] &= quint8(~NodeCollapsed);
    }
    if (!synthetic.empty()) {
        d.removeNodes(std::move(synthetic)); // takes their (merged) edges along
    }
}

void ChartGroups::apply(ChartData &d, const QStringList &collapsedGroups)
{
    // Group nodes keep their selection and highlight across rebuilds.
    QHash<QString, quint8> keptFlags;
    for (size_t i = 0; i < d.nodeFlags.size(); ++i) {
        if (d.nodeFlags[i] & NodeGroup) {
            keptFlags.insert(d.groups.value(d.nodeGroup[i]), d.nodeFlags[i] & (NodeSelected | NodeHighlighted));
        }
    }
    strip(d);
    if (collapsedGroups.isEmpty() || d.groups.size() <= 1) {
        return;
    }
    const size_t groupCount = size_t(d.groups.size());
    std::vector<char> isCollapsed(groupCount, 0);
    for (const QString &name : collapsedGroups) {
        if (const qsizetype g = d.groups.indexOf(name); g > 0) {
            isCollapsed[size_t(g)] = 1;
        }
    }
    struct Acc {
        int shown = 0;
        quint8 highlighted = 0;
        double sx = 0, sy = 0;
        std::map<quint8, int> icons;
    };
    std::vector<Acc> acc(groupCount);
    const size_t realNodes = d.nodeRowId.size();
    for (size_t i = 0; i < realNodes; ++i) {
        const quint16 g = d.nodeGroup[i];
        if (!isCollapsed[g] || !d.isVisible(qint32(i))) {
            continue;
        }
        Acc &a = acc[g];
        ++a.shown;
        a.highlighted |= d.nodeFlags[i] & NodeHighlighted;
        a.sx += d.x[i];
        a.sy += d.y[i];
        ++a.icons[d.nodeIcon[i]];
    }
    std::vector<qint32> nodeOf(groupCount, -1);
    for (size_t g = 1; g < groupCount; ++g) {
        const Acc &a = acc[g];
        if (!isCollapsed[g] || a.shown == 0) {
            continue;
        }
        const QString &name = d.groups.at(qsizetype(g));
        const qint32 n = d.addNode(-qint64(g), QString(), tr("%1 (%2)").arg(name).arg(a.shown),
                                   QPointF(a.sx / a.shown, a.sy / a.shown),
                                   quint8(NodeGroup | a.highlighted | keptFlags.value(name)));
        d.nodeGroup[size_t(n)] = quint16(g);
        // The icon of the members' most common family: a group of companies shows a company.
        d.nodeIcon[size_t(n)] = std::max_element(a.icons.begin(), a.icons.end(), [](const auto &l, const auto &r) {
                                    return l.second < r.second;
                                })->first;
        nodeOf[g] = n;
    }
    for (size_t i = 0; i < realNodes; ++i) {
        if (isCollapsed[d.nodeGroup[i]]) {
            d.nodeFlags[i] |= NodeCollapsed;
        }
    }

    // Edges with one end in a collapsed group go to its node; parallel ones (same ends, same
    // direction) merge into one line. Sorting the crossing edges by (ends, direction, edge) puts
    // the edges of one line together, and the lines between the same two ends together (they bend
    // apart), without a map node per line.
    struct Crossing {
        qint32 lo, hi;   ///< the line's ends, lower index first
        quint8 way;      ///< 0 undirected, 1 directed lo → hi, 2 directed hi → lo
        qint32 edge;
        auto operator<=>(const Crossing &) const = default;
    };
    std::vector<Crossing> crossings;
    const auto endOf = [&](qint32 n) { return (d.nodeFlags[size_t(n)] & NodeCollapsed) ? nodeOf[d.nodeGroup[size_t(n)]] : n; };
    const size_t realEdges = d.edgeFrom.size();
    for (size_t e = 0; e < realEdges; ++e) {
        const qint32 from = d.edgeFrom[e], to = d.edgeTo[e];
        const quint8 ff = d.nodeFlags[size_t(from)], tf = d.nodeFlags[size_t(to)];
        if (!((ff | tf) & NodeCollapsed) || (d.edgeFlags[e] & EdgeFiltered) ||
            ((ff | tf) & (NodeHidden | NodeFiltered))) {
            continue;
        }
        const qint32 a = endOf(from), b = endOf(to);
        if (a < 0 || b < 0 || a == b) {
            continue; // inside one group
        }
        const quint8 way = !(d.edgeFlags[e] & EdgeDirected) ? 0 : a < b ? 1 : 2;
        crossings.push_back({std::min(a, b), std::max(a, b), way, qint32(e)});
    }
    std::sort(crossings.begin(), crossings.end());
    for (size_t first = 0; first < crossings.size();) {
        const qint32 lo = crossings[first].lo, hi = crossings[first].hi;
        size_t last = first;
        int lines = 0;
        for (; last < crossings.size() && crossings[last].lo == lo && crossings[last].hi == hi; ++last) {
            lines += last == first || crossings[last].way != crossings[last - 1].way;
        }
        // Slots in half steps around the straight line, as ChartData::assignCurves spreads them.
        int slot = 1 - lines;
        for (size_t k = first; k < last; slot += 2) {
            const quint8 way = crossings[k].way;
            const size_t e0 = size_t(crossings[k].edge);
            int count = 0;
            bool sameLabel = true, sameSchema = true;
            quint8 confidence = quint8(Confidence::Corroborated), flags = 0;
            qint32 validFrom = OpenEndDay, validUntil = OpenStartDay;
            for (; k < last && crossings[k].way == way; ++k, ++count) {
                const size_t e = size_t(crossings[k].edge);
                sameLabel = sameLabel && d.edgeLabel[e] == d.edgeLabel[e0];
                sameSchema = sameSchema && d.edgeSchema[e] == d.edgeSchema[e0];
                // A merged line is only as well sourced as its weakest relationship.
                confidence = std::min(confidence, d.edgeConfidence[e]);
                validFrom = std::min(validFrom, d.edgeValidFrom[e]);
                validUntil = std::max(validUntil, d.edgeValidUntil[e]);
                flags |= d.edgeFlags[e] & EdgeHighlighted;
            }
            const QString single = d.labels.value(qsizetype(d.edgeLabel[e0]));
            const QString label = count == 1  ? single
                                  : sameLabel ? tr("%1 ×%2").arg(single).arg(count)
                                              : tr("%n relationships", nullptr, count);
            const bool reversed = way == 2;
            d.addEdge(reversed ? hi : lo, reversed ? lo : hi, sameSchema ? d.schemata.value(d.edgeSchema[e0]) : QString(),
                      label, Confidence(confidence), way != 0, validFrom, validUntil,
                      count == 1 ? d.edgeRelationship[e0] : 0);
            const size_t e = d.edgeFrom.size() - 1;
            d.edgeFlags[e] |= quint8(EdgeMerged | flags);
            d.edgeCurve[e] = qint8(std::clamp(reversed ? -slot : slot, -120, 120));
        }
        first = last;
    }
}

QString ChartGroups::groupOf(const ChartData &d, qint32 node)
{
    return node < 0 || node >= d.nodeCount() ? QString() : d.groups.value(d.nodeGroup[size_t(node)]);
}

bool ChartGroups::isGroupNode(const ChartData &d, qint32 node)
{
    return node >= 0 && node < d.nodeCount() && (d.nodeFlags[size_t(node)] & NodeGroup);
}

std::vector<qint32> ChartGroups::members(const ChartData &d, const QString &group)
{
    std::vector<qint32> out;
    const qsizetype g = group.isEmpty() ? -1 : d.groups.indexOf(group);
    for (qint32 i = 0; g > 0 && i < d.nodeCount(); ++i) {
        if (d.nodeGroup[size_t(i)] == quint16(g) && !(d.nodeFlags[size_t(i)] & NodeGroup)) {
            out.push_back(i);
        }
    }
    return out;
}

std::vector<qint32> ChartGroups::entityNodes(const ChartData &d, const std::vector<qint32> &nodes)
{
    std::vector<qint32> out;
    QSet<qint32> seen;
    for (const qint32 n : nodes) {
        const std::vector<qint32> expanded = isGroupNode(d, n) ? members(d, groupOf(d, n)) : std::vector<qint32>{n};
        for (const qint32 m : expanded) {
            if (!seen.contains(m)) {
                seen.insert(m);
                out.push_back(m);
            }
        }
    }
    return out;
}

qint32 ChartGroups::groupNode(const ChartData &d, const QString &group)
{
    const qsizetype g = group.isEmpty() ? -1 : d.groups.indexOf(group);
    return g > 0 ? d.indexOf(-qint64(g)) : -1;
}

QRectF ChartGroups::framesRect(const ChartData &d)
{
    QRectF out;
    const std::vector<QRectF> rects = frameRects(d);
    for (size_t g = 1; g < rects.size(); ++g) {
        if (rects[g].isNull()) {
            continue;
        }
        const QSizeF tab = tabSize(d.groups.at(qsizetype(g)));
        QRectF r = rects[g].adjusted(0, -tab.height() / 2, 0, 0);
        r.setRight(std::max(r.right(), r.left() + 8 + tab.width()));
        out = out.isNull() ? r : out.united(r);
    }
    return out;
}

void ChartGroups::paintFrames(QPainter &painter, const ChartData &d, const QRectF &visible, bool)
{
    const std::vector<QRectF> rects = frameRects(d);
    if (rects.size() <= 1) {
        return;
    }
    const double scale = std::sqrt(std::abs(painter.transform().determinant()));
    // Overviews: plain cosmetic rectangles, without antialiasing (hundreds of frames stay cheap).
    const bool overview = scale < 0.5;
    QPen pen(FrameStroke, overview ? 1.0 : 1.2);
    pen.setCosmetic(overview);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, !overview);
    painter.setPen(pen);
    painter.setBrush(FrameFill);
    for (size_t g = 1; g < rects.size(); ++g) {
        const QRectF &r = rects[g];
        if (r.isNull() || !r.intersects(visible)) {
            continue;
        }
        if (overview) {
            painter.drawRect(r);
        } else {
            painter.drawRoundedRect(r, 14, 14);
        }
    }
    painter.restore();
}

void ChartGroups::paintTabs(QPainter &painter, const ChartData &d, const QRectF &visible, bool vector)
{
    const double scale = vector ? 4.0 : std::sqrt(std::abs(painter.transform().determinant()));
    if (TabFontSize * scale < 5) {
        return; // unreadable: the frames alone show the groups
    }
    const std::vector<QRectF> rects = frameRects(d);
    const QFont font = tabFont();
    const QFontMetricsF fm(font);
    for (size_t g = 1; g < rects.size(); ++g) {
        const QRectF &r = rects[g];
        if (r.isNull() || !r.adjusted(0, -TabFontSize, 0, 0).intersects(visible)) {
            continue;
        }
        const QString name = d.groups.at(qsizetype(g));
        const QSizeF size = tabSize(name);
        const QRectF tab(r.left() + 8, r.top() - size.height() / 2, size.width(), size.height());
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(FrameStroke, 1.2));
        painter.setBrush(TabFill);
        painter.drawRoundedRect(tab, 4, 4);
        painter.setFont(font);
        painter.setPen(TabText);
        painter.drawText(tab, Qt::AlignCenter, fm.elidedText(name, Qt::ElideRight, tab.width() - 10));
        painter.restore();
    }
}

void ChartGroups::paintGroupNode(QPainter &painter, QPointF c, bool selected, bool highlighted)
{
    const QColor stroke = highlighted ? QColor(0xe8, 0x71, 0x0a) : selected ? QColor(0x2f, 0x6d, 0xb5) : FrameStroke;
    const double width = highlighted || selected ? 2.5 : 1.5;
    // Two squares stacked behind the front one: "several entities in one".
    painter.setPen(QPen(FrameStroke, 1.2));
    painter.setBrush(QColor(0xf3, 0xf5, 0xf8));
    for (const double off : {7.0, 3.5}) {
        painter.drawRoundedRect(QRectF(c.x() - GroupHalf + off, c.y() - GroupHalf - off, 2 * GroupHalf, 2 * GroupHalf), 8, 8);
    }
    painter.setPen(QPen(stroke, width));
    painter.setBrush(selected ? QColor(0xd6, 0xe6, 0xfb) : QColor(Qt::white));
    painter.drawRoundedRect(QRectF(c.x() - GroupHalf, c.y() - GroupHalf, 2 * GroupHalf, 2 * GroupHalf), 8, 8);
}

} // namespace Casegraph::Ui

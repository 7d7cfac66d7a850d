// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartmeasure.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace Casegraph::Ui {

using namespace Casegraph::Models;
using Size = ChartNodeMeasures::Size;

namespace {

const QString DegreeValue = QStringLiteral("degree");
const QString BetweennessValue = QStringLiteral("betweenness");
const QString ComponentValue = QStringLiteral("component");

// Distinct at a glance on white, also for the common forms of colour blindness (Okabe–Ito order,
// then two darker tones); the rest grey.
constexpr std::array<QRgb, ChartMeasures::PaletteSize> Palette{0xff0072b2, 0xffe69f00, 0xff009e73, 0xffcc79a7,
                                                               0xff56b4e9, 0xffd55e00, 0xff7a5195, 0xff8c6d31};
constexpr QRgb OtherComponents = 0xffa3aab2;

QFont legendFont()
{
    QFont font;
    font.setPixelSize(10);
    font.setHintingPreference(QFont::PreferNoHinting);
    return font;
}

QString sizeName(Size size)
{
    return size == Size::Degree ? ChartMeasures::tr("degree") : ChartMeasures::tr("betweenness");
}

/// A score as the tooltip and the legend write it.
QString scoreText(Size size, double score)
{
    return size == Size::Degree ? QString::number(qint64(std::lround(score))) : QString::number(score, 'f', 2);
}

} // namespace

ChartMeasureSetting ChartMeasures::saved(const QJsonObject &settings)
{
    ChartMeasureSetting s;
    const QString size = settings.value(SizeKey).toString();
    s.size = size == DegreeValue ? Size::Degree : size == BetweennessValue ? Size::Betweenness : Size::None;
    s.colour = settings.value(ColourKey).toString() == ComponentValue ? ChartMeasureSetting::Colour::Component
                                                                     : ChartMeasureSetting::Colour::Type;
    return s;
}

QJsonValue ChartMeasures::sizeSetting(Size size)
{
    switch (size) {
    case Size::Degree:
        return DegreeValue;
    case Size::Betweenness:
        return BetweennessValue;
    case Size::None:
        break;
    }
    return QJsonValue::Undefined;
}

QJsonValue ChartMeasures::colourSetting(ChartMeasureSetting::Colour colour)
{
    return colour == ChartMeasureSetting::Colour::Component ? QJsonValue(ComponentValue) : QJsonValue(QJsonValue::Undefined);
}

ChartMeasures::Input ChartMeasures::input(const ChartData &data, const ChartMeasureSetting &setting)
{
    Input in;
    in.setting = setting;
    in.chartNodes = data.nodeCount();
    if (!setting.isActive()) {
        return in;
    }
    std::vector<qint32> local(size_t(data.nodeCount()), -1);
    for (qint32 i = 0; i < data.nodeCount(); ++i) {
        if (data.isVisible(i)) {
            local[size_t(i)] = qint32(in.nodes.size());
            in.nodes.push_back(i);
        }
    }
    in.graph.nodeCount = quint32(in.nodes.size());
    for (qint32 e = 0; e < data.edgeCount(); ++e) {
        const qint32 a = local[size_t(data.edgeFrom[size_t(e)])], b = local[size_t(data.edgeTo[size_t(e)])];
        if (a >= 0 && b >= 0 && data.isEdgeVisible(e)) {
            in.graph.edges.emplace_back(quint32(a), quint32(b));
        }
    }
    return in;
}

bool ChartMeasures::isSlow(const Input &input)
{
    // Brandes costs a breadth-first search per source: beyond ~2·10^7 steps, tens of milliseconds.
    const double n = input.graph.nodeCount, m = double(input.graph.edges.size());
    return input.setting.size == Size::Betweenness && n * (n + m) > 2e7;
}

std::optional<ChartNodeMeasures> ChartMeasures::compute(const Input &input, const CentralityProgress &progress)
{
    ChartNodeMeasures m;
    const size_t all = size_t(input.chartNodes), n = input.nodes.size();
    m.measured = qint32(n);
    if (input.setting.size != Size::None && n > 0) {
        std::vector<double> score(n, 0);
        if (input.setting.size == Size::Degree) {
            const std::vector<int> d = degrees(input.graph);
            std::copy(d.begin(), d.end(), score.begin());
        } else {
            // Above the exact limit a quarter of the CLI's budget of sampled sources (about 75 on
            // 100,000 nodes and 300,000 edges): sizes need the big brokers, not exact ranks.
            BetweennessOptions options;
            const qint64 work = qint64(input.graph.nodeCount) + qint64(input.graph.edges.size()) * 2;
            options.samples = int(std::clamp<qint64>(qint64(5e7) / work, 32, input.graph.nodeCount));
            auto b = betweenness(input.graph, options, progress);
            if (!b) {
                return std::nullopt;
            }
            score = std::move(b->normalized);
            m.approximate = b->approximate;
            m.samples = b->samples;
        }
        m.size = input.setting.size;
        const auto [lo, hi] = std::minmax_element(score.begin(), score.end());
        m.minScore = float(*lo);
        m.maxScore = float(*hi);
        const double span = *hi - *lo;
        m.scale.assign(all, 1.0f);
        m.score.assign(all, 0.0f);
        m.rank.assign(all, 0);
        std::vector<quint32> order(n);
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](quint32 a, quint32 b) { return score[a] > score[b]; });
        for (size_t k = 0; k < n; ++k) {
            const quint32 v = order[k];
            const size_t node = size_t(input.nodes[v]);
            // Ties share the rank of the first of them ("1, 2, 2, 4").
            m.rank[node] = k > 0 && score[order[k - 1]] == score[v] ? m.rank[size_t(input.nodes[order[k - 1]])] : qint32(k + 1);
            m.score[node] = float(score[v]);
            m.scale[node] = span > 0 ? float(1 + (ChartNodeMeasures::MaxScale - 1) * std::sqrt((score[v] - *lo) / span)) : 1.0f;
            m.maxScale = std::max(m.maxScale, m.scale[node]);
        }
    }
    if (input.setting.colour == ChartMeasureSetting::Colour::Component) {
        const ComponentIndex c = components(input.graph);
        m.component.assign(all, -1);
        for (size_t k = 0; k < n; ++k) {
            m.component[size_t(input.nodes[k])] = c.component[k];
        }
        m.componentSizes = c.sizes;
    }
    return m;
}

void ChartMeasures::apply(ChartData &data, const ChartMeasureSetting &setting)
{
    data.measures = setting.isActive() ? *compute(input(data, setting)) : ChartNodeMeasures();
}

QColor ChartMeasures::componentColour(qint32 component)
{
    return QColor::fromRgb(component >= 0 && component < PaletteSize ? Palette[size_t(component)] : OtherComponents);
}

QString ChartMeasures::describe(const ChartData &data, qint32 node)
{
    const ChartNodeMeasures &m = data.measures;
    const size_t i = size_t(node);
    QStringList parts;
    if (m.scale.size() == data.x.size() && m.rank[i] > 0) {
        parts << tr("%1 %2, rank %3 of %4")
                     .arg(sizeName(m.size), scoreText(m.size, m.score[i]))
                     .arg(m.rank[i])
                     .arg(m.measured);
        if (m.approximate) {
            parts.last() += tr(" (estimated from %n sources)", nullptr, m.samples);
        }
    }
    if (m.component.size() == data.x.size() && m.component[i] >= 0) {
        parts << tr("component %1 of %2, %n entities", nullptr, int(m.componentSizes.value(m.component[i])))
                     .arg(m.component[i] + 1)
                     .arg(m.componentSizes.size());
    }
    return parts.join(QLatin1Char('\n'));
}

bool ChartMeasures::hasLegend(const ChartData &data)
{
    const ChartNodeMeasures &m = data.measures;
    return m.scale.size() == data.x.size() || m.component.size() == data.x.size();
}

QRectF ChartMeasures::paintLegend(QPainter &painter, const ChartData &data, QPointF bottomLeft)
{
    const ChartNodeMeasures &m = data.measures;
    const QFont font = legendFont();
    const QFontMetricsF fm(font);
    const double rowH = fm.height() + 4, boxH = 3 * rowH + 8;
    const QColor text(0x1f, 0x24, 0x29), frame(0xd0, 0xd5, 0xdb), disc(0x9a, 0xa3, 0xad);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setFont(font);
    QRectF used;
    double x = bottomLeft.x();
    const double top = bottomLeft.y() - boxH;
    const auto box = [&](double width) {
        const QRectF r(x, top, width, boxH);
        painter.setPen(QPen(frame, 1));
        painter.setBrush(QColor(255, 255, 255, 235));
        painter.drawRoundedRect(r, 4, 4);
        used = used.isNull() ? r : used.united(r);
        x = r.right() + 8;
        return r;
    };
    if (m.scale.size() == data.x.size()) {
        // Three sample discs at 1×, 2× and 3× with the score each stands for.
        const QString title = m.approximate ? tr("Size: %1 (estimated)").arg(sizeName(m.size))
                                            : tr("Size: %1").arg(sizeName(m.size));
        const double span = double(m.maxScore) - m.minScore;
        QStringList values;
        for (const double f : {1.0, 2.0, 3.0}) {
            const double share = (f - 1) / (ChartNodeMeasures::MaxScale - 1);
            values << scoreText(m.size, m.minScore + span * share * share);
        }
        double width = fm.horizontalAdvance(title) + 16;
        // The discs fit the middle row: radii 1, 2 and 3 × a third of it, as on the chart.
        const double unit = rowH / 6;
        double samplesW = 8;
        for (int k = 0; k < 3; ++k) {
            samplesW += std::max(2.0 * unit * (k + 1), fm.horizontalAdvance(values.at(k))) + 12;
        }
        const QRectF r = box(std::max(width, samplesW));
        painter.setPen(text);
        painter.drawText(QRectF(r.left() + 8, r.top() + 4, r.width() - 16, rowH), Qt::AlignVCenter, title);
        double sx = r.left() + 8;
        const double cy = r.top() + 4 + rowH * 1.5;
        for (int k = 0; k < 3; ++k) {
            const double radius = unit * (k + 1);
            const double w = std::max(2 * radius, fm.horizontalAdvance(values.at(k)));
            painter.setPen(QPen(disc.darker(130), 1));
            painter.setBrush(QColor(Qt::white));
            painter.drawEllipse(QPointF(sx + w / 2, cy), radius, radius);
            painter.setPen(text);
            painter.drawText(QRectF(sx, r.bottom() - rowH - 2, w, rowH), Qt::AlignCenter, values.at(k));
            sx += w + 12;
        }
    }
    if (m.component.size() == data.x.size()) {
        // Title, then the components two rows high: "■ 14 entities" per colour, "■ 3 more" in grey.
        const qsizetype count = m.componentSizes.size();
        const QString title = tr("Colour: components (%n)", nullptr, int(count));
        QStringList entries;
        for (qsizetype c = 0; c < std::min<qsizetype>(count, PaletteSize); ++c) {
            entries << tr("%n entities", nullptr, int(m.componentSizes.at(c)));
        }
        if (count > PaletteSize) {
            entries << tr("%n more", nullptr, int(count - PaletteSize));
        }
        std::vector<double> colW((size_t(entries.size()) + 1) / 2, 0);
        for (qsizetype k = 0; k < entries.size(); ++k) {
            colW[size_t(k / 2)] = std::max(colW[size_t(k / 2)], fm.horizontalAdvance(entries.at(k)) + 16);
        }
        const double entriesW = std::accumulate(colW.begin(), colW.end(), 0.0) + 8.0 * double(colW.size());
        const QRectF r = box(std::max(fm.horizontalAdvance(title), entriesW) + 16);
        painter.setPen(text);
        painter.drawText(QRectF(r.left() + 8, r.top() + 4, r.width() - 16, rowH), Qt::AlignVCenter, title);
        double cx = r.left() + 8;
        for (qsizetype k = 0; k < entries.size(); ++k) {
            const double yy = r.top() + 4 + rowH * double(1 + k % 2);
            painter.setPen(Qt::NoPen);
            painter.setBrush(componentColour(qint32(k)));
            painter.drawRoundedRect(QRectF(cx, yy + rowH / 2 - 5, 10, 10), 2, 2);
            painter.setPen(text);
            painter.drawText(QRectF(cx + 14, yy, colW[size_t(k / 2)] - 14, rowH), Qt::AlignVCenter, entries.at(k));
            if (k % 2 == 1) {
                cx += colW[size_t(k / 2)] + 8;
            }
        }
    }
    painter.restore();
    return used;
}

QRectF ChartMeasures::legendRect(const ChartData &data, QPointF bottomLeft)
{
    if (!hasLegend(data)) {
        return {};
    }
    QImage scratch(1, 1, QImage::Format_ARGB32_Premultiplied); // measured by drawing off the image
    QPainter painter(&scratch);
    return paintLegend(painter, data, bottomLeft);
}

double ChartMeasures::legendWidth(const ChartData &data)
{
    const QRectF legend = legendRect(data, QPointF(0, 0));
    return legend.isNull() ? 0 : legend.width() + 8;
}

ChartMeasureRunner::ChartMeasureRunner(QObject *parent) : QObject(parent) {}

ChartMeasureRunner::~ChartMeasureRunner() = default; // m_runs cancels and waits

void ChartMeasureRunner::start(ChartMeasures::Input input)
{
    const auto flag = m_runs.begin();
    const auto post = Models::WorkerRuns::poster(this, [](ChartMeasureRunner &r) -> Models::WorkerRuns & { return r.m_runs; });
    m_runs.start([flag, post, input = std::move(input)] {
        int last = -1;
        const auto progress = [&](int percent) {
            if (!flag->load() && percent != last) {
                last = percent;
                post([percent](ChartMeasureRunner &r) { Q_EMIT r.progressed(percent); });
            }
            return !flag->load();
        };
        auto result = ChartMeasures::compute(input, progress);
        if (!result || flag->load()) {
            return;
        }
        post([result = std::move(*result)](ChartMeasureRunner &r) {
            r.m_runs.finished();
            Q_EMIT r.finished(result);
        });
    });
}

} // namespace Casegraph::Ui

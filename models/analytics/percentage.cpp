// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphprojection.h"

#include <QRegularExpression>

#include <algorithm>

namespace Casegraph::Models {

namespace {

// A strict bound ("over 50%", "majority", "less than 25%") is kept as the closed bound moved by a
// hundredth of a percentage point, so that it never meets an inclusive threshold at the bound itself.
constexpr double kStrict = 0.01;

QString number(double v)
{
    return QString::number(v, 'g', 6);
}

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (text.contains(QLatin1String(w))) {
            return true;
        }
    }
    return false;
}

PercentageRange range(double min, double max)
{
    PercentageRange r;
    if (min < 0 || max > 100 || min > max) {
        return r; // outside what a stake can be: unknown
    }
    r.min = min;
    r.max = max;
    r.known = true;
    return r;
}

} // namespace

QString PercentageRange::toString() const
{
    if (!known) {
        return QCoreApplication::translate("Casegraph::Models::PercentageRange", "unknown (0–100%)");
    }
    if (min == max) {
        return number(min) + QLatin1Char('%');
    }
    return number(min) + QStringLiteral("–") + number(max) + QLatin1Char('%');
}

PercentageRange parsePercentage(const QString &input)
{
    QString text = input.trimmed().toLower();
    if (text.isEmpty()) {
        return {};
    }
    text.replace(QStringLiteral("per cent"), QStringLiteral("%"));
    text.replace(QStringLiteral("percent"), QStringLiteral("%"));
    text.replace(QChar(0xFF05), QLatin1Char('%')); // fullwidth percent sign

    // Words without figures.
    if (containsAny(text, {"wholly", "fully owned", "fully-owned", "sole owner", "solely owned"}) ||
        text == QLatin1String("all") || text == QLatin1String("whole")) {
        return range(100, 100);
    }
    static const QRegularExpression numberRe(QStringLiteral("(\\d+(?:[.,]\\d+)?)"));
    QList<double> figures;
    QList<QString> figureTexts;
    for (auto it = numberRe.globalMatch(text); it.hasNext();) {
        const QString f = it.next().captured(1);
        figureTexts << f;
        figures << QString(f).replace(QLatin1Char(','), QLatin1Char('.')).toDouble();
    }
    if (figures.isEmpty()) {
        if (text.contains(QLatin1String("majority"))) {
            return range(50 + kStrict, 100); // more than half
        }
        if (text.contains(QLatin1String("minority"))) {
            return range(0, 50 - kStrict); // less than half
        }
        if (text == QLatin1String("half") || text == QLatin1String("one half")) {
            return range(50, 50);
        }
        return {}; // "controlling", "significant", "shares" …: nothing about the size
    }
    if (figures.size() > 2) {
        return {};
    }
    const bool percentSign = text.contains(QLatin1Char('%'));
    if (figures.size() == 2) {
        // "50-75%", "50 – 75 %", "50 to 75", "between 25% and 50%"
        static const QRegularExpression rangeRe(
            QStringLiteral("\\d(?:[.,]\\d+)?\\s*%?\\s*(?:-|–|—|to|and|until)\\s*\\d"));
        if (!rangeRe.match(text).hasMatch()) {
            return {};
        }
        return range(std::min(figures[0], figures[1]), std::max(figures[0], figures[1]));
    }
    const double v = figures[0];
    // Bounds; inclusive ones first ("not more than" before "more than", "≤" before "<").
    if (containsAny(text, {"not more than", "no more than", "not over", "up to", "at most", "≤", "<=", "max"})) {
        return range(0, v);
    }
    if (containsAny(text, {"under", "less than", "below", "fewer than", "<"})) {
        return range(0, std::max(0.0, v - kStrict));
    }
    if (containsAny(text, {"at least", "not less than", "no less than", "≥", ">=", "min"}) ||
        text.endsWith(QLatin1Char('+'))) {
        return range(v, 100);
    }
    if (containsAny(text, {"over", "more than", "above", "greater than", "exceed", "in excess of", ">"})) {
        return range(std::min(100.0, v + kStrict), 100);
    }
    // "0.5" without a % sign: a fraction (50%) or half a percent? Keep both readings.
    if (!percentSign && v > 0 && v < 1 && figureTexts[0].size() > 1) {
        return range(v, v * 100);
    }
    // "about 30%", "approximately 30", "c. 30%", "~30%", "51%", "51", "100 %": the stated figure.
    return range(v, v);
}

} // namespace Casegraph::Models

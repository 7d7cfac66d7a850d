// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "charticons.h"

#include "core/schema.h"

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QPainter>
#include <QSvgRenderer>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace Casegraph::Ui {

namespace {

struct Family {
    const char *icon;     ///< file name under :/casegraph/icons/
    const char *ancestor; ///< the most general schema of the family (most specific families first)
    QRgb colour;
};

// Order matters: a PublicBody is an Organization, a Company is an Organization too.
constexpr std::array<Family, 14> kFamilies{{
    {"person", "Person", 0xff8a5a00},
    {"publicbody", "PublicBody", 0xff6b3fa0},
    {"company", "Company", 0xff2f6db5},
    {"organization", "Organization", 0xff2f8f83},
    {"organization", "LegalEntity", 0xff2f8f83},
    {"sanction", "Sanction", 0xffc62828},
    {"contract", "Contract", 0xff5d6b7a},
    {"schema/project", "Project", 0xff5d6b7a},
    {"event", "Event", 0xffa05a2c},
    {"address", "Address", 0xff4e7d3a},
    {"article", "Document", 0xff55606b},
    {"schema/product", "Asset", 0xff9a6b1f},
    {"schema/product", "Thing", 0xff9a6b1f},
    {"thing", "Thing", 0xff707070},
}};
constexpr quint8 kThing = 13;
constexpr quint8 kSanction = 5;

QSvgRenderer *renderer(quint8 icon)
{
    static std::array<std::unique_ptr<QSvgRenderer>, kFamilies.size()> cache;
    auto &r = cache[icon];
    if (!r) {
        r = std::make_unique<QSvgRenderer>(QStringLiteral(":/casegraph/icons/%1.svg")
                                               .arg(QLatin1String(kFamilies[icon].icon)));
    }
    return r.get();
}

} // namespace

quint8 ChartIcons::forSchema(const QString &schemaName)
{
    static QHash<QString, quint8> cache;
    if (const auto it = cache.constFind(schemaName); it != cache.constEnd()) {
        return *it;
    }
    quint8 icon = kThing;
    if (const Models::Schema *schema = Models::SchemaRegistry::instance().schema(schemaName)) {
        for (quint8 i = 0; i < kFamilies.size(); ++i) {
            if (schema->isA(QLatin1String(kFamilies[i].ancestor))) {
                icon = i;
                break;
            }
        }
        // Plain Things (not assets) keep the generic icon; "product" is for Asset and kin.
        if (icon == 12 && schemaName == QLatin1String("Thing")) {
            icon = kThing;
        }
    }
    cache.insert(schemaName, icon);
    return icon;
}

QString ChartIcons::name(quint8 icon)
{
    return QLatin1String(kFamilies[icon < kFamilies.size() ? icon : kThing].icon);
}

QColor ChartIcons::colour(quint8 icon)
{
    return QColor::fromRgb(kFamilies[icon < kFamilies.size() ? icon : kThing].colour);
}

quint8 ChartIcons::sanctionBadge()
{
    return kSanction;
}

void ChartIcons::paint(QPainter &painter, quint8 icon, const QRectF &rect, bool vector)
{
    if (icon >= kFamilies.size()) {
        icon = kThing;
    }
    // Detail frames paint in bands on several threads (ChartBands): the renderers and the cache
    // are shared, and the cache holds images (pixmaps belong to the GUI thread).
    static QMutex mutex;
    if (vector) {
        const QMutexLocker lock(&mutex);
        renderer(icon)->render(&painter, rect);
        return;
    }
    // Images per icon and device size (rounded up to 4 px steps so zooming does not fill the cache).
    const QRectF device = painter.transform().mapRect(rect);
    const int px = std::clamp(int(std::ceil(std::max(device.width(), device.height()) / 4)) * 4, 4, 512);
    static QHash<quint32, QImage> cache;
    const quint32 key = (quint32(icon) << 16) | quint32(px);
    QImage image;
    {
        const QMutexLocker lock(&mutex);
        auto it = cache.find(key);
        if (it == cache.end()) {
            QImage drawn(px, px, QImage::Format_ARGB32_Premultiplied);
            drawn.fill(Qt::transparent);
            QPainter p(&drawn);
            p.setRenderHint(QPainter::Antialiasing);
            renderer(icon)->render(&p, QRectF(0, 0, px, px));
            p.end();
            it = cache.insert(key, drawn);
        }
        image = *it; // shared, not copied: the cache may grow once the lock is released
    }
    painter.drawImage(rect, image, QRectF(0, 0, px, px));
}

} // namespace Casegraph::Ui

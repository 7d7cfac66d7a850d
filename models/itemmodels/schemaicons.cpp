// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "schemaicons.h"
#include "core/schema.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace Casegraph::Models {

namespace {
QString familyOf(const QString &schemaName) {
    const Schema *schema = SchemaRegistry::instance().schema(schemaName);
    if (!schema) {
        return QStringLiteral("thing");
    }
    if (schema->isEdge()) {
        return QStringLiteral("relationship");
    }
    // Most specific first: a PublicBody is an Organization, a Company is an Organization too.
    static const QList<QPair<QString, QString>> families = {
        {QStringLiteral("Person"), QStringLiteral("person")},
        {QStringLiteral("PublicBody"), QStringLiteral("publicbody")},
        {QStringLiteral("Company"), QStringLiteral("company")},
        {QStringLiteral("Organization"), QStringLiteral("organization")},
        {QStringLiteral("LegalEntity"), QStringLiteral("organization")},
        {QStringLiteral("Sanction"), QStringLiteral("sanction")},
        {QStringLiteral("Contract"), QStringLiteral("contract")},
        {QStringLiteral("Event"), QStringLiteral("event")},
        {QStringLiteral("Address"), QStringLiteral("address")},
        {QStringLiteral("Document"), QStringLiteral("article")},
    };
    for (const auto &[ancestor, icon] : families) {
        if (schema->isA(ancestor)) {
            return icon;
        }
    }
    return QStringLiteral("thing");
}
} // namespace

QIcon SchemaIcons::named(const QString &name) {
    // QIcon is implicitly shared; caching avoids re-parsing the SVG for every table cell.
    static QHash<QString, QIcon> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        it = cache.insert(name, QIcon(QStringLiteral(":/casegraph/icons/%1.svg").arg(name)));
    }
    return *it;
}

QIcon SchemaIcons::forSchema(const QString &schema) {
    static QHash<QString, QString> families;
    auto it = families.find(schema);
    if (it == families.end()) {
        it = families.insert(schema, familyOf(schema));
    }
    return named(*it);
}

QIcon SchemaIcons::listedBadge(const QString &schema) {
    static QHash<QString, QIcon> cache;
    auto it = cache.find(schema);
    if (it == cache.end()) {
        QIcon icon;
        for (const int size : {16, 24, 32}) {
            QPixmap pixmap = forSchema(schema).pixmap(size, size);
            QPainter p(&pixmap);
            p.setRenderHint(QPainter::Antialiasing);
            const qreal r = size * 0.22;
            const QPointF centre(size - r - 0.5, size - r - 0.5);
            p.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
            p.setBrush(QColor(0xc6, 0x28, 0x28)); // the chart's sanction badge red
            p.drawEllipse(centre, r, r);
            icon.addPixmap(pixmap);
        }
        it = cache.insert(schema, icon);
    }
    return *it;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogues.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Casegraph::Translations {

void install(QCoreApplication &app)
{
    const QLocale locale;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    const QString folder = QStringLiteral(":/casegraph/translations");
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("casegraph"), QStringLiteral("_"), folder) ||
        own->load(QStringLiteral("casegraph_en"), folder)) {
        QCoreApplication::installTranslator(own);
    } else {
        delete own;
    }
}

} // namespace Casegraph::Translations

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace Casegraph::Translations {

/// Installs Qt's own catalogue for the user's locale, then Casegraph's: the locale's catalogue
/// when there is one, else the English one, which holds the plural forms of the source text
/// ("%n hop(s)" reads "1 hop", "3 hops"). The catalogues are embedded under
/// :/casegraph/translations by the casegraph_translations library that holds this function
/// (translations/CMakeLists.txt); a missing one leaves the source text.
void install(QCoreApplication &app);

} // namespace Casegraph::Translations

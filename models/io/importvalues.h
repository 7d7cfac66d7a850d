// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace Casegraph::Models {

/// Conversions from the value shapes of source formats (OCDS, BODS, sanctions lists) to FtM
/// values. Each returns an empty string for "no value"; the std::optional ones return nullopt
/// for text that is present but cannot be converted, so that the reader can report it.
namespace ImportValues {

/// An ISO 8601 date or date-time as an FtM date, keeping the precision given: "2016-06-08" stays
/// a day, "2016-06-08T10:30:00+02:00" becomes "2016-06-08T08:30:00" (times are moved to UTC and
/// fractions of a second dropped). Empty text gives "".
std::optional<QString> isoDate(const QString &text);
/// Dates as free-text lists write them: "10 Dec 1948", "Dec 1948", "1948", "1948-12-10" or
/// "12/10/1948" (US order). Anything else (circa, ranges) gives "".
QString looseDate(const QString &text);

/// A JSON amount (number, numeric string, "" or null) as an FtM number string; "" for none.
std::optional<QString> amount(const QJsonValue &value);
/// A number in its shortest form that reads back to the same value ("16000", "0.1").
QString number(double value);
/// A JSON scalar as text: strings as they are, numbers in the shortest form, booleans; else "".
QString text(const QJsonValue &value);
/// A currency code, trimmed and upper-cased ("mdl" → "MDL").
QString currency(const QString &code);

/// An FtM country code for a two-letter code ("GB", "US-DE" → "gb", "us") or an English country
/// name as sanctions lists and registers write it ("Iran", "Korea, North", "Russian Federation");
/// "" when unknown.
QString countryCode(const QString &nameOrCode);

/// Lower-case text with runs of other characters replaced by "-", for ids derived from names.
QString slug(const QString &text);
/// True when an organisation's name carries a corporate legal form (Ltd, LLC, Inc., Corp., Co.,
/// S.A., GmbH, JSC, PLC …) or names a bank. Readers of lists that do not say whether an entity is
/// a company use this to choose between Company and Organization.
bool looksLikeCompany(const QString &name);
/// Text with HTML tags removed and the common character references decoded.
QString plainText(const QString &text);

} // namespace ImportValues

} // namespace Casegraph::Models

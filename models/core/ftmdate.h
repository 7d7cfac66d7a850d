// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace Casegraph::Models {

/// A FollowTheMoney date: an ISO 8601 prefix whose length is its precision
/// ("2019", "2019-05", "2019-05-14", "2019-05-14T10:30:00"). Partial dates are never
/// widened to a false exact day; earliest()/latest() give the span they stand for.
class FtmDate {
public:
    enum class Precision { Invalid, Year, Month, Day, Hour, Minute, Second };

    FtmDate() = default;
    /// Parses text; isValid() is false for anything that is not an FtM date.
    static FtmDate parse(const QString &text);

    bool isValid() const { return m_precision != Precision::Invalid; }
    Precision precision() const { return m_precision; }
    /// First and last instant (UTC) of the span the date stands for. A date-time written with
    /// a zone offset ("2019-05-14T10:30:00+08:00") is converted to UTC here.
    QDateTime earliest() const;
    QDateTime latest() const;
    /// earliest()/latest() as milliseconds since the epoch (0 for an invalid date), for views
    /// and sorting that handle many dates.
    qint64 earliestMSecs() const;
    qint64 latestMSecs() const;
    /// True when the date stands for a span of at least a day (year, month or day precision).
    bool isPartial() const { return m_precision == Precision::Year || m_precision == Precision::Month; }
    /// The date as a reader should see it, with its precision: "2019 (year only)",
    /// "May 2019 (month only)", "14 May 2019", "14 May 2019 10:30 UTC". Translated.
    QString describe() const;
    /// Orders by earliest instant, then the finer precision first (2019-01 before 2019).
    bool operator<(const FtmDate &other) const;
    bool operator==(const FtmDate &other) const = default;
    /// The canonical text form, as FtM writes it.
    QString toString() const;
    /// Text found in a file (a document's metadata, a graph attribute) as the date a property
    /// stores: an FtM/ISO date with its precision, where a time with a zone is converted to UTC
    /// and one without stays as written. Empty when the text is no such date.
    static QString storedForm(const QString &text);
    /// A translated word for the precision ("year", "month", "day" …).
    static QString precisionName(Precision precision);

private:
    Precision m_precision = Precision::Invalid;
    int m_year = 0, m_month = 1, m_day = 1, m_hour = 0, m_minute = 0, m_second = 0;
    int m_offsetMinutes = 0; ///< zone offset as written (east of UTC positive)
};

} // namespace Casegraph::Models

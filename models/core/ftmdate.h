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
    /// First and last instant (UTC) of the span the date stands for.
    QDateTime earliest() const;
    QDateTime latest() const;
    /// The canonical text form, as FtM writes it.
    QString toString() const;
    /// A translated word for the precision ("year", "month", "day" …).
    static QString precisionName(Precision precision);

private:
    Precision m_precision = Precision::Invalid;
    int m_year = 0, m_month = 1, m_day = 1, m_hour = 0, m_minute = 0, m_second = 0;
};

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftmdate.h"

#include <QCoreApplication>
#include <QLocale>

namespace Casegraph::Models {

FtmDate FtmDate::parse(const QString &input)
{
    // Hand-written rather than a regular expression: imports validate every date value.
    // Accepts YYYY[-MM[-DD[(T| )hh[:mm[:ss[.fff]]][Z|±hh[:]mm]]]].
    const QStringView text = QStringView(input).trimmed();
    const qsizetype n = text.size();
    qsizetype i = 0;
    const auto digits = [&](int count, int &out) {
        if (i + count > n) {
            return false;
        }
        int v = 0;
        for (int k = 0; k < count; ++k) {
            const char16_t c = text[i + k].unicode();
            if (c < u'0' || c > u'9') {
                return false;
            }
            v = v * 10 + (c - u'0');
        }
        out = v;
        i += count;
        return true;
    };
    const auto take = [&](char16_t c) {
        if (i < n && text[i].unicode() == c) {
            ++i;
            return true;
        }
        return false;
    };
    FtmDate d;
    Precision p = Precision::Invalid;
    if (!digits(4, d.m_year)) {
        return {};
    }
    p = Precision::Year;
    if (take(u'-')) {
        if (!digits(2, d.m_month)) {
            return {};
        }
        p = Precision::Month;
        if (take(u'-')) {
            if (!digits(2, d.m_day)) {
                return {};
            }
            p = Precision::Day;
            if (take(u'T') || take(u' ')) {
                if (!digits(2, d.m_hour)) {
                    return {};
                }
                p = Precision::Hour;
                if (take(u':')) {
                    if (!digits(2, d.m_minute)) {
                        return {};
                    }
                    p = Precision::Minute;
                    if (take(u':')) {
                        if (!digits(2, d.m_second)) {
                            return {};
                        }
                        p = Precision::Second;
                        if (take(u'.')) {
                            int frac = 0;
                            if (!digits(1, frac)) {
                                return {};
                            }
                            while (i < n && text[i].isDigit()) {
                                ++i;
                            }
                        }
                    }
                }
                // Optional zone: Z, ±hh:mm or ±hhmm. The time is kept as written (toString()),
                // the offset applied in earliest()/latest() so that instants compare in UTC.
                if (!take(u'Z')) {
                    const bool east = take(u'+');
                    if (east || take(u'-')) {
                        int zh = 0, zm = 0;
                        if (!digits(2, zh)) {
                            return {};
                        }
                        take(u':');
                        if (!digits(2, zm) || zh > 23 || zm > 59) {
                            return {};
                        }
                        d.m_offsetMinutes = (east ? 1 : -1) * (zh * 60 + zm);
                    }
                }
            }
        }
    }
    if (i != n) {
        return {};
    }
    if (d.m_month < 1 || d.m_month > 12 || !QDate::isValid(d.m_year, d.m_month, d.m_day) || d.m_hour > 23 ||
        d.m_minute > 59 || d.m_second > 60) {
        return {};
    }
    d.m_precision = p;
    return d;
}

QDateTime FtmDate::earliest() const
{
    if (!isValid()) {
        return {};
    }
    const QDateTime asWritten(QDate(m_year, m_month, m_day), QTime(m_hour, m_minute, qMin(m_second, 59)), Qt::UTC);
    return m_offsetMinutes ? asWritten.addSecs(-qint64(m_offsetMinutes) * 60) : asWritten;
}

namespace {
constexpr qint64 DayMs = 86400000;
constexpr qint64 EpochJulianDay = 2440588; // 1970-01-01

qint64 dayStartMs(int year, int month, int day)
{
    return (QDate(year, month, day).toJulianDay() - EpochJulianDay) * DayMs;
}
} // namespace

// Arithmetic rather than QDateTime: the timeline converts every date of a case, and a view of
// 70,000 facts should not spend its time building QDateTime objects.
qint64 FtmDate::earliestMSecs() const
{
    if (!isValid()) {
        return 0;
    }
    return dayStartMs(m_year, m_month, m_day) + ((qint64(m_hour) * 60 + m_minute) * 60 + qMin(m_second, 59)) * 1000 -
           qint64(m_offsetMinutes) * 60000;
}

qint64 FtmDate::latestMSecs() const
{
    switch (m_precision) {
    case Precision::Invalid:
        return 0;
    case Precision::Year:
        return dayStartMs(m_year + 1, 1, 1) - 1;
    case Precision::Month:
        return (m_month == 12 ? dayStartMs(m_year + 1, 1, 1) : dayStartMs(m_year, m_month + 1, 1)) - 1;
    case Precision::Day:
        return earliestMSecs() + DayMs - 1;
    case Precision::Hour:
        return earliestMSecs() + 3600000 - 1;
    case Precision::Minute:
        return earliestMSecs() + 60000 - 1;
    case Precision::Second:
        return earliestMSecs() + 999;
    }
    return 0;
}

bool FtmDate::operator<(const FtmDate &other) const
{
    const qint64 a = earliestMSecs(), b = other.earliestMSecs();
    if (a != b) {
        return a < b;
    }
    return m_precision > other.m_precision;
}

QString FtmDate::describe() const
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("Casegraph::Models::FtmDate", text); };
    // English month names whatever the locale, so exported charts read the same everywhere;
    // the words around them are translated.
    const QLocale c = QLocale::c();
    switch (m_precision) {
    case Precision::Invalid:
        return tr("undated");
    case Precision::Year:
        return tr("%1 (year only)").arg(m_year);
    case Precision::Month:
        return tr("%1 %2 (month only)").arg(c.monthName(m_month), QString::number(m_year));
    case Precision::Day:
        return QStringLiteral("%1 %2 %3").arg(QString::number(m_day), c.monthName(m_month), QString::number(m_year));
    case Precision::Hour:
    case Precision::Minute:
    case Precision::Second: {
        const QDateTime utc = earliest();
        const QString time = utc.time().toString(m_precision == Precision::Second ? QStringLiteral("HH:mm:ss")
                                                                                   : QStringLiteral("HH:mm"));
        return tr("%1 %2 UTC").arg(utc.date().toString(QStringLiteral("d MMMM yyyy")), time);
    }
    }
    return {};
}

QDateTime FtmDate::latest() const
{
    const QDateTime start = earliest();
    switch (m_precision) {
    case Precision::Invalid:
        return {};
    case Precision::Year:
        return start.addYears(1).addMSecs(-1);
    case Precision::Month:
        return start.addMonths(1).addMSecs(-1);
    case Precision::Day:
        return start.addDays(1).addMSecs(-1);
    case Precision::Hour:
        return start.addSecs(3600 - 1).addMSecs(999);
    case Precision::Minute:
        return start.addSecs(59).addMSecs(999);
    case Precision::Second:
        return start.addMSecs(999);
    }
    return {};
}

QString FtmDate::toString() const
{
    if (!isValid()) {
        return {};
    }
    QString s = QStringLiteral("%1").arg(m_year, 4, 10, QLatin1Char('0'));
    const auto two = [](int v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
    if (m_precision >= Precision::Month) {
        s += QLatin1Char('-') + two(m_month);
    }
    if (m_precision >= Precision::Day) {
        s += QLatin1Char('-') + two(m_day);
    }
    if (m_precision >= Precision::Hour) {
        s += QLatin1Char('T') + two(m_hour);
    }
    if (m_precision >= Precision::Minute) {
        s += QLatin1Char(':') + two(m_minute);
    }
    if (m_precision >= Precision::Second) {
        s += QLatin1Char(':') + two(m_second);
    }
    return s;
}

QString FtmDate::storedForm(const QString &text)
{
    const QString t = text.trimmed();
    const FtmDate date = parse(t);
    if (!date.isValid()) {
        return {};
    }
    if (date.precision() >= Precision::Hour) {
        const QDateTime dt = QDateTime::fromString(QString(t).replace(QLatin1Char(' '), QLatin1Char('T')), Qt::ISODate);
        if (dt.isValid() && dt.timeSpec() != Qt::LocalTime) {
            return dt.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
        }
    }
    return date.toString();
}

QString FtmDate::precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Invalid:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "invalid");
    case Precision::Year:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "year");
    case Precision::Month:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "month");
    case Precision::Day:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "day");
    case Precision::Hour:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "hour");
    case Precision::Minute:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "minute");
    case Precision::Second:
        return QCoreApplication::translate("Casegraph::Models::FtmDate", "second");
    }
    return {};
}

} // namespace Casegraph::Models

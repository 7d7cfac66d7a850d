// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftmdate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Casegraph::Models {

FtmDate FtmDate::parse(const QString &text)
{
    // Year, then optional month, day, hour, minute, second; an optional zone suffix
    // (Z or ±hh:mm) is accepted and the time is taken as written.
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?"
        "(?:Z|[+-]\\d{2}:?\\d{2})?)?)?)?$"));
    const auto m = re.match(text.trimmed());
    FtmDate d;
    if (!m.hasMatch()) {
        return d;
    }
    d.m_year = m.captured(1).toInt();
    Precision p = Precision::Year;
    if (m.hasCaptured(2)) {
        d.m_month = m.captured(2).toInt();
        p = Precision::Month;
    }
    if (m.hasCaptured(3)) {
        d.m_day = m.captured(3).toInt();
        p = Precision::Day;
    }
    if (m.hasCaptured(4)) {
        d.m_hour = m.captured(4).toInt();
        p = Precision::Hour;
    }
    if (m.hasCaptured(5)) {
        d.m_minute = m.captured(5).toInt();
        p = Precision::Minute;
    }
    if (m.hasCaptured(6)) {
        d.m_second = m.captured(6).toInt();
        p = Precision::Second;
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
    return QDateTime(QDate(m_year, m_month, m_day), QTime(m_hour, m_minute, qMin(m_second, 59)), Qt::UTC);
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

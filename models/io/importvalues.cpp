// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importvalues.h"
#include "core/ftmdate.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>

#include <charconv>
#include <cmath>

namespace Casegraph::Models::ImportValues {

namespace {

/// Letters and digits only, lower case, accents removed: "Côte d'Ivoire" → "cotedivoire".
QString squeeze(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.isLetterOrNumber()) {
            out += c.toLower();
        }
    }
    return out;
}

const QHash<QString, QString> &countryNames()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h;
        for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
            const auto territory = QLocale::Territory(t);
            const QString code = QLocale::territoryToCode(territory).toLower();
            if (code.size() == 2) {
                h.insert(squeeze(QLocale::territoryToString(territory)), code);
            }
        }
        // The forms sanctions lists, registers and UN documents use, where Qt's English names differ.
        static const char *const aliases[][2] = {
            {"burma", "mm"},
            {"myanmar", "mm"},
            {"koreanorth", "kp"},
            {"northkorea", "kp"},
            {"democraticpeoplesrepublicofkorea", "kp"},
            {"koreademocraticpeoplesrepublicof", "kp"},
            {"dprk", "kp"},
            {"koreasouth", "kr"},
            {"republicofkorea", "kr"},
            {"korearepublicof", "kr"},
            {"southkorea", "kr"},
            {"iranislamicrepublicof", "ir"},
            {"islamicrepublicofiran", "ir"},
            {"iran", "ir"},
            {"syrianarabrepublic", "sy"},
            {"syria", "sy"},
            {"russianfederation", "ru"},
            {"russia", "ru"},
            {"venezuelabolivarianrepublicof", "ve"},
            {"boliviaplurinationalstateof", "bo"},
            {"tanzaniaunitedrepublicof", "tz"},
            {"unitedrepublicoftanzania", "tz"},
            {"congodemocraticrepublicofthe", "cd"},
            {"democraticrepublicofthecongo", "cd"},
            {"congokinshasa", "cd"},
            {"congorepublicofthe", "cg"},
            {"republicofthecongo", "cg"},
            {"congobrazzaville", "cg"},
            {"congo", "cg"},
            {"laopeoplesdemocraticrepublic", "la"},
            {"laos", "la"},
            {"vietnam", "vn"},
            {"moldovarepublicof", "md"},
            {"republicofmoldova", "md"},
            {"palestinianterritories", "ps"},
            {"stateofpalestine", "ps"},
            {"westbank", "ps"},
            {"gaza", "ps"},
            {"usa", "us"},
            {"unitedstatesofamerica", "us"},
            {"uk", "gb"},
            {"unitedkingdomofgreatbritainandnorthernireland", "gb"},
            {"greatbritain", "gb"},
            {"turkiye", "tr"},
            {"turkey", "tr"},
            {"czechrepublic", "cz"},
            {"ivorycoast", "ci"},
            {"cotedivoire", "ci"},
            {"macedonia", "mk"},
            {"northmacedonia", "mk"},
            {"theformeryugoslavrepublicofmacedonia", "mk"},
            {"kosovo", "xk"},
            {"hongkong", "hk"},
            {"macau", "mo"},
            {"macao", "mo"},
            {"taiwan", "tw"},
            {"china", "cn"},
            {"peoplesrepublicofchina", "cn"},
            {"bosniaandherzegovina", "ba"},
            {"micronesiafederatedstatesof", "fm"},
            {"holysee", "va"},
            {"eswatini", "sz"},
            {"swaziland", "sz"},
            {"capeverde", "cv"},
            {"caboverde", "cv"},
            {"timorleste", "tl"},
            {"easttimor", "tl"},
            {"thegambia", "gm"},
            {"thebahamas", "bs"},
            {"thenetherlands", "nl"},
            {"southsudan", "ss"},
            {"curacao", "cw"},
            {"unitedarabemirates", "ae"},
            {"uae", "ae"},
            {"libyanarabjamahiriya", "ly"},
        };
        for (const auto &a : aliases) {
            h.insert(QString::fromLatin1(a[0]), QString::fromLatin1(a[1]));
        }
        return h;
    }();
    return names;
}

int monthNumber(const QString &name)
{
    static const QStringList months = {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                       QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                       QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                       QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    return int(months.indexOf(name.left(3).toLower())) + 1;
}

} // namespace

std::optional<QString> isoDate(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        return QString();
    }
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?)?$)"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        return std::nullopt;
    }
    QString out;
    if (m.capturedLength(4) == 0) {
        // A date: kept as it is. A zone on a date alone (xs:date, "2015-04-14-04:00") says nothing
        // about the day and is dropped.
        out = m.captured(1);
        for (int i : {2, 3}) {
            if (m.capturedLength(i)) {
                out += QLatin1Char('-') + m.captured(i);
            }
        }
    } else {
        const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        if (!date.isValid() || !time.isValid()) {
            return std::nullopt;
        }
        QDateTime at(date, time, Qt::UTC);
        const QString zone = m.captured(7);
        if (zone.size() > 1) {
            const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
            const QString digits = QString(zone.mid(1)).remove(QLatin1Char(':'));
            const int offset = digits.left(2).toInt() * 3600 + digits.mid(2, 2).toInt() * 60;
            at = at.addSecs(-sign * offset);
        }
        const char *format = m.capturedLength(6)   ? "yyyy-MM-ddTHH:mm:ss"
                             : m.capturedLength(5) ? "yyyy-MM-ddTHH:mm"
                                                   : "yyyy-MM-ddTHH";
        out = at.toString(QLatin1String(format));
    }
    if (!FtmDate::parse(out).isValid()) {
        return std::nullopt;
    }
    return out;
}

QString looseDate(const QString &input)
{
    const QString text = input.trimmed();
    if (auto iso = isoDate(text); iso && !iso->isEmpty()) {
        return *iso;
    }
    static const QRegularExpression dmy(QStringLiteral(R"(^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$)"));
    static const QRegularExpression my(QStringLiteral(R"(^([A-Za-z]{3,9})\.? (\d{4})$)"));
    static const QRegularExpression us(QStringLiteral(R"(^(\d{1,2})/(\d{1,2})/(\d{4})$)"));
    QDate date;
    if (const auto m = dmy.match(text); m.hasMatch()) {
        date = QDate(m.captured(3).toInt(), monthNumber(m.captured(2)), m.captured(1).toInt());
        return date.isValid() ? date.toString(Qt::ISODate) : QString();
    }
    if (const auto m = my.match(text); m.hasMatch()) {
        const int month = monthNumber(m.captured(1));
        return month > 0 ? QStringLiteral("%1-%2").arg(m.captured(2)).arg(month, 2, 10, QLatin1Char('0')) : QString();
    }
    if (const auto m = us.match(text); m.hasMatch()) {
        date = QDate(m.captured(3).toInt(), m.captured(1).toInt(), m.captured(2).toInt());
        return date.isValid() ? date.toString(Qt::ISODate) : QString();
    }
    return {};
}

QString number(double value)
{
    if (!std::isfinite(value)) {
        return {};
    }
    // Plain digits ("11000000", not "1.1e+07"): FtM numbers are read by people and by other tools.
    char buf[400];
    const auto r = std::fabs(value) < 1e21 ? std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed)
                                           : std::to_chars(buf, buf + sizeof buf, value);
    return QString::fromLatin1(buf, r.ptr - buf);
}

std::optional<QString> amount(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String: {
        const QString t = value.toString().trimmed();
        if (t.isEmpty()) {
            return QString();
        }
        bool ok = false;
        const double d = t.toDouble(&ok);
        if (!ok || !std::isfinite(d)) {
            return std::nullopt;
        }
        return t;
    }
    default:
        return std::nullopt;
    }
}

QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

QString currency(const QString &code)
{
    return code.trimmed().toUpper();
}

QString countryCode(const QString &nameOrCode)
{
    const QString t = nameOrCode.trimmed();
    if (t.isEmpty()) {
        return {};
    }
    static const QRegularExpression code(QStringLiteral(R"(^([A-Za-z]{2})(?:-[A-Za-z0-9]{1,3})?$)"));
    if (const auto m = code.match(t); m.hasMatch()) {
        const QString c = m.captured(1).toLower();
        if (c == QLatin1String("uk")) {
            return QStringLiteral("gb");
        }
        return QLocale::codeToTerritory(c) != QLocale::AnyTerritory || c == QLatin1String("xk") ||
                       c == QLatin1String("zz")
                   ? c
                   : QString();
    }
    return countryNames().value(squeeze(t));
}

QString slug(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool dash = false;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isLetterOrNumber()) {
            if (dash && !out.isEmpty()) {
                out += QLatin1Char('-');
            }
            dash = false;
            out += c.toLower();
        } else {
            dash = true;
        }
    }
    return out;
}

bool looksLikeCompany(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral(
            R"((?:^|[\s,(])(?:ltd|limited|llc|l\.l\.c|inc|incorporated|corp|corporation|co|company|)"
            R"(s\.?\s?a|s\.?a\.?s|s\.?r\.?l|s\.?p\.?a|s\.?a\.?r\.?l|s\.?a\.?c|gmbh|ag|b\.?v|n\.?v|plc|jsc|ojsc|)"
            R"(cjsc|pjsc|ooo|zao|oao|llp|pte|pty|bhd|fze|fzco|fz-llc|kft|srl|sarl|ltda|bank|banco|banque))"
            R"((?:$|[\s.,;)]))"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

QString plainText(const QString &input)
{
    if (!input.contains(QLatin1Char('<')) && !input.contains(QLatin1Char('&'))) {
        return input;
    }
    static const QRegularExpression breaks(QStringLiteral(R"(<\s*(?:br\s*/?|/p|/div|/li)\s*>)"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral(R"(<[^<>]*>)"));
    static const QRegularExpression numeric(QStringLiteral(R"(&#(x?)([0-9a-fA-F]{1,6});)"));
    static const QRegularExpression blankLines(QStringLiteral(R"(\n\s*\n\s*\n+)"));
    QString t = input;
    t.replace(breaks, QStringLiteral("\n"));
    t.remove(tags);
    t.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    t.replace(QLatin1String("&lt;"), QLatin1String("<"));
    t.replace(QLatin1String("&gt;"), QLatin1String(">"));
    t.replace(QLatin1String("&quot;"), QLatin1String("\""));
    t.replace(QLatin1String("&apos;"), QLatin1String("'"));
    QString out;
    qsizetype last = 0;
    for (auto it = numeric.globalMatch(t); it.hasNext();) {
        const auto m = it.next();
        bool ok = false;
        const uint cp = m.captured(2).toUInt(&ok, m.capturedLength(1) ? 16 : 10);
        out += QStringView(t).mid(last, m.capturedStart() - last);
        out += ok && cp > 0 && cp <= 0x10FFFF ? QString::fromUcs4(reinterpret_cast<const char32_t *>(&cp), 1)
                                              : m.captured(0);
        last = m.capturedEnd();
    }
    out += QStringView(t).mid(last);
    out.replace(QLatin1String("&amp;"), QLatin1String("&"));
    out.replace(blankLines, QStringLiteral("\n\n"));
    return out.trimmed();
}

} // namespace Casegraph::Models::ImportValues

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidence.h"

namespace Casegraph::Models {

qint64 codePointsToUtf16(const QString &text, qint64 codePoints)
{
    qint64 i = 0;
    const qint64 n = text.size();
    for (qint64 cp = 0; cp < codePoints && i < n; ++cp) {
        i += (text.at(i).isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) ? 2 : 1;
    }
    return i;
}

qint64 utf16ToCodePoints(const QString &text, qint64 utf16Index)
{
    qint64 cp = 0;
    const qint64 end = qMin<qint64>(utf16Index, text.size());
    for (qint64 i = 0; i < end; ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())) {
            ++cp;
        }
    }
    return cp;
}

QString codePointSlice(const QString &text, qint64 start, qint64 end)
{
    const qint64 a = codePointsToUtf16(text, start);
    const qint64 b = codePointsToUtf16(text, end);
    return text.mid(a, b - a);
}

} // namespace Casegraph::Models

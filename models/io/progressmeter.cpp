// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "progressmeter.h"

#include <QLocale>

#include <algorithm>

namespace Casegraph::Models {

ProgressMeter::ProgressMeter() {
    restart();
}

void ProgressMeter::restart() {
    m_clock.start();
    m_lastShown = -1;
    m_bytesDone = m_bytesTotal = m_records = 0;
}

bool ProgressMeter::update(qint64 bytesDone, qint64 bytesTotal, qint64 records, qint64 intervalMs) {
    m_bytesDone = bytesDone;
    m_bytesTotal = bytesTotal;
    m_records = records;
    const qint64 now = m_clock.elapsed();
    if (m_lastShown >= 0 && now - m_lastShown < intervalMs) {
        return false;
    }
    m_lastShown = now;
    return true;
}

qint64 ProgressMeter::rate() const {
    const qint64 ms = m_clock.elapsed();
    return ms < 200 ? 0 : m_records * 1000 / ms;
}

qint64 ProgressMeter::secondsLeft() const {
    const qint64 ms = m_clock.elapsed();
    if (m_bytesTotal <= 0 || m_bytesDone <= 0 || ms < 500) {
        return -1;
    }
    const double left = double(ms) * double(qMax<qint64>(0, m_bytesTotal - m_bytesDone)) / double(m_bytesDone);
    return qint64(left / 1000.0 + 0.5);
}

int ProgressMeter::permille() const {
    if (m_bytesTotal <= 0) {
        return 0;
    }
    return int(std::clamp<qint64>(m_bytesDone * 1000 / m_bytesTotal, 0, 1000));
}

QString ProgressMeter::duration(qint64 seconds) {
    if (seconds < 60) {
        return tr("%1 s").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ProgressMeter::text() const {
    const QLocale locale;
    const int records = int(qMin<qint64>(m_records, INT_MAX));
    if (isFinishing()) {
        // All is read, but an import's commit (index builds, the audit digest) can take seconds
        // on a large file: not "about 0 s left".
        return tr("%Ln record(s) · finishing…", nullptr, records);
    }
    QString out = tr("%Ln record(s)", nullptr, records);
    if (const qint64 r = rate(); r > 0) {
        out += QStringLiteral(" · ") + tr("%1 records/s").arg(locale.toString(r));
    }
    if (const qint64 left = secondsLeft(); left >= 0) {
        out += QStringLiteral(" · ") + tr("about %1 left").arg(duration(left));
    }
    return out;
}

} // namespace Casegraph::Models

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

namespace Casegraph::Models {

/// Turns the progress reports of an import (bytes read, file size, records) into what a person
/// watching wants: records done, records per second and the time left, estimated from the bytes
/// (records vary in size, bytes do not lie about how much is left). Shared by the CLI's stderr
/// line and the GUI's progress dialog so that both say the same thing.
class ProgressMeter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::ProgressMeter)
public:
    /// Starts the clock.
    ProgressMeter();
    void restart();
    /// Records a report. Returns true when at least `intervalMs` passed since the last report
    /// that returned true (the caller redraws then), and on the first report.
    bool update(qint64 bytesDone, qint64 bytesTotal, qint64 records, qint64 intervalMs = 250);

    qint64 records() const { return m_records; }
    qint64 bytesDone() const { return m_bytesDone; }
    qint64 bytesTotal() const { return m_bytesTotal; }
    qint64 elapsedMs() const { return m_clock.elapsed(); }
    /// Records per second so far (0 before the first second's worth of data).
    qint64 rate() const;
    /// Estimated seconds left, or -1 while there is too little to go on.
    qint64 secondsLeft() const;
    /// Everything is read (written, for an export); what is left is the commit.
    bool isFinishing() const { return m_bytesTotal > 0 && m_bytesDone >= m_bytesTotal; }
    /// 0-1000 by bytes (for a progress bar), 0 when the size is unknown.
    int permille() const;

    /// "12,345 records · 4,567 records/s · about 12 s left" (localised numbers), or
    /// "12,345 records · finishing…" once everything is read.
    QString text() const;
    /// "1 min 05 s", "12 s".
    static QString duration(qint64 seconds);

private:
    QElapsedTimer m_clock;
    qint64 m_lastShown = -1;
    qint64 m_bytesDone = 0;
    qint64 m_bytesTotal = 0;
    qint64 m_records = 0;
};

} // namespace Casegraph::Models

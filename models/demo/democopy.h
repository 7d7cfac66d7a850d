// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace Casegraph::Models {

/// The one copy of the bundled demo that the GUI opens (`casegraph --demo`, Help > Reset Demo
/// Case…): `demo.casegraph` in the application's data folder, reused from run to run. Builds
/// before this one wrote a new `demo-YYYYMMDD-HHMMSS.casegraph` on every run; those files may
/// hold the user's work and are never touched.
class DemoCopy {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::DemoCopy)
public:
    enum class Outcome {
        Created,   ///< there was none: a fresh copy was written
        Reused,    ///< the copy is what this build writes and nobody changed it
        Kept,      ///< the user changed it (or it cannot be read): opened as it is
        Refreshed, ///< unchanged but written from another build's demo: replaced by a fresh copy
        Reset,     ///< replaced on request
    };
    struct Prepared {
        QString path;
        Outcome outcome = Outcome::Created;
    };

    /// AppLocalDataLocation, or the temporary folder when there is none.
    static QString defaultFolder();
    /// Where the copy lives in `folder`.
    static QString pathIn(const QString &folder);
    /// The copy to open, written, reused, kept or refreshed as Outcome says.
    static Result<Prepared> prepare(const QString &folder = defaultFolder());
    /// Replaces the copy with a fresh one, whatever it holds. The caller has asked the user and
    /// closed the copy. The fresh copy is written beside it and renamed into place, so a failure
    /// leaves the old copy as it was.
    static Result<Prepared> reset(const QString &folder = defaultFolder());

private:
    static Result<Prepared> writeFresh(const QString &folder, Outcome outcome);
};

} // namespace Casegraph::Models

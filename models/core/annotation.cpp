// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotation.h"

#include <QCoreApplication>

namespace Casegraph::Models {

QString Lead::statusName(Status status)
{
    switch (status) {
    case Status::Open:
        return QStringLiteral("open");
    case Status::InProgress:
        return QStringLiteral("in progress");
    case Status::Done:
        return QStringLiteral("done");
    case Status::Dropped:
        return QStringLiteral("dropped");
    }
    return QStringLiteral("open");
}

Lead::Status Lead::statusFromName(const QString &name)
{
    if (name == QLatin1String("in progress")) {
        return Status::InProgress;
    }
    if (name == QLatin1String("done")) {
        return Status::Done;
    }
    if (name == QLatin1String("dropped")) {
        return Status::Dropped;
    }
    return Status::Open;
}

QString Lead::statusLabel(Status status)
{
    switch (status) {
    case Status::Open:
        return QCoreApplication::translate("Casegraph::Models::Lead", "Open");
    case Status::InProgress:
        return QCoreApplication::translate("Casegraph::Models::Lead", "In progress");
    case Status::Done:
        return QCoreApplication::translate("Casegraph::Models::Lead", "Done");
    case Status::Dropped:
        return QCoreApplication::translate("Casegraph::Models::Lead", "Dropped");
    }
    return {};
}

} // namespace Casegraph::Models

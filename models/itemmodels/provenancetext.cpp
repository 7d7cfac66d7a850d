// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "provenancetext.h"

namespace Casegraph::Models {

QString ProvenanceText::time(const QDateTime &at) {
    return at.isValid() ? at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString ProvenanceText::summary(const Provenance &p) {
    switch (p.kind) {
    case Provenance::Kind::Import:
        return tr("import of %1 by %2, %3").arg(p.label, p.actor, time(p.at));
    case Provenance::Kind::Edit:
        return tr("edit by %1, %2").arg(p.actor, time(p.at));
    case Provenance::Kind::Source:
        return tr("from %1 by %2, %3").arg(p.label, p.actor, time(p.at));
    case Provenance::Kind::Demo:
        return tr("demo case");
    case Provenance::Kind::Merge:
        return tr("merge of %1 by %2, %3").arg(p.label, p.actor, time(p.at));
    }
    return {};
}

QString ProvenanceText::details(const Provenance &p) {
    const QString s = summary(p);
    switch (p.kind) {
    case Provenance::Kind::Edit:
        return p.label.isEmpty() ? s : s + QLatin1Char('\n') + p.label;
    case Provenance::Kind::Demo:
        return p.label.isEmpty() ? s : tr("%1 (%2), %3").arg(s, p.label, time(p.at));
    default:
        return s;
    }
}

} // namespace Casegraph::Models

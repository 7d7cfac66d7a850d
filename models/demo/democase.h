// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>

namespace Casegraph::Models {

class CaseFile;

/// The bundled demo case: the five seed articles as preserved sources, and every company,
/// public body, person, event, contract and relationship they state, each with a claim that
/// quotes the passage (code-point offsets into the stored text). Built from
/// resources/demo/demo-case.json; where an article is vague the case records the vagueness
/// in a note on the entity instead of inventing a value.
class DemoCase {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::DemoCase)
public:
    /// Writes the demo into an open, empty case, in one transaction, then stamps it (meta keys
    /// `demo.digest`, `demo.auditHead`, `demo.charts`) so that a later run can tell whether the
    /// copy is still what it wrote.
    static Status write(CaseFile &caseFile);
    /// Names the bundled demo: hex SHA-256 of its data (demo-case.json and the articles), the
    /// writer's revision and the schema version. A copy with another digest came from an older
    /// (or newer) build.
    static QString bundledDigest();
    /// The digest a case was stamped with by write(); empty for a case write() did not make.
    static QString digestOf(const CaseFile &caseFile);
    /// Whether anything was done to the case since write() stamped it: an audit entry after the
    /// stamped head (schema upgrades aside) or a chart changed (chart layouts are not audited).
    /// True for a case that carries no stamp.
    static bool changedSinceWritten(const CaseFile &caseFile);
    /// The FtM id the demo gives the entity with this key in demo-case.json.
    static QString idForKey(const QString &key) { return QStringLiteral("demo-") + key; }
};

} // namespace Casegraph::Models

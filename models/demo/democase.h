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
    /// Writes the demo into an open, empty case, in one transaction.
    static Status write(CaseFile &caseFile);
    /// The FtM id the demo gives the entity with this key in demo-case.json.
    static QString idForKey(const QString &key) { return QStringLiteral("demo-") + key; }
};

} // namespace Casegraph::Models

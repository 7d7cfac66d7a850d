// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/casefile.h"

#include <QPair>
#include <QTemporaryDir>

#include <memory>

namespace Casegraph::Tests {

/// A real case file in a temporary folder, filled through EntityStore and EvidenceStore, for the
/// analytics tests. Ids are the FtM ids the tests use.
class GraphFixture {
public:
    GraphFixture();
    Models::CaseFile &caseFile() { return *m_case; }
    bool isValid() const { return m_ok; }

    /// A node named `name` (empty: its id).
    qint64 node(const QString &id, const QString &schema = QStringLiteral("Company"), const QString &name = {});
    /// An entity of an edge schema between two existing entities, with extra properties.
    qint64 link(const QString &id, const QString &schema, const QString &source, const QString &target,
                const QList<QPair<QString, QString>> &properties = {});
    qint64 ownership(const QString &id, const QString &owner, const QString &asset, const QString &percentage = {},
                     const QString &startDate = {}, const QString &endDate = {});
    qint64 sanction(const QString &id, const QString &entity, const QString &authority = QStringLiteral("OFAC"),
                    const QString &program = QStringLiteral("SDN"));
    /// One claim on the entity with `excerpts` excerpts from a shared source.
    void evidence(const QString &id, int excerpts);

private:
    qint64 create(const QString &id, const QString &schema, const QList<QPair<QString, QString>> &properties);
    QTemporaryDir m_dir;
    std::unique_ptr<Models::CaseFile> m_case;
    qint64 m_provenance = 0;
    qint64 m_source = 0;
    bool m_ok = false;
};

} // namespace Casegraph::Tests

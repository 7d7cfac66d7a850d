// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphfixture.h"

#include "core/schema.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

namespace Casegraph::Tests {

using namespace Casegraph::Models;

namespace {
const QString kSourceText = QStringLiteral("The registry shows who owns what and who supplied whom.");
}

GraphFixture::GraphFixture() : m_case(std::make_unique<CaseFile>())
{
    if (!m_case->create(m_dir.filePath(QStringLiteral("graph.casegraph"))).ok()) {
        return;
    }
    auto prov = m_case->addProvenance(Provenance::Kind::Edit, QStringLiteral("graph fixture"));
    if (!prov) {
        return;
    }
    m_provenance = *prov;
    Entity article;
    article.id = QStringLiteral("fixture-article");
    article.schema = QStringLiteral("Article");
    article.add(QStringLiteral("title"), QStringLiteral("Registry extract"));
    auto row = m_case->entities().create(article, m_provenance);
    if (!row) {
        return;
    }
    Source s;
    s.entityRowId = *row;
    s.fileName = QStringLiteral("registry.txt");
    s.mimeType = QStringLiteral("text/plain");
    s.original = kSourceText.toUtf8();
    s.text = kSourceText;
    auto sid = m_case->evidence().addSource(s);
    m_source = sid ? *sid : 0;
    m_ok = sid.ok();
}

qint64 GraphFixture::create(const QString &id, const QString &schema, const QList<QPair<QString, QString>> &properties)
{
    Entity e;
    e.id = id;
    e.schema = schema;
    for (const auto &[p, v] : properties) {
        if (!v.isEmpty()) {
            e.add(p, v);
        }
    }
    auto row = m_case->entities().create(e, m_provenance);
    if (!row) {
        qWarning("fixture: %s: %s", qPrintable(id), qPrintable(row.error().message));
        return 0;
    }
    return *row;
}

qint64 GraphFixture::node(const QString &id, const QString &schema, const QString &name)
{
    return create(id, schema, {{QStringLiteral("name"), name.isEmpty() ? id : name}});
}

qint64 GraphFixture::link(const QString &id, const QString &schema, const QString &source, const QString &target,
                          const QList<QPair<QString, QString>> &properties)
{
    const Schema *s = SchemaRegistry::instance().schema(schema);
    QList<QPair<QString, QString>> props = properties;
    props.prepend({s->edgeTarget, target});
    props.prepend({s->edgeSource, source});
    return create(id, schema, props);
}

qint64 GraphFixture::ownership(const QString &id, const QString &owner, const QString &asset, const QString &percentage,
                               const QString &startDate, const QString &endDate)
{
    return link(id, QStringLiteral("Ownership"), owner, asset,
                {{QStringLiteral("percentage"), percentage},
                 {QStringLiteral("startDate"), startDate},
                 {QStringLiteral("endDate"), endDate}});
}

qint64 GraphFixture::sanction(const QString &id, const QString &entity, const QString &authority,
                              const QString &program)
{
    return create(id, QStringLiteral("Sanction"),
                  {{QStringLiteral("entity"), entity},
                   {QStringLiteral("authority"), authority},
                   {QStringLiteral("program"), program}});
}

void GraphFixture::evidence(const QString &id, int excerpts)
{
    Claim c;
    c.entityRowId = m_case->entities().rowIdOf(id);
    for (int i = 0; i < excerpts; ++i) {
        Excerpt x;
        x.sourceId = m_source;
        x.start = 4;
        x.end = 12;
        x.quote = kSourceText.mid(4, 8);
        c.excerpts << x;
    }
    if (auto r = m_case->evidence().addClaim(c); !r) {
        qWarning("fixture evidence: %s", qPrintable(r.error().message));
    }
}

} // namespace Casegraph::Tests

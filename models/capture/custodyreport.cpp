// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "custodyreport.h"
#include "storage/auditlog.h"
#include "storage/capturestore.h"
#include "storage/casefile.h"
#include "storage/caseverifier.h"
#include "storage/entitystore.h"
#include "storage/evidencestore.h"

#include <QJsonDocument>
#include <QSet>

namespace Casegraph::Models {

namespace {
QString utc(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QString entryLine(const AuditEntry &e)
{
    QString line = CustodyReport::tr("#%1 %2, %3: %4").arg(e.seq).arg(utc(e.at), e.actor, e.action);
    const QJsonObject &detail = e.after.isEmpty() ? e.before : e.after;
    if (!detail.isEmpty()) {
        line += QLatin1String(" ") + QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)).left(300);
    }
    return line + CustodyReport::tr(" (hash %1)").arg(e.hash.left(16));
}
} // namespace

Result<CustodyReport> CustodyReport::build(const CaseFile &caseFile, qint64 sourceId)
{
    const auto source = caseFile.evidence().source(sourceId);
    if (!source) {
        return Error{tr("the case has no source %1").arg(sourceId)};
    }
    const auto entity = caseFile.entities().entity(source->entityRowId);
    CustodyReport report;
    report.m_title = tr("Chain of custody: source %1 (%2)").arg(sourceId).arg(entity ? entity->caption : source->fileName);

    const QString now = CaseVerifier::currentSourceHash(caseFile, sourceId);
    report.m_intact = now == source->sha256;
    Section identity{tr("Source"), {}, {}};
    identity.fields = {{tr("Title"), entity ? entity->caption : QString()},
                       {tr("Entity"), entity ? QStringLiteral("%1 (%2)").arg(entity->id, entity->schema) : QString()},
                       {tr("File name"), source->fileName},
                       {tr("MIME type"), source->mimeType},
                       {tr("Size"), tr("%n byte(s)", nullptr, int(source->original.size()))},
                       {tr("URL"), source->url},
                       {tr("Added"), tr("%1 by %2").arg(utc(source->importedAt), source->addedBy)},
                       {tr("Recorded SHA-256"), source->sha256},
                       {tr("SHA-256 now"), now},
                       {tr("Verification"), report.m_intact ? tr("intact: the preserved original matches its hash")
                                                            : tr("MISMATCH: the preserved original was altered")}};
    report.m_sections.append(identity);

    Section captures{tr("Captures"), {}, {}};
    for (const auto &c : CaptureStore::forSource(caseFile, sourceId)) {
        QStringList redirects;
        for (const auto &u : c.redirects) {
            redirects << u.toString();
        }
        captures.items << tr("%1 by %2: requested %3, final %4 (HTTP %5)%6%7")
                              .arg(utc(c.fetchedAt), c.actor, c.requestedUrl.toString(), c.finalUrl.toString())
                              .arg(c.status)
                              .arg(redirects.isEmpty() ? QString() : tr(", redirected via %1").arg(redirects.join(QLatin1String(" → "))))
                              .arg(c.proxy.isEmpty() ? tr(", direct") : tr(", through proxy %1").arg(c.proxy));
    }
    if (captures.items.isEmpty()) {
        captures.items << tr("not captured from the web: imported from a file");
    }
    report.m_sections.append(captures);

    // Entries about the source or its entity, and the import that brought its values.
    QSet<qint64> provenances;
    if (entity) {
        for (const auto &v : entity->values) {
            provenances.insert(v.provenanceId);
        }
    }
    Section history{tr("Audit log entries"), {}, {}};
    const QStringList targets{QStringLiteral("source:%1").arg(sourceId),
                              QStringLiteral("entity:%1").arg(source->entityRowId)};
    for (const auto &e : caseFile.audit().entries()) {
        const bool imported = e.action == QLatin1String("import") &&
                              provenances.contains(e.after.value(QStringLiteral("provenance")).toInteger());
        if (targets.contains(e.target) || imported) {
            history.items << entryLine(e);
        }
    }
    if (history.items.isEmpty()) { // say so rather than show a heading over nothing
        history.items << tr("no audit log entry names this source, its entity or the import that brought them");
    }
    report.m_sections.append(history);

    Section claims{tr("Claims and excerpts using this source"), {}, {}};
    for (const auto &claim : caseFile.evidence().claimsForSource(sourceId)) {
        const auto about = caseFile.entities().row(claim.entityRowId);
        QString line = tr("Claim %1 on %2").arg(claim.id).arg(about ? about->caption : QString::number(claim.entityRowId));
        if (!claim.property.isEmpty()) {
            line += QStringLiteral(" — %1: %2").arg(claim.property, claim.value);
        }
        line += tr(" [%1, by %2, %3]").arg(claim.status, claim.actor, utc(claim.createdAt));
        claims.items << line;
        for (const auto &x : claim.excerpts) {
            if (x.sourceId == sourceId) {
                claims.items << tr("    excerpt %1 (%2, characters %3–%4): “%5”")
                                    .arg(x.id)
                                    .arg(Excerpt::stanceName(x.stance))
                                    .arg(x.start)
                                    .arg(x.end)
                                    .arg(x.quote);
            }
        }
    }
    if (claims.items.isEmpty()) {
        claims.items << tr("no claim uses this source yet");
    }
    report.m_sections.append(claims);
    return report;
}

QString CustodyReport::toText() const
{
    QString out = m_title + QLatin1Char('\n') + QString(m_title.size(), QLatin1Char('=')) + QLatin1Char('\n');
    for (const auto &s : m_sections) {
        out += QLatin1Char('\n') + s.heading + QLatin1Char('\n') + QString(s.heading.size(), QLatin1Char('-')) +
               QLatin1Char('\n');
        for (const auto &f : s.fields) {
            out += f.first + QLatin1String(": ") + f.second + QLatin1Char('\n');
        }
        for (const auto &i : s.items) {
            out += QLatin1String("- ") + i + QLatin1Char('\n');
        }
    }
    return out;
}

QString CustodyReport::toHtml() const
{
    QString out = QLatin1String("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>") + m_title.toHtmlEscaped() +
                  QLatin1String("</title></head><body>\n<h1>") + m_title.toHtmlEscaped() + QLatin1String("</h1>\n");
    for (const auto &s : m_sections) {
        out += QLatin1String("<h2>") + s.heading.toHtmlEscaped() + QLatin1String("</h2>\n");
        if (!s.fields.isEmpty()) {
            out += QLatin1String("<table>\n");
            for (const auto &f : s.fields) {
                out += QLatin1String("<tr><th align=\"left\">") + f.first.toHtmlEscaped() + QLatin1String("</th><td>") +
                       f.second.toHtmlEscaped() + QLatin1String("</td></tr>\n");
            }
            out += QLatin1String("</table>\n");
        }
        if (!s.items.isEmpty()) {
            out += QLatin1String("<ul>\n");
            for (const auto &i : s.items) {
                out += QLatin1String("<li>") + i.trimmed().toHtmlEscaped() + QLatin1String("</li>\n");
            }
            out += QLatin1String("</ul>\n");
        }
    }
    return out + QLatin1String("</body></html>\n");
}

} // namespace Casegraph::Models

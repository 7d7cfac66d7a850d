// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "listedpanel.h"

#include "commands/caseeditor.h"
#include "commands/decidematchcommand.h"
#include "storage/casefile.h"
#include "storage/referenceliststore.h"

#include <QLabel>
#include <QLocale>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

ListedPanel::ListedPanel(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("listedPanel"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 2, 0, 2);
    m_layout->setSpacing(2);
    hide();
}

void ListedPanel::setCase(CaseFile *caseFile, CaseEditor *editor)
{
    if (m_case == caseFile && m_editor == editor) {
        return;
    }
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_editor = editor;
    m_entity = 0;
    if (m_case) {
        connect(m_case, &CaseFile::screeningChanged, this, &ListedPanel::reload);
    }
    reload();
}

void ListedPanel::setEntity(qint64 rowId)
{
    m_entity = rowId;
    reload();
}

QStringList ListedPanel::lines() const
{
    return m_lines;
}

void ListedPanel::reload()
{
    qDeleteAll(m_labels);
    m_labels.clear();
    m_lines.clear();
    if (!m_case || !m_entity) {
        hide();
        return;
    }
    const ReferenceListStore &store = m_case->referenceLists();
    const QLocale locale;
    const bool writable = m_editor && !m_case->isReadOnly();
    for (const ScreeningDecision &d : store.acceptedMatches(m_entity)) {
        const auto version = store.version(d.versionId);
        const auto entry = store.entry(d.versionId, d.entryId);
        const QString caption = entry ? entry->caption : d.entryId;
        QStringList listedBy;
        if (entry && !entry->authority.isEmpty()) {
            listedBy << entry->authority;
        }
        if (entry && !entry->program.isEmpty()) {
            listedBy << entry->program;
        }
        // The version's number is its id, as casegraph-cli lists and the Reference Lists dialog show it.
        const QString list = version ? tr("%1 version %2").arg(version->listName).arg(version->id)
                                     : tr("list version %1").arg(d.versionId);
        const QString text = tr("Listed: %1 — %2, %3, accepted by %4 on %5")
                                 .arg(caption, list, listedBy.isEmpty() ? tr("no authority given") : listedBy.join(QLatin1String(": ")),
                                      d.actor.isEmpty() ? tr("unknown") : d.actor,
                                      locale.toString(d.at.toLocalTime().date(), QLocale::ShortFormat));
        m_lines << text;
        auto *label = new QLabel(this);
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setToolTip(d.explanation);
        label->setAccessibleName(text);
        label->setStyleSheet(QStringLiteral("QLabel { background: #fdecea; color: #7a1c12; border: 1px solid #e8a89f;"
                                            " border-radius: 3px; padding: 3px 6px; }"));
        QString html = text.toHtmlEscaped();
        if (writable) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("version"), QString::number(d.versionId));
            q.addQueryItem(QStringLiteral("entry"), d.entryId);
            html += QStringLiteral(" &nbsp;<a href=\"revoke:?%1\">%2</a>").arg(q.toString(QUrl::FullyEncoded), tr("Revoke"));
        }
        label->setText(html);
        connect(label, &QLabel::linkActivated, this, [this](const QString &link) {
            const QUrlQuery q(QUrl(link).query());
            revoke(q.queryItemValue(QStringLiteral("version")).toLongLong(), q.queryItemValue(QStringLiteral("entry")));
        });
        m_layout->addWidget(label);
        m_labels << label;
    }
    setVisible(!m_labels.isEmpty());
}

bool ListedPanel::revoke(qint64 versionId, const QString &entryId)
{
    if (!m_case || !m_editor || !m_entity) {
        return false;
    }
    ScreeningDecision d;
    for (const ScreeningDecision &a : m_case->referenceLists().acceptedMatches(m_entity)) {
        if (a.versionId == versionId && a.entryId == entryId) {
            d = a;
        }
    }
    if (!d.versionId) {
        return false;
    }
    d.id = 0;
    d.runId = 0;
    d.decision = ScreeningDecision::Kind::Rejected;
    d.actor.clear();
    d.at = {};
    const auto entry = m_case->referenceLists().entry(versionId, entryId);
    const QString text = tr("Revoke match with %1").arg(entry ? entry->caption : entryId);
    if (auto st = m_editor->push(std::make_unique<DecideMatchCommand>(*m_editor, d, text)); !st) {
        Q_EMIT errorOccurred(st.error().toString());
        return false;
    }
    return true;
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergedpanel.h"

#include "storage/casefile.h"
#include "storage/mergestore.h"

#include <QLocale>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

MergedPanel::MergedPanel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("mergedPanel"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::TextBrowserInteraction);
    setStyleSheet(QStringLiteral("QLabel { background: #eef3fb; color: #1f3a60; border: 1px solid #b7c8e4;"
                                 " border-radius: 3px; padding: 3px 6px; }"));
    connect(this, &QLabel::linkActivated, this, [this] { Q_EMIT splitRequested(); });
    hide();
}

void MergedPanel::setCase(CaseFile *caseFile, bool writable)
{
    m_case = caseFile;
    m_writable = writable;
}

void MergedPanel::setEntity(qint64 rowId)
{
    const QList<EntityMerge> merges = m_case && rowId ? m_case->merges().merges(rowId) : QList<EntityMerge>();
    QStringList parts;
    const QLocale locale;
    for (const EntityMerge &m : merges) {
        parts << tr("%1 (%2) by %3 on %4")
                     .arg(m.mergedCaption, m.mergedId, m.actor.isEmpty() ? tr("unknown") : m.actor,
                          locale.toString(m.at.toLocalTime().date(), QLocale::ShortFormat));
    }
    m_plain = parts.isEmpty() ? QString() : tr("Merged from %1").arg(parts.join(QLatin1String("; ")));
    QString html = m_plain.toHtmlEscaped();
    if (!parts.isEmpty() && m_writable) {
        html += QStringLiteral(" &nbsp;<a href=\"split:\">%1</a>").arg(tr("Split"));
    }
    setText(html);
    setAccessibleName(m_plain);
    setToolTip(parts.isEmpty() ? QString()
                               : tr("Split (Edit → Split Merged Entity) restores the latest merged entity with "
                                    "its values, claims and links"));
    setVisible(!parts.isEmpty());
}

} // namespace Casegraph::Ui

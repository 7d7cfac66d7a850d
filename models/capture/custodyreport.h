// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace Casegraph::Models {

class CaseFile;

/// The chain of custody of one source: how it entered the case (capture or import), its
/// recorded and current SHA-256, every audit entry about it, and every claim and excerpt that
/// use it. Built from the case in one go; rendered as plain text or as a standalone HTML page.
class CustodyReport {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Models::CustodyReport)
public:
    struct Section {
        QString heading;
        QList<QPair<QString, QString>> fields; ///< label, value
        QStringList items;                     ///< one line each
    };

    static Result<CustodyReport> build(const CaseFile &caseFile, qint64 sourceId);

    QString title() const { return m_title; }
    bool intact() const { return m_intact; }
    const QList<Section> &sections() const { return m_sections; }
    QString toText() const;
    QString toHtml() const;

private:
    QString m_title;
    bool m_intact = false;
    QList<Section> m_sections;
};

} // namespace Casegraph::Models

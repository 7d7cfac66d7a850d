// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ownershipchain.h"

#include "io/importjob.h"
#include "storage/casefile.h"

#include <QFile>
#include <QtGlobal>

namespace Casegraph::Tests {

bool writeOwnershipChain(const QString &casePath, int companies)
{
    QByteArray lines;
    lines.reserve(qsizetype(companies) * 200);
    for (int i = 0; i < companies; ++i) {
        const QByteArray n = QByteArray::number(i);
        lines += "{\"id\":\"c" + n + "\",\"schema\":\"Company\",\"properties\":{\"name\":[\"Chain Company " + n +
                 "\"]}}\n";
        if (i + 1 < companies) {
            lines += "{\"id\":\"o" + n + "\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"c" + n +
                     "\"],\"asset\":[\"c" + QByteArray::number(i + 1) +
                     "\"],\"percentage\":[\"60%\"],\"startDate\":[\"2019\"]}}\n";
        }
    }
    lines += "{\"id\":\"s0\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"c0\"],\"authority\":[\"OFAC\"],"
             "\"program\":[\"SDN\"]}}\n";
    const QString source = casePath + QStringLiteral(".ftm.json");
    QFile file(source);
    if (!file.open(QIODevice::WriteOnly) || file.write(lines) != lines.size()) {
        qWarning("cannot write %s", qPrintable(source));
        return false;
    }
    file.close();
    Models::CaseFile caseFile;
    if (auto st = caseFile.create(casePath); !st) {
        qWarning("%s", qPrintable(st.error().toString()));
        return false;
    }
    const auto imported = Models::ImportJob::run(caseFile, source);
    if (!imported) {
        qWarning("%s", qPrintable(imported.error().toString()));
        return false;
    }
    return imported->created == 2 * qint64(companies);
}

} // namespace Casegraph::Tests

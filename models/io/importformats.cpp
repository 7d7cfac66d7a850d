// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ftmreader.h"
#include "importjob.h"
#include "recordreader.h"

#include <QCoreApplication>

namespace Casegraph::Models {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Casegraph::Models::ImportFormats", text);
}
} // namespace

QByteArray firstLine(const QByteArray &head)
{
    QByteArray h = head.startsWith("\xEF\xBB\xBF") ? head.mid(3) : head;
    for (const QByteArray &line : h.split('\n')) {
        if (!line.trimmed().isEmpty()) {
            return line;
        }
    }
    return {};
}

const QList<ImportFormat> &importFormats()
{
    // Listed explicitly (no static registration) so that linking the static library keeps them.
    static const QList<ImportFormat> formats = [] {
        QList<ImportFormat> f;
        f.append(ImportFormat{
            QStringLiteral("ftm"), tr("FollowTheMoney entities, JSON lines (Aleph, OpenSanctions)"),
            {QStringLiteral("*.json"), QStringLiteral("*.jsonl"), QStringLiteral("*.ijson"), QStringLiteral("*.ftm")},
            [](const QString &, const QByteArray &head) { return FtmReader::looksLikeFtm(firstLine(head)) ? 90 : 0; },
            [](const ImportOptions &o) -> std::unique_ptr<RecordReader> {
                return std::make_unique<FtmReader>(o.lenient ? FtmReader::Mode::Lenient : FtmReader::Mode::Strict);
            }});
        return f;
    }();
    return formats;
}

} // namespace Casegraph::Models

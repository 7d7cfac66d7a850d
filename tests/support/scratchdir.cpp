// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scratchdir.h"
#include "testsupport.h"

#include "io/ftmwriter.h"
#include "io/importjob.h"
#include "storage/casefile.h"
#include "storage/entitystore.h"
#include "storage/sqlite.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTest>

namespace Casegraph::Tests {

QString ScratchDir::write(const QString &name, const QByteArray &content) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(f.fileName()));
    }
    return f.fileName();
}

std::unique_ptr<Models::CaseFile> ScratchDir::newCase(const QString &name) const
{
    auto cf = std::make_unique<Models::CaseFile>();
    if (!cf->create(path(name)).ok()) {
        return nullptr;
    }
    return cf;
}

std::unique_ptr<Models::CaseFile> ScratchDir::seededCase(const QString &name) const
{
    auto cf = newCase(name);
    if (!cf) {
        return nullptr;
    }
    const auto r = Models::ImportJob::run(*cf, sourcePath(QStringLiteral("tests/fixtures/ftm/small.ftm.json")));
    return r ? std::move(cf) : nullptr;
}

QByteArray ScratchDir::checksum(const Models::CaseFile &caseFile) const
{
    const QString out = path(QStringLiteral("checksum.ftm.json"));
    if (!Models::FtmWriter::write(caseFile, out)) {
        return {};
    }
    return QCryptographicHash::hash(readFile(out), QCryptographicHash::Sha256).toHex();
}

void ScratchTest::init()
{
    m_scratch = std::make_unique<ScratchDir>();
    QVERIFY(m_scratch->isValid());
}

std::unique_ptr<Models::CaseFile> ScratchTest::newCase(const QString &name) const
{
    return m_scratch->newCase(name);
}

std::unique_ptr<Models::CaseFile> ScratchTest::seededCase(const QString &name) const
{
    return m_scratch->seededCase(name);
}

QStringList testDataFiles(const QString &folder, const QStringList &patterns)
{
    const QString dir = testData(folder);
    QStringList files;
    if (dir.isEmpty()) {
        return files;
    }
    for (QDirIterator it(dir, patterns, QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        files << it.next();
    }
    files.sort();
    return files;
}

bool writeOldCase(const QString &path, int version, const QString &extraSql)
{
    if (auto st = Models::CaseFile::createAtVersion(path, version); !st) {
        qWarning("%s", qPrintable(st.error().toString()));
        return false;
    }
    Models::Sql::Database db;
    if (!db.open(path)) {
        return false;
    }
    QString sql = QStringLiteral("INSERT INTO provenance(id, kind, label, actor, at) VALUES(1, 'import', 'old.json', "
                                 "'bob', '2026-01-01T00:00:00.000Z');"
                                 "INSERT INTO entity(id, eid, schema, caption) VALUES(1, 'sn', 'Company', 'SenseNets');"
                                 "INSERT INTO statement(entity, prop, value, prov) VALUES(1, 'name', 'SenseNets', 1);");
    if (version >= 2) {
        sql += QStringLiteral("INSERT INTO entity_fts(rowid, names) VALUES(1, 'SenseNets');");
    }
    if (auto st = db.exec(sql + extraSql); !st) {
        qWarning("%s", qPrintable(st.error().toString()));
        return false;
    }
    return db.userVersion() == version;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray fileSha256(const QString &path)
{
    return QCryptographicHash::hash(readFile(path), QCryptographicHash::Sha256);
}

qint64 countEntitiesMatching(const QString &path, const QString &search)
{
    Models::CaseFile c;
    if (!c.open(path, Models::CaseFile::OpenMode::ReadOnly)) {
        return -1;
    }
    Models::EntityFilter filter;
    filter.search = search;
    return c.entities().count(filter);
}

} // namespace Casegraph::Tests

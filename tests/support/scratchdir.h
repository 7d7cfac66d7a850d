// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Tests {

/// A temporary folder for one test function: fixture files written into it, case files created
/// in it, and a fingerprint of a case's contents (to show that a failed import changed nothing).
class ScratchDir {
public:
    bool isValid() const { return m_dir.isValid(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    /// Writes `content` to `name` and returns its path; a failed write ends the test run.
    QString write(const QString &name, const QByteArray &content) const;
    /// A new, empty case file, or nullptr on failure.
    std::unique_ptr<Models::CaseFile> newCase(const QString &name) const;
    /// A new case file holding tests/fixtures/ftm/small.ftm.json, or nullptr on failure.
    std::unique_ptr<Models::CaseFile> seededCase(const QString &name) const;
    /// SHA-256 (hex) of the case's FtM export: equal fingerprints mean equal entities and values.
    QByteArray checksum(const Models::CaseFile &caseFile) const;

private:
    QTemporaryDir m_dir;
};

/// Base of the test classes that need a fresh scratch folder for each test function: its init()
/// slot makes one (a subclass with its own init() calls ScratchTest::init() first), and path(),
/// write(), newCase(), seededCase() and checksum() work inside it.
class ScratchTest : public QObject {
    Q_OBJECT
protected Q_SLOTS:
    void init();

protected:
    ScratchDir &scratch() const { return *m_scratch; }
    QString path(const QString &name) const { return m_scratch->path(name); }
    QString write(const QString &name, const QByteArray &content) const { return m_scratch->write(name, content); }
    std::unique_ptr<Models::CaseFile> newCase(const QString &name) const;
    std::unique_ptr<Models::CaseFile> seededCase(const QString &name) const;
    QByteArray checksum(const Models::CaseFile &caseFile) const { return m_scratch->checksum(caseFile); }

private:
    std::unique_ptr<ScratchDir> m_scratch;
};

/// Every file below testdata/`folder` matching `patterns`, sorted; empty when testdata is absent.
QStringList testDataFiles(const QString &folder, const QStringList &patterns);
/// Writes a case file as schema `version` made it, holding one company (row 1, FtM id "sn",
/// "SenseNets", one import provenance by "bob") plus the rows of `extraSql`, for migration tests.
/// Returns false (with a warning) when SQLite refuses.
bool writeOldCase(const QString &path, int version, const QString &extraSql = {});
/// A file's bytes, or empty when it cannot be read.
QByteArray readFile(const QString &path);
/// SHA-256 of a file's bytes (of nothing when it cannot be read).
QByteArray fileSha256(const QString &path);
/// How many entities of the case file at `path` the Entities search `search` finds, or -1 when
/// the file does not open (read-only).
qint64 countEntitiesMatching(const QString &path, const QString &search);

} // namespace Casegraph::Tests

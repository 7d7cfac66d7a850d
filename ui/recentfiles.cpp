// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace Casegraph::Ui {

namespace {
const QString Key = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QObject *parent) : QObject(parent) {
    m_files = QSettings().value(Key).toStringList().mid(0, MaxFiles);
}

RecentFiles::~RecentFiles() = default;

void RecentFiles::save() {
    QSettings().setValue(Key, m_files);
    Q_EMIT changed();
}

void RecentFiles::add(const QString &path) {
    const QString canonical = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(canonical);
    m_files.prepend(canonical);
    while (m_files.size() > MaxFiles) {
        m_files.removeLast();
    }
    save();
}

void RecentFiles::remove(const QString &path) {
    if (m_files.removeAll(QFileInfo(path).absoluteFilePath()) > 0) {
        save();
    }
}

void RecentFiles::removeMissing() {
    const auto before = m_files.size();
    m_files.removeIf([](const QString &f) { return !QFileInfo::exists(f); });
    if (m_files.size() != before) {
        save();
    }
}

void RecentFiles::clear() {
    m_files.clear();
    save();
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

namespace Casegraph::Ui {

/// The last case files opened, newest first, kept in QSettings ("recentFiles").
class RecentFiles final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentFiles)
public:
    static constexpr int MaxFiles = 10;

    explicit RecentFiles(QObject *parent = nullptr);
    ~RecentFiles() override;

    QStringList files() const { return m_files; }
    void add(const QString &path);
    void remove(const QString &path);
    /// Drops the files that no longer exist.
    void removeMissing();
    void clear();

Q_SIGNALS:
    void changed();

private:
    void save();
    QStringList m_files;
};

} // namespace Casegraph::Ui

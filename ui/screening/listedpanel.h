// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// Under the Inspector's title: the screening matches accepted for the shown entity, one line
/// each ("Listed: <entry> — <list> version <n>, <authority: program>, accepted by <who> on
/// <date>") with a Revoke link that records a rejection as an undoable edit. Hidden when the
/// entity has no accepted match. Follows decisions made or undone anywhere (screeningChanged).
class ListedPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListedPanel)
public:
    explicit ListedPanel(QWidget *parent = nullptr);

    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    void setEntity(qint64 rowId);
    qint64 entityRowId() const { return m_entity; }
    /// The lines shown, as plain text (for tests and accessibility).
    QStringList lines() const;
    /// Revokes the accepted match with this entry (what the Revoke link does).
    bool revoke(qint64 versionId, const QString &entryId);

Q_SIGNALS:
    void errorOccurred(const QString &message);

private:
    void reload();

    QPointer<Models::CaseFile> m_case;
    Models::CaseEditor *m_editor = nullptr;
    qint64 m_entity = 0;
    QVBoxLayout *m_layout = nullptr;
    QList<QLabel *> m_labels;
    QStringList m_lines;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QPointer>

namespace Casegraph::Models {
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// Under the Inspector's title: which entities were merged into the shown one ("Merged from
/// <caption> (<id>) by <who> on <date>"), latest first, with a Split link (Edit → Split Merged
/// Entity). Hidden when the entity holds no standing merge. Without it nothing in the window
/// said that an entity was two, or that Split applied to it.
class MergedPanel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergedPanel)
public:
    explicit MergedPanel(QWidget *parent = nullptr);

    void setCase(Models::CaseFile *caseFile, bool writable);
    /// Shows the merges into this entity (0: none); call again after a merge or split.
    void setEntity(qint64 rowId);
    /// The text shown, without the link (for tests and accessibility).
    QString plainText() const { return m_plain; }

Q_SIGNALS:
    /// The Split link: split the latest merge into the shown entity.
    void splitRequested();

private:
    QPointer<Models::CaseFile> m_case;
    bool m_writable = false;
    QString m_plain;
};

} // namespace Casegraph::Ui

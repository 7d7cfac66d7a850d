// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QLineEdit;

namespace Casegraph::Ui {

/// Keeps a line edit's placeholder whole: it shows the longest of `prompts` (longest first) that
/// fits the field as it is sized now, rather than a prompt cut in the middle of a word. The field
/// is never narrower than the last, shortest prompt. Owned by the field.
class FittingPrompt final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FittingPrompt)
public:
    FittingPrompt(QLineEdit *field, const QStringList &prompts);
    ~FittingPrompt() override;

    /// Room for text in the field, after its frame, icons and clear button.
    static int textRoom(const QLineEdit *field);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    QLineEdit *m_field;
    QStringList m_prompts;
};

} // namespace Casegraph::Ui

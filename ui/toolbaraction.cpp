// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "toolbaraction.h"

#include <QAction>
#include <QKeySequence>
#include <QRegularExpression>

namespace Casegraph::Ui {

QAction *shortToolAction(QAction *full, const QString &shortText, QObject *parent) {
    auto *action = new QAction(full->icon(), shortText, parent);
    const auto follow = [action, full] {
        action->setEnabled(full->isEnabled());
        // The text without its mnemonic marks ("&&" is a literal "&").
        QString tip = full->text();
        tip.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        if (!full->shortcut().isEmpty()) {
            tip += QStringLiteral(" (%1)").arg(full->shortcut().toString(QKeySequence::NativeText));
        }
        action->setToolTip(tip);
    };
    QObject::connect(full, &QAction::changed, action, follow);
    QObject::connect(action, &QAction::triggered, full, &QAction::trigger);
    follow();
    return action;
}

} // namespace Casegraph::Ui

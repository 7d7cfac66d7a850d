// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fittingprompt.h"
#include <QEvent>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionFrame>

namespace Casegraph::Ui {

namespace {
// Width a leading icon action or the clear button takes beside the text.
int sideWidgetRoom(const QLineEdit *field) { return field->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, field) + 8; }
} // namespace

FittingPrompt::FittingPrompt(QLineEdit *field, const QStringList &prompts)
    : QObject(field), m_field(field), m_prompts(prompts) {
    Q_ASSERT(!prompts.isEmpty());
    const int frame = field->width() - textRoom(field);
    m_field->setMinimumWidth(field->fontMetrics().horizontalAdvance(prompts.last()) + frame);
    field->installEventFilter(this);
    fit();
}

FittingPrompt::~FittingPrompt() = default;

int FittingPrompt::textRoom(const QLineEdit *field) {
    QStyleOptionFrame option;
    option.initFrom(field);
    const QRect contents = field->style()->subElementRect(QStyle::SE_LineEditContents, &option, field);
    int side = field->isClearButtonEnabled() ? 1 : 0;
    for (QAction *action : field->actions()) {
        side += action->isVisible() ? 1 : 0;
    }
    const QMargins margins = field->textMargins();
    return contents.width() - side * sideWidgetRoom(field) - margins.left() - margins.right() - 4;
}

bool FittingPrompt::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_field && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)) {
        fit();
    }
    return QObject::eventFilter(watched, event);
}

void FittingPrompt::fit() {
    const int room = textRoom(m_field);
    for (const QString &prompt : std::as_const(m_prompts)) {
        if (m_field->fontMetrics().horizontalAdvance(prompt) <= room || &prompt == &m_prompts.last()) {
            m_field->setPlaceholderText(prompt);
            return;
        }
    }
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "elidingcombobox.h"
#include <QHelpEvent>
#include <QStyleOptionComboBox>
#include <QStylePainter>
#include <QToolTip>

namespace Casegraph::Ui {

ElidingComboBox::ElidingComboBox(int leastCharacters, int preferredCharacters, QWidget *parent)
    : QComboBox(parent), m_leastCharacters(leastCharacters), m_preferredCharacters(preferredCharacters) {
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
}

ElidingComboBox::~ElidingComboBox() = default;

QSize ElidingComboBox::sizeFor(int characters) const {
    QStyleOptionComboBox option;
    initStyleOption(&option);
    QSize text(fontMetrics().averageCharWidth() * characters, fontMetrics().height());
    if (!option.currentIcon.isNull()) {
        text.rwidth() += iconSize().width() + 4;
    }
    const QSize whole = QComboBox::sizeHint();
    const QSize size = style()->sizeFromContents(QStyle::CT_ComboBox, &option, text, this);
    return {std::min(size.width(), whole.width()), whole.height()};
}

QSize ElidingComboBox::sizeHint() const { return sizeFor(m_preferredCharacters); }

QSize ElidingComboBox::minimumSizeHint() const { return sizeFor(m_leastCharacters); }

QRect ElidingComboBox::textRect() const {
    QStyleOptionComboBox option;
    initStyleOption(&option);
    QRect rect = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    if (!option.currentIcon.isNull()) {
        rect.setLeft(rect.left() + iconSize().width() + 4);
    }
    return rect;
}

QString ElidingComboBox::shownText() const {
    return fontMetrics().elidedText(currentText(), Qt::ElideRight, textRect().width() - 2);
}

void ElidingComboBox::paintEvent(QPaintEvent *) {
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    option.currentText = shownText();
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

bool ElidingComboBox::event(QEvent *event) {
    if (event->type() == QEvent::ToolTip && shownText() != currentText()) {
        // The cut text first, then what the box is for.
        const QString tip = toolTip().isEmpty() ? currentText() : currentText() + QLatin1Char('\n') + toolTip();
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), tip, this);
        return true;
    }
    return QComboBox::event(event);
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

namespace Casegraph::Ui {

/// A combo box that may be narrower than its current text: the text ends in "…" instead of being
/// cut mid-letter, and the whole text shows in the tool tip and in the list it opens. For filter
/// rows that give way to a search field on a small screen.
class ElidingComboBox final : public QComboBox {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingComboBox)
public:
    /// `leastCharacters`: the narrowest it gets; `preferredCharacters`: the most it asks for
    /// (a longer text is elided unless the layout has room to spare), both in average
    /// characters of its font.
    ElidingComboBox(int leastCharacters, int preferredCharacters, QWidget *parent = nullptr);
    ~ElidingComboBox() override;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    /// The text as painted, elided to the width the box has now.
    QString shownText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect textRect() const;
    /// The box's size with room for this many characters, never more than its whole text needs.
    QSize sizeFor(int characters) const;

    int m_leastCharacters;
    int m_preferredCharacters;
};

} // namespace Casegraph::Ui

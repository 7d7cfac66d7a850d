// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>

#include <optional>

class QCheckBox;
class QDateEdit;
class QDoubleSpinBox;
class QWidget;

namespace Casegraph::Ui {

/// The settings controls that the Paths and the Exposure docks share.
class AnalysisControls {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::AnalysisControls)
public:
    /// An ownership-rule threshold in percent (one decimal) showing the saved setting and saving
    /// every change to it: both docks use the one setting. Every threshold box made here follows a
    /// change made in another at once (valueChanged fires in the follower too, never in a loop).
    static QDoubleSpinBox *thresholdSpinBox(QWidget *parent);
    /// The day of an "as of" choice: today, shown as yyyy-MM-dd with a calendar, enabled only
    /// while `toggle` is ticked.
    static QDateEdit *asOfEdit(QCheckBox *toggle, QWidget *parent);
    /// The chosen day, or none when `toggle` is not ticked.
    static std::optional<QDate> asOf(const QCheckBox *toggle, const QDateEdit *edit);
};

} // namespace Casegraph::Ui

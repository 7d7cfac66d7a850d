// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysiscontrols.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QSettings>

namespace Casegraph::Ui {

namespace {
const char *const ThresholdKey = "exposure/threshold";
} // namespace

QDoubleSpinBox *AnalysisControls::thresholdSpinBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0.1, 100);
    box->setDecimals(1);
    box->setSuffix(tr(" %"));
    box->setValue(QSettings().value(QLatin1String(ThresholdKey), 50.0).toDouble());
    QObject::connect(box, &QDoubleSpinBox::valueChanged, box,
                     [](double value) { QSettings().setValue(QLatin1String(ThresholdKey), value); });
    return box;
}

QDateEdit *AnalysisControls::asOfEdit(QCheckBox *toggle, QWidget *parent)
{
    auto *edit = new QDateEdit(QDate::currentDate(), parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setEnabled(toggle->isChecked());
    QObject::connect(toggle, &QCheckBox::toggled, edit, &QWidget::setEnabled);
    return edit;
}

std::optional<QDate> AnalysisControls::asOf(const QCheckBox *toggle, const QDateEdit *edit)
{
    return toggle->isChecked() ? std::optional<QDate>(edit->date()) : std::nullopt;
}

} // namespace Casegraph::Ui

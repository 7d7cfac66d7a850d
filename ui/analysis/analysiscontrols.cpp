// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysiscontrols.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QPointer>
#include <QScopedValueRollback>
#include <QSettings>

namespace Casegraph::Ui {

namespace {
const char *const ThresholdKey = "exposure/threshold";

/// Tells every threshold box in the application of a change the user made in one of them. It
/// lives as long as the application object (its child); GUI thread only.
class ThresholdNotifier final : public QObject {
    Q_OBJECT
public:
    static ThresholdNotifier *instance()
    {
        static QPointer<ThresholdNotifier> notifier;
        if (!notifier) {
            notifier = new ThresholdNotifier(QCoreApplication::instance());
        }
        return notifier;
    }
    /// Saves `value` and hands it to the other boxes; a box that takes it does not pass it on.
    void publish(const QDoubleSpinBox *from, double value)
    {
        if (m_publishing) {
            return; // a box following this change
        }
        const QScopedValueRollback guard(m_publishing, true);
        QSettings().setValue(QLatin1String(ThresholdKey), value);
        Q_EMIT changed(from, value);
    }

Q_SIGNALS:
    void changed(const QDoubleSpinBox *from, double value);

private:
    using QObject::QObject;
    bool m_publishing = false;
};
} // namespace

QDoubleSpinBox *AnalysisControls::thresholdSpinBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0.1, 100);
    box->setDecimals(1);
    box->setSuffix(tr(" %"));
    box->setValue(QSettings().value(QLatin1String(ThresholdKey), 50.0).toDouble());
    ThresholdNotifier *notifier = ThresholdNotifier::instance();
    QObject::connect(box, &QDoubleSpinBox::valueChanged, notifier,
                     [box, notifier](double value) { notifier->publish(box, value); });
    QObject::connect(notifier, &ThresholdNotifier::changed, box, [box](const QDoubleSpinBox *from, double value) {
        if (from != box) {
            box->setValue(value); // emits valueChanged for the box's dock; publish() ignores it
        }
    });
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

#include "analysiscontrols.moc"

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace Casegraph::Models {
class CaseFile;
class UnsupportedFactsModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// Analysis → Unsupported Facts: every relationship and dated value without a supporting
/// passage, and every claim supported only by sources graded below a threshold (chosen here,
/// stored in the case). Double-click or Enter opens the entity.
class UnsupportedFactsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnsupportedFactsDock)
public:
    explicit UnsupportedFactsDock(QWidget *parent = nullptr);
    ~UnsupportedFactsDock() override;

    void setCase(Models::CaseFile *caseFile);
    Models::UnsupportedFactsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *thresholdBox() const { return m_threshold; }
    QLabel *summary() const { return m_summary; }

Q_SIGNALS:
    void entityActivated(qint64 rowId);

private:
    void fillThresholds();
    void updateSummary();

    Models::CaseFile *m_case = nullptr;
    Models::UnsupportedFactsModel *m_model = nullptr;
    QComboBox *m_threshold = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    bool m_filling = false;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/exportjob.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

/// What to export: the format, the output (a file, or a folder for CSV), and the scope.
struct ExportRequest {
    QString path;
    Models::ExportOptions options; ///< format and, for selected entities, the selection
    QString chart;                 ///< the chart to export (its visible nodes), resolved on the worker
    qint64 expected = 0;           ///< entities selected, for the progress bar (0: unknown)
};

/// File → Export…: FtM JSON lines, CSV (one file per schema), GEXF or GraphML, of the whole
/// case, a chart, or the entities selected in the Entities dock.
class ExportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)
public:
    /// `selected`: entity row ids selected in the Entities dock (may be empty).
    ExportDialog(const Models::CaseFile &caseFile, const QList<qint64> &selected, QWidget *parent = nullptr);

    ExportRequest request() const;

    QComboBox *formatCombo() const { return m_format; }
    QRadioButton *caseScope() const { return m_caseScope; }
    QRadioButton *chartScope() const { return m_chartScope; }
    QComboBox *chartCombo() const { return m_chart; }
    QRadioButton *selectionScope() const { return m_selectionScope; }
    QLineEdit *pathEdit() const { return m_path; }
    QPushButton *exportButton() const { return m_export; }

private:
    /// Accepts, after asking whether to replace an existing file (or fill a non-empty folder).
    void confirmAndAccept();
    void choosePath();
    void updateState();
    /// Keeps the path's extension in step with the format (a folder for CSV).
    void adaptPath();
    const Models::ExportFormat *currentFormat() const;

    QList<qint64> m_selected;
    qint64 m_caseCount = 0;
    QComboBox *m_format = nullptr;
    QRadioButton *m_caseScope = nullptr;
    QRadioButton *m_chartScope = nullptr;
    QComboBox *m_chart = nullptr;
    QRadioButton *m_selectionScope = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_pathLabel = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace Casegraph::Ui

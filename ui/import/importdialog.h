// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/importjob.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace Casegraph::Ui {

/// One file to import, with its options and, for a lenient import, where the report goes.
struct ImportRequest {
    QString path;
    Models::ImportOptions options;
    QString reportPath;
};

/// File → Import…: the files (or those dropped on the window), their format (detected per file
/// unless chosen), a column mapping for CSV, and strict or lenient mode with the report path.
class ImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)
public:
    /// exec() returns this when the user asked for the CSV mapping wizard instead.
    static constexpr int WizardRequested = 2;

    ImportDialog(const QString &casePath, QWidget *parent = nullptr);

    void addFiles(const QStringList &paths);
    QStringList files() const;
    /// The chosen format name, or empty for "detect".
    QString format() const;
    void setFormat(const QString &name);
    void setMappingPath(const QString &path);
    void setLenient(bool lenient);
    void setReportPath(const QString &path);
    /// What to import, one request per file.
    QList<ImportRequest> requests() const;

    QListWidget *fileList() const { return m_files; }
    QComboBox *formatCombo() const { return m_format; }
    QCheckBox *lenientCheck() const { return m_lenient; }
    QLineEdit *mappingEdit() const { return m_mapping; }
    QLineEdit *reportEdit() const { return m_report; }
    QPushButton *importButton() const { return m_import; }
    /// Says that sanctions lists imported here become case entities, not lists to screen against.
    QLabel *listNote() const { return m_listNote; }

private:
    void chooseFiles();
    void removeFiles();
    void chooseMapping();
    void chooseReport();
    void updateState();
    /// The format a file will be read as: the chosen one, else the detected one (empty if none).
    QString formatOf(const QString &path) const;

    QString m_casePath;
    QListWidget *m_files = nullptr;
    QPushButton *m_remove = nullptr;
    QComboBox *m_format = nullptr;
    QWidget *m_mappingRow = nullptr;
    QLabel *m_mappingLabel = nullptr;
    QLineEdit *m_mapping = nullptr;
    QCheckBox *m_lenient = nullptr;
    QLineEdit *m_report = nullptr;
    QPushButton *m_reportBrowse = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_listNote = nullptr; ///< a sanctions list among the files: how to screen against it
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_import = nullptr;
};

/// The file-dialog filter of every import format ("FollowTheMoney (*.json *.jsonl);;…").
QString importFileFilter();

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/csvmapping.h"
#include "io/csvpreview.h"

#include <QWizard>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Casegraph::Ui {

class EntityMappingEditor;

/// Import CSV with Mapping…: turns a table into entities and relationships, step by step.
///  1. reading: encoding, delimiter, quote, header, rows to skip, with a live preview of the
///     first rows, re-read whenever a setting changes (what is detected is shown);
///  2. the entity each row gives: its schema (fixed or per row from a column), its id, and a
///     property for each column;
///  3. optionally a second entity and a relationship between the two (e.g. owner, company and
///     share → Company, Company, Ownership with percentage ← share);
///  4. a summary with the mapping as JSON, Save Mapping… (the file `casegraph-cli import
///     --mapping` reads) and strict or lenient mode. Finish imports.
/// The mapping is a Models::CsvMapping, the one format of docs/import-mapping.md.
class CsvMappingWizard final : public QWizard {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvMappingWizard)
public:
    enum PageId { ReadingPage, EntityPage, RelationshipPage, SummaryPage };

    explicit CsvMappingWizard(const QString &csvPath, QWidget *parent = nullptr);
    ~CsvMappingWizard() override;

    QString csvPath() const { return m_path; }
    /// The mapping as the pages describe it now.
    Models::CsvMapping mapping() const;
    /// Writes mapping() as JSON; remembered as savedMappingPath().
    Models::Status saveMapping(const QString &path);
    QString savedMappingPath() const { return m_savedPath; }
    bool isLenient() const;
    /// The preview as last read (page 1).
    const Models::CsvPreview &preview() const { return m_preview; }

    // The controls, for keyboard-free tests.
    QComboBox *encodingCombo() const { return m_encoding; }
    QComboBox *delimiterCombo() const { return m_delimiter; }
    QComboBox *quoteCombo() const { return m_quote; }
    QCheckBox *headerCheck() const { return m_header; }
    QSpinBox *skipRowsSpin() const { return m_skipRows; }
    QTableWidget *previewTable() const { return m_previewTable; }
    QLabel *detectedLabel() const { return m_detected; }
    EntityMappingEditor *firstEntity() const { return m_first; }
    QGroupBox *secondGroup() const { return m_secondGroup; }
    EntityMappingEditor *secondEntity() const { return m_second; }
    EntityMappingEditor *relationship() const { return m_relationship; }
    QPlainTextEdit *jsonView() const { return m_json; }
    QLabel *checkLabel() const { return m_check; }
    QCheckBox *lenientCheck() const { return m_lenient; }
    QPushButton *saveButton() const { return m_save; }

private:
    QWizardPage *makeReadingPage();
    QWizardPage *makeEntityPage();
    QWizardPage *makeRelationshipPage();
    QWizardPage *makeSummaryPage();
    /// Re-reads the preview with the settings of page 1.
    void reread();
    void updateSummary();
    void chooseSavePath();
    /// Encoding, delimiter, quote, header, skipRows from page 1 (no entities).
    Models::CsvMapping readingSettings() const;

    QString m_path;
    QString m_savedPath;
    Models::CsvPreview m_preview;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_quote = nullptr;
    QCheckBox *m_header = nullptr;
    bool m_headerChosen = false; ///< the user set the header box: stop guessing it from the rows
    QSpinBox *m_skipRows = nullptr;
    QLabel *m_detected = nullptr;
    QTableWidget *m_previewTable = nullptr;
    EntityMappingEditor *m_first = nullptr;
    QGroupBox *m_secondGroup = nullptr;
    EntityMappingEditor *m_second = nullptr;
    EntityMappingEditor *m_relationship = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_check = nullptr;
    QCheckBox *m_lenient = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/evidenceeditor.h"
#include "core/grading.h"

#include <QDialog>
#include <QWidget>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

class EntityPicker;

/// The grading of one passage and its claim: stance, source reliability, information
/// credibility (both in the case's scheme, or ungraded) and the claim's status.
class GradingFields final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradingFields)
public:
    explicit GradingFields(const Models::GradingScheme &scheme, QWidget *parent = nullptr);

    void setValues(Models::Excerpt::Stance stance, const QString &reliability, const QString &credibility,
                   const QString &status);
    Models::Excerpt::Stance stance() const;
    QString reliability() const;
    QString credibility() const;
    QString status() const;
    QComboBox *reliabilityBox() const { return m_reliability; }
    QComboBox *credibilityBox() const { return m_credibility; }
    QComboBox *stanceBox() const { return m_stance; }
    QComboBox *statusBox() const { return m_status; }

private:
    QComboBox *m_stance = nullptr;
    QComboBox *m_reliability = nullptr;
    QComboBox *m_credibility = nullptr;
    QComboBox *m_status = nullptr;
};

/// "Attach as Excerpt": the selected passage, the entity (or relationship) it is about and
/// optionally which of its values, with grading. In "new entity" mode it instead names a new
/// entity after the selection ("Create Entity from Selection"). The edit is made on accept,
/// through EvidenceEditor, so it can be undone.
class AttachExcerptDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttachExcerptDialog)
public:
    enum class Mode { ExistingEntity, NewEntity };
    AttachExcerptDialog(Models::CaseEditor &editor, const Models::ExcerptAttachment &passage, Mode mode,
                        QWidget *parent = nullptr);

    /// Preselects the entity (and the value, when given) the passage is about.
    void setEntity(qint64 rowId, const QString &property = {}, const QString &value = {});
    EntityPicker *picker() const { return m_picker; }
    QComboBox *valueBox() const { return m_value; }
    QComboBox *schemaBox() const { return m_schema; }
    QLineEdit *nameEdit() const { return m_name; }
    GradingFields *grading() const { return m_grading; }
    /// The passage as it will be (or was) attached.
    Models::ExcerptAttachment attachment() const;
    /// After accept: the excerpt id (ExistingEntity) or the new entity's row id (NewEntity).
    qint64 resultId() const { return m_resultId; }
    /// After accept: the entity or relationship the passage was attached to.
    qint64 resultEntity() const { return m_resultEntity; }

    void accept() override;

private:
    void fillValues();
    void updateClaim();
    void updateOk();

    Models::CaseEditor &m_editor;
    Models::ExcerptAttachment m_passage;
    Mode m_mode;
    EntityPicker *m_picker = nullptr;
    QComboBox *m_schema = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_value = nullptr;
    QLabel *m_claimNote = nullptr;
    GradingFields *m_grading = nullptr;
    QLineEdit *m_comment = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    qint64 m_resultId = 0;
    qint64 m_resultEntity = 0;
};

/// Grades an existing passage and its claim.
class GradePassageDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradePassageDialog)
public:
    GradePassageDialog(Models::CaseEditor &editor, qint64 excerptId, QWidget *parent = nullptr);
    GradingFields *grading() const { return m_grading; }
    void accept() override;

private:
    Models::CaseEditor &m_editor;
    qint64 m_excerptId = 0;
    GradingFields *m_grading = nullptr;
    QLabel *m_error = nullptr;
};

/// The case's grading scheme: a preset (Admiralty A–F / 1–6, i2 A–E / 1–5) and editable codes
/// and labels of both axes.
class GradingSchemeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GradingSchemeDialog)
public:
    explicit GradingSchemeDialog(Models::CaseEditor &editor, QWidget *parent = nullptr);
    Models::GradingScheme scheme() const;
    void setScheme(const Models::GradingScheme &scheme);
    QComboBox *presetBox() const { return m_preset; }
    void accept() override;

private:
    static void fill(QTableWidget *table, const QList<Models::GradeLevel> &levels);
    static QList<Models::GradeLevel> levels(const QTableWidget *table);

    Models::CaseEditor &m_editor;
    QComboBox *m_preset = nullptr;
    QTableWidget *m_reliability = nullptr;
    QTableWidget *m_credibility = nullptr;
    QLabel *m_error = nullptr;
    bool m_filling = false;
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotation.h"

#include <QDialog>
#include <QDockWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace Casegraph::Models {
class CaseEditor;
class CaseFile;
class LeadsModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// Writes or changes one lead: title, status, assignee initials, what it is about, and notes.
class LeadDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadDialog)
public:
    /// `current` is offered as what the lead is about (besides the case and nothing).
    LeadDialog(Models::CaseFile &caseFile, const Models::Lead &lead, const Models::Target &current,
               QWidget *parent = nullptr);
    ~LeadDialog() override;
    Models::Lead lead() const;
    QLineEdit *titleField() const { return m_title; }
    QLineEdit *assigneeField() const { return m_assignee; }

private:
    Models::Lead m_lead;
    QLineEdit *m_title = nullptr;
    QComboBox *m_status = nullptr;
    QLineEdit *m_assignee = nullptr;
    QComboBox *m_target = nullptr;
    QPlainTextEdit *m_body = nullptr;
};

/// The Leads dock: the investigation's to-do, open questions with status and assignee. Add,
/// edit, close (mark done) and delete are undoable; double-click or Enter goes to what a lead
/// is about.
class LeadsDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeadsDock)
public:
    explicit LeadsDock(QWidget *parent = nullptr);
    ~LeadsDock() override;

    void setCase(Models::CaseFile *caseFile, Models::CaseEditor *editor);
    /// What "Add Lead" offers as the lead's subject (the Inspector's entity).
    void setCurrentTarget(const Models::Target &target) { m_current = target; }
    Models::LeadsModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QComboBox *filter() const { return m_filter; }
    /// Selects the lead (showing all leads when it is closed).
    void selectLead(qint64 leadId);
    /// Adds a lead without a dialog (tests, scripted use); returns its id or 0.
    qint64 addLead(const Models::Lead &lead);

Q_SIGNALS:
    /// Go to what a lead is about.
    void targetActivated(const Models::Target &target);

private:
    void add();
    void edit();
    void closeLead();
    void remove();
    void activate(const QModelIndex &index);
    qint64 currentLeadId() const;
    void updateActions();
    void updateCount();

    Models::CaseFile *m_case = nullptr;
    Models::CaseEditor *m_editor = nullptr;
    Models::LeadsModel *m_model = nullptr;
    Models::Target m_current;
    QComboBox *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_count = nullptr;
    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_close = nullptr;
    QAction *m_delete = nullptr;
};

} // namespace Casegraph::Ui

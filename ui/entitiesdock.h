// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Casegraph::Models {
class CaseFile;
class EntityTableModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// The Entities dock: every entity of the case in caption order, with a schema filter and an
/// instant name search. The table reads pages lazily, so it scrolls through a million rows.
class EntitiesDock final : public QDockWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntitiesDock)
public:
    explicit EntitiesDock(QWidget *parent = nullptr);
    ~EntitiesDock() override;

    /// Shows this case (nullptr: none). The dock does not own it.
    void setCase(Models::CaseFile *caseFile);
    Models::EntityTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *schemaFilter() const { return m_schemaFilter; }

    /// Makes `row` current; entityActivated() follows once its page has loaded.
    void selectRow(int row);
    /// Makes the entity current if its row is loaded; true if it was found.
    bool selectEntity(qint64 rowId);
    void focusSearch();
    /// Row ids of the selected entities whose rows are loaded (for File → Export…).
    QList<qint64> selectedRowIds() const;
    /// Shows only entities that carry this tag (0: all).
    void setTagFilter(qint64 tagId);
    qint64 tagFilter() const { return m_tagId; }
    /// Adds a widget (such as a tag filter) to the row of filters above the table.
    void addFilterWidget(QWidget *widget);

Q_SIGNALS:
    /// The current row changed to this entity.
    void entityActivated(qint64 rowId);

private:
    void applyFilter();
    void updateSchemaFilter();
    void updateCountLabel();
    void onCurrentChanged();
    void onDataChanged();

    Models::CaseFile *m_case = nullptr;
    Models::EntityTableModel *m_model = nullptr;
    QComboBox *m_schemaFilter = nullptr;
    QHBoxLayout *m_filterRow = nullptr;
    qint64 m_tagId = 0;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    int m_pendingRow = -1;    ///< current row whose page is still loading
    qint64 m_activeRowId = 0; ///< last entity reported by entityActivated()
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/entitystore.h"

#include <QStringList>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Casegraph::Models {
class CaseFile;
class EntityTableModel;
} // namespace Casegraph::Models

namespace Casegraph::Ui {

/// Chooses one entity of the case: a search field over a list of matching entities (names and
/// aliases, as in the Entities dock), for the ends of a relationship and entity-typed values.
class EntityPicker final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPicker)
public:
    explicit EntityPicker(Models::CaseFile &caseFile, QWidget *parent = nullptr);
    ~EntityPicker() override;

    std::optional<Models::EntityRow> selected() const { return m_selected; }
    void setSelected(const Models::EntityRow &row);
    /// Offers only entities of these schemata (empty: all).
    void setSchemata(const QStringList &schemata);
    /// Offers only entities that can stand where FtM's range allows: `range` and the schemata
    /// that extend it (an Ownership's owner: LegalEntity, Company, Person …; empty: all).
    void setRange(const QString &range);
    QString range() const { return m_range; }
    /// Whether the chosen entity (if any, of a known schema) is of the range: one chosen before
    /// the range changed may not be.
    bool selectionFitsRange() const;
    QLineEdit *searchField() const { return m_search; }
    /// The matching entities, one name a row (a one-column table).
    QTableView *list() const { return m_list; }
    /// The entities on offer; its summary (counts per schema, from a worker) serves the Paths dock too.
    Models::EntityTableModel *model() const { return m_model; }

Q_SIGNALS:
    void selectionChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onCurrentChanged();
    void applyFilter();
    void updateLabel();

    Models::EntityTableModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_label = nullptr;
    QTimer *m_timer = nullptr;
    std::optional<Models::EntityRow> m_selected;
    QStringList m_schemata;
    QString m_range;
    bool m_quiet = false; ///< the list's current row moves without choosing (focus arriving)
};

} // namespace Casegraph::Ui

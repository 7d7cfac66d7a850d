// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemView>

class QTableView;

namespace Casegraph::Ui {

/// A read-only table of whole-row records as the docks show them (entities, sources, leads,
/// unsupported facts): rows selected whole, alternating colours, no grid, no word wrap, no row
/// numbers, headers aligned left.
QTableView *makeListTable(QWidget *parent, const QString &accessibleName,
                          QAbstractItemView::SelectionMode mode = QAbstractItemView::SingleSelection);

} // namespace Casegraph::Ui

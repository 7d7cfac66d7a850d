// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QString>

namespace Casegraph::Models {
class CaseFile;
}

namespace Casegraph::Ui {

class ChartData;

/// Writes a chart to PNG, SVG or PDF (by the file's suffix) at publication quality: the whole
/// chart at full detail whatever its size, icons and text as vectors in SVG and PDF, a legend of
/// the line styles underneath. Draws through ChartPainter (the on-screen routine) on a one-item
/// QGraphicsScene handed to SceneExporter. Needs a QApplication (the CLI's render command makes one).
class ChartExport {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::ChartExport)
public:
    /// Draws `data` as shown, without the view's selection (selected nodes and lines are drawn plain).
    static Models::Status write(const ChartData &data, const QString &path, const QString &title = {});
    /// Loads the chart called `chartName` and writes it. `highlightFrom`/`highlightTo` (FtM ids,
    /// optional) mark the shortest path between two of its entities.
    static Models::Status write(const Models::CaseFile &caseFile, const QString &chartName, const QString &path,
                                const QString &highlightFrom = {}, const QString &highlightTo = {});
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "timelinerenderer.h"

#include <QCoreApplication>
#include <QSizeF>

#include <memory>

namespace Casegraph::Ui {

/// Writes a timeline to PNG, SVG or PDF (by the file's suffix) through SceneExporter, painted by
/// the same TimelineRenderer as the view, in print mode: nothing scrolls, every lane and every
/// undated fact is on the page. Text stays text in SVG and PDF.
class TimelineExporter {
    Q_DECLARE_TR_FUNCTIONS(Casegraph::Ui::TimelineExporter)
public:
    struct Options {
        QSizeF size{1600, 900};
        /// Make the page taller when the lanes need it (else they are cut at the bottom).
        bool growToFit = true;
        /// Pixels per unit for PNG (2 for print; 1 gives exactly `size`).
        qreal pngScale = 1.0;
    };
    /// `state` gives the window (fromMs == toMs: fit to the data), lanes, toggles and selection.
    static Models::Status exportTimeline(std::shared_ptr<const Models::TimelineModel> model,
                                         const TimelineViewState &state, const QString &path, const Options &options);
    static Models::Status exportTimeline(std::shared_ptr<const Models::TimelineModel> model,
                                         const TimelineViewState &state, const QString &path)
    {
        return exportTimeline(std::move(model), state, path, Options{});
    }
};

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/grading.h"

#include <QPen>

namespace Casegraph::Ui {

/// The pen that says how well a fact is sourced: solid when corroborated by two or more
/// sources, dashed for a single source, dotted when no passage supports it. Chart edges and
/// timeline outlines both draw with it, so the two views speak one language.
QPen supportPen(Models::SupportLevel level, const QColor &color, qreal width);

/// A legend row: the line sample from `from` to `to` in the level's pen.
void paintSupportSample(QPainter &painter, Models::SupportLevel level, const QColor &color, QPointF from, QPointF to);

} // namespace Casegraph::Ui

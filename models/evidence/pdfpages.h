// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>

#include <memory>

namespace Casegraph::Models {

/// The pages of a preserved PDF as images, for the Source viewer's "Original" tab. Rendering
/// goes through poppler-qt6 from the stored bytes; nothing is fetched. One page at a time, so
/// that a viewer can render them as they scroll into view or one per event-loop turn.
class PdfPages {
public:
    explicit PdfPages(const QByteArray &bytes);
    ~PdfPages();
    PdfPages(const PdfPages &) = delete;
    PdfPages &operator=(const PdfPages &) = delete;

    bool isValid() const;
    int count() const;
    /// Page `index` (0-based) at `dpi`, or a null image when it cannot be rendered.
    QImage render(int index, double dpi) const;

private:
    struct Doc;
    std::unique_ptr<Doc> d;
};

} // namespace Casegraph::Models

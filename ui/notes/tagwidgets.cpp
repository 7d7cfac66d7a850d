// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tagwidgets.h"

#include "commands/annotationeditor.h"
#include "commands/caseeditor.h"
#include "storage/casefile.h"
#include "storage/tagstore.h"

#include <QColorDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

QIcon tagIcon(const QString &colour) {
    QPixmap pixmap(14, 14);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(colour).darker(140));
    p.setBrush(QColor(colour));
    p.drawRoundedRect(QRectF(1.5, 1.5, 11, 11), 3, 3);
    return QIcon(pixmap);
}

// ---------------------------------------------------------------- TagMenu

TagMenu::TagMenu(CaseEditor &editor, const Target &target, QWidget *parent)
    : QMenu(tr("&Tags"), parent), m_editor(editor), m_target(target) {
    rebuild();
}

TagMenu::~TagMenu() = default;

void TagMenu::rebuild() {
    clear();
    auto &store = m_editor.caseFile().tags();
    const auto tags = store.tags();
    const auto carried = store.tagsOf(m_target);
    const bool writable = !m_editor.caseFile().isReadOnly();
    for (const auto &tag : tags) {
        QAction *a = addAction(tagIcon(tag.colour), tag.name);
        a->setCheckable(true);
        a->setEnabled(writable);
        a->setChecked(std::any_of(carried.cbegin(), carried.cend(), [&](const Tag &t) { return t.id == tag.id; }));
        connect(a, &QAction::toggled, this, [this, id = tag.id](bool on) {
            AnnotationEditor ed(m_editor);
            const auto st = on ? ed.assignTag(id, m_target) : ed.unassignTag(id, m_target);
            if (!st) {
                Q_EMIT errorOccurred(st.error().toString());
            }
        });
    }
    if (!tags.isEmpty()) {
        addSeparator();
    }
    QAction *create = addAction(tr("&New Tag…"), this, &TagMenu::newTag);
    create->setEnabled(writable);
    if (!tags.isEmpty()) {
        QMenu *colours = addMenu(tr("Tag &Colour"));
        colours->setEnabled(writable);
        for (const auto &tag : tags) {
            colours->addAction(tagIcon(tag.colour), tr("%1…").arg(tag.name), this, [this, tag] {
                const QColor c = QColorDialog::getColor(QColor(tag.colour), parentWidget(),
                                                        tr("Colour of “%1”").arg(tag.name));
                if (c.isValid()) {
                    if (auto st = AnnotationEditor(m_editor).recolourTag(tag.id, c.name()); !st) {
                        Q_EMIT errorOccurred(st.error().toString());
                    }
                }
            });
        }
    }
}

void TagMenu::newTag() {
    NewTagDialog dialog(TagStore::defaultColour(int(m_editor.caseFile().tags().tags().size())), parentWidget());
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    AnnotationEditor ed(m_editor);
    const auto id = ed.createTag(dialog.name(), dialog.colour());
    if (!id) {
        Q_EMIT errorOccurred(id.error().toString());
        return;
    }
    if (auto st = ed.assignTag(*id, m_target); !st) {
        Q_EMIT errorOccurred(st.error().toString());
    }
}

// ---------------------------------------------------------------- NewTagDialog

NewTagDialog::NewTagDialog(const QString &colour, QWidget *parent) : QDialog(parent), m_colour(colour) {
    setWindowTitle(tr("New Tag"));
    auto *form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(tr("e.g. to verify, state-linked, sanctioned"));
    // Wide enough for its examples: the dialog's own size cut them to "e.g. to verify, stat…".
    m_name->setMinimumWidth(m_name->fontMetrics().horizontalAdvance(m_name->placeholderText()) +
                            m_name->fontMetrics().averageCharWidth() * 4);
    m_colourButton = new QPushButton(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Colour:"), m_colourButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_colourButton, &QPushButton::clicked, this, &NewTagDialog::chooseColour);
    connect(m_name, &QLineEdit::textChanged, this, [buttons, this] {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!name().isEmpty());
    });
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    updateButton();
}

NewTagDialog::~NewTagDialog() = default;

QString NewTagDialog::name() const {
    return m_name->text().trimmed();
}

void NewTagDialog::chooseColour() {
    const QColor c = QColorDialog::getColor(QColor(m_colour), this, tr("Tag Colour"));
    if (c.isValid()) {
        m_colour = c.name();
        updateButton();
    }
}

void NewTagDialog::updateButton() {
    m_colourButton->setIcon(tagIcon(m_colour));
    m_colourButton->setText(m_colour);
}

// ---------------------------------------------------------------- TagChips

TagChips::TagChips(QWidget *parent) : QLabel(parent) {
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setAccessibleName(tr("Tags"));
    hide();
}

TagChips::~TagChips() = default;

void TagChips::setCase(CaseFile *caseFile) {
    if (m_case) {
        disconnect(m_case, nullptr, this, nullptr);
    }
    m_case = caseFile;
    m_target = {};
    if (caseFile) {
        connect(caseFile, &CaseFile::tagsChanged, this, &TagChips::refresh);
    }
    refresh();
}

void TagChips::setTarget(const Target &target) {
    m_target = target;
    refresh();
}

void TagChips::refresh() {
    m_names.clear();
    const auto tags = m_case && m_target.isValid() ? m_case->tags().tagsOf(m_target) : QList<Tag>();
    QStringList chips;
    for (const auto &tag : tags) {
        m_names << tag.name;
        const QColor bg(tag.colour);
        const QString fg = bg.lightnessF() > 0.55 ? QStringLiteral("#1d1f21") : QStringLiteral("#ffffff");
        chips << QStringLiteral("<span style='background-color:%1; color:%2;'>&nbsp;%3&nbsp;</span>")
                     .arg(bg.name(), fg, tag.name.toHtmlEscaped());
    }
    setText(chips.join(QStringLiteral("&nbsp; ")));
    setToolTip(tags.isEmpty() ? QString() : tr("Tags: %1 (right-click an entity to change them)").arg(m_names.join(QStringLiteral(", "))));
    setVisible(!tags.isEmpty());
}

} // namespace Casegraph::Ui

// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectordock.h"
#include "addvaluedialog.h"

#include "commands/caseeditor.h"
#include "core/schema.h"
#include "itemmodels/itemdatarole.h"
#include "itemmodels/propertiesmodel.h"
#include "itemmodels/schemaicons.h"
#include "storage/casefile.h"
#include "storage/evidencestore.h"

#include <QAction>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Casegraph::Ui {

using namespace Casegraph::Models;
using Kind = PropertiesModel::NodeKind;

namespace {
constexpr int ErrorShownMs = 12000;
}

InspectorDock::InspectorDock(QWidget *parent) : QDockWidget(tr("Inspector"), parent) {
    setObjectName(QStringLiteral("InspectorDock"));
    toggleViewAction()->setText(tr("&Inspector")); // dock titles show no mnemonics; the View menu does
    m_stack = new QStackedWidget(this);

    m_placeholder = new QLabel(tr("Select an entity to see its properties, where each value came from, "
                                  "and the passages that support it."),
                               m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_placeholder->setEnabled(false);
    m_stack->addWidget(m_placeholder);

    auto *page = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    auto *header = new QGridLayout;
    header->setHorizontalSpacing(10);
    header->setVerticalSpacing(0);
    m_icon = new QLabel(page);
    m_icon->setFixedSize(36, 36);
    m_caption = new QLabel(page);
    QFont big = m_caption->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_caption->setFont(big);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta = new QLabel(page);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true);
    QPalette muted = m_meta->palette();
    muted.setColor(QPalette::WindowText, QColor(0x5f, 0x63, 0x68));
    m_meta->setPalette(muted);
    header->addWidget(m_icon, 0, 0, 2, 1, Qt::AlignTop);
    header->addWidget(m_caption, 0, 1);
    header->addWidget(m_meta, 1, 1);
    header->setColumnStretch(1, 1);
    layout->addLayout(header);
    m_pageLayout = layout;

    m_toolBar = new QToolBar(page);
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout->addWidget(m_toolBar);

    m_error = new QLabel(page);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { background: #fbe3e3; color: #8a1f1f; border: 1px solid #e3a5a5;"
                                          " border-radius: 3px; padding: 4px 6px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_view = new QTreeView(page);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    m_view->setIndentation(m_view->fontMetrics().height());
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_view->setExpandsOnDoubleClick(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setAccessibleName(tr("Properties"));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->viewport()->installEventFilter(this);
    // A short dock (a bottom dock open on a laptop screen) takes its height from the tree, down
    // to four lines, not from the name and the line under it: squeezed, a wrapped label is cut
    // half-way through a line.
    m_view->setMinimumHeight(m_view->fontMetrics().height() * 4);
    m_caption->installEventFilter(this);
    m_meta->installEventFilter(this);
    connect(m_view->header(), &QHeaderView::sectionResized, this, [this](int section) {
        if (!m_fittingColumns && section != PropertiesModel::ValueColumn) {
            m_userColumns = true;
        }
    });
    layout->addWidget(m_view, 1);
    m_stack->addWidget(page);
    setWidget(m_stack);
    setFocusProxy(m_view);

    m_addValue = new QAction(SchemaIcons::named(QStringLiteral("add-value")), tr("&Add Value…"), this);
    m_addValue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_addValue->setToolTip(tr("Add a value to one of the entity's properties (Ctrl+Shift+A)"));
    m_editValue = new QAction(SchemaIcons::named(QStringLiteral("edit")), tr("&Change Value"), this);
    m_editValue->setShortcut(QKeySequence(Qt::Key_F2));
    m_editValue->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_editValue->setToolTip(tr("Change the selected value (F2 or double-click)"));
    m_removeValue = new QAction(SchemaIcons::named(QStringLiteral("remove")), tr("&Remove Value"), this);
    m_removeValue->setShortcut(QKeySequence::Delete);
    m_removeValue->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeValue->setToolTip(tr("Remove the selected value (Del)"));
    // F2 and Del act on the tree only: elsewhere Del deletes the selected entity.
    m_view->addAction(m_editValue);
    m_view->addAction(m_removeValue);
    m_toolBar->addAction(m_addValue);
    m_toolBar->addAction(m_editValue);
    m_toolBar->addAction(m_removeValue);
    // Change and Remove as icons (named with their shortcuts in the tool tips), so that the bar
    // keeps every action on it at a laptop's dock width instead of an overflow menu.
    for (QAction *action : {m_editValue, m_removeValue}) {
        action->setPriority(QAction::LowPriority);
    }

    m_errorTimer = new QTimer(this);
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(ErrorShownMs);
    connect(m_errorTimer, &QTimer::timeout, this, &InspectorDock::clearError);
    connect(m_addValue, &QAction::triggered, this, &InspectorDock::addValue);
    connect(m_editValue, &QAction::triggered, this, &InspectorDock::editValue);
    connect(m_removeValue, &QAction::triggered, this, &InspectorDock::removeValue);
    connect(m_view, &QTreeView::doubleClicked, this, &InspectorDock::activate);
    // Enter opens references and passages, like a double-click; editable values use F2.
    connect(m_view, &QTreeView::activated, this, &InspectorDock::activate);
    setCase(nullptr, nullptr);
}

InspectorDock::~InspectorDock() = default;

void InspectorDock::setCase(CaseFile *caseFile, CaseEditor *editor) {
    m_view->setModel(nullptr);
    delete m_model;
    m_model = nullptr;
    m_case = caseFile;
    m_editor = editor;
    clearError();
    if (caseFile) {
        m_model = new PropertiesModel(*caseFile, this);
        m_model->setEditor(editor);
        m_view->setModel(m_model);
        auto *header = m_view->header();
        header->setSectionResizeMode(PropertiesModel::PropertyColumn, QHeaderView::Interactive);
        header->setSectionResizeMode(PropertiesModel::ValueColumn, QHeaderView::Stretch);
        header->setSectionResizeMode(PropertiesModel::SourceColumn, QHeaderView::Interactive);
        fitColumns();
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &InspectorDock::rememberCurrent);
        connect(m_model, &PropertiesModel::entityLoaded, this, [this] {
            updateHeader();
            restoreCurrent();
        });
        connect(m_model, &PropertiesModel::editFailed, this, &InspectorDock::showError);
        connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &InspectorDock::updateActions);
    }
    updateHeader();
}

bool InspectorDock::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_view->viewport() && event->type() == QEvent::Resize) {
        fitColumns();
    } else if ((watched == m_caption || watched == m_meta) && event->type() == QEvent::Resize) {
        keepWholeLines(static_cast<QLabel *>(watched));
    }
    return QDockWidget::eventFilter(watched, event);
}

void InspectorDock::keepWholeLines(QLabel *label) {
    const int height = label->text().isEmpty() ? 0 : label->heightForWidth(label->width());
    if (label->minimumHeight() != height) {
        label->setMinimumHeight(height);
    }
}

void InspectorDock::fitColumns() {
    if (!m_model || m_userColumns) {
        return;
    }
    // Fixed widths of 16 and 24 em left the value, what the user reads, a sliver in a dock under
    // 500 px: now the property and the source take about a quarter and a third each, within a
    // readable range, and the value (stretched) the rest.
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int width = m_view->viewport()->width();
    m_fittingColumns = true;
    m_view->header()->resizeSection(PropertiesModel::PropertyColumn, std::clamp(width * 27 / 100, em * 7, em * 16));
    m_view->header()->resizeSection(PropertiesModel::SourceColumn, std::clamp(width * 30 / 100, em * 7, em * 24));
    m_fittingColumns = false;
}

void InspectorDock::setEntity(qint64 rowId) {
    if (!m_model) {
        return;
    }
    clearError();
    m_currentValueId = 0;
    m_currentSectionRow = -1;
    m_currentRow = -1;
    m_model->setEntity(rowId);
    m_view->scrollToTop();
}

qint64 InspectorDock::entityRowId() const {
    return m_model ? m_model->entityRowId() : 0;
}

QString InspectorDock::metaText() const {
    return m_meta->text();
}

void InspectorDock::updateHeader() {
    const bool shown = m_model && m_model->entity();
    m_stack->setCurrentIndex(shown ? 1 : 0);
    if (m_model && m_model->entityRowId() && !m_model->entity()) {
        m_placeholder->setText(tr("This entity was deleted. Undo (Ctrl+Z) brings it back."));
    } else {
        m_placeholder->setText(m_case ? tr("Select an entity to see its properties, where each value came from, "
                                           "and the passages that support it.")
                                      : tr("Open a case (Ctrl+O) or create one (Ctrl+N)."));
    }
    if (shown) {
        const Entity &e = *m_model->entity();
        const Schema *schema = SchemaRegistry::instance().schema(e.schema);
        m_icon->setPixmap(SchemaIcons::forSchema(e.schema).pixmap(QSize(32, 32)));
        m_caption->setText(e.caption);
        QStringList meta{schema ? schema->label : e.schema};
        if (schema && schema->isEdge()) { // a relationship says what it joins, in its direction
            const auto endName = [this, &e, schema](const QString &property) -> QString {
                const QString id = e.first(property);
                if (id.isEmpty()) {
                    const PropertySpec *spec = schema->property(property);
                    return tr("(no %1)").arg(spec ? spec->label.toLower() : property);
                }
                const auto row = m_case->entities().row(m_case->entities().rowIdOf(id));
                return row ? row->caption : id; // a dangling reference shows its id
            };
            meta << schema->endsText(endName(schema->edgeSource), endName(schema->edgeTarget));
        }
        meta << tr("id %1").arg(e.id);
        if (const auto source = m_case->evidence().sourceForEntity(e.rowId)) {
            meta << tr("source file %1").arg(source->fileName);
        }
        m_meta->setText(meta.join(QStringLiteral("  ·  ")));
        keepWholeLines(m_caption);
        keepWholeLines(m_meta);
        for (int i = 0; i < m_model->rowCount(); ++i) {
            m_view->setFirstColumnSpanned(i, {}, true);
        }
        m_view->expandAll();
    }
    updateActions();
}

void InspectorDock::updateActions() {
    const bool editable = m_editor && m_model && m_model->entity() && !m_case->isReadOnly();
    const QModelIndex current = m_view->currentIndex();
    const bool onValue = current.isValid() && current.data(ItemDataRole::NodeKindRole).toInt() == int(Kind::Value);
    m_addValue->setEnabled(editable);
    m_editValue->setEnabled(
        editable && onValue &&
        (m_model->flags(current.siblingAtColumn(PropertiesModel::ValueColumn)) & Qt::ItemIsEditable));
    m_removeValue->setEnabled(editable && onValue);
}

void InspectorDock::rememberCurrent() {
    const QModelIndex current = m_view->currentIndex();
    m_currentValueId = current.isValid() ? current.data(ItemDataRole::ValueIdRole).toLongLong() : 0;
    m_currentRow = current.isValid() ? current.row() : -1;
    m_currentSectionRow = current.isValid() && current.parent().isValid() ? current.parent().row() : -1;
}

void InspectorDock::restoreCurrent() {
    if (!m_model) {
        return;
    }
    // Keep the cursor on the same value, or at the same place when the value has gone.
    QModelIndex target = m_currentValueId ? m_model->indexOfValue(m_currentValueId) : QModelIndex();
    if (!target.isValid() && m_currentSectionRow >= 0 && m_currentSectionRow < m_model->rowCount()) {
        const QModelIndex section = m_model->index(m_currentSectionRow, 0);
        const int rows = m_model->rowCount(section);
        if (rows > 0) {
            target = m_model->index(qBound(0, m_currentRow, rows - 1), 0, section);
        }
    }
    if (target.isValid()) {
        m_view->setCurrentIndex(target);
        m_view->scrollTo(target);
    }
}

void InspectorDock::activate(const QModelIndex &index) {
    if (!index.isValid()) {
        return;
    }
    const auto kind = Kind(index.data(ItemDataRole::NodeKindRole).toInt());
    const qint64 target = index.data(ItemDataRole::EntityRowIdRole).toLongLong();
    if ((kind == Kind::Reference || kind == Kind::Value) && target) {
        Q_EMIT entityActivated(target);
    } else if (kind == Kind::Evidence) {
        const qint64 source = index.data(ItemDataRole::SourceIdRole).toLongLong();
        if (source) {
            Q_EMIT excerptActivated(source, index.data(ItemDataRole::ExcerptIdRole).toLongLong());
        }
    }
}

void InspectorDock::addValue() {
    if (!m_editor || !m_model || !m_model->entity()) {
        return;
    }
    clearError();
    AddValueDialog dialog(*m_editor, *m_model->entity(), this);
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid()) {
        dialog.setProperty(current.data(ItemDataRole::PropertyRole).toString());
    }
    if (dialog.exec() == QDialog::Accepted) {
        m_currentValueId = dialog.valueId();
        QTimer::singleShot(0, this, [this, id = dialog.valueId()] {
            if (const QModelIndex index = m_model ? m_model->indexOfValue(id) : QModelIndex(); index.isValid()) {
                m_view->setCurrentIndex(index);
                m_view->scrollTo(index);
            }
        });
    }
}

void InspectorDock::editValue() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        return;
    }
    clearError();
    m_view->edit(current.siblingAtColumn(PropertiesModel::ValueColumn));
}

void InspectorDock::removeValue() {
    const QModelIndex current = m_view->currentIndex();
    if (!m_editor || !current.isValid() || current.data(ItemDataRole::NodeKindRole).toInt() != int(Kind::Value)) {
        return;
    }
    clearError();
    const qint64 valueId = current.data(ItemDataRole::ValueIdRole).toLongLong();
    if (auto st = m_editor->removeValue(m_model->entityRowId(), valueId); !st) {
        showError(st.error().toString());
    }
}

void InspectorDock::addHeaderWidget(QWidget *widget) {
    m_pageLayout->insertWidget(m_pageLayout->indexOf(m_toolBar), widget);
}

void InspectorDock::showError(const QString &message) {
    m_error->setText(message);
    m_error->show();
    m_errorTimer->start();
}

void InspectorDock::clearError() {
    m_error->hide();
    m_error->clear();
}

} // namespace Casegraph::Ui

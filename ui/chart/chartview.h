// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "chartfilters.h"
#include "chartframe.h"
#include "chartmeasure.h"
#include "charttags.h"
#include "storage/casefile.h"
#include "storage/chartstore.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

#include <functional>
#include <vector>

class QAction;
class QMenu;
class QPushButton;
class QTimer;
class QUndoStack;

namespace Casegraph::Ui {

class ChartLoader;

/// The link-chart canvas: draws a ChartData with ChartPainter (level of detail, no item per
/// node), hit-tests through a NodeGrid, and turns the user's gestures into undoable
/// ChartNodesCommands on the case's undo stack.
///
/// Mouse: click selects (Ctrl toggles, Shift adds), dragging a node moves the selection, dragging
/// the background pans, Shift-dragging the background selects with a rubber band, the wheel zooms
/// at the pointer (trackpads: two fingers pan, pinch or Ctrl zooms), double-click expands a node.
/// Keys: + / − zoom, arrows pan, 0 fits, E expands, H hides, P pins, Del removes from the chart,
/// Ctrl+G groups, Ctrl+Shift+G collapses or expands a group, Ctrl+A selects all, Esc clears the
/// selection. Groups: see ChartGroups (the view's part is in chartviewgroups.cpp).
/// Thread affinity: the GUI thread (owns no CaseFile; uses the window's).
class ChartView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartView)
public:
    explicit ChartView(QWidget *parent = nullptr);
    ~ChartView() override;

    /// Shows a chart of this case (nullptr: none). Undoable edits go on `undoStack`.
    void setChart(Models::CaseFile *caseFile, QUndoStack *undoStack, qint64 chartId);
    qint64 chartId() const { return m_chartId; }
    Models::CaseFile *caseFile() const { return m_case; }
    const ChartData &data() const { return m_data; }
    /// Reads the chart again from the case (keeps the view and the selection). Charts of
    /// AsyncLoadNodes nodes or more load on a worker thread (ChartLoader): the view shows
    /// "Loading chart… N %" with a Cancel button, or keeps showing the previous data meanwhile.
    void reload();
    static constexpr qint64 AsyncLoadNodes = 5000;
    /// Whether a load runs on the worker.
    bool isLoading() const;
    /// Stops a load under way; the view offers to load again.
    void cancelLoading();
    /// What the last repaint did with the cached frame (tests, benchmark).
    ChartFrame::Kind lastFrameKind() const { return m_frame.lastKind(); }

    // View
    double scale() const { return m_scale; }
    /// Chart units → widget pixels.
    QTransform worldTransform() const;
    QRectF visibleRect() const;
    void fitToView();
    void zoomBy(double factor, QPointF widgetAnchor);
    void zoomBy(double factor) { zoomBy(factor, QPointF(width() / 2.0, height() / 2.0)); }
    void centreOn(qint32 node);
    /// Moves the view by whole widget pixels (drag, arrow keys); the next repaint scrolls the
    /// previous frame and draws only what came into view.
    void panBy(QPoint pixels);
    /// Selects and centres the next node whose label contains `text` (case-insensitive), after
    /// the current one; returns false when none matches.
    bool findNode(const QString &text);
    /// The time filter in force (while the time bar's slider is dragged: the one it previews).
    ChartTime chartTime() const { return m_chartTime; }
    TimeFilter timeFilter() const { return m_chartTime.filter(); }
    /// Filters by this time choice without saving it (a slider being dragged): no undo step, no
    /// write; setChartTime() ends the preview.
    void previewChartTime(const ChartTime &time);
    /// Sets the time filter. Saved with the chart as an undoable step (ChartFilters, "timeFilter");
    /// in a read-only case, or without an undo stack, kept in memory only.
    void setChartTime(const ChartTime &time);
    /// Hides the nodes and edges of these schemata; saved like the time filter ("hiddenSchemata",
    /// "hiddenRelationships"), one undo step for both lists.
    void setHiddenSchemata(QStringList nodeSchemata, QStringList edgeSchemata);
    QStringList hiddenNodeSchemata() const { return m_hiddenNodeSchemata; }
    QStringList hiddenEdgeSchemata() const { return m_hiddenEdgeSchemata; }
    /// Earliest and latest days named by the chart's relationships (for the slider), or invalid.
    std::pair<QDate, QDate> dateRange() const;

    // Selection
    std::vector<qint32> selection() const;
    QList<qint64> selectedRowIds() const;
    void setSelection(const std::vector<qint32> &nodes);
    /// Selects these entities' nodes (an entity in a collapsed group: the group's node) and marks
    /// the lines of those that are relationships drawn as lines (EdgeSelected).
    void selectRowIds(const QList<qint64> &rowIds);

    // Undoable edits
    /// Adds entities (by row id) not yet on the chart around `at` (chart units; default: the
    /// centre of the view). Relationship entities add their two ends instead.
    void addEntities(const QList<qint64> &rowIds, QPointF at = QPointF(qQNaN(), qQNaN()));
    /// Entities connected to a node in the case and not on the chart yet.
    QList<qint64> neighboursOf(qint32 node) const;
    /// Adds up to `limit` of a node's neighbours around it (limit < 0: all). Returns how many.
    int expandNode(qint32 node, int limit);
    /// Double-click and E: expands, asking first when the node has more than cap() neighbours.
    void expandInteractive(qint32 node);
    static constexpr int ExpandCap = 25;
    void hideSelection();
    void showAllHidden();
    void setSelectionPinned(bool pinned);
    void removeSelection();
    /// Puts the selected entities (and the members of selected group nodes) in `group`; empty:
    /// takes them out of their group.
    void groupSelection(const QString &group);
    /// Takes every member of the selection's groups out of its group, as one undoable step.
    void ungroupSelection();
    /// Collapses a group into one node, or expands it again (undoable).
    void setGroupCollapsed(const QString &group, bool collapsed);
    /// Ctrl+Shift+G: expands the selected group nodes, else collapses the selected entities' groups.
    void toggleSelectedGroups();
    QStringList collapsedGroups() const { return m_collapsed; }
    /// Shows only (or hides) entities with these tags. Saved with the chart as an undoable step
    /// (ChartTags, "tagFilter"); in a read-only case, or without an undo stack, kept in memory only.
    void setTagFilter(const ChartTagFilter &filter);
    ChartTagFilter tagFilter() const { return m_tagFilter; }
    /// Sizes nodes by degree or betweenness and colours them by component (ChartMeasures) over
    /// what the chart shows. Saved with the chart ("nodeSize", "nodeColour") as an undoable step;
    /// in a read-only case, or without an undo stack, kept in memory only. Betweenness of a large
    /// chart runs on a worker thread (measureProgressed, measuringChanged).
    void setMeasure(const ChartMeasureSetting &setting);
    ChartMeasureSetting measure() const { return m_measure; }
    bool isMeasuring() const;
    /// Stops a measure under way and draws the nodes at one size again (an undoable step).
    void cancelMeasuring();
    /// Node `node`'s disc in widget coordinates (its radius follows Size by).
    QRectF nodeRect(qint32 node) const;
    /// The legend of node sizes and colours in widget coordinates (bottom-left); null when none.
    QRectF legendRect() const;
    /// Moves nodes to these positions (one per node; NaN x leaves a node) as one undoable step.
    void applyPositions(const std::vector<QPointF> &positions, const QString &text);
    /// Highlights the shortest path between the two selected nodes; false when not connected.
    bool highlightSelectedPath();
    /// Highlights entities and relationships by row id (ChartData::highlightRows; `asPath` when
    /// relationship k joins entity k and k + 1); the highlight outlives reloads until cleared.
    void highlightRows(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds, bool asPath);
    /// Adds the entities not on the chart yet (one undoable step, laid out in their order beside the
    /// ones already there), then highlights them and the relationships (as a path when there is one
    /// relationship fewer than entities). Returns how many entities were added.
    int showPath(const QList<qint64> &entityRowIds, const QList<qint64> &relationshipRowIds);
    void clearHighlight();

    QList<QAction *> chartActions() const { return m_actions; }
    /// Fit, zoom in, zoom out (for toolbars).
    QList<QAction *> viewActions() const { return {m_fitAction, m_zoomInAction, m_zoomOutAction}; }

    // For ChartNodesCommand: the store is about to change / has changed through this view.
    void beginOwnChange() { ++m_ownChange; }
    void endOwnChange(const QList<Models::ChartNode> &written, const QList<qint64> &removed);
    /// For ChartSettingCommand: the chart's settings are now these (collapsed groups, filters).
    void endSettingsChange(const QJsonObject &settings);

Q_SIGNALS:
    /// The user picked one entity (click, keyboard): show it in the Inspector.
    void entitySelected(qint64 rowId);
    void selectionChanged();
    /// Node and edge counts or filters changed.
    void contentChanged();
    void errorOccurred(const QString &message);
    void statusMessage(const QString &message);
    void measureProgressed(int percent);
    /// A measure started or stopped running on the worker thread.
    void measuringChanged(bool running);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool event(QEvent *event) override;

private:
    /// The gap between the legend and the view's bottom-left corner, and around it when fitting.
    static constexpr double LegendMargin = 8;
    enum class Drag { None, Pending, MoveNodes, Pan, Rubber };
    /// An action with a shortcut local to the view, added to it and to m_actions.
    QAction *addViewAction(const QString &text, const QKeySequence &key, std::function<void()> slot);
    void createActions();
    void createGroupActions();
    void updateGroupActions();
    /// Reads the collapsed groups, the entities' tags and the saved filters for the freshly loaded m_data.
    void loadGroupsAndTags();
    /// Takes the schema and time filters and the measure from the chart's settings (a time preview stays).
    void takeFilters(const QJsonObject &settings);
    /// Reads the entities' tags and the tag filter (also when the case's tags change).
    void loadTags();
    /// Whether chart settings are written (an undoable step) or only kept in memory.
    bool savesSettings() const;
    /// The selection with group nodes replaced by their members.
    std::vector<qint32> selectedEntityNodes() const;
    void updateActions();
    qint32 nodeAtWidget(QPointF pos) const;
    QPointF toWorld(QPointF widgetPos) const;
    Models::ChartNode rowOf(qint32 node) const;
    /// Pushes a ChartNodesCommand from `before` to `after`.
    void pushChange(const QList<Models::ChartNode> &before, const QList<Models::ChartNode> &after,
                    const QString &text);
    void changeSelectionFlags(quint8 set, quint8 clear, const QString &text);
    void applyFilters();
    /// Computes the measures for what applyFilters() left shown (on the worker when slow).
    void updateMeasures();
    void createMeasureRunner();
    /// Whether a visible node's disc, badge or label lies under the legend at the current view.
    bool legendCoversNodes() const;
    /// Shows these measures. When the legend appears or grows over nodes of a view that shows the
    /// whole chart, fits the view again as Fit does (a view change, not an undo step).
    void setMeasures(ChartNodeMeasures measures);
    /// The nodes with their labels in chart units (their centres only on very large charts).
    QRectF contentRect() const;
    void pushMeasure(const ChartMeasureSetting &setting);
    /// applyFilters(), then tells the panel and repaints.
    void refilter();
    void scheduleReload();
    void notifySelection();
    bool hasSelectedEdge() const;
    /// Marks the lines of these relationships (row ids) as selected (EdgeSelected).
    void markLines(const QSet<qint64> &relationships);
    /// Marks the relationship of line `edge` (all its lines) and shows it in the Inspector.
    void selectEdge(qint32 edge);
    /// Puts freshly loaded data in place (keeping selection, highlight and the view).
    void setLoadedData(ChartData data);
    void placeLoadButton();

    QPointer<Models::CaseFile> m_case;
    QUndoStack *m_stack = nullptr;
    qint64 m_chartId = 0;
    ChartData m_data;
    NodeGrid m_grid;
    double m_scale = 1;
    QPointF m_topLeft; ///< chart point at the widget's top-left corner
    bool m_fitPending = true;
    ChartTime m_chartTime;
    bool m_timePreview = false; ///< m_chartTime is a preview, not (yet) saved
    QStringList m_hiddenNodeSchemata, m_hiddenEdgeSchemata; ///< sorted
    QStringList m_collapsed; ///< collapsed groups (the chart's setting)
    ChartTagFilter m_tagFilter;
    ChartMeasureSetting m_measure;
    ChartMeasureRunner *m_measureRunner = nullptr;
    bool m_filtersRead = false; ///< the saved filters were read since setChart()
    int m_ownChange = 0;
    QTimer *m_reloadTimer = nullptr;
    int m_findCursor = -1;
    ChartLoader *m_loader = nullptr;
    QPushButton *m_loadButton = nullptr; ///< Cancel while loading; Load Again after a cancel
    bool m_loadCancelled = false;
    bool m_reloadAfterLoad = false; ///< an edit landed while a load ran: its snapshot is stale
    QString m_loadError;
    quint64 m_dataVersion = 0; ///< bumped whenever m_data is replaced
    /// The highlight by row id, applied again to freshly loaded data.
    QList<qint64> m_highlightRows, m_highlightRelationships;
    bool m_highlightAsPath = false;
    ChartFrame m_frame;
    bool m_panPending = false;

    Drag m_drag = Drag::None;
    QPointF m_pressPos;
    QPointF m_lastPos;
    std::vector<qint32> m_dragNodes;
    std::vector<QPointF> m_dragStart;
    QRectF m_rubber; ///< widget coordinates
    Qt::KeyboardModifiers m_pressModifiers;

    QList<QAction *> m_actions;
    QAction *m_fitAction = nullptr;
    QAction *m_zoomInAction = nullptr;
    QAction *m_zoomOutAction = nullptr;
    QAction *m_expandAction = nullptr;
    QAction *m_hideAction = nullptr;
    QAction *m_showHiddenAction = nullptr;
    QAction *m_pinAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_groupAction = nullptr;
    QAction *m_collapseAction = nullptr;
    QAction *m_ungroupAction = nullptr;
    QAction *m_pathAction = nullptr;
    QAction *m_clearPathAction = nullptr;
    QAction *m_selectAllAction = nullptr;
};

} // namespace Casegraph::Ui

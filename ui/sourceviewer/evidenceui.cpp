// SPDX-FileCopyrightText: Casegraph developers
// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidenceui.h"
#include "evidencedialogs.h"
#include "inspectordock.h"
#include "sourcesdock.h"
#include "sourceviewer.h"
#include "unsupportedfactsdock.h"

#include "itemmodels/propertiesmodel.h"
#include "itemmodels/sourcesmodel.h"
#include "storage/casefile.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QTableView>
#include <QTextBrowser>

namespace Casegraph::Ui {

using namespace Casegraph::Models;

EvidenceUi::EvidenceUi(QMainWindow *window, SourcesDock *sources, InspectorDock *inspector)
    : QObject(window), m_window(window), m_sources(sources), m_inspector(inspector) {
    m_viewerDock = new QDockWidget(tr("Source Viewer"), window);
    m_viewerDock->setObjectName(QStringLiteral("SourceViewerDock"));
    m_viewerDock->toggleViewAction()->setText(tr("Source &Viewer"));
    m_viewer = new SourceViewer(m_viewerDock);
    m_viewerDock->setWidget(m_viewer);
    m_viewerDock->setFocusProxy(m_viewer->textView());
    m_unsupported = new UnsupportedFactsDock(window);

    m_gradingScheme = new QAction(tr("&Grading Scheme…"), this);
    m_gradingScheme->setToolTip(tr("Choose the case's grading of source reliability and information credibility"));
    connect(m_gradingScheme, &QAction::triggered, this, &EvidenceUi::editGradingScheme);

    // Double-click (or Enter) on a source reads it in the viewer.
    connect(m_sources->view(), &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (m_sources->model() && index.isValid()) {
            openSource(m_sources->model()->summary(index.row()).id);
        }
    });
    connect(m_inspector, &InspectorDock::excerptActivated, this, &EvidenceUi::openExcerpt);
    connect(m_viewer, &SourceViewer::entityActivated, this, &EvidenceUi::entityActivated);
    connect(m_unsupported, &UnsupportedFactsDock::entityActivated, this, &EvidenceUi::entityActivated);
    // The dock keeps its short title: it is a tab beside Sources and Notes, and a source's title in
    // it cut those to "So…" and "N…" at 1366 px; the viewer's header names the source in bold.
    setCase(nullptr, nullptr);
}

EvidenceUi::~EvidenceUi() = default;

void EvidenceUi::setCase(CaseFile *caseFile, CaseEditor *editor) {
    m_case = caseFile;
    m_editor = editor;
    m_viewer->setCase(caseFile, editor);
    m_unsupported->setCase(caseFile);
    m_gradingScheme->setEnabled(caseFile && editor && !caseFile->isReadOnly());
    if (caseFile && m_inspector->model()) {
        // The entity in the Inspector is where "Attach as Excerpt" starts.
        connect(m_inspector->model(), &PropertiesModel::entityLoaded, m_viewer,
                [this] { m_viewer->setContextEntity(m_inspector->entityRowId()); });
    }
}

void EvidenceUi::addToMenus(QMenu *edit, QMenu *view, QMenu *analysis) {
    if (edit) {
        edit->addSeparator();
        edit->addAction(m_viewer->attachAction());
        edit->addAction(m_viewer->createEntityAction());
        edit->addAction(m_viewer->gradeAction());
        edit->addAction(m_gradingScheme);
    }
    if (view) {
        view->addAction(m_viewerDock->toggleViewAction());
    }
    if (analysis) {
        analysis->addAction(m_unsupported->toggleViewAction());
    }
}

void EvidenceUi::resetLayout() {
    if (m_window->dockWidgetArea(m_viewerDock) == Qt::NoDockWidgetArea) {
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_viewerDock);
        m_window->addDockWidget(Qt::RightDockWidgetArea, m_unsupported);
    }
    m_window->tabifyDockWidget(m_sources, m_viewerDock);
    m_window->tabifyDockWidget(m_sources, m_unsupported);
    m_viewerDock->setFloating(false);
    m_viewerDock->show();
    m_unsupported->setFloating(false);
    m_unsupported->hide();
    m_sources->raise();
}

void EvidenceUi::raiseViewer() {
    if (m_viewerDock->isHidden()) {
        m_viewerDock->show();
    }
    m_viewerDock->raise();
}

void EvidenceUi::openSource(qint64 sourceId) {
    raiseViewer();
    m_viewer->showSource(sourceId);
    m_viewer->textView()->setFocus(Qt::OtherFocusReason);
}

void EvidenceUi::openExcerpt(qint64 sourceId, qint64 excerptId) {
    raiseViewer();
    m_viewer->showExcerpt(sourceId, excerptId);
}

void EvidenceUi::editGradingScheme() {
    if (!m_editor) {
        return;
    }
    GradingSchemeDialog dialog(*m_editor, m_window);
    dialog.exec();
}

} // namespace Casegraph::Ui
